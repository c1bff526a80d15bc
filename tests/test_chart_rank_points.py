"""Which automatic chart a week gets, and what its title says (session 15, week 14's pick):

- a two-point chart (a change, a two-year trend) draws what its one sentence says; a chart of three
  points or more (a table's rows, a list) shows what prose cannot: every such candidate ranks before
  every two-point one (week 14: "Operating profit" Q4 2025 vs Q4 2026 outranked the four-district
  table "Average time to a house fire by district");
- a table's caption that names another of its columns ("Median single-family price by county" over
  "Median price" and "Sales") does not title the Sales column (week 8: its bars were sales counts
  under the price's name);
- whose: a sentence-case headline that opens with a name's first two words ("Makorau Dairy collects
  ...") names it, though the article writes its first word only where a sentence starts;
- a section heading "By region, end of November" says what a table's rows are ("Median wait by
  region"), as a caption's lower-case "by" does.
"""

from __future__ import annotations

from reportkit.charts.auto import candidates, choose, to_chart
from reportkit.facts import extract_facts
from reportkit.model import Block, Document, Section

_PROFIT = "Operating profit climbed to NZ$412 million from NZ$377 million in the same quarter of 2025."
_LEAD = ("Makorau Dairy Co-operative said on Monday it collected 186 million kilograms of milk solids in the "
         "fourth quarter, 2.6% less than a year earlier.")
_RESPONSE = """District: Calloway City; Average time to a house fire (minutes): 7.6
District: Eastern Vale; Average time to a house fire (minutes): 9.4
District: Scarrow; Average time to a house fire (minutes): 11.8
District: Western Coast; Average time to a house fire (minutes): 9.9"""


def _doc(source: str, title: str, *paragraphs: str, rows: str = "", caption: str | None = None) -> Document:
    blocks = [Block("paragraph", p) for p in paragraphs]
    if rows:
        blocks.append(Block("list", items=rows.split("\n"), caption=caption))
    doc = Document(source=source, title=title, date="2027-02-08", sections=[Section(None, blocks)])
    doc.facts = extract_facts(doc.body_text(), source, date="2027-02-08")
    return doc


def _dairy(title: str = "Makorau Dairy collects less milk after a wet spring") -> Document:
    return _doc("dairy.txt", title, _LEAD, "Revenue rose 5.8% to NZ$6.14 billion in the quarter. " + _PROFIT)


def _fire() -> Document:
    return _doc("fire.txt", "Fire service misses its response target",
                "The county fire service reached 71% of house fires within ten minutes last year.",
                rows=_RESPONSE)  # no caption: of equal weight, a prose series came first


def test_a_table_of_four_rows_outranks_a_two_bar_chart_of_equal_weight() -> None:
    found = candidates([_dairy(), _fire()])
    kinds = [(c.kind, len(c.facts)) for c in found]
    assert ("trend", 2) in kinds and ("comparison", 4) in kinds
    (first,) = choose(found, 1, set())
    assert first.kind == "comparison" and first.doc.source == "fire.txt"  # was the two-bar profit trend
    # with a second slot the two-bar chart is still drawn: it is ranked last, not dropped
    assert [c.doc.source for c in choose(found, 2, set())] == ["fire.txt", "dairy.txt"]


def test_a_two_bar_chart_is_titled_with_whose_from_a_headline_opening_with_the_name() -> None:
    c = next(c for c in candidates([_dairy()]) if c.kind == "trend")
    chart = to_chart(c, "auto_1")
    assert chart.title == "Operating profit, Makorau Dairy Co-operative"  # was "Operating profit"
    # a headline that does not open with the name says nothing of whose
    c = next(c for c in candidates([_dairy("Milk intake falls after a wet spring")]) if c.kind == "trend")
    assert to_chart(c, "auto_1").title == "Operating profit"


def test_a_caption_naming_another_column_does_not_title_this_one() -> None:
    rows = """County: Harrow County; Median price: $702,500; Sales: 1,240
County: Linden County; Median price: $548,000; Sales: 1,610
County: Ferris County; Median price: $455,300; Sales: 1,020"""
    doc = _doc("homes.html", "Calder Bay home prices fall", "Home prices fell 1.8% in November.", rows=rows,
               caption="Median single-family price by county, November")
    for c in candidates([doc]):
        chart = to_chart(c, "auto_1")
        if {f.value for f in c.facts} == {1240, 1610, 1020}:
            assert "price" not in chart.title.lower() and "price" not in (chart.caption or "").lower()


def test_a_heading_that_says_by_what_the_rows_are_titles_the_column_with_it() -> None:
    rows = """Region: North; Waiting list: 198,400; Median wait (weeks): 15.1
Region: Central; Waiting list: 251,700; Median wait (weeks): 13.6
Region: South; Waiting list: 162,200; Median wait (weeks): 14.0"""
    doc = Document(source="waits.md", title="Waiting lists: shorter", date="2026-12-30", sections=[
        Section(None, [Block("paragraph", "The number of people waiting fell to 612,300 in November.")]),
        Section("By region, end of November", [Block("list", items=rows.split("\n"))])])
    doc.facts = extract_facts(doc.body_text(), "waits.md", date="2026-12-30")
    c = next(c for c in candidates([doc]) if c.measure.startswith("Median wait"))
    assert to_chart(c, "auto_1").title == "Median wait by region"  # was "Median wait": a heading's "By" is capitalised


def test_verify_reads_a_headline_opening_with_a_name_as_the_charts_do() -> None:
    """The chart's whose and verify's names agree: "Makorau" of "Makorau Dairy collects ..." is a
    name (verify flagged "Long-term debt, Brightwater Foods Inc" on week 2: 'brightwater not in its
    sentence'); a headline whose second word is not capitalised names no first word."""
    from reportkit.verify.labelindex import LabelIndex
    from reportkit.story import stem
    from reportkit.verify.sources import SourceIndex

    named, plain = _dairy(), _dairy("Milk intake falls after a wet spring")
    index = LabelIndex(SourceIndex([named, plain]))
    assert stem("Makorau") in index.names(named)
    assert stem("Milk") not in index.names(plain)


def test_a_deck_label_of_a_non_money_unit_keeps_its_precision_and_unit() -> None:
    """Week 8's and 14's table charts on the deck: bars labelled "15.10", "14.00" (cents of a
    week: the source says 15.1 and 14.0 weeks) with no unit; now as the brief prints them."""
    from reportkit.charts import excel_format

    assert excel_format("weeks", [15.1, 13.6, 14.0]) == '#,##0.0" weeks"'  # was '#,##0.00'
    assert excel_format("minutes", [7.6, 9.4, 11.8]) == '#,##0.0" minutes"'
    assert excel_format("tonnes", [3400, 2860]) == '#,##0" t"'
    assert excel_format("USD", [10.9, 12.5]) == '"$"#,##0.00'  # money keeps its cents
    assert excel_format("count", [3.5e6, 4e6]) == '#,##0.0,,"M"'
