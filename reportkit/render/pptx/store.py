"""The deck's entries in the cache folder: what a one-off build can reuse from the last.

A ``reportkit build`` is a fresh process, so what :mod:`.memo` and the prepared
default template remember in memory dies with it. Two things are therefore also
kept on disk, under ``<cache dir>/deck/`` (the chart cache's folder, so
``--cache-dir`` moves them and ``--no-cache`` skips them): the branded default
template once prepared (``template/``), each built slide's parts (``slides/``,
see :mod:`.slidefile`) and the brand font's measurements (``fonts/``, see
:mod:`.fontcache`).

An entry is input like any other file: one header line ``reportkit-deck <format>
<kind> <key> <sha256 of the rest>`` and a payload of plain bytes (a zip package or
JSON; never pickle). It is read only up to :data:`MAX_ENTRY` bytes and used only
when the header names the kind and key asked for and the checksum matches; any
doubt is a miss. Entries are written to a temporary file and renamed into place,
so a reader never sees half an entry. The key is computed by the caller from the
entry's content and :func:`code_version`: the reportkit sources and the versions
of python-pptx, lxml and XlsxWriter, which all shape the bytes kept.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ... import entryfile, installed

FORMAT = 1
MAX_ENTRY = 32 * 2**20  # a deck's slide with its chart workbook is ≈100 KB; a template a few MB
MAX_TOTAL = 256 * 2**20  # per kind: past it, the entries used longest ago go (see _prune)
_KEY = re.compile(r"[0-9a-f]{64}")
_KINDS = ("template", "slides", "fonts")
_PRUNED: set[Path] = set()  # folders already pruned by this process


def code_version() -> str:
    """A digest of the reportkit sources and the libraries that write the deck's parts
    (an edited module or another library version never meets an old entry)."""
    return installed.code_prefix(f"reportkit-deck/{FORMAT}", ("python-pptx", "lxml", "XlsxWriter"),
                                 (installed.PACKAGE,))


def entry_key(*parts: str) -> str:
    """The key of an entry made from ``parts`` under this :func:`code_version`."""
    h = hashlib.sha256(code_version().encode() + b"\0")
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


def cache_root(cache_dir: Path | None) -> Path:
    """``<cache dir>/deck``, the chart cache's folder by default."""
    if cache_dir is None:
        from ...charts import default_cache_dir

        cache_dir = default_cache_dir()
    return Path(cache_dir) / "deck"


def _path(root: Path, kind: str, key: str) -> Path:
    if kind not in _KINDS or not _KEY.fullmatch(key):
        raise ValueError(f"bad deck cache entry name: {kind}/{key}")
    return entryfile.entry_path(root / kind, key)


def load(root: Path, kind: str, key: str) -> bytes | None:
    """The payload stored under ``kind``/``key``, or None (absent, too big, or not
    exactly what :func:`save` wrote for that key)."""
    return entryfile.read(_path(root, kind, key), _fields(kind, key), MAX_ENTRY)


def save(root: Path, kind: str, key: str, payload: bytes) -> None:
    """Store ``payload`` under ``kind``/``key`` atomically. A cache that cannot be
    written (read-only, full) costs the work next time, never the build."""
    entryfile.write(_path(root, kind, key), _fields(kind, key), payload, MAX_ENTRY)
    if root / kind not in _PRUNED:
        _PRUNED.add(root / kind)
        _prune(root / kind, MAX_TOTAL)


def _prune(folder: Path, limit: int) -> None:
    """The entries of ``folder`` used longest ago removed past ``limit`` (once per process
    and kind, when it first writes; see :func:`.entryfile.prune`)."""
    entryfile.prune(folder, limit, lambda name: bool(_KEY.fullmatch(name)))


def _fields(kind: str, key: str) -> list[bytes]:
    return [b"reportkit-deck", str(FORMAT).encode(), kind.encode("ascii"), key.encode("ascii")]
