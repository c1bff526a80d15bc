"""How a command ends: errors as one line and an exit code, signals, lines on the terminal.

Typer-free, so that the simple ``build`` (:mod:`.plain`) and the typer command line
(:mod:`.run`) end the same way from the same code. Exit codes: 0 success, 2 a problem
with the input (a :class:`ReportkitError`, printed as ``error: <file>: <problem>``), 1 an
internal failure; 128 + the signal when stopped.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
import signal
import sys
from collections.abc import Callable

from .. import stopping
from ..errors import ReportkitError
from ..stopping import Terminated

__all__ = ["Terminated", "echo", "guarded", "interruption", "one_line"]

# what click.echo removes from a line that does not go to a terminal (click's _ansi_re)
_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")


def echo(text: object = "", err: bool = False) -> None:
    """One line to stdout (stderr when ``err``), flushed, as typer.echo prints it: style codes
    removed unless the stream is a terminal."""
    stream = sys.stderr if err else sys.stdout
    line = f"{text}\n"
    isatty = getattr(stream, "isatty", None)
    if not (isatty and isatty()):
        line = _ANSI.sub("", line)
    stream.write(line)
    stream.flush()


def one_line(text: object) -> str:
    """A message on one line: a library's multi-line text joined, blank lines dropped."""
    return " ".join(part.strip() for part in str(text).splitlines() if part.strip())



# importlib takes the interpreter's import lock and only then enters the block that releases
# it: a signal's exception raised between the two (or inside the callback that forgets a
# module's lock, where it is swallowed) leaves that lock held for ever by this thread, which
# goes on; another thread's next import (the chart browser's start) then waits for ever, and
# so does the build waiting for it (seen: a SIGTERM in the full test suite). A signal that
# lands in importlib's own code is handled again a moment later (a 1 ms timer), outside it.
# Not signal.raise_signal: it runs this handler at once, still inside importlib.
_IMPORT_MACHINERY = frozenset({"<frozen importlib._bootstrap>", "<frozen importlib._bootstrap_external>"})
_deferred: list[int] = []  # the signal waiting for importlib's code to be left


def _terminate(signum: int, frame: object) -> None:
    # recorded first: the exception raised below is swallowed when it lands in a __del__ or a
    # weakref callback, and the build then stops at its next check instead (stopping.py)
    stopping.record(signum)
    code = getattr(frame, "f_code", None)
    if code is not None and code.co_filename in _IMPORT_MACHINERY:
        _deferred[:] = [signum]
        signal.setitimer(signal.ITIMER_REAL, 0.001)
        return
    _deferred.clear()
    raise Terminated(128 + signum)


def _retry(_signum: int, frame: object) -> None:
    """SIGALRM: the deferred signal, handled again where this process now is."""
    if _deferred:
        _terminate(_deferred[0], frame)


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
        echo("interrupted", err=True)
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


def _unraisable(hook: Callable[[object], None]) -> Callable[[object], None]:
    """``sys.unraisablehook`` that keeps quiet about a signal's exception swallowed in a ``__del__``
    or a weakref callback (recorded: the build stops at its next check), and passes on the rest."""

    def quiet(unraisable: object) -> None:
        if not isinstance(getattr(unraisable, "exc_value", None), (KeyboardInterrupt, Terminated)):
            hook(unraisable)

    return quiet


def guarded(body: Callable[[], None], own_process: bool) -> None:
    """Run ``body`` (a command), mapping its errors to one line and an exit code."""
    # Ctrl-C and SIGTERM (CI cancelling a job) unwind the stack, so temporary files are
    # removed; not as KeyboardInterrupt, which the command-line library turns into "Aborted!"
    stopping.clear()
    signal.signal(signal.SIGINT, _terminate)
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGALRM, _retry)
    hook = sys.unraisablehook
    sys.unraisablehook = _unraisable(hook)
    try:
        body()
        stopping.check()  # a signal swallowed after the last check: the command still says so
    except ReportkitError as e:
        for line in e.lines():
            echo(f"error: {one_line(line)}", err=True)
        sys.exit(e.exit_code)
    except (KeyboardInterrupt, Terminated) as e:
        _stop(e, own_process)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as e:  # noqa: BLE001 - last resort: one line, not a traceback
        stopped = interruption(e)
        if stopped is not None:  # a signal's exception wrapped by a library ("Error calling __set_name__")
            _stop(stopped, own_process)
        if os.environ.get("REPORTKIT_DEBUG"):
            raise
        echo(f"internal error: {e.__class__.__name__}: {one_line(e)} (set REPORTKIT_DEBUG=1 for a traceback)",
             err=True)
        sys.exit(1)
    finally:
        sys.unraisablehook = hook
        if own_process:  # what is left is closing the browser (atexit), and a signal then
            # must end it with its own status, not an ignored SystemExit and status 0
            signal.signal(signal.SIGINT, _exit_now)
            signal.signal(signal.SIGTERM, _exit_now)
            # the interpreter's last garbage collections at exit would walk every object the
            # command made (≈30 ms after a build): nothing of it needs collecting any more
            gc.freeze()
