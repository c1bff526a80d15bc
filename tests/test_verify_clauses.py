"""`verify --sources` reads which clause and which part of a year a figure is said in
(reportkit/verify/whose.py, periods.py), and checks a chart's title against every value the chart
draws (printed.py): a quarter's figure under the whole year ("3.4% …, fiscal 2027"), a change
under the year it is compared with ("−10.3% …, 2025" of "…, from 35.0 in 2025, a drop of 10.3%"), a subordinate
clause's object under the main clause's measure ("€412M Net profit" of ", after the lender set aside
412 million euros"), a chart pairing a year's profit with those provisions. Each was printed by
the product and passed verify (week 10); the right label beside each must still pass."""

from __future__ import annotations

import pytest
from conftest import card_problems, source_index

from reportkit.verify import load_sources
from reportkit.verify.labels import label_problems, read_printed

# an invented article (CC0): every sentence holds one of the shapes
ARTICLE = """Harbourside bank and fund report

HARBOURSIDE, Jan 12, 2027 (RK Wire) - The harbour law allows no more than 12 such closures a year.

The Harbourside Pension Fund returned 3.4% in the third quarter of fiscal 2027, the three months to 31 December.

The fund's assets reached $214.6 billion in 2026.

Net profit at Harbourside Bank fell 24% to $318 million in the fourth quarter, after the lender set aside
$412 million for loans to developers.

For the full year, net profit rose to $1.46 billion, up from $1.39 billion in 2025.

Cargo volumes rose 7% to 1.2 million tonnes in 2026 as the port handled 2,100 ships.

Revenue rose 5% in 2026, as its subscribers increased 9%.

The average wait fell to 31.4 minutes in 2026, from 35.0 minutes in 2025, a drop of 10.3%.

Ferry revenue rose 6% from July to December 2026.

The operator shipped 328.6 million tonnes from its own quays in 2024.

We expect the cargo deficit to widen to 185,000 tonnes and ferry fares to average $7.20 a trip in 2027.

Shares in the operator have gained more than 60% so far in 2024, giving it a market value of about $700 million.
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return source_index(tmp_path_factory, "harbourside.txt", ARTICLE)


check = card_problems


@pytest.mark.parametrize("value,label", [
    ("no more than 12", "Closures the harbour law allows"),  # "such closures": the count's noun is "closures"
    ("$214.6B", "Fund's assets, 2026"),  # a year written alone in its clause
    ("$318M", "Net profit, fourth quarter"),
    ("$412M", "Set aside for loans to developers"),
    ("2,100", "Ships"),  # "as the port handled 2,100 ships": the clause's own noun
    ("+9%", "Subscribers"),  # "as its subscribers increased": the clause names it
    ("$1.39B", "Net profit, 2025"),
    ("35", "Average wait minutes, 2025"),  # the base's own value
    ("−10.3%", "Average wait, 2026"),
    ("+6%", "Ferry revenue, 2026"),  # "from July to December 2026": a span, not a base
    ("328.6M t", "Tonnes shipped, 2024"),  # "from its own quays in 2024": a place
    ("about $700M", "Market value, 2024"),  # "more than 60% so far in 2024": a bound, not a base
    ("$7.20/trip", "Ferry fares expected, 2027"),  # says it is a forecast
])
def test_a_label_of_the_figure_s_own_clause_and_period_passes(index, value, label):
    assert check(index, value, label) == []


def test_a_quarter_of_a_fiscal_year_said_as_its_sentence_says_it_passes_the_period_check(index):
    # the period is right; since round s17 the label is flagged for saying who returned it, not what
    # (story/cardwhat.py: a subject alone)
    (problem,) = check(index, "3.4%", "Harbourside Pension Fund, third quarter of fiscal 2027")
    assert "who, not what" in problem and "fiscal" not in problem.split(":", 2)[-1]


@pytest.mark.parametrize("value,label,why", [
    ("3.4%", "Harbourside Pension Fund, fiscal 2027",
     "its sentence gives the 'third quarter of fiscal 2027'; the label prints the whole year"),
    ("$412M", "Net profit", "its words are the main clause's; the figure is what 'after the lender set aside' is said of"),
    ("+9%", "Revenue, 2026", "its words are the main clause's"),
    # a change dated by the year it is compared with
    ("−10.3%", "Average wait, 2025", "2025 is the year it is compared with ('from 35.0 minutes in 2025')"),
    # a forecast verb governs each infinitive after it, across another figure
    ("$7.20/trip", "Ferry fares, 2027", "a forecast or estimate ('expect' … 'to average') printed as a fact"),
])
def test_a_label_of_another_clause_or_a_whole_year_is_flagged(index, value, label, why):
    problems = check(index, value, label)
    assert len(problems) == 1 and why in problems[0], problems


def test_a_chart_title_must_hold_for_every_value_it_draws(index):
    chart = "FIGURE 1\n$1.39B\n{v}\n2025\n2026\nNet profit\nSource: Harbourside bank (harbourside.txt)\n"
    assert label_problems([("page 3", chart.format(v="$1.46B"))], index) == []
    # the year's profit paired with a quarter's provisions: the title is wrong for the second bar
    [p] = label_problems([("page 3", chart.format(v="$412M"))], index)
    assert p.startswith("page 3: chart title $412M 'Net profit':") and "after the lender set aside" in p


def test_a_bound_on_a_small_count_and_a_description_s_last_value_are_read():
    got = [(p.kind, p.shown, p.label) for p in read_printed(
        "Key figures\nno more than 35\nClosures allowed\nSource: [S4]\n"
        "Chart description: Bar chart: Net profit fell from €1.39B in 2025 to €412M in 2026.\n", "page 5")]
    assert got == [("figure", "no more than 35", "Closures allowed"), ("description", "€412M", "Net profit")]
