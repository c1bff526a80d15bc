"""The brief's running-text parts besides the stories: ``sections`` (each source's text, also the
``full_text`` appendix) and ``quotes`` (the week's best quotes).

A floating chart figure (:mod:`.floats`) is put down only between their units, at a
:class:`~.floats.FloatPoint`: before a source's text, a section heading or a quote, never inside a
paragraph or a quote.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Spacer

from .floats import FloatPoint
from .para import Paragraph
from .flowables import Heading, kept_quote, pull_quote

if TYPE_CHECKING:
    from .story import Ctx


def sections(ctx: Ctx) -> list[Any]:
    s = ctx.styles
    flow: list[Any] = []
    for i, doc in enumerate(ctx.report.documents):
        if i:
            flow += [FloatPoint(), CondPageBreak(70 * mm), Spacer(1, 8 * mm)]
        flow.append(Paragraph(f"SOURCE {ctx.m(ctx.tag(doc.source))}", s.kicker))
        flow.append(Heading(ctx.m(doc.title, bold=True), s.doc_title, doc.title, 0, ctx.outline))
        if doc.subtitle:
            flow.append(Paragraph(ctx.m(doc.subtitle), s.subtitle))
        meta = [m for m in (doc.dateline, ctx.names[doc.source]) if m]
        flow.append(Paragraph("  ·  ".join(ctx.m(m) for m in meta), s.meta))
        for j, section in enumerate(doc.sections):
            if section.heading:
                if j:  # (the first follows the source's title, which it keeps with)
                    flow.append(FloatPoint())
                flow.append(Heading(ctx.m(section.heading, bold=True), s.h2, section.heading, 1, ctx.outline))
            for block in section.blocks:
                flow += _block(ctx, block)
    if flow and ctx.report.documents:
        flow.insert(0, PageBreak())  # (floating figures are put down before it)
    return flow


def _block(ctx: Ctx, block: Any) -> list[Any]:
    s = ctx.styles
    if block.kind == "quote":
        quote = pull_quote(ctx.m(block.text), ctx.m(block.speaker or ""), ctx.width, s)
        return [kept_quote(quote, ctx.width, ctx.height)] if block.text else []
    if block.kind == "list":
        return [Paragraph(ctx.m(item), s.bullet, bulletText="•") for item in block.items if item.strip()]
    if not block.text.strip():
        return []
    runs = paragraph_runs(block.text)
    if len(runs) == 1:
        return [Paragraph(ctx.m(block.text), s.body)]
    joined = ParagraphStyle("body_run", parent=s.body, spaceAfter=0)  # the runs read as one paragraph
    return [Paragraph(ctx.m(run), joined if i < len(runs) - 1 else s.body) for i, run in enumerate(runs)]


#: reportlab wraps the whole rest of a paragraph again at every page it splits, so a
#: paragraph of n words costs n²: 40,000 words took 11 s. Longer paragraphs are set
#: as consecutive runs of about this many characters, cut after a sentence.
RUN_CHARS = 3000


def paragraph_runs(text: str, size: int = RUN_CHARS) -> list[str]:
    """``text`` cut into runs of about ``size`` characters, after a sentence (else between words)."""
    if len(text) <= size * 1.5:
        return [text]
    runs: list[str] = []
    start = 0
    while len(text) - start > size * 1.5:
        window = text[start + size // 2: start + size]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        if cut < 0:
            cut = window.rfind(" ")
        if cut >= 0:
            end = start + size // 2 + cut + 1
        else:  # never inside a word (a huge word is shortened as a whole): at the next space
            end = text.find(" ", start + size)
            if end < 0:
                break
        runs.append(text[start:end].strip())
        start = end
    runs.append(text[start:].strip())
    return [r for r in runs if r]


def quotes(ctx: Ctx) -> list[Any]:
    """The week's best quotes (chosen by the story stage: full, attributed, different speakers)."""
    found = [(source, q) for source, q in ctx.report.quotes if q.text.strip()]
    if not found:
        return []
    # the heading keeps with the first quote (keepWithNext): no fixed room asked before it, which
    # moved the part to a new page whenever less than 60 mm were left and left up to a quarter empty
    title = "Quotes"
    flow: list[Any] = [FloatPoint(), Heading(ctx.m(title, bold=True), ctx.styles.h1, title, 0, ctx.outline)]
    for k, (source, q) in enumerate(found):
        who = ctx.m(", ".join(x for x in (q.speaker, q.role) if x))
        tag = f"[{ctx.m(ctx.tag(source))}]"
        cite = f"{who}  ·  {tag}" if who else tag
        if k:
            flow.append(FloatPoint())
        flow.append(kept_quote(pull_quote(ctx.m(q.display), cite, ctx.width, ctx.styles), ctx.width, ctx.height))
    return flow
