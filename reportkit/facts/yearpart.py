"""The part of a year that a year written in a phrase of that part dates: "in the first quarter of 2027".

"Nigerians sent ₦ 318 trillion ... in the first quarter of 2027, 41% more than in the same quarter of
2026, across about 3.4 billion transactions." The last figure's clause says no time; it takes its year
(2027) from the sentence's earlier clause (:mod:`.year`), and that year is written as a quarter's. The
figure is the quarter's, not the year's: a card "Transactions, 2027" would print a quarter's count as
the whole year's. :func:`written_part` gives that quarter, half or month ("2027-Q1"); :mod:`.period`
uses it for a figure whose own clause names no time.
"""

from __future__ import annotations

import re

from ..lazyre import lazy

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# "the first quarter of 2027", "the second half of 2026", "in March 2027", "in March of 2027"; the year last
_PART = lazy(r"\b(?:(?P<o>first|second|third|fourth)[- ](?P<k>quarter|half)\s+of\s+(?:the\s+(?:year\s+)?)?"
             r"|(?:in|for|during)\s+(?P<m>(?-i:" + "|".join(m.capitalize() for m in _MONTHS) + r"))\s+(?:of\s+)?)\Z", re.I)


def written_part(sentence: str, end: int, year: int) -> tuple[str, int] | None:
    """The period ("2027-Q1", "2026-H2", "2027-03") of the last time ``sentence[:end]`` writes ``year``
    in, and where that mention ends, when that mention is a part of the year ("the first quarter of
    2027"); ``None`` when the last mention of the year is bare ("in 2027") or there is none."""
    at = sentence.rfind(str(year), 0, end)
    if at < 0 or sentence[at + 4: at + 5].isdigit() or (at and sentence[at - 1].isalnum()):
        return None
    m = _PART.search(sentence, max(0, at - 40), at)
    if m is None:
        return None
    if m.group("m"):
        return f"{year}-{_MONTHS.index(m.group('m').lower()) + 1:02d}", at + 4
    n = _ORD[m.group("o").lower()]
    if m.group("k").lower() == "half" and n > 2:
        return None
    return f"{year}-{m.group('k')[0].upper()}{n}", at + 4
