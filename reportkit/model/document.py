"""The section model and numeric facts: what readers produce and facts/ fills in."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
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
    ``caption`` is a table's caption (a list of "Header: cell; ..." rows): the body text gives it
    as the line right above the rows, so the rows' cells read the period it names.
    """

    kind: str
    text: str = ""
    speaker: str | None = None
    items: list[str] = field(default_factory=list)
    page: int | None = None
    caption: str | None = None

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

    A quote its attribution interrupts (``"We had the flowers," said X. "What we did not have
    was space."``) is found as one quote per pair of marks; the first holds the words of the
    others in ``more`` (each as written between its marks), and each later one the ``start`` of
    the first in ``continues``: :attr:`display` prints the whole.
    """

    text: str
    speaker: str | None = None
    role: str | None = None
    kind: str = "full"
    start: int = 0
    end: int = 0
    more: list[str] = field(default_factory=list)
    continues: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in QUOTE_KINDS:
            raise ValueError(f"unknown quote kind {self.kind!r}")

    @property
    def parts(self) -> list[str]:
        """The quote's words as the source writes them, one string per pair of quote marks."""
        return [self.text, *self.more]

    @property
    def display(self) -> str:
        """The words as shown on their own: the comma that led into the attribution
        ("…, as well," Tsivilev said) becomes a full stop. The parts of an interrupted quote
        are joined as the speaker said them: a part that goes on with the sentence ("The frost
        took four nights," says X, "and it took ...") after a space, a part that starts a new
        sentence after the previous part's comma made a full stop. Nothing is left out but the
        attribution, which is no word of the speaker's, so no "…" marks the join."""
        text = " ".join(self.text.split())
        for part in self.more:
            part = " ".join(part.split())
            if not part:
                continue
            if not part[0].islower() and text.endswith(","):
                text = text[:-1].rstrip() + "."
            text = f"{text} {part}"
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
                lines = ([b.caption] if b.caption else []) + b.items
                parts.append((b, b.text if b.kind != "list" else "\n".join(lines)))
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

    def lead_end(self) -> int:
        """Where the standfirst and the first paragraph end in :meth:`body_text` (what a reader
        takes as the document's lead: a chart's whose, an automatic chart's lead figures)."""
        end = len(self.subtitle) + 2 if self.subtitle else 0
        offsets = self.block_offsets()
        for s in self.sections:
            for b in s.blocks:
                return max(end, offsets[id(b)] + len(b.text))
        return end
