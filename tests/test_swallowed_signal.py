"""A stop signal whose exception is swallowed still stops the build (reportkit/stopping.py).

The CLI's SIGINT/SIGTERM handler raises ``Terminated``; raised inside a ``__del__`` (or a weakref
callback) it is swallowed by Python ("Exception ignored"), and the build used to go on and write
its outputs as if no signal came. The handler now records the signal, and the build checks at
every stage boundary and before it puts a file in place. The swallow is simulated for real: an
object whose ``__del__`` sends the signal to its own process, so the handler runs inside it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED_B

from reportkit import atomic, stopping
from reportkit.progress import Progress

SWALLOW = """
import os, signal, sys
import reportkit.{module} as where

class Swallows:
    def __del__(self):
        os.kill(os.getpid(), signal.{sig})  # the handler runs in this frame: its exception is swallowed
        for _ in range(1000):
            pass

real = where.{name}

def swallowing(*args, **kwargs):
    Swallows()
    sys.stderr.write("swallowed and went on\\n")
    return real(*args, **kwargs)

where.{name} = swallowing
{also}
from reportkit.cli.run import main
sys.argv = ["reportkit", *sys.argv[1:]]
main()
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict[str, tuple[int, bytes]]]:
    """A deck built once (native charts: no browser); every file of its folder as it is then."""
    out = tmp_path_factory.mktemp("swallow") / "out"
    proc = subprocess.run([sys.executable, "-m", "reportkit", "build", str(SEED_B), "--format", "pptx", "--out",
                           str(out), "-q"], cwd=ROOT, env=_env(out.parent / "cache"), capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return out, _files(out)


def _env(cache: Path) -> dict[str, str]:
    return {**os.environ, "REPORTKIT_CACHE_DIR": str(cache), "SOURCE_DATE_EPOCH": "1795046400",
            "REPORTKIT_FAST_PATH": "0", "PYTHONPATH": str(ROOT)}


def _files(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT"])
@pytest.mark.parametrize("module,name,also", [
    ("build", "read_sources", ""),  # stage read: before anything is rendered
    # just before the render: its worker was forked earlier, and is told nothing of the signal
    ("renderstage", "render_outputs", "import reportkit.build as b; b.render_outputs = swallowing"),
])
def test_a_swallowed_signal_stops_the_build_and_touches_no_output(built, tmp_path, sig, module, name, also):
    out, before = built
    script = tmp_path / "swallow.py"
    script.write_text(SWALLOW.format(module=module, name=name, sig=sig, also=also))
    proc = subprocess.run([sys.executable, str(script), "build", str(SEED_B), "--format", "pptx", "--out", str(out),
                           "--force", "-q"], cwd=ROOT, env=_env(out.parent / "cache"), capture_output=True, text=True,
                          timeout=300)
    assert "swallowed and went on" in proc.stderr  # the exception did not reach the build
    signum = getattr(signal, sig)
    assert proc.returncode == 128 + signum, proc.stderr[-2000:]  # as a signal that was not swallowed
    assert _files(out) == before  # no output, record or state file touched
    said = [ln for ln in proc.stderr.splitlines() if ln != "swallowed and went on" and not ln.startswith("warning: ")]
    assert said == (["interrupted"] if signum == signal.SIGINT else [])  # no "Exception ignored", no traceback


@pytest.fixture
def recorded():
    stopping.record(signal.SIGTERM)
    yield
    stopping.clear()


def test_no_file_is_put_in_place_once_a_signal_was_received(tmp_path, recorded):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"the last good brief")
    with pytest.raises(stopping.Terminated) as stopped:
        atomic.write_bytes(target, b"half a build later")
    assert stopped.value.code == 128 + signal.SIGTERM
    staged = atomic.staging_path(target)
    staged.write_bytes(b"rendered before the signal")
    with pytest.raises(stopping.Terminated):
        atomic.publish(staged, target)
    assert target.read_bytes() == b"the last good brief"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["brief.pdf", staged.name])  # no temporary left


def test_every_stage_boundary_checks(recorded):
    progress = Progress(live=False)
    with pytest.raises(stopping.Terminated):
        with progress.stage("read"):
            pytest.fail("a stage must not start once a signal was received")
    stopping.clear()
    with pytest.raises(stopping.Terminated):
        with progress.stage("render"):
            stopping.record(signal.SIGINT)  # swallowed while the stage ran: it stops at its end
    assert stopping.received() == signal.SIGINT


def test_the_first_signal_is_kept_and_a_new_command_starts_clear(recorded):
    from reportkit.cli.guard import guarded

    stopping.record(signal.SIGINT)
    assert stopping.received() == signal.SIGTERM
    ran: list[int | None] = []
    guarded(lambda: ran.append(stopping.received()), own_process=False)
    assert ran == [None]


class _SignalsItsProcess:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGTERM)  # the worker's handler runs here: its SystemExit is swallowed
        for _ in range(1000):
            pass


def _swallow_then_write(path: str) -> list[str]:
    _SignalsItsProcess()
    atomic.write_bytes(Path(path), b"written after the worker was told to stop")
    return ["went on"]


def _here() -> list[str]:
    return [str(os.getpid())]


@pytest.mark.usefixtures("threads_of_this_test_only")
def test_a_render_worker_told_to_stop_writes_nothing_even_if_swallowed(tmp_path):
    from functools import partial

    from reportkit.forkrun import kept_workers, run_tasks

    target = tmp_path / "brief.pdf"
    with kept_workers():
        with pytest.raises(RuntimeError, match="render process died"):
            run_tasks([partial(_swallow_then_write, str(target)), _here])
    assert not target.exists() and not list(tmp_path.iterdir())
