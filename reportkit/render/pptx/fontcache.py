"""Font measurements kept in the deck cache, so a one-off build need not measure again.

Paginating a deck measures every character of its text with the brand font
(:class:`~.text.Metrics`): opening the font with PIL, reading which characters it
covers with reportlab's TrueType parser (≈60 ms to import, in a process that has no
other use for it) and one PIL call per distinct character. What a deck measured is
kept under ``<cache dir>/deck/fonts/`` (:mod:`.store`), keyed by the font file's
sha256, the PIL, FreeType and reportlab versions and :func:`.store.code_version`, as JSON: the
line ratio, the covered code points as ranges and each character's width. The
numbers read back are the floats measured, so pagination, and every byte of the
deck, is the same; a character not kept yet is measured as before and the entry
grows. A malformed entry is a miss.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

from ... import installed
from . import store
from .text import Kept, Metrics

MAX_RANGES = 100_000
MAX_CHARS = 200_000


def _key(path: str) -> str | None:
    try:
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None
    from PIL import features  # imported by the deck anyway (memo.resolved_context)

    # FreeType rasterises the glyphs PIL measures: a system Pillow follows the system's FreeType
    versions = [f"{dist}={installed.version(dist)}" for dist in ("pillow", "reportlab")]
    return store.entry_key("font-measures", digest, *versions, f"freetype={features.version('freetype2')}")


def load_kept(path: str, cache: Path) -> Kept | None:
    """The measurements kept for the font file at ``path``, or None."""
    key = _key(path)
    data = store.load(cache, "fonts", key) if key is not None else None
    if data is None:
        return None
    try:
        return _parse(json.loads(data))
    except (ValueError, TypeError, OverflowError, RecursionError):
        return None


def keep(fonts: list[Metrics], cache: Path) -> None:
    """Store what ``fonts`` measured that their entries lack (nothing when a build
    measured no new character and each font has its entry)."""
    for m in fonts:
        if len(m._widths) == m.kept_count:
            continue
        key = _key(m.path)
        if key is None:
            continue
        store.save(cache, "fonts", key, json.dumps(_dump(m.measured()), sort_keys=True).encode("ascii"))
        m.kept_count = len(m._widths)


def _ranges(points: frozenset[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for p in sorted(points):
        if out and out[-1][1] == p - 1:
            out[-1][1] = p
        else:
            out.append([p, p])
    return out


def _dump(kept: Kept) -> dict:
    return {"line_ratio": kept.line_ratio, "cmap": None if kept.cmap is None else _ranges(kept.cmap),
            "widths": kept.widths}


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
            or not 0 <= value <= 100:
        raise ValueError("bad number")
    return value  # as JSON gave it: an int stays an int, as PIL's 0 did


def _parse(obj: object) -> Kept:
    if not isinstance(obj, dict) or set(obj) != {"line_ratio", "cmap", "widths"}:
        raise ValueError("not font measures")
    cmap = obj["cmap"]
    points: frozenset[int] | None = None
    if cmap is not None:
        if not isinstance(cmap, list) or len(cmap) > MAX_RANGES:
            raise ValueError("bad cmap")
        found: set[int] = set()
        for pair in cmap:
            if not isinstance(pair, list) or len(pair) != 2 or not all(
                    isinstance(p, int) and not isinstance(p, bool) and 0 <= p <= 0x10FFFF for p in pair) \
                    or pair[0] > pair[1]:
                raise ValueError("bad cmap range")
            found.update(range(pair[0], pair[1] + 1))
        points = frozenset(found)
    widths = obj["widths"]
    if not isinstance(widths, dict) or len(widths) > MAX_CHARS:
        raise ValueError("bad widths")
    parsed = {}
    for ch, w in widths.items():
        if len(ch) != 1:
            raise ValueError("bad character")
        parsed[ch] = _number(w)
    return Kept(_number(obj["line_ratio"]), points, parsed)
