"""The PDF brief (reportlab): a :class:`~reportkit.model.Report`, its layout and chart images in,
a PDF file out.

``render.py`` drives the document; ``story.py`` lays out the parts in order; ``flowables.py``,
``pages.py``, ``styles.py``, ``fonts.py``, ``svg.py`` and ``text.py`` are its pieces. reportlab is
imported inside :func:`render_pdf`, so importing this package is cheap. Independent of
:mod:`reportkit.render.pptx` (checked by import-linter).
"""

from .glyphs import INFO_KEY as UNDRAWN_INFO_KEY
from .render import render_pdf

__all__ = ["UNDRAWN_INFO_KEY", "preload", "render_pdf"]


def preload() -> None:
    """Import every module of this package, and with them the reportlab modules a brief uses, before
    any brief: ``reportkit batch`` does it once, then forks its workers from itself (batch.preload)."""
    import importlib
    import pkgutil

    from .rlimport import import_paragraph

    import_paragraph()  # before anything imports reportlab.platypus: see rlimport
    for module in pkgutil.iter_modules(__path__, f"{__name__}."):
        importlib.import_module(module.name)
    import reportlab.graphics.renderPDF  # noqa: F401 - what draws the charts (flowables imports it on first use)
