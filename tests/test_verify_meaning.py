"""`verify --sources` checks what a label means, not only where its words come from: a label made
of its sentence's words can still call a figure what its sentence says it is not
(reportkit/verify/meaning.py). Each wrong label here uses only words of its sentence, so the words
check alone passes it; the right label beside it must still pass."""

from __future__ import annotations

import pytest
from conftest import card_problems, source_index

from reportkit.verify import load_sources
from reportkit.verify.labels import label_problems, read_printed

# an invented article (CC0); every sentence holds one of the shapes the rules read
ARTICLE = """Harbourside council passes budget after a split vote

HARBOURSIDE, Dec 7, 2026 (RK Wire) - Harbourside's city council approved a budget of $2.1 billion on Monday
after a vote of 9 to 6.

The Green Party won 14 of the 31 seats in the regional assembly.

Brightline Rail and Coastway Buses carried 52,400 and 18,300 passengers respectively in November.

Operating costs, the network's main spending item, averaged $1,240 an hour.

The new depot, which cost about $85 million to build, opened on Friday.

A further rise of more than 2.5% in fuel prices would force the council to raise fares.

Ridership is expected to reach 61,500 a day next year.

The storm forced more than 3,200 people to leave their homes.

The regional fund is worth at least $4 million more to a town that joins the scheme.

The board left room for no more than 3 fare rises before the election.

Ticket revenue rose 8.5% to $310 million.

Weekend trips rose 7.3% to 24,197, according to the operator.

Fares rose 3.4% in December, up from 3.1% in November and above the 3.2% analysts had forecast.

The standard says that 92% of trains should arrive within five minutes.

Lindqvist said the 45 million euros set aside for new trams would cut the waiting list to 5,500 by 2028.

The ferry operator carried 1.24 million cars in 2026, down 2.5% from 1.27 million in 2025.

Season ticket sales rose 1.5% in November from October.

The network carried 12.4 million passengers this year up to Nov. 30, already a record.

The repair backlog is still 4% longer than a year earlier.
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return source_index(tmp_path_factory, "harbourside.txt", ARTICLE)


check = card_problems


@pytest.mark.parametrize("value,label", [
    ("14", "Green Party seats"),  # the part the party won is its own
    ("18,300", "Coastway Buses passengers, November 2026"),  # the second name's, as "respectively" says
    ("$1,240/hour", "Operating costs"),
    ("about $85M", "New depot cost"),  # the relative clause's verb named
    ("61,500", "Ridership expected"),  # says it is a forecast
    ("$310M", "Ticket revenue"),
    ("+8.5%", "Ticket revenue"),
    ("24,197", "Weekend trips"),  # the comma after a count is no part of it, "according" no noun of it
    ("+3.4%", "Fares, December 2026"),  # "had forecast" is said of the 3.2% between them
    ("92%", "Standard"),  # "should" of a norm the label names
    ("€45M", "Set aside for new trams"),  # a given amount a hypothesis builds on
    ("−2.5%", "Cars, 2026"),  # the change trailing the clause is its quantity's
    ("+1.5%", "Season ticket sales, November, from October"),  # a base month is no second period
    ("12.4M", "Passengers, up to Nov. 30"),  # a count to a date that says so
    ("+4%", "Repair backlog"),  # the comparison's way in the sign
])
def test_a_label_that_says_what_its_sentence_says_passes(index, value, label):
    assert check(index, value, label) == []


@pytest.mark.parametrize("value,label,why", [
    # the whole of "14 of the 31 seats" labelled as the party's own count
    ("31", "Green Party seats", "the whole of '14 of the 31"),
    # one side of a vote
    ("6", "Harbourside's city council", "one side of '9 to 6'"),
    ("9", "Harbourside's city council", "one side of '9 to 6'"),
    # a "respectively" list: both names, or the other name
    ("18,300", "Brightline Rail Coastway Buses passengers", "more than one of a 'respectively' list"),
    ("18,300", "Brightline Rail passengers", "another entity of a 'respectively' list"),
    ("18,300", "Passengers, November 2026", "names none of a 'respectively' list"),
    # the appositive's noun, not the figure's
    ("$1,240/hour", "Main spending item", "is said of another noun"),
    # a figure in a relative clause with a verb of its own, labelled with the noun it is about
    ("about $85M", "New depot", "names what 'which cost …' is said of"),
    # a hypothesis and a forecast printed as facts
    ("more than 2.5%", "Fuel prices", "its clause is not a fact ('would')"),
    ("5,500", "Waiting list", "its clause is not a fact ('would')"),
    ("3.2%", "Fares", "a forecast or estimate ('forecast')"),
    ("61,500", "Ridership", "a forecast or estimate ('expected')"),
    # a count whose own noun is lost
    ("more than 3,200", "Storm", "counts people"),
    # people alone: whom, not what (those who had to leave their homes); story/cardwhat.py
    ("more than 3,200", "People", "a count of 'People': whom, not what"),
    # a difference printed unsigned, as a level
    ("at least $4M", "Regional fund", "a difference ('4 million more') printed as a level"),
    # a bound turned round
    ("more than 3", "Fare rises", "printed 'more than' where the source says 'no more than'"),
    # a change trailing a clause printed under the clause's subject, not its quantity's noun
    ("−2.5%", "Ferry operator, 2026", "the change is said of 'cars'"),
    # a count to a date printed as the whole year's; a comparison printed unsigned, as a level
    ("12.4M", "Passengers, 2026", "a count to a date ('up to Nov. 30') printed as the whole year's"),
    ("4%", "Repair backlog", "a difference ('4% longer than') printed as a level"),
])
def test_a_label_its_sentence_contradicts_is_flagged(index, value, label, why):
    problems = check(index, value, label)
    assert len(problems) == 1 and why in problems[0], problems
    assert problems[0].startswith(f"page 2: figure {value} {label!r}:")


def test_a_starting_verb_of_the_clause_is_no_measure(tmp_path):
    (tmp_path / "fed.md").write_text(
        "# Fed note\n\nThe median official expects the rate to end 2027 at 3.1%, which leaves room for no more "
        "than 0.5 percentage points of cuts next year.\n", encoding="utf-8")
    index = load_sources([tmp_path])
    [p] = check(index, "0.5 pp", "Leaves room, 2027")
    assert "starts on the verb of 'which leaves'" in p
    assert check(index, "3.1%", "Rate expected, 2027") == []


def test_figures_the_reading_missed_are_read():
    # a small whole number in a figure row, a range of percentages, a currency code with a unit
    text = ("Key figures\n35\nCoastal Alliance seats\n3.5%–3.75%\nTwo regional bank presidents\n"
            "1,985 AUD/oz\nAll-in sustaining costs\nSource: [S2]\n")
    got = [(p.shown, p.label) for p in read_printed(text, "page 3") if p.kind == "figure"]
    assert got == [("35", "Coastal Alliance seats"), ("3.5%–3.75%", "Two regional bank presidents"),
                   ("1,985 AUD/oz", "All-in sustaining costs")]
    # a takeaway's number and a page number are no figures
    assert [p for p in read_printed("01\nThe council met.\n[S1]\n3\nPage 3 of 5\n", "page 3")
            if p.kind == "figure"] == []
