"""Chart specs resolved against facts: ``spec + facts -> ChartData -> plotly Figure``.

Everything here is pure (no browser, no files written): :func:`resolve` turns a
:class:`~reportkit.layouts.chartspec.ChartSpec` and the report's facts into a complete,
self-describing :class:`~reportkit.model.ChartData` (categories, series, unit,
formatted labels, target, provenance, alt text), which the deck draws as a native
PowerPoint chart and :func:`figure` draws as a Plotly figure. Rendering figures to
PNG/SVG is :mod:`reportkit.chartrender`'s job (the only module that imports kaleido).

Plotly is imported only inside :func:`figure`, so resolving charts for a warm,
fully cached build never loads it.

The "no data" rule: a data selector that matches no fact (or a CSV/inline source
that yields no number) raises :class:`NoChartData`, a :class:`ChartError` naming
the chart id and the selector. When the spec says ``required: true`` the caller
must let it stop the build; otherwise the caller turns it into a warning and
leaves the chart out (see :func:`resolve_all`).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from ..errors import ChartError
from ..layouts import ChartSpec, FactSelector, Layout, PartSpec
from ..model import ChartData, Fact, Series
from ..numbers import format_value
from ..story import dedupe, select
from .describe import PY_FORMATS, alt_text, excel_format, growth, multiple_text

# Units whose complement (the rest of a donut) is known: 100% or a ratio of 1.
WHOLE = {"percent": 100.0, "ratio": 1.0}


class NoChartData(ChartError):
    """A chart's data source matched nothing; fatal only for ``required: true`` charts."""

    def __init__(self, chart_id: str, what: str, required: bool) -> None:
        super().__init__(f"chart {chart_id!r}: no data: {what}")
        self.chart_id = chart_id
        self.required = required


def describe_selector(sel: FactSelector) -> str:
    """A selector as a reader would write it: ``unit=USD label=[FDI, investment]``."""
    parts = []
    for key, value in sel.model_dump(exclude_defaults=True).items():
        if isinstance(value, list):
            value = "[" + ", ".join(str(v) for v in value) + "]"
        parts.append(f"{key}={value}")
    return "selector {" + (" ".join(parts) or "any fact") + "}"


def snap_ratio(value: float) -> float:
    """A ratio written in words ("one-third") is stored rounded (0.3333); snap it back
    to the simple fraction it stands for so 30,000 x 1/3 is 10,000, not 9,999."""
    for den in range(2, 13):
        num = round(value * den)
        if 0 < num < den and abs(value - num / den) < 0.0005:
            return num / den
    return value


def _year_points(chart_id: str, facts: list[Fact]) -> tuple[list[str], list[float], list[Fact]]:
    """Facts keyed by year, sorted; facts without a year cannot be placed and are skipped."""
    by_year: dict[int, Fact] = {}
    for f in facts:
        if f.year is not None and f.year not in by_year:
            by_year[f.year] = f
    if not by_year:
        raise NoChartData(chart_id, "matching facts carry no year (category: year)", False)
    years = sorted(by_year)
    return [str(y) for y in years], [by_year[y].value for y in years], [by_year[y] for y in years]


def _table_rows(chart_id: str, spec: ChartSpec, base_dir: Path | None) -> list[tuple[str, float, str | None]]:
    """Rows (label, value, series) from inline values or a CSV file."""
    data = spec.data
    if data.values is not None:
        return [(p.label, p.value, p.series) for p in data.values]
    path = Path(data.csv or "")
    if not path.is_absolute():
        path = (base_dir or Path.cwd()) / path
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = [h.strip().lower() for h in reader.fieldnames or []]
            if "label" not in header or "value" not in header:
                raise ChartError(f"chart {chart_id!r}: CSV needs columns label,value[,series], has {header}", path)
            rows = []
            for n, raw in enumerate(reader, start=2):
                row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
                try:
                    value = float(row["value"].replace(",", ""))
                except ValueError:
                    raise ChartError(f"line {n}: chart {chart_id!r}: value is not a number: {row['value']!r}",
                                     path) from None
                rows.append((row["label"], value, row.get("series") or None))
    except FileNotFoundError:
        raise ChartError(f"chart {chart_id!r}: CSV file not found", path) from None
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise ChartError(f"chart {chart_id!r}: cannot read CSV: {e}", path) from None
    return rows


def _from_rows(rows: list[tuple[str, float, str | None]], default_series: str) -> tuple[list[str], list[Series]]:
    categories: list[str] = []
    series: dict[str, dict[str, float]] = {}
    for label, value, name in rows:
        if label not in categories:
            categories.append(label)
        series.setdefault(name or default_series, {})[label] = value
    # a category missing from a series is 0 (stacked bars need aligned series)
    return categories, [Series(n, [vals.get(c, 0.0) for c in categories]) for n, vals in series.items()]


def _parts(chart_id: str, spec: ChartSpec, totals: list[float], facts: list[Fact]) -> tuple[list[Series], list[Fact]]:
    """Split each total into the spec's named parts; one part without a rule takes the rest."""
    used: list[Fact] = []
    out: list[Series] = []
    rest_index = None
    for i, part in enumerate(spec.parts):
        values = _part_values(chart_id, part, totals, facts, used)
        if values is None:
            rest_index = i
            out.append(Series(part.name, []))
        else:
            out.append(Series(part.name, values))
    if rest_index is not None:
        taken = [sum(s.values[j] for k, s in enumerate(out) if k != rest_index) for j in range(len(totals))]
        out[rest_index].values = [max(t - x, 0.0) for t, x in zip(totals, taken, strict=True)]
    return out, used


def _part_values(chart_id: str, part: PartSpec, totals: list[float], facts: list[Fact],
                 used: list[Fact]) -> list[float] | None:
    if part.value is not None:
        return [part.value for _ in totals]
    if part.facts is not None:
        found = dedupe(select(part.facts, facts))
        if not found:
            raise NoChartData(chart_id, f"part {part.name!r}: {describe_selector(part.facts)} matches no fact", False)
        used.append(found[0])
        return [found[0].value for _ in totals]
    if part.share_of_total is not None:
        found = dedupe(select(part.share_of_total, facts))
        if not found:
            raise NoChartData(
                chart_id, f"part {part.name!r}: {describe_selector(part.share_of_total)} matches no fact", False)
        share = found[0].value / 100 if found[0].unit == "percent" else snap_ratio(found[0].value)
        used.append(found[0])
        return [round(t * share, 6) for t in totals]
    return None


MAX_POINTS = 12  # facts a selector may feed into one chart, in document order


def resolve(chart_id: str, spec: ChartSpec, facts: list[Fact], base_dir: Path | None = None) -> ChartData:
    """Resolve one chart spec against facts (or its inline values / CSV file).

    Facts are de-duplicated by (value, unit, year) before use. With
    ``category: year`` each year is one category (sorted); with ``category: label``
    each fact is one category named by ``series_name`` (or its label). A donut gets
    its ``complement`` slice (100% minus the rest); a stacked bar splits each total
    into ``parts``. A CSV path is relative to ``base_dir`` (the sources folder).
    At most :data:`MAX_POINTS` matching facts are drawn (the first, in document
    order); narrow the selector (``years``, ``source``, ``limit``) to choose others.

    Raises :class:`NoChartData` (with ``.required`` from the spec) when nothing
    matches; the caller decides whether that stops the build (see module doc).
    """
    try:
        return _resolve(chart_id, spec, facts, base_dir)
    except NoChartData as e:
        e.required = spec.required
        raise


def _resolve(chart_id: str, spec: ChartSpec, facts: list[Fact], base_dir: Path | None) -> ChartData:
    data = spec.data
    series_name = data.series_name or spec.title
    used: list[Fact] = []
    unit = spec.unit or ""
    if data.facts is not None:
        found = dedupe(select(data.facts, facts))
        if not found:
            raise NoChartData(chart_id, f"{describe_selector(data.facts)} matches no fact", spec.required)
        # a chart of hundreds of bars is unreadable (and slow to draw): keep the first ones
        found = found[:MAX_POINTS]
        unit = spec.unit or found[0].unit
        if data.category == "year":
            categories, values, used = _year_points(chart_id, found)
        else:
            used = found
            single = len(found) == 1 and data.series_name
            categories = [series_name if single else (f.label or f.text) for f in found]
            values = [f.value for f in found]
        series = [Series(series_name, values)]
    else:
        rows = _table_rows(chart_id, spec, base_dir)
        if not rows:
            where = "inline values" if data.values is not None else f"CSV {data.csv}"
            raise NoChartData(chart_id, f"{where} hold no rows", spec.required)
        categories, series = _from_rows(rows, series_name)

    if spec.kind == "donut" and data.complement:
        whole = WHOLE.get(unit)
        if whole is None:
            raise ChartError(f"chart {chart_id!r}: a complement needs percent or ratio data, not {unit!r}")
        rest = whole - sum(series[0].values)
        if rest < -1e-9:
            raise ChartError(f"chart {chart_id!r}: slices add up to more than {format_value(whole, unit)}")
        categories = [*categories, data.complement]
        series[0].values = [*series[0].values, max(rest, 0.0)]

    if spec.kind == "stacked_bar" and spec.parts:
        totals = series[0].values
        series, part_facts = _parts(chart_id, spec, totals, facts)
        used += part_facts

    target, target_unit, target_fact = _target(chart_id, spec, facts, unit)
    if target_fact:
        used.append(target_fact)
    values_flat = [v for s in series for v in s.values]
    chart = ChartData(
        id=chart_id, kind=spec.kind, title=spec.title, categories=categories, series=series, unit=unit,
        value_format=PY_FORMATS.get(unit, "{:,.0f}"),
        number_format=excel_format(unit, values_flat),
        subtitle=spec.subtitle, caption=spec.caption, target=target,
        target_label=spec.target_label or ("Target" if target is not None else None),
        sources=sorted({f.source.rsplit("/", 1)[-1] for f in used}) or _table_sources(spec),
        fact_ids=[f.id for f in used], target_unit=target_unit,
        labels=[[format_value(v, unit) for v in s.values] for s in series],
    )
    chart.note = _note(spec, chart)
    chart.alt_text = alt_text(chart)
    return chart


def _table_sources(spec: ChartSpec) -> list[str]:
    return [Path(spec.data.csv).name] if spec.data.csv else []


def _target(chart_id: str, spec: ChartSpec, facts: list[Fact], unit: str) -> tuple[float | None, str | None, Fact | None]:
    if spec.target is None:
        return None, None, None
    if isinstance(spec.target, (int, float)):
        return float(spec.target), unit, None
    found = dedupe(select(spec.target, facts))
    if not found:
        raise NoChartData(chart_id, f"target: {describe_selector(spec.target)} matches no fact", spec.required)
    return found[0].value, found[0].unit, found[0]


def _note(spec: ChartSpec, chart: ChartData) -> str | None:
    notes = []
    g = growth(chart) if spec.annotate == "growth" else None
    if g and g[0] > 1:
        notes.append(f"Up {multiple_text(g[0])} from {g[1]} to {g[2]}")
    if chart.target is not None and chart.target_unit != chart.unit:
        notes.append(f"{chart.target_label}: {format_value(chart.target, chart.target_unit or '')}")
    return "; ".join(notes) or None


def resolve_all(specs: dict[str, ChartSpec], ids: list[str], facts: list[Fact], base_dir: Path | None = None,
                warn: Callable[[str], None] | None = None) -> list[ChartData]:
    """Resolve the charts ``ids`` in order, applying the no-data rule: a required
    chart's :class:`NoChartData` propagates; an optional chart is left out with a warning."""
    out = []
    for cid in ids:
        try:
            out.append(resolve(cid, specs[cid], facts, base_dir))
        except NoChartData as e:
            if e.required:
                raise
            if warn:
                warn(f"{e} (chart left out)")
    return out


def resolve_charts(layouts: list[Layout], facts: list[Fact],
                   warn: Callable[[str], None]) -> dict[str, ChartData]:
    """Chart data for every chart any of ``layouts`` shows, resolved once.

    A chart whose selector matches no fact is an error when its spec says
    ``required: true``; otherwise it is left out with a warning.
    """
    out: dict[str, ChartData] = {}
    tried: set[str] = set()
    for layout in layouts:
        for cid in layout.chart_ids():
            if cid in tried:
                continue
            tried.add(cid)
            spec = layout.content.charts[cid]
            try:
                out[cid] = resolve(cid, spec, facts, base_dir=layout.content_path.parent)
            except ChartError as e:
                if spec.required:
                    raise
                warn(f"{layout.content_path}: charts.{cid}: left out: {e.message}")
    return out
