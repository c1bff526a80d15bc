"""Import reportlab's paragraph module without compiling the pattern it rarely needs.

``reportlab.platypus.paragraph`` compiles, at import, a URI pattern (derived from Django's
URL validator: IGNORECASE over unicode ranges) that it uses only to split a long URI across
lines. Compiling it costs ≈35 ms of CPU, a tenth of a warm brief's process, in every build,
although a brief's text rarely holds a URI too long for its line. :func:`import_paragraph`
imports the module with that one pattern deferred to its first use (a
:class:`~reportkit.lazyre.LazyPattern`: compiled by ``re.compile`` with the same text and
flags, so it matches exactly as before). Every other ``re.compile`` call passes straight
through, and ``re.compile`` is itself again once the import is done.

``reportlab.lib.utils`` imports Pillow's ``PIL.Image`` (with its EXIF tables, ≈10-15 ms) for
bitmaps a warm brief does not decode: its charts are drawings and its logo is placed from its
cache (pictures.py). :func:`import_paragraph` first makes ``PIL.Image`` a module that loads on
its first use (:mod:`reportkit.lazyimport`): the same module, loaded whole the moment anything
reads from it (a PNG fallback, a logo decoded on a cache miss).
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator

from ...lazyimport import defer
from ...lazyre import LazyPattern

# the start of reportlab's uri_pat (platypus/paragraph.py): recognised by text and flags, so a
# reportlab whose pattern differs is simply compiled at import as before
URI_HEAD = "(^(?:[a-z0-9\\.\\-\\+]*)://)"


@contextlib.contextmanager
def _uri_pattern_deferred() -> Iterator[None]:
    real = re.compile

    def compile_(pattern, flags=0):  # noqa: ANN001, ANN202 - re.compile's own signature
        if isinstance(pattern, str) and pattern.startswith(URI_HEAD) and flags == re.I:
            return LazyPattern(pattern, flags)
        return real(pattern, flags)

    re.compile = compile_  # type: ignore[assignment]
    try:
        yield
    finally:
        re.compile = real


def defer_pillow() -> None:
    """Make ``PIL.Image`` load on its first use (:func:`reportkit.lazyimport.defer`)."""
    defer("PIL.Image")


def import_paragraph() -> None:
    """Import ``reportlab.platypus.paragraph`` (once per process) with its URI pattern deferred,
    and Pillow's ``PIL.Image`` loaded only when used (:func:`defer_pillow`)."""
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    if "reportlab.lib.utils" not in sys.modules:
        defer_pillow()
    with _uri_pattern_deferred():
        import reportlab.platypus.paragraph  # noqa: F401
