"""How many pages a brief had the last time it was built, kept in the cache folder.

"Page X of Y" needs Y before the pages are drawn, so a brief with no better guess
is laid out twice: a pass that only counts pages, then the one that writes the file.
A process that has built the same layout before guesses from memory
(``render._LAST_PAGES``); this module keeps that guess on disk too, so that a new
process (every ``reportkit build``) can skip the counting pass when the brief has as
many pages as last time, the usual case for a weekly report rebuilt.

The number is only a guess: the brief is laid out with it, and laid out again with the
true count when it was wrong, so a stale, damaged or foreign entry costs one pass and
never changes the file. An entry is ``<cache>/pages/<key[:2]>/<key>.txt``, one header
line (magic word, format, key, checksum: :mod:`reportkit.entryfile`) and the count;
the key is the layout file and the output file, both absolute.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ... import entryfile

_MAGIC = b"reportkit-pages"
_FORMAT = b"1"
#: An entry is a header line and a number: anything longer is not one.
MAX_ENTRY = 256
#: The folder is pruned past this (entries are ≈120 bytes: many thousands of outputs).
MAX_TOTAL = 1024 * 1024
#: More pages than any brief has: a larger number is not a count this module wrote.
MAX_PAGES = 100_000
_NAME = re.compile(r"[0-9a-f]{64}\.txt")
_COUNT = re.compile(rb"[1-9][0-9]{0,5}")


def folder(cache_dir: Path) -> Path:
    """The page counts' folder under the cache folder."""
    return Path(cache_dir) / "pages"


def key(layout_path: Path, out: Path) -> str:
    """The entry's key: which layout wrote which file (both made absolute)."""
    text = f"{Path(layout_path).resolve()}\0{Path(out).resolve()}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _path(cache_dir: Path, entry_key: str) -> Path:
    return entryfile.entry_path(folder(cache_dir), entry_key, ".txt")


def load(cache_dir: Path, entry_key: str) -> int | None:
    """The page count stored for ``entry_key``, or None (none stored, or not a valid entry)."""
    payload = entryfile.read(_path(cache_dir, entry_key), [_MAGIC, _FORMAT, entry_key.encode("ascii")], MAX_ENTRY)
    if payload is None or not _COUNT.fullmatch(payload):
        return None
    pages = int(payload)
    return pages if pages <= MAX_PAGES else None


def save(cache_dir: Path, entry_key: str, pages: int) -> None:
    """Store ``pages`` for ``entry_key`` (atomically; a cache that cannot be written only
    costs the counting pass next time), then keep the folder bounded."""
    if not 1 <= pages <= MAX_PAGES:
        return
    if entryfile.write(_path(cache_dir, entry_key), [_MAGIC, _FORMAT, entry_key.encode("ascii")],
                       str(pages).encode("ascii"), MAX_ENTRY):
        entryfile.prune(folder(cache_dir), MAX_TOTAL, _NAME.fullmatch)
