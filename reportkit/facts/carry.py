"""What a figure carries from the one before it: whose it is, what it measures.

**Whose**, when its sentence goes on about the previous one's subject without naming it.

"Halvorsen, which sells threat-detection tools, had revenue of $612 million ... *Annual recurring
revenue* reached $655 million at the end of September." The second sentence opens on its measure,
bare (no "the", no "its", no name; a framing phrase may come first, "For the full year, net profit"), and the sentence right before gave a named subject a figure of
the same thing (revenue): the measure is that subject's (or the owner that figure's label names,
"Osterlund Bank's net profit"). Nothing else is carried: a sentence that
opens with a determiner, a name or another measure, or a previous sentence with two owners of the
measure, or none, keeps no subject (``None``: print less rather than guess).

**What**, when it is appended to the figure before it: "approved a $4.18 billion budget for the fiscal
year that begins next July 1, *up 5.6%* from the current year's spending plan" (the budget's change, not
the council's), "Demand came in 0.9 GW, *or about 3%*, above that forecast" (the same amount said
again), "lent 18.4 million items in 2026, *3.0% more than* in 2025" (the change of that figure). Such a figure measures what the figure before it measures, or nothing when that has no measure.

**Which cents**: "rose from 21 cents to 29 cents per kilowatt hour" in an article whose amounts are all
in euros is euro cents, not US ones (:func:`carry_cents`).
"""

from __future__ import annotations

import bisect

from ..lazyre import lazy
from ..model import Fact
from .clauses import figure_at
from .nomeasure import CLAUSE_INTRO


def _head(measure: str) -> str:
    return measure.split()[-1].lower()


# "Osterlund Bank's net profit": a label that opens on capitalised words and a possessive names the owner
_LABEL_OWNER = lazy(r"\A((?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)['’]s\s")


def _owner(g: Fact) -> str | None:
    """Whose ``g`` is: its subject, or the capitalised owner its sentence-made label names."""
    if g.subject:
        return g.subject
    m = _LABEL_OWNER.match(g.label or "")
    return m.group(1) if m and g.measure and (g.label or "").lower().endswith(g.measure.lower()) else None


def carry_owners(facts: list[Fact], starts: list[int]) -> None:
    """Give a subject-less fact whose sentence opens on its bare measure the owner of the same
    measure in the sentence right before it (see the module docstring); in place."""
    by_sentence: dict[int, list[Fact]] = {}
    for f in facts:
        by_sentence.setdefault(bisect.bisect_right(starts, f.start) - 1, []).append(f)
    for k, group in by_sentence.items():
        before = by_sentence.get(k - 1, [])
        for f in group:
            if f.subject or not f.measure or not before:
                continue
            # "For the full year, net profit rose to": a framing phrase may open the sentence
            at = CLAUSE_INTRO.match(f.sentence).end()
            opening = f.sentence[at: at + len(f.measure)]
            if opening.lower() != f.measure.lower() or not (at or opening[:1].isupper()):
                continue  # "The company's revenue", "Its revenue", "Sales at ...": not the bare measure
            if not f.sentence[at + len(f.measure):][:1].isspace():
                continue
            owners = {_owner(g) for g in before if _owner(g) and g.measure and _head(g.measure) == _head(f.measure)}
            if len(owners) == 1:
                f.subject = owners.pop()
                if not at and not f.measure.split()[0].isupper():  # its capital only started the sentence
                    f.measure = f.measure[:1].lower() + f.measure[1:]


# ", up 5.6% from ...", ", down about 3% on ...", ", or about 3%,": right after another figure of the sentence
_APPENDED = lazy(r"(?:,\s+(?:up|down)|,\s+or)\s+(?:about\s+|around\s+|almost\s+|nearly\s+|roughly\s+|some\s+|"
                 r"more\s+than\s+|less\s+than\s+)?\Z")
# ", 3.0% more than in 2025", ", 9.6% less than a year earlier": a comparison right after a comma
_COMMA = lazy(r",\s+(?:about\s+|around\s+|almost\s+|nearly\s+|roughly\s+|some\s+)?\Z")
_MORE_THAN = lazy(r"\s+(?:more|fewer|less|higher|lower)\s+than\b")
# what may stand between the figure before and the appended one: its own words (``g`` is the figure right before)
_BETWEEN = lazy(r"[^;:]{0,90}")


def appended_to(f: Fact, g: Fact) -> bool:
    """Whether ``f`` is a change or a restatement appended to ``g``, the figure right before it in its
    sentence ("a $4.18 billion budget ..., up 5.6% from", "0.9 GW, or about 3%,", "18.4 million items
    in 2026, 3.0% more than")."""
    if f.unit not in ("percent", "percentage_points") or f.range or g.unit in ("percent", "percentage_points"):
        return False
    if g.sentence != f.sentence or g.start >= f.start:
        return False
    at, gat = figure_at(f), figure_at(g)
    if at < 0 or gat < 0 or gat >= at:
        return False
    before = f.sentence[:at]
    if f.qualifier and before.rstrip().endswith(f.qualifier):
        before = before.rstrip()[: -len(f.qualifier)]
    m = _APPENDED.search(before)
    if m is None and _MORE_THAN.match(f.sentence, at + len(f.text)):
        m = _COMMA.search(before)
    return m is not None and _BETWEEN.fullmatch(f.sentence, gat + len(g.text), m.start()) is not None


# units a count may be written in: "152 grams of carbon dioxide" measures no grams
_UNIT_WORDS = frozenset("""grams kilograms milligrams micrograms litres liters metres meters kilometres kilometers
    centimetres millimetres miles hectares acres hectolitres hectoliters watts kilowatts megawatts gigawatts""".split())


_SPANS = frozenset("days weeks months years".split())


def _unit_named(g: Fact) -> bool:
    """Whether ``g``'s measure is only the unit its number is written in ("152 grams": grams)."""
    return bool(g.measure) and g.measure.lower() in _UNIT_WORDS


def carry_measures(facts: list[Fact]) -> None:
    """Give a change or a restatement appended to the figure before it in its sentence (see the
    module docstring) that figure's measure, and its subject when it names none; in place."""
    for i, f in enumerate(facts):
        # "worth US$412 million in the half, the six months from July to December, 6.1% less than": a span's
        # length before the change is when, not what changed; the change keeps a measure of its own
        if i and appended_to(f, facts[i - 1]) and not (f.measure and (_unit_named(facts[i - 1])
                                                                      or facts[i - 1].unit in _SPANS)):
            g = facts[i - 1]
            if i > 1 and _placed(facts[i - 2], g):
                g = facts[i - 2]  # "9.4 million parking sessions at the city's 6,200 metered bays in 2026, 11% more"
            f.measure = g.measure
            f.subject = f.subject or g.subject


# "9.4 million parking sessions at the city's 6,200 metered bays": a preposition, its determiner or owner
_PLACE_GAP = lazy(r"\s+(?:at|in|on|across|through|among|over)\s+(?:(?:the|its|their|a|an)\s+)?(?:[\w-]+['’]s\s+)?"
                  r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?")


def _placed(h: Fact, g: Fact) -> bool:
    """Whether ``g`` is the object of a place preposition right after ``h`` in its sentence: a
    figure of where ``h`` happened, so a change appended after ``g`` is ``h``'s, not ``g``'s."""
    if h.sentence != g.sentence or h.start >= g.start:
        return False
    hat, gat = figure_at(h), figure_at(g)
    if hat < 0 or gat <= hat:
        return False
    gap_start = hat + len(h.text)
    if g.qualifier and h.sentence[:gat].rstrip().endswith(g.qualifier):
        gat = h.sentence.rfind(g.qualifier, 0, gat)
    return _PLACE_GAP.fullmatch(h.sentence, gap_start, gat) is not None


# currencies whose hundredth a writer calls a "cent"
_CENT_CURRENCIES = frozenset("EUR AUD CAD NZD SGD HKD".split())
_CENTS = lazy(r"\d\s*cents?\b")


def carry_cents(facts: list[Fact]) -> None:
    """Amounts written in bare "cents" (read as US cents) take the article's currency when every other
    amount it writes is in one other currency of cents ("€7,200 ... 29 cents per kilowatt hour"), in place."""
    cents = [f for f in facts if f.unit == "USD" and _CENTS.search(f.text) and "US" not in f.text]
    if not cents:
        return
    others = {f.unit for f in facts if f not in cents and len(f.unit) == 3 and f.unit.isupper()}
    if len(others) == 1 and others <= _CENT_CURRENCIES:
        for f in cents:
            f.unit = next(iter(others))

