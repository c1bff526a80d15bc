"""The brief's paragraph breaks its lines once per width (render/pdf/para.py) and draws the same page."""

from __future__ import annotations

import copy
import io

from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Table
from reportlab.platypus import Paragraph as ReportlabParagraph

from reportlab.platypus.paraparser import ParaParser

from reportkit.render.pdf import para
from reportkit.render.pdf.para import Paragraph

TEXT = ("Exports of frozen raspberries rose 14% to <b>€438 million</b> in 2026, while volumes fell 8% "
        "to 96,400 tonnes, the ministry said. ") * 6


def test_a_second_wrap_at_the_same_width_breaks_no_lines(monkeypatch) -> None:
    p = Paragraph(TEXT, getSampleStyleSheet()["BodyText"])
    calls = []
    real = ReportlabParagraph.breakLines
    monkeypatch.setattr(ReportlabParagraph, "breakLines", lambda self, w: calls.append(w) or real(self, w))
    first = p.wrap(300, 800)
    lines = p.blPara
    assert p.wrap(300, 50) == first and p.blPara is lines and len(calls) == 1
    narrower = p.wrap(200, 800)
    assert narrower[1] > first[1] and len(calls) == 2  # another width: broken again
    assert p.wrap(300, 800) == first and len(calls) == 3  # only the last width is kept


def _pdf(cls: type) -> bytes:
    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    story = []
    for k in range(12):
        story.append(KeepTogether([cls(f"<b>Story {k}</b>", styles["Heading2"]), cls(TEXT, body)]))
        story.append(Table([[cls("Cell with a long label that wraps in its column", body), cls(TEXT[:90], body)]],
                           colWidths=[120, 300]))
    out = io.BytesIO()
    SimpleDocTemplate(out, invariant=1).build(story)
    return out.getvalue()


def test_pages_are_byte_identical_to_reportlabs_paragraphs() -> None:
    # kept together, split across pages, in table cells: the same bytes as reportlab's own class,
    # the second time from the texts parsed the first time too
    para._parsed.clear()
    theirs = _pdf(ReportlabParagraph)
    assert _pdf(Paragraph) == theirs
    assert para._parsed and _pdf(Paragraph) == theirs


def test_a_text_in_a_style_is_parsed_once_and_its_fragments_copied(monkeypatch) -> None:
    para._parsed.clear()
    calls = []
    real = ParaParser.parse
    monkeypatch.setattr(ParaParser, "parse", lambda self, text, style: calls.append(text) or real(self, text, style))
    styles = getSampleStyleSheet()
    a = Paragraph("Net profit rose <b>18%</b>", styles["BodyText"])
    b = Paragraph("Net profit rose <b>18%</b>", copy.deepcopy(styles["BodyText"]))  # a new style, same attributes
    assert len(calls) == 1
    assert [f.text for f in a.frags] == [f.text for f in b.frags] and a.frags[1] is not b.frags[1]
    assert b.frags[1].fontName == a.frags[1].fontName
    bigger = copy.deepcopy(styles["BodyText"])
    bigger.fontSize = 14
    c = Paragraph("Net profit rose <b>18%</b>", bigger)  # another attribute: parsed again
    assert len(calls) == 2 and c.frags[0].fontSize == 14
    Paragraph("Net profit rose <b>18%</b>", styles["BodyText"], bulletText="•")  # a bullet: parsed each time
    assert len(calls) == 3


def _frag_dicts(p) -> list[dict]:
    return [dict(f.__dict__) for f in p.frags]


def test_a_plain_text_gets_the_parsers_fragments_without_a_parse(monkeypatch) -> None:
    # a text with no tag and no entity: the style's opening fragment (parsed once, for a probe
    # text) with the text set, equal to what reportlab's parser gives, in every style kind
    from reportlab.lib.styles import ParagraphStyle

    sheet = getSampleStyleSheet()
    styles = [sheet["BodyText"], sheet["Heading1"], sheet["Code"],
              ParagraphStyle("up", parent=sheet["BodyText"], textTransform="uppercase", textColor="#336699"),
              ParagraphStyle("ul", parent=sheet["BodyText"], underline=1, strike=1, fontName="Helvetica-Bold")]
    texts = ["Exports rose 14% to 438 million", "  spaced   out\n text  ", "a > b, quoted \"x\"", "Ünïcödé — 5 €"]
    para._parsed.clear()
    para._plain.clear()
    for style in styles:
        for text in texts:
            ours, theirs = Paragraph(text, style), ReportlabParagraph(text, style)
            assert _frag_dicts(ours) == _frag_dicts(theirs) and ours.text == theirs.text
    calls = []
    real = ParaParser.parse
    monkeypatch.setattr(ParaParser, "parse", lambda self, text, style: calls.append(text) or real(self, text, style))
    para._parsed.clear()
    Paragraph("Another plain text, new to this process", styles[0])
    assert calls == []  # the style's opening fragment is known: no parse
    Paragraph("Bold <b>words</b> and &amp; an entity", styles[0])
    assert len(calls) == 1  # markup is parsed
    assert Paragraph("   ", styles[0]).frags == ReportlabParagraph("   ", styles[0]).frags == []
