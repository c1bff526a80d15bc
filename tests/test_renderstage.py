"""The render stage of a cold build: an output that shows no chart image (the native-chart
deck) is forked before the brief's charts are drawn, and is put in place only when the whole
build succeeded (reportkit/renderstage.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import LAYOUTS, SEEDS

from reportkit import charts, forkrun, renderstage
from reportkit.atomic import TMP_PREFIX
from reportkit.build import BuildOptions, build_report
from reportkit.errors import ChartError, RenderError

BRIEF, DECK = LAYOUTS / "weekly-brief.yaml", LAYOUTS / "briefing-deck.yaml"


@pytest.fixture
def cold(tmp_path, monkeypatch):
    """A cold build (the browser 'prestarted') whose chart drawing is logged, not done."""
    log: list[str] = []
    monkeypatch.setattr(charts, "prestart_browser", lambda *a, **k: log.append("prestart"))
    real_start = renderstage.start_task

    def start(task):
        log.append("fork")
        return real_start(task)

    monkeypatch.setattr(renderstage, "start_task", start)
    monkeypatch.setattr(forkrun, "start_task", start)  # run_tasks' forks
    opts = BuildOptions(sources=[SEEDS], layouts=[BRIEF, DECK], week="2026-W47", out=tmp_path / "out",
                        cache_dir=tmp_path / "empty-cache", force=True)
    return opts, log


def _leftovers(out):
    return [p.name for p in out.iterdir() if p.name.startswith(TMP_PREFIX)]


def test_the_native_deck_renders_while_the_charts_are_drawn(cold, monkeypatch):
    opts, log = cold

    def draw(charts_, brand, **_k):
        log.append(f"draw {len(charts_)}")
        return {}

    monkeypatch.setattr(charts, "render_charts", draw)
    summary = build_report(opts)
    assert log == ["prestart", "fork", "draw 3", "fork"]  # the deck's child first, the brief's after its charts
    assert sorted(o.format for o in summary.outputs) == ["pdf", "pptx"]
    deck = next(o for o in summary.outputs if o.format == "pptx")
    assert Path(deck.path).parent == opts.out and Path(deck.path).stat().st_size == deck.bytes
    assert not _leftovers(opts.out)


def test_a_build_that_fails_after_the_deck_started_leaves_the_old_deck(cold, monkeypatch):
    opts, log = cold
    opts.out.mkdir()
    old = opts.out / "russia-mexico-briefing-2026-W47.pptx"
    old.write_bytes(b"last week's deck")

    def broken(*_a, **_k):
        raise ChartError("cannot start the chart browser /x: it stopped while starting")

    monkeypatch.setattr(charts, "render_charts", broken)
    with pytest.raises(ChartError):
        build_report(opts)
    assert log == ["prestart", "fork"]
    assert old.read_bytes() == b"last week's deck"
    assert not _leftovers(opts.out)


def test_an_early_output_s_error_names_the_output(cold, monkeypatch):
    opts, _log = cold
    import reportkit.render.pptx as pptx

    def failing(report, lay, images, target, **_k):
        raise RenderError("cannot write: disk full", target)

    monkeypatch.setattr(pptx, "render_pptx", failing)  # the forked child inherits the patch
    monkeypatch.setattr(charts, "render_charts", lambda *a, **k: {})
    with pytest.raises(RenderError) as ei:
        build_report(opts)
    assert ei.value.path == str(opts.out / "russia-mexico-briefing-2026-W47.pptx")
    assert not _leftovers(opts.out)


def test_a_warm_build_forks_both_outputs_after_the_charts(cold, monkeypatch):
    opts, log = cold
    (opts.cache_dir / "ab").mkdir(parents=True)  # charts cached: no prestart, the usual order
    monkeypatch.setattr(charts, "render_charts", lambda c, *a, **k: log.append("draw") or {})
    build_report(opts)
    assert log == ["draw", "fork", "fork"]
