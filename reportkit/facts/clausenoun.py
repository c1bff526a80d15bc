"""The noun phrase a clause's verb is said of: the phrase before the figure's verb ("*adjusted
operating profit* rose 11.6%"), or the phrase that starts the clause ("*Core inflation*, which
excludes ..., edged down to"). :mod:`.meaning` tries these last, after the patterns that name a
measure next to the figure.
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from .clauses import clause
from .label import AUX, ING_ADJECTIVES, ING_HEADS, IRREGULAR_PAST, VERBS
from .names import NOT_HEADS
from .nomeasure import CLAUSE_INTRO
from .phrase import np_after, np_before
from .qualifier import qualifier_after

# A time phrase between a measure and its verb ("sales over the five-day Thanksgiving weekend rose"):
# the measure is the noun phrase before it.
_TIME_PP = lazy(r"\s(?:over|during|in|for|on|at)\s+(?:the\s+|this\s+|last\s+|a\s+)?\Z", re.I)
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DETS = lazy(r"(?:(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+)+", re.I)
_FIRST = lazy(r"\s*([\w'’-]+)")
_WORDISH = lazy(r"[\w'’&.+-]+")
_ADVERBIAL = lazy(rf"\s+(?:on\s+{_WEEKDAYS}|this\s+week|last\s+week|on\s+Tuesday)\b")
# a place or line that says which of a generic measure is meant, right before the clause's verb
_WHICH_ONE = lazy(r"\s+(?:on|for|in)\s+the\s+(?:[\w'’-]+\s+){1,6}?(?:route|routes|lane|lanes|corridor|market)(?=\s+(?:was|were|is|are|rose|fell|climbed|dropped|stood|edged|slipped)\b)")
# a noun phrase set off by commas after the subject ("costs, the industry's main cost measure,"): it renames
_APPOSITIVE = lazy(r"(?<=[a-z)]),\s+(?:the|a|an|its|their)\s+[^,]{1,60}\Z")
# a preposition (and its multiplier and determiner, "three times the", "half the") right before a noun phrase: the phrase is its object
_PP_BEFORE = lazy(r"(?<![\w'’-])(in|with|above|below|over|under|for|from|on|at|near|across|among|within|of|to|than|"
                  r"between)\s+(?:(?:[\w.,-]+\s+times|half|twice|double|triple)\s+)?"
                  r"(?:(?:the|a|an|its|their|our|his|her|this|these|those|my|your)\s+)?\Z", re.I)
_SAID = lazy(r"\s+(?:said|says|say|reported|reports|announced)\s+(?:on\s+\w+\s+)?(?:that\s+(?=[a-z]+ing\b))?(?=[a-z])(?!that\b)")


def verb_np(before: str) -> list[str]:
    """The noun phrase before the last verb of ``before`` ("adjusted operating profit rose 11.6% to")."""
    base = max(0, len(before) - 200)
    toks = list(_WORDISH.finditer(before, base))
    for t in reversed(toks):
        w = t.group(0).lower()
        if w in VERBS or w in IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4 and w not in ("red", "seed")):
            if w in ("said", "says"):
                return []
            left = _ADVERBIAL.sub("", before[: t.start()]).rstrip(" ,")
            apposed = _APPOSITIVE.search(left) if before[: t.start()].rstrip().endswith(",") else None
            if apposed:  # "All-in sustaining costs, the industry's main cost measure, averaged": the costs
                left = left[: apposed.start()]
            words = np_before(left)
            if words and words[-1].lower() in NOT_HEADS:
                cut = left.rfind(words[0])
                pp = _TIME_PP.search(left, max(0, cut - 20), cut) if cut > 0 else None
                if pp:
                    return np_before(left[: pp.start()])
            return _with_its_head(left, words)
    return []


def _start(text: str, words: list[str]) -> int:
    """Where ``words``, read back from the end of ``text`` by :func:`np_before`, start in it."""
    return text.rfind(words[0], 0, len(text) - sum(len(w) for w in words[1:]))


def _with_its_head(left: str, words: list[str]) -> list[str]:
    """``words`` (the phrase right before the verb) when they are the verb's subject; when they are
    the object of a preposition ("the retail electricity price *in our region* rose"), the subject is
    the noun that phrase hangs on, with the phrase: "retail electricity price in our region" (it
    may say which one), or no measure when the whole is too long to be one ("the number of hours
    with prices above three times the daily median fell"). A lone "of" is the measure's own
    complement ("the number of passengers"): read as before."""
    if not words:
        return words
    start, hops = _start(left, words), 0
    while start > 0:
        pp = _PP_BEFORE.search(left, max(0, start - 60), start)
        if not pp or (not hops and pp.group(1).lower() == "of"):
            break
        head = np_before(left[: pp.start()])
        if not head:  # "In March inflation rose": a framing phrase, not a noun the phrase hangs on
            break
        start, hops = _start(left[: pp.start()], head), hops + 1
    return left[start:].split() if hops else words


def subject_np(sentence: str, cs: int, before: str, qualify: bool = True) -> list[str]:
    """The noun phrase that starts the clause ("*Core inflation*, which excludes ..., edged
    down to"); a clause that starts with its verb ("and were up 3.3%") takes the previous one's.
    ``qualify=False``: without a "for"/"on" phrase after its noun (:func:`.qualifier_after`)."""
    intro = CLAUSE_INTRO.match(before)
    pos = intro.end() if intro else 0
    det = _DETS.match(before, pos)
    if det:
        pos = det.end()
    words = np_after(before, pos, max_words=6)
    said = _SAID.match(before, before.find(words[-1], pos) + len(words[-1])) if words else None
    if said:  # "Haldor Trucks said revenue fell 8.4%": the company speaks; the measure follows
        rest = before[said.end():]
        det = _DETS.match(rest)  # "said its power bill ... rose"
        inner = np_after(rest, det.end() if det else 0, max_words=6)
        end = rest.find(inner[-1], det.end() if det else 0) + len(inner[-1]) if inner else 0
        qualifier = qualifier_after(rest, end) if inner else None
        if qualifier and (qualify or qualifier[0].lower() not in ("for", "on")):
            inner, end = [*inner, *qualifier], rest.find(qualifier[-1], end) + len(qualifier[-1])
        verb = _FIRST.match(rest, end) if inner else None
        return inner if verb and verb.group(1).lower() in VERBS | IRREGULAR_PAST else []
    which = _WHICH_ONE.match(before, before.find(words[0], pos) + len(words[0])) if len(words) == 1 else None
    if which:  # "Rates on the Asia to US West Coast route were": which rates, the phrase says
        return [*words, *which.group(0).split()]
    for i, w in enumerate(words[1:], 1):
        lw = w.lower()
        if lw.endswith("ing") and len(lw) > 5 and lw not in ING_HEADS | ING_ADJECTIVES:
            # "Patients taking Norvale's pill lost ...": the phrase after the participle is its
            # object, and the figure may be any group's; no measure rather than a guess
            return [] if i < len(words) - 1 else words
    first = _FIRST.match(before, pos)
    if not words and first and cs > 0:
        lw = first.group(1).lower()
        if lw in VERBS or lw in AUX or lw in IRREGULAR_PAST:
            pcs, _ = clause(sentence, cs - 1)
            return subject_np(sentence, pcs, sentence[pcs : cs - 1], qualify)
    qualifier = qualifier_after(before, before.find(words[-1], pos) + len(words[-1])) if words else None
    if qualifier and not qualify and qualifier[0].lower() in ("for", "on"):
        return words
    return [*words, *qualifier] if qualifier else words  # "Applications from within Estravia rose"

