"""Periods written as a span to a month ("the three months to December", "the six months to June 2026",
"the quarter ended September"), as "the same period of 2025", and the year a bare quarter or half
("in the first half") means in an article of a given date.

A span of three months to a quarter's last month is that quarter ("2026-Q4"), of six months to June
or December that half; any other span ("the nine months to September", "the year to June",
"the three months to November") crosses the calendar's periods and has no period key: the
caller then gives the figure none, rather than borrowing one from elsewhere in its sentence.
"The same period of 2025" is the figure's reference period (the one its sentence or the article
just told) in that year. A bare quarter or half told in the past is the latest one that had ended
by the article's date (a note of 4 March 2027 about "the first half" means 2026's); one that has not
ended is only right for a forecast. Used by :mod:`reportkit.facts.period`.
"""

from __future__ import annotations

import re
from datetime import date as Date

from ..lazyre import lazy

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_RE = "|".join(m.capitalize() for m in _MONTHS)
_WORDS = {"three": 3, "six": 6, "nine": 9, "twelve": 12}
#: "the three months to December", "the six months ended 30 June 2026", "the quarter to December 2025",
#: "the half-year to June", "the nine months through September", "the year to June"
SPAN = lazy(r"\b(?:(?P<n>three|six|nine|twelve|3|6|9|12)[- ]months?|(?P<k>quarter|half[- ]year|half|year))"
            r"\s+(?:to|ended|ending|through|until)\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}\s+)?"
            r"(?P<m>" + _MONTH_RE + r")(?:\s+\d{1,2}\b)?(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?")
#: "in the same period of 2025", "the same half of 2025", "over the same three months", "the same quarter a year
#: earlier": the period of the figure's account, in that year (or the same one)
SAME = lazy(r"\bthe\s+same\s+(?P<k>period|quarter|half|month|three[- ]months|six[- ]months)\b"
            r"(?:\s+(?:of|in)\s+(?P<y>(?:19|20)\d\d)\b|\s+(?P<ago>a\s+year\s+(?:earlier|ago|before)|last\s+year"
            r"|of\s+(?:the\s+previous|last)\s+year)\b)?", re.I)
# a quarter or half told as still under way, or in an estimate or outlook ("could shave 0.1 point off
# growth in the fourth quarter", "That implies fourth-quarter deliveries of"): the current one is right
_SO_FAR = lazy(r"\b(?:so\s+far|to\s+date|thus\s+far|(?:has|have)\s+(?:\w+\s+)?(?:been|risen|fallen|grown|"
               r"climbed|dropped|declined|increased|decreased|jumped|slipped|edged|eased)|expects?|expected|could|would|"
               r"may|might|should|likely|estimates?|estimated|impl(?:y|ies|ied)|forecasts?|projects?|projected|"
               r"predicts?|predicted|sees|guid(?:ance|es|ed)|outlook|targets?|aims?|plans?|hopes?)\b", re.I)
_PERIOD = lazy(r"^(?P<y>(?:19|20)\d\d)(?:-(?P<k>Q|H)?(?P<n>\d\d?))?$")


def earlier_year(reference: str) -> str | None:
    """``reference`` (a period key) a year before: "2026-Q4" -> "2025-Q4", "2026" -> "2025"."""
    ref = _PERIOD.match(reference)
    return None if ref is None else str(int(ref.group("y")) - 1) + reference[4:]


def span_period(m: re.Match[str], year: int | None, published: Date | None, future: bool) -> str | None:
    """The period key of a :data:`SPAN` match: a quarter or half, or ``None`` (a span that is neither,
    or whose year cannot be told). Its year is the one written after the month, else ``year`` (the
    sentence's), else the latest such month that had ended by ``published`` (the next one, in a
    forecast)."""
    months = _WORDS.get((m.group("n") or "").lower()) or int(m.group("n") or 0)
    kind = (m.group("k") or "").lower().replace("-", " ")
    if kind:
        months = 3 if kind == "quarter" else 12 if kind == "year" else 6
    end = _MONTHS.index(m.group("m").lower()) + 1
    if months not in (3, 6) or end % months:
        return None  # "the nine months to September", "the three months to November": no period key
    y = int(m.group("y")) if m.group("y") else year
    if y is None and published is not None:
        if future:
            y = published.year if end >= published.month else published.year + 1
        else:
            y = published.year if end < published.month else published.year - 1
    if y is None:
        return None
    return f"{y}-Q{end // 3}" if months == 3 else f"{y}-H{end // 6}"


def same_period(m: re.Match[str], reference: str | None) -> str | None:
    """The period of "the same period of 2025" (a :data:`SAME` match): ``reference`` (the period the
    figure's account is of, "2026-Q4") in the year written, or a year before it ("a year earlier"),
    or ``reference`` itself ("over the same three months"). ``None`` when the reference is not of the
    kind the phrase names ("the same half" after a quarter) or there is none."""
    ref = _PERIOD.match(reference or "")
    if ref is None or ref.group("n") is None:
        return None
    word = m.group("k").lower().replace("-", " ")
    kind = ref.group("k") or "M"
    wanted = {"quarter": "Q", "three months": "Q", "half": "H", "six months": "H", "month": "M"}.get(word, kind)
    if wanted != kind:
        return None
    y = int(m.group("y")) if m.group("y") else int(ref.group("y")) - (1 if m.group("ago") else 0)
    return f"{y}-{ref.group('k') or ''}{ref.group('n')}"


def bare_year(kind: str, n: int, sentence: str, cs: int, qs: int, published: Date, future: bool) -> int:
    """The year of a bare quarter (``kind`` "Q") or half ("H") number ``n`` in a sentence of an article
    of date ``published``: in a forecast, the current one if it has not ended, else the next; told as
    under way ("so far in the fourth quarter") or in an estimate, the current one if it has begun; else the latest one
    that had ended by then ("Sales grew 4.1% in the first half", written on 4 March 2027: 2026)."""
    first = 3 * n - 2 if kind == "Q" else 6 * n - 5
    last = first + (2 if kind == "Q" else 5)
    if future:
        return published.year if last >= published.month else published.year + 1
    if _SO_FAR.search(sentence, cs, qs) or _SO_FAR.search(sentence, qs, qs + 60):
        return published.year if first <= published.month else published.year - 1
    return published.year if last < published.month else published.year - 1
