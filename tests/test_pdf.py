"""The PDF brief, read back with pypdf and rendered with pypdfium2.

Most tests render a hand-built report (tests/pdf_fixtures.py: both seed articles,
the Tsivilev quote, 5 references, key figures, a plotly-like SVG and a PNG chart);
the slow end-to-end test runs ``reportkit build --format pdf`` on seeds/.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from datetime import UTC
from pathlib import Path

import pytest
from pdf_fixtures import REFERENCE_URLS, SEED_A, TSIVILEV, document_a, document_b, make_charts, make_report
from pypdf import PdfReader

from reportkit.atomic import TMP_PREFIX
from reportkit.errors import RenderError
from reportkit.layouts.load import load_layout
from reportkit.model import Block, Document, Reference, Report, Section, Takeaway
from reportkit.render.pdf import story as pdf_story
from reportkit.render.pdf.render import render_pdf
from reportkit.week import build_time

ROOT = Path(__file__).resolve().parent.parent
PRIMARY = (0x0B, 0x3C, 0x5D)


def with_pdf(layout, **changes):
    """The layout with some ``pdf:`` settings changed."""
    return layout.model_copy(update={"pdf": layout.pdf.model_copy(update=changes)})


#: the brief with every source word for word (the parts before the shipped brief became one of stories)
FULL_TEXT_PARTS = ["cover", "takeaways", "key_figures", "charts", "sections", "sources"]


@pytest.fixture(scope="module")
def shipped():
    return load_layout(ROOT / "layouts" / "weekly-brief.yaml")


@pytest.fixture(scope="module")
def layout(shipped):
    """Most tests here exercise the full text: the shipped layout with its sections."""
    return with_pdf(shipped, parts=FULL_TEXT_PARTS)


def render(tmp_path: Path, layout, report: Report | None = None, charts=None, name: str = "brief.pdf") -> Path:
    out = tmp_path / name
    charts = make_charts(tmp_path / "charts") if charts is None else charts
    render_pdf(report or make_report(), layout, charts, out)
    return out


@pytest.fixture(scope="module")
def brief(tmp_path_factory, layout) -> Path:
    with pytest.MonkeyPatch.context() as mp:  # module scope runs outside the autouse clock
        mp.setenv("SOURCE_DATE_EPOCH", "1795046400")
        return render(tmp_path_factory.mktemp("brief"), layout)


def flat(text: str) -> str:
    return " ".join(text.split())


def all_text(path: Path) -> str:
    return flat(" ".join(p.extract_text() for p in PdfReader(path).pages))


def outline(path: Path) -> list[tuple[int, str]]:
    reader = PdfReader(path)
    out: list[tuple[int, str]] = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, item.title))

    walk(reader.outline, 0)
    return out


def fonts(path: Path) -> dict[str, bool]:
    """BaseFont -> embedded?, over every page and nested form XObject."""
    found: dict[str, bool] = {}

    def walk(resources):
        if not resources:
            return
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            desc_font = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            desc = desc_font.get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            found[str(font["/BaseFont"])] = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        for xobj in (resources.get("/XObject") or {}).values():
            walk(xobj.get_object().get("/Resources"))

    for page in PdfReader(path).pages:
        walk(page.get("/Resources"))
    return found


def link_uris(path: Path) -> list[str]:
    uris = []
    for page in PdfReader(path).pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            action = annot.get("/A")
            if annot.get("/Subtype") == "/Link" and action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
    return uris


def expected_outline(report: Report, charts: list[str]) -> list[tuple[int, str]]:
    out = [(0, report.title), (0, "Key takeaways"), (0, "Key figures"), (0, "Charts")]
    out += [(1, t) for t in charts]
    for doc in report.documents:
        out.append((0, doc.title))
        out += [(1, s.heading) for s in doc.sections if s.heading]
    out += [(0, "Sources"), (1, "References"), (1, "Source documents")]
    return out


# -- the standard brief --------------------------------------------------------


def test_pages_outline_and_text(brief: Path) -> None:
    reader = PdfReader(brief)
    n = len(reader.pages)
    assert 4 <= n <= 8
    report = make_report()
    assert outline(brief) == expected_outline(report, ["Russian FDI in Mexico", "Mexico's natural gas supply"])
    text = all_text(brief)
    for needle in [report.title, "Week 47 · 16–22 November 2026", report.standfirst, "Key takeaways",
                   "$86.4M", "72%", "1.8M b/d", "135 years", "FDI from Russia in Mexico, 2024",
                   f"“{TSIVILEV}”", "— Sergei Tsivilev", "Mexico City, 25 July", "Outlook",
                   "Mexico’s Heavy Reliance on U.S. Gas", "Reopen shut wells", "Chart description: Bar chart",
                   "Russian investment in Mexico grew sharply after the pandemic.", "Source: [S1]"]:
        assert flat(needle) in text, needle
    for i in range(2, n + 1):
        assert f"Page {i} of {n}" in flat(reader.pages[i - 1].extract_text())
    assert "Page 1 of" not in flat(reader.pages[0].extract_text())  # the cover has no page number


def test_chart_missing_from_dict_is_left_out(brief: Path) -> None:
    text = all_text(brief)
    assert "A chart that was not rendered" not in text
    assert "FIGURE 2" in text and "FIGURE 3" not in text


def test_every_font_embedded_no_base14(brief: Path) -> None:
    found = fonts(brief)
    assert found and all(found.values()), found
    assert not any("Helvetica" in name or "Times" in name or "Courier" in name for name in found)
    if shutil.which("pdffonts"):
        out = subprocess.run(["pdffonts", str(brief)], capture_output=True, text=True, check=True).stdout
        header, _, *rows = out.splitlines()
        col = header.index(" emb ") + 1
        assert rows and all(row[col:col + 3] == "yes" for row in rows), out


def test_metadata(brief: Path, layout) -> None:
    reader = PdfReader(brief)
    meta = reader.metadata
    report = make_report()
    assert meta.title == report.title
    assert meta.author == layout.brand.author == "Meridian Energy Desk"
    assert meta.subject == layout.content.subject
    assert meta["/Keywords"] == ", ".join(layout.content.keywords)
    assert meta.creation_date.astimezone(UTC) == build_time(report.week)
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    assert [float(v) for v in reader.pages[0].mediabox] == pytest.approx([0, 0, 595.276, 841.89], abs=0.01)


def test_links_are_exactly_the_references(brief: Path) -> None:
    assert set(link_uris(brief)) == set(REFERENCE_URLS)


def _pixels(path: Path, page: int):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return pdf[page].render(scale=1).to_pil().convert("RGB")
    finally:
        pdf.close()


def _share_of(img, box, rgb, tol=6) -> float:
    data = img.crop(box).tobytes()
    pixels = [data[i:i + 3] for i in range(0, len(data), 3)]
    hits = sum(1 for px in pixels if all(abs(a - b) <= tol for a, b in zip(px, rgb, strict=True)))
    return hits / len(pixels)


def test_brand_colour_in_cover_band_and_header(brief: Path) -> None:
    cover = _pixels(brief, 0)
    w, h = cover.size
    assert _share_of(cover, (0, int(h * 0.12), w, int(h * 0.28)), PRIMARY) > 0.6  # the cover band
    assert _share_of(cover, (0, int(h * 0.6), w, int(h * 0.95)), PRIMARY) < 0.6  # not everywhere
    body = _pixels(brief, 1)
    assert _share_of(body, (0, 0, body.size[0], 5), PRIMARY) > 0.9  # the bar on top of body pages


def test_two_renders_identical_bytes(tmp_path: Path, layout, monkeypatch) -> None:
    a = render(tmp_path, layout, name="a.pdf")
    b = render(tmp_path, layout, name="b.pdf")
    assert a.read_bytes() == b.read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795132800")  # a day later: only the dates differ
    c = render(tmp_path, layout, name="c.pdf")
    assert c.read_bytes() != a.read_bytes()
    assert len(c.read_bytes()) == len(a.read_bytes())


def test_identical_bytes_in_a_fresh_process(tmp_path: Path, brief: Path) -> None:
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from pathlib import Path; from pdf_fixtures import make_report, make_charts;"
        "from reportkit.layouts import load_layout; from reportkit.render.pdf import render_pdf;"
        "lay = load_layout(Path(sys.argv[2]));"
        f"lay = lay.model_copy(update={{'pdf': lay.pdf.model_copy(update={{'parts': {FULL_TEXT_PARTS!r}}})}});"
        "render_pdf(make_report(), lay, make_charts(Path(sys.argv[3]) / 'charts'), Path(sys.argv[3]) / 'x.pdf')"
    )
    env = dict(os.environ, SOURCE_DATE_EPOCH="1795046400")
    subprocess.run([sys.executable, "-c", script, str(ROOT / "tests"), str(ROOT / "layouts" / "weekly-brief.yaml"),
                    str(tmp_path)], check=True, env=env, cwd=ROOT)
    assert (tmp_path / "x.pdf").read_bytes() == brief.read_bytes()


# -- charts --------------------------------------------------------------------


def _image_placements(path: Path) -> list[tuple[float, float, int, int]]:
    """(drawn width, drawn height, pixel width, pixel height) of every image drawn."""
    out = []
    for page in PdfReader(path).pages:
        xobjects = page["/Resources"].get("/XObject") or {}
        data = page.get_contents().get_data().decode("latin-1")
        for w, h, name in re.findall(r"([\d.]+) 0 0 ([\d.]+) [-\d.]+ [-\d.]+ cm\s*/(\S+) Do", data):
            obj = xobjects[f"/{name}"].get_object()
            if obj.get("/Subtype") == "/Image":
                out.append((float(w), float(h), int(obj["/Width"]), int(obj["/Height"])))
    return out


def test_svg_charts_are_vector_with_brand_fonts(brief: Path) -> None:
    assert not any(px == 1600 for *_, px, _ in _image_placements(brief))  # no chart bitmap
    assert "USD million" in all_text(brief)  # SVG text is real text...
    assert all(fonts(brief).values())  # ...in an embedded font, although the SVG asked for Arial/Helvetica


def test_png_charts_keep_aspect_ratio(tmp_path: Path, layout) -> None:
    out = render(tmp_path, with_pdf(layout, chart_format="png"))
    charts = [p for p in _image_placements(out) if p[2] == 1600]
    assert len(charts) == 2
    for w, h, pw, ph in charts:
        assert w / h == pytest.approx(pw / ph, rel=0.01)
    assert "USD million" not in all_text(out)


def test_broken_svg_falls_back_to_png_and_missing_files_are_left_out(tmp_path: Path, layout) -> None:
    charts = make_charts(tmp_path / "charts")
    Path(charts["fdi_growth"].svg).write_text("<svg><this is not xml", encoding="utf-8")
    Path(charts["gas_import_share"].svg).unlink()
    Path(charts["gas_import_share"].png).unlink()
    out = render(tmp_path, layout, charts=charts)
    assert len([p for p in _image_placements(out) if p[2] == 1600]) == 1  # fdi_growth as PNG
    text = all_text(out)
    assert "FIGURE 1" in text and "FIGURE 2" not in text
    assert [t for lvl, t in outline(out) if lvl == 1][:1] == ["Russian FDI in Mexico"]


def test_svg_fragments_laid_out_left_to_right(tmp_path: Path, layout) -> None:
    from reportlab.graphics.shapes import String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from reportkit.render.pdf.fonts import FontSet
    from reportkit.render.pdf.svg import load_svg

    charts = make_charts(tmp_path)
    fontset = FontSet(layout.font_paths)
    drawing = load_svg(Path(charts["fdi_growth"].svg), fontset)
    strings, stack = [], [drawing]
    while stack:
        node = stack.pop()
        strings += [c for c in getattr(node, "contents", []) if isinstance(c, String)]
        stack += [c for c in getattr(node, "contents", []) if not isinstance(c, String)]
    assert {s.fontName for s in strings} <= fontset.names
    bold = next(s for s in strings if s.text == "31×")
    rest = next(s for s in strings if s.text == " since 2022")
    assert bold.fontName == fontset.bold and rest.fontName == fontset.regular
    width = stringWidth(bold.text, bold.fontName, bold.fontSize)
    assert rest.x == pytest.approx(bold.x + width)
    total = width + stringWidth(rest.text, rest.fontName, rest.fontSize)
    assert bold.x + total / 2 == pytest.approx(300)  # centred as a whole on the anchor


def test_svg_logo_and_letter_size(tmp_path: Path, layout) -> None:
    lay = with_pdf(layout, page_size="Letter", margins_mm=layout.pdf.margins_mm.model_copy(update={"left": 30}))
    lay = lay.model_copy(update={"logo_path": ROOT / "layouts" / "brand" / "logo.svg"})
    out = render(tmp_path, lay)
    reader = PdfReader(out)
    assert [float(v) for v in reader.pages[0].mediabox] == [0, 0, 612, 792]
    assert all(fonts(out).values())
    assert "MERIDIAN" in flat(reader.pages[1].extract_text())  # the vector logo's text, in the header
    xs: list[float] = []
    reader.pages[2].extract_text(visitor_text=lambda t, cm, tm, *_: xs.append(cm[4] + tm[4]) if t.strip() else None)
    assert min(xs) == pytest.approx(30 * 72 / 25.4, abs=1)  # text starts at the left margin


# -- hostile and awkward input -------------------------------------------------

NASTY = ("Tags <b>bold</b> & <a href=javascript:alert(1)>click</a> ]]> <![CDATA[x]]> &amp; &#0; "
         "\x00\x07\x1b\x7f\u202eevil\u202c <para> <font name=Nope>x</font> <br/> <img src=x/>")


def nasty_report() -> Report:
    long_word = "x" * 100_000
    doc = Document(
        source="seeds/<evil>&.txt",
        title="Heading with <b>markup</b> & ]]> \x01",
        dateline="<Mexico City>, 25 July",
        sections=[
            Section(heading="<script>alert(1)</script>", blocks=[
                Block(kind="paragraph", text=NASTY),
                Block(kind="paragraph", text=f"Before {long_word} after"),
                Block(kind="paragraph", text="RTL: עברית العربية · CJK: 中文字 · Hangul: 한국어 · emoji: 😀🧪 · "
                                             "hieroglyph: \U00013000 · Cyrillic: Жук"),
                Block(kind="quote", text="A quote with </para> and <<nested>>", speaker="<Speaker> & Co"),
                Block(kind="list", items=["<li>item</li>", "&lt;escaped&gt;"]),
            ]),
        ],
        references=[
            Reference("1", "javascript:alert(1)"),
            Reference("2", "https://ok.example/path?a=1&b=<2>"),
            Reference("3", "ftp://files.example/x"),
            Reference("<4>", "https://long.example/" + "y" * 100_000),
            Reference("5", "not a url at all <>"),
        ],
    )
    report = make_report([doc])
    report.takeaways = [Takeaway("Takeaway with <i>tags</i> & stuff", ["seeds/<evil>&.txt"])]
    report.title = "Brief <with> & markup"
    return report


def test_markup_and_long_words_build(tmp_path: Path, layout) -> None:
    t = time.perf_counter()
    out = render(tmp_path, layout, nasty_report())
    assert time.perf_counter() - t < 120  # a guard against a blow-up; bench/ measures speed
    text = all_text(out)
    for needle in ["Tags <b>bold</b> & <a href=javascript:alert(1)>click</a> ]]>", "<script>alert(1)</script>",
                   "Brief <with> & markup", "A quote with </para> and <<nested>>", "<Speaker> & Co",
                   "Takeaway with <i>tags</i> & stuff", "not a url at all <>", "javascript:alert(1)",
                   "Before xxxx", "more characters]", "Жук", "עברית"]:
        assert needle in text, needle
    assert "\x00" not in text and "\x07" not in text
    uris = link_uris(out)
    assert set(uris) == {"https://ok.example/path?a=1&b=<2>", "https://long.example/" + "y" * 100_000}
    assert all(fonts(out).values())


def test_scripts_without_glyphs_get_a_fallback_or_a_mark(tmp_path: Path, layout, caplog) -> None:
    out = render(tmp_path, layout, nasty_report())
    text = all_text(out)
    assert not [r for r in caplog.records if "hex" in r.getMessage()]  # every ToUnicode entry is valid
    assert "😀" not in text and "emoji: ·" in text  # a picture no font draws is left out, its space with it
    if Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf").is_file():
        assert "中文字" in text
    # Hangul and the hieroglyph: no installed font has them; a mark says text was left out, never a box
    assert "Hangul: […]" in text and "hieroglyph: […]" in text and "\u25a1" not in text
    assert "\U00013000" not in text


def test_long_sections_flow_without_orphaned_headings(tmp_path: Path, layout) -> None:
    para = ("Mexico currently imports approximately 72% of its natural gas, primarily from the United States, "
            "with the majority of it transported via pipeline networks. ") * 4
    headings = [f"Section heading number {i}" for i in range(12)]
    doc = Document(source="seeds/long.txt", title="A long analyst note",
                   sections=[Section(h, [Block("paragraph", para) for _ in range(2 + i % 4)])
                             for i, h in enumerate(headings)])
    out = render(tmp_path, layout, make_report([doc]))
    reader = PdfReader(out)
    assert len(reader.pages) >= 5
    assert [t for lvl, t in outline(out) if t.startswith("Section heading")] == headings
    for page in reader.pages[1:]:
        lines = [ln.strip() for ln in page.extract_text().splitlines() if ln.strip()]
        assert lines[-1] not in headings  # a heading never ends a page


PART_HEADINGS = {"Key takeaways", "Key figures", "Charts", "Quotes", "Sources", "References", "Source documents"}


def _page_ends(out: Path) -> list[str]:
    ends = []
    for page in PdfReader(out).pages:
        lines = [ln.strip() for ln in page.extract_text().splitlines() if ln.strip()]
        ends.append(lines[-1] if lines else "")
    return ends


def test_letter_three_columns_no_page_ends_with_a_part_heading(tmp_path: Path, layout) -> None:
    """Letter paper and 3 key-figure columns used to leave "Charts" alone at the foot
    of page 2 (the Spacer after it broke keepWithNext); every part heading now
    travels with the start of its first item. The takeaways grow line by line so
    that some run puts each heading near a page foot."""
    letter = with_pdf(layout, page_size="Letter", key_figure_columns=3)
    charts = make_charts(tmp_path / "charts")
    filler = "Pemex is reopening part of its 30,000 wells to reach 1.8 million barrels per day, the company said."
    for extra in range(10, 20, 2):  # extra 12-14 orphaned "Charts" before the fix
        report = make_report()
        report.takeaways.append(Takeaway(" ".join([filler] * (1 + extra)), [SEED_A]))
        out = render(tmp_path, letter, report, charts, name=f"brief{extra}.pdf")
        ends = _page_ends(out)
        assert not PART_HEADINGS & set(ends), (extra, ends)
    titles = [t for lvl, t in outline(out) if lvl == 0 and t in PART_HEADINGS]
    assert "Charts" in titles and "Key figures" in titles


def test_key_figure_rows_are_filled(tmp_path: Path, layout) -> None:
    from reportkit.render.pdf.flowables import key_figures_panel, panel_shape
    from reportkit.render.pdf.fonts import FontSet
    from reportkit.render.pdf.styles import Palette, Styles

    assert panel_shape(4, 3) == [2, 2] and panel_shape(5, 3) == [3, 2] and panel_shape(7, 3) == [3, 2, 2]
    assert panel_shape(3, 3) == [3] and panel_shape(1, 3) == [1] and panel_shape(4, 2) == [2, 2]
    assert panel_shape(6, 6) == [6] and panel_shape(0, 3) == []
    styles = Styles(FontSet(layout.font_paths), Palette.from_brand(layout.brand.colors))
    cells = [(f"{i}%", f"label {i}", "Source: [S1]") for i in range(4)]
    rows = key_figures_panel(cells, 3, 400.0, styles)
    assert [len(t._cellvalues[0]) for t in rows] == [2, 2]
    assert all(abs(sum(t._colWidths) - 400.0) < 1e-6 for t in rows)
    assert all(cell for t in rows for cell in t._cellvalues[0])  # no empty cells
    out = render(tmp_path, with_pdf(layout, key_figure_columns=3))
    text = all_text(out)
    for kf in make_report().key_figures:
        assert flat(kf.display) in text


def _long_word_report(word: str) -> Report:
    doc = document_a()
    doc.sections[0].blocks.insert(1, Block("paragraph", f"Before the long word {word} and after it."))
    return make_report([doc])


def test_long_word_wraps_whole_inside_the_margins(tmp_path: Path, layout) -> None:
    import pypdfium2 as pdfium

    word = "".join(chr(ord("a") + (i * 7) % 26) for i in range(2999)) + "Z"
    t = time.perf_counter()
    out = render(tmp_path, layout, _long_word_report(word))
    assert time.perf_counter() - t < 120  # a guard against a blow-up; bench/ measures speed
    squeezed = "".join(all_text(out).split()).replace("\u200b", "")
    assert word in squeezed and "morecharacters]" not in squeezed
    pdf = pdfium.PdfDocument(str(out))
    right_edge = None
    for page in pdf:
        width = page.get_width()
        right_edge = width - layout.pdf.margins_mm.right * 72 / 25.4
        tp = page.get_textpage()
        for i in range(tp.count_chars()):
            left, _bottom, right, _top = tp.get_charbox(i)
            assert right <= right_edge + 1.0, (right, right_edge, tp.get_text_range(max(0, i - 10), 20))
    assert right_edge is not None


def test_huge_word_is_fast_and_marked(tmp_path: Path, layout) -> None:
    t = time.perf_counter()
    out = render(tmp_path, layout, _long_word_report("q" * 100_000))
    assert time.perf_counter() - t < 120  # a guard against a blow-up; bench/ measures speed
    text = "".join(all_text(out).split())
    # the kept 5,000 characters may run onto the next page (with its header in between)
    assert sum(len(run) for run in re.findall("q{50,}", text)) == 5000 and "95,000morecharacters]" in text


def test_huge_quote_and_takeaway_split_across_pages(tmp_path: Path, layout) -> None:
    big = "This sentence repeats to make a block taller than a page. " * 400
    doc = document_b()
    doc.sections[1].blocks.append(Block("quote", big, speaker="Someone"))
    report = make_report([document_a(), doc])
    report.takeaways.append(Takeaway(big, [doc.source]))
    out = render(tmp_path, layout, report)
    assert len(PdfReader(out).pages) > 8


def test_empty_report_and_no_cover(tmp_path: Path, layout) -> None:
    empty = make_report([])
    empty.takeaways, empty.key_figures, empty.charts, empty.standfirst = [], [], [], ""
    out = render(tmp_path, layout, empty, charts={}, name="empty.pdf")
    assert len(PdfReader(out).pages) == 1
    assert make_report().title in all_text(out)
    lay = with_pdf(layout, parts=["takeaways", "sections", "sources"])
    out = render(tmp_path, lay, name="nocover.pdf")
    first = flat(PdfReader(out).pages[0].extract_text())
    assert "Russia–Mexico Energy Brief" in first and re.search(r"Page 1 of \d+", first)
    assert [t for _, t in outline(out)][:2] == ["Key takeaways", document_a().title]


def test_the_full_text_brief_shows_each_quote_once(brief: Path) -> None:
    assert all_text(brief).count(flat(TSIVILEV)[:40]) == 1


def test_quotes_part_shows_the_weeks_quotes_with_their_speakers(tmp_path: Path, shipped) -> None:
    """The shipped brief leaves the part out (each story shows its best quote);
    a layout can add the week's best quotes in one place."""
    assert "quotes" not in shipped.pdf.parts
    out = render(tmp_path, with_pdf(shipped, parts=["cover", "takeaways", "quotes", "sources"]), name="quotes.pdf")
    text = all_text(out)
    assert [t for _, t in outline(out)][1:3] == ["Key takeaways", "Quotes"]
    assert "Sergei Tsivilev" in text and flat(TSIVILEV)[:40] in text
    assert text.count(flat(TSIVILEV)[:40]) == 1


# -- atomic writes -----------------------------------------------------------------


@pytest.mark.parametrize("fail_on_call", [1, 2])  # the counting pass, or the pass that writes
def test_failed_render_leaves_previous_file(tmp_path: Path, layout, monkeypatch, fail_on_call) -> None:
    from reportkit.render.pdf import render as pdf

    out = render(tmp_path, layout)
    before = out.read_bytes()
    monkeypatch.setattr(pdf, "_LAST_PAGES", {})  # cold: count pages first, then write
    monkeypatch.setattr(pdf.pagehint, "load", lambda *_a: None)  # nor a count kept on disk
    calls = []
    real = pdf_story.PARTS["sources"]

    def boom(ctx):
        calls.append(1)
        if len(calls) == fail_on_call:
            raise RuntimeError("disk on fire")
        return real(ctx)

    monkeypatch.setitem(pdf_story.PARTS, "sources", boom)
    with pytest.raises(RuntimeError, match="disk on fire"):
        render_pdf(nasty_report(), layout, {}, out)
    assert out.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TMP_PREFIX)]


def test_unwritable_target_is_a_render_error(tmp_path: Path, layout) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(RenderError):
        render_pdf(make_report(), layout, {}, blocker / "sub" / "brief.pdf")


# -- text helpers ----------------------------------------------------------------


def test_text_helpers(layout) -> None:
    from reportkit.model import Week
    from reportkit.render.pdf.fonts import FontSet
    from reportkit.render.pdf.text import MAX_TOKEN, markup, safe_href, visual_order, week_range

    assert week_range(Week(2026, 47, "2026-11-16", "2026-11-22")) == "16–22 November 2026"
    assert week_range(Week(2026, 49, "2026-11-30", "2026-12-06")) == "30 November – 6 December 2026"
    assert week_range(Week(2026, 53, "2026-12-28", "2027-01-03")) == "28 December 2026 – 3 January 2027"
    assert safe_href("https://a.example/x?a=1&b=2") == "https://a.example/x?a=1&amp;b=2"
    for bad in ["javascript:alert(1)", "JAVASCRIPT:x", "file:///etc/passwd", "data:text/html,x", "/relative",
                "https://", "https://a.example/with space", "http://a.example/\x00", None, ""]:
        assert safe_href(bad) is None, bad
    fs = FontSet(layout.font_paths)
    assert markup("a < b & c > d ]]>", fs) == "a &lt; b &amp; c &gt; d ]]&gt;"
    assert markup("x\x00y\u200bz\tw", fs) == "xyz w"
    assert markup("z" * 3000, fs) == "z" * 3000  # long words are kept whole: they wrap
    long = markup("z" * (MAX_TOKEN + 1000), fs)
    assert long.startswith("z" * MAX_TOKEN + "…") and "1,000 more characters" in long
    assert '<font name="' in markup("Жук", fs) or "Жук" in markup("Жук", fs)
    assert visual_order("abc אבג 12 דה xyz") == "abc הד 12 גבא xyz"
    assert visual_order("no rtl here 123") == "no rtl here 123"


# -- end to end -----------------------------------------------------------------------


@pytest.mark.slow
def test_reportkit_build_pdf_end_to_end(tmp_path: Path) -> None:
    env = dict(os.environ, SOURCE_DATE_EPOCH="1795046400", REPORTKIT_CACHE_DIR=str(tmp_path / "cache"))
    cmd = [sys.executable, "-m", "reportkit", "build", "seeds/", "--format", "pdf", "--week", "2026-W47",
           "--out", str(tmp_path / "out"), "--layout", "layouts/weekly-brief.yaml", "--quiet"]
    subprocess.run(cmd, check=True, cwd=ROOT, env=env, capture_output=True, timeout=300)
    pdf = tmp_path / "out" / "russia-mexico-brief-2026-W47.pdf"
    assert pdf.is_file()
    text = all_text(pdf)
    titles = [t for _, t in outline(pdf)]
    assert titles[:3] == ["Russia–Mexico Energy Brief — Week 47, 2026", "Key takeaways", "Key figures"]
    for chart in ["Russian FDI in Mexico", "Mexico's natural gas supply", "Pemex wells and production target"]:
        assert chart in titles and chart in text  # bookmarked, and drawn as vector text
    assert flat(TSIVILEV.rstrip(",")) in text and "$86.4M" in text
    assert set(link_uris(pdf)) == set(REFERENCE_URLS)
    assert all(fonts(pdf).values())
    first = pdf.read_bytes()
    subprocess.run(cmd + ["--force"], check=True, cwd=ROOT, env=env, capture_output=True, timeout=300)
    assert pdf.read_bytes() == first


def test_bookmarks_point_at_the_pages_that_hold_their_headings(tmp_path: Path, layout) -> None:
    """Every outline entry opens the page where its heading is printed (and the
    entries run in page order), not merely somewhere in the document."""
    out = render(tmp_path, layout)
    reader = PdfReader(str(out))
    texts = [" ".join((p.extract_text() or "").split()) for p in reader.pages]
    flat: list[tuple[str, int]] = []

    def walk(items) -> None:
        for it in items:
            if isinstance(it, list):
                walk(it)
            else:
                flat.append((it.title, reader.get_destination_page_number(it)))

    walk(reader.outline)
    assert len({page for _t, page in flat}) > 1
    pages = [page for _t, page in flat]
    assert pages == sorted(pages)
    for title, page in flat:
        words = " ".join(title.split())[:25]
        # a chart's title is drawn inside its image; its page carries the figure label
        assert words in texts[page] or "FIGURE" in texts[page], (title, page)


def test_warm_page_count_guess_gives_the_same_bytes(tmp_path: Path, layout, monkeypatch) -> None:
    """A warm process lays the brief out once using its last page count; the result
    equals a cold two-pass build, also when the guess is wrong."""
    from reportkit.render.pdf import render as pdf

    monkeypatch.setattr(pdf, "_LAST_PAGES", {})
    cold = render(tmp_path, layout, name="cold.pdf").read_bytes()
    assert render(tmp_path, layout, name="warm.pdf").read_bytes() == cold
    pdf._LAST_PAGES[str(layout.path)] = 99  # a wrong guess is corrected
    assert render(tmp_path, layout, name="wrong.pdf").read_bytes() == cold


def test_same_layouts_in_another_folder_give_the_same_bytes(tmp_path: Path) -> None:
    # reportlab named a logo drawn from a file name by its path: a project built in another
    # folder (another checkout, a CI workspace) gave other PDF bytes
    outs = []
    for where in ("one", "two/deeper"):
        copy = tmp_path / where / "layouts"
        shutil.copytree(ROOT / "layouts", copy)
        outs.append(render(tmp_path / where, load_layout(copy / "weekly-brief.yaml"), name="brief.pdf").read_bytes())
    assert outs[0] == outs[1]
