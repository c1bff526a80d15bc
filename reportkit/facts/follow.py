"""A period carried to the next sentence: "For the full year, Tulivu shipped 861 million stems ...
Its operating margin fell to 11.8% from 14.1%." -- 11.8% is the full year's, though its sentence
names no time.

Carried only when it is certain: the sentence right before, in the same paragraph, says an
accounting period in words ("for the full year", "for the quarter", "in the first half") and all its
dated figures are that period's (or earlier ones it is compared with); the figure's own sentence
names no time up to the figure after it, reports a level or a change in the past ("fell", "was",
"reached"), is no forecast and no quotation, and the figure is not the value another is compared
against ("from 14.1%"). Anything else keeps no period (print less: the story stage then leaves
such a figure to its sentence).
"""

from __future__ import annotations

import bisect
import re

from ..lazyre import lazy
from ..model import Fact
from .clauses import clause
from .period import _AHEAD, _FUTURE, _OWN_TIME, _REACH, _before_is_plain

# the accounting period the sentence before says in words: "For the full year", "for the quarter",
# "in the first half" (not a span to a month, "the quarter to December", which spans.py reads)
_STATED = lazy(r"\b(?:for|in|over|during)\s+the\s+(?:(?P<y>full|whole)\s+year|(?:(?:first|second|third|fourth)[- ])?"
               r"(?P<k>quarter|half))\b(?!\s+(?:to|ended|ending|through|of)\b)", re.I)
# a past level or change: "fell", "was", "reached", "earned" (a present "has", "employs" is now's)
_PAST = lazy(r"\b(?:was|were|rose|fell|grew|climbed|dropped|declined|increased|decreased|jumped|slipped|edged|eased|"
             r"shrank|totalled|totaled|reached|stood|came|gained|narrowed|widened|doubled|halved|earned|made|posted|"
             r"generated|sold|shipped|processed|produced|exported|harvested)\b")
_KEY = lazy(r"(?P<y>(?:19|20)\d\d)(?:-(?P<k>[QH])[1-4])?\Z")
_QUOTES = frozenset("\"“”")
_DURATIONS = frozenset("years months weeks days hours minutes".split())


def _told(facts: list[Fact], sentence: str) -> str | None:
    """The period the sentence before gives its figures, when it says that period in words and no
    figure of it is another's (a later one, or a different part of the year)."""
    stated = _STATED.search(sentence)
    if stated is None or _FUTURE.search(sentence) or _AHEAD.search(sentence):
        return None
    dated = [f.period for f in facts if f.period]
    # the sentence's first figure is the period's own; a later one may be what it is compared with
    key = _KEY.match(dated[0]) if dated and facts[0].period else None
    if key is None or (stated.group("y") and key.group("k")) or (stated.group("k") and
                                                                 (key.group("k") or "") != stated.group("k")[0].upper()):
        return None
    for p in dated[1:]:  # "against 43.9 billion in 2025": an earlier one compared with is fine; another is not
        other = _KEY.match(p)
        if p != dated[0] and (other is None or int(other.group("y")) >= int(key.group("y"))):
            return None
    return dated[0]


def carry_periods(facts: list[Fact], text: str, starts: list[int], cells: set[int]) -> None:
    """Give the figures of a sentence the period of the sentence right before it, when certain (see
    the module's note). ``starts`` are the sentences' offsets in ``text``; ``cells`` the offsets of
    table cells (dated by their table, never by prose)."""
    by_sentence: dict[int, list[Fact]] = {}
    for f in facts:
        by_sentence.setdefault(bisect.bisect_right(starts, f.start) - 1, []).append(f)
    for k, group in by_sentence.items():
        before = by_sentence.get(k - 1)
        if not before or k < 1 or "\n" in text[starts[k - 1]:starts[k]].rstrip(" ") \
                or any(f.start in cells for f in before + group):
            continue
        sentence = group[0].sentence
        if any(c in _QUOTES for c in sentence):
            continue
        told = _told(before, before[0].sentence)
        if told is None:
            continue
        offset = group[0].start - sentence.find(group[0].text) if group[0].text in sentence else None
        if offset is None:
            continue
        spans = [(g.start - offset, g.end - offset) for g in group]
        for f, (qs, qe) in zip(group, spans):
            if f.period or f.year or f.unit in _DURATIONS or not 0 <= qs < len(sentence):
                continue
            others = [s for s in spans if s != (qs, qe)]
            cs = clause(sentence, qs)[0]
            stop = min([s for s, _e in others if s >= qe] + [len(sentence), qe + _REACH])
            if _OWN_TIME.search(sentence, 0, stop) or _FUTURE.search(sentence, 0, qs) or _AHEAD.search(sentence, 0, qs) \
                    or not _PAST.search(sentence, cs, qs) or not _before_is_plain(sentence, cs, qs, others) \
                    or (f.measure or "").split()[-1:] in (["shares"], ["stock"]):
                continue
            f.period = told
