"""A table's chart title says what, whose and when (session 18, Left 1 charts):

- whose, from the document's own words when the table's name lacks it: the subject of the lead
  sentence that does what the name's head noun names ("Iceland exported ... grey cement" for
  "Grey cement exports by port"), or the document title's possessive ("Norland's cement exports");
- a sentence "<name> were as follows:" before a table names it, as a caption does;
- a column beside another of the same unit ("Current" and "From 1 March") is named in the title
  and the caption: the table's name alone does not say which of the two the bars are;
- a column's header alone ("Change in tonnes on year") is never a title: such a chart is left out;
- verify flags either kind of title in an older build's brief and deck.
"""

from __future__ import annotations

from reportkit.charts.auto import candidates, to_chart
from reportkit.charts.titled import chart_title
from reportkit.facts import extract_facts
from reportkit.model import Block, Document, Section
from reportkit.story import header_key, header_title_why, with_whose
from reportkit.verify.charttitles import ChartTables, chart_title_why
from reportkit.verify.printed import read_printed

_HEADS = ("Port", "Tonnes", "Value (€ million)", "Change in tonnes on year (%)")
_ROWS = [("North Quay", "410,000", "41.5", "9.8"), ("Eastbank", "280,000", "29.1", "18.4"),
         ("Salt Point", "150,000", "16.4", "(3.5)"), ("Other ports", "90,000", "9.2", "15.2")]
_LEAD = "Iceland exported 930,000 tonnes of grey cement in 2026, 8% more than a year earlier."


def _doc(title: str, intro: str, caption: str | None = None, heads=_HEADS, rows=_ROWS, lead=_LEAD) -> Document:
    items = ["; ".join(f"{h}: {v}" for h, v in zip(heads, row)) for row in rows]
    blocks = [Block("paragraph", lead), Block("paragraph", intro), Block("list", items=items, caption=caption)]
    doc = Document(source="cement.md", title=title, date="2027-02-10", sections=[Section("Markets", blocks)])
    doc.facts = extract_facts(doc.body_text(), "cement.md", date="2027-02-10")
    return doc


def _chart(doc: Document, measure: str):
    c = next(c for c in candidates([doc]) if c.kind == "comparison" and c.measure.lower().startswith(measure))
    return to_chart(c, "auto_1")


def test_whose_from_the_lead_sentences_subject() -> None:
    doc = _doc("Cement export statistics, 2026", "Demand held up in every port.",
               caption="Table 1. Grey cement exports by port, 2026")
    chart = _chart(doc, "value")
    assert chart.title == "Iceland grey cement exports by port, 2026: value"  # was "Grey cement exports by ..."


def test_whose_from_the_documents_possessive_title() -> None:
    doc = _doc("Norland's cement exports: a strong year", "Demand held up in every port.",
               caption="Grey cement exports by port, 2026", lead="Shipments of grey cement rose in 2026, by 8%.")
    assert _chart(doc, "value").title == "Norland's grey cement exports by port, 2026: value"


def test_no_whose_the_lead_does_not_say() -> None:
    # the lead's subject ships, it does not export cement: no words of whose
    doc = _doc("Cement export statistics, 2026", "Demand held up in every port.",
               caption="Grey cement exports by port, 2026", lead="Harbour Lines shipped 930,000 tonnes in 2026.")
    assert with_whose(doc, "Grey cement exports by port, 2026") == "Grey cement exports by port, 2026"


def test_an_as_follows_sentence_names_the_table_and_a_change_column_gets_it() -> None:
    doc = _doc("Norland cement exports: a strong year", "Exports by port in 2026 were as follows:")
    titles = {c.measure: chart_title(c) for c in candidates([doc]) if c.kind == "comparison"}
    assert titles["Change in tonnes on year"] == \
        "Norland cement exports by port in 2026: change in tonnes on year"  # was the header alone


def test_a_column_header_alone_is_not_charted() -> None:
    doc = _doc("Port notes", "Prices fell.")
    for c in candidates([doc]):
        assert chart_title(c) != "Change in tonnes on year"


def test_a_column_beside_a_same_unit_column_is_named() -> None:
    heads = ("Ticket", "Current", "From 1 March", "Change (%)")
    rows = [("Single ride", "30", "36", "20.0"), ("Day ticket", "90", "110", "22.2"),
            ("Monthly pass", "550", "640", "16.4"), ("Child single ride", "15", "15", "0.0")]
    doc = _doc("Tram fares to rise in Norvik", "The council voted on Monday.",
               caption="Norvik tram fares (NOK)", heads=heads, rows=rows, lead="The council voted to raise fares.")
    chart = _chart(doc, "from 1 march")
    assert chart.title == "Norvik tram fares (NOK): from 1 March"  # was the caption alone
    assert chart.caption.startswith("Norvik tram fares (NOK), from 1 March: highest in Monthly pass")


def test_verify_flags_a_header_title_and_a_title_without_whose() -> None:
    doc = _doc("Cement export statistics, 2026", "Demand held up in every port.",
               caption="Table 1. Grey cement exports by port, 2026")
    tables = ChartTables([doc])
    assert "column header" in chart_title_why("Change in tonnes on year", tables)
    assert "Iceland" in chart_title_why("Grey cement exports by port, 2026: value", tables)
    assert chart_title_why("Iceland grey cement exports by port, 2026: value", tables) is None
    assert chart_title_why("Cement prices by port", tables) is None
    assert header_title_why("Change", {header_key("Change (%)")})
    assert header_title_why("Exports", {header_key("Exports (US$m)")}) is None  # names what it counts


def test_verify_reads_a_deck_chart_slides_title() -> None:
    slide = ("Change in tonnes on year\n\nDesk footer\n10\n\nKEY INSIGHT\n"
             "Change in tonnes on year: highest in Eastbank (18.4%), lowest in Salt Point (-3.5%).\n"
             "Source: Cement export statistics (cement.md)")
    titles = [p.label for p in read_printed(slide, "slide 10") if p.kind == "chart title"]
    assert titles == ["Change in tonnes on year"]
