"""The brief's paragraph breaks its lines once per width (render/pdf/para.py) and draws the same page."""

from __future__ import annotations

import io

from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Table
from reportlab.platypus import Paragraph as ReportlabParagraph

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
    # kept together, split across pages, in table cells: the same bytes as reportlab's own class
    assert _pdf(Paragraph) == _pdf(ReportlabParagraph)
