"""Atomic file output: write to a temporary file beside the target, then rename.

A failed or killed build therefore never leaves a half-written file, and never
clobbers the previous good output: readers see the old file or the new one.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from . import stopping
from .errors import RenderError

TMP_PREFIX = ".reportkit-tmp-"


_STAGED: dict[Path, Path] = {}  # output → where it is written meanwhile (see staged_as)
# staged files are flushed to disk together when the first of them is put in place (publish):
# a build's outputs and records are 4 files, and 4 fsyncs one after another took ≈19 ms here
# against ≈5 ms at once (the journal commits them together)
_PENDING: dict[Path, Path] = {}  # a staging file written here, not yet flushed → its target
_FLUSHED: dict[Path, tuple[int, int, int]] = {}  # a staging file flushed → (inode, size, mtime) then


@contextlib.contextmanager
def staged_as(target: Path, staging: Path) -> Iterator[None]:
    """Within: :func:`atomic_path` of ``target`` ends at ``staging`` (a :func:`staging_path`) instead,
    put in place later by :func:`publish` once every output of the build has rendered. The writer
    still names ``target`` (its errors, the keys it derives from its path), only the last rename differs."""
    _STAGED[Path(target)] = Path(staging)
    try:
        yield
    finally:
        _STAGED.pop(Path(target), None)


@contextlib.contextmanager
def atomic_path(target: Path, durable: bool = True) -> Iterator[Path]:
    """Yield a temporary path in ``target``'s folder; on success rename it over
    ``target`` (after fsync), on any failure remove it and keep ``target`` as it was.
    Within :func:`staged_as`, the last rename is to its staging file instead, and the fsync
    waits for :func:`publish` (which flushes every staged file at once). ``durable=False``: no
    fsync (a file whose loss after a power cut costs only a rebuild, such as the build state)."""
    target = Path(target)
    staging = _STAGED.get(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # the pid in the name lets a later build tell a dead build's leftovers from a live one's
        fd, tmp = tempfile.mkstemp(prefix=f"{TMP_PREFIX}{os.getpid()}-", suffix=target.suffix, dir=target.parent)
        os.close(fd)
    except OSError as e:
        raise RenderError(f"cannot write to folder: {e.strerror or e}", target.parent) from None
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        if durable and staging is None:
            with open(tmp_path, "rb+") as fh:
                os.fsync(fh.fileno())
        # mkstemp makes the file 0600: give it the mode the old output had (a brief the
        # user made private stays private), else the mode the umask asks for
        os.chmod(tmp_path, _mode_for(target))
        stopping.check()  # a stop signal whose exception was swallowed: the old file stays
        os.replace(tmp_path, staging or target)
        if staging is not None:
            _FLUSHED.pop(staging, None)
            _PENDING[staging] = target
    except OSError as e:
        raise RenderError(f"cannot write: {e.strerror or e}", target) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()


def _umask() -> int:
    """The process umask, read without changing it (Linux exposes it in /proc)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: set and restore (not thread-safe, but brief)
    os.umask(mask)
    return mask


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def staging_path(target: Path) -> Path:
    """A private name beside ``target`` for an output written now and put in place later
    (:func:`publish`), once the rest of the build has succeeded. It carries this process's
    pid, so a killed build's leftover is removed like its other temporary files."""
    target = Path(target)
    return target.with_name(f"{TMP_PREFIX}{os.getpid()}-staged-{target.name}")


def publish(staged: Path, target: Path) -> None:
    """Move a finished :func:`staging_path` file over ``target`` (atomically, keeping the
    mode the old output had), once it is on disk (:func:`publish_all`)."""
    publish_all([(staged, target)])


def publish_all(pairs: list[tuple[Path, Path]]) -> None:
    """:func:`publish` each ``(staged, target)`` in order, after flushing to disk at once every
    one of them and every other staging file this process wrote and has not flushed yet (a
    build's records, put in place right after its outputs). A file staged by another process
    (a render worker) is flushed here too: fsync works on the file, whoever wrote it."""
    pending = {Path(s): Path(t) for s, t in pairs}
    pending.update((s, t) for s, t in _PENDING.items() if s.exists())
    _PENDING.clear()
    _flush([(s, t) for s, t in pending.items() if _FLUSHED.get(s) != _signature(s)])
    for staged, target in pairs:
        stopping.check()
        try:
            os.chmod(staged, _mode_for(Path(target)))
            os.replace(staged, target)
        except OSError as e:
            raise RenderError(f"cannot write: {e.strerror or e}", target) from None
        _FLUSHED.pop(Path(staged), None)


def _signature(path: Path) -> tuple[int, int, int] | None:
    """What tells a flushed staging file from a new one of the same name."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def _flush(files: list[tuple[Path, Path]]) -> None:
    """fsync every ``(file, target)`` at once (a thread each when there are several); an error
    names the target."""
    errors: list[tuple[Path, OSError]] = []

    def one(path: Path, target: Path) -> None:
        try:
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            _FLUSHED[path] = _signature(path) or (0, 0, 0)
        except OSError as e:
            errors.append((target, e))

    if len(files) == 1:
        one(*files[0])
    elif files:
        import threading

        threads = [threading.Thread(target=one, args=pair, daemon=True) for pair in files]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    if errors:
        target, e = errors[0]
        raise RenderError(f"cannot write: {e.strerror or e}", target) from None


def write_bytes(target: Path, data: bytes, durable: bool = True) -> None:
    """Atomically replace ``target`` with ``data`` (``durable``: see :func:`atomic_path`)."""
    with atomic_path(target, durable) as tmp:
        tmp.write_bytes(data)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie (killed, not yet reaped) writes nothing more
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[-1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def stale_temps(folder: Path) -> list[Path]:
    """Temporary files left in ``folder`` by builds that were killed (their process is gone)."""
    out = []
    if not folder.is_dir():
        return out
    for p in folder.glob(TMP_PREFIX + "*"):
        pid = p.name[len(TMP_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            out.append(p)
    return sorted(out)


def remove_stale_temps(folder: Path) -> int:
    """Delete :func:`stale_temps`; returns how many were removed."""
    n = 0
    for p in stale_temps(folder):
        with contextlib.suppress(OSError):
            p.unlink()
            n += 1
    return n
