"""A reportlab paragraph that breaks its lines once for each width it is asked about.

reportlab's ``Paragraph.wrap`` breaks the paragraph's lines on every call, and a brief's
paragraphs are asked the same question again and again: a ``KeepTogether`` measures its
content, then the frame lays each part out at the same width; a table measures its cells for
the row heights and again when it splits or draws; the float and panel fitting measure what
follows them. On the sample brief 227 of 353 wraps (64%) repeated the width of the paragraph's
previous wrap, ≈17 ms of a ≈100 ms render. The line breaks depend only on the width, the
paragraph's fragments and its style, none of which changes once the paragraph is made (a split
makes new paragraphs), so the answer of the last wrap at the same width is given back, with the
attributes that wrap set, and the page is drawn from the same lines either way.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph as _ReportlabParagraph

#: what ``Paragraph.wrap`` and its ``breakLines`` set on the paragraph (reportlab 4-5)
_WRAP_STATE = ("width", "height", "_wrapWidths", "blPara", "_width_max", "_splitLongWordCount", "_hyphenations")


class Paragraph(_ReportlabParagraph):
    """``reportlab.platypus.Paragraph`` whose repeated wrap at its last width is not redone."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        last = self.__dict__.get("_last_wrap")
        if last is not None and last[0] == availWidth:
            self.__dict__.update(last[1])
            return last[2]
        result = super().wrap(availWidth, availHeight)
        state: dict[str, Any] = {k: self.__dict__[k] for k in _WRAP_STATE if k in self.__dict__}
        self._last_wrap = (availWidth, state, result)
        return result
