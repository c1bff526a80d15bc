"""Only http(s) URLs may become hyperlinks: in the reader, the PDF and the deck."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from reportkit.urls import is_web_url, safe_url

from conftest import ROOT

WIKI = "https://en.wikipedia.org/wiki/Pemex_(company)"
SOURCE = f"""# Pemex output falls

Pemex said crude output fell to 1.6 million barrels per day in 2024, down 5% from 2023.
Read [the history]({WIKI}) and [click me](javascript:alert(1)),
[data](data:text/html;base64,PHNjcmlwdD4=), [file](file:///etc/passwd), [mail](mailto:a@b.example),
[spaced](java\tscript:alert(3)) and [Reuters](http://reuters.example/pemex?a=1&b=(2)).

Revenue was $86.4 million in 2024, up from $80.1 million in 2023.

[defined]: javascript:alert(2)
[ok]: https://ok.example/report
"""


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:x", "data:text/html,x", "file:///etc/passwd",
    "mailto:a@b.example", "vbscript:x", "../relative.html", "//host.example/x", "http://", "https:///path",
    "http://exa mple.org", "http://a.example/\x00", "", None, "ftp://a.example/x",
])
def test_non_web_urls_are_refused(url) -> None:
    assert not is_web_url(url) and safe_url(url) is None


def test_web_urls_pass_unchanged() -> None:
    for url in (WIKI, "http://a.example", "HTTPS://A.example/x?y=1#z"):
        assert safe_url(url) == url and is_web_url(" " + url + " ")


def test_deck_writer_never_sets_a_non_web_address() -> None:
    from pptx import Presentation
    from pptx.util import Inches

    from reportkit.render.pptx.shapes import Para, Run, Writer

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    shape = slide.shapes.add_textbox(0, 0, Inches(4), Inches(2))
    w = Writer(None, "Carlito", None, bullet_color="#000000")
    w.fill(shape, [Para([Run("bad ", link="javascript:alert(1)"), Run("file ", link="file:///etc/passwd"),
                         Run("good", link=WIKI)])], 12)
    runs = shape.text_frame.paragraphs[0].runs
    assert [r.hyperlink.address for r in runs] == [None, None, WIKI]


def _build(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "links.md").write_text(SOURCE, encoding="utf-8")
    out = tmp_path / "out"
    env = {**os.environ, "REPORTKIT_CACHE_DIR": str(tmp_path / "cache"), "SOURCE_DATE_EPOCH": "1795046400"}
    proc = subprocess.run([sys.executable, "-m", "reportkit", "build", str(src), "--out", str(out)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return out


def _pdf_uris(pdf: Path) -> list[str]:
    from pypdf import PdfReader

    uris = []
    for page in PdfReader(pdf).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and action.get_object().get("/URI") is not None:
                uris.append(str(action.get_object()["/URI"]))
    return uris


def _deck_links(pptx: Path) -> tuple[list[str | None], list[str]]:
    from pptx import Presentation

    addresses = [run.hyperlink.address for slide in Presentation(pptx).slides for shape in slide.shapes
                 if shape.has_text_frame for p in shape.text_frame.paragraphs for run in p.runs
                 if run.hyperlink.address is not None]
    targets = []
    with zipfile.ZipFile(pptx) as z:
        for name in z.namelist():
            if name.endswith(".rels"):
                for rel in etree.fromstring(z.read(name)):
                    if rel.get("TargetMode") == "External":
                        targets.append(rel.get("Target"))
    return addresses, targets


def test_built_pdf_and_deck_link_only_to_web_urls(tmp_path) -> None:
    out = _build(tmp_path)
    (pdf,) = out.glob("*.pdf")
    (pptx,) = out.glob("*.pptx")
    uris = _pdf_uris(pdf)
    addresses, targets = _deck_links(pptx)
    for url in [*uris, *addresses, *targets]:
        assert url.startswith(("http://", "https://")) and is_web_url(url), url
    for found in (uris, addresses, targets):
        assert WIKI in found, found  # the parenthesised target survives whole
        assert "http://reuters.example/pemex?a=1&b=(2)" in found, found
        assert "https://ok.example/report" in found
    assert not any("javascript" in u.lower() or "file:" in u or "data:" in u or "mailto:" in u
                   for u in [*uris, *addresses, *targets])
    # the link texts stay in the prose, and no stray ")" from a cut target
    from pypdf import PdfReader

    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages)
    assert "the history and click me" in text and "alert(1" not in text and "alert(2" not in text
