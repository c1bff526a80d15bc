"""Week 13's first contact (2027-W05): a figure that is one end of a range, a label cut short
of its noun, and verify reading each key-figure card with its own label. Invented sentences
(CC0), written for these rules, not the week's."""

from __future__ import annotations

import pytest

from reportkit.facts.extract import extract_facts
from reportkit.verify import load_sources
from reportkit.verify.labels import label_problems, read_printed


def _facts(text: str):
    return extract_facts(text, "t.txt")


@pytest.mark.parametrize("sentence, low, high", [
    # "makes up" / "takes up" is no rise: the figures after it are a range
    ("Fuel, which makes up 25% to 35% of an airline's running costs, rose again.", 25, 35),
    ("Storage takes up 10% to 15% of the site.", 10, 15),
    # a change still to come is told as a range of outcomes, not a move to a level
    ("The miller expects sales to fall by 2% to 4% in 2028.", 2, 4),
    ("Output could rise by 5% to 7% next year.", 5, 7),
])
def test_a_range_after_make_up_or_a_forecast_change_is_one_fact(sentence, low, high):
    fs = _facts(sentence)
    assert [f.range for f in fs if f.unit == "percent"] == [[low, high]]


@pytest.mark.parametrize("sentence", [
    "Prices were up 3% to 4.5% a year later.",  # "up X to Y": still a move
    "The bank cut its stake by 5% to 20%.",
    "Margins rose from 3% to 4%.",
])
def test_a_move_is_still_two_figures(sentence):
    assert all(f.range is None for f in _facts(sentence))


@pytest.mark.parametrize("sentence, label", [
    ("Wages, which make up 30% of an operator's running costs, rose.", "running costs"),
    ("Energy is 12% of the group's operating costs.", "operating costs"),
    ("Grain was 40% of the country's exports.", "country's exports"),
])
def test_a_label_does_not_stop_before_its_noun(sentence, label):
    f = next(f for f in _facts(sentence) if f.unit == "percent")
    assert f.label.endswith(label)


def test_its_is_no_owner():
    f = next(f for f in _facts("It's grown 12% since the spring, it's said.") if f.unit == "percent")
    assert "said" not in (f.label or "")


ARTICLE = """Ferry operator carries more passengers

BERGEN, March 3, 2027 - Westfjord Ferries carried almost 2.4 million passengers in 2026, up 6%.
Passengers spent an average of €38 each on board. Fuel, which makes up 20% to 30% of an operator's
running costs, cost about €61 a tonne more than in 2025.
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("w13-src")
    (folder / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    return load_sources([folder])


def test_a_card_value_with_a_qualifier_ends_the_label_above_it():
    # the brief's story row, read as pdftotext gives it: each value with its own label
    page = "+6%\nPassengers\nalmost 2.4M\nPassengers, 2026\nan average of €38\nPassengers\n"
    got = [(p.shown, p.label) for p in read_printed(page, "page 3") if p.kind == "figure"]
    assert got == [("+6%", "Passengers"), ("almost 2.4M", "Passengers, 2026"), ("an average of €38", "Passengers")]


def test_no_false_alarm_from_a_neighbour_card(index):
    page = "Key figures\nalmost 2.4M\nPassengers\nan average of €38\nPassengers\n"
    assert not [p for p in label_problems([("page 3", page)], index) if "2.4M" in p]


def test_one_end_of_a_range_printed_as_the_value_is_flagged(index):
    for shown in ("30%", "20%"):
        problems = label_problems([("slide 4", f"{shown}\nOperator's running costs\nSource: S1\n")], index)
        assert any("one end of the range" in p for p in problems), problems


def test_the_whole_range_printed_passes_the_range_check(index):
    problems = label_problems([("slide 4", "20%–30%\nOperator's running costs\nSource: S1\n")], index)
    assert not any("one end of the range" in p for p in problems), problems


def test_a_figure_label_cut_before_its_noun_is_flagged(tmp_path):
    (tmp_path / "a.txt").write_text("Depot costs\n\nRent makes up 14% of a depot's operating costs, the firm said.\n",
                                    encoding="utf-8")
    idx = load_sources([tmp_path])
    problems = label_problems([("page 2", "14%\nDepot's operating\n")], idx)
    assert any("cut short of its noun" in p and "operating costs" in p for p in problems), problems
    assert not label_problems([("page 2", "14%\nDepot's operating costs\n")], idx)


def test_a_share_labelled_by_its_whole_alone_is_not_printed():
    from reportkit.story.misreads import part_untold

    f = next(f for f in _facts("Fuel, which makes up 25% to 35% of an airline's running costs, rose.")
             if f.unit == "percent")
    assert part_untold(f, "Airline's running costs")
    assert not part_untold(f, "Fuel, airline's running costs")
    g = next(f for f in _facts("Sales rose 4% in the quarter.") if f.unit == "percent")
    assert not part_untold(g, "Sales")
    # a whole's own change: its label says what fell
    h = next(f for f in _facts("Patients lost 13.8% of their body weight.") if f.unit == "percent")
    assert not part_untold(h, "Body weight")


def _doc(text: str):
    from reportkit.readers import read_text
    from reportkit.facts import add_facts

    doc = read_text(text, "a.txt")
    add_facts(doc)
    return doc


def test_a_part_s_figure_after_a_colon_is_not_the_group_s():
    from reportkit.story.owner import other_owner

    doc = _doc("Brewer sells less\n\nThe brewer sold 2.1 million hectolitres, 3% less than a year earlier. Cider, "
               "which is a tenth of its sales, was the exception: its volumes rose 21% in the quarter to "
               "92,000 hectolitres.\n")
    f = next(f for f in doc.facts if f.value == 21)
    assert f.measure == "volumes" and other_owner(f, doc)
    assert other_owner(next(f for f in doc.facts if f.value == 92000), doc)
    g = next(f for f in doc.facts if f.value == 3)
    assert not other_owner(g, doc)


def test_a_person_before_the_colon_that_opens_a_quote_is_its_speaker():
    from reportkit.story.attribution import head_who

    who = head_who("Deputy Mayor Ana Lopes-Vieira, who runs the port, was blunt: ")
    assert who is not None and who.speaker == "Ana Lopes-Vieira" and who.role == "Deputy Mayor"
    assert head_who("Ana Lopes-Vieira did not soften it: ").speaker == "Ana Lopes-Vieira"
    assert head_who("The council, which sets the levy, was blunt: ") is None  # a body, not a person
