"""Which Chrome/Chromium draws the charts, and a stamp that changes when it is replaced.

Standard library only and cheap: a warm build (every image cached) asks for the stamp
to check its cached images, and never imports the browser half
(:mod:`reportkit.charts.browser`) or starts a browser to learn a version.
"""

from __future__ import annotations

import hashlib
import os
import shutil

from ..errors import ChartError

# Searched in order when neither REPORTKIT_CHROMIUM nor BROWSER_PATH is set.
# Debian's /usr/bin/chromium is a launcher script; the binary behind it starts quieter.
CANDIDATES = ("/usr/lib/chromium/chromium", "chromium", "chromium-browser", "google-chrome",
              "google-chrome-stable", "chrome")
INSTALL_HINT = "install one with `apt-get install chromium` or set REPORTKIT_CHROMIUM to its path"


def find_browser() -> str:
    """The Chrome/Chromium executable: ``REPORTKIT_CHROMIUM`` or ``BROWSER_PATH`` when
    set (and then it must exist), else the first of :data:`CANDIDATES` found."""
    for var in ("REPORTKIT_CHROMIUM", "BROWSER_PATH"):
        value = os.environ.get(var, "").strip()
        if value:
            found = shutil.which(value)
            if not found:
                raise ChartError(f"{var}={value}: no such browser executable; {INSTALL_HINT}")
            return found
    for cand in CANDIDATES:
        found = shutil.which(cand)
        if found:
            return found
    raise ChartError(f"no Chromium or Chrome found to render charts; {INSTALL_HINT}")


def stamp(path: str | None = None) -> str | None:
    """A short digest of the browser at ``path`` (else the one :func:`find_browser` finds):
    its resolved path, size and modification time. A package upgrade replaces the binary,
    so its stamp changes, while a reinstall of the same version keeps it (dpkg sets the
    archive's modification time). None when there is no browser to stamp."""
    try:
        real = os.path.realpath(path or find_browser())
        st = os.stat(real)
    except (ChartError, OSError):
        return None
    return hashlib.sha256(f"{real}\0{st.st_size}\0{st.st_mtime_ns}".encode("utf-8", "surrogateescape")).hexdigest()[:16]
