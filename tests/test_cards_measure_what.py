"""A card's label says what its figure measures, not only whose it is (reportkit/story/cardwhat.py).
Week 24 printed "30,000 RWF / Rwandan citizens" (the price of a permit), "14.50 ZMW / Sells chicks" (a price
per chick), "−4.2% / Armenia brandy exported" (the litres' change, while the value moved otherwise); week
23 "about 7.25% / Car loan" (a rate a year), "1,240 / People" (employees), "Pacífico Sur anchovy processed"
(of "Harinas del Pacífico Sur"); week 22 "95,000 CRC/hour / Surgeons" (their pay). The card gate leaves such
cards out and verify flags them in an older build's output. Texts invented (CC0), one rule a case."""

from __future__ import annotations

import pytest
from conftest import card_problems, source_index

from reportkit.facts import add_facts
from reportkit.readers import read_text
from reportkit.story.stories import story_figures

ARTICLE = """Lakeland trade and prices in the first quarter

MARLOW, April 14, 2027 (RK Wire) - A fishing licence costs $400 for foreign anglers, while Lakeland citizens pay €90.

Orchard Valley Farms sells apples at €2.40 each, 10 cents less than in December.

Lakeland exported 4.2 million litres of cider in the first quarter of 2027, 6.1% less than in the same quarter of 2026.

Cider export value rose 3.5% to 88 million crowns.

A home loan now costs about 5.5% a year at the largest banks.

The utility employs 1,450 people and runs 14 depots.

Conservas del Lago Norte, a Marlow-based canner, said it packed 21,000 tonnes of trout in the quarter.

Nurses are paid about 310 crowns an hour for a night shift.

The mill produced 18,000 tonnes of flour in 2026, 4.4% more than in 2025.
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return source_index(tmp_path_factory, "lakeland.txt", ARTICLE)


@pytest.mark.parametrize("value,label,why", [
    ("€90", "Lakeland citizens", "an amount under 'citizens'"),  # what they pay, not what for
    ("310 SEK/hour", "Nurses", "an amount under 'nurses'"),
    ("€2.40", "Sells apples", "a verb phrase"),
    ("1,450", "People", "a count of 'People': whom, not what"),
    ("about 5.5%", "Home loan", "a rate ('5.5% a year')"),
    ("−6.1%", "Lakeland cider exported, first quarter 2027", "the change of a volume ('4.2 million litres')"),
    ("21,000 t", "Lago Norte trout", "the name 'Lago Norte' is clipped"),
])
def test_a_card_that_says_whose_but_not_what_is_flagged(index, value, label, why):
    problems = card_problems(index, value, label)
    assert len(problems) == 1 and why in problems[0], problems


@pytest.mark.parametrize("value,label", [
    ("+3.5%", "Cider export value"),  # says it is the value
    ("4.2M litres", "Lakeland cider exported, first quarter 2027"),  # the level says its unit
    ("+4.4%", "Flour produced, 2026"),  # output is read as a quantity
    ("$400", "Fishing licence"),
    ("14", "Depots"),
])
def test_a_card_that_says_what_passes(index, value, label):
    assert card_problems(index, value, label) == []


def test_the_story_prints_no_card_without_its_measure():
    doc = add_facts(read_text(ARTICLE, "lakeland.txt", ".txt"))
    cards = [f"{k.display} / {k.label}" for k in story_figures(doc, [], [], count=30)]
    bad = ("Citizens", "Sells", "/ People", "Nurses", "Home loan", "Lago Norte")
    assert not [c for c in cards if any(b in c for b in bad)], cards
    assert not [c for c in cards if c.startswith("−6.1%")], cards


def test_a_share_lost_is_no_fall():
    # "lost about 23% of the water it pumped" is the share lost (a leak rate), not a 23% fall; a share
    # lost prints unsigned, a fall of a thing still with its sign (reportkit/story/movement.py)
    from reportkit.story.movement import display

    text = ("Leaks cost Lakeland water\n\nMARLOW, April 14, 2027 - The network lost about 23% of the water it "
            "pumped in 2026 through leaks. Lakeland Water's shares lost 4.5% on Tuesday.\n")
    doc = add_facts(read_text(text, "water.txt", ".txt"))
    shown = {f.text: display(f, doc) for f in doc.facts}
    assert shown["23%"] == "about 23%", shown
    assert shown["4.5%"] == "−4.5%", shown
    # and no card: under a label that does not say "lost" ("23% / Water") it would read as a level
    from reportkit.story.movement import way_untold
    assert way_untold(next(f for f in doc.facts if f.text == "23%"), doc)


def test_a_change_under_the_year_it_is_compared_with_is_flagged(tmp_path_factory):
    index = source_index(tmp_path_factory, "mill.txt", "Mill profit falls\n\nMARLOW, April 14, 2027 - Net profit for "
                         "the quarter was $24.6 million, down 38% on the same quarter of 2026.\n")
    [p] = card_problems(index, "−38%", "Net profit, 2026")
    assert "the year it is compared with" in p
    assert card_problems(index, "−38%", "Net profit") == []




def test_a_change_under_people_who_earned_it_is_flagged(tmp_path_factory):
    index = source_index(tmp_path_factory, "herd.txt", "Herders earn less\n\nMARLOW, April 14, 2027 - Herders earned "
                         "about $116 million from the fibre, down 3% on a year earlier. Visitors rose 12% to 41,000.\n")
    [p] = card_problems(index, "−3%", "Herders")
    assert "whose, not what" in p
    assert card_problems(index, "+12%", "Visitors") == []


def test_a_name_that_did_it_alone_is_flagged(tmp_path_factory):
    index = source_index(tmp_path_factory, "wash.txt", "Cashmere washing\n\nMARLOW, April 14, 2027 - Its smaller rival "
                         "Khangai Wool washed about 1,600 tonnes of fibre in 2026.\n")
    [p] = card_problems(index, "about 1,600 t", "Smaller rival Khangai Wool")
    assert "who, not what" in p


def test_a_count_of_two_things_under_one_is_flagged(tmp_path_factory):
    index = source_index(tmp_path_factory, "cars.txt", "Car sales\n\nMARLOW, April 14, 2027 - Dealers in Lakeland "
                         "registered 5,840 new cars and light vans in the first quarter of 2027, 7.4% more than in the same quarter of "
                         "2026. The utility employs "
                         "1,450 workers and runs 14 depots.\n")
    [p] = card_problems(index, "5,840", "Lakeland new cars, first quarter 2027")
    assert "counts 'and light vans' too" in p
    [p] = card_problems(index, "+7.4%", "Lakeland new cars, first quarter 2027")  # the change of that count
    assert "counts 'and light vans' too" in p
    assert card_problems(index, "1,450", "Workers") == []  # "and runs 14 depots" is another clause


@pytest.mark.parametrize("sentence,value,label", [
    ("It now works with 2,140 farming families and aims to certify 3,000 as organic.", "2,140", "Farming families"),
    ("It employs 410 permanent staff and up to 1,200 seasonal workers.", "410", "Permanent staff"),
])
def test_a_count_before_another_clause_keeps_its_card(tmp_path_factory, sentence, value, label):
    index = source_index(tmp_path_factory, "farms.txt", f"Quinoa\n\nMARLOW, April 14, 2027 - {sentence}\n")
    assert card_problems(index, value, label) == []
