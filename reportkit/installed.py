"""What is installed on this machine that shapes the outputs, read without slow imports.

:func:`version` is "the installed version of a distribution, or ``'none'``", which the
caches put in their keys (a library upgrade never meets an old entry). It gives what
``importlib.metadata.version`` gives, but reads the ``Version:`` line of the
distribution's ``METADATA`` itself: importlib.metadata imports the email package
(≈20–30 ms), which a warm build and the fast path (:mod:`reportkit.fastpath`) do not
otherwise need. It looks where importlib.metadata looks, in the same order (each
folder on ``sys.path``, a ``<name>-<version>.dist-info`` or ``.egg-info`` entry whose
name matches once normalised), and hands over to importlib.metadata whenever it could
disagree: a zip or egg on ``sys.path``, another finder that lists distributions, two
matching entries in one folder, a ``METADATA`` without a plain ``Version:`` line.

:func:`state` is what the unchanged-build answers (:mod:`reportkit.state`'s digest and
the fast path) key on besides the inputs: the Python version, the installed
:data:`LIBRARIES` (their ``.dist-info`` names, which hold the versions), the dynamic
linker's cache (a system library such as cairo installed or upgraded), the chart browser
(:mod:`reportkit.chromium`) and the fonts fontconfig finds (see :func:`font_dirs`: each
folder, each font file and each configuration file, so a font overwritten or a configuration
edited in place is noticed too);
:func:`fonts_stamp` is the fonts' part, cheap enough for a process to check what it
remembers from fontconfig (:func:`font_files_stamp` with each file's stamp too).

:func:`code_prefix` is the part of a cache key that every entry of one cache shares: the
cache's tag, the versions of the distributions and the bytes of the code files that decide
what an entry holds. Every on-disk cache builds its keys on it, so all of them notice a
library upgrade and an edited module the same way.

Standard library only, and cheap to import: the fast path imports it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Iterable, Iterator

from . import chromium

#: Every distribution whose code shapes an output's bytes: the readers' (a document
#: reads differently), the charts', the brief's, the deck's and the logo's.
LIBRARIES = (
    "trafilatura", "htmldate", "justext", "courlan", "lxml", "lxml-html-clean", "charset-normalizer",
    "dateparser", "python-dateutil", "tld", "babel", "pdfplumber", "pdfminer.six", "python-docx",
    "pyyaml", "pydantic", "pydantic-core", "plotly", "kaleido", "choreographer", "reportlab", "svglib", "cssselect2",
    "tinycss2", "pillow", "python-pptx", "XlsxWriter", "cairosvg", "cairocffi",
)
#: Where fontconfig looks for fonts (Debian's /etc/fonts/fonts.conf), and its configuration: the
#: system's, the user's (``$XDG_CONFIG_HOME/fontconfig``, the older ``~/.fonts.conf`` and
#: ``~/.fonts.conf.d``) and ``$FONTCONFIG_FILE``/``$FONTCONFIG_PATH`` when set (:func:`_font_roots`).
FONT_ROOTS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.fonts", "$XDG_DATA_HOME/fonts", "/etc/fonts",
              "$XDG_CONFIG_HOME/fontconfig", "~/.fonts.conf", "~/.fonts.conf.d")
#: A fontconfig configuration file; one in a ``conf.avail`` folder is read only through its link
#: in ``conf.d`` (whose stamp is the file's: the link is followed), so those are not stamped twice.
FONT_CONFIG, CONF_AVAIL = ".conf", "conf.avail"
#: The dynamic linker's cache: rewritten whenever a system library is installed or removed.
LD_CACHE = "/etc/ld.so.cache"
#: The font formats that can shape an output: what reportlab embeds and Pillow measures
#: (TrueType/OpenType) and what else Chromium may draw a chart's text with through fontconfig
#: (Type 1). Bitmap fonts (.pcf) never do: Debian's fontconfig rejects them (70-no-bitmaps).
FONT_FILES = (".ttf", ".ttc", ".otf", ".otc", ".pfb", ".pfa", ".t1")
MAX_HEADERS, MAX_LINE = 200, 1 << 16  # a METADATA file is read this far at most for its Version line

_versions: dict[str, str] = {}
_listings: dict[str, dict[str, list[str]] | None] = {}
_fonts_seen: dict = {}  # fonts_stamp's folders and token
_prefixes: dict[tuple[str, tuple[str, ...], tuple[str, ...]], str] = {}
#: The reportkit package: code files are named in a prefix by their path relative to it.
PACKAGE = os.path.dirname(os.path.abspath(__file__))


class _Unsure(Exception):
    """importlib.metadata could answer otherwise than a plain reading of the folders."""


def _normal(name: str) -> str:
    """A distribution name as importlib.metadata compares it (runs of ``-_.`` are one ``_``)."""
    out = name.lower().replace("-", "_").replace(".", "_")
    while "__" in out:
        out = out.replace("__", "_")
    return out


def _listing(folder: str) -> dict[str, list[str]] | None:
    """The metadata entries of one ``sys.path`` folder by normalised name (None: not a folder)."""
    if folder not in _listings or not folder:  # "" is the working folder, which can change
        if folder.endswith(".egg") or os.path.isfile(folder):
            raise _Unsure  # a zip or an egg: importlib.metadata reads inside it
        try:
            names = os.listdir(folder or ".")
        except OSError:
            _listings[folder] = None
            return None
        found: dict[str, list[str]] = {}
        for n in names:
            if n.lower().endswith((".dist-info", ".egg-info")):
                found.setdefault(_normal(n.rpartition(".")[0].partition("-")[0]), []).append(n)
        _listings[folder] = found
    return _listings[folder]


def _other_finders() -> bool:
    """Whether a finder besides the standard path finder could list distributions."""
    standard = getattr(sys.modules.get("_frozen_importlib_external"), "PathFinder", None)
    return any(f is not standard and hasattr(f, "find_distributions") for f in sys.meta_path)


def _read_version(entry: str) -> str:
    name = "METADATA" if entry.lower().endswith(".dist-info") else "PKG-INFO"
    try:
        with open(os.path.join(entry, name), "rb") as fh:
            for _ in range(MAX_HEADERS):  # Version is among the first few headers
                line = fh.readline(MAX_LINE).decode("utf-8", "replace")
                if not line.strip():
                    break  # the end of the headers (or of the file)
                key, sep, value = line.partition(":")
                if sep and key.strip().lower() == "version" and value.strip():
                    return value.strip()
    except OSError:
        pass
    raise _Unsure


def _entry(dist: str) -> str:
    """The path of ``dist``'s metadata entry, or ``'none'``."""
    if _other_finders():
        raise _Unsure
    want = _normal(dist)
    for folder in sys.path:
        if not isinstance(folder, str):
            continue
        found = (_listing(folder) or {}).get(want, [])
        if len(found) > 1:
            raise _Unsure  # importlib.metadata takes the first the folder lists
        if found:
            return os.path.join(folder or ".", found[0])
    return "none"


def version(dist: str) -> str:
    """The installed version of the distribution ``dist``, or ``'none'`` (once per process)."""
    if dist not in _versions:
        try:
            entry = _entry(dist)
            _versions[dist] = "none" if entry == "none" else _read_version(entry)
        except _Unsure:
            from importlib import metadata

            try:
                _versions[dist] = metadata.version(dist) or "none"  # None: its metadata names no version
            except metadata.PackageNotFoundError:
                _versions[dist] = "none"
    return _versions[dist]


def code_prefix(tag: str, dists: Iterable[str], files: Iterable[str | os.PathLike[str]]) -> str:
    """The hex digest that starts every key of one cache: ``tag`` (the cache and its entry
    format), the installed :func:`version` of each of ``dists`` and each of ``files``, its
    path (relative to :data:`PACKAGE`) and its bytes; a folder stands for every ``.py``
    file under it. A library upgrade or an edited module never meets an old entry.

    Once per process for the same arguments (a ``watch`` session keeps the code it
    imported, so it keeps the keys of that code). The files are the package's own: one
    that cannot be read raises OSError (a packaging bug, not a cache miss)."""
    key = (tag, tuple(dists), tuple(os.fspath(f) for f in files))
    if key not in _prefixes:
        h = hashlib.sha256(f"{tag}\0".encode())
        for dist in key[1]:
            h.update(f"{dist}={version(dist)}\0".encode())
        for path in _code_files(key[2]):
            with open(path, "rb") as fh:
                data = fh.read()
            h.update(os.path.relpath(path, PACKAGE).encode("utf-8", "surrogateescape") + b"\0")
            h.update(hashlib.sha256(data).digest())
        _prefixes[key] = h.hexdigest()
    return _prefixes[key]


def _code_files(paths: tuple[str, ...]) -> list[str]:
    """``paths`` with each folder replaced by the ``.py`` files under it, in a fixed order."""
    out: list[str] = []
    for path in paths:
        if not os.path.isdir(path):
            out.append(os.path.normpath(path))
            continue
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            out += [os.path.join(folder, f) for f in sorted(files) if f.endswith(".py")]
    return out


def _font_roots() -> list[str]:
    data = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.expanduser("~/.config")
    roots = [os.path.expanduser(r.replace("$XDG_DATA_HOME", data).replace("$XDG_CONFIG_HOME", config))
             for r in FONT_ROOTS]
    # fontconfig's own variables replace its configuration file and folder
    return roots + [v for v in (os.environ.get("FONTCONFIG_FILE"), os.environ.get("FONTCONFIG_PATH")) if v]


def font_dirs() -> list[str]:
    """:data:`FONT_ROOTS` (present or not), every folder under them and fontconfig's configuration
    files in them (:data:`FONT_CONFIG`). fontconfig notices an installed, removed or replaced font
    by these folders' modification times (a file added, removed or renamed into place changes its
    folder's), and so do the answers keyed on them; a configuration file edited in place changes
    no folder's, so its own stamp is kept with them (≈50 files here)."""
    return _walk_fonts()[0]


def _walk_fonts() -> tuple[list[str], list[str]]:
    """:func:`font_dirs`, and the font files in them whose format can shape an output
    (:data:`FONT_FILES`)."""
    out: list[str] = []
    files: list[str] = []

    def walk(folder: str) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for e in entries:
            if e.is_dir(follow_symlinks=False):
                out.append(e.path)
                walk(e.path)
            elif e.name.lower().endswith(FONT_FILES):
                files.append(e.path)
            elif e.name.endswith(FONT_CONFIG) and os.path.basename(folder) != CONF_AVAIL:
                out.append(e.path)  # stamped like a folder: what fontconfig reads, not a font

    roots = _font_roots()  # an absent root is kept too: a font folder created later is noticed
    for root in roots:
        walk(root)
    return list(dict.fromkeys([*roots, *out])), list(dict.fromkeys(files))


def fonts_stamp() -> str:
    """One string that changes when a font is installed or removed where fontconfig looks,
    cheap enough to ask at every use (≈0.1 ms): the folders :func:`font_dirs` found last
    time are stamped again, and found again when a stamp moved (a folder added or removed
    changes its parent's). For what a process remembers from fontconfig (a ``watch`` session)."""
    roots = _font_roots()  # $HOME or $XDG_DATA_HOME may have changed since
    if _fonts_seen.get("roots") == roots:
        token = "\n".join(f"{d}\0{stamp(d)}" for d in _fonts_seen["dirs"])
        if token == _fonts_seen["token"]:
            return token
    dirs, files = _walk_fonts()
    token = "\n".join(f"{d}\0{stamp(d)}" for d in dirs)
    _fonts_seen.update(roots=roots, dirs=dirs, files=files, token=token)
    return token


def font_files_stamp() -> str:
    """:func:`fonts_stamp` and the stamp of each font file in those folders (:data:`FONT_FILES`),
    so a font overwritten in place is noticed too (≈0.3 ms more for ≈170 files)."""
    token = fonts_stamp()
    return token + "\n" + "\n".join(f"{f}\0{stamp(f)}" for f in _fonts_seen["files"])


#: A file's or folder's size and modification time, ``-`` when absent (the browser's stamp uses it too).
stamp = chromium.stat_text


def _entries() -> dict[str, str]:
    """Each of :data:`LIBRARIES`' ``.dist-info`` entry (its name holds the version, so
    another version is another entry; no file is read), else its version (an ``.egg-info``
    name need not hold it)."""
    out = {}
    for dist in LIBRARIES:
        try:
            name = os.path.basename(_entry(dist))
        except _Unsure:
            name = ""
        out[dist] = name if name == "none" or name.lower().endswith(".dist-info") else f"version {version(dist)}"
    return out


#: While :func:`held`: the first :func:`state` found (None until asked)
_held: list[dict[str, object] | None] = []


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Within it, :func:`state` answers what it found the first time: one build keys every
    output on one look at what is installed (≈2-3 ms each), and a batch worker (:func:`hold`)
    its every report. Nested, the outermost decides."""
    outer = bool(_held)
    if not outer:
        _held.append(None)
    try:
        yield
    finally:
        if not outer:
            _held.clear()


def hold() -> None:
    """:func:`held` for the rest of this process (a batch's worker: the batch is built against
    what was installed when it started)."""
    if not _held:
        _held.append(None)


def state(dirs: list[str] | None = None, files: list[str] | None = None) -> dict[str, object]:
    """What is installed that an output depends on, as plain JSON values: Python, the
    :data:`LIBRARIES` by their metadata entries (a ``.dist-info`` name holds the version,
    so no file is read: ≈1 ms), :data:`LD_CACHE`'s stamp, each font folder's stamp and
    each font file's (``dirs`` and ``files``: the folders to stamp besides the roots and
    the font files in them, :func:`font_dirs` and its files by default, found again only
    when a folder's stamp moved, see :func:`fonts_stamp`; the fast path passes the ones it
    recorded, which is cheaper than finding them and as sure: a folder or a file added or
    removed changes its parent's stamp). A font file's own stamp is what notices a font
    overwritten in place, which changes no folder's (≈170 files here: ≈0.3 ms). And the
    chart browser's stamp (:func:`reportkit.chromium.stamp`: a stat, it is not started):
    another Chromium may draw the charts' pixels otherwise. While :func:`held`, the first
    answer (of the default folders) is kept."""
    if dirs is None and _held:
        if _held[0] is None:
            _held[0] = _state()
        return _held[0]
    return _state(dirs, files)


def _state(dirs: list[str] | None = None, files: list[str] | None = None) -> dict[str, object]:
    if dirs is None:
        fonts_stamp()
        dirs, files = _fonts_seen["dirs"], _fonts_seen["files"]
    else:
        dirs = list(dict.fromkeys([*_font_roots(), *dirs]))
    return {"python": sys.version, "libraries": _entries(), "ld.so.cache": stamp(LD_CACHE),
            "fonts": {d: stamp(d) for d in dirs}, "font_files": {f: stamp(f) for f in files or []},
            "browser": chromium.stamp()}
