"""The assembled report of an output, kept between builds: a forced build of unchanged
inputs skips the charts' data and the story stage.

``build --force`` (and a watch or batch rebuild whose inputs came back to an earlier state)
used to resolve every chart's data and assemble the report again (≈30 ms for the seeds, plus
compiling the story's patterns) although nothing it depends on had changed. What it made is
a pure function of the output's state digest (:func:`reportkit.state.input_digest`: the
bytes and names of every input file, the week, ``SOURCE_DATE_EPOCH``, the format, the title,
what is installed) and of reportkit's own code. So the report (before "What changed" and a
``--title``, which the build applies after) and the warnings its making said are kept in
``reports/`` under the cache folder, as JSON (:mod:`reportkit.model.codec`), keyed by that
digest, the layout file and the code of every stage that reads, extracts and assembles.

A cache file is input: a checked entry file (:mod:`reportkit.entryfile`: header with the key
and a checksum, bounded read, atomic write), then every value is checked against the model's
field types while the report is rebuilt; any doubt is a miss, and a miss only costs the
assembly. A report is kept only if it comes back equal from its JSON. ``--no-cache``
bypasses it, and so do ``--verify`` and ``--json`` (they read what assembling adds to the
documents themselves, the quotes found in them). Never pickle.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

from . import entryfile, installed
from .model import Report
from .model.codec import decode, encode

FORMAT = 1
MAGIC = b"reportkit-report"
FOLDER = "reports"
MAX_ENTRY = 16 * 1024 * 1024  # a report of a few hundred articles (news_eval's 38: 0.4 MB)
MAX_TOTAL = 64 * 1024 * 1024  # the folder is pruned past this
_NAME = re.compile(r"[0-9a-f]{64}\.entry")
_PACKAGE = Path(__file__).resolve().parent
# Everything whose code decides what an output's report holds, from the source bytes on (the
# documents may come from their own cache, but a miss there reads them with this code)
CODE = tuple(_PACKAGE / name for name in (
    "readers", "facts", "story", "charts", "layouts", "model", "errors.py", "inputs.py", "urls.py",
    "sentences.py", "numbers.py", "lazyre.py", "lazyimport.py", "placeholders.py", "atomic.py", "chromium.py", "entryfile.py",
    "installed.py", "stopping.py", "week.py", "doccache.py", "reportcache.py", "build.py", "buildinputs.py"))


def folder(cache_dir: Path | None) -> Path | None:
    """Where reports are kept under a cache folder (None: keep nothing)."""
    return None if cache_dir is None else Path(cache_dir) / FOLDER


def key(digest: str, layout: Path) -> str:
    """The entry name of the report an output layout makes from inputs of state ``digest``."""
    tag = f"{MAGIC.decode()}/{FORMAT} python {sys.version_info[:2]}"
    prefix = installed.code_prefix(tag, (), CODE)
    return hashlib.sha256(f"{prefix}\0{digest}\0{layout}".encode("utf-8", "surrogateescape")).hexdigest()


def _fields(name: str) -> list[bytes]:
    return [MAGIC, str(FORMAT).encode(), name.encode("ascii")]


def load(where: Path | None, name: str) -> tuple[Report, list[str]] | None:
    """The report kept under ``name`` and the warnings said while it was made, or None."""
    if where is None:
        return None
    payload = entryfile.read(entryfile.entry_path(where, name, ".entry"), _fields(name), MAX_ENTRY)
    if payload is None:
        return None
    try:
        data = json.loads(payload.decode("utf-8"))
        if type(data) is not dict or data.keys() != {"report", "warnings"}:
            return None
        warnings = decode(list[str], data["warnings"])
        return decode(Report, data["report"]), warnings
    except (UnicodeDecodeError, ValueError, TypeError, RecursionError):
        return None


def keep(where: Path | None, name: str, report: Report, warnings: list[str]) -> bool:
    """Keep ``report`` and its ``warnings`` under ``name`` if JSON gives them back equal."""
    if where is None:
        return False
    try:
        data = {"report": encode(report), "warnings": encode(warnings)}
        if decode(Report, data["report"]) != report:
            return False
        payload = json.dumps(data, allow_nan=False).encode("ascii")  # \u escapes: even a lone surrogate
    except (ValueError, TypeError, RecursionError):
        return False
    if not entryfile.write(entryfile.entry_path(where, name, ".entry"), _fields(name), payload, MAX_ENTRY):
        return False
    entryfile.prune(where, MAX_TOTAL, lambda entry: bool(_NAME.fullmatch(entry)))
    return True
