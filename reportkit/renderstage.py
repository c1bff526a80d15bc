"""The last stages of a build: chart images, then every output, in forked children.

:func:`render_outputs` draws the chart images each output shows (one browser, the
on-disk cache) and renders the outputs, the brief and the deck at once in forked
children (:mod:`reportkit.forkrun`) when asked to.

No fork is made while another thread runs (:func:`reportkit.forkpool.fork`): a lock that
thread holds then stays held for ever in the child. A build that will start the chart browser
in the background (a cold build, ``build._prestart_browser``) therefore forks one render worker
per output first (:func:`prefork`), before the browser's thread starts, and sends each its task
(:meth:`~reportkit.forkpool.Workers.send`) as soon as that task can be made: an output that shows
no chart image (a deck of native charts) renders while Chromium starts and the brief's charts are
drawn, the brief once its charts are drawn. A build of two outputs or more writes each beside
its output (:func:`~reportkit.atomic.staged_as`, :func:`~reportkit.atomic.staging_path`), put in
place only when every output has been rendered, so a build that fails later (a browser that
cannot start, a broken deck template, the brief's own error) leaves every output as it was, in
workers, forked children or this process alike. Where no worker could be forked, the browser this build
started is closed before its outputs fork (or they render here).

A one-format build forks its render worker before it imports its stages and loads its
layouts (:func:`prefork`, :func:`assign_workers`: one per output): it imports its
renderer (≈0.1 s) while this process imports, loads, reads and assembles, then gets its
task, pickled, once the report is ready. A worker whose output is unchanged is
stopped then; a build that fails before its render stops them all, and no output is
touched. A warm build of both outputs forks the deck's worker only (python-pptx's import is
half of the deck's render, the build's longest path) and renders the brief in this process
while the deck renders (a slot with no worker, ``Workers.here``): forking the brief's worker
too gained nothing (three processes share two cores).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from .atomic import publish_all, staged_as, staging_path
from .errors import ImageNotReady
from .forkpool import Task, Workers, fork_safe, outcome, settle, warnings_of
from .forkrun import can_fork, run_tasks
from .model import RenderedChart, Report
from .progress import Progress

if TYPE_CHECKING:
    from .layouts import Layout

# (layout, output path) per output to build, in the build's order
Output = tuple["Layout", Path]


def draws_images(lay: Layout, report: Report) -> bool:
    """Whether this output shows chart images (a native-chart deck does not)."""
    return bool(report.charts) and (lay.format == "pdf" or bool(lay.deck and lay.deck.chart_mode == "image"))


def render_chart_images(lay: Layout, report: Report, cache_dir: Path | None, use_cache: bool,
                        progress: Progress, formats: tuple[str, ...] = ("png", "svg")) -> dict[str, RenderedChart]:
    """The chart images one output needs, in its own brand (none for a native-chart deck).

    Every call shares the process's one browser and the on-disk cache, so the
    brief and an image-mode deck of the same charts cost one render each.
    """
    if not draws_images(lay, report):
        return {}
    from .charts import render_charts

    with progress.stage("charts", f"({len(report.charts)})"):
        return render_charts(list(report.charts), lay.brand, formats=formats, cache_dir=cache_dir, use_cache=use_cache)


def pngs_later(lay: Layout) -> bool:
    """Whether this output can get its task before its charts' PNGs are drawn: a brief that shows
    its charts as SVGs (render/pdf/story.py, ``chart_format``) uses a PNG only where an SVG cannot
    be read, and then says so (:class:`~reportkit.errors.ImageNotReady`) and is made again."""
    return lay.format == "pdf" and (lay.pdf.chart_format if lay.pdf else "svg") == "svg"


def with_pngs(svgs: dict[str, RenderedChart], pngs: dict[str, RenderedChart]) -> dict[str, RenderedChart]:
    """Each chart's SVG and its PNG, drawn apart, as one :class:`RenderedChart` (the same as
    rendering both formats at once: cached only when both came from the cache)."""
    return {cid: replace(rc, png=pngs[cid].png, cached=rc.cached and pngs[cid].cached) if cid in pngs else rc
            for cid, rc in svgs.items()}


def render_output(lay: Layout, report: Report, images: dict[str, RenderedChart], target: Path,
                  cache_dir: Path | None, use_cache: bool, staging: Path | None = None,
                  pngs_pending: bool = False) -> list[str]:
    """Render one output; returns its warnings. Module-level, so that a task made of it
    can be sent to a session's kept render worker (:func:`~reportkit.forkrun.kept_workers`).
    With ``staging``, the output is written there, for :func:`~reportkit.atomic.publish` later.
    ``pngs_pending``: a brief sent before its PNGs are drawn (:func:`pngs_later`)."""
    if staging is not None:
        with staged_as(target, staging):
            return render_output(lay, report, images, target, cache_dir, use_cache, None, pngs_pending)
    warnings: list[str] = []
    if lay.format == "pdf":
        from .render.pdf import render_pdf

        render_pdf(report, lay, images, target, cache_dir=cache_dir, use_cache=use_cache, pngs_pending=pngs_pending,
                   warn=warnings.append)
    else:
        from .render.pptx import render_pptx

        render_pptx(report, lay, images, target, warn=warnings.append, cache_dir=cache_dir, use_cache=use_cache)
    return warnings


def render_task(lay: Layout, report: Report, images: dict[str, RenderedChart], target: Path,
                cache_dir: Path | None, use_cache: bool, staging: Path | None = None,
                pngs_pending: bool = False) -> Task:
    """One output's render as a task for :mod:`~reportkit.forkrun` (a module-level function and
    its arguments: a task watch's kept render worker can be sent)."""
    if pngs_pending:
        return partial(render_output, lay, report, images, target, cache_dir, use_cache, staging, True)
    return partial(render_output, lay, report, images, target, cache_dir, use_cache, staging)


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
    thread runs (:func:`~reportkit.forkpool.fork_safe`)."""
    if not can_fork() or not fork_safe():
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


def assign_workers(workers: Workers, formats: list[str], one_here: bool = False) -> None:
    """Give output i (of format ``formats[i]``) worker i from now on: :func:`prefork` forked one
    per format asked for before the layouts were known. A worker of a format no layout produces
    is stopped; a second output of a format gets a worker forked now (no other thread may run),
    except, with ``one_here``, the first output left without one: it renders in this process."""
    free: dict[str, list[int]] = {}
    for i, fmt in enumerate(workers.tags):
        free.setdefault(fmt, []).append(i)
    order = []
    for fmt in formats:
        if not free.get(fmt):
            if one_here:
                workers.here(fmt)
                one_here = False
            else:
                workers.spawn(partial(warm_up, fmt), fmt)
            free.setdefault(fmt, []).append(len(workers.pids) - 1)
        order.append(free[fmt].pop(0))
    workers.keep(order)


def render_outputs(outputs: list[Output], reports: dict[str, Report], cache_dir: Path | None, use_cache: bool,
                   parallel: bool, prestarted: bool, progress: Progress, workers: Workers | None = None,
                   before_render: Callable[[], None] = lambda: None,
                   ) -> tuple[dict[str, dict[str, RenderedChart]], list[list[str]]]:
    """Draw every output's chart images and render every output (``reports`` is keyed by
    layout path), output i in ``workers``' worker i when given (:func:`prefork`). Returns the
    images per layout path and each output's warnings, in order. ``before_render`` (the build
    writes its records) runs before any output can be put in place: once the workers have their
    tasks (their outputs are staged until then), else before the renders start."""
    if workers is not None:
        try:
            return _render_in_workers(outputs, reports, cache_dir, use_cache, prestarted, progress, workers,
                                      before_render)
        finally:
            workers.close()  # done: one output each
    images: dict[str, dict[str, RenderedChart]] = {}
    threadless = fork_safe()
    for lay, _target in outputs:
        images[str(lay.path)] = render_chart_images(lay, reports[str(lay.path)], cache_dir, use_cache, progress)
    if prestarted:
        from .charts import wait_prestart

        wait_prestart()  # a later build in this process starts afresh
    if parallel and len(outputs) > 1 and can_fork() and (prestarted or threadless) and not fork_safe():
        from .charts import close_browser

        close_browser()  # the browser this build started: its threads end, so the outputs may fork
        settle()  # once they have exited: a joined thread is still an OS thread for a moment
    before_render()
    with progress.stage("render"):
        # two outputs or more: each is written beside its own and put in place only once every one
        # has rendered, so a build that fails in one (a broken template) leaves the others as they were
        staged = {i: staging_path(target) for i, (_lay, target) in enumerate(outputs)} if len(outputs) > 1 else {}
        tasks = [render_task(lay, reports[str(lay.path)], images[str(lay.path)], target, cache_dir, use_cache,
                             staged.get(i)) for i, (lay, target) in enumerate(outputs)]
        try:
            warnings = run_tasks(tasks, parallel=parallel)  # here while a thread still runs
            publish_all([(path, outputs[i][1]) for i, path in sorted(staged.items())])
        finally:
            for path in staged.values():  # what was not put in place (the build failed)
                with contextlib.suppress(OSError):  # none written (the output folder is a file)
                    path.unlink()
        return images, warnings


def _render_in_workers(outputs: list[Output], reports: dict[str, Report], cache_dir: Path | None, use_cache: bool,
                       prestarted: bool, progress: Progress, workers: Workers,
                       before_render: Callable[[], None]) -> tuple[dict[str, dict[str, RenderedChart]], list[list[str]]]:
    """:func:`render_outputs` in workers forked earlier: each output's task is sent as soon as
    its images are drawn, an output that shows none first (it renders while the charts are
    drawn, written beside its output until every output is rendered), a brief of SVG charts once
    its SVGs are drawn (it renders while their PNGs, its fallback, are drawn; made again with them
    when it says it needs one). A task that cannot be sent runs here once every other is sent."""
    draws = [draws_images(lay, reports[str(lay.path)]) for lay, _target in outputs]
    images: dict[str, dict[str, RenderedChart]] = {}
    staged: dict[int, Path] = {}
    here: dict[int, Task] = {}
    sent: list[int] = []
    early: dict[int, Path] = {}  # sent before its PNGs were drawn: its target
    done = False
    threadless = fork_safe()  # a thread running at the render stage is then a browser this build started

    def task_of(i: int, target: Path, pngs_pending: bool = False) -> Task:
        lay = outputs[i][0]
        # put in place once every output has rendered (see render_outputs) and the records are written
        staged[i] = staging_path(target)
        return render_task(lay, reports[str(lay.path)], images[str(lay.path)], target, cache_dir, use_cache,
                           staged.get(i), pngs_pending)

    def send(i: int, target: Path, pngs_pending: bool = False) -> None:
        task = task_of(i, target, pngs_pending)
        if workers.send(i, task):
            sent.append(i)
            if pngs_pending:
                early[i] = target
        elif not pngs_pending:  # one that could not go early goes with its PNGs, below
            here[i] = task

    try:
        for i, (lay, target) in enumerate(outputs):
            if not draws[i]:
                images[str(lay.path)] = {}
                send(i, target)
        svgs: dict[int, dict[str, RenderedChart]] = {}
        for i, (lay, target) in enumerate(outputs):
            if draws[i] and pngs_later(lay):
                images[str(lay.path)] = svgs[i] = render_chart_images(lay, reports[str(lay.path)], cache_dir,
                                                                      use_cache, progress, ("svg",))
                send(i, target, pngs_pending=True)
        for i, (lay, target) in enumerate(outputs):
            if draws[i] and i in svgs:
                pngs = render_chart_images(lay, reports[str(lay.path)], cache_dir, use_cache, progress, ("png",))
                images[str(lay.path)] = with_pngs(svgs[i], pngs)
                if i not in early:
                    send(i, target)
            elif draws[i]:
                images[str(lay.path)] = render_chart_images(lay, reports[str(lay.path)], cache_dir, use_cache,
                                                            progress)
                send(i, target)
        before_render()  # every task that could go is rendering
        with progress.stage("render"):
            if prestarted:
                from .charts import close_browser, wait_prestart

                wait_prestart()  # a later build in this process starts afresh
                close_browser()  # this one-off build draws nothing more: closed while its outputs render
            elif threadless and here and not fork_safe():  # started on a chart-cache miss: as above
                from .charts import close_browser

                close_browser()
            results = {i: outcome(task) for i, task in here.items()}
            results.update({i: workers.receive(i) for i in sent})
            for i, target in early.items():
                if results[i].get("kind") == ImageNotReady.__name__:  # an SVG it cannot read: again, with PNGs
                    task = task_of(i, target)
                    results[i] = workers.receive(i) if workers.send(i, task) else outcome(task)
            warnings = warnings_of([results[i] for i in sorted(results)])
        publish_all([(path, outputs[i][1]) for i, path in sorted(staged.items())])
        done = True
        return images, warnings
    finally:
        if not done:  # the build failed or was interrupted: nothing of it is put in place
            workers.close()
            for path in staged.values():
                with contextlib.suppress(OSError):
                    path.unlink()
