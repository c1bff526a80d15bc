"""Chart specs resolve to the seeds' facts; figures carry the brand (no browser needed here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportkit.layouts.chartspec import ChartSpec
from reportkit.charts import NoChartData, excel_format, resolve, resolve_all, snap_ratio, source_line
from reportkit.errors import ChartError
from reportkit.layouts.load import load_layout
from reportkit.model import Fact

A, B = "000_52c727dd3fe4205e.txt", "002_a47ac54eef5493dc.txt"


def fact(i: str, unit: str, value: float, label: str, source: str, year: int | None = None, **kw) -> Fact:
    kw.setdefault("text", str(value))
    kw.setdefault("sentence", f"... {label} ...")
    return Fact(id=i, value=value, unit=unit, source=source, start=0, end=1, label=label, year=year, **kw)


@pytest.fixture
def seed_facts() -> list[Fact]:
    """The facts the seeds yield (as the facts engineer describes them)."""
    return [
        fact("a1", "USD", 2800000, "Foreign Direct Investment (FDI) from Russia", A, 2022),
        fact("a2", "USD", 86400000, "Foreign Direct Investment (FDI) from Russia", A, 2024),
        fact("a3", "years", 135, "diplomatic relations", A),
        fact("a4", "USD", 86400000, "Foreign Direct Investment (FDI) in 2024", A, 2024),  # key point 4 repeats it
        fact("b1", "percent", 72, "natural gas imported", B, qualifier="approximately", text="72%",
             sentence="Mexico currently imports approximately 72% of its natural gas, primarily from the US."),
        fact("b2", "count", 30000, "oil wells", B),
        fact("b3", "ratio", 0.3333, "oil wells previously shut", B),
        fact("b4", "barrels_per_day", 1800000, "production target", B),
    ]


@pytest.fixture
def layout(layouts_dir: Path):
    return load_layout(layouts_dir / "weekly-brief.yaml")


def test_fdi_growth(layout, seed_facts) -> None:
    c = resolve("fdi_growth", layout.content.charts["fdi_growth"], seed_facts)
    assert (c.kind, c.categories, c.unit) == ("bar", ["2022", "2024"], "USD")
    assert [s.values for s in c.series] == [[2800000, 86400000]]
    assert c.labels == [["$2.8M", "$86.4M"]]
    assert c.fact_ids == ["a1", "a2"]  # the repeat in key point 4 is de-duplicated
    assert c.sources == [A] and source_line(c) == f"Source: {A}"
    assert c.alt_text == ("Bar chart: FDI from Russia in Mexico rose from $2.8M in 2022 to $86.4M in 2024, "
                          "about 31 times.")
    assert c.note == "Up about 31 times from 2022 to 2024"
    assert c.number_format == '"$"#,##0.0,,"M"'


def test_gas_import_share_has_its_complement(layout, seed_facts) -> None:
    c = resolve("gas_import_share", layout.content.charts["gas_import_share"], seed_facts)
    assert c.kind == "donut"
    assert c.categories == ["Imported (mostly US pipeline gas)", "Domestic supply"]
    assert c.series[0].values == [72, 28]
    assert c.labels == [["72%", "28%"]]
    assert c.sources == [B]
    assert c.alt_text == ("Donut chart: Mexico's natural gas supply: Imported (mostly US pipeline gas) 72%, "
                          "Domestic supply 28%.")


def test_production_targets_split_wells_and_keep_target(layout, seed_facts) -> None:
    c = resolve("production_targets", layout.content.charts["production_targets"], seed_facts)
    assert c.kind == "stacked_bar" and c.categories == ["Oil wells"]
    assert [(s.name, s.values) for s in c.series] == [("Previously shut", [10000]), ("Other wells", [20000])]
    assert c.labels == [["10,000"], ["20,000"]]
    assert (c.target, c.target_unit, c.target_label) == (1800000, "barrels_per_day", "Production target")
    assert c.note == "Production target: 1.8M b/d"
    assert c.fact_ids == ["b2", "b3", "b4"]
    assert c.alt_text.endswith("previously shut 10,000, other wells 20,000. Production target: 1.8M b/d.")


def test_snap_ratio() -> None:
    assert snap_ratio(0.3333) == pytest.approx(1 / 3)
    assert snap_ratio(0.667) == pytest.approx(2 / 3)
    assert snap_ratio(0.41) == 0.41


def test_required_chart_without_data_raises_naming_chart_and_selector(layout, seed_facts) -> None:
    facts = [f for f in seed_facts if f.unit != "USD"]
    spec = layout.content.charts["fdi_growth"].model_copy(update={"required": True})
    with pytest.raises(NoChartData) as ei:
        resolve("fdi_growth", spec, facts)
    assert str(ei.value) == "chart 'fdi_growth': no data: selector {unit=USD label=[FDI, investment]} matches no fact"
    assert ei.value.required is True
    with pytest.raises(NoChartData):
        resolve_all({**layout.content.charts, "fdi_growth": spec}, layout.chart_ids(), facts)


def test_optional_chart_without_data_is_left_out_with_a_warning(seed_facts) -> None:
    specs = {
        "gone": ChartSpec.model_validate({"kind": "bar", "title": "T", "data": {"facts": {"unit": "EUR"}}}),
        "here": ChartSpec.model_validate({"kind": "bar", "title": "T", "data": {"facts": {"unit": "years"}, "category": "label"},
                                          "required": False}),
    }
    warnings: list[str] = []
    out = resolve_all(specs, ["gone", "here"], seed_facts, warn=warnings.append)
    assert [c.id for c in out] == ["here"]
    assert warnings == ["chart 'gone': no data: selector {unit=EUR} matches no fact (chart left out)"]


def test_inline_values_and_series() -> None:
    spec = ChartSpec.model_validate({
        "kind": "stacked_bar", "title": "Mix", "unit": "percent",
        "data": {"values": [{"label": "2023", "value": 60, "series": "Gas"}, {"label": "2023", "value": 40,
                             "series": "Oil"}, {"label": "2024", "value": 70, "series": "Gas"}]},
    })
    c = resolve("mix", spec, [])
    assert c.categories == ["2023", "2024"]
    # the text gives no 2024 figure for oil: a gap, never a 0 bar
    assert [(s.name, s.values) for s in c.series] == [("Gas", [60, 70]), ("Oil", [40, None])]
    assert c.labels == [["60%", "70%"], ["40%", ""]]
    assert [(p.category, p.series, p.value) for p in c.points][-1] == ("2024", "Oil", None)
    assert "No figure for" not in c.alt_text or "2024" in c.alt_text


def test_csv_next_to_the_content_file(tmp_path: Path) -> None:
    (tmp_path / "prices.csv").write_text("label,value\n2023,1200000\n2024,\"1,500,000\"\n")
    spec = ChartSpec.model_validate({"kind": "line", "title": "Prices", "unit": "USD",
                                     "data": {"csv": "prices.csv", "series_name": "Price"}})
    c = resolve("prices", spec, [], content_path=tmp_path / "content.yaml")
    assert c.series[0].values == [1200000, 1500000] and c.labels == [["$1.2M", "$1.5M"]]
    assert c.sources == ["prices.csv"]


def test_csv_problems_are_one_line_errors(tmp_path: Path) -> None:
    spec = ChartSpec.model_validate({"kind": "bar", "title": "T", "data": {"csv": "p.csv"}})
    with pytest.raises(ChartError) as ei:
        resolve("p", spec, [], content_path=tmp_path / "content.yaml")
    assert str(ei.value) == f"{tmp_path / 'p.csv'}: chart 'p': CSV file not found"
    (tmp_path / "p.csv").write_text("name,amount\nx,1\n")
    # the file's content is never quoted (a CSV may be any file): issue 14
    with pytest.raises(ChartError, match=r"CSV needs a header row with columns label and value") as ei:
        resolve("p", spec, [], content_path=tmp_path / "content.yaml")
    (tmp_path / "p.csv").write_text("label,value\nx,lots\n")
    with pytest.raises(ChartError) as ei:
        resolve("p", spec, [], content_path=tmp_path / "content.yaml")
    assert str(ei.value) == f"{tmp_path / 'p.csv'}: line 2: chart 'p': the value column is not a number"


def test_complement_needs_a_share() -> None:
    spec = ChartSpec.model_validate({"kind": "donut", "title": "T", "data": {
        "values": [{"label": "x", "value": 120}], "complement": "rest"}, "unit": "percent"})
    with pytest.raises(ChartError, match="slices add up to more than 100%"):
        resolve("t", spec, [])


def test_excel_formats() -> None:
    assert excel_format("USD", [2.8e6, 86.4e6]) == '"$"#,##0.0,,"M"'
    assert excel_format("USD", [3e9]) == '"$"#,##0,,,"B"'  # $3B, as format_value prints it
    assert excel_format("USD", [3.12e9, 1e9]) == '"$"#,##0.00,,,"B"'
    assert excel_format("percent", [72]) == '0"%"'
    # the data's precision: 3.3% stays 3.3% (the issue: 0"%" showed 3%, 1.9% and 2.4% both as 2%)
    assert excel_format("percent", [3.3, 2.1, 1.9]) == '0.0"%"'
    assert excel_format("percent", [4.75, 5]) == '0.00"%"'
    assert excel_format("percent", [3.3, None]) == '0.0"%"'
    assert excel_format("count", [30000]) == "#,##0"
    assert excel_format("barrels_per_day", [1.8e6]) == '#,##0.0,,"M b/d"'


def test_figure_is_branded_and_uncluttered(layout, seed_facts) -> None:
    from reportkit.charts import figure

    charts = resolve_all(layout.content.charts, layout.chart_ids(), seed_facts)
    brand = layout.brand
    for c in charts:
        fig = figure(c, brand)
        lay = fig.layout
        assert lay.title.x == 0 and lay.title.xanchor == "left"
        assert lay.title.font.color == brand.colors.primary
        assert lay.paper_bgcolor == "#FFFFFF" and lay.plot_bgcolor == "#FFFFFF"
        assert lay.font.family.startswith("'DejaVu Sans'")
        assert not lay.xaxis.showgrid and not lay.yaxis.showgrid
        # the source is printed beside the image (brief: under the figure; deck: beside the chart), not in it
        assert not any("Source" in (a.text or "") for a in lay.annotations)
        assert lay.meta["alt"] == c.alt_text
        assert (lay.width, lay.height) == (800, 450)
    bar = figure(charts[0], brand)
    assert list(bar.data[0].text) == ["$2.8M", "$86.4M"]
    assert list(bar.data[0].marker.color) == [brand.colors.secondary, brand.colors.primary]
    assert any("31×" in (a.text or "") for a in bar.layout.annotations)
    stacked = figure(charts[2], brand)
    assert any("1.8M b/d" in (a.text or "") for a in stacked.layout.annotations)


def test_source_line_never_cuts_a_title(layout, seed_facts) -> None:
    # a long headline ended "…set up a…" under the chart, in the image and on the slide
    import dataclasses

    c = resolve("fdi_growth", layout.content.charts["fdi_growth"], seed_facts)
    short = dataclasses.replace(c, source_titles=["Russia Seeks Energy Partnership with Mexico"])
    assert source_line(short) == f"Source: Russia Seeks Energy Partnership with Mexico ({A})"
    long = dataclasses.replace(c, source_titles=[
        "Russia's leader, Vladimir Putin, aims to set up a Yucatan-Cuba-Russia connection or corridor, in alliance"])
    assert source_line(long) == f"Source: {A}"


def test_a_title_alone_leaves_no_band_of_white_above_the_bars(layout, seed_facts) -> None:
    """A chart with a title and no subtitle kept 96 px above its plot for both, and headroom of a
    third above its tallest bar for a growth callout it did not have: ≈25 mm of white between the
    title and the bars in the brief (every held-out week's charts)."""
    import dataclasses

    from reportkit.charts import figure

    charts = resolve_all(layout.content.charts, layout.chart_ids(), seed_facts)
    bar = charts[0]
    with_callout = figure(bar, layout.brand).layout
    assert with_callout.margin.t == 96 and with_callout.yaxis.range[1] >= 1.3 * 86.4e6  # subtitle, "31×"
    plain = figure(dataclasses.replace(bar, subtitle=None, note=None), layout.brand).layout
    assert plain.margin.t <= 64
    assert plain.yaxis.range[1] <= 1.2 * max(bar.series[0].values)
