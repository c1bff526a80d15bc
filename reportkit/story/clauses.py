"""``reportkit verify --sources``, meaning: where a figure stands in its sentence. The clause that
holds it (appositives and relative clauses are said of the noun before them and are blanked out of
the clause around them), the numbers beside it, and a sentence's words read once: what the rules of
:mod:`.meaning` read.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lazyre import lazy
from .stems import words as _plain_words


@lru_cache(maxsize=4096)  # a sentence is read for every figure and candidate fact it holds
def cached_words(text: str) -> frozenset[str]:
    """The stemmed words of ``text`` (:func:`.printed.words`), kept for the next figure of its sentence."""
    return frozenset(_plain_words(text))


# clause breaks: punctuation, a conjunction or subordinator after a comma, "and" before a verb,
# a participle clause, a relative clause or an appositive (their own spans, see INSERT)
_BREAK = lazy(r"[;:]|\s[—–]\s|\s-\s|,\s+(?=(?:and|but|while|whereas|after|before|when|as|since|because|"
                    r"although|though|according|sending|giving|bringing|taking|making|leaving|pushing|lifting|"
                    r"valuing|beating|meeting|missing|which|who|whose|compared|against)\b)"
                    r"|\s(?:and|but)\s+(?=(?:said|says|added|warned|noted|expects?|expected|sees|saw|forecasts?|"
                    r"predicted|estimated|[a-z]+ed)\b)", re.I)
# a relative clause or an appositive: said of the noun before it
INSERT = lazy(r",\s+(?:(?:which|who|whose)\b[^,;]*|(?:the|a|an)\s+[^,;\d]{1,60}?)(?=,|;|\.?$)")
RELATIVE_VERB = lazy(r",\s+(?:which|who|that)\s+([a-z]+)", re.I)
# a relative clause whose verb says what the noun is or has: the figure is the noun's
# ("reservoirs, which were at 61.3%")
COPULA = frozenset("is are was were stood stands has have had remains remained".split())
NUMBER = lazy(r"\d+(?:,\d{3})*(?:\.\d+)?")  # not a comma after it ("24,197, according")


def clause_of(sentence: str, a: int) -> tuple[int, str]:
    """(start, text) of the clause of ``sentence`` holding offset ``a``: an appositive or a relative
    clause that holds it, else the clause around it with such inserts blanked out (they are said of
    another noun)."""
    blank = sentence
    for m in INSERT.finditer(sentence):
        if m.start() <= a < m.end():
            return m.start(), m.group(0)
        blank = blank[:m.start()] + " " * (m.end() - m.start()) + blank[m.end():]
    cuts = [m.start() for m in _BREAK.finditer(blank)]
    start = max((c for c in cuts if c <= a), default=0)
    end = min((c for c in cuts if c > a), default=len(blank))
    return start, blank[start:end]


def another_figure_between(clause: str, own: tuple[int, int], at: int) -> bool:
    """Whether a number other than the figure's own (``own``) stands between it and offset ``at``:
    a word there is said of that one ("rose 3.4%, above the 3.2% economists had forecast")."""
    lo, hi = (own[1], at) if at >= own[1] else (at, own[0])
    return any(lo <= m.start() < hi for m in NUMBER.finditer(clause) if not own[0] <= m.start() < own[1])
