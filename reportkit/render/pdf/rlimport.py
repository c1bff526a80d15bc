"""Import reportlab's paragraph module without compiling the pattern it rarely needs.

``reportlab.platypus.paragraph`` compiles, at import, a URI pattern (derived from Django's
URL validator: IGNORECASE over unicode ranges) that it uses only to split a long URI across
lines. Compiling it costs ≈35 ms of CPU, a tenth of a warm brief's process, in every build,
although a brief's text rarely holds a URI too long for its line. :func:`import_paragraph`
imports the module with that one pattern deferred to its first use (a
:class:`~reportkit.lazyre.LazyPattern`: compiled by ``re.compile`` with the same text and
flags, so it matches exactly as before). Every other ``re.compile`` call passes straight
through, and ``re.compile`` is itself again once the import is done.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator

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


def import_paragraph() -> None:
    """Import ``reportlab.platypus.paragraph`` (once per process) with its URI pattern deferred."""
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    with _uri_pattern_deferred():
        import reportlab.platypus.paragraph  # noqa: F401
