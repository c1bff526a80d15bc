"""What the brief's layout passes do (render/pdf/render.py, flowables.Logo): the pass that
only counts pages writes no file and draws no logo, and the logo is hashed once per
document, not once per page; neither changes a byte of the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import count_calls
from pdf_fixtures import make_charts, make_report
from reportlab.pdfgen.canvas import Canvas

from reportkit.layouts.load import load_layout
from reportkit.render.pdf import pictures
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
    return count_calls(monkeypatch, Canvas, method)


def test_the_counting_pass_writes_nothing_and_the_logo_is_hashed_once(tmp_path: Path, layout, monkeypatch) -> None:
    monkeypatch.setattr(pdf, "_LAST_PAGES", {})  # a cold process: a counting pass, then the real one
    monkeypatch.setattr(pictures, "KEPT", {})
    saves, images, forms = (_count(monkeypatch, m) for m in ("save", "drawImage", "doForm"))
    data = _render(tmp_path, layout, "cold.pdf")
    pages = data.count(b"/Type /Page\n") or data.count(b"/Type /Page ")
    assert pages >= 3
    assert len(saves) == 1  # the real pass only
    # one drawImage (cover) per file; every later page places the same picture by name
    assert len(images) == 1 and len(forms) >= pages - 1


def test_the_shortcuts_change_no_byte(tmp_path: Path, layout, monkeypatch) -> None:
    monkeypatch.setattr(pdf, "_LAST_PAGES", {})
    monkeypatch.setattr(pictures, "KEPT", {})
    cold = _render(tmp_path, layout, "cold.pdf")
    # a warm process guesses the page count: no counting pass, so nothing it skipped can matter
    assert _render(tmp_path, layout, "warm.pdf") == cold
    # the logo drawn by drawImage on every page, as before
    monkeypatch.setattr(pdf, "_LAST_PAGES", {})
    monkeypatch.setattr(Canvas, "hasForm", lambda self, name: False)
    monkeypatch.setattr(pictures, "KEPT", {})  # made by drawImage, not copied from an earlier brief
    images = _count(monkeypatch, "drawImage")
    assert _render(tmp_path, layout, "every-page.pdf") == cold
    assert len(images) >= 3


def test_a_later_brief_of_the_process_reuses_the_logo_picture(tmp_path: Path, layout, monkeypatch) -> None:
    monkeypatch.setattr(pictures, "KEPT", {})  # a new process
    images = _count(monkeypatch, "drawImage")
    cold = _render(tmp_path, layout, "first.pdf")
    assert len(images) >= 1 and len(pictures.KEPT) == 1
    images.clear()
    assert _render(tmp_path, layout, "second.pdf") == cold  # copies of the kept picture, registered alike
    assert images == []
    monkeypatch.setattr(pdf, "_LAST_PAGES", {})  # with its counting pass too (a new document per pass)
    assert _render(tmp_path, layout, "third.pdf") == cold and images == []


def test_a_changed_logo_is_made_anew(tmp_path: Path, layout, monkeypatch) -> None:
    from PIL import Image

    monkeypatch.setattr(pictures, "KEPT", {})
    _render(tmp_path, layout, "first.pdf")
    other = tmp_path / "other.png"
    Image.open(layout.logo_path).rotate(180).save(other)
    changed = layout.model_copy(update={"logo_path": other})
    images = _count(monkeypatch, "drawImage")
    warm = _render(tmp_path, changed, "warm.pdf")
    assert images and len(pictures.KEPT) == 2
    monkeypatch.setattr(pictures, "KEPT", {})
    assert _render(tmp_path, changed, "cold.pdf") == warm
    assert warm != _render(tmp_path, layout, "first-again.pdf")


def _runs_char_by_char(fonts, text: str, bold: bool) -> list:
    """FontSet.runs without its whole-text shortcut: one character at a time."""
    from reportkit.render.pdf.fonts import _cmap

    return fonts.runs_each(text, _cmap(fonts.bold if bold else fonts.regular), bold)


def test_font_runs_shortcut_matches_the_character_rule(layout) -> None:
    from reportkit.render.pdf.fonts import FontSet

    fonts = FontSet(layout.font_paths)
    texts = ["", " ", "Pemex’s 1.8M b/d – “target”", "Привет, мир", "a 中文 b", "x\U0001F600y", "tab\there",
             *(p.read_text(encoding="utf-8")[:3000] for p in sorted((ROOT / "seeds").glob("*.txt"))[:3])]
    for bold in (False, True):
        for text in texts:
            assert fonts.runs(text, bold) == _runs_char_by_char(fonts, text, bold), text[:40]
    assert fonts.runs("plain words", False) == [(None, "plain words")]


def test_a_fallback_character_registers_only_the_faces_tried(layout, monkeypatch) -> None:
    from reportkit.render.pdf import fonts as F

    if not all(Path(p).is_file() for p in F.FALLBACK_FONTS[0] if p):
        pytest.skip("DejaVu is not installed")
    tried: list[str] = []
    real = F._register
    monkeypatch.setattr(F, "_register", lambda path, tag: tried.append(tag) or real(path, tag))
    fonts = F.FontSet(layout.font_paths)
    tried.clear()
    assert fonts.runs("₹ 5", bold=True) == [(fonts._face(0, *F.FALLBACK_FONTS[0], True), "₹"), (None, " 5")]
    assert tried == ["F0B"]  # DejaVu Bold has it: neither the regular face nor the 4 MB CJK font is read
    tried.clear()
    assert fonts.runs("₹", bold=False)[0][0] == fonts.fallbacks()[0][0]  # the names fallbacks() gives
    assert tried[0] == "F0"


# -- the page count kept on disk (pagehint) ------------------------------------------------


def _passes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the brief's layout passes (each builds the document once)."""
    from reportkit.render.pdf.pages import BriefDoc

    return count_calls(monkeypatch, BriefDoc, "build")


def _cached(tmp_path: Path, layout, cache: Path, name: str = "brief.pdf", use_cache: bool = True) -> bytes:
    out = tmp_path / name
    render_pdf(make_report(), layout, make_charts(tmp_path / "charts"), out, cache_dir=cache, use_cache=use_cache)
    return out.read_bytes()


def test_a_new_process_skips_the_counting_pass_with_the_kept_count(tmp_path: Path, layout, monkeypatch) -> None:
    from reportkit.render.pdf import pagehint

    cache = tmp_path / "cache"
    monkeypatch.setattr(pdf, "_LAST_PAGES", {})
    passes = _passes(monkeypatch)
    cold = _cached(tmp_path, layout, cache)
    assert len(passes) == 2  # nothing known: a counting pass, then the one that writes
    pages = pagehint.load(cache, pagehint.key(layout.path, tmp_path / "brief.pdf"))
    assert pages is not None and pages >= 3
    monkeypatch.setattr(pdf, "_LAST_PAGES", {})  # a new process: only the disk remembers
    passes.clear()
    assert _cached(tmp_path, layout, cache) == cold
    assert len(passes) == 1


def test_a_wrong_or_damaged_count_changes_no_byte(tmp_path: Path, layout, monkeypatch) -> None:
    from reportkit.render.pdf import pagehint

    cache = tmp_path / "cache"
    monkeypatch.setattr(pdf, "_LAST_PAGES", {})
    cold = _cached(tmp_path, layout, cache)
    key = pagehint.key(layout.path, tmp_path / "brief.pdf")
    pages = pagehint.load(cache, key)
    entry = next((cache / "pages").rglob("*.txt"))
    good = entry.read_bytes()
    passes = _passes(monkeypatch)
    damaged = [good.replace(str(pages).encode(), b"99"),  # checksum no longer matches
               good.split(b"\n")[0] + b"\n0", b"garbage", b"", good + b"1" * 300]
    for bad in damaged:
        entry.write_bytes(bad)
        assert pagehint.load(cache, key) is None
        monkeypatch.setattr(pdf, "_LAST_PAGES", {})
        passes.clear()
        assert _cached(tmp_path, layout, cache) == cold
        assert len(passes) == 2  # counted again
        assert pagehint.load(cache, key) == pages  # and kept again
    pagehint.save(cache, key, pages + 7)  # a valid entry with a wrong count: laid out again
    monkeypatch.setattr(pdf, "_LAST_PAGES", {})
    passes.clear()
    assert _cached(tmp_path, layout, cache) == cold
    assert len(passes) == 2 and pagehint.load(cache, key) == pages


def test_no_cache_neither_reads_nor_keeps_the_count(tmp_path: Path, layout, monkeypatch) -> None:
    from reportkit.render.pdf import pagehint

    cache = tmp_path / "cache"
    monkeypatch.setattr(pdf, "_LAST_PAGES", {})
    _cached(tmp_path, layout, cache, use_cache=False)
    assert not (cache / "pages").exists()
    pagehint.save(cache, pagehint.key(layout.path, tmp_path / "brief.pdf"), 4)
    monkeypatch.setattr(pdf, "_LAST_PAGES", {})
    passes = _passes(monkeypatch)
    _cached(tmp_path, layout, cache, use_cache=False)
    assert len(passes) == 2  # the kept count is not used either


def test_the_count_is_kept_per_output(tmp_path: Path, layout) -> None:
    from reportkit.render.pdf import pagehint

    keys = {pagehint.key(layout.path, tmp_path / "a.pdf"), pagehint.key(layout.path, tmp_path / "b.pdf"),
            pagehint.key(tmp_path / "other.yaml", tmp_path / "a.pdf")}
    assert len(keys) == 3
    assert pagehint.load(tmp_path, next(iter(keys))) is None
    for bad in (0, -1, pagehint.MAX_PAGES + 1):
        pagehint.save(tmp_path, "ab" * 32, bad)
        assert pagehint.load(tmp_path, "ab" * 32) is None


def test_a_batch_worker_guesses_each_reports_count_from_its_own_output(tmp_path: Path, layout, monkeypatch) -> None:
    """A process that writes briefs of different lengths with one layout (a batch worker) takes
    each output's kept count before its last brief's: one pass each once the counts are kept."""
    from pdf_fixtures import document_a

    cache = tmp_path / "cache"
    long_report, short_report = make_report(), make_report([document_a()])
    short_report.takeaways, short_report.charts = short_report.takeaways[:1], []

    def write(report, name: str) -> int:
        out = tmp_path / name
        render_pdf(report, layout, make_charts(tmp_path / "charts"), out, cache_dir=cache)
        data = out.read_bytes()
        return data.count(b"/Type /Page\n") or data.count(b"/Type /Page ")

    monkeypatch.setattr(pdf, "_LAST_PAGES", {})
    pages = {write(long_report, "long.pdf"), write(short_report, "short.pdf")}  # counts kept on disk
    assert len(pages) == 2, "the two briefs must differ in length for this test"
    monkeypatch.setattr(pdf, "_LAST_PAGES", {})  # the worker of the next batch
    passes = _passes(monkeypatch)
    for name, report in (("long.pdf", long_report), ("short.pdf", short_report), ("long.pdf", long_report)):
        passes.clear()
        write(report, name)
        assert len(passes) == 1, name
