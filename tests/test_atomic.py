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


# -- staged files are flushed together when the first is put in place --------------------------------

def _fsyncs(monkeypatch):
    import threading

    seen: list[tuple[str, int]] = []
    real = os.fsync

    def fsync(fd):
        seen.append((os.readlink(f"/proc/self/fd/{fd}"), threading.get_ident()))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return seen


def test_staged_files_are_flushed_at_once_by_the_first_publish(tmp_path, monkeypatch):
    from reportkit.atomic import publish, publish_all, staged_as, staging_path

    seen = _fsyncs(monkeypatch)
    outs = [tmp_path / "a.pdf", tmp_path / "b.pptx"]
    record = tmp_path / "a.pdf.record.json"
    staged = {p: staging_path(p) for p in [*outs, record]}
    for p in staged:
        with staged_as(p, staged[p]):
            write_bytes(p, p.name.encode())
    assert seen == [] and not any(p.exists() for p in staged)  # nothing flushed, nothing in place yet
    publish_all([(staged[p], p) for p in outs])
    assert sorted(os.path.basename(f) for f, _t in seen) == sorted(s.name for s in staged.values())
    assert len({t for _f, t in seen}) == 3  # one thread each: the journal commits them together
    assert [p.read_bytes() for p in outs] == [b"a.pdf", b"b.pptx"] and not record.exists()
    publish(staged[record], record)  # flushed already: put in place without another fsync
    assert len(seen) == 3 and record.read_bytes() == record.name.encode()


def test_a_file_staged_by_another_process_is_flushed_before_it_is_put_in_place(tmp_path, monkeypatch):
    from reportkit.atomic import publish, staging_path

    seen = _fsyncs(monkeypatch)
    target = tmp_path / "a.pdf"
    staged = staging_path(target)
    staged.write_bytes(b"from a render worker")
    publish(staged, target)
    assert [os.path.basename(f) for f, _t in seen] == [staged.name] and target.read_bytes() == b"from a render worker"


def test_a_file_staged_again_under_the_same_name_is_flushed_again(tmp_path, monkeypatch):
    from reportkit.atomic import publish, staged_as, staging_path

    seen = _fsyncs(monkeypatch)
    target = tmp_path / "a.pdf"
    staged = staging_path(target)
    for text in (b"one", b"two, longer"):
        with staged_as(target, staged):
            write_bytes(target, text)
        publish(staged, target)
    assert len(seen) == 2 and target.read_bytes() == b"two, longer"


def test_a_flush_that_fails_names_the_target_and_puts_nothing_in_place(tmp_path, monkeypatch):
    from reportkit.atomic import publish_all, staging_path

    outs = [tmp_path / "a.pdf", tmp_path / "b.pptx"]
    for p in outs:
        p.write_bytes(b"old")
        staging_path(p).write_bytes(b"new")

    def fail(_fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(RenderError, match="cannot write: Input/output error"):
        publish_all([(staging_path(p), p) for p in outs])
    assert [p.read_bytes() for p in outs] == [b"old", b"old"]


def test_not_durable_writes_are_atomic_without_fsync(tmp_path, monkeypatch):
    seen = _fsyncs(monkeypatch)
    target = tmp_path / "state.json"
    write_bytes(target, b"{}", durable=False)
    write_bytes(tmp_path / "out.pdf", b"%PDF")
    assert [os.path.basename(f) for f, _t in seen] != [] and all("state" not in f for f, _t in seen)
    assert target.read_bytes() == b"{}" and not stale_temps(tmp_path)


@pytest.fixture
def disposing():
    """This process deletes replaced files in the background for the test's length (a batch worker's way)."""
    from reportkit import atomic

    atomic.dispose_in_background()
    try:
        yield atomic
    finally:
        atomic.settle(stop=True)


def test_a_replaced_output_is_deleted_by_the_disposer_not_by_the_rename(tmp_path, monkeypatch, disposing):
    import threading

    from reportkit.atomic import publish_all, staging_path

    target, record = tmp_path / "brief.pdf", tmp_path / "brief.pdf.record.json"
    for p in (target, record):
        p.write_bytes(b"old " + p.name.encode())
    old_inodes = {os.stat(p).st_ino for p in (target, record)}
    gate, real_unlink = threading.Event(), os.unlink

    def held_unlink(path, *a, **k):  # the disposer waits until the test has looked
        if threading.current_thread().name == "reportkit-dispose":
            gate.wait(10)
        return real_unlink(path, *a, **k)

    monkeypatch.setattr(os, "unlink", held_unlink)
    for p in (target, record):
        staging_path(p).write_bytes(b"new " + p.name.encode())
    publish_all([(staging_path(p), p) for p in (target, record)])
    write_bytes(tmp_path / "state.json", b"{}", durable=False)  # a file not there before: nothing kept
    assert target.read_bytes() == b"new brief.pdf" and record.read_bytes() == b"new brief.pdf.record.json"
    kept = sorted(p for p in os.listdir(tmp_path) if p.startswith(TMP_PREFIX))
    assert len(kept) == 2 and all(f"{os.getpid()}-old" in p for p in kept)
    assert {os.stat(tmp_path / p).st_ino for p in kept} == old_inodes  # the old files, still whole
    assert not stale_temps(tmp_path)  # this process is alive: not a dead build's leftovers
    gate.set()
    disposing.settle()
    assert sorted(os.listdir(tmp_path)) == ["brief.pdf", "brief.pdf.record.json", "state.json"]


def test_with_the_disposer_a_failed_rename_keeps_the_old_file_and_leaves_nothing(tmp_path, monkeypatch, disposing):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"old")
    real_replace = os.replace

    def refuse(src, dst, *a, **k):
        if os.fspath(dst) == os.fspath(target):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(RenderError, match="No space left"):
        write_bytes(target, b"new")
    disposing.settle()
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["brief.pdf"]


def test_without_the_disposer_nothing_is_kept_and_a_forked_child_does_not_inherit_it(tmp_path, disposing):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"old")
    pid = os.fork()
    if pid == 0:  # the child: the parent's thread is not here, so the rename frees the file itself
        try:
            write_bytes(target, b"child")
            os._exit(0 if os.listdir(tmp_path) == ["brief.pdf"] else 1)
        finally:
            os._exit(2)
    assert os.waitpid(pid, 0)[1] == 0 and target.read_bytes() == b"child"
    disposing.settle(stop=True)
    write_bytes(target, b"after")
    assert os.listdir(tmp_path) == ["brief.pdf"] and target.read_bytes() == b"after"
