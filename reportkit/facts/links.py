"""Links between the facts of one sentence: changes, conversions, comparisons.

- a **change**: "rose *from* X *to* Y", "fell *to* Y *from* X", "Y, *up from* X", "cut its
  deficit *to* Y of GDP in the year starting April 1, *from* X": both
  facts get ``change = {"from_id": X.id, "to_id": Y.id}``;
- an **equivalent**: a conversion in brackets right after a figure, "almost 6bn euros
  (*$8bn*; *£6bn*)", "15 bcm (*530 bcf*)": each converted figure gets
  ``equivalent_of = <first figure's id>`` and is never a figure of its own; so is an amount
  restated per share ("net income of $87 million, *or 64 cents per share*");
- a **comparison** ("£7.5bn, compared with £4.8bn in 2022") links nothing, but the second
  figure measures what the first does.

Linked figures share what they measure (and a conversion its period) when one of them
has it and the other does not, or when the second is a comparison.
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..model import Fact

_NOT_CONVERTIBLE = frozenset({"percent", "percentage_points", "ratio", "count"})
_OPEN = lazy(r"\s*[(\[]\s*(?:about\s+|around\s+|roughly\s+|some\s+|or\s+|c\.\s*)?\Z")
_NEXT_IN_BRACKET = lazy(r"\s*[;,/]\s*(?:or\s+)?(?:about\s+|around\s+)?\Z")
_OR = lazy(r",\s*or\s+(?:about\s+|around\s+|roughly\s+)?")
# "earned €438 million from them, up 14%, or about RSD 51.3 billion": the change told between an amount
# and its restatement in another currency; the "or" restates the amount (a percentage has no currency)
_CHANGE_BETWEEN = lazy(r",\s*(?:up|down)\s+(?:by\s+)?(?:about\s+|almost\s+|nearly\s+)?\Z")
_AFTER_CHANGE = lazy(r"(?:\s+(?:on|from|over)\s+(?:19|20)\d\d)?,\s*or\s+(?:about\s+|around\s+|roughly\s+)?")
_QUAL = r"(?:a\s+record\s+|about\s+|around\s+|nearly\s+|roughly\s+|almost\s+|some\s+|an\s+estimated\s+)?"
_FROM_BEFORE = lazy(rf"\bfrom\s+{_QUAL}\Z", re.I)
_TO_BEFORE = lazy(rf"\b(?:to|at)\s+{_QUAL}\Z", re.I)
_FROM_TO = lazy(rf"(?:\s+(?:a|per)\s+\w+)?(?:\s*\([^()]{{0,40}}\))?(?:\s+in\s+(?:19|20)\d\d)?\s+to\s+{_QUAL}\Z")
_TO_FROM = lazy(rf"(?:\s*\([^()]{{0,40}}\))?(?:\s+of\s+(?:gross\s+domestic\s+product|GDP|output|sales|revenue))?(?:\s+(?:in|for|at)\s+[^,;.()]{{0,40}}?|\s+(?:last|this)\s+year)?,?\s+(?P<dir>(?:up|down)\s+)?"
                      rf"from\s+{_QUAL}\Z")
_BARE_FROM = lazy(rf",?\s+from\s+{_QUAL}")
_COMPARE = lazy(rf"(?:\s*\([^()]{{0,40}}\))?[^.;()]{{0,40}}?\b(?:compared\s+with|versus|vs\.?|against|than)"
                      rf"\s+(?:the\s+)?{_QUAL}\Z")


def _money(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()


def _convertible(a: Fact, b: Fact) -> bool:
    if _money(a.unit) and _money(b.unit):
        return a.unit != b.unit
    return a.unit != b.unit and a.unit not in _NOT_CONVERTIBLE and b.unit not in _NOT_CONVERTIBLE \
        and not _money(a.unit) and not _money(b.unit)


def _lead(f: Fact) -> int:
    """Where a fact starts, its qualifier included."""
    return f.start - (len(f.qualifier) + 1 if f.qualifier else 0)


def link_facts(text: str, facts: list[Fact]) -> None:
    """Set ``change`` and ``equivalent_of`` on ``facts`` (sorted, offsets into ``text``)."""
    primary: Fact | None = None
    for i, b in enumerate(facts):
        a = facts[i - 1] if i else None
        if a is None or a.sentence != b.sentence:
            primary = None
            continue
        gap = text[a.end : _lead(b)]
        if primary is not None and _NEXT_IN_BRACKET.fullmatch(gap) and _convertible(primary, b) \
                and ")" not in text[primary.end : b.start]:
            b.equivalent_of = primary.id
            continue
        if _OR.fullmatch(gap) and _convertible(a, b) and a.per == b.per and not a.equivalent_of:
            b.equivalent_of = a.id  # "₫2.87 trillion, or about US$113 million": the same revenue in dollars
            primary = None
            continue
        if _OR.fullmatch(gap) and b.per == "share" and a.per is None and _money(a.unit) and _money(b.unit):
            b.equivalent_of = a.id  # "$87 million, or 64 cents per share": the same profit, per share
            primary = None
            continue
        if _OPEN.fullmatch(gap) and _convertible(a, b):
            b.equivalent_of = a.id
            primary = a
            continue
        first = facts[i - 2] if i >= 2 else None
        if first is not None and first.sentence == b.sentence and a.unit == "percent" and _money(first.unit) \
                and _money(b.unit) and _convertible(first, b) and _AFTER_CHANGE.fullmatch(gap) \
                and _CHANGE_BETWEEN.search(text[first.end : _lead(a)]) and not first.equivalent_of:
            b.equivalent_of = first.id  # "€438 million, up 14%, or about RSD 51.3 billion": the same earnings
            primary = None
            continue
        primary = None
        # the figure of the same unit before b, skipping a's conversions ("X ($Y) to Z")
        prev = a
        k = i - 1
        while prev.equivalent_of and k > 0:
            k -= 1
            prev = facts[k]
        gap = text[prev.end : _lead(b)]
        # "rose to $11.85 a month from $10.90": the old value is written without the rate it shares
        # "$1,085 a tonne in the quarter, down from $1,240": so is a change's base after "up/down from"
        bare_old = b.per is None and prev.per is not None and (_BARE_FROM.fullmatch(gap) is not None or (
            (to_from := _TO_FROM.fullmatch(gap)) is not None and to_from.group("dir") is not None))
        if prev.sentence != b.sentence or prev.unit != b.unit or (prev.per != b.per and not bare_old):
            continue
        before_prev = text[max(0, _lead(prev) - 30) : _lead(prev)]
        if _FROM_BEFORE.search(before_prev) and _FROM_TO.fullmatch(gap):
            pair = {"from_id": prev.id, "to_id": b.id}
        elif _TO_FROM.fullmatch(gap) and (_TO_BEFORE.search(before_prev) or _TO_FROM.fullmatch(gap).group("dir")):
            pair = {"from_id": b.id, "to_id": prev.id}
        else:
            if _COMPARE.fullmatch(gap) and prev.measure:
                b.measure, b.subject = prev.measure, b.subject or prev.subject
            continue
        prev.change, b.change = dict(pair), dict(pair)
        if bare_old:
            b.per = prev.per
        if prev.measure and not b.measure:
            b.measure = prev.measure
        elif b.measure and not prev.measure:
            prev.measure = b.measure
        b.subject = b.subject or prev.subject
        prev.subject = prev.subject or b.subject
    by_id = {f.id: f for f in facts}
    for f in facts:
        if f.equivalent_of:
            first = by_id[f.equivalent_of]
            f.measure, f.subject = first.measure, first.subject
            f.period = first.period or f.period
