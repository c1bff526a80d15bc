"""The briefing deck (python-pptx): a :class:`~reportkit.model.Report`, its layout and charts in,
a .pptx file out.

``render.py`` plans the slides; ``slides.py`` builds each kind; ``deck.py``, ``template.py``,
``shapes.py``, ``text.py``, ``charts.py`` (native charts), ``condense.py`` (bullets),
``determinism.py`` (byte-identical packages) and ``memo.py`` (slides replayed in a warm
process) are its pieces. Independent of :mod:`reportkit.render.pdf` (checked by import-linter).
"""

from .render import render_pptx
from .text import Fonts, text_overflows

__all__ = ["Fonts", "render_pptx", "text_overflows"]
