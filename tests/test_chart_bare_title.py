"""A chart title says what its bars measure, not a quantity word alone (session 17, Left 1 charts):

- a table's column headed with a generic quantity word ("Volume (thousand tonnes)", "Value (€
  million)") is titled with its table's name and that word ("Cement shipments by port in 2026:
  volume"), the name's head noun as the document's own title writes it with whose ("Coastal
  cement shipments"); never "Volume" or "Value by branch" alone;
- a share each row has of its own whole ("Electric share (%)": the rows do not add up to a
  whole) is not captioned "highest in ...", which reads as that row's share of all electric cars;
- verify flags a bare title an older build printed, in the brief and on a deck's chart slide.
"""

from __future__ import annotations

from reportkit.charts.auto import candidates, to_chart
from reportkit.facts import extract_facts
from reportkit.model import Block, Document, Section
from reportkit.story import bare_measure, bare_title_why

_PORTS = [("North Quay", "410", "12.5"), ("Eastbank", "280", "9.1"), ("Salt Point", "150", "6.4"),
          ("Other ports", "90", "2.2")]


def _doc(title: str, intro: str, caption: str | None = None, heads=("Port", "Volume (thousand tonnes)",
                                                                        "Value (€ million)"),
         rows=_PORTS) -> Document:
    items = ["; ".join(f"{h}: {v}" for h, v in zip(heads, row)) for row in rows]
    blocks = [Block("paragraph", "Exporters shipped 930,000 tonnes of cement in 2026, up 4%."),
              Block("paragraph", intro), Block("list", items=items, caption=caption)]
    doc = Document(source="cement.md", title=title, date="2027-02-10", sections=[Section("Markets", blocks)])
    doc.facts = extract_facts(doc.body_text(), "cement.md", date="2027-02-10")
    return doc


def _chart(doc: Document, measure: str):
    c = next(c for c in candidates([doc]) if c.kind == "comparison" and c.measure.lower().startswith(measure))
    return to_chart(c, "auto_1")


def test_a_volume_column_is_titled_with_its_tables_name_and_whose() -> None:
    doc = _doc("Coastal cement shipments: the year 2026", "The table shows shipments by port in 2026.")
    chart = _chart(doc, "volume")
    assert chart.title == "Coastal cement shipments by port in 2026: volume"  # was "Volume"
    assert bare_title_why(chart.title) is None


def test_the_tables_name_alone_when_the_documents_title_does_not_say_whose() -> None:
    doc = _doc("Port statistics: the year 2026", "The table shows shipments by port in 2026.")
    assert _chart(doc, "volume").title == "Shipments by port in 2026: volume"


def test_a_value_column_under_a_caption_naming_another_column() -> None:
    heads = ("Branch", "Loans approved", "Value (€ million)")
    rows = [("Harbourside", "1,720", "139.5"), ("Old Town", "1,140", "113.8"), ("Westfield", "690", "58.7"),
            ("Other branches", "870", "73.4")]
    doc = _doc("Building society lending, first half 2026", "Lending rose in every branch.",
               caption="Loans approved by branch, first half 2026", heads=heads, rows=rows)
    chart = _chart(doc, "value")
    assert chart.title == "Loans approved by branch, first half 2026: value"  # was "Value by branch"


def test_a_share_within_each_row_gets_no_highest_caption() -> None:
    heads = ("Dealer group", "Registrations", "Electric share (%)")
    rows = [("Harbour Motors", "1,630", "57"), ("Ridge Autos", "1,270", "38"), ("Delta Cars", "980", "33"),
            ("Other dealers", "1,250", "28")]
    doc = _doc("Car sales, first half 2026", "Electric cars sold faster than any others.",
               caption="Registrations by dealer group", heads=heads, rows=rows)
    chart = _chart(doc, "electric share")
    assert chart.caption is None  # was "Electric share: highest in Harbour Motors (57%)."
    assert [p.value for p in chart.points] == [57, 38, 33, 28]


def test_bare_measure_words() -> None:
    assert bare_measure("Volume") and bare_measure("value") and not bare_measure("Average wait")
    for title in ("Volume", "Value by parish", "Share, 2026", "Volume by market, first quarter 2027"):
        assert bare_title_why(title), title
    for title in ("Share of world crop by country", "Loans approved by parish: value", "Revenue",
                  "Value added by industry, 2026", "Volume of trade by partner"):
        assert bare_title_why(title) is None, title


def test_verify_flags_a_bare_title_in_a_brief_and_on_a_deck_slide(tmp_path) -> None:
    from reportkit.verify import load_sources
    from reportkit.verify.labels import label_problems

    (tmp_path / "cement.md").write_text(
        "# Coastal cement shipments: the year 2026\n\n## Markets\n\nThe table shows shipments by port in 2026.\n\n"
        "| Port | Volume (thousand tonnes) | Value (€ million) |\n|---|---:|---:|\n"
        + "".join(f"| {p} | {v} | {w} |\n" for p, v, w in _PORTS), encoding="utf-8")
    sources = load_sources([tmp_path])

    def page(title: str) -> list[tuple[str, str]]:
        return [("page 2", f"FIGURE 1\n410,000 tonnes\n280,000 tonnes\n150,000 tonnes\n90,000 tonnes\n"
                           f"North Quay\nEastbank\nSalt Point\nOther ports\n{title}\n"
                           "Source: Coastal cement shipments: the year 2026 (cement.md)\n")]

    flagged = label_problems(page("Volume"), sources)
    assert flagged and all("'Volume' alone says not of what" in p for p in flagged)
    assert label_problems(page("Coastal cement shipments by port in 2026: volume"), sources) == []
    slide = ("slide 10", "Volume\n\n\nKEY INSIGHT\nVolume: highest in North Quay (410,000 tonnes), lowest in "
                         "Other ports.\nSource: Coastal cement shipments: the year 2026 (cement.md)")
    assert any("slide 10: chart title 'Volume'" in p for p in label_problems([slide], sources))


def test_a_captions_head_noun_is_written_as_the_documents_title_writes_it_with_whose() -> None:
    heads = ("Destination", "Value (€ million)")
    rows = [("Portugal", "41.5"), ("Morocco", "22.0"), ("Chile", "13.1"), ("Other", "9.4")]
    doc = _doc("Spiced noodle exports: the heat travels", "Sales abroad kept rising.",
               caption="Exports by destination, 2026", heads=heads, rows=rows)
    assert _chart(doc, "value").title == "Spiced noodle exports by destination, 2026"  # was "Exports by ..."
    # a title that says something else before its colon gives no words
    doc = _doc("Noodle makers raise prices: exports slow", "Sales abroad kept rising.",
               caption="Exports by destination, 2026", heads=heads, rows=rows)
    assert _chart(doc, "value").title == "Exports by destination, 2026"


def test_a_bare_volume_column_that_nothing_names_is_not_charted() -> None:
    doc = _doc("Port statistics: the year 2026", "Ships waited longer in the second half.")
    doc.sections[0].heading = None
    assert not [c for c in candidates([doc]) if c.measure.lower().startswith("volume")]
