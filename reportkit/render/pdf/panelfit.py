"""The key-figures panel drawn tighter when that lets it stay on the page it starts on.

Week 2's cover ended a quarter empty: its two-row panel needed 74 mm with its heading, 55.5 mm
were left under the takeaways, and the whole panel moved to page 2. A panel that does not fit
the rest of a page is now tried tighter, step by step, the smallest change to its look first:
less padding above and below its cells, then its big numbers a little smaller, then one row
fewer (more figures to a row, as long as their numbers stay larger than the stories' key
numbers). The first step that fits is drawn there. The labels and source lines keep their size (the
brief's small print stays readable). When no step fits, the panel moves to the next page whole,
as before, and is drawn there at its full size.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

#: (padding above and below a cell, the numbers' share of their full size), at the layout's columns
FULL = (4.5 * mm, 1.0)
TIGHTER = ((2.5 * mm, 1.0), (2.0 * mm, 0.85))
BIG = 1e6  # "no limit" when measuring a part's natural height


def stacked_height(parts: list[Flowable], aW: float) -> float:
    """The height of ``parts`` stacked at width ``aW``, with the space between them (not before the
    first or after the last): a flowable that lays out one of several variants measures each so."""
    total = 0.0
    for k, p in enumerate(parts):
        total += p.wrap(aW, BIG)[1] + (p.getSpaceBefore() if k else 0)
        total += p.getSpaceAfter() if k < len(parts) - 1 else 0
    return total


def draw_stacked(canv: Any, parts: list[Flowable], width: float, height: float) -> None:
    """Draw ``parts`` top down in a box ``height`` high, as :func:`stacked_height` measured them."""
    y = height
    for k, p in enumerate(parts):
        if k:
            y -= p.getSpaceBefore()
        _w, h = p.wrap(width, BIG)
        y -= h
        p.drawOn(canv, 0, y)
        if k < len(parts) - 1:
            y -= p.getSpaceAfter()

Step = tuple[int, float, float]  # columns, padding above and below a cell, the numbers' scale


class PanelFit(Flowable):
    """``head`` (the heading and the gap under it) over the panel of ``count`` figures that
    ``make(columns, pad_y, value_scale)`` builds: at full size when it fits the rest of the frame,
    else at the first tighter step that fits whose numbers are at least ``least`` points (smaller,
    they would no longer read as the page's big numbers). Never split where it stands: a panel that fits no
    step moves to the next page (at a page's top, taller than the frame, its parts flow and split
    as a KeepTogether's do)."""

    def __init__(self, head: list[Flowable], make: Callable[[int, float, float], list[Flowable]],
                 count: int, columns: int, least: float) -> None:
        super().__init__()
        self.head, self.make, self.least = head, make, least
        rows = math.ceil(count / max(1, columns))
        self.steps: list[Step] = [(columns, *FULL), *((columns, *t) for t in TIGHTER)]
        if rows > 1:  # one row fewer: more figures to a row
            self.steps.append((math.ceil(count / (rows - 1)), *TIGHTER[0]))
        self._built: dict[Step, list[Flowable]] = {}
        self.parts = self._variant(self.steps[0])
        self.spaceBefore = head[0].getSpaceBefore() if head else 0.0

    def _variant(self, step: Step) -> list[Flowable]:
        if step not in self._built:
            self._built[step] = [*self.head, *self.make(*step)]
        return self._built[step]

    def _readable(self, parts: list[Flowable]) -> bool:
        """The panel's numbers are at least ``least`` points (a full panel's always are)."""
        return parts is self._variant(self.steps[0]) or getattr(parts[-1], "value_size", 0.0) >= self.least

    def _height(self, parts: list[Flowable], aW: float) -> float:
        return stacked_height(parts, aW)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        for step in self.steps:
            parts = self._variant(step)
            if self._readable(parts) and (height := self._height(parts, aW)) <= aH:
                break
        else:  # no step fits: the full panel, which moves to the next page
            parts = self._variant(self.steps[0])
            height = self._height(parts, aW)
        self.parts, self.width, self.height = parts, aW, height
        return aW, height

    def getSpaceAfter(self) -> float:
        return self.parts[-1].getSpaceAfter() if self.parts else 0.0

    def split(self, aW: float, aH: float) -> list[Any]:
        frame = getattr(self, "_frame", None)
        if frame is not None and frame._atTop:  # taller than a whole page: its parts flow on
            return list(self._variant(self.steps[0]))
        return []

    def draw(self) -> None:
        draw_stacked(self.canv, self.parts, self.width, self.height)
