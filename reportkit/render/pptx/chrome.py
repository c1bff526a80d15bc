"""The frame of a slide: footer text (and classification), the brand logo where it
is free to go, and the slide number — drawn by the deck on the branded default,
in the template's own footer and slide-number placeholders when it has them.

The logo goes on a template slide only where it covers neither the footer, the
number, the title nor the content area, and not at all when the template draws
its own pictures there (``deck.logo: auto``).
"""

from __future__ import annotations

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches

from .roles import clamp
from .shapes import OWN, Para, Run, TextStyle, add_logo, rect, slide_number_para
from .template import Box, box_of, find_chrome, find_title, overlaps, own_branding, ph_type
from .text import one_line

CHROME = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)


def add_chrome(deck, slide, layout, number: int) -> None:
    """Footer text, logo and slide number (the template's own placeholders when it has them)."""
    footer_text = one_line(deck.brand.footer)
    classification = one_line(deck.brand.classification)
    w = deck.writer
    if deck.branded:
        y = deck.footer_top()
        rect(slide, Box(deck.M, y, deck.W - 2 * deck.M, int(Inches(0.012))), deck.colors.rule, "Footer rule")
        fbox = Box(deck.M, y + int(Inches(0.08)), int(deck.W * 0.6), int(Inches(0.4)))
        num_box = Box(deck.W - deck.M - int(Inches(0.6)), fbox.top, int(Inches(0.6)), fbox.height)
        logo_box = Box(num_box.left - int(Inches(1.6)), fbox.top + int(Inches(0.05)), int(Inches(1.45)),
                       int(Inches(0.3)))
        footer = w.textbox(slide, fbox, "Footer")
        fstyle = OWN
    else:
        ph, num_ph = deck.memo(("chrome", id(layout)), lambda: (find_chrome(layout, PP_PLACEHOLDER.FOOTER),
                                                                 find_chrome(layout, PP_PLACEHOLDER.SLIDE_NUMBER)))
        y = deck.footer_top(layout)
        fbox = box_of(ph) if ph is not None else Box(deck.M, y, int(deck.W * 0.55), int(Inches(0.4)))
        num_box = box_of(num_ph) if num_ph is not None else Box(
            deck.W - deck.M - int(Inches(0.7)), fbox.top, int(Inches(0.7)), int(Inches(0.4)))
        logo_box = deck.memo(("logo", id(layout)), lambda: _free_logo_box(deck, layout, [fbox, num_box]))
        footer = _clone(slide, ph) if ph is not None else w.textbox(slide, fbox, "Footer")
        fstyle = TextStyle.of_placeholder(deck.style(layout, ph), w.fonts) if ph is not None else OWN
    start = 10.0 if fstyle.natural_size is None else min(10.0, fstyle.natural_size)
    words, size = _footer_words(w, footer_text, classification, fbox, fstyle, start)
    runs = [Run(words)] if words else []
    if classification:
        runs += [Run("   ·   " if runs else ""), Run(classification, bold=True, color=deck.color(deck.colors.accent))]
    if size is None:  # not even the classification alone fits one line: as small as it must be
        size = w.fit_size([Para(runs)], fbox, start, 7, style=fstyle) or 7
    w.fill(footer, [Para(runs, align=PP_ALIGN.LEFT if deck.branded else None)], size,
           color=deck.color(deck.colors.muted), anchor=MSO_ANCHOR.MIDDLE if deck.branded else None,
           set_color=deck.branded, style=fstyle)
    if deck.logo is not None and logo_box is not None and wants_logo(deck, layout):
        add_logo(slide, deck.logo, logo_box, deck.brand.name)
    num_ph = None if deck.branded else deck.memo(("chrome", id(layout)), lambda: (None, None))[1]
    num = _clone(slide, num_ph) if num_ph is not None else w.textbox(slide, num_box, "Slide Number")
    if deck.branded or num_ph is None:
        w.fill(num, [Para.of(str(number), align=PP_ALIGN.RIGHT)], 12, anchor=MSO_ANCHOR.MIDDLE, set_color=False)
        slide_number_para(num.text_frame.paragraphs[0], number, deck.writer.family, 12,
                          deck.color(deck.colors.primary))
    else:  # the template's slide-number placeholder keeps its own look
        tf = num.text_frame
        tf.clear()
        slide_number_para(tf.paragraphs[0], number, deck.writer.family, None, None, bold=None)


FOOTER_MIN = 8.0  # pt: the smallest footer that reads


def _footer_words(w, footer: str, classification: str, box: Box, style: TextStyle,
                  start: float) -> tuple[str, float | None]:
    """The brand footer's words to print before the classification, and the largest size (from
    ``start`` down to FOOTER_MIN) that keeps the line on one line of ``box``: the whole footer,
    else its first part (before " · "), else none of it (a template's narrow footer placeholder
    wrapped the whole line at 8 pt). The size is None when not even the classification fits."""
    from .text import EMU_PER_PT

    room = (box.width - style.insets[0] - style.insets[2]) / EMU_PER_PT * 0.97  # renderers differ a little
    regular, bold = w.fonts.style(False, False), w.fonts.style(True, False)
    first = footer.split(" · ")[0].strip()
    for words in dict.fromkeys(x for x in (footer, first, "") if x or classification):
        size = start
        while size >= FOOTER_MIN - 1e-6:
            width = regular.width(words, size) if words else 0.0
            if classification:
                width += bold.width(classification, size) + (regular.width("   ·   ", size) if words else 0.0)
            if width <= room:
                return words, size
            size -= 1.0
    return ("" if classification else first), None


def wants_logo(deck, layout) -> bool:
    """The brand logo goes on a template slide unless the template draws its own
    pictures or groups there (``deck.logo: always`` adds it anyway, never)."""
    if deck.branded:
        return True
    mode = deck.logo_mode
    return mode == "always" or (mode == "auto" and not deck.memo(("brand", id(layout)),
                                                                 lambda: bool(own_branding(layout))))

def _free_logo_box(deck, layout, taken: list[Box]) -> Box | None:
    """A spot for the logo on a template slide that covers neither the footer,
    the slide number, the title nor the content area: bottom right, left of the
    number, top right, or bottom left, whichever is free first."""
    w, h = int(Inches(1.5)), int(Inches(0.34))
    y = deck.footer_top(layout) + int(Inches(0.04))
    title = find_title(layout.placeholders)
    busy = taken + [deck.content_box(layout)] + ([box_of(title)] if title is not None else [])
    # the footer and number placeholders stay on the slide (the date one is removed: free)
    busy += [box_of(s) for s in layout.placeholders if ph_type(s) in CHROME[:2]]
    busy += [box_of(s) for s in own_branding(layout)]  # never over the template's own logo
    num = taken[-1]
    candidates = [Box(deck.W - deck.M - w, y, w, h), Box(num.left - w - int(Inches(0.1)), y, w, h),
                  Box(deck.W - deck.M - w, int(Inches(0.2)), w, h), Box(deck.M, y, w, h)]
    for cand in candidates:
        cand = clamp(cand, deck.W, deck.H)
        if cand.height and not any(overlaps(cand, b) for b in busy):
            return cand
    return None  # no free spot: no logo rather than one covering the footer, number or content


def _clone(slide, layout_ph):
    """A slide placeholder inheriting ``layout_ph``'s position and style."""
    slide.shapes.clone_placeholder(layout_ph)
    return slide.shapes[-1]
