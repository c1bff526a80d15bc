"""One story per source document: what the brief and the deck say about it.

if TYPE_CHECKING:
    from ..layouts import Content

A :class:`~reportkit.model.Story` holds the headline, a one-line summary, an
extractive summary of 2–4 whole sentences (:mod:`.summaries`), the story's key
figures, its best quote (:mod:`.quotes`) and a link to read more. Stories are
ordered by **salience** across the week: how central the story is to the
week's other stories, how many figures it carries (and how many made the
report's key figures), whether it touches the layout's keywords, and its length.
Renderers only lay out what this module decides.
"""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date as Date
from typing import TYPE_CHECKING

from ..facts import figure_at
from ..lazyre import lazy
from ..model import Document, Fact, KeyFigure, Quote, Story
from ..urls import link_of, own_url  # noqa: F401 - reportkit.story.link_of, as before
from .keyfigures import article_words, published_on
from .movement import article_body, display, qualifier_of, way_untold
from .cardnames import one_value_per_label
from .flows import unit_untold, with_flow
from .gate import card_why
from .owner import other_owner
from .labels import figure_label, without_movement
from .misreads import (actor_only, basis_untold, compared, expected, part_untold, per_untold, range_half,
                       relative_untold,
                       time_span, time_untold)
from .periodwords import words
from .quotes import best_quote, printable_quotes
from .voices import keep_second_quotes, second_voice
from .scope import period_untold, with_whole
from .twins import twin_untold
from .untold import untold
from .backref import named_once, points_back
from .takeaways import _names_inside, in_own_voice, names_something
from .summaries import candidates_of, choose, score_sentences, summary_pieces, textrank, tokens, writer_named

#: reference labels that name the article itself rather than a citation in it
# "Average 30-year" (of "the average 30-year fixed mortgage rate"): a label ending on a span says how
# long, not what is measured
_ENDS_ON_SPAN = lazy(r"\d+-(?:year|month|week|day|quarter)s?\Z", re.I)
# "over the 15-year contract term": a duration written as a modifier is a length of the noun after it
_MODIFIER = lazy(r"-(?:year|month|week|day|hour)s?\Z", re.I)
_NEXT_WORDS = lazy(r"(?:\s+[a-z][\w'’-]*){1,4}")
# Units that make a good headline number, best first; counts and ratios rarely do.
FIGURE_RANK = {"USD": 0, "GBP": 0, "EUR": 0, "JPY": 0, "CNY": 0, "INR": 0, "percent": 1,
               "percentage_points": 1, "barrels_per_day": 2, "tonnes_per_year": 2, "cubic_feet": 3, "barrels": 3,
               "tonnes": 3, "years": 4, "count": 5}


def _rank(unit: str) -> int | None:
    """:data:`FIGURE_RANK` of a unit; any currency ranks as money ("161.5 billion pesos")."""
    return FIGURE_RANK.get(unit, 0 if len(unit) == 3 and unit.isupper() else None)


def _modified_untold(f: Fact, label: str) -> bool:
    """Whether ``f`` is a hyphenated duration ("15-year") whose noun after it ("contract term") ``label``
    does not name: "15 years Strike prices" of "prices ... adjusted over the 15-year contract term"."""
    at = figure_at(f) if _MODIFIER.search(f.text) else -1
    follow = _NEXT_WORDS.match(f.sentence, at + len(f.text)) if at >= 0 else None
    return follow is not None and not words(follow.group(0)) & words(label)


def _figure(f: Fact, doc: Document, known: set[str], published: Date | None, several: bool = False) -> KeyFigure | None:
    """The figure as printed (with its qualifier and the sign of a movement, as in the key
    panel) under a label that says what it measures (:func:`.labels.figure_label`; whose, when
    the article's figures belong to ``several`` names); ``None`` when no such label can be made
    from the article's words."""
    label = figure_label(f, known, published, with_subject=several and f.measure is not None)
    label = with_whole(f, label) if label else None
    if label is None or expected(f, label) or compared(f) or time_untold(f) or time_span(f) or basis_untold(f, label) \
            or period_untold(f, label) or per_untold(f, doc.facts) or other_owner(f, doc) or _ENDS_ON_SPAN.search(label) \
            or way_untold(f, doc) or unit_untold(f, label) or actor_only(f, label, doc.facts) or range_half(f) \
            or _modified_untold(f, label) or part_untold(f, label) or twin_untold(f, label, doc.facts) or relative_untold(f, label) \
            or untold(f, label, doc, article_body(doc)):
        return None  # no label that says what it measures, a forecast shown as if it happened, a base, a span,
        # a period's figure without its period, another organisation's figure under this story's headline
    if base_dated(f, doc.facts):
        return None  # "up from ₺171 a year earlier, a rise of about 57%": 2026 dates the old price, not the rise
    shown = display(f, doc)
    label = with_flow(f, without_movement(label, shown), shown)
    label = label[:1].upper() + label[1:]
    if card_why(label, shown, f, doc):
        return None  # verify would flag the card: its sentence says it is something else (:mod:`.gate`)
    return KeyFigure(display=shown, label=label, source=f.source, fact_id=f.id, year=f.year,
                     qualifier=qualifier_of(f, shown))


# "from ₺171": a figure written as a change's old value
_FROM_BEFORE = lazy(r"\bfrom\s+(?:about\s+|around\s+|nearly\s+|roughly\s+|almost\s+)?\Z")


def base_dated(f: Fact, facts: list[Fact]) -> bool:
    """Whether ``f`` is dated only by the old value of its sentence's change: its period's year is
    not written in its sentence, another figure of the sentence, written after "from", has a period
    of that year and another is of a later one ("₺268 in January, up from ₺171 a year earlier, a rise
    of about 57%": the 57% is no rise of 2026)."""
    year = (f.period or "")[:4]
    if not year.isdigit() or year in f.sentence:
        return False
    same = [g for g in facts if g is not f and g.sentence == f.sentence]
    if not any((g.period or "")[:4].isdigit() and (g.period or "")[:4] > year for g in same):
        return False  # no newer figure in the sentence: the year is the sentence's own
    for g in same:
        at = figure_at(g) if (g.period or "")[:4] == year else -1
        if at >= 0 and _FROM_BEFORE.search(g.sentence, 0, at):
            return True
    return False


def story_figures(doc: Document, summary_spans: list[tuple[int, int]], report_figures: list[KeyFigure],
                  count: int = 3) -> list[KeyFigure]:
    """The story's key numbers: the figures its summary states (its first sentence
    first), money and percentages before other units, labelled ones before
    unlabelled; the report's key figures from this document break ties."""
    in_panel = {kf.fact_id for kf in report_figures}

    def where(f: Fact) -> int:
        return next((k for k, (a, b) in enumerate(summary_spans) if a <= f.start < b), len(summary_spans))

    def weak_label(f: Fact) -> bool:
        # no label, the unit's name, or one word ("Organisation", "Chance"): says little beside the number
        return not f.label or f.label.replace(" ", "_").upper() == f.unit.upper() or len(f.label.split()) < 2

    # a bracketed conversion ("($129 billion)") repeats the figure before it; the old value of
    # a change ("from 4.8%") is told by the new one, as in the key-figure panel
    olds = {f.change["from_id"] for f in doc.facts if f.change}
    # a table row's figure ("Mine: Sierra Alta; Q3 2026 output (tonnes): 51,200") after the prose's
    pool = sorted((f for f in doc.facts if _rank(f.unit) is not None and not f.equivalent_of and f.id not in olds),
                  key=lambda f: (min(where(f), 2), _TABLE_ROW.match(f.sentence) is not None, weak_label(f),
                                 _rank(f.unit), f.id not in in_panel, f.start))
    chosen: list[KeyFigure] = []
    shown: set[str] = set()
    known, published = article_words(doc), published_on(doc)
    # "€312M Operating profit" in an article about three truckmakers: whose, the label must say
    several = len({f.subject.lower() for f in doc.facts if f.subject}) > 1
    by_id = {f.id: f for f in pool}
    for f in pool:
        if len(chosen) >= count:
            break
        kf = _figure(f, doc, known, published, several)
        if kf is None:
            label = figure_label(f, known, published) if f.unit == "percent" else None
            if label and part_untold(f, label):
                count -= 1  # "38% / Export value" (the Netherlands' part of it): as a twin's, its slot stays empty
            continue  # print less: a number without a label saying what it measures
        if kf.display in shown:
            continue
        # a twin left out leaves its slot empty: the next candidates are weaker, and the story already says it
        if not _signed(kf) and any(c.label == kf.label and not _signed(c) for c in chosen):
            count -= 1  # two amounts under one label ("96,000 t" and "8,000 t / Cold-store capacity"): one is not that
            continue
        twin = next((c for c in chosen if _measure_of(c) == _measure_of(kf)), None)
        if twin is not None and _signed(kf) and _value_beside(by_id[kf.fact_id], by_id[twin.fact_id], doc.facts):
            count -= 1  # "−8% / Exported" beside "96,400 t / Exported": of the tonnes or the value, a sign cannot say
            continue
        if twin is not None and _signed(twin) and _value_beside(by_id[twin.fact_id], by_id[kf.fact_id], doc.facts):
            chosen.remove(twin)
            count -= 1
        chosen.append(kf)
        shown.add(kf.display)
    return chosen


def _money(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()


def _value_beside(change: Fact, level: Fact, facts: list[Fact]) -> bool:
    """Whether the sentence of ``change`` (a movement carded beside ``level``, a quantity under the same
    label) also tells an amount of money: a volume's change beside a value's ("exported 96,400 tonnes ...,
    8% less ..., but earned €438 million, up 14%"), so the sign alone does not say which of the two moved."""
    return not _money(level.unit) and any(g.sentence == change.sentence and _money(g.unit) for g in facts)


def _measure_of(kf: KeyFigure) -> str:
    """A card's label without its period (what and whose: "Exports" of "Exports, 2026")."""
    return kf.label.split(",")[0].strip().lower()


def _signed(kf: KeyFigure) -> bool:
    """Whether a card shows a movement: a signed figure ("−8%", "+23%")."""
    return kf.display[len(kf.qualifier) :].lstrip()[:1] in "+−"


@dataclass(frozen=True)
class _Told:
    """What a story says of its document in words: the summary (with its spans in the
    body text), the slide's bullets and the one-line summary."""

    summary: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    bullets: tuple[str, ...]
    one_line: str


# Remembered per process, by everything a summary depends on: the brief and the deck tell
# the same documents, and a watch rebuild tells every unchanged source again (issue 19).
_TOLD: OrderedDict[tuple, _Told] = OrderedDict()
_TOLD_MAX = 256


def _told(doc: Document, content: Content) -> _Told:
    settings = content.stories
    pieces = summary_pieces(doc)
    fact_starts = sorted(f.start for f in doc.facts)
    named = writer_named(doc)
    key = (doc.title, doc.subtitle, doc.dateline, doc.author, named, tuple(pieces), tuple(fact_starts), settings.summary_words,
           settings.min_sentences, settings.max_sentences, settings.one_line_words)
    told = _TOLD.get(key)
    if told is not None:
        _TOLD.move_to_end(key)
        return told
    sents = candidates_of(pieces, named)
    score_sentences(sents, doc.title, fact_starts)
    picked = choose(sents, settings.summary_words, settings.min_sentences, settings.max_sentences)
    one = _one_line(doc, sents, picked, settings.one_line_words)
    bullets = list(picked)
    if len(bullets) < 3:  # a slide wants three points: the next best short sentences that stand alone
        extra = sorted((s for s in sents if s not in picked and s.standalone and len(s.text.split()) <= 35
                        and s.score > 0), key=lambda s: (-s.score, s.index))
        bullets = sorted(bullets + extra[: 3 - len(bullets)], key=lambda s: s.index)
    # the summary is printed as one paragraph: a standfirst written without a full stop ("Passenger
    # numbers up 6.8%, load factor up 1.9 points") would run into the next sentence
    told = _TOLD[key] = _Told(tuple(_stopped(s.text) for s in picked), tuple((s.start, s.end) for s in picked),
                              tuple(s.text for s in bullets[:4]), one)
    if len(_TOLD) > _TOLD_MAX:
        _TOLD.popitem(last=False)
    return told


def _stopped(sentence: str) -> str:
    """``sentence`` ending on a full stop when it ends on none (nor on "!", "?", a quote or a bracket)."""
    text = sentence.rstrip()
    return text if not text or text[-1] in ".!?\"”’')…:" else text + "."


def build_story(doc: Document, content: Content, report_figures: list[KeyFigure]) -> Story:
    """The story of one document (see the module docstring)."""
    settings = content.stories
    told = _told(doc, content)
    printable = printable_quotes(doc)
    quote: Quote | None = best_quote(printable, doc.title)
    # the writer's "we" is said under the writer's name, in the slide's bullets and in the brief's
    # summary too: printed under the kicker that names the writer, "by our count" still read as the
    # desk's own count (week 23); a sentence whose writer signs with no name is not printed
    voiced = [(v, span) for t, span in zip(told.summary, told.spans) if (v := in_own_voice(t, doc)) is not None]
    return Story(
        source=doc.source, headline=doc.title, one_line=told.one_line, summary=[v for v, _span in voiced],
        # a bullet naming its subject by its head noun ("The Trust approved ...") says the name the document
        # writes, unless the headline or a bullet before it does
        bullets=named_once([v for b in told.bullets if (v := in_own_voice(b, doc)) is not None], doc.title, doc),
        figures=story_figures(doc, [span for _v, span in voiced], report_figures, settings.figures),
        quote=quote, link=link_of(doc), second_quote=second_voice(printable, quote, doc.title, doc.body_text()),
    )


# "the wood the group bought", "in the quarter", "its timber": a noun pointing back to a name or a time told
# in an earlier sentence; read first, away from the article, it says neither whose nor when
_POINTS_BACK = lazy(r"\b(?:the\s+(?:group|company|firm|business|bank|insurer|lender|miner|producer|maker|retailer|"
                    r"operator|carrier|co-operative|cooperative|council|quarter|half|month|period)|its|their)\b")


def _one_line(doc: Document, sents: list, picked: list, max_words: int) -> str:
    """One whole sentence that says what happened: the summary's first sentence (news
    puts the point first) when it stands alone and is short enough, else the
    best-scoring such sentence (the summary's first sentence, however long, when that one points back to a
    name or a time it does not say: :data:`_POINTS_BACK`, :func:`.backref.points_back`), else the best sentence."""
    for s in picked[:1]:
        if s.standalone and len(s.text.split()) <= max_words and points_back(s.text, doc) is None:
            return s.text
    # the writer's "We expect ..." leads only as the article's first point (its news), not over a fact
    ok = [s for s in sents if s.standalone and len(s.text.split()) <= max_words and s.score > 0 and not s.named_we]
    if ok:
        best = max(ok, key=lambda s: (s.score, -s.index))
        lead = picked[0] if picked and picked[0].standalone and points_back(picked[0].text, doc) is None else None
        # the line is read first and alone (the story's first takeaway): one that leaves whose or when to the
        # sentence before it ("The group sold ... in the three months", "above that threshold") cannot be it
        back = points_back(best.text, doc) is not None
        if lead is not None and (back or _POINTS_BACK.search(best.text) and not names_something(
                best.text, _names_inside(doc.body_text()))):
            return lead.text  # a long lead says whose and when; "the group ... in the quarter" does not
        if back:
            ok = [s for s in ok if points_back(s.text, doc) is None]
            if ok:
                return max(ok, key=lambda s: (s.score, -s.index)).text
        else:
            return best.text
    if sents:
        return max(sents, key=lambda s: (s.score, -s.index)).text
    return doc.subtitle or doc.title


def salience(stories: list[Story], documents: list[Document], content: Content,
             report_figures: list[KeyFigure]) -> list[float]:
    """How much each story matters this week, in 0..1 (see the module docstring)."""
    if not stories:
        return []
    # the summary as the source says it (remembered by _told): the writer's name a first-person
    # sentence is said under, or its leaving out (in_own_voice), is the brief's, not the story's weight
    summaries = [list(_told(d, content).summary) for d in documents]
    texts = [" ".join([s.headline, *said]) for s, said in zip(stories, summaries)]
    cross = textrank(texts) if len(texts) > 1 else [1.0]
    keywords = {w for k in content.keywords for w in tokens(k)}
    in_panel = {kf.source for kf in report_figures}
    out = []
    for story, doc, c, said in zip(stories, documents, cross, summaries):
        n_facts = len(doc.facts)
        words = sum(len(p.split()) for p in texts)
        hits = len(keywords & set(tokens(" ".join([story.headline, *said])))) if keywords else 0
        length = sum(len(t.split()) for t in [doc.body_text()])
        score = (0.30 * c + 0.25 * min(1.0, n_facts / 10) + 0.20 * min(1.0, hits / 2)
                 + 0.10 * (doc.source in in_panel) + 0.10 * min(1.0, math.log1p(length) / math.log1p(800))
                 + 0.05 * (story.quote is not None and bool(story.quote.speaker)))
        del words
        out.append(round(score, 6))
    return out


def build_stories(documents: list[Document], content: Content, report_figures: list[KeyFigure]) -> list[Story]:
    """Every document's story, most salient first (ties keep the documents' order)."""
    stories = [build_story(d, content, report_figures) for d in documents]
    one_value_per_label(report_figures, stories, lambda kf: _whose_card(kf, documents))
    for story, score in zip(stories, salience(stories, documents, content, report_figures)):
        story.salience = score
    order = sorted(range(len(stories)), key=lambda i: (-stories[i].salience, i))
    ordered = [stories[i] for i in order]
    keep_second_quotes(ordered)
    return ordered


def _whose_card(kf: KeyFigure, documents: list[Document]) -> KeyFigure | None:
    """``kf`` relabelled with whose figure it is (its fact's subject), ``None`` when its label cannot say more."""
    doc = next((d for d in documents if d.source == kf.source), None)
    f = next((g for g in doc.facts if g.id == kf.fact_id), None) if doc else None
    if f is None or not f.subject:
        return None
    again = _figure(f, doc, article_words(doc), published_on(doc), several=True)
    return again if again is not None and again.label.lower() != kf.label.lower() else None


_SPACE = lazy(r"\s+")
# a table row as the readers write it: "Header: cell; Header: cell"
_TABLE_ROW = lazy(r"[A-Za-z][^:;.]{0,40}:\s[^;]{1,60};")
