"""A part's relationships (its ``.rels`` member) written as python-pptx writes them, faster.

python-pptx builds each ``.rels`` file as an XML tree, one element and four checked attributes a
relationship, and works out every internal target's relative address with ``posixpath.relpath``
each time: with a deck's dozens of parts and their layouts, masters and pictures, that was about
a twentieth of a warm deck's build (half of writing the package), the same every report. Here
the bytes are joined directly, and a relative address, which depends only on the two part names,
is worked out once a process. :func:`rels_xml` gives the bytes python-pptx's
``_Relationships.xml`` gives (tests/test_pptx_relsxml.py compares them on every kind of deck);
a value it is not sure to escape as lxml does (a control character) goes to python-pptx's own
writer instead.
"""

from __future__ import annotations

import posixpath
from typing import Any

from ...lazyre import lazy

_HEAD = (b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
         b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"')
UNSURE = lazy(r"[\x00-\x1f\ud800-\udfff\ufffe\uffff]")  # lxml refuses or escapes these: its own writer decides
ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_REFS: dict[tuple[str, str], str] = {}  # (part name, base URI) -> the relative address
_MAX_REFS = 50_000  # a watch session or batch worker of many templates must not grow without bound


def _relative(partname: str, base_uri: str) -> str:
    """``PackURI.relative_ref``: the part's address relative to ``base_uri``, kept."""
    key = (partname, base_uri)
    ref = _REFS.get(key)
    if ref is None:
        if len(_REFS) >= _MAX_REFS:
            _REFS.clear()
        ref = _REFS[key] = partname[1:] if base_uri == "/" else posixpath.relpath(partname, base_uri)
    return ref


def _order(rid: str) -> tuple[int, str]:
    """python-pptx's order: by the number of an ``rIdN`` id, others first, then by id."""
    return (int(rid[3:]) if rid.startswith("rId") and rid[3:].isdigit() else 0, rid)


def rels_xml(rels: Any) -> bytes:
    """The ``.rels`` bytes of python-pptx's ``_Relationships`` ``rels`` (its ``xml``)."""
    base = rels._base_uri
    out = []
    for rid in sorted(rels.keys(), key=_order):
        rel = rels[rid]
        if rel.is_external:
            target, mode = rel.target_ref, ' TargetMode="External"'
        else:
            target, mode = _relative(rel._target.partname, base), ""
        text = f"{rid}{rel.reltype}{target}"
        if UNSURE.search(text):
            return rels.xml
        out.append(f'<Relationship Id="{rid.translate(ESCAPES)}" Type="{rel.reltype.translate(ESCAPES)}" '
                   f'Target="{target.translate(ESCAPES)}"{mode}/>')
    if not out:
        return _HEAD + b"/>"
    return _HEAD + b">" + "".join(out).encode() + b"</Relationships>"
