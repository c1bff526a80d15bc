"""An automatic chart's title, and how candidates of equal weight are ordered.

**Title.** A chart of a captioned table's column is titled with the caption, as written (its
label "Table 2:" left off), when the caption names that column's measure and only it ("Swims
by pool, 2026" over the Swims column), or names one measure and the column is the only one of
its table with a measure ("Exports by market, first half of fiscal 2027" over "Value (€m)" beside
a "Change (%)" of it). A caption naming two measures ("Deliveries and prices by
product") is the whole table's title, not one column's; that chart, like any other, is titled
with its measure's words, its subject's and the period every point shares ("Loans, 2026").

**Ties.** Candidates are ranked by weight (:func:`reportkit.charts.auto.candidates`); of two of
equal weight, a series the prose states comes before a table's columns (the prose says what
the article is about; its table is the data behind it), then the one with more points, then
the first in the week's order. The order never depends on anything but the candidates.
"""

from __future__ import annotations

import re

from ..model import ChartPoint, Document, Fact
from .coherent import PERIOD, key, period_name, period_of
from .tabled import caption_of, table_of

# a caption's label: "Table 2:", "Table 2.", "Tab. 3 –"
_LABEL = re.compile(r"(?:Table|Tab\.)\s*\d+[A-Za-z]?\s*[:.–—-]\s+", re.I)
_JOINED = re.compile(r"\b(?:and|&)\b|\bvs\.?\b|\bversus\b", re.I)


def caption_title(doc: Document, facts: list[Fact], measure: str) -> str | None:
    """The caption of the one table all ``facts`` are cells of, when it names ``measure``
    and no second one (see the module docstring); else None."""
    caption = caption_of(doc, facts)
    if not caption or not measure.strip():
        return None
    words = _LABEL.sub("", caption, count=1).strip()
    head = re.split(r"\s+by\s+|,|:", words, maxsplit=1)[0]
    if _JOINED.search(head):
        return None
    named = re.search(rf"(?<![\w-]){re.escape(key(measure))}(?![\w-])", key(words)) is not None
    # "Exports by market" over "Value (€m)" and "Change (%)": the change column names no measure
    # (reportkit.facts.cells), so the caption's one measure is the value column's
    rows = {f.sentence for f in facts}
    others = {key(f.measure) for f in doc.facts if f.sentence in rows and f.measure} - {key(measure)}
    if not named and others:
        return None
    return words[:1].upper() + words[1:]


def chart_title(c) -> str:
    """A candidate's title: its table's caption (:func:`caption_title`), else its measure's
    words, its subject's and the period every point shares."""
    measure = c.measure.strip()
    captioned = caption_title(c.doc, c.facts, measure)
    if captioned:
        return captioned
    title = measure[:1].upper() + measure[1:]
    if c.subject and key(c.subject) not in key(measure):
        # "European list price" written whole is its title: "List price, European" cuts the noun phrase
        whole = next((m.group(0) for f in reversed(c.facts) if (m := re.search(
            rf"(?<![\w'’-]){re.escape(c.subject)}\s+{re.escape(measure)}(?![\w-])", f.sentence, re.I))), None)
        title = whole[:1].upper() + whole[1:] if whole else f"{title}, {c.subject}"
    when = {period_of(f) for f in c.facts}
    if c.kind in ("comparison", "parts") and len(when) == 1 and PERIOD.match(next(iter(when))):
        title = f"{title}, {period_name(next(iter(when)))}"  # "Loans, 2026": the table's other column is 2025
    return title


def caption_point(c, title: str) -> ChartPoint | None:
    """The title's provenance when it is its table's caption: the caption's words, with the numbers
    they print ("2026", "2027"), sit above every row the chart draws (None for any other title)."""
    if title != caption_title(c.doc, c.facts, c.measure.strip()):
        return None
    return ChartPoint("title", "", None, title, fact_ids=[f.id for f in c.facts])


def rank_key(c) -> tuple:
    """The sort key of a candidate (best first): weight, then prose before a table, then more
    points, then the week's order (see the module docstring)."""
    from_table = all(table_of(f) for f in c.facts)
    return (-c.score, from_table, -len(c.facts), c.order)
