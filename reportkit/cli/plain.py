"""The ``build`` and ``batch`` commands without typer (issue 19), and what the typer command shares with them.

Typer and its click take ≈0.1 s to import and to parse a command line, before a build
starts. The simple forms of ``build`` (those :func:`reportkit.fastpath.parse_argv`
understands: paths, ``--out``, ``--week``, ``--layout``, ``--cache-dir``, ``--format``, ``--quiet``,
``--allow-external-assets``, ``--force``) that the fast path cannot answer are run by
:func:`run_simple` instead, through the same :func:`build_command` the typer ``build``
calls, ended by the same :func:`.guard.guarded`, and with what typer's standalone mode
adds (a broken pipe exits 1; Ctrl-C as KeyboardInterrupt exits 130): the same lines and
exit codes. Anything else (``--help``, ``--json``, an unknown option, shell completion)
is the typer command line's. The simple forms of ``batch`` (:func:`parse_batch`) are run the same way.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

from ..errors import ReportkitError
from ..fastpath import scan_options
from .guard import echo, guarded, interruption, one_line

# the arguments the command line was given (filled in place by run.main and run_simple):
# a build records its answer to them for the fast path
ARGV: list[str] = []


def warn(message: str) -> None:
    """Print a one-line warning to stderr."""
    echo(f"warning: {one_line(message)}", err=True)


def sources_or_default(paths: list[Path] | None) -> list[Path]:
    """The named sources, else ``sources/`` (what ``reportkit init`` makes), else ``seeds/``."""
    if paths:
        return list(paths)
    return [Path("sources")] if Path("sources").is_dir() else [Path("seeds")]


def layout_folder_or_default(folder: Path | None = None) -> Path:
    """``folder``, else ``layouts/``, else the packaged defaults (said in one stderr line)."""
    from ..layouts import PACKAGED_NOTE, layout_folder

    if folder is not None:
        return folder
    found, packaged = layout_folder()
    if packaged:
        echo(f"note: {PACKAGED_NOTE}", err=True)
    return found


def default_layout_paths() -> list[Path]:
    """The brief and deck of ``layouts/`` (else the packaged ones); a ``layouts/`` without them
    is one line saying so, not "file not found" (the folder replaces the defaults as a whole)."""
    from ..layouts import default_layouts

    paths = default_layouts(layout_folder_or_default())
    missing = [p.name for p in paths if not p.is_file()]
    if missing:
        raise ReportkitError(f"no {' or '.join(missing)} here; name your layouts with --layout FILE, or run "
                             "'reportkit init' in a new folder for a complete project", f"{paths[0].parent}/")
    return paths


def build_command(paths: list[Path] | None, layout: list[Path] | None, fmt: str | None, week: str | None,
                  out: Path, force: bool, as_json: bool, quiet: bool, verify: bool, compare: str | None,
                  cache_dir: Path | None, no_cache: bool, allow_external: bool) -> int:
    """``reportkit build``: build, print the summary, record the answer for the fast path;
    returns the exit code (1: ``--verify`` found problems in what was built)."""
    from ..build import BuildOptions, build_report
    from ..progress import progress_for

    warnings: list[str] = []
    try:
        opts = BuildOptions(
            sources=sources_or_default(paths), layouts=list(layout or []) or default_layout_paths(), formats=fmt,
            week=week, out=out, force=force, cache_dir=cache_dir, use_cache=not no_cache,
            allow_external=allow_external, verify=verify, compare=compare, provenance=as_json,
        )
        with progress_for(quiet or as_json or not sys.stderr.isatty()) as progress:
            summary = build_report(opts, progress=progress, warn=lambda m: (warnings.append(m), warn(m)))
    except Exception as e:
        if as_json and interruption(e) is None:  # stdout holds one JSON object, also when the build stops
            from ..describe import build_failure_json

            echo(build_failure_json(e, warnings))
        raise
    echo(summary.to_json() if as_json else summary.to_text())
    if summary.ok and not (as_json or verify):
        _remember(opts, summary, packaged_layouts=not layout and _layout_folder_is_packaged())
    if not summary.ok:  # --verify found problems in what was built: a failed check, not bad input
        for problem in summary.problems:
            echo(f"error: {problem}", err=True)
        return 1
    return 0


def _layout_folder_is_packaged() -> bool:
    from ..layouts import layout_folder

    return layout_folder()[1]


def _remember(opts, summary, packaged_layouts: bool) -> None:
    """Record this build's unchanged answer for the fast path (reportkit.fastpath): its
    stdout and the lines it prints on stderr (the packaged-layouts note, warnings)."""
    import dataclasses

    from ..fastpath import remember
    from ..layouts import PACKAGED_NOTE
    from ..summary import BuildSummary

    unchanged = BuildSummary(outputs=[dataclasses.replace(o, status="unchanged") for o in summary.outputs])
    text = unchanged.to_text().rsplit("\n", 1)[0]  # without the time line
    fast = summary.fast
    remember(ARGV, opts.out, [Path(o.path) for o in summary.outputs], fast["files"], fast["folders"], fast["week"],
             text, [f"note: {PACKAGED_NOTE}"] * packaged_layouts
             + [f"warning: {one_line(w)}" for w in fast["warnings"]])


class _Pacified:
    """A stream whose flush ignores a closed pipe (click's PacifyFlushWrapper): after a
    broken pipe, the flush at exit must not print a second error."""

    def __init__(self, stream: object) -> None:
        self._stream = stream

    def flush(self) -> None:
        try:
            self._stream.flush()  # type: ignore[attr-defined]
        except OSError as e:
            if e.errno != errno.EPIPE:
                raise

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def _standalone(command) -> None:
    """Run ``command`` (returns an exit code) and exit as typer's standalone mode would."""
    try:
        code = command()
    except EOFError:
        echo("", err=True)
        echo("Aborted!", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except OSError as e:
        if e.errno != errno.EPIPE:
            raise
        sys.stdout, sys.stderr = _Pacified(sys.stdout), _Pacified(sys.stderr)  # type: ignore[assignment]
        sys.exit(1)
    sys.exit(code)


_BATCH_FLAGS = {"--force": "force", "--fail-fast": "fail_fast", "--quiet": "quiet", "-q": "quiet",
                "--no-cache": "no_cache"}
_BATCH_VALUES = {"--jobs": "jobs", "-j": "jobs", "--shard": "shard", "--summary": "summary", "--junit": "junit",
                 "--cache-dir": "cache_dir", "--report-timeout": "timeout"}


def parse_batch(args: list[str]) -> dict[str, object] | None:
    """The simple forms of ``batch`` (a manifest and the options of ``reportkit batch --help``, each
    as ``--name value``, ``--name=value`` or its one-letter form alone) as typer reads them (the last
    of a repeated option); None for anything else (``--help``, a bad number: typer says what is wrong)."""
    if not args or args[0] != "batch":
        return None
    scanned = scan_options(args[1:], _BATCH_FLAGS, _BATCH_VALUES)
    if scanned is None or len(scanned[1]) != 1:
        return None  # another option, no manifest or a second argument: typer's message
    parsed: dict[str, object] = {"manifest": scanned[1][0], "jobs": None, "shard": None, "summary": None,
                                 "junit": None, "cache_dir": None, "timeout": "1800",
                                 **{v: False for v in _BATCH_FLAGS.values()}, **dict(scanned[0])}
    try:
        jobs = int(parsed["jobs"]) if parsed["jobs"] is not None else None  # type: ignore[arg-type]
        timeout = float(parsed["timeout"])  # type: ignore[arg-type]
    except ValueError:
        return None
    if (jobs is not None and jobs < 1) or not timeout >= 1:
        return None
    return {**parsed, "jobs": jobs, "timeout": timeout}


def _run_batch(parsed: dict[str, object]) -> int:
    """``reportkit batch`` as the typer command runs it (cli/commands.py)."""
    from ..batch import run_command

    cache = parsed["cache_dir"] or os.environ.get("REPORTKIT_CACHE_DIR") or None
    path = lambda key: Path(parsed[key]) if parsed[key] else None  # noqa: E731
    return run_command(Path(parsed["manifest"]), jobs=parsed["jobs"], shard_spec=parsed["shard"],  # type: ignore[arg-type]
                       force=bool(parsed["force"]), fail_fast=bool(parsed["fail_fast"]), summary=path("summary"),
                       junit=path("junit"), quiet=bool(parsed["quiet"]), cache_dir=Path(cache) if cache else None,
                       use_cache=not parsed["no_cache"], timeout=parsed["timeout"], echo=echo, warn=warn)  # type: ignore[arg-type]


def run_simple(args: list[str]) -> bool:
    """Run ``args`` if it is a simple ``build`` or ``batch`` (then exit); False: the typer command line's."""
    from ..fastpath import parse_argv

    if any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return False  # a shell asking typer for completions
    batch = parse_batch(args)
    if batch is not None:  # typer, click and their parse cost a batch ≈0.1 s before its first report
        ARGV[:] = args
        guarded(lambda: _standalone(lambda: _run_batch(batch)), own_process=True)
        return True
    parsed = parse_argv(args)
    if parsed is None:
        return False
    ARGV[:] = args
    cache = parsed["cache"] or os.environ.get("REPORTKIT_CACHE_DIR") or None  # typer's envvar: unset when empty
    guarded(lambda: _standalone(lambda: build_command(
        paths=[Path(p) for p in parsed["paths"]] or None, layout=[Path(p) for p in parsed["layouts"]] or None,
        fmt=parsed["format"], week=parsed["week"], out=Path(parsed["out"]), force=bool(parsed["force"]), as_json=False,
        quiet=bool(parsed["quiet"]), verify=False, compare=None, cache_dir=Path(cache) if cache else None,
        no_cache=False, allow_external=bool(parsed["external"]))), own_process=True)
    return True
