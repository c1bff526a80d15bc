"""Which facts an automatic chart may draw as points of one series, beyond their measure.

- a table's **total row** (:func:`reportkit.facts.total_cells`: "Total", "All households", or a
  row that sums the others) is the whole of the rows above it: drawn beside them it would be
  read as one more part, so the parts are drawn and the total is not;
- a table's cells are compared **with each other only**: a figure of the text beside a table's
  rows ("1.86 million skier days" in Valmora beside the table's areas) may be their whole;
- a table's **caption** (:func:`caption_of`) is the words a chart of it may be titled with;
- a figure dated **after the article's own date** ("Year: 2028; Capacity ...: 12.0" in a note of
  December 2026) is a plan or a forecast, whatever its sentence's wording: a trend of what
  happened does not end on it.
"""

from __future__ import annotations

import re
from datetime import date

from ..facts import header_unit, name_of_rows, parse_date, published_text, split_row, total_cells
from ..model import Document, Fact

_PERIOD_START = re.compile(r"((?:19|20)\d\d)(?:-(?:Q([1-4])|H([12])|(0[1-9]|1[0-2])))?")


def parts(doc: Document) -> list[Fact]:
    """``doc``'s facts without the cells of its tables' total rows."""
    totals = total_cells(doc.facts)
    return [f for f in doc.facts if f.id not in totals] if totals else list(doc.facts)


def after_publication(f: Fact, doc: Document) -> bool:
    """Whether ``f``'s period ("2028", "2027-Q1", "2027-H2", "2027-03") starts after the date the
    article was written (its dateline, else its metadata); False when either is unknown."""
    m = _PERIOD_START.fullmatch(f.period or "")
    published = parse_date(published_text(doc))
    if m is None or published is None:
        return False
    year, q, h, month = m.groups()
    first_month = (int(q) - 1) * 3 + 1 if q else (int(h) - 1) * 6 + 1 if h else int(month) if month else 1
    return date(int(year), first_month, 1) > published


def table_of(f: Fact) -> tuple[str, ...]:
    """The column headers of the table row ``f`` is a cell of; () for a figure of the text."""
    row = split_row(f.sentence)
    return tuple(head for head, *_rest in row) if row else ()


def other_columns(facts: list[Fact]) -> list[str]:
    """The headers of the columns of ``facts``' table that hold a figure but none of ``facts``
    (not the rows' names): what a caption may name instead of their column ("Median price" beside
    the "Sales" column)."""
    own = {f.text.strip() for f in facts}
    heads: list[str] = []
    for f in facts:
        row = split_row(f.sentence) or []
        for head, cell, *_rest in row[1:]:
            if any(ch.isdigit() for ch in cell) and cell.strip() not in own and head not in heads:
                heads.append(head)
    return heads


def counted_by_name(f: Fact) -> bool:
    """Whether ``f`` is a cell of a column whose header names a thing and no unit ("Stores": a
    count of stores), rather than one whose header states what its numbers measure ("Rent now (dh
    a month)", "Passengers (thousands)")."""
    row = split_row(f.sentence) if f.unit == "count" else None
    head = next((h for h, cell, *_rest in row if cell.strip() == f.text.strip()), None) if row else None
    return head is not None and header_unit(head) is None


def caption_of(doc: Document, facts: list[Fact]) -> str | None:
    """The caption of the one table whose rows hold every fact of ``facts``; None when they
    are not all cells of one captioned table."""
    named = table_name(doc, facts)
    return named[1] if named and named[0] == "caption" else None


# "The table below gives donations by region.": the sentence that introduces a table says what it holds
def table_name(doc: Document, facts: list[Fact]) -> tuple[str, str] | None:
    """What names the one table whose rows hold every fact of ``facts``, as ``(where, words)``:
    its caption (``"caption"``); else the heading of a section it opens (``"heading"``: "## Exports
    by destination, 2026" right above the rows); else what the sentence right before it says it
    gives (``"intro"``: "The table below gives donations by region."). None when the facts are
    not all cells of one table, or nothing names it."""
    rows = {f.sentence for f in facts}
    if not rows or not all(table_of(f) for f in facts):
        return None
    return name_of_rows(doc, rows)


