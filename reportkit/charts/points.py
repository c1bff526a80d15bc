"""Chart points with provenance, and the chart data made from them.

Every number a chart draws is a :class:`~reportkit.model.ChartPoint`: its category, its
series, its value (``None`` is a gap: the text gives no number there, and a gap is never
drawn as 0), the display string, and where it came from: the ids of the facts it is, or
``derived`` with the kind of derivation and its inputs (:data:`DERIVED_KINDS`, the names
``verify --sources`` uses):

- ``complement``: ``whole`` minus the inputs (a donut's "Domestic supply": 100% - 72%);
- ``part``: the first input (a total) times the second (a stated share: 30,000 x one-third);
- ``difference``: the first input (a total) minus the other parts, which derive from the
  remaining inputs (the part of a total no rule names: 30,000 - 30,000 x one-third);
- ``sum``: the inputs added (a stacked bar's total);
- ``ratio``: the first input divided by the second (growth multiples: "about 31 times", "31×");
- ``growth``: the first input against the second, in per cent (``{pct_change}``).

``inputs`` are fact ids; ``whole`` (for ``complement``) is the constant subtracted from.
``build --json`` prints these per chart; ``verify --sources`` traces printed numbers to them.
"""

from __future__ import annotations

from typing import Any

from ..model import ChartData, ChartPoint, Fact, Series
from ..numbers import format_value
from .describe import PY_FORMATS, excel_format

DERIVED_KINDS = ("complement", "part", "difference", "sum", "ratio", "growth")


def derived(kind: str, inputs: list[str], **extra: Any) -> dict[str, Any]:
    """A ``derived`` record: ``{"kind": "complement", "inputs": ["f3"], "whole": 100.0}``
    (inputs de-duplicated, in order)."""
    if kind not in DERIVED_KINDS:
        raise ValueError(f"unknown derivation {kind!r}")
    return {"kind": kind, "inputs": list(dict.fromkeys(inputs)), **extra}


def inputs_of(p: ChartPoint) -> list[str]:
    """The fact ids a derived point was computed from (none for a fact's own point)."""
    return [i for i in (p.derived or {}).get("inputs", []) if isinstance(i, str)]


def fact_point(category: str, series: str, f: Fact, unit: str) -> ChartPoint:
    """The point a fact is, displayed in the chart's unit (with the fact's "per": $14.3/mmbtu)."""
    return ChartPoint(category=category, series=series, value=f.value,
                      display=format_value(f.value, unit, f.per if f.unit == unit else None), fact_ids=[f.id])


def gap(category: str, series: str) -> ChartPoint:
    """No number for this category in this series: drawn as a gap, never as 0."""
    return ChartPoint(category=category, series=series, value=None, display="")


def grid(points: list[ChartPoint]) -> tuple[list[str], list[Series]]:
    """Categories and aligned series (``None`` where a series has no point) from points."""
    categories: list[str] = []
    names: list[str] = []
    cells: dict[tuple[str, str], float | None] = {}
    for p in points:
        if p.category not in categories:
            categories.append(p.category)
        if p.series not in names:
            names.append(p.series)
        cells[(p.series, p.category)] = p.value
    return categories, [Series(n, [cells.get((n, c)) for c in categories]) for n in names]


def aligned(points: list[ChartPoint]) -> list[ChartPoint]:
    """``points`` with an explicit gap point for every category a series lacks, in grid order."""
    categories, series = grid(points)
    by_key = {(p.series, p.category): p for p in points}
    return [by_key.get((s.name, c)) or gap(c, s.name) for s in series for c in categories]


def chart_from_points(chart_id: str, kind: str, title: str, unit: str, points: list[ChartPoint],
                      category_kind: str = "label", **fields: Any) -> ChartData:
    """A :class:`ChartData` drawing ``points`` (labels, number formats and provenance filled)."""
    points = aligned(points)
    categories, series = grid(points)
    values = [v for s in series for v in s.values if v is not None]
    # what each point prints: its own display (a fact's "per" kept), "" for a gap
    labels = [[_display(points, s.name, c, v, unit) for c, v in zip(categories, s.values, strict=True)]
              for s in series]
    chart = ChartData(
        id=chart_id, kind=kind, title=title, categories=categories, series=series, unit=unit,
        value_format=PY_FORMATS.get(unit, "{:,.0f}"), number_format=excel_format(unit, values, _per(labels)),
        labels=labels, points=points, category_kind=category_kind, **fields,
    )
    # every fact the chart draws on: the points' own and the inputs of derived points
    chart.fact_ids = list(dict.fromkeys(fid for p in points for fid in [*p.fact_ids, *inputs_of(p)]))
    return chart


def _row(p: ChartPoint, first: str, second: str) -> dict[str, Any]:
    row: dict[str, Any] = {first: p.category, second: p.series, "value": p.value, "display": p.display}
    if p.derived:
        row["derived"] = p.derived
    else:
        row["fact_ids"] = list(p.fact_ids)
    return row


def _per(labels: list[list[str]]) -> str:
    """The denominator every printed label of a chart ends with ("pound" for $1.98/pound and
    $2.31/pound), so the deck's own labels say it too; "" when they do not all have the same."""
    tails = {label.rpartition("/")[2] if "/" in label else "" for row in labels for label in row if label}
    return tails.pop() if len(tails) == 1 else ""


def _display(points: list[ChartPoint], series: str, category: str, value: float | None, unit: str) -> str:
    if value is None:
        return ""
    for p in points:
        if p.series == series and p.category == category and p.display:
            return p.display
    return format_value(value, unit)


def points_json(chart: ChartData) -> list[dict[str, Any]]:
    """Per-chart points for ``build --json``: category, series, value, display, then
    ``fact_ids`` or ``derived`` (a gap has value null and no facts)."""
    return [_row(p, "category", "series") for p in chart.points]


def text_numbers_json(chart: ChartData) -> list[dict[str, Any]]:
    """Numbers the chart's texts print (caption, note...), each with ``fact_ids`` or ``derived``."""
    return [{k: v for k, v in _row(p, "text", "series").items() if k != "series"} for p in chart.text_points]
