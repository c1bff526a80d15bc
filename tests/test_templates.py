"""Decks built into real third-party templates (tests/data/templates, see its README) and
into a corporate-style variant of one: titles are kept whole, nothing has a negative size
or leaves the slide, runs name no typeface and no RGB colour (the theme's fonts and
colours apply), the brand logo never covers the template's own, and ``reportkit verify``
passes. Built from the seeds and from an off-topic week of news (tests/data/news_eval).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import yaml
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from fixtures.corporate_template import LAYOUT as CORPORATE_LAYOUT
from fixtures.corporate_template import corporate_template
from fixtures.pptx_report import seed_report
from reportkit.errors import LayoutError
from reportkit.layouts.load import load_layout
from reportkit.render.pptx.render import render_pptx
from reportkit.verify import verify_pptx

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "templates"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
NEWS = ["06_solar_capacity.txt", "12_tech_earnings.txt", "16_fed_rates.txt", "19_us_jobs.txt",
        "23_us_deal.txt", "11_gold.txt"]

# template file -> slide-layout names by role (a role left out falls back, with a warning)
TEMPLATES = {
    "coreoz-4x3-fr.pptx": {"title": "Diapositive de titre", "content": "Titre et contenu", "chart": "Titre seul",
                           "quote": "Titre seul", "section": "Titre de section"},
    "automizer-two-masters-de.pptx": {"title": "Titelfolie blue text", "content": "Zwei Inhalte",
                                      "chart": "Master 1/Nur Titel", "quote": "Master 2/Nur Titel",
                                      "section": "Abschnitts-\nüberschrift"},
    "automizer-additional-master-de.pptx": {"title": "Titelfolie blue text", "content": "Master 2/Titel und Inhalt",
                                            "chart": "Master 1/Nur Titel", "quote": "Master 2/Nur Titel"},
    "poi-gold-bar-4x3.potx": {"title": "Title Slide", "content": "Title and Content", "chart": "Title Only",
                              "quote": "Title Only", "section": "Section Header"},
    "corporate.pptx": {"title": "Diapositive de titre", "content": CORPORATE_LAYOUT, "chart": "Titre seul",
                       "quote": "Titre seul", "section": "Titre de section"},
}


SLIDES = ["title", "agenda", "key_figures", "section", "sections", "charts", "quotes", "sources"]


def deck_layout(tmp_path: Path, template: str, slides: list[str] = SLIDES):
    d = tmp_path / "layouts"
    d.mkdir(exist_ok=True)
    for f in ("brand.yaml", "content.yaml"):
        shutil.copy(ROOT / "layouts" / f, d / f)
    if not (d / "brand").exists():
        shutil.copytree(ROOT / "layouts" / "brand", d / "brand")
    if template == "corporate.pptx":
        corporate_template(DATA / "coreoz-4x3-fr.pptx", d / template)
    else:
        shutil.copy(DATA / template, d / template)
    config = {"format": "pptx", "output": "deck-{week}.pptx",
              "deck": {"template": template, "slides": slides, "slide_layouts": TEMPLATES[template]}}
    (d / "deck.yaml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return d / "deck.yaml"


def slide_title(slide) -> str:
    t = slide.shapes.title
    if t is not None:
        return t.text_frame.text
    named = [s for s in slide.shapes if s.name == "Title" and s.has_text_frame]
    return named[0].text_frame.text if named else ""


def check_deck(path: Path, template: str) -> Presentation:
    """What every deck built into a template must satisfy."""
    prs = Presentation(str(path))
    W, H = int(prs.slide_width), int(prs.slide_height)
    titles = [slide_title(s) for s in prs.slides]
    assert all(t.strip() and not t.strip().endswith("…") for t in titles), titles
    for slide in prs.slides:
        for ext in slide._element.iter(f"{A}ext"):
            assert int(ext.get("cx", 0)) >= 0 and int(ext.get("cy", 0)) >= 0
        for shape in slide.shapes:
            if shape.width is None:
                continue
            assert shape.left >= 0 and shape.top >= 0, shape.name
            assert shape.left + shape.width <= W + 45720 and shape.top + shape.height <= H + 45720, shape.name
        # no forced fonts or colours: runs name no typeface and use theme colour references
        roots = [slide._element] + [etree.fromstring(r.target_part.blob) for r in slide.part.rels.values()
                                    if r.reltype.endswith("/chart")]
        for root in roots:
            assert not [e.get("typeface") for e in root.iter(f"{A}latin")], slide_title(slide)
            assert not [e.get("val") for e in root.iter(f"{A}srgbClr")], slide_title(slide)
        logos = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE and s.name == "Logo"]
        if template in ("automizer-two-masters-de.pptx", "corporate.pptx"):
            assert not logos, "the template draws its own logo"
    result = verify_pptx(path)
    assert not result.problems, result.problems
    return prs


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_seeds_into_template(tmp_path, template):
    layout = load_layout(deck_layout(tmp_path, template))
    warnings: list[str] = []
    out = tmp_path / "deck.pptx"
    render_pptx(seed_report(), layout, {}, out, warn=warnings.append)
    prs = check_deck(out, template)
    titles = [slide_title(s) for s in prs.slides]
    assert any(t.endswith("(cont.)") for t in titles), "long sections continue, with '(cont.)' kept"
    assert "In their own words" in titles and "Key figures" in titles
    if template == "automizer-additional-master-de.pptx":
        assert any("deck.slide_layouts.section is not set" in w for w in warnings)


def test_corporate_title_wraps_and_pushes_content_down(tmp_path):
    """A 0.36 in title box made for 22 pt with zero insets: long titles shrink to the
    minimum, then wrap in a taller box; the content starts below them; the kicker
    above the title gets a short label; the content placeholder (idx 14) is used."""
    layout = load_layout(deck_layout(tmp_path, "corporate.pptx"))
    out = tmp_path / "deck.pptx"
    render_pptx(seed_report(), layout, {}, out)
    prs = Presentation(str(out))
    long = [s for s in prs.slides if slide_title(s).startswith("Russia's leader")
            and s.slide_layout.name == CORPORATE_LAYOUT]
    assert long
    for slide in long:
        title = slide.shapes.title
        assert title.height > 0.36 * 914400, "the title box grew instead of the title being cut"
        body = [s for s in slide.placeholders if s.placeholder_format.idx == 14]
        assert body and body[0].top >= title.top + title.height
        kicker = [s for s in slide.placeholders if s.placeholder_format.idx == 15]
        assert kicker and kicker[0].text_frame.text == "S1"
    short = next(s for s in prs.slides if slide_title(s) == "Key takeaways")
    run = short.shapes.title.text_frame.paragraphs[0].runs[0]
    assert run.font.size is None, "a title that fits keeps the template's own size (not written)"


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_off_topic_week_into_template(tmp_path, template):
    lay = deck_layout(tmp_path, template)
    src = tmp_path / "news"
    src.mkdir()
    for name in NEWS:
        shutil.copy(ROOT / "tests" / "data" / "news_eval" / name, src / name)
    run = subprocess.run([sys.executable, "-m", "reportkit", "build", str(src), "-l", str(lay), "--format", "pptx",
                          "--week", "2026-W10", "-o", str(tmp_path / "out"), "-q"],
                         capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    out = next((tmp_path / "out").glob("*.pptx"))
    check_deck(out, template)


def test_missing_name_says_did_you_mean_and_master_count(tmp_path):
    lay = deck_layout(tmp_path, "automizer-two-masters-de.pptx")
    text = lay.read_text(encoding="utf-8").replace("Master 2/Nur Titel", "Master 3/Nur Titel")
    text = text.replace("Titelfolie blue text", "Titelfolie blu text")
    lay.write_text(text, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "reportkit", "layouts", "validate", str(lay)], capture_output=True,
                         text=True, timeout=120, cwd=tmp_path)
    assert run.returncode == 2
    assert "(the template has 2 masters)" in run.stderr
    assert "did you mean 'Titelfolie blue text'?" in run.stderr


@pytest.mark.parametrize("damage, part", [
    ("drop", "ppt/slideMasters/slideMaster1.xml"),
    ("truncate", "ppt/slideLayouts/slideLayout2.xml"),
    ("spreadsheet", "ppt/presentation.xml"),
])
def test_damaged_template_is_one_line_naming_the_part(tmp_path, damage, part):
    import zipfile

    lay = deck_layout(tmp_path, "coreoz-4x3-fr.pptx")
    target = lay.parent / "coreoz-4x3-fr.pptx"
    src = zipfile.ZipFile(DATA / "coreoz-4x3-fr.pptx")
    with zipfile.ZipFile(target, "w") as z:
        if damage == "spreadsheet":
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr("xl/workbook.xml", "<workbook/>")
        else:
            for name in src.namelist():
                data = src.read(name)
                if name == part and damage == "drop":
                    continue
                z.writestr(name, data[: len(data) // 2] if name == part else data)
    for cmd in (["layouts", "validate", str(lay)], ["build", str(ROOT / "seeds"), "-l", str(lay), "--format",
                                                      "pptx", "-o", str(tmp_path / "o"), "-q"]):
        run = subprocess.run([sys.executable, "-m", "reportkit", *cmd], capture_output=True, text=True, timeout=120,
                             cwd=tmp_path)
        assert run.returncode == 2, run.stderr
        lines = [x for x in run.stderr.splitlines() if x.strip()]
        assert len(lines) == 1 and part in lines[0] and "object at 0x" not in lines[0], run.stderr


def test_brand_overrides_put_the_brand_back(tmp_path):
    lay = deck_layout(tmp_path, "coreoz-4x3-fr.pptx")
    lay.write_text(lay.read_text(encoding="utf-8").replace("deck:\n", "deck:\n  brand_overrides: [fonts, colours]\n"),
                   encoding="utf-8")
    out = tmp_path / "deck.pptx"
    render_pptx(seed_report(), load_layout(lay), {}, out)
    xml = etree.tostring(Presentation(str(out)).slides[3]._element).decode()
    assert 'typeface="DejaVu Sans"' in xml and "srgbClr" in xml


def test_verify_flags_what_a_designer_sees(tmp_path):
    """A deck with a '…' title, a negative extent, a shape off the slide, text over a
    picture and a brand colour in a template deck: each is reported, all with --all."""
    from pptx.dml.color import RGBColor
    from pptx.util import Inches

    prs = Presentation(str(DATA / "coreoz-4x3-fr.pptx"))
    for k in range(12):
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        slide.shapes.title.text = "…" if k == 0 else f"Slide {k}"
        slide.notes_slide.notes_text_frame.text = "notes"
        box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(3), Inches(1))
        box.text_frame.text = "text"
        box.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor(0x0B, 0x3C, 0x5D)
        pic = slide.shapes.add_picture(str(ROOT / "layouts" / "brand" / "logo.png"), Inches(2), Inches(2.2),
                                       Inches(2), Inches(0.5))
        pic._element.xpath("./p:nvPicPr/p:cNvPr")[0].set("descr", "logo of the brand")
        off = slide.shapes.add_textbox(Inches(9), Inches(7), Inches(3), Inches(1))
        off.text_frame.text = "off"
        if k == 1:
            ext = off._element.xpath(".//a:ext")[0]
            ext.set("cy", "-1000")
    path = tmp_path / "bad.pptx"
    prs.save(str(path))
    found = "\n".join(verify_pptx(path).problems)
    assert any(line.startswith("titles:") and " 2" in line for line in found.splitlines())
    assert "negative size" in found and "off the slide" in found
    assert "overlapping" in found and "… and" in found and "--all" in found
    assert "#0B3C5D" in found
    everything = "\n".join(verify_pptx(path, show_all=True).problems)
    assert "… and" not in everything


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_renders_every_template_deck(tmp_path):
    for template in TEMPLATES:
        d = tmp_path / template.replace(".", "_")
        d.mkdir()
        out = d / "deck.pptx"
        render_pptx(seed_report(), load_layout(deck_layout(d, template)), {}, out)
        profile = f"file:///tmp/lo-test-{uuid.uuid4().hex}"
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf",
                        "--outdir", str(d), str(out)], check=True, capture_output=True, timeout=180)
        info = subprocess.run(["pdfinfo", str(d / "deck.pdf")], check=True, capture_output=True, text=True).stdout
        pages = int(next(x.split()[-1] for x in info.splitlines() if x.startswith("Pages:")))
        assert pages == len(Presentation(str(out)).slides)


def test_layout_error_lists_names_for_a_set_role(tmp_path):
    lay = deck_layout(tmp_path, "coreoz-4x3-fr.pptx")
    lay.write_text(lay.read_text(encoding="utf-8").replace("chart: Titre seul", "chart: Titre unique"), encoding="utf-8")
    with pytest.raises(LayoutError) as e:
        render_pptx(seed_report(), load_layout(lay), {}, tmp_path / "deck.pptx")
    assert "'Titre unique'" in str(e.value) and "Titre seul" in str(e.value)
