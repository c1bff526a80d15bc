"""Bullets condensed from a section's paragraphs, and the full text for the notes.

A slide shows at most a sentence per bullet; the sentences that carry facts come
first (a fact's ``start``/``end`` are offsets into ``doc.body_text()``, so we
know exactly which sentence holds each number), then each remaining paragraph's
topic sentence. Everything else goes in the speaker notes, verbatim.
"""

from __future__ import annotations

import bisect

import re
from dataclasses import dataclass

from ...model import Document, Section
from ...sentences import spans as sentence_spans
from .text import one_line

MAX_BULLET_CHARS = 220  # a bullet longer than this is cut at a clause boundary
_CLAUSE = re.compile(r"(?:;\s|\s[—–]\s|,\s(?:which|while|with|as|including|although|though|but)\s)")


@dataclass
class Bullet:
    """One bullet: its text, whether it carries a fact, and where it was in reading order."""

    text: str
    has_fact: bool
    order: int


def shorten(sentence: str, limit: int = MAX_BULLET_CHARS) -> str:
    """A sentence of at most ``limit`` characters: cut at the last clause boundary
    before the limit (else the last space), ending with an ellipsis."""
    sentence = sentence.strip()
    if len(sentence) <= limit:
        return sentence
    cuts = [m.start() for m in _CLAUSE.finditer(sentence) if 40 <= m.start() <= limit - 1]
    cut = cuts[-1] if cuts else sentence.rfind(" ", 0, limit - 1)
    if cut <= 0:
        cut = limit - 1
    return sentence[:cut].rstrip(" ,;:—–") + "…"


_INDEX: dict[int, tuple[Document, dict[int, int], list[int]]] = {}


def _doc_index(doc: Document) -> tuple[dict[int, int], list[int]]:
    """Block offsets and sorted fact starts of ``doc``, computed once per document
    (a deck asks for every section's bullets; recomputing made big sources O(n²))."""
    cached = _INDEX.get(id(doc))
    if cached is None or cached[0] is not doc:
        _INDEX.clear()  # one deck at a time: keep the cache from growing across builds
        cached = (doc, doc.block_offsets(), sorted(f.start for f in doc.facts))
        _INDEX[id(doc)] = cached
    return cached[1], cached[2]


def section_bullets(doc: Document, section: Section) -> list[str]:
    """The section's bullets: fact-bearing sentences first, then one topic sentence
    per remaining paragraph, then list items; each a sentence or less."""
    offsets, fact_starts = _doc_index(doc)
    out: list[Bullet] = []
    order = 0
    for block in section.blocks:
        if block.kind == "quote":
            continue  # quotes get their own slide
        if block.kind == "list":
            for item in block.items:
                if one_line(item):
                    out.append(Bullet(shorten(one_line(item)), False, order))
                    order += 1
            continue
        base = offsets.get(id(block), -1)
        spans = sentence_spans(block.text)
        picked: list[Bullet] = []
        for a, b in spans:
            # is a fact's start inside this sentence? (bisect: sources can hold thousands of facts)
            k = bisect.bisect_left(fact_starts, base + a)
            has = base >= 0 and k < len(fact_starts) and fact_starts[k] < base + b
            if has:
                picked.append(Bullet(shorten(one_line(block.text[a:b])), True, order))
                order += 1
        if not picked and spans:
            a, b = spans[0]
            picked.append(Bullet(shorten(one_line(block.text[a:b])), False, order))
            order += 1
        out.extend(picked)
    seen: set[str] = set()
    ranked = sorted(out, key=lambda x: (not x.has_fact, x.order))
    result = []
    for bl in ranked:
        if bl.text and bl.text.casefold() not in seen:
            seen.add(bl.text.casefold())
            result.append(bl.text)
    return result


def section_notes(section: Section) -> str:
    """The section's full text for the speaker notes."""
    parts: list[str] = []
    if section.heading:
        parts.append(one_line(section.heading))
    for b in section.blocks:
        if b.kind == "quote":
            who = f" — {one_line(b.speaker)}" if b.speaker else ""
            parts.append(f"“{one_line(b.text)}”{who}")
        elif b.kind == "list":
            parts.append("\n".join(f"• {one_line(i)}" for i in b.items if one_line(i)))
        elif one_line(b.text):
            parts.append(one_line(b.text))
    return "\n\n".join(p for p in parts if p)
