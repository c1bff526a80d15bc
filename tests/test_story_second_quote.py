"""A story's second quote (reportkit.story.voices; CLOSING-S14 Left 5: week 18's S1 quoted the shea
maker's managing director and left out the processors' association's coordinator, found and
attributed): the brief prints a second quote only when it is another side's voice, a speaker named
in full, with a role, for a different body than the first speaker's, in 6-40 words; never a second
voice of the same side, a bare surname, a speaker with no role, or a role whose one-word "body" is
a common noun the article writes in lower case. Texts invented for these tests (CC0). Each test
failed on the code before the rule (no second quote), except the guards.
"""

from __future__ import annotations

from pathlib import Path

from conftest import full_quotes
from reportkit.layouts.load import load_layout
from reportkit.readers import read_file
from reportkit.story import add_quotes, build_stories
from reportkit.story.voices import second_voice

ROOT = Path(__file__).resolve().parent.parent
HEAD = "Kpandai Shea crushes more nuts as the harvest fills its warehouses"
FIRST = ("“Our buyers want more butter and they want to know which village it came from,” said Ama Boateng-Ruud, "
         "managing director.")
OTHER = ("Adjoa Mensah-Falk, the Savannah Shea Processors' Association's coordinator, said the gain hid a waste. "
         "“Half the nuts that rot in this region rot because nobody has a dry shed to keep them in,” she said.")


def _second(*paragraphs: str, headline: str = HEAD):
    quotes = full_quotes(*paragraphs)
    return second_voice(quotes, quotes[0], headline, "\n\n".join(paragraphs))


def test_another_bodys_voice_is_the_second_quote() -> None:
    q = _second(FIRST, OTHER)
    assert q is not None and q.speaker == "Adjoa Mensah-Falk"
    assert q.role == "the Savannah Shea Processors' Association's coordinator"


def test_two_voices_of_one_side_give_no_second_quote() -> None:  # guard
    same = "“We will hire 40 more people at the plant before the next harvest comes in,” said Kofi Asante-Berg, finance director."
    assert _second(FIRST, same) is None


def test_a_speaker_without_a_role_or_a_full_name_gives_no_second_quote() -> None:  # guard
    roleless = "“Half the nuts that rot here rot because nobody has a dry shed to keep them in,” said Adjoa Mensah-Falk."
    assert _second(FIRST, roleless) is None
    surname = ("“Half the nuts that rot here rot because nobody has a dry shed to keep them in,” said Falk, "
               "Savannah Council's coordinator.")
    assert _second(FIRST, surname) is None


def test_a_one_word_body_the_article_writes_in_lower_case_is_no_side() -> None:
    election = ("The party that led every government since 2010 lost three seats. Party leader Jens Ottar Brekke-Lund "
                "said it had lost 4,100 votes. “We heard the voters, and we will be a serious opposition, not a noisy "
                "one,” Brekke-Lund said.")
    first = ("“People voted for cheaper ferries and for homes they can afford this year,” said Coastal Alliance leader "
             "Hanna Solvik-Ruud.")
    quotes = full_quotes(first, election)
    assert quotes[1].role == "Party leader"
    assert second_voice(quotes, quotes[0], "Coastal Alliance wins the island vote", first + election) is None
    # the same role where the article never writes "party" as a common noun names a body
    named_body = election.replace("The party that", "The Island Party, which")
    assert second_voice(full_quotes(first, named_body), quotes[0], "Coastal Alliance wins", first + named_body)


def test_a_long_second_quote_is_left_out() -> None:  # guard: the page pays at most four lines
    long = OTHER.replace("to keep them in", "to keep them in, and " + "the rains come early every year and " * 4)
    assert _second(FIRST, long) is None


def test_the_story_carries_its_second_quote(tmp_path) -> None:
    path = tmp_path / "shea.txt"
    path.write_text(f"{HEAD}\n\nKpandai Shea processed 41,600 tonnes of shea nuts in the fourth quarter, 11% more than "
                    f"a year earlier.\n\n{FIRST}\n\n{OTHER}\n", encoding="utf-8")
    doc = add_quotes(read_file(path))
    content = load_layout(ROOT / "layouts" / "weekly-brief.yaml").content
    story = build_stories([doc], content, [])[0]
    assert story.quote is not None and story.quote.speaker == "Ama Boateng-Ruud"
    assert story.second_quote is not None and story.second_quote.speaker == "Adjoa Mensah-Falk"


def test_a_brief_prints_at_most_three_second_quotes_for_its_most_salient_stories() -> None:
    from reportkit.model import Quote, Story
    from reportkit.story.voices import PER_BRIEF, keep_second_quotes

    stories = [Story(source=f"s{k}.txt", headline="h", one_line="x", quote=Quote("a b c", "A B"),
                     second_quote=Quote("d e f", "C D") if k != 1 else None) for k in range(6)]
    keep_second_quotes(stories)
    assert PER_BRIEF == 3
    assert [s.second_quote is not None for s in stories] == [True, False, True, True, False, False]
