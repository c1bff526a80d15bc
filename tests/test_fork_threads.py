"""No fork while another thread runs (reportkit/forkpool.py ``fork``): a lock that thread holds
at that moment stays held for ever in the child (a cold build's render child once hung on
tempfile's). Every fork helper refuses; the callers render in their own process instead; a real
cold build forks only while its process runs no other thread."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator

import pytest

from conftest import ROOT, SEEDS

from reportkit import forkpool, forkrun

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


def test_a_session_forks_its_worker_on_entry_and_renders_here_while_a_thread_runs(forks):
    with forkrun.kept_workers():
        assert forks == [1]  # on entry, before the session starts any thread
        worker = forkrun._KEPT.pids[0]
        stop = threading.Event()
        thread = threading.Thread(target=stop.wait, daemon=True)
        thread.start()
        try:
            # three tasks want two workers: the second cannot be forked now, so its task runs here
            assert forkrun.run_tasks([_pid, _pid, _pid]) == [[str(worker)], [str(os.getpid())], [str(os.getpid())]]
        finally:
            stop.set()
            thread.join()
        assert forks == [1]


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
