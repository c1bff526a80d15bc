"""SVG (charts, logo) to reportlab Drawings through svglib, with the repairs that
plotly's SVG needs.

svglib ignores CSS ``white-space: pre`` (plotly's annotations rely on it, so
``<tspan>31×</tspan> since 2022`` lost its space) and anchors every fragment of a
``<text>`` separately, so mixed bold/regular text with ``text-anchor="middle"``
overlapped itself. We parse with ``xml:space="preserve"`` and then lay each line
of fragments out again, left to right, with the widths of the fonts actually used.

The finished Drawing is kept on disk (:mod:`.svgcache`), so a brief whose charts
were all converted before imports no svglib.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import Any

from ...errors import RenderError
from ...inputs import read_bytes
from .fonts import FontSet

XML_NS = "http://www.w3.org/XML/1998/namespace"


#: SVGs larger than this are not read (plotly's charts are tens of kilobytes).
MAX_SVG = 16 * 1024 * 1024


def _preserving(data: bytes, path: Path) -> io.BytesIO:
    """The SVG with ``xml:space="preserve"`` on its root element."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.parse(io.BytesIO(data), parser, base_url=str(path)).getroot()
    except etree.XMLSyntaxError as e:
        raise RenderError(f"cannot read SVG: {e}", path) from None
    root.set(f"{{{XML_NS}}}space", "preserve")
    return io.BytesIO(etree.tostring(root))


def _read(path: Path) -> bytes:
    """The SVG's bytes through the checked read every user-named file takes: a FIFO, a
    device or a folder is a one-line error, not a hang. (Only a logo's message is ever
    shown: a chart whose SVG cannot be read is drawn from its PNG.)"""
    return read_bytes(path, "logo", RenderError, MAX_SVG)


def load_svg(path: Path, fonts: FontSet, cache: Path | None = None) -> Any:
    """An SVG file as a reportlab Drawing whose text uses the brand fonts (or a
    fallback with the glyphs) and whose mixed-style text lines are laid out again.

    ``cache`` is the drawings folder (:func:`.svgcache.folder`) to reuse and keep the
    result in, or None to convert without it (``--no-cache``)."""
    from . import svgcache

    data = _read(path)
    key = svgcache.cache_key(data, fonts) if cache is not None else ""
    if cache is not None:
        drawing = svgcache.load(cache, key, fonts)
        if drawing is not None:
            return drawing
    drawing = _convert(data, path, fonts)
    # a drawing that lost characters is not kept on disk: the next brief converts it again, so its
    # warnings are said again (the codec keeps no record; such a chart is rare)
    if cache is not None and not undrawn_in(drawing):
        svgcache.store(cache, key, drawing)
    return drawing


def undrawn_in(drawing: Any) -> dict[str, str]:
    """The characters no font draws that converting ``drawing`` met, each with what it printed
    instead (:mod:`.glyphs`): a drawing reused from memory says them again to its new brief."""
    return drawing.__dict__.get("_rk_undrawn") or {}


def _convert(data: bytes, path: Path, fonts: FontSet) -> Any:
    from svglib.svglib import svg2rlg

    # svglib logs every unsupported attribute at WARNING level; they are not the user's problem.
    logging.getLogger("svglib.svglib").setLevel(logging.ERROR)
    source = _preserving(data, path)
    try:
        drawing = svg2rlg(source, font_map=fonts.svg_font_map(), external_reference_root=str(path.parent))
    except Exception as e:  # noqa: BLE001 - svglib raises many types for odd files
        raise RenderError(f"cannot read SVG: {e.__class__.__name__}: {e}", path) from None
    if drawing is None or not drawing.width or not drawing.height:
        raise RenderError("cannot read SVG: no drawable content", path)
    with fonts.recording() as own:
        fonts.fix_drawing(drawing)
    if own:  # past reportlab's attribute check: the record is ours, not a drawing attribute
        drawing.__dict__["_rk_undrawn"] = own
    _relayout_text(drawing)
    return drawing


def _relayout_text(drawing: Any) -> None:
    """Lay out each line of a converted ``<text>`` as one run from its anchor."""
    from reportlab.graphics.shapes import Group, String

    stack = [drawing]
    while stack:
        node = stack.pop()
        contents = getattr(node, "contents", None) or []
        strings = [c for c in contents if isinstance(c, String)]
        if isinstance(node, Group) and len(strings) > 1 and len(strings) == len(contents):
            _relayout_group(strings)
        else:
            stack.extend(contents)


def _relayout_group(strings: list[Any]) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: dict[float, list[Any]] = {}
    for s in strings:
        lines.setdefault(round(s.y, 2), []).append(s)
    for frags in lines.values():
        if len(frags) < 2:
            continue
        widths = [stringWidth(f.text, f.fontName, f.fontSize) for f in frags]
        anchor = getattr(frags[0], "textAnchor", "start")
        x = frags[0].x
        total = sum(widths)
        if anchor == "middle":
            x -= total / 2
        elif anchor == "end":
            x -= total
        for frag, width in zip(frags, widths, strict=True):
            frag.x, frag.textAnchor = x, "start"
            x += width
