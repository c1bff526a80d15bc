"""How full the brief's pages are, read back from the PDF (pdfplumber): a story entry whose head
(kicker, headline and summary) did not fit the rest of a page moved to the next one whole and
left up to half a page empty (week 9's page 2 was ≈40% empty). The headline now keeps only the
summary's first lines with it; the summary runs on to the next page. The repeated headline atop a
page that begins with a story's numbers is printed as written ("2.2 million barrels"), never in
capitals, which `verify --sources` could not trace (the sources corpus, page 6)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pdfplumber
import pytest

from pdf_fixtures import document_a, make_report
from reportkit.layouts.load import load_layout
from reportkit.model import KeyFigure, Story
from reportkit.render.pdf.render import render_pdf

ROOT = Path(__file__).resolve().parent.parent
MM = 72 / 25.4
#: A page (other than the last) may end this much of its body frame empty, at most.
MAX_EMPTY = 0.25

SENTENCE = ("The port handled {n} million twenty-foot equivalent units in the year, the authority said on "
            "Thursday, as shipping lines moved more of their calls to the northern terminals. ")


def page_empty_share(page, top_mm: float, bottom_mm: float) -> float:
    """The share of the page's body frame left empty below its lowest text or drawing."""
    y0, y1 = top_mm * MM, page.height - bottom_mm * MM
    objs = [o for o in page.chars + page.rects + page.lines + page.images
            if o["top"] >= y0 - 1 and o["bottom"] <= y1 + 1]
    low = max((o["bottom"] for o in objs), default=y0)
    return (y1 - low) / (y1 - y0)


def _stories(n: int) -> tuple[list, list[Story]]:
    base = document_a()
    docs, stories = [], []
    for k in range(n):
        doc = dataclasses.replace(base, source=f"s{k:02d}.txt", title=f"Port story {k}")
        docs.append(doc)
        # summaries of 4 to 19 sentences: some heads fit the rest of a page, some do not
        summary = [SENTENCE.format(n=k + j / 10).strip() for j in range(4 + (k * 7) % 16)]
        figures = [KeyFigure(f"{k + 1}.2M", "Twenty-foot equivalent units", doc.source, f"f{k}")]
        stories.append(Story(source=doc.source, headline=f"Port handles {k + 2}.2 million boxes in record year",
                             one_line=summary[0], summary=summary, figures=figures, link=doc.source))
    return docs, stories


@pytest.fixture(scope="module")
def brief(tmp_path_factory) -> Path:
    layout = load_layout(ROOT / "layouts" / "weekly-brief.yaml")
    layout = layout.model_copy(update={"pdf": layout.pdf.model_copy(update={"parts": ["stories"]})})
    docs, stories = _stories(14)
    report = make_report(docs)
    report.stories, report.key_figures, report.charts = stories, [], []
    out = tmp_path_factory.mktemp("fill") / "brief.pdf"
    render_pdf(report, layout, {}, out, use_cache=False)
    return out


def test_no_page_but_the_last_ends_more_than_a_quarter_empty(brief) -> None:
    layout = load_layout(ROOT / "layouts" / "weekly-brief.yaml")
    m = layout.pdf.margins_mm
    with pdfplumber.open(brief) as pdf:
        assert len(pdf.pages) >= 4
        shares = [page_empty_share(p, m.top, m.bottom) for p in pdf.pages]
    assert max(shares[:-1]) <= MAX_EMPTY, [f"{s:.0%}" for s in shares]


def test_a_headline_never_ends_a_page_without_lines_of_its_summary(brief) -> None:
    with pdfplumber.open(brief) as pdf:
        for page in pdf.pages:
            lines = (page.extract_text() or "").splitlines()
            body = [ln for ln in lines if not ln.startswith(("Russia", "Week", "Page", "Meridian"))
                    and "Page " not in ln]
            heads = [i for i, ln in enumerate(body) if ln.startswith("Port handles")]
            for i in heads:
                after = body[i + 1:]
                assert sum(ln.startswith("The port handled") or "million twenty-foot" in ln
                           or ln.startswith(("Thursday", "calls", "northern")) for ln in after) >= 2 \
                    or any(ln.startswith("Read more") for ln in after), body[i:]


def test_the_repeated_headline_atop_a_page_is_printed_as_written(brief) -> None:
    with pdfplumber.open(brief) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    continued = [ln for ln in text.splitlines() if "(CONTINUED)" in ln]
    assert continued, "the fixture should start a page with a story's numbers"
    assert all("Port handles" in ln and "million boxes" in ln for ln in continued), continued
