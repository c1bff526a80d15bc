"""A numbered list (the Key takeaways) kept whole on the page it starts on, and never leaving its
last item alone atop the next page.

Week 24's seventh takeaway spilled alone onto the top of page 2 (so did news_eval's eighth, week
4's eighth and week 13's seventh): a reviewer reads a lone item over the page as a list that ran out
of room. A designer sets two rules: a list that almost fits is drawn a little tighter, less space
above and below each item's text (never smaller type), so it stays whole where it starts; a list
that does not fit even so breaks where it must, but its last two items go over together, so the
next page never opens with its last item alone.

The list is one flowable (:class:`ListFit`) that the document (:class:`ListFitDoc`) replaces, where it
reaches the list, by the items at the chosen spacing: they are then laid out one by one as before,
so a list that fits at its own spacing is drawn exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from .panelfit import draw_stacked, stacked_height

#: The space above and below each item's text: the list's own, then the tighter steps tried when the
#: whole list does not fit the rest of the page (the hairlines between items stay; 1.6 mm still parts
#: an item's source tag from the next item's first line).
PADS = (2.6 * mm, 2.1 * mm, 1.6 * mm)


class ListFit(Flowable):
    """``head`` (the part's heading) over the list that ``make(pad)`` builds, one flowable per item:
    at the first of :data:`PADS` at which the whole list fits the rest of the frame. When none does,
    it splits into its full-size parts, which flow over the page as the items alone did, the last two
    kept together."""

    def __init__(self, head: Sequence[Flowable], make: Callable[[float], list[Flowable]],
                 pads: Sequence[float] = PADS) -> None:
        super().__init__()
        self.head, self.make, self.pads = list(head), make, tuple(pads)
        self._built: dict[float, list[Flowable]] = {}
        self.parts = self._variant(self.pads[0])
        self.spaceBefore = self.head[0].getSpaceBefore() if self.head else 0.0

    def _variant(self, pad: float) -> list[Flowable]:
        if pad not in self._built:
            self._built[pad] = [*self.head, *self.make(pad)]
        return self._built[pad]

    def parts_for(self, aW: float, room: float) -> list[Any]:
        """The flowables to lay out where ``room`` (points) is left on the page: the items at the
        first spacing at which the whole list fits it, else at full spacing, the last two together."""
        for pad in self.pads:
            parts = self._variant(pad)
            if self._height(parts, aW) <= room:
                return list(parts)
        return self.split(aW, room)

    def _height(self, parts: list[Flowable], aW: float) -> float:
        return stacked_height(parts, aW)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        for pad in self.pads:
            parts = self._variant(pad)
            if (height := self._height(parts, aW)) <= aH:
                break
        else:  # fits at no step: the full list, which splits (split)
            parts = self._variant(self.pads[0])
            height = self._height(parts, aW)
        self.parts, self.width, self.height = parts, aW, height
        return aW, height

    def getSpaceAfter(self) -> float:
        return self.parts[-1].getSpaceAfter() if self.parts else 0.0

    def split(self, aW: float, aH: float) -> list[Any]:
        parts = list(self._variant(self.pads[0]))
        items = len(parts) - len(self.head)
        if items >= 2:
            # the last item never goes over alone: the one before it goes with it
            parts[-2:] = [KeepTogether(parts[-2:])]
        return parts

    def draw(self) -> None:
        draw_stacked(self.canv, self.parts, self.width, self.height)


class ListFitDoc:
    """A mixin for a reportlab ``BaseDocTemplate``: where a :class:`ListFit` comes up, it is replaced
    by its items at the spacing that fits the rest of the frame (:meth:`ListFit.parts_for`)."""

    def handle_flowable(self, flowables: list[Any]) -> None:
        first = flowables[0] if flowables else None
        frame = getattr(self, "frame", None)
        if isinstance(first, ListFit) and frame is not None:
            room = frame._y - frame._y1p
            if not frame._atTop:  # the space above it, as the frame will count it
                space = first.getSpaceBefore()
                if getattr(frame, "_oASpace", 0):
                    space = max(space - getattr(frame, "_prevASpace", 0), 0)
                room -= space
            flowables[0:1] = first.parts_for(frame._getAvailableWidth(), room)
            return
        super().handle_flowable(flowables)  # type: ignore[misc]
