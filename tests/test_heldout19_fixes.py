"""Week 19's first contact (2027-W11): a currency sign the brief's fonts lack, a sentence cut at a
currency's abbreviation, a table caption read as a sentence, a chart title made of a column header
and a negative bar left undrawn. Invented sentences (CC0), written for these rules, not the week's."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportkit.facts.patterns import CURRENCY_SYMBOLS as SIGNS_READ
from reportkit.layouts.load import load_layout
from reportkit.numbers import CURRENCY_SYMBOLS as SIGNS_PRINTED
from reportkit.numbers import SIGN_CODES
from reportkit.sentences import spans

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def fontset():
    from reportkit.render.pdf.fonts import FontSet

    return FontSet(load_layout(ROOT / "layouts" / "weekly-brief.yaml").font_paths)


def _known_signs() -> list[str]:
    """Every currency sign the money table reads or prints (letters-only ones, "Rs", need no glyph)."""
    signs = set(SIGNS_READ) | set(SIGNS_PRINTED.values()) | set(SIGN_CODES)
    return sorted(s for s in signs if any(not c.isascii() for c in s))


@pytest.mark.parametrize("bold", [False, True])
def test_every_known_currency_sign_prints_in_the_brief(fontset, bold):
    from reportkit.render.pdf.fonts import LAST_RESORT, LOST_MARK

    for sign in _known_signs():
        text = f"or about {sign} 805 million"
        printed = "".join(run for _font, run in fontset.runs(text, bold=bold))
        assert LOST_MARK not in printed and LAST_RESORT not in printed and "805" in printed, sign


def test_a_sign_no_font_draws_prints_as_its_code(fontset, monkeypatch):
    from reportkit.render.pdf import fonts

    monkeypatch.setattr(fonts, "FALLBACK_FONTS", ())
    bare = fonts.FontSet.__new__(fonts.FontSet)
    bare.__dict__.update(fontset.__dict__, _faces={}, _fallbacks=None)
    runs = bare.runs("about ₾ 805 million, or ₾805")
    assert "".join(r for _f, r in runs) == "about GEL 805 million, or GEL 805"


@pytest.mark.parametrize("text, first", [
    ("The mill paid an average of Gs. 2,150 per kg, up from Gs. 1,900. Output rose.",
     "The mill paid an average of Gs. 2,150 per kg, up from Gs. 1,900."),
    ("Fees were Rs. 500 a head. Few came.", "Fees were Rs. 500 a head."),
])
def test_a_currency_abbreviation_before_a_figure_ends_no_sentence(text, first):
    a, b = spans(text)[0]
    assert text[a:b] == first


def test_a_currency_abbreviation_before_a_capital_still_may_end_one():
    text = "The bill came to 300 Rs. Nobody paid."
    assert len(spans(text)) == 2


def test_a_short_line_above_a_markdown_table_is_its_caption_not_a_sentence():
    from reportkit.readers import read_text

    text = ("# Peppers\n\nGrowers sold more peppers in 2026.\n\nPepper sales by town, 2026\n\n"
            "| Town | Tonnes | Change on 2025 (%) |\n|---|---:|---:|\n| Ava | 12.0 | 4.0 |\n| Bel | 9.5 | (3.0) |\n")
    doc = read_text(text, "p.md", ".md")
    blocks = [b for s in doc.sections for b in s.blocks]
    assert [b.caption for b in blocks if b.kind == "list"] == ["Pepper sales by town, 2026"]
    assert all("Pepper sales by town" not in (b.text or "") for b in blocks if b.kind == "paragraph")


def test_a_year_a_change_is_measured_against_is_not_the_cells_period():
    from reportkit.facts import extract_facts

    text = ("Pepper sales by town, 2026\n"
            "Town: Ava; Change in value on 2025 (%): 4.0\nTown: Bel; Change in value on 2025 (%): (3.0)")
    facts = [f for f in extract_facts(text, "p.md") if f.unit == "percent"]
    assert facts and all(f.period != "2025" for f in facts)
    assert all(f.measure == "Change in value on 2025" for f in facts)  # not "Change in value on"


def _change_chart():
    from reportkit.charts.auto import candidates, to_chart
    from reportkit.facts import extract_facts
    from reportkit.model import Block, Document, Section

    rows = ["Market: North; Bottles (m): 61.9; Change in value on 2025 (%): (9.0)",
            "Market: South; Bottles (m): 11.8; Change in value on 2025 (%): 6.2",
            "Market: East; Bottles (m): 14.2; Change in value on 2025 (%): 18.5"]
    doc = Document(source="a.md", title="Cider", date="2027-03-18", sections=[
        Section(None, [Block("paragraph", "Cider makers had a mixed year.")]),
        Section(None, [Block("list", items=rows, caption="Cider exports by market, 2026")])])
    doc.facts = extract_facts(doc.body_text(), "a.md", date="2027-03-18")
    c = next(c for c in candidates([doc]) if c.kind == "comparison" and c.measure.startswith("Change"))
    return to_chart(c, "auto_1")


def test_a_change_column_is_titled_with_its_tables_caption_and_its_header():
    chart = _change_chart()
    # was "Change in value on, 2025": a preposition stranded and the base year read as the period
    assert chart.title == "Cider exports by market, 2026: change in value on 2025"
    assert chart.caption.startswith("Change in value on 2025: highest in East")


def test_a_negative_bar_gets_room_below_zero_in_the_brief_and_the_deck():
    from reportkit.charts.draw import value_range
    from reportkit.model import ChartData, Series

    data = ChartData(id="c", kind="bar", title="t", categories=["A", "B"], unit="percent",
                     series=[Series(name="s", values=[-9.0, 24.3])], labels=[["-9%", "24.3%"]])
    low, high = value_range(data, 1.16)
    assert low < -9.0 and high > 24.3  # the old axis was [0, top]: the -9 bar was not drawn
    data.series[0].values = [9.0, 24.3]
    assert value_range(data, 1.16) == [0, 24.3 * 1.16]  # all positive: unchanged


@pytest.mark.parametrize("text, value, unit", [
    ("Sales rose to ₲ 1.38 trillion in 2026.", 1.38e12, "PYG"),
    ("The mill paid Gs. 2,150 per kg.", 2150, "PYG"),
    ("Exports earned about ₾ 805 million.", 805e6, "GEL"),
    ("Herders got ₮118,000 a kilogram.", 118000, "MNT"),
    ("Net profit was 18.6 million bolivianos.", 18.6e6, "BOB"),
    ("Farmers were paid TSh 20,000 per kg.", 20000, "TZS"),
])
def test_the_money_table_reads_these_currencies(text, value, unit):
    from reportkit.facts import extract_facts

    f = next(f for f in extract_facts(text, "t.txt") if f.value == value)
    assert f.unit == unit


def test_a_currency_name_is_no_label():
    from reportkit.facts import extract_facts

    text = "Growers earned US$296 million, or about ₾ 805 million in lari."
    f = next(f for f in extract_facts(text, "t.txt") if f.unit == "GEL")
    assert (f.label or "").lower() != "lari" and f.measure is None  # a card "805M GEL / lari" says in what, not what


def test_a_currencys_own_move_keeps_its_name():
    from reportkit.facts import extract_facts

    f = next(f for f in extract_facts("The Mexican peso has lost about 10% against the dollar this year.", "t.txt")
             if f.unit == "percent")
    assert "peso" in (f.label or "").lower()
