"""When "X to Y" is one figure: a range ("40% to 60%", "between $3bn and $4bn", "$3bn-$4bn"),
not a move from one level to another ("rose 4 cents to $3.05", "from 3% to 4%").

Used by :mod:`reportkit.facts.read` (a range read with its first number) and
:mod:`reportkit.facts.extract` (two quantities read apart, joined here). A figure that is one
end of a range is not the value of anything: read apart, "60%" of "40% to 60%" would be printed
as a statistic the source never states.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lazyre import lazy

if TYPE_CHECKING:
    from .read import Quantity

_MOVE = (r"rose|rise|rises|fell|fall|falls|gained|gains|lost|loses|added|adds|climbed|jumped|dropped|slipped|"
         r"declined|increased|decreased|grew|shrank|surged|slumped|tumbled|eased|edged|firmed|weakened|"
         r"strengthened|advanced|retreated|raised|cut|lowered|lifted|down|by|from")
# "rose 4 cents to $3.05", "from 3% to 4%", "by 5% to 20%": two figures, not a range.
# "makes up 40% to 60% of costs", "takes up 5-8%": the "up" of "make up" or "take up" (to form a
# share of) is no rise, and the figures after it are a range
_PARTICLE_UP = "".join(rf"(?<!\b{v}\s)" for v in ("make", "makes", "made", "making", "take", "takes", "took",
                                                    "taken", "taking"))
_TRANSITION = lazy(rf"(?:\b(?:{_MOVE})|{_PARTICLE_UP}\bup\b)\s+(?:(?:about|around|nearly|almost|roughly|some|just)\s+)?"
                   rf"\S{{0,4}}\Z")
_RANGE_FROM = lazy(r"\b(?:up|down)\s+from\s+\S{0,4}\Z")  # "up from $2.35 to $2.43": the old range
# "expects volumes to fall by 1% to 3% in 2027", "could rise by 2-4%": a change not yet made is
# told as a range of outcomes, not a move to a level (which is said of what has happened)
_FORECAST_BY = lazy(r"\b(?:to|will|would|could|may|might|should|can)\s+(?:(?:[a-z]+ly|be)\s+)?(?:rise|fall|grow|"
                    r"increase|decrease|decline|drop|shrink|climb|gain|slip|ease|edge\s+(?:up|down))\s+by\s+"
                    r"(?:(?:about|around|nearly|almost|roughly|some|just)\s+)?\S{0,4}\Z")


def is_transition(text: str, start: int) -> bool:
    """Whether "X to Y" starting at ``start`` is a move ("rose 4 cents to $3.05"), not a range."""
    before = text[max(0, start - 30) : start]
    return bool(_TRANSITION.search(before)) and not _RANGE_FROM.search(before) and not _FORECAST_BY.search(before)


def merge_ranges(text: str, qs: list[Quantity]) -> list[Quantity]:
    """"between $3 billion and $4 billion", "$3bn-$4bn", "8.2 billion to 8.8 billion yuan" → one range."""
    out: list[Quantity] = []
    for q in qs:
        prev = out[-1] if out else None
        if prev and prev.range is None and (q.unit == prev.unit or prev.bare_scale and q.value >= prev.value):
            gap = text[prev.end : q.start]
            between = re.search(r"\bbetween\s+\S{0,3}\Z", text[max(0, prev.start - 12) : prev.start])
            after_fact = len(out) > 1 and re.fullmatch(r"(?:\ (?:a|per)\ \w+)?\ from\ ", text[out[-2].end : prev.start])
            if re.fullmatch(r"\s?[-–—]\s?", gap) or (between and gap == " and ") or (
                gap == " to " and (after_fact or not is_transition(text, prev.start))
            ):
                prev.range = [prev.value, q.value]
                prev.end, prev.unit, prev.per = q.end, q.unit, prev.per or q.per
                prev.count_label = prev.count_label or q.count_label
                continue
        out.append(q)
    return out
