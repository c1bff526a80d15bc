"""A bare "crowns" is the crown its article names (facts/crowns.py); when the article does not say
which, the figure is left out, never read as Swedish by default."""

from __future__ import annotations

import pytest

from reportkit.facts import extract_facts


def money(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.unit) for f in extract_facts(text, "x.txt") if f.unit != "percent"]


def test_a_crown_named_by_its_code_later_is_the_bare_crowns_before_it():
    # week 14's sawmill: printed as "2.87B SEK" before
    text = ("The group's revenue fell to 2.87 billion crowns (about €114 million) in the quarter. "
            "Sawn timber sold at CZK 6,480 a cubic metre.")
    assert money(text) == [("2.87 billion crowns", "CZK"), ("€114 million", "EUR"),
                           ("CZK 6,480 a cubic metre", "CZK")]


def test_a_crown_named_by_its_country_before_is_kept():
    text = ("Norway exported seafood worth 85.2 billion Norwegian crowns in the first half. "
            "Salmon exports reached 57.4 billion crowns.")
    assert money(text) == [("85.2 billion Norwegian crowns", "NOK"), ("57.4 billion crowns", "NOK")]


@pytest.mark.parametrize("text, kept", [
    ("The museum's budget rose to 410 million crowns this year, officials said.", []),
    ("The ferry operator earned 2.1 billion kroner last year.", []),  # Danish or Norwegian
    ("Sales in Denmark were 3.1 billion Danish crowns and in Sweden 4.2 billion Swedish crowns. "
     "Group profit was 900 million crowns.", [("3.1 billion Danish crowns", "DKK"), ("4.2 billion Swedish crowns", "SEK")]),
])
def test_a_crown_the_article_does_not_name_is_left_out(text, kept):
    assert money(text) == kept


def test_kronor_is_swedish_and_a_code_before_the_figure_is_its_currency():
    assert money("Sales were 41.2 billion kronor.") == [("41.2 billion kronor", "SEK")]
    assert money("Fares rose to ISK 12,500 a seat.")[0][1] == "ISK"
