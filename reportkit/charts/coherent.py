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

    One series is one article (unless ``across_sources``), one unit, one kind of percentage
    (:func:`percent_kind`: a share and a rate of change are two measures), one measure and,
    when the categories are years or periods, one subject (see :func:`_fits` for when two
    names are one). Ties go to the series met first in document order, so the choice is
    deterministic.
    """
    groups: list[tuple[tuple[str, ...], list[frozenset[str]], list[Fact]]] = []
    for f in facts:
        fixed = ("" if across_sources else f.source, f.unit, f.per or "", percent_kind(f))
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


# A percentage is one of three kinds of measure: a rate of change ("rose 3.6%", "3.6% more than a year
# earlier", "a 5% rise"), a share of a whole ("38% of trips", "of which business travellers took roughly
# 35%", "accounted for 52%") or a level ("occupancy fell to 71.3%"). Two kinds are two measures even under
# one name: a week's "Hotels" chart drew a share beside a rate rise as one series.
_QUALIFIERS = r"(?:(?:about|around|roughly|nearly|almost|some|only|just|over|under|a\s+further|another|a\s+record|" \
              r"more\s+than|less\s+than|up\s+to|at\s+least)\s+)*"
_CHANGE_AFTER = re.compile(r"^\s*(?:(?:more|less|higher|lower|faster|slower|above|below)\b(?!\s+of\b)|up\b|down\b|"
                           r"(?:rises?|falls?|increases?|decreases?|drops?|gains?|declines?|jumps?|growth|cuts?)\b|"
                           r"(?:on|from)\s+(?:a|the)\s+(?:year|month|quarter|week)\b|year[- ]on[- ]year\b)", re.I)
_CHANGE_VERB_BEFORE = re.compile(r"\b(?:rose|rises?|risen|rising|fell|falls?|fallen|falling|up|down|increased?|increases|"
                                 r"decreased?|decreases|gained?|gains|lost|climbed?|climbs|dropped|drops?|jumped|jumps?|"
                                 r"slipped|slips?|grew|grows?|growing|declined?|declines|shrank|shrunk|slumped|surged|"
                                 r"soared|eased|advanced|tumbled|plunged|(?:rose|fell|grew|increased|decreased|declined|"
                                 r"dropped|climbed|up|down|cut|raised|lifted|lowered)\s+by|by|"
                                 # "RevPAR changes of 2.4%", "growth of 3%", a table's "Change on year (%): 46.8"
                                 r"(?:changes?|growth|rises?|falls?|increases?|decreases?|declines?|gains?)\s+of)\s+"
                                 + _QUALIFIERS + r"$|\b(?:change|growth)\b[^:;]{0,30}:\s*$", re.I)
_SHARE_BEFORE = re.compile(r"\bof\s+which\b[^;:]*$|\b(?:accounted|accounts?|accounting|made|makes?|making)\s+"
                           r"(?:for|up)\s+" + _QUALIFIERS + r"$", re.I)
# "rose 2.1% and 3.4%", "3.1% in 2024 and 2.5% in 2023": a figure listed after another is of its kind
_LISTED_AFTER = re.compile(r"(?P<fig>[-−+]?\d[\d.,]*\s?%)(?:\s+(?:in|for)\s+[\w-]+(?:\s+(?:19|20)\d\d)?)?"
                           r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)" + _QUALIFIERS + r"$"
                           # "rose 1.9% in October from a year earlier, down from 2.3%", "about 31% of demand this
                           # year, ..., compared with 18% in 2023": the base a figure is compared with is its kind
                           r"|(?P<fig2>[-−+]?\d[\d.,]*\s?%)[^;:%]{0,80}?\b(?:(?:up|down)\s+from|compared\s+(?:with|to)|"
                           r"against|versus|vs\.?)\s+" + _QUALIFIERS + r"$", re.I)


def percent_kind(f: Fact) -> str:
    """What kind of measure a percentage ``f`` is: ``"change"``, ``"share"`` or ``"level"`` (see
    :data:`_CHANGE_AFTER`); ``""`` for a figure of another unit or not found in its sentence."""
    if f.unit != "percent":
        return ""
    from ..facts import figure_at  # the facts stage, below this one: loaded when a chart is made

    at = figure_at(f)  # "4%" is not the end of "74.8%", nor inside "14%"
    return _kind_at(f.sentence, at, at + len(f.text)) if at >= 0 else ""


def _kind_at(sentence: str, at: int, end: int, depth: int = 0) -> str:
    before, after = sentence[:at], sentence[end:]
    if _CHANGE_AFTER.match(after) or _CHANGE_VERB_BEFORE.search(before):
        return "change"
    if _SHARE_AFTER.match(after) or _SHARE_BEFORE.search(before):
        return "share"
    listed = _LISTED_AFTER.search(before)
    if listed and depth < 8:
        fig = "fig" if listed.group("fig") else "fig2"
        return _kind_at(sentence, listed.start(fig), listed.end(fig), depth + 1)
    return "level"


def names_a_measure(f: Fact, body: str) -> bool:
    """Whether ``f``'s measure can title a chart. A measure from the facts stage always
    can; a label stand-in only when it ends on a common noun (a word the text also writes
    in lower case; a phrase's last word is what it names): "Energy debt" can, "Lloyds",
    "Shell" or "State miner Codelco" (a name, not a measure) cannot."""
    if getattr(f, "measure", None):
        return True
    found = re.findall(r"[A-Za-z]+", measure_of(f))
    return bool(found) and len(found[-1]) >= 3 and re.search(rf"\b{found[-1].lower()}\b", body) is not None


PERIOD = re.compile(r"^((?:19|20)\d\d)(?:-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def period_name(period: str) -> str:
    """A period as a reader writes it: "2024", "Q3 2024", "H1 2024", "Feb 2024", "FY2025"."""
    m = PERIOD.match(period)
    if not m:
        return period
    year, part = m.group(1), m.group(2) or ""
    if part.startswith(("Q", "H")):
        return f"{part} {year}"
    return f"{_MONTHS[int(part) - 1]} {year}" if part else year
