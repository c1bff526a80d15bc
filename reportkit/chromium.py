"""Which Chrome/Chromium draws the charts, and a stamp that changes when it is replaced.

Standard library only and cheap to import: the chart cache checks each cached image
against the stamp (an image another browser drew is drawn again), and what is installed
(:func:`reportkit.installed.state`, which the unchanged answers key on, the fast path
included) holds it, so an upgraded Chromium builds the outputs again once. Neither ever
starts the browser to learn its version.
"""

from __future__ import annotations

import hashlib
import os
import stat

from .lazyre import lazy

# Searched in order when neither REPORTKIT_CHROMIUM nor BROWSER_PATH is set.
# Debian's /usr/bin/chromium is a launcher script; the binary behind it starts quieter.
CANDIDATES = ("/usr/lib/chromium/chromium", "chromium", "chromium-browser", "google-chrome",
              "google-chrome-stable", "chrome")
INSTALL_HINT = "install one with `apt-get install chromium` or set REPORTKIT_CHROMIUM to its path"


def _which(name: str) -> str | None:
    """:func:`shutil.which`, without importing shutil for a path (the fast path's case)."""
    if os.path.dirname(name):
        ok = os.path.exists(name) and os.access(name, os.X_OK) and not os.path.isdir(name)
        return name if ok else None
    import shutil

    return shutil.which(name)


def locate() -> tuple[str | None, str]:
    """The browser's executable (``REPORTKIT_CHROMIUM`` or ``BROWSER_PATH`` when set, else
    the first of :data:`CANDIDATES` found), or None and why not."""
    for var in ("REPORTKIT_CHROMIUM", "BROWSER_PATH"):
        value = os.environ.get(var, "").strip()
        if value:
            found = _which(value)
            return (found, "") if found else (None, f"{var}={value}: no such browser executable; {INSTALL_HINT}")
    for cand in CANDIDATES:
        found = _which(cand)
        if found:
            return found, ""
    return None, f"no Chromium or Chrome found to render charts; {INSTALL_HINT}"


def find_browser() -> str:
    """The Chrome/Chromium executable: ``REPORTKIT_CHROMIUM`` or ``BROWSER_PATH`` when
    set (and then it must exist), else the first of :data:`CANDIDATES` found."""
    found, problem = locate()
    if found is None:
        from .errors import ChartError

        raise ChartError(problem)
    return found


def stamp(path: str | None = None) -> str | None:
    """A short digest of the browser at ``path`` (else the one :func:`locate` finds): its
    resolved path, size and modification time. A package upgrade replaces the binary, so
    its stamp changes, while a reinstall of the same version keeps it (dpkg sets the
    archive's modification time). None when there is no browser to stamp.

    A script (``REPORTKIT_CHROMIUM`` set to a wrapper, Debian's ``/usr/bin/chromium``) is not
    what draws: the executables it names are stamped with it (:func:`_named_executables`), so
    an upgrade of the real binary behind an unchanged wrapper is noticed too. Never run."""
    path = path or locate()[0]
    if path is None:
        return None
    try:
        real = os.path.realpath(path)
        st = os.stat(real)
    except OSError:
        return None
    text = f"{real}\0{st.st_size}\0{st.st_mtime_ns}"
    for exe in _named_executables(real):  # nothing for a binary: its stamp is what it always was
        text += f"\0{exe}\0{stat_text(exe)}"
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:16]


#: How much of a wrapper script is read, how many scripts deep and how many executables at most.
MAX_SCRIPT, MAX_DEPTH, MAX_NAMED = 64 << 10, 3, 32
# a shell assignment (NAME=value, optionally exported; quotes and $VARS allowed, no command), an
# absolute path possibly spelt with $VARS, and a variable; as wrappers write them
_ASSIGN = lazy(r"\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"`]*\"|'[^']*'|[^\s;&|`'\"()]*)")
_PATH = lazy(r"(?:\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|/)[A-Za-z0-9_./+@%${}-]*")
_VAR = lazy(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?")


def stat_text(path: str) -> str:
    """A file's or folder's size and modification time, ``-`` when absent (its stamp)."""
    try:
        st = os.stat(path)
    except OSError:
        return "-"
    return f"{st.st_size}:{st.st_mtime_ns}"


def _named_executables(script: str, depth: int = 0) -> list[str]:
    """The executables a wrapper script names (absolute paths, after its plain ``NAME=value``
    assignments are put in), and those their own scripts name, in order; empty for a file that
    is not a script (``#!``). Its interpreter line is left out: ``/bin/sh`` is not the browser.
    A path the script makes at run time (``$(dirname "$0")``, a ``$PATH`` search) is not seen."""
    try:
        with open(script, "rb") as fh:
            if fh.read(2) != b"#!" or depth >= MAX_DEPTH:
                return []
            text = fh.read(MAX_SCRIPT).decode("utf-8", "replace").partition("\n")[2]
    except OSError:
        return []
    values: dict[str, str] = {}
    for line in text.splitlines():
        m = _ASSIGN.match(line) if "=" in line else None
        if m and m.group(1) not in values:  # the first value: a later one is usually a fallback
            value = m.group(2).strip("'\"")
            values[m.group(1)] = "$" if "$(" in value else _VAR.sub(lambda v: values.get(v.group(1), "$"), value)
    found: list[str] = []
    words = [w for w in text.split() if "/" in w]  # str.split is C-fast; the patterns see only these
    for word in dict.fromkeys(p for w in words for p in _PATH.findall(w)):
        path = _VAR.sub(lambda v: values.get(v.group(1), "$"), word) if "$" in word else word
        if not path.startswith("/") or "$" in path or len(found) >= MAX_NAMED:
            continue  # not a path, or one the script makes at run time
        try:
            if not stat.S_ISREG(os.stat(path).st_mode) or not os.access(path, os.X_OK):
                continue
        except OSError:
            continue
        real = os.path.realpath(path)
        if real != script and real not in found:
            found += [real, *_named_executables(real, depth + 1)]
    return list(dict.fromkeys(found))[:MAX_NAMED]
