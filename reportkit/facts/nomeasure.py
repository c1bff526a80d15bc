"""When a figure measures nothing its clause names: the checks :mod:`.meaning` makes before it reads
any phrase around a quantity. Such a figure gets no measure (its label is left to its sentence)."""

from __future__ import annotations

import re

from ..lazyre import lazy
from .label import AUX, IRREGULAR_PAST, NEGATED, STOP, VERBS

# framing words before a clause's subject ("In the third quarter, ..."), shared with .meaning and .subject
# a fronted phrase before the clause's subject: "With smaller crops in Azerbaijan and Georgia, we
# put ...": the names inside it are what the phrase is about, never the clause's subject
CLAUSE_INTRO = lazy(r"\s*(?:(?:In|On|At|For|During|After|Over|Since|Separately|Meanwhile|However|Excluding|"
                    r"Compared\s+with|With|Without|Despite|Amid|Given|Following|Unlike|Thanks\s+to|Because\s+of|"
                    r"Due\s+to)\b[^,]{0,60},\s*)?")
# "$2.8 million in Foreign Direct Investment": money in a noun; not a year, a quarter or a fiscal period
MONEY_IN = lazy(r"\s+in\s+(?:(?:a|an|new|the|fresh|additional|direct)\s+)?"
                r"(?!(?:19|20)\d\d|the\s+(?:first|second|third|fourth|last|past|next)\b|fiscal\b|FY)")
# "was 1.4 degrees above the average", "came in 0.9 GW, or about 3%, above that forecast": a distance from a base
_FROM_NORMAL = lazy(r"(?:,\s+or\s+[^,;]{1,25},)?\s+(?:above|below)\s+(?:the\s+|its\s+|that\s+|this\s+|their\s+)?"
                    r"(?:[\w-]+\s+){0,3}?(?:average|normal|mean|forecasts?|estimates?|expectations?|consensus|"
                    r"guidance|projections?)\b", re.I)
# "worth at least $3 million more to a club that ...": an increment on an amount the text does not give
_MORE = lazy(r"\s+(?:more|less|fewer|extra)\b(?!\s+than\b)")
# a cost or a loss right before the quantity: the figure is what was lost, not the noun after it
_COST_BEFORE = lazy(r"\b(?:cost|costs|costing|lose|loses|losing|lost|forgo|forgoing|forgone|forego|foregoing)\s*\Z",
                    re.I)
_COST_OBJECT = lazy(r"\b(?:cost|costs|costing)\s+(?!of\b)(?:[\w'’-]+\s+){1,4}\Z", re.I)
# "cost the city €14.6m", "would cost a family about $3,280": the verb, then whom (no stop word or verb
# but a determiner or an approximation: "costs fell to", "cost savings of", "cut costs by" are nouns)
_COST_TO = lazy(r"\bcost(?:s|ing)?\s+((?:[\w'’-]+\s+){1,4})\Z", re.I)
_DETERMINERS = frozenset("the a an its their his her our about around nearly almost some".split())
_OFF = lazy(r"\s+off\s+(?:the\s+|its\s+|their\s+)?(?=[A-Za-z])")

# "roughly four-fifths of the £4.25bn", "40% of the $2bn": the figure is the whole a part is taken
# of; the part's words, the clause's subject and verb are all the part's, never the whole's
_PART_OF = lazy(r"(?:\b(?:(?:a|an|one|two|three|four|five|seven|nine)[- ])?(?:half|third|quarter|fifth|sixth|eighth|"
                r"tenth)s?|\d%|\bper\s?cent|\b(?:every|each|most|much|part|none)(?:\s+[a-z]+)?)\s+of\s+(?:the|its|their|his|her|our)\s+\Z", re.I)
# "The regulator allowed Greyhollow to spend £3.4bn": the clause's subject lets another party act;
# the figure is that party's, so neither the subject nor the verb before it says what it measures
_LETS_ANOTHER = lazy(r"\b(?:allow(?:s|ed|ing)?|permit(?:s|ted|ting)?|let(?:s|ting)?|authori[sz](?:e|es|ed|ing)|"
                     r"enabl(?:e|es|ed|ing)|forc(?:e|es|ed|ing)|order(?:s|ed|ing)?|requir(?:e|es|ed|ing)|"
                     r"ask(?:s|ed|ing)?|told|tell(?:s|ing)?|urg(?:e|es|ed|ing))\s+"
                     r"(?!to\b)(?:[\w'’&.-]+\s+){1,4}?to\s+[a-z]+\b[^;:]*\Z")

# ", after the Vestmark lender set aside 412 million euros": a subordinate clause with its own subject
# and verb, the figure right after that verb (and its particle); no comma between
_SUBORDINATE_VERB = lazy(r",\s+(?:after|before|because|since|when|once|until|as|while|whereas|although|though)\s+"
                         r"(?:the|a|an|its|their|his|her|[A-Z][\w'’&.-]*)\s+[^,;]*?\b(?P<verb>[a-z]+)"
                         r"(?:\s+(?:aside|out|off|up|down|back|away|in))?\s+"
                         r"(?:(?:about|almost|nearly|around|roughly|some|more\s+than|less\s+than)\s+)?\Z")
# verbs whose figure is the change or level of their own subject ("as crude oil imports slid 9%")
_CHANGE_VERBS = frozenset(
    """rose rise rises fell fall falls grew grow grows climbed climbs dropped drops declined declines jumped jumps
    slipped slips gained gains increased increases decreased decreases slid slides shrank shrinks sank sinks
    dipped dips edged eased surged soared plunged tumbled slumped rallied advanced retreated reached reaches
    totalled totaled totals stood stands amounted amounts hit was were is are""".split()
)

# "the fund wrote down its office buildings by €640m": what the clause's verb did to its object, the
# clause's subject the one who acted (verbs that name their object's measure are read first, .meaning)
_BY_ON_OBJECT = lazy(r"\b(?P<verb>[a-z]+)\s+(?:(?:down|up|off|out|back)\s+)?(?:its|their|the|his|her|our|a|an)\s+"
                     r"(?:[\w'’-]+\s+){1,5}?by\s+(?:(?:about|almost|nearly|around|roughly|some)\s+)?\Z")
# "the law allows no more than 35": a noun, then a verb in "-s" right before the figure, its object
_VERB_S_OBJECT = lazy(r"\A\s*(?:the|a|an|its|their|this|that)\s+(?:[a-z][\w-]*\s+){1,4}?(?P<verb>[a-z]{3,}s)\s+"
                      r"(?:(?:no\s+more|no\s+fewer|no\s+less|more|fewer|less)\s+than\s+|up\s+to\s+|"
                      r"at\s+(?:least|most)\s+|about\s+|around\s+)?\Z")


def object_of_agent(before: str) -> bool:
    """Whether the quantity is what the clause's verb does to its object or lets ("the fund *wrote
    down* its office buildings by €640m", "the law *allows* no more than 35"): the subject acts, so
    neither it nor the verb (nor the two as one phrase, "Fund wrote") says what the figure measures."""
    m = _BY_ON_OBJECT.search(before, max(0, len(before) - 120))
    if m and not any(w in VERBS or w in IRREGULAR_PAST for w in before[m.end("verb"):].split()[:-1]):
        verb = m.group("verb")  # ("said the company would cut costs by": the object is "costs", not a phrase)
        if verb not in _CHANGE_VERBS and (verb in VERBS or verb in IRREGULAR_PAST or
                                          (verb.endswith("ed") and len(verb) > 4)):
            return True
    m = _VERB_S_OBJECT.match(before)
    return bool(m) and not m.group("verb").endswith(("ss", "us", "is", "ics"))


_PARTICIPLE_AFTER = lazy(r"\s+[a-z]{3,}(?<!e)ed\s*(?:[.;:]|\Z)")
_PRICE_VERB = lazy(r"\b(?:costs?|costing|sells?\s+for|sold\s+for|priced\s+at|retails?\s+(?:for|at))\s+"
                   r"(?:(?:about|around|roughly|some|nearly|almost)\s+)?\Z")
# a sentence that opens on a condition, the figure inside it ("Where installed storage passed 10% of peak
# demand, the number of hours ... fell"): a threshold the finding is under, not a finding
_CONDITION = lazy(r"\A\s*(?:Where|Wherever|If|Unless|Once|Whenever)\s[^,;:]*\Z")
# "before and after storage passed 10% of peak demand", "after storage passed the 10% threshold": a
# level crossed in a clause of time or condition is the threshold too
_CROSSED = lazy(r"\b(?:after|before|when|once|until|where|if|unless)\s+[^,;:]{0,60}?\b(?:passed|passes|pass|"
                r"exceeded|exceeds|exceed|crossed|crosses|cross|topped|tops)\s+(?:the\s+)?"
                r"(?:(?:about|around|nearly|almost|roughly)\s+)?\Z", re.I)


def priced_as(before: str, after: str) -> bool:
    """Whether the figure is a price followed by a participle that ends its clause ("now costs about
    €11,800 *installed*."): the price of the clause's subject in a state it is sold in; the words around
    it name the thing priced in part only ("air-source heat pump"), so the figure keeps no label."""
    return bool(_PARTICIPLE_AFTER.match(after)) and bool(_PRICE_VERB.search(before, max(0, len(before) - 40)))


def in_condition(lead: str) -> bool:
    """Whether the figure after ``lead`` (its sentence up to it) is in a condition the sentence opens on
    ("Where installed storage passed 10% of peak demand, ...") or a level a clause of time or condition
    says was crossed ("after storage passed the 10% threshold"): no measure and no label."""
    return bool(_CONDITION.match(lead) or _CROSSED.search(lead, max(0, len(lead) - 100)))


def cost_to_someone(before: str) -> bool:
    """Whether the quantity is what something cost someone ("the zone's cameras and enforcement cost the
    city €14.6m"): the clause's subject is what was paid for, so its words label no figure."""
    m = _COST_TO.search(before, max(0, len(before) - 80))
    return bool(m) and not any((w in STOP and w not in _DETERMINERS) or w in VERBS or w in IRREGULAR_PAST or w in AUX
                               for w in m.group(1).lower().split())


def object_in_subordinate(before: str) -> bool:
    """Whether the quantity is what the verb of a subordinate clause does to something ("..., after
    the lender *set aside* 412 million euros for loans"): that clause has its own subject and verb, so
    the main clause's subject is not what the figure measures, and the verb names no measure either."""
    m = _SUBORDINATE_VERB.search(before, max(0, len(before) - 160))
    if not m:
        return False
    verb = m.group("verb")
    if verb in _CHANGE_VERBS:
        return False  # the subordinate subject's own change: read as before
    return verb in VERBS or verb in IRREGULAR_PAST or (verb.endswith("ed") and len(verb) > 4)


def whole_of_a_part(before: str) -> bool:
    """Whether the quantity after ``before`` is the whole a part is taken of ("four-fifths of the
    £4.25bn"): every phrase of its clause is the part's, so it has no measure there."""
    return bool(_PART_OF.search(before, max(0, len(before) - 60)))


def another_acts(before: str) -> bool:
    """Whether the clause before the quantity has its subject let or make another party act
    ("allowed Greyhollow to spend"): neither that subject nor its verb says what the figure measures."""
    return bool(_LETS_ANOTHER.search(before, max(0, len(before) - 160)))


def measures_nothing(before: str, after: str, money: bool) -> bool:
    """Whether the quantity between ``before`` and ``after`` (its clause's text on either side)
    measures nothing the clause names: a cost or a loss, a negated amount, a distance from a base,
    an increment ("$3 million more")."""
    if money and _COST_BEFORE.search(before) and MONEY_IN.match(after):
        # "costing about 1 trillion rupees in revenue", "lost $2bn in sales": what is lost,
        # not the revenue or sales themselves, and the text names it with no noun of its own
        # ("the rebuild cost A$310 million", "shares have lost 12%" stay the subject's)
        return True
    if (money and _COST_OBJECT.search(before)) or _OFF.match(after):
        # "was costing the port's companies about €25 million a day": a cost with no noun of its own;
        # "wiping $3 billion off its market value": taken from the value, which it is not
        return True
    intro = CLAUSE_INTRO.match(before)
    # "no other party had more than 8%": nobody's figure; "was 1.4 degrees above the average":
    # a distance from a base, not the level of the clause's measure
    return bool(NEGATED.match(before, intro.end() if intro else 0) or _FROM_NORMAL.match(after) or _MORE.match(after))
