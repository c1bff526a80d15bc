"""Which URLs may become clickable links: plain http(s) only.

A source document is untrusted text. A ``javascript:``, ``data:``, ``file:`` or
``mailto:`` target written into a PDF link annotation or a deck's relationship
file would run or open something on a reader's machine, so every place that makes
a hyperlink (the Markdown reader's references, the PDF's ``<a href>``, the deck's
``hyperlink.address``) asks :func:`is_web_url` first; anything else stays text.
Where a shown address may break between lines (:func:`url_segments`) is shared by both renderers,
and so is an article's own address (:func:`own_url`, :func:`link_of`): here, below the stages, so
that the renderers' Sources rows import nothing of the story stage (a deck's render worker and a
kept report's build import only what they lay out).
"""

from __future__ import annotations

import unicodedata
from pathlib import PurePath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from .model import Document

__all__ = ["URL_BREAK_AFTER", "URL_BREAK_BEFORE", "is_web_url", "link_of", "own_url", "safe_url", "url_segments"]


def safe_url(url: str | None) -> str | None:
    """``url`` stripped of surrounding space if it is an absolute http(s) URL with
    a host and no whitespace or control characters inside; otherwise None."""
    if not url:
        return None
    url = url.strip()
    if not url:
        return None
    # controls, and invisible format characters (bidi overrides, zero-width) that make a
    # host look like another
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 or unicodedata.category(ch) == "Cf" for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or parts.netloc.startswith("@"):
        return None
    return url


def is_web_url(url: str | None) -> bool:
    """True if ``url`` may be a hyperlink target (see :func:`safe_url`)."""
    return safe_url(url) is not None


#: where a shown address may break between lines: after these ...
URL_BREAK_AFTER = "/?&-"
#: ... or before these (a line never breaks inside a word of an address)
URL_BREAK_BEFORE = "."


def url_segments(url: str) -> list[str]:
    """``url`` cut at every place a line may break inside it (joined, the pieces give it back)."""
    out: list[str] = []
    cur = ""
    for ch in url:
        if ch in URL_BREAK_BEFORE and cur:
            out.append(cur)
            cur = ""
        cur += ch
        if ch in URL_BREAK_AFTER:
            out.append(cur)
            cur = ""
    if cur:
        out.append(cur)
    return out


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
