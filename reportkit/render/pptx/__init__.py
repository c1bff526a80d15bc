"""The briefing deck (python-pptx): a :class:`~reportkit.model.Report`, its layout and charts in,
a .pptx file out.

``render.py`` plans the slides; ``slides.py`` builds each kind; ``deck.py``, ``template.py``,
``shapes.py``, ``text.py``, ``charts.py`` (native charts), ``condense.py`` (bullets),
``determinism.py`` (byte-identical packages) and ``memo.py`` (slides replayed in a warm
process) are its pieces. Independent of :mod:`reportkit.render.pdf` (checked by import-linter).
"""

from ...lazyimport import import_without

# python-pptx imports xml.sax.saxutils for its escape(); saxutils imports urllib.request (http.client,
# email, ssl: ≈20-25 ms of every deck's process) for a function no deck calls
import_without("xml.sax.saxutils", "urllib.request")

from .glyphs import read_record as undrawn_record  # noqa: E402
from .render import render_pptx  # noqa: E402 - after the deferral
from .template import check_template, is_title  # noqa: E402
from .text import Fonts, text_overflows  # noqa: E402
from .theme import font_files, theme_fonts  # noqa: E402

__all__ = ["Fonts", "check_template", "font_files", "is_title", "preload", "render_pptx", "text_overflows",
           "theme_fonts", "undrawn_record"]


def preload() -> None:
    """Import every module of this package, and with them the python-pptx modules a deck uses, before
    any deck: ``reportkit batch`` does it once, then forks its workers from itself (batch.preload)."""
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(__path__, f"{__name__}."):
        importlib.import_module(module.name)
