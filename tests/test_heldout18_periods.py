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


# --- a period carried to the next sentence (CLOSING-S13 Left 3) ----------------------------------------

FULL_YEAR = ("Harbour Paper said on Monday its sales rose 3% in the fourth quarter, to $212 million, against $198 million "
             "in the fourth quarter of 2025. For the full year, sales were 41.2 billion kronor, against 43.9 billion in "
             "2025. Its operating margin fell to 11.8% from 14.1%. The company employs 1,200 people.\n\nShares rose 3%.")


def test_the_sentence_after_a_full_year_one_is_the_full_years() -> None:
    facts = _by_text(FULL_YEAR, date="2027-02-22")
    assert facts["41.2 billion kronor"].period == "2026"  # was 2025: the comparison's quarter was told last
    assert facts["11.8%"].period == "2026"  # was None: said in the sentence before
    assert facts["14.1%"].period is None  # what it is compared with: not the full year's
    assert facts["1,200 people"].period is None  # a level said in the present is now's


def test_a_quarter_told_in_words_dates_the_next_sentence() -> None:
    facts = _by_text("Revenue for the quarter was $712 million, against $655 million in the same quarter of 2025. "
                     "Net profit fell 12% to $58.4 million.", date="2027-02-22")
    # the quarter is read from the earlier sentence, so only the carry is checked: the same period
    assert facts["$58.4 million"].period == facts["$712 million"].period


def test_no_period_is_carried_across_a_paragraph_a_quote_or_a_forecast() -> None:
    text = ("Sales rose 3% in the fourth quarter. For the full year, sales were 41.2 billion kronor.\n\n"
            "Its operating margin fell to 11.8%.")
    assert _by_text(text, date="2027-02-22")["11.8%"].period is None  # another paragraph
    text = ("Sales rose 3% in the fourth quarter. For the full year, sales were 41.2 billion kronor. "
            "“Margins fell to 11.8%,” the chief executive said.")
    assert _by_text(text, date="2027-02-22")["11.8%"].period is None
    text = ("Sales rose 3% in the fourth quarter. For the full year, sales were 41.2 billion kronor. "
            "The company expects its margin to reach 11.8%.")
    assert _by_text(text, date="2027-02-22")["11.8%"].period is None
    text = ("Sales rose 3% in the fourth quarter. For the full year, sales were 41.2 billion kronor. "
            "Its margin fell to 11.8% in January.")
    assert _by_text(text, date="2027-02-22")["11.8%"].period != "2026"  # a time of its own


def test_verify_reads_a_period_carried_from_the_sentence_before(tmp_path_factory) -> None:
    """facts.follow dates "Net profit fell 12% to $58.4 million." by the quarter the sentence before
    tells; verify flagged the label's 'fourth quarter' as not its sentence's period (h12, h14, h16)."""
    from conftest import card_problems, source_index

    note = ("Mill ships more yarn\n\nDHAKA, March 1, 2027 (RK Wire) - Nadir Mills shipped 41,300 tonnes of yarn in "
            "the fourth quarter, 6.1% more than a year earlier.\n\n"
            "Revenue for the quarter was $712 million, against $655 million a year earlier. Net profit fell 12% "
            "to $58.4 million.\n\nThe mill employed 1,900 people in 2026. Its payroll was $44 million.\n")
    index = source_index(tmp_path_factory, "mill.txt", note)
    assert card_problems(index, "$58.4M", "Net profit, fourth quarter") == []
    assert card_problems(index, "$44M", "Payroll, fourth quarter") != []  # the sentence before tells no quarter
