"""Running the app: errors as one line and an exit code, signals, empty arguments.

Exit codes: 0 success, 2 a problem with the input (a :class:`ReportkitError`, printed as
``error: <file>: <problem>``), 1 an internal failure; 128 + the signal when stopped.
"""

from __future__ import annotations

import contextlib
import os
import sys

import typer

from ..errors import ReportkitError
from .app import ARGV, app, one_line


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


def interruption(e: BaseException) -> BaseException | None:
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
        from ..charts import abandon_browser

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
    ARGV[:] = args
    try:
        try:
            _no_empty_arguments(args)
        except ReportkitError as e:
            if args[:1] == ["build"] and "--json" in args:  # build --json prints its one JSON object
                from ..describe import build_failure_json

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
        stopped = interruption(e)
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
