"""Parts of a whole: a donut's slices and a total split into named parts.

The complement rule (:func:`donut`): "the rest" is drawn only beside exactly one stated share
of a whole (100% or a ratio of 1); several slices from facts must add up to the whole
themselves, and a negative slice or one over the whole is an error, never drawn. A total's
parts (:func:`parts`) are a fixed value, a fact, or a stated share of the total; one part
without a rule takes what is left. A ratio written in words is snapped back to its fraction
(:func:`snap_ratio`) so 30,000 x 1/3 is 10,000.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from ..errors import ChartError
from ..model import ChartPoint, Fact
from ..numbers import format_value
from ..story import dedupe, select
from .nodata import NoChartData, describe_selector
from .points import derived, fact_point, inputs_of

if TYPE_CHECKING:
    from ..layouts import ChartSpec, PartSpec

# Units whose complement (the rest of a donut) is known: 100% or a ratio of 1.
WHOLE = {"percent": 100.0, "ratio": 1.0}


def snap_ratio(value: float) -> float:
    """A ratio written in words ("one-third") is stored rounded (0.3333); snap it back
    to the simple fraction it stands for so 30,000 x 1/3 is 10,000, not 9,999."""
    for den in range(2, 13):
        num = round(value * den)
        if 0 < num < den and abs(value - num / den) < 0.0005:
            return num / den
    return value


def donut(chart_id: str, spec: ChartSpec, points: list[ChartPoint], unit: str, from_facts: bool,
           shares: list[Fact] | None = None) -> list[ChartPoint]:
    """The complement rule: "the rest" only beside exactly one stated share of a whole;
    several slices from facts must add up to the whole themselves."""
    whole = WHOLE.get(unit)
    stated = [p for p in points if p.value is not None]
    # slices are shares of a whole: a negative one, or one over the whole, is nonsense
    # ("imports were -40% of gas" drew -40% and a 140% rest)
    if any(p.value < 0 for p in stated):
        raise ChartError(f"chart {chart_id!r}: a donut cannot show a negative share")
    if whole is not None and not spec.data.complement and any(p.value > whole + 1e-9 for p in stated):
        raise ChartError(f"chart {chart_id!r}: a share over {format_value(whole, unit)} cannot be a slice")
    if spec.data.complement:
        if whole is None:
            raise ChartError(f"chart {chart_id!r}: a complement needs percent or ratio data, not {unit!r}")
        if len(stated) != 1:
            raise ChartError(f"chart {chart_id!r}: a complement ({spec.data.complement!r}) needs exactly one "
                             f"stated share of a whole, the data has {len(stated)}")
        if from_facts and shares is not None and not shares:
            raise ChartError(f"chart {chart_id!r}: a complement ({spec.data.complement!r}) needs a share of a "
                             f"whole; the text states {stated[0].display} as a change or a level, not a share")
        rest = whole - stated[0].value
        if rest < -1e-9:
            raise ChartError(f"chart {chart_id!r}: slices add up to more than {format_value(whole, unit)}")
        rest = max(rest, 0.0)
        return [*points, ChartPoint(spec.data.complement, points[0].series, rest, format_value(rest, unit),
                                    derived=derived("complement", stated[0].fact_ids, whole=whole))]
    total = sum(p.value for p in stated)
    if from_facts and whole is not None and len(stated) > 1 and abs(total - whole) > whole * 0.01:
        raise ChartError(f"chart {chart_id!r}: the slices add up to {format_value(total, unit)}, not "
                         f"{format_value(whole, unit)}: they are not parts of one whole")
    return points


def parts(chart_id: str, spec: ChartSpec, totals: list[ChartPoint], facts: list[Fact],
           unit: str) -> list[ChartPoint]:
    """Split each total into the spec's named parts; one part without a rule takes the rest."""
    out: list[ChartPoint] = []
    rest: PartSpec | None = None
    for part in spec.parts:
        if part.value is None and part.facts is None and part.share_of_total is None:
            rest = part
            continue
        for t in totals:
            out.append(_part_point(chart_id, part, t, facts, unit))
    if rest is not None:
        for t in totals:
            mine = [p for p in out if p.category == t.category]
            left = (t.value or 0.0) - sum(p.value or 0.0 for p in mine)
            value = None if t.value is None else max(left, 0.0)
            out.append(ChartPoint(t.category, rest.name, value, "" if value is None else format_value(value, unit),
                                  derived=derived("difference", [*t.fact_ids, *(i for p in mine for i in
                                                                                 [*p.fact_ids, *inputs_of(p)])])))
    order = [p.name for p in spec.parts]
    return sorted(out, key=lambda p: order.index(p.series))


def _part_point(chart_id: str, part: PartSpec, total: ChartPoint, facts: list[Fact], unit: str) -> ChartPoint:
    if part.value is not None:
        return ChartPoint(total.category, part.name, part.value, format_value(part.value, unit))
    sel = part.facts or part.share_of_total
    found = dedupe(select(sel, facts))
    if not found:
        raise NoChartData(chart_id, f"part {part.name!r}: {describe_selector(sel)} matches no fact", False)
    f = found[0]
    if part.facts is not None:
        return fact_point(total.category, part.name, f, unit)
    if total.value is None:
        return ChartPoint(total.category, part.name, None)
    share = f.value / 100 if f.unit == "percent" else snap_ratio(f.value)
    if not 0 <= share <= 1:
        raise ChartError(f"chart {chart_id!r}: part {part.name!r}: a share of the total must be between "
                         f"0 and 100%, not {f.text!r}")
    value = round(total.value * share, 6)
    return ChartPoint(total.category, part.name, value, format_value(value, unit),
                      derived=derived("part", [*total.fact_ids, f.id]))
