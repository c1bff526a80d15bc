"""A level labelled by its measure alone is no card when its article dates another figure of the same
measure (week 15's "1.47B ISK / Revenue": a quarter's, beside the year's ISK 5.3 billion). Text invented (CC0)."""

from __future__ import annotations

from reportkit.facts import extract_facts
from reportkit.story.twins import twin_untold


def _facts(text: str):
    return extract_facts(text, "x.txt", date="2027-02-19")


def test_an_undated_level_beside_a_dated_one_of_the_same_measure_is_untold() -> None:
    facts = _facts("Revenue rose 12% to ISK 3.2 billion. For 2026 as a whole, revenue was ISK 11.9 billion.")
    f = next(f for f in facts if f.text.startswith("ISK 3.2"))
    assert f.period is None and f.year is None
    assert twin_untold(f, (f.measure or "").capitalize(), facts)
    assert not twin_untold(f, "Skarvik revenue, fourth quarter", facts)  # a label that says which


def test_a_comparison_in_the_same_sentence_is_no_twin() -> None:
    facts = _facts("Each ticket cost about €14, up from €12 in 2025.")
    f = next(f for f in facts if f.text.startswith("€14"))
    assert not twin_untold(f, (f.measure or "x").capitalize(), facts)


def test_the_dated_figures_are_indexed_once_per_fact_list() -> None:
    """Each card of an article asks about the same fact list: the dated figures are gathered once,
    not once a card (a 10,000-paragraph source took minutes when every card scanned every fact)."""
    from reportkit.story import twins

    facts = _facts("Revenue was ISK 5.3 billion in 2026. Revenue was ISK 1.47 billion.")
    plain = next(f for f in facts if f.text.startswith("ISK 1.47"))
    assert twin_untold(plain, plain.measure, facts)
    index = twins._last[0][1]
    assert twin_untold(plain, plain.measure, facts) and twins._last[0][1] is index
