"""Comparisons an article writes as a list ("growth forecasts: US 3.3%, Japan 2.1%, eurozone 1.9%"),
or states for three or more subjects the facts stage names (the same measure, basis and period):
candidates for :mod:`reportkit.charts.auto`."""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..model import Document, Fact
from .candidate import Candidate, by_sentence, plain
from .coherent import key, measure_of, percent_kind, period_of, subject_of
from .residual import last
from .tabled import parts, table_of

MIN_COMPARE = 3  # a list of fewer items is not a comparison worth a chart
NOT_A_NAME = {"from", "to", "up", "down", "by", "rose", "fell", "increased", "decreased", "rise", "fall",
              "gained", "lost", "climbed", "dropped", "jumped", "slipped", "was", "were", "is", "are", "about",
              "around", "nearly", "almost", "than", "more", "less", "over", "under", "between", "a", "an",
              "the", "per", "cent", "percent", "year", "years", "month", "months", "while", "with", "at"}
_DETERMINERS = {"its", "the", "their", "a", "an", "his", "her", "our", "this", "these", "those", "and", "but"}
_NAME = lazy(r"^[A-Za-z][\w.'&-]*(?: [A-Za-z][\w.'&-]*){0,2}$")
_SEP = lazy(r"^\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+)(?P<name>.*?)\s*$", re.S)
_LIST_INTRO = lazy(r"(?P<measure>[^.:;]{3,80}):\s*(?P<name>[^:;,()]*?)\s*$", re.S)


def _name(text: str) -> str | None:
    """A list item's name (1-3 words, no verb or connective), else None."""
    text = text.strip().strip("(").strip()
    if not text or not _NAME.match(text):
        return None
    if any(w.lower() in NOT_A_NAME for w in text.split()):
        return None
    return text


def lists(doc: Document) -> list[Candidate]:
    """Comparisons (and parts of a whole) written as a list: 'measure: A x, B y and C z'."""
    body = doc.body_text()
    out: list[Candidate] = []
    for s0, facts in by_sentence(doc):
        facts = plain(facts)
        if len(facts) < MIN_COMPARE:
            continue
        intro = _LIST_INTRO.search(body[s0:facts[0].start])
        first = _name(intro.group("name")) if intro else None
        if not intro or not first:
            continue
        names, items = [first], [facts[0]]
        for a, b in zip(facts, facts[1:]):
            m = _SEP.match(body[a.end:b.start])
            name = _name(m.group("name")) if m else None
            if not name or b.unit != a.unit or percent_kind(b) != percent_kind(a):
                break
            names.append(name)
            items.append(b)
        if len(items) < MIN_COMPARE or len({n.lower() for n in names}) < len(names):
            continue
        words = intro.group("measure").split()[-6:]
        while words and words[0].lower() in _DETERMINERS:
            words = words[1:]
        measure = " ".join(words).strip(" ,")
        kept = last(list(zip(names, items)), lambda x: x[0])  # "Other" last (residual.py)
        names, items = [n for n, _f in kept], [f for _n, f in kept]
        kind = "comparison"
        if items[0].unit == "percent" and 99 <= sum(f.value for f in items) <= 101:
            kind = "parts"
        out.append(Candidate(kind, doc, items, names, measure))
    return out


def subjects(doc: Document) -> list[Candidate]:
    """One measure stated for several subjects (when the facts stage names subjects)."""
    groups: dict[tuple, list[Fact]] = {}
    for f in plain(parts(doc)):
        if subject_of(f) and getattr(f, "measure", None):
            # one basis too: 470 forints per kilometre and 1,100 per ride are no one measure's values
            groups.setdefault((f.unit, f.per, percent_kind(f), key(measure_of(f)), period_of(f), table_of(f)),
                              []).append(f)
    out = []
    for facts in groups.values():
        seen: dict[str, Fact] = {}
        for f in facts:
            seen.setdefault(key(subject_of(f)), f)
        if len(seen) >= MIN_COMPARE:
            items = last(list(seen.values()), subject_of)  # "Other" after the rows it is the rest of
            out.append(Candidate("comparison", doc, items, [subject_of(f) for f in items], measure_of(items[0])))
    return out
