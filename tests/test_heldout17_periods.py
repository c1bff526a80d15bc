"""Week 17's period and per leftovers (first contact, /work/team/s13/W17-FIRST.md): a bare half or quarter
told in the past is the latest one that had ended by the article's date (a March note's "first half" is
last year's), one not yet ended only in a forecast; "the three months to December" is a quarter and "the
six months to June" a half (a span that is neither has no period, and is no year); "the same period of
2025" and "a year earlier" are the account's period a year back; "for the half" is the half told before;
a yield keeps its "per hectare", and a figure whose "per" cannot be read is no card
(reportkit.facts.period, .spans, .year, .read, .rates; reportkit.numbers; reportkit.story.periodwords,
.misreads). Sentences are invented, not the week's."""

from __future__ import annotations

from datetime import date

import pytest

from reportkit.facts import extract_facts
from reportkit.model import Fact
from reportkit.numbers import format_value
from reportkit.story.misreads import per_untold
from reportkit.story.periodwords import period_words, words


def _by_text(text: str, date: str = "2027-03-04") -> dict[str, Fact]:
    return {f.text: f for f in extract_facts(text, "a.txt", date=date)}


# --- bare halves and quarters ---------------------------------------------------------------------------

def test_a_bare_half_told_in_the_past_is_the_latest_that_has_ended() -> None:
    facts = _by_text("Like-for-like sales grew 5.2% in the second half, against 2.9% in the first half.")
    assert facts["5.2%"].period == "2026-H2"
    assert facts["2.9%"].period == "2026-H1"  # was 2027-H1: a half that had not ended on 4 March 2027


def test_a_bare_quarter_told_in_the_past_is_the_latest_that_has_ended() -> None:
    facts = _by_text("Freight volumes fell 3.4% in the first quarter.", date="2027-03-20")
    assert facts["3.4%"].period == "2026-Q1"  # 2027's first quarter was still under way


def test_a_forecast_of_the_current_quarter_is_this_year() -> None:
    facts = _by_text("The group's margin will widen to 12.5% in the first quarter.")
    assert facts["12.5%"].period == "2027-Q1"  # was 2028-Q1


@pytest.mark.parametrize("sentence, figure", [
    ("A long strike could shave 0.2 percentage point off growth in the first quarter.", "0.2 percentage point"),
    ("Sales have risen 4% so far in the first quarter.", "4%"),
])
def test_an_estimate_or_a_quarter_under_way_keeps_the_current_one(sentence: str, figure: str) -> None:
    assert _by_text(sentence)[figure].period == "2027-Q1"


# --- spans to a month ----------------------------------------------------------------------------------

def test_three_months_to_december_is_the_fourth_quarter() -> None:
    facts = _by_text("Remittances rose 3.9% in the three months to December, and exports grew 8.1% in the first "
                     "half.", date="2027-03-04")
    assert facts["3.9%"].period == "2026-Q4"  # was 2027-H1, borrowed from the half after it
    assert "three months" not in facts  # a period, not a duration


@pytest.mark.parametrize("sentence, figure, period", [
    ("The mill crushed 8,200 tonnes in the six months to June 2026.", "8,200 tonnes", "2026-H1"),
    ("Revenue for the quarter to September 2026 rose to 310 million euros.", "310 million euros", "2026-Q3"),
])
def test_a_span_to_a_month_is_a_quarter_or_a_half(sentence: str, figure: str, period: str) -> None:
    assert _by_text(sentence)[figure].period == period


def test_a_span_that_is_no_quarter_or_half_has_no_period_and_no_year() -> None:
    facts = _by_text("In the nine months to September 2026, sales reached 910 million euros.")
    assert "nine months" not in facts  # a period, not a duration
    fact = facts["910 million euros"]
    assert fact.period is None and fact.year is None  # was 2026: the figure is not the year's


def test_a_span_named_a_fiscal_half_is_that_half() -> None:
    facts = _by_text("The chain reported sales of 5.2 billion euros for the six months to December, the first half "
                     "of its fiscal 2027.")
    assert facts["5.2 billion euros"].period == "FY2027-H1"


def test_a_fiscal_half_lends_no_calendar_year_to_a_parallel_figure() -> None:
    facts = _by_text("Exports rose 3% to €2bn in the first half of fiscal 2027, the six months to 31 December, "
                     "while volumes fell 2% to 90 million litres.", date="2027-01-20")
    assert facts["2%"].year is None  # was 2027, once the span's "six months" was no fact between them


# --- the same period, a year earlier, the half --------------------------------------------------------

def test_the_same_period_of_a_year_is_the_accounts_period_in_that_year() -> None:
    facts = _by_text("The exporter shipped 9,100 tonnes in the three months to December. Revenue for the quarter "
                     "rose to 4.1 billion euros from 3.6 billion euros in the same period of 2025.")
    assert facts["4.1 billion euros"].period == "2026-Q4"
    assert facts["3.6 billion euros"].period == "2025-Q4"  # was 2025: a quarter's figure is not the year's


def test_the_half_and_the_same_half_follow_the_half_told_before() -> None:
    facts = _by_text("The grower sold 18,000 tonnes in the second half of 2026. Revenue for the half rose to "
                     "310 million euros from 280 million euros in the same half of 2025.")
    assert facts["310 million euros"].period == "2026-H2"
    assert facts["280 million euros"].period == "2025-H2"
    assert "half" not in facts  # "the same half" is a period, not a ratio


def test_a_year_earlier_is_the_figures_period_a_year_back() -> None:
    facts = _by_text("The average price rose to $3.10 a kilogram in the fourth quarter, against $2.95 a year "
                     "earlier.", date="2027-02-01")
    assert facts["$2.95"].period == "2025-Q4"  # was 2026, a year before the article


def test_a_change_before_a_compared_figure_keeps_its_own_period() -> None:
    facts = _by_text("The college received 8,240 applications in 2026, up 7.4% from 7,670 a year earlier.",
                     date="2027-01-13")
    assert facts["7.4%"].period == "2026"  # the year earlier is 7,670's, not the change's


def test_a_year_earlier_before_a_figure_is_the_earlier_figures() -> None:
    facts = _by_text("Profit fell to 20 million euros in the fourth quarter, down from 25 million euros a year "
                     "earlier, after the bank set aside 9 million euros for bad loans.", date="2027-02-01")
    assert facts["9 million euros"].period is None  # was 2026


# --- per -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, figure, per", [
    ("The average yield rose to 7.4 tonnes per hectare.", "7.4 tonnes per hectare", "hectare"),
    ("Farms on the plain harvest 2.1 tonnes an acre.", "2.1 tonnes an acre", "acre"),
])
def test_a_yield_keeps_its_area(sentence: str, figure: str, per: str) -> None:
    assert _by_text(sentence)[figure].per == per


def test_a_yield_is_printed_with_its_area() -> None:
    assert format_value(7.4, "tonnes", "hectare") == "7.4 t/hectare"
    assert format_value(7.4, "tonnes") == "7.4 t"


def test_a_figure_with_a_per_not_read_is_no_card() -> None:
    facts = extract_facts("Growers picked 5 tonnes per 10 hectares.", "a.txt", date="2027-03-04")
    five = next(f for f in facts if f.text.startswith("5 tonnes"))
    assert five.per is None and per_untold(five, facts)


# --- labels --------------------------------------------------------------------------------------------

def _fact(sentence: str, figure: str, period: str) -> Fact:
    at = sentence.index(figure)
    return Fact(id="f", text=figure, value=1.0, unit="percent", source="a.txt", start=at, end=at + len(figure),
                sentence=sentence, period=period)


def test_a_quarter_from_a_span_is_labelled_by_the_span() -> None:
    text = "The exporter shipped 9,100 tonnes in the three months to December."
    fact = _fact(text, "9,100 tonnes", "2026-Q4")
    assert period_words(fact, words(text), date(2027, 3, 1)) == ["three months to December"]  # was []
    assert period_words(fact, words(text), date(2026, 12, 20)) == []  # December had not ended: another year's


def test_a_bare_half_that_has_ended_is_labelled_bare() -> None:
    text = "Like-for-like sales grew 5.2% in the second half, against 2.9% in the first half."
    assert period_words(_fact(text, "2.9%", "2026-H1"), words(text), date(2027, 3, 4)) == ["first half"]  # was []
    assert period_words(_fact(text, "2.9%", "2027-H1"), words(text), date(2027, 3, 4)) == []


def test_the_quarter_told_before_as_a_span_is_labelled_by_it() -> None:
    text = "The exporter shipped 9,100 tonnes in the three months to December. Revenue for the quarter rose 4%."
    fact = _fact("Revenue for the quarter rose 4%.", "4%", "2026-Q4")
    assert period_words(fact, words(text), date(2027, 3, 1)) == ["three months to December"]  # was []
    assert period_words(fact, words("Revenue for the quarter rose 4%."), date(2027, 3, 1)) == []  # words not the article's
