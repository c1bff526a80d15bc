"""Reading one quantity at a candidate offset: digits, number words, fractions.

Used by :mod:`reportkit.facts.extract`; the spellings are the table in
:mod:`reportkit.facts.patterns`. Every read is a handful of anchored regex matches
over a bounded window, so a whole text is read in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lazyre import lazy
from . import patterns as P
from .label import STOP, VERBS
from .ranges import is_transition
from .rates import measure_per, money_per

_COUNT_WORD = lazy(r"\s([A-Za-z][A-Za-z-]*)")
_CUR_END = frozenset("$£€¥₹₽₩₺.₫₱₸৳₵₦₴₪฿₾₲₮₼֏₡₭៛؋/hkpM")
# a currency written in letters glued to its digits, as Indonesian, Pakistani, Malaysian and
# East African papers print it ("Rp1.07 trillion", "Rs3.6 billion", "RM12 million"): digits after
# letters are otherwise part of a name ("A320"), so only these whole words count
_GLUED_CUR = lazy(r"(?<![A-Za-z])(?:Rp|Rs|RM|Tk|KSh|Ksh|USh)\Z")
_RELATIVE = lazy(r"\s+(?:earlier|ago|before|later|after|previously|prior)\b")
_LIST_NUMBER = lazy(r"(?:\A|\n)[ \t]*\Z")
_CBOT_FRACTION = lazy(r"-([1357])/([248])(?![\d/])")  # grain prices: "$5.18-3/4" = 5.1875
# A rate written after a conversion in parentheses: "15 bcm (530 bcf) a year", "773.5 yuan ($105) a ton".
_PAREN_RATE = lazy(r"(?:\ ?\([^()\n]{1,40}\)|\))" + r"(?:" + P._RATE + r")(?![A-Za-z])", re.X)
# "a 27-year supply deal" is a duration; "a 10-year high", "the two-year yield", "30-year-old" are not.
# a span of time named by where it ends, not a length measured: "the last 10 minutes", "the past two weeks"
_WINDOW = lazy(r"\bthe\s+(?:last|past|final|closing|same)\s+\Z", re.I)
# "in the three months to December", "the six months ended June": a period (facts.spans), not a duration
_SPAN_AFTER = lazy(r"(?<=months)\s+(?:to|ended|ending|through)\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}\s+)?(?:January|February|March|April|"
                   r"May|June|July|August|September|October|November|December)\b")
_DURATION_NOUN = lazy(
    r"(?:\ [a-z]+){0,3}?\ (?:deal|agreement|contract|lease|licen[cs]e|plan|programme|program|period|term|ban|"
    r"moratorium|maintenance|extension|outage|shutdown|strike|concession|partnership|pact|loan|freeze|truce|"
    r"ceasefire|deadline|delay|suspension|closure|hiatus|tenure|sentence|mandate|repair|overhaul|turnaround|halt|"
    r"pause|stoppage|works|review|probe|investigation|campaign|trial|window|visit|trip|tour|cycle|course)s?\b"
)
_BARE_BEFORE = lazy(
    r"\b(?:to|by|with|including|down|up|than|total\ of)\s+(?:(?:about|around|nearly|almost|roughly|some|"
    r"more\ than|just\ over|just\ under|over|under)\s+)?\Z"
)
_NAME_BEFORE = lazy(r"(?<![.!?]\ )\b([A-Z][\w&]*(?:-[A-Z][\w&]*)?)\ \Z")  # "Boeing 737", "S&P 500"
_TIME_ZONE = lazy(r"\ (?:GMT|ET|EDT|EST|BST|CET|CEST|UTC|JST|local\ time|hours|hrs)\b")
_OF_GOODS_RATE = lazy(
    r"\ of\ (?:[a-z][\w-]*\ ){1,4}?(?:a|an|per)\ (?P<period>day|year|annum|month)\b(?!\s+(?:earlier|ago|before))"
)
_OF_GOODS = lazy(r"\ of\ (?:\w+\ )?([A-Za-z]+)")
_MONEY_NOUNS = frozenset(
    """sterling investment investments funding aid spending debt debts savings cuts tax taxes revenue revenues
    profit profits losses support bonds assets cash capital subsidies loans contracts deals orders sales
    income borrowing bailout stimulus fines compensation damages dividends bonuses pay cost costs value
    deposits reserves public government new additional extra fresh its their the""".split()
)
_RANK_BEFORE = lazy(r"\b(?:top|[Nn]o\.|[Nn]umber|ranked)\ \Z")
_COUNT_SKIP = frozenset("more fewer additional extra".split())
_POINTS_AFTER = lazy(r"(?:\ of)?\ a(?:\ percentage)?[\ -]point\b|[\ -]point\b")


@dataclass
class Quantity:
    """A quantity read from text (before labels and years are added)."""

    start: int
    end: int
    value: float
    unit: str
    per: str | None = None
    range: list[float] | None = None
    count_label: str | None = None
    lead: int = 0  # where currency/qualifier lookback starts (<= start)
    bare_scale: bool = False  # "8.2 billion" with no unit: may take the unit of a range's other end


def _count_noun(text: str, pos: int) -> tuple[str, str] | None:
    """("count"|distance unit, noun phrase) for "30,000 oil wells", "500 jobs", "72,000 more jobs"."""
    words: list[str] = []
    for _ in range(3):
        m = _COUNT_WORD.match(text, pos)
        if not m:
            break
        w = m.group(1)
        lw = w.lower()
        if not words and lw in _COUNT_SKIP:
            pos = m.end()
            continue
        if lw in P.MODEL_WORDS:
            return None
        if words and lw in P.COMPOUND_TIME and words[-1].lower() not in P.NOT_SPENDERS:
            words.append(w)  # "1.86 million skier days": days of skiers counted, not a span of time
            return "count", " ".join(words)
        if lw in P.NOT_COUNTED or lw in P.MONTHS or lw in STOP or lw in VERBS:
            break
        plural = lw in P.IRREGULAR or (len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "is")))
        if w[:1].isupper() and not w.isupper() and not words:
            break  # "787 Dreamliners", "12 Airbus": names; "25 new Express stores" is counted
        words.append(w)
        pos = m.end()
        if lw in P.DISTANCE and len(words) == 1:
            return P.DISTANCE[lw], ""
        if plural:
            return "count", " ".join(words)
    return None


def _count_end(text: str, pos: int, label: str) -> int:
    """Offset after the counted noun phrase (the fact text includes it: "30,000 oil wells")."""
    n = len(label.split()) if label != "x" else 1
    while n:
        m = _COUNT_WORD.match(text, pos)
        if not m:
            break
        pos = m.end()
        if m.group(1).lower() not in _COUNT_SKIP:
            n -= 1
    return pos


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def _is_year(digits: str) -> bool:
    return "," not in digits and "." not in digits and 1900 <= _num(digits) <= 2100


def skip_digits(text: str, s: int, e: int) -> bool:
    """Digits that are not a quantity: names, dates, times, versions, markers, list numbers."""
    prev = text[s - 1] if s else ""
    nxt = text[e] if e < len(text) else ""
    if prev.isalnum() or prev == "_":
        return not (prev.isalpha() and _GLUED_CUR.search(text, max(0, s - 3), s))
    if prev in ".,:/" and s >= 2 and text[s - 2].isdigit():
        return True
    if prev in "-–" and s >= 2 and text[s - 2].isalnum():
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


def read_digits(text: str, m: re.Match[str]) -> Quantity | None:
    """The quantity whose digits ``m`` matched, or ``None`` for dates, names, bare numbers."""
    s, e = m.span()
    if skip_digits(text, s, e):
        return None
    # Cheap pre-checks before the anchored look-behind searches (hot path on big files).
    c1 = text[s - 1] if s else ""
    c2 = text[s - 2] if s > 1 else ""
    cur_m = P.CURRENCY_BEFORE.search(text, max(0, s - 7), s) if (
        c1 in _CUR_END or c1 == "s" or (c1 == " " and (c2.isupper() or c2 in _CUR_END or text[s - 3 : s - 1] == "Rs"))
    ) else None
    cur = P.currency_code(cur_m.group("cur")) if cur_m else None
    if cur_m and cur_m.start() > 0 and text[cur_m.start() - 1].isalpha() and cur_m.group("cur")[0].isalpha():
        cur, cur_m = None, None  # "RUSD3" is not a currency
    value = _num(m.group("digits"))
    frac = _CBOT_FRACTION.match(text, e) if e < len(text) and text[e] == "-" else None
    if frac:
        # in units of the last digit quoted: "$5.18-3/4" = 518.75 cents, "7-1/4 cents" = 7.25 cents
        decimals = len(m.group("digits").partition(".")[2])
        value += int(frac.group(1)) / int(frac.group(2)) / 10**decimals
        e = frac.end()
    tail = P.TAIL.match(text, e)
    if tail.group("range") and (
        (" to " in tail.group("range") and is_transition(text, cur_m.start() if cur_m else s))
        or (not cur and _is_year(m.group("digits")) and not _is_year(tail.group("num2")))
    ):
        tail = P.TAIL_NO_RANGE.match(text, e)  # "rose from 3 to 4", "2023 to 13.2 million bpd"
    te = tail.end()
    if te < len(text) and text[te].isalnum() and te == e:
        return None
    g = tail.groupdict()
    if g.get("duration") and text[e] == "-" and not _DURATION_NOUN.match(text, te):
        return None  # "a 10-year high", "the two-year yield", "a 30-year-old refinery"
    if g.get("duration") and (_WINDOW.search(text, max(0, s - 20), s) or _SPAN_AFTER.match(text, te)):
        return None  # "in the last 10 minutes of matches", "the three months to December": when, not how long
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
        unit, mult = "percentage_points", mult / 100  # 25 basis points = 0.25 percentage points
    elif g.get("pence"):
        unit, mult = "GBP", mult / 100
    elif g.get("cents"):
        unit, mult = cur or ("EUR" if g["cents"][:1] in "Ee" else "USD"), mult / 100  # "27 euro cents"
    elif g.get("curword"):
        unit = cur or P.currency_code(g["curword"])
        mass = _OF_GOODS.match(text, te) if g["curword"].lower() in ("pound", "pounds") and not cur else None
        if mass and mass.group(1).lower() not in _MONEY_NOUNS:
            unit = "pounds"  # "4.1 billion pounds of copper" is a weight
    elif g.get("curcode"):
        unit = g["curcode"]
    elif g.get("packed"):
        pm, unit = P.PACKED[g["packed"].lower()]
        mult *= pm
    elif g.get("measure"):
        w = g["measure"].lower()
        unit = ("cubic_feet" if "feet" in w or "foot" in w else "cubic_metres" if "cubic" in w
                else "boe" if "equivalent" in w or w == "boe" else "barrels" if w.startswith(("barrel", "bbl"))
                else "ounces" if w.endswith(("ounces", "oz")) else "bushels" if w.startswith("bushel")
                else "short_tons" if w.startswith("short") else "tonnes")
    elif g.get("power"):
        unit = P.power_unit(g["power"])
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
    if not period_word and unit in P.MEASURE_UNITS:
        og = _OF_GOODS_RATE.match(text, te)  # "27 million tons of liquefied natural gas a year"
        if og:
            period_word = og.group("period")
    if not period_word and unit:
        pr = _PAREN_RATE.match(text, te)
        if pr and not _RELATIVE.match(text, pr.end()):
            period_word = pr.group("per") or pr.group("per_s") or pr.group("adv")  # the end stays put
    if not period_word and unit and len(unit) == 3 and unit.isupper() and (own := money_per(text, te)):
        per, te = own  # "$187.40 a night", "53 pence of every pound": a price, not a sum (facts.rates)
    elif not period_word and unit in P.MEASURE_UNITS and (own := measure_per(text, te)):
        per, te = own  # "16.5 tonnes per hectare": a yield, not a harvest
    if period_word:
        period = P.PERIODS.get(period_word.lower())
        if unit in P.MEASURE_UNITS and period:
            unit = f"{unit}_per_{period}"
        elif unit and (unit.isupper() or unit in ("percent", "count")):
            per = period or P.per_name(period_word)
        elif unit is None or unit in P.MEASURE_UNITS:  # "tonnes per acre": the acre is kept
            per = period or P.per_name(period_word)
    count_label = None
    bare_scale = False
    if unit is None:
        if not scale and _is_year(m.group("digits")):
            return None
        found = _count_noun(text, te)
        if found:
            unit, count_label = found
            if not count_label:
                count_label = None
            te = _count_end(text, te, count_label) if count_label else _count_end(text, te, "x")
        elif scale:
            unit, bare_scale = "count", True
        elif (header := _header_unit(text, s)) is not None:
            unit, per, mult = header[0], per or header[1], mult * header[2]  # "output (tonnes): 51,200"
        elif _bare_count(text, s, te, m.group("digits")):
            unit = "count"
        else:
            return None
        if _NAME_BEFORE.search(text, max(0, s - 24), s) and not _word_is_common(text, s):
            return None  # "Boeing 737 jets", "Part 121", "S&P 500"
    if unit == "count" and _RANK_BEFORE.search(text, max(0, s - 10), s):
        return None  # "the top 10 exporters", "No. 2 producer": ranks
    negative = c1 != "" and c1 in "-−" and (s < 2 or text[s - 2] in " (\n\t")
    lead = cur_m.start() if cur_m else s - 1 if negative else s
    if cur_m and not negative and _minus_before(text, lead):
        negative, lead = True, lead - 1  # "fell to -$5 million" is minus five million
    if negative:
        value = -value
    rng = [value * mult, high * mult] if high is not None else None
    if rng and rng[1] < rng[0]:
        rng = None  # "3-2" is a score, not a range
    return Quantity(start=lead, end=te, value=value * mult, unit=unit, per=per, range=rng,
                    count_label=count_label, lead=lead, bare_scale=bare_scale)


# a table cell read as "Q3 2026 output (tonnes): 51,200": its column header's brackets say its unit
_HEADER_UNIT = lazy(r"\((?P<u>[^()\d:;]{1,24})\):\s*[-−]?\Z")


def _header_unit(text: str, s: int) -> tuple[str, str | None, float] | None:
    """(unit, per, multiplier) that the column header right before a bare cell value names in
    brackets ("(tonnes)", "($ million)", "(€bn)"), read as the same unit written after a 1; else None."""
    m = _HEADER_UNIT.search(text, max(0, s - 40), s)
    if m is None:
        return None
    u = m.group("u").strip()
    for probe in (f"1 {u}", f"1{u}", re.sub(r"^([^\w\s]+|[A-Z]{1,3}[$€£])\s*", r"\g<1>1 ", u)):
        at = probe.find("1")
        n = P.NUMBER.match(probe, at) if at >= 0 else None
        q = read_digits(probe, n) if n and n.group("digits") else None
        if q is not None and q.unit != "count" and q.end == len(probe) and q.range is None:
            return q.unit, q.per, q.value
    return None


def _minus_before(text: str, i: int) -> bool:
    """A minus sign just before ``i`` that starts a word ("-$5", "(−€3"), not a hyphen."""
    return i > 0 and text[i - 1] in "-−" and (i < 2 or text[i - 2] in " (\n\t")


def _word_is_common(text: str, s: int) -> bool:
    """Whether the capitalised word before ``s`` is an ordinary word ("About 500 jobs", "Including 38")."""
    word = text[max(0, s - 24) : s].split()[-1].lower()
    return word in STOP or word in VERBS


def _bare_count(text: str, s: int, e: int, digits: str) -> bool:
    """A whole number with no unit after a comparison word: "fell by two to 583", "with 38"."""
    if "." in digits or digits.startswith("0") or e < len(text) and text[e] in "-–/":
        return False
    if _TIME_ZONE.match(text, e):
        return False  # "by 1400 GMT"
    if re.match(r"\ (?:per|a|against|to\ the)\ (?:U\.S\.\ )?(?:dollar|euro|yen|pound)", text[e : e + 24]):
        return False  # exchange rates need a currency pair, not a count
    return bool(_BARE_BEFORE.search(text, max(0, s - 30), s))


def read_fraction(text: str, m: re.Match[str]) -> Quantity | None:
    """"one-third of", "by a fifth", "nearly half", "half a percentage point" (or ``None``)."""
    s, e = m.span()
    before = text[max(0, s - 30) : s].lower()
    value = round(P.fraction_value(m.group("fraction")), 4)
    if m.group("fraction").lower() == "quarter":
        value = 0.25
    pts = _POINTS_AFTER.match(text, e)
    if pts:
        return Quantity(start=s, end=pts.end(), value=value, unit="percentage_points", lead=s)
    if re.search(r"\b(?:first|second|third|fourth|last|final|next|the|that|this|each|every|per|past|same)\s+\Z", before):
        return None
    after = text[e : e + 12].lower()
    words = before.split()
    prev = words[-1] if words else ""
    if not (
        after.startswith(" of") or re.search(r"\bby\s+\Z", before) or prev in VERBS
        or re.search(r"\b(?:nearly|almost|about|roughly|around|some|over|under|than|just|as\ much\ as|up\ to|"
                     r"at\ least|fully|only|barely)\s+\Z", before)
        or re.match(r"\ (?:higher|lower|more|less|bigger|smaller|larger)\b", after)
    ):
        return None
    return Quantity(start=s, end=e, value=value, unit="ratio", lead=s)


def read_word(text: str, m: re.Match[str]) -> Quantity | None:
    """"three months", "twelve percent", "fifty-five million bags", "six to 12 months"."""
    s, e = m.span()
    if m.group("fullpoint"):
        return Quantity(start=s, end=e, value=1.0, unit="percentage_points", lead=s)
    tail = P.TAIL.match(text, e)
    g = tail.groupdict()
    scale = g.get("scale")
    if scale and scale.lower() in P.WEAK_SCALES:
        return None
    if not (scale or g.get("pct") or g.get("duration") or g.get("measure") or g.get("packed") or g.get("curword")
            or g.get("power") or g.get("bps")):
        return None
    if g.get("duration") and (_WINDOW.search(text, max(0, s - 20), s) or _SPAN_AFTER.match(text, tail.end())):
        return None  # "the last ten minutes of matches", "the three months to December" (see read_digits)
    digits = str(int(P.word_value(m.group("word"))))
    window = digits + text[e : e + 200]  # bounded, so many number words stay linear
    q = read_digits(window, re.match(r"(?P<digits>\d+)", window))
    if q is None:
        return None
    end = e + q.end - len(digits)
    return Quantity(start=s, end=end, value=q.value, unit=q.unit, per=q.per, range=q.range,
                    count_label=q.count_label, lead=s, bare_scale=q.bare_scale)
