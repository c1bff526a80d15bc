"""The PDF brief (reportlab): a :class:`~reportkit.model.Report`, its layout and chart images in,
a PDF file out.

``render.py`` drives the document; ``story.py`` lays out the parts in order; ``flowables.py``,
``pages.py``, ``styles.py``, ``fonts.py``, ``svg.py`` and ``text.py`` are its pieces. reportlab is
imported inside :func:`render_pdf`, so importing this package is cheap. Independent of
:mod:`reportkit.render.pptx` (checked by import-linter).
"""

from .render import render_pdf

__all__ = ["render_pdf"]
