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
