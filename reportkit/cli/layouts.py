"""``reportkit layouts``: list, validate and show layout files, write their JSON Schema."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import ReportkitError
from .app import ExternalOpt, layout_folder_or_default, layouts_app


@layouts_app.command("list")
def layouts_list(
    layout_dir: Annotated[
        Optional[Path], typer.Option("--dir", help="Layout folder (default: layouts/, else reportkit's own).")
    ] = None,
) -> None:
    """List the layout files and their roles.

    Example: reportkit layouts list
    """
    from ..layouts import list_layouts

    folder = layout_folder_or_default(layout_dir)
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
    from ..layouts import LayoutErrors, load_file, problems_of, summary, unique

    found: list[tuple[str | None, str]] = []
    for f in files:
        try:
            role, loaded = load_file(f, allow_external)
            these = []
            if role == "pptx":  # open the template and check every slide-layout name in it
                from ..render.pptx import check_template

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
    from ..describe import layout_yaml
    from ..layouts import find_layout, load_file

    # any of the files: an output layout with its brand and content, or a brand or content file
    typer.echo(layout_yaml(load_file(find_layout(name, layout_folder_or_default(layout_dir)), allow_external)[1]))


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
    from ..layouts import schema_json, write_schemas

    if kind is not None:
        typer.echo(schema_json(kind), nl=False)
        return
    if out is None:
        if not Path("layouts").is_dir():  # a layouts/ holding only schema/ would hide the packaged layouts
            raise ReportkitError("no layouts/ folder here; give --out DIR, or run 'reportkit init' first", "layouts/")
        out = Path("layouts/schema")
    for path in write_schemas(out):
        typer.echo(f"wrote {path}")
