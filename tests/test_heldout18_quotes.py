"""Week 18's quote leftovers (first contact, /work/team/s13/W18-FIRST.md) and of weeks 16, 17 and 19:
- a speaker a sentence names as its object with a who-clause ("We spoke to <name>, who heads ...") is
  the "she" of the quote after it (reportkit.story.attribution);
- a role-only subject in the sentence before a quote ("The association's executive director, ..., put
  it plainly.") is the role of the speaker its attribution names (.subjectperson);
- a story quotes its subject's own voice before a third party's: the grower's chief executive and the
  exporter's general manager were missed for an industry body's chair (.quotes, .roles);
- a "he"/"she" with no one named before it is the full name the sentence before opens on, never a
  body's (weeks 17 and 19: three quotes had no speaker; .subjectperson);
- a body whose name ends on a plural takes the apostrophe alone ("Exporters' president", week 19; .roles).
Texts invented for these tests (CC0); each test failed on the code before the rule, except the guards.
"""

from __future__ import annotations

from conftest import full_quotes
from reportkit.story.quotes import best_quote
from reportkit.story.roles import speaks_for_another




def test_she_is_the_person_a_who_clause_introduces_as_an_object() -> None:
    found = full_quotes("Plum exports fell 6% in 2026.",
                   "We spoke to Jelena Marković-Sandoval, who runs a plum cooperative of 80 families near Valjevo. "
                   "“The plums were small,” she says. “We sold a third less fruit than in 2025.”")
    assert [(q.speaker, q.role) for q in found] == [
        ("Jelena Marković-Sandoval", "who runs a plum cooperative of 80 families near Valjevo")] * 2  # was no one


def test_a_body_before_a_who_clause_is_no_speaker_for_she() -> None:
    found = full_quotes("The letter went to the Valjevo Fruit Council, who answered in March. “We have no money,” she said.")
    assert [q.speaker for q in found] == [None]


def test_a_story_quotes_its_subjects_own_voice_before_an_industry_bodys() -> None:
    found = full_quotes("“We had the fish and we had the buyers,” said chief executive Tomas Ilves-Brandt. “What we did not "
                   "have was room in the cold stores: in March we lost about a fifth of our haul.”",
                   "“Boats lost more than 2,000 tonnes of catch in March alone,” said Ingrid Mbeki-Sorlie, chairwoman "
                   "of the Norland Fishers' Council. “Until the new ice plant opens, that will happen every spring.”")
    assert [q.role for q in found] == ["chief executive"] * 2 + ["chairwoman of the Norland Fishers' Council"] * 2
    picked = best_quote(found, "Trawler firm Kallvik Fisk lands less catch as ice runs short")
    assert picked is not None and picked.speaker == "Tomas Ilves-Brandt"  # was the council's chairwoman


def test_a_role_at_the_headlines_own_body_or_at_none_is_no_third_party() -> None:
    headline = "Kallvik Fisk lands less catch as ice runs short"
    assert speaks_for_another("Norland Fishers' Council's chairwoman", headline)
    assert speaks_for_another("an analyst at Strandberg Capital", headline)
    assert not speaks_for_another("chief executive", headline)
    assert not speaks_for_another("Kallvik chief executive", headline)
    assert not speaks_for_another("who runs a plum cooperative near Valjevo", headline)


def test_a_role_the_sentence_before_gives_an_unnamed_subject_is_the_named_speakers() -> None:
    """Week 19: "The association's executive director, a former veterinarian, put it plainly. "...,"
    <name> said." printed the speaker with no role (her "we" had no owner)."""
    found = full_quotes("The Valjevo Fruit Growers' Association wrote to the ministry in March.",
                   "The association's executive director, a former agronomist, put it plainly. “Every grower knows "
                   "the price is set in Rotterdam,” Jelena Marković-Sandoval said. “We would keep more of it at home.”")
    assert [(q.speaker, q.role) for q in found] == [
        ("Jelena Marković-Sandoval", "the association's executive director")] * 2  # was no role


def test_a_sentence_that_names_someone_gives_no_role_to_another_speaker() -> None:
    found = full_quotes("The association's director, Ana Ilić-Brandt, put it plainly. “Prices are set abroad,” "
                   "Jelena Marković-Sandoval said.")
    assert [q.role for q in found] != ["the association's director"]


def test_he_is_the_full_name_the_sentence_before_opens_on_when_no_one_was_named() -> None:
    """Weeks 17 and 19: "<name> runs a cooperative of 140 growers outside Telavi. "...," he says." and
    "<name> has sold brass lanterns in the souk for 30 years ... "...," he said" left the quotes with
    no speaker (missed at first contact)."""
    found = full_quotes("Wine exports to Poland rose 31% in 2026.",
                   "Dato Beridze-Larsen runs a cooperative of 90 growers outside Kvareli. “Russia was the easy "
                   "buyer,” he says. “We sent half of our wine to Poland last year.”")
    assert [q.speaker for q in found] == ["Dato Beridze-Larsen"] * 2  # was no one


def test_a_firm_that_opens_the_sentence_before_is_no_he() -> None:
    found = full_quotes("Kvareli Wine Group ships more bottles to Poland. “Russia was the easy buyer,” he says.")
    assert [q.speaker for q in found] == [None]


def test_a_body_whose_name_ends_on_a_plural_takes_the_apostrophe_alone() -> None:
    """Week 19: "National Chamber of Quinoa Exporters's president" (ungrammatical at first contact)."""
    from reportkit.story.roles import whose_role

    assert whose_role("National Chamber of Plum Exporters", "president") == "National Chamber of Plum Exporters' president"
    assert whose_role("AgroVista", "head of research") == "AgroVista's head of research"
