"""From raw blocks to the section model: title, standfirst, dateline, headings, key points.

Both readers (plain text and Markdown) first turn a file into a flat list of
:class:`RawBlock` (heading, paragraph, list, quote); :func:`build_document` then
applies the same rules to both:

* **Title**: an explicit title (Markdown ``# H1``/front matter, or a text's first
  line when it is short and either has no final full stop or is a repeated
  teaser); otherwise the first heading; otherwise a short form of the first sentence.
* **Standfirst** (subtitle): the short paragraph right after an explicit title.
  Further front-matter paragraphs that merely rephrase the title are dropped.
* **Dateline**: "Mexico City, 25 July — ..." or "LONDON, July 25 (Reuters) - ..."
  at the start of one of the first body paragraphs; stripped from that paragraph.
* **Key points**: a numbered list at the end of the text (or under a
  "Key points"/"Highlights"/"Takeaways" heading).
* **Quotes**: block quotes get their speaker (:mod:`reportkit.readers.quotes`); quotes in
  running text are found by the story stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import sentences
from ..lazyre import lazy
from ..model import Block, Document, Reference, Section
from .byline import byline_name, named_author
from .clean import normalise, similar
from .quotes import find_quote

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# "20 Jan 2027", "Jan 20, 2027", "20.01.2027", "2027-01-20"
_DATE = (rf"(?:\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?|{_MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?"
         r"|\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)")
# A wire or the publisher's own name in brackets: "(Reuters)", "(Energy Wire)"
_AGENCY = r"(?:\s*\((?P<agency>[A-Z][\w&.]*(?:\s[A-Z][\w&.]*){0,2})\))?"
_PLACE_WORD = r"[A-Z][\w.'’-]*"
# "VALPARAISO, Chile, Dec 18, 2026 (RK Wire) -": the city's country or state after it, kept with the
# place only when a date or an agency tag follows (so "Paris, Texas" is a place, "Acme, Inc. -" no dateline)
_REGION = rf"(?:,\s{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,2}}(?=,\s*{_DATE}|\s*\())?"
_DATELINE = lazy(
    rf"(?P<dl>(?P<place>{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,3}}{_REGION})(?:,\s*(?P<date>{_DATE}))?){_AGENCY}"
    r"\s*[—–-]{1,2}\s+(?=\S)"
)
# A research note's header line: who wrote it, a dash (or "·", "|"), perhaps what kind of paper it
# is, and a full date, and nothing else ("Pellarin Commodities softs research — 17 December 2026",
# "Ararat Valley Research — beverages note, 22 April 2027"): no sentence of the article.
_HEADER_LINE = lazy(
    rf"[A-Z][^.!?:;\d]{{0,80}}?\s[—–·|-]\s(?:[A-Za-z][^.!?:;\d—–·|,]{{0,40}}(?:,|\s[—–·|-])\s)?"
    rf"(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},\s+\d{{4}})\.?"
)
# A byline or date line under the title: "By …", "Prepared for … by …", initials and names
# ("M. Okafor and L. Brandt, …"), or a short line holding a full date ("… · 27 November 2026", "… · 24 March
# 2027 · For immediate release").
_BYLINE = lazy(
    rf"(?:by\s|prepared\s(?:for|by)\s|written\sby\s|(?:[A-Z]\.\s?)+[A-Z][\w'’-]+(?:\s(?:and|&)\s|,\s)).*"
    rf"|.*\b(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},\s+\d{{4}})"
    # a release's line of fields may go on after its date ("Bureau · Ulaanbaatar · 24 March 2027 · For
    # immediate release"): up to two more short fields, no figures and no sentence
    r"(?:\s[·|]\s[A-Za-z][^.!?:;\d·|]{0,40}){0,2}\.?",
    re.I | re.S,
)
_KEY_HEADING = lazy(r"(?:key\s+(?:points|takeaways|facts|figures)|highlights|takeaways|in\s+brief|summary)\s*:?", re.I)


@dataclass
class RawBlock:
    """A block before structuring: ``heading``, ``paragraph``, ``list`` or ``quote``."""

    kind: str
    text: str = ""
    items: list[str] = field(default_factory=list)
    numbered: bool = False
    speaker: str | None = None
    #: 1-based page the block starts on (PDF)
    page: int | None = None
    #: a list made of a table's rows ("Header: cell; Header: cell"): data, never the key points
    table: bool = False
    #: a table's caption ("Swims by pool, 2026"): the words a chart of it is titled with
    caption: str | None = None


@dataclass
class RawDoc:
    """What a reader hands to :func:`build_document`."""

    source: str
    blocks: list[RawBlock]
    references: list[Reference] = field(default_factory=list)
    title: str | None = None
    subtitle: str | None = None
    title_is_explicit: bool = False
    teasers: set[str] = field(default_factory=set)
    #: Plain text: a short paragraph after the title line is the standfirst.
    #: Markdown marks its standfirst (emphasis/front matter), so it says False.
    detect_standfirst: bool = True
    #: Scraped text repeats its headline as teasers; a file with real markup (HTML, PDF,
    #: Word) does not, so its first paragraph is never dropped for resembling the title.
    drop_teasers: bool = True
    warnings: list[str] = field(default_factory=list)
    #: the document's own metadata, when the source states it (see :class:`Document`)
    url: str | None = None
    author: str | None = None
    date: str | None = None
    site: str | None = None


def short_title(text: str, max_words: int = 12) -> str:
    """A title made from a sentence: at most ``max_words`` words, cut with an ellipsis."""
    sentence = sentences.first(text).rstrip(".!?")
    if not any(c.isalnum() for c in sentence):  # a text opening on a lone mark (". Exports rose 5%.")
        rest = text[text.find(sentence) + len(sentence):].lstrip(" .!?")
        return short_title(rest, max_words) if rest and rest != text else "Untitled"
    words = sentence.split()
    if len(words) <= max_words:
        return sentence
    return " ".join(words[:max_words]).rstrip(",;:—–-") + "…"


def _is_title_line(block: RawBlock, teasers: set[str]) -> bool:
    if block.kind == "heading":
        return True
    if block.kind != "paragraph" or "\n" in block.text or len(block.text) > 200:
        return False
    return not block.text.rstrip().endswith((".", "!")) or normalise(block.text) in teasers


def _is_standfirst(block: RawBlock) -> bool:
    return (
        block.kind == "paragraph"
        and len(block.text) <= 320
        and _DATELINE.match(block.text) is None
        and sentences.count(block.text) <= 1
    )


def _take_key_points(blocks: list[RawBlock]) -> tuple[list[RawBlock], list[str]]:
    """Remove the key-points list: under a key-points heading, or a numbered list at the end."""
    for i, b in enumerate(blocks):
        if b.kind == "heading" and _KEY_HEADING.fullmatch(b.text.strip()):
            # a "Key figures" table is data: its rows ("Passengers (thousands); November 2026: 3,420")
            # read as no takeaway, and stay in the body with their heading
            if i + 1 < len(blocks) and blocks[i + 1].kind == "list" and not blocks[i + 1].table:
                return blocks[:i] + blocks[i + 2 :], list(blocks[i + 1].items)
    if blocks and blocks[-1].kind == "list" and blocks[-1].numbered and len(blocks[-1].items) >= 2:
        return blocks[:-1], list(blocks[-1].items)
    return blocks, []


def _split_dateline(text: str) -> tuple[str, str, str | None] | None:
    """``(dateline, the rest, the wire's tag)`` when ``text`` opens with a dateline, else ``None``
    (the tag: "RK Wire" of "LUSAKA, April 19, 2027 (RK Wire) -", the outlet that filed it)."""
    m = _DATELINE.match(text)
    # A dateline has a date or an agency tag, or a place in capitals ("LONDON -").
    if m and (m.group("date") or "(" in text[: m.end()] or m.group("place").isupper()):
        return m.group("dl").strip(), text[m.end() :], m.group("agency")
    return None


def _take_dateline(blocks: list[RawBlock]) -> tuple[str, str | None] | None:
    """Strip a dateline from one of the first three paragraphs and return it with its wire's tag."""
    seen = 0
    for b in blocks:
        if b.kind != "paragraph":
            continue
        split = _split_dateline(b.text)
        if split:
            b.text = split[1]
            return split[0], split[2]
        seen += 1
        if seen >= 3:
            break
    return None


def _front_matter(doc: RawDoc, blocks: list[RawBlock]) -> tuple[str, str | None, list[RawBlock]]:
    """Choose title and standfirst; drop front paragraphs that rephrase the title."""
    title, subtitle = doc.title, doc.subtitle
    explicit = doc.title_is_explicit
    if title is None and blocks and _is_title_line(blocks[0], doc.teasers):
        title, blocks, explicit = blocks[0].text.strip(), blocks[1:], True
    if explicit:
        if doc.detect_standfirst and subtitle is None and len(blocks) > 1 and _is_standfirst(blocks[0]):
            subtitle, blocks = blocks[0].text.strip(), blocks[1:]
        elif (doc.detect_standfirst and subtitle is None and len(blocks) > 1 and blocks[0].kind == "heading"
              and len(blocks[0].text.split()) >= 8 and blocks[1].kind == "paragraph"):
            # A long line without a final stop right under the title is its standfirst
            # ("Install figures for the third quarter show the first fall since 2020"), not a heading.
            subtitle, blocks = blocks[0].text.strip(), blocks[1:]
        # Teaser variants ("aims to construct a pathway..." after "aims to set up a corridor...")
        while (doc.drop_teasers and blocks and blocks[0].kind == "paragraph" and _is_standfirst(blocks[0])
               and similar(blocks[0].text, title)):
            blocks = blocks[1:]
    if title is None:
        heading = next((b.text for b in blocks if b.kind == "heading"), None)
        if heading:
            title = heading.strip()
        else:
            text = next((b.text or " ".join(b.items) for b in blocks if (b.text or b.items)), "")
            title = short_title(text) if text else "Untitled"
    return title, subtitle, blocks


def _to_block(raw: RawBlock) -> Block:
    if raw.kind == "list":
        return Block(kind="list", items=list(raw.items), page=raw.page, caption=raw.caption if raw.table else None)
    if raw.kind == "quote":
        return Block(kind="quote", text=raw.text, speaker=raw.speaker, page=raw.page)
    return Block(kind="paragraph", text=raw.text, page=raw.page)


def _sections(blocks: list[RawBlock]) -> list[Section]:
    sections: list[Section] = []
    for raw in blocks:
        if raw.kind == "heading":
            sections.append(Section(heading=raw.text.strip()))
            continue
        if not sections:
            sections.append(Section(heading=None))
        sections[-1].blocks.append(_to_block(raw))
    # A heading with nothing under it (e.g. at the very end) is kept as a paragraph.
    return [s for s in sections if s.blocks or s.heading]


def _resolve_quotes(blocks: list[RawBlock], front: list[str]) -> None:
    """Find the speaker of each block quote (Markdown ``>``) that has none.

    Paragraphs stay paragraphs even when they open with a quote mark: quotes in
    running text are found, with their speakers, by the story stage
    (``reportkit.story.find_quotes``). ``front`` (title, standfirst) is context for full names.
    """
    context: list[str] = list(front)
    last_speaker: str | None = None
    for b in blocks:
        if b.kind == "paragraph":
            context.append(b.text)
        elif b.kind == "quote" and not b.speaker:
            q = find_quote(b.text, context, last_speaker, block_quote=True)
            if q is not None:
                b.text, b.speaker = q.text, q.speaker
            last_speaker = b.speaker or last_speaker
        if len(context) > 6:
            context = context[-6:]


def build_document(doc: RawDoc) -> Document:
    """Apply the structure rules to a reader's raw blocks."""
    blocks = [b for b in doc.blocks if b.text.strip() or b.items]
    blocks, key_points = _take_key_points(blocks)
    title, subtitle, blocks = _front_matter(doc, blocks)
    dateline = agency = None
    author = named_author(doc.author)
    if subtitle and _BYLINE.fullmatch(subtitle) and len(subtitle.split()) <= 16:
        # "Downstream team · 27 November 2026", "M. Okafor and L. Brandt, Institute …": who
        # and when, not a standfirst (summaries and takeaways must not start from it); a byline
        # that is only a name ("By Chanda Mwale-Hoffmann") is the author a wire's dateline below
        # would otherwise replace
        dateline, subtitle = subtitle.rstrip("."), None
        author = author or byline_name(dateline)
    if subtitle and (split := _split_dateline(subtitle)):
        # a page's first paragraph taken as its standfirst ("SHANGHAI (RK Wire) - Lyra cut ..."):
        # the dateline is no words of the standfirst
        dateline, subtitle, agency = split[0], split[1].strip() or None, split[2]
    header = next((i for i, b in enumerate(blocks[:3]) if b.kind == "paragraph"), None)
    if header is not None and _HEADER_LINE.fullmatch(blocks[header].text.strip()):
        # a note's header line under its title (the source's name and date, no verb) is who
        # wrote it and when, like a byline: never a summary sentence or a takeaway
        dateline = dateline or blocks[header].text.strip().rstrip(".")
        blocks = blocks[:header] + blocks[header + 1 :]
    lead = next((b for b in blocks[:2] if b.kind in ("heading", "paragraph")), None)
    if lead is not None and not author:
        # a plain text's byline line under its title ("By Lucía Ferreyra-Holm", read as a heading)
        author = byline_name(lead.text)
    taken = _take_dateline(blocks)
    if taken:
        dateline, agency = taken[0], taken[1] or agency
    blocks = [b for b in blocks if b.text.strip() or b.items]
    _resolve_quotes(blocks, [t for t in (title, subtitle) if t])
    return Document(
        source=doc.source,
        title=title,
        subtitle=subtitle,
        dateline=dateline,
        sections=_sections(blocks),
        key_points=key_points,
        references=list(doc.references),
        warnings=list(doc.warnings),
        url=doc.url,
        author=author,
        date=doc.date,
        # a wire's tag in the dateline names the outlet that filed the story ("(RK Wire)")
        site=doc.site or agency,
    )
