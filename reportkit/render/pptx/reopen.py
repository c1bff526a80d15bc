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
    prs = _clone(pristine)
    prepare(prs)
    return prs


def _clone(pristine: Any) -> Any:
    """A copy of the presentation ``pristine`` made part by part: each part object anew, its
    XML tree copied (lxml does that in C), its relationships made again to the new parts, and
    nothing python-pptx computed lazily carried over (a proxy cached on the kept presentation
    holds the kept trees). ``copy.deepcopy`` of the whole object graph gives the same package but
    spends two thirds of its ≈3 ms on bookkeeping for a thousand small Python objects; this takes
    ≈1.2 ms. Anything not of the shape this knows (an attribute of a type it has not seen, a
    python-pptx whose parts are laid out otherwise) is left to ``copy.deepcopy``."""
    try:
        return _clone_parts(pristine)
    except _Unknown:
        return copy.deepcopy(pristine)


class _Unknown(Exception):
    """The package holds something :func:`_clone` does not know how to copy."""


def _clone_parts(pristine: Any) -> Any:
    from pptx.opc.package import Part, _Relationship, _Relationships

    old_package = pristine.part.package
    parts = list(old_package.iter_parts())
    package = _fresh(old_package, ())
    new: dict[int, Any] = {}
    for part in parts:
        if not isinstance(part, Part):
            raise _Unknown
        copied = _fresh(part, ("_element", "_package"))
        copied._package = package
        if "_element" in part.__dict__:
            copied._element = copy.deepcopy(part._element)
        new[id(part)] = copied

    def relationships(old: Any) -> Any:
        if type(old) is not _Relationships or set(old.__dict__) - {"_base_uri", "_rels"}:
            raise _Unknown
        rels = _Relationships(old._base_uri)
        for rId, rel in old._rels.items():
            if type(rel) is not _Relationship:
                raise _Unknown
            target = rel._target if isinstance(rel._target, str) else new.get(id(rel._target))
            if target is None:
                raise _Unknown  # a part iter_parts did not reach
            rels._rels[rId] = _Relationship(rel._base_uri, rel._rId, rel._reltype, rel._target_mode, target)
        return rels

    package.__dict__["_rels"] = relationships(old_package._rels)
    for part in parts:
        if "_rels" in part.__dict__:
            new[id(part)].__dict__["_rels"] = relationships(part._rels)
    return new[id(pristine.part)].presentation


# what a part or the package may hold besides its tree and its package: values nobody changes
_PLAIN = (str, bytes, int, float, type(None), io.BytesIO)


def _fresh(obj: Any, own: tuple[str, ...]) -> Any:
    """A new object of ``obj``'s class with its plain attributes (``own`` are set by the caller)
    and none of what python-pptx caches lazily (recomputed from the new object on first use)."""
    from pptx.util import lazyproperty

    made = object.__new__(type(obj))
    cls = type(obj)
    for name, value in obj.__dict__.items():
        if name in own or isinstance(getattr(cls, name, None), lazyproperty):
            continue
        if not isinstance(value, _PLAIN):
            raise _Unknown
        made.__dict__[name] = value
    return made


def _remember(store: dict[bytes, Any], blob: bytes, value: Any) -> Any:
    if len(store) >= KEEP:
        store.pop(next(iter(store)))  # the oldest
    store[blob] = value
    return value


def forget() -> None:
    """Drop what is kept (tests; a process that will open other packages from now on)."""
    _seen.clear()
    _pristine.clear()
