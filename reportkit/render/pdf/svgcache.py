"""The converted chart Drawings on disk, so a warm brief neither imports svglib nor
converts an SVG it converted before.

An entry is ``<cache>/drawings/<key[:2]>/<key>.json``: one header line
(``reportkit-drawing <codec version> <key> <sha256 of the rest>``) and the Drawing
in :mod:`.drawcodec`'s JSON form. The key covers everything the Drawing is made
from: the SVG's bytes, the versions of svglib, reportlab and the XML/CSS parsers
svglib uses, this package's conversion code (``svg.py``, ``fonts.py``, the codec),
the brand's registered font names (named after the fonts' content) and which
fallback fonts are installed. An entry is read bounded and checked (header, key,
checksum, codec whitelist, fonts registered); anything wrong is a miss and the SVG
is converted again. Writes are atomic, and a cache that cannot be written only
costs the conversion next time.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

from ... import entryfile, installed
from .drawcodec import CODEC_VERSION, CodecError, decode, encode
from .fonts import FALLBACK_FONTS, FontSet

#: An entry larger than this is not read (a chart's is tens of kilobytes).
MAX_ENTRY = 16 * 1024 * 1024
#: Past this, the entries used longest ago go (see :func:`.entryfile.prune`).
MAX_TOTAL = 256 * 1024 * 1024
_NAME = re.compile(r"[0-9a-f]{64}\.json")
_PRUNED: set[Path] = set()  # folders already pruned by this process
_MAGIC = b"reportkit-drawing"
#: Distributions whose code turns SVG bytes into the Drawing.
_DISTS = ("svglib", "reportlab", "lxml", "cssselect2", "tinycss2")
_CODE_FILES = tuple(Path(__file__).parent / name for name in ("svg.py", "fonts.py", "drawcodec.py", "svgcache.py"))


def folder(cache_dir: Path | None) -> Path:
    """The drawings folder under the chart cache folder (``--cache-dir``, else the default)."""
    if cache_dir is None:
        from ...charts import default_cache_dir

        cache_dir = default_cache_dir()
    return Path(cache_dir) / "drawings"


def _code_prefix() -> bytes:
    """The key's part that is the same for every SVG in this process: versions and code."""
    return installed.code_prefix(f"{_MAGIC.decode()}/{CODEC_VERSION}", _DISTS, _CODE_FILES).encode()


def _fallback_state() -> str:
    """Which fallback fonts are installed (a font installed later changes a chart's glyphs)."""
    out = []
    for pair in FALLBACK_FONTS:
        for p in pair:
            try:
                st = os.stat(p) if p else None
            except OSError:
                st = None
            out.append(f"{st.st_size}:{st.st_mtime_ns}" if st else "-")
    return ",".join(out)


def cache_key(svg: bytes, fonts: FontSet) -> str:
    """The entry name for ``svg`` drawn with ``fonts``."""
    faces = ",".join((fonts.regular, fonts.bold, fonts.italic, fonts.bold_italic))
    h = hashlib.sha256(_code_prefix() + f" fonts={faces} fallbacks={_fallback_state()}\0".encode())
    h.update(svg)
    return h.hexdigest()


def _entry(cache: Path, key: str) -> Path:
    return entryfile.entry_path(cache, key, ".json")


def load(cache: Path, key: str, fonts: FontSet) -> Any | None:
    """The cached Drawing for ``key``, or None when there is none or it is not sound."""
    body = entryfile.read(_entry(cache, key), _fields(key), MAX_ENTRY)
    if body is None:
        return None
    try:
        drawing = decode(json.loads(body))
    except (CodecError, ValueError, TypeError, RecursionError):  # ValueError covers JSON and UTF-8 errors
        return None
    return drawing if _fonts_usable(drawing, fonts) else None


def _fields(key: str) -> list[bytes]:
    return [_MAGIC, str(CODEC_VERSION).encode(), key.encode()]


def _fonts_usable(drawing: Any, fonts: FontSet) -> bool:
    """Every string names a brand face or an installed fallback (registered here, as the
    conversion would have; only the fallbacks named)."""
    from reportlab.graphics.shapes import String

    known: dict[str, bool] = {}
    stack = [drawing]
    while stack:
        node = stack.pop()
        if isinstance(node, String):
            name = node.fontName
            if name not in known:
                known[name] = fonts.knows(name)
            if not known[name]:
                return False
        stack.extend(getattr(node, "contents", None) or [])
    return True


def store(cache: Path, key: str, drawing: Any) -> None:
    """Write ``drawing`` under ``key``; a drawing the codec cannot represent, or a cache that
    cannot be written, is left out silently (the next build converts the SVG again). The
    folder is pruned past :data:`MAX_TOTAL` when this process first writes to it."""
    try:
        body = json.dumps(encode(drawing), separators=(",", ":"), allow_nan=False, ensure_ascii=False).encode()
    except (CodecError, ValueError, RecursionError):
        return
    entryfile.write(_entry(cache, key), _fields(key), body, MAX_ENTRY)
    if cache not in _PRUNED:
        _PRUNED.add(cache)
        entryfile.prune(cache, MAX_TOTAL, lambda name: bool(_NAME.fullmatch(name)))
