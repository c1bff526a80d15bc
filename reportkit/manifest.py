"""Batch manifests: read, check and resolve into jobs, one per report (``reportkit batch``).

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
the report's name. Problems are named by key path (``reports[3].week``, as in jq).
``--shard K/N`` keeps every N-th report starting at the K-th, so N CI jobs build the
manifest exactly once between them.
"""

from __future__ import annotations

import glob
import json
import re
from dataclasses import dataclass
from pathlib import Path

from typing import Any

from .errors import LayoutError, ReportkitError
from .layouts import (LayoutErrors, keep_payload, kept_depends_on, kept_folder, kept_payload, problems_of,
                      read_layout_bytes, read_yaml)
from .placeholders import TemplateError, fill

class ManifestError(LayoutErrors):
    """Every problem of a manifest at once, each ``<manifest>: <key path>: <problem>``
    (and a count last when there are several, as for layouts)."""

    def __init__(self, problems: list[str], path: Path) -> None:
        super().__init__([(str(path), p) for p in problems])
        self.problems = [m for _p, m in self.entries]


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


_MODEL_FILES = ("manifestmodel.py", "layouts/check.py", "layouts/chartspec.py", "placeholders.py")


def _checked(path: Path, cache_dir: Path | None) -> dict[str, Any]:
    """The manifest's checked data (:func:`reportkit.manifestmodel.checked`): kept under
    ``cache_dir`` by its bytes, so a manifest checked before is not checked (nor pydantic
    imported) again. A manifest with problems is never kept: it fails the same way each time."""
    here = Path(__file__).parent
    kept_depends_on("manifest", ("pyyaml", "pydantic", "pydantic-core"), tuple(here / f for f in _MODEL_FILES))
    where = kept_folder(cache_dir)
    blob = read_layout_bytes(path)
    hit = kept_payload(where, "manifest", blob)
    if hit is not None:
        try:
            data = json.loads(hit.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            data = None
        if _plain(data):
            return data
    from .manifestmodel import checked

    data = checked(read_yaml(path, blob=blob), path)
    if _plain(data):
        keep_payload(where, "manifest", blob, json.dumps(data).encode("ascii"))
    return data


def _plain(data: Any) -> bool:
    """Whether ``data`` has the shape :func:`_checked` gives (a kept entry is input: anything else is a miss)."""
    def entry(e: Any) -> bool:
        return type(e) is dict and set(e) == _FIELDS and all(
            v is None or (type(v) is list and all(type(x) is str for x in v) if k in _LISTS else type(v) is str)
            for k, v in e.items())
    return (type(data) is dict and set(data) == {"defaults", "defaults_named", "reports"}
            and type(data["defaults_named"]) is bool and entry(data["defaults"])
            and type(data["reports"]) is list and len(data["reports"]) >= 1 and all(entry(r) for r in data["reports"]))


_FIELDS = {"name", "sources", "layouts", "formats", "week", "title", "out"}  # manifestmodel.ReportEntry's
_LISTS = {"sources", "layouts"}


def load_manifest(path: Path, cache_dir: Path | None = None) -> list[Job]:
    """Read and check a manifest; every error names the manifest and the key path.

    Problems of the manifest itself (keys, names, weeks, ``out`` templates) are raised
    together as one :class:`ManifestError`; sources or layouts that are not there fail
    their report alone (``Job.error``), so one report's missing week does not stop the rest.
    ``cache_dir``: where a checked manifest is kept (None: checked every time).
    """
    from .week import parse_week

    try:
        m = _checked(path, cache_dir)
    except LayoutError as e:
        raise ManifestError([_bracketed(m) for _p, m in problems_of(e)], path) from None
    base = path.parent
    jobs: list[Job] = []
    problems: list[str] = []
    seen: set[str] = set()
    if m["defaults_named"]:
        problems.append("defaults.name: a name belongs to each report, not the defaults")
    defaults = {k: v for k, v in m["defaults"].items() if v is not None}
    for i, entry in enumerate(m["reports"]):
        own = {k: v for k, v in entry.items() if v is not None}
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
