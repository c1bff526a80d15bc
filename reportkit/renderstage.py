"""The last stages of a build: chart images, then every output, in forked children.

:func:`render_outputs` draws the chart images each output shows (one browser, the
on-disk cache) and renders the outputs, the brief and the deck at once in forked
children (:mod:`reportkit.forkrun`) when asked to.

A cold build (its browser started in the background, see ``build._prestart_browser``)
does not keep an output that shows no chart image (a deck of native charts) waiting
for Chromium: that output's child is forked as soon as the browser's thread has
finished importing (a fork during an import would leave the import's lock held in the
child), and it renders while Chromium starts and the brief's charts are drawn. It
writes beside its output (:func:`~reportkit.atomic.staging_path`), and its file is
put in place only when every output has been rendered, so a build that fails later
(a browser that cannot start, the brief's own error) leaves every output as it was.

A one-format build forks its render worker before it imports its stages and loads its
layouts (:func:`prefork`, :func:`assign_workers`: one per output): it imports its
renderer (≈0.1 s) while this process imports, loads, reads and assembles, then gets its
task, pickled, once the report is ready (:meth:`~reportkit.forkpool.Workers.run_each`). A
worker whose output turns out unchanged is stopped then; a build that fails before its
render stops them all, and no output is touched. A build of both outputs gained nothing
from it (measured: three processes share two cores), so it forks after assembly as above.
"""

from __future__ import annotations

import gc
import sys
from functools import partial
from pathlib import Path

from .atomic import publish, staging_path
from .errors import ReportkitError
from .forkpool import Task, Workers
from .forkrun import Child, can_fork, collect, run_tasks, start_task
from .layouts import Layout
from .model import RenderedChart, Report
from .progress import Progress

# (layout, output path) per output to build, in the build's order
Output = tuple[Layout, Path]


def draws_images(lay: Layout, report: Report) -> bool:
    """Whether this output shows chart images (a native-chart deck does not)."""
    return bool(report.charts) and (lay.format == "pdf" or bool(lay.deck and lay.deck.chart_mode == "image"))


def render_chart_images(lay: Layout, report: Report, cache_dir: Path | None, use_cache: bool,
                        progress: Progress) -> dict[str, RenderedChart]:
    """The chart images one output needs, in its own brand (none for a native-chart deck).

    Every call shares the process's one browser and the on-disk cache, so the
    brief and an image-mode deck of the same charts cost one render each.
    """
    if not draws_images(lay, report):
        return {}
    from .charts import render_charts

    with progress.stage("charts", f"({len(report.charts)})"):
        return render_charts(list(report.charts), lay.brand, cache_dir=cache_dir, use_cache=use_cache)


def render_output(lay: Layout, report: Report, images: dict[str, RenderedChart], target: Path,
                  cache_dir: Path | None, use_cache: bool) -> list[str]:
    """Render one output; returns its warnings. Module-level, so that a task made of it
    can be sent to a session's kept render worker (:func:`~reportkit.forkrun.kept_workers`)."""
    warnings: list[str] = []
    if lay.format == "pdf":
        from .render.pdf import render_pdf

        render_pdf(report, lay, images, target, cache_dir=cache_dir, use_cache=use_cache)
    else:
        from .render.pptx import render_pptx

        render_pptx(report, lay, images, target, warn=warnings.append, cache_dir=cache_dir, use_cache=use_cache)
    return warnings


def render_task(lay: Layout, report: Report, images: dict[str, RenderedChart], target: Path,
                cache_dir: Path | None, use_cache: bool) -> Task:
    """One output's render as a task for :mod:`~reportkit.forkrun` (a module-level function and
    its arguments: a task watch's kept render worker can be sent)."""
    return partial(render_output, lay, report, images, target, cache_dir, use_cache)


def warm_up(fmt: str) -> None:
    """Import what a render of ``fmt`` imports (its worker's work while the report is assembled)."""
    if fmt == "pdf":
        from .render.pdf import preload
    else:
        from .render.pptx import preload
    preload()


def prefork(formats: list[str]) -> Workers | None:
    """One render worker per format in ``formats``, forked now, each importing its renderer
    (:func:`assign_workers` matches them to the outputs once the layouts are loaded); None
    where this process must not fork: a session keeps its own workers (watch), or another
    thread runs (a fork during its import would leave the import's lock held in the child)."""
    threading = sys.modules.get("threading")
    if not can_fork() or (threading is not None and threading.active_count() > 1):
        return None
    workers = Workers()
    gc.freeze()  # what this process made stays out of the workers' collections (see forkrun.start_task)
    try:
        for fmt in formats:
            workers.spawn(partial(warm_up, fmt), fmt)
    except BaseException as e:  # interrupted while forking, or no fork to be had (EAGAIN, ENOMEM)
        workers.close()
        gc.unfreeze()
        if isinstance(e, OSError):
            return None  # the render stage forks (or renders here) as without
        raise
    return workers


def assign_workers(workers: Workers, formats: list[str]) -> None:
    """Give output i (of format ``formats[i]``) worker i from now on: :func:`prefork` forked one
    per format asked for before the layouts were known. A worker of a format no layout produces
    is stopped; a second output of a format gets a worker forked now (no other thread may run)."""
    free: dict[str, list[int]] = {}
    for i, fmt in enumerate(workers.tags):
        free.setdefault(fmt, []).append(i)
    order = []
    for fmt in formats:
        if not free.get(fmt):
            workers.spawn(partial(warm_up, fmt), fmt)
            free.setdefault(fmt, []).append(len(workers.pids) - 1)
        order.append(free[fmt].pop(0))
    workers.keep(order)


def render_outputs(outputs: list[Output], reports: dict[str, Report], cache_dir: Path | None, use_cache: bool,
                   parallel: bool, prestarted: bool, progress: Progress,
                   workers: Workers | None = None) -> tuple[dict[str, dict[str, RenderedChart]], list[list[str]]]:
    """Draw every output's chart images and render every output (``reports`` is keyed by
    layout path), output i in ``workers``' worker i when given (:func:`prefork`). Returns the
    images per layout path and each output's warnings, in order."""
    images: dict[str, dict[str, RenderedChart]] = {}
    early: dict[int, tuple[Child, Path]] = {}
    if prestarted and workers is None and parallel and len(outputs) > 1 and can_fork():
        early = _start_imageless(outputs, reports, cache_dir, use_cache)
    try:
        for i, (lay, _target) in enumerate(outputs):
            key = str(lay.path)
            images[key] = {} if i in early else render_chart_images(lay, reports[key], cache_dir, use_cache,
                                                                     progress)
        if prestarted:
            from .charts import wait_prestart

            wait_prestart()  # no import half done in a child; a later build in this process starts afresh
        with progress.stage("render"):
            tasks = [render_task(lay, reports[str(lay.path)], images[str(lay.path)], target, cache_dir, use_cache)
                     for lay, target in outputs]
            if workers is not None:
                try:
                    return images, workers.run_each(tasks)
                finally:
                    workers.close()  # done: one output each
            if not early:
                return images, run_tasks(tasks, parallel=parallel)
            children = [early[i][0] if i in early else start_task(tasks[i]) for i in range(len(outputs))]
            from .charts import close_browser

            close_browser()  # this one-off build draws nothing more: closed while its outputs render, not at exit
            results = _collect(children, {str(staged): outputs[i][1] for i, (_c, staged) in early.items()})
            for i, (_child, staged) in sorted(early.items()):
                publish(staged, outputs[i][1])
            return images, results
    finally:
        for child, staged in early.values():  # the build failed: nothing of it is put in place
            child.stop()
            staged.unlink(missing_ok=True)


def _start_imageless(outputs: list[Output], reports: dict[str, Report], cache_dir: Path | None,
                     use_cache: bool) -> dict[int, tuple[Child, Path]]:
    """Fork the outputs that show no chart image now, each writing to its staging path."""
    from .charts import wait_prestart_imports

    started: dict[int, tuple[Child, Path]] = {}
    for i, (lay, target) in enumerate(outputs):
        report = reports[str(lay.path)]
        if draws_images(lay, report):
            continue
        if not started:
            wait_prestart_imports()
        staged = staging_path(target)
        started[i] = (start_task(render_task(lay, report, {}, staged, cache_dir, use_cache)), staged)
    return started


def _collect(children: list[Child], real: dict[str, Path]) -> list[list[str]]:
    """:func:`~reportkit.forkrun.collect`, with an error about a staged file naming its output."""
    try:
        return collect(children)
    except ReportkitError as e:
        if e.path in real:
            e.path = str(real[e.path])
        raise
