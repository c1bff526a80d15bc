"""Every story the brief quotes is quoted on the deck (CLOSING-S14 Left 5: week 18 has five stories
with a quote and the deck's one quote slide held three). The story stage gives a deck one quote per
story that has one (``week_quotes(limit=None)``, up to six; a brief's "quotes" part keeps the best three); the
deck sets them on slides of at most three, shared out evenly, the later ones "In their own words
(cont.)", only the first on the agenda. Each test failed on the code before the rule, except the guard.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from fixtures.pptx_report import seed_report
from reportkit.layouts.load import load_layout
from reportkit.model import Quote
from reportkit.readers import read_file
from reportkit.render.pptx.quotes import shares
from reportkit.render.pptx.render import render_pptx
from reportkit.render.pptx.text import text_overflows
from reportkit.story import add_quotes, build_stories, week_quotes

ROOT = Path(__file__).resolve().parent.parent
# invented for this test (CC0): five speakers, five different stories' worth of words
FIVE = [
    ("We picked less fruit than last year and were paid more for every kilo of it.", "Ana Petrović-Lind",
     "who heads a growers' cooperative"),
    ("Demand for our bags is real, and it is growing, but bags are a small part of what we sell.",
     "Tahmina Okafor-Berg", "the board's chief statistician"),
    ("We waited four years for the registration, and the buyers came back in the first month.", "Hendra Salo",
     "President Director of Walet Sarang"),
    ("Our buyers want to know which village the butter came from, and we can tell them.", "Abena Mensah-Holt",
     "managing director"),
    ("A seat at a match still costs less than a pizza, and we sold every seat we added.", "Farhan Ito-Mirza",
     "the league's chief operating officer"),
]


@pytest.fixture(scope="module")
def layout():
    return load_layout(ROOT / "layouts" / "briefing-deck.yaml")


def _deck(tmp_path: Path, layout, quotes) -> Presentation:
    report = seed_report()
    src = report.documents[0].source
    report.quotes = [(src, Quote(text, speaker, role)) for text, speaker, role in quotes]
    out = tmp_path / "deck.pptx"
    render_pptx(report, layout, {}, out, warn=lambda _m: None)
    return Presentation(out)


def test_quotes_are_shared_out_evenly_on_slides_of_at_most_three() -> None:
    assert [shares(n) for n in range(8)] == [[], [1], [2], [3], [2, 2], [3, 2], [3, 3], [3, 2, 2]]


def test_five_quotes_take_two_slides_and_each_is_printed_whole(tmp_path, layout) -> None:
    prs = _deck(tmp_path, layout, FIVE)
    titles = [s.shapes.title.text for s in prs.slides if s.shapes.title is not None]
    assert titles.count("In their own words") == 1 and titles.count("In their own words (cont.)") == 1
    texts = [sh.text_frame.text for s in prs.slides for sh in s.shapes
             if sh.has_text_frame and sh.name.startswith("Quote ") and sh.name[-1].isdigit()]
    assert texts == [f"“{t}”" for t, _who, _role in FIVE]  # all five, in order, none cut ("…")
    for s in prs.slides:
        for sh in s.shapes:
            if sh.has_text_frame and sh.name.startswith("Quote "):
                assert not text_overflows(sh.text_frame, layout.font_paths), sh.text_frame.text
    agenda = next(s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == "Agenda")
    words = " ".join(sh.text_frame.text for sh in agenda.shapes if sh.has_text_frame)
    assert "In their own words" in words and "(cont.)" not in words


def test_three_quotes_keep_one_slide(tmp_path, layout) -> None:  # guard: the sample's deck is unchanged
    prs = _deck(tmp_path, layout, FIVE[:3])
    titles = [s.shapes.title.text for s in prs.slides if s.shapes.title is not None]
    assert titles.count("In their own words") == 1 and not [t for t in titles if "(cont.)" in t]


def test_a_deck_quotes_every_story_that_has_a_quote() -> None:
    folder = ROOT / "tests" / "data" / "news_heldout18"
    docs = [add_quotes(read_file(p)) for p in sorted(folder.iterdir())
            if p.suffix in (".txt", ".md", ".html", ".docx") and not p.name.startswith("README")]
    content = load_layout(ROOT / "layouts" / "weekly-brief.yaml").content
    stories = build_stories(docs, content, [])
    quoted = {s.source for s in stories if s.quote is not None}
    every = week_quotes(stories, docs, None)
    assert len(quoted) == 5 and {src for src, _q in every} == quoted and len(every) == 5  # was 3
    assert every[:3] == week_quotes(stories, docs, 3)  # the best three first, as a brief's quotes part has them


def test_a_deck_shows_at_most_six_quotes_the_best_first(tmp_path) -> None:
    from reportkit.story.assemble import assemble
    from reportkit.story.quotes import DECK_QUOTES
    from reportkit.week import parse_week

    folder = ROOT / "tests" / "data" / "quotes_eval" / "dev"  # ten quote-rich stories
    docs = [add_quotes(read_file(p)) for p in sorted(folder.glob("*.txt"))]
    layout = load_layout(ROOT / "layouts" / "briefing-deck.yaml")
    report = assemble(docs, layout, parse_week("2026-W47"), {})
    assert DECK_QUOTES == 6 and len(report.quotes) == 6  # ten would take four slides
    stories = build_stories(docs, layout.content, report.key_figures)
    assert report.quotes == week_quotes(stories, docs, None)[:6]
