"""A table's caption: the period and the unit it gives the table's cells.

The readers keep a table's caption (an HTML ``<caption>``, a caption line above a PDF or Word
table) in the body text as the line right above the table's rows, in the same block (blocks
are apart by a blank line). A caption often says what every cell shares and no header repeats:

- the **period**, as its last comma part: "Swims by pool, 2026", "Deliveries by product, fourth
  quarter of 2026", "Sales by game, third quarter of fiscal 2027", "Selected clubs, fiscal 2026";
  a period inside the caption's words ("Average annual bill from April 2027, by customer group")
  is when something starts, not the cells' period, and is not read;
- the **unit**, in a bracket at its end: "Selected clubs, fiscal 2026 (€m)" says that the
  "Revenue" and "Wages" columns are millions of euros.

A header's or a row's own period or unit comes first; the caption fills only what they leave open.
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..model import Document

_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_PART = lazy(r"(?:the\s+)?(?P<ord>first|second|third|fourth)\s+(?P<k>quarter|half)\s+of\s+"
             r"(?P<fiscal>fiscal\s+(?:year\s+)?)?(?P<y>(?:19|20)\d\d)", re.I)
_END_BRACKET = lazy(r"(?P<words>.*?)\s*\((?P<u>[^()]{1,24})\)\s*")


def table_caption(text: str, row_start: int) -> str | None:
    """The caption of the table whose first row starts at ``row_start`` of ``text``: the line
    right above it in the same block, when there is one."""
    if row_start < 2 or text[row_start - 1] != "\n" or text[row_start - 2] == "\n":
        return None
    begin = text.rfind("\n", 0, row_start - 1) + 1
    if begin >= 2 and text[begin - 2] != "\n":
        return None  # the line above is no block's first line: an item of a list, not a caption
    line = text[begin:row_start - 1].strip()
    return line or None


def caption_period(caption: str | None, period) -> tuple[str | None, int | None]:
    """(period, year) the caption's last comma part names, or (None, None). ``period`` is
    :func:`reportkit.facts.cells.period`, passed in so that the two read periods alike."""
    if not caption or "," not in caption:
        return None, None
    m = _END_BRACKET.fullmatch(caption)
    last = (m.group("words") if m else caption).rsplit(",", 1)[1].strip()
    part = _PART.fullmatch(last)
    if part:
        n, k, y = _ORD[part.group("ord").lower()], part.group("k").lower(), part.group("y")
        name = f"{y}-{'Q' if k == 'quarter' else 'H'}{n}"
        # a fiscal year's quarter is not the calendar's: it is named so and has no calendar year
        return (f"FY{name}", None) if part.group("fiscal") else (name, int(y))
    found, year, words, _timed = period(last)
    if found is None or words:
        return None, None
    return found, year


def caption_unit(caption: str | None) -> str | None:
    """The unit a bracket at the caption's end names ("(€m)"), as written; None without one."""
    if not caption:
        return None
    m = _END_BRACKET.fullmatch(caption)
    return m.group("u").strip() if m else None


# the sentence before a table that names it: "The table below shows average waiting times by region."
_INTRO = lazy(r"\b(?:the|this)\s+table\s+(?:below\s+)?(?:gives|shows|lists|sets\s+out)\s+"
              r"(?:the\s+|our\s+)?(?P<what>[^.:;]{3,80}?)\s*[.:]?\s*$"
              # "Exports by market in the first quarter of 2027 were as follows:": the sentence's subject
              r"|(?:^|[.!?]\s+)(?P<follows>[A-Z][^.:;!?]{2,79}?)\s+(?:were|was|are|is)\s+as\s+follows\s*[.:]?\s*$", re.I)


def name_of_rows(doc: Document, rows: set[str]) -> tuple[str, str] | None:
    """What names the table whose rows (as the body text writes them) hold ``rows``: ("caption", its
    caption), ("heading", its section's heading) or ("intro", what the sentence before it says it
    shows); what a table's chart is titled with (``charts/tabled.py``), and what ``verify`` and the card
    gate read a row's table title with."""
    for s in doc.sections:
        for i, b in enumerate(s.blocks):
            if b.kind != "list" or not rows <= set(b.items):
                continue
            if b.caption:
                return "caption", b.caption
            if i == 0 and s.heading and s.heading.strip() != (doc.title or "").strip():
                return "heading", s.heading.strip()
            intro = _INTRO.search(s.blocks[i - 1].text) if i else None
            return ("intro", intro.group("what") or intro.group("follows")) if intro else None
    return None
