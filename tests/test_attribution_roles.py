"""Who said a quote, in three shapes a sixth unseen week (written after the code) got wrong: an
organisation's name before a role and the person's name ("said Calloway Re analyst Ines
Harrington": the firm was printed as the speaker), a role that starts with a possessive name
("Meridian's head of distribution, Janelle Ocampo, said": no speaker), and "he said" after a
sentence that names a titled person with another verb ("Boxline analyst Derek Moss was more
cautious."; the quote went to the previous paragraph's speaker, with a stray quote mark in her role)."""

from __future__ import annotations

from reportkit.readers import read_text
from reportkit.story import find_quotes

# invented (CC0)
TEXT = """Ferry operator posts record summer

OSLO, Dec 7, 2026 (RK Wire) - Ferry operator Nordvik carried 2.1 million passengers in the summer.

"We added two ships and filled both," Nordvik's head of operations, Ragna Solheim, said.

Harbour analyst Piet Vermeulen was less upbeat. "Fuel costs will eat most of that gain," he said.

"The winter timetable is the real test," said Solna Capital analyst Mette Lund.
"""


def _quotes() -> dict[str, tuple[str | None, str | None]]:
    doc = read_text(TEXT, "ferry.txt")
    return {q.text.split()[0]: (q.speaker, q.role) for q in find_quotes(doc) if q.kind == "full"}


def test_a_role_starting_with_a_possessive_name_before_the_speaker() -> None:
    assert _quotes()["We"] == ("Ragna Solheim", "Nordvik's head of operations")  # was (None, None)


def test_he_said_after_a_titled_person_named_with_another_verb() -> None:
    assert _quotes()["Fuel"] == ("Piet Vermeulen", "Harbour analyst")  # was Ragna Solheim, role '" Nordvik's …'


def test_an_organisation_before_the_role_and_the_persons_name() -> None:
    assert _quotes()["The"] == ("Mette Lund", "Solna Capital analyst")  # was ("Solna Capital", None)
