"""A table chart's title names the column it plots (session 16, week 22's Figure 1):

- a table's caption titles a chart of one of its columns only when it names that column, or when
  the column is its table's only measure (beside it only changes of nothing named: "Change (%)");
- a column the facts stage read no cell of ("Members borrowing": no plural noun counts them) is as
  much a measure the caption may name as one it read: its caption does not title another column
  (week 22: "Surgery waiting list by region, end of March 2027" over each region's average wait in
  days, its caption line "Surgery waiting list: highest in ... (356 days)");
- the deck's native chart names its series with the same words (its bars' name is the title's).
"""

from __future__ import annotations

from reportkit.charts.auto import candidates, to_chart
from reportkit.facts import column_measure, extract_facts
from reportkit.model import Block, Document, Section

_LOANS = """Branch: Northgate; Members borrowing: 12,400; Change on year (%): (3.1); Average loan (days): 19
Branch: Riverside; Members borrowing: 9,800; Change on year (%): 2.2; Average loan (days): 23
Branch: Old Town; Members borrowing: 7,300; Change on year (%): (0.8); Average loan (days): 17
Branch: Hillcrest; Members borrowing: 5,100; Change on year (%): 4.5; Average loan (days): 21"""


def _doc(rows: str, caption: str) -> Document:
    doc = Document(source="loans.html", title="Library borrowing steadies", date="2026-07-06", sections=[
        Section(None, [Block("paragraph", "The city's libraries lent 1.2 million books in the first half."),
                       Block("list", items=rows.split("\n"), caption=caption)])])
    doc.facts = extract_facts(doc.body_text(), "loans.html", date="2026-07-06")
    return doc


def _chart(doc: Document, measure: str):
    c = next(c for c in candidates([doc]) if c.measure.startswith(measure))
    return to_chart(c, "auto_1")


def test_a_caption_naming_no_column_does_not_title_one_beside_another_measure() -> None:
    chart = _chart(_doc(_LOANS, "Library borrowers by branch, end of June 2026"), "Average loan")
    assert chart.title == "Average loan by branch"  # was the caption: bars of days under the borrowers' name
    assert (chart.caption or "").startswith("Average loan: highest in Riverside (23 days)")
    assert {p.series for p in chart.points} == {"Average loan"}  # the deck's native chart names its series so


def test_a_caption_over_its_tables_only_measure_still_titles_it() -> None:
    rows = "\n".join("; ".join(part for part in row.split("; ") if not part.startswith("Members"))
                     for row in _LOANS.split("\n"))  # beside it only a change of nothing named
    chart = _chart(_doc(rows, "Library loans by branch, first half of 2026"), "Average loan")
    assert chart.title.startswith("Library loans by branch, first half of 2026")


def test_a_caption_that_names_the_column_titles_it_beside_another_measure() -> None:
    chart = _chart(_doc(_LOANS, "Average loan by branch, end of June 2026"), "Average loan")
    assert chart.title.startswith("Average loan by branch, end of June 2026")


def test_a_column_header_names_a_measure_or_none() -> None:
    assert column_measure("Members borrowing") == "Members borrowing"
    assert column_measure("Average loan (days)") == "Average loan"
    assert column_measure("Occupancy 2026 (%)") == "Occupancy"
    assert column_measure("Change on year (%)") == ""  # a change of what, its header does not say
    assert column_measure("Margin, this week") == ""  # which week: a reader's guess
    assert column_measure("Change in value on 2025 (%)") == "Change in value on 2025"  # its base year kept
