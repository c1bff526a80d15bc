"""Characters no installed font draws (render/pdf/glyphs.py): the brief never prints reportlab's
missing-glyph box for them, says each one once as a build warning, and verify reads what the
renderer reported (the PDF's document information), not boxes on the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_fixtures import make_charts, make_report
from pypdf import PdfReader

from reportkit.layouts.load import load_layout
from reportkit.model import Block, Document, Section
from reportkit.render.pdf import UNDRAWN_INFO_KEY
from reportkit.render.pdf.fonts import FontSet
from reportkit.render.pdf.glyphs import LOST_MARK, warnings
from reportkit.render.pdf.render import render_pdf
from reportkit.verify import verify_pdf

ROOT = Path(__file__).resolve().parents[1]
LAYOUT = ROOT / "layouts" / "weekly-brief.yaml"
HANGUL = "\ud55c\uad6d\uc5b4"  # no installed font draws Hangul (tests/test_pdf.py's "placeholder" case)


@pytest.fixture
def fonts() -> FontSet:
    return FontSet(load_layout(LAYOUT).font_paths)


def printed(fonts: FontSet, text: str) -> str:
    return "".join(run for _font, run in fonts.runs(text))


def test_a_picture_no_font_draws_is_left_out_with_its_space(fonts):
    assert printed(fonts, "Exports \U0001F680\U0001F1F2\U0001F1FD rose 5% in 2025.") == "Exports rose 5% in 2025."
    assert printed(fonts, "\U0001F680 Launch") == "Launch"
    assert fonts.undrawn.shown["\U0001F680"] == ""


def test_a_letter_no_font_draws_is_a_mark_never_a_box_nor_nothing(fonts):
    out = printed(fonts, f"Seoul ({HANGUL} {HANGUL}) said")
    assert out == f"Seoul ({LOST_MARK}) said" and "\u25a1" not in out
    assert fonts.undrawn.lost() == sorted(set(HANGUL), key=ord)


def test_a_letter_with_a_compatibility_form_prints_that(fonts):
    assert printed(fonts, "x \U0001D400 y") == "x A y"  # MATHEMATICAL BOLD CAPITAL A
    assert fonts.undrawn.lost() == []


def test_a_box_a_source_wrote_itself_is_printed_and_not_reported(fonts):
    assert printed(fonts, "tick \u25a1 here") == "tick \u25a1 here"
    assert not fonts.undrawn.shown


def test_one_warning_per_character_naming_it(fonts):
    printed(fonts, f"\U0001F680 {HANGUL[0]} \U0001F680 {HANGUL[0]}")
    said = warnings(fonts.undrawn, "brief.pdf")
    assert said == [
        f"brief.pdf: U+{ord(HANGUL[0]):04X} HANGUL SYLLABLE HAN: no installed font draws it; printed as "
        f"{LOST_MARK}: install a font that has it",
        "brief.pdf: U+1F680 ROCKET: no installed font draws it; left out (a picture the sentence does without)",
    ]


def test_a_chart_string_loses_what_a_paragraph_loses(fonts):
    from reportlab.graphics.shapes import Drawing, String

    d = Drawing(100, 100)
    d.add(String(0, 0, f"Exports \U0001F680 rose in {HANGUL}", fontName=fonts.regular))
    with fonts.recording() as own:
        fonts.fix_drawing(d)
    assert d.contents[0].text == f"Exports rose in {LOST_MARK}"
    assert own["\U0001F680"] == "" and own[HANGUL[0]] == LOST_MARK


def _brief(tmp_path: Path, text: str, name: str) -> tuple[Path, list[str]]:
    report = make_report()
    report.documents.append(Document(source="seeds/glyphs.txt", title="Glyphs",
                                     sections=[Section(None, [Block("paragraph", text)])]))
    lay = load_layout(LAYOUT)
    lay = lay.model_copy(update={"pdf": lay.pdf.model_copy(update={"parts": ["cover", "sections", "sources"]})})
    said: list[str] = []
    out = tmp_path / name
    render_pdf(report, lay, make_charts(tmp_path / "charts"), out, warn=said.append)
    return out, said


def test_the_renderer_reports_and_verify_reads_the_report(tmp_path):
    lost, said = _brief(tmp_path, f"Exports \U0001F680 rose in {HANGUL} by 5% in 2025.", "lost.pdf")
    assert any("U+1F680 ROCKET" in w for w in said) and any("HANGUL SYLLABLE" in w for w in said)
    text = "".join(p.extract_text() for p in PdfReader(str(lost)).pages)
    assert "\u25a1" not in text and f"rose in {LOST_MARK} by 5%" in " ".join(text.split())
    assert "HANGUL SYLLABLE HAN" in str(PdfReader(str(lost)).metadata["/" + UNDRAWN_INFO_KEY])
    problems = [p for p in verify_pdf(lost).problems if p.startswith("every character drawn")]
    assert len(problems) == 1 and "U+D55C HANGUL SYLLABLE HAN" in problems[0]
    # an emoji alone is left out and said, not a problem; a box the source wrote is a character like any other
    clean, said = _brief(tmp_path, "Exports \U0001F680 rose, \u25a1 ticked, by 5% in 2025.", "clean.pdf")
    assert any("U+1F680 ROCKET" in w for w in said)
    assert "/" + UNDRAWN_INFO_KEY not in PdfReader(str(clean)).metadata
    assert not [p for p in verify_pdf(clean).problems if p.startswith("every character drawn")]


def test_the_running_header_and_footer_never_draw_a_box(fonts):
    assert fonts.plain("Energy Brief \u2013 Week 47") == "Energy Brief \u2013 Week 47"  # the face has all of it
    assert fonts.plain(f"\U0001F680 Launch Weekly {HANGUL}", bold=True) == f"Launch Weekly {LOST_MARK}"
    assert fonts.undrawn.lost() == sorted(set(HANGUL), key=ord)
