"""Whose a figure is when its sentence goes on about the previous one's subject without naming it.

"Halvorsen, which sells threat-detection tools, had revenue of $612 million ... *Annual recurring
revenue* reached $655 million at the end of September." The second sentence opens on its measure,
bare (no "the", no "its", no name), and the sentence right before gave a named subject a figure of
the same thing (revenue): the measure is that subject's. Nothing else is carried: a sentence that
opens with a determiner, a name or another measure, or a previous sentence with two owners of the
measure, or none, keeps no subject (``None``: print less rather than guess).
"""

from __future__ import annotations

import bisect

from ..model import Fact


def _head(measure: str) -> str:
    return measure.split()[-1].lower()


def carry_owners(facts: list[Fact], starts: list[int]) -> None:
    """Give a subject-less fact whose sentence opens on its bare measure the owner of the same
    measure in the sentence right before it (see the module docstring); in place."""
    by_sentence: dict[int, list[Fact]] = {}
    for f in facts:
        by_sentence.setdefault(bisect.bisect_right(starts, f.start) - 1, []).append(f)
    for k, group in by_sentence.items():
        before = by_sentence.get(k - 1, [])
        for f in group:
            if f.subject or not f.measure or not before:
                continue
            opening = f.sentence[: len(f.measure)]
            if opening.lower() != f.measure.lower() or not opening[:1].isupper():
                continue  # "The company's revenue", "Its revenue", "Sales at ...": not the bare measure
            if not f.sentence[len(f.measure):][:1].isspace():
                continue
            owners = {g.subject for g in before if g.subject and g.measure and _head(g.measure) == _head(f.measure)}
            if len(owners) == 1:
                f.subject = owners.pop()
                if not f.measure.split()[0].isupper():  # its capital only started the sentence
                    f.measure = f.measure[:1].lower() + f.measure[1:]
