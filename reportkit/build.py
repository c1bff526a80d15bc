"""Orchestration of one report: read → facts → assemble → charts → render.

Each stage finishes for every source (and every output layout) before the next
starts, so a bad source fails the build before any output is touched, and all
charts of a run are rendered in one batch by one browser.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import installed
from .atomic import publish, remove_stale_temps, staged_as, staging_path
from .buildinputs import Warn, earlier_record, input_files, one_layout_per_output, probed_files, wanted
from .errors import InputError, LayoutError, ReportkitError
from .forkpool import Workers
from .layouts import (LayoutErrors, default_layouts, kept_folder, layout_folder, load_layout, load_layout_reused,
                      problems_of)
from .model import Document, Report, Week
from .progress import Progress
from .renderstage import assign_workers, prefork, render_outputs
from .state import BuildState, input_digest, sha256_file
from .summary import BuildSummary, OutputInfo
from .week import parse_week, source_date_epoch

if TYPE_CHECKING:
    from .layouts import Layout

FORMATS = ("pdf", "pptx")
CHANGE_KINDS = ("changed", "revised", "new", "dropped", "new_story", "dropped_story")


@dataclass
class BuildOptions:
    """What ``reportkit build`` was asked to do."""

    sources: list[Path] = field(default_factory=lambda: [Path("seeds")])
    layouts: list[Path] = field(default_factory=list)
    formats: str | None = None
    week: str | None = None
    out: Path = Path("output")
    force: bool = False
    cache_dir: Path | None = None
    use_cache: bool = True
    allow_external: bool = False
    verify: bool = False
    # trace every number printed in the outputs to its source facts (``build --json`` provenance)
    provenance: bool = False
    title: str | None = None
    # watch mode: a source that turns empty mid-edit fails the build (last good outputs
    # stay) instead of silently dropping out of the report
    strict_sources: bool = False
    # render the brief and the deck at once in forked children (both cores); batch
    # workers turn it off, as they already fill the cores with whole reports, and so
    # does watch, whose later rebuilds need what in-process renders remember
    parallel_render: bool = True
    # batch workers and watch: a layout loaded before in this process is used again while none of
    # its files changed (layouts.reuse)
    reuse_layouts: bool = False
    # "What changed": None compares with the previous week's record of the same output when
    # the output folder has one; "previous" the same, with a warning when it has none;
    # "none" never; anything else is the path of an earlier build record
    compare: str | None = None


def parse_formats(text: str | None) -> list[str]:
    if text is None:
        return list(FORMATS)
    if not text.strip():
        raise ReportkitError("--format: give pdf, pptx or both (pdf,pptx)")
    wanted = [t.strip().lower() for t in text.split(",") if t.strip()]
    bad = [t for t in wanted if t not in FORMATS]
    if bad or not wanted:
        raise ReportkitError(f"--format: unknown format {', '.join(bad) if bad else repr(text)} (choose from pdf, pptx)")
    return list(dict.fromkeys(wanted))


def load_output_layouts(opts: BuildOptions) -> list[Layout]:
    """The layouts to build, filtered by ``--format``."""
    formats = parse_formats(opts.formats)
    # no layouts named: the project's layouts/, else the packaged defaults (the CLI says which)
    paths = opts.layouts or default_layouts(layout_folder()[0])
    layouts, problems = [], []
    # parsed layout files and checked fonts and logos kept from earlier builds (no PyYAML or
    # Pillow import in this process when they are unchanged)
    keep = kept_folder(_cache_dir(opts)) if opts.use_cache else None
    for p in paths:  # every problem of every layout at once (a shared brand's once), not the first
        try:
            layouts.append((load_layout_reused if opts.reuse_layouts else load_layout)(p, opts.allow_external, keep))
        except LayoutError as e:
            problems += problems_of(e)
    if problems:
        raise LayoutErrors(problems)
    chosen = [lay for lay in layouts if lay.format in formats]
    if not chosen:
        raise ReportkitError(f"no layout produces {', '.join(formats)} (layouts: {', '.join(map(str, paths))})")
    return chosen


def read_sources(opts: BuildOptions, progress: Progress, warn: Warn,
                 counts: dict[str, int] | None = None) -> list[Document]:
    """Stages read and facts, for every source; through the document cache unless
    ``--no-cache`` (``counts`` gets how many documents were read and how many came from it)."""
    from .doccache import DocumentCache
    from .readers import read_paths

    cache = DocumentCache(_cache_dir(opts) if opts.use_cache else None)
    with progress.stage("read"):
        docs, warnings = read_paths(opts.sources, cache.read)
        for w in warnings:
            if opts.strict_sources and ("skipped (empty" in w or "skipped (no text" in w):
                raise InputError(w.split(": skipped (", 1)[-1].rstrip(")") + " (is it being edited?)",
                                 w.split(": skipped (", 1)[0])
            warn(w)
    with progress.stage("facts"):
        cache.finish(docs)
    if counts is not None:
        counts.update(read=len(docs), from_cache=cache.hits)
    return docs


def _cache_dir(opts: BuildOptions) -> Path:
    """``--cache-dir``, else the default cache folder (charts, logos, documents)."""
    from .charts import default_cache_dir

    return opts.cache_dir or default_cache_dir()


def _needs_browser(opts: BuildOptions, layouts: list[Layout], week: Week) -> bool:
    """Whether this build will draw charts, so that its browser is best started now, in the
    background: an output needs chart images, the chart cache holds no image (or is off) and an
    output is to be built (forced, or never built in this folder). Chromium and plotly.js then
    load (≈3 s) while the sources are read and the report is assembled, not after."""
    imaging = [lay for lay in layouts if (lay.chart_ids() or lay.auto_chart_count())
               and (lay.format == "pdf" or (lay.deck and lay.deck.chart_mode == "image"))]
    if not imaging:
        return False
    # the charts package (and story with it) is imported after the render workers are forked
    cache = opts.cache_dir or _cache_dir(opts)
    # chart images live in two-letter folders; the deck's own entries (deck/, logos/) are not charts
    if opts.use_cache and cache.is_dir() and any(len(p.name) == 2 for p in cache.iterdir()):
        return False
    state = BuildState(opts.out)
    return opts.force or not all(state.has(opts.out / lay.output_name(week.label)) for lay in imaging)


def build_report(opts: BuildOptions, progress: Progress | None = None, warn: Warn = lambda _m: None) -> BuildSummary:
    """Build every output layout from ``opts.sources``; the heart of ``reportkit build``."""
    # a one-format build's workers import reportlab or python-pptx while this process imports its
    # stages, loads its layouts, reads and assembles (measured: 35-95 ms less). A build of both
    # outputs forks only the deck's worker now (its python-pptx import is the build's longest path)
    # and renders the brief here meanwhile: three processes would share two cores. A cold build
    # forks every output's worker once its layouts are loaded, before its browser's thread starts
    formats = parse_formats(opts.formats)
    early = formats if len(formats) == 1 else [f for f in formats if f == "pptx"]
    workers = prefork(early) if opts.parallel_render and early else None
    try:
        # every output's digest keys on one look at what is installed
        with installed.held():
            layouts = load_output_layouts(opts)
            week = parse_week(opts.week)
            one_layout_per_output(layouts, opts.out, week.label)
            prestarted = _needs_browser(opts, layouts, week)
            if workers is not None:  # before any thread starts
                assign_workers(workers, [lay.format for lay in layouts], one_here=len(formats) > 1 and not prestarted)
            if prestarted:
                if workers is None and opts.parallel_render:  # every fork before the browser's thread starts
                    workers = prefork([lay.format for lay in layouts])
                from .charts import prestart_browser

                prestart_browser()
            return _build(opts, layouts, week, prestarted, workers, progress or Progress(live=False), warn)
    finally:
        if workers is not None:
            workers.close()
            gc.unfreeze()


def _build(opts: BuildOptions, layouts: list[Layout], week: Week, prestarted: bool, workers: Workers | None,
           progress: Progress, warn: Warn) -> BuildSummary:
    """:func:`build_report` once its layouts are loaded (and its render workers forked)."""
    if prestarted:
        from .charts import wait_prestart_imports

        # until Chromium is launched, the browser thread is the critical path: its imports
        # (kaleido, ≈0.1-0.3 s) would otherwise share the interpreter with this process's own
        # (story) and with reading the sources
        wait_prestart_imports()
    from .story import compare, facts_by_part, key_figure_entries, record_changes, record_path, report_record

    summary = BuildSummary()

    def note(message: str) -> None:
        if message not in summary.warnings:  # both outputs may meet the same problem
            summary.warnings.append(message)
            warn(message)

    docs = read_sources(opts, progress, note, summary.documents)
    sde = source_date_epoch()
    remove_stale_temps(opts.out)  # leftovers of a killed build; never a live build's
    state = BuildState(opts.out)
    todo: list[tuple[Layout, list[Document], Path, str]] = []
    earlier: dict[str, tuple[Path, dict]] = {}
    probed: list[Path] = list(opts.layouts or default_layouts(layout_folder()[0]))
    sources_of: dict[str, list[Document]] = {}
    for lay in layouts:
        mine = sources_of[str(opts.out / lay.output_name(week.label))] = [
            d for d in docs if wanted(d, opts.sources, lay.content.sources)]
        for d in docs:  # a source that was read but is not used is said, never silent
            if not any(d is m for m in mine):
                note(f"{d.source}: left out of {lay.output_name(week.label)} "
                     f"(not matched by content.sources {lay.content.sources})")
        if not mine:
            raise ReportkitError(f"content.sources {lay.content.sources} matches none of the sources", lay.content_path)
        target = opts.out / lay.output_name(week.label)
        found = earlier_record(opts.compare, opts.out, lay, week, note)
        if found:
            earlier[str(lay.path)] = found
        probed += probed_files(opts.out, lay, mine, week)
        # the earlier record is an input: a changed or newly found one rebuilds the output
        digest = input_digest(input_files(lay, mine) + ([found[0]] if found else []), {
            "week": week.label, "epoch": sde.isoformat() if sde else None, "format": lay.format,
            "title": opts.title})
        if not opts.force and state.is_fresh(target, digest) and record_path(target).is_file():
            for w in state.warnings(target):  # what the build that made it said (a chart left out)
                note(w)
            summary.outputs.append(OutputInfo(str(target), lay.format, target.stat().st_size, sha256_file(target),
                                              "unchanged"))
            continue
        todo.append((lay, mine, target, digest))
    if workers is not None:  # an unchanged output's worker has nothing to do
        workers.keep([i for i, lay in enumerate(layouts) if any(t[0] is lay for t in todo)])
    summary.fast = {"files": list(dict.fromkeys(probed)), "folders": [p for p in opts.sources if p.is_dir()],
                    "week": week.label, "warnings": list(summary.warnings)}
    if not todo:
        _trace_sources(opts, summary, sources_of, progress)
        summary.timings = progress.timings
        return summary

    with progress.stage("assemble"):
        reports: dict[str, Report] = {}
        records: dict[str, dict] = {}
        said: dict[str, list[str]] = {}  # per output, its own warnings: kept in the state for unchanged builds
        for lay, mine, target, digest in todo:  # this output's own digest keys its report
            out_note = lambda m, own=said.setdefault(str(target), []): (own.append(m), note(m))  # noqa: E731
            report = _assemble(opts, lay, mine, week, digest, out_note)
            if opts.title:
                report.title = opts.title
            records[str(lay.path)] = report_record(report, lay.content.short_title, target.name)
            if str(lay.path) in earlier:
                report.changes = compare(earlier[str(lay.path)][1], records[str(lay.path)],
                                         lay.content.changes.max_lines)
                records[str(lay.path)]["changes"] = record_changes(report.changes, earlier[str(lay.path)][0].name)
            reports[str(lay.path)] = report
            summary.facts_printed[str(target)] = facts_by_part(report, lay)
        summary.facts_used = sorted({f for parts in summary.facts_printed.values() for ids in parts.values() for f in ids})
        summary.key_figures = key_figure_entries(list(reports.values()))
    # each output's record is written beside it before any output is put in place (a full disk fails
    # the build there, before any output is touched), and put in place right after the outputs: a
    # rename needs no space. Render workers get their tasks first: the record's fsync (1-70 ms on a
    # busy disk) is then no longer in their way (their outputs are staged until then, renderstage)
    staged: dict[str, Path] = {}

    def stage_records() -> None:
        for lay, _mine, target, _digest in todo:
            staged[str(target)] = _staged_record(target, records[str(lay.path)])

    try:
        return _render(opts, todo, reports, records, earlier, said, staged, stage_records, prestarted, workers,
                       state, summary, sources_of, note, progress)
    finally:
        for path in staged.values():  # not put in place: the build failed
            with contextlib.suppress(OSError):
                path.unlink()


def _staged_record(target: Path, record: dict) -> Path:
    """``record`` written beside the record of ``target`` (:func:`~reportkit.atomic.staged_as`: an
    error names the record), for :func:`~reportkit.atomic.publish` once the outputs are in place."""
    from .story import record_path, write_record

    path = record_path(target)
    staging = staging_path(path)
    with staged_as(path, staging):
        write_record(path, record)
    return staging


def _render(opts: BuildOptions, todo: list, reports: dict[str, Report], records: dict[str, dict],
            earlier: dict[str, tuple[Path, dict]], said: dict[str, list[str]], staged: dict[str, Path],
            stage_records: Callable[[], None], prestarted: bool, workers: Workers | None, state: BuildState, summary: BuildSummary,
            sources_of: dict[str, list[Document]], note: Warn, progress: Progress) -> BuildSummary:
    """:func:`_build` from its render on: chart images, outputs, then their records and state."""
    from .charts import points_json, text_numbers_json
    from .story import record_path

    images_for, results = render_outputs([(lay, target) for lay, _mine, target, _digest in todo], reports,
                                         opts.cache_dir, opts.use_cache, opts.parallel_render, prestarted, progress,
                                         workers, stage_records)
    charts_seen: dict[str, dict[str, object]] = {}
    for lay, _mine, _target, _digest in todo:
        report, images = reports[str(lay.path)], images_for[str(lay.path)]
        for cd in report.charts:
            entry = charts_seen.setdefault(cd.id, {"id": cd.id, "cached": None, "mode": "native", "title": cd.title,
                                                   "auto": cd.auto, "sources": list(cd.sources),
                                                   "points": points_json(cd), "text_numbers": text_numbers_json(cd)})
            if cd.id in images:
                entry["mode"] = "image"
                entry["cached"] = bool(images[cd.id].cached) and entry["cached"] is not False
    summary.charts = list(charts_seen.values())
    for (_lay, _mine, target, _digest), warnings in zip(todo, results):
        for w in warnings:
            said[str(target)].append(w)
            note(w)
    with progress.stage("render"):
        summary.fast["warnings"] = list(summary.warnings)  # an unchanged answer says them again
        built = []
        for lay, _mine, target, digest in todo:
            # the record goes beside its output once the output is in place (both atomic)
            publish(staged.pop(str(target)), record_path(target))
            sha = sha256_file(target)
            built.append((target, digest, sha, said[str(target)]))
            summary.outputs.append(OutputInfo(str(target), lay.format, target.stat().st_size, sha, "built"))
            changes = reports[str(lay.path)].changes
            summary.records.append({
                "output": str(target), "record": str(record_path(target)),
                "compared_with": str(earlier[str(lay.path)][0]) if str(lay.path) in earlier else None,
                "changes": {k: sum(1 for c in changes.all if c.kind == k) for k in CHANGE_KINDS} if changes else None,
            })
        state.record_all(built)  # once the outputs are in place: an output it misses is built again
    summary.outputs.sort(key=lambda o: FORMATS.index(o.format))
    if opts.verify:
        from .charts import text_problems
        from .verify import verify_files

        summary.verified = [o.path for o in summary.outputs]
        with progress.stage("verify"):
            for result in verify_files([Path(o.path) for o in summary.outputs]):
                summary.problems.extend(f"{result.path}: {p}" for p in result.problems)
            for lay, _mine, target, _digest in todo:
                for cd in reports[str(lay.path)].charts:
                    summary.problems.extend(f"{target}: chart {cd.id}: {p}" for p in text_problems(cd))
    _trace_sources(opts, summary, sources_of, progress)
    summary.timings = progress.timings
    return summary


def _assemble(opts: BuildOptions, lay: Layout, mine: list[Document], week: Week, digest: str,
              out_note: Warn) -> Report:
    """The report ``lay`` shows of ``mine``: kept from an earlier build of the same inputs and
    code (:mod:`reportkit.reportcache`; its warnings said again), else resolved and assembled."""
    from . import reportcache

    # --verify and --json read the quotes assembling finds in the documents themselves
    where = reportcache.folder(_cache_dir(opts)) if opts.use_cache and not (opts.verify or opts.provenance) else None
    name = reportcache.key(digest, lay.path) if where is not None else ""
    kept = reportcache.load(where, name)
    if kept is not None:
        report, said = kept
        for message in said:
            out_note(message)
        return report
    from .charts import resolve_charts
    from .story import assemble

    said = []
    heard = lambda m: (said.append(m), out_note(m))  # noqa: E731
    # each output's charts come from its own sources only (what its digest covers)
    chart_data = resolve_charts([lay], [f for d in mine for f in d.facts], heard, documents=mine)
    report = assemble(mine, lay, week, chart_data=chart_data, warn=heard)
    from .story import retitle

    # off_topic's masthead also under a build's --title (headers, metadata); that title is the user's: no note
    if (message := retitle(lay, report, mine)) is not None and not opts.title:
        heard(message)
    reportcache.keep(where, name, report, said)
    return report


def _trace_sources(opts: BuildOptions, summary: BuildSummary, sources_of: dict[str, list[Document]],
                   progress: Progress) -> None:
    """``provenance`` of every output (``--json``), and ``verify --sources`` problems (``--verify``)."""
    if not (opts.provenance or opts.verify):
        return
    from .verify import SourceIndex, file_label_problems, layout_words, source_problems, trace_file

    from .story import load_record

    compared = {r["output"]: r.get("compared_with") for r in summary.records}
    with progress.stage("provenance"):
        for out in summary.outputs:
            earlier = load_record(Path(compared[out.path]))["facts"] if compared.get(out.path) else None
            index = SourceIndex(sources_of.get(out.path, []), earlier)
            traces = trace_file(Path(out.path), index)
            if opts.provenance:
                summary.provenance[out.path] = [t.to_dict() for t in traces]
            if opts.verify:
                summary.problems.extend(f"{out.path}: sources: {p}" for p in source_problems(traces))
                author = layout_words(list(opts.layouts) or default_layouts(layout_folder()[0]))
                summary.problems.extend(f"{out.path}: sources: {p}" for p in
                                        file_label_problems(Path(out.path), index, author))

