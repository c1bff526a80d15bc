"""A figure whose label cannot tell it from its article's other figure of the same measure.

"Revenue rose 16% to ISK 1.47 billion" (a quarter's, said in the sentence before) and, further on,
"revenue was ISK 5.3 billion" for the year: a card "1.47B ISK / Revenue" says neither which period
nor that it is not the year's. When a level labelled by its measure alone carries no period and no
year while another figure of the same measure and unit in its article does, the card is left out
(print less, never a guess).
"""

from __future__ import annotations

from ..model import Fact

# the dated figures of the last fact list asked about, by (unit, measure): a card asks for each of its
# article's candidates, and scanning every fact each time is quadratic (10,000 facts: minutes)
_last: list[tuple[list[Fact], dict[tuple[str, str], list[Fact]]]] = []


def _dated(facts: list[Fact]) -> dict[tuple[str, str], list[Fact]]:
    if not _last or _last[0][0] is not facts:
        index: dict[tuple[str, str], list[Fact]] = {}
        for g in facts:
            if g.measure and (g.period or g.year):
                index.setdefault((g.unit, g.measure.lower()), []).append(g)
        _last[:] = [(facts, index)]
    return _last[0][1]


def twin_untold(f: Fact, label: str, facts: list[Fact]) -> bool:
    """Whether ``f`` (a level with no period or year, labelled by its measure alone) shares its
    measure and unit with another, dated figure of its article, so the label cannot say which it is."""
    if f.unit in ("percent", "percentage_points") or f.period or f.year or not f.measure:
        return False
    measure = f.measure.lower()
    if label.strip().lower() != measure:
        return False  # a subject or a period in the label tells the figures apart
    # a figure of the same sentence is its comparison ("€148, up from €139 in 2025"), read with it
    return any(g is not f and g.sentence != f.sentence and round(g.value, 6) != round(f.value, 6)
               for g in _dated(facts).get((f.unit, measure), ()))
