"""Checked entry files of the on-disk caches: one header line, then the payload.

The deck's entries (``render/pptx/store.py``) and the brief's converted drawings
(``render/pdf/svgcache.py``) are both kept as a header line naming what the entry is
(its magic word, format, key) followed by the sha256 of the payload, then the payload
itself. A cache file is input: it is read only up to a limit, and used only when its
header is exactly the one expected for that key and its checksum matches; any doubt is
a miss. Writes go to a temporary file renamed into place (a reader never sees half an
entry), and a cache that cannot be written only costs the work next time. A folder
of entries is pruned, the ones used longest ago first, when it grows past its limit. Every on-disk
cache of reportkit shards its entries the same way (:func:`entry_path`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def entry_path(folder: Path, key: str, suffix: str = "") -> Path:
    """Where the entry named ``key`` (hex) lives in ``folder``: ``<folder>/<key[:2]>/<key><suffix>``,
    so no one folder holds more than a few hundred entries (256 sub-folders by the key's
    first byte), and :func:`prune` finds them."""
    return folder / key[:2] / f"{key}{suffix}"


def header(fields: list[bytes], payload: bytes) -> bytes:
    """The header line (without its newline) of ``payload`` described by ``fields``."""
    return b" ".join([*fields, hashlib.sha256(payload).hexdigest().encode("ascii")])


def read(path: Path, fields: list[bytes], limit: int) -> bytes | None:
    """The payload of the entry at ``path`` whose header is ``fields`` and its checksum, or
    None (absent, over ``limit`` bytes, or not exactly such an entry). A hit marks the file
    as used now (its age decides what :func:`prune` removes)."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(limit + 1)
    except OSError:
        return None
    if len(raw) > limit:
        return None
    head, sep, payload = raw.partition(b"\n")
    if not sep or head != header(fields, payload):
        return None
    with contextlib.suppress(OSError):  # a read-only cache stays usable
        os.utime(path)
    return payload


def write(path: Path, fields: list[bytes], payload: bytes, limit: int) -> bool:
    """Store ``payload`` at ``path`` atomically under its header; False when it is over
    ``limit`` bytes or the cache cannot be written."""
    data = header(fields, payload) + b"\n" + payload
    if len(data) > limit:
        return False
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        tmp = None
        return True
    except OSError:
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def prune(folder: Path, limit: int, is_entry: Callable[[str], bool]) -> None:
    """Remove the entries of ``folder`` (``<folder>/<xx>/<name>``, names accepted by
    ``is_entry``) used longest ago until they hold at most three quarters of ``limit``
    bytes, if they hold more: a watch session or many builds must not grow a cache
    without bound."""
    found = []
    with contextlib.suppress(OSError):
        for sub in os.scandir(folder):
            if sub.is_dir(follow_symlinks=False):
                for entry in os.scandir(sub.path):
                    if entry.is_file(follow_symlinks=False) and is_entry(entry.name):
                        st = entry.stat(follow_symlinks=False)
                        found.append((st.st_mtime_ns, st.st_size, entry.path))
    total = sum(size for _t, size, _p in found)
    if total <= limit:
        return
    for _t, size, path in sorted(found):
        with contextlib.suppress(OSError):
            os.unlink(path)
            total -= size
        if total <= limit * 3 // 4:
            break
