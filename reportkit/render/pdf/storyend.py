"""Where a story's entry may break across pages: its end (the summary's last lines, numbers, quote,
link, rule) is kept together (:class:`StoryEnd`), drawn a little tighter when that keeps it on its
page: week 9's page 2 was 23% empty for the want of 2.4 mm, week 13's page 5 25% for 11 mm.
"""

from __future__ import annotations

import copy
from typing import Any

from reportlab.platypus import KeepTogether, Paragraph
from reportlab.platypus.flowables import _listWrapOn

#: How many of a summary's lines its headline keeps on its page, at most (the paragraph style
#: leaves no single line alone at either end of a page, so at least 2).
HEAD_LINES = 3
#: How many of a summary's last lines stay with the story's numbers, quote and link: a quote or a
#: row of numbers never opens a page away from the text it belongs to (week 14's page 5 opened
#: with a quote under its story's "(CONTINUED)" line, its summary and numbers on page 4).
END_LINES = 2
#: The spaces under an end's numbers and quote when drawn tighter (a share of their usual size).
TIGHT = 0.5
BIG = 1e6


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
