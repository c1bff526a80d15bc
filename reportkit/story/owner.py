"""Whose a story's figure is, when its label does not say.

A steelmaker's story may tell a customer's news: "One of those customers, the carmaker Auren
Motors, also lowered its outlook. It now ... sees its operating margin for 2026 at 4% to 5%,
against a previous target of 6% to 7%." Under the steelmaker's headline, "6%–7% Previous
target" reads as the steelmaker's own. A figure with no owner in its label, in a sentence that
opens with "It"/"Its"/"They"/"Their" after a sentence whose subject names someone the headline
does not name, is no card of the story: print less. So is a figure of "Its"/"Their" + a measure the
article said before of something else ("Their median price" of condominiums after the single-family
median price), or of "their" + a measure after a clause naming whose ("rail shuttles ...; their
volumes fell"), or any figure of a clause opening on "its" or "their" after a colon or a semicolon
("Alcohol-free beer was the exception: its volumes rose 34% ... to 196,000 hectolitres": a part of
the group, not the group). (A name before a sentence's own verb is not
read so: it is as often a place, a market or an index.)
"""

from __future__ import annotations

import re

from ..facts import AUX, IRREGULAR_PAST, VERBS, figure_at
from ..lazyre import lazy
from ..model import Document, Fact
from ..sentences import spans as sentence_spans

_PRONOUN = lazy(r"\s*[\"“]?(?:It|Its|They|Their)\b")
_POSSESSIVE = lazy(r"\s*[\"“]?(?:Its|Their)\s+")
_ITS_CLAUSE = lazy(r"\s*(?:and\s+)?(?:its|their)\s+[a-z]")
_WORD = lazy(r"[A-Za-z][\w&'’.-]*")
# a speaker is no owner: "Lindfors said inflation averaged 3.0%" is Ostmark's inflation
_SPEECH = frozenset("said says told added noted estimated reckons thinks expects".split())
_LOWER = lazy(r"\b[a-z][\w&'’-]*")
_DATELINE = lazy(r"[A-Z]{2}[^\n]{0,80}?\s[-—–]\s")  # "WASHINGTON, Sept 18 (Reuters) - ": where, not whom
# "The survey of 1,003 voters by pollster Fjellstad Analyse": a name after a preposition is not
# whom the sentence is about (an appositive after a comma may be: "One of those customers, the carmaker ...")
_ATTACHED = lazy(r"\b(?:by|from|in|at|on|for|with|to)\s+[^,.;]*")


def _subject_words(sentence: str) -> list[str]:
    """The words of ``sentence`` before its first verb; none when that verb is one of speech."""
    out: list[str] = []
    for m in _WORD.finditer(sentence):
        w = m.group(0).rstrip(".,")
        lw = w.lower()
        if out and (lw in VERBS or lw in AUX or lw in IRREGULAR_PAST or (lw.endswith("ed") and len(lw) > 4)):
            return [] if lw in _SPEECH else out
        out.append(w)
    return []


def _names(words: list[str], lower: set[str]) -> list[str]:
    """The words that are names: capitalised and never written in lower case in the article."""
    return [w for w in words[1:] if w[:1].isupper() and w.lower().removesuffix("'s").removesuffix("’s") not in lower]


def other_owner(f: Fact, doc: Document) -> bool:
    """Whether ``f`` (no owner in its label) is another organisation's than the headline's (see the module)."""
    if f.subject:
        return False
    body = doc.body_text()
    at = figure_at(f)
    start = f.start - at if at >= 0 else -1
    if start < 0 or body[start : start + len(f.sentence)] != f.sentence:
        return False
    m = _POSSESSIVE.match(f.sentence)
    if m and f.measure and f.sentence[m.end():].lower().startswith(f.measure.lower()) and \
            f.measure.lower() in body[:start].lower():
        # "Their median price rose 0.4%" after the single-family median price: whose, only the
        # sentence before says, and the label would read as the earlier one's
        return True
    if f.measure and at > 0 and re.search(r"[;:,]\s+(?:and\s+)?their\s+" + re.escape(f.measure) + r"\b",
                                          f.sentence[:at], re.I):
        # "The port's rail shuttles carried ...; their volumes fell 5.6%": whose volumes, only the
        # clause before says, and "Volumes" under the port's headline reads as the port's
        return True
    clauses = re.split(r"[;:]", f.sentence[:max(0, at)])
    if len(clauses) > 1 and _ITS_CLAUSE.match(clauses[-1]):
        # "Alcohol-free beer ... was the exception: its volumes rose 34% in the quarter to 196,000
        # hectolitres": every figure of a clause opening on "its" after a colon is what the clause
        # before names, a part of the group, and "Volumes" under the group's headline reads as the group's
        return True
    if not _PRONOUN.match(f.sentence):
        # only "It"/"They" says whose for sure: a name before a sentence's own verb is as often a
        # place, a market or an index ("Palm oil futures on Bursa Malaysia rose 1.2%")
        return False
    head = body[max(0, start - 600) : start]
    if "\n" in head.rstrip():  # the sentence it points back to may end the paragraph before
        head = head[head.rstrip().rfind("\n") + 1 :]
    before = sentence_spans(head)
    if not before or before[-1][0] == before[-1][1]:
        return False
    sentence = head[before[-1][0] : before[-1][1]]
    dateline = _DATELINE.match(sentence)
    sentence = sentence[dateline.end():] if dateline else sentence
    lower = set(_LOWER.findall(body)) | set(_LOWER.findall(doc.title))
    owner = _names(_subject_words(_ATTACHED.sub(" ", sentence)), lower)
    if not owner:
        return False
    title = {w.rstrip(".,").removesuffix("'s").removesuffix("’s") for w in _WORD.findall(doc.title)}
    # "Fed" in the headline is the "Federal Reserve" of the text
    return not any(w.removesuffix("'s").removesuffix("’s") in title or
                   any(len(t) >= 3 and t[:1].isupper() and w.startswith(t) for t in title) for w in owner)
