"""Automatic charts of one sentence's figures keep what the sentence says of them (session 14,
week 18 first contact: "Revenue" and "Viewers" titles, captions that restate the bars):

- whose: a trend whose figures name no subject takes the article's (the headline's and its first
  named figure's), unless its sentence names someone else or points back ("Its ...");
- per what: "38 million viewers a match" keeps "a match" (an average, not a total);
- the caveat: "..., although most of the gain came from a weaker cedi" stays in the caption, in the
  source's words; a caveat holding another number leaves no caption.
"""

from __future__ import annotations

from reportkit.charts.auto import candidates, to_chart
from reportkit.facts import extract_facts
from reportkit.model import Block, Document, Section

_LEAD = ("Harmatt Foods, Ghana's third-largest maker of shea butter, said on Monday it processed 41,600 tonnes "
         "of shea nuts in the fourth quarter, 11.3% more than a year earlier.")
_REVENUE = ("Revenue for the quarter rose to GH₵ 612 million from GH₵ 498 million in the same quarter of 2025, "
            "although most of the gain came from a weaker cedi.")


def _doc(*paragraphs: str, title: str = "Ghana's Harmatt Foods crushes more nuts") -> Document:
    doc = Document(source="a.txt", title=title, date="2027-03-08",
                   sections=[Section(None, [Block("paragraph", p) for p in paragraphs])])
    doc.facts = extract_facts(doc.body_text(), "a.txt", date="2027-03-08")
    return doc


def _trend(doc: Document):
    c = next(c for c in candidates([doc]) if c.kind == "trend")
    return c, to_chart(c, "auto_1")


def test_a_trend_with_no_subject_takes_the_articles_and_keeps_its_caveat() -> None:
    _c, chart = _trend(_doc(_LEAD, _REVENUE))
    assert chart.title == "Revenue, Harmatt Foods"  # was "Revenue"
    assert chart.caption == ("Revenue, Harmatt Foods: 498M GHS in Q4 2025, 612M GHS in Q4 2026, "
                             "although most of the gain came from a weaker cedi.")


def test_no_owner_when_the_headline_does_not_name_it_or_the_sentence_names_another() -> None:
    _c, chart = _trend(_doc(_LEAD, _REVENUE, title="Shea butter prices slip"))
    assert chart.title == "Revenue"
    other = _REVENUE.replace("Revenue for the quarter", "Revenue at Kpone Mills for the quarter")
    _c, chart = _trend(_doc(_LEAD, other))
    assert "Harmatt" not in chart.title
    back = _REVENUE.replace("Revenue for the quarter", "Its revenue for the quarter")
    _c, chart = _trend(_doc(_LEAD, "Kpone Mills also reported.", back))
    assert "Harmatt" not in chart.title


def test_a_caveat_with_a_number_of_its_own_leaves_no_caption() -> None:
    numbered = _REVENUE.replace("although most of the gain came from a weaker cedi",
                                "although 80% of the gain came from a weaker cedi")
    _c, chart = _trend(_doc(_LEAD, numbered))
    assert chart.caption is None


def test_an_average_a_match_is_not_printed_as_a_total() -> None:
    doc = _doc("The Harmatt League sold 486,000 tickets in the first two weeks of its season.",
               "Television audiences averaged 38 million viewers a match in February, against 31 million in "
               "February 2026.", title="Harmatt League sells record tickets")
    c, chart = _trend(doc)
    assert chart.title == "Viewers a match, Harmatt League"  # was "Viewers"
    assert chart.caption.startswith("Viewers a match, Harmatt League: 31M in Feb 2026, 38M in Feb 2027")
    assert {p.series for p in chart.points} == {"Viewers a match"}


def test_no_owner_when_the_sentence_says_whose_figure_it_is() -> None:
    said = "Grocery price inflation eased to 4.2% in November from 4.9% in October, ShopScan said."
    doc = _doc("Harmatt Foods reports third-quarter trading on Thursday, with sales of £2.1 billion.", said,
               title="UK grocers: Harmatt to lead again")
    _c, chart = _trend(doc)
    assert "Harmatt" not in chart.title and "Harmatt" not in (chart.caption or "")


_JUTE = ("Product: Yarn and twine; Tonnes: 301,400; US$ million: 288.6; Change on year (%): (6.2)\n"
         "Product: Sacks and bags; Tonnes: 58,300; US$ million: 71.0; Change on year (%): 9.4\n"
         "Product: Raw jute; Tonnes: 54,900; US$ million: 31.8; Change on year (%): (18.5)\n"
         "Product: Other; Tonnes: 23,400; US$ million: 20.6; Change on year (%): 3.1\n"
         "Product: Total; Tonnes: 438,000; US$ million: 412.0; Change on year (%): (6.1)")


def _table_doc(heading: str) -> Document:
    doc = Document(source="a.docx", title="Jute trade", date="2027-03-10",
                   sections=[Section(None, [Block("paragraph", _LEAD),
                                            Block("paragraph", _REVENUE)]),
                             Section(heading, [Block("list", items=_JUTE.split("\n"))])])
    doc.facts = extract_facts(doc.body_text(), "a.docx", date="2027-03-10")
    return doc


def test_a_currency_only_column_is_read_and_charted_under_its_tables_name() -> None:
    doc = _table_doc("Table 1: Exports by product, July–December 2026")
    cells = [f for f in doc.facts if f.unit == "USD" and f.text in ("288.6", "71.0", "31.8", "20.6", "412.0")]
    assert [f.value for f in cells] == [288.6e6, 71.0e6, 31.8e6, 20.6e6, 412.0e6]  # "US$ million" read
    assert all(not f.measure and not f.subject for f in cells)  # what they are, the header does not say
    found = candidates([doc])
    c = next(c for c in found if c.kind == "comparison" and c.facts[0].unit == "USD")
    chart = to_chart(c, "auto_1")
    assert chart.title == "Exports by product, July–December 2026"
    assert chart.categories == ["Yarn and twine", "Sacks and bags", "Raw jute", "Other"]  # no Total
    # the Other bar ($20.6M) is lower than Raw jute's: "lowest in Raw jute" would contradict the chart
    assert chart.caption == "Exports: highest in Yarn and twine ($288.6M)."
    # the table its name titles, four rows, before the prose's two-bar change of equal weight
    assert found.index(c) < next(i for i, x in enumerate(found) if x.kind in ("trend", "change"))


def test_a_name_that_does_not_say_what_the_rows_are_titles_no_chart() -> None:
    doc = _table_doc("Buyers")
    assert not [c for c in candidates([doc]) if c.facts[0].unit == "USD" and c.kind == "comparison"]


def test_verify_takes_a_span_its_tables_name_writes_as_one_period() -> None:
    from reportkit.story import Sentence
    from reportkit.story.wording import label_why

    doc = _table_doc("Table 1: Exports by product, July–December 2026")
    cell = next(f for f in doc.facts if f.text == "288.6")
    row = _JUTE.split("\n")[0]
    why = label_why("Exports by product, July–December 2026", cell, Sentence(row, "", doc), set(), doc.body_text())
    assert why is None  # was "names two periods"
    other = label_why("Exports, July 2026, December 2026", cell, Sentence(row, "", doc), set(), doc.body_text())
    assert other is not None


def test_a_deck_bar_of_a_currency_with_no_symbol_names_it() -> None:
    from reportkit.charts import excel_format

    assert excel_format("GHS", [498e6, 612e6]) == '#,##0,,"M GHS"'  # was "498M": no currency on the bar
    assert excel_format("RSD", [390, 520], "kilogram") == '#,##0" RSD/kilogram"'
    assert excel_format("USD", [2.8e6, 86.4e6]) == '"$"#,##0.0,,"M"'  # a symbol's currency as before
