"""Tables in text PDFs (reportkit.readers.pdftables) and table captions (HTML, Word, PDF): a PDF's
table is read into the same "Header: cell; ..." rows as an HTML or Word table, its caption goes
with it, the caption's period and bracketed unit fill what the headers leave open, a chart of
one column is titled with a caption that names that column, and of two candidate charts of
equal weight the prose's comes before a table's."""

from __future__ import annotations

import io

from reportkit.charts.auto import _title, candidates
from reportkit.facts import extract_facts
from reportkit.model import Block, Document, Section
from reportkit.readers.pdf import parse_pdf
from reportkit.readers.structure import build_document

_PROSE = ("Borovina cut more spruce than ever in the quarter, the company said on Thursday, and it "
          "expects prices to stay high.")


def _pdf(draw) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842))
    c.setFont("Helvetica-Bold", 18)
    c.drawString(60, 780, "Sawmill review")
    c.setFont("Helvetica", 11)
    c.drawString(60, 740, _PROSE[:90])
    c.drawString(60, 726, _PROSE[90:])
    draw(c)
    c.save()
    return buf.getvalue()


def _table(c, caption: str | None = "Deliveries by product, fourth quarter of 2026", glued: bool = False) -> None:
    y = 680
    if caption:
        c.drawString(60, y, caption)
    y -= 20
    c.drawString(60, y, "Product")
    if glued:  # two headers drawn with no space between them: "Sales (£m)Change on year (%)"
        c.drawRightString(380, y, "Deliveries (thousands)")
        c.drawString(380, y, "Change (%)")
        rights = (380, 380 + c.stringWidth("Change (%)", "Helvetica", 11))
    else:
        c.drawRightString(330, y, "Deliveries (thousands)")
        c.drawRightString(450, y, "Change (%)")
        rights = (330, 450)
    for label, a, b in (("Spruce sawn timber", "241", "7.6"), ("Pine sawn timber", "52", "4.0"),
                        ("Glued laminated timber", "25", "(1.2)")):
        y -= 18
        c.drawString(60, y, label)
        c.drawRightString(rights[0], y, a)
        c.drawRightString(rights[1], y, b)
    c.drawString(60, y - 30, "Source: company figures.")


def _blocks(data: bytes):
    return parse_pdf(data, "p.pdf").blocks


def test_a_pdf_table_is_read_into_header_cell_rows_with_its_caption() -> None:
    blocks = _blocks(_pdf(_table))
    tables = [b for b in blocks if b.table]
    assert len(tables) == 1
    assert tables[0].items == [
        "Product: Spruce sawn timber; Deliveries (thousands): 241; Change (%): 7.6",
        "Product: Pine sawn timber; Deliveries (thousands): 52; Change (%): 4.0",
        "Product: Glued laminated timber; Deliveries (thousands): 25; Change (%): (1.2)",
    ]
    assert tables[0].caption == "Deliveries by product, fourth quarter of 2026"
    texts = [b.text for b in blocks if not b.table]
    assert not any(t in ("241", "52", "7.6") for t in texts)  # no number is a paragraph of its own
    assert "Source: company figures." in texts  # the line under the table is still read


def test_headers_drawn_without_a_space_are_shared_out_by_where_their_numbers_end() -> None:
    tables = [b for b in _blocks(_pdf(lambda c: _table(c, glued=True))) if b.table]
    assert tables and tables[0].items[0] == "Product: Spruce sawn timber; Deliveries (thousands): 241; Change (%): 7.6"


def test_a_pdf_tables_cells_become_facts_with_the_captions_period() -> None:
    doc = build_document(parse_pdf(_pdf(_table), "p.pdf"))
    facts = extract_facts(doc.body_text(), "p.pdf", date="2027-02-12")
    f = next(f for f in facts if f.text == "241")
    assert (f.value, f.unit, f.measure, f.subject, f.period, f.year) == (
        241000, "count", "Deliveries", "Spruce sawn timber", "2026-Q4", None)
    assert f.page == 1 or f.page is None


def test_two_columns_of_prose_and_a_line_ending_on_a_number_are_no_table() -> None:
    def columns(c) -> None:
        for k, (left, right) in enumerate([("The mill ran two shifts in", "prices rose in the quarter as"),
                                           ("the quarter and cut 241", "buyers paid 7.6"),
                                           ("logs a day on average 52", "and more 4.0")]):
            c.drawString(60, 680 - 14 * k, left)
            c.drawString(320, 680 - 14 * k, right)
        c.drawString(60, 600, "Deliveries in the year")
        c.drawRightString(400, 600, "318")

    assert not any(b.table for b in _blocks(_pdf(columns)))


def test_a_table_without_a_header_line_is_no_table() -> None:
    def bare(c) -> None:
        for k, (label, a) in enumerate((("Spruce", "241"), ("Pine", "52"), ("Glued", "25"))):
            c.drawString(60, 600 - 18 * k, label)
            c.drawRightString(330, 600 - 18 * k, a)

    assert not any(b.table for b in _blocks(_pdf(bare)))


def test_an_html_caption_is_the_tables_caption() -> None:
    from reportkit.readers.html import parse_html

    page = ("<html><head><title>Pools</title></head><body><article><h1>Pools</h1>"
            "<p>The city's pools had their busiest year, the council said on Monday, with more swims "
            "than ever before and a new record at the lido.</p>"
            "<table><caption>Swims by pool, 2026</caption><tr><th>Pool</th><th>Swims (thousands)</th></tr>"
            "<tr><td>Riverside</td><td>912</td></tr><tr><td>Lido</td><td>644</td></tr>"
            "<tr><td>Northgate</td><td>301</td></tr></table></article></body></html>")
    raw = parse_html(page.encode(), "p.html")
    table = next(b for b in raw.blocks if b.table)
    assert table.caption == "Swims by pool, 2026"
    assert table.items[0] == "Pool: Riverside; Swims (thousands): 912"


def test_a_word_caption_line_above_a_table_is_its_caption(tmp_path) -> None:
    import docx

    from reportkit.readers.docx import parse_docx

    d = docx.Document()
    d.add_paragraph("The council said its pools had their busiest year.")
    d.add_paragraph("Table 2: Swims by pool, 2026")
    t = d.add_table(rows=3, cols=2)
    for r, row in enumerate((("Pool", "Swims (thousands)"), ("Riverside", "912"), ("Lido", "644"))):
        for k, text in enumerate(row):
            t.cell(r, k).text = text
    path = tmp_path / "p.docx"
    d.save(path)
    raw = parse_docx(path.read_bytes(), "p.docx")
    table = next(b for b in raw.blocks if b.table)
    assert table.caption == "Table 2: Swims by pool, 2026"
    assert not any(b.text == "Table 2: Swims by pool, 2026" for b in raw.blocks if not b.table)


def _doc(caption: str | None, rows: str, prose: str = "The council said its pools had their busiest year.") -> Document:
    doc = Document(source="a.html", title="Pools", date="2027-02-10", sections=[Section(None, [
        Block("paragraph", prose), Block("list", items=rows.split("\n"), caption=caption)])])
    doc.facts = extract_facts(doc.body_text(), "a.html", date="2027-02-10")
    return doc


_SWIMS = ("Pool: Riverside; Swims (thousands): 912; Cost per swim (£): 1.52\n"
          "Pool: Lido; Swims (thousands): 644; Cost per swim (£): 2.10\n"
          "Pool: Northgate; Swims (thousands): 301; Cost per swim (£): 4.80")


def test_the_captions_period_is_the_cells_when_no_header_names_one() -> None:
    f = next(f for f in _doc("Swims by pool, 2026", _SWIMS).facts if f.text == "912")
    assert (f.period, f.year) == ("2026", None)  # the period, but no year its row writes
    g = next(f for f in _doc("Sales by game, third quarter of fiscal 2027", _SWIMS).facts if f.text == "912")
    assert (g.period, g.year) == ("FY2027-Q3", None)  # a fiscal quarter is no calendar year's
    # a date inside the caption's words is when something starts, not the cells' period
    h = next(f for f in _doc("Average bill from April 2027, by pool", _SWIMS).facts if f.text == "912")
    assert h.period is None
    # the header's own period comes first
    k = next(f for f in _doc("Swims by pool, 2026", "Pool: Lido; Swims 2025 (thousands): 600\n"
                             "Pool: Riverside; Swims 2025 (thousands): 800").facts if f.text == "600")
    assert k.period == "2025"


def test_the_captions_bracketed_unit_is_a_unitless_headers() -> None:
    rows = "Club: Kestrel Bay; Revenue: 158.0; Wages: 96.5\nClub: Orrin Park; Revenue: 72.6; Wages: 51.8"
    f = next(f for f in _doc("Selected clubs, fiscal 2026 (€m)", rows).facts if f.text == "158.0")
    assert (f.value, f.unit, f.measure, f.subject, f.period) == (158e6, "EUR", "Revenue", "Kestrel Bay", "FY2026")
    assert not [f for f in _doc(None, rows).facts if f.text == "158.0"]  # without it, no unit: no fact


def test_a_caption_naming_the_charted_measure_titles_its_chart() -> None:
    found = [c for c in candidates([_doc("Table 2: Swims by pool, 2026", _SWIMS)]) if c.kind == "comparison"]
    swims = next(c for c in found if c.measure == "Swims")
    assert _title(swims) == "Swims by pool, 2026"
    cost = next(c for c in found if c.measure == "Cost per swim")
    # the caption names another measure: not its title, though its "by pool" says what the rows are
    assert _title(cost) == "Cost per swim by pool, 2026"
    both = [c for c in candidates([_doc("Swims and costs by pool, 2026", _SWIMS)]) if c.measure == "Swims"]
    assert _title(both[0]) == "Swims, 2026"  # a caption of two measures is the table's, not one column's


def test_of_two_candidates_of_equal_weight_the_proses_series_comes_first() -> None:
    rows = "\n".join(f"Depot: {d}; Parcels (millions): {v}" for d, v in
                     (("Arden", 88), ("Bexley", 86), ("Corran", 107), ("Dunmore", 131), ("Elston", 64), ("Fenwick", 59)))
    table = _doc(None, rows, prose="The carrier's staff grew in the year.")
    table.source = "a_table.docx"
    for f in table.facts:
        f.source = table.source
    prose = Document(source="b_prose.md", title="Hotels", date="2027-01-28", sections=[Section(None, [
        Block("paragraph", "The city's hotels had a quiet year."),
        Block("paragraph", "Occupancy by district in 2026: North 71.5%, South 74.8% and East 69.2%.")])])
    prose.facts = extract_facts(prose.body_text(), prose.source, date="2027-01-28")
    found = candidates([table, prose])  # the table's article comes first in the week
    top = [c for c in found if c.score == found[0].score]
    assert len(top) == 2, [(c.measure, c.score) for c in found]
    assert top[0].doc is prose and top[1].doc is table


def test_a_two_point_prose_series_comes_after_a_table_of_four_rows() -> None:
    """Session 15: two bars say what their sentence says; four rows show what prose cannot (this
    test asserted the opposite before: the prose's two points first, on equal weight)."""
    table = _doc(None, "Quarter: Q1; Parcels (millions): 88\nQuarter: Q2; Parcels (millions): 86\n"
                 "Quarter: Q3; Parcels (millions): 107\nQuarter: Q4; Parcels (millions): 131",
                 prose="The carrier's staff grew in the year.")
    table.source = "a_table.docx"
    for f in table.facts:
        f.source = table.source
    prose = Document(source="b_prose.md", title="Hotels", date="2027-01-28", sections=[Section(None, [
        Block("paragraph", "The city's hotels had a quiet year."),
        Block("paragraph", "For 2026 as a whole occupancy averaged 74.8%, against 76.0% in 2025.")])])
    prose.facts = extract_facts(prose.body_text(), prose.source, date="2027-01-28")
    found = candidates([table, prose])
    assert [c.doc for c in found[:2]] == [table, prose], [(c.measure, c.score) for c in found]


def test_a_currency_code_before_a_scale_in_a_header() -> None:
    from reportkit.facts.cells import header_unit

    assert header_unit("Toll revenue (PLN m)")[:4] == ("PLN", None, 1e6, "Toll revenue")
    assert header_unit("Revenue (USD m)")[:3] == ("USD", None, 1e6)


def test_a_caption_of_one_measure_titles_the_only_column_with_a_measure() -> None:
    rows = ("Market: EU; Value (€m): 512; Change (%): 9.7\nMarket: Asia; Value (€m): 298; Change (%): 4.0\n"
            "Market: Other; Value (€m): 105; Change (%): 12.9")
    found = [c for c in candidates([_doc("Exports by market, 2026", rows)]) if c.measure == "Value"]
    assert _title(found[0]) == "Exports by market, 2026"  # "Change (%)" names no measure: the caption is Value's
    clubs = ("Club: Kestrel Bay; Revenue: 158.0; Wages: 96.5\nClub: Harrowgate; Revenue: 131.4; Wages: 97.2\n"
             "Club: Orrin Park; Revenue: 72.6; Wages: 51.8")
    found = [c for c in candidates([_doc("Selected clubs, 2026 (€m)", clubs)]) if c.measure == "Revenue"]
    assert _title(found[0]) == "Revenue, 2026"  # two columns with measures: the caption is neither's


def test_a_cell_lends_no_column_header_to_the_same_amount_in_the_prose() -> None:
    doc = _doc("Exports by market, 2026", "Market: EU; Value (€m): 512\nMarket: Total; Value (€m): 1,270",
               prose="Wine exports from Corvana rose 3.8% by value to €1.27bn in 2026.")
    prose = next(f for f in doc.facts if f.text == "€1.27bn")
    assert (prose.measure, prose.subject) != ("Value", "Total")


def test_equal_highest_or_lowest_bars_are_named_together() -> None:
    from reportkit.charts.auto import to_chart

    rows = ("Class: Equities; Assets (€bn): 90.1\nClass: Bonds; Assets (€bn): 64.4\n"
            "Class: Credit; Assets (€bn): 19.3\nClass: Property; Assets (€bn): 19.3")
    c = next(c for c in candidates([_doc(None, rows)]) if c.measure == "Assets")
    chart = to_chart(c, "auto_1")
    assert "lowest in Credit and Property" in chart.caption  # ("Other" is never ranked: residual.py)
    assert chart.alt_text.endswith("highest Equities, lowest Credit and Property.")


def test_a_last_row_near_the_sum_of_decimals_is_no_total() -> None:
    from reportkit.facts import total_cells

    doc = _doc(None, "Market: EU; Value (€m): 512; Change (%): 9.7\n"
                     "Market: Asia; Value (€m): 298; Change (%): 4.0\nMarket: Other; Value (€m): 105; Change (%): 12.9")
    assert not total_cells(doc.facts)  # 9.7 + 4.0 = 13.7, not 12.9: cells are rounded to 0.05, not to 0.5
    summed = _doc(None, "Product: Spruce; Deliveries (thousands): 241\nProduct: Pine; Deliveries (thousands): 52\n"
                        "Product: Glued; Deliveries (thousands): 25\nProduct: Total; Deliveries (thousands): 318")
    assert len(total_cells(summed.facts)) == 1


def test_a_caption_titles_numbers_trace_to_the_chart() -> None:
    from reportkit.charts.auto import to_chart
    from reportkit.charts.text import unsupported_numbers

    c = next(c for c in candidates([_doc("Swims by pool from April 2027, 2026", _SWIMS)]) if c.measure == "Swims")
    chart = to_chart(c, "auto_1")
    assert chart.title == "Swims by pool from April 2027, 2026"
    assert unsupported_numbers(chart.title, chart) == []  # build --verify: the caption is the rows' source text


def test_verify_reads_a_rows_caption_as_part_of_its_sentence() -> None:
    from reportkit.story import Sentence
    from reportkit.story.wording import label_why

    doc = _doc("Skier days by area, 2026-27 holiday weeks",
               "Area: Rotkamm; Skier days (thousands): 612\nArea: Sennalp; Skier days (thousands): 488")
    row = doc.sections[0].blocks[1].items[0]
    f = next(f for f in doc.facts if f.text == "612")
    s = Sentence(row, "", doc, at=row.find("612"))
    assert label_why("Skier days by area, 2026-27 holiday weeks", f, s, set(), "a.html") is None
    assert label_why("Skier days, 2026", f, s, set(), "a.html") is None  # the caption's year is the row's
    assert label_why("Skier days, 2025", f, s, set(), "a.html") is not None  # a year neither writes is not
    assert label_why("Skier days by area, holiday weeks in 2026", f, s, set(), "a.html") is not None
