"""What the story stage decides and the renderers lay out: the report, its stories,
takeaways, key figures and what changed since the week before."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from .chart import ChartData
from .document import Document, Fact, Quote, Reference

@dataclass
class KeyFigure:
    """A big number for the key-figures panel: "$86.4M" / "FDI from Russia, 2024"."""

    display: str
    label: str
    source: str
    fact_id: str
    year: int | None = None
    # the fact and its bracketed conversions ("6bn euros ($8bn; £6bn)"): what the number traces to
    fact_ids: list[str] = field(default_factory=list)
    # the words ``display`` opens with before its number ("an average of", "almost", "more than"): a
    # fact, never dropped; the renderers set them smaller than the number, on its line
    qualifier: str = ""

    def number(self) -> str:
        """``display`` without its qualifier: what the renderers set in the big type ("$187.40")."""
        if self.qualifier and self.display.startswith(self.qualifier + " "):
            return self.display[len(self.qualifier) + 1:]
        return self.display

    def lead(self) -> str:
        """The qualifier that ``display`` opens with ("" when it has none)."""
        return self.qualifier if self.number() != self.display else ""


@dataclass
class Takeaway:
    """A key point, merged across sources, tagged with every source that made it."""

    text: str
    sources: list[str]


@dataclass
class Story:
    """What the brief and the deck say about one source document (story stage).

    ``summary`` holds 2–4 whole sentences of the article, in its order;
    ``one_line`` is one whole sentence saying what happened; ``figures`` are its
    key numbers; ``quote`` its best attributed quote, ``second_quote`` another side's voice the
    brief prints under it (:mod:`reportkit.story.voices`), or ``None``; ``link`` the article's URL
    when its references give one, else its file name; ``salience`` how much it
    matters this week (stories are ordered by it).
    """

    source: str
    headline: str
    one_line: str
    summary: list[str] = field(default_factory=list)
    #: 3-4 whole sentences for a slide's bullets: the summary, topped up with the next best sentences
    bullets: list[str] = field(default_factory=list)
    figures: list[KeyFigure] = field(default_factory=list)
    quote: Quote | None = None
    link: str = ""
    second_quote: Quote | None = None
    salience: float = 0.0


@dataclass
class Week:
    """An ISO week: ``label`` is ``2026-W47``; dates are ISO strings (Monday..Sunday)."""

    year: int
    number: int
    start: str
    end: str

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.number:02d}"


@dataclass
class ChangeLine:
    """One line of "What changed": a figure that changed, was revised within the week,
    is new or dropped out, or a story that is new or no longer covered.

    ``text`` is what the brief and the deck print; ``source``/``sentence`` are this
    week's provenance, ``old_source``/``old_sentence``/``old_week`` the earlier one's
    (for ``revised``, the old value stated in this week's own sentence). ``derived``
    names numbers of ``text`` computed from the two values (difference, ratio).
    """

    kind: str  # changed | revised | new | dropped | new_story | dropped_story
    text: str
    source: str = ""
    sentence: str = ""
    old_source: str = ""
    old_sentence: str = ""
    old_week: str = ""
    fact_ids: list[str] = field(default_factory=list)
    old_fact_ids: list[str] = field(default_factory=list)
    derived: list[str] = field(default_factory=list)
    stated: str = ""  # "stated in the week: from 1.8M b/d" when this week's text gives the old value
    move: float | None = None  # signed relative change of a pair (None: no pair, or from zero)
    difference: float | None = None  # new value minus old value of a pair
    excerpt: str = ""  # the words around the number in ``sentence`` (and in ``old_sentence``)
    old_excerpt: str = ""


@dataclass
class Changes:
    """What changed since an earlier build record of the same report.

    ``all`` holds every change; ``lines`` at most the layout's ``changes.max_lines``
    of them (stories that start or stop, then the biggest moves); ``note`` is one
    line when nothing changed.
    """

    report: str
    since: str  # the earlier record's week, 2026-W46
    week: str
    since_label: str = ""  # the same for readers: Week 46, 2026
    lines: list[ChangeLine] = field(default_factory=list)
    all: list[ChangeLine] = field(default_factory=list)
    more: bool = False
    continuing: list[str] = field(default_factory=list)  # this week's sources that continue a story
    note: str = ""


@dataclass
class Report:
    """Everything a renderer needs, assembled from documents and the content layout."""

    title: str
    short_title: str
    week: Week
    documents: list[Document]
    standfirst: str = ""
    takeaways: list[Takeaway] = field(default_factory=list)
    key_figures: list[KeyFigure] = field(default_factory=list)
    charts: list[ChartData] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # what changed since the earlier build record (None: no earlier record to compare with)
    changes: Changes | None = None
    #: one story per document, most salient first
    stories: list[Story] = field(default_factory=list)
    #: the week's best 1-3 full quotes, as (document source, quote)
    quotes: list[tuple[str, Quote]] = field(default_factory=list)
    #: the documents' metadata subject and keywords when not the content file's own (None: its
    #: own): a week off the content file's topic prints its ``off_topic`` masthead (story/topic.py)
    subject: str | None = None
    keywords: list[str] | None = None

    def about(self, content: Any) -> tuple[str, list[str]]:
        """The subject and keywords the outputs print (metadata, the brief's cover kicker): the
        report's own when it has them (a week off the content file's topic), else ``content``'s."""
        return (content.subject if self.subject is None else self.subject,
                list(content.keywords if self.keywords is None else self.keywords))

    @property
    def facts(self) -> list[Fact]:
        return [f for d in self.documents for f in d.facts]

    def source_names(self) -> dict[str, str]:
        """Each document's source as shown to readers (see :func:`source_names`)."""
        return source_names(d.source for d in self.documents)

    @property
    def references(self) -> list[Reference]:
        seen: set[str] = set()
        out: list[Reference] = []
        for d in self.documents:
            for r in d.references:
                if r.url not in seen:
                    seen.add(r.url)
                    out.append(r)
        return out



def source_names(sources: Iterable[str]) -> dict[str, str]:
    """Source path -> the name readers see: the path relative to the build root, the
    deepest folder holding every source (``d/a/x.txt`` and ``d/b/x.txt`` show as
    ``a/x.txt`` and ``b/x.txt``; sources in one folder show by file name).

    Sources are told apart by path, never by file name alone: two files called
    ``x.txt`` in different folders are different sources.
    """
    paths = list(dict.fromkeys(sources))
    parts = [PurePath(p).parts for p in paths]
    folders = [pp[:-1] for pp in parts]
    depth = 0
    if folders:
        first = folders[0]
        while depth < len(first) and all(len(f) > depth and f[depth] == first[depth] for f in folders):
            depth += 1
    return {p: "/".join(pp[depth:]) for p, pp in zip(paths, parts, strict=True)}
