"""Words and formats about chart data: source lines, alt text, growth notes, number formats.

Shared by :mod:`reportkit.charts.data.resolve` (notes), :mod:`reportkit.charts.data.figure` (Plotly
annotations) and the deck renderer (native chart labels), so it sits below all of them:
the module that used to hold these (``charts.py``) and the figure module imported each other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..model import ChartData, Series
from ..numbers import format_value

KIND_NAMES = {"bar": "Bar", "line": "Line", "donut": "Donut", "bullet": "Bullet", "stacked_bar": "Stacked bar"}

# Excel/PowerPoint number formats for native chart data labels, by unit.
# Python formats of a raw value (no scaling); display strings are in ChartData.labels.
PY_FORMATS = {"percent": "{:.0f}%", "ratio": "{:.0%}", "USD": "${:,.0f}", "count": "{:,.0f}"}

EXCEL_FORMATS = {
    "percent": '0"%"',
    "ratio": "0%",
    "count": "#,##0",
    "years": '#,##0" years"',
}

def excel_format(unit: str, values: Iterable[float]) -> str:
    """A number format for PowerPoint data labels that matches :func:`format_value`."""
    if unit in EXCEL_FORMATS:
        return EXCEL_FORMATS[unit]
    top = max((abs(v) for v in values), default=0.0)
    prefix = {"USD": '"$"', "GBP": '"£"', "EUR": '"€"'}.get(unit, "")
    suffix = {"barrels_per_day": " b/d"}.get(unit, "")
    if top >= 1e9:
        return f'{prefix}#,##0.0,,,"B{suffix}"'
    if top >= 1e6:
        return f'{prefix}#,##0.0,,"M{suffix}"'
    return f'{prefix}#,##0{suffix and chr(34) + suffix + chr(34)}'

def growth(chart: ChartData) -> tuple[float, str, str] | None:
    """``(multiple, first category, last category)`` of the first series, if it grew from > 0."""
    if not chart.series or len(chart.series[0].values) < 2:
        return None
    first, last = chart.series[0].values[0], chart.series[0].values[-1]
    if first <= 0:
        return None
    return last / first, chart.categories[0], chart.categories[-1]

def multiple_text(m: float) -> str:
    """``30.86 -> 'about 31 times'``, ``2.46 -> 'about 2.5 times'``."""
    n = f"{round(m):,}" if m >= 10 else f"{m:.1f}".rstrip("0").rstrip(".")
    return f"about {n} times"

def source_line(chart: ChartData) -> str:
    """``Source: 000_52c727dd3fe4205e.txt`` (``Sources: a, b`` for several)."""
    if not chart.sources:
        return ""
    return ("Source: " if len(chart.sources) == 1 else "Sources: ") + ", ".join(chart.sources)

def alt_text(chart: ChartData) -> str:
    """One or two sentences describing the data, for screen readers."""
    kind = KIND_NAMES.get(chart.kind, chart.kind.title()) + " chart"
    fmt: Callable[[float], str] = lambda v: format_value(v, chart.unit)  # noqa: E731
    s = chart.series[0] if chart.series else Series("", [])
    if chart.kind == "donut":
        body = ", ".join(f"{c} {fmt(v)}" for c, v in zip(chart.categories, s.values, strict=False))
        text = f"{kind}: {chart.title}: {body}."
    elif chart.kind == "stacked_bar":
        rows = []
        for j, cat in enumerate(chart.categories):
            total = sum(x.values[j] for x in chart.series)
            split = ", ".join(f"{x.name.lower()} {fmt(x.values[j])}" for x in chart.series)
            rows.append(f"{cat}, {fmt(total)} in total: {split}")
        text = f"{kind}: " + "; ".join(rows) + "."
    elif (g := growth(chart)) and len(chart.categories) >= 2:
        verb = "rose" if g[0] > 1 else "fell" if g[0] < 1 else "stayed"
        text = f"{kind}: {s.name} {verb} from {fmt(s.values[0])} in {g[1]} to {fmt(s.values[-1])} in {g[2]}"
        text += f", {multiple_text(g[0])}." if g[0] > 1 else "."
    else:
        body = ", ".join(f"{fmt(v)} ({c})" for c, v in zip(chart.categories, s.values, strict=False))
        text = f"{kind}: {s.name or chart.title}: {body}."
    if chart.target is not None:
        text += f" {chart.target_label}: {format_value(chart.target, chart.target_unit or chart.unit)}."
    return text
