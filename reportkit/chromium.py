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
    archive's modification time). None when there is no browser to stamp."""
    path = path or locate()[0]
    if path is None:
        return None
    try:
        real = os.path.realpath(path)
        st = os.stat(real)
    except OSError:
        return None
    text = f"{real}\0{st.st_size}\0{st.st_mtime_ns}".encode("utf-8", "surrogateescape")
    return hashlib.sha256(text).hexdigest()[:16]
