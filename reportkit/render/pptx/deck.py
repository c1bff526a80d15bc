"""The deck being built: presentation, geometry, slide layouts by role, and the
per-slide frame (title that fits, content area, footer, logo, slide number).

Slide builders in :mod:`.slides` ask :meth:`Deck.new_slide` for a slide and
get back the content box they may draw in; this module knows whether a user's
template or the branded default is in use and where things go on each.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePath

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches

from ...layouts import DeckSettings, Layout
from ...model import Report
from .shapes import INSET_X, Para, Run, Writer, add_logo, rect, set_notes, slide_number_para
from .template import (
    Box, box_of, default_presentation, find_body, find_chrome, find_layout, find_title, has_picture,
    open_template, ph_type, remove_shape,
)
from .text import Fonts, one_line

ROLES = ("title", "content", "chart", "quote", "section")
TITLE_MAX, TITLE_MIN = 30.0, 20.0
RULE = "#D5DBE3"  # hairlines and separators
PANEL = "#F2F5F8"  # card and panel backgrounds


class Deck:
    """Everything the slide builders share."""

    def __init__(self, report: Report, layout: Layout, warn: Callable[[str], None]) -> None:
        """Open the template (or the branded default) and resolve its slide layouts."""
        self.report, self.layout, self.warn = report, layout, warn
        self.settings: DeckSettings = layout.deck or DeckSettings()
        self.brand = layout.brand
        self.colors = layout.brand.colors
        self.branded = layout.template_path is None
        if self.branded:
            self.prs = default_presentation(self.settings.slide_size, self.brand.fonts.family, self.colors)
        else:
            self.prs = open_template(layout.template_path)
            self._check_template_size(warn)
        fast_partnames(self.prs)
        self.W, self.H = int(self.prs.slide_width), int(self.prs.slide_height)
        self.M = int(self.W * 0.045)  # side margin: 0.6 in on a 13.33 in slide
        self.fonts = Fonts.from_paths(layout.font_paths)
        self.writer = Writer(self.fonts, self.brand.fonts.family, self.colors)
        names = self.settings.slide_layouts
        self.layouts = {role: find_layout(self.prs, getattr(names, role), role, layout.path, warn) for role in ROLES}
        self.tags = {PurePath(d.source).name: f"S{i + 1}" for i, d in enumerate(report.documents)}
        self.titles = {PurePath(d.source).name: one_line(d.title) for d in report.documents}
        self.logo = self._logo_file()

    # -- helpers ----------------------------------------------------------------------

    def _check_template_size(self, warn: Callable[[str], None]) -> None:
        """A template's own slide size wins (its layouts are drawn for it); say so when
        it differs from ``deck.slide_size`` rather than silently ignoring the setting."""
        w, h = int(self.prs.slide_width), int(self.prs.slide_height)
        want = {"16:9": 16 / 9, "4:3": 4 / 3}[self.settings.slide_size]
        if h and abs(w / h - want) > 0.02:
            warn(f"{self.layout.path}: deck.slide_size: the template's slides are "
                 f"{w / 914400:.2f} x {h / 914400:.2f} in, not {self.settings.slide_size}; "
                 "the template's size is kept")

    def _logo_file(self) -> Path | None:
        logo = self.layout.logo_path
        if logo is None:
            return None
        if logo.suffix.lower() != ".svg":
            return logo
        png = logo.with_suffix(".png")  # PowerPoint pictures cannot be SVG-only
        if png.is_file():
            return png
        self.warn(f"deck: logo {logo.name} is SVG and has no PNG beside it; slides carry no logo")
        return None

    def tag(self, source: str) -> str:
        """``S1`` for the first source document (by file name or path)."""
        return self.tags.get(PurePath(source).name, PurePath(source).name)

    def source_label(self, source: str) -> str:
        name = PurePath(source).name
        title = self.titles.get(name)
        return f"{self.tag(source)} · {title}" if title else name

    @property
    def body_size(self) -> float:
        return float(self.settings.body_font_size)

    @property
    def min_size(self) -> float:
        return float(self.settings.min_font_size)

    def color(self, hexcol: str) -> str | None:
        """Text colours are the brand's on the branded default; a template keeps its own."""
        return hexcol if self.branded else None

    # -- geometry ---------------------------------------------------------------------

    def title_box(self) -> Box:
        return Box(self.M, int(Inches(0.3)), self.W - 2 * self.M, int(Inches(1.0)))

    def footer_top(self, layout=None) -> int:
        if not self.branded and layout is not None:
            tops = [int(s.top) for s in layout.placeholders
                    if ph_type(s) in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER) and s.top]
            if tops:
                return min(tops)
        return self.H - int(Inches(0.6))

    def content_box(self, layout) -> Box:
        """Where a slide's content goes: the body placeholder's box on a template that
        has one, else from below the title to above the footer. (A new slide's
        placeholders sit where its layout's do.)"""
        if self.branded:
            top = int(Inches(1.55))
            return Box(self.M, top, self.W - 2 * self.M, self.footer_top() - int(Inches(0.15)) - top)
        body = find_body(layout.placeholders)
        if body is not None:
            return box_of(body)
        title = find_title(layout.placeholders)
        top = int(title.top) + int(title.height) if title is not None and title.height else int(Inches(1.4))
        top += int(Inches(0.15))
        return Box(self.M, top, self.W - 2 * self.M, self.footer_top(layout) - int(Inches(0.1)) - top)

    # -- slides -------------------------------------------------------------------------

    def new_slide(self, role: str, title: str, number: int, notes: str, keep_body: bool = False):
        """A slide with its fitted title, chrome and notes; returns ``(slide, content box, body)``.

        ``body`` is the body placeholder when ``keep_body`` (the caller fills it),
        else it is removed and None. Other unused placeholders are removed, so no
        "Click to add text" prompt is left behind.
        """
        layout = self.layouts[role]
        slide = self.prs.slides.add_slide(layout)
        title_shape = find_title(slide.placeholders)
        body = find_body(slide.placeholders)
        box = self.content_box(layout)
        if title_shape is None:
            title_shape = self.writer.textbox(slide, self.title_box(), "Title")
        elif self.branded:
            tb = self.title_box()
            title_shape.left, title_shape.top, title_shape.width, title_shape.height = tb.left, tb.top, tb.width, tb.height
        self.write_title(title_shape, title)
        for ph in list(slide.placeholders):
            keep = {title_shape.shape_id} | ({body.shape_id} if keep_body and body is not None else set())
            if ph.shape_id not in keep:
                remove_shape(ph)
        if self.branded:
            tb = box_of(title_shape)
            rect(slide, Box(tb.left + INSET_X, tb.bottom + int(Inches(0.04)), int(Inches(0.9)), int(Inches(0.06))),
                 self.colors.accent, "Title rule")
        self.chrome(slide, layout, number)
        set_notes(slide, notes)
        return slide, box, (body if keep_body else None)

    def write_title(self, shape, title: str, start: float = TITLE_MAX, minimum: float = TITLE_MIN,
                    color: str | None = None) -> None:
        """``title`` in ``shape``, as large as fits from ``start`` down to ``minimum``, else cut."""
        box = box_of(shape)
        text = one_line(title)
        size = self.writer.fit_size([Para.of(text, bold=True)], box, start, minimum)
        if size is None:
            size = minimum
            text = self.writer.truncate_to_fit(text, box, size, bold=True)
        align = PP_ALIGN.LEFT if self.branded else None  # a template's own alignment wins
        self.writer.fill(shape, [Para.of(text, bold=True, align=align)], size, color=color or self.color(self.colors.primary),
                         anchor=MSO_ANCHOR.BOTTOM if self.branded else MSO_ANCHOR.MIDDLE,
                         set_color=bool(color) or self.branded)

    def chrome(self, slide, layout, number: int) -> None:
        """Footer text, logo and slide number (the template's own placeholders when it has them)."""
        footer_text = one_line(self.brand.footer)
        classification = one_line(self.brand.classification)
        w = self.writer
        if self.branded:
            y = self.footer_top()
            rect(slide, Box(self.M, y, self.W - 2 * self.M, int(Inches(0.012))), RULE, "Footer rule")
            fbox = Box(self.M, y + int(Inches(0.08)), int(self.W * 0.6), int(Inches(0.4)))
            num_box = Box(self.W - self.M - int(Inches(0.6)), fbox.top, int(Inches(0.6)), fbox.height)
            logo_box = Box(num_box.left - int(Inches(1.6)), fbox.top + int(Inches(0.05)), int(Inches(1.45)),
                           int(Inches(0.3)))
            footer = w.textbox(slide, fbox, "Footer")
        else:
            ph = find_chrome(layout, PP_PLACEHOLDER.FOOTER)
            num_ph = find_chrome(layout, PP_PLACEHOLDER.SLIDE_NUMBER)
            y = self.footer_top(layout)
            fbox = box_of(ph) if ph is not None else Box(self.M, y, int(self.W * 0.55), int(Inches(0.4)))
            num_box = box_of(num_ph) if num_ph is not None else Box(
                self.W - self.M - int(Inches(0.7)), fbox.top, int(Inches(0.7)), int(Inches(0.4)))
            logo_box = self._free_logo_box(layout, [fbox, num_box])
            footer = self._clone(slide, ph) if ph is not None else w.textbox(slide, fbox, "Footer")
        runs = [Run(footer_text)] if footer_text else []
        if classification:
            runs += [Run("   ·   " if runs else ""), Run(classification, bold=True, color=self.color(self.colors.accent))]
        size = w.fit_size([Para(runs)], fbox, 10, 7) or 7
        w.fill(footer, [Para(runs, align=PP_ALIGN.LEFT)], size, color=self.color(self.colors.muted),
               anchor=MSO_ANCHOR.MIDDLE, set_color=self.branded)
        if self.logo is not None and not (not self.branded and has_picture(layout)):
            add_logo(slide, self.logo, logo_box, self.brand.name)
        num_ph = None if self.branded else find_chrome(layout, PP_PLACEHOLDER.SLIDE_NUMBER)
        num = self._clone(slide, num_ph) if num_ph is not None else w.textbox(slide, num_box, "Slide Number")
        w.fill(num, [Para.of(str(number), align=PP_ALIGN.RIGHT)], 12, anchor=MSO_ANCHOR.MIDDLE, set_color=False)
        slide_number_para(num.text_frame.paragraphs[0], number, self.brand.fonts.family, 12,
                          self.color(self.colors.primary))

    def _free_logo_box(self, layout, taken: list[Box]) -> Box:
        """A spot for the logo on a template slide that covers neither the footer,
        the slide number, the title nor the content area: bottom right, left of the
        number, top right, or bottom left, whichever is free first."""
        w, h = int(Inches(1.5)), int(Inches(0.34))
        y = self.footer_top(layout) + int(Inches(0.04))
        title = find_title(layout.placeholders)
        busy = taken + [self.content_box(layout)] + ([box_of(title)] if title is not None else [])
        num = taken[-1]
        candidates = [Box(self.W - self.M - w, y, w, h), Box(num.left - w - int(Inches(0.1)), y, w, h),
                      Box(self.W - self.M - w, int(Inches(0.2)), w, h), Box(self.M, y, w, h)]
        for cand in candidates:
            if not any(_overlaps(cand, b) for b in busy):
                return cand
        return candidates[0]

    def _clone(self, slide, layout_ph):
        """A slide placeholder inheriting ``layout_ph``'s position and style."""
        slide.shapes.clone_placeholder(layout_ph)
        return slide.shapes[-1]


def _overlaps(a: Box, b: Box) -> bool:
    return a.left < b.right and b.left < a.right and a.top < b.bottom and b.top < a.bottom


def fast_partnames(prs) -> None:
    """Give ``prs``'s package an O(1) ``next_partname``.

    python-pptx finds a free part name (for every slide's notes page) by walking
    every part of the package, which makes a deck of n slides cost O(n²): a
    source with thousands of sections took minutes. Names used so far are
    remembered instead; the names chosen are the same kind ("first free number").
    """
    from pptx.opc.packuri import PackURI

    package = prs.part.package
    used = {str(p.partname) for p in package.iter_parts()}
    counters: dict[str, int] = {}

    def next_partname(tmpl: str) -> PackURI:
        n = counters.get(tmpl, 1)
        while tmpl % n in used:
            n += 1
        used.add(tmpl % n)
        counters[tmpl] = n + 1
        return PackURI(tmpl % n)

    package.next_partname = next_partname
