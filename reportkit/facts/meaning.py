"""What a fact measures and whose it is: ``measure`` and ``subject``, from its own sentence.

No tagger: a few anchored patterns around the quantity, tried from the most specific to
the least, with small word lists. When no pattern gives a phrase that names a measure,
the measure is left empty (a key figure is never labelled by a guess).

Measure, in order:

1. a counted noun ("30,000 *oil wells*");
2. "*a pre-tax profit* of £7.5bn" (the noun phrase before "of");
3. "a 57 per cent rise in *pre-tax profit*";
4. "277 gigawatts of *solar capacity*", "$2.8 million in *Foreign Direct Investment*",
   "a 27.6 per cent *share*" (the quantity used as an adjective);
5. "raised *its stake* in Commerzbank to 21%", "kept *interest rates* at 5.25 per cent";
6. the noun phrase before the clause's verb: "*adjusted operating profit* rose 11.6 per
   cent", "*Shell's net debt* fell by".

Subject: a name written as a possessive on the measure ("*Shell's* net debt", "*China's*
trade surplus"), read here with the measure; else the clause's grammatical subject, read by
:mod:`.subject`. A word is a name when the article never writes it in lower case and it is
not a common capitalised word.
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from .clausenoun import subject_np, verb_np
from .clauses import clause
from .label import POSSESSIVE_BEFORE
from .label import ING_ADJECTIVES as _ING_ADJECTIVES, ING_HEADS as _ING_HEADS
from .names import NOT_HEADS as _NOT_HEADS, Names
from .nomeasure import MONEY_IN as _MONEY_IN, another_acts, measures_nothing, object_in_subordinate
from .nomeasure import in_condition, object_of_agent, priced_as, whole_of_a_part
from .phrase import Nominal, case_words, change_head, clean_words, head_noun, is_measure, noun_after, np_after
from .phrase import np_before, strip_subject

__all__ = ["Names", "clause", "measure_of", "noun_after", "with_done"]

_HAD_BEFORE = lazy(r"\b(?:had|has|have|holds?|held|won|wins|polled|polls)\s+\Z")  # "had 27.4% support"
_FROM_NAME = lazy(r"\s+(?:from|by)\s+([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,2})\b")
_CONVERSION = lazy(r"\s*\([^()]{1,40}\)")
_ABBR_AFTER = lazy(r"\A\s*\([^()]{1,12}\)")
_OF_BEFORE = lazy(r"\bof\s+(?:(?:a|an|the)\s+)?(?:record\s+)?(?:between\s+)?\Z")
# "in favour of a quarter-point cut", "instead of", "ahead of": a preposition, not a measure's noun before "of"
_PREPOSITION_OF = lazy(r"\b(?:in\s+(?:favou?r|place|case|spite|view|light|front|excess)|instead|because|on\s+(?:behalf|top)|"
                       r"ahead|regardless|out)\s*\Z", re.I)
_CHANGE_IN = lazy(r"\s*(?:rise|fall|drop|increase|decrease|decline|jump|gain|slump|growth|cut|reduction)s?"
                        r"\s+in\s+")
_UNIT_OF = lazy(r"\s+of\s+(?:(?:new|the|its)\s+)?")
# "lost 13.8% of their body weight", "sold 5% of its shares": a share of the owner's own X, so
# X is what moved ("4.4% of gross domestic product" is a ratio to a base, not this)
_SHARE_OF_OWN = lazy(r"\s+of\s+(?:its|their|his|her|our)\s+")
_LOST_GAINED = lazy(r"\b(?:lost|lose|loses|losing|shed|sheds|cut|cuts|sold|sell|sells|gained|gain|gains|added|"
                    r"trimmed|reduced)\s+(?:about\s+|almost\s+|nearly\s+|around\s+)?\Z", re.I)
_NOUN_AFTER = lazy(r" [a-z][a-z-]+\b(?! (?:in|of|to|from|on|by|at)\b)")
_ADJ_BEFORE = lazy(r"\b(?:a|an|its|their|the)\s+(?:[a-z][\w-]*\s+)?\Z", re.I)
_OBJECT = lazy(
    r"\b(?:raise[sd]?|raising|lift(?:s|ed)?|increase[sd]?|boost(?:s|ed)?|cuts?|cutting|reduce[sd]?|lower(?:s|ed)?|"
    r"kept|keeps?|held|holds?|set|put|bringing|brought|taking|took|expand(?:s|ed)?|extend(?:ed|s)?|double[ds]?|"
    # "Stores in Metro Manila ... grew sales by 9%": the stores act; what grew is the noun after the verb
    r"grew|grows?|grown|growing|"
    r"values?|valued|"
    r"valuing|sending|pushing|lifting|driving)\s+"
    r"(?:(?:its|the|their|his|her|our|total)\s+)?(?P<np>(?:[\w'’+-]+\s+){1,7}?)"
    r"(?:(?:in|of)\s+[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)?\s+)?(?:by\s+[^,;]{1,30}?\s+)?"
    r"(?:to|by|at|from|up|down)\s+(?:(?:a|an)\s+(?:record\s+|total\s+of\s+|[\w-]+\s+high\s+of\s+|[\w-]+\s+low\s+of\s+)?)?"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+)?\Z"
)
_EXPECT = lazy(
    r"\b(?:expects?|expected|forecasts?|sees|projected|projects?|wants?)\s+(?:its\s+|the\s+)?(?P<np>(?:[\w'’+-]+\s+){1,5}?)"
    r"(?:to|would|will)\s+(?:grow|rise|fall|be|reach|increase|decline|average|end\s+this\s+year)\s+(?:by\s+|at\s+|to\s+)?"
    r"(?:about\s+|around\s+)?\Z"
)
# a participle right after a word and right before the quantity (its qualifier already cut
# off): "people earning"; not ", reaching" nor "after gaining", whose subject is the clause's
_PARTICIPLE_BEFORE = lazy(r"(?<![,;:])\b([A-Za-z][\w'’-]*)\s+([a-z]{3,}ing)\s*\Z")
# words before an "-ing" form that make it a verb of the clause, not a noun's participle
_NOT_NOUNS = frozenset(
    """after before while when since by without from of for in on at to is are was were be been being
    and or but then also not still""".split()
)
# a figure inside a relative clause about the noun before it, the clause not closed before the figure
_WHICH_WAS = lazy(r",\s+which\s+(?:is|are|was|were|stood|stands|had|has|have|rose|fell|grew|reached|totalled)\b"
                  r"[^,]*(?:,\s+(?:up|down)\s+from\s+[^,]*)?\Z")
# a noun phrase that is a preposition's object: a relative clause after it may be its head's
_PREPOSITION_END = lazy(r"\b(?:of|in|for|on|at|with|from|by)\s+(?:(?:the|a|an|its|their)\s+)?\Z")
_SUBORDINATE = lazy(r",\s+(?:as|while|whereas|because|although|though)\s+[^,;]*\Z")
_DURATIONS = frozenset("minutes hours days weeks months years".split())
_WITHIN = lazy(r"\bwithin\s+\Z")
_TO_AT = lazy(r"\b(?:to|at)\s+\Z")


# "leased a record 486 megawatts (MW) of capacity": the past participle of what was done to the
# noun counted is part of the measure ("capacity leased", not all the capacity there is)
_DONE_BEFORE = lazy(r"(?<![\w'’-])([a-z]{3,}ed|sold|bought|built|won|spent|made)\s+(?:a\s+record\s+|about\s+|almost\s+|"
                    r"nearly\s+|roughly\s+|some\s+|an?\s+(?:further|additional|extra)\s+)?\Z")
# verbs that say where a level stands or how it moved, who reported it, or who had it: no part of it
_NOT_DONE = frozenset(
    """increased decreased climbed dropped declined jumped slipped dipped edged eased plunged soared surged
    tumbled rebounded recovered doubled halved tripled totalled totaled amounted reached gained peaked bottomed
    expected estimated forecasted projected planned targeted reported recorded posted announced aimed needed
    required had owned held received got counted averaged numbered topped exceeded surpassed passed crossed neared
    approached""".split()
)


_TRADED = lazy(r"\b(?:sold|bought|exported|imported|shipped)\s+(?:a\s+record\s+|about\s+|almost\s+|nearly\s+|roughly\s+|"
               r"some\s+|more\s+than\s+)?\Z")


def with_done(label: str, measure: str | None) -> str:
    """A sentence-made label that names the noun of a measure read with its participle ("steelmaking
    coal" of "coal sold") with that participle too: "steelmaking coal sold", as the measure says."""
    parts = measure.split() if measure else []
    if len(parts) < 2 or not label or label.split()[-1].lower() != parts[-2].lower() \
            or not _DONE_BEFORE.fullmatch(parts[-1] + " ") or parts[-1] in _NOT_DONE:
        return label
    return f"{label} {parts[-1]}"


def done_to(before: str, words: list[str]) -> list[str]:
    """``words`` (the noun after "of") with the participle of the verb right before the figure, when
    that verb says what was done to the noun counted; else ``words`` unchanged."""
    m = _DONE_BEFORE.search(before, max(0, len(before) - 40)) if words else None
    if m is None or m.group(1) in _NOT_DONE or words[-1].lower() == m.group(1):
        return words  # "added 212,400 mobile subscribers added": the participle is said once
    return Nominal([*words, m.group(1)])


# "exported jute and jute goods worth US$412 million", "has sold advertising worth Rs 3.6 billion": the amount
# is the value of the noun as the verb moved it ("advertising sold"); the noun alone ("jute") or the seller
# ("the league's broadcaster") is not what it measures
_WORTH_BEFORE = lazy(r"\b(?P<verb>[a-z]{3,}ed|sold|bought|won|spent|made)\s+(?P<np>(?:[a-z][\w'’-]*\s+){1,6}?)worth\s+"
                     r"(?:about\s+|almost\s+|nearly\s+|roughly\s+|some\s+|more\s+than\s+)?\Z")


_WORTH_IN = lazy(r"\b(?P<verb>[a-z]{3,}ed|sold|bought|won|spent|made)\s+(?P<np>(?:[a-z][\w'’-]*\s+){1,6}?)worth\s+"
                 r"[^%;]*\Z")


# "6.1% less than in the same half": a comparison of the amount before, not a level of its own
_LESS_MORE = lazy(r"\s+(?:less|more|lower|higher|below|above)\s+than\b")


def _worth(before: str, anchored: bool = True) -> list[str] | None:
    """The noun and participle of "<verb> <noun> worth <amount>" (see :data:`_WORTH_BEFORE`), else ``None``;
    not ``anchored``: the phrase anywhere in ``before`` with no percentage after it (a change of the amount
    told in its clause: "exported jute worth US$412 million in the half, 6.1% less than")."""
    m = _WORTH_BEFORE.search(before, max(0, len(before) - 80)) if anchored else _WORTH_IN.search(before)
    if m is None or m.group("verb") in _NOT_DONE:
        return None
    words = np_after(m.group("np"), 0, max_words=6)
    if not words or " ".join(words) != " ".join(m.group("np").split()):
        return None  # the words between are not one noun phrase
    return Nominal([*words, m.group("verb")])


# verbs whose object is people counted: "employ 15,000 people", "served 2.1 million patients"
_STAFFS = lazy(r"\b(?:employ|hire|recruit|serve|train|treat)(?:s|d|ed|ing)?\s+\Z")


_PEOPLE = frozenset(("people",))  # the generic noun :class:`Counted` lifts; other nouns are measures already


# a verb of an act right before a count ("paid for", "sent", "carried"): the count is its object
_ACTS_ON = lazy(r"(?<![\w'’-])(?P<v>[a-z]{3,}ed|paid|sent|sold|bought|built|won|spent|made)(?:\s+for)?\s+\Z")


# a relative clause open at the figure ("whose 112 member firms employ", "two plants, which together
# employ"): the clause's noun does the employing, not the owner the sentence names
_WHOSE = lazy(r"\b(?:whose|which|who|that)\b[^,;]*\Z")


class Counted(Nominal):
    """The counted noun of a figure that is the object of a verb of staffing or serving (:data:`_STAFFS`):
    its measure even when the noun is a generic one ("people"), which names no measure elsewhere."""


def _candidates(sentence: str, cs: int, before: str, after: str, unit: str, count_label: str | None):
    """Measure phrases around a quantity, most specific first (made lazily: most facts stop early)."""
    money = len(unit) == 3 and unit.isupper()
    if measures_nothing(before, after, money):
        return
    worth = _worth(before) if money else None
    if worth:
        yield worth
    if unit in _DURATIONS and _WITHIN.search(before[-12:]):
        return  # "arrived within five minutes of schedule": a limit the figure sets, no measure of the clause's
    if count_label and _STAFFS.search(before, max(0, len(before) - 30)):
        # "whose 112 member firms employ more than 15,000 people": the people employed are what is
        # counted, never the clause's subject (the firms); their noun or no measure
        yield Counted(count_label.split())
        return
    if count_label:
        # "sold 486,000 tickets": the ones traded ("tickets sold"), not all there are; other verbs ("carried
        # 3.4 million passengers") count what the noun alone says
        traded = _TRADED.search(before, max(0, len(before) - 40))
        yield done_to(before, count_label.split()) if traded else count_label.split()
        acts = _ACTS_ON.search(before, max(0, len(before) - 30))
        if acts and acts.group("v") not in _NOT_DONE:
            return  # "Drivers paid for about 9.4 million parking sessions": the subject acts on what is counted
    if whole_of_a_part(before):
        return
    m = _SHARE_OF_OWN.match(after) if unit == "percent" and _LOST_GAINED.search(before[-40:]) else None
    if m:
        yield np_after(after, m.end())
    m = _OF_BEFORE.search(before, max(0, len(before) - 40))
    if m and not _PREPOSITION_OF.search(before, 0, m.start()):
        yield np_before(before[: m.start()])
    m = _CHANGE_IN.match(after)
    if m:
        yield np_after(after, m.end())
    # a time's "of" phrase is no measure: "rose to 61 days of sales" is a level of the subject
    # (inventories), counted in days of sales; "within five minutes of schedule", "within two years
    # of closing" say what a time is counted from
    if not money and unit not in ("percent", "percentage_points", "ratio") and unit not in _DURATIONS:
        bare = _ABBR_AFTER.sub("", after)
        m = _UNIT_OF.match(bare)
        if m:
            yield done_to(before, np_after(bare, m.end()))
    if money:
        m = _MONEY_IN.match(after)
        if m:
            yield np_after(after, m.end())
    if _ADJ_BEFORE.search(before, max(0, len(before) - 30)) or (money and _NOUN_AFTER.match(after)) or \
            POSSESSIVE_BEFORE.search(before) or (unit == "percent" and _HAD_BEFORE.search(before[-12:])):
        # "a $1.2bn deal", "a 9% pay rise", "£2bn buyback"; "a record 122.3 trillion yen ($812 billion)
        # budget": a conversion in brackets stands between the figure and its noun
        conv = _CONVERSION.match(after)
        yield change_head(after, np_after(after, conv.end() if conv else 0, max_words=3))
    tail = before[-160:]
    for pattern in (_OBJECT, _EXPECT):
        m = pattern.search(tail)
        if m:
            np = m.group("np")
            words = np_after(np, 0)
            rest = re.match(r"\s*of\s+", np[len(" ".join(words)):]) if words else None
            if words and words[-1].lower() in _NOT_HEADS and rest:  # "its pace of share buybacks"
                words = np_after(np, len(" ".join(words)) + rest.end())
            yield head_noun(np, words)
    which = _WHICH_WAS.search(before)
    if which:  # "refill reservoirs, which were at 61.3% of capacity": the noun before "which"
        words = np_before(before[: which.start()])
        lead = before[: which.start()].rstrip()[: -len(" ".join(words))] if words else ""
        if _PREPOSITION_END.search(lead):
            return  # "the lower cost of holding reserve, which fell by": the cost's or the reserve's, unsure
        yield words if _ADJ_BEFORE.search(lead) or not lead.strip() else words[-1:]
    participle = _PARTICIPLE_BEFORE.search(before)
    if (participle and participle.group(2).lower() not in _ING_HEADS | _ING_ADJECTIVES
            and participle.group(1).lower() not in _NOT_NOUNS):
        # the quantity is the object of a participle that describes a noun ("cut income tax
        # for people *earning* up to 1.2 million rupees", "contracts *covering* a quarter of"):
        # not what the sentence's subject ("the budget") or verb measures, and that noun
        # seldom names it either: no measure rather than a borrowed one
        return
    if another_acts(before) or object_in_subordinate(before) or object_of_agent(before):
        return
    worth = _worth(before, anchored=False) if unit == "percent" and _LESS_MORE.match(after) else None
    if worth:
        yield worth
    if _SUBORDINATE.search(before):  # "cargo was ..., down 0.8%, as crude oil imports slid 9%": the imports
        yield verb_np(before)
    full = subject_np(sentence, cs, before)
    yield full
    bare = subject_np(sentence, cs, before, qualify=False)
    if bare != full:  # "Spending per spectator on match days": the phrase when the longer one names no measure
        yield bare
    yield verb_np(before)


def measure_of(sentence: str, qs: int, qe: int, unit: str, count_label: str | None,
               names: Names) -> tuple[str | None, str | None]:
    """(measure, possessive subject) of the quantity at ``sentence[qs:qe]`` (``qs`` before its qualifier)."""
    if in_condition(sentence[:qs]) or priced_as(sentence[:qs], sentence[qe:]):
        return None, None
    cs, ce = clause(sentence, qs)
    before, after = sentence[cs:qs], sentence[qe:ce]
    for words in _candidates(sentence, cs, before, after, unit, count_label):
        cleaned = clean_words(words if isinstance(words, Nominal) else list(words))
        cleaned = Counted(cleaned) if isinstance(words, Counted) else cleaned
        words, possessive = strip_subject(cleaned, names)
        words = clean_words(words, keep_head=len(words) < len(cleaned))
        if is_measure(words, names) or (isinstance(cleaned, Counted) and words and words[-1].lower() in _PEOPLE):
            if possessive is None:  # "a C$23.1 billion hostile bid from Glencore": whose bid the text says after it
                at = after.find(" ".join(words))
                by = _FROM_NAME.match(after, at + len(" ".join(words))) if at >= 0 else None
                possessive = by.group(1) if by and all(names.is_name(w) for w in by.group(1).split()) else None
            if possessive is None and isinstance(cleaned, Counted):
                # "Ben Lac alone employs 5,200 people": the people are Ben Lac's, the name opening the clause;
                # "whose 112 member firms employ 15,000 people": no name employs them, and "people" alone
                # says too little to print under another owner (the association's are the firms')
                possessive = strip_subject(clean_words(subject_np(sentence, cs, before)), names)[1]
                if possessive is None and not is_measure(words, names) and _WHOSE.search(before):
                    return None, None
            return case_words(words, names), possessive
    return None, None

