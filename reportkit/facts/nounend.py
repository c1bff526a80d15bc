"""Where a label stops: a label cut short of its noun ("Experimental obesity" of "experimental
obesity pill", "Operator's running" of "an operator's running costs", "Revenue" of "Revenue per
available room") names nothing, however right its words. Read by the story stage before it prints
a label and by verify after (the same rule on both sides).
"""

from __future__ import annotations

import re

from .label import IRREGULAR_PAST, STOP, VERBS, noun_after


# past tenses that end in no "-ed": "The economy shrank 0.3%" ends its noun at "economy"
_IRREGULAR = frozenset("""shrank sank swung slid spun struck won beat broke ran led lent kept left fought hurt set put
    split spread shot told thought drew overtook withdrew dove bled froze stole wore tore began fled""".split())

# words that open a verb's object: after an irregular past tense they make it the clause's verb
_DETERMINERS = frozenset("the a an its their his her our this that these those".split())
# prepositions the stop words leave out: "40 choristers alongside its other pupils" ends its noun at "choristers"
_PREPOSITIONS = frozenset("""alongside beside besides beyond behind above below beneath amid amidst upon despite
    throughout until unlike inside outside underneath toward towards except""".split())


def cut_short(what: list[str], sentence: str) -> str | None:
    """The word after a label's last word in its sentence when the label stops inside a noun
    phrase ("Experimental obesity" of "experimental obesity pill lost"; "Average revenue" of
    "average revenue per user"); None when a verb, a preposition or the figure follows."""
    m = None
    for tail in (what[-2:], what[-1:]):  # the label's last two words where the sentence has them so
        m = m or re.search(r"\b" + r"\s+".join(map(re.escape, tail)) + r" ([A-Za-z][A-Za-z-]*)(?: ([A-Za-z]+))?",
                           sentence, re.I)
    if m is None:
        return None
    nxt = m.group(1)
    if nxt.lower() in IRREGULAR_PAST and (m.group(2) or "").lower() in _DETERMINERS:
        return None  # "The rents brought the council MAD 13.9 million": a verb with its object, no noun goes on
    if nxt.lower() in _PREPOSITIONS:
        return None
    if nxt.lower() in {w.lower() for w in what[:-1]}:
        return None  # "Seafood exported" of "exported seafood worth ...": the noun after is the label's own, said first
    if nxt == "per" or nxt.islower() and not (nxt in STOP or nxt in VERBS or nxt in _IRREGULAR) and \
            not nxt.endswith(("ed", "ing", "ly", "s")):
        return f"{what[-1]} {nxt}"
    # "Operator's running" of "an operator's running costs": after a modifier in "-ing" (or an
    # owner) a word that could be a verb ("costs") is the noun, as the facts stage reads it
    if nxt.islower() and nxt not in STOP and noun_after(what[-1], nxt):
        return f"{what[-1]} {nxt}"
    return None
