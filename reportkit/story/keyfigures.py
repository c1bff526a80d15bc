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

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date as Date
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from ..lazyre import lazy
from ..facts import appended_to, parse_date, published_text, title_facts
from ..model import Document, Fact, KeyFigure
from ..numbers import exact_digits, format_value
from .cardnames import names_whose, opens_headline
from .labels import counts_another_noun, measure_label
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
# A percentage after these words is a movement ("rose 4.9%"), shown with its sign.
_UP = lazy(r"\b(?:rose|rise[sn]?|(?<!make\s)(?<!made\s)(?<!makes\s)(?<!making\s)(?<!take\s)(?<!took\s)(?<!takes\s)up|grew|grow[sn]?|gain(?:ed|s)?|jump(?:ed|s)?|climb(?:ed|s)?|increas(?:ed|es)|"
                 r"surg(?:ed|es)|soar(?:ed|s)|added|expanded|widened|advanced|strengthen(?:ed|s))\s+(?:by\s+)?(?:about\s+|nearly\s+|"
                 r"almost\s+|more\s+than\s+|as\s+much\s+as\s+|only\s+|just\s+)?\Z", re.I)  # "rose only 0.7%"
_DOWN = lazy(r"\b(?:fell|fall[sn]?|down|drop(?:ped|s)?|declin(?:ed|es)|slipp?(?:ed|s)?|lost|los(?:es)|shr[ai]nk|"
                   r"slump(?:ed|s)?|plung(?:ed|es)|tumbl(?:ed|es)|slid|slides|sank|sinks|dipped|dips|eased|narrowed|cut|lower|weaken(?:ed|s))\s+(?:by\s+)?(?:about\s+|"
                   r"nearly\s+|almost\s+|more\s+than\s+|only\s+|just\s+)?\Z", re.I)
_SAID_FIRST = lazy(r"\s[-−+]?[$€£¥]?\d[\d.,]*%?(?:,\s+or|\s+and)\s+(?:about\s+|nearly\s+|almost\s+)?\Z")
_BPS = lazy(r"basis[\s-]points?|\bbps?\b", re.I)
_DECIMALS = lazy(r"\d[\d,]*(?:\.(\d+))?")
# "raised its price cap ... by 1.2 per cent": the verb is further back than the number
_BY = lazy(r"\bby\s+(?:about\s+|nearly\s+|almost\s+|more\s+than\s+)?\Z", re.I)
_UP_VERB = lazy(r"\b(?:raised?|rais(?:es|ing)|lift(?:ed|s|ing)?|increas(?:ed|es|ing)|boost(?:ed|s|ing)?|rose|grew|widened|"
                      r"expanded)\b", re.I)
_DOWN_VERB = lazy(r"\b(?:cut|cuts|cutting|lower(?:ed|s|ing)?|reduc(?:ed|es|ing)|fell|narrowed|shr[ai]nk|trimm?(?:ed|s|ing))\b", re.I)
# A figure followed by the level it moved to ("fell 2 cents to $3.86") is the move itself
_TO_LEVEL = lazy(r"\s+to\s+(?:(?:a|an|about|around|nearly|roughly|almost|record|new|high|low|of)\s+){0,3}"
                       r"[^\s\d]{0,3}\d")
# "an increase of 6.8% from the same month last year": a movement named by its noun before the figure
_CHANGE_OF = lazy(r"\b(?:(?P<up>increase|rise|gain|jump|growth)|decline|decrease|fall|drop|reduction|cut)\s+of\s+"
                  r"(?:about\s+|nearly\s+|almost\s+|more\s+than\s+|some\s+)?\Z", re.I)
_CHANGE_AFTER = lazy(r"\s+(?P<d>rise|increase|gain|jump|growth|fall|drop|decline|slump)\b", re.I)
# "6% more than a year earlier", "almost 12% lower than a year ago", "5% up on last year", "11% lower
# in real terms than": a comparison after the figure says which way it went
_MORE_AFTER = lazy(r"\s+(?:(?P<up>more|higher|up|above|greater|larger|bigger|longer|wider|heavier|dearer|costlier)|"
                         r"(?P<down>less|lower|down|below|fewer|smaller|shorter|narrower|lighter|cheaper))\s+"
                         r"(?:(?:[a-z]+\s+){1,3}?than\b|(?:than|from|on|compared|year[- ]on[- ]year)\b)", re.I)
# "9% longer than a year earlier", "12% busier than": a comparison after the figure; one whose way
# _MORE_AFTER cannot tell leaves the figure a difference that a bare label reads as a level
_THAN_AFTER = lazy(r"\s+(?:(?!rather\b|other\b|either\b|neither\b|whether\b)[a-z]{2,}er|more\s+[a-z]+|less\s+[a-z]+)"
                   r"\s+than\b", re.I)

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


# doc.body_text() joins every block of a document anew; _direction and way_untold ask it for each
# of a document's figures, which made a 10,000-paragraph source cost minutes (quadratic). Kept per
# document while a report is assembled (cleared when key_figures starts: a document is not
# changed meanwhile; stories.py asks way_untold too).
_BODIES: dict[int, tuple[Document, str]] = {}


def article_body(doc: Document) -> str:
    """``doc.body_text()``, joined once per document (see :data:`_BODIES`)."""
    hit = _BODIES.get(id(doc))
    if hit is None or hit[0] is not doc:
        if len(_BODIES) >= 256:  # a batch worker or a watch session: only this report's documents
            _BODIES.clear()
        hit = _BODIES[id(doc)] = (doc, doc.body_text())
    return hit[1]


def _direction(f: Fact, doc: Document) -> str:
    """'+' or '−' for a figure that says a movement: a percentage after its verb ("rose
    4.9%"), any figure after "by" and a raising or cutting verb ("raised its forecast by 15
    million pounds"); '' for a level."""
    text = article_body(doc)
    lead = f.start - (len(f.qualifier) + 1 if f.qualifier else 0)
    before = text[max(0, lead - 40) : lead]
    if f.unit not in _RATES:
        if _BY.search(before):
            return _by_verb(text, lead)
        if _TO_LEVEL.match(text, f.end):  # "lost 7-1/4 cents to $5.18-3/4": the move, not the price
            return "+" if _UP.search(before) else "−" if _DOWN.search(before) else ""
        return ""
    # "rose $1.86, or 2.6%", "rose 4.2% and 2.7%, respectively": the verb before the figure said first moves it too
    before = _SAID_FIRST.sub(" ", before)
    if _UP.search(before):
        return "+"
    if _DOWN.search(before):
        return "−"
    if _BY.search(before):
        sign = _by_verb(text, lead)
        if sign:
            return sign
    m = _CHANGE_OF.search(before)
    if m:
        return "+" if m.group("up") else "−"
    m = _CHANGE_AFTER.match(text, f.end)
    if m:
        return "+" if m.group("d").lower() in ("rise", "increase", "gain", "jump", "growth") else "−"
    m = _MORE_AFTER.match(text, f.end)
    if m:
        return "+" if m.group("up") else "−"
    if text[max(0, f.start - 1) : f.start] == "+" and f.value > 0:
        return "+"  # "a change of +9.0% year on year": the source's own sign
    return ""


# a bound on a number: printed before a fall's minus sign it bounds the wrong way ("lost under 1%"
# is a loss smaller than 1%; "under −1%" reads as a fall of more than 1%)
_BOUNDS = frozenset("under|less than|fewer than|more than|over|at least|at most|up to|no more than|above|below".split("|"))


def way_untold(f: Fact, doc: Document) -> bool:
    """Whether ``f`` is compared after it ("9% longer than a year earlier", "5% more expensive than")
    in a way its printed sign cannot say: unsigned, a reader takes the difference for a level; or
    it is a fall bounded by "under", "more than" ...: a bound before a minus sign reads inverted."""
    if f.qualifier and f.qualifier.lower() in _BOUNDS and not f.range and (f.value < 0 or _direction(f, doc) == "−"):
        return True
    return _THAN_AFTER.match(article_body(doc), f.end) is not None and not _direction(f, doc)


def _by_verb(text: str, lead: int) -> str:
    """The sign of "... raised its price cap by 1.2%": the last raising or cutting verb of the clause."""
    clause = re.split(r"[.;:]", text[max(0, lead - 100) : lead])[-1]
    ups, downs = [m.start() for m in _UP_VERB.finditer(clause)], [m.start() for m in _DOWN_VERB.finditer(clause)]
    if ups or downs:
        return "+" if max(ups or [-1]) > max(downs or [-1]) else "−"
    return ""


def decimals(text: str) -> int:
    """Decimals of the first number in a fact's text ("$169.59 billion" -> 2)."""
    m = _DECIMALS.search(text)
    return len(m.group(1)) if m and m.group(1) else 0


def _value(value: float, f: Fact, digits: int) -> str:
    """One value of ``f`` with its unit; in basis points when the source writes them ("25
    basis points" is "25 bp", not "0.25 pp": what the source says, and verify reads it back)."""
    if f.unit == "percentage_points" and _BPS.search(f.text):
        return f"{round(value * 100, 4):,g} bp"
    return format_value(value, f.unit, f.per, digits)


def display(f: Fact, doc: Document | None = None) -> str:
    """The number as printed: qualifier, sign of a movement, value with unit at the source's
    precision ("almost €6B", "+4.9%", "5.25%", "−25 bp")."""
    digits = max(decimals(f.text), exact_digits(f.value))
    if f.range:
        body = f"{_value(f.range[0], f, digits)}–{_value(f.range[1], f, digits)}"
    else:
        sign = _direction(f, doc) if doc else ""
        # a movement's sign replaces the number's own; without one, a negative number keeps its minus
        body = _value(abs(f.value) if sign else f.value, f, digits)
        # a negative number is printed with a minus sign, as a movement's is ("-19%" in a table: "−19%")
        body = f"{sign}{body}" if sign else re.sub(r"^-", "−", body)
    return f"{f.qualifier} {body}" if f.qualifier else body


def qualifier_of(f: Fact, shown: str) -> str:
    """The qualifier words that ``shown`` (:func:`display` of ``f``) opens with, for the renderers to
    set smaller than the number ("an average of" / "$187.40"); "" when it has none."""
    return f.qualifier if f.qualifier and shown.startswith(f.qualifier + " ") else ""


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
    _BODIES.clear()
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
                if (round(f.value, 6), f.unit) not in taken:
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
