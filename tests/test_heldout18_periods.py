"""Week 18's period leftovers (first contact, /work/team/s13/W18-FIRST.md): a currency written in letters
glued to its digits ("Rp356 billion") is money; "for the half" after a sentence that opened with the half
("In the second half of 2026, ..., and net profit for the half rose to ...") is that half, not the year
(reportkit.facts.read, .period, .extract). Sentences are invented, not the week's."""

from __future__ import annotations

from reportkit.facts import extract_facts
from reportkit.model import Fact


def _by_text(text: str, date: str = "2027-03-12") -> dict[str, Fact]:
    return {f.text: f for f in extract_facts(text, "a.txt", date=date)}


# --- currencies glued to their digits -------------------------------------------------------------------

def test_a_currency_glued_to_its_digits_is_money() -> None:
    facts = _by_text("Operating profit was Rp412 billion in 2026. The mill's bill came to Rs3.6 billion in 2026, "
                     "and freight cost RM12 million.")
    assert facts["Rp412 billion"].unit == "IDR" and facts["Rp412 billion"].value == 412e9
    assert facts["Rs3.6 billion"].unit in ("INR", "PKR") and facts["Rs3.6 billion"].value == 3.6e9
    assert facts["RM12 million"].unit == "MYR"


def test_digits_glued_to_other_letters_stay_names() -> None:
    facts = _by_text("The airline ordered 12 A320 jets and the XRp5 engine, and sold 40 CRM300 units in 2026.")
    assert not any("320" in t or "5" == t or "300" in t for t in facts), facts
    assert "12 A320" not in facts


# --- a period phrase that opens a sentence governs its later clauses -------------------------------------

def test_for_the_half_after_a_sentence_that_opened_with_the_half_is_that_half() -> None:
    facts = _by_text("Sales for the first half of 2026 were Rp900 billion. In the second half of 2026, revenue "
                     "reached Rp1.2 trillion, and operating profit for the half rose to IDR 310 billion from "
                     "IDR 270 billion a year earlier.")
    assert facts["IDR 310 billion"].period == "2026-H2"  # was "2026": the half, not the year
    assert facts["IDR 270 billion"].period == "2025-H2"  # a year before that half


def test_a_fronted_half_dates_a_later_clause_without_a_time_of_its_own() -> None:
    facts = _by_text("In the second half of 2026, revenue reached $1.2 billion, and operating profit rose to "
                     "$310 million from $270 million a year earlier.")
    assert facts["$310 million"].period == "2026-H2"  # was "2026"


def test_a_fronted_half_leaves_a_clause_with_its_own_year_or_a_forecast() -> None:
    facts = _by_text("In the second half of 2026, revenue reached $1.2 billion, while staff costs were "
                     "$90 million in 2025, and the group expects profit of $400 million.")
    assert facts["$90 million"].period == "2025"
    assert facts["$400 million"].period != "2026-H2"


def test_for_the_full_year_inside_the_clause_is_the_year_of_the_half_before() -> None:
    facts = _by_text("In the second half of 2026, revenue reached $1.2 billion. Net profit for the full year "
                     "was $356 million.")
    assert facts["$356 million"].period == "2026"  # was None


def test_for_the_full_year_of_a_forecast_is_not_dated() -> None:
    facts = _by_text("In the second half of 2026, revenue reached $1.2 billion. The group expects net profit "
                     "for the full year of $356 million.")
    assert facts["$356 million"].period is None
