"""Atomic file output: write to a temporary file beside the target, then rename.

A failed or killed build therefore never leaves a half-written file, and never
clobbers the previous good output: readers see the old file or the new one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import RenderError

TMP_PREFIX = ".reportkit-tmp-"


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path in ``target``'s folder; on success rename it over
    ``target`` (after fsync), on any failure remove it and keep ``target`` as it was."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=target.suffix, dir=target.parent)
        os.close(fd)
    except OSError as e:
        raise RenderError(f"cannot write to folder: {e.strerror or e}", target.parent) from None
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        with open(tmp_path, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp_path, 0o644)
        os.replace(tmp_path, target)
    except OSError as e:
        raise RenderError(f"cannot write: {e.strerror or e}", target) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()


def write_bytes(target: Path, data: bytes) -> None:
    """Atomically replace ``target`` with ``data``."""
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
