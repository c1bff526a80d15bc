"""A qualifier after a clause's subject noun that says which part of it is measured.

"Applications *from within Estravia* rose 5.2%; those from abroad rose 14%": the figure is the
applications from within Estravia, not all applications. :mod:`.meaning` keeps such a phrase in the
measure (or gives no measure when the whole phrase is no measure), never the bare noun.
"""

from __future__ import annotations

from ..lazyre import lazy
from .label import AUX, IRREGULAR_PAST, VERBS

# "from within Estravia", "from abroad", "outside the capital": where the counted things come from or are
_QUALIFIER = lazy(r"\s+(?:from|within|outside)\s+(?:(?:within|outside|the)\s+)?")
_WORD = lazy(r"\s*([\w'’-]+)")


def qualifier_after(before: str, end: int) -> list[str] | None:
    """The words of a qualifier phrase that starts at ``before[end:]`` and runs up to the clause's
    verb (at most four words after its preposition), or ``None`` when none stands there."""
    m = _QUALIFIER.match(before, end)
    if not m:
        return None
    words, pos = before[end:m.end()].split(), m.end()
    for _ in range(5):
        w = _WORD.match(before, pos)
        if not w:
            return None
        lw = w.group(1).lower()
        if lw in VERBS or lw in IRREGULAR_PAST or lw in AUX:
            return words if len(words) > len(before[end:m.end()].split()) else None
        words.append(w.group(1))
        pos = w.end()
    return None
