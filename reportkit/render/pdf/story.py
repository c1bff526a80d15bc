"""The brief's content as a reportlab story, one function per layout part
(``cover``, ``takeaways``, ``key_figures``, ``charts``, ``sections``, ``quotes``,
``sources``), in the order the layout lists them.

Every string from a source passes through :func:`~.text.markup`; source files
are tagged S1, S2, ... so that takeaways, figures and charts can cite them briefly
and the Sources part resolves the tags.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, NextPageTemplate, PageBreak, Spacer

from ...model import Document, Report, RenderedChart, source_names
from ...urls import own_url
from .flowables import (
    CoverBand, Heading, Logo, Outline, chart_figure, chart_image, key_figures_panel, changes_list, panel_shape,
    takeaways_list,
)
from . import entries
from .figurefit import FigureFit
from .para import Paragraph
from .listfit import ListFit
from .panelfit import PanelFit
from .floats import FLOAT_PAST, FloatBreak, FlushFloats
from .figuretext import split_value
from .figuretext import width as value_width
from .rows import table_rows
from .fonts import FontSet
from .styles import Styles
from .text import markup, safe_href, url_markup, week_line
from .texts import quotes, sections


@dataclass
class Ctx:
    """Everything the part builders need."""

    report: Report
    layout: Any
    charts: dict[str, RenderedChart]
    fonts: FontSet
    styles: Styles
    logo: Logo | None
    width: float  # frame width
    height: float  # frame height (body pages)
    left: float  # left margin, for full-bleed drawing
    page_width: float
    outline: Outline
    drawings: dict[Any, Any]  # converted chart SVGs, shared by both layout passes
    svg_cache: Path | None = None  # the drawings folder on disk (svgcache), None with --no-cache
    #: stories (by source) whose second quote is left out: it would cost the brief a page (lastpage)
    no_second: frozenset[str] = frozenset()

    def m(self, text: str | None, bold: bool = False) -> str:
        return markup(text, self.fonts, bold=bold)

    @cached_property
    def names(self) -> dict[str, str]:
        """Source path -> the name readers see (relative to the build root)."""
        return self.report.source_names()

    @cached_property
    def _tags(self) -> dict[str, str]:
        # computed once per brief: a lookup per citation made many sources quadratic
        return source_tags(self.report.documents)

    def tag(self, source: str) -> str:
        """The short tag (S1, S2, ...) of a source (by path or shown name), or its name if unknown."""
        return self._tags.get(source) or self.names.get(source) or display_source(source)

    def tags(self, sources: list[str]) -> str:
        return "  ".join(f"[{self.m(self.tag(s))}]" for s in dict.fromkeys(sources))


def source_tags(documents: list[Document]) -> dict[str, str]:
    """Document source (and the name readers see) -> ``S1``, ``S2``, ... in report order.

    Keyed by path, never by bare file name: ``a/x.txt`` and ``b/x.txt`` are two sources."""
    names = source_names(d.source for d in documents)
    tags: dict[str, str] = {}
    for i, doc in enumerate(documents, 1):
        tags.setdefault(doc.source, f"S{i}")
        tags.setdefault(names[doc.source], f"S{i}")
    return tags


def display_source(source: str) -> str:
    """A source as shown to readers: relative paths as given, absolute ones by file
    name only (the builder's folders are nobody's business)."""
    return Path(source).name if Path(source).is_absolute() else source


def part_heading(ctx: Ctx, title: str) -> Heading:
    return Heading(ctx.m(title, bold=True), ctx.styles.h1, title, 0, ctx.outline)


def cover(ctx: Ctx) -> list[Any]:
    r, s = ctx.report, ctx.styles
    subject = r.about(ctx.layout.content)[0]
    kicker = subject or "Weekly brief"
    # the default kicker above a title that opens with the same words ("Weekly Brief — Week 4")
    # says nothing twice: the cover then opens with the title
    shown = bool(subject) or not r.title.lower().startswith(kicker.lower())
    paras = [
        *([(Paragraph(ctx.m(kicker.upper(), bold=True), s.cover_kicker), 4 * mm)] if shown else []),
        (Heading(ctx.m(r.title, bold=True), s.cover_title, r.title, 0, ctx.outline), 4.5 * mm),
        (Paragraph(ctx.m(week_line(r.week)), s.cover_week), 0),
    ]
    note = ctx.layout.brand.classification
    flow: list[Any] = [CoverBand(paras, ctx.logo, note, s.palette, ctx.fonts, ctx.left, ctx.page_width),
                       Spacer(1, 9 * mm)]
    if r.standfirst:
        flow.append(Paragraph(ctx.m(r.standfirst), s.standfirst))
    return flow


def takeaways(ctx: Ctx) -> list[Any]:
    docs = {d.source: d for d in ctx.report.documents}
    items = [(entries.under_name(ctx, t.text, [docs.get(s) for s in t.sources]) or ctx.m(t.text), ctx.tags(t.sources))
             for t in ctx.report.takeaways if t.text.strip()]
    if not items:
        return []
    # kept whole on its page when drawn a little tighter does that; never its last item alone overleaf
    return [ListFit([part_heading(ctx, "Key takeaways")], lambda pad: takeaways_list(items, ctx.width, ctx.styles, pad))]


_KIND_WORDS = {"changed": "CHANGED", "revised": "REVISED", "new": "NEW", "dropped": "DROPPED",
               "new_story": "NEW STORY", "dropped_story": "ENDED"}


def changes(ctx: Ctx) -> list[Any]:
    """What changed since the earlier build record: nothing without one, a one-line note
    when nothing changed, else the report's lines (at most ``changes.max_lines``), each
    with this week's source and sentence and the earlier week's."""
    ch, s = ctx.report.changes, ctx.styles
    if ch is None:
        return []
    head = part_heading(ctx, f"What changed since {ch.since_label or ch.since}")
    if not ch.lines:
        return [KeepTogether([head, Paragraph(ctx.m(ch.note), s.body)])]
    items = []
    for c in ch.lines:
        kind = _KIND_WORDS.get(c.kind, "")
        if c.kind == "changed" and c.move is not None:
            kind = "UP" if c.move > 0 else "DOWN"
        label, _, rest = c.text.partition(": ")
        text = f"<b>{ctx.m(label, bold=True)}</b>: {ctx.m(rest)}" if rest else ctx.m(c.text)
        where = []
        if c.source:
            now = f"[{ctx.m(ctx.tag(c.source))}]"
            stated = f" ({ctx.m(c.stated)})" if c.stated else ""
            where.append(f"{now} “{ctx.m(c.excerpt)}”{stated}" if c.excerpt else now)
        if c.old_source and c.kind != "revised":
            was = ctx.m(f"{_week_words(c.old_week)}, {Path(c.old_source).name}")
            where.append(f"{was}: “{ctx.m(c.old_excerpt)}”" if c.old_excerpt else was)
        items.append((ctx.m(kind, bold=True), text, where))
    flow: list[Any] = [head, *changes_list(items, ctx.width, s)]
    notes = []
    if ch.continuing:
        notes.append("Continuing stories: " + ctx.tags(ch.continuing))
    if ch.more:
        notes.append(ctx.m("More changes: reportkit diff on the two build records lists them all."))
    flow += [Paragraph(n, s.tag) for n in notes]
    return [*flow, Spacer(1, 4 * mm)]


def _week_words(label: str) -> str:
    """``2026-W46`` -> ``Week 46``: when an earlier week's source said it."""
    number = label.partition("-W")[2]
    return f"Week {int(number)}" if number.isdigit() else label


def key_figures(ctx: Ctx) -> list[Any]:
    figures = ctx.report.key_figures
    if not figures:
        return []
    cells = []
    columns = ctx.layout.pdf.key_figure_columns if ctx.layout.pdf else 3
    room = ctx.width / max(panel_shape(len(figures), columns)) - 10 * mm  # the narrowest cell, less its padding
    for kf in figures:
        source = f"Source: [{ctx.m(ctx.tag(kf.source))}]" if kf.source else ""
        value = split_value(kf, ctx.m)
        # a number that cannot be set whole on one line at the least size is left out: never broken
        # inside a word (week 21's story card "$2.40/kilogram–$2.90/kilogr" / "am")
        if value_width(value, ctx.fonts.regular, ctx.styles.kf_value.fontName, ctx.styles.size,
                       ctx.styles.kf_label.fontSize) <= room:
            cells.append((value, ctx.m(kf.label), source))
    if not cells:
        return []
    # drawn tighter when that keeps it on the page it starts on (week 2's cover, panelfit)
    panel = PanelFit([part_heading(ctx, "Key figures"), Spacer(1, 1.5 * mm)],
                     lambda cols, pad_y, scale: key_figures_panel(cells, cols, ctx.width, ctx.styles, pad_y, scale),
                     len(cells), columns, ctx.styles.story_figure.fontSize)  # never below a story's numbers
    return [panel, Spacer(1, 4 * mm)]


def _flatten(flowables: list[Any]) -> list[Any]:
    """KeepTogether groups replaced by their content, recursively."""
    out: list[Any] = []
    for f in flowables:
        content = getattr(f, "_content", None) if isinstance(f, KeepTogether) else None
        out.extend(_flatten(content) if content is not None else [f])
    return out


def charts(ctx: Ctx) -> list[Any]:
    s = ctx.styles
    prefer_svg = (ctx.layout.pdf.chart_format if ctx.layout.pdf else "svg") == "svg"
    # two figures (with title, caption, source and description) fit on a page
    max_h = max(ctx.height / 2 - 36 * mm, 50 * mm)
    figures: list[Any] = []
    images: list[Any] = []
    own: list[tuple[str, ...]] = []  # each figure's documents, by path (a story's FloatPoint names its own)
    for data in ctx.report.charts:
        rendered = ctx.charts.get(data.id)
        if rendered is None:
            continue
        svg = Path(rendered.svg) if rendered.svg else None
        png = Path(rendered.png) if rendered.png else None
        image = chart_image(svg, png, prefer_svg, ctx.fonts, ctx.width, max_h, ctx.drawings, ctx.svg_cache)
        if image is None:
            continue
        sources = "; ".join(_source_name(ctx, src) for src in dict.fromkeys(data.sources))
        images.append(image)
        own.append(tuple(d.source for d in ctx.report.documents
                         if d.source in data.sources or ctx.names[d.source] in data.sources))
        figures.append(chart_figure(
            len(figures) + 1, image, ctx.m(data.caption), f"Source: {sources}" if sources else "",
            ctx.m(data.alt_text), s, ctx.outline, data.title,
        ))
    if not figures:
        return []
    # The heading travels with the first figure: a Spacer between them would break
    # reportlab's keepWithNext chain and leave "Charts" alone at the foot of a page.
    blocks = [[part_heading(ctx, "Charts"), Spacer(1, 1 * mm), figures[0]], *([f] for f in figures[1:])]
    flow: list[Any] = []
    for block, image, docs in zip(blocks, images, own, strict=True):
        # A figure that almost fits the rest of a page is drawn there with a smaller image
        # instead of leaving half a page empty (its text keeps its size).
        fig = FigureFit(_flatten(block), image)  # it draws its parts itself: no KeepTogether inside
        # it may float to the next page, and then waits for its own story (floats)
        flow += [FloatBreak(fig.min_height(ctx.width), docs), fig]
    return flow


def _source_name(ctx: Ctx, source: str) -> str:
    """``[S1] Document title`` for a known source, else the escaped name."""
    for doc in ctx.report.documents:
        if source in (doc.source, ctx.names[doc.source]):
            return f"[{ctx.m(ctx.tag(source))}] {ctx.m(doc.title)}"  # whole: the paragraph wraps
    return ctx.m(source)


def sources(ctx: Ctx) -> list[Any]:
    s, r = ctx.styles, ctx.report
    # the headings keep with the list's first rows (keepWithNext, rows.py), as the quotes' do
    flow: list[Any] = [part_heading(ctx, "Sources")]
    # a document's own address is shown in its row, whichever reader found it (an HTML page's og:url,
    # a Markdown file's front matter): week 18's References listed only the Markdown article's own
    # address, a second time, while the HTML article's sat in its row
    owns = {doc.source: own_url(doc) for doc in r.documents}
    own_urls = set(owns.values())
    references = [ref for ref in r.references if ref.url not in own_urls]
    if references:
        flow.append(Heading(ctx.m("References", bold=True), s.h2, "References", 1, ctx.outline))
        link = s.palette.secondary.hexval()[2:]
        rows = []
        for n, ref in enumerate(references, 1):
            label = (ref.label or str(n)).strip().strip("[]") or str(n)
            href, before = safe_href(ref.url), f"{label}: " if len(label) > 4 else ""
            text = url_markup(ctx.m, ref.url, ctx.width - 17 * mm, s.ref, before)  # the column less its padding
            if href:
                text = f'<a href="{href}" color="#{link}">{text}</a>'
            if before:  # a link's own text ("PVGIS calculator"): beside the URL, not in the number column
                text = f"{ctx.m(label)}: {text}"
                label = str(n)
            rows.append([Paragraph(f"[{ctx.m(label)}]", s.ref_no), Paragraph(text, s.ref)])
        flow += table_rows(rows, [14 * mm, ctx.width - 14 * mm], s, ctx.height)
    if r.documents:
        flow.append(Heading(ctx.m("Source documents", bold=True), s.h2, "Source documents", 1, ctx.outline))
        rows = [[Paragraph("TAG", s.cell_head), Paragraph("DOCUMENT", s.cell_head), Paragraph("FILE", s.cell_head)]]
        muted, link = s.palette.muted.hexval()[2:], s.palette.secondary.hexval()[2:]
        for doc in r.documents:
            title = ctx.m(doc.title)
            # who published it and when (a web page's site, author and date; a dateline)
            meta = entries.said_once([m for m in (doc.site, doc.author, doc.date, doc.dateline) if m])
            if meta:
                title += f"<br/><font color='#{muted}'>{'  ·  '.join(ctx.m(m) for m in meta)}</font>"
            url = owns[doc.source]
            href = safe_href(url) if url else None
            if href:
                shown = url_markup(ctx.m, url, ctx.width * 0.58 - 3 * mm, s.cell)
                title += f'<br/><a href="{href}" color="#{link}">{shown}</a>'
            rows.append([Paragraph(ctx.m(ctx.tag(doc.source)), s.ref_no), Paragraph(title, s.cell),
                         Paragraph(ctx.m(ctx.names[doc.source]), s.cell)])
        flow += table_rows(rows, [12 * mm, ctx.width * 0.58, ctx.width * 0.42 - 12 * mm], s, ctx.height,
                           header=True)
    return flow


def _full_text(ctx: Ctx) -> list[Any]:
    return entries.full_text(ctx, sections)


PARTS: dict[str, Callable[[Ctx], list[Any]]] = {
    "cover": cover, "takeaways": takeaways, "changes": changes, "key_figures": key_figures, "charts": charts,
    "stories": entries.stories, "sections": sections, "full_text": _full_text, "quotes": quotes, "sources": sources,
}


def build_story(ctx: Ctx, parts: list[str]) -> list[Any]:
    """The whole story: the layout's parts in order; the cover part (if any) first,
    on its own page template, and everything after it on body pages."""
    story: list[Any] = cover(ctx) + [NextPageTemplate("body")] if "cover" in parts else []
    for part in parts:
        if part == "cover":
            continue
        flow = PARTS[part](ctx)
        if flow and part not in FLOAT_PAST:
            flow.insert(0, FlushFloats())  # no chart figure floats into this part (floats)
        while not story and flow and isinstance(flow[0], (CondPageBreak, PageBreak, FlushFloats)):
            flow.pop(0)  # no page break before the very first content
        story += flow
    if not story:
        story.append(Paragraph("This brief has no content for the week.", ctx.styles.center_note))
    while isinstance(story[-1], (CondPageBreak, PageBreak, Spacer)) and len(story) > 1:
        story.pop()  # never end on an empty page
    return story
