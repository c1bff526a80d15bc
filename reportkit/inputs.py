"""Bounded reads of user-named files: regular files only, never more than a limit.

Every file reportkit reads on a user's say-so (sources, layouts, CSV chart data,
fonts, logos, templates) goes through :func:`read_bytes` or :func:`check_file`, so a
FIFO cannot hang a build, ``/dev/zero`` or a huge file cannot exhaust memory, and
the message is one line naming the file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import InputError, ReportkitError

MB = 1 << 20
#: Per-kind size limits (bytes): generous for real inputs, far below what hurts.
LIMITS = {
    "source": 64 * MB,
    "layout": 4 * MB,
    "csv": 16 * MB,
    "font": 32 * MB,
    "logo": 16 * MB,
    "template": 64 * MB,
}


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def check_file(path: str | os.PathLike[str], kind: str, error: type[ReportkitError] = InputError,
               limit: int | None = None) -> int:
    """The size of ``path`` if it is a regular file (symlinks followed) within the
    limit for ``kind``; otherwise raise ``error`` naming the file."""
    limit = LIMITS[kind] if limit is None else limit
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise error("file not found", path) from None
    except OSError as e:
        raise error(f"cannot read: {e.strerror or e}", path) from None
    if not stat.S_ISREG(st.st_mode):
        raise error(f"not a regular file ({_kind_of(st.st_mode)})", path)
    if st.st_size > limit:
        raise error(f"file too large ({st.st_size / MB:.1f} MB; the limit for a {kind} is {limit // MB} MB)", path)
    return st.st_size


def read_bytes(path: str | os.PathLike[str], kind: str, error: type[ReportkitError] = InputError,
               limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most the limit for ``kind`` (see :func:`check_file`).

    Opened without blocking (a file swapped for a FIFO after the check cannot hang),
    and read up to the limit only (a file that grows meanwhile cannot exhaust memory).
    """
    limit = LIMITS[kind] if limit is None else limit
    check_file(path, kind, error, limit)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        raise error(f"cannot read: {e.strerror or e}", path) from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise error("not a regular file", path)
        try:
            data = fh.read(limit + 1)
        except OSError as e:
            raise error(f"cannot read: {e.strerror or e}", path) from None
    if len(data) > limit:
        raise error(f"file too large (over the {limit // MB} MB limit for a {kind})", path)
    return data


def read_text(path: str | os.PathLike[str], kind: str, error: type[ReportkitError] = InputError,
              encoding: str = "utf-8") -> str:
    """:func:`read_bytes` decoded; undecodable bytes are an error naming the file."""
    data = read_bytes(path, kind, error)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise error(f"not {encoding.upper().replace('-SIG', '')} text (byte {e.start})", path) from None


def display_path(path: str | os.PathLike[str]) -> str:
    """``path`` printable on any terminal: bytes that are not UTF-8 shown as ``\\xNN``."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", errors="backslashreplace")


__all__ = ["LIMITS", "check_file", "display_path", "read_bytes", "read_text"]
