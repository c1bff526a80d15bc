"""Running the typer app: empty arguments refused, then errors, exit codes and signals as
:func:`.guard.guarded` maps them (the same as the simple ``build`` of :mod:`.plain`)."""

from __future__ import annotations

import sys

from ..errors import ReportkitError
from .guard import Terminated, echo, guarded, interruption
from .plain import ARGV

__all__ = ["Terminated", "interruption", "main"]


def _no_empty_arguments(args: list[str]) -> None:
    """An empty argument is an unset shell variable, not a request: ``facts ""`` read the
    current folder and ``--out ''`` wrote into it."""
    for i, arg in enumerate(args):
        if arg == "" or (arg.startswith("--") and arg.endswith("=")):
            option = arg[:-1] if arg else args[i - 1] if i and args[i - 1].startswith("-") else None
            raise ReportkitError(f"{option}: empty value (an unset shell variable?)" if option
                                 else "an empty argument was given (an unset shell variable?)")


def main(argv: list[str] | None = None) -> None:
    """Console entry point: runs the app and maps errors to one line and an exit code."""
    # importing the command modules registers their commands on the app
    from .commands import app
    from .layouts import layouts_app  # noqa: F401

    args = list(sys.argv[1:] if argv is None else argv)
    ARGV[:] = args

    def body() -> None:
        try:
            _no_empty_arguments(args)
        except ReportkitError as e:
            if args[:1] == ["build"] and "--json" in args:  # build --json prints its one JSON object
                from ..describe import build_failure_json

                echo(build_failure_json(e, []))
            raise
        # standalone mode: usage errors print and exit 2; --help and typer.Exit behave as usual
        app(args=args)

    guarded(body, own_process=argv is None)
