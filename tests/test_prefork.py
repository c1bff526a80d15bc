"""A deck-only build forks its render workers before it loads its layouts, so that each imports
python-pptx while the report is assembled (reportkit/renderstage.py ``prefork``, the workers of
reportkit/forkpool.py): the order, the stops (unchanged output, failing build, interruption, dead
worker), a cold build (it keeps them), which builds do it, and the same bytes as an in-process render."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from functools import partial
from pathlib import Path

import pytest

from conftest import LAYOUTS, ROOT, SEEDS

from reportkit import build as build_mod
from reportkit import forkpool, forkrun, renderstage
from reportkit.atomic import TMP_PREFIX
from reportkit.build import BuildOptions, build_report
from reportkit.errors import InputError, RenderError, ReportkitError

BRIEF, DECK = LAYOUTS / "weekly-brief.yaml", LAYOUTS / "briefing-deck.yaml"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:  # a zombie is not alive
        return fh.read().split(") ", 1)[1][0] != "Z"


pytestmark = pytest.mark.usefixtures("threads_of_this_test_only")


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory) -> Path:
    """A chart cache filled by a build in another process (this one starts no browser thread)."""
    cache = tmp_path_factory.mktemp("prefork") / "cache"
    subprocess.run([sys.executable, "-m", "reportkit", "build", str(SEEDS), "--week", "2026-W47", "--out",
                    str(cache.parent / "o"), "--force", "-q"], cwd=ROOT, check=True,
                   env={**os.environ, "REPORTKIT_FAST_PATH": "0", "REPORTKIT_CACHE_DIR": str(cache),
                        "SOURCE_DATE_EPOCH": "1795046400"})
    return cache


@pytest.fixture
def watched(tmp_path, monkeypatch, warm_cache):
    """A warm build's options (every chart cached: no browser is started) and a log of the
    workers forked (their pids) and of the stages reached."""
    log: list[str] = []
    pids: list[int] = []
    real_spawn = forkpool.Workers.spawn
    # each test assembles its report (a kept one would skip the stage these tests watch)
    shutil.rmtree(warm_cache / "reports", ignore_errors=True)

    def spawn(self, warm=None, tag=""):
        real_spawn(self, warm, tag)
        pids.append(self.pids[-1])
        log.append("fork")

    monkeypatch.setattr(forkpool.Workers, "spawn", spawn)
    real_read, real_load = build_mod.read_sources, build_mod.load_layout
    monkeypatch.setattr(build_mod, "read_sources", lambda *a, **k: log.append("read") or real_read(*a, **k))
    monkeypatch.setattr(build_mod, "load_layout", lambda *a, **k: log.append("layout") or real_load(*a, **k))
    opts = BuildOptions(sources=[SEEDS], layouts=[BRIEF, DECK], week="2026-W47", out=tmp_path / "out",
                        cache_dir=warm_cache, force=True, formats="pptx")
    return opts, log, pids


def _leftovers(out: Path) -> list[str]:
    return [p.name for p in out.iterdir() if p.name.startswith(TMP_PREFIX)] if out.is_dir() else []


def test_the_workers_are_forked_before_the_sources_are_read(watched, monkeypatch):
    opts, log, pids = watched
    from reportkit import story

    real_assemble = story.assemble
    monkeypatch.setattr(story, "assemble", lambda *a, **k: log.append("assemble") or real_assemble(*a, **k))
    summary = build_report(opts)
    assert log == ["fork", "layout", "layout", "read", "assemble"]
    assert [o.format for o in summary.outputs] == ["pptx"]
    assert all(Path(o.path).stat().st_size == o.bytes for o in summary.outputs)
    assert len(pids) == 1 and not any(_alive(p) for p in pids)  # stopped and reaped
    assert not _leftovers(opts.out)


def test_the_outputs_are_the_same_bytes_as_rendered_in_process(watched, tmp_path):
    opts, log, _pids = watched
    forked = {Path(o.path).name: o.sha256 for o in build_report(opts).outputs}
    assert log.count("fork") == 1
    opts.out, opts.parallel_render = tmp_path / "here", False
    here = {Path(o.path).name: o.sha256 for o in build_report(opts).outputs}
    assert log.count("fork") == 1  # parallel_render off (batch workers): nothing forked
    assert forked == here


def test_a_brief_only_build_forks_its_worker_first_too(watched):
    opts, log, pids = watched
    opts.formats = "pdf"
    summary = build_report(opts)
    assert log[:4] == ["fork", "layout", "layout", "read"]
    assert [o.format for o in summary.outputs] == ["pdf"] and len(pids) == 1 and not _alive(pids[0])


@pytest.mark.parametrize("fmt", [None, "pdf,pptx"])
def test_a_build_of_both_outputs_forks_the_deck_s_worker_first_and_renders_the_brief_here(watched, monkeypatch,
                                                                                            tmp_path, fmt):
    """The deck's render is a two-output build's longest path (half of it python-pptx's import):
    its worker is forked before the layouts are loaded and imports python-pptx meanwhile; the
    brief renders in this process at the same time (three processes would share two cores)."""
    opts, log, pids = watched
    opts.formats = fmt
    started: list[int] = []
    real_start = forkrun.start_task
    monkeypatch.setattr(forkrun, "start_task", lambda task: started.append(1) or real_start(task))
    from reportkit.render import pdf, pptx

    where = tmp_path / "where"  # each render says its format and process (the worker's fork inherits these)
    for module, name in ((pdf, "render_pdf"), (pptx, "render_pptx")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _real=real, _name=name, **k: (
            where.open("a").write(f"{_name} {os.getpid()}\n"), _real(*a, **k))[1])
    summary = build_report(opts)
    assert log == ["fork", "layout", "layout", "read"] and not started
    assert sorted(o.format for o in summary.outputs) == ["pdf", "pptx"]
    assert sorted(where.read_text().split("\n")[:-1]) == [f"render_pdf {os.getpid()}", f"render_pptx {pids[0]}"]
    assert len(pids) == 1 and not any(_alive(p) for p in pids) and not _leftovers(opts.out)
    opts.out, opts.parallel_render = tmp_path / "here", False
    here = {Path(o.path).name: o.sha256 for o in build_report(opts).outputs}
    assert {Path(o.path).name: o.sha256 for o in summary.outputs} == here and log.count("fork") == 1


def _old_outputs(opts) -> list:
    """Both outputs of an earlier build in the output folder (their names as their contents): a
    failed build must leave them as they are."""
    opts.out.mkdir()
    old = [opts.out / "russia-mexico-brief-2026-W47.pdf", opts.out / "russia-mexico-briefing-2026-W47.pptx"]
    for path in old:
        path.write_bytes(path.name.encode())
    return old


def test_a_brief_that_fails_in_this_process_stops_the_deck_s_worker_and_leaves_the_old_outputs(watched,
                                                                                                monkeypatch):
    opts, _log, pids = watched
    opts.formats = None
    old = _old_outputs(opts)
    from reportkit.render import pdf

    def broken(*_a, **_k):
        raise InputError("cannot render", "brief")

    monkeypatch.setattr(pdf, "render_pdf", broken)
    with pytest.raises(InputError, match="cannot render"):
        build_report(opts)
    assert len(pids) == 1 and not any(_alive(p) for p in pids)
    assert all(path.read_bytes() == path.name.encode() for path in old) and not _leftovers(opts.out)


def test_a_build_that_fails_before_its_render_stops_the_workers_and_leaves_the_old_outputs(watched, monkeypatch):
    opts, log, pids = watched
    opts.out.mkdir()
    old = {name: opts.out / name for name in ("russia-mexico-briefing-2026-W47.pptx",)}
    for name, path in old.items():
        path.write_bytes(name.encode())
    from reportkit import story

    def broken(*_a, **_k):
        raise InputError("cannot assemble", "seeds/x.txt")

    monkeypatch.setattr(story, "assemble", broken)
    with pytest.raises(InputError):
        build_report(opts)
    assert log == ["fork", "layout", "layout", "read"]
    assert len(pids) == 1 and not any(_alive(p) for p in pids)
    assert all(path.read_bytes() == name.encode() for name, path in old.items())
    assert not _leftovers(opts.out)


def test_an_interrupted_build_stops_the_workers(watched, monkeypatch):
    opts, _log, pids = watched
    from reportkit import story

    def interrupted(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(story, "assemble", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_report(opts)
    assert len(pids) == 1 and not any(_alive(p) for p in pids)


def _two_decks(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "layouts"
    shutil.copytree(LAYOUTS, folder)
    second = folder / "second-deck.yaml"
    second.write_text(DECK.read_text(encoding="utf-8").replace('output: "', 'output: "second-', 1), encoding="utf-8")
    assert second.read_text(encoding="utf-8") != DECK.read_text(encoding="utf-8")
    return [folder / DECK.name, second]


def test_an_unchanged_output_s_worker_is_stopped_before_the_render(watched, monkeypatch, tmp_path):
    opts, log, pids = watched
    opts.layouts = _two_decks(tmp_path)
    build_report(opts)
    opts.force = False
    sent: list[tuple[int, list[bool]]] = []
    real_send = forkpool.Workers.send
    monkeypatch.setattr(forkpool.Workers, "send", lambda self, i, task: sent.append(
        (len(self.pids), [_alive(p) for p in pids[-2:]])) or real_send(self, i, task))
    (opts.out / "second-russia-mexico-briefing-2026-W47.pptx").unlink()  # the second deck must be built again
    summary = build_report(opts)
    assert [o.status for o in summary.outputs] == ["unchanged", "built"]
    # the first deck's worker was stopped before the second's got its task
    assert log.count("fork") == 4 and sent == [(1, [False, True])]
    assert not any(_alive(p) for p in pids)
    summary = build_report(opts)  # nothing to build: both workers stopped
    assert {o.status for o in summary.outputs} == {"unchanged"} and len(sent) == 1
    assert log.count("fork") == 6 and not any(_alive(p) for p in pids)


def test_a_worker_that_died_before_its_task_leaves_the_task_to_the_build(watched, monkeypatch):
    opts, _log, pids = watched
    real_send = forkpool.Workers.send

    def send(self, i, task):
        os.kill(self.pids[i], 9)
        os.waitpid(self.pids[i], 0)
        return real_send(self, i, task)

    monkeypatch.setattr(forkpool.Workers, "send", send)
    summary = build_report(opts)
    assert [o.format for o in summary.outputs] == ["pptx"]
    assert all(Path(o.path).stat().st_size == o.bytes for o in summary.outputs)


def test_no_worker_is_forked_while_another_thread_runs(watched):
    opts, log, _pids = watched
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        summary = build_report(opts)
    finally:
        stop.set()
        other.join()
    assert "fork" not in log  # the deck renders in this process, as before
    assert [o.format for o in summary.outputs] == ["pptx"]


def test_a_session_with_kept_workers_does_not_prefork(watched):
    opts, log, _pids = watched
    with forkrun.kept_workers():
        assert log == ["fork"]  # the session's own worker, forked on entry (before any thread)
        assert renderstage.prefork(["pptx"]) is None
    assert log == ["fork"]


def test_a_deck_s_worker_imports_neither_story_nor_facts(tmp_path, warm_cache):
    """The charts package loads what needs story on first use: the deck's render, forked
    before the build imports its stages, uses only chart words (charts/describe.py)."""
    script = f"""
import sys
from functools import partial
from pathlib import Path
from reportkit import renderstage
from reportkit.build import BuildOptions, build_report

def said(*args):
    return renderstage.render_output(*args) + [m for m in ("reportkit.story", "reportkit.facts") if m in sys.modules]

renderstage.render_task = lambda *a: partial(said, *a)
summary = build_report(BuildOptions(sources=[Path({str(SEEDS)!r})], week="2026-W47", out=Path({str(tmp_path)!r}),
                                    force=True, formats="pptx", cache_dir=Path({str(warm_cache)!r})))
print(sorted(w for w in summary.warnings if w.startswith("reportkit.")), "reportkit.story" in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, "REPORTKIT_FAST_PATH": "0"})
    assert out.stdout.strip().splitlines()[-1] == "[] True"  # none in the worker; the build imported story


def _imported(names: tuple[str, ...]) -> list[str]:
    return [str(all(n in sys.modules for n in names))]


def test_a_worker_imports_its_renderer_before_its_task():
    pdf, pptx = ("reportlab.platypus.doctemplate", "reportlab.graphics.renderPDF"), ("pptx",)
    for fmt, names in (("pdf", pdf), ("pptx", pptx)):
        workers = forkpool.Workers()
        workers.spawn(partial(renderstage.warm_up, fmt), fmt)
        try:
            assert workers.send(0, partial(_imported, names))
            assert workers.receive(0) == {"warnings": ["True"]}
        finally:
            workers.close()


def test_after_the_warm_up_a_warm_render_imports_nothing_of_its_library(tmp_path, warm_cache):
    """The warm-up's list of imports (render.pdf.preload) is complete: in a fresh process, a
    warm brief rendered after it imports no reportlab module, a warm deck no python-pptx one."""
    env = {**os.environ, "REPORTKIT_FAST_PATH": "0"}
    script = f"""
import sys
from pathlib import Path
from reportkit import renderstage
from reportkit.build import BuildOptions, build_report
for fmt in ("pdf", "pptx"):
    renderstage.warm_up(fmt)
before = set(sys.modules)
build_report(BuildOptions(sources=[Path({str(SEEDS)!r})], week="2026-W47", out=Path({str(tmp_path / 'o')!r}),
                          force=True, parallel_render=False, cache_dir=Path({str(warm_cache)!r})))
print(sorted(m for m in set(sys.modules) - before if m.startswith(("reportlab", "pptx", "reportkit.render"))))
"""
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_a_command_that_fails_after_the_fork_says_one_line_and_exits_2(tmp_path, warm_cache):
    out = tmp_path / "out"
    out.mkdir()
    old = out / "russia-mexico-briefing-2026-W47.pptx"
    old.write_bytes(b"last week's deck")
    (tmp_path / "empty").mkdir()
    proc = subprocess.run([sys.executable, "-m", "reportkit", "build", str(tmp_path / "empty"), "--week", "2026-W47",
                           "--out", str(out), "--force", "--format", "pptx"], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "REPORTKIT_FAST_PATH": "0", "REPORTKIT_CACHE_DIR": str(warm_cache)})
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [f"error: {tmp_path / 'empty'}: no sources (.docx, .htm, .html, .markdown, "
                                        ".md, .pdf, .text, .txt) in this folder"]
    assert old.read_bytes() == b"last week's deck" and sorted(p.name for p in out.iterdir()) == [old.name]


def test_no_fork_to_be_had_builds_as_without(watched, monkeypatch):
    opts, log, _pids = watched

    def no_fork():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    summary = build_report(opts)  # the one deck renders in this process, as without
    assert [o.format for o in summary.outputs] == ["pptx"] and "fork" not in log


def test_the_workers_are_matched_to_the_layouts_once_loaded(watched, tmp_path):
    opts, log, pids = watched
    opts.layouts = _two_decks(tmp_path)
    summary = build_report(opts)
    # one deck worker before the layouts are loaded, a second deck's forked once they are
    assert log[:4] == ["fork", "layout", "layout", "fork"] and len(pids) == 2
    assert sorted(Path(o.path).name for o in summary.outputs) == ["russia-mexico-briefing-2026-W47.pptx",
                                                                 "second-russia-mexico-briefing-2026-W47.pptx"]
    assert not any(_alive(p) for p in pids)


def test_a_format_no_layout_produces_stops_its_worker(watched):
    opts, log, pids = watched
    opts.layouts = [BRIEF]
    with pytest.raises(ReportkitError, match="no layout produces pptx"):
        build_report(opts)
    assert log == ["fork", "layout"] and not any(_alive(p) for p in pids)


def test_a_layout_error_stops_the_workers(watched, tmp_path):
    opts, log, pids = watched
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: pdf\nnot a layout: [\n", encoding="utf-8")
    opts.layouts = [broken]
    with pytest.raises(ReportkitError):
        build_report(opts)
    assert log[:1] == ["fork"] and "read" not in log and not any(_alive(p) for p in pids)


def test_a_cold_build_keeps_its_early_worker_and_starts_the_browser_after_it(watched, monkeypatch):
    opts, log, pids = watched
    from reportkit import charts

    monkeypatch.setattr(build_mod, "_needs_browser", lambda *_a: True)  # "the charts will be drawn"
    monkeypatch.setattr(charts, "prestart_browser", lambda *a, **k: log.append("prestart"))
    monkeypatch.setattr(charts, "wait_prestart_imports", lambda: None)
    monkeypatch.setattr(charts, "wait_prestart", lambda: None)
    monkeypatch.setattr(charts, "close_browser", lambda: log.append("close"))
    summary = build_report(opts)
    # the worker forked first renders the deck: no fork after the browser's thread started
    assert log == ["fork", "layout", "layout", "prestart", "read", "close"]
    assert len(pids) == 1 and not any(_alive(p) for p in pids)
    assert [o.format for o in summary.outputs] == ["pptx"]


def test_the_records_are_written_once_the_workers_have_their_tasks(watched, monkeypatch):
    """A record's write (and its fsync) is no longer in the way of a worker's render: the worker gets
    its task first, and its output is staged until the records are written."""
    opts, log, _pids = watched
    from reportkit import story

    real_send, real_write = forkpool.Workers.send, story.write_record
    monkeypatch.setattr(forkpool.Workers, "send", lambda self, i, task: log.append("send") or real_send(self, i, task))
    monkeypatch.setattr(story, "write_record", lambda *a: log.append("record") or real_write(*a))
    summary = build_report(opts)
    assert log == ["fork", "layout", "layout", "read", "send", "record"]
    assert [o.format for o in summary.outputs] == ["pptx"] and not _leftovers(opts.out)


@pytest.mark.parametrize("fmt", ["pptx", "pdf", None])
def test_a_record_that_cannot_be_written_after_the_send_leaves_the_outputs_as_they_were(watched, monkeypatch, fmt):
    opts, log, pids = watched
    opts.formats = fmt
    old = _old_outputs(opts)
    from reportkit import story

    def full(path, _record):
        import time

        time.sleep(0.5)  # the worker has rendered its output by now: staged, not put in place
        raise RenderError("cannot write: No space left on device", path)

    monkeypatch.setattr(story, "write_record", full)
    with pytest.raises(RenderError, match="No space left"):
        build_report(opts)
    assert "fork" in log and len(pids) == 1 and not any(_alive(p) for p in pids)
    assert all(path.read_bytes() == path.name.encode() for path in old) and not _leftovers(opts.out)
