"""A table's column header that names its unit in brackets ("Q3 2026 output (tonnes)") gives its
cells that unit, a cell's label says whose row it is, and a story's figures come from its prose
before its tables (reportkit.facts.read, reportkit.facts.label, reportkit.story.stories)."""

from __future__ import annotations

from reportkit.facts import add_facts, extract_facts
from reportkit.readers import read_file

from conftest import ROOT
from test_labels_period import _story


def test_a_unit_in_a_column_header_is_the_cells_unit() -> None:
    facts = extract_facts("Mine: Sierra Alta; Q3 2026 output (tonnes): 51,200; Change from Q3 2025: -19%", "a.txt")
    cell = next(f for f in facts if f.text == "51,200")  # was not read at all: a bare number
    assert (cell.value, cell.unit) == (51200, "tonnes")
    assert cell.label == "Sierra Alta Q3 2026 output"  # whose row, and no unit bracket
    money = extract_facts("Region: North; Revenue ($ million): 120", "a.txt")[0]
    assert (money.value, money.unit) == (120e6, "USD")
    rate = extract_facts("Year: 2024; Output (barrels per day): 1,200", "a.txt")[0]
    assert rate.unit == "barrels_per_day" and rate.label == "Output"  # a year is no row name
    assert extract_facts("Team: Reds; Points (pts): 12", "a.txt") == []  # no unit read: no figure


def test_a_story_states_its_prose_figures_before_its_table_rows() -> None:
    doc = add_facts(read_file(ROOT / "tests" / "data" / "news_heldout4" / "q6_copper_mine.html"))
    story = _story(doc)
    assert not any(label.endswith("output") and "Q3 2026" in label for label in story.values())
    assert "$2.31/pound" in story
