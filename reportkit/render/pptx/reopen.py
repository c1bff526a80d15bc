"""A package opened again in a warm process is copied, not parsed again.

python-pptx parses every part of a package it opens (≈8.5 ms of CPU for the branded default
template here, more for a user's template with its pictures and layouts), and a deck is built
on a fresh copy each time: a batch worker or a ``watch`` session opened the same bytes for every
report. From the second time a process opens the same bytes, it keeps one parsed presentation
untouched and gives out deep copies of it (≈2.9 ms: lxml copies the parsed trees in
C). The first open is given out as parsed, so a one-off build pays nothing for this. A copy saves
to the same bytes as a fresh parse (tests/test_pptx_reopen.py).
"""

from __future__ import annotations

import copy
import io
from collections.abc import Callable
from typing import Any

#: how many distinct packages a process keeps parsed (a batch of many templates keeps the latest)
KEEP = 4

_seen: dict[bytes, None] = {}  # bytes opened once: the next open parses a pristine copy to keep
_pristine: dict[bytes, Any] = {}  # bytes -> a prepared Presentation no deck is built on


def presentation_of(blob: bytes, prepare: Callable[[Any], None] = lambda _p: None) -> Any:
    """A new python-pptx Presentation of the package ``blob``, after ``prepare(prs)``. Raises what
    python-pptx (or ``prepare``) raises on a package it cannot open.

    The presentation kept is never touched, not even prepared: python-pptx caches proxies that hold
    elements inside a part's tree (``prs.slides`` holds its ``sldIdLst``), and a deep copy of such a
    proxy is a detached copy of its element, so whatever was later added through it would be lost
    (measured: a template's slides missing from the copy's deck). A fresh parse holds none."""
    from pptx import Presentation

    pristine = _pristine.get(blob)
    if pristine is None:
        prs = Presentation(io.BytesIO(blob))
        if blob not in _seen:  # the first time: given out as parsed, nothing kept but the bytes' key
            _remember(_seen, blob, None)
            prepare(prs)
            return prs
        pristine = _remember(_pristine, blob, prs)
    prs = copy.deepcopy(pristine)
    prepare(prs)
    return prs


def _remember(store: dict[bytes, Any], blob: bytes, value: Any) -> Any:
    if len(store) >= KEEP:
        store.pop(next(iter(store)))  # the oldest
    store[blob] = value
    return value


def forget() -> None:
    """Drop what is kept (tests; a process that will open other packages from now on)."""
    _seen.clear()
    _pristine.clear()
