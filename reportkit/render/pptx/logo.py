"""The brand logo as a slide picture: a PNG as it is, an SVG rasterised.

PowerPoint pictures cannot be SVG alone, and the deck used to refuse an SVG logo
unless a PNG lay beside it (a file the brand did not name, so replacing it went
unnoticed by the incremental build). Now the SVG the brand names is drawn by
cairosvg at the size its largest placement needs at :data:`DPI` (the title
slide's box, :data:`BOX_IN`), so it stays sharp when projected and small in the
file. The PNG depends on the SVG's bytes alone (cairosvg's safe mode fetches
nothing outside it and reads no entities) and is byte-identical from run to run;
it is cached by content hash under the chart cache folder (``--cache-dir``), in
``logos/``, so a warm build does not draw it again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from ... import entryfile, installed
from ...errors import RenderError
from ...inputs import read_bytes

DPI = 300
#: the largest box a logo is placed in (the title slide's, see ``slides.py``), in inches
BOX_IN = (3.4, 0.85)
BOX_PX = (round(BOX_IN[0] * DPI), round(BOX_IN[1] * DPI))
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def deck_logo(path: Path | None, cache_dir: Path | None, use_cache: bool,
              warn: Callable[[str], None]) -> Path | bytes | None:
    """What slides show as the logo: a PNG's path, an SVG's rasterised PNG bytes, or
    None (no logo; a warning says why when the SVG cannot be drawn on this machine).

    Raises :class:`~reportkit.errors.RenderError` for an SVG that cannot be drawn
    (no size, broken markup): the brief would fail on it too.
    """
    if path is None or path.suffix.lower() != ".svg":
        return path
    svg = read_bytes(path, "logo", RenderError)
    key = cache_key(svg)
    entry = _cache_entry(cache_dir, key) if use_cache else None
    if entry is not None:
        from ...charts import read_cached

        cached = read_cached(entry, "png")
        if cached is not None:
            return cached
    try:
        png = rasterise(svg, path)
    except _NoCairo as e:
        warn(f"deck: logo {path.name} is SVG and {e}; slides carry no logo")
        return None
    if entry is not None:
        from ...charts import write_cached

        try:
            write_cached(entry, png)
        except OSError:
            pass  # a read-only or full cache costs a redraw next time, never the build
    return png


class _NoCairo(Exception):
    """cairosvg or the cairo library it loads is missing on this machine."""


def cache_key(svg: bytes) -> str:
    """The cache entry's name: the SVG's bytes, the target size, the rasteriser's versions and
    this module's code."""
    prefix = installed.code_prefix(f"reportkit-logo/1 {BOX_PX}", ("cairosvg", "cairocffi"), (__file__,))
    h = hashlib.sha256(prefix.encode() + b"\0")
    h.update(svg)
    return h.hexdigest()


def _cache_entry(cache_dir: Path | None, key: str) -> Path:
    if cache_dir is None:
        from ...charts import default_cache_dir

        cache_dir = default_cache_dir()
    return entryfile.entry_path(Path(cache_dir) / "logos", key, ".png")


def rasterise(svg: bytes, path: Path) -> bytes:
    """The SVG as a PNG fitting :data:`BOX_PX` (its height filling the box unless it is
    wider than the box's shape, then its width), aspect ratio kept. The size is read
    before drawing, so a 100,000:1 SVG never asks cairo for a gigapixel surface."""
    try:
        import cairosvg
        from cairosvg.helpers import node_format
        from cairosvg.parser import Tree
        from cairosvg.surface import PNGSurface
    except (ImportError, OSError) as e:  # OSError: cairocffi finds no libcairo
        raise _NoCairo(f"cannot be rasterised here ({_first_line(e)}; install libcairo2 and cairosvg)") from None
    try:
        tree = Tree(bytestring=svg, unsafe=False)
        probe = PNGSurface(tree, None, 96, output_width=1, output_height=1)  # units resolved, nothing drawn big
        width, height, _box = node_format(probe, tree, reference=False)  # a bare "100%" is no size
        if not width or not height or width < 0 or height < 0:
            raise RenderError("cannot draw SVG logo: it gives no size (width and height, or a viewBox)", path)
        box_w, box_h = BOX_PX
        if width / height > box_w / box_h:  # a very wide logo: fit the width instead
            out_w, out_h = box_w, max(1, round(box_w * height / width))
        else:
            out_w, out_h = max(1, round(box_h * width / height)), box_h
        png = cairosvg.svg2png(bytestring=svg, output_width=out_w, output_height=out_h, unsafe=False)
    except RenderError:
        raise
    except Exception as e:  # noqa: BLE001 - cairosvg raises many types for odd files
        raise RenderError(f"cannot draw SVG logo: {_first_line(e)}", path) from None
    if not png.startswith(PNG_MAGIC):
        raise RenderError("cannot draw SVG logo: the rasteriser wrote no PNG", path)
    return png


def _first_line(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return (text[0][:120] if text else "") or e.__class__.__name__
