"""A package's ``[Content_Types].xml`` written as python-pptx writes it, faster.

python-pptx builds it as an XML tree (an element and two checked attributes a part) after asking
every part for its name, extension and content type through its lazy properties: a few ms of a
warm deck's build, the same every report. Here the bytes are joined directly from the same
mapping python-pptx makes (``_ContentTypesItem``: a part whose extension and content type are a
default pair goes under ``<Default>``, any other under ``<Override>``; both sorted as it sorts
them). :func:`types_xml` gives the bytes python-pptx gives (tests/test_pptx_relsxml.py compares
them on every kind of deck); a value it is not sure to escape as lxml does goes to python-pptx's
own writer instead.
"""

from __future__ import annotations

import posixpath
from typing import Any

from .relsxml import ESCAPES, UNSURE

_HEAD = (b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
         b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">')
_DEFAULTS: frozenset[tuple[str, str]] | None = None


def _default_pairs() -> frozenset[tuple[str, str]]:
    global _DEFAULTS
    if _DEFAULTS is None:
        from pptx.opc.spec import default_content_types

        _DEFAULTS = frozenset(default_content_types)
    return _DEFAULTS


def types_xml(parts: Any) -> bytes:
    """The ``[Content_Types].xml`` bytes python-pptx writes for the package's ``parts``."""
    from pptx.opc.constants import CONTENT_TYPE as CT
    from pptx.opc.serialized import _ContentTypesItem
    from pptx.opc.oxml import serialize_part_xml

    pairs = _default_pairs()
    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}  # keys lower case, as its CaseInsensitiveDict
    overrides: dict[str, str] = {}
    for part in parts:
        partname, content_type = part.partname, part.content_type
        raw = posixpath.splitext(partname)[1]
        ext = raw[1:] if raw.startswith(".") else raw
        if (ext.lower(), content_type) in pairs:
            defaults[ext.lower()] = content_type
        else:
            overrides[partname] = content_type
    out = [f'<Default Extension="{ext.translate(ESCAPES)}" ContentType="{ct.translate(ESCAPES)}"/>'
           for ext, ct in sorted(defaults.items())]
    out += [f'<Override PartName="{name.translate(ESCAPES)}" ContentType="{ct.translate(ESCAPES)}"/>'
            for name, ct in sorted(overrides.items())]
    text = "".join(out)
    if UNSURE.search(text):
        return serialize_part_xml(_ContentTypesItem.xml_for(parts))
    return _HEAD + text.encode() + b"</Types>"
