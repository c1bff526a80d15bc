"""Atomic writes: the old file survives any failure; leftovers of killed builds are found."""

import os
import subprocess
import sys

import pytest

from reportkit.atomic import TMP_PREFIX, atomic_path, remove_stale_temps, stale_temps, write_bytes
from reportkit.errors import RenderError


def test_success_replaces_target(tmp_path):
    target = tmp_path / "out" / "brief.pdf"
    write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert os.listdir(target.parent) == ["brief.pdf"]


def test_failure_keeps_previous_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"old")
    with pytest.raises(ZeroDivisionError), atomic_path(target) as tmp:
        tmp.write_bytes(b"half-written")
        1 / 0
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["brief.pdf"]


def test_read_only_folder_is_a_clear_error(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    with pytest.raises(RenderError, match="cannot write"):
        write_bytes(folder / "x.pdf", b"x")


def test_unwritable_target_is_render_error(tmp_path):
    # a folder where the file should go: the rename fails, the folder survives
    (tmp_path / "brief.pdf").mkdir()
    with pytest.raises(RenderError, match="brief.pdf"):
        write_bytes(tmp_path / "brief.pdf", b"x")
    assert (tmp_path / "brief.pdf").is_dir()
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_killed_writer_leaves_temp_that_is_later_removed(tmp_path):
    code = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from reportkit.atomic import atomic_path\n"
        f"with atomic_path(Path({str(tmp_path / 'brief.pdf')!r})) as t:\n"
        "    t.write_bytes(b'partial')\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=False)
    left = stale_temps(tmp_path)
    assert len(left) == 1 and left[0].name.startswith(TMP_PREFIX)
    assert not (tmp_path / "brief.pdf").exists()
    assert remove_stale_temps(tmp_path) == 1
    assert list(tmp_path.iterdir()) == []


def test_live_writers_temp_is_not_stale(tmp_path):
    with atomic_path(tmp_path / "a.pdf") as t:
        t.write_bytes(b"in progress")
        assert stale_temps(tmp_path) == []
