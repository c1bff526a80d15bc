"""Layouts loaded once in a process and used again while none of their files has changed.

A batch's workers build many reports of the same few layouts, and ``watch`` rebuilds with the
same ones at every edit: loading a layout again (its files read, kept models found, fonts and
logos checked) costs ≈3 ms each time. A layout is used again only while every file it is made
of (:func:`~reportkit.layouts.assets.layout_files`: the layout, brand and content files, fonts,
logo, template, chart CSVs) has the size, times and inode it had when it was loaded.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from .assets import layout_files
from .load import load_layout

if TYPE_CHECKING:
    from .models import Layout

#: A file changed this close to when it was read may have changed after it was read, within one
#: tick of the file system's clock ("racy" in git's words): such a layout is not kept.
_RACY_NS = 2_000_000_000

_kept: dict[tuple[str, str, bool, str], tuple[Layout, list[tuple[str, int, int, int, int]]]] = {}


def _stamps(layout: Layout) -> list[tuple[str, int, int, int, int]]:
    out = []
    for p in layout_files(layout):
        st = os.stat(p)
        out.append((str(p), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
    return out


def load_layout_reused(path: str | Path, allow_external: bool = False, keep: Path | None = None) -> Layout:
    """:func:`~reportkit.layouts.load_layout`, or the layout this process loaded from the same
    files before when none of them has changed since. The same object is returned: callers
    must not change it (no build does)."""
    key = (os.path.abspath(path), os.getcwd(), allow_external, str(keep))
    found = _kept.get(key)
    if found is not None:
        try:
            if _stamps(found[0]) == found[1]:
                return found[0]
        except OSError:
            pass
        del _kept[key]
    started = time.time_ns()
    layout = load_layout(path, allow_external, keep)
    try:
        stamps = _stamps(layout)
    except OSError:
        return layout
    if all(max(mtime, ctime) < started - _RACY_NS for _p, _s, mtime, ctime, _i in stamps):
        _kept[key] = (layout, stamps)
    return layout
