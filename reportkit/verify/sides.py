"""``reportkit verify --sources``, sides: a deck that quotes a story's one side and leaves out the
other side's voice while it has room for it.

A story's second quote is another side's voice (:mod:`reportkit.story.voices`: a speaker named in
full with a role for another body than the first speaker's: the growers' federation beside the cigar
maker). A deck shows one quote a story, then, while it shows fewer than ``DECK_QUOTES``, the stories'
second voices (decks built before session 18 never did: a story the brief quoted on both sides was
one-sided on the deck). Decided from the deck's text and the sources: the speakers its quote slides
name ("— <name>, <role>"), and for each source one of whose speakers the deck names, the second voice
the story stage picks from it; one the deck does not name, on a deck with room, is a problem.

Not decided here: a brief's second quote left out, since the brief leaves one out by design when it
would cost a page (render/pdf/lastpage.fewer_voices) or past its three (voices.PER_BRIEF); nor a
speaker whose role was not found (whether a text gives one needs the attribution parse itself).
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..model import Document
from ..story import DECK_QUOTES, story_voices

# a quote slide's attribution line: "— Ana Lucia Reyes-Falk, president of ...   ·   Source: S1"
_SAID_BY = lazy(r"^—\s+(?P<who>[^,·\n]+?)\s*(?:,|·|$)", flags=re.M)


def side_problems(pages: list[tuple[str, str]], docs: list[Document]) -> list[str]:
    """One line for a deck (``pages``: its slides, as read back) that shows fewer than ``DECK_QUOTES``
    quotes and leaves out a quoted story's other side's voice, naming every voice left out (the room
    may not take them all: which ones a build shows is its stories' salience, not decided here)."""
    said = [(where, m.group("who")) for where, text in pages if not where.endswith("notes")
            for m in _SAID_BY.finditer(text)]
    if not said or len(said) >= DECK_QUOTES:
        return []
    speakers = {who for _w, who in said}
    left: list[str] = []
    where = ""
    for doc in docs:
        first, second = story_voices(doc)
        if first is None or second is None or second.speaker in speakers:
            continue
        at = next((w for w, who in said if any(q.speaker == who for q in doc.quotes)), None)
        if at is None:
            continue  # the deck quotes no one of this source: not its story's quote slide
        where = where or at
        left.append(f"{second.speaker}, {second.role} ({doc.title!r})")
    if not left:
        return []
    return [f"{where}: the other side's voice left out while the deck shows {len(said)} of {DECK_QUOTES} "
            f"quotes: {'; '.join(left)}"]
