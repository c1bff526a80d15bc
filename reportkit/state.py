"""Incremental builds: decide by content hash whether an output must be rebuilt.

Each output folder holds ``.reportkit-state.json``: for every output file, the
digest of everything it was built from (reportkit version, layout, brand, content,
logo, fonts, template, source bytes, week, ``SOURCE_DATE_EPOCH``, and what is installed:
the libraries' versions, the font folders fontconfig searches and their font files, and
the system libraries, see :func:`.installed.state`, so a font installed or overwritten, cairo
installed or a library upgraded builds again) and the sha256
of the file written. An output is fresh when both still match; timestamps are
never consulted. Updates are atomic and serialised with a lock file, so two
builds sharing a folder never lose each other's entries.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import __version__, fastpath, installed
from .atomic import write_bytes

STATE_NAME = ".reportkit-state.json"
LOCK_NAME = ".reportkit.lock"


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def input_digest(files: Iterable[Path], params: dict[str, object]) -> str:
    """sha256 over the bytes of ``files`` (in the given order, with their names) and ``params``."""
    h = hashlib.sha256()
    # the code's own fingerprint too: an edited or reinstalled reportkit of the same version (a git
    # install, an editable one) must not call an output built by the old code unchanged
    h.update(json.dumps({"reportkit": __version__, "code": fastpath.code(), "installed": installed.state(), **params},
                        sort_keys=True,
                        default=str).encode())
    for f in files:
        h.update(b"\0" + str(f).encode() + b"\0")
        h.update(Path(f).read_bytes())
    return h.hexdigest()


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """An exclusive lock on ``folder`` (advisory, released on exit or process death)."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK_NAME, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


class BuildState:
    """The state file of one output folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / STATE_NAME

    def _load(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}  # missing or damaged state only costs a rebuild

    def is_fresh(self, output: Path, digest: str) -> bool:
        """True when ``output`` exists, was built from ``digest`` and is unmodified since."""
        entry = self._load().get(output.name)
        if not entry or entry.get("inputs") != digest or not output.is_file():
            return False
        return entry.get("sha256") == sha256_file(output)

    def warnings(self, output: Path) -> list[str]:
        """The warnings of the build that made ``output`` (a chart or key figure left out), so
        that an unchanged build, and a batch report found unchanged, still says them."""
        entry = self._load().get(output.name) or {}
        found = entry.get("warnings") if isinstance(entry, dict) else None
        return [w for w in found if isinstance(w, str)] if isinstance(found, list) else []

    def has(self, output: Path) -> bool:
        """True when ``output`` exists and this folder's state knows it (it was built here)."""
        return output.name in self._load() and output.is_file()

    def record(self, output: Path, digest: str, sha256: str, warnings: list[str] | None = None) -> None:
        """Remember that ``output`` (with hash ``sha256``) was built from ``digest``, saying ``warnings``."""
        self.record_all([(output, digest, sha256, warnings)])

    def record_all(self, built: list[tuple[Path, str, str, list[str] | None]]) -> None:
        """:meth:`record` for each ``(output, digest, sha256, warnings)`` of a build, in one write of
        the state file (one fsync for both outputs, not one each)."""
        with folder_lock(self.folder):
            data = self._load()
            for output, digest, sha256, warnings in built:
                data[output.name] = {"inputs": digest, "sha256": sha256, **({"warnings": warnings} if warnings else {})}
            # no fsync: a state file lost to a power cut costs a rebuild (see _load), never a wrong
            # "unchanged" (is_fresh hashes the output itself)
            write_bytes(self.path, (json.dumps(data, indent=1, sort_keys=True) + "\n").encode(), durable=False)

