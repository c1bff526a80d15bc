"""The render stage of a cold build (reportkit/renderstage.py): its render workers are forked
before the browser's thread starts, so that no fork is made while a thread runs; an output that
shows no chart image (the native-chart deck) gets its task before the brief's charts are drawn,
and is put in place only when the whole build succeeded."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from conftest import LAYOUTS, SEEDS

from reportkit import build as build_mod
from reportkit import charts, forkpool
from reportkit.atomic import TMP_PREFIX
from reportkit.build import BuildOptions, build_report
from reportkit.errors import ChartError, RenderError

BRIEF, DECK = LAYOUTS / "weekly-brief.yaml", LAYOUTS / "briefing-deck.yaml"

pytestmark = pytest.mark.usefixtures("threads_of_this_test_only")


@pytest.fixture
def cold(tmp_path, monkeypatch):
    """A cold build whose browser is a thread that lives until the browser is closed (as
    Chromium's threads do), and a log of the forks (with the threads running at each), the
    tasks sent to the workers and the browser's start and close."""
    log: list[str] = []
    stop = threading.Event()
    browser: list[threading.Thread] = []

    def prestart(*_a, **_k):
        log.append("prestart")
        browser.append(threading.Thread(target=stop.wait, name="browser", daemon=True))
        browser[-1].start()

    def close():
        log.append("close")
        stop.set()
        for t in browser:
            t.join()

    monkeypatch.setattr(charts, "prestart_browser", prestart)
    monkeypatch.setattr(charts, "wait_prestart_imports", lambda: None)
    monkeypatch.setattr(charts, "wait_prestart", lambda: None)
    monkeypatch.setattr(charts, "close_browser", close)
    real_fork = os.fork

    def fork():
        log.append(f"fork ({threading.active_count()} threads)")
        return real_fork()

    monkeypatch.setattr(os, "fork", fork)
    real_send = getattr(forkpool.Workers, "send", None)
    monkeypatch.setattr(forkpool.Workers, "send", lambda self, i, task: log.append(
        f"send {task.args[0].format}" + (" (pngs pending)" if len(task.args) > 7 and task.args[7] else ""))
        or real_send(self, i, task), raising=False)
    opts = BuildOptions(sources=[SEEDS], layouts=[BRIEF, DECK], week="2026-W47", out=tmp_path / "out",
                        cache_dir=tmp_path / "empty-cache", force=True)
    yield opts, log
    stop.set()


def _leftovers(out):
    return [p.name for p in out.iterdir() if p.name.startswith(TMP_PREFIX)]


ONE = "fork (1 threads)"


def test_the_workers_are_forked_before_the_browser_starts_and_the_deck_is_sent_first(cold, monkeypatch):
    opts, log = cold

    def draw(charts_, brand, formats=("png", "svg"), **_k):
        log.append(f"draw {len(charts_)} {','.join(formats)}")
        return {}

    monkeypatch.setattr(charts, "render_charts", draw)
    summary = build_report(opts)
    # no fork once the browser's thread runs: the deck renders while the brief's charts are drawn,
    # the brief while their PNGs are drawn
    assert log == [ONE, ONE, "prestart", "send pptx", "draw 3 svg", "send pdf (pngs pending)", "draw 3 png", "close"]
    assert sorted(o.format for o in summary.outputs) == ["pdf", "pptx"]
    deck = next(o for o in summary.outputs if o.format == "pptx")
    assert Path(deck.path).parent == opts.out and Path(deck.path).stat().st_size == deck.bytes
    assert not _leftovers(opts.out)


def test_a_build_that_fails_after_the_deck_was_sent_leaves_the_old_deck(cold, monkeypatch):
    opts, log = cold
    opts.out.mkdir()
    old = opts.out / "russia-mexico-briefing-2026-W47.pptx"
    old.write_bytes(b"last week's deck")

    def broken(*_a, **_k):
        raise ChartError("cannot start the chart browser /x: it stopped while starting")

    monkeypatch.setattr(charts, "render_charts", broken)
    with pytest.raises(ChartError):
        build_report(opts)
    assert log == [ONE, ONE, "prestart", "send pptx"]
    assert old.read_bytes() == b"last week's deck"
    assert not _leftovers(opts.out)


def test_an_early_output_s_error_names_the_output(cold, monkeypatch):
    opts, _log = cold
    import reportkit.render.pptx as pptx

    def failing(report, lay, images, target, **_k):
        raise RenderError("cannot write: disk full", target)

    monkeypatch.setattr(pptx, "render_pptx", failing)  # the forked worker inherits the patch
    monkeypatch.setattr(charts, "render_charts", lambda *a, **k: {})
    with pytest.raises(RenderError) as ei:
        build_report(opts)
    assert ei.value.path == str(opts.out / "russia-mexico-briefing-2026-W47.pptx")
    assert not _leftovers(opts.out)


def test_without_workers_the_browser_is_closed_before_the_outputs_fork(cold, monkeypatch):
    opts, log = cold
    monkeypatch.setattr(build_mod, "prefork", lambda _formats: None)  # no fork to be had then
    monkeypatch.setattr(charts, "render_charts", lambda c, *a, **k: log.append("draw") or {})
    summary = build_report(opts)
    assert log == ["prestart", "draw", "close", ONE, ONE]
    assert sorted(o.format for o in summary.outputs) == ["pdf", "pptx"]


def test_a_warm_build_forks_the_deck_s_worker_first_and_renders_the_brief_here(cold, monkeypatch):
    opts, log = cold
    (opts.cache_dir / "ab").mkdir(parents=True)  # charts cached: no browser
    monkeypatch.setattr(charts, "render_charts", lambda c, *a, **k: log.append("draw") or {})
    build_report(opts)
    # the deck's worker was forked before the layouts were loaded (renderstage.prefork); the brief
    # has no worker (its sends say no), so it renders in this process while the deck renders
    assert log == [ONE, "send pptx", "draw", "send pdf (pngs pending)", "draw", "send pdf"]


def test_a_browser_started_for_a_cache_miss_is_closed_before_the_outputs_fork(cold, monkeypatch):
    opts, log = cold
    (opts.cache_dir / "ab").mkdir(parents=True)  # a chart cache, but this chart is not in it

    def draw(*_a, **_k):
        charts.prestart_browser()  # the browser starts on the miss, in this process
        log.append("draw")
        return {}

    monkeypatch.setattr(charts, "render_charts", draw)
    build_report(opts)
    # the deck's worker forked first; the brief renders here once the browser is closed
    assert log == [ONE, "send pptx", "prestart", "draw", "send pdf (pngs pending)", "prestart", "draw", "send pdf",
                   "close"]


def _drawn_to(folder: Path, svg: str, log: list[str]):
    """A chart renderer that writes ``svg`` as every chart's SVG and a plain PNG, in ``folder``."""
    from PIL import Image

    from reportkit.model import RenderedChart

    def draw(charts_, brand, formats=("png", "svg"), **_k):
        log.append(f"draw {len(charts_)} {','.join(formats)}")
        folder.mkdir(exist_ok=True)
        out = {}
        for c in charts_:
            paths = {fmt: folder / f"{c.id}.{fmt}" for fmt in formats}
            if "svg" in paths:
                paths["svg"].write_text(svg)
            if "png" in paths:
                Image.new("RGB", (1600, 900), "#336699").save(paths["png"])
            out[c.id] = RenderedChart(id=c.id, png=str(paths["png"]) if "png" in paths else None,
                                      svg=str(paths["svg"]) if "svg" in paths else None, width_px=800, height_px=450)
        return out

    return draw


SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450"><rect width="400" height="200"/></svg>'


@pytest.mark.parametrize("svg, sends", [(SVG, ["send pdf (pngs pending)"]),
                                        ("<svg>not an image", ["send pdf (pngs pending)", "send pdf"])])
def test_the_brief_goes_before_its_pngs_and_again_only_for_an_unreadable_svg(cold, monkeypatch, tmp_path, svg, sends):
    """The brief shows SVGs and uses a PNG only where one cannot be read: its task goes once its
    SVGs are drawn, and it renders while the PNGs are drawn. A brief that meets an unreadable SVG
    says so (no file written) and is made again with the PNGs: the same bytes as a build that drew
    every image before the brief's render (no workers)."""
    opts, log = cold
    monkeypatch.setattr(charts, "render_charts", _drawn_to(tmp_path / "images", svg, log))
    summary = build_report(opts)
    assert [e for e in log if e.startswith("send pdf")] == sends
    assert log.index("send pdf (pngs pending)") < log.index("draw 3 png")
    assert [c["cached"] for c in summary.charts if c["mode"] == "image"] == [False] * 3
    early = next(Path(o.path) for o in summary.outputs if o.format == "pdf").read_bytes()
    monkeypatch.setattr(build_mod, "prefork", lambda _formats: None)  # every image drawn, then the brief
    serial = build_report(BuildOptions(sources=opts.sources, layouts=opts.layouts, week=opts.week,
                                       out=tmp_path / "serial", cache_dir=opts.cache_dir, force=True))
    assert early == next(Path(o.path) for o in serial.outputs if o.format == "pdf").read_bytes()
    assert not _leftovers(opts.out)
