"""The brief's bar chart: value labels wider than their bars say their unit once (Plotly hid
every "410,000 litres" label but the first on six bars of an 800 px figure)."""

from __future__ import annotations

from pathlib import Path

from reportkit.charts.draw import WIDTH, figure
from reportkit.charts.labelfit import bar_px, text_px, unit_tail
from reportkit.layouts.load import load_layout
from reportkit.model import ChartData, Series
from reportkit.numbers import format_value

ROOT = Path(__file__).resolve().parent.parent


def bars(categories, values, unit, series=1) -> ChartData:
    cd = ChartData(id="c", kind="bar", title="Volume by market", categories=categories,
                   series=[Series(name=f"S{i}", values=values) for i in range(series)], unit=unit)
    cd.labels = [[format_value(v, unit) for v in values] for _ in range(series)]
    return cd


def texts(fig) -> list[str]:
    return [t for trace in fig.data for t in trace.text]


def test_six_labels_in_litres_print_numbers_and_say_litres_once():
    brand = load_layout(ROOT / "layouts" / "briefing-deck.yaml").brand
    cd = bars(["Germany", "France", "Italy", "Spain", "Poland", "Netherlands"],
              [4_950_000, 410_000, 380_000, 290_000, 330_000, 440_000], "litres")
    fig = figure(cd, brand)
    assert texts(fig) == ["4.95M", "410,000", "380,000", "290,000", "330,000", "440,000"]
    assert [a.text for a in fig.layout.annotations] == ["in litres"]  # not "2026 litres" after a title's year
    width = bar_px(WIDTH - 56, 6, 1)
    assert all(text_px(t) > width for t in cd.labels[0])  # the labels with their unit: wider than their bars


def test_labels_that_fit_keep_their_unit():
    brand = load_layout(ROOT / "layouts" / "briefing-deck.yaml").brand
    fig = figure(bars(["2025", "2026"], [410_000, 380_000], "litres"), brand)
    assert texts(fig) == ["410,000 litres", "380,000 litres"] and not fig.layout.annotations


def test_unit_tail_only_when_every_label_ends_in_the_same_words():
    assert unit_tail(["4.95M litres", "410,000 litres", ""]) == " litres"
    assert unit_tail(["410,000 litres", "12 t"]) == ""
    assert unit_tail(["$4.1M", "$3.9M"]) == ""  # no words after the number
    assert unit_tail(["Q1 sales", "Q2 sales"]) == ""  # not a number before them


def test_a_title_too_long_for_the_figure_is_drawn_on_two_lines():
    # session 18: "Dominican Republic premium cigar exports by market, first quarter 2027: value" (77
    # characters) lost its last letters at the brief's right edge; Plotly never wraps a title
    from reportkit.charts.labelfit import title_lines

    brand = load_layout(ROOT / "layouts" / "briefing-deck.yaml").brand
    long_title = "Coastal grey cement exports by destination port, first half of the year 2026: value"
    assert title_lines(long_title) == ("Coastal grey cement exports by destination port,<br>first half of the year "
                                       "2026: value", True)
    assert title_lines("Cement exports by port, 2026: value") == ("Cement exports by port, 2026: value", False)
    cd = bars(["A", "B", "C"], [3.0, 2.0, 1.0], "count")
    cd.title = long_title
    fig = figure(cd, brand)
    assert fig.layout.title.text == "<b>Coastal grey cement exports by destination port,</b>"
    assert [a.text for a in fig.layout.annotations][-1] == "<b>first half of the year 2026: value</b>"
    assert fig.layout.margin.t == 64 + 28  # the plot starts a line lower
