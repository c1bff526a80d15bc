"""Week 14's first contact (2027-W06): a connective adverb kept in a label, a per with a number of its
own dropped, a card labelled by a unit alone or by a name that shares a word with the measure, and a
period's figure with no period taking a card's slot. Invented sentences (CC0), written for these
rules, not the week's."""

from __future__ import annotations

import pytest

from reportkit.facts import add_facts, extract_facts
from reportkit.readers import read_text
from reportkit.story.keyfigures import display, make_label
from reportkit.story.labels import figure_label
from reportkit.story.periodwords import words
from reportkit.story.scope import period_untold


def _facts(text: str):
    return extract_facts(text, "x.txt", date="2027-03-02")


def _fact(text: str, figure: str):
    return next(f for f in _facts(text) if f.text.startswith(figure))


@pytest.mark.parametrize("adverb", ["nevertheless", "nonetheless", "however", "meanwhile", "moreover",
                                    "therefore", "also", "still"])
def test_a_connective_adverb_neither_ends_nor_enters_a_label(adverb):
    text = f"Sales {adverb} rose 4.1% to 2.3 billion pesos in the quarter."
    for figure in ("4.1%", "2.3 billion pesos"):
        f = _fact(text, figure)
        assert f.label == "Sales" and f.measure == "sales"  # was "Sales nevertheless"


def test_an_adverb_in_ly_was_already_cut_and_a_noun_is_kept():
    assert _fact("Sales subsequently rose 4.1% in May.", "4.1%").label == "Sales"
    assert _fact("Sales volumes rose 3% in May.", "3%").label == "Sales volumes"


@pytest.mark.parametrize("sentence, figure, per", [
    ("Wholesale butter averaged €512 per 100 kg in March, the most since 2019.", "€512", "100 kg"),
    ("The clinic charges $40 per 1,000 tests for the screening.", "$40", "1,000 tests"),
])
def test_a_per_with_a_number_of_its_own_is_kept(sentence, figure, per):
    f = _fact(sentence, figure)
    assert f.per == per  # was None: "€512" read as a price of one kilogram, or a sum
    assert display(f).endswith("/" + per)


def test_a_per_a_thing_still_reads_as_before():
    assert _fact("Rooms cost $140 a night in May.", "$140").per == "night"
    assert _fact("The levy is €3 per 100 before tax.", "€3").per is None  # no noun after the number


def test_a_card_labelled_by_a_unit_alone_is_not_printed():
    text = "Average time for an ambulance to reach a patient: 7.4 minutes, against 7.1 minutes in 2025"
    f = _fact(text, "7.4 minutes")
    assert make_label(f, words(text)) is None  # was "7.4 Minutes"
    assert figure_label(f, words(text)) is None


def test_a_name_sharing_the_measure_word_does_not_name_the_measure():
    text = ("Halvard Steel delivered 210,000 tonnes of rolled steel in the fourth quarter, 5.1% more than a year "
            "earlier, the group said.")
    f = _fact(text, "5.1%")
    label = figure_label(f, words(text), with_subject=True)
    # was "Halvard Steel, fourth quarter": the measure's "steel" found only in the company's name
    assert label is None or "rolled steel" in label.lower()


def test_a_base_in_the_same_quarter_of_a_year_makes_a_period_figure():
    text = "Operating profit climbed to €41 million from €37 million in the same quarter of 2025."
    f = _fact(text, "€41 million")
    assert period_untold(f, "Operating profit")  # was printed "€41M Operating profit", no period
    assert not period_untold(f, "Operating profit, fourth quarter")


def _quotes(*paragraphs: str):
    from reportkit.story.quotes import find_in_paragraphs
    out, offset = [], 0
    for p in paragraphs:
        out.append((offset, p))
        offset += len(p) + 2
    return [(q.text.split()[0], q.speaker) for q in find_in_paragraphs(out) if q.kind == "full"]


def test_a_quote_after_a_sentence_whose_subject_is_a_named_person_is_theirs():
    found = _quotes('"We will hire again," said Ruth Amberley-Cole, the mayor.',
                    'The port\'s chief executive, Tomas Veldkamp-Ure, was less sure. "Ships follow cargo, not promises."')
    assert ("Ships", "Tomas Veldkamp-Ure") in found  # was no speaker: not printed


def test_she_said_after_a_person_made_a_subject_is_that_person():
    found = _quotes('"We will hire again," said Ruth Amberley-Cole, the mayor.',
                    'Parents gathered outside. Ines Marlowe-Teague, whose daughter sings in the choir, was among '
                    'them. "She has sung since she was six," she said.')
    assert ("She", "Ines Marlowe-Teague") in found  # was the mayor, the speaker named before


def test_a_company_as_a_subject_lends_no_speaker():
    found = _quotes('Harlow Timber delivered more wood in the quarter. "Prices will stay high."')
    assert found == [("Prices", None)]


def test_an_owner_inside_the_heads_complement_does_not_cut_the_head():
    text = "Units in the club's pension fund fell 2.1% to 4.80 pounds in London trading."
    f = _fact(text, "4.80 pounds")
    assert f.measure and f.measure.lower().startswith("units")  # was "pension fund": the units' price as the fund
    assert _fact("The chip designer's shares rose 4% on Monday.", "4%").measure == "shares"


NOTE = """Oat prices: a dry summer has tightened the market

Harwell Grain Research — 3 March 2027

Oat prices in the three markets we follow averaged €231 per tonne in February, 18% more than a year earlier and the highest since our records began in 2009.

Stocks at the end of February were the lowest in a decade.
"""


def test_a_takeaway_in_its_writers_first_person_carries_the_writers_name():
    from reportkit.story.takeaways import in_own_voice
    doc = add_facts(read_text(NOTE, "oats.md"))
    doc.dateline = doc.dateline or "Harwell Grain Research — 3 March 2027"  # as the Markdown reader gives it
    text = "Oat prices in the three markets we follow averaged €231 per tonne in February."
    assert in_own_voice(text, doc) == "Harwell Grain Research: " + text  # was printed in the brief's own voice
    assert in_own_voice("Stocks were the lowest in a decade.", doc) == "Stocks were the lowest in a decade."
    # a wire story's dateline is a place: no name to give "we", so the point is not used
    wire = add_facts(read_text("Oats\n\nTALLBY, March 3, 2027 - Prices in the markets we follow rose 4%.", "w.txt"))
    assert in_own_voice("Prices in the markets we follow rose 4%.", wire) is None
    # "US" is a country, and a "we" inside a quotation is the speaker's
    assert in_own_voice("US oat prices rose 4%.", wire) == "US oat prices rose 4%."
    assert in_own_voice('"We will buy more," the miller said.', wire) is not None


SAWMILL = """Sawmill deliveries recover as cheap wood runs out

Harrowgate Sawmills a.s. — 4 March 2027

Harrowgate Sawmills delivered 212,000 cubic metres of sawn timber in the fourth quarter, 5.2% more than a year earlier, and revenue rose 9.1% to 1.9 billion crowns (about €76 million), the group said, as builders in Poland and Slovakia began ordering again after two lean years and after a long winter.

Storm-damaged logs, which made up almost half of the wood the group bought in 2024, were down to about 12% in the quarter, and the rest of its timber costs more: roundwood prices rose 7% to 2,610 crowns a cubic metre.
"""


def test_a_one_line_summary_names_whose_it_is():
    from reportkit.layouts import load_layout
    from reportkit.story.stories import build_story
    from pathlib import Path
    content = load_layout(Path(__file__).parent.parent / "layouts" / "weekly-brief.yaml").content
    doc = add_facts(read_text(SAWMILL, "saw.md"))
    story = build_story(doc, content, [])
    # was the storm-wood sentence: "the group", "the quarter" and "its timber" with no name before them
    assert not story.one_line.startswith("Storm-damaged")


def test_an_amount_with_its_currency_code_after_it_is_money():
    facts = extract_facts("Units rose to 5.62 NZD Units in the fund", "x.txt")
    assert [(f.value, f.unit) for f in facts] == [(5.62, "NZD")]  # was a count of "NZD Units"


def test_a_slides_bullet_in_the_writers_first_person_carries_the_writers_name():
    from pathlib import Path

    from reportkit.layouts import load_layout
    from reportkit.story.stories import build_story
    content = load_layout(Path(__file__).parent.parent / "layouts" / "briefing-deck.yaml").content
    doc = add_facts(read_text(NOTE, "oats.md"))
    doc.dateline = doc.dateline or "Harwell Grain Research — 3 March 2027"
    story = build_story(doc, content, [])
    said = [b for b in story.bullets if " we follow" in b]
    assert said and all(b.startswith("Harwell Grain Research: ") for b in said)
