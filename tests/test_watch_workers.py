"""``watch`` keeps its render workers between rebuilds (reportkit.forkrun.kept_workers):
the same worker takes the same task every time, the last task runs in the session,
errors come back as the same kind, a dead worker fails one rebuild only."""

from __future__ import annotations

import os
import signal
from functools import partial

import pytest

from reportkit.errors import RenderError
from reportkit.forkrun import kept_workers, run_tasks

# threads earlier test modules left in this process are not these tests': without the fixture,
# no worker is forked (no fork while another thread runs) and every task runs in pytest itself
pytestmark = pytest.mark.usefixtures("threads_of_this_test_only")


def _pid(tag: str) -> list[str]:
    return [f"{tag}:{os.getpid()}"]


def _fail(path: str) -> list[str]:
    raise RenderError("cannot lay out the brief", path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is reaped by whoever forked it; kept_workers waits for its workers
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        return fh.read().split(") ", 1)[1][0] != "Z"


def test_the_same_worker_renders_the_same_output_every_time() -> None:
    with kept_workers():
        first = run_tasks([partial(_pid, "brief"), partial(_pid, "deck")])
        second = run_tasks([partial(_pid, "brief"), partial(_pid, "deck")])
    brief_pid = int(first[0][0].split(":")[1])
    assert first[1] == second[1] == [f"deck:{os.getpid()}"]  # the last task runs here
    assert brief_pid != os.getpid() and first[0] == second[0]  # one kept worker, not a fork per call
    assert not _alive(brief_pid)  # stopped with the session


def test_without_a_session_every_call_forks_anew() -> None:
    first = run_tasks([partial(_pid, "brief"), partial(_pid, "deck")])
    second = run_tasks([partial(_pid, "brief"), partial(_pid, "deck")])
    assert first[0] != second[0] and os.getpid() not in {int(r[0].split(":")[1]) for r in first + second}


def test_a_worker_error_is_raised_as_its_kind_and_the_worker_goes_on(tmp_path) -> None:
    with kept_workers():
        with pytest.raises(RenderError) as e:
            run_tasks([partial(_fail, str(tmp_path / "b.pdf")), partial(_pid, "deck")])
        assert "cannot lay out" in e.value.message and str(e.value.path).endswith("b.pdf")
        assert run_tasks([partial(_pid, "brief"), partial(_pid, "deck")])[1] == [f"deck:{os.getpid()}"]


def test_a_dead_worker_fails_one_rebuild_and_is_replaced() -> None:
    with kept_workers():
        pid = int(run_tasks([partial(_pid, "brief"), partial(_pid, "deck")])[0][0].split(":")[1])
        assert pid != os.getpid()  # a worker's, never this process (which SIGKILL would end)
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(RuntimeError, match="render process died"):
            run_tasks([partial(_pid, "brief"), partial(_pid, "deck")])
        again = int(run_tasks([partial(_pid, "brief"), partial(_pid, "deck")])[0][0].split(":")[1])
    assert again not in (pid, os.getpid())


def test_a_task_that_cannot_be_sent_runs_in_the_session() -> None:
    here = os.getpid()
    with kept_workers():
        assert run_tasks([lambda: [str(os.getpid())], partial(_pid, "deck")]) == [[str(here)], [f"deck:{here}"]]


def _frozen() -> list[str]:
    import gc

    return [str(gc.get_freeze_count())]


def test_a_kept_worker_freezes_what_it_holds_after_its_first_task() -> None:
    with kept_workers():
        first = int(run_tasks([partial(_frozen), partial(_pid, "deck")])[0][0])
        second = int(run_tasks([partial(_frozen), partial(_pid, "deck")])[0][0])
    assert second > first


def test_the_session_freezes_what_its_first_build_loaded(tmp_path, monkeypatch) -> None:
    import gc

    from reportkit import watch as watch_mod
    from reportkit.build import BuildOptions

    builds: list[int] = []
    monkeypatch.setattr(watch_mod, "rebuild", lambda _opts, _report: builds.append(gc.get_freeze_count()))

    def one_quiet_step(*_paths, **_kw):
        yield set()  # listening; then the session is stopped

    gc.unfreeze()
    try:
        watch_mod._watch(BuildOptions(sources=[tmp_path], out=tmp_path / "out"), lambda *_a: None, None, 150,
                         one_quiet_step)
        assert builds == [0] and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
