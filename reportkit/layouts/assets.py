"""Where a layout's assets are, and checking a brand's font and logo files when loaded.

One rule places every file a layout names (brand, content, logo, fonts, deck
template, a chart's ``csv``): :func:`asset_path`, relative to the layout file that
names it, in every command. :func:`layout_files` lists them for the incremental
build's digest and for ``watch``.

A font or logo is user input like any other: a truncated or corrupt TTF drove the
renderer to an internal error (or to tens of gigabytes), a truncated PNG failed
mid-render, a 60,000-pixel-square PNG or an SVG entity bomb gave multi-line
library messages. Here each file is read bounded (a regular file within
:data:`reportkit.inputs.LIMITS`) and parsed once, so a bad one is a one-line
:class:`~reportkit.errors.LayoutError` before anything is built. Results are
remembered per file version, so a warm process checks an unchanged file once.
"""

from __future__ import annotations

import io
import os
import re
import struct
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import LayoutError
from ..inputs import read_bytes
from . import kept

if TYPE_CHECKING:
    from .load import Layout

#: Logo pictures beyond this many pixels are refused (a logo is drawn a few centimetres wide).
MAX_LOGO_PIXELS = 40_000_000
_CHECKED: set[tuple[str, int, int, str]] = set()
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def asset_path(named_in: Path, ref: str) -> Path:
    """The file ``ref`` names, as written in the layout file ``named_in``: relative to
    ``named_in``'s folder (never to the working directory or the sources), absolute,
    symlinks resolved. Whether it may leave the layout folder is the loader's check."""
    p = Path(ref)
    return (p if p.is_absolute() else Path(named_in).parent / p).resolve()


def layout_files(layout: Layout) -> list[Path]:
    """Every file an output of ``layout`` is made from besides the sources: the layout,
    brand and content files, fonts, logo, deck template and the charts' CSV files
    (those that exist: one added later changes the list). A change to any of them
    must rebuild the output and wake ``watch``."""
    files = [Path(layout.path).resolve(), layout.brand_path, layout.content_path,
             *sorted(set(layout.font_paths.values()))]
    files += [p for p in (layout.logo_path, layout.template_path) if p is not None]
    for spec in layout.content.charts.values():
        if spec.data.csv:
            csv = asset_path(layout.content_path, spec.data.csv)
            if csv.is_file():
                files.append(csv)
    return files


def _version(p: Path, kind: str) -> tuple[str, int, int, str]:
    st = os.stat(p)
    return (str(p), st.st_size, st.st_mtime_ns, kind)


def check_font(p: Path, ref: str, keypath: str, path: Path, keep: Path | None = None) -> None:
    """A TrueType font both renderers can use (reportlab embeds it, Pillow measures with it).
    With ``keep`` (a :func:`.kept.folder`), bytes that passed before are not parsed again."""
    key = _version(p, "font")
    if key in _CHECKED:
        return
    data = read_bytes(p, "font", LayoutError)
    if kept.passed(keep, "font", data):
        _CHECKED.add(key)
        return
    if data[:4] not in (b"\x00\x01\x00\x00", b"true"):
        raise LayoutError(f"{keypath}: not a TrueType font (.ttf): {ref}", path)
    try:
        from reportlab.pdfbase.ttfonts import TTFontFile

        TTFontFile(io.BytesIO(data))  # walks the table directory and the glyph tables
        from PIL import ImageFont

        ImageFont.truetype(io.BytesIO(data), 12).getlength("Ag")
    except Exception as e:  # noqa: BLE001 - any parser failure means the file is unusable
        raise LayoutError(f"{keypath}: not a usable TrueType font (truncated or corrupt: "
                          f"{_first_line(e)}): {ref}", path) from None
    _CHECKED.add(key)
    kept.keep_passed(keep, "font", data)


def check_logo(p: Path, ref: str, path: Path, keep: Path | None = None) -> None:
    """A PNG that decodes fully at a sane size, or an SVG without a DTD (no entity tricks).
    With ``keep`` (a :func:`.kept.folder`), bytes that passed before are not decoded again:
    a warm build's process then imports no Pillow."""
    key = _version(p, "logo")
    if key in _CHECKED:
        return
    data = read_bytes(p, "logo", LayoutError)
    if kept.passed(keep, "logo", data, p.suffix.lower()):  # the suffix tells an SVG
        _CHECKED.add(key)
        return
    head = data[:512].lstrip()
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        _check_png(data, ref, path)
    elif p.suffix.lower() == ".svg" and (b"<svg" in head or head.startswith(b"<?xml")):
        if _DTD.search(data):
            raise LayoutError(f"logo: SVG with a DOCTYPE or entities is not accepted (entity expansion): {ref}",
                              path)
        _check_svg(data, ref, path)
    else:
        raise LayoutError(f"logo: not a PNG or SVG image: {ref}", path)
    _CHECKED.add(key)
    kept.keep_passed(keep, "logo", data, p.suffix.lower())


def _check_png(data: bytes, ref: str, path: Path) -> None:
    if len(data) < 24 or data[12:16] != b"IHDR":
        raise LayoutError(f"logo: not a readable PNG image (truncated or corrupt): {ref}", path)
    width, height = struct.unpack(">II", data[16:24])
    if width * height > MAX_LOGO_PIXELS:
        raise LayoutError(f"logo: image too large ({width:,} x {height:,} pixels; at most "
                          f"{MAX_LOGO_PIXELS // 1_000_000} megapixels): {ref}", path)
    try:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as im:
            im.load()
    except Exception as e:  # noqa: BLE001 - truncated, bad CRC, unsupported: all unusable
        raise LayoutError(f"logo: not a readable PNG image (truncated or corrupt: {_first_line(e)}): {ref}",
                          path) from None


_LENGTH = re.compile(r"\s*([0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\s*(px|pt|pc|mm|cm|in)?\s*")


def _check_svg(data: bytes, ref: str, path: Path) -> None:
    """Well-formed, an ``<svg>`` root, and a size both renderers agree on: a ``viewBox``, or
    ``width`` and ``height`` in absolute units (``100%`` alone is the size of a page it has not got:
    the brief drew nothing, the deck could not rasterise it)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise LayoutError(f"logo: not a readable SVG image ({_first_line(e)}): {ref}", path) from None
    if not isinstance(root.tag, str) or etree.QName(root).localname != "svg":
        raise LayoutError(f"logo: not an SVG image (no <svg> root element): {ref}", path)
    box = (root.get("viewBox") or "").replace(",", " ").split()
    try:
        boxed = len(box) == 4 and float(box[2]) > 0 and float(box[3]) > 0
    except ValueError:
        boxed = False
    sizes = [_LENGTH.fullmatch(root.get(k) or "") for k in ("width", "height")]
    if not boxed and not all(m and float(m.group(1)) > 0 for m in sizes):
        raise LayoutError(f"logo: the SVG gives no size (a viewBox, or width and height in absolute units): {ref}",
                          path)


def _first_line(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return (text[0][:120] if text else "") or e.__class__.__name__
