"""A table row's bare numbers are read with what its headers say (reportkit.facts.cells): the unit
and scale in a bracket or after a comma, a negative in accountant's brackets or with U+2212, the
header's words as measure, its period, the row's name as subject; totals are named so a chart
leaves them out, and verify reads a title made of a header as the facts stage does."""

from __future__ import annotations

from reportkit.charts.auto import candidates
from reportkit.facts import extract_facts
from reportkit.model import Block, Document, Section
from reportkit.story import Sentence
from reportkit.story.wording import label_why


def _cell(row: str, text: str, date: str | None = None):
    return next(f for f in extract_facts(row, "a.md", date=date) if f.text == text)


def test_a_scale_in_the_header_multiplies_a_count_of_its_words() -> None:
    f = _cell("Area: Rotkamm; Skier days (thousands): 612; Change on year (%): 9.1", "612")
    assert (f.value, f.unit, f.measure, f.subject) == (612000, "count", "Skier days", "Rotkamm")
    g = _cell("Quarter: Q1; Parcels (millions): 88; Letters (millions): 287", "287")
    assert (g.value, g.unit, g.measure) == (287e6, "count", "Letters")


def test_a_price_per_unit_in_the_header() -> None:
    f = _cell("Product: Urea (granular); Price ($/t): 412; Change (%): 14.1", "412")
    assert (f.value, f.unit, f.per, f.measure, f.subject) == (412, "USD", "tonne", "Price", "Urea")
    from reportkit.facts.cells import header_unit

    assert header_unit("Margin ($/bbl)")[:2] == ("USD", "barrel")


def test_percent_and_money_scales_in_brackets_or_after_a_comma() -> None:
    from reportkit.facts.cells import header_unit

    f = _cell("Market: Asia; Share (%): 23.5; Revenue, €m: 298", "23.5")
    assert (f.value, f.unit, f.measure) == (23.5, "percent", "Share")
    g = _cell("Market: Asia; Share (%): 23.5; Revenue, €m: 298", "298")
    assert (g.value, g.unit, g.measure) == (298e6, "EUR", "Revenue")
    assert header_unit("Sales (£m)")[:3] == ("GBP", None, 1e6)


def test_negatives_in_brackets_or_with_a_unicode_minus() -> None:
    f = _cell("District: Airport; Average rate 2026 ($): 131.90; Change in rate (%): (0.6)", "(0.6)")
    assert (f.value, f.unit, f.measure) == (-0.6, "percent", "Change in rate")
    g = _cell("Product: DAP; Price ($/t): 655; Change (%): −2.3", "−2.3")
    assert g.value == -2.3
    from reportkit.facts.cells import number

    assert number("(4.2)") == -4.2 and number("−4.2") == -4.2 and number("-4.2") == -4.2
    assert number("(4.2") is None and number("(−4.2)") is None


def test_a_period_in_the_header_or_in_the_first_column() -> None:
    f = _cell("District: Airport; Occupancy 2026 (%): 70.2; Rooms: 8,400", "70.2")
    assert (f.measure, f.period, f.year) == ("Occupancy", "2026", 2026)
    g = _cell("Year: 2025; Exports (€m): 512", "512")
    assert (g.period, g.year, g.subject) == ("2025", 2025, None)
    # "18 Dec 2026" in a neighbouring cell is not this cell's year
    h = _cell("Product: Ammonia; 15 Jan 2027 ($/t): 598; 18 Dec 2026 ($/t): 612", "598")
    assert (h.year, h.period) == (None, None)
    from reportkit.facts.cells import period

    assert period("Revenue Q3 2026")[:3] == ("2026-Q3", 2026, "Revenue")
    assert period("FY2026 sales")[:2] == ("FY2026", 2026)
    assert period("15 Jan 2027 ($/t)")[:2] == (None, None)  # a day's date is no period


def test_a_cell_whose_unit_or_meaning_is_unclear_is_no_fact() -> None:
    # a plural header over a whole number counts what it names (facts.cells.counted_header): 14,200 rooms
    [rooms] = [f for f in extract_facts("District: Old Harbour; Rooms: 14,200; Occupancy (%): 79.5", "a.md")
               if f.text == "14,200"]
    assert (rooms.unit, rooms.measure, rooms.subject) == ("count", "Rooms", "Old Harbour")
    assert not any(f.text == "14.2" for f in extract_facts("District: Old Harbour; Rooms: 14.2; Occupancy (%): 79.5",
                                                           "a.md"))  # no whole number: not a count
    assert not any(f.text == "612" for f in extract_facts("Area: Rotkamm; 2026 (thousands): 612; Area code: 4", "a.md"))
    f = _cell("Area: Rotkamm; Skier days (thousands): 612; Change on year (%): 9.1", "9.1")
    assert (f.unit, f.measure, f.subject) == ("percent", None, None)  # a change, of what the header does not say
    g = _cell("Region: Singapore; Margin, this week ($/bbl): 5.90; Margin, October ($/bbl): 7.40", "5.90")
    assert g.measure is None


TABLE = """Hotels did well.

District: Old Harbour; Rooms (thousands): 14.2; Occupancy 2026 (%): 79.5
District: Airport; Rooms (thousands): 8.4; Occupancy 2026 (%): 70.2
District: Beaches; Rooms (thousands): 4.6; Occupancy 2026 (%): 73.0
District: City; Rooms (thousands): 27.2; Occupancy 2026 (%): 74.8"""


def test_a_row_that_sums_the_others_is_a_total_and_no_chart_draws_it() -> None:
    doc = Document(source="a.md", title="Hotels", date="2027-01-28",
                   sections=[Section(None, [Block("paragraph", TABLE)])])
    doc.facts = extract_facts(doc.body_text(), "a.md", date="2027-01-28")
    occupancy = [c for c in candidates([doc]) if c.measure == "Occupancy"]
    assert occupancy and occupancy[0].categories == ["Old Harbour", "Airport", "Beaches"]
    from reportkit.facts import total_cells

    facts = extract_facts(TABLE, "a.md", date="2027-01-28")
    totals = total_cells(facts)
    assert {f.text for f in facts if f.id in totals} == {"27.2", "74.8"}  # 14.2 + 8.4 + 4.6 = 27.2
    labelled = extract_facts(TABLE.replace("District: City", "District: Total"), "a.md")
    assert {f.text for f in labelled if f.id in total_cells(labelled)} == {"27.2", "74.8"}


def test_a_table_row_dated_after_the_article_is_no_point_of_a_trend() -> None:
    text = "Year: 2011; Capacity (tonnes): 4.5\nYear: 2026; Capacity (tonnes): 6.0\nYear: 2028; Capacity (tonnes): 12.0"
    doc = Document(source="a.md", title="Terminal", date="2026-12-15", sections=[Section(None, [Block("paragraph", text)])])
    doc.facts = extract_facts(doc.body_text(), "a.md", date="2026-12-15")
    trends = [c for c in candidates([doc]) if c.kind == "trend"]
    assert trends and trends[0].categories == ["2011", "2026"]


def test_verify_reads_a_title_made_of_a_column_header() -> None:
    row = "Quarter: Q1; Parcels (millions): 88; Parcels change on year (%): (1.1); Letters (millions): 287"
    f = _cell(row, "88")
    doc = Document(source="a.md", title="Post", sections=[Section(None, [Block("paragraph", row)])])
    s = Sentence(row, "", doc, at=row.find("88"))
    assert label_why("Parcels", f, s, set(), "a.md") is None  # was "cut short of its noun ... 'Parcels change'"
    days = "Area: Rotkamm; Skier days (thousands): 612; Change on year (%): 9.1"
    g = _cell(days, "612")
    assert label_why("Skier days", g, Sentence(days, "", doc, at=days.find("612")), set(), "a.md") is None
    # the header's words pass; a period the row does not say is still caught
    assert label_why("Skier days, 2025", g, Sentence(days, "", doc, at=days.find("612")), set(), "a.md") is not None


def test_verify_counts_the_categories_a_description_lists() -> None:
    from reportkit.verify.described import listed_counts

    text = "Bar chart comparing output across 3 categories: Sierra Alta 51,200 t, Rio Claro 30,600 t, Montebajo 16,500 t;"
    assert listed_counts(text) == [(text.find("3 categories"), text.find("3 categories") + 1)]
    assert listed_counts(text.replace("across 3", "across 4")) == []  # a count the list does not bear out


def test_a_table_is_compared_with_itself_and_its_period_titles_the_chart() -> None:
    from reportkit.charts.auto import _title

    text = ("Valmora sold 1.86 million skier days.\n\n"
            "Area: Rotkamm; Skier days 2026 (thousands): 612\nArea: Sennalp; Skier days 2026 (thousands): 488\n"
            "Area: Tiefenbach; Skier days 2026 (thousands): 301")
    doc = Document(source="a.md", title="Ski", date="2027-01-19", sections=[Section(None, [Block("paragraph", text)])])
    doc.facts = extract_facts(doc.body_text(), "a.md", date="2027-01-19")
    found = [c for c in candidates([doc]) if c.kind == "comparison"]
    assert found and found[0].categories == ["Rotkamm", "Sennalp", "Tiefenbach"]  # not the text's Valmora
    assert _title(found[0]) == "Skier days, 2026"


def test_a_cell_repeating_an_amount_of_the_text_keeps_whose_it_is() -> None:
    text = ("Harbour City will double its import capacity to 12 million tonnes a year by 2028.\n\n"
            "Year: 2026; Capacity (million tonnes a year): 6.0\nYear: 2028; Capacity (million tonnes a year): 12.0")
    cell = next(f for f in extract_facts(text, "a.md") if f.text == "12.0")
    assert (cell.measure, cell.period) == ("Capacity", "2028")
    assert cell.subject == "Harbour City"  # the text's figure's owner; the row names none
