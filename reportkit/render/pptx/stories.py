"""Slides that brief: takeaways on one slide, one slide per story, the week's quotes.

A story slide has the story's headline as its title, its bullets (whole
sentences chosen by the story stage, never cut: a bullet that does not fit at
the smallest size is left for the notes), its key figure as a callout, and a
source line; the whole article is in the speaker notes. The quotes slide shows
the week's best one to three attributed quotes (:mod:`.quotes`).

Planning functions return ``(part, label, builder, args)`` tuples; builders take
``(deck, number, *args)`` and depend on nothing else (the slide memo replays them).
"""

from __future__ import annotations

from pathlib import PurePath

from pptx.enum.text import MSO_ANCHOR
from pptx.util import Inches

from ...model import Document, KeyFigure, Report, Story
from .condense import section_notes
from .deck import Deck
from .paging import body_box, body_start_size, body_style
from .shapes import Para, Run, rect
from .slides import figure_value, source_strip
from .template import Box
from .keyvalue import qualified_value
from .text import one_line

Plan = tuple[str, "str | None", object, tuple]


def _fit_all(deck: Deck, items: list[Para], box: Box) -> float | None:
    """The largest size from the body size down to the minimum at which every item fits one slide
    (measured in the template's body placeholder when there is one)."""
    start = body_start_size(deck)
    return deck.writer.fit_size(items, box, start, min(deck.min_size, start), step=0.5, style=body_style(deck))


def named_runs(text: str, docs: list[Document | None]) -> list[Run]:
    """A bullet's runs: a sentence the story stage says under its source's name because it speaks
    in the source's first person ("Savannah Street Research: ... by our count ...") has the name,
    the deck's attribution and no word of the sentence, in italics (bold would widen a bullet that
    fits as written: week 9's takeaways then took two slides); the name must open the dateline of
    one of ``docs``, as the story stage takes it. Else the text, one run."""
    name, sep, rest = text.partition(": ")
    if sep and len(name) >= 3 and any(d is not None and (d.dateline or "").startswith(name) for d in docs):
        return [Run(name, italic=True), Run(sep + rest)]
    return [Run(text)]


def plan_takeaways(deck: Deck, report: Report, paginate) -> list[Plan]:
    """The takeaways, on one slide when they fit at the minimum size or above, else paginated."""
    c = deck.colors
    by_source = {d.source: d for d in report.documents}
    items = [Para([*named_runs(one_line(t.text), [by_source.get(s) for s in t.sources]),
                   Run("  " + ", ".join(deck.tag(s) for s in t.sources), color=c.muted, scale=0.7)], bullet=True)
             for t in report.takeaways if one_line(t.text)]
    if not items:
        return []
    # each source as the record and the Sources slide name it (relative to the build root), never the
    # path as given: an absolute sources folder would print the builder's folders in the notes
    notes = "\n\n".join(f"• {one_line(t.text)} ({', '.join(deck.name(s) for s in t.sources)})"
                        for t in report.takeaways)
    n_docs = len(report.documents)
    src = (f"Sources: S1–S{n_docs}, listed on the Sources slide" if n_docs > 1
           else f"Source: {deck.source_label(report.documents[0].source)}" if n_docs else "")
    from .slides import bullets_slide

    box = body_box(deck, "Key takeaways (cont.)")  # a title that wraps takes room from the bullets
    size = _fit_all(deck, items, box)
    if size is not None:
        return [("takeaways", "Key takeaways", bullets_slide, ("Key takeaways", items, size, src, notes))]
    out: list[Plan] = []
    for k, (page, psize) in enumerate(paginate(deck.writer, items, box, deck.body_size, deck.min_size, len(items))):
        title = "Key takeaways" if k == 0 else "Key takeaways (cont.)"
        out.append(("takeaways", "Key takeaways" if k == 0 else None, bullets_slide, (title, page, psize, src, notes)))
    return out


def article_notes(doc: Document | None, story: Story) -> str:
    """The speaker notes of a story slide: its headline, link and the whole article."""
    parts = [one_line(story.headline)]
    if doc is not None:
        if doc.subtitle:
            parts.append(one_line(doc.subtitle))
        parts += [section_notes(s) for s in doc.sections]
    if story.link:
        parts.append(f"Read more: {story.link}")
    return "\n\n".join(p for p in parts if p)


def story_panel_box(deck: Deck, title: str | None = None) -> tuple[Box, Box]:
    """The bullets' box and the key-figure callout's box on a story slide (below ``title``
    when it wraps past its box on a template)."""
    box = body_box(deck, title)
    panel_w = int(box.width * 0.3)
    gap = int(Inches(0.35))
    return (Box(box.left, box.top, box.width - panel_w - gap, box.height),
            Box(box.right - panel_w, box.top, panel_w, box.height))


def plan_stories(deck: Deck, report: Report) -> list[Plan]:
    """One slide per story, in the report's (salience) order."""
    by_source = {d.source: d for d in report.documents}
    out: list[Plan] = []
    for story in report.stories:
        items = [Para(named_runs(one_line(b), [by_source.get(story.source)]), bullet=True)
                 for b in story.bullets if one_line(b)]
        text_box, _panel = story_panel_box(deck, one_line(story.headline))
        size = _fit_all(deck, items, text_box)
        while size is None and len(items) > 1:
            items = items[:-1]  # whole sentences only: a bullet that cannot fit is left to the notes
            size = _fit_all(deck, items, text_box)
        if size is None and items:
            # one sentence longer than a slide (a pasted table, a run-on scrape): shown cut, whole in the notes
            size = deck.min_size
            items = [Para.of(deck.writer.truncate_to_fit(items[0].text(), text_box, size, bullet=True), bullet=True)]
        size = size or deck.body_size
        figure = story.figures[0] if story.figures else None
        link = story.link if story.link.startswith(("http://", "https://")) else PurePath(story.link).name
        source = f"Source: {deck.source_label(story.source)}" + (f" · {link}" if link else "")
        notes = article_notes(by_source.get(story.source), story)
        out.append(("stories", None, story_slide, (one_line(story.headline), items, size, figure, source, notes)))
    if out:
        part, _label, builder, args = out[0]
        out[0] = (part, "This week's stories", builder, args)
    return out


def story_slide(deck: Deck, number: int, title: str, items: list[Para], size: float, figure: KeyFigure | None,
                source: str, notes: str) -> None:
    """Headline, bullets, the key-figure callout and the source line."""
    slide, box, body = deck.new_slide("content", title, number, notes, keep_body=True,
                                      kicker=source.split(" · ")[0].removeprefix("Source: ") or None)
    w, c = deck.writer, deck.colors
    text_box, panel = story_panel_box(deck, title)
    style = body_style(deck) if body is not None else None
    if figure is None:
        text_box = Box(text_box.left, text_box.top, box.width, text_box.height)
    if body is None:
        body = w.textbox(slide, text_box, "Bullets")
    body.left, body.top, body.width, body.height = text_box.left, text_box.top, text_box.width, text_box.height
    if style is not None:
        w.fill(body, items, size, color=deck.color(c.text), set_color=deck.branded, style=style)
    else:
        w.fill(body, items, size, color=deck.color(c.text), set_color=deck.branded)
    if figure is not None:
        _callout(deck, slide, panel, figure)
    if source:
        source_strip(deck, slide, box, source)


def _callout(deck: Deck, slide, panel: Box, figure: KeyFigure) -> None:
    """The key figure on a pale card with an accent bar: big number, then its label."""
    w, c = deck.writer, deck.colors
    card = Box(panel.left, panel.top + int(Inches(0.1)), panel.width, min(panel.height, int(Inches(2.6))))
    pad = int(Inches(0.25))
    inner = Box(card.left + pad, card.top + pad, card.width - 2 * pad, card.height - 2 * pad)
    big = Box(inner.left, inner.top, inner.width, int(inner.height * 0.45))
    text = one_line(figure.display)
    number = one_line(figure.number())  # a qualifier ("an average of") is set small beside it (keyvalue)
    size = w.one_line_size(number, big.width, 44, 20, bold=True) or 20
    paras, size = qualified_value(deck, figure, big, size) or figure_value(deck, text, big, 44, size)
    if "…" not in text and any("…" in r.text for p in paras for r in p.runs):
        return  # no room for the number whole (a title that filled the slide): no card, never "…" for a number
    rect(slide, card, c.panel, "Key figure")
    rect(slide, Box(card.left, card.top, int(Inches(0.08)), card.height), c.accent)
    w.fill(w.textbox(slide, big, "Key figure value"), paras, size, color=c.primary, anchor=MSO_ANCHOR.BOTTOM)
    lab = Box(inner.left, big.bottom + int(Inches(0.08)), inner.width, inner.bottom - big.bottom - int(Inches(0.08)))
    label = one_line(figure.label)
    lsize = w.fit_size([Para.of(label)], lab, 16, 11) or 11
    w.fill(w.textbox(slide, lab, "Key figure label"), [Para.of(w.truncate_to_fit(label, lab, lsize))], lsize,
           color=c.text)
