"""A sentence in its source's own first person ("by our count", "the markets we follow") is never
printed in the desk's voice: in a story's summary, a slide's bullets and the takeaways it is said
under the name the source signs with ("Savannah Street Research: ..."), or it is not printed."""

from __future__ import annotations

from pathlib import Path

from reportkit.layouts.models import Content, StorySettings
from reportkit.story.stories import build_story
from reportkit.story.takeaways import first_person, signed_by

DATA = Path(__file__).parent / "data"
SHIPPED = Content(title="t", short_title="t", stories=StorySettings(summary_words=70, min_sentences=2, max_sentences=4))


def _doc(*parts: str):
    from reportkit.facts import add_facts
    from reportkit.readers import read_paths
    read = read_paths([DATA.joinpath(*parts)])
    return add_facts((read[0] if isinstance(read, tuple) else read)[0])


def test_a_note_signed_with_its_kind_of_paper_names_its_writer() -> None:
    # "Savannah Street Research — motor trade note, 15 April 2027": was no name (a date must follow the dash)
    assert signed_by(_doc("news_heldout23", "d4_car_sales.md")) == "Savannah Street Research"
    assert signed_by(_doc("news_heldout24", "e3_tourism_arrivals.docx")) == "Rwanda Parks and Tourism Office"
    assert signed_by(_doc("news_heldout23", "d1_fishmeal_quarter.txt")) is None  # a wire's dateline is a place


def test_a_summary_sentence_in_the_writers_first_person_carries_the_writers_name() -> None:
    story = build_story(_doc("news_heldout23", "d4_car_sales.md"), SHIPPED, [])
    first = story.summary[0]
    # was printed as the brief's own "by our count of licensing-office data" (week 23's end count, M8)
    assert first.startswith("Savannah Street Research: Dealers in Trinidad and Tobago registered 5,840")
    assert all(not first_person(s) or s.startswith("Savannah Street Research: ") for s in story.summary)
    assert all(not first_person(b) or b.startswith("Savannah Street Research: ") for b in story.bullets)
    assert story.figures  # the sentence's figures are still the story's


def test_an_unsigned_first_person_sentence_is_not_in_the_summary() -> None:
    from reportkit.readers import read_text
    from reportkit.facts import add_facts
    doc = add_facts(read_text("Oat prices climb\n\nTALLBY, March 3, 2027 - Oat prices in the markets we follow rose 4% "
                              "to €231 a tonne in February. Stocks at the end of February were the lowest in a decade, "
                              "the grain board said on Tuesday.", "w.txt"))
    story = build_story(doc, SHIPPED, [])
    assert not any(first_person(s) for s in story.summary)
