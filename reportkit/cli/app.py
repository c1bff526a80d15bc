"""The command line's shared parts: the Typer app, its option types, and the helpers every
command uses (one-line messages, the default sources and layouts, reading sources; those a
build needs are in the typer-free :mod:`.plain`, re-exported here).

Heavy modules are imported inside commands so that ``--help`` and warm builds start fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import __version__
from .guard import one_line
from .plain import ARGV, default_layout_paths, layout_folder_or_default, sources_or_default, warn

__all__ = ["ARGV", "app", "default_layout_paths", "layout_folder_or_default", "layouts_app", "one_line",
           "read_sources", "sources_or_default", "warn"]

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
