"""Issue 19's speed work that a test can check without timing anything: a cold build starts
the chart browser before it reads its sources (and only a build that will draw charts
does), and a warm build imports neither plotly nor kaleido (in the build process or its
forked render children), nor the browser's event loop (asyncio)."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import LAYOUTS, ROOT, SEEDS

from reportkit import build as build_mod
from reportkit import charts
from reportkit.build import BuildOptions, build_report, load_output_layouts
from reportkit.state import BuildState
from reportkit.week import parse_week

BRIEF, DECK = LAYOUTS / "weekly-brief.yaml", LAYOUTS / "briefing-deck.yaml"


class Started(Exception):
    pass


@pytest.fixture
def starts(monkeypatch) -> list[str]:
    calls: list[str] = []
    monkeypatch.setattr(charts, "prestart_browser", lambda *a, **k: calls.append("prestart"))
    return calls


def prestarts(opts: BuildOptions) -> bool:
    return build_mod._needs_browser(opts, load_output_layouts(opts), parse_week("2026-W47"))


def test_a_cold_build_starts_the_browser_before_reading(tmp_path, monkeypatch, starts):
    def read(*_a, **_k):
        assert starts == ["prestart"], "the browser must be starting while the sources are read"
        raise Started

    monkeypatch.setattr(build_mod, "read_sources", read)
    with pytest.raises(Started):
        build_report(BuildOptions(sources=[SEEDS], layouts=[BRIEF, DECK], week="2026-W47", out=tmp_path / "out",
                                  cache_dir=tmp_path / "empty-cache"))


def test_only_a_build_that_will_draw_charts_starts_the_browser(tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    opts = BuildOptions(sources=[SEEDS], layouts=[BRIEF, DECK], week="2026-W47", out=out, cache_dir=cache)
    assert prestarts(opts)
    # a deck of native charts draws no image
    assert not prestarts(BuildOptions(sources=[SEEDS], layouts=[DECK], week="2026-W47", out=out, cache_dir=cache))
    # the deck's own cache entries are no chart images
    (cache / "deck").mkdir(parents=True)
    assert prestarts(opts)
    # charts in the cache: a warm build, most likely all cached (a miss starts the browser when met)
    (cache / "ab").mkdir(parents=True)
    assert not prestarts(opts)
    assert prestarts(dataclasses.replace(opts, use_cache=False))  # --no-cache draws every chart
    (cache / "ab").rmdir()
    # outputs built here before: most likely unchanged, unless forced
    out.mkdir()
    for lay in load_output_layouts(opts):
        target = out / lay.output_name("2026-W47")
        target.write_bytes(b"x")
        BuildState(out).record(target, "digest", "sha")
    assert not prestarts(opts)
    assert prestarts(dataclasses.replace(opts, force=True))


@pytest.mark.slow  # a cold build (the browser renders the charts), then the warm one
def test_a_warm_build_imports_no_plotly_or_kaleido(tmp_path):
    env = {**os.environ, "REPORTKIT_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-X", "importtime", "-m", "reportkit", "build", str(SEEDS), "--week", "2026-W47",
           "--out", str(tmp_path / "out"), "--force", "--quiet"]
    cold = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert cold.returncode == 0, cold.stderr[-2000:]
    warm = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert warm.returncode == 0, warm.stderr[-2000:]

    def imported(proc: subprocess.CompletedProcess[str]) -> set[str]:
        # every process writes to the same stderr: the build and its forked render children
        return {ln.split("|")[-1].strip().split(".")[0] for ln in proc.stderr.splitlines()
                if ln.startswith("import time:")}

    assert {"plotly", "kaleido"} <= imported(cold)  # the check can see them
    assert not imported(warm) & {"plotly", "kaleido", "choreographer", "asyncio"}
    assert {"reportlab", "pptx"} <= imported(warm)


def _naive_textrank(texts: list[str], damping: float = 0.85, iterations: int = 40) -> list[float]:
    """TextRank as it was before issue 19: every term of every sum, zeros included."""
    import math

    from reportkit.story.summaries import _cosine, tokens

    n = len(texts)
    bags = [tokens(t) for t in texts]
    df: dict[str, int] = {}
    for bag in bags:
        for w in set(bag):
            df[w] = df.get(w, 0) + 1
    vecs = []
    for bag in bags:
        v: dict[str, float] = {}
        for w in bag:
            v[w] = v.get(w, 0.0) + 1.0
        vecs.append({w: c * (1.0 + math.log(n / df[w])) for w, c in v.items()})
    sim = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            sim[i][j] = sim[j][i] = _cosine(vecs[i], vecs[j])
    out_sum = [sum(row) for row in sim]
    rank = [1.0 / n] * n
    for _ in range(iterations):
        rank = [(1 - damping) / n + damping * sum(sim[j][i] * rank[j] / out_sum[j] for j in range(n) if out_sum[j])
                for i in range(n)]
    top = max(rank) or 1.0
    return [r / top for r in rank]


def test_textrank_is_bit_for_bit_the_same_and_remembered():
    from reportkit.readers import read_paths
    from reportkit.sentences import spans
    from reportkit.story.summaries import textrank

    docs, _ = read_paths([ROOT / "tests" / "data" / "news_eval", SEEDS])
    cases = [[t[a:b] for a, b in spans(t)] for t in (d.body_text() for d in docs)]
    cases += [["oil gas", "unrelated words", "oil prices", "nothing shared here"], ["one"], []]
    for texts in cases:
        assert textrank(texts) == _naive_textrank(texts) if texts else textrank(texts) == []
    first = textrank(cases[0])
    first[0] = -1.0  # a caller changing its list does not change what is remembered
    assert textrank(cases[0]) == _naive_textrank(cases[0])


def test_a_build_writes_its_state_file_once_for_both_outputs(tmp_path, monkeypatch):
    """One write (one fsync) of the folder's state per build, not one per output; the state then
    knows both outputs, and an unchanged build finds them fresh."""
    from reportkit import state as state_mod

    writes: list[Path] = []
    real = state_mod.write_bytes
    monkeypatch.setattr(state_mod, "write_bytes", lambda path, data, **kw: (writes.append(Path(path)), real(path, data, **kw)))
    opts = BuildOptions(sources=[SEEDS], week="2026-W47", out=tmp_path / "out", force=True,
                        cache_dir=tmp_path / "cache", parallel_render=False)
    summary = build_report(opts)
    assert [p.name for p in writes] == [BuildState(opts.out).path.name]
    assert len(summary.outputs) == 2 and all(BuildState(opts.out).has(Path(o.path)) for o in summary.outputs)
    again = build_report(dataclasses.replace(opts, force=False))
    assert [o.status for o in again.outputs] == ["unchanged", "unchanged"]
