"""A chart figure that fits the rest of a page by drawing its image a little smaller.

A figure that almost fits the rest of a page is drawn there with its image scaled down (to
:data:`MIN_IMAGE_SCALE` at least) instead of leaving half a page empty. Only the image shrinks:
the figure's label, caption, source line and description keep their size, so that the brief's
small print stays readable (reportlab's ``KeepInFrame`` shrank them with it: a 7.5 pt source line
came out at 6 pt).
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Spacer

MIN_IMAGE_SCALE = 0.75
BIG = 1e6  # "no limit" when measuring a part's natural height


class FigureFit(Flowable):
    """``parts`` drawn one under another; ``image`` (one of them) scaled down when the rest
    of the frame is short. Never split: a figure that cannot fit moves to the next page."""

    def __init__(self, parts: list[Flowable], image: Flowable) -> None:
        super().__init__()
        # A trailing spacer (the gap before the next figure) becomes space after the figure: a
        # frame does not need room for it at a page's foot, so it cannot push the figure to the
        # next page and leave the rest of this one empty.
        if parts and isinstance(parts[-1], Spacer) and parts[-1] is not image:
            self.spaceAfter = parts[-1].height + (parts[-2].getSpaceAfter() if len(parts) > 1 else 0)
            parts = parts[:-1]
        self.parts, self.image = parts, image
        self.scale, self.image_scale = 1.0, 1.0

    def _natural(self, aW: float) -> tuple[float, float]:
        """(height of everything but the image, with spacing; the image's height)."""
        rest = img = 0.0
        for k, p in enumerate(self.parts):
            _w, h = p.wrap(aW, BIG)
            space = (p.getSpaceBefore() if k else 0) + (p.getSpaceAfter() if k < len(self.parts) - 1 else 0)
            if p is self.image:
                img, rest = h, rest + space
            else:
                rest += h + space
        return rest, img

    def min_height(self, aW: float) -> float:
        """The least room the figure can be drawn in with its text at full size."""
        rest, img = self._natural(aW)
        return rest + img * MIN_IMAGE_SCALE

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        rest, img = self._natural(aW)
        self.scale = self.image_scale = 1.0
        if rest + img > aH:
            if img and rest + img * MIN_IMAGE_SCALE <= aH:
                self.image_scale = (aH - rest) / img
            else:
                frame = getattr(self, "_frame", None)
                if frame is not None and frame._atTop and rest + img:
                    # taller than a whole page (a very long description): all of it smaller, as it must
                    self.scale = aH / (rest + img)
        self.width = aW
        self.height = (rest + img * self.image_scale) * self.scale
        return aW, self.height

    def draw(self) -> None:
        canv, aW = self.canv, self.width
        canv.saveState()
        canv.scale(self.scale, self.scale)
        y = self.height / self.scale
        for k, p in enumerate(self.parts):
            if k:
                y -= p.getSpaceBefore()
            w, h = p.wrap(aW, BIG)
            if p is self.image and self.image_scale != 1.0:
                s = self.image_scale
                y -= h * s
                canv.saveState()
                canv.translate(_x(p, aW, w * s), y)  # aligned as the image is
                canv.scale(s, s)
                p.drawOn(canv, 0, 0)
                canv.restoreState()
            else:
                y -= h
                p.drawOn(canv, _x(p, aW, w), y)
            if k < len(self.parts) - 1:
                y -= p.getSpaceAfter()
        canv.restoreState()


def _x(part: Any, aW: float, w: float) -> float:
    """Where a part of width ``w`` starts across ``aW``, by its hAlign."""
    align = getattr(part, "hAlign", "LEFT")
    if align in ("CENTER", "CENTRE"):
        return (aW - w) / 2
    return aW - w if align == "RIGHT" else 0.0
