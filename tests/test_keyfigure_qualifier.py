"""A key figure whose value carries words ("an average of $187.40", "almost 9M"): the story stage
names the qualifier, and the brief and the deck set it small before the number instead of setting
the whole phrase in the big value type (week 12's panel shrank every card to fit "an average of
$187.40", and the deck broke it over three lines at 40 pt). The words are kept: a qualifier is a fact,
and the value still reads "an average of $187.40" on one line of the brief's text."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from pptx import Presentation
from pypdf import PdfReader

from pdf_fixtures import SEED_A, SEED_B, make_report
from reportkit.facts import extract_facts
from reportkit.layouts.load import load_layout
from reportkit.model import Block, Document, KeyFigure, Section
from reportkit.render.pdf.render import render_pdf
from reportkit.render.pptx import render_pptx
from reportkit.story.keyfigures import display, key_figures, qualifier_of

ROOT = Path(__file__).resolve().parent.parent
# (every figure names whose, as a panel card must: "Port Aldane's"; the trips, of no one, are checked on their fact)
TEXT = ("Port Aldane's average room rate was more than $187 a night in the fourth quarter, 3.6% more than "
        "a year earlier, the research firm said on Thursday. Port Aldane's hotel occupancy fell to about 71.3% in "
        "the quarter. Riders took almost 9 million trips on the city's shared bikes in 2026.")
FIGURES = [
    KeyFigure("almost 9M", "Trips, 2026", SEED_A, "f1", qualifier="almost"),
    KeyFigure("61,300", "Staff full-time equivalents", SEED_B, "f2"),
    KeyFigure("612M SEK", "Operating profit, fourth quarter", SEED_A, "f3"),
    KeyFigure("an average of $187.40", "Hotels, fourth quarter", SEED_B, "f4", qualifier="an average of"),
]


def test_the_story_stage_names_the_qualifier_its_value_opens_with() -> None:
    doc = Document(source="h.txt", title="Port Aldane hotels: rates held up in 2026", dateline="28 January 2027",
                   sections=[Section(heading=None, blocks=[Block(kind="paragraph", text=TEXT)])])
    doc.facts = extract_facts(doc.body_text(), "h.txt", date="2027-01-28", title=doc.title)
    content = load_layout(ROOT / "reportkit" / "layouts" / "default" / "weekly-brief.yaml").content
    shown = {kf.display: (kf.lead(), kf.number()) for kf in key_figures(content, [doc])}
    assert shown["more than $187/night"] == ("more than", "$187/night"), shown
    assert shown["about 71.3%"] == ("about", "71.3%")
    assert shown["+3.6%"] == ("", "+3.6%")
    trips = next(f for f in doc.facts if f.measure == "trips")
    shown_trips = display(trips, doc)
    assert KeyFigure(shown_trips, "Trips", "h.txt", trips.id, qualifier=qualifier_of(trips, shown_trips)).lead() == "almost"


def test_a_qualifier_that_is_not_where_the_display_opens_is_none() -> None:
    kf = KeyFigure("9M", "Trips", "x.txt", "f", qualifier="almost")  # never drops words it does not hold
    assert kf.number() == "9M" and kf.lead() == ""


def _report():
    report = make_report()
    report.key_figures = list(FIGURES)
    return report


def test_the_brief_sets_the_qualifier_small_on_its_number_s_line(tmp_path) -> None:
    layout = load_layout(ROOT / "layouts" / "weekly-brief.yaml")
    layout = layout.model_copy(update={"pdf": layout.pdf.model_copy(update={"parts": ["key_figures"]})})
    out = tmp_path / "brief.pdf"
    render_pdf(_report(), layout, {}, out, use_cache=False)
    with pdfplumber.open(out) as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["size"])
        chars = pdf.pages[0].chars
    lines = (PdfReader(out).pages[0].extract_text() or "").splitlines()
    assert "an average of $187.40" in lines and "almost 9M" in lines  # one line each, as verify reads them
    size = {w["text"]: w["size"] for w in words}
    numbers = [size[t] for t in ("$187.40", "9M", "61,300", "612M")]
    assert max(numbers) - min(numbers) < 0.01  # one size for every number of the panel
    assert size["average"] < 0.5 * size["$187.40"] and size["almost"] < 0.5 * size["9M"]
    # on the number's line, on its baseline: "a(v)erage" and "($)187.40"
    v = next(c for c in chars if c["text"] == "v" and abs(c["size"] - size["average"]) < 0.01)
    dollar = next(c for c in chars if c["text"] == "$" and abs(c["size"] - size["$187.40"]) < 0.01)
    assert abs(v["matrix"][5] - dollar["matrix"][5]) < 0.5


def test_the_deck_sets_the_qualifier_small_above_its_number(tmp_path) -> None:
    layout = load_layout(ROOT / "layouts" / "briefing-deck.yaml")
    out = tmp_path / "deck.pptx"
    render_pptx(_report(), layout, {}, out)
    prs = Presentation(str(out))
    slide = next(s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == "Key figures")
    values = {}
    for shape in slide.shapes:
        if shape.has_text_frame and shape.text_frame.text.replace("\v", "") in {kf.display for kf in FIGURES}:
            runs = [r for p in shape.text_frame.paragraphs for r in p.runs]
            values[shape.text_frame.text.replace("\v", "")] = [(r.text, r.font.size.pt, r.font.bold) for r in runs]
    assert set(values) == {kf.display for kf in FIGURES}, values
    words, number = values["an average of $187.40"]
    assert words[0].strip() == "an average of" and not words[2] and number == ("$187.40", number[1], True)
    assert words[1] < 0.5 * number[1]
    sizes = {v[-1][1] for v in values.values()}
    assert len(sizes) == 1, values  # every card's number at one size, qualifier or not


def test_a_line_of_small_words_above_a_number_is_measured_at_its_own_size(tmp_path) -> None:
    """verify's overflow check measured every line of a paragraph at its largest run's size (and each
    character too): the qualifier's line above its number measured as two or three number lines and
    was called an overflow on week 12's and 5 other weeks' decks. Each line now takes its tallest run."""
    from reportkit.render.pptx import text_overflows
    from reportkit.render.pptx.text import Fonts, line_height, measure_frame

    layout = load_layout(ROOT / "layouts" / "briefing-deck.yaml")
    out = tmp_path / "deck.pptx"
    render_pptx(_report(), layout, {}, out)
    fonts = Fonts.from_paths(layout.font_paths)
    checked = 0
    for slide in Presentation(str(out)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.startswith("an average of"):
                runs = [r for p in shape.text_frame.paragraphs for r in p.runs]
                small, big = runs[0].font.size.pt, runs[-1].font.size.pt
                needed, _room = measure_frame(shape.text_frame, fonts)
                expect = line_height(small, fonts.style(False, False)) + line_height(big, fonts.style(True, False))
                assert abs(needed - expect) < 0.3 * small, (needed, expect)
                assert not text_overflows(shape.text_frame, fonts)
                checked += 1
    assert checked >= 1
