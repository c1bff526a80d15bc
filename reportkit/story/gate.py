"""The card gate: a card (a figure and its label) the label checks reject is never printed.

``verify --sources`` reads a built brief or deck back and flags a card whose label its source
contradicts: a word not in the figure's sentence, a period the sentence does not give (a base
year, a quarter labelled as the year), another noun's words, one side of a tally, a forecast
shown as a fact, ... (:mod:`.wording`, :mod:`.meaning`). Those checks live here, below the
renderers, so that the story stage asks them of every card it would print, the story panel's
and the Key figures block's (the deck's are the same cards), and leaves a rejected card out:
a card that may be wrong is worse than none. verify keeps asking them of built files (an older
build's, an edited one's) from the read-back text.

The gate asks a fact's own sentence only (verify also asks every other fact its printed number
traces to), and a fact of the same value and unit in the same article: the card's number is that
article's, written there twice ("3.4 billion" in the lead and again later) is one figure.
"""

from __future__ import annotations

import weakref

from ..facts import part_name, period_unlike_story
from ..model import Document, Fact
from .cardsentence import article_names, body_spans, sentence_in
from .meaning import fact_why
from .wording import label_why


class _Article:
    """What the checks read of one article, made once a build: its body's sentences, names and text."""

    __slots__ = ("body", "spans", "names", "text", "by_value", "verdicts")

    def __init__(self, doc: Document) -> None:
        self.body, self.spans = body_spans(doc)
        self.names = article_names(doc, self.body, self.spans)
        self.text = f"{doc.title}\n{self.body}"
        self.by_value: dict[tuple[float, str], list[Fact]] = {}
        for g in doc.facts:
            self.by_value.setdefault((round(g.value, 6), g.unit), []).append(g)
        # a card asked again (the brief's and the deck's report are assembled from the same documents,
        # and the Key figures block asks the panel's cards): (label, shown, fact) -> why
        self.verdicts: dict[tuple[str, str, int], tuple[Fact, str | None]] = {}


# Each live document's reading, made once a process: the brief and the deck are assembled one after
# the other from the same documents, and each asked the same cards of a reading of its own (≈40 % of
# the story stage's gate time on the seeds). Keyed by the document's id while it lives: the entry
# goes with the document (weakref.finalize), before its id can be given to another object. The story
# stage does not change a document's text or facts after its quotes are found (assemble: first).
_READ: dict[int, _Article] = {}


def _reading(doc: Document) -> _Article:
    art = _READ.get(id(doc))
    if art is None:
        art = _READ[id(doc)] = _Article(doc)
        weakref.finalize(doc, _READ.pop, id(doc), None)
    return art


def _why_one(label: str, shown: str, f: Fact, doc: Document, art: _Article) -> str | None:
    part = period_unlike_story(f, label, doc)
    if part:
        return f"its source gives it for {part_name(part)}, which the label does not say and its story is not about"
    s = sentence_in(f, doc, art.body, art.spans)
    return label_why(label, f, s, art.names, art.text) or fact_why(label, shown, "figure", f, s, art.names)


def card_why(label: str, shown: str, f: Fact, doc: Document) -> str | None:
    """Why the card ``shown`` / ``label`` of fact ``f`` (from ``doc``) says what its source does not,
    as ``verify --sources`` would flag it; None when its sentence (or that of a fact of the same value
    and unit in the article) supports it. Each article is read once, and each card asked once, a process."""
    art = _reading(doc)
    key = (label, shown, id(f))
    kept = art.verdicts.get(key)
    if kept is not None:
        return kept[1]
    why = _card_why(label, shown, f, doc, art)
    art.verdicts[key] = (f, why)  # f held with its verdict: its id is not another fact's meanwhile
    return why


def _card_why(label: str, shown: str, f: Fact, doc: Document, art: _Article) -> str | None:
    first = _why_one(label, shown, f, doc, art)
    if first is None:
        return None
    for g in art.by_value.get((round(f.value, 6), f.unit), ()):
        if g is not f and _why_one(label, shown, g, doc, art) is None:
            return None
    return first
