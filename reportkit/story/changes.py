"""What changed between two build records of one report (``build --compare``, ``reportkit diff``).

Facts are matched across weeks by what they measure — unit (and ``per``) equal,
subject and period not contradicting, measure the same or alike, the words around
the number alike — never by position or id: a figure restated in a different
article still matches. Each fact is matched at most once, best pairs first.

The result (:class:`~reportkit.model.Changes`) holds figures that changed (old →
new, absolute and relative change, both sources), changes stated within the week
("cut to 3.3% from 3.7%"), new and dropped figures, and new, continuing and
dropped stories. Every number it prints is a value of a fact in one of the two
records, or the difference / ratio of a matched pair (declared as derived). It is written
out (terminal, JSON, the build record's part) by :mod:`.changestext`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import PurePath
from typing import Any

from ..model import ChangeLine, Changes
from ..numbers import format_value

Fact = dict[str, Any]
MATCH = 0.6  # a pair scoring below this is two different figures
MAX_PAIRS = 40_000  # past this many pairs of one unit, only figures of the same measure are compared
STORY_ALIKE = 0.5  # headlines this alike (token overlap) are one story continuing
_WORD = re.compile(r"[a-z][a-z'-]*")
_STOP = frozenset("a an the of in on at to for from by and or its it is was were be been has had have with as "
                  "that this than which while per cent percent".split())
KIND_ORDER = ("changed", "revised", "new", "new_story", "dropped", "dropped_story")


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall((text or "").lower()) if w not in _STOP)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


@lru_cache(maxsize=65536)  # the same measures meet many times in one comparison
def _alike(a: str, b: str) -> float:
    """How alike two short phrases are (1.0 = the same words)."""
    a, b = (a or "").strip().lower(), (b or "").strip().lower()
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    return max(_jaccard(_words(a), _words(b)), SequenceMatcher(None, a, b).ratio())


def _near(f: Fact) -> frozenset[str]:
    """The words just around the number in its sentence: what it is said to measure."""
    sentence, text = f.get("sentence") or "", f.get("text") or ""
    i = sentence.find(text) if text else -1
    if i < 0:
        return _words(sentence)
    before = _WORD.findall(sentence[:i].lower())[-6:]
    after = _WORD.findall(sentence[i + len(text):].lower())[:4]
    return frozenset(w for w in before + after if w not in _STOP)


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


@dataclass
class Figure:
    """One figure of a week: a fact, with the other facts stating the same value for it,
    and the words it is matched by (computed once)."""

    fact: Fact
    also: list[Fact] = field(default_factory=list)
    stated_from: Fact | None = None  # the old value a sentence of this week gives ("from 1.8M")
    measure: str = ""
    near: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.measure = " ".join(str(self.fact.get("measure") or "").lower().split())
        self.near = _near(self.fact)
        self.words = _words(self.fact.get("sentence") or "")


def _score(o: Figure, n: Figure) -> float:
    """How surely ``o`` (earlier week) and ``n`` measure the same thing; 0 when they cannot."""
    fo, fn = o.fact, n.fact
    if fo["unit"] != fn["unit"] or (fo.get("per") or None) != (fn.get("per") or None):
        return 0.0
    po, pn = fo.get("period"), fn.get("period")
    later = _next_reading(po, pn)
    if po and pn and po != pn and not later:
        return 0.0
    so, sn = (fo.get("subject") or "").lower(), (fn.get("subject") or "").lower()
    if so and sn and so != sn:
        return 0.0
    score = 0.5 * _alike(o.measure, n.measure) + 0.3 * _jaccard(o.near, n.near) + 0.2 * _jaccard(o.words, n.words)
    if bool(po) != bool(pn):
        score *= 0.85  # one says the year, the other does not: likely, not sure
    elif later:
        score *= 0.9  # last month's reading and this month's: matched after same-period pairs
    if _same(fo["value"], fn["value"]):
        score += 0.05  # an unchanged figure is the commonest case: prefer it in a tie
    return score


def _next_reading(old: str | None, new: str | None) -> bool:
    """Whether ``new`` is a later month or quarter than ``old`` ("2024-09" -> "2024-10"):
    a monthly figure's new reading, which a weekly reader wants to see as a move.
    Years must agree: "FDI in 2022" and "FDI in 2024" are two figures."""
    return bool(old and new and "-" in old and "-" in new and len(old) == len(new) and new > old)


def figures(record: dict[str, Any]) -> list[Figure]:
    """The week's figures: the old end of a stated change is not a figure of its own,
    and a value stated twice for one measure (body and key points) counts once."""
    by_id = {f["id"]: f for f in record["facts"]}
    out: list[Figure] = []
    seen: dict[tuple[Any, ...], Figure] = {}
    for f in record["facts"]:
        change = f.get("change") or {}
        if "to_id" in change and change["to_id"] in by_id or f.get("equivalent_of") in by_id:
            continue  # the old end of a stated change, or a conversion of another figure
        fig = Figure(f)
        key = (f["unit"], f.get("per") or None, f.get("period"), fig.measure, round(float(f["value"]), 9))
        if key in seen:
            seen[key].also.append(f)
            continue
        seen[key] = fig
        if change.get("from_id") in by_id:
            fig.stated_from = by_id[change["from_id"]]
        out.append(fig)
    return out


def match(old: list[Figure], new: list[Figure]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(old index, new index)``, best-scoring first.

    Only figures of one unit can match; a unit with very many figures in both weeks
    (a huge source) compares only figures of the same measure, so a comparison stays
    well under a second.
    """
    buckets: dict[tuple[str, Any], tuple[list[int], list[int]]] = {}
    for i, o in enumerate(old):
        buckets.setdefault((o.fact["unit"], o.fact.get("per") or None), ([], []))[0].append(i)
    for j, n in enumerate(new):
        buckets.setdefault((n.fact["unit"], n.fact.get("per") or None), ([], []))[1].append(j)
    scored = []
    for olds, news in buckets.values():
        if len(olds) * len(news) > MAX_PAIRS:
            by_measure: dict[str, list[int]] = {}
            for j in news:
                by_measure.setdefault(new[j].measure, []).append(j)
            candidates = ((i, j) for i in olds for j in by_measure.get(old[i].measure, []))
        else:
            candidates = ((i, j) for i in olds for j in news)
        for i, j in candidates:
            s = _score(old[i], new[j])
            if s >= MATCH:
                scored.append((-s, i, j))
    scored.sort()
    used_o: set[int] = set()
    used_n: set[int] = set()
    pairs = []
    for _s, i, j in scored:
        if i not in used_o and j not in used_n:
            used_o.add(i)
            used_n.add(j)
            pairs.append((i, j))
    return sorted(pairs, key=lambda p: p[1])


def _label(f: Fact) -> str:
    """What the figure measures, for a reader: the measure, then subject and period
    when the measure does not already say them."""
    text = f["measure"][:1].upper() + f["measure"][1:]
    for extra in (f.get("subject"), f.get("period")):
        if extra and extra.lower() not in text.lower():
            text = f"{text}, {extra}"
    return text


_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def _decimals(f: Fact) -> int:
    """Decimals the source wrote the number with ("3.68%" -> 2): a rate keeps its precision."""
    m = _NUMBER.search(f.get("text") or "")
    return len(m.group(1)) if m and m.group(1) else 0


def _number(value: float, unit: str, per: str | None, decimals: int) -> str:
    if unit == "percent":
        return f"{value:,.{decimals}f}%"
    if unit == "percentage_points":
        return f"{value:,.{decimals}f} pts"
    return format_value(value, unit, per)


def _show(f: Fact) -> str:
    value = _number(f["value"], f["unit"], f.get("per"), _decimals(f))
    return f"{f['qualifier']} {value}" if f.get("qualifier") else value


def _delta(o: Fact, n: Fact) -> tuple[str, float | None]:
    """``(+$11.1M, +12.8%)`` text and the relative move (None when the old value is 0)."""
    diff = n["value"] - o["value"]
    sign = "+" if diff > 0 else "−"
    decimals = max(_decimals(o), _decimals(n))
    if o["unit"] == "percent":
        absolute = f"{sign}{abs(diff):,.{decimals}f} pts"  # a change of a rate is in points
    else:
        absolute = sign + _number(abs(diff), o["unit"], o.get("per"), decimals)
    if o["value"] == 0:
        return f"({absolute})", None
    rel = diff / abs(o["value"])
    return f"({absolute}, {'+' if rel > 0 else '−'}{abs(rel) * 100:.1f}%)", rel


def _line(kind: str, o: Fact | None, n: Fact | None, old_week: str, new_week: str) -> tuple[ChangeLine, float]:
    move, signed = 0.0, None
    f = n or o
    assert f is not None
    if o is not None and n is not None:
        delta, rel = _delta(o, n)
        move, signed = (math.inf, None) if rel is None else (abs(rel), rel)
        if o.get("period") != n.get("period") and o.get("period") and n.get("period"):
            text = (f"{_label({**n, 'period': None})}: {_show(o)} ({o['period']}) → {_show(n)} ({n['period']}) "
                    f"{delta}")
        else:
            text = f"{_label(n)}: {_show(o)} → {_show(n)} {delta}"
    else:
        text = f"{_label(f)}: {_show(f)}"
    line = ChangeLine(
        kind=kind, text=text,
        source=n["source"] if n else "", old_source=o["source"] if o else "",
        old_week=(new_week if kind == "revised" else old_week) if o else "",
        sentence=n["sentence"] if n else "", old_sentence=o["sentence"] if o else "",
        fact_ids=[n["id"]] if n else [], old_fact_ids=[o["id"]] if o else [],
        derived=["difference", "ratio"] if o is not None and n is not None else [],
        move=signed, difference=n["value"] - o["value"] if o is not None and n is not None else None,
        excerpt=excerpt(n) if n else "", old_excerpt=excerpt(o) if o else "",
    )
    return line, move


def excerpt(f: Fact, width: int = 90) -> str:
    """The fact's sentence cut to about ``width`` characters around its number, with "…"
    where it was cut: enough to find it in the article."""
    sentence, text = " ".join((f.get("sentence") or "").split()), f.get("text") or ""
    if len(sentence) <= width:
        return sentence
    i = max(sentence.find(text), 0)
    start = max(0, min(i - width // 2, len(sentence) - width))
    start = sentence.rfind(" ", 0, start) + 1 if start else 0
    end = sentence.find(" ", start + width)
    end = len(sentence) if end < 0 else end
    return ("…" if start else "") + sentence[start:end].strip() + ("…" if end < len(sentence) else "")


def _stories(old: dict[str, Any], new: dict[str, Any], old_figs: list[Figure], new_figs: list[Figure],
             pairs: list[tuple[int, int]]) -> dict[str, str | None]:
    """New story id -> the earlier week's story it continues (None: a new story)."""
    shared: dict[tuple[str, str], int] = {}
    for i, j in pairs:
        key = (new_figs[j].fact["story"], old_figs[i].fact["story"])
        shared[key] = shared.get(key, 0) + 1
    out: dict[str, str | None] = {}
    taken: set[str] = set()
    for s in new["stories"]:
        best, best_score = None, 0.0
        for t in old["stories"]:
            score = 0.0
            if PurePath(s["source"]).name == PurePath(t["source"]).name:
                score = 3.0
            elif _jaccard(_words(s.get("headline", "")), _words(t.get("headline", ""))) >= STORY_ALIKE:
                score = 2.0
            elif shared.get((s["id"], t["id"])):
                score = 1.0 + shared[(s["id"], t["id"])] / 100
            if score > best_score and t["id"] not in taken:
                best, best_score = t["id"], score
        out[s["id"]] = best
        if best:
            taken.add(best)
    return out


def compare(old: dict[str, Any], new: dict[str, Any], limit: int = 8) -> Changes:
    """The changes from record ``old`` to record ``new``, every one of them in ``all``;
    ``lines`` are at most ``limit`` of them for the brief and the deck: stories that
    start or stop first kept, then the biggest moves."""
    old_figs, new_figs = figures(old), figures(new)
    pairs = match(old_figs, new_figs)
    ow, nw = old["week"], new["week"]
    continues = _stories(old, new, old_figs, new_figs, pairs)
    continuing = {s for s, t in continues.items() if t}
    ended = {t["id"] for t in old["stories"]} - {t for t in continues.values() if t}
    matched_old = {i for i, _ in pairs}
    matched_new = {j for _, j in pairs}
    moves: list[tuple[ChangeLine, float]] = []
    for i, j in pairs:
        o, n = old_figs[i], new_figs[j]
        if not _same(o.fact["value"], n.fact["value"]):
            line, move = _line("changed", o.fact, n.fact, ow, nw)
            if n.stated_from is not None:
                line.stated = f"stated in the week: from {_show(n.stated_from)}"
                line.fact_ids.append(n.stated_from["id"])
            moves.append((line, move))
    for j, n in enumerate(new_figs):
        if j not in matched_new and n.stated_from is not None:
            moves.append(_line("revised", n.stated_from, n.fact, ow, nw))
    moves.sort(key=lambda lm: (-lm[1], lm[0].text))
    new_lines = [_line("new", None, n.fact, ow, nw)[0] for j, n in enumerate(new_figs)
                 if j not in matched_new and n.stated_from is None and n.fact["story"] in continuing]
    dropped = [_line("dropped", o.fact, None, ow, nw)[0] for i, o in enumerate(old_figs)
               if i not in matched_old and o.fact["story"] not in ended]
    new_stories = [_story_line("new_story", s, new, nw) for s in new["stories"] if s["id"] not in continuing]
    gone = [_story_line("dropped_story", s, old, ow) for s in old["stories"] if s["id"] in ended]
    everything = [m for m, _ in moves] + new_lines + new_stories + dropped + gone
    # story lines are few and say the most: keep them, and give the rest of the budget to figures
    stories_kept = (new_stories + gone)[:limit]
    figure_budget = limit - len(stories_kept)
    figure_lines = ([m for m, _ in moves] + new_lines + dropped)[:figure_budget]
    kept = {id(ln) for ln in figure_lines + stories_kept}
    lines = [ln for ln in everything if id(ln) in kept]
    by_source = {s["id"]: s["source"] for s in new["stories"]}
    return Changes(
        report=new["report"], since=ow, week=nw, since_label=_week_words(ow), lines=lines, all=everything,
        more=len(lines) < len(everything),
        continuing=[by_source[s] for s in sorted(continuing, key=_story_number)],
        note="" if everything else f"No figure changed since {_week_words(ow)}: the same stories and figures.",
    )


def _story_number(story_id: str) -> int:
    digits = "".join(c for c in story_id if c.isdigit())
    return int(digits) if digits else 0


def _story_line(kind: str, story: dict[str, Any], record: dict[str, Any], week: str) -> ChangeLine:
    ids = [f["id"] for f in record["facts"] if f["story"] == story["id"]]
    prefix = "New story" if kind == "new_story" else "No longer covered"
    return ChangeLine(kind=kind, text=f"{prefix}: {story.get('headline') or story['source']}",
                      source=story["source"] if kind == "new_story" else "",
                      old_source=story["source"] if kind == "dropped_story" else "",
                      old_week=week if kind == "dropped_story" else "",
                      fact_ids=ids if kind == "new_story" else [],
                      old_fact_ids=ids if kind == "dropped_story" else [])


def _week_words(label: str) -> str:
    """``2026-W46`` -> ``Week 46, 2026``."""
    m = re.match(r"^(\d{4})-W(\d{2})$", label)
    return f"Week {int(m.group(2))}, {m.group(1)}" if m else label
