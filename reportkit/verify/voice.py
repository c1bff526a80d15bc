"""``reportkit verify --sources``, voice: a source's sentence in its own first person ("by our count
of licensing-office data", outside any quotation) printed as the brief's own words. The story stage
prints such a sentence only under the name its source signs with ("Savannah Street Research: ...",
story/takeaways.in_own_voice); an output made before that rule printed it bare, and its "our" reads
as the desk's. Decided from the output's text and the sources: each source sentence in the first
person (found once per check) that a page prints outside quotation marks and not after a "Name: ".

A slide's speaker notes are not read: they give the source's whole text under its title. Not
decided here: such a sentence broken over a page (each page is read alone), and one printed
after some other "Name: " (the prefix is not checked against the signer).
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..model import Document
from ..story import body_spans, first_person

# a quotation as printed, whole on the page; one still open at the page's foot, or closed at its top
_QUOTED = lazy(r"“[^“”]*”|\"[^\"]*\"")
_OPEN_TAIL = lazy(r"“[^”]*$")
_CLOSED_HEAD = lazy(r"^[^“]*”")
# the name a sentence is said under: "Savannah Street Research: " just before it
_UNDER_NAME = lazy(r"[A-Z][\w&'’.-]*(?:\s+[\w&'’.-]+){0,7}:\s$")


def own_voice_sentences(docs: list[Document]) -> list[str]:
    """Every sentence of the sources that speaks in its writer's first person outside quotation
    marks, spaces flattened (longest first, so a sentence is reported once)."""
    out = set()
    for doc in docs:
        text, spans = body_spans(doc)
        title = " ".join((doc.title or "").split())
        for a, b in spans:
            sentence = " ".join(text[a:b].split())
            # a headline is cited as the source's title (the story's headline, the sources list)
            if len(sentence.split()) >= 4 and first_person(sentence) and sentence not in title:
                out.add(sentence)
    return sorted(out, key=len, reverse=True)


def voice_problems(pages: list[tuple[str, str]], docs: list[Document]) -> list[str]:
    """One line per source sentence in its writer's first person that a page prints as the
    output's own (see the module docstring)."""
    said = own_voice_sentences(docs)
    if not said:
        return []
    out = []
    for where, text in pages:
        if where.endswith("notes"):
            continue  # a slide's speaker notes give the source's text as written, under its title
        flat = " ".join(text.split())
        flat = _CLOSED_HEAD.sub(" ", _OPEN_TAIL.sub(" ", _QUOTED.sub(" ", flat)))
        for sentence in said:
            at = flat.find(sentence)
            if at < 0 or _UNDER_NAME.search(flat[max(0, at - 80):at]):
                continue
            out.append(f"{where}: sentence in its source's first person printed as the output's own words "
                       f"(not under the source's name): {sentence[:90]!r}")
    return out
