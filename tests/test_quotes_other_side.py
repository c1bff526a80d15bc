"""The other side's voice (CLOSING-S17 Left 1, quotes; /work/team/s17/W25-END.md, W26-END.md "Quotes"):
- "The growers' federation, whose 3,400 members grow ..., says ... Its president, <name>, said ...":
  the "its" is the body the sentence names by what it is, past its whose-clause (.roles); the role
  was left out, and a role-less speaker is never a second voice, so the quote was missed;
- a role "president of the national vanilla council" names a body (a lowercase one, by the kind of
  body it is), so its speaker is another side than a company's "chief executive" (.roles, .voices);
  a company's own organ ("chairman of the supervisory board") or a body of the kind the headline names
  ("Council raises fares") stays the story's own side;
- a whole sentence of six or seven words is a second voice ("Nobody asked the people on the bus.");
- a deck quotes every story once, then shows the stories' second voices (after their story's own)
  while it has room: a story the brief quotes on both sides is not one-sided on the deck.
Texts invented for these tests (CC0), and the test weeks 25/26; each test failed on the code before
the rule, except the guards.
"""

from __future__ import annotations

from pathlib import Path

from conftest import full_quotes
from reportkit.layouts.load import load_layout
from reportkit.readers import read_file
from reportkit.story import add_quotes
from reportkit.story.quotes import best_quote
from reportkit.story.voices import second_voice

ROOT = Path(__file__).resolve().parent.parent
HEAD = "Tabacalera Norte sells more cigars as buyers pay for age"
FIRST = "“We sold every cigar we rolled, and we could have sold a fifth more,” said chief executive Marco Lind-Reyes."
FEDERATION = ("The growers' federation, whose 3,400 members grow nearly nine-tenths of the leaf, says the drought hit "
              "small farms hardest. Its president, Ana Sofia Berg-Duarte, said prices had not made up for it.")
QUOTE = "“Some of my neighbours lost half a harvest,” she said, “and no price rise covers that.”"


def test_its_role_is_a_body_named_by_what_it_is_past_its_whose_clause() -> None:
    found = full_quotes(FEDERATION, QUOTE)
    assert found[0].speaker == "Ana Sofia Berg-Duarte"
    assert found[0].role == "president of the growers' federation"  # was no role


def test_a_lowercase_body_in_a_role_is_another_side_and_gives_a_second_voice() -> None:
    found = full_quotes(FIRST, FEDERATION, QUOTE)
    first = best_quote(found, HEAD)
    assert first.speaker == "Marco Lind-Reyes"
    second = second_voice(found, first, HEAD, "\n\n".join((FIRST, FEDERATION, QUOTE)))
    assert second is not None and second.speaker == "Ana Sofia Berg-Duarte"  # was missed
    assert second.display == "Some of my neighbours lost half a harvest, and no price rise covers that."


def test_a_short_whole_sentence_of_another_body_is_a_second_voice() -> None:
    union = ("The Riverside Commuters' Union said most of its members earn less than the average wage. "
             "Its chair, Selam Haile-Berg, said the union would ask for a delay. "
             "“Nobody asked the people on the bus,” Haile-Berg said.")
    first = "“We cannot buy new buses with fares that were set in 2019,” said Omar Lind-Tesfaye, the bureau's head."
    found = full_quotes(first, union)
    second = second_voice(found, found[0], "City raises bus fares", first + union)
    assert second is not None and second.display == "Nobody asked the people on the bus."  # 7 words: was too short


def test_a_companys_own_board_is_no_other_side() -> None:  # guard
    board = ("“We will pay the same dividend as last year and not a peso less,” said Elena Vik-Marquez, chairwoman of "
             "the supervisory board.")
    found = full_quotes(FIRST, board)
    assert found[1].role == "chairwoman of the supervisory board"
    assert second_voice(found, found[0], HEAD, FIRST + board) is None


def test_a_body_of_the_kind_the_headline_names_is_the_storys_own_side() -> None:
    council = ("“We cannot run the old trolleybuses on wire and prayer for another winter,” said Ion Rusu-Berg, "
               "director of the city transport council.")
    mayor = "“The fare was set in 2019 and the fuel bill has doubled since then,” said mayor Lina Popa-Strand."
    found = full_quotes(mayor, council)
    assert found[1].role == "director of the city transport council"
    assert second_voice(found, found[0], "City transport council raises fares", mayor + council) is None
    # the same role in a story headlined on another party is another side
    assert second_voice(found, found[0], "Bus operator raises fares", mayor + council).speaker == "Ion Rusu-Berg"


def _deck_quotes(folder: str, week: str) -> list:
    from reportkit.story.assemble import assemble
    from reportkit.week import parse_week

    docs = [add_quotes(read_file(p)) for p in sorted((ROOT / "tests" / "data" / folder).iterdir())
            if p.suffix in (".txt", ".md", ".html", ".docx", ".pdf") and not p.name.startswith("README")]
    report = assemble(docs, load_layout(ROOT / "layouts" / "briefing-deck.yaml"), parse_week(week), {})
    return [(Path(src).name, q.speaker) for src, q in report.quotes]


def test_a_deck_shows_a_storys_second_voice_after_its_own_while_it_has_room() -> None:
    quotes = _deck_quotes("news_heldout26", "2027-W18")
    assert len(quotes) == 6  # was 5: one a story
    k = quotes.index(("u1_cigar_maker.txt", "Julio Marte-Bergstrom"))
    assert quotes[k + 1] == ("u1_cigar_maker.txt", "Ana Lucia Reyes-Falk")  # the growers' federation
    assert ("e1_vanilla_exporter.txt", "Jean-Louis Randria-Berg") in _deck_quotes("news_heldout25", "2027-W17")


def test_its_role_after_a_bare_body_noun_names_the_body() -> None:
    # "The ministry answers that ... Its spokeswoman, <name>, said": the other side's speaker had no role
    ministry = ("The ministry answers that the bakers did well last year. Its spokeswoman, Awa Ndiaye-Berg, said the "
                "price would not move before the harvest.")
    found = full_quotes(ministry, "“Nobody came to us asking to cut the price when flour was cheap,” she said.")
    assert found[0].role == "spokeswoman of the ministry"
