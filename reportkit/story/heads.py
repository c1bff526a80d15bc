"""``reportkit verify --sources``, meaning: what the label's own words are in the figure's sentence.
A label made of its sentence's words can still name no measure at all:

- **no measure**: every word is a number word, a fraction or a determiner ("22% Two" of "Two of the
  grids … 15% and 22% … respectively", "€0.08 Rest" of "the rest exported at 8 cents");
- **a phrase's object**: the label is the object of a preposition hanging on a noun it leaves out
  ("€0.29/kWh Region" of "the retail electricity price in our region rose …", "Daily median" of "hours
  with prices above three times the daily median"): it says where or of what, not what is measured;
- **subject and verb**: the label ends on its sentence's verb, with that verb's object or particle
  after it ("€640M Fund wrote" of "the fund wrote down its office buildings by €640m", "Law allows"
  of "the law allows no more than 35 such days"): it says who acts, not what is measured.
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..facts import STOP, VERBS
from .stems import stem as _stem

_ALPHA = lazy(r"[A-Za-z][A-Za-z'’-]*")
_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand
    thousands million millions billion billions dozen dozens half halves third thirds fourth fourths fifth fifths
    sixth sixths seventh sevenths eighth eighths ninth ninths tenth tenths""".split())
# words that stand for an amount or a group without naming what it is of
_DETERMINERS = frozenset("""a an the this that these those it its they them their rest remainder most all both each
    either neither some many few several other others another any none ones""".split())
# prepositions of place or company: the phrase after one says where, or with what, not what is measured
# (not "of" or "for": "the number of hours", "the budget for the auction" print their object as the measure)
_PLACE_PREP = r"(?:in|at|within|across|above|below|with|among|outside|inside|near|beyond)"
# the words of a preposition's phrase before its noun: determiners, possessives, numbers, "times"
_PHRASE_FILL = lazy(r"(?:(?:the|a|an|our|its|their|his|her|my|your|this|that|these|those|each|every|all|"
                          r"some|three|two|four|five|ten|times|twice|[a-z]+['’]s)\s+){0,3}\Z")
# the words between a noun and its own figure ("capacity of 450", "the current rate of 3.5%")
_OWN_NOUN = lazy(r"\s*(?:of|at|was|is|were|are)?\s*(?:about|around|nearly|almost|some|roughly|just\s+over|"
                       r"just\s+under|more\s+than|less\s+than|up\s+to)?\s*(?:[A-Z]{1,3})?[$€£¥₹]?\s*")
# after a verb: its object's determiner ("wrote down its …"); after any word, a negated amount
# ("allows no more than"): "the deal values the company at" may be read as a noun ("deal values")
_OBJECT_START = frozenset("its their his her our the".split())
# after a verb of action: its particle or its amount ("wrote down", "set aside", "cut 300 jobs")
_PARTICLES = frozenset("down up off out back aside away over".split())
_PAST = frozenset("""wrote said paid sold spent took made gave held set put cut kept lost won bought brought built
    sought struck shut split drew grew rose fell began became left led lent ran saw told""".split())


def _alpha(text: str) -> list[str]:
    return _ALPHA.findall(text)


# a time and the words that single it out: "March alone accounted for ₦117 trillion" says when, not what
_TIME_ONLY = frozenset("""january february march april may june july august september october november december
    first second third fourth last quarter half year month week day alone only so far""".split())


def no_measure(what: str) -> str | None:
    """Why a label's measure (its period and quantities left out) names nothing measured: every
    word a number word, a fraction or a determiner ("Two", "Rest", "Four-fifths"), or a time
    ("March alone"); None otherwise."""
    toks = [t.lower() for w in _alpha(what) for t in w.split("-")]
    if toks and all(t in _NUMBER_WORDS or t in _DETERMINERS for t in toks):
        return f"names no measure: {what.strip()!r} is a number word or a determiner"
    if toks and all(t in _TIME_ONLY or t.isdigit() for t in toks):
        return f"names no measure: {what.strip()!r} is a time"
    return None


def _occurrences(toks: list[str], sentence: str) -> list[re.Match]:
    pattern = r"(?<![\w'’-])" + r"\s+".join(map(re.escape, toks)) + r"(?![\w'’-])"
    return list(re.finditer(pattern, sentence, re.I))


def phrase_object(what: str, sentence: str, a: int) -> str | None:
    """Why a label is the object of a place preposition hanging on a noun the label leaves out,
    before the figure ("Region" of "the retail electricity price in our region rose"); None when
    the sentence writes the label's words anywhere else."""
    toks = _alpha(what)
    hits = _occurrences(toks, sentence) if toks else []
    if not hits or any(h.start() >= a for h in hits):
        return None
    label = {_stem(t) for t in toks}
    found = None
    for h in hits:
        if _OWN_NOUN.fullmatch(sentence[h.end():a]):
            return None  # "with a combined capacity of 450 megawatts": the phrase's noun is the figure's

        before = sentence[:h.start()]
        fill = _PHRASE_FILL.search(before)
        # the noun it hangs on: lower case, or the sentence's first word ("Prices in Estravia rose")
        m = re.search(rf"(?:\b([a-z][a-z-]+)|\A([A-Z][a-z-]+))\s+({_PLACE_PREP})\s+\Z", before[:fill.start()]) \
            if fill else None
        if m is None:
            return None
        head = (m.group(1) or m.group(2)).lower()
        if head in STOP or head in VERBS or head.endswith(("ly", "ing", "ed")) or _stem(head) in label:
            return None
        found = found or (head, m.group(3), " ".join(sentence[m.start():h.end()].split()))
    head, prep, said = found
    return f"names what {head!r} is {prep} ({said!r}), not what is measured"


def subject_verb(what: str, sentence: str, a: int) -> str | None:
    """Why a label ends on its sentence's verb: its words are written together and the last one has
    its object's determiner, a particle or an amount after it ("the fund wrote down …", "the law
    allows no more than 35"); None otherwise."""
    toks = _alpha(what)
    if len(toks) < 2:
        return None
    for h in _occurrences(toks, sentence):
        last = toks[-1]
        if h.start() >= a or not sentence[h.end() - len(last):h.end()].islower():
            continue
        nxt = re.match(r"\s+([A-Za-z]+|[$€£¥\d])", sentence[h.end():])
        if nxt is None:
            continue
        word = nxt.group(1).lower()
        verb = last.lower() in VERBS or last.lower() in _PAST or last.lower().endswith("ed")
        if word == "no" or verb and (word in _OBJECT_START or word in _PARTICLES or not word.isalpha()):
            said = " ".join(sentence[h.start():h.end() + nxt.end()].split())
            return f"ends on the verb {last!r} ({said + ' …'!r}): says who acts, not what is measured"
    return None
