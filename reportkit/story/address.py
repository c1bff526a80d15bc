"""An article's own address, as its source gives it (the Sources rows, "Read more:" lines).

Its own module, with nothing but the model and URL checks below it: the renderers ask it while
they lay out the Sources rows, and importing it must not import the story stage's scoring
(a batch worker's preload leaves that to the reports built anew).
"""

from __future__ import annotations

from pathlib import PurePath

from ..model import Document
from ..urls import safe_url

_SELF_LABELS = frozenset({"source", "url", "link", "original", "canonical", "article", "permalink"})


def own_url(doc: Document) -> str | None:
    """The article's own address, when its source says it: the page's ``url`` (an HTML page's
    og:url/canonical) or a reference labelled ``source``/``url``/… (a Markdown file's front matter
    ``url``). None otherwise: a lone link in the text may be the article's or one it cites."""
    if doc.url and safe_url(doc.url):
        return doc.url
    return next((r.url for r in doc.references
                 if safe_url(r.url) and r.label.strip("[]() ").lower() in _SELF_LABELS), None)


def link_of(doc: Document) -> str:
    """The article's own URL (a reference labelled ``source``/``url``/…, or its only
    reference), else its file name."""
    refs = [r for r in doc.references if safe_url(r.url)]
    for r in refs:
        if r.label.strip("[]() ").lower() in _SELF_LABELS:
            return r.url
    if len(refs) == 1:
        return refs[0].url
    return PurePath(doc.source).name
