"""verify --sources, sides (reportkit.verify.sides): a deck that quotes a story's one side and leaves
the other side's voice out while it shows fewer than six quotes is flagged (decks built before
session 18 showed one quote a story: week 26's deck quoted the cigar maker's chief and not the growers'
federation's president; /work/team/s17/W26-END.md "Quotes"). A full deck, or one that names the other
side, is not flagged; a brief is not read (it leaves a second quote out by design when it costs a
page). The flag failed on the code before the rule (no such check); the others are guards."""

from __future__ import annotations

from pathlib import Path

from reportkit.readers import read_file
from reportkit.verify.sides import side_problems

DATA = Path(__file__).resolve().parent / "data" / "news_heldout26"


def _docs() -> list:
    return [read_file(p) for p in sorted(DATA.iterdir())
            if p.suffix in (".txt", ".md", ".html", ".docx", ".pdf") and not p.name.startswith("README")]


def _slide(*speakers: str) -> str:
    return "\n".join(f"“Words.”\n— {who}, a role   ·   Source: S1" for who in speakers)


FIVE = ("Hery Rakotomalala-Strand", "Drita Hoxha-Sandberg", "Julio Marte-Bergstrom", "Rodrigo Castillo-Aronsson",
        "Natalia Grosu-Holmberg")


def test_a_deck_with_room_that_leaves_the_other_side_out_is_flagged() -> None:
    pages = [("slide 12", _slide(*FIVE[:3])), ("slide 13", _slide(*FIVE[3:])), ("slide 13 notes", _slide("X Y"))]
    found = side_problems(pages, _docs())
    assert len(found) == 1 and found[0].startswith("slide 12:")  # one line a deck, every voice left out named
    assert "Ana Lucia Reyes-Falk" in found[0] and "Dorin Ciobanu-Ekman" in found[0]


def test_a_deck_that_names_the_other_side_or_is_full_is_not_flagged() -> None:  # guard
    docs = _docs()
    # six quotes: the deck has no room (the other story's voice is left out by design)
    assert side_problems([("slide 12", _slide(*FIVE[:3])), ("slide 13", _slide("Ana Lucia Reyes-Falk", *FIVE[3:]))],
                         docs) == []
    assert side_problems([("slide 12", _slide(*FIVE[:3])), ("slide 13", _slide(*FIVE[3:], "Dorin Ciobanu-Ekman"))],
                         docs) == []
    # room left, but every quoted story's other side is named (the trolleybus story is not quoted)
    assert side_problems([("slide 12", _slide(*FIVE[:3])),
                          ("slide 13", _slide("Ana Lucia Reyes-Falk", "Rodrigo Castillo-Aronsson"))], docs) == []
