"""A capitalised pronoun opening a sentence ("He added:", "He said the rise ...") is no person: the
"he" of the next quote is the person named before it, never the word "He" printed as its speaker."""

from __future__ import annotations

from reportkit.readers import read_file
from reportkit.story import find_quotes
from reportkit.story.attribution import mentions

ADDED = """Doctors warn of longer waits

SAN JOSE, 6 April - The public health fund said its surgery waiting list fell to 148,600 at the end of March.

Andrés Villalobos-Hartmann, secretary-general of the union of specialist doctors, said the fall was "a fiction built \
on overtime". He added: "A list that falls because doctors never go home is not a success."
"""

SAID_BEFORE = """Traders object to parking rise

AMMAN, 30 March - The council raised parking charges in the old town to JD 1 an hour from April.

Omar Khalidi-Pettersen, chair of the Downtown Traders' Committee, said shops had lost customers since January. The \
committee counted 40 closures in 2026. He said the rise would make it worse. "Our customers are not commuters," he \
said. "They come for an hour and they will go elsewhere."
"""


def _quotes(tmp_path, text):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    return [q for q in find_quotes(read_file(path)) if q.kind == "full"]


def test_he_added_is_the_person_named_before(tmp_path):
    (q,) = _quotes(tmp_path, ADDED)
    assert q.speaker == "Andrés Villalobos-Hartmann"
    assert q.role == "secretary-general of the union of specialist doctors"


def test_a_sentence_opening_he_said_is_no_person_named(tmp_path):
    quotes = _quotes(tmp_path, SAID_BEFORE)
    assert [q.speaker for q in quotes] == ["Omar Khalidi-Pettersen"] * 2
    assert quotes[0].role == "chair of the Downtown Traders' Committee"


def test_pronouns_are_not_mentions():
    text = ("Prices rose, analyst Maria Costa-Lind said. She said more would follow. They said nothing. "
            "He added little.")
    names = [name for _at, name in mentions(text, bodies=True)]
    assert names and not {"She", "They", "He"} & set(names), names


CHAIRS = """Amman doubles parking charge

AMMAN, 30 March - The council raised parking charges in the old town.

Rania Haddad-Eriksen, the deputy mayor responsible for transport, said the charge would free up spaces. "We want one \
bay in seven to be empty," she said.

Omar Khalidi-Pettersen chairs the Downtown Traders' Committee, which says footfall has fallen by about 8% since 2024. \
He asked the council to give shoppers the first 15 minutes free. "Our customers are not commuters," he said. "They \
stop for twenty minutes and they go."
"""


def test_he_after_a_named_subject_is_that_person_not_an_earlier_speaker(tmp_path):
    """The deputy mayor is named before with a speech verb; the traders' chair opens the sentence
    before "He asked ...": the quote after is his (it was printed as the deputy mayor's)."""
    quotes = _quotes(tmp_path, CHAIRS)
    assert [q.speaker for q in quotes] == ["Rania Haddad-Eriksen", "Omar Khalidi-Pettersen", "Omar Khalidi-Pettersen"]
