"""The brief's ``stories`` part: one entry per story, as the story stage decided it.

An entry is the story's source tag and dateline, its headline, its summary (whole
sentences of the article), a row of its key numbers, its best quote with the
speaker, and "Read more" with its link. Its kicker and headline keep the summary's first lines
on their page, its numbers, quote and link its last lines (:class:`StoryEnd`); in between, the
summary may run on to the next page, which then opens with the story's kicker and headline again,
"(CONTINUED)". A quote or a row of numbers never opens a page away from its text (week 14's page
5 opened with a quote alone), and a long summary still fills the page it starts on; a short one that
would leave its headline with two lines at a page's foot ends the page with its numbers, its quote
overleaf (storyend).
Entries are separated by hairlines. The full articles are the optional ``full_text`` part.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table

from .figuretext import fitted, markup, split_value
from .figuretext import width as value_width
from .floats import FloatPoint
from .para import Paragraph
from .flowables import SPLIT_IN_ROW, Heading, table_style
from .rows import AtTop
from .storyend import END_LINES, HEAD_LINES, HeadBreak, StoryEnd, summary_lines
from .text import safe_href, url_markup

if TYPE_CHECKING:
    from ...model import KeyFigure, Story
    from .story import Ctx


def stories(ctx: Ctx) -> list[Any]:
    """Every story of the report, most salient first, under "This week's stories"."""
    items = ctx.report.stories
    if not items:
        return []
    title = "This week's stories"
    heading = Heading(ctx.m(title, bold=True), ctx.styles.h1, title, 0, ctx.outline)
    flow: list[Any] = []
    for i, story in enumerate(items):
        head, tail = entry(ctx, story, last=i == len(items) - 1)
        lead = entry_flow(head, tail, ctx.width, ctx.height)
        # a floating chart figure is put down only between two entries, never inside one (floats)
        flow += [FloatPoint(story.source), *(with_part_heading(heading, lead, ctx.width, ctx.height) if i == 0 else lead)]
    return flow


def with_part_heading(heading: Heading, lead: list[Any], width: float, height: float) -> list[Any]:
    """The part's heading kept with the first entry's head: inside its conditional page break (a
    fixed 70 mm asked before the heading moved the part to the next page with up to 28% of this
    one empty, while a shorter room still held the heading and the entry's first lines)."""
    first = lead[0]
    if isinstance(first, HeadBreak):
        heading.keepWithNext = 0  # the break keeps it with the entry's first lines (see entry_flow)
        need = heading.wrap(width, height)[1] + heading.getSpaceBefore() + heading.getSpaceAfter()
        return [first.above(heading, need), heading, *lead[1:]]
    return [KeepTogether([heading, *first._content]), *lead[1:]]


def entry_flow(head: list[Any], tail: list[Any], width: float, height: float) -> list[Any]:
    """One entry as flowables: ``head`` (kicker, headline, then the summary paragraph last) and
    ``tail`` (its "(CONTINUED)" line, numbers, quote, link, rule). The headline keeps the summary's
    first lines (a conditional page break), the numbers, quote and link its last
    :data:`END_LINES` (:class:`StoryEnd`); in between, the summary may split across pages. An
    entry whose summary is too short to leave lines at both ends (or has none) is kept whole."""
    *top, body = head
    if not isinstance(body, Paragraph) or not top:
        return [KeepTogether([*head, *tail[1:]])]
    lines = summary_lines(body, width)
    if lines < 2 + END_LINES:
        return [KeepTogether([*head, *tail[1:]])]
    need = 0.0
    for k, p in enumerate(top):
        need += p.wrap(width, height)[1] + (p.getSpaceBefore() if k else 0) + p.getSpaceAfter()
    need += body.getSpaceBefore() + min(HEAD_LINES, lines - END_LINES) * body.style.leading
    for p in top:
        p.keepWithNext = 0  # the break above keeps them with the body's first lines: a keepWithNext
        # chain would make reportlab keep them with the whole body, and move it whole
    end = StoryEnd(tail[0], body, tail[1:])
    return [HeadBreak(need, top, end, height), *top, end]


def _doc_of(ctx: Ctx, story: Story):
    return next((d for d in ctx.report.documents if d.source == story.source), None)


_MONTHS = ("January February March April May June July August September October November December").split()


def kicker_meta(doc: Any) -> list[str]:
    """Who published a story, who wrote it, and where and when, for its kicker: the outlet (a web
    page's own name for its publication, a wire's tag in its dateline), the author (a byline, a
    file's author), then the dateline ("LUSAKA, APRIL 19, 2027"); a dateline with no date ("FÈS", a
    web page's) or none is followed by the page's date, so every story says who published it and
    when. An item another already says is said once ("Jamaica Homeowners' Trust" inside the
    dateline "Jamaica Homeowners' Trust · Statistics Unit · Kingston, 14 April 2027")."""
    when = None
    if not (doc.dateline and any(c.isdigit() for c in doc.dateline)) and doc.date and len(doc.date) >= 10 \
            and doc.date[:4].isdigit() and doc.date[5:7].isdigit() and doc.date[8:10].isdigit():
        month = int(doc.date[5:7])
        when = f"{int(doc.date[8:10])} {_MONTHS[month - 1]} {doc.date[:4]}" if 1 <= month <= 12 else None
    return said_once([m for m in (doc.site, doc.author, doc.dateline, when) if m])


def said_once(meta: list[str]) -> list[str]:
    """``meta`` without an item another, longer one already says ("Veldgate Sports Finance" beside the
    dateline "Veldgate Sports Finance — 8 January 2027": the publisher once; a wire that is both the
    author and the outlet, "RK Wire", once too; authors "M. Okafor; L. Brandt" beside the byline
    "M. Okafor and L. Brandt, Institute ...": each of them is said there)."""
    folded = [m.casefold() for m in meta]

    def said(i: int, part: str) -> bool:
        return any(j != i and (len(n) > len(folded[i]) or j < i) and part in n for j, n in enumerate(folded))

    return [m for i, m in enumerate(meta) if not all(said(i, p.strip()) for p in folded[i].split(";") if p.strip())]


def under_name(ctx: Ctx, text: str, docs: list[Any]) -> str | None:
    """The markup of a sentence the story stage says under its source's name because it speaks in
    the source's first person ("Savannah Street Research: ... by our count ..."): the name, which is
    the brief's attribution and no word of the sentence, in bold (as a run-in head is), so the
    reader sees whose "our" it is and that the name was put there; ``None`` when ``text`` is no
    such sentence (the name must open the dateline of one of ``docs``, as the story stage takes it)."""
    name, sep, rest = text.partition(": ")
    if sep and len(name) >= 3 and any(d is not None and (d.dateline or "").startswith(name) for d in docs):
        return f"<b>{ctx.m(name, bold=True)}</b>: {ctx.m(rest)}"
    return None


def entry(ctx: Ctx, story: Story, last: bool = False) -> tuple[list[Any], list[Any]]:
    """The flowables of one story's entry: (kicker, headline and summary; numbers, quote and link)."""
    s = ctx.styles
    doc = _doc_of(ctx, story)
    meta = [f"SOURCE {ctx.m(ctx.tag(story.source))}"]
    meta += [ctx.m(m.upper()) for m in (kicker_meta(doc) if doc is not None else [])]
    out: list[Any] = [Paragraph("  ·  ".join(meta), s.kicker),
                      Heading(ctx.m(story.headline, bold=True), s.story_title, story.headline, 1, ctx.outline)]
    if story.summary:
        named = [under_name(ctx, t, [doc]) for t in story.summary]
        text = " ".join(n or ctx.m(t) for n, t in zip(named, story.summary)) if any(named) else ctx.m(" ".join(story.summary))
        out.append(Paragraph(text, s.body))
    # the headline as written, not in capitals: "2.2 MILLION BARRELS" is no longer the source's number
    # for `verify` (nor for a reader who searches the brief for it)
    head, out = out, [Continued(Paragraph(f"SOURCE {ctx.m(ctx.tag(story.source))}  ·  "
                                          f"{ctx.m(story.headline)} (CONTINUED)", s.kicker))]
    figures = _whole_figures(ctx, story.figures)
    if figures:
        out.append(_figures_row(ctx, figures))
    # the second: another side's voice (story.voices), unless it would cost the brief a page (lastpage)
    second = None if story.source in ctx.no_second else story.second_quote
    for q in (story.quote, second):
        if q is not None and q.text.strip():
            who = ", ".join(x for x in (q.speaker, q.role) if x)
            out.append(_quote(ctx, q.display, who))
    out.append(_read_more(ctx, story.link))
    if not last:
        out.append(_rule(ctx))
    return head, out


class Continued(AtTop):
    """The story's kicker and headline again, drawn only at the top of a page: an entry's numbers,
    quote and link may move to the next page, away from its headline, and a row of numbers at
    a page's top must say whose they are. Elsewhere (and while measured) it takes no room."""

    GAP = 1.5 * mm

    def __init__(self, para: Paragraph) -> None:
        super().__init__(para, self.GAP)

    def again(self) -> Continued:
        """The same line for another group of the entry (a flowable is drawn at one place only)."""
        return Continued(Paragraph(self.para.text, self.para.style))


def _least(ctx: Ctx) -> float:
    """The smallest size a story's numbers are set at (they shrink to fit their cells down to it)."""
    return ctx.styles.size * 0.9


def _whole_figures(ctx: Ctx, figures: list[KeyFigure]) -> list[KeyFigure]:
    """``figures`` whose numbers can each be set whole on one line of their cell at the least size:
    the widest one that cannot is left out (its neighbours' cells then widen), never broken inside a
    word (week 21's "$2.40/kilogram–$2.90/kilogr" / "am"). A number cut is a wrong number."""
    s, kept = ctx.styles, list(figures)
    floor = s.story_figure_label.fontSize
    while kept:
        room = ctx.width / len(kept) - 6 * mm
        need = [value_width(split_value(f, ctx.m), ctx.fonts.regular, s.story_figure.fontName, _least(ctx), floor)
                for f in kept]
        if max(need) <= room:
            break
        del kept[need.index(max(need))]
    return kept


def _figures_row(ctx: Ctx, figures: list[KeyFigure]) -> Table:
    """A story's key numbers side by side: the number, and under it what it is."""
    s, p = ctx.styles, ctx.styles.palette
    n = len(figures)
    # one size for every number, the largest at which the widest stays on one line; a qualifier
    # ("an average of") small before its number (figuretext)
    values = [split_value(f, ctx.m) for f in figures]
    floor = s.story_figure_label.fontSize
    style = fitted(s.story_figure, values, ctx.width / n - 6 * mm, ctx.fonts.regular, floor, _least(ctx))
    cells = [[Paragraph(markup(v, ctx.fonts.regular, style.fontSize, floor), style),
              Paragraph(ctx.m(f.label), s.story_figure_label)] for v, f in zip(values, figures, strict=True)]
    table = Table([cells], colWidths=[ctx.width / n] * n, splitInRow=SPLIT_IN_ROW, hAlign="LEFT",
                  spaceBefore=s.size * 0.1, spaceAfter=s.size * 0.8)
    table.figures_row = True  # tail_groups keeps it apart from the quote
    table.setStyle(table_style(s, [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBEFORE", (0, 0), (-1, -1), 2, p.accent),
        ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 0.5 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5 * mm),
    ]))
    return table


def _quote(ctx: Ctx, text: str, who: str) -> Table:
    s, p = ctx.styles, ctx.styles.palette
    cell: list[Any] = [Paragraph(f"“{ctx.m(text)}”", s.story_quote)]
    if who:
        cell.append(Paragraph(f"— {ctx.m(who)}", s.speaker))
    table = Table([[cell]], colWidths=[ctx.width], splitInRow=SPLIT_IN_ROW, hAlign="LEFT",
                  spaceBefore=s.size * 0.1, spaceAfter=s.size * 0.7)
    table.quote_box = True
    table.setStyle(table_style(s, [
        ("BACKGROUND", (0, 0), (-1, -1), p.tint), ("LINEBEFORE", (0, 0), (0, -1), 2, p.accent),
        ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2 * mm),
    ]))
    return table


def _read_more(ctx: Ctx, link: str) -> Paragraph:
    s = ctx.styles
    href = safe_href(link) if link.startswith(("http://", "https://")) else None
    shown = ctx.m(link if href else Path(link).name)
    if href:
        shown = url_markup(ctx.m, link, ctx.width, s.read_more, "Read more: ")
        colour = s.palette.secondary.hexval()[2:]
        shown = f'<a href="{href}" color="#{colour}">{shown}</a>'
    return Paragraph(f"<b>Read more:</b> {shown}", s.read_more)


def _rule(ctx: Ctx) -> Table:
    table = Table([[""]], colWidths=[ctx.width], rowHeights=[1], hAlign="LEFT", spaceBefore=2 * mm,
                  spaceAfter=4 * mm)
    table.entry_rule = True  # left out where the entry ends a page (StoryEnd.tight)
    table.setStyle(table_style(ctx.styles, [("LINEBELOW", (0, 0), (-1, -1), 0.5, ctx.styles.palette.rule)]))
    return table


def full_text(ctx: Ctx, sections: Any) -> list[Any]:
    """The ``full_text`` appendix: every source word for word, after a page break,
    under its own heading (``sections`` is the part builder that lays the text out)."""
    flow = sections(ctx)
    if not flow:
        return []
    title = "Appendix: full text of the sources"
    return [flow[0], Heading(ctx.m(title, bold=True), ctx.styles.h1, title, 0, ctx.outline), Spacer(1, 2 * mm),
            *flow[1:]]
