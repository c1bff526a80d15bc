"""What the brief's layout passes do (render/pdf/render.py, flowables.Logo): the pass that
only counts pages writes no file and draws no logo, and the logo is hashed once per
document, not once per page; neither changes a byte of the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_fixtures import make_charts, make_report
from reportlab.pdfgen.canvas import Canvas

from reportkit.layouts.load import load_layout
from reportkit.render.pdf import render as pdf
from reportkit.render.pdf.render import render_pdf

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def layout():
    lay = load_layout(ROOT / "layouts" / "weekly-brief.yaml")
    assert lay.logo_path is not None and lay.logo_path.suffix == ".png" and lay.pdf.header_logo
    return lay


def _render(tmp_path: Path, layout, name: str) -> bytes:
    out = tmp_path / name
    render_pdf(make_report(), layout, make_charts(tmp_path / "charts"), out, use_cache=False)
    return out.read_bytes()


def _count(monkeypatch: pytest.MonkeyPatch, method: str) -> list[int]:
    calls: list[int] = []
    real = getattr(Canvas, method)

    def counted(self, *args, **kwargs):
        calls.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Canvas, method, counted)
    return calls


def test_the_counting_pass_writes_nothing_and_the_logo_is_hashed_once(tmp_path: Path, layout, monkeypatch) -> None:
    monkeypatch.setattr(pdf, "_LAST_PAGES", {})  # a cold process: a counting pass, then the real one
    saves, images, forms = (_count(monkeypatch, m) for m in ("save", "drawImage", "doForm"))
    data = _render(tmp_path, layout, "cold.pdf")
    pages = data.count(b"/Type /Page\n") or data.count(b"/Type /Page ")
    assert pages >= 3
    assert len(saves) == 1  # the real pass only
    # one drawImage (cover) per file; every later page places the same picture by name
    assert len(images) == 1 and len(forms) >= pages - 1


def test_the_shortcuts_change_no_byte(tmp_path: Path, layout, monkeypatch) -> None:
    monkeypatch.setattr(pdf, "_LAST_PAGES", {})
    cold = _render(tmp_path, layout, "cold.pdf")
    # a warm process guesses the page count: no counting pass, so nothing it skipped can matter
    assert _render(tmp_path, layout, "warm.pdf") == cold
    # the logo drawn by drawImage on every page, as before
    monkeypatch.setattr(pdf, "_LAST_PAGES", {})
    monkeypatch.setattr(Canvas, "hasForm", lambda self, name: False)
    images = _count(monkeypatch, "drawImage")
    assert _render(tmp_path, layout, "every-page.pdf") == cold
    assert len(images) >= 3


def _runs_char_by_char(fonts, text: str, bold: bool) -> list:
    """FontSet.runs as it was written before its whole-text shortcut: one character at a time."""
    from reportkit.render.pdf.fonts import LAST_RESORT, PLACEHOLDER, _cmap

    base = _cmap(fonts.bold if bold else fonts.regular)
    out: list = []
    for ch in text:
        font = fonts._font_for(ord(ch), base, bold) if ch != " " else None
        if font is False:
            ch = PLACEHOLDER
            font = fonts._font_for(ord(PLACEHOLDER), base, bold)
            if font is False:
                ch, font = LAST_RESORT, None
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return out


def test_font_runs_shortcut_matches_the_character_rule(layout) -> None:
    from reportkit.render.pdf.fonts import FontSet

    fonts = FontSet(layout.font_paths)
    texts = ["", " ", "Pemex’s 1.8M b/d – “target”", "Привет, мир", "a 中文 b", "x\U0001F600y", "tab\there",
             *(p.read_text(encoding="utf-8")[:3000] for p in sorted((ROOT / "seeds").glob("*.txt"))[:3])]
    for bold in (False, True):
        for text in texts:
            assert fonts.runs(text, bold) == _runs_char_by_char(fonts, text, bold), text[:40]
    assert fonts.runs("plain words", False) == [(None, "plain words")]
