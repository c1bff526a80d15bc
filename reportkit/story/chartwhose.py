"""Whose a table's chart shows, and a chart title that is a column header alone.

A table's name often leaves whose it is to its document: "Premium cigar exports by market, first
quarter 2027" sits in a release whose lead says "The Dominican Republic exported 41.6 million
premium hand-rolled cigars ..."; "Dried herb exports by market" in "Albania's herb exports: ...".
Lifted out of its document into a chart, the name no longer says whose exports the bars are. So
a table's chart title takes whose from the document's own words (:func:`table_whose`):

- the document's title, when its words before the colon end on the table name's head noun and say
  more ("Armenian brandy exports" for "Exports by market"), or say whose with a possessive
  ("Albania's herb exports" for "Dried herb exports": "Albania's dried herb exports");
- else the subject of the document's lead sentence, when that sentence does what the head noun
  names ("exported" for "exports") to what its other words name ("premium hand-rolled cigars"
  for "Premium cigar exports"): "Dominican Republic premium cigar exports by market ...".

The charts stage titles its tables' charts so (:mod:`reportkit.charts.titled`); the card gate and
``verify`` accept those words in a title (:mod:`.wording`), and ``verify --sources`` flags a title
of an older build that leaves out whose the document names (:func:`whose_missing_why`) or that is
a table's column header alone (:func:`header_title_why`: "Change in tonnes on year" says not
what, whose or when).
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..model import Document
from .baretitle import caption_head_of, title_lead

_WORD = lazy(r"[A-Za-z][A-Za-z'’-]*")
_ENDING = lazy(r"(?:ed|ing|s)$")
_POSSESSIVE = lazy(r"['’]s$")
_ARTICLE = lazy(r"^(?:the|a|an)\s+", re.I)
# a header's unit in brackets: "Change in tonnes on year (%)", "Value (US$ million)"
_UNIT = lazy(r"\s*\([^()]*\)\s*$")
# a header that names a change of something ("Change in tonnes on year", "Growth in value")
_CHANGE = lazy(r"(?:change|growth|rise|fall|increase|decrease)\b")
_LABEL = lazy(r"^(?:Table|Tab\.)\s*\d+[A-Za-z]?\s*[:.–—-]\s+", re.I)


def _stem(word: str) -> str:
    return _ENDING.sub("", word.lower().replace("’", "'"))


def _as_written(doc: Document, word: str) -> str:
    """``word`` (a table name's first word, capital as a name's start) in lower case when its
    document writes it so ("premium", "dried"); a name keeps its capital ("Armenian")."""
    low = word.lower()
    if low == word or re.search(rf"(?<![\w'’-]){re.escape(low)}(?![\w'’-])", doc.body_text()) is None:
        return word
    return low


def _lead_subject(doc: Document, head: list[str]) -> tuple[str, list[str]] | None:
    """The subject of the lead's figure whose measure does what ``head``'s last word names to what
    its other words name ("premium hand-rolled cigars exported" for "Premium cigar exports"), with
    that measure's words."""
    verb = _stem(head[-1])
    things = [w.lower().rstrip("s") for w in head[:-1]]
    # "Exports by market" in a company's report: the lead's "Drino Herbs exported ..." is whose only
    # when its subject is what the document's title is about ("Drino Herbs - First-Quarter Report")
    about = None if things else " ".join(_WORD.findall(title_lead(doc.title).lower()))
    end = doc.lead_end()
    for f in doc.facts:
        if f.start >= end:
            break
        words = _WORD.findall(f.measure or "")
        subject = _ARTICLE.sub("", (f.subject or "").strip())
        if not words or not subject[:1].isupper() or _stem(words[-1]) != verb:
            continue
        if about is not None and " ".join(_WORD.findall(subject.lower())) != about:
            continue
        if all(any(w.lower().startswith(t) for w in words[:-1]) for t in things):
            return subject, words
    return None


def table_whose(doc: Document, name: str) -> tuple[str, str] | None:
    """Whose the table named ``name`` ("Premium cigar exports by market, first quarter 2027") is,
    as ``(head, whose head)``: the name's head noun as written and the document's words that say
    whose it is ("Premium cigar exports", "Dominican Republic premium cigar exports"); None when
    the document does not say, or the name says it already (see the module docstring)."""
    head = caption_head_of(_LABEL.sub("", name, count=1))
    words = _WORD.findall(head)
    if not words:
        return None
    lead = title_lead(doc.title)
    lead_words = _WORD.findall(lead)
    low = [w.lower() for w in words]
    if len(lead_words) > len(words) and [w.lower() for w in lead_words[-len(words):]] == low:
        return head, lead  # "Armenian brandy exports" for "Exports by market"
    if len(lead_words) >= 2 and _POSSESSIVE.search(lead_words[0]) and lead_words[-1].lower() == low[-1] \
            and {w.lower() for w in lead_words[1:]} <= set(low):
        # "Albania's herb exports" for "Dried herb exports" ("Albania's dried herb exports")
        return head, f"{lead_words[0]} {_as_written(doc, words[0])}{head[len(words[0]):]}"
    found = _lead_subject(doc, words)
    if found is None or set(_WORD.findall(found[0].lower())) <= set(low):
        return None
    return head, f"{found[0]} {_as_written(doc, words[0])}{head[len(words[0]):]}"


def with_whose(doc: Document, title: str) -> str:
    """``title`` (a table's name) with its head noun written with whose it is, as the document says
    it (:func:`table_whose`); ``title`` itself when the document does not say."""
    found = table_whose(doc, title)
    if found is None or not title.startswith(found[0]):
        return title
    whose = found[1]
    return whose[:1].upper() + whose[1:] + title[len(found[0]):]


def whose_missing_why(title: str, doc: Document, name: str) -> str | None:
    """Why a chart title made from the table named ``name`` leaves out whose it is: the document
    says whose (:func:`table_whose`) and the title does not; None otherwise."""
    found = table_whose(doc, name)
    if found is None:
        return None
    said = {w.lower() for w in _WORD.findall(title)}
    extra = {w.lower() for w in _WORD.findall(found[1])} - {w.lower() for w in _WORD.findall(found[0])}
    if not extra or extra <= said:
        return None
    return f"says not whose: its document names {found[1]!r}"


def header_title_why(title: str, headers: set[str]) -> str | None:
    """Why a chart title is a source table's column header of a change alone ("Change in tonnes on
    year" of "Change in tonnes on year (%)"): a change of what, whose, when, it does not say (a
    header that names its thing, "Exports", says what). ``headers`` are the sources' column
    headers, each as :func:`header_key` makes it; None for any other title."""
    k = header_key(title)
    if k and k in headers and _CHANGE.match(k):
        return "a column header alone says not what, whose or when: a chart title names them"
    return None


def header_key(header: str) -> str:
    """A column header's comparison key: its words in lower case, its bracketed unit left off."""
    return " ".join(w.lower() for w in _WORD.findall(_UNIT.sub("", header.strip().rstrip("."))))
