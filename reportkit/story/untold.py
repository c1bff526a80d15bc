"""What a card's label leaves out that its sentence says: such a figure is printed as no card.

A card is a number and a few words. The words must say what is measured, and whose or when when the
source says it; when they cannot (in the source's own words), the figure is left to its sentence
(print less, never a guess):

- **a range of a movement** ("lost between 3% and 5% of their crop", "sales up between 11% and 13%"):
  a range is printed without a sign, so "3%–5%" reads as a level; a fall even reads as a gain
  (:func:`moved_range`);
- **a share labelled by its holder alone** ("The three largest makers hold about 83% of the domestic
  market" as "83% / Three largest makers"): of what, the label does not say (:func:`whole_untold`);
- **two names fused into one label** ("China is ... at 24% ..., while the United States took 19%" as
  "19% / China United States"): a name is no measure, and two read as one (:func:`names_fused`);
- **a period said in the sentence before** ("Net revenue for the quarter was R$712 million. Net profit
  fell 12% to 58.4 million reais."): the figure is the quarter's, and an article with a quarter's and a
  year's figures leaves "58.4M BRL / Net profit" open to either (:func:`period_before`);
- **a part of a year that is not its story's** ("In the fourth quarter alone, knitwear exports reached US$48
  million" in a story headlined by 2026): a label that says no period is read as its story's, so the
  quarter's figure would claim the year (:func:`reportkit.facts.period_unlike_story`);
- **a threshold** ("fewer than 50 animals, the level below which ..."): a level, not a finding (:func:`threshold`);
- **a share in the key-figure panel without its whole** ("Turkey's share of it at 59%" as "59% / Turkey
  share"): a story's card stands under its headline, a panel's card alone (:func:`share_of_nothing`).
"""

from __future__ import annotations

import re

from ..facts import figure_at, period_unlike_story
from ..lazyre import lazy
from ..model import Document, Fact
from .periodwords import words

# a verb or adverb of change right before a range ("lost between", "fell by between", "up between",
# "grew fastest, by between"): the range is a movement's
_MOVED = lazy(r"\b(?:rose|rise[sn]?|up|grew|grow[sn]?|gain(?:ed|s)?|jump(?:ed|s)?|climb(?:ed|s)?|increas(?:ed|es)|"
              r"surg(?:ed|es)|soar(?:ed|s)|added|fell|fall[sn]?|down|drop(?:ped|s)?|declin(?:ed|es)|slipp?(?:ed|s)?|"
              r"lost|los(?:es|ing)|shr[ai]nk|slump(?:ed|s)?|plung(?:ed|es)|tumbl(?:ed|es)|slid|sank|dipped|eased|"
              r"cut)(?:\s+[a-z]+)?,?\s+(?:by\s+)?(?:between\s+)?(?:about\s+|around\s+|roughly\s+|some\s+)?\Z", re.I)


def moved_range(f: Fact) -> bool:
    """Whether ``f`` is a range of a movement, written after its verb ("lost between 3% and 5%"):
    printed unsigned it reads as a level, and a fall as a rise."""
    if not f.range:
        return False
    at = figure_at(f)
    # "cut yields in the hills ..., which grow ..., by between 20% and 25%": "by between" is a movement's
    return at > 0 and (_MOVED.search(f.sentence[:at]) is not None or _BY_BETWEEN.search(f.sentence[:at]) is not None)


_BY_BETWEEN = lazy(r"\bby\s+between\s+\Z", re.I)


# "83% of the domestic market", "41% of them": the whole a share is of, to the clause's end
_OF_WHOLE = lazy(r"\s+of\s+(?P<whole>[^,;.()]{2,80})")
# words that name no whole: a pronoun points back to one the label cannot say
_NOT_WHOLE = frozenset("the a an its their his her our my your this that these those of".split())
_SHARES = frozenset({"percent", "ratio"})
# measures that are themselves a part of a whole ("Acceptance rate", "Gross margin")
_RATES = frozenset("rate rates ratio share margin margins proportion percentage yield allocation".split())


def whole_untold(f: Fact, label: str) -> bool:
    """Whether ``f`` is a share written "<figure> of <whole>" after a verb that makes its subject the part
    (:data:`_HOLDS`: "The three largest makers hold about 83% of the domestic market"), or as its clause's
    subject ("that 92% of patients"), and ``label`` names none of the whole ("83% / Three largest makers";
    any label of "41% of them"); or a change in points of such a share ("hold 38% of the home market, up 4
    percentage points"): the label says whose share, not of what. "cut its fiscal deficit to 4.4% of
    gross domestic product" labels the deficit itself ("India fiscal deficit"), a rate says it is a share."""
    at = figure_at(f) if f.unit in _SHARES or f.unit == "percentage_points" else -1
    head = label.split(",")[0].split()
    if at < 0 or not head or head[-1].lower() in _RATES:
        return False
    before = f.sentence[:at]
    if f.unit == "percentage_points":
        m = _SHARE_BEFORE.search(before)
    else:
        if f.qualifier and before.rstrip().endswith(f.qualifier):
            before = before.rstrip()[: -len(f.qualifier)]
        if before.rstrip().endswith(":") or not _HOLDS.search(before):
            return False  # "Acceptance rate: 11% of applicants": a list's label names the measure
        if _OF_WHICH.search(before):
            return True  # "6.2 million room nights, of which business travellers ... took roughly 35%"
        m = _OF_WHOLE.match(f.sentence, at + len(f.text))
    if m is None:
        return False
    whole = _stems(m.group("whole")) - _NOT_WHOLE
    return not whole & _stems(label) or whole <= {"it", "them", "which", "whom"}


def _stems(text: str) -> set[str]:
    """The words of ``text`` without a plural's ending ("colonies" and "colony" are one)."""
    return {w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words(text)}


# the verb (or the restating comma) before a share that makes the clause's subject the part of the whole
_HOLDS = lazy(r"(?:\b(?:hold|holds|held|have|has|had|take|takes|took|accounts?\s+for|accounted\s+for|makes?\s+up|"
              r"made\s+up|supplie[sd]|supply|provide[sd]?|represent(?:s|ed)?|cover(?:s|ed)?|control(?:s|led)?|"
              r"own(?:s|ed)?|import(?:s|ed)?|export(?:s|ed)?|bought|buys?|sold|sells?|ran\s+at|runs?\s+at|is|are|was|"
              r"were|that)|,|\A)\s*(?:a\s+record\s+|just\s+(?:over|under)\s+)?\Z", re.I)
# a share of a whole named before it: "of which", "of them" opening the clause the figure ends
_OF_WHICH = lazy(r"\bof\s+(?:which|whom|them|these|those)\b[^;:]*\Z", re.I)
# a share right before a change in points of it ("38% of the home market, up 4 percentage points")
_SHARE_BEFORE = lazy(r"\d\s?(?:%|per\s?cent)\s+of\s+(?P<whole>[^,;.()]{2,80}),\s+(?:up|down)\s+(?:by\s+)?"
                     r"(?:about\s+|almost\s+|nearly\s+)?\Z")


def _titled(phrase: str) -> bool:
    """Whether every word of ``phrase`` is capitalised and not an acronym ("United States", not "EBITDA")."""
    toks = phrase.split()
    return bool(toks) and all(t[:1].isupper() and not t.isupper() for t in toks)


def names_fused(f: Fact) -> bool:
    """Whether ``f``'s measure is a name written inside its sentence ("while the United States took 19%")
    and its subject another name: the label ("China United States") fuses two names and measures nothing."""
    if not f.measure or not f.subject or not _titled(f.measure) or f.subject.lower() in f.measure.lower():
        return False
    if re.match(r"[^:;]{1,40}:\s[^;]{1,60};", f.sentence):
        return False  # a table row ("Country: Turkey; Crop 2026: 512"): its column titles are capitalised
    return re.search(rf"(?<=[a-z,]\s){re.escape(f.measure)}\b", f.sentence) is not None


def _sentence_at(f: Fact, body: str) -> int:
    """Where ``f``'s sentence starts in ``body`` (-1 when it is not written there as read)."""
    at = figure_at(f)
    start = f.start - at if at >= 0 else -1
    return start if start >= 0 and body.startswith(f.sentence, start) else -1


# an accounting period's words, in the sentence before: "For the full year ...", "in the quarter"
_SPAN_WORDS = lazy(r"\b(?:(?:full|whole)\s+year|(?:the|this|that|each)\s+(?:(?:first|second|third|fourth)\s+)?"
                  r"(?:quarter|half)|fiscal)\b", re.I)
# the same, said for the figure in its own sentence: "For the full year, net profit fell 9% to ...", "For the whole
# of fiscal 2025-26, ... earnings were", "Operating profit for the three months was ..."
_OWN_SPAN = lazy(r"\A(?:For|In|Over|During)\s+the\s+(?:full|whole)\s+(?:year|of)\b|\bfor\s+the\s+(?:full|whole)\s+year\b"
                 r"|\bfor\s+the\s+(?:three|six|nine)\s+months\b(?!\s+(?:to|ending|ended)\b)", re.I)
_SPAN_PERIOD = lazy(r"(?:FY)?(?:19|20)\d\d(?:-[QH][1-4])?\Z")


_DURATIONS = frozenset("years months weeks days hours minutes".split())


def _spans(g: Fact) -> bool:
    """Whether ``g`` is a quarter's, a half's or a year's (not a month's or a day's), or its sentence says
    such a period in words ("For the full year the company sold ...")."""
    if g.unit in _DURATIONS:
        return False  # "the 20-year contract term": a length of time is no period's figure
    period = g.period or (str(g.year) if g.year else "")
    return bool(_SPAN_PERIOD.match(period)) or (not period and _SPAN_WORDS.search(g.sentence) is not None)


# a label that says a time of its own ("Tesco full-year profit guidance")
_SAYS_WHEN = lazy(r"\b(?:(?:full|half)-year|annual|yearly|quarterly|monthly|fiscal|(?:19|20)\d\d)\b", re.I)

# where the sentences with a period's figure end in the last article asked about: a card asks for each of
# its article's candidates, and scanning every fact each time is quadratic (a 10,000-paragraph source)
_ENDS: list[tuple[list[Fact], set[int]]] = []


def _dated_ends(facts: list[Fact], body: str) -> set[int]:
    if not _ENDS or _ENDS[0][0] is not facts:
        ends = set()
        for g in facts:
            at = _sentence_at(g, body) if _spans(g) else -1
            if at >= 0:
                ends.add(at + len(g.sentence))
        _ENDS[:] = [(facts, ends)]
    return _ENDS[0][1]


_NOW = lazy(r"\b(?:has|have|is|are|costs|holds?|stands|remains|employs|owns)\b")


def _traded(f: Fact) -> bool:
    """Whether ``f`` is a share price or its move ("Tulivu shares rose 3.9%"): a day's, not a period's."""
    return bool(f.measure) and f.measure.split()[-1].lower() in ("shares", "stock", "stocks")


def period_before(f: Fact, label: str, facts: list[Fact], body: str) -> bool:
    """Whether ``f`` has no period, ``label`` says none, and the sentence right before it in its paragraph
    (``body``: the article's text, ``facts`` its figures) has a quarter's, a half's or a year's figure (or
    says "for the full year"): the figure is that period's, which the label leaves open beside the
    article's other periods. A month or a day before ("Our previous estimate, in October, was ...") is when
    something was said, not the period of what follows."""
    if not (f.range or "," in label or _SAYS_WHEN.search(label) or _traded(f)) \
            and _OWN_SPAN.search(f.sentence[: max(0, figure_at(f))]):
        return True  # "For the full year, net profit fell 9% to EGP 212 million": the year's, which "Net profit" hides
    if f.period or f.year or f.range or "," in label or _SAYS_WHEN.search(label) or _traded(f) \
            or _NOW.search(f.sentence[:max(0, figure_at(f))]):
        return False  # a price or a level said in the present ("costs", "have") is now's, not a period's
    start = _sentence_at(f, body)
    if start <= 0:
        return False
    end = start
    ends = _dated_ends(facts, body)
    while end > 0 and end not in ends and (body[end - 1].isspace() or body[end - 1] in ".!?\"”’)"):
        end -= 1  # back over the space and the stop between the two sentences (a sentence is read with or without it)
    return "\n\n" not in body[end:start] and end in ends


# measures that are always a part of something: a panel label of one says whose, not of what
_PARTS = frozenset("share stake portion proportion".split())


def share_of_nothing(f: Fact, label: str) -> bool:
    """Whether ``label`` (a key figure's, read away from its story) names a share of nothing ("Turkey
    share" of "Turkey's share of it at 59%"): a percentage whose label ends on "share" and has no "of"."""
    head = label.split(",")[0].strip()
    return f.unit == "percent" and head.split()[-1].lower() in _PARTS and " of " not in head


# "keep fewer than 50 animals, the level below which the Bureau counts a household as vulnerable"
_LEVEL_NAMED = lazy(r"\s*(?:[a-z][\w-]*\s+){0,2}?,\s+(?:the|a)\s+(?:level|threshold|limit|cut-off|line|mark)\s+"
                    r"(?:below|above|under|over|at|from|beyond)\s+which\b")


def threshold(f: Fact) -> bool:
    """Whether the sentence names ``f`` as a level something is measured against ("fewer than 50 animals, the
    level below which ..."): a threshold, not a figure that happened; its card would read as a finding."""
    at = figure_at(f)
    return at >= 0 and _LEVEL_NAMED.match(f.sentence, at + len(f.text)) is not None


def quoted(f: Fact) -> bool:
    """Whether ``f`` stands inside a direct quote ("“We opened 11 new markets last year”"): the speaker's
    "we" is an organisation the label cannot name (the speaker is not it); the quote says the figure."""
    at = figure_at(f)
    before = f.sentence[:at] if at >= 0 else ""
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# "the third-worst performance among the 40 consumer stocks in the index": the group a thing ranks in
_AMONG = lazy(r"\b(?:among|amongst)\s+(?:the\s+|its\s+|their\s+)?\Z", re.I)


def ranked_among(f: Fact) -> bool:
    """Whether ``f`` counts the group something is ranked among ("among the 40 consumer stocks"): the
    group's size, not a figure of the story's subject, whose name the label would put before it."""
    at = figure_at(f)
    return at > 0 and _AMONG.search(f.sentence[:at]) is not None


# "Exports to Japan rose 6.2%", "Sales in Germany fell": a place or a party named right after the measure
# (a name: capitalised words, not a month or a day: "Imports in December" says when, which the period does)
_NAME = r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|" \
        r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z](?:[a-z'’]+|[A-Z]+)(?![\w$-])"
_NAMED_AFTER = lazy(rf"\s+(?:to|from|into)\s+(?:the\s+)?(?P<name>{_NAME}(?:\s+{_NAME}){{0,3}})")


def name_untold(f: Fact, label: str, facts: list[Fact], body: str, title: str = "") -> bool:
    """Whether ``f``'s measure is written with a name after it ("Exports to Japan rose 6.2%") that
    ``label`` leaves out, while another sentence of the article (``facts``; ``body`` its text, where the
    name is said fewer than three times, and not in its ``title``) has a figure of the same measure: "+6.2% / Exports" beside the
    year's exports claims all of them."""
    at = figure_at(f)
    if not f.measure or at <= 0:
        return False
    head = f.measure.split()[-1].lower()
    if not any(g.measure and g.sentence != f.sentence and g.measure.split()[-1].lower() == head for g in facts):
        return False
    said = words(label)
    for m in re.finditer(re.escape(f.measure), f.sentence[:at], re.I):
        after = _NAMED_AFTER.match(f.sentence, m.end())
        # a name the article keeps coming back to is what it is about ("passengers to Port Seraine")
        name = after.group("name") if after else ""
        if name and not words(name) <= said and not words(name) & words(title) and body.count(name) < 3:
            return True
    return False


# a table row whose first column names where things go ("Destination: China; Exports (US$m): 350"): the
# row is a buyer, and "China Exports" would read as China's own exports
_TO_ROW = lazy(r"(?:Destinations?|Export\s+markets?|Buyers?|Importers?|Customers?)\s*:", re.I)
# a label opening on a number's scale word ("Million litres and net revenue"): a number's tail read as a measure
_SCALE = frozenset("thousand million billion trillion".split())


def misread(f: Fact, label: str) -> bool:
    """Whether ``f`` is a table row of a destination (:data:`_TO_ROW`) or ``label`` opens on a scale word
    (:data:`_SCALE`): the label names a buyer as an owner, or a number's tail as a measure."""
    first = label.split()[0].lower() if label.split() else ""
    return first in _SCALE or _TO_ROW.match(f.sentence) is not None


# "valuing the company at about KSh 21.9 billion": a market value, whatever the clause's subject ("Tulivu shares")
_VALUING = lazy(r"\bvalu(?:ing|ed|es)\s+(?:[\w'’-]+\s+){1,4}?at\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|"
                r"roughly\s+|more\s+than\s+)?\Z", re.I)
# "collecting litter alone costs ฿9 per visitor": the cost of doing something, not of the thing done to
_GERUND_COST = lazy(r"\b(?P<ing>[a-z]{3,}ing)\s+(?:[\w'’-]+\s+){1,4}?cost(?:s|ing)?\s+(?:about\s+|around\s+|nearly\s+|"
                    r"almost\s+|some\s+|roughly\s+|more\s+than\s+|less\s+than\s+)?\Z", re.I)


_COSTS = lazy(r"\bcost(?:s|ing)?\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|roughly\s+)?\Z", re.I)
_COSTS_TO = lazy(r"(?:\s+(?:a|an|per|each)\s+[a-z]+)?\s+to\s+(?P<verb>[a-z]+)\b")


_ADDED = lazy(r"\badd(?:s|ed|ing)?\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|roughly\s+)?\Z", re.I)
_ADDED_TO = lazy(r"\s+to\s+(?P<whole>[^,;.()]{2,60})")


def action_untold(f: Fact, label: str) -> bool:
    """Whether ``f`` is a value put on something after "valuing ... at" that ``label`` does not call a
    value ("about 21.9B KES / Tulivu shares"), the cost of an action ("collecting litter alone costs",
    "costs about $38 a night to keep open") whose label leaves the action out ("9 THB/visitor / Litter
    alone"), or what one thing added to another ("a pay deal for nurses added 5.5% to the wage bill")
    labelled by the first ("+5.5% / Deal for nurses")."""
    at = figure_at(f)
    before = f.sentence[:at] if at > 0 else ""
    if f.qualifier and before.rstrip().endswith(f.qualifier):
        before = before.rstrip()[: -len(f.qualifier)]
    if _VALUING.search(before) and not any(w.startswith("valu") for w in words(label)):
        return True
    m = _GERUND_COST.search(before)
    if m is not None and m.group("ing").lower() not in words(label):
        return True
    # "An empty room still costs about $38 a night to keep open": the cost of keeping it, not the room
    to = _COSTS_TO.match(f.sentence, at + len(f.text)) if _COSTS.search(before) else None
    if to is not None and to.group("verb").lower() not in words(label):
        return True
    # "a new pay deal for nurses added 5.5% to the service's wage bill": the wage bill's rise, not the deal's
    to = _ADDED_TO.match(f.sentence, at + len(f.text)) if _ADDED.search(before) else None
    return to is not None and not _stems(to.group("whole")) - _NOT_WHOLE & _stems(label)


# "Northern farms ... delivered 1.1% more.": a comparison with nothing after it says a change whose way the
# printed number (no sign: the key panel signs "more than", "up on" ...) cannot
_BARE_MORE = lazy(r"\s+(?:more|less|fewer|higher|lower)(?=\s*(?:[.;,)]|\Z))", re.I)


def bare_change(f: Fact) -> bool:
    """Whether ``f`` is a change written "1.1% more" with no "than" after it: printed unsigned, a level."""
    at = figure_at(f)
    return at >= 0 and _BARE_MORE.match(f.sentence, at + len(f.text)) is not None


def base_year(f: Fact) -> bool:
    """Whether ``f``'s year is written in its sentence only as the year of a base ("Occupancy averaged 74.8%,
    against 76.0% in 2025, while the average daily rate rose by about 4%"): the figure is not that year's,
    and a label would date it wrongly (verify reads it the same way)."""
    year = (f.period or str(f.year or ""))[:4]
    if not year.isdigit():
        return False
    said = [m.start() for m in re.finditer(rf"\b{year}\b", f.sentence)]
    bases = [m for m in re.finditer(rf"\b(?:against|compared\s+(?:with|to)|from|than|versus|vs\.?)\s+[^,;]{{0,30}}?\b{year}\b",
                                    f.sentence)]
    at = figure_at(f)
    return bool(said) and len(bases) == len(said) and all(m.end() <= at for m in bases)


# "a growers' cooperative of 230 households": a count after "<noun> of" is that noun's size; "a total of" is none
_SIZE_OF = lazy(r"\b(?P<noun>[a-z]{3,})(?:['’]s?)?\s+of\s+(?:about\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+)?\Z")
_NO_SIZE = frozenset("total number average maximum minimum peak record tally sum series couple".split())


def size_of(f: Fact, label: str) -> bool:
    """Whether the count ``f`` is the size of the noun before its "of" ("a cooperative of 230 households")
    and ``label`` does not name that noun: "230 / Households" reads as a count of its own."""
    at = figure_at(f) if f.unit == "count" else -1
    m = _SIZE_OF.search(f.sentence, max(0, at - 40), at) if at > 0 else None
    return m is not None and m.group("noun") not in _NO_SIZE and m.group("noun") not in words(label)


def untold(f: Fact, label: str, doc: Document, body: str, alone: bool = False) -> bool:
    """Whether ``label`` leaves out what its figure's sentence says (any rule of this module); ``alone``:
    the card stands in the key-figure panel, away from its story's headline (``doc``: the article, ``body``
    its text)."""
    facts = doc.facts
    return moved_range(f) or bare_change(f) or base_year(f) or quoted(f) or action_untold(f, label) or misread(f, label) or ranked_among(f) or name_untold(f, label, facts, body, doc.title or "") or whole_untold(f, label) or names_fused(f) or period_before(f, label, facts, body) \
        or size_of(f, label) or (alone and share_of_nothing(f, label)) or period_unlike_story(f, label, doc) is not None \
        or threshold(f)
