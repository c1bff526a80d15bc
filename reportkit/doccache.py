"""The document cache: what the read and facts stages made of one source file, kept as JSON.

A warm build re-reads no unchanged source: the :class:`~reportkit.model.Document` that
:mod:`reportkit.readers` and :mod:`reportkit.facts` produce (sections, key points,
references, facts with their measure, subject, period and provenance, warnings) is stored
in ``documents/`` under the cache folder (``--cache-dir`` / ``$REPORTKIT_CACHE_DIR``, the
chart cache's), one file per key, and a hit skips decoding, parsing and fact extraction —
and with them the compilation of their regular expressions (:mod:`reportkit.lazyre`) and the
import of trafilatura, pdfplumber or python-docx.

The key is a SHA-256 over the file's bytes, its path as the reader names it (the document's
``source``; fact ids use its file name), a fingerprint of the code that reads it (the
sources of readers/, facts/, model/ and the base modules they import, the Python version,
and the versions of the libraries the file's reader uses), and the entry format. A change
to any of them is a miss. An entry is input like any file: it is read only up to
:data:`MAX_ENTRY_BYTES`, must be a regular file, parse as JSON and hold a document of the
right shape and types, or it is a miss (never an error, never a traceback). Entries are
written atomically (temporary file, rename), only when the document comes back equal from
its own JSON, and the folder is trimmed to :data:`MAX_TOTAL_BYTES` (oldest first).
``--no-cache`` bypasses it. Never pickle: a cache file cannot run code.

The same process also keeps entries in memory (``watch`` rebuilds re-read nothing).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
import tempfile
import unicodedata
from dataclasses import asdict
from datetime import date
from pathlib import Path

from . import installed
from .model import Document, Fact, valid_document, valid_facts
from .readers import parse_source, source_bytes

FORMAT = 1
#: An entry larger than this is neither written nor read (a 64 MB source's facts, say).
MAX_ENTRY_BYTES = 16 << 20
#: The documents folder is trimmed to three quarters of this when a write takes it over.
MAX_TOTAL_BYTES = 256 << 20
#: Entries kept in memory per process (``watch``), most recently used last.
MEMORY_ENTRIES = 256
FOLDER = "documents"
_ENTRY_KEYS = {"format", "key", "document", "title_facts"}

_PACKAGE = Path(__file__).resolve().parent
# Everything whose code decides what a source reads as; tests check that every reportkit
# module readers/ and facts/ import is covered.
CODE = ("readers", "facts", "model", "errors.py", "inputs.py", "urls.py", "sentences.py", "lazyre.py", "lazyimport.py",
        "doccache.py")
# The distributions each reader runs (their versions are part of the key). Plain text and
# Markdown use charset-normalizer only for bytes that are not UTF-8 (see ``_libraries``).
_LIBRARIES = {
    ".html": ("trafilatura", "htmldate", "justext", "courlan", "lxml", "lxml-html-clean", "charset-normalizer",
              "dateparser", "python-dateutil", "tld", "babel"),
    ".pdf": ("pdfplumber", "pdfminer.six"),
    ".docx": ("python-docx", "lxml"),
}
_LIBRARIES[".htm"] = _LIBRARIES[".html"]

_memory: dict[str, str] = {}


_CODE_PATHS = tuple(_PACKAGE / name for name in CODE)


def code_digest(suffix: str, data: bytes) -> str:
    """What reads a source with ``suffix`` holding ``data``: the sources of :data:`CODE`, the
    versions of the libraries its reader uses (:func:`reportkit.installed.code_prefix`, once
    per process) and the Python version (its regular expressions and Unicode tables)."""
    tag = f"reportkit-documents/{FORMAT} python {sys.version_info[:2]} unicode {unicodedata.unidata_version}"
    return installed.code_prefix(tag, _libraries(suffix, data), _CODE_PATHS)


def _libraries(suffix: str, data: bytes) -> tuple[str, ...]:
    names = _LIBRARIES.get(suffix)
    if names is None:  # plain text, Markdown: charset-normalizer guesses only what UTF-8 cannot decode
        try:
            data.decode("utf-8")
            names = ()
        except UnicodeDecodeError:
            names = ("charset-normalizer",)
    return names


def entry_key(path: Path, data: bytes) -> str:
    """The cache key of the source ``path`` holding ``data`` (see the module docstring)."""
    payload = {"format": FORMAT, "source": str(path), "sha256": hashlib.sha256(data).hexdigest(),
               "code": code_digest(path.suffix.lower(), data)}
    if path.suffix.lower() in (".html", ".htm"):
        # trafilatura's date extraction discards dates after today (its max_date is the local
        # clock's date): a page's date may read differently tomorrow, so an entry lasts one day
        payload["today"] = date.today().isoformat()
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def encode(doc: Document, title_facts: list[Fact], key: str) -> str:
    """An entry's text: the document, its title's facts and the key it was stored under."""
    return json.dumps({"format": FORMAT, "key": key, "document": doc.to_dict(),
                       "title_facts": [asdict(f) for f in title_facts]}, ensure_ascii=False, separators=(",", ":"))


def decode(text: str, key: str) -> tuple[Document, list[Fact]] | None:
    """The document and title facts of an entry's text, or None when it is not a valid
    entry for ``key``."""
    try:
        entry = json.loads(text)
    except (ValueError, RecursionError):  # not JSON, or nested past the parser
        return None
    if not isinstance(entry, dict) or set(entry) != _ENTRY_KEYS or entry["format"] != FORMAT or entry["key"] != key:
        return None
    if not valid_document(entry["document"]) or not valid_facts(entry["title_facts"]):
        return None
    return _objects(entry)


def _objects(entry: dict) -> tuple[Document, list[Fact]] | None:
    try:
        return Document.from_dict(entry["document"]), [Fact(**f) for f in entry["title_facts"]]
    except ValueError:  # a block or quote of an unknown kind
        return None


def _read_entry(path: Path) -> bytes | None:
    """An entry file's bytes: a regular file of at most MAX_ENTRY_BYTES, else None."""
    try:
        # O_NONBLOCK: a FIFO planted in the folder must not hang the build
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(MAX_ENTRY_BYTES + 1)
        return data if len(data) <= MAX_ENTRY_BYTES else None
    except OSError:
        return None
    finally:
        os.close(fd)


class DocumentCache:
    """Reads sources through the cache: :meth:`read` in the read stage, :meth:`finish` in the
    facts stage (facts of the documents read afresh, then stored).

    ``folder`` None keeps no entries at all (``--no-cache``); ``hits``/``misses`` count
    documents (``build --json`` reports them).
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = Path(folder) / FOLDER if folder is not None else None
        self.hits = 0
        self.misses = 0
        self._pending: dict[int, str] = {}  # id(document read afresh) -> its key

    def read(self, path: Path) -> Document:
        """The document of ``path``: from the cache (facts included), else parsed afresh
        (facts added by :meth:`finish`). Raises what :func:`reportkit.readers.read_file` raises."""
        p, data = source_bytes(path)
        if self.folder is None:
            self.misses += 1
            return parse_source(p, data)
        key = entry_key(p, data)
        doc = self._load(key)
        if doc is not None:
            self.hits += 1
            return doc
        doc = parse_source(p, data)
        self.misses += 1
        self._pending[id(doc)] = key
        return doc

    def finish(self, docs: list[Document]) -> None:
        """Add the facts of every document not from the cache, and store those documents
        with their title's facts (what the key-figures panel reads, :func:`~reportkit.facts.title_facts`)."""
        stored = False
        for doc in docs:
            key = self._pending.pop(id(doc), None)
            if key is None and self.folder is not None:
                continue  # from the cache: facts and all
            # imported here: not at all when every document came from the cache (≈40-50 ms)
            from .facts import add_facts, title_facts

            add_facts(doc)
            if key is not None:
                stored = self._store(key, doc, title_facts(doc.title)) or stored
        self._pending.clear()
        if stored:
            trim(self.folder)

    def _load(self, key: str) -> Document | None:
        text = _memory.pop(key, None)
        if text is not None:  # written or checked by this process: no second check
            _memory[key] = text
            found = _objects(json.loads(text))
        else:
            found = self._load_file(key)
        if found is None:
            return None
        from .facts import remember_title  # only facts/titles.py: nothing is extracted

        doc, title = found
        remember_title(doc.title, title)
        return doc

    def _load_file(self, key: str) -> tuple[Document, list[Fact]] | None:
        data = _read_entry(self.folder / f"{key}.json")
        try:
            text = data.decode("utf-8") if data is not None else None
        except UnicodeDecodeError:
            return None
        found = decode(text, key) if text is not None else None
        if found is not None:
            _remember(key, text)
        return found

    def _store(self, key: str, doc: Document, title_facts: list[Fact]) -> bool:
        text = encode(doc, title_facts, key)
        if len(text.encode()) > MAX_ENTRY_BYTES or decode(text, key) != (doc, title_facts):
            return False  # too big to keep, or a value JSON cannot hold exactly: never a wrong hit
        _remember(key, text)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=self.folder)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write(text)
                os.replace(tmp, self.folder / f"{key}.json")
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            return False  # a read-only or full cache folder costs speed, never the build
        return True


def _remember(key: str, text: str) -> None:
    _memory[key] = text
    while len(_memory) > MEMORY_ENTRIES:
        del _memory[next(iter(_memory))]


def trim(folder: Path | None, limit: int = MAX_TOTAL_BYTES) -> None:
    """Remove the oldest entries of ``folder`` until it holds at most 3/4 of ``limit``,
    when it holds more than ``limit``."""
    if folder is None:
        return
    try:
        entries = [(e.stat().st_mtime, e.stat().st_size, e.path) for e in os.scandir(folder)
                   if e.name.endswith(".json") and e.is_file(follow_symlinks=False)]
    except OSError:
        return
    total = sum(size for _t, size, _p in entries)
    if total <= limit:
        return
    for _mtime, size, path in sorted(entries):
        if total <= limit * 3 // 4:
            break
        try:
            os.unlink(path)
            total -= size
        except OSError:
            continue


def clear_memory() -> None:
    """Forget the entries kept in memory (tests; the files stay)."""
    _memory.clear()
