"""Whose a figure is when its own clause names nobody: the sentence or the clause before it says.

Moved out of :mod:`.extract` (which was near 400 lines) unchanged: "Its"/"Their" at the start of a
sentence refers back to the previous sentence's subject, and a clause joined by "and" after a
figure shares that figure's owner.
"""

from __future__ import annotations

import bisect

from .label import and_clauses
from .meaning import Names, clause
from .subject import subject_of
from ..lazyre import lazy
from ..model import Fact

_ITS = lazy(r"\s*(?:Its|Their)\s")
_THE_NOUN = lazy(r"The\s+[a-z]+\s+(?:now\s+|also\s+)?[a-z]+s?\b")


def its_owner(text: str, starts: list[int], at: int, sentence: str, qs: int, names: Names) -> str | None:
    """"Marlin Lines ... plans to cut capacity. *Its* third-quarter operating profit fell to $412
    million": the name that is the previous sentence's subject owns a measure that starts with
    "Its". A sentence between whose subject is a common noun with "the" ("Kestrel Mining cut ...
    The miner now expects ... Its output") refers back too; any other subject owns nothing."""
    if not _ITS.match(sentence) or clause(sentence, qs)[0] != 0:
        return None
    k = bisect.bisect_right(starts, at) - 1
    for back in (1, 2):
        if k - back < 0:
            return None
        prev = text[starts[k - back] : starts[k - back + 1]].strip()
        owner = subject_of(prev, clause(prev, 0)[1], names) if prev else None
        if owner or not _THE_NOUN.match(prev):
            return owner
    return None



def and_owner(sentence: str, qs: int, facts: list[Fact]) -> str | None:
    """Whose a figure is when its clause is joined to the one before by "and" after a figure
    ("Brambles' like-for-like sales rose 4.6% and underlying pre-tax profit was £598 million") and
    names nobody: the owner of the figure before it in the sentence."""
    cs = clause(sentence, qs)[0]
    if not facts or facts[-1].sentence != sentence or not any(b == cs for _a, b in and_clauses(sentence)):
        return None
    return facts[-1].subject
