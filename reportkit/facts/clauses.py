"""Clauses of a sentence: where a figure's clause starts and ends, for what it measures and whose it is.

A clause ends at punctuation (";", ":"), a paragraph break, a dash, a conjunction before a new
clause (", while", ", and", "but"), "and" before a verb ("and were up 3.3%"), "and" + a noun
phrase + its verb after a figure (:func:`.label.and_clauses`) and a participle clause (", sending
its shares up"); never inside brackets.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lazyre import lazy
from ..model import Fact
from .label import AUX, EXCLUDING, IRREGULAR_PAST, VERBS, and_clauses

_AND_CLAUSE = "|".join(sorted(VERBS | IRREGULAR_PAST | AUX))
# Clause breaks: punctuation, a paragraph break (a headline above a dateline), the dash after
# a dateline, a conjunction before a new clause, and participle clauses (", sending its shares up").
_BREAK = lazy(
    r"[;:]|\n|\s[-—–]\s|,\s+(?:while|whereas|but|and|with)\s|\s(?:while|whereas|but)\s"
    rf"|\sand\s(?=(?:[\w'’-]+\s+)?(?:{_AND_CLAUSE})\b(?!,)|(?:the|its|their)\s+(?:[\w'’-]+\s+){{1,3}}(?:{_AND_CLAUSE})\b)"
    r"|,\s(?=(?:sending|giving|bringing|taking|making|leaving|pushing|lifting|valuing|beating)\b)"
)


@lru_cache(maxsize=256)  # every fact of a sentence asks for its clauses several times
def _breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    # not inside brackets: "almost 6bn euros ($8bn; £6bn) this year" is one clause
    spans = sorted({m.span() for m in _BREAK.finditer(sentence)} | set(and_clauses(sentence)))
    # "goods excluding energy and food rose": the "and" joins what is left out, no new clause
    return tuple((a, b) for a, b in spans if sentence.count("(", 0, a) <= sentence.count(")", 0, a)
                 and not (sentence[a:b].strip() == "and" and EXCLUDING.search(sentence, max(0, a - 60), a)))


def clause(sentence: str, pos: int) -> tuple[int, int]:
    """The clause of ``sentence`` holding offset ``pos``: (start, end)."""
    start, end = 0, len(sentence)
    for a, b in _breaks(sentence):
        if b <= pos:
            start = b
        elif a >= pos:
            end = a
            break
    return start, end


def figure_at(f: Fact) -> int:
    """Where ``f``'s text stands in its sentence, as a whole number: "4" in "$4.18 billion ... a vote
    of 11 to 4" is the last one, not the digit inside "$4.18" (``str.find`` would take that); -1 when
    it is not there."""
    at = f.sentence.find(f.text)
    if at < 0 or not (f.text[:1].isdigit() or f.text[-1:].isdigit()):
        return at
    m = re.search(r"(?<![\w.,$€£¥])" + re.escape(f.text) + r"(?![.,]?\d)", f.sentence)
    return m.start() if m else at
