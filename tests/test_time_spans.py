"""A duration that only says how far a record or an event lies in time ("their highest in
nearly two years", "six years ahead of a 2030 target") is no figure of what the sentence is
about: the news_eval week printed "nearly 2 years — German day-ahead power prices" and
"3 years — Euro zone inflation" as story figures."""

from __future__ import annotations

import pytest

from reportkit.facts import add_facts
from reportkit.readers import read_text
from reportkit.story.misreads import time_span

from conftest import ROOT
from test_labels_period import _story

NEWS = ROOT / "tests" / "data" / "news_eval"


def _facts(text: str):
    return add_facts(read_text(text, "a.txt")).facts


@pytest.mark.parametrize("sentence, needle", [
    ("German day-ahead power prices surged to their highest in nearly two years on Thursday.", "two years"),
    ("Euro zone inflation fell to its lowest level in three years in August.", "three years"),
    ("Capacity reached about 1,400 GW, six years ahead of a 2030 target of 1,200 GW.", "six years"),
    ("The terminal shipped its first cargo less than three years after construction began.", "three years"),
    ("Inflation hit the target for the first time in nearly three years, data showed.", "three years"),
])
def test_a_records_or_events_distance_in_time_is_a_span(sentence: str, needle: str) -> None:
    fact = next(f for f in _facts(sentence) if needle in f.text)
    assert time_span(fact)


@pytest.mark.parametrize("sentence, needle", [
    ("Diplomatic relations between Mexico and Russia have lasted for 135 years, officials said.", "135 years"),
    ("The company will invest in three years of research, it said.", "three years"),
    ("The government's new bonds mature in 10 years, the ministry said.", "10 years"),
    ("Sales rose 5% to $3 billion, the highest in two years.", "5%"),
])
def test_a_duration_that_is_the_amount_is_no_span(sentence: str, needle: str) -> None:
    fact = next((f for f in _facts(sentence) if needle in f.text), None)
    assert fact is None or not time_span(fact)


@pytest.mark.parametrize("name, span", [("38_power_prices.txt", "nearly 2 years"), ("18_ecb.txt", "3 years"),
                                        ("33_agriculture.txt", "nearly 4 years"), ("06_solar_capacity.txt", "6 years")])
def test_the_weeks_story_figures_print_no_span(name: str, span: str) -> None:
    doc = add_facts(read_text((NEWS / name).read_text(), name))
    figures = _story(doc)
    assert span not in figures and figures  # the story keeps its other figures


# -- a figure as its source wrote it ---------------------------------------------------------------

def test_a_move_before_the_level_it_moved_to_is_signed_and_a_fraction_of_a_cent_kept() -> None:
    from reportkit.story.keyfigures import display

    doc = add_facts(read_text((NEWS / "33_agriculture.txt").read_text(), "33_agriculture.txt"))
    shown = {f.text: display(f, doc) for f in doc.facts}
    assert shown["7-1/4 cents"] == "−$0.0725"  # "lost 7-1/4 cents to $5.18-3/4": was "$0.07", unsigned
    assert shown["$5.18-3/4 a bushel"] == "$5.1875/bushel"  # the level keeps its quarter cent
    assert shown["2 cents"] == "−$0.02"  # "corn fell 2 cents to $3.86-1/2"
    loss = add_facts(read_text("Pemex lost $8.1 billion in the third quarter, the company said.", "a.txt"))
    assert display(loss.facts[0], loss) == "$8.1B"  # a loss is an amount, not a move


def test_a_label_ending_on_an_owner_names_nothing() -> None:
    from reportkit.story.keyfigures import article_words
    from reportkit.story.labels import figure_label

    doc = add_facts(read_text((NEWS / "29_hyphenated.txt").read_text(), "29_hyphenated.txt"))
    unit = next(f for f in doc.facts if f.text.startswith("45,000"))
    # was "Plant's"; the noun after the figure is what it measures (df4e592: "The plant's 45,000-bpd
    # crude distillation unit was shut")
    assert figure_label(unit, article_words(doc)) == "Crude distillation unit"
    assert "Plant's" not in _story(doc).values()


def test_an_amount_in_cents_prints_its_cents_and_a_rate_its_denominator_in_the_decks_labels() -> None:
    from reportkit.charts.describe import excel_format
    from reportkit.numbers import format_value

    assert format_value(10.9, "USD", "month") == "$10.90/month"  # "from $10.90": was "$10.9/month"
    assert format_value(0.0725, "USD") == "$0.0725" and format_value(86.4e6, "USD") == "$86.4M"
    assert format_value(-2.5, "USD") == "-$2.50"  # was "$-2.5"
    # the deck's native labels said "$1.98" for $1.98/pound (the brief's bars say "/pound")
    assert excel_format("USD", [1.98, 2.31], "pound") == '"$"#,##0.00"/pound"'
    assert excel_format("USD", [13.5, 14.3]) == '"$"#,##0.00'  # cents, as format_value prints them
    assert excel_format("USD", [1.0], 'x"y') == '"$"#,##0'  # never a quote inside the format's text


def test_a_figure_of_another_basis_or_a_signed_move_under_its_verb_is_not_printed_so() -> None:
    from reportkit.story.labels import without_movement

    doc = add_facts(read_text((ROOT / "tests/data/news_heldout3/m3_obesity_trial.txt").read_text(), "m3.txt"))
    figures = _story(doc)
    assert "+7%" not in figures  # "up 7% at constant currencies": was "+7% Norvale's sales, third quarter"
    assert figures.get("−13.8%") == "Body weight"  # was "Body weight lost": a double negative
    assert without_movement("Shares gained", "+2%") == "Shares" and without_movement("Jobs lost", "1,200") == "Jobs lost"
    kept = add_facts(read_text("Sales rose 7% at constant currencies to $2 billion, the company said.", "a.txt"))
    assert not any(k == "+7%" for k in _story(kept))


def test_a_decks_labels_of_mixed_scales_print_each_at_its_own() -> None:
    from reportkit.charts.describe import excel_format

    # news_heldout3's slide said "$1.30B" and "$0.41B" for $1.3 billion and $412 million
    assert excel_format("USD", [1.3e9, 412e6]) == '[>=1000000000]"$"#,##0.0,,,"B";"$"#,##0,,"M"'
    assert excel_format("USD", [86.4e6, 97.5e6]) == '"$"#,##0.0,,"M"'  # one scale: one section
    assert excel_format("USD", [-1.3e9, 412e6]).count(";") == 0  # a negative value: no conditions
