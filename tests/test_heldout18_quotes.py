"""Week 18's quote leftovers (first contact, /work/team/s13/W18-FIRST.md): a speaker a sentence names
as its object with a who-clause ("We spoke to <name>, who heads ...") is the "she" of the quote after
it (reportkit.story.attribution). Texts invented for these tests (CC0); each test failed on the code
before the rule.
"""

from __future__ import annotations

from reportkit.model import Quote
from reportkit.story.quotes import find_in_paragraphs


def _found(*paragraphs: str) -> list[Quote]:
    out, offset = [], 0
    for p in paragraphs:
        out.append((offset, p))
        offset += len(p) + 2
    return [q for q in find_in_paragraphs(out) if q.kind == "full"]


def test_she_is_the_person_a_who_clause_introduces_as_an_object() -> None:
    found = _found("Plum exports fell 6% in 2026.",
                   "We spoke to Jelena Marković-Sandoval, who runs a plum cooperative of 80 families near Valjevo. "
                   "“The plums were small,” she says. “We sold a third less fruit than in 2025.”")
    assert [(q.speaker, q.role) for q in found] == [
        ("Jelena Marković-Sandoval", "who runs a plum cooperative of 80 families near Valjevo")] * 2  # was no one


def test_a_body_before_a_who_clause_is_no_speaker_for_she() -> None:
    found = _found("The letter went to the Valjevo Fruit Council, who answered in March. “We have no money,” she said.")
    assert [q.speaker for q in found] == [None]
