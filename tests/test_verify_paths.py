"""`reportkit verify` flags a built file that prints the builder's own folders (an older deck's takeaways'
speaker notes named each source by its path as given, absolute for an absolute sources folder)."""

from __future__ import annotations

from pathlib import Path

from reportkit.verify.files import verify_files
from reportkit.verify.paths import builder_paths


def test_builder_paths_are_absolute_paths_of_source_files() -> None:
    assert builder_paths("• Fares rise. (/home/ana/week/q2_taxi_fares.html)") == ["/home/ana/week/q2_taxi_fares.html"]
    assert builder_paths(r"(C:\Users\ana\week\a.docx)") == [r"C:\Users\ana\week\a.docx"]
    assert builder_paths("(~/week/a.md, ~/week/a.md)") == ["~/week/a.md"]
    # a relative name (the record's), an address, a unit: none
    assert builder_paths("• Fares rise. (news/q2_taxi_fares.html, b.txt)") == []
    assert builder_paths("Read more: https://ledger.example/city/2027/02/16/fares.html") == []
    assert builder_paths("a speed of 12 km/h, 40 tonnes/year") == []


def test_verify_flags_an_absolute_path_in_a_decks_notes(tmp_path: Path) -> None:
    from pptx import Presentation

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Key takeaways"
    slide.notes_slide.notes_text_frame.text = "• Fares rise by a fifth. (/home/ana/week/q2_taxi_fares.html)"
    path = tmp_path / "old.pptx"
    prs.save(path)
    [result] = verify_files([path])
    found = [p for p in result.problems if p.startswith("no builder's paths")]
    assert found and "slide 1 notes: /home/ana/week/q2_taxi_fares.html" in found[0], result.problems
    slide.notes_slide.notes_text_frame.text = "• Fares rise by a fifth. (q2_taxi_fares.html)"
    prs.save(path)
    [result] = verify_files([path])
    assert not [p for p in result.problems if p.startswith("no builder's paths")], result.problems


def test_verify_flags_an_absolute_path_on_a_pdf_page(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "old.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(72, 720, "S1  Fares rise  /home/ana/week/q2_taxi_fares.html")
    c.showPage()
    c.save()
    [result] = verify_files([path])
    assert any(p.startswith("no builder's paths") and "page 1: /home/ana/week/q2_taxi_fares.html" in p
               for p in result.problems), result.problems
