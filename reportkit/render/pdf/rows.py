"""A list of rows that may run over pages (the Sources part's references and source documents).

Each row is its own one-row table, so that a long list flows on right after its heading (a
single table would be kept with the heading and jump to the next page). Two rules keep a
list that runs over a page readable: no page holds a lone row of it (the last row keeps the
one before it; the heading keeps its first row, and the second too when the first is a single
line), and a list with a header row repeats that row at the top of every page it continues on.
A first row of two lines or more may stand under its heading at a page's foot: keeping it with
the second moved a whole list (week 12's source documents, rows of 15 and 23 mm) to the next
page and left the rest of this one empty.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from .flowables import SPLIT_IN_ROW, table_style
from .styles import Styles


class AtTop(Flowable):
    """A flowable drawn only at the top of a frame (a page's column), ``gap`` points above what follows.
    Elsewhere (and while measured) it takes no room: a story's kicker and headline again over its
    numbers carried to the next page, or a table's header row over its rows carried there."""

    _SPACETRANSFER = True  # the frame's spacing between the flowables around it stays as without it

    def __init__(self, para: Flowable, gap: float = 0.0) -> None:
        super().__init__()
        self.para = para
        self.gap = gap
        self.shown = False

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        frame = getattr(self, "_frame", None)  # set by the frame that is about to draw it
        self.shown = bool(frame is not None and frame._atTop)
        if not self.shown:
            return aW, 0
        _w, h = self.para.wrap(aW, aH)
        return aW, h + self.gap

    def draw(self) -> None:
        if self.shown:
            self.para.drawOn(self.canv, 0, self.gap)


#: Rows are kept together (and with their header) only while each is at most this share of a
#: page: a taller row must stay free to split where the page ends (at the top of an empty page
#: it might not leave SPLIT_IN_ROW for its second part, and the brief could not be laid out).
KEEP_SHARE = 0.25


def table_rows(rows: list[list[Any]], widths: list[float], styles: Styles, page_height: float,
               header: bool = False) -> list[Flowable]:
    """``rows`` (the first one a header row if ``header``) as one-row tables, with the header
    again wherever the list continues on a new page, and no page holding a lone row."""
    out: list[Flowable] = []
    body = len(rows) - 1 if header else len(rows)
    tables = [_row(row, widths, styles, header and i == 0) for i, row in enumerate(rows)]
    heights = [t.wrap(sum(widths), page_height)[1] for t in tables]
    short = [h <= page_height * KEEP_SHARE for h in heights]
    # a row no taller holds a single line of text (half a line more: a reference's style is a little taller)
    one_line = _one_line_height(widths, styles) + styles.cell.leading / 2
    for i, table in enumerate(tables):
        is_header = header and i == 0
        k = i - 1 if header else i  # the row's place among the rows under the header
        if header and k >= 1:
            # kept with its row: a row that moves to a new page brings its header along
            again = AtTop(_row(rows[0], widths, styles, True))
            again.keepWithNext = short[i]
            out.append(again)
        # the header and a one-line first row stay with the second; the last but one with the last
        pair = body > 1 and ((k == 0 and heights[i] <= one_line) or k == body - 2) and short[i] and short[i + 1]
        table.keepWithNext = is_header or pair
        out.append(table)
    return out


def _one_line_height(widths: list[float], styles: Styles) -> float:
    """The height of a row whose cells hold one line of text each."""
    from .para import Paragraph

    return _row([Paragraph("X", styles.cell) for _ in widths], widths, styles, False).wrap(sum(widths), 1e6)[1]


def _row(row: list[Any], widths: list[float], styles: Styles, is_header: bool) -> Table:
    p = styles.palette
    table = Table([row], colWidths=widths, splitInRow=SPLIT_IN_ROW, hAlign="LEFT")
    table.setStyle(table_style(styles, [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.9 if is_header else 0.4, p.primary if is_header else p.rule),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 1.1 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.1 * mm),
    ]))
    return table
