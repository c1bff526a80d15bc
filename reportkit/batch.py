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

#: The status words of a report, the same in the table, the totals, the summary JSON and JUnit.
BUILT, UNCHANGED, FAILED, NOT_RUN = "built", "unchanged", "failed", "not run"
STATUSES = (BUILT, UNCHANGED, FAILED, NOT_RUN)
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


class ManifestError(LayoutError):
    """Every problem of a manifest at once, each ``<manifest>: <key path>: <problem>``."""

    def __init__(self, problems: list[str], path: Path) -> None:
        super().__init__("\n".join(problems), path)
        self.problems = problems

    def lines(self) -> list[str]:
        return [f"{self.path}: {p}" for p in self.problems]


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
    """What became of one report: ``status`` is one of :data:`STATUSES`; ``error`` says why it
    failed or was not run; ``warnings`` are the build's warnings (a report with warnings is built)."""

    name: str
    status: str
    outputs: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


_INDEX = re.compile(r"\.(\d+)(?=\.|$)")
_KEYPATH = re.compile(r"^([A-Za-z_][\w-]*(?:\.[\w-]+)*)(?=: )")


def key_path(*parts: str | int) -> str:
    """``reports[3].week`` from ``("reports", 3, "week")``: list items by index, as in jq."""
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _bracketed(problem: str) -> str:
    """A validator's ``reports.3.week: ...`` as ``reports[3].week: ...``."""
    return _KEYPATH.sub(lambda m: _INDEX.sub(r"[\1]", m.group(1)), problem, count=1)


def _entry_problems(data: dict, path: Path) -> list[str]:
    """The first problem of each entry (``defaults`` and every report), so that a manifest
    with several bad entries names each of them in one run."""
    problems: list[str] = []
    entries = [("defaults", data.get("defaults"))] if isinstance(data.get("defaults"), dict) else []
    if isinstance(data.get("reports"), list):
        entries += [(key_path("reports", i), e) for i, e in enumerate(data["reports"])]
    for where, entry in entries:
        try:
            _validate(ReportEntry, entry if isinstance(entry, dict) else {"": entry}, path)
        except LayoutError as e:
            if not isinstance(entry, dict):
                problems.append(f"{where}: expected a mapping, got {entry!r}")
                continue
            problems.append(_bracketed(f"{where}.{e.message}"))
    if problems and set(data) - {"defaults", "reports"}:
        problems += [f"{k}: unknown key" for k in data if k not in ("defaults", "reports")]
    return problems


def load_manifest(path: Path) -> list[Job]:
    """Read and check a manifest; every error names the manifest and the key path.

    Problems of the manifest itself (keys, names, weeks, ``out`` templates) are raised
    together as one :class:`ManifestError`; sources or layouts that are not there fail
    their report alone (``Job.error``), so one report's missing week does not stop the rest.
    """
    from .week import parse_week

    data = _read_yaml(path)
    try:
        m: Manifest = _validate(Manifest, data, path)
    except LayoutError as e:
        raise ManifestError(_entry_problems(data, path) or [_bracketed(e.message)], path) from None
    base = path.parent
    jobs: list[Job] = []
    problems: list[str] = []
    seen: set[str] = set()
    if "name" in m.defaults.model_fields_set:
        problems.append("defaults.name: a name belongs to each report, not the defaults")
    defaults = {k: v for k, v in m.defaults.model_dump().items() if v is not None}
    for i, entry in enumerate(m.reports):
        own = {k: v for k, v in entry.model_dump().items() if v is not None}
        merged = {**defaults, **own}

        def where(key: str, *more: int, i: int = i, own: dict = own) -> str:
            return key_path("reports", i, key, *more) if key in own else key_path("defaults", key, *more)

        name = merged.get("name") or f"report-{i + 1}"
        if name in seen:
            problems.append(f"{key_path('reports', i, 'name')}: duplicate report name {name!r}")
        seen.add(name)
        if merged.get("week"):
            try:
                parse_week(merged["week"])
            except ReportkitError as e:
                problem = f"{where('week')}: {e.message.removeprefix('--week: ')}"
                if problem not in problems:  # a bad default is said once
                    problems.append(problem)
        sources: list[str] = []
        missing: list[str] = []
        for k, pat in enumerate(merged.get("sources") or ["seeds/"]):
            hits = sorted(glob.glob(str(base / pat), recursive=True))
            if not hits:
                # one report's missing sources must not stop the others
                missing.append(f"{path}: {where('sources', k)}: nothing matches {pat!r}")
            sources.extend(hits)
        layouts = [str(base / p) for p in merged.get("layouts") or []]
        missing += [f"{path}: {where('layouts', k)}: no such file {p!r}"
                    for k, p in enumerate(merged.get("layouts") or []) if not (base / p).is_file()]
        try:
            out = str(base / fill(str(merged.get("out") or "output/{name}"), {"name": name}))
        except TemplateError as e:
            problem = f"{where('out')}: {e}"
            if problem not in problems:
                problems.append(problem)
            out = ""
        jobs.append(Job(name, sources, layouts, merged.get("formats"), merged.get("week"),
                        merged.get("title"), out, "; ".join(missing) or None))
    if problems:
        raise ManifestError(problems, path)
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
        return JobResult(job.name, FAILED, error=job.error)
    cache_dir = _worker_cache.get("cache_dir")
    opts = BuildOptions(
        sources=[Path(s) for s in job.sources], layouts=[Path(p) for p in job.layouts], formats=job.formats,
        week=job.week, out=Path(job.out), force=bool(_worker_cache.get("force")),
        cache_dir=Path(cache_dir) if cache_dir else None, use_cache=bool(_worker_cache.get("use_cache", True)),
        title=job.title, parallel_render=False,
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
        r = o.result if o.failure is None else JobResult(job.name, FAILED, error=o.failure, seconds=o.seconds)
        results[job.name] = r
        on_done(r)

    stopped: BaseException | None = None
    try:
        run_pool(jobs, max(1, jobs_n), run_job, init=_init_worker, initargs=init, on_term=_stop_browser,
                 timeout=timeout, stop_when=lambda o: fail_fast and (o.failure is not None or
                                                                      o.result.status == FAILED),
                 on_done=done)
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
