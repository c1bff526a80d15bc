"""Changes an article states as a from/to pair ("rose to 2.6%, up from 2.4%"), dated at both ends or
named as the text names their times ("Last week", "This week"): candidates for
:mod:`reportkit.charts.auto`."""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..model import Document, Fact
from .candidate import Candidate, by_sentence, expected_figure, plain
from .coherent import measure_of, period_name, period_of, subject_of


def _pair_from_field(doc: Document) -> list[tuple[Fact, Fact]]:
    """From/to pairs the facts stage linked (``change: {from_id, to_id}``)."""
    by_id = {f.id: f for f in doc.facts}
    pairs = []
    for f in doc.facts:
        link = getattr(f, "change", None)
        if isinstance(link, dict):
            a, b = by_id.get(link.get("from_id") or link.get("from")), by_id.get(link.get("to_id") or link.get("to"))
            if a is not None and b is not None and (a, b) not in pairs:
                pairs.append((a, b))
    return pairs


_TO = lazy(r"^\s*to\s*$")
_FROM = lazy(r"^\s*from\s*$")
_UP_FROM = lazy(r"^\s*,?\s*(?:up|down)\s+from\s*$")


def _pair_from_text(doc: Document) -> list[tuple[Fact, Fact]]:
    """From/to pairs as written: 'from X to Y', 'to Y from X', 'Y, up from X'."""
    body = doc.body_text()
    pairs = []
    for _s0, facts in by_sentence(doc):
        for a, b in zip(facts, facts[1:]):
            if a.unit != b.unit or a.per != b.per:
                continue
            between, before = body[a.end:b.start], body[max(0, a.start - 6):a.start]
            if _TO.match(between) and before.rstrip().endswith("from"):
                pairs.append((a, b))
            elif (_FROM.match(between) and before.rstrip().endswith("to")) or _UP_FROM.match(between):
                pairs.append((b, a))
    return pairs


# A figure measured against a forecast is a comparison, not a change over time.
_EXPECTED = lazy(r"\b(?:expect\w*|forecast\w*|estimat\w*|project\w*|consensus|poll|targets?|guidance|"
                       r"outlook|aims?|plans?|will|could|may|would)\b", re.I)


def changes(doc: Document) -> list[Candidate]:
    pairs = _pair_from_field(doc) or _pair_from_text(doc)
    out = []
    single = {f.id for f in plain(doc.facts)}
    for a, b in pairs:
        if a.value == b.value or a.id not in single or b.id not in single or a.unit != b.unit or a.per != b.per:
            continue
        first = min(a, b, key=lambda f: f.start)
        before = first.sentence[: max(first.sentence.find(first.text), 0)]
        if _EXPECTED.search(f"{measure_of(a)} {measure_of(b)} {before}") or expected_figure(a) or expected_figure(b):
            continue  # "is expected to be 73.5%, down from 75%": a forecast, not a change that happened
        pa, pb = period_of(a), period_of(b)
        dated = bool(pa and pb and pa != pb)
        if bool(pa) != bool(pb):
            continue  # one end dated, the other not: "From Feb 2024" beside a bare "To" half-claims a period
        # Undated ends are named as the text names their times ("Last week", "This week"), else the
        # pair is not charted: bars called "From" and "To" tell a reader nothing about when, and
        # guessing a period ("Latest", "2025") would print words the source does not say.
        cats = [period_name(pa), period_name(pb)] if dated else _relative_names(doc, a)
        if cats is None:
            continue
        out.append(Candidate("change", doc, [a, b], cats,
                             measure_of(b) or measure_of(a), subject_of(b),
                             category_kind="period" if dated else "change"))
    return out


# "up from $13.50/mmBtu last week": the old end's time, as the text says it, and the word the text
# uses for the new end's ("this week"), when it writes one
_LAST_AFTER = lazy(r"\s*(?:\([^()]{0,20}\)\s*)?(?:last|the\s+previous|the\s+prior)\s+(?P<u>week|month|quarter|year)\b",
                         re.I)


def _relative_names(doc: Document, old: Fact) -> list[str] | None:
    """["Last week", "This week"] when the old value of a change is dated "last week" (month,
    quarter, year) right after it and the article writes "this week" too; else ``None``."""
    body = doc.body_text()
    m = _LAST_AFTER.match(body, old.end)
    if m is None:
        return None
    unit = m.group("u").lower()
    if re.search(rf"\bthis\s+{unit}\b", body, re.I) is None:
        return None
    said = " ".join(m.group(0).split()).split(")")[-1].strip()
    return [said[:1].upper() + said[1:], f"This {unit}"]
