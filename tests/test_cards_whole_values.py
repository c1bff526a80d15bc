"""A card's number is printed whole (week 21, texts invented, CC0):

- a range of prices per unit names its unit once, at its end ("$2.40–$2.90/kilogram"): printed after
  each bound ("$2.40/kilogram–$2.90/kilogram") it was long enough for a story's narrow card to break
  it inside a word ("$2.40/kilogram–$2.90/kilogr" / "am");
- a story's number that cannot be set on one line of its card at the least size is left out of the
  row, never broken inside a word.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from pdf_fixtures import make_charts, make_report
from reportkit.facts import extract_facts
from reportkit.layouts.load import load_layout
from reportkit.model import KeyFigure
from reportkit.render.pdf.render import render_pdf
from reportkit.story.keyfigures import display

ROOT = Path(__file__).resolve().parent.parent


def _fact(text: str, figure: str):
    return next(f for f in extract_facts(text, "x.txt", date="2027-03-30") if f.text.startswith(figure))


def test_a_range_of_prices_per_unit_names_its_unit_once() -> None:
    text = "Direct sales to buyers abroad fetched between US$2.40 and US$2.90 a kilogram, the board said."
    assert display(_fact(text, "US$2.40")) == "$2.40–$2.90/kilogram"
    text = "Yields on the estates rose to between 1.2 and 1.5 tonnes a hectare in 2026, the board said."
    assert display(_fact(text, "1.2")) == "1.2 t–1.5 t/hectare"
    # a range without a denominator is as before
    text = "The bank expects growth of between 3.5% and 3.75% in 2027, its governor said."
    assert display(_fact(text, "3.5%")) == "3.5%–3.75%"


def test_a_story_number_too_long_for_its_card_is_left_out_never_cut(tmp_path) -> None:
    layout = load_layout(ROOT / "layouts" / "weekly-brief.yaml")
    report = make_report()
    story = report.stories[0]
    long = "$2,440.40/kilogram–$2,990.90/kilogram"  # no break point a line may end at but the dash
    story.figures = [KeyFigure("47,300 t", "Made tea produced", story.source, "a"),
                     KeyFigure("+3.8%", "Made tea produced", story.source, "b"),
                     KeyFigure(long, "Direct sales", story.source, "c")]
    out = tmp_path / "brief.pdf"
    render_pdf(report, layout, make_charts(tmp_path / "charts"), out, use_cache=False)
    with pdfplumber.open(out) as pdf:
        lines = [line for p in pdf.pages for line in (p.extract_text() or "").splitlines()]
    assert any("47,300 t" in line for line in lines)  # its neighbours are printed
    cut = [line for line in lines if "kilogr" in line and long not in line]
    assert not cut, cut  # main printed "…$2,990.90/kilogr" and "am" under it


def test_a_panel_number_too_long_for_its_cell_is_left_out_never_cut(tmp_path) -> None:
    layout = load_layout(ROOT / "layouts" / "weekly-brief.yaml")
    report = make_report()
    long = "$2,440.40/kilogram–$2,990.90/kilogram–$3,110.10/kilogram"
    report.key_figures = [*report.key_figures[:3], KeyFigure(long, "Direct sales", report.key_figures[0].source, "c")]
    out = tmp_path / "brief.pdf"
    render_pdf(report, layout, make_charts(tmp_path / "charts"), out, use_cache=False)
    with pdfplumber.open(out) as pdf:
        lines = [line for p in pdf.pages for line in (p.extract_text() or "").splitlines()]
    assert any("$86.4M" in line for line in lines)  # the others are printed
    cut = [line for line in lines if "kilogr" in line and long not in line]
    assert not cut, cut
