"""What the brief prints for a character none of its fonts draws, and how it says so.

reportlab draws a character a font lacks as the font's missing-glyph box, and a box in a
published sentence is junk a reader sees (or, worse, a lost letter or currency sign nobody
is told about). So :class:`~.fonts.FontSet` never hands reportlab such a character; it applies
:mod:`reportkit.undrawn`'s rule (shared with the deck): a currency sign becomes its ISO code, a
picture is left out, anything else becomes its compatibility form or :data:`LOST_MARK`.

Every such character is recorded (:class:`Undrawn`), said as one build warning each
(:func:`warnings`), and the characters a reader lost are written into the PDF's document
information under :data:`INFO_KEY`, where ``reportkit verify`` reads them: what the renderer
did, not a guess from boxes on the page (a box a source wrote itself is a character like any other).
"""

from __future__ import annotations

from ...undrawn import INFO_KEY, LOST_MARK, MAX_WARNINGS, Undrawn, code_for, describe, is_picture, lost_text, warnings

__all__ = ["INFO_KEY", "LOST_MARK", "MAX_WARNINGS", "Undrawn", "code_for", "describe", "is_picture", "lost_text",
           "warnings"]
