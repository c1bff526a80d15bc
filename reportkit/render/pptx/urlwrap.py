"""A web address as slide text: broken into lines only after a '/', '?', '&' or '-' or before a
'.', never inside a word, and shortened when it cannot fit in :data:`MAX_LINES` lines: first to
its host and path (no query, no fragment), then to its host, "…" and its last path part, then to
its host (on more lines if it must). The hyperlink always keeps the whole address; only the shown text is shortened.

A viewer breaks a word wider than its box wherever it runs out of room ("…second-es" /
"timate"), so the lines are written with explicit line breaks, each measured to fit.
"""

from __future__ import annotations

from ...urls import URL_BREAK_AFTER as BREAK_AFTER
from ...urls import URL_BREAK_BEFORE as BREAK_BEFORE
from ...urls import url_segments as segments
from .text import WIDTH_SLACK, Metrics, wrap

#: the most lines one address may take on a slide
MAX_LINES = 2


def shortened(url: str) -> list[str]:
    """The forms of a displayed ``url`` (no scheme), from whole to shortest."""
    forms = [url]
    host_path = url.split("#", 1)[0].split("?", 1)[0].rstrip("/")
    parts = host_path.split("/")
    forms.append(host_path)
    if len(parts) > 2:
        forms.append(f"{parts[0]}/…/{parts[-1]}")
    forms.append(parts[0])
    return list(dict.fromkeys(f for f in forms if f))


def _lines(pieces: list[str], width_pt: float, size_pt: float, font: Metrics,
           first_pt: float | None = None) -> list[str] | None:
    limit = width_pt / WIDTH_SLACK
    first = limit if first_pt is None else first_pt / WIDTH_SLACK
    if pieces and font.width(pieces[0], size_pt) > first:
        first = limit  # not even its first part fits after the text before it: it starts a line
    lines: list[str] = []
    cur = ""
    for piece in pieces:
        if font.width(piece, size_pt) > limit:
            return None  # a piece that cannot break wider than the line
        if cur and font.width(cur + piece, size_pt) > (limit if lines else first):
            lines.append(cur)
            cur = ""
        cur += piece
    if cur:
        lines.append(cur)
    return lines


def url_lines(url: str, width_pt: float, size_pt: float, font: Metrics, max_lines: int = MAX_LINES,
              first_pt: float | None = None) -> list[str]:
    """``url`` as the lines it is shown in, each no wider than ``width_pt`` at ``size_pt``
    (its first no wider than ``first_pt``, the room left after the text before it, when that
    holds its first part): one line when it fits, else broken at its break points, else
    shortened (see the module)."""
    for form in shortened(url):
        lines = _lines(segments(form), width_pt, size_pt, font, first_pt)
        if lines is not None and len(lines) <= max_lines:
            return lines
    host = shortened(url)[-1]  # a host wider than MAX_LINES lines: on as many as it takes
    return _lines(segments(host), width_pt, size_pt, font) or wrap(host, width_pt, size_pt, font)
