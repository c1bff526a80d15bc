"""Quotes its attribution interrupts, speakers that "she said" points to, and roles given in the
sentence before (week 16's review: a quote printed in half, "— Growers' Council", roles dropped).
Texts invented for these tests (CC0); each test failed on the code before the rule.
"""

from __future__ import annotations

from conftest import full_quotes
from reportkit.story.attribution import clean_role
from reportkit.story.quotes import best_quote
from reportkit.story.wholequote import WHOLE_WORDS, printed_forms




# -- one quote in two parts ------------------------------------------------------------------------


def test_a_quote_the_attribution_interrupts_is_one_quote_printed_whole() -> None:
    found = full_quotes("“We had the nets and we had the crews,” said chief executive Tomas Ilves-Brandt. “What we did "
                   "not have was ice: in March we lost about a fifth of the catch.”")
    head, rest = found
    assert head.more == [rest.text] and rest.continues == head.start
    assert head.display == ("We had the nets and we had the crews. What we did not have was ice: in March we lost "
                            "about a fifth of the catch.")
    # each part is still its own quote between its marks (the quotes eval scores them so)
    assert rest.speaker == head.speaker == "Tomas Ilves-Brandt"
    printed = best_quote(found, "Fishing fleet loses catch")
    assert printed is head and "a fifth of the catch" in printed.display  # was the first half alone


def test_words_that_go_on_with_the_sentence_after_the_attribution_join_it() -> None:
    found = full_quotes("“The hail took two days,” says Lino Marchetti-Okafor, who grows apples above Bolzano, “and it "
                   "took half of the crop. I picked 300 crates; in a normal year I pick a thousand.”")
    assert len(found) == 2 and found[1].speaker == "Lino Marchetti-Okafor"  # was a fragment with no speaker
    assert found[0].display == ("The hail took two days, and it took half of the crop. I picked 300 crates; in a "
                                "normal year I pick a thousand.")


def test_a_long_interrupted_quote_prints_the_part_with_the_figure_never_an_unfinished_half() -> None:
    filler = " ".join(["We have done everything the buyers asked of us and more"] * 6)
    found = full_quotes(f"“{filler},” said grower Mara Kettunen-Abebe, “and still we lost 40 tonnes to the frost. "
                   f"{filler}.”")
    assert len(found[0].display.split()) > WHOLE_WORDS
    # the first part reads on into the second ("..., and still"): printed alone it would stop mid-sentence, and the
    # second starts mid-sentence; neither is printed alone
    assert printed_forms(found) == []
    found = full_quotes(f"“{filler},” said grower Mara Kettunen-Abebe. “We lost 40 tonnes to the frost.”")
    (one,) = printed_forms(found)
    assert one.display == "We lost 40 tonnes to the frost." and one.speaker == "Mara Kettunen-Abebe"


def test_quotes_with_narration_between_them_stay_apart() -> None:
    found = full_quotes("“Prices will rise,” said analyst Pia Horvath-Lund. The company did not comment. “Not this year.”")
    assert all(not q.more for q in found)


# -- who "she" is, and the role the sentence before gives --------------------------------------------


def test_she_is_the_chairwoman_not_the_council_named_before_her() -> None:
    found = full_quotes("Finance director Paul Adeyemi-Strand said the company would not borrow.",
                   "The Norland Fishers' Council says ice is now the fleet's biggest problem, and its chairwoman, "
                   "Ingrid Mbeki-Sorlie, did not soften it. “Boats lost more than 2,000 tonnes in March alone,” she "
                   "said.")
    assert [(q.speaker, q.role) for q in found] == [("Ingrid Mbeki-Sorlie", "Norland Fishers' Council's chairwoman")]


def test_she_is_the_person_a_paragraph_introduces_by_name() -> None:
    found = full_quotes("The mayor, Tor Lindahl-Moe, has said the town cannot force the clinic to open on Sundays.",
                   "Patients queued outside. One of them, a nurse named Aino Castell-Ruiz, had waited since dawn. "
                   "“We waited four hours,” she said.")
    assert [(q.speaker, q.role) for q in found] == [("Aino Castell-Ruiz", "a nurse")]  # was the mayor's


def test_a_present_tense_who_clause_is_the_speakers_role() -> None:
    found = full_quotes("Arvid Lindqvist-Osei, who runs the co-operative's export desk, told us last week: “We opened "
                   "nine new markets.”")
    assert [(q.speaker, q.role) for q in found] == [("Arvid Lindqvist-Osei", "who runs the co-operative's export desk")]


def test_a_role_given_in_the_sentence_before_a_pronoun_is_kept() -> None:
    found = full_quotes("Lena Okafor-Berg, who runs the growers' cold store, was at the airport all week. “We lost a "
                   "day of flowers,” she said.")
    assert [(q.speaker, q.role) for q in found] == [("Lena Okafor-Berg", "who runs the growers' cold store")]


def test_a_superintendent_is_a_role() -> None:
    found = full_quotes("“We are not closing the trails,” said Sunan Chaiyo-Brandt, the reserve's superintendent.")
    assert [(q.speaker, q.role) for q in found] == [("Sunan Chaiyo-Brandt", "the reserve's superintendent")]


def test_a_verb_clause_after_a_name_is_no_role() -> None:
    assert clean_role("has said the town cannot force a private owner to keep a tenant") is None


def test_weeks_15_and_16_quotes_score_fully_on_speaker_role_and_joins() -> None:
    # bench/quotes_eval.py on the weeks' annotations (tests/data/quotes_eval/weeks): before these rules,
    # week 15 scored speakers 11/13, roles 8/13, joins 0/6; week 16 speakers 8/10, roles 5/10, joins 0/4
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "bench"))
    from quotes_eval import WEEK_NOTES, WEEKS, evaluate

    for name, folder in WEEKS.items():
        s = evaluate(folder, name, WEEK_NOTES / f"{folder.name}.yaml")
        assert (s.matched, s.right_speaker, s.right_role, s.joined) == (s.expected, s.expected, s.roles, s.parts), \
            s.problems


def test_they_may_still_be_the_body_named_before() -> None:
    # "he"/"she" skip a body's name; "they" does not (the rule above must not change it)
    found = full_quotes("Lena Okafor-Berg, a grower, was at the airport. The Norland Fishers' Council says ice is the "
                   "problem. “We lost a fifth of the catch,” they said.")
    assert [q.speaker for q in found] == ["Norland Fishers' Council"]  # as before these rules
