"""Issue 12 (charts): coherent series, the complement rule, gaps, templates over the data,
provenance per point, descriptions, native precision and automatic charts (no browser)."""

from __future__ import annotations

import pytest

from reportkit.charts import (
    NoChartData,
    auto_charts,
    excel_format,
    points_json,
    resolve,
    resolve_charts,
    text_numbers_json,
    text_problems,
    unsupported_numbers,
)
from reportkit.charts.auto import candidates
from reportkit.charts.coherent import states_share
from reportkit.errors import ChartError, LayoutError
from reportkit.facts import add_facts
from reportkit.layouts import ChartSpec
from reportkit.layouts.load import load_layout
from reportkit.model import Fact
from reportkit.numbers import format_value
from reportkit.readers import read_text

A, B = "news/a.txt", "news/b.txt"


def fact(i: str, unit: str, value: float, label: str, source: str = A, year: int | None = None,
         text: str | None = None, sentence: str | None = None, **kw) -> Fact:
    return Fact(id=i, text=text or str(value), value=value, unit=unit, source=source, start=0, end=1,
                sentence=sentence or f"... {label} ...", label=label, year=year, **kw)


def spec(**kw) -> ChartSpec:
    kw.setdefault("data", {"facts": {"unit": "USD"}})
    return ChartSpec.model_validate(kw)


def doc(text: str, name: str = "oecd.txt"):
    d = read_text(text, name)
    add_facts(d)
    return d


# --- one coherent series -------------------------------------------------------------

def test_selector_chart_takes_one_article_and_says_what_it_left_out() -> None:
    facts = [fact("a1", "USD", 2e9, "exports", A, 2022), fact("a2", "USD", 3e9, "exports", A, 2023),
             fact("b1", "USD", 9e9, "exports", B, 2024)]
    warnings: list[str] = []
    c = resolve("x", spec(kind="bar", title="Exports", data={"facts": {"unit": "USD"}}), facts, warn=warnings.append)
    assert c.categories == ["2022", "2023"] and c.sources == ["a.txt"]
    assert warnings and "b.txt" in warnings[0] and "one coherent series" in warnings[0]
    both = resolve("x", spec(kind="bar", title="Exports", across_sources=True, data={"facts": {"unit": "USD"}}), facts)
    assert both.categories == ["2022", "2023", "2024"] and both.sources == ["a.txt", "b.txt"]


def test_selector_chart_keeps_one_measure() -> None:
    # a growth rate and a share in one article are not one series
    facts = [fact("a1", "percent", 12.3, "US export growth", A, 2023),
             fact("a2", "percent", 16.3, "US import growth", A, 2024),
             fact("a3", "percent", 12.9, "US export growth", A, 2024)]
    c = resolve("x", spec(kind="bar", title="Growth", data={"facts": {"unit": "percent"}}), facts)
    assert c.fact_ids == ["a1", "a3"] and c.categories == ["2023", "2024"]


# --- the donut's complement ----------------------------------------------------------

SHARE = "Mexico currently imports approximately 72% of its natural gas."
DONUT = dict(kind="donut", title="Supply", data={"facts": {"unit": "percent"}, "category": "label",
                                                 "complement": "Domestic supply", "series_name": "Imported"})


def test_complement_beside_one_stated_share() -> None:
    c = resolve("d", spec(**DONUT), [fact("g", "percent", 72, "gas imported", text="72%", sentence=SHARE)])
    assert c.categories == ["Imported", "Domestic supply"] and c.series[0].values == [72, 28]
    rest = c.points[-1]
    assert rest.derived == {"kind": "complement", "inputs": ["g"], "whole": 100.0} and not rest.fact_ids


def test_no_complement_for_a_change_or_for_several_slices() -> None:
    growth = fact("i", "percent", 4.9, "iron ore imports", text="4.9%",
                  sentence="China's iron ore imports rose 4.9% to a record 1.24 billion tons.")
    assert not states_share(growth)
    with pytest.raises(ChartError, match="not a share"):
        resolve("d", spec(**DONUT), [growth])
    two = [fact("g", "percent", 72, "gas imported", text="72%", sentence=SHARE),
           fact("h", "percent", 12.3, "gas imported", text="12.3%", sentence="Gas imported 12.3% of ...")]
    with pytest.raises(ChartError, match="exactly one stated share"):
        resolve("d", spec(**DONUT), two)


# --- gaps ----------------------------------------------------------------------------

def test_missing_value_is_a_gap_everywhere() -> None:
    s = spec(kind="bar", title="Output", unit="percent",
             data={"values": [{"label": "2023", "value": 3.3, "series": "US"}, {"label": "2024", "value": 2.9,
                                                                               "series": "US"},
                              {"label": "2023", "value": 1.9, "series": "Japan"}]})
    c = resolve("g", s, [])
    assert c.series[1].values == [1.9, None] and c.labels[1] == ["1.9%", ""]
    assert c.number_format == '0.0"%"'
    from reportkit.charts import figure
    from reportkit.layouts.load import load_layout as _load
    from conftest import LAYOUTS

    fig = figure(c, _load(LAYOUTS / "weekly-brief.yaml").brand)
    assert list(fig.data[1].y) == [1.9, None]  # plotly leaves a gap; no 0 bar


# --- templates over the data ---------------------------------------------------------

FDI = [fact("a1", "USD", 2.8e6, "FDI from Russia", A, 2022, qualifier=None),
       fact("a2", "USD", 86.4e6, "FDI from Russia", A, 2024)]


def test_caption_is_made_from_the_data_and_its_numbers_traced() -> None:
    c = resolve("f", spec(kind="bar", title="FDI", annotate="growth",
                          caption="FDI {trend} from {first} in {first_year} to {last} in {last_year} ({ratio})."),
                FDI)
    assert c.caption == "FDI rose from $2.8M in 2022 to $86.4M in 2024 (about 31 times)."
    nums = text_numbers_json(c)
    assert {"text": "caption", "value": 2.8e6, "display": "$2.8M", "fact_ids": ["a1"]} in nums
    ratio = [n for n in nums if n["display"] == "about 31 times" and n["text"] == "caption"][0]
    assert ratio["derived"] == {"kind": "ratio", "inputs": ["a2", "a1"]}
    assert [p["fact_ids"] for p in points_json(c)] == [["a1"], ["a2"]]


def test_literal_number_not_in_the_data_is_left_out_with_a_warning() -> None:
    warnings: list[str] = []
    c = resolve("f", spec(kind="bar", title="FDI", caption="About 72% of Mexico's gas is imported.",
                          subtitle="From {first_year}"), FDI, warn=warnings.append)
    assert c.caption is None and c.subtitle == "From 2022"
    assert any("caption left out" in w and "72" in w for w in warnings)
    with pytest.raises(ChartError, match="title"):
        resolve("f", spec(kind="bar", title="FDI up 45% in 2023"), FDI)
    # a number the data holds may be written literally
    assert resolve("f", spec(kind="bar", title="FDI, 2022 to 2024"), FDI).title == "FDI, 2022 to 2024"


def test_placeholder_without_a_value_leaves_the_text_out() -> None:
    warnings: list[str] = []
    c = resolve("f", spec(kind="bar", title="FDI", caption="Up {ratio}"), FDI[:1], warn=warnings.append)
    assert c.caption is None and "{ratio} has no value" in warnings[0]


def test_unknown_placeholder_is_a_layout_error(tmp_path) -> None:
    with pytest.raises(ValueError, match="unknown placeholder"):
        spec(kind="bar", title="FDI {lastt}", data={"facts": {"unit": "USD"}})
    from conftest import LAYOUTS
    import shutil

    for f in LAYOUTS.glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    shutil.copytree(LAYOUTS / "brand", tmp_path / "brand")
    content = (tmp_path / "content.yaml").read_text().replace("title: Russian FDI in Mexico",
                                                                 "title: Russian FDI {lastt}")
    (tmp_path / "content.yaml").write_text(content)
    with pytest.raises(LayoutError, match="lastt"):
        load_layout(tmp_path / "weekly-brief.yaml")


def test_unsupported_numbers_for_verify() -> None:
    c = resolve("f", spec(kind="bar", title="FDI", annotate="growth"), FDI)
    assert unsupported_numbers("FDI reached $86.4M in 2024, up 31× since 2022", c) == []
    assert unsupported_numbers("About 72% of gas is imported; 1,738 homes", c) == ["72", "1,738"]
    assert text_problems(c) == []
    c.caption = "About 72% of Mexico's natural gas is imported."  # what the old shipped caption printed
    assert text_problems(c) == ["caption: 72"]


# --- descriptions --------------------------------------------------------------------

def test_categories_read_as_a_comparison_years_as_a_trend() -> None:
    regions = spec(kind="bar", title="Growth", unit="percent", data={
        "values": [{"label": "US", "value": 3.3}, {"label": "OECD total", "value": 2.9}], "series_name": "Growth"})
    c = resolve("r", regions, [])
    assert "rose" not in c.alt_text and "fell" not in c.alt_text
    assert c.alt_text == ("Bar chart comparing growth across 2 categories: US 3.3%, OECD total 2.9%; highest US, "
                          "lowest OECD total.")
    years = resolve("y", spec(kind="line", title="FDI"), FDI) if False else resolve("y", spec(
        kind="line", title="FDI", data={"facts": {"unit": "USD"}}), FDI)
    assert "rose from $2.8M in 2022 to $86.4M in 2024" in years.alt_text


def test_native_number_format_keeps_one_decimal() -> None:
    assert excel_format("percent", [3.3, 2.1, 1.9]) == '0.0"%"'
    assert excel_format("percent", [2.4, 2]) == '0.0"%"'
    assert excel_format("percent", [72, 28]) == '0"%"'


# --- automatic charts ----------------------------------------------------------------

OECD = """OECD trims outlook as trade tensions bite

The OECD cut its forecasts on Tuesday. Its growth forecasts for next year: US 3.3%, Japan 2.1%, eurozone 1.9%.

Annual inflation in the OECD area slowed to 2.9% from 3.4%, the organisation said.

Global trade volumes rose from $21.3 trillion in 2022 to $23.1 trillion in 2023 and $24.0 trillion in 2024.
"""


def test_auto_charts_from_structures_the_text_states() -> None:
    d = doc(OECD)
    charts = auto_charts([d], 3)
    by_kind = {c.category_kind: c for c in charts}
    assert len(charts) == 2
    comp = by_kind["subject"]
    assert comp.categories == ["US", "Japan", "eurozone"] and comp.series[0].values == [3.3, 2.1, 1.9]
    assert comp.title == "Growth forecasts for next year"
    assert comp.caption == "Growth forecasts for next year: highest in US (3.3%), lowest in eurozone (1.9%)."
    assert comp.number_format == '0.0"%"' and "comparing" in comp.alt_text
    trend = by_kind["year"]
    assert trend.categories == ["2022", "2023", "2024"] and trend.kind == "line"
    assert "change" not in by_kind  # "slowed to 2.9% from 3.4%" dates neither end: was bars "From", "To"
    for c in charts:
        assert c.auto and c.sources == ["oecd.txt"] and c.source_titles == ["OECD trims outlook as trade tensions bite"]
        assert all(p.fact_ids and not p.derived for p in c.points)
        # every word of a title is the source's
        assert all(w.lower() in OECD.lower() for w in c.title.replace(",", "").split())
    assert [c.id for c in charts] == ["auto_1", "auto_2"]
    assert [c.to_dict() if hasattr(c, "to_dict") else c for c in auto_charts([doc(OECD)], 3)] == charts


def test_auto_charts_parts_of_a_whole() -> None:
    d = doc("Power mix\n\nGermany's power mix last year: gas 40%, coal 35%, renewables 25%.\n")
    (c,) = auto_charts([d], 2)
    assert c.kind == "donut" and c.categories == ["gas", "coal", "renewables"]
    assert not any(p.derived for p in c.points)  # no invented complement


def test_no_auto_chart_when_nothing_coherent() -> None:
    d = doc("Bank results\n\nLloyds said profit was £7.5bn. It employs 60,000 people and has 26 million "
            "customers. Shares rose 4%.\n")
    assert candidates([d]) == [] and auto_charts([d], 3) == []


def test_auto_charts_skip_what_named_charts_show_and_ranges() -> None:
    d = doc(OECD)
    named = {f.id for f in d.facts if f.unit == "USD"}
    assert all(c.category_kind != "year" for c in auto_charts([d], 3, named))
    r = doc("Profit\n\nSainsbury's forecast operating profit of £1.04bn-£1.1bn, up from £1.01bn a year ago.\n")
    assert auto_charts([r], 2) == []


def test_resolve_charts_adds_auto_charts_after_named(layouts_dir) -> None:
    lay = load_layout(layouts_dir / "weekly-brief.yaml")
    assert lay.auto_chart_count() >= 1
    d = doc(OECD)
    out = resolve_charts([lay], d.facts, lambda _m: None, documents=[d])
    autos = [c for c in out.values() if c.auto]
    assert autos and len(autos) <= lay.auto_chart_count()
    assert not any(c for c in out.values() if not c.auto)  # the seeds' named charts find nothing here


def test_no_data_still_raises_for_required_chart() -> None:
    with pytest.raises(NoChartData):
        resolve("x", spec(kind="bar", title="X", required=True, data={"facts": {"unit": "GBP"}}), FDI)


def test_a_forecast_is_not_charted_as_a_change() -> None:
    happened = doc("Margin\n\nGross margin fell to 73.5% from 75% in the quarter.\n")
    for f, period in zip(happened.facts, ["2025-Q3", "2025-Q2"], strict=True):
        f.period = period  # both ends dated, as the facts stage dates them when the text does
    assert [c.series[0].values for c in auto_charts([happened], 2)] == [[75, 73.5]]
    expected = doc("Margin\n\nGross margin is expected to fall to 73.5% from 75% next quarter.\n")
    assert auto_charts([expected], 2) == []


def test_change_keeps_the_per_and_undated_ends_are_no_chart() -> None:
    d = doc("LNG\n\nThe average price of LNG delivered to Asia rose to $14.30 per mmBtu from $13.50 per mmBtu.\n")
    assert auto_charts([d], 2) == []  # was bars named "From" and "To"
    for f, period in zip(d.facts, ["2025-03", "2025-02"], strict=True):
        f.period = period  # what the facts stage fills in when the text dates both ends
    (c,) = auto_charts([d], 2)
    lo, hi = (format_value(v, "USD", "mmbtu") for v in (13.5, 14.3))  # "$13.50/mmBtu"
    assert "/" in lo and "From" not in c.categories and c.labels == [[lo, hi]]


def test_trend_over_quarters_from_the_facts_periods() -> None:
    d = doc("Results\n\nRevenue was $30.8 billion. Revenue was $35.1 billion. Revenue was $37.5 billion.\n")
    for f, period in zip(d.facts, ["2024-Q2", "2024-Q3", "2024-Q4"], strict=True):
        f.period, f.measure = period, "revenue"  # what the facts stage fills in
    (c,) = auto_charts([d], 2)
    assert c.kind == "line" and c.categories == ["Q2 2024", "Q3 2024", "Q4 2024"]
    assert c.caption == "Revenue: $30.8B in Q2 2024, $37.5B in Q4 2024."


def test_a_layout_name_must_be_in_the_charted_article(layouts_dir) -> None:
    """The held-out Norway article states a share of imports: the shipped donut, titled
    "Mexico's natural gas supply", must not draw it (the name is not in that article)."""
    d = doc("Norway's gas exports recover\n\nNorway supplied about 30% of the European Union's gas imports in "
            "2024, making it the bloc's largest supplier.\n", "norway.txt")
    lay = load_layout(layouts_dir / "weekly-brief.yaml")
    warnings: list[str] = []
    out = resolve_charts([lay], d.facts, warnings.append, documents=[d])
    assert "gas_import_share" not in out
    assert any("Mexico" in w and "not in the article" in w for w in warnings)
    # without the articles' text (the charts command) the check cannot run: the chart is drawn
    assert resolve("g", lay.content.charts["gas_import_share"], d.facts).series[0].values == [30, 70]
