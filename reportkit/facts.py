"""Numeric facts with provenance: "$2.8 million" → 2,800,000 USD, 2022, "FDI from Russia".

The spellings understood are one table, in :mod:`reportkit.facts_patterns`; labels
come from :mod:`reportkit.facts_label`. Facts are found in ``doc.body_text()``,
which includes the key points after the sections (see
:meth:`reportkit.model.Document.body_text`), so every fact's ``start``/``end`` are
offsets into that one text and facts in key points are found too.

Each fact carries: ``id`` (12 hex digits of SHA-1 over source, start and text —
stable across runs), ``text`` (the exact substring, currency to unit), ``value``
(normalised: scales applied, pence to pounds, fractions as ratios), ``unit``,
``per`` (denominator of a money rate), ``year`` (the year the sentence ties to the
figure, or ``None``), ``qualifier``, ``range``, ``label`` and ``sentence``.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass

from . import facts_patterns as P
from .facts_label import make_label
from .model import Document, Fact

_COUNT_WORD = re.compile(r"\s([A-Za-z][A-Za-z-]*)")
_SENT_BREAK = re.compile(r"\n+|[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9$£€¥])")
_ABBREV = re.compile(r"(?:\b(?:[A-Z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|St|Inc|Corp|Co|Ltd|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
                     r"Sep|Sept|Oct|Nov|Dec|Gov|Sen|Rep|Gen|approx|est)\.)\Z")
_CUR_END = frozenset("$£€¥₹₽₩₺.")
_RELATIVE = re.compile(r"\s+(?:earlier|ago|before|later|after|previously|prior)\b")
_LIST_NUMBER = re.compile(r"(?:\A|\n)[ \t]*\Z")


@dataclass
class _Q:
    start: int
    end: int
    value: float
    unit: str
    per: str | None = None
    range: list[float] | None = None
    count_label: str | None = None
    lead: int = 0  # where currency/qualifier lookback starts (<= start)


def _sentences(text: str) -> list[int]:
    """Start offsets of sentences (linear scan; "U.S." and "Mr." do not end one)."""
    starts = [0]
    for m in _SENT_BREAK.finditer(text):
        if m.group(0)[0] == "." and _ABBREV.search(text, max(0, m.start() - 6), m.start() + 1):
            continue
        starts.append(m.end())
    return starts


def _count_noun(text: str, pos: int) -> tuple[str, str] | None:
    """("count"|distance unit, noun phrase) for "30,000 oil wells", "500 jobs"."""
    words: list[str] = []
    for _ in range(3):
        m = _COUNT_WORD.match(text, pos)
        if not m:
            break
        w = m.group(1)
        lw = w.lower()
        if lw in P.NOT_COUNTED or lw in P.MONTHS or lw in ("of", "in", "to", "and", "or", "a", "the", "per"):
            break
        from .facts_label import STOP, VERBS

        if lw in STOP or lw in VERBS:
            break
        words.append(w)
        pos = m.end()
        plural = lw in P.IRREGULAR or (len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "is")))
        if lw in P.DISTANCE and len(words) == 1:
            return P.DISTANCE[lw], ""
        if plural:
            return "count", " ".join(words)
        if w[:1].isupper() and not w.isupper():
            break
    return None


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def _skip_digits(text: str, s: int, e: int) -> bool:
    """Digits that are not a quantity: names, dates, times, versions, markers, list numbers."""
    prev = text[s - 1] if s else ""
    nxt = text[e] if e < len(text) else ""
    if prev.isalnum() or prev == "_":
        return True
    if prev in ".,:/" and s >= 2 and text[s - 2].isdigit():
        return True
    if prev in "-–" and s >= 2 and text[s - 2].isalpha():
        return True
    if prev == "[" and nxt == "]":
        return True
    if nxt in ":/" and e + 1 < len(text) and text[e + 1].isdigit():
        return True
    if nxt == "-" and re.match(r"-\d{1,2}-\d", text[e : e + 6]):
        return True
    if nxt in ".)" and _LIST_NUMBER.search(text, max(0, s - 8), s) and text[e + 1 : e + 2] in (" ", "\t"):
        return True
    if nxt == " " and P.MONTH_AFTER.match(text, e):
        return True
    if prev == " " and s > 1 and (text[s - 2].isalpha() or text[s - 2] == ".") and P.MONTH_BEFORE.search(text, max(0, s - 11), s):
        return True
    return False


def _read_digits(text: str, m: re.Match[str]) -> _Q | None:
    s, e = m.span()
    if _skip_digits(text, s, e):
        return None
    # Cheap pre-checks before the anchored look-behind searches (hot path on big files).
    c1 = text[s - 1] if s else ""
    c2 = text[s - 2] if s > 1 else ""
    cur_m = P.CURRENCY_BEFORE.search(text, max(0, s - 7), s) if (c1 in _CUR_END or (c1 == " " and (c2.isupper() or c2 in _CUR_END))) else None
    cur = P.currency_code(cur_m.group("cur")) if cur_m else None
    if cur_m and cur_m.start() > 0 and text[cur_m.start() - 1].isalpha() and cur_m.group("cur")[0].isalpha():
        cur, cur_m = None, None  # "RUSD3" is not a currency
    tail = P.TAIL.match(text, e)
    if tail.group("range") and " to " in tail.group("range") and re.search(r"\bfrom\s+\S{0,4}\Z", text[max(0, s - 12) : s]):
        tail = P.TAIL_NO_RANGE.match(text, e)
    te = tail.end()
    if te < len(text) and text[te].isalnum() and te == e:
        return None
    g = tail.groupdict()
    value = _num(m.group("digits"))
    high = _num(g["num2"]) if g.get("num2") else None
    scale = g.get("scale")
    if scale:
        if scale.lower() in P.WEAK_SCALES and not (cur or g.get("packed") or g.get("measure")):
            return None  # "5 m" without a currency or unit is metres, not millions
        mult = P.SCALES[scale.lower()] if scale not in ("M",) else 1e6
    else:
        mult = 1.0
    per = None
    unit: str | None = cur
    if g.get("pct"):
        unit = "percentage_points" if ("point" in g["pct"] or g["pct"].strip().startswith("pp")) else "percent"
    elif g.get("bps"):
        unit = "basis_points"
    elif g.get("pence"):
        unit, mult = "GBP", mult / 100
    elif g.get("cents"):
        unit, mult = cur or "USD", mult / 100
    elif g.get("curword"):
        unit = cur or P.currency_code(g["curword"])
    elif g.get("curcode"):
        unit = g["curcode"]
    elif g.get("packed"):
        pm, unit = P.PACKED[g["packed"]]
        mult *= pm
    elif g.get("measure"):
        w = g["measure"].lower()
        unit = ("cubic_feet" if "feet" in w or "foot" in w else "cubic_metres" if "cubic" in w
                else "boe" if "equivalent" in w or w == "boe" else "barrels" if w.startswith(("barrel", "bbl"))
                else "ounces" if w.startswith(("ounce", "oz")) else "tonnes")
    elif g.get("power"):
        pm, unit = P.POWER[g["power"]]
        mult *= pm
    elif g.get("duration"):
        d = g["duration"].lower()
        unit = d if d.endswith("s") else d + "s"
    elif g.get("points"):
        unit = "points"
    period_word = g.get("per") or g.get("per_s") or g.get("adv")
    if period_word and _RELATIVE.match(text, te):
        # "$1.5 billion a year earlier": a time reference, not a rate
        period_word = None
        te = e + max(text.rfind(" a", e, te), text.rfind(" an", e, te), text.rfind(" per", e, te), e) - e
    if period_word:
        period = P.PERIODS.get(period_word.lower())
        if unit in P.MEASURE_UNITS and period:
            unit = f"{unit}_per_{period}"
        elif unit and (unit.isupper() or unit in ("percent", "count")):
            per = period or period_word.lower().replace("bbl", "barrel")
        elif unit is None:
            per = period or period_word.lower()
    count_label = None
    if unit is None:
        is_year = not scale and "," not in m.group("digits") and "." not in m.group("digits") and 1900 <= value <= 2100
        if is_year:
            return None
        found = _count_noun(text, te)
        if found:
            unit, count_label = found
            if not count_label:
                count_label = None
            te = _count_end(text, te, count_label) if count_label else _count_end(text, te, "x")
        elif scale:
            unit = "count"
        else:
            return None
    lead = cur_m.start() if cur_m else s
    rng = [value * mult, high * mult] if high is not None else None
    if rng and rng[1] < rng[0]:
        rng = None  # "3-2" is a score, not a range
    return _Q(start=lead, end=te, value=value * mult, unit=unit, per=per, range=rng, count_label=count_label, lead=lead)


def _count_end(text: str, pos: int, label: str) -> int:
    """Offset after the counted noun phrase (the fact text includes it: "30,000 oil wells")."""
    for _ in range(len(label.split()) if label != "x" else 1):
        m = _COUNT_WORD.match(text, pos)
        if not m:
            break
        pos = m.end()
    return pos


def _read_fraction(text: str, m: re.Match[str]) -> _Q | None:
    s, e = m.span()
    before = text[max(0, s - 12) : s].lower()
    after = text[e : e + 4].lower()
    if re.search(r"\b(?:first|second|third|fourth|last|final|next|the|that|this)\s+\Z", before):
        return None
    if not (after.startswith(" of") or re.search(r"\bby\s+\Z", before)):
        return None
    return _Q(start=s, end=e, value=round(P.fraction_value(m.group("fraction")), 4), unit="ratio", lead=s)


def _read_word(text: str, m: re.Match[str]) -> _Q | None:
    s, e = m.span()
    tail = P.TAIL_NO_RANGE.match(text, e)
    g = tail.groupdict()
    scale = g.get("scale")
    if scale and scale.lower() in P.WEAK_SCALES:
        return None
    if not (scale or g.get("pct") or g.get("duration") or g.get("measure") or g.get("packed") or g.get("curword")):
        return None
    digits = str(int(P.word_value(m.group("word"))))
    window = digits + text[e : e + 200]  # bounded, so many number words stay linear
    q = _read_digits(window, re.match(r"(?P<digits>\d+)", window))
    if q is None:
        return None
    end = e + q.end - len(digits)
    return _Q(start=s, end=end, value=q.value, unit=q.unit, per=q.per, count_label=q.count_label, lead=s)


def _year_for(text: str, q: _Q, ss: int, se: int, spans: list[tuple[int, int]]) -> int | None:
    """The year in the same sentence nearest to the fact, not across another fact."""
    best: tuple[int, int] | None = None
    for m in P.YEAR.finditer(text, ss, se):
        ys, ye = m.span("y")
        if any(a <= ys < b for a, b in spans):
            continue
        if ye <= q.start:
            dist = q.start - ye
            between = any(ye <= a and b <= q.start for a, b in spans)
        elif ys >= q.end:
            dist = ys - q.end
            between = any(q.end <= a and b <= ys for a, b in spans)
        else:
            continue
        score = dist + (200 if between else 0)
        if best is None or score < best[0]:
            best = (score, int(m.group("y")))
    return best[1] if best else None


def _merge_ranges(text: str, qs: list[_Q]) -> list[_Q]:
    """"between $3 billion and $4 billion", "$3bn-$4bn" → one fact with a range."""
    out: list[_Q] = []
    for q in qs:
        if out and q.unit == out[-1].unit and out[-1].range is None:
            prev = out[-1]
            gap = text[prev.end : q.start]
            between = re.search(r"\bbetween\s+\S{0,3}\Z", text[max(0, prev.start - 12) : prev.start])
            lead_in = text[max(0, prev.start - 12) : prev.start]
            if re.fullmatch(r"\s?[-–—]\s?", gap) or (between and gap == " and ") or (
                gap == " to " and not re.search(r"\b(?:from|by)\s+\S{0,3}\Z", lead_in)
            ):
                prev.range = [prev.value, q.value]
                prev.end = q.end
                continue
        out.append(q)
    return out


_QUALIFIERS = (
    "about", "around", "approximately", "approx.", "roughly", "nearly", "almost", "some", "close to", "more than",
    "over", "above", "less than", "under", "below", "up to", "at least", "at most", "as much as", "as many as",
    "as little as", "as high as", "as low as", "an estimated", "estimated", "just over", "just under", "well over",
    "well above", "fewer than", "upwards of", "in excess of", "circa", "c.", "an average of", "on average",
)
_QUAL_BY_LAST: dict[str, list[str]] = {}
for _q in sorted(_QUALIFIERS, key=len, reverse=True):  # longest first: "just over" before "over"
    _QUAL_BY_LAST.setdefault(_q.split()[-1], []).append(_q)


def _qualifier(text: str, lead: int) -> str | None:
    """The qualifier just before a quantity ("approximately 72%"), by a dictionary of last words."""
    if lead == 0:
        return None
    if text[lead - 1] == "~":
        return "about"
    if text[lead - 1] != " ":
        return None
    window = text[max(0, lead - 20) : lead - 1].lower()
    words = window.split()
    if not words:
        return None
    for phrase in _QUAL_BY_LAST.get(words[-1], ()):
        if window.endswith(phrase):
            i = len(window) - len(phrase)
            if i == 0 and lead - 21 >= 0 and text[lead - 21].isalpha() or i > 0 and window[i - 1].isalpha():
                continue
            return {"c.": "about", "approx.": "approximately", "circa": "about"}.get(phrase, phrase)
    return None


def _fact_id(source: str, start: int, text: str) -> str:
    return hashlib.sha1(f"{source}\0{start}\0{text}".encode()).hexdigest()[:12]


_DIGIT_SCAN = re.compile(r"[0-9][0-9,.]*")
# Literal keys of number words and fractions; str.find on them is far faster than a
# case-insensitive alternation tried at every position of a 20 MB text.
_WORD_KEYS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
              "twelve", "thirt", "fift", "twenty", "forty", "dozen", "hundred", "thousand", "half", "third",
              "quarter")
_NUMERATOR = re.compile(r"(?:a|an|one|two|three|four|five|seven|nine)[- ]\Z")


def _candidates(text: str) -> list[int]:
    """Sorted offsets where a quantity may start."""
    starts = [m.start() for m in _DIGIT_SCAN.finditer(text)]
    low = text.lower()
    for key in _WORD_KEYS:
        i = low.find(key)
        while i != -1:
            if i == 0 or not low[i - 1].isalpha():
                starts.append(i)
                num = _NUMERATOR.search(low, max(0, i - 6), i)
                if num:
                    starts.append(num.start())
            i = low.find(key, i + 1)
    return sorted(set(starts))


def extract_facts(text: str, source: str) -> list[Fact]:
    """All quantities in ``text``, in order, with ``start``/``end`` offsets into it."""
    urls = [m.span() for m in P.URL.finditer(text)] if "://" in text or "www." in text else []
    url_starts = [a for a, _ in urls]
    found: list[_Q] = []
    pos = 0
    for start in _candidates(text):
        if start < pos:
            continue
        m = P.NUMBER.match(text, start)
        if m is None:
            continue
        i = bisect.bisect_right(url_starts, m.start()) - 1
        if i >= 0 and urls[i][0] <= m.start() < urls[i][1]:
            continue
        if m.group("digits"):
            q = _read_digits(text, m)
        elif m.group("fraction"):
            q = _read_fraction(text, m)
        else:
            q = _read_word(text, m)
        if q is not None:
            found.append(q)
            pos = q.end
    found = _merge_ranges(text, found)
    starts = _sentences(text)
    spans = [(q.start, q.end) for q in found]
    span_starts = [a for a, _ in spans]
    facts: list[Fact] = []
    previous: list[tuple[str, str]] = []
    for q in found:
        k = bisect.bisect_right(starts, q.start) - 1
        ss = starts[k]
        se = starts[k + 1] if k + 1 < len(starts) else len(text)
        # A runaway "sentence" (no full stops in 100 kB) is cut to a window around the fact.
        ss, se = max(ss, q.start - 300), min(se, q.end + 300)
        sentence = text[ss:se].strip()
        offset = ss + (len(text[ss:se]) - len(text[ss:se].lstrip()))
        qual = _qualifier(text, q.lead)
        qual_start = q.lead - (len(qual) + 1 if qual else 0)
        label = make_label(sentence, max(0, qual_start - offset), q.end - offset, q.unit, q.count_label, previous)
        qtext = text[q.start : q.end]
        facts.append(Fact(
            id=_fact_id(source, q.start, qtext), text=qtext, value=q.value, unit=q.unit, source=source,
            start=q.start, end=q.end, sentence=sentence, label=label[:80],
            year=_year_for(text, q, ss, se, spans[bisect.bisect_left(span_starts, ss) : bisect.bisect_left(span_starts, se)]), per=q.per, qualifier=qual, range=q.range,
        ))
        previous.append((q.unit, label))
    return _harmonise(facts)


def _harmonise(facts: list[Fact]) -> list[Fact]:
    """Repeats of a figure (same value, unit, rate, year) carry the first one's label and year."""
    first: dict[tuple, Fact] = {}
    for f in facts:
        key = (round(f.value, 6), f.unit, f.per)
        ref = first.get(key)
        if ref is None:
            first[key] = f
        elif ref.year is None or f.year is None or ref.year == f.year:
            f.label = ref.label or f.label
            f.year = f.year if f.year is not None else ref.year
    return facts


def add_facts(doc: Document) -> Document:
    """Set ``doc.facts`` from ``doc.body_text()`` (sections, then key points)."""
    doc.facts = extract_facts(doc.body_text(), doc.source)
    return doc
