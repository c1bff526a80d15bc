"""``reportkit verify --sources``, words: every printed label uses only words of its figure's source.

The numbers check (:mod:`.sources`) says a printed "9%" is some source's 9%; this one checks
what the output says the 9% *is*: each figure's label, chart title, caption and description
and each takeaway read back from the file's own text (:mod:`.printed`; never the build's
record: a check that trusts the build's claims checks nothing).

A label is checked against every source fact its number traces to (only those of the story it
is printed with, "Source: [S4]" or its "SOURCE S4" section, when that article has the number:
the tag is read from the output's own sources list), and passes when one of them supports it:

- **words**: each word (stemmed: "imported" is "imports") occurs in that fact's own sentence,
  or in the headline when the headline holds the figure; a word of the sentence before only when
  the figure's sentence points back ("It", "Its", "The figure"); a name (a word the article
  capitalises inside a sentence) wherever the article writes it: whose figure it is;
- **period**: a month or quarter is written in the figure's own clause (not in ", after the
  company raised prices in August"), or the sentence says "the quarter" and the article names
  it; a year is written in the sentence (or the one before), or is the article's own date's;
- **shape**: no two periods ("Change from Q3 2025, 2026"), no measure ending on a time
  ("five-day Thanksgiving weekend"), on the word that leads up to the figure ("Dockworkers
  reject" of "Dockworkers reject 9% pay offer") or inside a noun phrase ("Experimental obesity"
  of "experimental obesity pill", "Average revenue" of "average revenue per user").

A card that says a quarter or half without the year its figure's sentence gives ("first quarter" of "in
the first quarter of 2027") is flagged (:func:`reportkit.story.year_left_out`).

A card that says no period is read as its story's: a figure of a part of a year (a quarter, a half, a
month) whose article's headline and first sentence are about other times only must say its part
(:func:`reportkit.facts.period_unlike_story`).

A figure printed as one number that is one end of its source's range ("60%" of "40% to 60%") is
flagged: the source states no such value.

A chart's bar, axis and legend names (a PDF chart's lines, a deck's native chart categories and
series) must be words of the chart's article, "From"/"To", or a period the article names
("Dec 2024": December, in a year near the article's own). Words the layouts' author wrote (a
pick's label, a chart's title) pass as written. A takeaway must be a source's sentence, or
made of one article's words. A figure whose number traces to
no fact is left to the numbers check.

Modules: :mod:`.labelindex` (the sources' sentences and names), :mod:`.wording` (words, period
and shape of a label against one sentence), :mod:`.periods` (months, quarters, years, a bar's
period), :mod:`.meaning` (what the sentence says the figure is); here, which facts a printed
item is checked against.

A candidate fact whose words support the label must also mean it: :mod:`.meaning` reads the
figure's place in its sentence (the whole of "19 of the 35 seats", one side of "a vote of 11 to
4", a forecast or a hypothesis, a "respectively" list, an appositive's noun, …). A bare count the
numbers check found as the source's text ("35") is checked against each place its article writes it.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..facts import part_name, period_unlike_story
from ..model import Fact
from ..story import BAR_PERIOD, UNQUANTIFIED, bar_period_said, bare_title_why, label_why, takeaway_why, year_left_out
from ..story import label_words as _words
from .charttitles import ChartTables, chart_title_why
from .labelindex import LabelIndex
from .meaning import occurrences, why_not_meant
from .onelabel import label_clashes
from .printed import Printed, read_printed, source_tags
from .quotewords import quote_problems
from .readback import chart_names, read_back
from .sources import SourceIndex
from .sides import side_problems
from .voice import voice_problems

__all__ = ["LabelIndex", "check", "file_label_problems", "label_problems", "read_printed"]

# a chart's bars of one change are "From" and "To", the renderer's own words; so are "since"
# ("31× since 2022"), "total" and "target", which the chart drawer writes beside a value
_PLAIN = frozenset({"from", "to", "since", "total", "target"})


# a printed range: "40%–60%", "$3B-$4B", "1,000–2,000"
_RANGE_SHOWN = re.compile(r"\d[^\d\s–-]{0,4}\s?[–-]\s?[^\d\s]{0,3}\d")


def range_end(p: Printed, f: Fact) -> str | None:
    """Why a figure printed as one number is not ``f``, a range ("60%" of "40% to 60%"): one end
    of a range is no value the source states; None when ``p`` prints the range (or is no figure)."""
    if p.kind not in ("figure", "caption") or not f.range or _RANGE_SHOWN.search(p.shown):
        return None
    return f"one end of the range {f.text!r}, printed as its value"


def _story_period(p: Printed, f: Fact, li: LabelIndex) -> str | None:
    """Why a card (a figure and its label) misstates ``f``'s period: it says none, and ``f`` is a part of a
    year its article's headline and first sentence are not about, so the card reads as the story's period
    (a quarter's "$48M / Knitwear exports" in a story of 2026); None when it does not."""
    doc = li.doc_of(f) if p.kind == "figure" else None
    part = period_unlike_story(f, p.label, doc) if doc is not None else None
    return (f"its source gives it for {part_name(part)}, which the label does not say and its story is not about"
            if part else None)


def _year_left_out(p: Printed, f: Fact) -> str | None:
    """Why a card says ``f``'s quarter or half without the year its sentence gives (older builds printed
    "Exports, first quarter" for "in the first quarter of 2027"); None when it does not."""
    return year_left_out(p.label, f) if p.kind == "figure" else None


def _tables(li: LabelIndex) -> ChartTables:
    """The sources' tables for the chart title checks, read once per index."""
    tables = getattr(li, "chart_tables", None)
    if tables is None:
        tables = li.chart_tables = ChartTables(li.docs)
    return tables


def check(p: Printed, li: LabelIndex) -> str | None:
    """Why ``p`` does not use its source's words; None when it does (or its number traces to no fact)."""
    if p.kind == "takeaway":
        if not (li.in_sources(p.label) or li.one_article(p.label)):
            return "not a source's sentence, nor one article's words"
        # a takeaway is read alone: "The group sold ... in the three months" from older builds
        doc = li.article_of(p.label)
        return takeaway_why(p.label, doc) if doc is not None else None
    if li.author and _words(UNQUANTIFIED.sub(" ", p.label)) <= li.author:
        return None  # the layout's own title or label, as its author wrote it
    if p.kind == "chart title" and (bare := bare_title_why(p.label) or chart_title_why(p.label, _tables(li))):
        return bare  # "Volume", "Value by parish", a column's header: the charts stage no longer titles a chart so
    facts = li.facts_of(p.shown, p.where) if p.value is None else li.facts_of_value(p.value)
    tagged = li.tagged.get(p.tag)
    # the story the figure is printed with: its label is that article's, when that article has the number
    facts = [f for f in facts if li.doc_of(f) is tagged] or facts
    if not facts:  # a bare count read as the source's text: what its sentences say it is
        return occurrences(p, li, tagged) if p.kind == "figure" else None
    if p.kind == "bar":  # a bar's or the legend's name: the words of the chart's article(s)
        known = set().union(*(li.words_of(f) for f in facts))
        dated = BAR_PERIOD.fullmatch(p.label.strip())
        if dated:  # "Dec 2024", "Q3 2025": the article names that month or quarter, and the year is near its own
            said = [bar_period_said(dated, d, li.article(d)) for f in facts if (d := li.doc_of(f)) is not None]
            return None if any(said) else f"{p.label.strip()!r} is no period its article names"
        foreign = sorted(_words(UNQUANTIFIED.sub(" ", p.label)) - known - _PLAIN)
        return f"{', '.join(foreign)} not in the chart's article" if foreign else None
    whys = []
    said = _words(p.label)
    # the fact whose sentence shares most of the label's words first: its reason is the one told
    # at most the 40 likeliest: a number written a thousand times is checked against its best sentences
    for f in sorted(facts, key=lambda f: -len(said & _words(f.sentence)))[:40]:
        s = li.sentence_of(f)
        if s is None:
            continue
        why = range_end(p, f) or _story_period(p, f, li) or _year_left_out(p, f) \
            or label_why(p.label, f, s, li.names(s.doc) | li.author, li.article(s.doc)) \
            or why_not_meant(p, f, s, li.names(s.doc) | li.author)
        if why is None:
            return None
        whys.append(why)
    return whys[0] if whys else None


def label_problems(pages: list[tuple[str, str]], index: SourceIndex | LabelIndex,
                   author: set[str] | None = None, names: list[tuple[str, str, float]] = ()) -> list[str]:
    """One line per printed label, caption, bar name (``names``: a deck's native charts') or
    takeaway whose words are not its source's (nor, in ``author``, the layouts' author's)."""
    li = index if isinstance(index, LabelIndex) else LabelIndex(index, author)
    li.tagged = source_tags(pages, li.docs)
    out = []
    state: dict[str, str] = {}
    printed = [p for where, text in pages for p in read_printed(text, where, state)]
    printed += [Printed(where, "bar", "", name, value) for where, name, value in names]
    out.extend(label_clashes(printed))  # one label, one value (:mod:`.onelabel`)
    for p in printed:
        why = check(p, li)
        if why:
            shown = f"{p.shown} " if p.shown and p.kind != "bar" else ""
            out.append(f"{p.where}: {p.kind} {shown}{p.label!r}: {why}")
    return out


def file_label_problems(path: Path, index: SourceIndex, author: set[str] | None = None) -> list[str]:
    """:func:`label_problems` of one built PDF or deck, read back as :mod:`.readback` reads it
    (a deck's native charts' category and series names too), its quotes' :func:`.quotewords.quote_problems`,
    a source's first-person sentence printed as its own (:func:`.voice.voice_problems`), and a
    deck's story quoted on one side while it has room for the other (:func:`.sides.side_problems`)."""
    pages = read_back(path)[0]
    # a deck's other sides (:func:`.sides.side_problems`): a brief leaves a second quote out by design
    sides = side_problems(pages, index.docs) if path.suffix.lower() == ".pptx" else []
    return label_problems(pages, index, author, chart_names(path)) + quote_problems(pages, index) \
        + voice_problems(pages, index.docs) + sides
