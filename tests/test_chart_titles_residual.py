"""Automatic charts' titles and ranks (session 13, week 16 first contact and the lead's list):

- a residual row ("Other", "Rest of world") is no peer: never the "highest"/"lowest" of a caption or
  a description, drawn after the named rows and grey, not in the "latest" colour;
- a table with no caption is titled by the heading of the section it opens, or by the sentence that
  introduces it, when those words name the charted measure; with the period its points share;
- a caption's word names the bars of a bare "Value" column in the caption sentence;
- a unit alone ("Micrograms") titles no chart;
- the deck's agenda names the charts by their titles' first words when the titles do not fit.
"""

from __future__ import annotations

from reportkit.charts.auto import _title, candidates, to_chart
from reportkit.facts import extract_facts
from reportkit.model import Block, Document, Section

_EXPORTS = ("Destination: China; Exports (US$m): 350; Share of exports (%): 24\n"
            "Destination: United States; Exports (US$m): 277; Share of exports (%): 19\n"
            "Destination: Other; Exports (US$m): 585; Share of exports (%): 40\n"
            "Destination: Japan; Exports (US$m): 146; Share of exports (%): 10")


def _doc(rows: str, heading: str | None = None, before: str | None = None, caption: str | None = None,
         prose: str = "Exporters had a strong year, the research house said.") -> Document:
    blocks = [Block("list", items=rows.split("\n"), caption=caption)]
    if before:
        blocks.insert(0, Block("paragraph", before))
    doc = Document(source="a.md", title="Noodles", date="2027-02-25",
                   sections=[Section(None, [Block("paragraph", prose)]), Section(heading, blocks)])
    doc.facts = extract_facts(doc.body_text(), "a.md", date="2027-02-25")
    return doc


def _chart(doc: Document, measure: str):
    c = next(c for c in candidates([doc]) if c.kind == "comparison" and c.measure == measure)
    return c, to_chart(c, "auto_1")


def test_residual_names() -> None:
    from reportkit.charts.residual import is_residual

    for name in ("Other", "Others", "Other areas", "All other markets", "Rest of world", "Rest of the world",
                 "Elsewhere", "the rest"):
        assert is_residual(name), name
    for name in ("Otherton", "China", "Restaurants", "Other Ltd and Partners plc", "Gulf states"):
        assert not is_residual(name), name


def test_an_other_row_is_never_the_highest_and_is_drawn_last_and_grey() -> None:
    _c, chart = _chart(_doc(_EXPORTS), "Exports")
    assert "Other" not in chart.caption  # was "highest in Other ($585M)"
    # the Other bar ($585M) is drawn higher than China's: "highest in China" would contradict the chart
    assert "highest" not in chart.caption and "lowest in Japan ($146M)" in chart.caption
    assert chart.alt_text.endswith("Other $585M; lowest Japan.")
    assert chart.categories[-1] == "Other"  # after the rows it is the rest of
    from reportkit.charts.residual import emphasis

    assert emphasis(chart.categories, chart.category_kind) == ["strong", "strong", "strong", "rest"]


def test_a_residual_row_is_not_lowest_either() -> None:
    rows = ("Class: Equities; Assets (€bn): 90.1\nClass: Bonds; Assets (€bn): 64.4\n"
            "Class: Credit; Assets (€bn): 21.5\nClass: Other; Assets (€bn): 19.3")
    _c, chart = _chart(_doc(rows), "Assets")
    # the Other bar (19.3) is lower than Credit's: "lowest in Credit" would contradict the chart
    assert "lowest" not in chart.caption and "Other" not in chart.caption
    assert "highest in Equities" in chart.caption and chart.alt_text.endswith("; highest Equities.")
    rows = rows.replace("Other; Assets (€bn): 19.3", "Other; Assets (€bn): 30.0")
    _c, chart = _chart(_doc(rows), "Assets")
    assert "highest in Equities" in chart.caption and "lowest in Credit" in chart.caption
    assert chart.alt_text.endswith("; highest Equities, lowest Credit.")


def test_bars_over_time_keep_the_latest_emphasis() -> None:
    from reportkit.charts.residual import emphasis

    assert emphasis(["2025", "2026"], "year") == ["earlier", "strong"]
    assert emphasis(["Q1", "Q2"], "label") == ["earlier", "strong"]  # a layout's own chart: as before


def test_the_heading_a_table_opens_titles_its_chart_when_it_names_the_measure() -> None:
    c, chart = _chart(_doc(_EXPORTS, heading="Exports by destination, 2026"), "Exports")
    assert chart.title == "Exports by destination, 2026"  # was the bare column name, "Exports"
    share = next(x for x in candidates([_doc(_EXPORTS, heading="Exports by destination, 2026")])
                 if x.measure == "Share of exports")
    assert _title(share) == "Share of exports by destination"  # another measure's heading: its rows only
    other = next(x for x in candidates([_doc(_EXPORTS, heading="Prices at a glance")]) if x.measure == "Exports")
    assert _title(other) == "Exports"  # a section's heading that names no measure is no title


def test_the_sentence_introducing_a_table_titles_its_chart_with_its_period() -> None:
    rows = ("Region: North; Donations 2026 (thousands): 402\nRegion: Capital; Donations 2026 (thousands): 516\n"
            "Region: South; Donations 2026 (thousands): 311")
    doc = _doc(rows, before="The table below gives donations by region.")
    c = next(x for x in candidates([doc]) if x.kind == "comparison")
    assert _title(c) == "Donations by region, 2026"  # was "Donations, 2026"
    trend_rows = ("Format: Print; Loans 2026 (thousands): 7,846; Loans 2025 (thousands): 8,120\n"
                  "Format: Audio; Loans 2026 (thousands): 1,680; Loans 2025 (thousands): 1,300\n"
                  "Format: E-books; Loans 2026 (thousands): 3,420; Loans 2025 (thousands): 2,910")
    doc = _doc(trend_rows, before="The table below gives loans by format.")
    trend = next(x for x in candidates([doc]) if x.kind == "trend")
    assert "by format" not in _title(trend)  # one row's trend is not what the sentence names


def test_a_bare_value_column_is_named_by_its_captions_word_in_the_caption_sentence() -> None:
    rows = "Market: EU; Value (€m): 512\nMarket: Asia; Value (€m): 298\nMarket: US; Value (€m): 204"
    _c, chart = _chart(_doc(rows, caption="Exports by market, 2026"), "Value")
    assert chart.title == "Exports by market, 2026"
    assert chart.caption.startswith("Exports: highest in EU")  # was "Value: highest in EU"
    assert "comparing exports across 3" in chart.alt_text


def test_a_unit_alone_titles_no_chart() -> None:
    doc = _doc("Station: A; Level: 1", prose="The average concentration fell to 31.4 micrograms per cubic metre "
               "in 2026, from 35.0 micrograms in 2025.")
    assert not [c for c in candidates([doc]) if c.measure.lower() == "micrograms"]


def test_the_agenda_names_charts_by_their_titles_first_words() -> None:
    from reportkit.render.pptx.slides import _agenda_label, short_title

    assert short_title("Exports by market, first half of fiscal 2027") == "Exports"
    assert short_title("Average annual bill from April 2027, by customer group") == "Average annual bill"

    class Writer:  # 40 characters fit a line
        def one_line_size(self, text, width, size, minimum):
            return size if len(text) <= 40 else None

    label = "Charts: Exports by market, first half of fiscal 2027; Skier days by area, 2026-27 holiday weeks"
    assert _agenda_label(Writer(), label, 0, 14) == "Charts: Exports; Skier days"  # was "Charts"
    assert _agenda_label(Writer(), "Charts: A; B", 0, 14) == "Charts: A; B"


def test_a_fiscal_period_the_caption_names_is_in_the_title_as_it_writes_it() -> None:
    from reportkit.charts.text import unsupported_numbers

    rows = ("Club: Kestrel Bay; Revenue: 158.0; Wages: 96.5\nClub: Harrowgate; Revenue: 131.4; Wages: 97.2\n"
            "Club: Orrin Park; Revenue: 72.6; Wages: 51.8")
    _c, chart = _chart(_doc(rows, caption="Selected clubs, fiscal 2026 (€m)"), "Revenue")
    assert chart.title == "Revenue, fiscal 2026"  # was "Revenue": a fiscal year had no words
    assert unsupported_numbers(chart.title, chart) == []  # its 2026 traces to the cells


def test_the_source_of_a_figure_is_no_chart_title() -> None:
    doc = _doc("Station: A; Level: 1", prose="Provincial figures show that hotel occupancy in the district "
               "averaged 71% in January, against 64% in January 2026.")
    assert not [c for c in candidates([doc]) if c.measure == "Provincial figures"]


def test_of_two_table_columns_of_equal_weight_the_one_its_heading_names_comes_first() -> None:
    rows = ("Region: Puno; Alpacas shorn (thousands): 1,180; Fibre (tonnes): 2,370\n"
            "Region: Cusco; Alpacas shorn (thousands): 410; Fibre (tonnes): 830\n"
            "Region: Arequipa; Alpacas shorn (thousands): 320; Fibre (tonnes): 660")
    found = candidates([_doc(rows, heading="Table 1. Alpaca fibre by region, 2026")])
    assert found[0].measure == "Fibre" and _title(found[0]) == "Alpaca fibre by region, 2026"


def test_verify_reads_the_heading_a_table_opens_as_its_rows_caption() -> None:
    from reportkit.story import Sentence
    from reportkit.story.wording import _caption

    doc = _doc(_EXPORTS, heading="Exports by destination, 2026")
    row = _EXPORTS.split("\n")[0]
    # the chart title "Exports by destination, 2026" traces to the rows' heading (verify said
    # "2026 is not its sentence's year" once the heading titled the chart)
    assert _caption(Sentence(row, "", doc)) == "Exports by destination, 2026"
    assert _caption(Sentence(row, "", _doc(_EXPORTS, heading="Prices at a glance"))) == "Prices at a glance"
    assert _caption(Sentence(row, "", _doc(_EXPORTS))) is None


def test_words_that_say_what_the_rows_are_give_the_measure_by_them() -> None:
    rows = ("Country: Turkey; Crop 2026 (thousand tonnes): 512; Share of world crop (%): 59.2\n"
            "Country: Italy; Crop 2026 (thousand tonnes): 98; Share of world crop (%): 11.3\n"
            "Country: Georgia; Crop 2026 (thousand tonnes): 38; Share of world crop (%): 4.4")
    share = next(c for c in candidates([_doc(rows, heading="Crop by country")]) if c.measure == "Share of world crop")
    assert _title(share) == "Share of world crop by country"  # was "Share of world crop"
    other = next(c for c in candidates([_doc(rows, heading="Crop by region")]) if c.measure == "Share of world crop")
    assert _title(other) == "Share of world crop"  # "by region" is not what these rows are
    by_quarter = ("Quarter: Q1; Parcels (millions): 88; Letters (millions): 287\n"
                  "Quarter: Q2; Parcels (millions): 86; Letters (millions): 270\n"
                  "Quarter: Q3; Parcels (millions): 107; Letters (millions): 262")
    parcels = next(c for c in candidates([_doc(by_quarter, before="The table below gives volumes by quarter.")])
                   if c.measure == "Parcels")
    assert _title(parcels) == "Parcels"  # a title ending on a time reads as a period, not a measure
