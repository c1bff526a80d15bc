"""A card's quarter carries the year its sentence gives (week 26: "9,850 t / ... exported, first quarter" beside
cards that print "first quarter 2027"; the sentence says "in the first quarter of 2027", too far from the figure
for the facts stage to tie the year to it). verify flags such a card in older outputs. Texts invented (CC0)."""

from __future__ import annotations

import pytest

from reportkit.facts import add_facts
from reportkit.readers import read_text
from reportkit.story import year_left_out
from reportkit.story.stories import story_figures
from reportkit.verify import load_sources
from reportkit.verify.labels import label_problems

_HERBS = ("Herb exports rise\n\nAdriatic Research — botanicals note, 6 May 2027\n\n"
          "Albania exported 9,850 tonnes of dried medicinal and aromatic plants in the first quarter of 2027, 6.2% "
          "more than a year earlier, according to customs data.\n")
# a company's bare "first quarter" may be a fiscal one: no year is printed for it, and none is asked for
_MILL = ("Valley Mills ships more yarn\n\nKOVARHELY, Feb 16, 2027 - Valley Mills shipped 1,240 tonnes of yarn in the "
         "first quarter, 6.3% more than a year earlier.\n")


def _doc(text: str):
    return add_facts(read_text(text, "a.txt", ".txt"))


def _cards(text: str) -> list[str]:
    return [f"{k.display} / {k.label}" for k in story_figures(_doc(text), [], [], count=20)]


def test_a_cards_quarter_carries_the_year_its_sentence_writes() -> None:
    cards = [c for c in _cards(_HERBS) if c.startswith("9,850 t")]
    assert cards and all(c.endswith("first quarter 2027") for c in cards), _cards(_HERBS)


def test_a_bare_quarter_gets_no_year_its_sentence_does_not_write() -> None:
    doc = _doc(_MILL)
    f = next(f for f in doc.facts if f.text == "1,240 tonnes")
    assert year_left_out("Valley Mills yarn shipped, first quarter", f) is None
    assert not any("2027" in c for c in _cards(_MILL)), _cards(_MILL)


def test_year_left_out_reads_the_labels_part_of_a_year() -> None:
    f = next(f for f in _doc(_HERBS).facts if f.text == "9,850 tonnes")
    assert f.period == "2027-Q1"
    assert year_left_out("Albania plants exported, first quarter", f)
    assert year_left_out("Albania plants exported, Q1", f)
    assert year_left_out("Albania plants exported, first quarter 2027", f) is None
    assert year_left_out("Albania plants exported", f) is None  # no period said: not this check's
    assert year_left_out("Albania plants exported, first half", f) is None  # another period: not this check's


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("period-year")
    (folder / "herbs.txt").write_text(_HERBS, encoding="utf-8")
    return load_sources([folder])


def _check(index, value: str, label: str) -> list[str]:
    return label_problems([("page 2", f"Key figures\n{value}\n{label}\nSource: [S1]\n")], index)


def test_verify_flags_a_cards_quarter_without_the_year_its_sentence_gives(index) -> None:
    [p] = _check(index, "9,850 t", "Albania dried medicinal and aromatic plants exported, first quarter")
    assert "without its year" in p and "2027" in p
    assert _check(index, "9,850 t", "Albania dried medicinal and aromatic plants exported, first quarter 2027") == []
