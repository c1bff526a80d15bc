"""The key-figures panel drawn tighter to stay on the page it starts on (render/pdf/panelfit.py).

Week 2's cover ended a quarter empty: its two-row panel needed 74 mm, 55.5 mm were left under the
takeaways, and the whole panel moved to page 2. Now a panel that does not fit is tried with less
padding, then smaller numbers, then one row fewer, and drawn at the first that fits."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from pdf_fixtures import make_charts, make_report
from test_brief_fill import page_empty_share
from test_brief_floats import TAKEAWAY
from reportkit.layouts.load import load_layout
from reportkit.model import Takeaway
from reportkit.render.pdf.render import render_pdf

ROOT = Path(__file__).resolve().parent.parent


def _cover(tmp_path: Path, takeaways: int, figures: int = 4) -> tuple[list[float], list[str], list]:
    """The sample brief (cover, takeaways, key figures, charts, stories) with ``takeaways`` takeaways
    and ``figures`` key figures: each page's empty share, text and words."""
    layout = load_layout(ROOT / "layouts" / "weekly-brief.yaml")
    report = make_report()
    report.takeaways = [Takeaway(TAKEAWAY, [report.documents[0].source]) for _ in range(takeaways)]
    report.key_figures = (report.key_figures * 4)[:figures]
    out = tmp_path / f"cover{takeaways}-{figures}.pdf"
    render_pdf(report, layout, make_charts(tmp_path / "charts"), out, use_cache=False)
    m = layout.pdf.margins_mm
    with pdfplumber.open(out) as pdf:
        return ([page_empty_share(p, m.top, m.bottom) for p in pdf.pages],
                [p.extract_text() or "" for p in pdf.pages], [p.extract_words() for p in pdf.pages])


@pytest.mark.parametrize(("figures", "takeaways"), [(2, 5), (4, 4), (6, 2), (6, 3)])
def test_a_panel_that_fits_tighter_stays_on_the_cover(tmp_path, figures, takeaways) -> None:
    """Where main moved the whole panel to page 2 and left the cover 17-40% empty, the panel is
    drawn tighter on the cover, every number and label whole, and the cover is filled."""
    shares, texts, words = _cover(tmp_path, takeaways, figures)
    assert "Key figures" in texts[0], [t[:60] for t in texts]
    assert shares[0] <= 0.10, f"{shares[0]:.0%}"
    report = make_report()
    flat = " ".join(texts[0].split())
    for kf in (report.key_figures * 4)[:figures]:
        assert kf.display in flat
        assert all(w in flat for w in kf.label.split())
    width = pdfplumber.open(tmp_path / f"cover{takeaways}-{figures}.pdf").pages[0].width
    assert all(0 <= w["x0"] and w["x1"] <= width for w in words[0])  # nothing off the page


def _value_size(pdf_path: Path, value: str) -> float:
    """The font size of ``value``'s characters on page 1 (its first occurrence)."""
    with pdfplumber.open(pdf_path) as pdf:
        chars = pdf.pages[0].chars
    text = "".join(c["text"] for c in chars)
    at = text.index(value)
    return chars[at]["size"]


def test_a_panel_keeps_its_full_size_where_it_fits_and_its_numbers_stay_big(tmp_path) -> None:
    """A panel that fits is drawn at its full size; a tighter one never sets its numbers smaller
    than a story's key numbers (1.45 of the body size against the panel's 2.7)."""
    _cover(tmp_path, 1, 4)
    full = _value_size(tmp_path / "cover1-4.pdf", "$86.4M")
    _cover(tmp_path, 4, 4)
    tight = _value_size(tmp_path / "cover4-4.pdf", "$86.4M")
    assert tight < full
    assert tight >= full * 1.45 / 2.7 - 0.01
