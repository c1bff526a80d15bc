"""The commands that read sources and build: parse, facts, charts, build, init, diff, batch,
watch and verify (arguments, progress and exit codes only; the work is in the stages)."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import ReportkitError
from .app import (CacheDirOpt, ExternalOpt, LayoutOpt, NoCacheOpt, Paths, app, default_layout_paths, read_sources,
                  sources_or_default, warn)
from .plain import build_command


@app.command()
def parse(
    paths: Paths = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON {\"documents\": [...]}.")] = False,
) -> None:
    """Parse sources into the section model (with the quotes found in the text) and print it.

    Example: reportkit parse seeds/ --json
    """
    from ..describe import documents_json, documents_tree
    from ..story import add_quotes

    docs = read_sources(paths)
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
    from ..describe import facts_csv, facts_json, facts_table

    if as_json and as_csv:
        raise ReportkitError("--json and --csv exclude each other")
    docs = read_sources(paths)
    all_facts = [f for d in docs for f in d.facts]
    typer.echo(facts_json(all_facts) if as_json else facts_csv(all_facts) if as_csv else facts_table(all_facts))


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
    from ..charts import run_charts

    docs = read_sources(paths)
    layout = layout or default_layout_paths()[0]
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
    code = build_command(paths, layout, fmt, week, out, force, as_json, quiet, verify, compare, cache_dir, no_cache,
                         allow_external)
    if code:
        raise typer.Exit(code)


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
    from ..init import init_project

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

    from ..story import changes_dict, changes_text, check_same_report, compare, load_record

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
    from ..batch import run_command

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

    from ..build import BuildOptions
    from ..watch import watch as run_watch

    opts = BuildOptions(sources=sources_or_default(paths), layouts=list(layout or []) or default_layout_paths(), formats=fmt, week=week, out=out,
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


def _layout_folder() -> Path:
    """The layouts a build here reads (``layouts/``, else the packaged ones), without the build's note."""
    from ..layouts import layout_folder

    return layout_folder()[0]


@app.command()
def verify(
    files: Annotated[list[Path], typer.Argument(help="Built .pdf and .pptx files.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print every check as JSON.")] = False,
    libreoffice: Annotated[bool, typer.Option("--libreoffice", help="Also convert decks with LibreOffice.")] = False,
    show_all: Annotated[bool, typer.Option("--all", help="List every place a check fails (default: the first 10).")]
    = False,
    sources: Annotated[Optional[list[Path]], typer.Option(
        "--sources", help="Source files or folders the outputs were built from: every printed number must "
                          "trace to one of their facts, and every figure label, chart title, caption and takeaway "
                          "use the words of its source (repeatable).")] = None,
    layout: LayoutOpt = None,
) -> None:
    """Check built PDFs and decks; one line per problem, exit 1 if any check fails.

    Example: reportkit verify output/*.pdf output/*.pptx --libreoffice --sources seeds/
    """
    from ..verify import (Check, file_label_problems, layout_words, load_sources, results_json, source_problems,
                          trace_file, verify_files)

    results = verify_files(list(files), libreoffice=libreoffice, show_all=show_all)
    if sources:
        index = load_sources(list(sources))
        author = layout_words(list(layout or []) or [_layout_folder() / "brief.yaml"])  # the author's own words
        for r in results:
            if Path(r.path).is_file() and r.kind != "?":
                problems = source_problems(trace_file(Path(r.path), index))
                problems += file_label_problems(Path(r.path), index, author)
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
