"""What loading layouts keeps between processes: parsed YAML and checked fonts and logos.

A warm build spent ≈40–50 ms of its build process on two things whose answer depends only
on bytes it had seen before: importing PyYAML to parse four small layout files (libyaml
parses them in 1 ms; the import is the cost), and importing Pillow to decode the brand's
PNG logo to the last pixel (:mod:`.assets`). Both answers are kept in ``layouts/`` under the
cache folder, so the build process imports neither (the render children import Pillow for
themselves, and the unchanged-build fast path is not involved):

- a layout file's mapping, as JSON, keyed by the file's bytes, PyYAML's version and the
  reading code (:mod:`.check`). Only data JSON gives back exactly is kept (mappings with
  text keys, lists, text, whole and finite numbers, booleans, null); a file with anything
  else (a date, binary, a set, a non-text key) is parsed every time.
- a layout file's validated models (:mod:`.keptmodels`, which keeps and reads them here),
  keyed by the bytes, the model, the running pydantic and the models' source;
- a batch manifest's checked data (:mod:`reportkit.manifest`, which names what decides it
  with :func:`depends_on`);
- "these bytes passed this check": a font or a logo, keyed by its bytes, the versions of
  the libraries that checked it and the checking code (:mod:`.assets`). A file that failed
  is never kept, so it fails again with the same message.

A cache file is input: entries are checked entry files (:mod:`reportkit.entryfile`: a
header with the key and a checksum, a bounded read, atomic writes); a kept mapping is read
back only if it is exactly such data again; any doubt is a miss, and a miss costs only the
parse or the check. ``--no-cache`` bypasses it (the build passes no folder).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from pathlib import Path
from typing import Any

from .. import entryfile, installed

FORMAT = 1
MAGIC = b"reportkit-layouts"
MAX_ENTRY = 8 * 1024 * 1024  # a layout file is at most 4 MB (inputs.LIMITS); its JSON near that
MAX_TOTAL = 16 * 1024 * 1024  # the folder is pruned past this (thousands of layouts)
# what decides each kind of answer besides the bytes: the libraries and the code that made it
_HERE = Path(__file__).parent
_DEPENDS = {
    "yaml": (("pyyaml",), (_HERE / "check.py",)),
    "font": (("reportlab", "pillow"), (_HERE / "assets.py",)),
    "logo": (("pillow", "lxml"), (_HERE / "assets.py",)),
    # a file's bytes -> its validated model: the parse, pydantic, the models and their
    # validators, and the objects an entry is read back into
    "model": (("pyyaml", "pydantic", "pydantic-core"),
              tuple(_HERE / name for name in ("check.py", "chartspec.py", "models.py", "../placeholders.py",
                                              "keptmodels.py", "objects.py", "shapes.py"))),
}
_NAME = re.compile(r"[0-9a-f]{64}\.entry")


def depends_on(kind: str, dists: tuple[str, ...], code: tuple[Path, ...]) -> None:
    """Name what decides a ``kind`` of answer kept by a module above this package (the batch
    manifest's check): the libraries and the code files, as the kinds above."""
    _DEPENDS[kind] = (dists, code)


def folder(cache_dir: Path | None) -> Path | None:
    """Where the answers live under a cache folder (None: keep nothing)."""
    return None if cache_dir is None else Path(cache_dir) / "layouts"


def _key(kind: str, blob: bytes, detail: str = "") -> str:
    dists, code = _DEPENDS[kind]
    prefix = installed.code_prefix(f"{MAGIC.decode()}/{FORMAT}/{kind}", dists, code)
    return hashlib.sha256(prefix.encode() + b"\0" + detail.encode() + b"\0" + blob).hexdigest()


def payload(where: Path | None, kind: str, blob: bytes, detail: str = "") -> bytes | None:
    """The payload kept for a ``kind`` answer about these bytes (and ``detail``), or None."""
    if where is None:
        return None
    key = _key(kind, blob, detail)
    return entryfile.read(_entry(where, key), _fields(key), MAX_ENTRY)


def keep_payload(where: Path | None, kind: str, blob: bytes, data: bytes, detail: str = "") -> None:
    """Keep ``data`` as the ``kind`` answer about these bytes (and ``detail``)."""
    if where is not None:
        _store(where, _key(kind, blob, detail), data)


def _entry(where: Path, key: str) -> Path:
    return entryfile.entry_path(where, key, ".entry")


def _fields(key: str) -> list[bytes]:
    return [MAGIC, str(FORMAT).encode(), key.encode("ascii")]


def _exact(value: Any) -> bool:
    """Whether JSON gives ``value`` back as it is (same types, same values, same key order)."""
    if value is None or type(value) in (str, bool, int):
        return True
    if type(value) is float:
        return math.isfinite(value)
    if type(value) is list:
        return all(_exact(v) for v in value)
    if type(value) is dict:
        return all(type(k) is str and _exact(v) for k, v in value.items())
    return False


def parsed(where: Path | None, blob: bytes) -> dict[str, Any] | None:
    """The mapping kept for a layout file of these bytes, or None (a miss)."""
    if where is None:
        return None
    key = _key("yaml", blob)
    payload = entryfile.read(_entry(where, key), _fields(key), MAX_ENTRY)
    if payload is None:
        return None
    try:
        data = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return data if type(data) is dict and _exact(data) else None


def keep_parsed(where: Path | None, blob: bytes, data: dict[str, Any]) -> None:
    """Keep a layout file's mapping, if JSON gives it back exactly."""
    try:
        exact = _exact(data)
    except RecursionError:
        exact = False
    if where is None or not exact:
        return
    key = _key("yaml", blob)
    payload = json.dumps(data, allow_nan=False).encode("ascii")  # \u escapes: even a lone surrogate
    _store(where, key, payload)


def passed(where: Path | None, kind: str, blob: bytes, detail: str = "") -> bool:
    """Whether a file of these bytes passed the ``kind`` check (``font``, ``logo``) before;
    ``detail`` is whatever else the check looked at (a logo's file suffix)."""
    if where is None:
        return False
    key = _key(kind, blob, detail)
    return entryfile.read(_entry(where, key), _fields(key), 1024) == kind.encode()


def keep_passed(where: Path | None, kind: str, blob: bytes, detail: str = "") -> None:
    """Note that a file of these bytes (and ``detail``) passed the ``kind`` check."""
    if where is not None:
        _store(where, _key(kind, blob, detail), kind.encode())


def _store(where: Path, key: str, payload: bytes) -> None:
    if entryfile.write(_entry(where, key), _fields(key), payload, MAX_ENTRY):
        entryfile.prune(where, MAX_TOTAL, lambda name: bool(_NAME.fullmatch(name)))
