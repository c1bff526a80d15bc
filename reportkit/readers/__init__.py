"""Source readers: a suffix → reader registry, decoding, cleaning and structuring.

Input policy (what is an error, what is a warning):

* A **named file** that is missing, empty, whitespace-only, binary, larger than
  :data:`~reportkit.readers.decode.MAX_BYTES` (64 MB), unreadable, or has an
  unknown suffix is an error (:class:`~reportkit.errors.InputError`, exit 2).
* In a **folder** (read recursively, files in sorted order, hidden entries
  skipped), files with unknown suffixes are skipped with a warning, and so are
  empty or whitespace-only sources; a source that cannot be read (binary, too
  large, no permission) fails the whole read with the file named, so a CI run
  never silently drops a source. A folder with no sources at all is an error.
* Bytes that are not UTF-8 are decoded (detected encoding, or replacement
  characters) with a warning.
* Symlinked folders are followed once: real paths are remembered, so loops end.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import InputError
from ..inputs import display_path
from ..model import Document
from typing import TYPE_CHECKING

from .decode import MAX_BYTES, decode_bytes

if TYPE_CHECKING:
    from .structure import RawDoc

#: Suffix → (module, function) turning cleaned text into raw blocks. Add a reader here. Imported
#: when such a file is parsed: a build whose documents all come from the document cache imports
#: no reader, nor the structuring and cleaning they share (≈15-25 ms).
READERS: dict[str, tuple[str, str]] = {
    ".txt": ("txt", "parse_text"),
    ".text": ("txt", "parse_text"),
    ".md": ("md", "parse_markdown"),
    ".markdown": ("md", "parse_markdown"),
}

#: Suffix → (module, function) reading a file's bytes into raw blocks. Imported only when
#: such a file is read, so trafilatura, pdfplumber and python-docx cost nothing otherwise.
FILE_READERS: dict[str, tuple[str, str]] = {
    ".html": ("html", "parse_html"),
    ".htm": ("html", "parse_html"),
    ".pdf": ("pdf", "parse_pdf"),
    ".docx": ("docx", "parse_docx"),
}

#: Every readable suffix.
SUFFIXES = frozenset(READERS) | frozenset(FILE_READERS)

__all__ = ["FILE_READERS", "READERS", "SUFFIXES", "parse_source", "preload", "read_file", "read_paths", "read_text",
           "source_bytes"]


def preload() -> None:
    """Import the text readers and what they share now: a batch does before forking its workers
    (the readers of .html, .pdf and .docx are left to the workers that meet such a file)."""
    import importlib

    for module in sorted({m for m, _name in READERS.values()} | {"structure"}):
        importlib.import_module(f"{__name__}.{module}")


def _reader(table: dict[str, tuple[str, str]], suffix: str) -> Callable[..., RawDoc]:
    """The reader function ``table`` names for ``suffix``, imported now."""
    import importlib

    module, name = table[suffix]
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def read_text(text: str, source: str, suffix: str = ".txt") -> Document:
    """Structure already-decoded text as the reader for ``suffix`` would."""
    from .decode import clean_text
    from .structure import build_document

    return build_document(_reader(READERS, suffix)(clean_text(text), source))


def _check_size(path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path) from None
    if size > MAX_BYTES:
        raise InputError(f"file too large ({size / 1e6:.1f} MB; the limit is {MAX_BYTES // (1 << 20)} MB)", path)


def source_bytes(path: str | os.PathLike[str]) -> tuple[Path, bytes]:
    """The bytes of one source file, after the checks every source passes (name, suffix,
    regular file, size); raises :class:`InputError` if the file cannot be used."""
    p = Path(path)
    try:
        str(p).encode("utf-8")
    except UnicodeEncodeError:  # bytes the file system keeps but no output can hold
        raise InputError("file name is not valid UTF-8; rename the file", display_path(p)) from None
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        known = ", ".join(sorted(SUFFIXES))
        raise InputError(f"unsupported file type {p.suffix or '(no suffix)'!r} (readable: {known})", p)
    if not p.is_file():
        raise InputError("not a regular file" if p.exists() else "no such file", p)
    _check_size(p)
    try:
        return p, p.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", p) from None


def parse_source(p: Path, data: bytes) -> Document:
    """Decode, clean and structure the bytes of ``p`` (from :func:`source_bytes`): what
    :func:`read_file` returns. ``str(p)`` is the document's ``source``."""
    from .structure import build_document

    suffix = p.suffix.lower()
    if suffix not in READERS:
        if not data:
            raise InputError("empty file", p)
        raw = _reader(FILE_READERS, suffix)(data, str(p))
        doc = build_document(raw)
        if not doc.sections and not doc.key_points:
            doc.warnings.append("no body text found")
        return doc
    decoded = decode_bytes(data, str(p))
    doc = build_document(_reader(READERS, suffix)(decoded.text, str(p)))
    doc.warnings = decoded.warnings + doc.warnings
    if not doc.sections and not doc.key_points:
        doc.warnings.append("no body text found")
    return doc


def read_file(path: str | os.PathLike[str]) -> Document:
    """Read, decode, clean and structure one source file.

    Raises :class:`InputError` if the file cannot be used; decoding warnings are
    in ``Document.warnings``.
    """
    return parse_source(*source_bytes(path))


def _walk(folder: Path, visited: set[str], skipped: list[str], root: str | None = None) -> Iterable[Path]:
    """Files under ``folder`` in sorted order; each real folder is entered once.
    Symlinks that lead out of ``root`` (the folder named) are read with a warning."""
    real = os.path.realpath(folder)
    root = root or real
    if real in visited:
        skipped.append(f"{folder}: symlink loop or repeated folder, not read again")
        return
    visited.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        raise InputError(f"cannot list folder: {e.strerror or e}", folder) from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if entry.is_symlink() and (is_dir or path.suffix.lower() in SUFFIXES):
            target = os.path.realpath(path)
            if os.path.commonpath([root, target]) != root:
                skipped.append(f"{display_path(path)}: a symlink to {display_path(target)}, outside the source "
                               "folder; read anyway")
        if is_dir:
            page = entry.name[: -len("_files")] if entry.name.endswith("_files") else None
            if page and any((folder / f"{page}{ext}").is_file() for ext in (".html", ".htm")):
                # a browser's "save complete page" assets (scripts, styles, images): one line, not one per file
                skipped.append(f"{path}: skipped (the saved web page's own files)")
                continue
            yield from _walk(path, visited, skipped, root)
        elif path.suffix.lower() in SUFFIXES:
            yield path
        else:
            skipped.append(f"{path}: skipped (unknown file type {path.suffix or '(no suffix)'!r})")


def read_paths(paths: Iterable[str | os.PathLike[str]],
               read: Callable[[Path], Document] = read_file) -> tuple[list[Document], list[str]]:
    """Read every source under ``paths`` (files or folders), each with ``read``.

    Returns the documents in order (each folder sorted) and one-line warnings of
    the form ``<file>: <problem>``. Raises :class:`InputError` for anything that
    must stop a build (see the module docstring). ``read`` is :func:`read_file` or
    what stands for it (the document cache, :mod:`reportkit.doccache`).
    """
    docs: list[Document] = []
    warnings: list[str] = []
    visited: set[str] = set()
    seen_files: set[str] = set()
    for raw in paths:
        top = Path(raw)
        if not top.exists():
            raise InputError("no such file or folder", top)
        if top.is_dir() and os.path.realpath(top) in visited:
            continue  # the same folder named twice ("seeds ./seeds") is read once
        if top.is_dir():
            skipped: list[str] = []
            files = list(_walk(top, visited, skipped))
            warnings.extend(skipped)
            if not files:
                raise InputError(f"no sources ({', '.join(sorted(SUFFIXES))}) in this folder", top)
            found = 0
            for f in files:
                real = os.path.realpath(f)
                if real in seen_files:
                    continue
                seen_files.add(real)
                try:
                    doc = read(f)
                except InputError as e:
                    if e.message.startswith(("empty file", "no text")):
                        warnings.append(f"{f}: skipped ({e.message})")
                        continue
                    raise
                found += 1
                docs.append(doc)
                warnings.extend(f"{f}: {w}" for w in doc.warnings)
            if not found:
                raise InputError("every source in this folder is empty", top)
        else:
            real = os.path.realpath(top)
            if real in seen_files:
                continue
            seen_files.add(real)
            doc = read(top)
            docs.append(doc)
            warnings.extend(f"{top}: {w}" for w in doc.warnings)
    if not docs:
        raise InputError("no sources given")
    return docs, warnings
