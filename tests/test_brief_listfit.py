"""The Key takeaways never leave their last item alone atop the next page (render/pdf/listfit.py).

Week 24's seventh takeaway spilled alone onto page 2 (news_eval's eighth, week 4's eighth and week
13's seventh too; week 13's sixth was even cut in two across the pages). Now a list that almost fits
is drawn a little tighter and stays whole on its page; one that does not fit even so sends its last
two items over together."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
from reportlab.platypus import KeepTogether, Spacer

from pdf_fixtures import make_charts, make_report
from test_brief_floats import TAKEAWAY
from reportkit.layouts.load import load_layout
from reportkit.model import Takeaway
from reportkit.render.pdf.listfit import PADS, ListFit
from reportkit.render.pdf.render import render_pdf

ROOT = Path(__file__).resolve().parent.parent


def _numbers_by_page(tmp_path: Path, takeaways: int, standfirst_words: int) -> list[list[int]]:
    """The sample brief with ``takeaways`` takeaways under a standfirst of about ``standfirst_words``
    words: the takeaway numbers ("01", "02", ...) printed on each page."""
    layout = load_layout(ROOT / "layouts" / "weekly-brief.yaml")
    report = make_report()
    report.takeaways = [Takeaway(TAKEAWAY, [report.documents[0].source]) for _ in range(takeaways)]
    report.standfirst = " ".join(["This week's brief draws on the port's figures"] * (standfirst_words // 8 + 1))
    out = tmp_path / f"list{takeaways}-{standfirst_words}.pdf"
    render_pdf(report, layout, make_charts(tmp_path / "charts"), out, use_cache=False)
    size = layout.pdf.body_font_size * 1.3  # the numbers' style (styles.takeaway_no)
    pages = []
    with pdfplumber.open(out) as pdf:
        for page in pdf.pages[:3]:
            rows: dict[int, str] = {}
            for c in page.chars:
                if abs(c["size"] - size) < 0.3:
                    rows[round(c["top"])] = rows.get(round(c["top"]), "") + c["text"]
            pages.append([int(t) for _, t in sorted(rows.items()) if re.fullmatch(r"\d\d", t)])
    return pages


# (8, 8), (8, 24): main printed the last takeaway alone atop page 2
@pytest.mark.parametrize(("takeaways", "words"), [(7, 24), (8, 8), (8, 24), (6, 40), (9, 8)])
def test_the_last_takeaway_never_goes_over_alone(tmp_path, takeaways, words) -> None:
    pages = [p for p in _numbers_by_page(tmp_path, takeaways, words) if p]
    assert [n for p in pages for n in p] == list(range(1, takeaways + 1)), pages
    if len(pages) > 1:
        assert len(pages[-1]) >= 2, pages


def _items(n: int, height: float):
    """``n`` list items, each ``height`` points at the full padding and 2 points less per step."""
    def make(pad: float) -> list:
        return [Spacer(100, height - (PADS[0] - pad) * 2) for _ in range(n)]
    return make


def test_a_list_is_drawn_at_the_first_spacing_that_keeps_it_whole() -> None:
    fit = ListFit([Spacer(100, 20)], _items(7, 50))
    full = 20 + 7 * 50
    assert fit.parts_for(100, full) == fit._variant(PADS[0])
    tighter = fit.parts_for(100, full - 7 * (PADS[0] - PADS[1]) * 2)
    assert tighter == fit._variant(PADS[1]), "the first tighter step that fits"


def test_a_list_that_fits_at_no_spacing_sends_its_last_two_items_over_together() -> None:
    fit = ListFit([Spacer(100, 20)], _items(7, 50))
    parts = fit.parts_for(100, 200)
    assert len(parts) == 1 + 5 + 1 and isinstance(parts[-1], KeepTogether)
    assert parts[-1]._content == fit._variant(PADS[0])[-2:]
