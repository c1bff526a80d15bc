"""The period a fact refers to: "2024", "2024-Q3", "2024-H1", "2024-12", "FY2025" or "FY2025-H1".

From the fact's own clause: its year (:mod:`reportkit.facts.year`), "fiscal 2025" (or a part of it,
"the first half of fiscal 2025": "FY2025-H1", never the whole fiscal year), a
quarter ("third-quarter profit", "in the fourth quarter"), a half, a month ("in
December", "at the end of March"), "in the month"/"in the quarter" after an earlier
sentence named one, or a relative phrase ("this year", "last year", "a year ago", "next year").
Relative phrases, and quarters or months without a year, are resolved against the
article's date; without a date they give no period. Comparisons ("up from a year
earlier", "than in 2023") are not the figure's period. When unsure: ``None``.
"""

from __future__ import annotations

import re
from datetime import date as Date

from ..lazyre import lazy
from .label import AUX, IRREGULAR_PAST, STOP, VERBS
from .clauses import clause
from .yearpart import written_part
from .spans import SAME, SPAN, bare_year, earlier_year, same_period, span_period

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_RE = "|".join(m.capitalize() for m in _MONTHS)
_MONTH_KEYS = tuple(m[:3] for m in _MONTHS)
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_QUARTER = lazy(r"\b(?:(?P<ord>first|second|third|fourth)[- ]quarter|Q(?P<q>[1-4]))\b", re.I)
_HALF = lazy(r"\b(?:(?P<ord>first|second)[- ]half|H(?P<h>[12]))\b", re.I)
_FISCAL = lazy(r"\b(?:[Ff]iscal(?:\s+year)?\s+|FY\s?)(?P<y>(?:19|20)\d\d)\b")
_MONTH = lazy(r"\b(?:[Ii]n|[Ff]or|[Dd]uring|[Aa]t\s+the\s+end\s+of|[Aa]t\s+end[- ](?:of\s+)?|[Aa]s\s+of(?:\s+the\s+end\s+of)?)"
              r"\s+(?:(?:early|late|mid)[- ])?(?P<m>" + _MONTH_RE + r")\b"
                    r"(?!\s+\d{1,2}\b)(?!\s+(?:19|20)\d\d)")
_REL = lazy(
    r"\b(?P<this>(?:so\s+far\s+)?this\s+year|year[- ]to[- ]date|the\s+current\s+year)\b"
    r"|\b(?P<last>last\s+year|(?:a|one)\s+year\s+(?:ago|earlier|before)|the\s+previous\s+year|the\s+prior\s+year)\b"
    r"|\b(?P<next>next\s+year)\b",
    re.I,
)
# A time phrase after these words dates what the figure is compared with, not the figure.
# "down 6.1% from May last year", "Compared with April last year": a month may stand between.
_NEUTRAL = lazy(r"\b(?:from|than|on|over|versus|vs\.?|with|against|since|until|to)\s+(?:in\s+)?"
                r"(?:the\s+same\s+\w+\s+|the\s+|a\s+|its\s+|(?:" + _MONTH_RE + r")\s+)?(?:in\s+)?\Z", re.I)
# Figures chained to this one: "($8.1 billion)", ", or 1.7% of GDP,", "rose 94% to $35.08 billion"
_CHAIN = lazy(r"\s*(?:\(|\)|,\s*or|,|;|to|from)?\s*(?:about|around|nearly|roughly|a\s+record)?\s*")
# "97,500 tons in the month": the month (or quarter) an earlier sentence named
_THE = lazy(r"\b(?:in|for|during|over)\s+the\s+(?P<k>month|quarter|half)\b(?!\s+(?:of|before|after|end|earlier)\b|\s+to\s+(?:end-)?(?:" + _MONTH_RE + r"))", re.I)
# a span's apposition that names it a part of a fiscal year
_FISCAL_PART = lazy(r",\s+(?:the\s+)?(?P<ord>first|second|third|fourth)\s+(?P<k>half|quarter)\s+of\s+(?:the|its|their)\s+"
                    r"(?:fiscal\s+(?:year\s+)?|FY\s?)(?P<y>(?:19|20)\d\d)\b", re.I)
_DIGIT = lazy(r"\d")
#: what :func:`period_of` gives a part of a year that has no period key
NO_KEY = ""
# relative phrases that date a figure against the period of its account, not the article's date
_EARLIER = lazy(r"(?:a|one)\s+year\s+(?:earlier|ago|before)|the\s+(?:previous|prior)\s+year", re.I)
_FISCAL_BEFORE = lazy(r"\bfiscal[- ]\Z", re.I)
# "in the first half of fiscal 2027": a part of the fiscal year, never the whole of it
_PART_OF = lazy(r"\b(?P<ord>first|second|third|fourth)\s+(?P<k>half|quarter)\s+of\s+(?:the\s+)?\Z", re.I)
# "from $1.3 billion a year earlier": a time phrase after a change's old value dates that value
_FROM_GAP = lazy(r"\s*from\s*(?:about|around|nearly|roughly|a\s+record)?\s*")
# a comma then a noun phrase of its own between the figure and a time phrase
_APPOSITION = lazy(r",\s+(?:its|their|his|her|the|a|an)\s+[^,]*\Z", re.I)
_NEXT_WORD = lazy(r"\s+([a-z][a-z-]*)\b")
# a clause of its own between the figure and a time phrase: "rose to $11.85 from $10.90, after the
# company raised prices in August" dates the raise, not the figure; "last season, which ended in
# April": the month the season ended, not the figure's
_SUBCLAUSE = lazy(r",?\s(?:after|before|when|because|once|until|as|since)\s+(?:the|a|an|its|their|it|they|he|she|"
                  r"(?-i:[A-Z][a-z]+\s+[a-z]+ed))\b"  # "after Washington raised duties in October"
                  r"|,\s+(?:which|that)\s+(?:ended|began|started|ran|runs|ends|begins|starts|closed)\b", re.I)
# a figure that will be: a bare month or quarter is the next one ("will rise by 15% in January",
# written in December, is next January)
_FUTURE = lazy(r"\b(?:will|(?:is|are)\s+set\s+to|(?:is|are)\s+expected\s+to|expects?\s+to|plans?\s+to)\b", re.I)
# "for the fiscal year starting in April": the month a longer period starts, not the figure's month
_STARTING = lazy(r"\b(?:starting|beginning|commencing|that\s+(?:starts|begins)|which\s+(?:starts|begins))\s+\Z", re.I)
# the figure right after "from" is a change's old value
_OLD_VALUE = lazy(r"\bfrom\s+(?:about\s+|around\s+|nearly\s+|roughly\s+|almost\s+)?\Z")
# "since the season began in July": the month a span starts, not the figure's (as of the article's date)
_SINCE = lazy(r"\bsince\b[^,;.]{0,40}\Z", re.I)
_YEAR = lazy(r"(?:19|20)\d\d")
_REACH = 70  # a time phrase further from the figure than this is about something else

_DATE = lazy(
    rf"\b(?:(?P<m1>{_MONTH_RE}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RE}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?,?\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<iso>(?:19|20)\d\d-\d\d-\d\d))\b"
)


def parse_date(text: str | None) -> Date | None:
    """The first full date in ``text`` ("Oct 31, 2024", "31 October 2024", "2024-10-31"), else ``None``.

    A dateline without a year ("LONDON, Oct 31") gives none: the year is not guessed.
    """
    if not text:
        return None
    m = _DATE.search(text)
    if m is None:
        return None
    try:
        if m.group("iso"):
            return Date.fromisoformat(m.group("iso"))
        mon = (m.group("m1") or m.group("m2")).lower()[:3]
        month = [x[:3] for x in _MONTHS].index(mon) + 1
        return Date(int(m.group("y1") or m.group("y2")), month, int(m.group("d1") or m.group("d2")))
    except ValueError:
        return None


def _chained(sentence: str, a: int, b: int) -> bool:
    return bool(_CHAIN.fullmatch(sentence[a:b]))


def _near(sentence: str, qs: int, qe: int, pattern: re.Pattern[str], others: list[tuple[int, int]]):
    """The match of ``pattern`` that belongs to the figure at ``qs:qe``: the first after it in
    its clause, else the last before it; a figure in between must be chained to this one."""
    cs, ce = clause(sentence, qs)
    later = sorted(o for o in others if o[0] >= qe)
    earlier = sorted((o for o in others if o[1] <= qs), reverse=True)
    for m in pattern.finditer(sentence, qe, ce):
        if m.start() - qe > _REACH:
            break
        if _NEUTRAL.search(sentence, max(0, m.start() - 30), m.start()) or _SINCE.search(sentence, qe, m.start()):
            continue
        if _APPOSITION.search(sentence, qe, m.start()) or _SUBCLAUSE.search(sentence, qe, m.start()):
            break  # "to 1.50% on Wednesday, its third cut this year": the year of the apposition's cut
        pos, ok = qe, True
        for s, e in later:
            if s >= m.start():
                break
            ok = ok and _chained(sentence, pos, s) and not _FROM_GAP.fullmatch(sentence, pos, s)
            pos = e
        if ok:
            return m
        break
    found = None
    for m in pattern.finditer(sentence, cs, qs):
        if qs - m.end() <= _REACH and not _NEUTRAL.search(sentence, max(0, m.start() - 30), m.start()) \
                and not _SINCE.search(sentence, max(cs, m.start() - 45), m.start()):
            found = m
    if found is None or (_OLD_VALUE.search(sentence, found.end(), qs) and any(e <= found.start() for _s, e in earlier)
                         and _YEAR.search(found.group(0))):
        # "to 0.6% in fiscal 2027 from 1.1%": a year written after the new value dates it, not the old
        # ("in the first half, up from ... in the same period last year" shares the half)
        return None
    pos = qs
    for s, e in earlier:
        if e <= found.end():
            break
        if not _chained(sentence, e, pos):
            return None
        pos = s
    return found


def _attributive(sentence: str, end: int) -> bool:
    """Whether the month ending at ``end`` describes the noun after it ("January sailings",
    "March delivery") rather than dating the figure ("in March rose", "in March from")."""
    nxt = _NEXT_WORD.match(sentence, end)
    if nxt is None:
        return False
    w = nxt.group(1)
    return not (w in STOP or w in VERBS or w in AUX or w in IRREGULAR_PAST or w.endswith(("ed", "ly")))


def bare_year_of(sentence: str, qs: int, kind: str, n: int, published: Date) -> int:
    """The year a bare quarter (``kind`` "Q") or half ("H") number ``n`` means for the figure at ``qs``
    of ``sentence`` in an article of date ``published``, as :func:`period_of` reads it."""
    cs = clause(sentence, qs)[0]
    return bare_year(kind, n, sentence, cs, qs, published, bool(_FUTURE.search(sentence, cs, qs)))


def period_of(sentence: str, qs: int, qe: int, year: int | None, published: Date | None,
              others: list[tuple[int, int]], recent: dict[str, str] | None = None,
              reference: str | None = None, told: dict[str, str] | None = None) -> str | None:
    """The period of the figure at ``sentence[qs:qe]``; ``others`` are the other figures' spans.

    ``recent`` maps "M", "Q" and "H" to the month, quarter and half an earlier sentence gave a
    figure ("2025-02"), and "P" to the last of them: "in the month", "in the quarter" and "for the
    half" mean those. ``reference`` is the period an earlier figure of this sentence has: "from
    ₫2.41 trillion in the same period of 2025" and "against $2.66 a year earlier" are that period a
    year before. ``told`` maps "M", "Q" and "H" like ``recent`` for the figures before this one in
    its own sentence: "In the second half of 2026, sales reached ..., and net profit for the half
    rose to ..." is that half, whatever half an earlier sentence told. A "fiscal first quarter"
    without its fiscal year has no calendar period: ``None``.
    :data:`NO_KEY` ("") for a part of a year with no period key ("the nine months to September",
    "the same period of 2025" when the period is not known): the figure is not the year's."""
    low = sentence.lower()
    m = _near(sentence, qs, qe, _FISCAL, others) if "fiscal" in low or "FY" in sentence else None
    if m:
        part = _PART_OF.search(sentence, max(0, m.start() - 30), m.start())
        if part and not (part.group("k").lower() == "half" and part.group("ord").lower() in ("third", "fourth")):
            kind = "H" if part.group("k").lower() == "half" else "Q"
            return f"FY{m.group('y')}-{kind}{_ORD[part.group('ord').lower()]}"
        return f"FY{m.group('y')}"
    if "same" in low:
        m = _near(sentence, qs, qe, SAME, others)
        if m:
            sub = reference if reference and "-" in reference else (recent or {}).get("P")
            return same_period(m, sub) or (None if year is None else NO_KEY)
    cs = clause(sentence, qs)[0]
    future = bool(_FUTURE.search(sentence, cs, qs))
    if "month" in low or "quarter" in low or "half" in low or "year" in low:
        m = _near(sentence, qs, qe, SPAN, others)
        if m:
            fy = _FISCAL_PART.match(sentence, m.end())
            if fy:  # "the six months to December, the first half of its fiscal 2027": the company's half
                return f"FY{fy.group('y')}-{fy.group('k')[0].upper()}{_ORD[fy.group('ord').lower()]}"
            return span_period(m, year, published, future) or NO_KEY
    if year is None and "year" in low:
        m = _near(sentence, qs, qe, _REL, others)
        if m and m.group("last") and _EARLIER.match(m.group("last")):
            # "to $2.74, against $2.66 a year earlier": the account's period a year back, not the year before
            # the article (unknown when the sentence dates nothing else, unless "ago" counts from the
            # article's day); one before the figure ("from $1.7m a year earlier, after it set aside $412m")
            # is the earlier figure's
            own = m.start() >= qe and not _DIGIT.search(sentence, qe, m.start())  # "up 7.4% from 54,230 a year
            if own and reference:                                                   # earlier": 54,230's, not 7.4%'s
                return earlier_year(reference)
            if m.start() < qe or (own and "ago" not in m.group(0).lower()):
                return None
            if not own and any(_near(sentence, qs, qe, p, others) for p in (_MONTH, _QUARTER, _HALF)):
                # "fell to 148,600 at the end of March, down from 163,200 a year earlier": the old value's year;
                # this one's month is the latest March (below), not a year before it
                m = None
        if m and published:
            year = published.year + (0 if m.group("this") else -1 if m.group("last") else 1)
    for pattern, kind, keys in ((_QUARTER, "Q", ("quarter", "q1", "q2", "q3", "q4")), (_HALF, "H", ("half", "h1", "h2")),
                                (_MONTH, "M", _MONTH_KEYS)):
        if not any(k in low for k in keys):
            continue
        m = _near(sentence, qs, qe, pattern, others)
        if not m:
            continue
        if kind == "Q" and _FISCAL_BEFORE.search(sentence, max(0, m.start() - 8), m.start()):
            return None
        if kind == "M":
            if m.group(0)[:3].lower() == "for" and _attributive(sentence, m.end()):
                return None  # "Bookings for January sailings": the sailings' month, not the figure's
            if _STARTING.search(sentence, max(0, m.start() - 30), m.start()):
                return None
            n = _MONTHS.index(m.group("m").lower()) + 1
            first_month = n
        else:
            digit = m.group("q") if kind == "Q" else m.group("h")
            n = int(digit) if digit else _ORD[m.group("ord").lower()]
            first_month = 3 * n - 2 if kind == "Q" else 6 * n - 5
        y = year
        if y is None and published and kind != "M":
            y = bare_year(kind, n, sentence, cs, qs, published, future)
        elif y is None and published:
            if future:
                y = published.year if first_month >= published.month else published.year + 1
            else:
                y = published.year if first_month <= published.month else published.year - 1
        if y is None:
            return None
        return f"{y}-Q{n}" if kind == "Q" else f"{y}-H{n}" if kind == "H" else f"{y}-{n:02d}"
    if (recent or told) and ("month" in low or "quarter" in low or "half" in low):
        m = _near(sentence, qs, qe, _THE, others)
        if m:
            k = m.group("k")[0].upper()
            # the sentence's own half comes first: it is the nearest one told
            if (told or {}).get(k) or (recent or {}).get(k):
                return (told or {}).get(k) or recent[k]
    if year is None and recent and (_WHOLE_YEAR.match(sentence) or _full_year_here(sentence, qs, qe)):
        return _whole_year(sentence, qs, others, recent)
    part = written_part(sentence, qs, year) if year is not None else None
    if part and _part_dates(sentence, part[1], qs, qe):
        # "in the first quarter of 2027, 41% more than in the same quarter of 2026, across about 3.4 billion
        # transactions": a year taken from a part of it dates the figure by that part
        return part[0]
    return str(year) if year is not None else None


def _part_dates(sentence: str, since: int, qs: int, qe: int) -> bool:
    """Whether the part of a year written up to ``since`` is the time of the figure at ``qs:qe``: no time
    phrase of its own after it (up to the clause's end), none between but a compared one's ("than in
    the same quarter of 2026"), and no forecast between."""
    ce = clause(sentence, qs)[1]
    if _OWN_TIME.search(sentence, qe, min(ce, qe + _REACH)) or _FUTURE.search(sentence, since, qs) \
            or _AHEAD.search(sentence, since, qs):
        return False
    return all(_COMPARED.search(sentence, since, m.start()) for m in _OWN_TIME.finditer(sentence, since, qs))


# "For the full year, the group sold ...": a fronted phrase that dates every figure of its sentence
_WHOLE_YEAR = lazy(r"\s*(?:For|In|Over)\s+the\s+(?:full|whole)\s+year\b(?:\s+as\s+a\s+whole)?\s*,", re.I)
# "Net profit for the full year was Rp356 billion": the phrase in the figure's own clause, before it
_FULL_YEAR = lazy(r"\b(?:for|in|over)\s+the\s+(?:full|whole)\s+year\b(?!\s+(?:to|ended|ending|through)\b)", re.I)


def _full_year_here(sentence: str, qs: int, qe: int) -> bool:
    """Whether "for the full year" stands in the clause of the figure at ``qs:qe``, before it and
    with no other figure's words between ("Net profit for the full year was Rp356 billion")."""
    if "year" not in sentence[:qs].lower():
        return False
    cs = clause(sentence, qs)[0]
    m = None
    for m in _FULL_YEAR.finditer(sentence, cs, qs):
        pass
    return m is not None and qs - m.end() <= _REACH and not _DIGIT.search(sentence, m.end(), qs)


# a figure right after these is what another is compared with: "against 9.73 million", "up from 1.2 billion"
_COMPARED = lazy(r"\b(?:from|against|than|compared\s+(?:with|to)|versus|vs\.?)\b", re.I)
# a forecast or target: "the full year" is then the year ahead, which the phrase does not say
_AHEAD = lazy(r"\b(?:forecasts?|expects?|expected|will|guidance|outlook|targets?|aims?|plans?|sees)\b", re.I)
# any time phrase of a clause's own: a clause that has one is dated by it, or on purpose by nothing
_OWN_TIME = lazy(r"\b(?:(?:19|20)\d\d|quarter|half|month|year|week|season|fiscal|FY|Q[1-4]|H[12]|" + _MONTH_RE + r")\b", re.I)


def _before_is_plain(sentence: str, start: int, qs: int, others: list[tuple[int, int]]) -> bool:
    """Whether the words between the figure before (or ``start``) and the figure at ``qs`` leave it
    a value of its own, not the old value a change is measured from ("against 9.73 million")."""
    prev_end = max([e for _s, e in others if e <= qs] + [start])
    return not _COMPARED.search(sentence, prev_end, qs)


def compared_value(sentence: str, qs: int, others: list[tuple[int, int]]) -> bool:
    """Whether the figure at ``qs`` is the old value a change is measured from ("against US$5.35 in the
    first quarter of 2026"): its period is the comparison's, not the one "the quarter" later means."""
    return not _before_is_plain(sentence, 0, qs, others)


def _whole_year(sentence: str, qs: int, others: list[tuple[int, int]], recent: dict[str, str]) -> str | None:
    """"For the full year, the group sold 9.4 million hectolitres": the year of the latest quarter,
    half or month the article reported before (its full year); a figure compared against ("against 9.73
    million") and a forecast ("For the full year we forecast ...") are not dated by it."""
    dated = recent.get("L") or recent.get("Q") or recent.get("H") or recent.get("M")
    if not dated or _AHEAD.search(sentence) or not _before_is_plain(sentence, 0, qs, others):
        return None
    return dated[:4]


def and_period(sentence: str, qs: int, qe: int, earlier: list[tuple[int, str | None]],
               others: list[tuple[int, int]]) -> str | None:
    """The period a figure takes from the clause before ", and" when its own clause has none:
    "Traffic rose 3.8% in the fourth quarter ..., and toll revenue grew 9.1% to 318.4 million
    zlotys" -- both are the quarter's. ``earlier`` holds (offset, period) of the sentence's figures
    before this one. The clause before gives the period of its first figure, and only to a clause
    that reports a level or a change (:data:`_LEVEL`); none is carried to a clause with a time
    phrase of its own (it is dated by it, or left undated on purpose), to a forecast, or to a figure
    something is compared against."""
    cs, ce = clause(sentence, qs)
    joint = _AND_BEFORE.search(sentence, max(0, cs - 8), cs)
    if joint is None:
        return None
    if not _LEVEL.search(sentence, cs, qs) or _OWN_TIME.search(sentence, cs, min(ce, qe + _REACH)) \
            or _FUTURE.search(sentence, cs, qs) or _AHEAD.search(sentence, cs, qs) \
            or not _before_is_plain(sentence, cs, qs, others):
        return None
    pcs = clause(sentence, joint.start())[0]
    first = [p for at, p in earlier if pcs <= at < joint.start()]
    return first[0] if first else None


# a clause that reports a level or a change ("toll revenue grew", "net revenue came to") goes on
# with the same account; "and announced a buyback of up to £2bn" is a new act with its own date
_LEVEL = lazy(r"\b(?:is|are|was|were|rose|fell|grew|climbed|dropped|declined|increased|decreased|jumped|slipped|edged|"
              r"eased|shrank|totalled|totaled|reached|stood|came|gained|narrowed|widened|doubled|halved)\b")
# the clause break before a clause joined by "and": ", and toll revenue grew"
_AND_BEFORE = lazy(r"(?:,\s+|\s)and\s+\Z")


# "In the second half of 2026, ...": a half, quarter or month that opens its sentence before a comma
_FRONTED = lazy(r"\s*(?:In|For|During|Over)\s+(?:the\s+)?(?:(?P<ord>first|second|third|fourth)[- ](?P<k>half|quarter)"
                r"|(?P<m>" + _MONTH_RE + r"))(?:\s+of)?(?:\s+(?P<y>(?:19|20)\d\d))?\s*,", re.I)


def fronted_period(sentence: str, qs: int, qe: int, year: int | None, told: str | None,
                   others: list[tuple[int, int]]) -> str | None:
    """The period a sentence's opening phrase gives a figure of a later clause: "In the second half
    of 2026, net sales reached Rp1.07 trillion, and net profit rose to IDR 212 billion" -- 212 is
    the half's, not the year's. ``told`` is the period the sentence's first dated figure took (the
    opener's, read by :func:`period_of`); ``year`` the figure's own year, which must be the opener's.
    Only for a clause that reports a level or a change with no time phrase of its own up to the
    next figure, that is not a forecast and not a value something is compared against: else ``None``."""
    m = _FRONTED.match(sentence)
    if m is None or told is None or qs < m.end():
        return None
    kind = "M" if m.group("m") else m.group("k")[0].upper()
    k = _KIND_OF.match(told)
    if k is None or (k.group("q") and kind != "Q") or (k.group("h") and kind != "H") or (k.group("mm") and kind != "M"):
        return None
    if (m.group("y") and told[:4] != m.group("y")) or (year is not None and str(year) != told[:4]):
        return None
    cs, ce = clause(sentence, qs)
    if cs < m.end():
        return None  # the opener's own clause: period_of reads it
    stop = min([s for s, _e in others if s >= qe] + [ce, qe + _REACH])
    if not _LEVEL.search(sentence, cs, qs) or _OWN_TIME.search(sentence, cs, stop) or _FUTURE.search(sentence, cs, qs) \
            or _AHEAD.search(sentence, cs, qs) or not _before_is_plain(sentence, cs, qs, others):
        return None
    return told


_KIND_OF = lazy(r"(?:19|20)\d\d-(?:(?P<q>Q[1-4])|(?P<h>H[12])|(?P<mm>0[1-9]|1[0-2]))\Z")
