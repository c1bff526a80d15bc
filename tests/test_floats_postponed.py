"""A flowable put off to the page that floated figures then open gets another page, not a layout
error (render/pdf/floats.py): week 9 with two charts failed with "CondPageBreak(94.0) too large on
page 3": a story's conditional break put off from page 2 met the two figures filling page 3, and
reportlab calls a flowable that fails to fit twice too large. Figures are now put down only at a
FloatPoint (between two stories), here the page a story's conditional break opens."""

from __future__ import annotations

import io

from reportlab.platypus import BaseDocTemplate, CondPageBreak, Frame, PageTemplate, Spacer

from reportkit.render.pdf.floats import FloatBreak, FloatingDoc, FloatPoint


class _Doc(FloatingDoc, BaseDocTemplate):
    pass


def test_a_flowable_put_off_to_a_page_the_figures_fill_moves_on_again() -> None:
    doc = _Doc(io.BytesIO(), pagesize=(300, 400))
    doc.addPageTemplates([PageTemplate("p", [Frame(0, 0, 300, 400, id="body")])])
    pages: list[int] = []

    class Content(Spacer):
        def draw(self) -> None:
            pages.append(self.canv.getPageNumber())

    figure: list[int] = []

    class Figure(Spacer):
        def draw(self) -> None:
            figure.append(self.canv.getPageNumber())

    # page 1 leaves 200 pt: the 250 pt figure floats, the next story's break (300 pt) opens page 2,
    # which the figure opens at the point before that story, leaving it 150 pt: the story goes on to page 3
    doc.build([Spacer(10, 200), FloatBreak(250), Figure(10, 250), FloatPoint(), CondPageBreak(300),
               Content(10, 300)])
    assert figure == [2] and pages == [3]
