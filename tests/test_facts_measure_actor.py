"""What a figure measures when its clause has an actor, and which period a year written as a part of it
gives (round s16, /work/team/CLOSING-S15.md "Left" 2-4, 6): the subject that acts on a count is not its
measure ("whose member firms employ 15,000 people", "Drivers paid for 9.4 million sessions"); the noun after
"grew <noun> by N%" is; an apposition after a bracketed abbreviation is not the subject; a change appended
after a place's figure is the main figure's; a year taken from "the first quarter of 2027" dates by the
quarter (reportkit.facts.meaning, .clausenoun, .relative, .carry, .period, .yearpart). Sentences are invented,
not the weeks'."""

from __future__ import annotations

from reportkit.facts import extract_facts
from reportkit.model import Fact


def _by_text(text: str, date: str = "2026-08-04") -> dict[str, Fact]:
    return {f.text: f for f in extract_facts(text, "a.txt", date=date)}


def test_a_staffing_verb_makes_the_count_its_noun() -> None:
    facts = _by_text("The Orvella Growers Union, whose 40 member farms employ more than 3,000 people, wants a "
                     "new road. Pears rank second to apples among the valley's exports, and Bell Orchards alone employs "
                     "1,200 people.")
    assert facts["40 member farms"].measure == "member farms"
    # not the farms that employ them; "people" under the union that owns the farms would say another owner's
    assert facts["3,000 people"].measure is None
    assert facts["1,200 people"].measure == "people"
    assert facts["1,200 people"].subject == "Bell Orchards"
    facts = _by_text("Bell Orchards will shut two packing sheds, at Arlow and Penmarsh, which together employ about "
                     "90 people.")
    assert facts["90 people"].measure is None  # the sheds' people, not Bell Orchards' (a card would say so)


def test_the_actor_on_a_count_is_not_its_measure() -> None:
    facts = _by_text("Visitors paid for about 2.1 million sessions at the town's 900 ski lockers in 2025, 8% more "
                     "than in 2024.")
    assert facts["2.1 million sessions"].measure != "visitors"
    # the change is the sessions' (the clause's figure), not the lockers' (where they were paid for)
    assert facts["8%"].measure not in ("ski lockers", "visitors")


def test_grew_a_noun_by_a_percentage_measures_the_noun() -> None:
    facts = _by_text("Shops in the northern region, which make up a third of the chain, grew sales by 7%.")
    assert facts["7%"].measure == "sales"


def test_an_apposition_after_an_abbreviation_is_not_the_subject() -> None:
    facts = _by_text("The number of pupils waiting for a place at schools run by the Teloria Education Board "
                     "(TEB), the region's school authority, fell to 12,300 at the end of May.")
    assert facts["12,300"].measure != "school authority"


def test_a_year_written_as_a_quarter_dates_by_the_quarter() -> None:
    facts = _by_text("Shoppers sent $4.1 billion through the town's new online market for farm produce in the second quarter of 2026, "
                     "12% more than in the same quarter of 2025, across about 90 million orders.")
    assert facts["$4.1 billion"].period == "2026-Q2"
    assert facts["90 million orders"].period == "2026-Q2"  # not the whole year 2026


def test_colones_are_costa_rican_money() -> None:
    facts = _by_text("Overtime costs the fund about 1.1 billion colones a month.")
    f = facts["1.1 billion colones a month"]
    assert f.unit == "CRC" and f.per == "month" and f.measure != "colones"


def test_a_bare_year_still_dates_by_the_year() -> None:
    facts = _by_text("Shoppers sent $4.1 billion through the town's new online market for farm produce in 2026, 12% more than in 2025, "
                     "across about 90 million orders.")
    assert facts["90 million orders"].period in (None, "2026")
