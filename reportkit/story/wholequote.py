"""How an interrupted quote is printed: whole when it fits, else its one part that says most.

``"We had the flowers and we had the buyers," said chief executive X. "What we did not have was
space on the planes: ... we lost about a sixth of our cut."`` is found as two quotes (one per pair
of marks, see :mod:`.quotes`); printed as its first half it leaves out the claim and the figure,
and its second half alone may start mid-sentence ("and it took most of ...") or point back
("that will happen every winter"). So the story stage offers such a quote as one: whole (its parts
joined, :attr:`Quote.display`) when it has at most :data:`WHOLE_WORDS` words; else the part that
carries a figure, else its first part, among those that read finished on their own. Its later
parts are never offered apart from it.
"""

from __future__ import annotations

from dataclasses import replace

from ..lazyre import lazy
from ..model import Quote

#: an interrupted quote of up to this many words is printed whole (a pull quote of three or four
#: lines); a longer one prints one part
WHOLE_WORDS = 60

# a figure in words or digits: the part of a long quote that says how much
_FIGURE = lazy(r"\d|\b(?:half|third|quarter|fifth|sixth|seventh|eighth|tenth|twice|double|one|two|three|four|five|"
               r"six|seven|eight|nine|ten|eleven|twelve|hundred|thousand|million|billion)\b")


def _finished(parts: list[Quote], i: int) -> bool:
    """Whether part ``i`` reads finished alone: it starts no sentence mid-way, and the next part does
    not go on with its sentence ("The frost took four nights," says X, "and it took ...")."""
    text = parts[i].text.strip()
    nxt = parts[i + 1].text.strip() if i + 1 < len(parts) else ""
    return bool(text) and not text[0].islower() and not nxt[:1].islower()


def one_part(parts: list[Quote]) -> Quote | None:
    """The part of an interrupted quote (first part first) to print on its own, with the first
    part's speaker and role; ``None`` when no part reads finished alone."""
    head = parts[0]
    usable = [i for i in range(len(parts)) if _finished(parts, i)]
    if not usable:
        return None
    i = next((i for i in usable if _FIGURE.search(parts[i].text)), usable[0])
    return replace(parts[i], speaker=head.speaker, role=head.role, more=[], continues=None,
                   kind=head.kind)


def printed_forms(quotes: list[Quote]) -> list[Quote]:
    """``quotes`` (one document's, in reading order) as they may be printed: a quote whole, an
    interrupted one joined when it fits :data:`WHOLE_WORDS` else one part (:func:`one_part`);
    the later parts of an interrupted quote are left out (they are printed with its first)."""
    later: dict[int, list[Quote]] = {}
    for q in quotes:
        if q.continues is not None:
            later.setdefault(q.continues, []).append(q)
    out: list[Quote] = []
    for q in quotes:
        if q.continues is not None:
            continue
        if not q.more or len(q.display.split()) <= WHOLE_WORDS:
            out.append(q)
            continue
        part = one_part([q, *later.get(q.start, [])])
        if part is not None:
            out.append(part)
    return out
