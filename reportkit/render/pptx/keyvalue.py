"""A key figure's value on a card: its qualifier words small, its number big.

The story stage prints a figure with the words its source says it with ("an average of $187.40",
"almost 9M") and names the qualifier (``KeyFigure.qualifier``). Set whole in the big type, the words
took the card's width: "an average of $187.40" ran to three lines at 40 pt on week 12's Key figures
slide, and its number no longer read first. The qualifier is kept (a fact), in the regular weight at
a fraction of the number's size, on a line of its own above the number: every card's number then
stands at the same place (the value box is anchored at its foot), whether it has words or not. The
line break is one inside the paragraph, after the qualifier's space, so the deck's text still reads
"an average of $187.40" (``verify`` drops the break).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .shapes import INSET_X, INSET_Y, Para, Run
from .template import Box
from .text import EMU_PER_PT, line_height, wrap

if TYPE_CHECKING:
    from ...model import KeyFigure
    from .deck import Deck

#: The qualifier's size as a share of the number's (never under :data:`LEAST_QUALIFIER` points).
QUALIFIER_SHARE = 0.42
LEAST_QUALIFIER = 12.0


def qualifier_scale(size: float) -> float:
    """The qualifier run's scale beside a number set at ``size`` points."""
    return max(size * QUALIFIER_SHARE, LEAST_QUALIFIER) / size


def qualified_value(deck: Deck, fig: KeyFigure, box: Box, size: float, least: float = 12.0
                    ) -> tuple[list[Para], float] | None:
    """The paragraph of a figure whose display opens with a qualifier, with its number at ``size``
    or less (down to ``least``) so that it fits ``box``: (paragraphs, size); None without one."""
    lead, number = fig.lead(), fig.number()
    if not lead:
        return None
    w = deck.writer
    avail = (box.width - 2 * INSET_X) / EMU_PER_PT
    room = (box.height - 2 * INSET_Y) / EMU_PER_PT
    regular, bold = w.fonts.style(False, False), w.fonts.style(True, False)
    while True:
        scale = qualifier_scale(size)
        qs = size * scale
        lines = len(wrap(lead, avail, qs, regular))
        high = line_height(size, bold) + lines * line_height(qs, regular)
        if (bold.width(number, size) <= avail and high <= room) or size <= least:
            break
        size -= 1.0
    return [Para([Run(lead + " ", bold=False, scale=scale), Run(number, bold=True, br=True)])], size
