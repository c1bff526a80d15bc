"""``reportkit verify --sources``, quotes: every printed quote is the source's words.

A quote in an output (words between “ and ”, read back from the file's own text) must stand in
the sources as written, word for word. A quote its attribution interrupts ("We had the flowers,"
said X. "What we did not have ...") is printed as one (:attr:`reportkit.model.Quote.display`),
so a printed quote may be a few runs of the sources' words, each as written: up to
:data:`MAX_RUNS` runs, each of at least :data:`MIN_RUN` words (a whole quote shorter than that is
one run), or a short part the sources quote whole ("…," she said, "not before."). Punctuation
and capitals are not compared (the join turns a comma into a full stop;
a deck cuts a long quote after a sentence with "…"). A word of no source, or a quote that is a
patchwork of short runs, is a problem: words put in a speaker's mouth.

Half a quote is a problem too: a printed quote that ends where a first part of the sources ends
whose sentence goes on after its attribution, in a part that starts in lower case ("Ten years ago
we sold volume to Moscow," she says, "and now we sell age to Shanghai."). Printed alone, with its
comma made a full stop, it stops the speaker mid-sentence (builds before session 17 printed such
halves; :mod:`reportkit.story.quotes` joins the parts). A deck's cut, marked "…", is no such half.
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from .sources import SourceIndex

#: an interrupted quote joins this many parts at most (the sources' longest has three)
MAX_RUNS = 4
#: a run of the sources' words shorter than this is no part of a quote (unless the quote is that short)
MIN_RUN = 3

_QUOTED = re.compile(r"“([^“”]{2,2000})”")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# a first part, its closing mark after a comma, an attribution ending on a comma, and a part that opens in
# lower case (the first part holds no quote mark, so it starts right after its opening one)
_GOES_ON = lazy(r"([^“”\"\n]{3,600}),\s*[”\"]\s*[^“”\".?!;:\n]{1,100}?,\s*[“\"]\s*(?=[a-z])")
#: how many of a first part's last words identify it (a shorter part: all of them)
TAIL = 5


# an opening mark after a space (a closing one follows a word or a comma), a short part, its closing mark
_SHORT_PART = lazy(r"(?:(?<=\s)|^)[“\"]([^“”\"\n]{1,40})[”\"](?!\w)", re.M)


def _starts(runs: list[int]) -> list[int]:
    """Where each run starts in the quote."""
    out, at = [], 0
    for n in runs:
        out.append(at)
        at += n
    return out


def _words(text: str) -> list[str]:
    return [w.replace("’", "'").lower() for w in _WORD.findall(text)]


class SourceWords:
    """The sources' words in order, with where each word occurs (for longest-run lookups)."""

    def __init__(self, index: SourceIndex) -> None:
        self.words = _words(f"{index.text}\n{index.earlier_text}")
        self.at: dict[str, list[int]] = {}
        for i, w in enumerate(self.words):
            self.at.setdefault(w, []).append(i)
        # the last words of every first part whose sentence goes on after its attribution (see the module)
        self.goes_on = {tuple(_words(m.group(1))[-TAIL:]) for m in _GOES_ON.finditer(index.text)}
        # every short part the sources quote whole ("…on time," she said, "not before."): a run of the
        # printed quote that short is that part, not words picked out of a sentence
        self.short_parts = {tuple(w) for m in _SHORT_PART.finditer(index.text)
                            if 0 < len(w := _words(m.group(1))) < MIN_RUN}

    def longest_run(self, quote: list[str], i: int) -> int:
        """How many words of ``quote`` from ``i`` on stand together somewhere in the sources."""
        best = 0
        for p in self.at.get(quote[i], ()):
            n = 1
            while i + n < len(quote) and p + n < len(self.words) and self.words[p + n] == quote[i + n]:
                n += 1
            best = max(best, n)
            if i + best >= len(quote):
                break
        return best

    def runs(self, quote: list[str]) -> list[int] | None:
        """The lengths of the runs ``quote`` is made of (longest first, greedily); ``None`` when
        a word of it is in no source."""
        out, i = [], 0
        while i < len(quote):
            n = self.longest_run(quote, i)
            if n == 0:
                return None
            out.append(n)
            i += n
        return out


def quote_problems(pages: list[tuple[str, str]], index: SourceIndex, words: SourceWords | None = None) -> list[str]:
    """One line per printed quote (``pages``: ``(where, text)`` as read back) that is not the
    sources' words (see the module)."""
    words = words or SourceWords(index)
    out = []
    for where, text in pages:
        for m in _QUOTED.finditer(text):
            quote = _words(m.group(1))
            if not quote:
                continue
            runs = words.runs(quote)
            shown = " ".join(m.group(1).split())
            if runs is None:
                out.append(f"{where}: quote “{shown[:80]}”: a word of it is in no source")
            elif len(runs) > 1 and (len(runs) > MAX_RUNS or any(
                    n < MIN_RUN and tuple(quote[at:at + n]) not in words.short_parts
                    for at, n in zip(_starts(runs), runs))):
                out.append(f"{where}: quote “{shown[:80]}”: not the source's words as written "
                           f"({len(runs)} pieces)")
            elif not shown.endswith(("…", "...")) and any(
                    tuple(quote[-n:]) in words.goes_on for n in range(1, min(TAIL, len(quote)) + 1)):
                out.append(f"{where}: quote “{shown[:80]}”: half a quote: the source's sentence goes on "
                           "after its attribution")
    return out
