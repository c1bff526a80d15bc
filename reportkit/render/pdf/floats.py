"""Chart figures that float past the stories, as figures do in books.

A figure that does not fit the rest of a page even with its image drawn smaller
(:class:`~.figurefit.FigureFit`) moved to the next page and left the rest of this one empty:
up to 42% of a page under the key figures (weeks 9, 13 and 14), as no chart is shorter than
about 100 mm with its text. Now the content after the figures (the stories) fills that rest and
the figures are put down at the first :class:`FloatPoint` (between two stories, quotes or
sources' texts) where the first of them fits, or that opens a page: never inside a story, which
figures placed atop the next page split (weeks 13 and 14 read a story's start above the Charts
page and its end after it). Figures keep their order: once one has floated, the figures after
it float with it. A figure floats only when the rest of the page is worth filling
(:data:`MIN_LEFT` of the frame); with less, it breaks the page as before, and only past running
text (:data:`FLOAT_PAST`) that overflows the page: floated figures are placed before a hard page
break, before any other part (the Sources) and at the brief's end.
"""

from __future__ import annotations

import copy
from typing import Any

from reportlab.platypus import ActionFlowable, CondPageBreak, PageBreak

from .figurefit import FigureFit

#: The layout parts a floating figure may be passed by (running text); before any other part (the
#: Sources list) the figures still floating are placed, so that they never land among its rows.
FLOAT_PAST = frozenset({"stories", "quotes", "sections", "full_text"})

#: The share of a page's frame that must be left for a figure to float rather than break the page
#: (a page may end this empty: the fill tests allow a quarter).
MIN_LEFT = 0.15


class FloatBreak(CondPageBreak):
    """The conditional page break before a figure that may float (the flowable after it), drawn from
    ``sources`` (the documents whose stories it belongs to)."""

    def __init__(self, height: float, sources: tuple[str, ...] = ()) -> None:
        super().__init__(height)
        self.final = False  # once placed again, it breaks the page as an ordinary CondPageBreak
        self.sources = frozenset(sources)


class FlushFloats(ActionFlowable):
    """The end of the brief, or the start of a part no figure floats past: figures still floating
    are placed here."""

    def apply(self, doc: Any) -> None:  # never reached: FloatingDoc takes it off the list first
        return None


class FloatPoint(ActionFlowable):
    """A place between two units of running text (before a story's entry, a quote, a source's
    text), the only places a floating figure is put down: where the first one fits the rest of
    the page, or at a page's top. Figures placed atop the next page wherever it began split the
    story that ran on there (weeks 13 and 14: a story began above the Charts page and ended after
    it); now a story is never cut by figures that are not its own. ``source`` is the document of
    the unit after it (a story's): a figure drawn from a story still to come waits for it (week
    18's figure 2, the cricket viewers, sat between the jute and raspberry stories)."""

    def __init__(self, source: str | None = None) -> None:
        super().__init__()
        self.source = source

    def apply(self, doc: Any) -> None:  # never reached: FloatingDoc takes it off the list first
        return None


class FloatingDoc:
    """A mixin for a reportlab ``BaseDocTemplate`` that lets :class:`FloatBreak` figures float."""

    def build(self, flowables: list[Any], *args: Any, **kwargs: Any) -> None:
        # the documents whose units are still to come (a figure of one of them waits for its unit)
        self._ahead = {f.source for f in flowables if isinstance(f, FloatPoint) and f.source}
        super().build([*flowables, FlushFloats()], *args, **kwargs)  # type: ignore[misc]

    def handle_flowable(self, flowables: list[Any]) -> None:
        floats: list[Any] = self.__dict__.setdefault("_floats", [])
        first = flowables[0] if flowables else None
        if floats and isinstance(first, (FlushFloats, PageBreak)):
            # the last place before a part no figure floats past, a hard page break or the end
            for f in floats:
                if isinstance(f, FloatBreak):
                    f.final = True
            flowables[0:0] = floats
            floats.clear()
            return
        if isinstance(first, FloatPoint):
            ahead: set[str] = self.__dict__.setdefault("_ahead", set())
            ahead.discard(first.source)  # its unit is reached: its figures may be put down
            frame = getattr(self, "frame", None)
            if floats and frame is not None and not floats[0].sources & ahead \
                    and (frame._atTop or floats[0].height <= frame._y - frame._y1p):
                # the first figure opens this page or fits its rest: it is put down here (the point
                # stays, for the next figure), the break before it now an ordinary one
                floats[0].final = True
                flowables[0:0] = floats[:2]
                del floats[:2]
                return
            if floats and len(flowables) > 1 and isinstance(flowables[1], CondPageBreak) \
                    and not isinstance(flowables[1], FloatBreak):  # an entry's (a HeadBreak too)
                # the unit's own break goes first: if it opens a new page, the figures open it
                flowables[0], flowables[1] = flowables[1], flowables[0]
                return
            del flowables[0]
            return
        if isinstance(first, FlushFloats):
            del flowables[0]
            return
        if isinstance(first, FloatBreak) and not first.final and len(flowables) > 1:
            if floats or (self._worth_filling(first.height) and self._filled_by(flowables[2:])):
                floats += flowables[:2]  # the break and its figure
                del flowables[:2]
                return
        super().handle_flowable(flowables)  # type: ignore[misc]

    def _filled_by(self, after: list[Any]) -> bool:
        """The content after the figure (up to the next hard page break) is taller than the rest of
        the frame: it fills it and runs on, so the figure opens the next page before its end. Shorter
        content (a short Sources list) would leave the figure after it, at the brief's end."""
        frame, canv = self.frame, self.canv  # type: ignore[attr-defined]
        left, total = frame._y - frame._y1p, 0.0
        for f in after:
            if isinstance(f, (FlushFloats, PageBreak)):
                return False
            if isinstance(f, (CondPageBreak, ActionFlowable, FigureFit)):
                continue  # a break's wrap would break the page now; figures float on with this one
            # measured on a copy: a table measured here and laid out later kept state that made
            # reportlab call it too large for the page
            total += copy.copy(f).wrapOn(canv, frame._aW, frame._aH)[1] + f.getSpaceBefore() + f.getSpaceAfter()
            if total > left:
                return True
        return False

    def _worth_filling(self, need: float) -> bool:
        """The figure does not fit the rest of the frame, and that rest is worth filling."""
        frame = getattr(self, "frame", None)
        if frame is None:
            return False
        left = frame._y - frame._y1p
        return MIN_LEFT * frame._aH <= left < need
