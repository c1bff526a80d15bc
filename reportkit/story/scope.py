"""What a figure's label must say besides its measure, or the figure gets no label.

A label made of the measure alone can claim more than the source does:

- **a count of the ones that did something**: "about 1,800 workers took part in the vote",
  "more than 70 ships waiting at anchor". "Workers" under the number reads as the whole
  workforce. A participle phrase that ends the clause is kept in the label, in the
  source's words ("Ships waiting at anchor"); a verb or a relative clause of its own
  cannot be said by a noun phrase, so such a count gets no label (print less);
- **a change against a base other than a year earlier**: "shrank 0.3% in the third quarter
  from the previous three months". A reader takes a quarter's change for a year-on-year
  one; the label keeps the base as the source writes it ("from the previous three months")
  or the figure is not labelled;
- **a figure spread over a span**: "a 9% pay rise over two years" is not a yearly rise;
  the span is kept in the label in the source's words ("over two years");
- **a level compared with a year earlier** ("Net income was $87 million ..., against $52 million
  a year earlier") is a period's figure: a label that says no period is not printed;
- **a fiscal quarter without its year** ("rose 2.8% in the fiscal third quarter", "in the quarter
  to October"): no calendar
  period (the facts stage leaves it empty), but the label says it as the source does;
- **what a premium is over** ("a 34% premium to Friday's closing price"), kept in the source's words,
  and **whose a yield is** when a thing is sold "at a yield of" (the thing's, not the seller's);
- **a measure of a whole** ("Ticket sales for all films reached about $121 million", "revenue across
  all stores"): under one entity's story "Ticket sales" reads as that entity's; the label keeps the scope
  in the source's words ("Ticket sales for all films") or the figure is not labelled.
"""

from __future__ import annotations

import re

from ..facts import AUX, IRREGULAR_PAST, VERBS, figure_at
from ..lazyre import lazy
from ..model import Fact

# "70 ships waiting at anchor." — a participle and at most four more words, to the clause's end
_PARTICIPLE_PHRASE = lazy(r"\s+([a-z]{3,}ing(?:\s+[a-z][\w'’-]*){0,4})(?=\s*(?:[.,;:)]|\s[—–-]\s|$))")
_PARTICIPLE = lazy(r"\s+[a-z]{3,}ing\b")
_NEXT = lazy(r"\s+([A-Za-z][\w'’-]*)")
# nouns ending in -ing that name a thing counted ("270 buildings"), not what the counted did
_ING_THINGS = frozenset("""building buildings listing listings holding holdings offering offerings filing
    filings opening openings booking bookings sailing sailings crossing crossings meeting meetings""".split())
_RELATIVE = frozenset("who that which whose whom".split())
# words of :data:`VERBS` that after a count are a time or a noun, not the counted ones' verb ("jobs last month")
_NOT_VERBS_AFTER = frozenset("last total cost costs pay gain gains drop drops rise fall plan plans".split())
# a comparison base that is not a year earlier: the previous month, quarter, three months, week
_BASE = lazy(r"\s*,?\s*(?P<base>(?:from|on|over|against|compared\s+with)\s+(?:the\s+)?(?:previous|prior|preceding|last)\s+"
             r"(?:(?:three|six)\s+months|month|quarter|week|period)"
             r"|(?:quarter|month|week)[- ]on[- ](?:quarter|month|week)"
             r"|(?:from|on)\s+(?:the\s+)?(?:previous|prior|preceding)\s+(?:three|six)-month\s+period)\b", re.I)
# "fell 1.8% in November from October": a month's change on the month before, not on a year earlier
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_TO_LEVEL = lazy(r"\s+to\s+(?:about\s+|nearly\s+|around\s+)?[$€£¥]?\d")
_MONTH_BASE = lazy(r"\s*(?P<base>from\s+(?P<m>" + "|".join(_MONTHS) + r"))\b(?![\s,]+(?:(?:19|20)\d\d|last\b|a\s+year|"
                   r"the\s+(?:previous|prior)\s+year))", re.I)
# ("sold 486,000 tickets in the first two weeks of its season": a count of the span's start, not of the season)
_SPAN = lazy(r"\s+(?P<span>over\s+(?:the\s+next\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+years"
             r"|in\s+the\s+first\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:days|weeks|months)"
             r"\s+of\s+(?:its|the|their)\s+[a-z]+)\b", re.I)
# up to three noun words after a figure ("9% pay rise"), before its span
_NOUN_BEFORE_SPAN = lazy(r"(?:\s+[a-z][\w'’-]*){1,3}?(?=\s+over\b)")


def _after(f: Fact) -> str | None:
    at = figure_at(f)
    return None if at < 0 else f.sentence[at + len(f.text):]


def count_scope(f: Fact) -> str | None:
    """For a count, the words after its noun that say which ones were counted ("waiting at
    anchor"); ``""`` when nothing follows that restricts it; ``None`` when a verb or a
    relative clause of its own does ("1,800 workers took part in the vote"): no label can say it."""
    if f.unit != "count":
        return ""
    after = _after(f)
    if after is None:
        return ""
    m = _PARTICIPLE_PHRASE.match(after)
    nxt = _NEXT.match(after)
    if m and nxt and nxt.group(1).lower() not in _ING_THINGS:
        return m.group(1)
    if _PARTICIPLE.match(after) and nxt and nxt.group(1).lower() not in _ING_THINGS:
        return None  # a participle phrase too long for a label
    if nxt is None:
        return ""
    w = nxt.group(1)
    lw = w.lower()
    # a verb of their own: an auxiliary or a past tense ("took part", "voted"); "jobs last month" is none
    # ("14,000 families grow raspberries": a present-tense verb of their own too; "jobs last month" is none)
    if lw in _RELATIVE or lw in AUX or lw in IRREGULAR_PAST or (lw.endswith("ed") and len(lw) > 4 and w[:1].islower()) \
            or (lw in VERBS and lw not in _NOT_VERBS_AFTER):
        return None
    return ""


def after_base(f: Fact) -> str | None:
    """The base a change is measured against when it is not a year earlier, as the source
    writes it after the figure and its time phrase ("from the previous three months"), else ``None``."""
    after = _after(f)
    if after is None or f.unit not in ("percent", "percentage_points"):
        return None
    # the figure's own time phrase may stand between ("0.3% in the third quarter from ...")
    m = _BASE.match(after) or _BASE.match(after, _time_phrase_end(after))
    if m is None and (f.period is None or re.fullmatch(r"\d{4}-\d\d", f.period)):
        m = _MONTH_BASE.match(after) or _MONTH_BASE.match(after, _time_phrase_end(after))
        if m and (_MONTHS.index(m.group("m").lower()) != (int(f.period[5:]) - 2) % 12 if f.period
                  else not _TO_LEVEL.match(after, m.end())):
            m = None  # "raised its price cap by 1.2% from January": when, not against what; with no month
            # of its own, only "dropped 6.2% from October to 3,870" says it is a base
    return m.group("base") if m else None


_TIME_PHRASE = lazy(r"\s+(?:in|for|during)\s+(?:the\s+)?(?:(?:first|second|third|fourth)\s+quarter|"
                    r"(?:first|second)\s+half|January|February|March|April|May|June|July|August|September|"
                    r"October|November|December|Q[1-4])(?:\s+(?:of\s+)?(?:19|20)\d\d)?")


def _time_phrase_end(after: str) -> int:
    m = _TIME_PHRASE.match(after)
    return m.end() if m else 0


def span_of(f: Fact) -> str | None:
    """The span a figure is spread over, written right after it or its noun ("a 9% pay rise
    *over two years*"), else ``None``."""
    after = _after(f)
    if after is None:
        return None
    m = _SPAN.match(after)
    if m is None:
        nxt = _NOUN_BEFORE_SPAN.match(after)
        m = _SPAN.match(after, nxt.end()) if nxt else None
    return m.group("span") if m else None



# "40.6 million passengers this year up to Dec. 27", "so far this year": a count to a date, not the
# whole period's; the label says the date in the source's words, or no period at all
_TO_DATE = lazy(r"(?:\s+[a-z][\w'’-]*){0,3}?(?:\s*,)?\s+(?:(?:this|the)\s+year\s+)?(?:(?P<to>(?:up\s+to|through|until|(?<=this\syear\s)to)\s+"
                r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})(?![\d,.]\d)"
                r"|(?:so\s+far(?:\s+this\s+year)?|to\s+date|year\s+to\s+date|year-to-date)\b)")


def to_date(f: Fact) -> str | None:
    """"up to Dec. 27" when ``f`` is counted to a date right after it ("40.6 million passengers this
    year up to Dec. 27"), ``""`` when it is a count so far with no date ("so far this year"), else
    ``None``: a year beside such a figure would claim the whole year."""
    after = _after(f)
    m = _TO_DATE.match(after) if after else None
    if m is None:
        before = f.sentence[:max(0, figure_at(f))]
        return "" if re.search(r"\b(?:year-to-date|year\s+to\s+date|so\s+far\s+this\s+year)\s+\S*\Z", before, re.I) \
            else None
    return " ".join(m.group("to").split()) if m.group("to") else ""


_FISCAL_QUARTER = lazy(r"\bfiscal\s+(?P<n>first|second|third|fourth)[- ]quarter\b"
                       r"|\b(?P<to>(?:quarter|three\s+months|six\s+months|half|year)\s+to\s+(?:January|February|March|"
                       r"April|May|June|July|August|September|October|November|December))\b", re.I)
_NO_BREAK = lazy(r"[^,;:.]*")


def fiscal_quarter(f: Fact) -> str | None:
    """"fiscal third quarter" ("quarter to October") when the figure's own clause names a fiscal
    quarter (a quarter to a month) right after it, or before it with no comma between; else ``None``."""
    at = figure_at(f)
    if at < 0 or ("fiscal" not in f.sentence.lower() and " to " not in f.sentence):
        return None
    end = at + len(f.text)
    for m in _FISCAL_QUARTER.finditer(f.sentence):
        gap = f.sentence[end:m.start()] if m.start() >= end else f.sentence[m.end():at]
        if len(gap) <= 60 and _NO_BREAK.fullmatch(gap):
            return " ".join(m.group("to").split()) if m.group("to") else f"fiscal {m.group('n').lower()} quarter"
    return None


# "..., against $52 million a year earlier", "from NZ$377 million in the same quarter of 2025": the figure
# is a period's, compared with the same one a year before (no other figure between: "at $1,885, but were down 38% from a year earlier" compares the 38%)
_YEAR_EARLIER = lazy(r"[^.;\d]{0,80}?\b(?:against|compared\s+with|versus|from|up\s+from|down\s+from)\s+[^.;\d]{0,12}\d[^.;]{0,30}?"
                     r"\b(?:a\s+year\s+(?:earlier|ago|before)|(?:in\s+)?the\s+same\s+(?:period|quarter|month)\s+"
                     r"(?:a\s+year\s+earlier|last\s+year|of\s+(?:19|20)\d\d))", re.I)  # "the same quarter of 2025"
_SAYS_WHEN = lazy(r"\b(?:quarter|half|month|year|week|fiscal|FY\d*|(?:19|20)\d\d|January|February|March|April|May|"
                  r"June|July|August|September|October|November|December)\b", re.I)


def period_untold(f: Fact, label: str) -> bool:
    """Whether ``f`` is a level (an amount or a count) compared with a year earlier in its own
    sentence, so a period's figure, under a label that says no period ("$87M Net income")."""
    if f.unit in ("percent", "percentage_points") or f.period or f.year or _SAYS_WHEN.search(label):
        return False
    after = _after(f)
    if after is None:
        return False
    restated = _PER_SHARE.match(after)  # "$87 million, or 64 cents per share, against ...": the same figure
    return _YEAR_EARLIER.match(after, restated.end() if restated else 0) is not None


_PER_SHARE = lazy(r",\s*or\s+[^,;.]{1,30}?\b(?:per|a)\s+share\b", re.I)


# "sold 4.5 billion euros of a new 10-year BTP at a yield of 3.21%": the yield is the thing sold's,
# not the seller's (the clause's subject); "bought shares at a price of"
_OF_THING_AT = lazy(r"(?:\bof\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?P<np>[A-Za-z0-9][\w'’-]*(?:\s+[A-Za-z0-9][\w'’-]*){0,3}))?"
                    r"\s+at\s+(?:an?|the)\s+(?:average\s+|record\s+)?(?P<m>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+of\s+"
                    r"(?:about\s+|around\s+|nearly\s+|almost\s+|roughly\s+)?\Z")


def object_owner(f: Fact, measure: str) -> str | None:
    """Whose ``measure`` is when the figure is written as "... of <thing> at a <measure> of <figure>":
    the thing's words ("new 10-year BTP"); ``""`` when the clause says "at a <measure> of" after
    no such thing (nobody's the label can say); ``None`` when the figure is not written so."""
    at = figure_at(f)
    if at < 0 or " at " not in f.sentence[:at]:
        return None
    before = f.sentence[:at]
    if f.qualifier and before.rstrip().endswith(f.qualifier):
        before = before.rstrip()[: -len(f.qualifier)]
    m = _OF_THING_AT.search(before, max(0, len(before) - 120))
    if m is None or m.group("m").lower() != measure.lower():
        return None
    np = m.group("np") or ""
    return "" if not np or np.split()[-1].lower() in _NOT_THINGS else np


# words that end no thing's name ("of euros", "of shares" are what was sold, not which)
_NOT_THINGS = frozenset("euros dollars pounds yen shares stock bonds debt it them".split())
# "a 34% premium to Friday's closing price": what a premium or a discount is measured against
_PREMIUM_BASE = lazy(r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:premium|discount)\s+(?P<base>(?:to|over|on)\s+"
                     r"(?:[A-Za-z][\w'’-]*\s+){0,4}?[a-z][\w'’-]*)(?=\s*[,;.)]|\s+(?:in|for|after|and|as)\s)")


def premium_base(f: Fact, measure: str) -> str | None:
    """What a premium or discount figure is over ("to Friday's closing price"), as the source
    writes it right after the figure and its noun, else ``None``."""
    if measure.split()[-1].lower() not in ("premium", "discount"):
        return None
    after = _after(f)
    m = _PREMIUM_BASE.match(after) if after is not None else None
    return m.group("base") if m else None


# "ticket sales for all films", "spending across the whole industry", "sales across the industry"
_WHOLE_AFTER = (r"\s+(?P<scope>(?:for|across|among)\s+(?:all|every|the\s+(?:whole|entire))\s+(?!of\b)(?:the\s+)?"
                r"[a-z][\w-]*|across\s+the\s+[a-z][\w-]*)\b")
# a whole in time is a period, which the label's period says ("for the whole year")
_TIME_WHOLES = frozenset("""year years quarter quarters month months week weeks day days period season seasons
    weekend weekends session sessions time decade""".split())


def whole_scope(f: Fact) -> str | None:
    """The words right beside ``f``'s measure in its sentence that make it a measure of a whole
    (every film, the whole industry), or ``None``."""
    if not f.measure:
        return None
    m = re.search(re.escape(f.measure) + _WHOLE_AFTER, f.sentence, re.I)
    if m is None or m.group("scope").split()[-1].split("-")[0].lower() in _TIME_WHOLES:
        return None
    return m.group("scope")


def with_whole(f: Fact, label: str) -> str | None:
    """``label`` with the whole its measure is of ("Ticket sales for all films"); ``None`` when the
    label cannot say it (its measure is not its end, as in "Ticket sales, weekend"): print less."""
    scope = whole_scope(f)
    said = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", label)}
    if scope is None or {w.lower() for w in re.findall(r"[A-Za-z0-9]+", scope)} <= said:
        return label
    if f.measure and label.lower().endswith(f.measure.lower()):
        return f"{label} {scope}"
    return None


# "The budget for the auction was raised by £500 million": a one-word measure and the thing it is of,
# right before the clause's verb
_OF_THING = r"\s+((?:for|of)\s+(?:the|its|their))((?:\s+[a-z][\w-]*){2,4})"


def _verb(word: str) -> bool:
    return word in VERBS or word in IRREGULAR_PAST or word in AUX or (word.endswith("ed") and len(word) > 4)


# what a thing is sold in, not the thing: "A five-pack of the best-selling spicy brand cost ₩4,480"
_CONTAINERS = frozenset("""pack packet packets packs bottle bottles can cans box boxes bag bags carton cartons crate
    crates tin tins jar jars tub tubs sack sacks basket baskets loaf loaves bar bars tray trays bundle bundles""".split())


def container(measure: str) -> bool:
    """Whether ``measure`` names only what something comes in ("five-pack", "bottle"): alone it says
    nothing of the thing a figure is the price or amount of."""
    last = measure.strip().lower().split()[-1] if measure.strip() else ""
    return last in _CONTAINERS or last.endswith("-pack")


def thing_of(f: Fact, measure: str) -> str | None:
    """"for the auction" when ``f``'s one-word measure ("Budget") is written with the thing it is of
    right before its clause's verb ("The budget for the auction was raised by"); else ``None``:
    "Budget" alone does not say whose."""
    if not f.measure or len(measure.split()) != 1 or measure.lower() != f.measure.lower():
        return None
    m = re.search(r"\b" + re.escape(f.measure) + _OF_THING, f.sentence[:max(0, figure_at(f))], re.I)
    if m is None:
        return None
    rest = m.group(2).split()
    end = next((i for i, w in enumerate(rest) if _verb(w.lower())), 0)
    # a pack holds what it is a pack of, however many words name it ("a five-pack of the best-selling spicy brand")
    if not 1 <= end <= (4 if container(measure) else 2) or rest[end - 1].lower() in _TIME_WHOLES:
        return None  # no verb right after, or "revenue for the quarter": a time, which the period says
    return " ".join([*m.group(1).split(), *rest[:end]])


# "reached about $121 million, up 17% from the same weekend a year earlier": the figures are a weekend's
_SAME_TIME = lazy(r"\bfrom\s+the\s+same\s+(?P<t>weekend|week|day|session|night)\s+(?:a\s+year\s+(?:earlier|ago|before)|"
                  r"last\s+year)\b", re.I)


def same_time(f: Fact) -> str | None:
    """"weekend" when ``f``'s sentence compares it, after it, with "the same weekend a year earlier"
    (a week, a day, a session): a time the figure is for that its period (none) does not say."""
    at = figure_at(f)
    m = _SAME_TIME.search(f.sentence, at + len(f.text)) if at >= 0 and not f.period else None
    return m.group("t").lower() if m else None
