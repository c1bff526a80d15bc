"""The slides themselves: title, agenda, key figures, bulleted text, chart, sources (quotes: :mod:`.quotes`).

Each builder takes the :class:`~.deck.Deck`, the slide's number and what to
show, and measures every text before placing it (see :mod:`.text`).
Pagination of bullets and references happens before any slide is made
(:mod:`.paging`), so the agenda can name the slide each part starts on.
"""

from __future__ import annotations

import re

from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches

from ...model import ChartData, KeyFigure, RenderedChart
from .charts import add_chart_image, add_native_chart
from .chrome import wants_logo
from .deck import Deck
from .paging import SOURCE_STRIP, body_box, body_style
from .roles import ph_style
from .shapes import OWN, Para, Run, TextStyle, add_logo, rect
from .template import Box, box_of, find_subtitle, find_title, remove_shape
from .keyvalue import qualified_value
from .text import one_line

def _one_line_text(deck: Deck, slide, box: Box, text: str, size: float, color: str | None, minimum: float = 9,
                   **run_kw) -> None:
    """A single line of text in ``box``, shrunk (to ``minimum``) and then cut to fit."""
    w = deck.writer
    size = w.one_line_size(text, box.width, size, minimum, bold=run_kw.get("bold", False)) or minimum
    text = w.truncate_to_fit(text, box, size, **run_kw)
    w.fill(w.textbox(slide, box), [Para.of(text, **run_kw)], size, color=color, anchor=MSO_ANCHOR.MIDDLE)


SOURCE_SIZE = 11.0  # a slide's source line: small, but never shrunk below this


def source_strip(deck: Deck, slide, box: Box, source: str) -> None:
    """``source`` ("Source: S4 · headline · link") in the strip at the bottom of ``box``, at
    :data:`SOURCE_SIZE` on one line: what does not fit is dropped from its end at a " · "
    (the link, then the headline: the Sources slide lists both), never shrunk or cut."""
    strip = Box(box.left, box.bottom - SOURCE_STRIP, box.width, SOURCE_STRIP)
    parts = source.split(" · ")
    forms = [" · ".join(parts[:k]) for k in range(len(parts), 0, -1)]
    text = next((f for f in forms if deck.writer.one_line_size(f, strip.width, SOURCE_SIZE, SOURCE_SIZE)), forms[-1])
    _one_line_text(deck, slide, strip, text, SOURCE_SIZE, deck.colors.muted, minimum=SOURCE_SIZE)


def title_slide(deck: Deck, number: int, title: str, week_line: str, standfirst: str, notes: str) -> None:
    """The cover: brand, title, week (and the standfirst); it shows no ``number``."""
    from .shapes import set_notes

    w, c = deck.writer, deck.colors
    layout = deck.layouts["title"]
    slide = deck.prs.slides.add_slide(layout)
    t_shape, sub = find_title(slide.placeholders), find_subtitle(slide.placeholders)
    for ph in list(slide.placeholders):
        if ph.shape_id not in {s.shape_id for s in (t_shape, sub) if s is not None}:
            remove_shape(ph)
    W, H, M = deck.W, deck.H, deck.M
    if deck.branded:
        band = Box(0, H - int(Inches(1.2)), W, int(Inches(1.2)))
        rect(slide, band, c.primary, "Week band")
        rect(slide, Box(0, band.top - int(Inches(0.08)), W, int(Inches(0.08))), c.accent, "Band rule")
        if deck.logo is not None:
            add_logo(slide, deck.logo, Box(M, int(Inches(0.55)), int(Inches(3.4)), int(Inches(0.85))),
                     deck.brand.name, align_left=True)
        rect(slide, Box(M + int(Inches(0.08)), int(Inches(2.2)), int(Inches(1.2)), int(Inches(0.08))), c.accent,
             "Title rule")
        tbox = Box(M, int(Inches(2.4)), int(W * 0.78), int(Inches(1.95)))
        if t_shape is None:
            t_shape = w.textbox(slide, tbox, "Title")
        t_shape.left, t_shape.top, t_shape.width, t_shape.height = tbox.left, tbox.top, tbox.width, tbox.height
        deck.write_title(t_shape, title, start=40, minimum=26)
        t_shape.text_frame.vertical_anchor = MSO_ANCHOR.TOP
        if standfirst:
            sbox = Box(M, int(Inches(4.45)), int(W * 0.7), band.top - int(Inches(4.45)) - int(Inches(0.25)))
            paras = [Para.of(standfirst)]
            size = w.fit_size(paras, sbox, 20, deck.min_size)
            if size is None:
                size = deck.min_size
                paras = [Para.of(w.truncate_to_fit(standfirst, sbox, size))]
            w.fill(w.textbox(slide, sbox, "Standfirst"), paras, size, color=c.muted)
        wbox = Box(M, band.top + int(Inches(0.2)), int(W * 0.55), band.height - int(Inches(0.4)))
        if sub is None:
            sub = w.textbox(slide, wbox, "Subtitle")
        sub.left, sub.top, sub.width, sub.height = wbox.left, wbox.top, wbox.width, wbox.height
        sub._element.getparent().append(sub._element)  # above the band drawn after it
        w.fill(sub, [Para.of(week_line, bold=True), Para.of(one_line(deck.brand.name), scale=0.7, color=c.accent)],
               w.fit_size([Para.of(week_line, bold=True), Para.of(deck.brand.name, scale=0.7)], wbox, 22, 12) or 12,
               color=c.white, anchor=MSO_ANCHOR.MIDDLE, set_color=True)
        if deck.brand.classification:
            cbox = Box(int(W * 0.6), wbox.top, W - M - int(W * 0.6), wbox.height)
            text = one_line(deck.brand.classification)
            size = w.fit_size([Para.of(text, bold=True, align=PP_ALIGN.RIGHT)], cbox, 12, 8) or 8
            w.fill(w.textbox(slide, cbox, "Classification"), [Para.of(text, bold=True, align=PP_ALIGN.RIGHT)],
                   size, color=c.accent, anchor=MSO_ANCHOR.MIDDLE)
    else:
        if t_shape is None:
            t_shape = w.textbox(slide, Box(M, int(H * 0.3), W - 2 * M, int(H * 0.25)), "Title")
            deck.write_title(t_shape, title, start=40, minimum=24)
        else:  # the template's title size, shrunk only when the title needs it
            deck.write_title(t_shape, title, layout=layout)
        if sub is None:
            tb = box_of(t_shape)
            sub = w.textbox(slide, Box(tb.left, tb.bottom + int(Inches(0.1)), tb.width, int(Inches(0.9))), "Subtitle")
            style, start = OWN, 20.0
        else:
            st = ph_style(sub)
            style = TextStyle.of_placeholder(st, w.fonts)
            start = min(20.0, st.size or 20.0)
        sb = box_of(sub)
        strong = None if style.keep else True
        paras = [Para.of(week_line, bold=strong)] + ([Para.of(standfirst, scale=0.8)] if standfirst else [])
        size = w.fit_size(paras, sb, start, 10, style=style)
        if size is None:
            paras = [Para.of(week_line, bold=strong)]
            size = w.fit_size(paras, sb, start, 8, style=style) or 8
        w.fill(sub, paras, size, set_color=False, anchor=None if style.keep else MSO_ANCHOR.TOP, style=style)
        lbox = Box(W - M - int(Inches(2.4)), int(Inches(0.4)), int(Inches(2.4)), int(Inches(0.6)))
        clear = not any(_touch(lbox, box_of(s)) for s in (t_shape, sub))
        if deck.logo is not None and wants_logo(deck, layout) and clear:
            add_logo(slide, deck.logo, lbox, deck.brand.name)
    set_notes(slide, notes)


AGENDA_ROW_MIN = int(Inches(0.36))  # a row of 14 pt text
AGENDA_COLUMN_MIN = int(Inches(4.2))  # narrower columns would cut most labels


def agenda_columns(box: Box, n: int) -> int:
    """One column, or two when the entries would not fit one at a readable size and
    the content area is wide enough."""
    if n * AGENDA_ROW_MIN <= box.height or box.width < 2 * AGENDA_COLUMN_MIN:
        return 1
    return 2


def agenda_capacity(deck: Deck, title: str = "Agenda (cont.)") -> int:
    """How many entries one agenda slide shows (more continue on the next)."""
    box = deck.content_box(deck.layouts["content"], title)
    rows = max(box.height // AGENDA_ROW_MIN, 1)
    return rows * (2 if box.width >= 2 * AGENDA_COLUMN_MIN else 1)


def agenda_slide(deck: Deck, number: int, entries: list[tuple[int, str, int]], notes: str,
                 title: str = "Agenda") -> None:
    """Numbered parts of the deck with the slide each starts on (``(k, label, slide)``);
    in two columns when they are many, continued on another slide past that."""
    slide, box, _ = deck.new_slide("content", title, number, notes, kicker="Overview")
    w, c = deck.writer, deck.colors
    n = max(len(entries), 1)
    cols = agenda_columns(box, n)
    per_col = -(-n // cols)
    gap = int(Inches(0.3))
    col_w = (box.width - gap * (cols - 1)) // cols
    row_h = min(int(Inches(0.62)), box.height // per_col)
    size = 20 if row_h >= int(Inches(0.55)) else 16 if row_h >= int(Inches(0.45)) else 14
    num_w = int(Inches(0.9)) if cols == 1 else int(Inches(0.7))
    for i, (k, label, page) in enumerate(entries):
        col, row = divmod(i, per_col)
        left, top = box.left + col * (col_w + gap), box.top + row * row_h
        _one_line_text(deck, slide, Box(left, top, num_w, row_h), f"{k:02d}", size, c.accent, bold=True)
        label_box = Box(left + num_w + int(Inches(0.05)), top, col_w - 2 * num_w - int(Inches(0.05)), row_h)
        label = _agenda_label(w, label, label_box.width, size)
        _one_line_text(deck, slide, label_box, label, size, c.text, minimum=size)  # one size for every row
        num = w.textbox(slide, Box(left + col_w - num_w, top, num_w, row_h))
        w.fill(num, [Para.of(str(page), align=PP_ALIGN.RIGHT)], size * 0.8, color=c.muted, anchor=MSO_ANCHOR.MIDDLE)
        rect(slide, Box(left, top + row_h - int(Inches(0.01)), col_w, int(Inches(0.01))), c.rule)


# where a chart's title stops naming what it measures and starts saying how it is cut or when:
# "Exports| by market, first half of fiscal 2027", "Average annual bill| from April 2027, by ..."
_TITLE_TAIL = re.compile(r",\s|\s+(?:by|from|in|at|for|per)\s")


def short_title(title: str) -> str:
    """A chart title's own first words, up to its first comma or "by"/"from"/"in" ("Exports" of
    "Exports by market, first half of fiscal 2027"): the source's words, never cut inside a phrase."""
    m = _TITLE_TAIL.search(title)
    return title[:m.start()].strip() if m and m.start() > 0 else title


def _agenda_label(w, label: str, width: int, size: float) -> str:
    """A part's agenda line: "Charts: A; B; C" when the titles fit one line; else each title's
    first words ("Charts: Exports; Skier days", :func:`short_title`); else "Charts" (never a list
    cut off with an ellipsis, nor a count: every number a deck prints traces to a source)."""
    head, sep, rest = label.partition(": ")
    if not sep or w.one_line_size(label, width, size, size) is not None:
        return label
    short = f"{head}: " + "; ".join(dict.fromkeys(short_title(t) for t in rest.split("; ")))
    if w.one_line_size(short, width, size, size) is not None:
        return short
    return head


def section_slide(deck: Deck, number: int, label: str, notes: str) -> None:
    """A divider opening a group of slides, on the ``section`` layout."""
    slide, box, _ = deck.new_slide("section", label, number, notes)
    if deck.branded:  # the default's "Title Only" layout: a rule under the title is the divider's mark
        rect(slide, Box(box.left + int(Inches(0.08)), box.top + box.height // 2, int(Inches(2.4)), int(Inches(0.08))),
             deck.colors.accent, "Section rule")


def figure_value(deck: Deck, text: str, box: Box, start: float, size: float) -> tuple[list[Para], float]:
    """A key figure's value in ``box``: at ``size`` as it is, or, when that is a good deal
    larger, wrapped between its words ("about" / "$121M") or with its per-unit part on a line
    of its own ("$11,104.50" / "/tonne"), never inside a word: the number stays bigger than
    its label. A value still too big is cut at a word ("…")."""
    w = deck.writer
    best = ([Para.of(w.truncate_to_fit(text, box, size, bold=True), bold=True)], size)
    if size >= start * 0.6:  # a value at three fifths of its size or more reads as the big number
        return best
    slash = text.rfind("/")
    options = [[text]] + ([[text[:slash], text[slash:]]] if slash > 0 and text[slash - 1].isdigit() else [])
    for lines in options:
        paras = [Para([Run(ln, bold=True, br=k > 0) for k, ln in enumerate(lines)])]
        words = min(w.one_line_size(x, box.width, start, 12, bold=True) or 0 for ln in lines for x in ln.split())
        fit = min(words, w.fit_size(paras, box, start, 12) or 0)
        if fit >= best[1] + 2:
            best = (paras, fit)
    return best


def key_figures_slide(deck: Deck, number: int, figures: list[KeyFigure], notes: str) -> None:
    """Big numbers on cards, each with its label and source tag."""
    slide, box, _ = deck.new_slide("content", "Key figures", number, notes, kicker="At a glance")
    w, c = deck.writer, deck.colors
    n = len(figures)
    cols = n if n <= 4 else 3
    rows = (n + cols - 1) // cols
    gap = int(Inches(0.25))
    card_w = (box.width - gap * (cols - 1)) // cols
    card_h = min((box.height - gap * (rows - 1)) // rows, int(Inches(4.2)))
    top0 = box.top + (box.height - (card_h * rows + gap * (rows - 1))) // 2
    pad = int(Inches(0.22))
    cards = []
    for k, fig in enumerate(figures):
        r, col = divmod(k, cols)
        card = Box(box.left + col * (card_w + gap), top0 + r * (card_h + gap), card_w, card_h)
        inner = Box(card.left + pad, card.top + pad, card.width - 2 * pad, card.height - 2 * pad)
        big = Box(inner.left, inner.top, inner.width, int(inner.height * 0.38))
        text = one_line(fig.display)
        start = 48 if cols <= 3 else 40
        # the number sets the row's size: a qualifier ("an average of") is set small beside it (keyvalue)
        size = w.one_line_size(one_line(fig.number()), big.width, start, 20, bold=True)
        cards.append((fig, card, inner, big, text, start, size))
    # One size for the values that fit on one line, the largest at which the widest does, and one
    # form of source line: cards side by side read as a row ("€214.6B" was set smaller and lower
    # than "€318M" beside it, and one card named its headline where the others gave only a tag).
    one_line_sizes = [size for *_, size in cards if size is not None]
    row_size = min(one_line_sizes) if one_line_sizes else None
    sources = [f"Source: {deck.source_label(fig.source)}" for fig, *_ in cards]
    src_h = int(Inches(0.62))
    tags_only = any(w.fit_size([Para.of(t)], Box(inner.left, inner.bottom - src_h, inner.width, src_h), 11, 10)
                    is None for t, (_f, _c, inner, *_r) in zip(sources, cards, strict=True))
    for k, (fig, card, inner, big, text, start, size) in enumerate(cards):
        rect(slide, card, c.panel, f"Key figure {k + 1}")
        rect(slide, Box(card.left, card.top, int(Inches(0.09)), card.height), c.accent)
        if size is not None:
            size = row_size
        else:  # on two lines ("approximately / 72%"), but never broken inside a word
            words = min(w.one_line_size(word, big.width, start, 12, bold=True) or 12 for word in text.split())
            size = min(words, w.fit_size([Para.of(text, bold=True)], big, start, 12) or 12)
        paras, size = qualified_value(deck, fig, big, size) or figure_value(deck, text, big, start, size)
        w.fill(w.textbox(slide, big), paras, size, color=c.primary, anchor=MSO_ANCHOR.BOTTOM)
        lab = Box(inner.left, big.bottom + int(Inches(0.08)), inner.width,
                  inner.bottom - src_h - big.bottom - int(Inches(0.08)))
        label = one_line(fig.label)
        lsize = w.fit_size([Para.of(label)], lab, 18, 14) or 14
        label = w.truncate_to_fit(label, lab, lsize)
        w.fill(w.textbox(slide, lab), [Para.of(label)], lsize, color=c.text)
        src = Box(inner.left, inner.bottom - src_h, inner.width, src_h)
        stext, ssize = sources[k], None if tags_only else w.fit_size([Para.of(sources[k])], src, 11, 10)
        if ssize is None:  # a headline too long for a card: the tags alone, never a cut title
            stext, ssize = f"Source: {deck.tag(fig.source)}, listed on the Sources slide", 10
        stext = w.truncate_to_fit(stext, src, ssize)
        w.fill(w.textbox(slide, src), [Para.of(stext)], ssize, color=c.muted, anchor=MSO_ANCHOR.BOTTOM)


def bullets_slide(deck: Deck, number: int, title: str, page: list[Para], size: float, source: str,
                  notes: str) -> None:
    """Bullets in the body placeholder (or a text box), with a source line beneath."""
    tag = re.match(r"Source: (S\d+) ·", source or "")
    slide, box, body = deck.new_slide("content", title, number, notes, keep_body=True,
                                      kicker=tag.group(1) if tag else "Summary")
    w = deck.writer
    text_box = Box(box.left, box.top, box.width, max(box.height - SOURCE_STRIP, 0))
    style = body_style(deck) if body is not None else OWN
    if body is None:
        body = w.textbox(slide, text_box, "Bullets")
    body.left, body.top, body.width, body.height = text_box.left, text_box.top, text_box.width, text_box.height
    w.fill(body, page, size, color=deck.color(deck.colors.text), set_color=deck.branded, style=style)
    if source:
        source_strip(deck, slide, box, source)


def chart_slide(deck: Deck, number: int, cd: ChartData, rendered: RenderedChart | None, notes: str) -> None:
    """A chart (native, or the kaleido image) with its subtitle, the insight and the source."""
    from ...charts import source_line

    slide, box, _ = deck.new_slide("chart", cd.title, number, notes, kicker="Chart")
    w, c = deck.writer, deck.colors
    sub_h = int(Inches(0.45)) if cd.subtitle else 0
    if cd.subtitle:
        _one_line_text(deck, slide, Box(box.left, box.top, box.width, sub_h), one_line(cd.subtitle), 16, c.muted)
    panel_w = int(box.width * 0.3)
    gap = int(Inches(0.3))
    cbox = Box(box.left, box.top + sub_h + int(Inches(0.1)), box.width - panel_w - gap,
               box.height - sub_h - int(Inches(0.1)))
    if rendered is not None and rendered.png:
        add_chart_image(slide, cd, rendered, cbox)
    else:
        add_native_chart(slide, cd, cbox, deck.brand, deck.colors, deck.writer.family, deck.writer.fonts)
    panel = Box(cbox.right + gap, cbox.top, panel_w, cbox.height)
    rect(slide, panel, c.panel, "Insight panel")
    rect(slide, Box(panel.left, panel.top, panel.width, int(Inches(0.07))), c.primary)
    pad = int(Inches(0.2))
    inner = Box(panel.left + pad, panel.top + pad, panel.width - 2 * pad, panel.height - 2 * pad)
    head = Box(inner.left, inner.top, inner.width, int(Inches(0.4)))
    _one_line_text(deck, slide, head, "KEY INSIGHT", 12, c.accent, bold=True)
    src_text = source_line(cd)
    src_h = int(Inches(0.8)) if src_text else 0
    paras: list[Para] = []
    if cd.caption:
        paras.append(Para.of(one_line(cd.caption)))
    if cd.note:
        paras.append(Para.of(one_line(cd.note), bold=True, color=c.primary))
    body = Box(inner.left, head.bottom + int(Inches(0.1)), inner.width,
               inner.bottom - src_h - head.bottom - int(Inches(0.1)))
    if paras:
        size = w.fit_size(paras, body, 18, deck.min_size)
        if size is None:
            size = deck.min_size
            paras = [Para.of(w.truncate_to_fit(paras[0].text(), body, size))]
        w.fill(w.textbox(slide, body, "Insight"), paras, size, color=c.text)
    if src_text:
        sbox = Box(inner.left, inner.bottom - src_h, inner.width, src_h)
        text = one_line(src_text)
        ssize = w.fit_size([Para.of(text)], sbox, 11, 8) or 8
        w.fill(w.textbox(slide, sbox, "Chart source"), [Para.of(w.truncate_to_fit(text, sbox, ssize))], ssize,
               color=c.muted, anchor=MSO_ANCHOR.BOTTOM)


def sources_slide(deck: Deck, number: int, title: str, docs: list[Para], refs: list[Para], size: float,
                  notes: str) -> None:
    """Source documents (left) and numbered references with hyperlinks (right)."""
    slide, box, _ = deck.new_slide("content", title, number, notes, kicker="Sources")
    w, c = deck.writer, deck.colors
    gap = int(Inches(0.4))
    # without references the documents take the whole width (a narrow column beside nothing reads badly)
    left = Box(box.left, box.top, int(box.width * 0.42) if refs else box.width, box.height)
    right = Box(left.right + gap, box.top, box.right - left.right - gap, box.height)
    for col, head, paras in ((left, "Source documents", docs), (right, "References", refs)):
        if not paras:
            continue
        hbox = Box(col.left, col.top, col.width, int(Inches(0.45)))
        _one_line_text(deck, slide, hbox, head.upper(), 12, c.accent, bold=True)
        rect(slide, Box(col.left, hbox.bottom, col.width, int(Inches(0.012))), c.rule)
        body = Box(col.left, hbox.bottom + int(Inches(0.1)), col.width, col.bottom - hbox.bottom - int(Inches(0.1)))
        w.fill(w.textbox(slide, body, head), paras, size, color=c.text)


def sources_columns(deck: Deck, with_refs: bool = True) -> tuple[Box, Box]:
    """The two column bodies of a sources slide, for pagination (the documents' column is
    the whole width when there are no references)."""
    box = body_box(deck)
    full = Box(box.left, box.top, box.width, box.height + SOURCE_STRIP)
    gap = int(Inches(0.4))
    left_w = int(full.width * 0.42) if with_refs else full.width
    top = full.top + int(Inches(0.55))
    return (Box(full.left, top, left_w, full.bottom - top),
            Box(full.left + left_w + gap, top, full.width - left_w - gap, full.bottom - top))


def _touch(a: Box, b: Box) -> bool:
    return a.left < b.right and b.left < a.right and a.top < b.bottom and b.top < a.bottom
