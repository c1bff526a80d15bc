"""A stop signal, kept from the moment it is received until the command has stopped for it.

The command line's SIGINT/SIGTERM handler (``cli/guard``) raises :class:`Terminated` to unwind
the build, removing its temporary files. Python swallows an exception raised inside a
``__del__`` method or a weakref callback (it prints "Exception ignored" and goes on), so a
signal landing in one of those would be lost and the build would go on to write its outputs
as if none came. The handler therefore also :func:`record`\\s the signal, and the build
:func:`check`\\s at every stage boundary (:class:`reportkit.progress.Progress`) and before it
puts any file in place (:mod:`reportkit.atomic`): a swallowed signal still stops it, with the
usual exit and no output touched. A forked render worker records the SIGTERM that stops it too.

Standard library only and nothing at import: everything imports it.
"""

from __future__ import annotations

_received: list[int] = []  # the signal received and not yet acted on (the first one)


class Terminated(SystemExit):
    """SIGINT or SIGTERM: unwinds the stack (temporary files are removed); code 128 + signal."""


def record(signum: int) -> None:
    """Remember that ``signum`` was received (a later one does not replace it)."""
    if not _received:
        _received.append(signum)


def received() -> int | None:
    """The signal recorded and not yet cleared, if any."""
    return _received[0] if _received else None


def check() -> None:
    """Raise :class:`Terminated` (128 + signal) if a stop signal was received: where a build may
    stop cleanly, so a signal whose exception was swallowed still stops it."""
    if _received:
        raise Terminated(128 + _received[0])


def clear() -> None:
    """Forget a recorded signal (a new command starts; a test's simulated one is over)."""
    _received.clear()
