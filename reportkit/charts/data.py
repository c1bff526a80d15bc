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
that yields no number) raises :class:`~.nodata.NoChartData`, a :class:`ChartError` naming
the chart id and the selector. When the spec says ``required: true`` the caller
must let it stop the build; otherwise the caller turns it into a warning and
leaves the chart out (see :func:`resolve_all`).

Grounded charts: a selector's matches are narrowed to one coherent series
(:mod:`.coherent`: one measure, one article unless ``across_sources: true``); parts and
targets come from that same article; a donut's complement is drawn only beside exactly
one stated share (:mod:`.wholes`, with a total's parts); a missing value is a gap
(``None``), never 0. Every point carries its provenance (:mod:`.points`), and the spec's title, subtitle, caption and target label
are templates over the data (:mod:`.text`): a literal number the data does not hold
leaves that text out with a warning (a title: the chart).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from ..errors import ChartError
from ..model import ChartData, ChartPoint, Document, Fact, source_names
from ..numbers import format_value
from ..story import dedupe, select
from . import text as chart_text
from .coherent import coherent, measure_of, period_of, same_article, states_share, subject_of
from .describe import alt_text, growth, multiple_text
from .nodata import NoChartData, describe_selector
from .points import chart_from_points, derived, fact_point
from .table import table_rows
from .wholes import donut, parts

if TYPE_CHECKING:
    from ..layouts import ChartSpec, Layout

Warn = Callable[[str], None]
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _fact_points(chart_id: str, spec: ChartSpec, found: list[Fact], unit: str,
                 name: str) -> tuple[list[ChartPoint], str]:
    """Points of one coherent series of facts, and what the categories are."""
    how = spec.data.category
    if how in ("year", "period"):
        by: dict[str, Fact] = {}
        for f in found:
            p = str(f.year) if how == "year" and f.year is not None else period_of(f) if how == "period" else ""
            if p and p not in by:
                by[p] = f
        if not by:
            raise NoChartData(chart_id, f"matching facts carry no {how} (category: {how})", False)
        order = sorted(by, key=lambda p: (not p.isdigit(), int(p) if p.isdigit() else 0, p))
        return [fact_point(p, name, by[p], unit) for p in order], how
    if how == "subject":
        by = {}
        for f in found:
            if subject_of(f) and subject_of(f) not in by:
                by[subject_of(f)] = f
        if not by:
            raise NoChartData(chart_id, "matching facts name no subject (category: subject)", False)
        return [fact_point(s, name, f, unit) for s, f in by.items()], "subject"
    single = len(found) == 1 and spec.data.series_name
    return [fact_point(name if single else (f.label or f.text), name, f, unit) for f in found], "label"


MAX_POINTS = 12  # facts a selector may feed into one chart, in document order
# beyond this a value is nonsense for a chart (and 1e308 overflows the browser's axis maths)
MAX_VALUE = 1e15


def resolve(chart_id: str, spec: ChartSpec, facts: list[Fact], content_path: Path | None = None,
            warn: Warn | None = None, titles: dict[str, str] | None = None,
            articles: dict[str, str] | None = None, names: dict[str, str] | None = None) -> ChartData:
    """Resolve one chart spec against facts (or its inline values / CSV file).

    Facts are de-duplicated by (value, unit, year) and narrowed to one coherent series
    (see the module doc; what is left out is reported through ``warn``). With
    ``category: year`` (or ``period``) each year is one category, sorted; with
    ``subject`` each subject; with ``label`` each fact is one category named by
    ``series_name`` (or its label). A CSV path is relative to ``content_path``, the content file naming it. At most
    :data:`MAX_POINTS` facts are drawn. ``titles`` maps a source path to its article's
    title, for the source line and ``{source}``; ``articles`` to its text, against which
    the names a layout's chart text prints are checked ("Mexico's gas" needs "Mexico").

    Raises :class:`NoChartData` (with ``.required`` from the spec) when nothing
    matches; the caller decides whether that stops the build (see module doc).
    """
    try:
        return _resolve(chart_id, spec, facts, content_path, warn or (lambda _m: None), titles or {}, articles,
                        names or {})
    except NoChartData as e:
        e.required = spec.required
        raise


def _resolve(chart_id: str, spec: ChartSpec, facts: list[Fact], content_path: Path | None, warn: Warn,
             titles: dict[str, str], articles: dict[str, str] | None = None,
             names: dict[str, str] | None = None) -> ChartData:
    names = names or {}  # source path -> the name readers see (model.source_names)
    data = spec.data
    name = data.series_name or chart_text.literal_text(spec.title).strip() or chart_id
    unit = spec.unit or ""
    pool = facts
    measure = subject = ""
    if data.facts is not None:
        # a bracketed conversion ("$8bn; £6bn") repeats its figure: never a point of its own
        found = [f for f in dedupe(select(data.facts, facts)) if not getattr(f, "equivalent_of", None)]
        if not found:
            raise NoChartData(chart_id, f"{describe_selector(data.facts)} matches no fact", spec.required)
        found, rest = coherent(found, data.category, spec.across_sources)
        if rest:
            others = sorted({names.get(f.source) or PurePath(f.source).name for f in rest})
            warn(f"chart {chart_id!r}: {len(rest)} matching fact(s) of another series or article left out "
                 f"({', '.join(others)}): a chart draws one coherent series")
        found = found[:MAX_POINTS]
        unit = spec.unit or found[0].unit
        measure, subject = measure_of(found[0]), subject_of(found[0])
        if not spec.across_sources:  # parts and target from the same article
            pool = same_article(facts, found[0].source)
        points, category_kind = _fact_points(chart_id, spec, found, unit, name)
    else:
        rows = table_rows(chart_id, spec, content_path)
        if not rows:
            where = "inline values" if data.values is not None else f"CSV {data.csv}"
            raise NoChartData(chart_id, f"{where} hold no rows", spec.required)
        points = [ChartPoint(label, series or name, value, "" if value is None else format_value(value, unit))
                  for label, value, series in rows]
        category_kind = "year" if all(_YEAR.match(p.category) for p in points) else "label"
    if spec.kind == "donut":
        shares = [f for f in pool if f.id in {i for p in points for i in p.fact_ids} and states_share(f)]
        points = donut(chart_id, spec, points, unit, data.facts is not None, shares)
    if spec.kind == "stacked_bar" and spec.parts:
        points = parts(chart_id, spec, points, pool, unit)
    target, target_unit, target_fact = _target(chart_id, spec, pool, unit)
    if any(p.value is not None and (not math.isfinite(p.value) or abs(p.value) > MAX_VALUE) for p in points):
        raise ChartError(f"chart {chart_id!r}: a value is out of range (finite, at most 1e15 in size)")
    used_ids = {i for p in points for i in p.fact_ids}
    # sources as readers see them (relative to the build root): two may share a file name
    sources = sorted({names.get(f.source) or PurePath(f.source).name for f in pool
                      if f.id in used_ids or f is target_fact})
    if not sources and data.csv:
        sources = [Path(data.csv).name]
    by_name = {names.get(k) or PurePath(k).name: v for k, v in titles.items()}
    chart = chart_from_points(
        chart_id, spec.kind, spec.title, unit, points, category_kind=category_kind, target=target,
        target_unit=target_unit, sources=sources, measure=measure, subject=subject,
        source_titles=[by_name[s] for s in sources if s in by_name] if all(s in by_name for s in sources) else [],
    )
    if target_fact is not None:
        chart.fact_ids.append(target_fact.id)
    # inline values and CSV come from no article: their names cannot be checked against one
    known = None if articles is None or data.facts is None else "\n".join(articles.get(f.source, "") for f in pool
                                                     if f.id in chart.fact_ids)
    _texts(chart_id, spec, chart, {f.id: f for f in pool if f.id in chart.fact_ids}, warn, known)
    chart.note = _note(spec, chart)
    chart.alt_text = alt_text(chart)
    return chart


def _texts(chart_id: str, spec: ChartSpec, chart: ChartData, facts: dict[str, Fact], warn: Warn,
           article: str | None) -> None:
    """Fill the spec's text templates from the chart's data (see :mod:`.text`); a name the
    layout writes must be in the chart's article(s) when their text is known."""
    variables = chart_text.variables(chart, facts)
    chart.target_label = "Target" if chart.target is not None else None
    for field in ("title", "subtitle", "caption", "target_label"):
        template = getattr(spec, field)
        if template is None:
            continue
        literal = chart_text.literal_text(template)
        stray = chart_text.unsupported_numbers(literal, chart)
        problem = f"{', '.join(stray)} is not in the chart's data" if stray else ""
        names = chart_text.unsupported_names(literal, article) if article is not None and not problem else []
        if names:
            problem = f"{', '.join(names)} is not in the article the data comes from"
        if not problem:
            try:
                text, used = chart_text.render(template, variables)
            except chart_text.TemplateError as e:
                problem = str(e)
        if problem:
            if field == "title":
                raise ChartError(f"chart {chart_id!r}: title: {problem}")
            warn(f"chart {chart_id!r}: {field} left out: {problem}")
            continue
        setattr(chart, field, text)
        chart.text_points += [p for v in used if (p := chart_text.text_point(field, v)) is not None]


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
        text = multiple_text(g[0])
        notes.append(f"Up {text} from {g[1]} to {g[2]}")
        series = chart.series[0].name
        ends = [p for p in chart.points if p.series == series and p.value is not None]
        how = derived("ratio", [*ends[-1].fact_ids, *ends[0].fact_ids])
        chart.text_points.append(ChartPoint("note", "", g[0], text, derived=how))
        # the figure marks the same multiple on the bars ("31×", see figure.py)
        mark = f"{g[0]:.0f}×" if g[0] >= 10 else f"{g[0]:.1f}×"
        chart.text_points.append(ChartPoint("figure", "", g[0], mark, derived=dict(how)))
    if chart.target is not None and chart.target_unit != chart.unit:
        notes.append(f"{chart.target_label}: {format_value(chart.target, chart.target_unit or '')}")
    return "; ".join(notes) or None


def resolve_all(specs: dict[str, ChartSpec], ids: list[str], facts: list[Fact], content_path: Path | None = None,
                warn: Callable[[str], None] | None = None,
                documents: list[Document] | None = None) -> list[ChartData]:
    """Resolve the charts ``ids`` in order, applying the no-data rule: a required
    chart's :class:`NoChartData` propagates; an optional chart is left out with a warning.
    With ``documents``, source lines name the articles and layout names are checked."""
    out = []
    titles, articles = _article_texts(documents)
    names = source_names(d.source for d in documents or [])
    for cid in ids:
        try:
            out.append(resolve(cid, specs[cid], facts, content_path, warn=warn, titles=titles, articles=articles,
                               names=names))
        except NoChartData as e:
            if e.required:
                raise
            if warn:
                warn(f"{e} (chart left out)")
    return out


def _article_texts(documents: list[Document] | None) -> tuple[dict[str, str], dict[str, str] | None]:
    """Each source's article title, and its text (None when the documents are not known)."""
    if documents is None:
        return {}, None
    return ({d.source: d.title for d in documents},
            {d.source: "\n".join(t for t in (d.title, d.subtitle, d.body_text()) if t) for d in documents})


def resolve_charts(layouts: list[Layout], facts: list[Fact], warn: Callable[[str], None],
                   documents: list[Document] | None = None) -> dict[str, ChartData]:
    """Chart data for every chart any of ``layouts`` shows, resolved once, then the
    automatic charts (``auto_1``...) the layouts ask for (``auto_charts: N``).

    A chart whose selector matches no fact is an error when its spec says
    ``required: true``; otherwise it is left out with a warning. Automatic charts need
    ``documents`` (their article titles and sentences); they never repeat a fact a named
    chart shows.
    """
    from .auto import auto_charts

    titles, articles = _article_texts(documents)
    names = source_names(d.source for d in documents or [])
    out: dict[str, ChartData] = {}
    tried: set[str] = set()
    for layout in layouts:
        for cid in layout.chart_ids():
            if cid in tried:
                continue
            tried.add(cid)
            spec = layout.content.charts[cid]
            try:
                out[cid] = resolve(cid, spec, facts, content_path=layout.content_path,
                                   warn=lambda m, c=cid, lay=layout: warn(f"{lay.content_path}: charts.{c}: {m}"),
                                   titles=titles, articles=articles, names=names)
            except ChartError as e:
                if spec.required:
                    raise
                warn(f"{layout.content_path}: charts.{cid}: left out: {e.message}")
    count = max((lay.auto_chart_count() for lay in layouts), default=0)
    if documents and count:
        taken = {fid for cd in out.values() for fid in cd.fact_ids}
        for cd in auto_charts(documents, count, taken):
            out[cd.id] = cd
    return out
