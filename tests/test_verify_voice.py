"""verify --sources flags a source's first-person sentence printed as the output's own words
(verify/voice.py): what builds before the story stage's own-voice rule printed in a summary."""

from __future__ import annotations

from pathlib import Path

from reportkit.readers import read_file
from reportkit.verify.voice import voice_problems

DATA = Path(__file__).parent / "data"
SENTENCE = ("Dealers in Trinidad and Tobago registered 5,840 new cars and light vans in the first quarter of\n"
            "2027, 7.4% more than in the same quarter of 2026, by our count of licensing-office data.")


def test_a_bare_first_person_sentence_is_flagged_and_one_under_its_writer_s_name_is_not() -> None:
    docs = [read_file(DATA / "news_heldout23" / "d4_car_sales.md")]
    # week 23's brief at the round's end: the summary printed "by our count" as the desk's
    problems = voice_problems([("page 4", "SOURCE S4 · SAVANNAH STREET RESEARCH\nHeadline\n" + SENTENCE)], docs)
    assert len(problems) == 1 and "page 4" in problems[0] and "first person" in problems[0]
    assert voice_problems([("page 4", "Savannah Street Research: " + SENTENCE)], docs) == []
    assert voice_problems([("page 4", "“" + SENTENCE + "”")], docs) == []  # a quotation is the source's
    assert voice_problems([("slide 7 notes", SENTENCE)], docs) == []  # the source's text under its title
    assert voice_problems([("page 4", "Buyers spent about TT$1.21 billion on them.")], docs) == []
