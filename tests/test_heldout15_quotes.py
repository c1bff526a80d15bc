"""Week 15 (news_heldout15): two quotes printed with no speaker, each fixed by a general rule
(texts invented, CC0):

- "Chief executive <name>, who founded the company ..., said the new house ...: “...”": a who-clause
  that says no role hid the titled speaker before it;
- "Deputy mayor <name> made no apology for the decision. “...”": a title that opens the sentence
  marks its subject as a person, who speaks the unattributed quote right after.
"""

from __future__ import annotations

from reportkit.story.attribution import parse_np
from reportkit.story.quotes import find_in_paragraphs


def _quotes(*paragraphs: str) -> list[tuple[str, str | None, str | None]]:
    out, offset = [], 0
    for p in paragraphs:
        out.append((offset, p))
        offset += len(p) + 2
    return [(q.text.split()[0], q.speaker, q.role) for q in find_in_paragraphs(out) if q.kind == "full"]


def test_a_who_clause_with_no_role_leaves_the_titled_speaker() -> None:
    found = _quotes("Managing director Oskar Pellinen-Ward, who opened the mill in 2004 with his brother, said the "
                    "new kiln had paid off early: “We dry twice the timber for the same heat.”")
    assert found == [("We", "Oskar Pellinen-Ward", "Managing director")]  # was no speaker


def test_a_who_clause_that_says_the_role_stays_the_role() -> None:
    who = parse_np("Councillor Mira Santos-Hale, who chairs the parks committee")
    assert who is not None and who.speaker == "Mira Santos-Hale" and who.role == "who chairs the parks committee"


def test_a_titled_person_opening_the_sentence_speaks_the_quote_after() -> None:
    found = _quotes("Bus drivers say the timetable is too tight. Deputy mayor Lotte Ferreira-Olsen made no apology "
                    "for it. “A bus that is always late is no bus at all.”")
    assert found == [("A", "Lotte Ferreira-Olsen", "Deputy mayor")]  # was no speaker, read as the drivers'


def test_a_firm_opening_the_sentence_lends_no_speaker() -> None:
    found = _quotes("Harbour Freight Lines made no change to its fares. “Fuel is not the problem.”")
    assert found == [("Fuel", None, None)]


def test_a_running_text_quote_with_no_speaker_is_not_printed() -> None:
    from reportkit.readers import read_text
    from reportkit.story.quotes import add_quotes, printable_quotes

    doc = add_quotes(read_text("Ferry fares rise\n\nCrews say fuel has outrun the fares. “We will look at the "
                               "whole tariff again in a year.”\n\n“Ships follow cargo,” said Ruth Amberley-Cole.\n",
                               "x.txt"))
    assert [q.speaker for q in doc.quotes if q.kind == "full"] == [None, "Ruth Amberley-Cole"]
    # the first would read as the crews' words under their sentence: only the attributed one is printed
    assert [q.speaker for q in printable_quotes(doc)] == ["Ruth Amberley-Cole"]


def test_said_before_a_capitalised_title_with_of_names_the_person_after() -> None:
    found = _quotes("“Rents will follow,” said Head of Lettings Maren Solberg-Quist. “They always do.”")
    assert found[0] == ("Rents", "Maren Solberg-Quist", "Head of Lettings")  # was no speaker (week 8's director)
