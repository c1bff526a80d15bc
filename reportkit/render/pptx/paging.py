"""Bullets split into slides before any slide is made: how many fit the content
area at what size, and the content area itself (the content layout's body, less the
source line under it), so the agenda can name the slide each part starts on.

Items that fit stay at the deck's body size, several to a slide; pages are evened
out (5 bullets make 3 + 2, not 4 + 1); an item too tall for a slide alone shrinks
to the minimum size and is then cut at a word (its full text is in the notes).
"""

from __future__ import annotations

from pptx.util import Inches

from .deck import Deck
from .shapes import OWN, Para, Run, TextStyle, Writer
from .template import Box

SOURCE_STRIP = int(Inches(0.4))  # room under bullets for the "Source: S1 · ..." line


def paginate(writer: Writer, items: list[Para], box: Box, size: float, minimum: float,
             max_items: int, style: TextStyle = OWN) -> list[tuple[list[Para], float]]:
    """Split ``items`` into pages that fit ``box`` at ``size`` (at most ``max_items`` each).

    An item too tall to fit alone shrinks, but not below ``minimum``; past that it
    is cut at a word (its full text is in the speaker notes).
    """
    pages = _pack(writer, items, box, size, minimum, max_items, style)
    if len(pages) > 1 and all(s == size for _p, s in pages):
        # even the pages out (5 bullets -> 3 + 2, not 4 + 1) when that still fits
        per = -(-len(items) // len(pages))
        balanced = _pack(writer, items, box, size, minimum, min(max_items, per), style)
        if len(balanced) == len(pages):
            return balanced
    return pages


def _pack(writer: Writer, items: list[Para], box: Box, size: float, minimum: float,
          max_items: int, style: TextStyle = OWN) -> list[tuple[list[Para], float]]:
    pages: list[tuple[list[Para], float]] = []
    i = 0
    while i < len(items):
        page: list[Para] = []
        while i < len(items) and len(page) < max_items and writer.fits(page + [items[i]], box, size, style):
            page.append(items[i])
            i += 1
        if page:
            pages.append((page, size))
            continue
        item = items[i]
        fitted = writer.fit_size([item], box, size, minimum, step=0.5, style=style)
        if fitted is None:
            fitted = minimum
            kw = {"bullet": item.bullet}
            text = truncate_styled(writer, item.text(), box, minimum, style, **kw)
            item = Para([Run(text, bold=item.runs[0].bold if item.runs else False)], bullet=item.bullet)
        pages.append(([item], fitted))
        i += 1
    return pages


def truncate_styled(writer: Writer, text: str, box: Box, size: float, style: TextStyle, **para_kw) -> str:
    """``text`` cut at a word (with an ellipsis) so that it fits ``box`` in ``style`` (bullets only:
    their full text is in the notes; titles are never cut)."""
    if writer.fits([Para.of(text, **para_kw)], box, size, style):
        return text
    words = text.split(" ")
    lo, hi = 0, len(words)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if writer.fits([Para.of(" ".join(words[:mid]) + "…", **para_kw)], box, size, style):
            lo = mid
        else:
            hi = mid - 1
    return (" ".join(words[:lo]).rstrip(" ,;:") + "…") if lo else "…"


def body_box(deck: Deck, title: str | None = None) -> Box:
    """The box bullets get on a content slide (for pagination before slides exist);
    with ``title``, less what that title needs below its own box."""
    box = deck.content_box(deck.layouts["content"], title)
    return Box(box.left, box.top, box.width, max(box.height - SOURCE_STRIP, 0))


def body_style(deck: Deck) -> TextStyle:
    """How bullets sit in the content layout's body placeholder: its own insets,
    spacing and bullet indent on a template (our own on the branded deck)."""
    if deck.branded:
        return OWN
    layout = deck.layouts["content"]
    main = deck.roles(layout).main
    return TextStyle.of_placeholder(deck.style(layout, main[0]), deck.writer.fonts) if main else OWN


def body_start_size(deck: Deck) -> float:
    """Bullets start at the deck's body size; on a template at most the template's own."""
    style = body_style(deck)
    if style.keep and style.natural_size and "fonts" not in deck.overrides:
        return min(deck.body_size, style.natural_size)
    return deck.body_size
