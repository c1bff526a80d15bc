"""A flowable put off to the page that floated figures then open gets another page, not a layout
error (render/pdf/floats.py): week 9 with two charts failed with "CondPageBreak(94.0) too large on
page 3": a story's conditional break put off from page 2 met the two figures filling page 3, and
reportlab calls a flowable that fails to fit twice too large."""

from __future__ import annotations

import io

from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Spacer

from reportkit.render.pdf.floats import FloatBreak, FloatingDoc


class _Doc(FloatingDoc, BaseDocTemplate):
    pass


def test_a_flowable_put_off_to_a_page_the_figures_fill_moves_on_again() -> None:
    doc = _Doc(io.BytesIO(), pagesize=(300, 400))
    doc.addPageTemplates([PageTemplate("p", [Frame(0, 0, 300, 400, id="body")])])
    pages: list[int] = []

    class Content(Spacer):
        def draw(self) -> None:
            pages.append(self.canv.getPageNumber())

    # page 1 leaves 188 pt: the 250 pt figure floats, the 300 pt content does not fit either and is put
    # off to page 2, which the figure opens, leaving it 138 pt: the content goes on to page 3
    doc.build([Spacer(10, 200), FloatBreak(250), Spacer(10, 250), Content(10, 300)])
    assert pages == [3]
