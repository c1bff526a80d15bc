"""An automatic chart's candidate: a structure one article's text states, and what the finders share.

:mod:`reportkit.charts.auto` ranks candidates and charts the best; :mod:`.listed` (lists and subjects)
and :mod:`.pairs` (from/to changes) find some of them, with the helpers here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Document, Fact


@dataclass
class Candidate:
    """A structure the text states: its facts (in chart order) and their categories."""

    kind: str  # trend | change | comparison | parts
    doc: Document
    facts: list[Fact]
    categories: list[str]
    measure: str
    subject: str = ""
    score: float = 0.0
    order: tuple[int, int] = (0, 0)
    ids: frozenset[str] = field(default_factory=frozenset)
    category_kind: str = ""  # "" : from the kind (trend: year; comparison, parts: subject)


def _sentence_start(body: str, f: Fact) -> int:
    at = body.find(f.sentence, max(0, f.start - len(f.sentence)))
    return at if 0 <= at <= f.start < at + len(f.sentence) + 1 else -1


def by_sentence(doc: Document) -> list[tuple[int, list[Fact]]]:
    """The document's facts grouped by sentence (with the sentence's offset), in order."""
    body = doc.body_text()
    groups: dict[int, list[Fact]] = {}
    for f in doc.facts:
        s0 = _sentence_start(body, f)
        if s0 >= 0:
            groups.setdefault(s0, []).append(f)
    return [(s0, sorted(fs, key=lambda f: f.start)) for s0, fs in sorted(groups.items())]


def plain(facts: list[Fact]) -> list[Fact]:
    """Facts that are one number of their own: a range ("£1.04bn-£1.1bn") is not a point
    of a series, and a bracketed conversion ("($8bn)") repeats the figure it converts."""
    return [f for f in facts if not f.range and not getattr(f, "equivalent_of", None)]


def expected_figure(f: Fact) -> bool:
    """Whether ``f``'s clause calls it expected, forecast or planned before it ("is forecast to
    rise from 12.9 million bpd in 2023 to 13.2 million bpd in 2024"): the story stage's rule,
    which its figures follow too."""
    from ..story import expected  # the story stage, below this one: imported when charts are made

    return expected(f, "")
