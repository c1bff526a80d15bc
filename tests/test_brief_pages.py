"""How the brief's pages look when a list runs over a page (found by looking at the held-out weeks'
pages): the Sources part's last page held one source row alone (week 3's page 6), and a source
table continued on a new page began with a row instead of its TAG / DOCUMENT / FILE header
(news_eval's last page)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pdfplumber
import pytest

from pdf_fixtures import document_a, make_report
from reportkit.layouts.load import load_layout
from reportkit.render.pdf.render import render_pdf

ROOT = Path(__file__).resolve().parent.parent


def _docs(n: int) -> list:
    base = document_a()
    return [dataclasses.replace(base, source=f"m{k:02d}_story.txt", title=f"Story {k} of the week's sources")
            for k in range(n)]


def _source_rows(page) -> list[str]:
    """The source-document rows on a page: lines that start with a tag S1, S2, …"""
    return [ln for ln in (page.extract_text() or "").splitlines() if ln.split(" ")[0][1:].isdigit()
            and ln.startswith("S") and "_story.txt" in ln]


@pytest.fixture(scope="module")
def layout():
    layout = load_layout(ROOT / "layouts" / "weekly-brief.yaml")
    pdf = layout.pdf.model_copy(update={"parts": ["sources"]})
    return layout.model_copy(update={"pdf": pdf})


@pytest.mark.parametrize("count", [16, 17, 39, 40, 52])  # 16 and 39 left one row alone
def test_a_source_table_over_pages_repeats_its_header_and_leaves_no_row_alone(tmp_path, layout, count) -> None:
    report = make_report(_docs(count))
    out = tmp_path / "brief.pdf"
    render_pdf(report, layout, {}, out, use_cache=False)
    with pdfplumber.open(out) as pdf:
        pages = [p for p in pdf.pages if _source_rows(p)]
        assert len(pages) >= 2, "the table should run over a page"
        assert sum(len(_source_rows(p)) for p in pages) == count
        for page in pages:
            text = page.extract_text() or ""
            assert len(_source_rows(page)) >= 2, text[:300]  # no lone row (week 3's page 6)
            head = [ln for ln in text.splitlines() if ln.startswith("TAG")]
            assert head and "DOCUMENT" in head[0] and "FILE" in head[0], text[:300]
            # the header is above the page's first row
            lines = text.splitlines()
            assert lines.index(head[0]) < lines.index(_source_rows(page)[0])


def test_a_charts_source_is_printed_once_and_readable(tmp_path) -> None:
    """The chart image carried its own source line, 11 px: about 6 pt on the brief's page, over the
    figure's source line (7.5 pt, less on a figure shrunk to fit a page's rest) that said the same
    words. The image now has none, and the figure's source line is 8 pt, shrunk or not (only the
    image shrinks)."""
    from pdf_fixtures import make_charts
    from reportkit.charts import figure

    report = make_report()
    layout = load_layout(ROOT / "layouts" / "weekly-brief.yaml")
    for chart in report.charts:
        drawn = dataclasses.replace(chart, labels=[[str(v) for v in s.values] for s in chart.series])
        texts = [a.text or "" for a in figure(drawn, layout.brand).layout.annotations]
        assert not any(t.startswith(("Source:", "Sources:")) for t in texts), texts
    out = tmp_path / "brief.pdf"
    # the parts before the charts leave the second figure the rest of a page: it is drawn smaller there
    render_pdf(report, layout, make_charts(tmp_path), out, use_cache=False)
    sources = []
    with pdfplumber.open(out) as pdf:
        for page in pdf.pages:
            after_figure = False  # a figure's source line is the first "Source:" under its label
            for w in page.extract_words(extra_attrs=["size"]):
                if w["text"] == "FIGURE":
                    after_figure = True
                elif after_figure and w["text"] in ("Source:", "Sources:"):
                    sources.append(w)
                    after_figure = False
    assert len(sources) == 2  # make_charts draws two of the three charts
    assert all(w["size"] >= 8 for w in sources), [w["size"] for w in sources]


@pytest.mark.slow
def test_a_charts_title_lines_up_with_its_figure_label(tmp_path) -> None:
    """The chart image was centred in the column and its title padded 28 px in: the title started
    ≈13 mm right of the "FIGURE n" label above it (every brief with charts). Both now start at the
    column's left edge, whether the figure is drawn at full size or shrunk to fit a page's rest."""
    from reportkit.charts.render import ChartRenderer

    report = make_report()
    layout = load_layout(ROOT / "layouts" / "weekly-brief.yaml")
    drawn = [dataclasses.replace(c, labels=[[str(v) for v in s.values] for s in c.series])
             for c in report.charts if c.id != "missing_chart"]
    with ChartRenderer(timeout=90) as r:
        charts = r.render(drawn, layout.brand, cache_dir=tmp_path / "cache", out_dir=tmp_path / "charts")
    out = tmp_path / "brief.pdf"
    render_pdf(report, layout, charts, out, use_cache=False)
    checked = 0
    with pdfplumber.open(out) as pdf:
        for page in pdf.pages:
            words = page.extract_words(extra_attrs=["size"])
            labels = [w for w in words if w["text"] == "FIGURE"]
            for chart in drawn:
                first = chart.title.split()[0]
                titles = [w for w in words if w["text"] == first and w["size"] > 9]  # the image's title
                for label in labels:
                    below = [t for t in titles if 0 < t["top"] - label["bottom"] < 25]
                    if below:
                        # within 1 mm (glyph side bearings), not ≈13 mm
                        assert abs(below[0]["x0"] - label["x0"]) < 1 * 72 / 25.4, (below[0]["x0"], label["x0"])
                        checked += 1
    assert checked == 2
