"""A residual row: "Other", "Others", "Rest of world", "All other markets", "Elsewhere".

A table or list often ends with a row for everything it does not name. That row is not a peer
of the named ones: "Other" holds many markets, so a bar of it beside China's says nothing of
any one market, and a caption calling it the "highest" contradicts an article that names China
the largest buyer. So

- an automatic **comparison** (:mod:`reportkit.charts.auto`) leaves the residual row out: it
  compares the named rows only;
- a chart that keeps it (the slices of a whole, a layout's own chart) never ranks it: the
  ``{max_category}``/``{min_category}`` of a caption (:mod:`reportkit.charts.text`) and the
  "highest"/"lowest" of a description (:mod:`reportkit.charts.describe`) are of the named rows;
- and where the residual bar drawn beside them is higher than the highest named row (or lower
  than the lowest), that word is not printed at all (:func:`ends_shown`): "lowest Gulf City (33%)"
  under a chart whose "Other dealers" bar is 28% contradicts the chart it captions.
"""

from __future__ import annotations

import re

# the whole name is the rest: "Other", "Others", "Other markets", "All other countries",
# "Rest of (the) world", "Rest of Europe", "The rest", "Elsewhere", "Remainder"
_RESIDUAL = re.compile(
    r"(?:all\s+)?others?(?:\s+[a-z][\w&'’.-]*){0,2}|(?:the\s+)?rest(?:\s+of\s+(?:the\s+)?[a-z][\w'’.-]*){0,1}"
    r"|elsewhere|remainder|miscellaneous|unallocated|unspecified|not\s+specified",
    re.I)


def is_residual(name: str) -> bool:
    """Whether a row or category named ``name`` is the rest of the rows ("Other", "Rest of world")."""
    return _RESIDUAL.fullmatch(" ".join((name or "").split()).strip(" .:*")) is not None


def ranked(items: list, name) -> list:
    """``items`` that take part in a ranking: all but the residual ones (``name(item)`` is an
    item's row name), unless every item is residual."""
    named = [x for x in items if not is_residual(name(x))]
    return named or items


def last(items: list, name) -> list:
    """``items`` with the residual ones moved to the end, the rest in their order: "Other" is
    drawn after the rows it is the rest of, wherever the source wrote it."""
    return sorted(items, key=lambda x: is_residual(name(x)))


def emphasis(categories: list[str], category_kind: str) -> list[str]:
    """How each bar of a one-series bar chart is drawn: ``"strong"`` (the primary colour),
    ``"earlier"`` (lighter) or ``"rest"`` (grey, the muted colour).

    On a time axis ("2025", "Jan 2027", "Last week") and on a layout's own chart the latest bar is
    strong and the earlier ones lighter, so the eye lands on "now"; across subjects (markets,
    regions, clubs) no bar is "latest": every named bar is strong and a residual one ("Other") is
    grey, the rest and not a peer.
    """
    if category_kind == "subject":  # a comparison the text states across subjects (auto.py)
        return ["rest" if is_residual(c) else "strong" for c in categories]
    # a layout's own chart ("label") keeps the latest-bar rule its captions were written for
    return ["strong" if k == len(categories) - 1 else "earlier" for k in range(len(categories))]


def ends_shown(named: list[float], rest: list[float]) -> tuple[bool, bool]:
    """Whether the highest and the lowest of the ``named`` rows' values are also the highest and
    the lowest of the chart that draws the ``rest`` (the residual rows' values) beside them."""
    if not named:
        return False, False
    return all(v <= max(named) for v in rest), all(v >= min(named) for v in rest)
