"""``reportkit verify --sources``, meaning: a figure that is **not a fact**. Its clause is a
condition, a hypothesis or a proposal ("if", "would", "could", "in favour of holding the range at
…"), or a forecast ("is expected to", "had pointed to", "should reach", "puts the crop at", "a
forecast of …"), and the label has no word saying so ("forecast", "expected", "estimate",
"target", …). A word of that kind said of another number between them ("rose 3.4%, above the
3.2% economists had forecast") is that number's; the base a figure is compared with is a fact.
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from .clauses import another_figure_between, clause_of
from .stems import stem as _stem

_HYPOTHESIS = lazy(r"(?<![\w-])(?:would|could|might|if|unless|in\s+favou?r\s+of|called\s+for|calls\s+for|"
                         r"proposed|proposes|urged|urges)(?![\w-])", re.I)
# (a word of its own: not "stronger-than-expected")
# a determiner: the nearest before a figure says whether its amount is a given one
_DETERMINER = lazy(r"\b(a|an|any|another|the|its|their|this|these|those)\b", re.I)
_FORECAST_VERB = lazy(r"(?<![\w-])(?:expects?|expected|expecting|forecasts?|forecasted|projects|projected|"
                            r"predicts?|predicted|anticipates?|anticipated|pointed\s+to|tracking|should|"
                            r"(?:is|are)\s+set\s+to|on\s+track\s+to|pencil(?:l?ed)?\s+in|puts?\s+(?:\S+\s+){1,4}at)"
                            r"(?![\w-])", re.I)
# "a forecast of 7.3%", "estimates of $33.16 billion", "its target of 90%": the noun right before the figure
_FORECAST_NOUN = lazy(r"\b(?:forecasts?|estimates?|expectations?|projections?|targets?|goals?|guidance|"
                            r"consensus|outlook|poll)\s+(?:of|for|at|was|is|had\s+been)\s+(?:\S+\s+){0,3}\Z", re.I)
# the base a forecast is compared with ("should reach 26.7 million bags, up from 24.9 million")
_BASE = lazy(r"\b(?:from|compared\s+with|against|(?<!more\s)(?<!less\s)(?<!fewer\s)than|versus|vs\.?)\s+"
                   r"(?:\S+\s+){0,2}\Z", re.I)
_SAYS_SO = frozenset(_stem(w) for w in """forecast forecasts expected expects expectation expectations estimate
    estimates estimated projection projections projected target targets goal goals guidance outlook tracking
    consensus poll plan plans planned predicted prediction aim proposal proposed median view scenario would
    could if range budget standard requirement limit cap threshold ceiling floor minimum maximum pledge promise
    objective""".split())


# a figure an infinitive reaches ("prices to average $7,200"), and a verb of expecting before it
_INFINITIVE = lazy(r"\bto\s+(?:average|reach|hit|total|top|exceed|(?:rise|fall|climb|drop|grow)\s+to)\s+"
                         r"(?:about\s+|around\s+|nearly\s+|some\s+)?[$€£¥]?\Z", re.I)
_EXPECT = lazy(r"\b(?:expects?|expected|forecasts?|projects?|predicts?|predicted|sees)\b", re.I)


def not_fact(label: set[str], sentence: str, a: int, b: int) -> str | None:
    """Why the figure's clause is a hypothesis or a forecast its label (words ``label``) does not call one."""
    if label & _SAYS_SO:
        return None
    start, clause = clause_of(sentence, a)
    own = (a - start, b - start)
    before = sentence[:a]
    if _BASE.search(before):
        return None  # the base a figure is compared with is a fact of its own
    for hyp in _HYPOTHESIS.finditer(clause):
        # "the 310 million euros set aside ... would cut the list": a definite amount the
        # hypothesis builds on is a fact; "A further rise of more than 0.5 points would ..." is not
        det = [*_DETERMINER.finditer(clause[:own[0]])][-1:]
        given = det and len(clause[det[0].end():own[0]].split()) <= 5 \
            and det[0].group(1).lower() not in ("a", "an", "any", "another")
        if hyp.group(0).lower() in ("would", "could", "might") and hyp.start() >= own[1] and given:
            continue
        if hyp.group(0).lower() in ("if", "unless") and "," in clause[own[1]:hyp.start()]:
            continue  # "raised 186,000 lei in ten days, enough to pay the rent if a home is found": the
            # condition is the later phrase's, the sum raised is a fact
        if not another_figure_between(clause, own, hyp.start()):
            return f"its clause is not a fact ({' '.join(hyp.group(0).split())!r}); the label does not say so"
    for fc in _FORECAST_VERB.finditer(clause):
        if not another_figure_between(clause, own, fc.start()):
            return f"a forecast or estimate ({' '.join(fc.group(0).split())!r}) printed as a fact"
    # "We expect the deficit to widen to 185,000 tonnes and New York prices to average $7,200": the
    # forecast verb governs each infinitive after it, whatever figure stands between
    inf = _INFINITIVE.search(before)
    fc = _EXPECT.search(before[:inf.start()]) if inf else None
    if fc:
        said = " ".join(inf.group(0).split()).rstrip("$€£¥ ")
        return f"a forecast or estimate ({fc.group(0)!r} … {said!r}) printed as a fact"
    fc = _FORECAST_NOUN.search(before)
    if fc:
        return f"a forecast or estimate ({' '.join(fc.group(0).split())!r}) printed as a fact"
    return None
