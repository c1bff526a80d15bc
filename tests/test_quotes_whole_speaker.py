"""Week 23/24's quote leftovers (/work/team/s16/W23-END.md, W24-END.md "Quotes"):
- a part after '"...," she says,' that starts in lower case goes on with the first part's sentence:
  it is joined, never printed as a half with its comma made a full stop (.quotes);
- a person named after a lowercase role keeps every given name ("Managing director <given> <two-word
  surname> said": the given name was dropped; .attribution);
- "Its/Their <role>, <name>," takes its body from the sentence before when that sentence's subject is
  a name with a long who/which clause, a number in its clause ("whose 1,900 members"), or a plural
  body named without an article ("Small-scale fishermen's groups"); a role-less speaker is never a
  second voice, so such a quote was missed (.roles, .voices).
Texts invented for these tests (CC0); each test failed on the code before the rule, except the guards.
"""

from __future__ import annotations

from conftest import full_quotes
from reportkit.story.quotes import best_quote
from reportkit.story.voices import second_voice
from reportkit.story.wholequote import printed_forms


def test_a_lowercase_part_after_she_says_joins_the_first_part() -> None:
    found = full_quotes("Its chief executive, Marta Oyelowo-Lind, said the firm had changed course. "
                        "“Twenty years ago we sold barrels to Riga,” she says, “and now we sell bottles to Osaka.”")
    head, rest = found
    assert head.more == [rest.text] and rest.continues == head.start  # was two quotes, the first printed alone
    (printed,) = printed_forms(found)
    assert printed.display == "Twenty years ago we sold barrels to Riga, and now we sell bottles to Osaka."
    assert printed.speaker == "Marta Oyelowo-Lind"


def test_a_capitalised_part_after_she_says_stays_a_sentence_of_its_own() -> None:
    # guard: a part that starts a sentence is joined as before (comma made a full stop), not run on
    found = full_quotes("“We sold barrels,” said chief executive Marta Oyelowo-Lind. “Now we sell bottles.”")
    assert found[0].display == "We sold barrels. Now we sell bottles."


def test_a_name_after_a_lowercase_role_keeps_its_given_name() -> None:
    found = full_quotes("Managing director Amira Ben Youssef-Dahl said the mill had chosen volume. "
                        "“We could have waited for a better price,” she said. “But a full tank pays no wages.”")
    assert {q.speaker for q in found} == {"Amira Ben Youssef-Dahl"}  # was "Ben Youssef-Dahl"
    assert found[0].role == "Managing director"


def test_its_role_finds_the_body_past_a_long_which_clause() -> None:
    found = full_quotes("Halden Motors, which sells three European brands from showrooms in Arendal and Kristiansand, "
                        "registered 2,210 cars. It also sold most of the electric ones. Its managing director, "
                        "Sunniva Okafor-Brekke, told us deliveries had been late. “Our buyers stopped asking what an "
                        "electric car costs,” she said.")
    assert found[0].role == "Halden Motors' managing director"  # was no role


def test_its_role_finds_the_body_past_a_number_in_its_clause() -> None:
    found = full_quotes("The Dairy Association of Malawi, whose 2,300 members milk most of the country's cows, has asked "
                        "for cheaper feed. Its chairman, Chifundo Lwanda-Berg, said power cuts were the worst of it. "
                        "“Some of our members lost a day's milk in one night,” he said, “and nobody pays for that.”")
    assert found[0].role == "Dairy Association of Malawi's chairman"  # was no role
    assert found[0].display == ("Some of our members lost a day's milk in one night, and nobody pays for that.")


def test_their_role_is_a_plural_body_named_without_article_and_gives_a_second_voice() -> None:
    found = full_quotes("“The sardines were there and they were big,” said chief executive Paulo Ferreira-Lund. "
                        "“We ran the Peniche plant every day of March.”",
                        "Inshore fishermen's groups, which speak for more than 12,000 families, have asked for a larger "
                        "share. Their spokesman, Rui Tavares-Holm, said the quota favoured the factories.",
                        "“We are not against the big plants,” Tavares-Holm said. “But when they take nine-tenths of the "
                        "quota, a man with a small boat has nothing left to sell.”")
    other = [q for q in found if q.speaker == "Rui Tavares-Holm"]
    assert other and other[0].role == "Inshore fishermen's groups' spokesman"  # was no role
    first = best_quote(found, "Sardine processor runs plant every day")
    assert first.speaker == "Paulo Ferreira-Lund"
    second = second_voice(found, first, "Sardine processor runs plant every day", "")
    assert second is not None and second.speaker == "Rui Tavares-Holm"  # was missed: no role, no second voice


def test_its_role_stays_out_when_the_sentence_before_names_no_body() -> None:
    # guard: "It"/a common noun before "Its chairman" names no one; the role is left out, not guessed
    found = full_quotes("Revenue rose 4% in the quarter. Its chairman, Chifundo Lwanda-Berg, said it was enough. "
                        "“We sold more milk,” he said.")
    assert found[0].role is None
