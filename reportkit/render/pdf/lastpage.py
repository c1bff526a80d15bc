"""The brief's last page: never a page holding only a few lines that the pages before it would have
taken, had fewer stories been moved.

A story that would start at a page's foot with its headline and two or three lines starts on the
next page instead (:class:`~.storyend.HeadBreak`). Each such move pushes what follows down the
brief, and a few moves may push its last lines onto a page of their own: with every move, weeks 17
and 19 and news_eval each became a page longer, ending on a page 82–89% empty. A designer would
rather keep a stranded headline than print a page for two Sources rows: when the last page holds
less than :data:`WIDOW` of its frame and stories were moved, the brief is laid out again allowing
only the first moves (:func:`fewest_pages`), as many as still save the page.

A story's second quote (another side's voice, :mod:`reportkit.story.voices`) earns its lines only
when the page has room for them: week 19's second quote pushed three Sources rows onto a sixth page.
The story stage cannot know the page, so here a brief whose last page is less than
:data:`VOICE_ROOM` full is counted again without the second quotes, the least salient story's
first (:func:`fewer_voices`); the fewest left out that save a page are left out.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations
from typing import Any

#: A last page filled less than this share of its frame (two or three Sources rows, ≈14–18%) is a
#: widow worth a page less.
WIDOW = 0.2
#: A last page filled less than this share may be saved by leaving out second quotes (each is up to
#: 40 words with its speaker, about a tenth of a page; three at most, and a page's keeps may move
#: more than their own height): fuller last pages are not counted again.
VOICE_ROOM = 0.5


def last_fill(doc: Any) -> float:
    """The share of the last page's frame that holds content (after ``doc.build``)."""
    frame = getattr(doc, "frame", None)
    if frame is None or not frame._height:
        return 1.0
    return 1 - (frame._y - frame._y1p) / frame._height


def fewest_pages(doc: Any, count: Callable[[int], int]) -> tuple[int, int] | None:
    """How many story moves to allow (the first ones in the brief) after ``doc`` (the brief as laid
    out with every move) ended on a widow page, and the pages it then takes; None to keep every
    move. ``count(n)`` lays the brief out allowing ``n`` moves and returns its pages. The most moves
    that still need fewer pages are kept (a binary search: fewer moves never need more pages)."""
    moves, pages = getattr(doc, "head_moves", 0), doc.page
    if not moves or pages < 2 or last_fill(doc) >= WIDOW:
        return None
    best = (0, count(0))
    if best[1] >= pages:
        return None  # the moves did not make the widow page
    lo, hi = 1, moves - 1  # the largest n in [lo, hi] with fewer pages, else ``best``
    while lo <= hi:
        mid = (lo + hi) // 2
        got = count(mid)
        if got < pages:
            best, lo = (mid, got), mid + 1
        else:
            hi = mid - 1
    return best


def fewer_voices(doc: Any, seconds: list[str], count: Callable[[frozenset[str]], int]) -> tuple[frozenset[str], int] | None:
    """Which stories' second quotes to leave out after ``doc`` (the brief as laid out), and the pages
    it then takes; None to keep them all. ``seconds`` are the stories (by source) that print a second
    quote, most salient first; ``count(left_out)`` lays the brief out without those stories' second
    quotes and returns its pages. As few as save a page are left out, the least salient first: one
    story's alone is tried before two (the two least salient together left out a voice that was no
    cost when the page was another's: week 26's council quote went with the growers')."""
    pages = doc.page
    if not seconds or pages < 2 or last_fill(doc) >= VOICE_ROOM:
        return None
    for k in range(1, len(seconds) + 1):
        for left in combinations(reversed(seconds), k):  # the least salient first, at each size
            left_out = frozenset(left)
            got = count(left_out)
            if got < pages:
                return left_out, got
    return None
