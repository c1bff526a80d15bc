"""What a table column's header words measure, once its unit and period are read off; what a
header with no unit counts.

A header whose time is relative ("Margin, this week") names no measure a reader can date, and a
header made only of change words ("Change on year (%)") says a change but not of what: both name
no measure. The cells of such a column are read with an empty measure (:mod:`.cells`), and a
chart of another column of the same table (:mod:`reportkit.charts.titled`) counts the column as
no measure of its own.
"""

from __future__ import annotations

import re

from . import patterns as P
from ..lazyre import lazy

_RELATIVE_TIME = lazy(r"\b(?:this|last|next|previous|prior|current|latest|year-ago|today)\b", re.I)
# a header made only of these says a change but not of what ("Change on year (%)"): the measure is
# another column's, which one a reader infers and the facts stage does not
_CHANGE_WORDS = frozenset("change changes chg growth rise fall increase decrease difference diff var variation "
                          "on over from against vs versus year y/y yoy annual yearly previous prior the a in of "
                          "total % percent pct".split())
# "Change in value on 2025 (%)": the year after "on"/"over"/"vs" is what a change is measured
# against, not the period of the cells (that is the caption's or the row's)
BASE_YEAR = lazy(r"\b(?:on|over|from|against|vs\.?|versus|compared\s+with|relative\s+to)\s+(?:FY\s?)?(?:19|20)\d\d\b",
                 re.I)


def measure_words(words: str) -> str:
    """``words`` (a header's, its unit and period read off) when they name a measure; "" when
    they name none: a relative time ("Margin, this week") or a change of nothing named
    ("Change on year")."""
    if _RELATIVE_TIME.search(words) or not set(words.lower().split()) - _CHANGE_WORDS:
        return ""
    return words


def counted_header(head: str, column: list[float]) -> bool:
    """Whether a header with no unit counts what it names: a plural noun over whole numbers
    ("Stores", "Member firms": 3,960 stores), not a rank, a code or a year column ("No.", "Year")."""
    words = head.lower().split()
    last = words[-1] if words and all(w.isalpha() for w in words) else ""
    return (len(words) <= 3 and len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is"))
            and last not in P.NOT_COUNTED and last not in _NOT_COUNTS
            and all(float(v).is_integer() and v >= 0 for v in column) and not all(1900 <= v <= 2100 for v in column))


# plural headers over whole numbers that are no count of them
_NOT_COUNTS = frozenset("ranks codes numbers positions places scores ratings grades points ages".split())
