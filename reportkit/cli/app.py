"""The command line's shared parts: the Typer app, its option types, and the helpers every
command uses (one-line messages, the default sources and layouts, reading sources).

Heavy modules are imported inside commands so that ``--help`` and warm builds start fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import __version__
from ..errors import ReportkitError

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


# the arguments main() was given (filled in place by run.main): a build records its answer
# to them for the fast path
ARGV: list[str] = []


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
        typer.echo(f"note: {PACKAGED_NOTE}", err=True)
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


def read_sources(paths: list[Path] | None, with_facts: bool = True):
    """The documents of ``paths`` (default sources), warnings printed, facts added."""
    from ..facts import add_facts
    from ..readers import read_paths

    docs, warnings = read_paths(sources_or_default(paths))
    for w in warnings:
        warn(w)
    if with_facts:
        for d in docs:
            add_facts(d)
    return docs
