"""The section model and numeric facts: plain dataclasses, no I/O.

Every class round-trips losslessly through JSON: ``Document.from_dict(d.to_dict())
== d``. Readers produce :class:`Document` objects, :mod:`reportkit.facts.extract` fills in
their :class:`Fact` lists, :mod:`reportkit.story.assemble` assembles them into a
:class:`Report`, and the renderers only ever read these objects.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields
from pathlib import PurePath
from typing import Any

BLOCK_KINDS = ("paragraph", "quote", "list")
QUOTE_KINDS = ("full", "fragment")


@dataclass
class Reference:
    """A numbered reference such as ``[1] https://example.org/story``."""

    label: str
    url: str


@dataclass
class Block:
    """One body block: a paragraph, a quote (with its speaker) or a list (with items).

    ``page`` is the 1-based page the block starts on, for sources that have pages (PDF).
    """

    kind: str
    text: str = ""
    speaker: str | None = None
    items: list[str] = field(default_factory=list)
    page: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {self.kind!r}")


@dataclass
class Section:
    """A heading (or ``None`` for the untitled lead section) and its blocks."""

    heading: str | None
    blocks: list[Block] = field(default_factory=list)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Section:
        return cls(heading=d.get("heading"), blocks=[Block(**b) for b in d.get("blocks", [])])


@dataclass
class Fact:
    """A quantity found in prose, with where it came from.

    ``value`` is the normalised number ("$2.8 million" -> 2800000.0); for a range
    it is the low end and ``range`` holds ``[low, high]``. ``start``/``end`` are
    character offsets into the cleaned text of ``source``.
    """

    id: str
    text: str
    value: float
    unit: str
    source: str
    start: int
    end: int
    sentence: str
    label: str = ""
    year: int | None = None
    per: str | None = None
    qualifier: str | None = None
    range: list[float] | None = None
    # What the figure is, from its own sentence (reportkit.facts.meaning / period / links):
    # "net debt", "Shell", "2024-Q3"; a change "from X to Y" links both facts
    # ({"from_id", "to_id"}); a bracketed conversion names the figure it converts.
    measure: str | None = None
    subject: str | None = None
    period: str | None = None
    change: dict[str, str] | None = None
    equivalent_of: str | None = None
    #: 1-based page of the source the fact is on (PDF sources), else None
    page: int | None = None


@dataclass
class Quote:
    """A double-quoted span of a document's running text (found by the story stage).

    ``text`` is exactly what stands between the quote marks; ``start``/``end`` are
    its offsets in ``Document.body_text()``. ``kind`` is ``full`` (quoted speech)
    or ``fragment`` (quoted words inside reported speech, or a scare quote).
    ``speaker`` is who said it (``None`` when the text does not say), ``role``
    what the text calls them ("the OECD's chief economist").
    """

    text: str
    speaker: str | None = None
    role: str | None = None
    kind: str = "full"
    start: int = 0
    end: int = 0

    def __post_init__(self) -> None:
        if self.kind not in QUOTE_KINDS:
            raise ValueError(f"unknown quote kind {self.kind!r}")

    @property
    def display(self) -> str:
        """The words as shown on their own: the comma that led into the attribution
        ("…, as well," Tsivilev said) becomes a full stop."""
        text = " ".join(self.text.split())
        return text[:-1].rstrip() + "." if text.endswith(",") else text


@dataclass
class Document:
    """One source document, cleaned and parsed.

    ``url``, ``author``, ``date`` (ISO) and ``site`` are the document's own metadata when the
    source states them (a web page's canonical link, byline, publication date, site name; a
    Word file's core properties): how the sources list cites the document.
    """

    source: str
    title: str
    subtitle: str | None = None
    dateline: str | None = None
    sections: list[Section] = field(default_factory=list)
    key_points: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: quotes in the running text, filled by the story stage (``story.add_quotes``)
    quotes: list[Quote] = field(default_factory=list)
    url: str | None = None
    author: str | None = None
    date: str | None = None
    site: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (all nested dataclasses become dicts)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        """Inverse of :meth:`to_dict`; unknown keys are an error."""
        known = {f.name for f in fields(cls)}
        extra = set(d) - known
        if extra:
            raise ValueError(f"unknown document keys: {sorted(extra)}")
        return cls(
            source=d["source"],
            title=d["title"],
            subtitle=d.get("subtitle"),
            dateline=d.get("dateline"),
            sections=[Section.from_dict(s) for s in d.get("sections", [])],
            key_points=list(d.get("key_points", [])),
            references=[Reference(**r) for r in d.get("references", [])],
            facts=[Fact(**f) for f in d.get("facts", [])],
            warnings=list(d.get("warnings", [])),
            quotes=[Quote(**q) for q in d.get("quotes", [])],
            url=d.get("url"),
            author=d.get("author"),
            date=d.get("date"),
            site=d.get("site"),
        )

    def quote_blocks(self) -> list[Block]:
        """All quote blocks (Markdown block quotes), in reading order."""
        return [b for s in self.sections for b in s.blocks if b.kind == "quote"]

    def _parts(self) -> list[tuple[object | None, str]]:
        """(owner, text) pieces of :meth:`body_text`, in order; owner is the Block
        for block text, None for the standfirst, headings and key points."""
        parts: list[tuple[object | None, str]] = [(None, self.subtitle)] if self.subtitle else []
        for s in self.sections:
            if s.heading:
                parts.append((None, s.heading))
            for b in s.blocks:
                parts.append((b, b.text if b.kind != "list" else "\n".join(b.items)))
        parts.extend((None, k) for k in self.key_points)
        return parts

    def body_text(self) -> str:
        """Headings and block text joined with blank lines (what facts are found in).

        The standfirst (subtitle) comes first and the key points follow the
        sections, one per paragraph, so facts in them are found too and their
        offsets point into this same text.
        """
        return "\n\n".join(text for _owner, text in self._parts())

    def page_at(self, offset: int) -> int | None:
        """The page (PDF sources) of the text at ``offset`` of :meth:`body_text`: the page of
        the block holding it; for a heading, of the block after it; None for key points (they
        are gathered from anywhere) and for sources without pages."""
        parts = self._parts()
        pos = 0
        for i, (owner, text) in enumerate(parts):
            if offset < pos + len(text) + 2:
                if isinstance(owner, Block):
                    return owner.page
                return next((o.page for o, _t in parts[i + 1:] if isinstance(o, Block)), None)
            pos += len(text) + 2
        return None

    def block_offsets(self) -> dict[int, int]:
        """Where each block's text starts in :meth:`body_text`, by ``id(block)``:
        how renderers map a fact's offsets back to the block and sentence holding it."""
        offsets: dict[int, int] = {}
        pos = 0
        for owner, text in self._parts():
            if owner is not None:
                offsets[id(owner)] = pos
            pos += len(text) + 2
        return offsets


@dataclass
class Series:
    """One data series of a chart; ``None`` is a gap (the text gives no number there)."""

    name: str
    values: list[float | None]


@dataclass
class ChartPoint:
    """One number a chart draws or prints, with its provenance.

    ``value`` is ``None`` for a gap. Exactly one of ``fact_ids`` (the facts it is) and
    ``derived`` (``{"kind": "complement"|"part"|"difference"|"sum"|"ratio"|"growth", "inputs":
    [fact ids], ...}``, see :mod:`reportkit.charts.points`) says where it came from; a
    number from a CSV file or inline ``values`` has neither (its source is the layout).
    In ``ChartData.text_points`` the category names the text that prints it ("caption").
    """

    category: str
    series: str
    value: float | None
    display: str = ""
    fact_ids: list[str] = field(default_factory=list)
    derived: dict[str, Any] | None = None


@dataclass
class ChartData:
    """A chart spec resolved against facts: what both the Plotly image and the
    native PowerPoint chart are drawn from.

    ``kind`` is one of ``bar``, ``line``, ``donut``, ``bullet``, ``stacked_bar``.
    ``fact_ids`` and ``sources`` are the provenance; ``alt_text`` describes the data
    in one or two sentences for screen readers (PDF alt text, PPTX ``descr``).
    """

    id: str
    kind: str
    title: str
    categories: list[str]
    series: list[Series]
    unit: str
    value_format: str = "{:,.0f}"
    subtitle: str | None = None
    caption: str | None = None
    note: str | None = None
    target: float | None = None
    target_label: str | None = None
    sources: list[str] = field(default_factory=list)
    fact_ids: list[str] = field(default_factory=list)
    alt_text: str = ""
    # Added by charts.resolve: display strings per series and point ("$86.4M"),
    # an Excel/PowerPoint number format for native data labels ('"$"#,##0.0,,"M"'),
    # and the target's own unit when it differs from the bars' (1.8M b/d vs wells).
    labels: list[list[str]] = field(default_factory=list)
    number_format: str = "General"
    target_unit: str | None = None
    # Provenance per point (and per number the chart's texts print); what the categories
    # are ("year"/"period": a trend; "label"/"subject": a comparison); what the values
    # measure and of whom, in the source's words; the articles' titles for the source
    # line; whether the chart was proposed by ``auto_charts`` rather than named.
    points: list[ChartPoint] = field(default_factory=list)
    text_points: list[ChartPoint] = field(default_factory=list)
    category_kind: str = "label"
    measure: str = ""
    subject: str = ""
    source_titles: list[str] = field(default_factory=list)
    auto: bool = False


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
    key numbers; ``quote`` its best attributed quote; ``link`` the article's URL
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


@dataclass
class RenderedChart:
    """A chart rendered to image files (by :mod:`reportkit.charts.data`).

    ``width_px``/``height_px`` are the logical size (scale 1); the PNG holds
    ``scale`` times as many pixels for print resolution. ``cached`` says whether
    the images came from the chart cache without starting a browser.
    """

    id: str
    png: str | None
    svg: str | None
    width_px: int
    height_px: int
    scale: float = 2.0
    cached: bool = False


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

