"""Where a story's entry may break across pages: its head (kicker, headline, the summary's first
lines) and its end (the summary's last lines, numbers, quote, link, rule).

:class:`HeadBreak` decides whether an entry starts on this page: a story that began at a page's
foot with its headline and two lines, its rest overleaf (week 18's pages 3 and 4), now starts on
the next page when that leaves at most :data:`MAX_GAP` of this one empty; three lines under a
headline are enough (moving those left pages a fifth empty on seven corpora).
:class:`StoryEnd` keeps the end together, drawn a little tighter when that keeps it on its page
(week 9's page 2 was 23% empty for the want of 2.4 mm, week 13's page 5 25% for 11 mm).

A story with a short summary (four lines) that could keep only two under its headline and could not
move (that left more than a fifth of the page empty) still started at the page's foot with its
headline and two lines, the rest overleaf: weeks 18 and 23, flagged by every reviewer. Such a story
now ends the page with its whole summary and numbers, and its quote and link go overleaf under its
"(CONTINUED)" line, as a newspaper jumps a story (the one case where a quote opens a page: it follows
its own text, never a bare page top); when even its text does not fit, it moves while that leaves at
most :data:`STRANDED_GAP` of the page empty. Eight such starts on 27 corpora, none left.
"""

from __future__ import annotations

import copy
from typing import Any

from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph
from reportlab.platypus.flowables import _listWrapOn

#: How many of a summary's lines its headline keeps on its page, at most (the paragraph style
#: leaves no single line alone at either end of a page, so at least 2).
HEAD_LINES = 3
#: How many of a summary's last lines stay with the story's numbers, quote and link: a quote or a
#: row of numbers never opens a page away from the text it belongs to (week 14's page 5 opened
#: with a quote under its story's "(CONTINUED)" line, its summary and numbers on page 4).
END_LINES = 2
#: A headline at a page's foot keeps at least this many of its summary's lines there, or the whole
#: story starts on the next page, as long as that leaves at most :data:`MAX_GAP` of this page empty
#: (week 18: a headline and 2 lines at the foot of pages 3 and 4, the story going on overleaf). A
#: designer's rule: a headline keeps with three lines or more. Four (s15) moved stories that had three
#: and left pages 14-22% empty (week 3's page 2, news_eval's page 3, the sources' page 3).
ENOUGH_LINES = 3
#: The share of a page's frame a story moved whole to the next page may leave empty (the page may
#: end a little emptier, by the space left under the story before: under the fill tests' quarter).
#: A document may allow only its first moves (``head_budget``: render.py, when the moves cost the
#: brief a page holding only a few lines, lastpage).
MAX_GAP = 0.2
#: The spaces under an end's numbers and quote when drawn tighter (a share of their usual size).
TIGHT = 0.5
BIG = 1e6
#: A story that would start with too few lines is weighed only where less than this share of the page
#: is left (a story's head and end are shorter: measuring them higher up costs time for nothing).
JUMP_ROOM = 0.5
#: A story that would start with too few lines and whose text cannot end the page moves even when
#: that leaves up to this share of the page empty (the fill tests' quarter): week 23's story S1
#: started at page 2's foot with its headline and two lines, where moving it left 21% empty.
STRANDED_GAP = 0.25


def summary_lines(body: Paragraph, width: float) -> int:
    """How many lines ``body`` takes at ``width``."""
    return round(body.wrap(width, BIG)[1] / body.style.leading)


class StoryEnd(KeepTogether):
    """A story's summary and what follows it (numbers, quote, link, rule): kept on one page when
    they fit, drawn tighter when that makes them fit (:meth:`tight`); else the summary splits, as
    many of its lines as fit staying on this page and at least :data:`END_LINES` going on with the
    rest to the next page, which opens with the story's "(CONTINUED)" line. Moving numbers or a
    quote alone left them without their text (week 14's page 5); moving the whole rest of an entry
    left a quarter of a page empty (week 12's page 4)."""

    def __init__(self, cont: Any, body: Paragraph, rest: list[Any]) -> None:
        super().__init__([cont, body, *rest])
        self.cont, self.body, self.rest = cont, body, rest
        self.jump = False  # set by its HeadBreak: the text ends this page, the quote goes overleaf

    def text_part(self) -> tuple[list[Any], list[Any]] | None:
        """(the summary and its numbers, the quotes and link after them), or None without a quote."""
        k = next((i for i, f in enumerate(self.rest) if getattr(f, "quote_box", False)), None)
        if k is None:
            return None
        return [self.body, *self.rest[:k]], self.rest[k:]

    def jumped(self, aW: float, aH: float) -> list[Any] | None:
        """The summary whole with its numbers here, the quotes and link overleaf under the story's
        "(CONTINUED)" line: None when they do not fit ``aH``."""
        part = self.text_part()
        if part is None or _listWrapOn(part[0], aW, self.canv)[1] > aH:
            return None
        here, there = part
        return [self.cont, *here, KeepTogether([self.cont.again(), *there])]

    def tight(self) -> list[Any]:
        """The end as drawn at a page's foot when it does not fit otherwise: without the rule under
        it (the page's end parts it from the next story) and with half the space under its numbers
        and quote; the type keeps its size."""
        out: list[Any] = []
        for f in self._content:
            if getattr(f, "entry_rule", False):
                continue
            if getattr(f, "figures_row", False) or getattr(f, "quote_box", False):
                f = copy.copy(f)  # the drawn copy; the entry's own keeps its spacing
                f.spaceAfter = f.getSpaceAfter() * TIGHT
            out.append(f)
        return out

    def tight_height(self, width: float, canv: Any) -> float:
        """The height of :meth:`tight` at ``width``."""
        return _listWrapOn(self.tight(), width, canv)[1]

    def split(self, aW: float, aH: float) -> list[Any]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        if self._H <= aH:
            return super().split(aW, aH)
        if self.tight_height(aW, self.canv) <= aH:
            return self.tight()
        parted = self.jumped(aW, aH) if self.jump else None
        if parted is not None:
            return parted
        lead = self.body.style.leading
        lines = summary_lines(self.body, aW)
        frame = getattr(self, "_frame", None)
        room = aH - (0 if frame is not None and frame._atTop else self.body.getSpaceBefore())
        keep = min(int((room + 0.01) / lead), lines - END_LINES)
        parts = self.body.split(aW, keep * lead + 0.01) if keep >= 2 else []
        if len(parts) != 2:
            return super().split(aW, aH)  # the whole end moves to the next page
        first, after = parts
        return [self.cont, first, StoryEnd(self.cont.again(), after, self.rest)]


class HeadBreak(CondPageBreak):
    """The conditional page break before an entry's head (``head``: its kicker and headline, and the
    part's heading before the first entry): the page breaks when the head and the summary's first
    lines (``height``) do not fit; and also when the entry does not fit whole (even drawn tighter),
    fewer than :data:`ENOUGH_LINES` of its summary would stay under its headline, and moving it
    leaves at most :data:`MAX_GAP` of the page (``frame_height``) empty. Where it leaves more, the
    story's end jumps its quote overleaf when its text fits here (``StoryEnd.jump``), else it moves
    while that leaves at most :data:`STRANDED_GAP` empty."""

    def __init__(self, height: float, head: list[Any], end: StoryEnd, frame_height: float) -> None:
        super().__init__(height)
        self.head, self.end, self.frame_height = head, end, frame_height

    def above(self, flowable: Any, need: float) -> HeadBreak:
        """The same break with ``flowable`` (``need`` high with its spaces) above the head."""
        return HeadBreak(self.height + need, [flowable, *self.head], self.end, self.frame_height)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        doc = self._doctemplate
        budget = getattr(doc, "head_budget", None)
        moved = getattr(doc, "head_moves", 0)
        self.end.jump = False
        # (a page's top never holds so little room: a fresh page is never broken again)
        few = self.height <= availHeight <= JUMP_ROOM * self.frame_height \
            and self._too_few_lines(availWidth, availHeight)
        gap = availHeight / self.frame_height
        if few and gap > MAX_GAP:
            # rather than its headline and two lines here: its whole text here and its quote overleaf
            # (StoryEnd), else the move, up to a quarter of the page left empty
            self.end.jump = self._text_fits(availWidth, availHeight)
            few = not self.end.jump and gap <= STRANDED_GAP
        if few and (budget is None or moved < budget):
            frame = getattr(doc, "frame", None)
            if frame is not None:
                from reportlab.platypus.doctemplate import FrameBreak

                frame.add_generated_content(FrameBreak)
                doc.head_moves = moved + 1  # render.py may allow fewer (lastpage)
            return 0, 0
        return super().wrap(availWidth, availHeight)

    def _head_height(self, width: float, room: float) -> float:
        head = 0.0
        for k, p in enumerate(self.head):
            head += p.wrap(width, room)[1] + (p.getSpaceBefore() if k else 0) + p.getSpaceAfter()
        return head

    def _text_fits(self, width: float, room: float) -> bool:
        """The head, the whole summary and the numbers (:meth:`StoryEnd.text_part`) fit ``room``."""
        part = self.end.text_part()
        canv = getattr(self, "canv", None)
        return part is not None and canv is not None \
            and self._head_height(width, room) + _listWrapOn(part[0], width, canv)[1] <= room

    def _too_few_lines(self, width: float, room: float) -> bool:
        head = self._head_height(width, room)
        canv = getattr(self, "canv", None)
        if canv is None or head + self.end.tight_height(width, canv) <= room:
            return False  # it fits whole (or cannot be measured): nothing to move
        body = self.end.body
        lead = body.style.leading
        keep = min(int((room - head - body.getSpaceBefore() + 0.01) / lead),
                   summary_lines(body, width) - END_LINES)
        return keep < ENOUGH_LINES
