"""A card's label names what is measured, not a thing, a product, a person, a table's headers or a
participle (story/cardmeasure.py, asked by the card gate and by ``verify --sources``): a money amount under
a product's name, a share price under "shares", a fare under the routes it is for, a row's name glued to a
column's header, "Covered", a share whose whole the label leaves out, a label cut at the first of two joined
things, and one part's figure under a bare measure in a story about the whole. Texts invented (CC0), one
rule a test; each flagged label uses only its sentence's words, so the words check alone passes it."""

from __future__ import annotations


import pytest
from conftest import card_problems, source_index

from reportkit.facts import add_facts
from reportkit.readers import read_text
from reportkit.story.cardmeasure import (another_owner, headers_only, measure_why, object_cut, participle_alone,
                                         share_untold, thing_priced)
from reportkit.story.labels import cuts_joined
from reportkit.story.stories import story_figures

ARTICLE = """Velmora spice exports climb on pepper demand

VELMORA, March 3, 2027 (RK Wire) - Velmora exported 3,140 tonnes of black pepper and dried ginger in the first quarter of 2027, 9% more than a year earlier.

Ginger powder, the newest line, accounted for 52 tonnes of the volume and earned about EUR 1.8 million.

Shares in Kessel Spice rose 1.9% to ISK 2,240 in Velmora trading by 1000 GMT.

Short trips will go up to ISK 9 from ISK 7, and the longest routes to ISK 15 from ISK 11.

Finance director Ilse Marrow said the weaker krona had cut about ISK 38 million from quarterly revenue.

The port authority covered only about 61% of its operating costs from dues.

Sea freight: about 83% of the volume left by ship, up from 79% a year earlier.

Harrow Mills, the largest grinder, shipped 1,900 tonnes in the quarter and its revenue rose 14% to ISK 640 million.

Cinnamon did worse: exports fell 6% to 870 tonnes after a dry summer.

Ticket revenue rose 8.5% to ISK 310 million.
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return source_index(tmp_path_factory, "velmora.txt", ARTICLE)


@pytest.mark.parametrize("value,label,why", [
    ("about €1.8M", "Ginger powder", "a thing or a person, not what about it is measured"),
    ("2,240 ISK", "Kessel Spice shares", "a thing or a person"),
    ("about 38M ISK", "Ilse Marrow weaker krona", "a thing or a person"),
    ("about 61%", "Covered", "a participle alone"),
    ("about 83%", "Sea freight", "a share of 'volume'"),
    ("3,140 t", "Velmora black pepper exported, first quarter 2027", "one of two things its sentence joins"),
    ("+14%", "Revenue", "the revenue of 'Harrow'"),
    ("−6%", "Exports", "the exports of 'Cinnamon'"),
])
def test_verify_flags_a_label_that_names_no_measure(index, value, label, why):
    problems = card_problems(index, value, label)
    assert any(why in p for p in problems), problems


@pytest.mark.parametrize("value,label", [
    ("3,140 t", "Velmora black pepper and dried ginger exported, first quarter 2027"),
    ("ISK 310M", "Ticket revenue"),
    ("+8.5%", "Ticket revenue"),
])
def test_a_label_that_names_its_measure_passes(index, value, label):
    assert card_problems(index, value, label) == []


def test_headers_glued_are_no_measure() -> None:
    assert headers_only("Total Value") and headers_only("Country") and headers_only("European Union Value")
    assert headers_only("Export value") is None and headers_only("Average fare") is None


def test_a_participle_alone_is_no_measure() -> None:
    assert participle_alone("Covered") and participle_alone("Cane milled") is None


def test_an_amount_under_a_thing_or_a_person() -> None:
    assert thing_priced("Essential oils", "about €2.1M")
    assert thing_priced("Private minibus taxis", "10 ETB–25 ETB")  # "taxis" is no tax
    assert thing_priced("Longest routes", "15 ETB")  # the new fare for them
    assert thing_priced("Shares", "184 DOP")  # one word capitalised at a label's start is no name
    assert thing_priced("Brightwater Foods", "$412M") is None  # a name: verify's read of a wrapped label's first line
    for label in ("Subsidies", "Operating profit", "Airport and resort sales", "Export earnings", "Share price"):
        assert thing_priced(label, "$5M") is None, label
    assert thing_priced("Passengers", "98.6M") is None  # a count, not money
    assert thing_priced("Passengers", "+4.1%") is None


def test_a_share_says_of_what() -> None:
    s = "Air freight: about 12% of the volume left by air."
    a = s.index("12%")
    assert share_untold("Air freight", "about 12%", s, a, a + 3)
    assert share_untold("Air freight share of volume", "about 12%", s, a, a + 3) is None
    assert share_untold("Air freight", "+12%", s, a, a + 3) is None  # a change, not a share
    s = "The standard says that 92% of trains should arrive within five minutes."
    a = s.index("92%")
    assert share_untold("Standard", "92%", s, a, a + 3) is None  # the share is its own clause's subject
    s = "India cut its fiscal deficit to 4.4% of gross domestic product."
    a = s.index("4.4%")
    assert share_untold("India fiscal deficit", "4.4%", s, a, a + 4) is None


def test_a_joined_object_is_never_cut() -> None:
    s = "Albania exported 9,850 tonnes of dried medicinal and aromatic plants in the first quarter."
    assert object_cut("Albania dried medicinal exported", s)
    assert object_cut("Albania dried medicinal and aromatic plants exported", s) is None
    # two clauses joined, a name's end: no object cut
    assert object_cut("Cement sold", "The firm sold 4,000 tonnes of cement and earned $2 million.") is None
    assert object_cut("Albania herbs exported", "Albania and Kosovo exported 900 tonnes of herbs.") is None
    assert object_cut("Workers", "The utility employs 1,450 workers and runs 14 depots.") is None
    assert object_cut("Permanent staff", "It employs 410 permanent staff and up to 1,200 seasonal workers.") is None
    assert cuts_joined("dried herbs exported", "dried herbs and essential oils exported")
    assert not cuts_joined("dried herbs and essential oils exported", "dried herbs and essential oils exported")


def test_another_owner_only_when_the_story_is_not_about_it() -> None:
    s = "Malvo Foods, the largest processor, shipped 2,300 tonnes and its revenue rose 12% to ALL 812 million."
    a = s.index("12%")
    assert another_owner("Revenue", s, a, "Herb exports rise", "Albania exported 9,850 tonnes of herbs.")
    # the company's own story: its lead names it
    assert another_owner("Revenue", s, a, "Processor grows", "Malvo Foods said on Monday its sales rose.") is None
    assert another_owner("Revenue", s, a, "Herb exports rise", "") is None  # whom the story is about unknown
    assert measure_why("Malvo Foods revenue", "+12%", s, a, a + 3, "Herb exports rise", "Albania exported.") is None


def test_a_figure_after_a_participle_is_its_nouns() -> None:
    from reportkit.story.cardmeasure import participle_owner
    s = "The fund's lowest loan rate remains 2% a year for members earning up to ISK 90,000 a week."
    a = s.index("ISK 90,000")
    assert participle_owner("Fund's lowest loan rate", s, a)
    assert participle_owner("Members earning", s, a) is None
    s = "Revenue rose 4%, bringing the total to $5 million, including $1 million from fees."
    assert participle_owner("Revenue", s, s.index("$5")) is None


def _doc(body: str, title: str = "Velmora spice exports climb"):
    return add_facts(read_text(f"{title}\n\nVELMORA, March 3, 2027 - " + body, "a.txt", ".txt"))


def test_the_gate_prints_no_card_of_a_thing_and_the_whole_joined_object() -> None:
    body = ("Velmora exported 3,140 tonnes of black pepper and dried ginger in the first quarter of 2027. "
            "Ginger powder, the newest line, accounted for 52 tonnes of the volume and earned about EUR 1.8 million. "
            "Shares in Kessel Spice rose 1.9% to ISK 2,240 in Velmora trading by 1000 GMT.")
    cards = [f"{k.display} / {k.label}" for k in story_figures(_doc(body), [], [], count=20)]
    assert not any("1.8M" in c or "2,240" in c for c in cards), cards
    assert not any(c.startswith("3,140 t") and "dried ginger" not in c for c in cards), cards


