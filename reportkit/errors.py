"""The one exception family that users see.

Anything a user can cause (bad input, bad layout, missing browser) raises a
:class:`ReportkitError`; the CLI prints it as one line, ``error: <file>: <problem>``,
and exits with code 2. Any other exception is a bug (exit code 1).
"""

from __future__ import annotations

import os


class ReportkitError(Exception):
    """Base class: a problem the user can fix, optionally tied to a file."""

    exit_code = 2

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = os.fspath(path) if path is not None else None

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message

    def lines(self) -> list[str]:
        """What the CLI prints, one ``error:`` line each: one, unless a subclass lists every problem."""
        return [str(self)]


class InputError(ReportkitError):
    """A source file or folder cannot be read or holds nothing usable."""


class LayoutError(ReportkitError):
    """A layout file is malformed; the message names the key path."""


class ChartError(ReportkitError):
    """A chart cannot be resolved or rendered (no data, browser missing, timeout)."""


class RenderError(ReportkitError):
    """An output file cannot be produced or written."""


class ImageNotReady(RenderError):
    """A render needs a chart image that is drawn after its task was sent: a brief sent once its
    SVGs are drawn meets an SVG it cannot read, whose PNG (the fallback) is still being drawn.
    The render stage makes that output again once the PNG is there; never shown to a user."""
