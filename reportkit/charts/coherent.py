"""Which facts belong in one chart: a coherent series.

A chart's points must belong together: the same measure, from one article (unless the
chart says ``across_sources: true``), of one subject when the categories are periods.
A selector often matches facts of several series (two articles' percentages, a growth
rate beside a share); :func:`coherent` keeps the largest single series and says what it
left out, so a chart never mixes what the text does not put together.

What a fact measures comes from the fact's ``measure``/``subject``/``period`` fields when
the facts stage fills them, else from its ``label`` (a shorter, noisier stand-in).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Fact

_KEY = re.compile(r"[^a-z0-9]+")
# Words that never tell two measures apart ("the oil output" is "oil output").
_STOP = {"the", "a", "an", "its", "their", "of", "in", "for", "s"}


def measure_of(f: Fact) -> str:
    """What ``f`` measures, as written in its sentence ("U.S. crude production")."""
    return (getattr(f, "measure", None) or f.label or "").strip()


def subject_of(f: Fact) -> str:
    """Who or what ``f`` is about, when the text says ("Mexico", "BP"); else ""."""
    return (getattr(f, "subject", None) or "").strip()


def period_of(f: Fact) -> str:
    """The period ``f`` refers to ("2024", "Q3 2025"), else ""."""
    period = getattr(f, "period", None)
    if isinstance(period, dict):  # a structured period: its label, else its year
        period = period.get("label") or period.get("year")
    if period:
        return str(period)
    return str(f.year) if f.year is not None else ""


def key(text: str) -> str:
    """A comparison key for a measure or subject: lower case, punctuation and filler dropped."""
    words = [w for w in _KEY.sub(" ", text.lower()).split() if w not in _STOP]
    return " ".join(words)


def article(f: Fact) -> str:
    """The article (source path: two sources may share a file name) a fact comes from."""
    return f.source


def _words(text: str) -> frozenset[str]:
    return frozenset(key(text).split())


def _fits(a: frozenset[str], b: frozenset[str]) -> bool:
    """One measure (or subject) names the other: equal, or one's words all in the other's
    ("foreign direct investment" and "Foreign Direct Investment (FDI) from Russia"). An
    unnamed one fits any: the facts stage could not tell, the selector already chose."""
    return not a or not b or a <= b or b <= a


def coherent(facts: Iterable[Fact], category: str, across_sources: bool = False) -> tuple[list[Fact], list[Fact]]:
    """``(series, left_out)``: the largest coherent series among ``facts`` and the rest.

    One series is one article (unless ``across_sources``), one unit, one measure and,
    when the categories are years or periods, one subject (see :func:`_fits` for when two
    names are one). Ties go to the series met first in document order, so the choice is
    deterministic.
    """
    groups: list[tuple[tuple[str, ...], list[frozenset[str]], list[Fact]]] = []
    for f in facts:
        fixed = ("" if across_sources else f.source, f.unit, f.per or "")
        names = [_words(measure_of(f))]
        if category in ("year", "period"):
            names.append(_words(subject_of(f)))
        for g_fixed, g_names, members in groups:
            if g_fixed == fixed and all(_fits(a, b) for a, b in zip(g_names, names, strict=True)):
                members.append(f)
                break
        else:
            groups.append((fixed, names, [f]))
    if not groups:
        return [], []
    best = max(range(len(groups)), key=lambda i: (len(groups[i][2]), -i))
    chosen = groups[best][2]
    rest = [f for i, g in enumerate(groups) if i != best for f in g[2]]
    return chosen, rest


def same_article(facts: Iterable[Fact], source: str | None) -> list[Fact]:
    """``facts`` from the article ``source`` only (all of them when ``source`` is None)."""
    return [f for f in facts if source is None or f.source == source]


_SHARE_AFTER = re.compile(r"^\s*(?:of|share)\b", re.I)
_CHANGE_BEFORE = re.compile(r"\b(?:rose|rise|rises|risen|fell|fall|falls|fallen|up|down|increased?|decreased?|gained?|"
                            r"lost|climbed?|dropped|jumped|slipped|grew|growth|declined?|by|cut|raised?)\s+"
                            r"(?:\w+\s+){0,2}$", re.I)


def states_share(f: Fact) -> bool:
    """Whether ``f`` is stated as a share of a whole ("imports approximately 72% of its
    natural gas"), not a change ("imports rose 4.9%"): what a donut's complement needs."""
    if f.unit not in ("percent", "ratio"):
        return False
    if "share" in key(measure_of(f)).split():
        return True
    at = f.sentence.find(f.text)
    if at < 0:
        return False
    before, after = f.sentence[:at], f.sentence[at + len(f.text):]
    return bool(_SHARE_AFTER.match(after)) and not _CHANGE_BEFORE.search(before)


def names_a_measure(f: Fact, body: str) -> bool:
    """Whether ``f``'s measure can title a chart. A measure from the facts stage always
    can; a label stand-in only when it ends on a common noun (a word the text also writes
    in lower case; a phrase's last word is what it names): "Energy debt" can, "Lloyds",
    "Shell" or "State miner Codelco" (a name, not a measure) cannot."""
    if getattr(f, "measure", None):
        return True
    found = re.findall(r"[A-Za-z]+", measure_of(f))
    return bool(found) and len(found[-1]) >= 3 and re.search(rf"\b{found[-1].lower()}\b", body) is not None
