"""The ``reportkit`` command line: arguments, progress and exit codes only.

Exit codes: 0 success, 2 a problem with the input (a :class:`ReportkitError`,
printed as one line ``error: <file>: <problem>``), 1 an internal failure.
Heavy modules are imported inside commands so that ``--help`` and warm builds
start fast.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import ReportkitError

app = typer.Typer(
    name="reportkit",
    help="Turn a folder of source documents into a branded weekly PDF brief and a briefing deck.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
layouts_app = typer.Typer(help="List, validate, show layout files and write their JSON Schema.", no_args_is_help=True)
app.add_typer(layouts_app, name="layouts")

Paths = Annotated[
    Optional[list[Path]], typer.Argument(help="Source files or folders (default: sources/, else seeds/).")
]
LayoutOpt = Annotated[
    Optional[list[Path]],
    typer.Option("--layout", "-l", help="Layout file (repeatable; default: the brief and deck in layouts/, else reportkit's own)."),
]
CacheDirOpt = Annotated[
    Optional[Path],
    typer.Option("--cache-dir", envvar="REPORTKIT_CACHE_DIR", help="Chart cache folder (default: user cache dir)."),
]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Render every chart afresh; do not use the cache.")]
ExternalOpt = Annotated[
    bool, typer.Option("--allow-external-assets", help="Allow layout assets outside the layout folder.")
]


# the arguments main() was given: a build records its answer to them for the fast path
_ARGV: list[str] | None = None


def one_line(text: object) -> str:
    """A message on one line: a library's multi-line text joined, blank lines dropped."""
    return " ".join(part.strip() for part in str(text).splitlines() if part.strip())


def warn(message: str) -> None:
    """Print a one-line warning to stderr."""
    typer.echo(f"warning: {one_line(message)}", err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reportkit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """reportkit: sources in, a branded weekly PDF brief and a briefing deck out."""


def _sources(paths: list[Path] | None) -> list[Path]:
    """The named sources, else ``sources/`` (what ``reportkit init`` makes), else ``seeds/``."""
    if paths:
        return list(paths)
    return [Path("sources")] if Path("sources").is_dir() else [Path("seeds")]


def _layout_folder(folder: Path | None = None) -> Path:
    """``folder``, else ``layouts/``, else the packaged defaults (said in one stderr line)."""
    from .layouts import PACKAGED_NOTE, layout_folder

    if folder is not None:
        return folder
    found, packaged = layout_folder()
    if packaged:
        typer.echo(f"note: {PACKAGED_NOTE}", err=True)
    return found


def _default_layouts() -> list[Path]:
    """The brief and deck of ``layouts/`` (else the packaged ones); a ``layouts/`` without them
    is one line saying so, not "file not found" (the folder replaces the defaults as a whole)."""
    from .layouts import default_layouts

    paths = default_layouts(_layout_folder())
    missing = [p.name for p in paths if not p.is_file()]
    if missing:
        raise ReportkitError(f"no {' or '.join(missing)} here; name your layouts with --layout FILE, or run "
                             "'reportkit init' in a new folder for a complete project", f"{paths[0].parent}/")
    return paths


def _read(paths: list[Path] | None, with_facts: bool = True):
    from .facts import add_facts
    from .readers import read_paths

    docs, warnings = read_paths(_sources(paths))
    for w in warnings:
        warn(w)
    if with_facts:
        for d in docs:
            add_facts(d)
    return docs


@app.command()
def parse(
    paths: Paths = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON {\"documents\": [...]}.")] = False,
) -> None:
    """Parse sources into the section model (with the quotes found in the text) and print it.

    Example: reportkit parse seeds/ --json
    """
    from .describe import documents_json, documents_tree
    from .story import add_quotes

    docs = _read(paths)
    for d in docs:
        add_quotes(d)  # quotes in running text, with speakers ("quotes" in the JSON)
    typer.echo(documents_json(docs) if as_json else documents_tree(docs))


@app.command()
def facts(
    paths: Paths = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array of facts.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
) -> None:
    """Print the numeric facts found in the sources, with provenance.

    Example: reportkit facts seeds/002_a47ac54eef5493dc.txt --csv
    """
    from .describe import facts_csv, facts_json, facts_table

    if as_json and as_csv:
        raise ReportkitError("--json and --csv exclude each other")
    docs = _read(paths)
    all_facts = [f for d in docs for f in d.facts]
    typer.echo(facts_json(all_facts) if as_json else facts_csv(all_facts) if as_csv else facts_table(all_facts))


@layouts_app.command("list")
def layouts_list(
    layout_dir: Annotated[
        Optional[Path], typer.Option("--dir", help="Layout folder (default: layouts/, else reportkit's own).")
    ] = None,
) -> None:
    """List the layout files and their roles.

    Example: reportkit layouts list
    """
    from .layouts import list_layouts

    folder = _layout_folder(layout_dir)
    found = list_layouts(folder) if folder.is_dir() else []
    if not found:  # an empty listing with exit 0 read as "all is well"
        problem = "no layout files (*.yaml) here" if folder.is_dir() else "no such folder"
        raise ReportkitError(f"{problem}; 'reportkit init' makes a project with layouts", f"{folder}/")
    for path, role in found:
        typer.echo(f"{path.stem:<24} {role:<8} {path}")


@layouts_app.command("validate")
def layouts_validate(
    files: Annotated[list[Path], typer.Argument(help="Layout, brand or content files.")],
    allow_external: ExternalOpt = False,
) -> None:
    """Validate layout files: every problem of every file (and of the brand and content files a
    layout names), each once, one line each, then a count when there are several; exit 2 if any.

    Example: reportkit layouts validate layouts/*.yaml
    """
    from .layouts import LayoutErrors, load_file, problems_of, summary, unique

    found: list[tuple[str | None, str]] = []
    for f in files:
        try:
            role, loaded = load_file(f, allow_external)
            these = []
            if role == "pptx":  # open the template and check every slide-layout name in it
                from .render.pptx import check_template

                problems, notes = check_template(loaded)
                for note in notes:
                    typer.echo(f"note: {f}: {note}", err=True)
                these = [(str(f), p) for p in problems]
        except ReportkitError as e:
            these = problems_of(e) if isinstance(e, LayoutErrors) else [(e.path, e.message)]
        if not these:
            typer.echo(f"ok: {f} ({role})")
        # a brand or content file shared by several layouts is said once, by the first
        new = unique(found + these)[len(found):]
        for path, problem in new:
            typer.echo(f"error: {path}: {problem}" if path else f"error: {problem}", err=True)
        found += new
    if len(found) > 1:  # one problem stays one line, as every error does
        typer.echo(f"error: {summary(found)}", err=True)
    if found:
        raise typer.Exit(2)


@layouts_app.command("show")
def layouts_show(
    name: Annotated[str, typer.Argument(help="Layout name (weekly-brief) or path.")],
    layout_dir: Annotated[
        Optional[Path], typer.Option("--dir", help="Layout folder (default: layouts/, else reportkit's own).")
    ] = None,
    allow_external: ExternalOpt = False,
) -> None:
    """Show a layout, brand or content file resolved, with every default filled in (YAML).

    Example: reportkit layouts show briefing-deck
    """
    from .describe import layout_yaml
    from .layouts import find_layout, load_file

    # any of the files: an output layout with its brand and content, or a brand or content file
    typer.echo(layout_yaml(load_file(find_layout(name, _layout_folder(layout_dir)), allow_external)[1]))


@layouts_app.command("schema")
def layouts_schema(
    out: Annotated[Optional[Path], typer.Option(
        "--out", "-o", help="Folder for the schema files (default: layouts/schema).")] = None,
    kind: Annotated[Optional[str], typer.Option(
        "--kind", help="Print one schema (brand, content or layout) to stdout instead of writing files.")] = None,
) -> None:
    """Write the JSON Schema of the brand, content and layout files (for editor completion).

    Example: reportkit layouts schema --out layouts/schema
    """
    from .layouts import schema_json, write_schemas

    if kind is not None:
        typer.echo(schema_json(kind), nl=False)
        return
    if out is None:
        if not Path("layouts").is_dir():  # a layouts/ holding only schema/ would hide the packaged layouts
            raise ReportkitError("no layouts/ folder here; give --out DIR, or run 'reportkit init' first", "layouts/")
        out = Path("layouts/schema")
    for path in write_schemas(out):
        typer.echo(f"wrote {path}")


@app.command()
def charts(
    paths: Paths = None,
    layout: Annotated[
        Optional[Path], typer.Option("--layout", "-l", help="Layout whose charts to render.")
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the images.")] = Path("output/charts"),
    fmt: Annotated[str, typer.Option("--format", help="Comma-separated: png, svg.")] = "png,svg",
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print what was rendered as JSON.")] = False,
    allow_external: ExternalOpt = False,
) -> None:
    """Render the layout's charts from the sources' facts to PNG/SVG files.

    Example: reportkit charts seeds/ --out output/charts --format png,svg
    """
    from .charts import run_charts

    docs = _read(paths)
    layout = layout or _default_layouts()[0]
    result = run_charts(docs, layout, out, fmt, cache_dir, no_cache, allow_external, warn=warn)
    typer.echo(result.to_json() if as_json else result.to_text())


@app.command()
def build(
    paths: Paths = None,
    layout: LayoutOpt = None,
    fmt: Annotated[Optional[str], typer.Option("--format", help="Comma-separated: pdf, pptx.")] = None,
    week: Annotated[Optional[str], typer.Option("--week", help="Report week, YYYY-Www (default: this week).")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("output"),
    force: Annotated[bool, typer.Option("--force", help="Rebuild even if inputs are unchanged.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
    verify: Annotated[bool, typer.Option("--verify", help="Verify the outputs after building.")] = False,
    compare: Annotated[Optional[str], typer.Option(
        "--compare", help="'What changed' since: 'previous' (the previous week's record in the output folder; "
                          "the default when it exists), a build record's path, or 'none'.")] = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    allow_external: ExternalOpt = False,
) -> None:
    """Build the PDF brief and the slide deck (and a build record beside each).

    Example: reportkit build seeds/ --week 2026-W47 --out output/ --compare previous
    """
    from .build import BuildOptions, build_report
    from .progress import progress_for

    warnings: list[str] = []
    try:
        opts = BuildOptions(
            sources=_sources(paths), layouts=list(layout or []) or _default_layouts(), formats=fmt, week=week,
            out=out, force=force, cache_dir=cache_dir, use_cache=not no_cache, allow_external=allow_external,
            verify=verify, compare=compare, provenance=as_json,
        )
        with progress_for(quiet or as_json or not sys.stderr.isatty()) as progress:
            summary = build_report(opts, progress=progress, warn=lambda m: (warnings.append(m), warn(m)))
    except Exception as e:
        if as_json and _interruption(e) is None:  # stdout holds one JSON object, also when the build stops
            from .describe import build_failure_json

            typer.echo(build_failure_json(e, warnings))
        raise
    typer.echo(summary.to_json() if as_json else summary.to_text())
    if summary.ok and not (as_json or verify):
        _remember(opts, summary, packaged_layouts=not layout and _layout_folder_is_packaged())
    if not summary.ok:  # --verify found problems in what was built: a failed check, not bad input
        for problem in summary.problems:
            typer.echo(f"error: {problem}", err=True)
        raise typer.Exit(1)


def _layout_folder_is_packaged() -> bool:
    from .layouts import layout_folder

    return layout_folder()[1]


def _remember(opts, summary, packaged_layouts: bool) -> None:
    """Record this build's unchanged answer for the fast path (reportkit.fastpath): its
    stdout and the lines it prints on stderr (the packaged-layouts note, warnings)."""
    import dataclasses

    from .build import BuildSummary
    from .fastpath import remember
    from .layouts import PACKAGED_NOTE

    unchanged = BuildSummary(outputs=[dataclasses.replace(o, status="unchanged") for o in summary.outputs])
    text = unchanged.to_text().rsplit("\n", 1)[0]  # without the time line
    fast = summary.fast
    remember(_ARGV, opts.out, [Path(o.path) for o in summary.outputs], fast["files"], fast["folders"], fast["week"],
             text, [f"note: {PACKAGED_NOTE}"] * packaged_layouts
             + [f"warning: {one_line(w)}" for w in fast["warnings"]])


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Project folder (created if needed).")] = Path("."),
    title: Annotated[Optional[str], typer.Option("--title", help="The report's title (the week is added).")] = None,
    name: Annotated[Optional[str], typer.Option("--name", help="The brand's name (default: the title).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite files that exist.")] = False,
) -> None:
    """Make a project that builds at once: sources/ with a sample article, layouts/, a README.

    Example: reportkit init my-brief --title "UK & US Economy" --name "Macro Desk"
    """
    from .init import init_project

    result = init_project(folder, title, name, force)
    for path in result.written:
        typer.echo(f"wrote {path}")
    where = "" if folder.resolve() == Path.cwd().resolve() else f"cd {shlex.quote(str(folder))} && "
    typer.echo(f"next: {where}reportkit build")


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The earlier build record (<output>.record.json).")],
    new: Annotated[Path, typer.Argument(help="The later build record.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the changes as JSON.")] = False,
) -> None:
    """Print what changed between two build records of one report, without building.

    Example: reportkit diff output/brief-2026-W46.pdf.record.json output/brief-2026-W47.pdf.record.json
    """
    import json

    from .story import changes_dict, changes_text, check_same_report, compare, load_record

    before, after = load_record(old), load_record(new)
    check_same_report(before, after["report"], old)
    changes = compare(before, after)
    typer.echo(json.dumps(changes_dict(changes), indent=2, ensure_ascii=False) if as_json else changes_text(changes))


@app.command()
def batch(
    manifest: Annotated[Path, typer.Argument(help="Batch manifest (YAML).")],
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Parallel workers (default: CPUs).")] = None,
    shard: Annotated[Optional[str], typer.Option("--shard", help="Build only slice K of N, e.g. 1/4.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Rebuild reports whose inputs are unchanged.")] = False,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first failing report.")] = False,
    summary: Annotated[Optional[Path], typer.Option("--summary", help="Write a JSON summary here.")] = None,
    junit: Annotated[Optional[Path], typer.Option("--junit", help="Write JUnit XML here.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    report_timeout: Annotated[float, typer.Option(
        "--report-timeout", min=1, help="Seconds one report may take before it is stopped and failed.")] = 1800,
) -> None:
    """Build many reports from a manifest, in parallel; exit 1 if any report failed.

    Example: reportkit batch examples/batch.yaml --jobs 2 --shard 1/2 --junit output/junit.xml
    """
    from .batch import run_command

    code = run_command(manifest, jobs=jobs, shard_spec=shard, force=force, fail_fast=fail_fast, summary=summary,
                       junit=junit, quiet=quiet, cache_dir=cache_dir, use_cache=not no_cache, timeout=report_timeout,
                       echo=typer.echo, warn=warn)
    if code:
        raise typer.Exit(code)


@app.command()
def watch(
    paths: Paths = None,
    layout: LayoutOpt = None,
    fmt: Annotated[Optional[str], typer.Option("--format", help="Comma-separated: pdf, pptx.")] = None,
    week: Annotated[Optional[str], typer.Option("--week", help="Report week, YYYY-Www.")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("output"),
    cache_dir: CacheDirOpt = None,
) -> None:
    """Build, then rebuild whenever a source, layout or brand asset changes (Ctrl-C stops).

    Example: reportkit watch seeds/ --format pdf
    """
    import time

    from .build import BuildOptions
    from .watch import watch as run_watch

    opts = BuildOptions(sources=_sources(paths), layouts=list(layout or []) or _default_layouts(), formats=fmt, week=week, out=out,
                        cache_dir=cache_dir)

    def report(summary, error) -> None:
        stamp = time.strftime("%H:%M:%S")
        if error:
            typer.echo(f"[{stamp}] error: {error} (last good outputs kept)", err=True)
        else:
            for w in summary.warnings:
                typer.echo(f"[{stamp}] warning: {w}", err=True)
            total = sum(summary.timings.values())
            built = [o.path for o in summary.outputs if o.status == "built"]
            typer.echo(f"[{stamp}] {'rebuilt ' + ', '.join(built) if built else 'unchanged'} in {total:.2f} s")

    typer.echo(f"watching {', '.join(map(str, opts.sources))} and layouts; Ctrl-C stops")
    run_watch(opts, report)


@app.command()
def verify(
    files: Annotated[list[Path], typer.Argument(help="Built .pdf and .pptx files.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print every check as JSON.")] = False,
    libreoffice: Annotated[bool, typer.Option("--libreoffice", help="Also convert decks with LibreOffice.")] = False,
    show_all: Annotated[bool, typer.Option("--all", help="List every place a check fails (default: the first 10).")]
    = False,
    sources: Annotated[Optional[list[Path]], typer.Option(
        "--sources", help="Source files or folders the outputs were built from: every printed number must "
                          "trace to one of their facts (repeatable).")] = None,
) -> None:
    """Check built PDFs and decks; one line per problem, exit 1 if any check fails.

    Example: reportkit verify output/*.pdf output/*.pptx --libreoffice --sources seeds/
    """
    from .verify import Check, load_sources, results_json, source_problems, trace_file, verify_files

    results = verify_files(list(files), libreoffice=libreoffice, show_all=show_all)
    if sources:
        index = load_sources(list(sources))
        for r in results:
            if Path(r.path).is_file() and r.kind != "?":
                problems = source_problems(trace_file(Path(r.path), index))
                r.checks.extend(Check("sources", False, p) for p in problems)  # one line each
                if not problems:
                    r.checks.append(Check("sources", True))
    if as_json:
        typer.echo(results_json(results))
    else:
        for r in results:
            for p in r.problems:
                typer.echo(f"{r.path}: {p}")
            if not r.problems:
                typer.echo(f"ok: {r.path} ({len(r.checks)} checks)")
    if any(r.problems for r in results):
        raise typer.Exit(1)


def _no_empty_arguments(args: list[str]) -> None:
    """An empty argument is an unset shell variable, not a request: ``facts ""`` read the
    current folder and ``--out ''`` wrote into it."""
    for i, arg in enumerate(args):
        if arg == "" or (arg.startswith("--") and arg.endswith("=")):
            option = arg[:-1] if arg else args[i - 1] if i and args[i - 1].startswith("-") else None
            raise ReportkitError(f"{option}: empty value (an unset shell variable?)" if option
                                 else "an empty argument was given (an unset shell variable?)")


class Terminated(SystemExit):
    """SIGINT or SIGTERM: unwinds the stack (temporary files are removed); code 128 + signal."""


def _terminate(signum: int, _frame: object) -> None:
    raise Terminated(128 + signum)


def _interruption(e: BaseException) -> BaseException | None:
    """The KeyboardInterrupt or :class:`Terminated` behind ``e``, if a signal caused it."""
    seen: set[int] = set()
    cur: BaseException | None = e
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, (KeyboardInterrupt, Terminated)):
            return cur
        cur = cur.__cause__ or cur.__context__
    return None


def _stop(signal_exc: BaseException, own_process: bool) -> None:
    """End an interrupted run: one line for Ctrl-C; in our own process, kill the chart browser
    and exit at once (the orderly exit-time close would wait on, or race with, the browser)."""
    code = 130 if isinstance(signal_exc, KeyboardInterrupt) else int(getattr(signal_exc, "code", 143) or 143)
    if code == 130:
        typer.echo("interrupted", err=True)
    if not own_process:
        sys.exit(code)
    if "reportkit.charts.render" in sys.modules:  # a browser may be running
        from .charts import abandon_browser

        with contextlib.suppress(Exception):
            abandon_browser()
    with contextlib.suppress(Exception):
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(code)


def _exit_now(signum: int, _frame: object) -> None:
    os.write(2, b"interrupted\n")
    os._exit(128 + signum)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: runs the app and maps errors to one line and an exit code."""
    import signal

    # Ctrl-C and SIGTERM (CI cancelling a job) unwind the stack, so temporary files are
    # removed; not as KeyboardInterrupt, which the command-line library turns into "Aborted!"
    signal.signal(signal.SIGINT, _terminate)
    signal.signal(signal.SIGTERM, _terminate)
    args = list(sys.argv[1:] if argv is None else argv)
    global _ARGV
    _ARGV = list(args)
    try:
        try:
            _no_empty_arguments(args)
        except ReportkitError as e:
            if args[:1] == ["build"] and "--json" in args:  # build --json prints its one JSON object
                from .describe import build_failure_json

                typer.echo(build_failure_json(e, []))
            raise
        # standalone mode: usage errors print and exit 2; --help and typer.Exit behave as usual
        app(args=args)
    except ReportkitError as e:
        for line in e.lines():
            typer.echo(f"error: {one_line(line)}", err=True)
        sys.exit(e.exit_code)
    except (KeyboardInterrupt, Terminated) as e:
        _stop(e, own_process=argv is None)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as e:  # noqa: BLE001 - last resort: one line, not a traceback
        stopped = _interruption(e)
        if stopped is not None:  # a signal's exception wrapped by a library ("Error calling __set_name__")
            _stop(stopped, own_process=argv is None)
        if os.environ.get("REPORTKIT_DEBUG"):
            raise
        typer.echo(f"internal error: {e.__class__.__name__}: {one_line(e)} (set REPORTKIT_DEBUG=1 for a traceback)",
                   err=True)
        sys.exit(1)
    finally:
        if argv is None:  # the process is ours: what is left is closing the browser (atexit), and a
            # signal then must end it with its own status, not an ignored SystemExit and status 0
            signal.signal(signal.SIGINT, _exit_now)
            signal.signal(signal.SIGTERM, _exit_now)
