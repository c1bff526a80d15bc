"""The key-figure panel: the week's headline numbers, each labelled from its own sentence.

Choice (after the layout's picks):

1. **salience**: a figure the headline repeats, then the standfirst, the lead paragraph
   and the key points, then the rest of the article;
2. money before rates and shares, before quantities, before counts;
3. one figure per story before any story gets a second (stories ranked by their best);
4. never a bracketed conversion of a figure ("$8bn" after "6bn euros"), the old value of a
   change ("up from $497bn"), a repeat of a chosen value, a range, a forecast or plan its
   label would not call one ("expects revenue of"), or a figure whose measure could not be read (:mod:`reportkit.facts.meaning`): *print less, never guess*.

The label is the fact's measure with its subject and period as the text gives it ("US trade
deficit, 2024", "Operating profit, first quarter": :mod:`.labels`, never a year for a quarter's
or a month's figure); its qualifier is printed with the number ("almost €6B"). **Every word of a label occurs in the
source article**: a label that fails the check is shortened (period, then subject dropped)
or the figure is not shown.

A layout pick applies only when *all* its selector terms hold (every ``label`` keyword in
the fact's own sentence), and its ``label`` (literal, or a template over ``{measure}``,
``{subject}``, ``{year}``, ``{period}``) must itself be made of the article's words: a pick
never lends its label to a figure from another story. A pick that matches nothing is left
out with a warning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date as Date
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from ..facts import appended_to, parse_date, published_text, title_facts
from ..model import Document, Fact, KeyFigure
from .cardnames import names_whose, opens_headline
from .gate import card_why
from .labels import counts_another_noun, measure_label
# display, qualifier_of and way_untold are named here too: tests and older callers import them from here
from .movement import article_body, clear_bodies, display, qualifier_of, way_untold  # noqa: F401
from .misreads import (actor_only, basis_untold, compared, expected, part_untold, per_untold, range_half,
                       relative_untold,
                       time_untold)
from .periodwords import period_words, words, year_word
from .flows import unit_untold, with_flow
from .scope import period_untold, with_whole
from .twins import twin_untold
from .untold import untold
from .select import matches, word_start

if TYPE_CHECKING:
    from ..layouts import Content

_RATES = ("percent", "percentage_points")
_SKIP_UNITS = frozenset({"years", "months", "weeks", "days", "hours", "ratio"})
Warn = Callable[[str], None]


def article_words(doc: Document) -> set[str]:
    """Every word of an article as read: title, standfirst, dateline, body and key points."""
    return words("\n".join(t for t in (doc.title, doc.subtitle, doc.dateline, doc.body_text()) if t))


def published_on(doc: Document) -> Date | None:
    """The article's date, from its dateline, else its metadata (``None`` when neither has a full date)."""
    return parse_date(published_text(doc))


def _money(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()


def _unit_rank(f: Fact) -> int:
    if _money(f.unit):
        return 0
    if f.unit in _RATES:
        return 1
    return 3 if f.unit == "count" else 2


def _regions(doc: Document) -> list[tuple[int, int, int]]:
    """(start, end, rank) of the standfirst, the lead paragraph and the key points in
    ``doc.body_text()``: rank 1 = standfirst and key points, 2 = lead paragraph."""
    out: list[tuple[int, int, int]] = []
    pos = 0
    lead_done = False
    for owner, text in doc._parts():  # noqa: SLF001 - the one definition of body_text's pieces
        if owner is None and doc.subtitle and pos == 0 and text == doc.subtitle:
            out.append((pos, pos + len(text), 1))
        elif owner is not None and not lead_done:
            out.append((pos, pos + len(text), 2))
            lead_done = True
        elif owner is None and text in doc.key_points:
            out.append((pos, pos + len(text), 1))
        pos += len(text) + 2
    return out


def _headline(doc: Document) -> list[Fact]:
    return title_facts(doc.title)  # remembered: the document cache keeps a title's facts


def _in_headline(f: Fact, headline: list[Fact]) -> Fact | None:
    """The headline figure that repeats ``f`` (rounded: "$8 billion" for "$8.1 billion")."""
    for h in headline:
        if h.unit == f.unit and h.value and abs(abs(f.value) - abs(h.value)) <= 0.05 * abs(f.value):
            return h
    return None


def _salience(f: Fact, regions: list[tuple[int, int, int]], headline: list[Fact]) -> int:
    """0 = the headline repeats it, 1 = standfirst or key points, 2 = lead paragraph, 3 = elsewhere."""
    if _in_headline(f, headline):
        return 0
    for a, b, rank in regions:
        if a <= f.start < b:
            return rank
    return 3


def _market_price(f: Fact) -> bool:
    """A price of a unit of something in a currency ("$11,104.50 a metric ton"): a market's, no one's."""
    return bool(f.per) and len(f.unit) == 3 and f.unit.isupper()


def make_label(f: Fact, known: set[str], published: Date | None = None) -> str | None:
    """"US trade deficit, 2024", "Operating profit, first quarter": see :func:`.labels.measure_label`
    (``published``: the article's date, for a bare "February" or "first quarter"); ``None`` for a count
    of another noun than its label's, as a story's card (:func:`.labels.counts_another_noun`)."""
    label = measure_label(f, known, published)
    return None if label and counts_another_noun(f, label) else label


def _pick_label(template: str | None, f: Fact, known: set[str], published: Date | None) -> str | None:
    """A pick's label for ``f`` (a template is filled from the fact), or ``None`` when it
    cannot be filled or uses a word the fact's article does not."""
    if template is None:
        return make_label(f, known, published)
    periods = period_words(f, known, published)
    values = {"measure": f.measure, "subject": f.subject, "year": year_word(f, known),
              "period": periods[0] if periods else None}
    try:
        text = template.format(**values)
    except (KeyError, IndexError, ValueError):
        return None
    if any(f"{{{k}}}" in template and v is None for k, v in values.items()):
        return None
    return text if words(text) <= known else None


def _pick_holds(selector, f: Fact) -> bool:
    """Every term holds, and every label keyword starts a word of the fact's own sentence."""
    sentence = f.sentence.lower()
    return matches(selector, f) and all(word_start(k).search(sentence) for k in selector.label)


def key_figures(content: Content, documents: list[Document], warn: Warn = lambda _m: None,
           where: Path | str = "content.yaml") -> list[KeyFigure]:
    """The key-figure panel for ``documents`` under ``content``'s count and picks."""
    clear_bodies()
    count = content.key_figures.count
    docs = {d.source: d for d in documents}
    known_words: dict[str, set[str]] = {}

    def known(f: Fact) -> set[str]:
        if f.source not in known_words:
            known_words[f.source] = article_words(docs[f.source]) if f.source in docs else set()
        return known_words[f.source]

    def published(f: Fact) -> Date | None:
        return published_on(docs[f.source]) if f.source in docs else None

    facts = [f for d in documents for f in d.facts]
    chosen: list[tuple[Fact, str]] = []
    taken: set[tuple[float, str]] = set()
    for i, pick in enumerate(content.key_figures.picks):
        hit = None
        for f in facts:
            if (round(f.value, 6), f.unit) in taken or f.equivalent_of or not _pick_holds(pick.fact, f):
                continue
            label = _pick_label(pick.label, f, known(f), published(f))
            if label:
                hit = (f, label)
                break
        if hit is None:
            warn(f"{where}: key_figures.picks[{i}]: no fact matches every term (with a label from its own "
                 "article); left out")
            continue
        chosen.append(hit)
        taken.add((round(hit[0].value, 6), hit[0].unit))

    olds = {f.change["from_id"] for f in facts if f.change}
    per_story: list[list[tuple[tuple[int, int, int], Fact, str]]] = []

    def gated(f: Fact, label: str) -> bool:
        # asked only of a card about to be chosen (a story's best first): the checks cost ~2 ms a card
        doc = docs[f.source]
        return card_why(with_flow(f, label, display(f, doc)), display(f, doc), f, doc) is not None

    for order, doc in enumerate(documents):
        regions, headline = _regions(doc), _headline(doc)
        ranked = []
        conversions: dict[str, list[Fact]] = {}
        for g in doc.facts:
            if g.equivalent_of:
                conversions.setdefault(g.equivalent_of, []).append(g)
        for k, f in enumerate(doc.facts):
            if f.equivalent_of or f.id in olds or f.range or f.value == 0 or f.unit in _SKIP_UNITS:
                continue
            label = make_label(f, known(f), published(f))
            if label is None:
                # the headline may say what the lead does not: "Mars to buy Kellanova in $36 billion deal"
                h = next((h for g in [f, *conversions.get(f.id, [])] if (h := _in_headline(g, headline))), None)
                if h is None or not h.measure:
                    continue
                label = make_label(replace(f, measure=h.measure, subject=f.subject or h.subject), known(f),
                                   published(f))
                if label is None:
                    continue
            label = with_whole(f, label)  # "Ticket sales" of all films is no one film's
            if label is None or expected(f, label) or compared(f) or time_untold(f) or period_untold(f, label) \
                    or basis_untold(f, label) or per_untold(f, doc.facts) or way_untold(f, doc) or unit_untold(f, label) \
                    or actor_only(f, label, doc.facts) or range_half(f) or part_untold(f, label) \
                    or twin_untold(f, label, doc.facts) or relative_untold(f, label) \
                    or untold(f, label, doc, article_body(doc), alone=True) \
                    or not (names_whose(f, label, article_body(doc)) or _market_price(f) and opens_headline(label, doc.title)):
                continue  # "expects revenue of $13 billion" is no revenue yet; "compared with 2.4%" a base
            salience = min(_salience(g, regions, headline) for g in [f, *conversions.get(f.id, [])])
            # "277 GW of solar capacity in 2024, up 28%": the change speaks for the story no better than its level
            level = doc.facts[k - 1] if k and appended_to(f, doc.facts[k - 1]) else None
            ranked.append(((salience, max(_unit_rank(f), _unit_rank(level) if level else 0), f.start), f, label))
        ranked.sort(key=lambda r: r[0])
        while ranked and gated(ranked[0][1], ranked[0][2]):
            ranked.pop(0)  # a story ranks by its best card the gate lets through
        if ranked:
            per_story.append([((r[0][0], r[0][1], order), r[1], r[2]) for r in ranked])
    per_story.sort(key=lambda story: story[0][0])  # stories by their best figure, then reading order
    picked = {f.source for f, _ in chosen}
    pointers = [0] * len(per_story)
    round_no = 0
    while len(chosen) < count:
        progressed = False
        for si, story in enumerate(per_story):
            if len(chosen) >= count:
                break
            if round_no == 0 and story[0][1].source in picked:
                continue  # a picked figure already speaks for this story
            while pointers[si] < len(story):
                _key, f, label = story[pointers[si]]
                pointers[si] += 1
                if (round(f.value, 6), f.unit) not in taken and (pointers[si] == 1 or not gated(f, label)):
                    chosen.append((f, label))
                    taken.add((round(f.value, 6), f.unit))
                    progressed = True
                    break
        if not progressed and round_no > 0:
            break
        round_no += 1
    out = []
    for f, label in chosen[:count]:
        ids = [f.id] + [g.id for g in facts if g.equivalent_of == f.id]
        shown = display(f, docs.get(f.source))
        out.append(KeyFigure(display=shown, label=with_flow(f, label, shown), source=f.source,
                             fact_id=f.id, year=f.year, fact_ids=ids, qualifier=qualifier_of(f, shown)))
    return out
