"""A qualifier after a clause's subject noun that says which part of it is measured.

"Applications *from within Estravia* rose 5.2%; those from abroad rose 14%": the figure is the
applications from within Estravia, not all applications; "its power bill *for snowmaking* rose to
€4.1m": the bill for that, not every bill. :mod:`.meaning` keeps such a phrase in the
measure (or gives no measure when the whole phrase is no measure), never the bare noun.
"""

from __future__ import annotations

from ..lazyre import lazy
from .label import AUX, IRREGULAR_PAST, STOP, VERBS

# "from within Estravia", "from abroad", "outside the capital": where the counted things come from or are;
# "bill for snowmaking", "spending on defence": what the money or demand is for ("for the quarter" is a time)
# "gap between Comex and LME prices": the two things a gap or spread is between
_QUALIFIER = lazy(r"\s+(?:from|within|outside)\s+(?:(?:within|outside|the)\s+)?|\s+between\s+(?=[A-Za-z])"
                  r"|\s+(?:for|on)\s+(?!(?:the|a|an|its|their|this|that|each|every|all)\b)(?=[a-z])")
_WORD = lazy(r"\s*([\w'’-]+)")
_WHEN = frozenset("day days week weeks weekend weekends month months year years hour hours night nights season".split())


def qualifier_after(before: str, end: int) -> list[str] | None:
    """The words of a qualifier phrase that starts at ``before[end:]`` and runs up to the clause's
    verb (at most four words after its preposition; a "for"/"on" phrase up to its first stop word),
    or ``None`` when none stands there."""
    m = _QUALIFIER.match(before, end)
    if not m:
        return None
    words, pos = before[end:m.end()].split(), m.end()
    # "for peak demand in 2030 is": what it is for ends where a time or place phrase starts
    loose = words[0].lower() in ("for", "on")
    for _ in range(5):
        w = _WORD.match(before, pos)
        if not w:
            return None
        lw = w.group(1).lower()
        if lw in VERBS or lw in IRREGULAR_PAST or lw in AUX or (loose and lw in STOP) or \
                (len(words) > 1 and lw.endswith("ed") and not lw.endswith("eed") and len(lw) > 4):
            if words[0].lower() == "between" and not words[-1][:1].islower():
                return None  # "the spread between Brent and WTI": names, the bare noun says enough
            if loose and words[-1].lower() in _WHEN:
                return None  # "on match days", "for two weeks": when, not which part
            return words if len(words) > len(before[end:m.end()].split()) else None
        words.append(w.group(1))
        pos = w.end()
    return None
