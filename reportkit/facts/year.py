"""The year a sentence ties to each fact ("in 2023", "by 2030", "a 2030 target of 1,200 GW").

A sentence's time *anchors* are years ("2023", "fiscal 2025", "March 3, 2024") and
relative phrases ("last year", "a year earlier", "today"; they resolve to ``None``).
Anchors that only compare or date something else are ignored: "the highest since
2015", "less than in 2023", "from a year earlier", "from 2005 levels". Each fact then
takes, in this order:

1. forward: the first anchor after it in the same clause, possibly through a chain of
   figures ("rose 4.9% to 1.24 billion tons in 2024" → both 2024), but not from the
   start of a move to its end ("from 77 mtpa to 142 mtpa by 2030": 77 has no year);
2. backward: the nearest earlier anchor that no other figure claimed by rule 1
   ("In 2022, $2.8 million ..."); an attributive year ("a 2030 target of", "2023's
   output of") only reaches the figure right after it;
3. apposition: the year of the figure just before it when only a comma phrase
   separates them ("1.5% in 2024, below the forecast of 2.5% to 3%").

Everything is bounded by the sentence and by fixed windows, so it stays linear.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..lazyre import lazy
from . import patterns as P
from .label import AUX, VERBS

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?")
_DATE_BEFORE = lazy(rf"{_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?\Z")
_NEUTRAL_YEAR = lazy(
    r"\b(?:since|than(?:\s+in)?|from|versus|vs\.?)\s+(?:(?:early|late|mid|the\s+(?:end|start|beginning)\s+of"
    r"|the\s+same\s+(?:period|quarter|month|week|time|half|stage)\s+(?:of|in|last)(?=\s)"
    r"|the\s+(?:first|second|third|fourth)\s+(?:quarter|half)\s+of)[\s-]+)?\Z",
    re.I,
)
# "up 9% on January 2026", "2.1% over 2025", "5% against 2024": the year a change is measured
# against (the base), not the changed figure's own year
_CHANGE_BASE = lazy(r"(?:%|\bper\s?cent|\bpercent|\bpoints?)\s+(?:on|over|against)\s+\Z", re.I)
_ATTR_BEFORE = lazy(r"\b(?:a|an|the|its|their|his|her|our|this|that)\s+(?:fiscal\s+)?\Z", re.I)
_ATTR_AFTER = lazy(r"(?:'s|’s)\b|\s+[a-z][a-z-]+")
# "SINGAPORE, Dec 3, 2026 (RK Wire) - The cost ...": a dateline's date says when the article was
# written, not which year its first sentence's figures are for (the build strips datelines; raw
# text, as the facts command's callers and bench/facts_eval.py give it, keeps them)
_DATELINE_AFTER = lazy(r"(?:\s*\([A-Z][^()\n]{0,30}\))?\s*[-—–]{1,2}\s")
_NOT_A_YEAR = lazy(r"\s*(?:GMT|ET|EDT|EST|BST|CET|CEST|UTC|JST|local\s+time|hours|hrs)\b")
_REL = lazy(
    r"\b(?:(?:last|this|next|past|previous|prior|current)\s+(?:year|quarter|month|week|season)|"
    r"(?:a|one)\s+(?:year|quarter|month|season)\s+(?:earlier|ago|before)|the\s+(?:previous|prior)\s+(?:year|quarter)|"
    r"today|so\s+far\s+this\s+year|year[- ]to[- ]date)\b",
    re.I,
)
_NEUTRAL_REL = lazy(
    r"\b(?:from|than|on|over|versus|vs\.?|with|against)\s+(?:the\s+same\s+\w+\s+|the\s+)?(?:in\s+)?\Z", re.I
)
_CHAIN = lazy(
    r"\s*(?:\(|\)\s*\(?|,\s*or|to(?:\s+(?:a\s+record(?:\s+high)?|about|around|nearly|roughly|some|an\s+estimated))?"
    r"|[-–])?\s*"
)
_FROM_BEFORE = lazy(r"\bfrom\s+(?:(?:a\s+record|about|around|nearly|roughly)\s+)?\Z")
# Clause breaks: "and" only before a verb ("and announced", "and to extend"), not in "wind and solar".
_AND_VERB = rf"\band\s+(?:to\s|\w+ed\b|(?:{'|'.join(sorted(VERBS))})\b)"
_CLAUSE = lazy(rf"[;:]|\b(?:while|but|which|who|whereas|although|though)\b|,\s+and\b|{_AND_VERB}")
_CLAUSE_AND = lazy(rf"[;:]|\b(?:but|which|who|although|though)\b|,\s+and\b|{_AND_VERB}")
_COMMA_PREP = lazy(r"[^,]*,\s*(?:in|for|by|during|through|until|as\s+of|at\s+the\s+end\s+of)\b[^,]*")
_YEAR_SPAN = lazy(r"(?:\s?[-–—/]\s?(?:19|20)?\d\d|\s(?:to|and|through)\s(?:19|20)\d\d)(?!\d|[.,]\d)")
_SAME_CLAUSE = lazy(r"(?:(?![,;:()]|\b(?:and|or|while|but|which|who|whereas|although|though|than|versus|"
                          r"compared|from|since|against|after|before|when)\b).){1,50}", re.S)
# An apposition has no verb of its own (", up 28%", ", below the forecast of"); "while" joins parallel figures.
_FINITE = lazy(rf"\b(?:{'|'.join(sorted(AUX | {'said', 'says'}))})\b")
_PARALLEL = lazy(r"\s*,\s*(?:while|whereas)\b")
# a change told right after a move's two ends: ", a drop of 10.3%", ", up 25%", ", or 4%"
_CHANGE_AFTER = lazy(r"\s*,\s*(?:or|up|down|(?:an?\s+)?(?:drop|fall|rise|increase|decline|decrease|gain|jump|cut|"
                     r"reduction|change)\s+of)\s+(?:(?:about|almost|nearly|around|roughly|some)\s+)?")
# the figure before sits in a relative clause the comma after it closes: "The US, which bought two-fifths of
# the fillets in 2025, cut its orders by 8%": the main clause's figure is not the clause's year
_RELATIVE_OPEN = lazy(r",\s+(?:which|who|whose)\b[^,;()]*\Z")
# a part of a fiscal year ("the first half of fiscal 2027"): its number is no calendar year
_FISCAL_BEFORE = lazy(r"\b(?:half|quarter)\s+of\s+(?:(?:the|its|their)\s+)?(?:fiscal(?:\s+year)?\s+|FY\s?)\Z", re.I)
_WINDOW = 300
# a relative clause set off by commas ("Palmwine Pay, which signed up its first customer only in 2021,
# had 18.2 million active users at the end of March"): a year in it dates what it says of its noun,
# never a figure of the main clause after it
_RELATIVE_CLAUSE = lazy(r",\s+(?:which|who|whose)\b[^,;()]{1,160},")


@dataclass
class _Anchor:
    start: int
    end: int
    year: int | None
    kind: str  # "abs", "rel" or "attr"


def _anchors(text: str, ss: int, se: int, spans: list[tuple[int, int]]) -> list[_Anchor]:
    starts = [a for a, _ in spans]

    def inside(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and spans[i][0] <= pos < spans[i][1]

    out: list[_Anchor] = []
    skip_to = -1
    for m in P.YEAR.finditer(text, ss, se):
        ys, ye = m.span("y")
        if ys < skip_to or inside(ys) or _NOT_A_YEAR.match(text, ye):
            continue
        span = _YEAR_SPAN.match(text, ye)
        if span and (" and " not in span.group(0) or text[max(ss, m.start() - 8) : m.start()].endswith("between ")):
            # "between 2024 and 2028", "2024-25": a period, not one year
            skip_to = span.end()
            out.append(_Anchor(m.start(), span.end(), None, "rel"))
            continue
        start = m.start()
        date = _DATE_BEFORE.search(text, max(ss, start - 20), start)
        if date:
            if _DATELINE_AFTER.match(text, ye):
                continue
            start = date.start()
        before = text[max(ss, start - 40) : start]
        if _NEUTRAL_YEAR.search(before) or _CHANGE_BASE.search(before):
            continue
        attr = bool(_ATTR_BEFORE.search(before) and _ATTR_AFTER.match(text, ye)) or text[ye : ye + 2] in ("'s", "’s")
        out.append(_Anchor(start, ye, int(m.group("y")), "attr" if attr else "abs"))
    for m in _REL.finditer(text, ss, se):
        if inside(m.start()) or _NEUTRAL_REL.search(text, max(ss, m.start() - 40), m.start()):
            continue
        out.append(_Anchor(m.start(), m.end(), None, "rel"))
    out.sort(key=lambda a: a.start)
    return out


def _gap_ok(gap: str) -> bool:
    """Whether an anchor this far after a figure is still in its clause."""
    if len(gap) > 60 or _CLAUSE.search(gap):
        return False
    return ", " not in gap or bool(_COMMA_PREP.fullmatch(gap))


class _Sentence:
    """Facts (sorted spans) and anchors of one sentence."""

    def __init__(self, text: str, spans: list[tuple[int, int]], ss: int, se: int) -> None:
        self.text, self.spans = text, spans
        self.anchors = _anchors(text, ss, se, spans)
        self.clauses = [m.span() for m in _RELATIVE_CLAUSE.finditer(text, ss, se)]
        self.a_starts = [a.start for a in self.anchors]
        self.forward = [self._forward(i) for i in range(len(spans))]
        self.claimed = {a for a in self.forward if a is not None and self.anchors[a].kind != "rel"}

    def _forward(self, i: int) -> int | None:
        text, spans = self.text, self.spans
        pos, cur = spans[i][1], i
        for _ in range(5):
            k = bisect.bisect_left(self.a_starts, pos)
            a = self.anchors[k] if k < len(self.anchors) else None
            j = cur + 1 if cur + 1 < len(spans) else None
            if a is not None and (j is None or a.start < spans[j][0]):
                return k if a.kind != "attr" and _gap_ok(text[pos : a.start]) else None
            if j is None:
                return None
            gap = text[pos : spans[j][0]]
            if not _CHAIN.fullmatch(gap):
                return None
            if "to" in gap and _FROM_BEFORE.search(text, max(0, spans[cur][0] - 24), spans[cur][0]):
                return None  # "from 77 mtpa to 142 mtpa by 2030": the year is the target's
            pos, cur = spans[j][1], j
        return None

    def _backward(self, i: int) -> tuple[bool, int | None]:
        start = self.spans[i][0]
        prev_end = self.spans[i - 1][1] if i else -1
        k = bisect.bisect_left(self.a_starts, start) - 1
        while k >= 0 and self.anchors[k].end > start - _WINDOW:
            a = self.anchors[k]
            if any(c0 < a.start and a.end < c1 <= start for c0, c1 in self.clauses):
                k -= 1  # in a relative clause closed before the figure: its noun's year, not the figure's
                continue
            if a.end <= start and k not in self.claimed:
                if a.kind != "attr":
                    return True, a.year
                if a.start >= prev_end and start - a.end <= 40:
                    return True, a.year
            elif a.end <= start and a.kind == "abs" and _SAME_CLAUSE.fullmatch(self.text[a.end : start]):
                # "sold 24.4 Mt in 2022 at an average price of $328 per tonne": one clause, one year
                return True, a.year
            k -= 1
        return False, None

    def years(self) -> list[int | None]:
        out: list[int | None] = []
        for i, (start, _) in enumerate(self.spans):
            f = self.forward[i]
            if f is not None:
                out.append(self.anchors[f].year)
                continue
            found, year = self._backward(i)
            if not found and i:
                conn_start = self.spans[i - 1][1]
                pf = self.forward[i - 1]
                if pf is not None and self.anchors[pf].end <= start:
                    conn_start = max(conn_start, self.anchors[pf].end)
                conn = self.text[conn_start:start]
                # parallel figures share the year: "rose 1.5% in 2024, while solar jumped 43.6%"
                if (conn.lstrip()[:1] in (",", "(") and len(conn) <= 60 and not _CLAUSE_AND.search(conn)
                        and (not _FINITE.search(conn) or _PARALLEL.match(conn))
                        and not _RELATIVE_OPEN.search(self.text, max(0, self.spans[i - 1][0] - 100), self.spans[i - 1][0])):
                    year = out[i - 1]
                    if pf is not None and _FISCAL_BEFORE.search(self.text, max(0, self.anchors[pf].start - 40),
                                                                self.anchors[pf].start):
                        year = None  # "in the first half of fiscal 2027, ..., while volumes fell 1.9%": no calendar year
                    if _CHANGE_AFTER.fullmatch(conn) and _FROM_BEFORE.search(self.text, max(0, self.spans[i - 1][0] - 24),
                                                                             self.spans[i - 1][0]):
                        # "fell to 31.4 in 2026, from 35.0 in 2025, a drop of 10.3%": the change is the
                        # move's, dated by its end (the figure before "from"), never by its start
                        year = out[i - 2] if i >= 2 and out[i - 2] is not None and out[i - 2] != year else None
            out.append(year)
        return out


def years_for(text: str, spans: list[tuple[int, int]], sentences: list[tuple[int, int]]) -> list[int | None]:
    """The year of each fact span (sorted), given the (start, end) of each one's sentence."""
    out: list[int | None] = [None] * len(spans)
    i = 0
    while i < len(spans):
        j = i
        while j < len(spans) and sentences[j] == sentences[i]:
            j += 1
        ss, se = sentences[i]
        # A runaway "sentence" (no full stops in 100 kB) is read in windows around its facts.
        ss, se = max(ss, spans[i][0] - _WINDOW), min(se, spans[j - 1][1] + _WINDOW)
        group = _Sentence(text, spans[i:j], ss, se)
        out[i:j] = group.years()
        i = j
    return out
