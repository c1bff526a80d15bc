"""Week 10 (news_heldout10) first contact: three wrong key-figure labels, each from a general rule.

- a figure that is the object of a subordinate clause's own verb (", after the lender set aside 412
  million euros for loans") was given the main clause's measure (net profit) and drawn as a year's profit;
- a change told after a move's two ends ("fell to 31.4 in 2026, from 35.0 in 2025, a drop of 10.3%")
  was dated by the move's start (2025), not its end (2026);
- a measure with a qualifier after its noun ("Applications from within Estravia rose 5.2%") was printed
  as the bare noun ("Applications"), the whole."""

from __future__ import annotations

from reportkit.facts import extract_facts

# invented (CC0)
BANK = ("Harrowgate Bank's net profit fell 12% to 220 million pounds in the fourth quarter, down from 250 million "
        "pounds a year earlier, after the lender set aside 190 million pounds for loans to shipping companies. "
        "For the full year, net profit rose to 1.1 billion pounds, up from 0.98 billion pounds in 2025.")
AIR = ("The average level of ozone across the city's 12 stations fell to 52.5 micrograms in 2026, "
       "from 58.1 micrograms in 2025, a drop of 9.6%.")
ENROL = "Enrolments from within Talvania rose 3.1%; those from abroad rose 11%."


def _fact(text: str, figure: str):
    return next(f for f in extract_facts(text, "x.txt", date="2027-01-11") if f.text == figure)


def test_object_of_a_subordinate_verb_takes_no_main_clause_measure():
    f = _fact(BANK, "190 million pounds")
    assert f.measure is None and "profit" not in (f.label or "")
    # the main clause's own figures keep their measure
    assert _fact(BANK, "220 million pounds").measure == "net profit"


def test_change_after_a_move_is_dated_by_its_end():
    f = _fact(AIR, "9.6%")
    assert f.year != 2025
    assert f.year in (2026, None)


def test_qualifier_after_the_noun_is_kept_or_no_measure():
    f = _fact(ENROL, "3.1%")
    assert (f.measure or "").lower() != "enrolments"
    assert f.measure is None or "Talvania" in f.measure
