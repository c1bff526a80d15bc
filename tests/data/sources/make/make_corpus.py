"""Regenerate the corpus's PDF and DOCX files (written for this project).

    .venv/bin/python tests/data/sources/make/make_corpus.py

Needs reportlab, python-pptx and python-docx (reportkit's own dependencies) and LibreOffice
(`soffice`) for the slides PDF and the LibreOffice-made DOCX. Outputs are committed; this script
records how they were made. The two-column paper is drawn line by line across both columns (as
some producers write their content streams), so a reader must order text by position.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

sys.path.insert(0, str(Path(__file__).parent))
import texts as T  # noqa: E402

OUT = Path(__file__).resolve().parent.parent


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking; a word with ``|`` marks may be hyphenated at a mark."""
    words = text.split()
    lines: list[str] = []
    cur = ""
    for word in words:
        plain = word.replace("|", "")
        trial = f"{cur} {plain}".strip()
        if stringWidth(trial, font, size) <= width:
            cur = trial
            continue
        parts = word.split("|")
        done = False
        for k in range(len(parts) - 1, 0, -1):
            head = "".join(parts[:k]) + "-"
            if stringWidth(f"{cur} {head}".strip(), font, size) <= width:
                lines.append(f"{cur} {head}".strip())
                cur = "".join(parts[k:])
                done = True
                break
        if not done:
            lines.append(cur)
            cur = plain
    if cur:
        lines.append(cur)
    return lines


def make_report(path, total: int = 0) -> int:
    """Draw the report; called twice, the first time only to count pages for "Page N of M"."""
    c = Canvas(path if not isinstance(path, Path) else str(path), pagesize=A4, invariant=1)
    c.setTitle(T.REPORT_TITLE)
    c.setAuthor("Eastland Transmission Operator")
    w, h = A4
    left, right, top, bottom = 25 * mm, w - 25 * mm, h - 28 * mm, 25 * mm
    page = 1
    y = top

    def furniture() -> None:
        c.setFont("Helvetica", 8)
        c.setFillGray(0.4)
        c.drawString(left, h - 14 * mm, "Eastland Transmission Operator")
        c.drawRightString(right, h - 14 * mm, T.REPORT_TITLE)
        c.line(left, h - 16 * mm, right, h - 16 * mm)
        c.drawCentredString(w / 2, 12 * mm, f"Page {page} of {total}")
        c.setFillGray(0)

    furniture()
    c.setFont("Helvetica-Bold", 22)
    c.drawString(left, y, T.REPORT_TITLE)
    y -= 10 * mm
    c.setFont("Helvetica-Oblique", 12)
    for line in wrap(T.REPORT_SUBTITLE, "Helvetica-Oblique", 12, right - left):
        c.drawString(left, y, line)
        y -= 16
    y -= 8
    for kind, text in T.REPORT:
        font, size, lead = ("Helvetica-Bold", 14, 20) if kind == "h" else ("Helvetica", 11, 16)
        lines = wrap(text, font, size, right - left)
        if kind == "h":
            y -= 8
        need = lead * (3 if kind == "h" else 1)
        for i, line in enumerate(lines):
            if y - need < bottom:
                c.showPage()
                page += 1
                furniture()
                y = top
            c.setFont(font, size)
            c.drawString(left, y, line)
            y -= lead
            need = lead
        y -= 6
    c.showPage()
    c.save()
    return page


def make_paper(path: Path) -> None:
    c = Canvas(str(path), pagesize=letter, invariant=1)
    c.setTitle(T.PAPER_TITLE)
    c.setAuthor("M. Okafor; L. Brandt")
    w, h = letter
    margin, gap = 22 * mm, 8 * mm
    col_w = (w - 2 * margin - gap) / 2
    xs = (margin, margin + col_w + gap)
    body, bsize, blead = "Times-Roman", 11, 14
    # Title block (page 1, full width)
    y = h - 25 * mm
    c.setFont("Times-Bold", 18)
    c.drawCentredString(w / 2, y, T.PAPER_TITLE)
    y -= 8 * mm
    c.setFont("Times-Italic", 11)
    c.drawCentredString(w / 2, y, T.PAPER_AUTHORS)
    y -= 10 * mm
    c.setFont("Times-Bold", 10)
    c.drawString(margin + 10 * mm, y, "Abstract")
    y -= 13
    for line in wrap(T.PAPER_ABSTRACT, "Times-Italic", 9.5, w - 2 * margin - 20 * mm):
        c.setFont("Times-Italic", 9.5)
        c.drawString(margin + 10 * mm, y, line)
        y -= 12
    first_top = y - 8 * mm
    # Lay out every line into (page, column, y) slots first, then draw row by row across columns.
    slots: list[tuple[int, int, float, str, str, float]] = []
    page, col, cy = 1, 0, first_top
    floor = 22 * mm
    for kind, text in T.PAPER:
        font, size, lead = ("Helvetica-Bold", 11, 15) if kind == "h" else (body, bsize, blead)
        if kind == "h":
            cy -= 6
        for line in wrap(text, font, size, col_w):
            if cy - lead < floor:
                col += 1
                if col == 2:
                    page, col = page + 1, 0
                cy = first_top if page == 1 else h - 22 * mm
            slots.append((page, col, cy, font, line, size))
            cy -= lead
        cy -= 4
    for p in range(1, page + 1):
        here = [s for s in slots if s[0] == p]
        # row by row: sort by y descending, then column: a producer writing across the page
        for _p, col, yy, font, line, size in sorted(here, key=lambda s: (-round(s[2]), s[1])):
            c.setFont(font, size)
            c.drawString(xs[col], yy, line)
        c.setFont("Times-Roman", 8)
        if p > 1:
            c.drawString(margin, h - 12 * mm, T.PAPER_HEADER)
            c.drawRightString(w - margin, h - 12 * mm, "M. Okafor, L. Brandt")
        c.setFont("Times-Roman", 9)
        c.drawCentredString(w / 2, 12 * mm, str(40 + p))
        c.showPage()
        if p == 1:
            # page 1 title block was drawn before the first showPage
            pass
    c.save()


def make_slides(path: Path, tmp: Path) -> None:
    from pptx import Presentation
    from pptx.util import Emu, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    prs.core_properties.title = T.SLIDES_TITLE
    for n, (title, lines) in enumerate(T.SLIDES, 1):
        slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank
        tb = slide.shapes.add_textbox(Emu(600000), Emu(400000), Emu(11000000), Emu(1000000))
        tb.text_frame.text = title if n > 1 else T.SLIDES_TITLE
        tb.text_frame.paragraphs[0].runs[0].font.size = Pt(36 if n > 1 else 40)
        tb.text_frame.paragraphs[0].runs[0].font.bold = True
        body = slide.shapes.add_textbox(Emu(600000), Emu(1700000), Emu(11000000), Emu(4000000))
        tf = body.text_frame
        tf.word_wrap = True
        for i, line in enumerate(lines):
            para = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            para.text = ("• " + line) if n > 1 else line
            para.runs[0].font.size = Pt(22)
            para.space_after = Pt(10)
        foot = slide.shapes.add_textbox(Emu(600000), Emu(6300000), Emu(8000000), Emu(400000))
        foot.text_frame.text = T.SLIDES_FOOTER
        foot.text_frame.paragraphs[0].runs[0].font.size = Pt(11)
        num = slide.shapes.add_textbox(Emu(11000000), Emu(6300000), Emu(700000), Emu(400000))
        num.text_frame.text = str(n)
        num.text_frame.paragraphs[0].runs[0].font.size = Pt(11)
    pptx = tmp / "slides_northwind_q3.pptx"
    prs.save(pptx)
    _soffice(pptx, "pdf", tmp)
    shutil.copy(tmp / "slides_northwind_q3.pdf", path)


def _soffice(src: Path, fmt: str, outdir: Path) -> None:
    profile = tempfile.mkdtemp(prefix="lo-corpus-")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                    "--outdir", str(outdir), str(src)], check=True, capture_output=True, timeout=180)
    shutil.rmtree(profile, ignore_errors=True)


def _hyperlink(paragraph, url: str, text: str) -> None:
    """python-docx has no API for hyperlinks: add a w:hyperlink with a relationship."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    run.append(props)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def make_memo(path: Path) -> None:
    import datetime as dt

    from docx import Document

    d = Document()
    cp = d.core_properties
    cp.title, cp.author = T.MEMO_TITLE, "Priya Nair"
    cp.created = cp.modified = dt.datetime(2026, 11, 27, 9, 0, 0)
    d.add_paragraph(T.MEMO_TITLE, style="Title")
    d.add_paragraph("Downstream team · 27 November 2026", style="Subtitle")
    d.add_heading("Summary", level=1)
    d.add_paragraph("European refining margins fell to $6.10 a barrel this week, the lowest since February, "
                    "as diesel cracks dropped by a third from their October peak.")
    for item in ("Diesel crack down to $19.40 a barrel from $29.10 in mid-October",
                 "Gasoline cracks steady at about $11 a barrel",
                 "Three refineries in the Mediterranean cut runs by a combined 160,000 barrels per day"):
        d.add_paragraph(item, style="List Bullet")
    d.add_heading("Margins by region", level=1)
    table = d.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Region", "Margin, October ($/bbl)", "Margin, this week ($/bbl)")):
        cell.text = text
    for row in (("Northwest Europe", "9.80", "6.10"), ("Mediterranean", "8.90", "5.20"), ("Singapore", "7.40", "5.90")):
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    d.add_paragraph("The fall was sharpest in the Mediterranean, where new capacity in the Middle East now "
                    "competes directly for export markets.")
    d.add_paragraph("Without a cold spell, the diesel market has more supply than it can absorb this winter.",
                    style="Quote")
    d.add_heading("What to watch", level=2)
    for item in ("Run cuts announced before the December maintenance season",
                 "Diesel stocks in the ARA hub, now 12% above their five-year average",
                 "Russian product exports, which rose 4% in November"):
        d.add_paragraph(item, style="List Number")
    p = d.add_paragraph("Price data are from ")
    _hyperlink(p, "https://www.refiningdata.example/margins/weekly", "the weekly margin survey")
    p.add_run(", and stock levels from ")
    _hyperlink(p, "https://www.ara-stocks.example/2026/week-48", "the ARA stocks report")
    p.add_run(".")
    d.save(path)


NOTE_HTML = """<html><head><meta charset="utf-8"><title>Lithium supply: what changed this quarter</title></head><body>
<h1>Lithium supply: what changed this quarter</h1>
<p>Prepared for the battery materials team by Daniel Osei, 28 November 2026.</p>
<h2>Prices</h2>
<p>Lithium carbonate prices in China averaged 78,500 yuan a tonne in November, down 14% from August and
about a tenth of their 2022 peak. Spodumene concentrate traded at $820 a tonne.</p>
<p>At these prices, roughly 30% of the world's hard-rock supply is losing money, according to our cost curve.</p>
<h2>Supply changes</h2>
<ul>
<li>Two Australian mines with 190,000 tonnes of annual concentrate capacity were put on care and maintenance.</li>
<li>A Chilean brine producer delayed its expansion by a year, to 2028.</li>
<li>Output from African mines rose 40% year on year, led by Zimbabwe.</li>
</ul>
<blockquote>Supply cuts so far remove about 6% of next year's expected output, not enough to balance the market.</blockquote>
<h2>Demand</h2>
<p>Battery demand for lithium grew 24% in the first ten months of the year. Sales of electric cars in Europe
rose 19%, while stationary storage was the fastest-growing use, up 52%.</p>
<table border="1">
<tr><th>Use</th><th>Share of demand, 2026</th></tr>
<tr><td>Electric vehicles</td><td>71%</td></tr>
<tr><td>Stationary storage</td><td>16%</td></tr>
<tr><td>Other</td><td>13%</td></tr>
</table>
<h2>Further reading</h2>
<ol>
<li><a href="https://www.battery-materials.example/lithium-cost-curve-2026">Lithium cost curve 2026</a></li>
<li><a href="https://www.ev-sales.example/europe/2026-10">European EV sales, October</a></li>
</ol>
</body></html>
"""


def make_note(path: Path, tmp: Path) -> None:
    src = tmp / "note_lithium_supply.html"
    src.write_text(NOTE_HTML, encoding="utf-8")
    _soffice(src, "docx:MS Word 2007 XML", tmp)
    shutil.copy(tmp / "note_lithium_supply.docx", path)


def main() -> None:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1795000000")
    with tempfile.TemporaryDirectory() as td:
        tmp = Path(td)
        import io

        make_report(OUT / "report_grid_outlook.pdf", make_report(io.BytesIO()))
        make_paper(OUT / "paper_battery_storage.pdf")
        make_slides(OUT / "slides_northwind_q3.pdf", tmp)
        make_memo(OUT / "memo_refinery_margins.docx")
        make_note(OUT / "note_lithium_supply.docx", tmp)
    for p in sorted(OUT.iterdir()):
        if p.is_file():
            print(f"{p.stat().st_size:>8}  {p.name}")


if __name__ == "__main__":
    main()
