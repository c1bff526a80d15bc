"""Speaker names with lowercase particles ("ter", "van der") stay whole: a tenth unseen week
printed "— Horst, Chief Investment Officer Liesbeth ter" for "Chief Investment Officer Liesbeth
ter Horst said:" and "— Annelies" for "said Annelies van der Berg, who chaired the inquiry"."""

from __future__ import annotations

from reportkit.readers import read_text
from reportkit.story import find_quotes
from reportkit.story.attribution import split_role

# invented (CC0)
TEXT = """Harbour fund reports a quiet quarter

ROTTERDAM, Jan 9, 2027 (RK Wire) - The Maasdelta pension fund returned 1.2% in the quarter.

Chief Investment Officer Marieke ter Steege said: "We kept our bonds and it paid off."

"Nobody asked the dock workers what they wanted," said Jonas van der Linde, who chaired the panel.
"""


def _quotes() -> dict[str, tuple[str | None, str | None]]:
    doc = read_text(TEXT, "fund.txt")
    return {q.text.split()[0]: (q.speaker, q.role) for q in find_quotes(doc) if q.kind == "full"}


def test_title_then_name_with_one_particle():
    assert split_role("Chief Investment Officer Marieke ter Steege") == ("Marieke ter Steege",
                                                                         "Chief Investment Officer")
    assert _quotes()["We"] == ("Marieke ter Steege", "Chief Investment Officer")


def test_name_with_two_particles_after_the_verb():
    speaker, _role = _quotes()["Nobody"]
    assert speaker == "Jonas van der Linde"


# a capital beyond ASCII starts a name word too: week 11 printed "— Dálaigh-Webb" for "Ciarán Ó Dálaigh-Webb"
IRISH = """Museum chair defends loan

KIELSUND, Jan 12, 2027 (RK Wire) - The museum lent its best-known painting abroad.

The chair of the trustees, Séamus Ó Briain-Lowe, said the board had weighed the report carefully. "We did not take this lightly," he said.
"""


def test_speaker_name_with_a_non_ascii_capital_stays_whole():
    doc = read_text(IRISH, "museum.txt")
    full = [q for q in find_quotes(doc) if q.kind == "full"]
    assert [(q.speaker, q.role) for q in full] == [("Séamus Ó Briain-Lowe", "chair of the trustees")]


# week 12 printed "— Piet" for "said Piet van 't Hoff, who leads our lodging team" and no speaker for
# "Councillor Joana d'Almeida, who chairs ..., put it bluntly: '...'" (invented, CC0)
ELIDED = """Harbour hotels hold their rates

VELDHAVEN, Jan 28, 2027 (RK Wire) - Hotels in the port city kept their rates level in January.

"An empty room still costs money to keep open," said Sanne van 't Riet, who leads the owners' group.

Councillor Marta d'Oliveira, who chairs the tourism committee, put it bluntly: "We need more beds, not dearer ones."
"""


def test_speaker_names_with_elided_particles_stay_whole():
    doc = read_text(ELIDED, "hotels.txt")
    speakers = {q.text.split()[0]: q.speaker for q in find_quotes(doc) if q.kind == "full"}
    assert speakers["An"] == "Sanne van 't Riet"
    assert speakers["We"] == "Marta d'Oliveira"
