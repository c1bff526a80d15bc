"""``reportkit batch``: many reports from one manifest, in parallel, sharded for CI.

A manifest is YAML::

    defaults:                 # shared by every report (all keys optional)
      sources: [seeds/]
      layouts: [layouts/weekly-brief.yaml, layouts/briefing-deck.yaml]
      formats: pdf,pptx
      out: output/batch/{name}
    reports:
      - name: brief-2026-W45
        week: 2026-W45
      - name: gas-only
        sources: ["seeds/002_*.txt"]
        title: Mexico gas brief

Paths and globs are relative to the manifest's folder; ``{name}`` in ``out`` is
the report's name. Reports run in worker processes (``--jobs``); each worker
keeps one chart renderer (so at most one browser) for all its reports, and the
chart cache on disk is shared. ``--shard K/N`` keeps every N-th report starting
at the K-th, so N CI jobs build the manifest exactly once between them.
"""

from __future__ import annotations

import glob
import os
import re
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pydantic import Field, field_validator

from .layouts import Strict
from .errors import LayoutError, ReportkitError
from .placeholders import TemplateError, fill
from .workers import Outcome, run_pool
from .layouts import read_yaml as _read_yaml, validate_model as _validate

NOT_RUN = "not run (--fail-fast)"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class ReportEntry(Strict):
    name: str | None = None
    sources: list[str] | None = None
    layouts: list[str] | None = None
    formats: str | None = None
    week: str | None = None
    title: str | None = None
    out: str | None = None

    @field_validator("name")
    @classmethod
    def _name(cls, v: str | None) -> str | None:
        if v is not None and not _NAME.match(v):
            raise ValueError("use letters, digits, '.', '_' and '-' only")
        return v


class Manifest(Strict):
    defaults: ReportEntry = Field(default_factory=ReportEntry)
    reports: list[ReportEntry] = Field(min_length=1)


@dataclass
class Job:
    """One report to build, with every path resolved."""

    name: str
    sources: list[str]
    layouts: list[str]
    formats: str | None
    week: str | None
    title: str | None
    out: str
    error: str | None = None  # a problem found while reading the manifest: this report fails alone


@dataclass
class JobResult:
    name: str
    status: str  # ok | skipped | failed
    outputs: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0


def load_manifest(path: Path) -> list[Job]:
    """Read and check a manifest; every error names the manifest and the key path."""
    m: Manifest = _validate(Manifest, _read_yaml(path), path)
    base = path.parent
    jobs: list[Job] = []
    seen: set[str] = set()
    for i, entry in enumerate(m.reports):
        merged = {k: v for k, v in m.defaults.model_dump().items() if v is not None}
        merged.update({k: v for k, v in entry.model_dump().items() if v is not None})
        name = merged.get("name") or f"report-{i + 1}"
        if "name" in m.defaults.model_fields_set:
            raise LayoutError("defaults.name: a name belongs to each report, not the defaults", path)
        if name in seen:
            raise LayoutError(f"reports.{i}.name: duplicate report name {name!r}", path)
        seen.add(name)
        sources: list[str] = []
        error = None
        for pat in merged.get("sources") or ["seeds/"]:
            hits = sorted(glob.glob(str(base / pat), recursive=True))
            if not hits and error is None:
                # one report's missing sources must not stop the others
                error = f"{path}: reports.{i}.sources: nothing matches {pat!r}"
            sources.extend(hits)
        layouts = [str(base / p) for p in merged.get("layouts") or []]
        try:
            out = str(base / fill(str(merged.get("out") or "output/{name}"), {"name": name}))
        except TemplateError as e:
            raise LayoutError(f"reports.{i}.out: {e}", path) from None
        jobs.append(Job(name, sources, layouts, merged.get("formats"), merged.get("week"),
                        merged.get("title"), out, error))
    return jobs


def parse_shard(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
    if not m or not (1 <= int(m.group(1)) <= int(m.group(2))):
        raise ReportkitError(f"--shard: expected K/N with 1 <= K <= N, got {text!r}")
    return int(m.group(1)), int(m.group(2))


def shard(jobs: list[Job], spec: tuple[int, int] | None) -> list[Job]:
    """The K-th of N interleaved slices, in manifest order (stable across machines)."""
    if spec is None:
        return jobs
    k, n = spec
    return [j for i, j in enumerate(jobs) if i % n == k - 1]


# -- workers -------------------------------------------------------------------

_worker_cache: dict[str, object] = {}


def _init_worker(cache_dir: str | None, use_cache: bool, force: bool) -> None:
    _worker_cache.update(cache_dir=cache_dir, use_cache=use_cache, force=force)


def run_job(job: Job) -> JobResult:
    """Build one report (in a worker process); never raises."""
    from .build import BuildOptions, build_report

    start = time.perf_counter()
    if job.error:
        return JobResult(job.name, "failed", error=job.error)
    cache_dir = _worker_cache.get("cache_dir")
    opts = BuildOptions(
        sources=[Path(s) for s in job.sources], layouts=[Path(p) for p in job.layouts], formats=job.formats,
        week=job.week, out=Path(job.out), force=bool(_worker_cache.get("force")),
        cache_dir=Path(cache_dir) if cache_dir else None, use_cache=bool(_worker_cache.get("use_cache", True)),
        title=job.title, parallel_render=False,
    )
    try:
        summary = build_report(opts)
    except ReportkitError as e:
        return JobResult(job.name, "failed", error=str(e), seconds=time.perf_counter() - start)
    except Exception as e:  # noqa: BLE001 - one report's bug must not stop the batch
        return JobResult(job.name, "failed", error=f"internal error: {e.__class__.__name__}: {e}",
                         seconds=time.perf_counter() - start)
    status = "skipped" if all(o.status == "unchanged" for o in summary.outputs) else "ok"
    if summary.problems:
        return JobResult(job.name, "failed", [o.path for o in summary.outputs], "; ".join(summary.problems),
                         time.perf_counter() - start)
    return JobResult(job.name, status, [o.path for o in summary.outputs], None, time.perf_counter() - start)


class BatchInterrupted(Exception):
    """A signal stopped the batch; ``results`` has every report (the unfinished ones skipped)."""

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
              timeout: float | None = None) -> list[JobResult]:
    """Build ``jobs`` in ``jobs_n`` worker processes; results in manifest order.

    A report whose worker dies (killed, out of memory) or that runs longer than
    ``timeout`` seconds fails alone; its worker is replaced. On SIGINT/SIGTERM the
    workers are stopped and :class:`BatchInterrupted` carries the results so far, so
    the caller can still write its summary and JUnit report.
    """
    init = (str(cache_dir) if cache_dir else None, use_cache, force)
    results: dict[str, JobResult] = {}

    def done(o: Outcome) -> None:
        job = jobs[o.index]
        r = o.result if o.failure is None else JobResult(job.name, "failed", error=o.failure, seconds=o.seconds)
        results[job.name] = r
        on_done(r)

    stopped: BaseException | None = None
    try:
        run_pool(jobs, max(1, jobs_n), run_job, init=_init_worker, initargs=init, on_term=_stop_browser,
                 timeout=timeout, stop_when=lambda o: fail_fast and (o.failure is not None or
                                                                      o.result.status == "failed"),
                 on_done=done)
    except (KeyboardInterrupt, SystemExit) as e:
        stopped = e
    why = NOT_RUN if stopped is None else "not run (interrupted)"
    final = [results.get(j.name) or JobResult(j.name, "skipped", error=why) for j in jobs]
    if stopped is not None:
        code = 130 if isinstance(stopped, KeyboardInterrupt) else int(getattr(stopped, "code", 143) or 143)
        raise BatchInterrupted(final, code) from None
    return final


def summary_json(results: list[JobResult]) -> dict[str, object]:
    return {"reports": [asdict(r) for r in results]}


def junit_xml(results: list[JobResult], suite: str = "reportkit.batch") -> str:
    """A JUnit XML report: one test case per report (failures carry the error)."""
    from xml.sax.saxutils import escape, quoteattr

    failures = sum(r.status == "failed" for r in results)
    skipped = sum(r.status == "skipped" for r in results)
    total = sum(r.seconds for r in results)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuite name={quoteattr(suite)} tests="{len(results)}" failures="{failures}" errors="0" '
           f'skipped="{skipped}" time="{total:.3f}">']
    for r in results:
        out.append(f'  <testcase classname={quoteattr(suite)} name={quoteattr(r.name)} time="{r.seconds:.3f}">')
        if r.status == "failed":
            out.append(f'    <failure message={quoteattr(r.error or "failed")}>{escape(r.error or "")}</failure>')
        elif r.status == "skipped":
            out.append(f'    <skipped message={quoteattr(r.error or "inputs unchanged")}/>')
        if r.outputs:
            out.append(f"    <system-out>{escape(chr(10).join(r.outputs))}</system-out>")
        out.append("  </testcase>")
    out.append("</testsuite>")
    return "\n".join(out) + "\n"
