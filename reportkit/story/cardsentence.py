"""A fact's sentence as the label checks read it (:mod:`.wording`, :mod:`.meaning`): its sentence and
the one before it in the article's body, where the fact starts in it, and the article's names (the
words it capitalises inside a sentence: who or where a figure is of). The card gate
(:mod:`.gate`) and ``verify --sources`` (``verify/labelindex.py``) read them the same way."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..lazyre import lazy
from ..model import Document, Fact
from ..sentences import spans
from .stems import stem as _stem

_WORD = lazy(r"[A-Za-z0-9]+")
# a possessive that starts a sentence or a headline ("Northfield's bike-share …"): a name, though first
_FIRST_POSSESSIVE = lazy(r"\s*([A-Z][A-Za-z0-9-]*)['’]s\b")


@dataclass
class Sentence:
    """A fact's sentence in its document, the sentence before it, and where the fact starts in it."""

    text: str
    before: str
    doc: Document
    at: int = -1  # where the fact starts in ``text``


def body_spans(doc: Document) -> tuple[str, list[tuple[int, int]]]:
    """The document's body text and its sentences' (start, end) offsets."""
    body = doc.body_text()
    return body, spans(body, newlines=True)


def sentence_in(f: Fact, doc: Document, body: str, sp: list[tuple[int, int]]) -> Sentence:
    """``f``'s sentence and the one before it in ``doc`` (``body``, ``sp`` from :func:`body_spans`)."""
    i = bisect.bisect_right(sp, (f.start, len(body) + 1)) - 1  # the last sentence starting at or before it
    if i >= 0 and sp[i][0] <= f.start < sp[i][1]:
        return Sentence(body[sp[i][0]:sp[i][1]], body[sp[i - 1][0]:sp[i - 1][1]] if i else "", doc,
                        f.start - sp[i][0])
    return Sentence(f.sentence, "", doc)


def article_names(doc: Document, body: str, sp: list[tuple[int, int]]) -> set[str]:
    """Words the article capitalises inside a sentence (and its headline's, but its first
    word): who or where a figure is of."""
    out: set[str] = set()
    for a, b in sp:
        toks = _WORD.findall(body[a:b])
        out |= {_stem(t) for t in toks[1:] if t[:1].isupper()}
    for text in [*(body[a:b] for a, b in sp), doc.title]:
        m = _FIRST_POSSESSIVE.match(text)
        if m:
            out.add(_stem(m.group(1)))
    toks = _WORD.findall(doc.title)
    lower = sum(1 for t in toks if t[:1].islower())
    if lower >= len(toks) / 3:  # a headline in sentence case: its capitals are names
        out |= {_stem(t) for t in toks[1:] if t[:1].isupper()}
        if len(toks) > 2 and toks[0][:1].isupper() and toks[1][:1].isupper():
            # "Makorau Dairy collects less milk": its first word opens the name its
            # capitalised second word goes on (what the charts' whose reads, charts/worded.py)
            out.add(_stem(toks[0]))
    return out
