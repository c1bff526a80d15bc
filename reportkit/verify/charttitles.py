"""A chart title of an older build that says not what, whose or when, as its sources decide.

The charts stage titles a table's chart with its table's name and whose it is as the document
says (:mod:`reportkit.story.chartwhose`), and never with a column's header alone. An output an
older build made may print either: "Change in tonnes on year" (the header of a rice table's fourth
column) or "Premium cigar exports by market, first quarter 2027: value" from a release whose lead
says "The Dominican Republic exported ... premium hand-rolled cigars". Both can be decided from
the printed title and the sources: the sources' tables are read once per check run.
"""

from __future__ import annotations

import re

from ..facts import name_of_rows, split_row
from ..lazyre import lazy
from ..model import Document
from ..story import header_key, header_title_why, whose_missing_why

_LABEL = lazy(r"^(?:Table|Tab\.)\s*\d+[A-Za-z]?\s*[:.–—-]\s+", re.I)


class ChartTables:
    """The sources' tables, read once: every column header's key (the row names' column left
    out) and each named table's ``(document, name)``."""

    def __init__(self, docs: list[Document]) -> None:
        self.headers: set[str] = set()
        self.names: list[tuple[Document, str, str]] = []
        for doc in docs:
            for s in doc.sections:
                for b in s.blocks:
                    rows = [r for r in b.items if split_row(r)] if b.kind == "list" else []
                    if not rows or len(rows) != len(b.items):
                        continue
                    self.headers |= {k for head, *_rest in split_row(rows[0])[1:] if (k := header_key(head))}
                    named = name_of_rows(doc, set(rows))
                    if named:
                        name = _LABEL.sub("", named[1], count=1).strip()
                        self.names.append((doc, name, name.lower()))


def chart_title_why(title: str, tables: ChartTables) -> str | None:
    """Why chart title ``title`` says not what, whose or when: it is a source table's column
    header alone, or its table's name without whose it is when the document says whose; None
    otherwise."""
    why = header_title_why(title, tables.headers)
    if why:
        return why
    low = title.strip().lower()
    for doc, name, name_low in tables.names:
        if low.startswith(name_low) and (why := whose_missing_why(title, doc, name)):
            return why
    return None
