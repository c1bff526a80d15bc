"""``reportkit batch``: many reports from one manifest, in parallel, sharded for CI.

The manifest (its format, checks and shards) is :mod:`reportkit.manifest`. Reports run in worker processes (``--jobs``); each worker
keeps one chart renderer (so at most one browser) for all its reports, and the
chart cache on disk is shared. ``--shard K/N`` keeps every N-th report starting
at the K-th, so N CI jobs build the manifest exactly once between them.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import stopping
from .errors import ReportkitError
from .manifest import Job, ManifestError, key_path, load_manifest, parse_shard, shard
from .workers import Outcome, run_pool

__all__ = ["BUILT", "FAILED", "NOT_RUN", "STATUSES", "UNCHANGED", "BatchInterrupted", "Job", "JobResult",
           "ManifestError", "junit_xml", "key_path", "largest_first", "load_manifest", "parse_shard", "preload",
           "results_table",
           "run_batch", "run_command", "run_job", "shard", "summary_json", "totals", "totals_line"]

#: The status words of a report, the same in the table, the totals, the summary JSON and JUnit.
BUILT, UNCHANGED, FAILED, NOT_RUN = "built", "unchanged", "failed", "not run"
STATUSES = (BUILT, UNCHANGED, FAILED, NOT_RUN)


@dataclass
class JobResult:
    """What became of one report: ``status`` is one of :data:`STATUSES`; ``error`` says why it
    failed or was not run; ``warnings`` are the build's warnings (a report with warnings is built)."""

    name: str
    status: str
    outputs: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


# -- workers -------------------------------------------------------------------

_worker_cache: dict[str, object] = {}


def _init_worker(cache_dir: str | None, use_cache: bool, force: bool) -> None:
    from . import atomic

    _worker_cache.update(cache_dir=cache_dir, use_cache=use_cache, force=force)
    # a worker lays out its next report while the files its last one replaced are deleted
    # (≈9 ms a report of waiting on the disk here); it never forks, so it may run that thread
    atomic.dispose_in_background()


def _end_worker() -> None:
    from . import atomic

    atomic.settle(stop=True)  # every replaced output deleted before the batch says it is done


#: How many distinct layout lists :func:`preload` loads to learn the formats (each costs ≈10-40 ms here)
_LAYOUT_SETS = 8


def preload(jobs: list[Job], cache_dir: Path | None = None, use_cache: bool = True) -> None:
    """Import what building any of ``jobs`` imports, in the batch process before its workers are
    forked from it (:mod:`reportkit.workers`), so that none imports it again: the build, and the
    renderers of the formats their layouts produce (reportlab, python-pptx). The layouts loaded to
    learn those formats stay parsed for the workers too. What only a report built anew needs (the
    readers, the fact extractors, the story stage: ≈0.15 s), and what a chart drawn anew needs
    (plotly, the browser), are left to the workers that meet one: a report whose story is in the
    report cache (the same sources and layouts, ``--force`` or another output folder) needs none,
    and the workers import them side by side, not one after the other before either starts."""
    from . import charts, doccache, installed, reportcache  # noqa: F401 - for the workers
    from .build import BuildOptions, load_output_layouts
    from .story import compare, facts_by_part, record_changes, report_record  # noqa: F401 - what every build uses

    installed.hold()  # the batch is built against what was installed when it started: looked at once
    installed.state()
    formats: set[str] = set()
    tried: set[tuple[tuple[str, ...], str | None]] = set()
    for job in jobs:
        key = (tuple(job.layouts), job.formats)
        if job.error or key in tried or len(tried) >= _LAYOUT_SETS or formats >= {"pdf", "pptx"}:
            continue
        tried.add(key)
        with contextlib.suppress(ReportkitError):  # the report's worker says what is wrong with them
            chosen = load_output_layouts(BuildOptions(layouts=[Path(p) for p in job.layouts], formats=job.formats,
                                                      reuse_layouts=True, cache_dir=cache_dir, use_cache=use_cache))
            formats |= {lay.format for lay in chosen}
    if "pdf" in formats:
        from .render.pdf import preload as brief_modules

        brief_modules()
    if "pptx" in formats:
        from .render.pptx import preload as deck_modules

        deck_modules()


def _source_bytes(job: Job) -> int:
    """How many bytes ``job``'s sources hold (the files, and the files directly in a folder)."""
    total = 0
    for source in job.sources:
        with contextlib.suppress(OSError):
            if not os.path.isdir(source):
                total += os.stat(source).st_size
                continue
            with os.scandir(source) as entries:
                for entry in entries:
                    with contextlib.suppress(OSError):
                        if entry.is_file():
                            total += entry.stat().st_size
    return total


def largest_first(jobs: list[Job]) -> list[int]:
    """The jobs' indexes, the reports with the most source bytes first (ties in manifest order).

    Each worker takes the next report when it is free, so the batch ends when the last report
    ends: started last, a large report kept one worker busy while the other had nothing left
    to do (measured: the two workers ended a fifth to half a report apart). Largest first, what
    is left at the end is the smallest reports. A report's time follows its sources' size (a
    bigger brief and deck); a report that failed in the manifest costs nothing and goes first.
    A fail-fast batch keeps the manifest's order: the reports after a failed one are not run."""
    sizes = [-1 if job.error else _source_bytes(job) for job in jobs]
    return sorted(range(len(jobs)), key=lambda i: (-sizes[i] if sizes[i] >= 0 else -(1 << 62), i))


def run_job(job: Job) -> JobResult:
    """Build one report (in a worker process); never raises."""
    from .build import BuildOptions, build_report

    start = time.perf_counter()
    if job.error:
        return JobResult(job.name, FAILED, error=job.error)
    cache_dir = _worker_cache.get("cache_dir")
    opts = BuildOptions(
        sources=[Path(s) for s in job.sources], layouts=[Path(p) for p in job.layouts], formats=job.formats,
        week=job.week, out=Path(job.out), force=bool(_worker_cache.get("force")),
        cache_dir=Path(cache_dir) if cache_dir else None, use_cache=bool(_worker_cache.get("use_cache", True)),
        title=job.title, parallel_render=False, reuse_layouts=True,
    )
    warnings: list[str] = []  # kept when the build fails too: they may say why
    try:
        summary = build_report(opts, warn=warnings.append)
    except ReportkitError as e:
        return JobResult(job.name, FAILED, error=str(e), seconds=time.perf_counter() - start, warnings=warnings)
    except Exception as e:  # noqa: BLE001 - one report's bug must not stop the batch
        return JobResult(job.name, FAILED, error=f"internal error: {e.__class__.__name__}: {e}",
                         seconds=time.perf_counter() - start, warnings=warnings)
    status = UNCHANGED if all(o.status == "unchanged" for o in summary.outputs) else BUILT
    outputs = [o.path for o in summary.outputs]
    if summary.problems:
        status = FAILED
    return JobResult(job.name, status, outputs, "; ".join(summary.problems) or None, time.perf_counter() - start,
                     summary.warnings)


class BatchInterrupted(Exception):
    """A signal stopped the batch; ``results`` has every report (the unfinished ones not run)."""

    def __init__(self, results: list[JobResult], code: int) -> None:
        super().__init__("interrupted")
        self.results = results
        self.code = code


def _stop_browser() -> None:
    """In a worker being stopped: kill its chart browser (it lives in its own session)."""
    import sys

    if "reportkit.charts.render" in sys.modules:
        from .charts import abandon_browser

        abandon_browser()


def run_batch(jobs: list[Job], jobs_n: int, cache_dir: Path | None, use_cache: bool, force: bool,
              fail_fast: bool, on_done: Callable[[JobResult], None] = lambda _r: None,
              timeout: float | None = None, on_started: Callable[[], None] = lambda: None) -> list[JobResult]:
    """Build ``jobs`` in ``jobs_n`` worker processes; results in manifest order.

    The workers are forked from this process once it has imported what the reports need
    (:func:`preload`); ``on_started`` runs when they are (a progress bar's thread may start then).

    A report whose worker dies (killed, out of memory) or that runs longer than
    ``timeout`` seconds fails alone; its worker is replaced. On SIGINT/SIGTERM the
    workers are stopped and :class:`BatchInterrupted` carries the results so far, so
    the caller can still write its summary and JUnit report.
    """
    init = (str(cache_dir) if cache_dir else None, use_cache, force)
    results: dict[str, JobResult] = {}

    def done(o: Outcome) -> None:
        job = jobs[o.index]
        r = o.result if o.failure is None else JobResult(job.name, FAILED, error=o.failure, seconds=o.seconds)
        results[job.name] = r
        on_done(r)

    stopped: BaseException | None = None
    try:
        run_pool(jobs, max(1, jobs_n), run_job, init=_init_worker, initargs=init, on_term=_stop_browser, fini=_end_worker,
                 timeout=timeout, stop_when=lambda o: fail_fast and (o.failure is not None or
                                                                      o.result.status == FAILED),
                 on_done=done, warm=lambda: preload(jobs, cache_dir, use_cache), on_started=on_started,
                 order=None if fail_fast else largest_first(jobs))  # fail-fast: "earlier" is the manifest's
    except (KeyboardInterrupt, SystemExit) as e:
        stopped = e
    why = "an earlier report failed (--fail-fast)" if stopped is None else "interrupted"
    final = [results.get(j.name) or JobResult(j.name, NOT_RUN, error=why) for j in jobs]
    if stopped is not None:
        code = 130 if isinstance(stopped, KeyboardInterrupt) else int(getattr(stopped, "code", 143) or 143)
        raise BatchInterrupted(final, code) from None
    return final


def totals(results: list[JobResult]) -> dict[str, int]:
    """How many reports have each status (every status word, zeros included), and warnings."""
    counts = {st: sum(r.status == st for r in results) for st in STATUSES}
    return {"reports": len(results), **counts, "warnings": sum(len(r.warnings) for r in results)}


def totals_line(results: list[JobResult]) -> str:
    """``4 reports: 2 built, 1 unchanged, 1 failed, 0 not run; 3 warnings``."""
    t = totals(results)
    line = f"{t['reports']} reports: " + ", ".join(f"{t[st]} {st}" for st in STATUSES)
    return line + (f"; {t['warnings']} warning{'s' if t['warnings'] != 1 else ''}" if t["warnings"] else "")


def results_table(results: list[JobResult]) -> str:
    """The table ``batch`` prints: status, report, time, warning count, outputs or error."""
    width = max([6, *(len(r.name) for r in results)])
    lines = [f"{'status':<9}  {'report':<{width}}  {'time':>8}  {'warnings':>8}  outputs / error"]
    for r in results:
        lines.append(f"{r.status:<9}  {r.name:<{width}}  {r.seconds:6.2f} s  {len(r.warnings):>8}  "
                     f"{r.error or ', '.join(r.outputs)}")
    return "\n".join(lines)


def summary_json(results: list[JobResult], error: ReportkitError | None = None) -> dict[str, object]:
    """The ``--summary`` file: ``ok``, every report (status, outputs, error, seconds, warnings) and the
    totals; with ``error`` (the manifest could not be used) no reports and the problems found."""
    problems = (error.problems if isinstance(error, ManifestError) else [error.message]) if error else []
    return {"ok": error is None and not any(r.status in (FAILED, NOT_RUN) for r in results),
            "error": {"file": error.path, "problems": problems} if error else None,
            "reports": [asdict(r) for r in results], "totals": totals(results)}


def junit_xml(results: list[JobResult], suite: str = "reportkit.batch") -> str:
    """A JUnit XML report: one test case per report. A failed report is a failure, a report
    not run is skipped; built and unchanged reports pass. ``<system-out>`` says the status,
    the outputs and every warning, so a report that lost a chart is visible in CI."""
    from xml.sax.saxutils import escape, quoteattr

    failures = sum(r.status == FAILED for r in results)
    skipped = sum(r.status == NOT_RUN for r in results)
    total = sum(r.seconds for r in results)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuite name={quoteattr(suite)} tests="{len(results)}" failures="{failures}" errors="0" '
           f'skipped="{skipped}" time="{total:.3f}">']
    for r in results:
        out.append(f'  <testcase classname={quoteattr(suite)} name={quoteattr(r.name)} time="{r.seconds:.3f}">')
        if r.status == FAILED:
            out.append(f'    <failure message={quoteattr(r.error or FAILED)}>{escape(r.error or "")}</failure>')
        elif r.status == NOT_RUN:
            out.append(f'    <skipped message={quoteattr(f"not run: {r.error}" if r.error else NOT_RUN)}/>')
        lines = [f"status: {r.status}", *(f"output: {o}" for o in r.outputs), *(f"warning: {w}" for w in r.warnings)]
        out.append(f"    <system-out>{escape(chr(10).join(lines))}</system-out>")
        out.append("  </testcase>")
    out.append("</testsuite>")
    return "\n".join(out) + "\n"


def run_command(manifest: Path, *, jobs: int | None, shard_spec: str | None, force: bool, fail_fast: bool,
                summary: Path | None, junit: Path | None, quiet: bool, cache_dir: Path | None, use_cache: bool,
                timeout: float | None, echo: Callable[..., None], warn: Callable[[str], None]) -> int:
    """``reportkit batch``: build the manifest's reports, write the summary and JUnit files (also
    when the manifest is bad or the run is interrupted), print the table; the exit code."""
    import json
    import sys

    from .atomic import write_bytes
    from .progress import report_bar
    from .workers import usable_workers

    def write_summary(results: list[JobResult], error: ReportkitError | None = None) -> None:
        if summary:
            write_bytes(summary, (json.dumps(summary_json(results, error), indent=2) + "\n").encode())

    from .charts import default_cache_dir

    try:  # a manifest checked before is kept in the cache folder the reports use (not checked again)
        selected = shard(load_manifest(manifest, (cache_dir or default_cache_dir()) if use_cache else None),
                         parse_shard(shard_spec))
    except ReportkitError as e:  # CI still finds a summary saying why nothing was built
        write_summary([], e)
        raise
    # each worker may start a Chromium: more than the cores, or than memory holds, only thrashes
    workers, note = usable_workers(jobs or os.cpu_count() or 1)
    if note and jobs:
        warn(note)
    stopped: BatchInterrupted | None = None
    with contextlib.ExitStack() as bar:
        advance: list[Callable[[JobResult], None]] = [lambda _r: None]

        def show_bar() -> None:  # once the workers are forked: its refresh thread must not run at a fork
            advance[0] = bar.enter_context(report_bar(len(selected), quiet or not sys.stderr.isatty()))

        try:
            results = run_batch(selected, workers, cache_dir, use_cache, force, fail_fast,
                                on_done=lambda r: advance[0](r), timeout=timeout, on_started=show_bar)
        except BatchInterrupted as e:  # still write the summary and JUnit report: CI shows what happened
            stopped, results = e, e.results
            # the signal is acted on (exit 128 + signal below): it no longer refuses these two files
            stopping.clear()
    write_summary(results)
    if junit:
        write_bytes(junit, junit_xml(results).encode())
    for r in results:
        for w in r.warnings:
            warn(f"{r.name}: {w}")
    echo(results_table(results))
    echo(totals_line(results))
    if stopped is not None:
        echo("interrupted", err=True)
        return stopped.code
    return 1 if any(r.status == FAILED for r in results) else 0
