"""A table's amount column whose header is only a currency ("US$ million"), charted across its rows.

"Table 1: Exports by product, July–December 2026" over the columns "Product", "Tonnes", "US$
million" and "Change on year (%)": the facts stage reads the "US$ million" cells as amounts of
money with no measure (its header names none: :func:`reportkit.facts.table_cells`). The table's
name says what they are when it says **what its rows are**, in words that end on the first
column's header ("Exports by product" over "Product"): the words before "by" are the measure
("Exports"), the whole name is the chart's title, as written. A name that does not say so
("Buyers", a section's heading) titles nothing: no chart (print less).

One column per table: of two such columns (euros and dollars of one table) the first. A total row
is left out (:func:`.tabled.parts`), a residual one drawn last (:mod:`.residual`).
"""

from __future__ import annotations

import re

from ..facts import split_row
from ..model import Document, Fact
from .coherent import key
from .residual import last
from .tabled import parts, table_name, table_of

MIN_ROWS = 3  # fewer rows are no comparison worth a chart (auto.MIN_COMPARE)
# a caption's label ("Table 1:") and the rows its words name ("... by product, ...")
_LABEL = re.compile(r"(?:Table|Tab\.)\s*\d+[A-Za-z]?\s*[:.–—-]\s+", re.I)
# a header that is a currency's amount and nothing else: "US$ million", "€ million", "Rp bn"
_AMOUNT_HEAD = re.compile(r"(?:US\$|[A-Z]{1,3}[$€£]|[$€£¥₹₽₩₺₫₱₸৳₵₦₴₪฿]|GH₵|Rp|[A-Z]{3})\s*"
                          r"(?:millions?|billions?|thousands?|m|mn|bn|k)?")
_BY = re.compile(r"(?P<measure>[A-Za-z][\w' -]{1,40}?)\s+by\s+(?P<rows>[a-z][a-z -]{1,30}?)\s*(?:,|$)", re.I)


def _cell(f: Fact) -> tuple[str, str] | None:
    """(the column header, the row's name) of table cell ``f``."""
    row = split_row(f.sentence)
    if not row:
        return None
    head = next((h for h, cell, *_r in row[1:] if cell.strip() == f.text.strip()), None)
    return (head, row[0][1]) if head else None


def measure_of_name(doc: Document, facts: list[Fact]) -> str | None:
    """The measure the name of the table holding ``facts`` gives its rows ("Exports" of "Exports by
    product, July–December 2026" over a "Product" column); None when it names no such thing."""
    named = table_name(doc, facts)
    first = table_of(facts[0])[:1]
    if named is None or not first:
        return None
    m = _BY.match(_LABEL.sub("", named[1], count=1).strip())
    if m is None or key(m.group("rows")).rstrip("s") != key(first[0]).rstrip("s"):
        return None
    return m.group("measure").strip()


def amount_columns(doc: Document) -> list[tuple[str, list[Fact], list[str]]]:
    """(measure, cells, row names) of each table's first currency-only column that its table's
    name says the measure of (see the module docstring)."""
    columns: dict[tuple[tuple[str, ...], str], list[tuple[str, Fact]]] = {}
    for f in parts(doc):
        if f.measure or f.range or not table_of(f) or not (len(f.unit) == 3 and f.unit.isupper()):
            continue
        cell = _cell(f)
        if cell is not None and _AMOUNT_HEAD.fullmatch(cell[0].strip()):
            columns.setdefault((table_of(f), cell[0]), []).append((cell[1], f))
    out, seen = [], set()
    for (heads, _head), rows in columns.items():
        if heads in seen or len(rows) < MIN_ROWS or len({key(n) for n, _f in rows}) < len(rows):
            continue
        measure = measure_of_name(doc, [f for _n, f in rows])
        if measure:
            seen.add(heads)
            rows = last(rows, lambda x: x[0])  # "Other" after the rows it is the rest of
            out.append((measure, [f for _n, f in rows], [n for n, _f in rows]))
    return out
