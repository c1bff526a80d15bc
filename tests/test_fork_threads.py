"""No fork while another thread runs (reportkit/forkpool.py ``fork``): a lock that thread holds
at that moment stays held for ever in the child (a cold build's render child once hung on
tempfile's). Every fork helper refuses; the callers render in their own process instead; a real
cold build forks only while its process runs no other thread."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

from reportkit import forker, forkpool, forkrun

pytestmark = pytest.mark.usefixtures("threads_of_this_test_only")


@pytest.fixture
def other_thread() -> Iterator[threading.Thread]:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, name="other", daemon=True)
    thread.start()
    yield thread
    stop.set()
    thread.join()


@pytest.fixture
def forks(monkeypatch) -> list[int]:
    """Every os.fork asked for (the number of threads running then)."""
    seen: list[int] = []
    real = os.fork
    monkeypatch.setattr(os, "fork", lambda: seen.append(threading.active_count()) or real())
    return seen


def _pid() -> list[str]:
    return [str(os.getpid())]


def test_every_fork_helper_refuses_while_another_thread_runs(other_thread, forks):
    # (threads earlier test modules left are named too, though not counted: see conftest)
    assert not forkpool.fork_safe() and "other" in forkpool.other_threads()
    with pytest.raises(RuntimeError, match=r"refusing to fork while other threads run \(.*\bother\b"):
        forkpool.fork()
    with pytest.raises(RuntimeError):
        forkrun.start_task(_pid)
    workers = forkpool.Workers()
    with pytest.raises(RuntimeError):
        workers.spawn()
    assert workers.pids == [] and forks == []  # nothing was forked


def test_tasks_run_here_while_another_thread_runs(other_thread, forks):
    assert forkrun.run_tasks([_pid, _pid]) == [[str(os.getpid())]] * 2 and forks == []


def test_tasks_fork_when_no_other_thread_runs(forks):
    pids = forkrun.run_tasks([_pid, _pid])
    assert forks == [1, 1] and str(os.getpid()) not in {p for (p,) in pids}


def test_a_session_forks_its_worker_and_its_forker_on_entry_and_none_while_a_thread_runs(forks):
    with forkrun.kept_workers():
        assert forks == [1, 1]  # on entry, before the session starts any thread: a worker, the forker
        worker = forkrun._KEPT.pids[0]
        stop = threading.Event()
        thread = threading.Thread(target=stop.wait, daemon=True)
        thread.start()
        try:
            # three tasks want two workers: the second is forked by the forker, not here
            results = forkrun.run_tasks([_pid, _pid, _pid])
        finally:
            stop.set()
            thread.join()
        assert forks == [1, 1]
        second = int(results[1][0])
        assert results[0] == [str(worker)] and results[2] == [str(os.getpid())]
        assert second not in (worker, os.getpid()) and second in forkrun._KEPT.pids
    assert not _running(second)  # ended with the session, though not a child of this process


def test_without_a_forker_a_session_renders_here_while_a_thread_runs(forks, monkeypatch):
    monkeypatch.setattr(forker, "available", lambda: False)  # no pidfds or SCM_RIGHTS here
    with forkrun.kept_workers():
        worker = forkrun._KEPT.pids[0]
        with _native_thread():
            assert forkrun.run_tasks([_pid, _pid, _pid]) == [[str(worker)], [str(os.getpid())], [str(os.getpid())]]
        assert forks == [1]


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(") ", 1)[1][0] not in "ZX"
    except FileNotFoundError:
        return False


@contextlib.contextmanager
def _native_thread(folder: Path | None = None) -> Iterator[None]:
    """watch's own file watcher (watchfiles, Rust): an OS thread no Python thread stands for."""
    from watchfiles import watch

    changes = watch(folder or ROOT / "seeds", yield_on_timeout=True, rust_timeout=100, step=5)
    next(changes)  # listening: its thread runs
    try:
        yield
    finally:
        changes.close()
        forkpool.settle(30)  # its thread ends a moment after (a wait, not a timed assertion)


def test_the_guard_sees_a_native_thread_python_does_not(forks):
    with _native_thread():
        assert threading.active_count() == 1  # Python sees no other thread
        assert forkpool.other_threads() == ["1 native thread"] and not forkpool.fork_safe()
        with pytest.raises(RuntimeError, match=r"refusing to fork while other threads run \(1 native thread\)"):
            forkpool.fork()
        assert forkrun.run_tasks([_pid, _pid]) == [[str(os.getpid())]] * 2  # rendered here
        with pytest.raises(RuntimeError):
            forkpool.Workers().spawn()
    assert forks == [] and forkpool.fork_safe()


def test_a_dead_worker_is_replaced_by_the_forker_while_the_watcher_runs(forks):
    with forkrun.kept_workers(), _native_thread():
        entry = len(forks)  # the worker and the forker
        first = int(forkrun.run_tasks([_pid, _pid])[0][0])
        os.kill(first, signal.SIGKILL) if first != os.getpid() else pytest.fail("no worker")
        with pytest.raises(RuntimeError, match="render process died"):
            forkrun.run_tasks([_pid, _pid])
        again = int(forkrun.run_tasks([_pid, _pid])[0][0])
        assert again not in (first, os.getpid()) and len(forks) == entry == 2  # not forked here
    assert not _running(again)


PROBE = """
import os, sys, threading
from pathlib import Path
fork = os.fork
def probed():
    sys.stderr.write('FORK %s\\n' % ','.join(sorted(t.name for t in threading.enumerate())))
    return fork()
os.fork = probed
from reportkit.build import BuildOptions, build_report
summary = build_report(BuildOptions(sources=[Path(sys.argv[1])], week='2026-W47', out=Path(sys.argv[2]),
                                    force=True, use_cache=False))
print(sorted((o.format, o.status) for o in summary.outputs), summary.charts and summary.charts[0]['cached'])
"""


@pytest.mark.slow  # a real cold build: Chromium draws the charts
def test_a_cold_build_forks_only_while_no_other_thread_runs(tmp_path):
    proc = subprocess.run([sys.executable, "-c", PROBE, str(SEEDS), str(tmp_path / "out")], cwd=ROOT,
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "REPORTKIT_FAST_PATH": "0", "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split("\n")[0] == "[('pdf', 'built'), ('pptx', 'built')] False"  # charts drawn
    forks = [ln.split(" ", 1)[1] for ln in proc.stderr.splitlines() if ln.startswith("FORK ")]
    assert forks == ["MainThread", "MainThread"]  # the brief's worker and the deck's
