"""The on-disk cache of rendered chart images: where it lives, what names an entry, and
how an entry is written and checked. Standard library only: a warm build (every chart
cached) loads this and never the browser half (:mod:`reportkit.charts.browser`).

The cache key is computed from the :class:`~reportkit.model.ChartData`, the brand,
format, size and scale, and the prefix every cache key starts from
(:func:`reportkit.installed.code_prefix`): the installed plotly/kaleido/choreographer
versions (read without importing importlib.metadata) and the modules that draw figures. It is
*not* computed from the figure JSON: that would need plotly imported (≈0.5 s) just
to find out that nothing needs drawing. Cache files are written atomically (temp
file + rename), so concurrent builds never see a half-written image. Each image's checksum
file also holds what drew it (:func:`drawer`: the browser's stamp, :mod:`reportkit.chromium`,
and the fonts fontconfig offers it): an image another Chromium or other fonts drew is drawn
again, since they may draw other pixels.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from .. import chromium, entryfile, installed
from ..atomic import write_bytes
from ..layouts import plain
from ..model import ChartData
from .labelfit import title_lines

if TYPE_CHECKING:
    from ..layouts import Brand

WIDTH, HEIGHT, SCALE = 800, 450, 2.0
FORMATS = ("png", "svg")
# Raised when the SVG bytes written for the same chart change (2: attributes sorted by name).
SVG_VERSION = 2
# Files whose code decides what a chart looks like: editing them invalidates the cache.
_STYLE_FILES = tuple(Path(__file__).parent / name
                     for name in ("data.py", "describe.py", "draw.py", "labelfit.py", "residual.py", "../numbers.py"))
#: The libraries that draw a chart's image.
_DISTS = ("plotly", "kaleido", "choreographer")


def default_cache_dir() -> Path:
    """``$REPORTKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/reportkit/charts``, else ``~/.cache/reportkit/charts``."""
    if os.environ.get("REPORTKIT_CACHE_DIR"):
        return Path(os.environ["REPORTKIT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "reportkit" / "charts"


def _versions() -> str:
    """The key's part that is the same for every chart in this process: versions and code."""
    return installed.code_prefix("reportkit-charts", _DISTS, _STYLE_FILES)


def cache_key(chart: ChartData, brand: Brand, fmt: str, width: int = WIDTH, height: int = HEIGHT,
              scale: float = SCALE) -> str:
    """A hex digest naming one rendered image (see the module docstring for what goes in)."""
    drawn = asdict(chart)
    drawn.pop("fact_ids")  # provenance ids, not pixels: a path spelt differently must still hit the cache
    payload = {
        "chart": drawn, "colors": plain(brand.colors), "family": brand.fonts.family,
        "format": fmt, "size": [width, height, scale if fmt == "png" else 1], "versions": _versions(),
    }
    shown, wrapped = title_lines(chart.title)
    if wrapped:  # a long title drawn on two lines (labelfit.py): not an image drawn before it was broken
        payload["title_lines"] = shown
    if fmt == "svg":  # its bytes changed without a version change (attributes sorted): not an old entry
        payload["svg"] = SVG_VERSION
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def drawer(browser_path: str | None = None) -> str | None:
    """What draws a missing image, as a short digest: the browser (:func:`reportkit.chromium.stamp`
    of ``browser_path``, else of the one found) and the fonts fontconfig offers it (a chart's
    text is drawn with them: one installed, removed or overwritten may change its pixels).
    None when there is no browser to draw with."""
    browser = chromium.stamp(browser_path)
    if browser is None:
        return None
    text = f"{browser}\0{installed.font_files_stamp()}".encode("utf-8", "surrogateescape")
    return hashlib.sha256(text).hexdigest()[:16]


def entry_path(cache: Path, key: str, fmt: str) -> Path:
    """Where the image named ``key`` lives in ``cache`` (256 sub-folders by the key's first byte)."""
    return entryfile.entry_path(cache, key, f".{fmt}")


# A chart image is well under a megabyte; anything this large is not one of ours (a bounded read).
MAX_ENTRY = 64 << 20
_MAGIC = {"png": (b"\x89PNG\r\n\x1a\n",), "svg": (b"<svg", b"<?xml")}


# The checksum file: the image's sha256 and the stamp of the browser that drew it.
_MAX_CHECK = 128


def _checksum_path(entry: Path) -> Path:
    return entry.with_name(entry.name + ".sha256")


def write_cached(entry: Path, data: bytes, browser: str | None = None) -> None:
    """Store an image in the cache with its checksum beside it (image first, so a
    crash in between leaves an entry that fails :func:`read_cached`, never a wrong one),
    and the :func:`drawer` that drew it (``browser``)."""
    write_bytes(entry, data)
    check = hashlib.sha256(data).hexdigest() + (f" {browser}" if browser else "")
    write_bytes(_checksum_path(entry), check.encode("ascii"))


def read_cached(entry: Path, fmt: str, browser: str | None = None) -> bytes | None:
    """A cache entry's bytes if it is sound: not empty, the format's signature, and the
    checksum written with it. Anything else (a truncated or zeroed file, a disk error,
    an entry from before checksums) is None, and the chart is rendered again.

    With a ``browser`` (a :func:`drawer`), an image another drew (Chromium upgraded or
    replaced, a font installed or changed: other pixels, maybe) is None too. Without one,
    when no browser is found, the image is used as it is: nothing could draw it again."""
    try:
        with open(entry, "rb") as f:
            data = f.read(MAX_ENTRY + 1)
        with open(_checksum_path(entry), "rb") as f:
            want, _sep, drawn_by = f.read(_MAX_CHECK + 1).strip().partition(b" ")
    except OSError:
        return None
    if len(data) > MAX_ENTRY:
        return None
    if not data.lstrip()[:8].startswith(_MAGIC[fmt]):
        return None
    if browser is not None and drawn_by != browser.encode("ascii", "replace"):
        return None
    if hashlib.sha256(data).hexdigest().encode("ascii") != want:
        return None
    return data
