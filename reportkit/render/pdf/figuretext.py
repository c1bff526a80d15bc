"""A key figure's value as one line: its qualifier words small, its number big.

The story stage prints a figure with the words its source says it with ("an average of $187.40",
"almost 9M", "more than 40%") and tells which words qualify the number (``KeyFigure.qualifier``).
Set whole in the big value type the words crowded the number: "an average of $187.40" shrank every
card of week 12's panel to fit, or broke over two lines. The qualifier is kept (it is a fact) but set
in the regular weight at a fraction of the number's size, on the number's baseline, so that the number
reads first and the phrase still reads as its source wrote it. One line, as ``verify`` reads a value.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

#: The qualifier's size as a share of the number's.
QUALIFIER_SHARE = 0.42

#: A value: its markup whole (no qualifier), or (qualifier markup, number markup).
Value = str | tuple[str, str]


def plain(markup: str) -> str:
    """``markup``'s text as printed (tags dropped, entities read), for measuring."""
    text = re.sub(r"<[^>]+>", "", markup)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def qualifier_size(size: float, floor: float) -> float:
    """The qualifier's size beside a number set at ``size`` (never under ``floor``, the label's)."""
    return max(size * QUALIFIER_SHARE, floor)


def width(value: Value, regular: str, bold: str, size: float, floor: float) -> float:
    """Points ``value`` takes on its line with its number at ``size``."""
    if isinstance(value, str):
        return stringWidth(plain(value), bold, size)
    qualifier, number = value
    qs = qualifier_size(size, floor)
    return stringWidth(plain(qualifier) + " ", regular, qs) + stringWidth(plain(number), bold, size)


def markup(value: Value, regular: str, size: float, floor: float) -> str:
    """The paragraph markup of ``value`` with its number at ``size`` (the paragraph's style)."""
    if isinstance(value, str):
        return value
    qualifier, number = value
    # the space at the qualifier's size: at the number's it set the words apart from their number
    return f'<font name="{regular}" size="{qualifier_size(size, floor):.1f}">{qualifier} </font>{number}'


def fitted(base: ParagraphStyle, values: list[Value], room: float, regular: str, floor: float,
           least: float) -> ParagraphStyle:
    """``base`` shrunk (down to ``least``) until the widest of ``values`` fits ``room`` on one line:
    one size for every number of a panel or row, so that they read evenly."""
    need = max((width(v, regular, base.fontName, base.fontSize, floor) for v in values), default=0.0)
    if need <= room or not need:
        return base
    size = max(base.fontSize * room / need, least)
    while size > least and max(width(v, regular, base.fontName, size, floor) for v in values) > room:
        size = max(size - 0.25, least)  # the qualifier's floor does not shrink with the number
    return ParagraphStyle(f"{base.name}_{size:.2f}", parent=base, fontSize=size,
                          leading=size * base.leading / base.fontSize)


def scaled(base: ParagraphStyle, scale: float) -> ParagraphStyle:
    """``base`` at ``scale`` of its size (its leading with it)."""
    return ParagraphStyle(f"{base.name}_x{scale:.2f}", parent=base, fontSize=base.fontSize * scale,
                          leading=base.leading * scale)


def split_value(kf: Any, m: Any) -> Value:
    """A key figure's value for the renderers: (qualifier, number) markup when its display opens
    with a qualifier, else the display's markup (``m``: the brief's markup function, bold keyword)."""
    lead = kf.lead()
    if not lead:
        return m(kf.display, bold=True)
    return m(lead), m(kf.number(), bold=True)
