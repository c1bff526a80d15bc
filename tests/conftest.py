"""Shared fixtures: paths into the repo and a fixed build clock."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
LAYOUTS = ROOT / "layouts"
SEED_A = SEEDS / "000_52c727dd3fe4205e.txt"  # web-scraped article: boilerplate, teasers, refs, key points
SEED_B = SEEDS / "002_a47ac54eef5493dc.txt"  # clean article: headings, a quote, gas/Pemex figures


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test builds as if on 2026-11-18 (ISO week 2026-W47) unless it says otherwise."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795046400")


@pytest.fixture(autouse=True)
def _no_stop_signal_left_to_the_next_test():
    """A test that runs the CLI's signal handler in this process (tests/test_signal_imports.py)
    records its signal (reportkit/stopping.py): every later build here would stop at once."""
    yield
    from reportkit import stopping

    stopping.clear()


@pytest.fixture(autouse=True, scope="module")
def _no_chart_browser_left_to_the_next_module():
    """A build forks only while no other thread runs (reportkit/forkpool.py): a chart browser a test
    module started (and its threads: choreographer's watchdog) is closed when the module ends, so
    the next module's in-process builds and workers fork as a user's process would."""
    yield
    render = sys.modules.get("reportkit.charts.render")
    if render is not None:
        render.close_browser()


@pytest.fixture
def threads_of_this_test_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """A build forks only while no other thread runs (reportkit/forkpool.py). Threads that earlier
    test modules left in this process (a chart browser's watchdog, waiting on its Chromium) are not
    this test's: they are not counted, while a thread the test's build starts still is."""
    from reportkit import forkpool

    real = threading.active_count
    left = real() - 1
    monkeypatch.setattr(threading, "active_count", lambda: real() - left)
    # and the OS threads left running (forkpool counts those too: a native library's own threads)
    tasks, me = forkpool._tasks, threading.get_native_id()
    before = (tasks() or set()) - {me}
    monkeypatch.setattr(forkpool, "_tasks", lambda: (lambda now: None if now is None else now - before)(tasks()))


def count_calls(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[int]:
    """A list that grows by one at each call of ``owner.name`` (which still runs) for the rest of the test."""
    calls: list[int] = []
    real = getattr(owner, name)

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def source_index(tmp_path_factory: pytest.TempPathFactory, name: str, text: str):
    """``verify``'s index of one source note ``name`` holding ``text`` (the verify tests check
    printed labels against a short article written for the rule)."""
    from reportkit.verify import load_sources

    folder = tmp_path_factory.mktemp(Path(name).stem)
    (folder / name).write_text(text, encoding="utf-8")
    return load_sources([folder])


def card_problems(index, value: str, label: str) -> list[str]:
    """What ``verify`` says of a key-figure card ``value`` / ``label`` printed on a brief's page
    2 with source S1, checked against ``index`` (:func:`source_index`)."""
    from reportkit.verify.labels import label_problems

    return label_problems([("page 2", f"Key figures\n{value}\n{label}\nSource: [S1]\n")], index)


def summary_texts(doc, words: int = 70) -> list[str]:
    """The sentences the story stage picks as ``doc``'s summary of about ``words`` words (the
    held-out weeks' story tests read what a summary keeps and leaves)."""
    from reportkit.story.summaries import candidates, choose, score_sentences

    sents = candidates(doc)
    score_sentences(sents, doc.title, sorted(f.start for f in doc.facts))
    return [s.text for s in choose(sents, words)]


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def seeds() -> Path:
    return SEEDS


@pytest.fixture
def layouts_dir() -> Path:
    return LAYOUTS


def full_quotes(*paragraphs: str) -> list:
    """The full quotes the story stage finds in ``paragraphs`` (each at its offset in one text,
    paragraphs two characters apart, as a document's body joins them)."""
    from reportkit.story.quotes import find_in_paragraphs

    out, offset = [], 0
    for p in paragraphs:
        out.append((offset, p))
        offset += len(p) + 2
    return [q for q in find_in_paragraphs(out) if q.kind == "full"]
