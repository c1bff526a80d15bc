"""Where sentences end: one definition for the whole pipeline.

Facts cite the sentence they came from, the deck's bullets are sentences, and a
title made from a paragraph is its first sentence; all three split text here, so
a fact's sentence and the bullet that shows it agree.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes and
brackets after it) followed by white space and then a capital letter, a digit,
a currency sign or an opening quote or bracket. A full stop does not end one
after an abbreviation ("St.", "Mr.", "Jan.", "approx.") or initials ("U.S.",
"J."), nor after a currency's abbreviation when a figure follows ("Gs. 2,150",
"Rs. 500": the figure is the amount the abbreviation names). With ``newlines=True`` a line break always ends a sentence (facts must
not run from one block into the next). The scan is linear in the text's length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: Words that are followed by a full stop without ending a sentence (compared in
#: lower case, without the stop).
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gov", "gen", "sen", "rep", "no", "vs", "inc", "co",
    "corp", "ltd", "dept", "est", "approx", "fig", "etc", "e.g", "i.e", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec",
})
#: Currencies abbreviated with a full stop before their figure (Paraguay's guaraní "Gs.", the
#: rupee's "Rs.", Bolivia's boliviano "Bs.", the dirham's "Dhs.", the taka's "Tk.", the shilling's
#: "Sh."/"KSh."): the stop ends no sentence when a digit follows, since the figure is the amount.
CURRENCY_ABBREVIATIONS = frozenset({"gs", "rs", "bs", "dhs", "tk", "sh", "ksh", "ush", "tsh"})
_END = re.compile(r"[.!?…][\"”’')\]]*(?=\s)|\n+")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\Z")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]\Z")  # "U.S" (the last stop is the candidate end)
_OPENERS = "\"“‘'([$£€¥"
_SPACE = " \t\r\n\u00a0"


def _is_end(text: str, m: re.Match[str], newlines: bool) -> int | None:
    """Where the next sentence starts if ``m`` ends one, else None."""
    if m.group(0)[0] == "\n":
        return m.end() if newlines else None
    if m.group(0)[0] == "." and _abbreviation_before(text, m.start()):
        return None
    nxt = m.end()
    while nxt < len(text) and text[nxt] in _SPACE:
        if text[nxt] == "\n" and newlines:
            return None  # the line break ends the sentence (its own match)
        nxt += 1
    if nxt >= len(text):
        return None
    c = text[nxt]
    if c.isdigit() and m.group(0) == "." and _currency_before(text, m.start()):
        return None
    return nxt if (c.isupper() or c.isdigit() or c in _OPENERS) else None


def _abbreviation_before(text: str, stop: int) -> bool:
    """Whether the word ending at the full stop at ``stop`` is an abbreviation or initials."""
    lo = max(0, stop - 12)
    word = _WORD_BEFORE.search(text, lo, stop)
    if word is None or (word.start() == lo and lo > 0 and text[lo - 1].isalpha()):
        return False  # no word, or a long one cut by the window: an ordinary word
    w = word.group(1)
    return w.lower().rstrip(".") in ABBREVIATIONS or _INITIALS.fullmatch(w) is not None


def _currency_before(text: str, stop: int) -> bool:
    """Whether the word ending at the full stop at ``stop`` is a currency's abbreviation."""
    word = _WORD_BEFORE.search(text, max(0, stop - 4), stop)
    if word is None or (word.start() > 0 and text[word.start() - 1].isalpha()):
        return False
    return word.group(1).lower() in CURRENCY_ABBREVIATIONS


def boundaries(text: str, newlines: bool = True) -> Iterator[tuple[int, int]]:
    """``(end, next_start)`` of every sentence end in ``text``: the sentence runs to
    ``end`` (after its punctuation) and the next begins at ``next_start``."""
    for m in _END.finditer(text):
        nxt = _is_end(text, m, newlines)
        if nxt is not None:
            yield (m.start() if m.group(0)[0] == "\n" else m.end()), nxt


def starts(text: str, newlines: bool = True) -> list[int]:
    """Start offsets of the sentences of ``text`` (the first is 0)."""
    return [0] + [nxt for _end, nxt in boundaries(text, newlines)]


def spans(text: str, newlines: bool = False) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank sentence of ``text``, without surrounding space."""
    out: list[tuple[int, int]] = []
    start = 0
    for end, nxt in boundaries(text, newlines):
        out.append((start, end))
        start = nxt
    out.append((start, len(text)))
    result = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            result.append((a, b))
    return result


def first(text: str, limit: int = 2000) -> str:
    """The first sentence of ``text`` (at most ``limit`` characters are looked at)."""
    head = text[:limit]
    for end, _nxt in boundaries(head, newlines=False):
        return head[:end].strip()
    return head.strip()


def count(text: str) -> int:
    """How many sentence ends ``text`` has before its last sentence."""
    return sum(1 for _ in boundaries(text, newlines=False))
