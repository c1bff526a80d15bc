"""The deck's characters no installed font draws (render/pptx/glyphs.py): the brief's rule (a
currency sign as its ISO code, a picture left out, a letter as its compatibility form or the lost
mark), one warning per character, the lost letters recorded in the deck's custom properties and
read by ``reportkit verify``; a deck that replaced nothing is as it was. Built into a real
third-party template and rendered by LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
import uuid
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from fixtures.pptx_report import seed_report
from reportkit.layouts.load import load_layout
from reportkit.render.pptx import glyphs as G
from reportkit.render.pptx.render import render_pptx
from reportkit.verify import verify_pptx
from test_templates import deck_layout

# characters these tests treat as drawn by no installed font, whatever this machine has (an
# emoji font installed elsewhere must not change what the tests see)
UNDRAWN = {"🚀", "🛢", "🇲", "🇽", "🚢", "한", "국", "서", "울", "৳", "\U0001d400"}
LATIN = frozenset(range(0x20, 0x250)) | {0x2026}


@pytest.fixture
def no_font_for(monkeypatch):
    real = G.installed_covers
    monkeypatch.setattr(G, "installed_covers", lambda code: chr(code) not in UNDRAWN and real(code))


def fixed(text: str) -> tuple[str, dict[str, str]]:
    g = G.DeckGlyphs([LATIN])
    return g.fix(text), g.undrawn.shown


def test_the_rule_is_the_briefs(no_font_for):
    # a picture is left out with its selector, its flag's second letter and the space it leaves
    assert fixed("Emoji 🚀🛢️🇲🇽 rose 5%")[0] == "Emoji rose 5%"
    assert fixed("🚀 Launch")[0] == "Launch"
    # a currency sign is its ISO code, spaced from the figure
    assert fixed("handled ৳805 million")[0] == "handled BDT 805 million"
    # lost words with spaces between them are one mark; a word's neighbours keep their spaces
    out, shown = fixed("Seoul 한국 서울 said")
    assert out == "Seoul […] said"
    assert shown["한"] == shown["울"] == "[…]"
    # a text of pictures alone is not left empty (a slide title), the mark says something was there
    assert fixed("🚀🚢")[0] == "[…]"
    # what a font draws is untouched, and ASCII is never looked at
    assert fixed("Zürich — €5 “quoted”")[0] == "Zürich — €5 “quoted”"


def test_a_compatibility_form_is_used_when_drawn(no_font_for):
    # MATHEMATICAL BOLD CAPITAL A is "A" when no font has the bold one
    assert fixed("\U0001d400 grade")[0] == "A grade"


def test_nothing_is_replaced_outside_a_deck_build():
    from reportkit.render.pptx.text import clean_text

    assert clean_text("🚀 한") == "🚀 한"


def test_fontconfig_knows_what_is_installed():
    if shutil.which("fc-list") is None:
        pytest.skip("fontconfig is not installed")
    assert G.installed_covers(ord("A"))
    assert not G.installed_covers(0x10FFFD)  # a private-use code point no font has


def glyph_report():
    report = seed_report()
    doc = report.documents[1]
    doc.title = "Dhaka port 🚀 handles record 한국 cargo"
    doc.sections[1].blocks[0].text = "Dhaka port handled ৳805 million of cargo, and shipments to Seoul 서울 rose 🚀🛢️🇲🇽 12%."
    return report


def texts(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return "".join(zf.read(n).decode("utf-8") for n in zf.namelist()
                       if n.endswith(".xml") and not n.startswith("ppt/theme/"))


def test_a_real_template_deck_replaces_records_and_verify_reads_it(tmp_path, no_font_for):
    layout = load_layout(deck_layout(tmp_path, "coreoz-4x3-fr.pptx"))
    warnings: list[str] = []
    out = tmp_path / "deck.pptx"
    render_pptx(glyph_report(), layout, {}, out, warn=warnings.append)
    xml = texts(out)
    assert not set(xml) & UNDRAWN, "no character no font draws is written"
    assert "Dhaka port handles record […] cargo" in xml and "BDT 805" in xml
    said = [w for w in warnings if "no installed font draws it" in w]
    # one warning per character, naming the file; the lost letters first
    assert sorted(said) == sorted(set(said))
    assert said[0].startswith("deck.pptx: U+AD6D HANGUL SYLLABLE GUG: no installed font draws it; printed as […]")
    assert any("U+1F680 ROCKET" in w and "left out" in w for w in said)
    assert any("U+09F3 BENGALI RUPEE SIGN" in w and 'printed as "BDT"' in w for w in said)
    prs = Presentation(str(out))
    assert G.read_record(prs) == ("U+AD6D HANGUL SYLLABLE GUG; U+C11C HANGUL SYLLABLE SEO; "
                                  "U+C6B8 HANGUL SYLLABLE UL; U+D55C HANGUL SYLLABLE HAN")
    problems = verify_pptx(out).problems
    assert [p for p in problems if p.startswith("every character drawn:")] == [
        "every character drawn: characters no installed font draws, written as a mark: U+AD6D HANGUL SYLLABLE GUG; "
        "U+C11C HANGUL SYLLABLE SEO; U+C6B8 HANGUL SYLLABLE UL; U+D55C HANGUL SYLLABLE HAN"]


def test_a_deck_that_lost_only_pictures_passes_and_one_that_replaced_nothing_has_no_record(tmp_path, no_font_for):
    layout = load_layout(deck_layout(tmp_path, "poi-gold-bar-4x3.potx"))
    report = seed_report()
    report.documents[1].title = "Launch 🚀 day"
    out = tmp_path / "deck.pptx"
    render_pptx(report, layout, {}, out)
    assert "🚀" not in texts(out)
    assert G.read_record(Presentation(str(out))) == ""
    assert not [p for p in verify_pptx(out).problems if p.startswith("every character drawn")]
    plain = tmp_path / "plain.pptx"
    render_pptx(seed_report(), layout, {}, plain)
    assert "docProps/custom.xml" not in zipfile.ZipFile(plain).namelist()


def test_a_template_with_custom_properties_keeps_them(tmp_path, no_font_for):
    from lxml import etree
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    layout = load_layout(deck_layout(tmp_path, "coreoz-4x3-fr.pptx"))
    prs = Presentation(str(layout.template_path))
    own = (f'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
           f'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property '
           f'fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="Client"><vt:lpwstr>ACME</vt:lpwstr>'
           f'</property></Properties>').encode()
    prs.part.package.relate_to(Part(PackURI(G.CUSTOM_PART), G.CUSTOM_TYPE, prs.part.package, own), G.CUSTOM_REL)
    prs.save(str(layout.template_path))
    out = tmp_path / "deck.pptx"
    render_pptx(glyph_report(), layout, {}, out)
    with zipfile.ZipFile(out) as zf:
        root = etree.fromstring(zf.read("docProps/custom.xml"))
    assert [(p.get("name"), p.get("pid")) for p in root] == [("Client", "2"), ("ReportkitUndrawn", "3")]
    assert G.read_record(Presentation(str(out))).startswith("U+AD6D HANGUL SYLLABLE GUG")


def test_a_remembered_deck_warns_and_records_again(tmp_path, no_font_for):
    """The slide memo does not replay a slide that replaced a character: a second build in the same
    process (watch, batch) says the same and writes the same bytes."""
    layout = load_layout(deck_layout(tmp_path, "coreoz-4x3-fr.pptx"))
    runs = []
    for k in range(2):
        warnings: list[str] = []
        (tmp_path / str(k)).mkdir()
        out = tmp_path / str(k) / "deck.pptx"
        render_pptx(glyph_report(), layout, {}, out, warn=warnings.append, cache_dir=tmp_path / "cache")
        runs.append((sorted(w for w in warnings if "no installed font" in w), out.read_bytes()))
    assert runs[0][0] and runs[0] == runs[1]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice or poppler is not installed")
def test_libreoffice_draws_what_the_deck_says(tmp_path):
    """On this machine's fonts (no monkeypatching): every character LibreOffice is given has a font."""
    layout = load_layout(deck_layout(tmp_path, "coreoz-4x3-fr.pptx"))
    out = tmp_path / "deck.pptx"
    render_pptx(glyph_report(), layout, {}, out)
    profile = f"file:///tmp/lo-test-{uuid.uuid4().hex}"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(out)], check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", str(tmp_path / "deck.pdf"), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "Dhaka port handles record" in text
    assert not [c for c in set(text) if ord(c) > 0x7F and not G.installed_covers(ord(c))]
