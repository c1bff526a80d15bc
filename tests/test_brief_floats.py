"""Chart figures float, and a story's end stays with its text, read back from the PDF.

A chart figure that did not fit the rest of a page (even with its image drawn smaller) moved
there whole with the Charts heading and left up to 42% of the page under the key figures empty
(weeks 9, 13 and 14). Now the stories after the charts fill that rest and the figures open the
next page, in their order (render/pdf/floats.py). A story's numbers, quote and link keep the last
lines of its summary: week 14's page 5 opened with a quote under its story's "(CONTINUED)" line,
its summary and numbers left on page 4 (entries.StoryEnd)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pdfplumber
import pytest

from pdf_fixtures import make_charts, make_report
from test_brief_fill import page_empty_share
from test_brief_fill_parts import CASES, _render, _report
from reportkit.layouts.load import load_layout
from reportkit.model import Takeaway
from reportkit.render.pdf.render import render_pdf

ROOT = Path(__file__).resolve().parent.parent
#: A page (other than the last) may end this much of its body frame empty, at most.
MAX_EMPTY = 0.25
TAKEAWAY = ("The port authority said container volumes reached a record in the year as shipping lines "
            "moved more of their calls to the northern terminals, and the new berths are already full.")


def _brief(tmp_path: Path, takeaways: int, last: str = "stories", stories: int = 8) -> Path:
    """The brief of ``takeaways`` takeaways, the sample's key figures and charts, then ``last``."""
    layout = load_layout(ROOT / "layouts" / "weekly-brief.yaml")
    pdf = layout.pdf.model_copy(update={"parts": ["takeaways", "key_figures", "charts", last]})
    report = _report(stories, 3)
    report.takeaways = [Takeaway(TAKEAWAY, [report.documents[0].source]) for _ in range(takeaways)]
    sample = make_report()
    report.key_figures, report.charts = sample.key_figures, sample.charts
    out = tmp_path / f"brief{takeaways}.pdf"
    render_pdf(report, layout.model_copy(update={"pdf": pdf}), make_charts(tmp_path / "charts"), out,
               use_cache=False)
    return out


def _pages(out: Path) -> tuple[list[float], list[str]]:
    m = load_layout(ROOT / "layouts" / "weekly-brief.yaml").pdf.margins_mm
    with pdfplumber.open(out) as pdf:
        return ([page_empty_share(p, m.top, m.bottom) for p in pdf.pages],
                [p.extract_text() or "" for p in pdf.pages])


@pytest.mark.parametrize("takeaways", [4, 6, 8, 10, 12, 14])
def test_a_figure_that_does_not_fit_lets_the_stories_fill_the_page(tmp_path, takeaways) -> None:
    """Whatever room the takeaways and key figures leave, no page but the last ends more than a
    quarter empty (main left 33-60% under the key figures for some of these), and both figures
    are printed once, in their order, each with its label."""
    shares, texts = _pages(_brief(tmp_path, takeaways))
    assert max(shares[:-1]) <= MAX_EMPTY, [f"{s:.0%}" for s in shares]
    text = "\n".join(texts)
    assert text.count("FIGURE 1") == 1 and text.count("FIGURE 2") == 1
    assert text.index("FIGURE 1") < text.index("FIGURE 2")
    assert text.index("Key figures") < text.index("FIGURE 1")


def _story_runs(text: str) -> list[str]:
    """Each story entry's text, from its kicker ("SOURCE S1 · ...") to its "Read more:" line, with
    whatever the PDF prints in between (the repeated running head and footer lines aside)."""
    runs, cur = [], None
    for ln in text.splitlines():
        if cur is None and re.match(r"SOURCE S\d+( · |$)", ln) and "(CONTINUED)" not in ln:
            cur = [ln]
        elif cur is not None:
            cur.append(ln)
            if ln.startswith("Read more:"):
                runs.append("\n".join(cur))
                cur = None
    return runs


def test_a_floated_figure_never_cuts_a_story(tmp_path) -> None:
    """The figures that float are put down between two stories, never inside one: week 13 read a
    story's start above the Charts page and its end after it. They still come before the Sources,
    in their order, and some fixture floats them past a story's start (else this tests nothing)."""
    floated = 0
    for takeaways in (4, 5, 6, 9, 10, 12):  # main cut story S1 with figures for all but 4
        shares, texts = _pages(_brief(tmp_path, takeaways))
        text = "\n".join(texts)
        runs = _story_runs(text)
        assert runs and all("FIGURE" not in r and "Charts" not in r.splitlines() for r in runs), takeaways
        assert text.index("FIGURE 1") < text.index("FIGURE 2")
        floated += text.index("This week's stories") < text.index("FIGURE 1")
        assert max(shares[:-1]) <= MAX_EMPTY, [f"{s:.0%}" for s in shares]
    assert floated, "the fixture should make a figure float past the start of the stories"


@pytest.mark.parametrize(("n", "seed"), CASES)
def test_a_quote_or_numbers_never_open_a_page_without_their_text(tmp_path, n, seed) -> None:
    """A page that continues a story opens with lines of its summary, never with its numbers or its
    quote alone (old rule: the quote and link moved on their own, week 14's page 5)."""
    out = _render(tmp_path, n, seed)
    with pdfplumber.open(out) as pdf:
        texts = [p.extract_text() or "" for p in pdf.pages]
    for page in texts[1:]:
        body = [ln for ln in page.splitlines() if ln.strip()]
        cont = [i for i, ln in enumerate(body[:4]) if "(CONTINUED)" in ln]
        if cont:
            after = body[cont[0] + 1]
            assert not after.startswith("“") and not re.match(r"\d+\.\d+M\b", after), body[:5]


@pytest.mark.parametrize("takeaways", [5, 6, 7])  # 6 left figure 2 after the Sources (first float rule)
def test_a_figure_never_floats_past_a_short_last_part(tmp_path, takeaways) -> None:
    """Only content that runs on to the next page is let past a figure: a short Sources list after
    the charts would otherwise leave them at the brief's end, after the Sources."""
    _shares, texts = _pages(_brief(tmp_path, takeaways, last="sources", stories=2))
    text = "\n".join(texts)
    assert text.index("FIGURE 2") < text.index("Source documents")


def _empty_boxes(page) -> list:
    """Filled boxes across most of the page's width that hold no text (a quote box's top alone)."""
    boxes = [r for r in page.rects if r.get("fill") and r["width"] > page.width / 2 and r["height"] > 10]
    return [b for b in boxes if not any(b["x0"] <= c["x0"] <= b["x1"] and b["top"] <= c["top"] <= b["bottom"]
                                        for c in page.chars)]


@pytest.mark.parametrize(("n", "seed"), [(4, 4), (8, 3), (5, 2), (6, 3)])  # (4, 4), (8, 3) left empty boxes
def test_a_quote_box_never_ends_a_page_without_its_words(tmp_path, n, seed) -> None:
    """The Quotes part keeps each quote box whole: split at a page's foot, week 14's third quote
    (default layout) left an empty tinted box there and its words on the next page."""
    layout = load_layout(ROOT / "layouts" / "weekly-brief.yaml")
    pdf = layout.pdf.model_copy(update={"parts": ["stories", "quotes"]})
    report = _report(n, seed)
    long = ("We have never handled so many boxes in one year, and the new berths are already full, "
            "so the next ones must be built before the end of the decade or the lines will go elsewhere")
    report.quotes = [(src, dataclasses.replace(q, text=long)) for src, q in report.quotes * 3]
    out = tmp_path / "brief.pdf"
    render_pdf(report, layout.model_copy(update={"pdf": pdf}), {}, out, use_cache=False)
    with pdfplumber.open(out) as doc:
        assert not [(p.page_number, len(_empty_boxes(p))) for p in doc.pages if _empty_boxes(p)]


def _kickers_and_figures(text: str) -> list[str]:
    """The brief's story kickers ("S3") and figure labels ("FIGURE 2"), in reading order."""
    out = []
    for ln in text.splitlines():
        m = re.match(r"SOURCE (S\d+)( · |$)", ln)
        if m and "(CONTINUED)" not in ln:
            out.append(m.group(1))
        elif re.fullmatch(r"FIGURE \d+", ln.strip()):
            out.append(ln.strip())
    return out


@pytest.mark.parametrize("takeaways", [4, 6, 8, 10, 12, 14])
def test_a_floating_figure_waits_for_its_own_story(tmp_path, takeaways) -> None:
    """A figure that floats past the stories is put down next to its own story (just before or
    just after it), never between two others: week 18's figure 2, the cricket viewers, sat between
    the jute and the raspberry stories, two pages from its own."""
    layout = load_layout(ROOT / "layouts" / "weekly-brief.yaml")
    pdf = layout.pdf.model_copy(update={"parts": ["takeaways", "key_figures", "charts", "stories"]})
    report = _report(8, 3)
    report.takeaways = [Takeaway(TAKEAWAY, [report.documents[0].source]) for _ in range(takeaways)]
    sample = make_report()
    report.key_figures = sample.key_figures
    last = report.stories[-1].source
    report.charts = [sample.charts[0], dataclasses.replace(sample.charts[1], sources=[last])]
    out = tmp_path / "brief.pdf"
    render_pdf(report, layout.model_copy(update={"pdf": pdf}), make_charts(tmp_path / "charts"), out,
               use_cache=False)
    order = _kickers_and_figures("\n".join(_pages(out)[1]))
    tags = [t for t in order if t.startswith("S")]
    own = tags[-1]  # the last story's tag
    at = order.index("FIGURE 2")
    if order.index("FIGURE 1") + 1 == at and at < order.index(tags[0]):
        return  # it did not float: printed with figure 1 under the Charts heading
    assert own in order[at - 1:at + 2], order
