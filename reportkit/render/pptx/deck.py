"""The deck being built: presentation, geometry, slide layouts by role, and the
per-slide frame (title that fits, content area, footer, logo, slide number).

Slide builders in :mod:`.slides` ask :meth:`Deck.new_slide` for a slide and
get back the content box they may draw in; this module knows whether a user's
template or the branded default is in use and where things go on each.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches

from ...layouts import model_defaults
from ...model import Report
from . import glyphs, store
from .chrome import add_chrome
from .logo import deck_logo
from .roles import MIN_CONTENT_H, clamp, ph_style, roles_of
from .shapes import INSET_X, INSET_Y, OWN, Para, TextStyle, Writer, rect, set_notes
from .default import default_presentation
from .package import open_template
from .layoutpick import layouts_by_role
from .template import Box, box_of, overlaps, own_art, ph_type, remove_shape
from .text import EMU_PER_PT, Fonts, one_line
from .theme import METRIC_TWINS, brand_palette, font_files, theme_fonts, theme_palette

if TYPE_CHECKING:
    from ...layouts import DeckSettings, Layout

ROLES = ("title", "content", "chart", "quote", "section")
TITLE_MAX, TITLE_MIN = 30.0, 20.0


class Deck:
    """Everything the slide builders share."""

    def __init__(self, report: Report, layout: Layout, warn: Callable[[str], None],
                 cache_dir: Path | None = None, use_cache: bool = True) -> None:
        """Open the template (or the branded default) and resolve its slide layouts.
        ``cache_dir``/``use_cache`` are the chart cache's (an SVG logo's picture is kept there)."""
        self.report, self.layout, self.warn = report, layout, warn
        self.settings: DeckSettings = layout.deck or model_defaults("DeckSettings")
        self.brand = layout.brand
        self.branded = layout.template_path is None
        #: the deck's folder in the cache (prepared template, built slides), None with --no-cache
        self.cache: Path | None = store.cache_root(cache_dir) if use_cache else None
        overrides = set(self.settings.brand_overrides)
        if self.branded:
            overrides = {"fonts", "colours", "logo"}
        self.overrides = overrides
        # the brand's colours on the branded deck (or when asked), else the template's theme slots
        self.colors = brand_palette(layout.brand.colors) if "colours" in overrides else theme_palette()
        if self.branded:
            self.prs = default_presentation(self.settings.slide_size, self.brand.fonts.family, layout.brand.colors,
                                            self.cache)
        else:
            self.prs = open_template(layout.template_path)
            self._check_template_size(warn)
        fast_partnames(self.prs)
        self.W, self.H = int(self.prs.slide_width), int(self.prs.slide_height)
        self.M = int(self.W * 0.045)  # side margin: 0.6 in on a 13.33 in slide
        self.fonts = Fonts.from_paths(layout.font_paths, self.cache)
        title_fonts = None
        family: str | None = self.brand.fonts.family
        if "fonts" not in overrides:  # runs name no typeface: the theme's fonts apply; measure with them
            family = None
            heading, body = theme_fonts(self.prs)
            self.fonts = self._measuring_fonts(body) or self.fonts
            title_fonts = self._measuring_fonts(heading) if heading != body else self.fonts
        self.writer = Writer(self.fonts, family, self.colors, title_fonts=title_fonts)
        # from here on, text no font draws (the deck's or an installed one) is replaced as it is cleaned
        glyphs.measure_with(m.measured().cmap for m in self.fonts.all() + self.writer.title_fonts.all())
        # what is read from a layout once: python-pptx resolves inherited placeholder
        # geometry with an XPath search per attribute, which dominated big decks
        self._cache: dict[tuple, object] = {}
        self.layouts = layouts_by_role(self.prs, layout, self.settings.slide_layouts, ROLES, self.branded, warn)
        # sources are told apart by path (two may share a file name), shown relative to the build root
        self.names = report.source_names()
        self.tags: dict[str, str] = {}
        self.titles: dict[str, str] = {}
        for i, d in enumerate(report.documents):
            for key in (d.source, self.names[d.source]):
                self.tags.setdefault(key, f"S{i + 1}")
                self.titles.setdefault(key, one_line(d.title))
        self.logo = deck_logo(layout.logo_path, cache_dir, use_cache, warn)  # PNG path or bytes

    # -- helpers ----------------------------------------------------------------------

    def memo(self, key: tuple, make: Callable[[], object]):
        """``make()``, computed once per deck for ``key`` (layouts do not change while it is built)."""
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def roles(self, layout):
        """The layout's placeholders by role (see :func:`.roles.roles_of`), read once."""
        return self.memo(("roles", id(layout)), lambda: roles_of(layout.placeholders))

    def style(self, layout, ph):
        """The inherited text style of one of ``layout``'s placeholders, read once."""
        return self.memo(("style", id(layout), ph.placeholder_format.idx, int(ph_type(ph) or 0)), lambda: ph_style(ph))

    def _measuring_fonts(self, family: str | None) -> Fonts | None:
        """Metrics for a theme font: its own files, a metric-compatible twin, or the
        brand's font files (said once per deck)."""
        if not family or family.startswith("+"):
            return None
        files, got = font_files(family)
        if not files:
            self.warn(f"deck: template font {family!r} not found; text is measured with "
                      f"{self.brand.fonts.family} and may fit differently")
            return None
        if family.casefold() not in got.casefold():
            self.warn(f"deck: template font {family!r} is not installed; text is measured with {got!r}"
                      + (" (metric-compatible)" if family.casefold() in METRIC_TWINS else " and may fit differently"))
        return Fonts.from_paths(dict(files), self.cache)

    def _check_template_size(self, warn: Callable[[str], None]) -> None:
        """A template's own slide size wins (its layouts are drawn for it); say so when
        it differs from ``deck.slide_size`` rather than silently ignoring the setting."""
        w, h = int(self.prs.slide_width), int(self.prs.slide_height)
        want = {"16:9": 16 / 9, "4:3": 4 / 3}[self.settings.slide_size]
        if h and abs(w / h - want) > 0.02:
            warn(f"{self.layout.path}: deck.slide_size: the template's slides are "
                 f"{w / 914400:.2f} x {h / 914400:.2f} in, not {self.settings.slide_size}; "
                 "the template's size is kept")

    def tag(self, source: str) -> str:
        """``S1`` for the first source document (by path or shown name)."""
        return self.tags.get(source) or self.name(source)

    def name(self, source: str) -> str:
        """A source as readers see it: its path relative to the build root."""
        return self.names.get(source) or PurePath(source).name

    def source_label(self, source: str) -> str:
        title = self.titles.get(source)
        return f"{self.tag(source)} · {title}" if title else self.name(source)

    @property
    def body_size(self) -> float:
        return float(self.settings.body_font_size)

    @property
    def min_size(self) -> float:
        return float(self.settings.min_font_size)

    def color(self, colour):
        """Text colours are the brand's on the branded default; a template keeps its own."""
        return colour if self.branded else None

    @property
    def logo_mode(self) -> str:
        return "always" if "logo" in self.overrides and not self.branded else self.settings.logo

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

    def content_box(self, layout, title: str | None = None) -> Box:
        """Where a slide's content goes: the content area (main placeholders) of a
        template layout when it has one, else from below the title to above the
        footer; never off the slide. With ``title``, less whatever room that title
        needs below its box (a long title wraps instead of being cut)."""
        return self.memo(("content", id(layout), title), lambda: self._content_box(layout, title))

    def _content_box(self, layout, title: str | None) -> Box:
        if self.branded:
            top = int(Inches(1.55))
            box = Box(self.M, top, self.W - 2 * self.M, self.footer_top() - int(Inches(0.15)) - top)
        else:
            roles = self.roles(layout)
            area = roles.content()
            tb = box_of(roles.title) if roles.title is not None else None
            if area is None or area.height < MIN_CONTENT_H:
                top = tb.bottom if tb is not None and tb.height else int(Inches(1.4))
                top += int(Inches(0.15))
                area = Box(self.M, top, self.W - 2 * self.M, self.footer_top(layout) - int(Inches(0.1)) - top)
            box = self._around_art(layout, clamp(area, self.W, self.H))
        if title is not None:
            tb, _size, _style = self.title_fit(layout, title)
            gap = int(Inches(0.1))
            if tb.bottom + gap > box.top and tb.top < box.top:
                top = tb.bottom + gap
                box = Box(box.left, top, box.width, max(box.bottom - top, 0))
        return box

    def _around_art(self, layout, box: Box) -> Box:
        """``box`` made smaller, from whichever side loses least, so it clears the
        badges, logos and labels the template draws itself (a master's "ModifyMe"
        button in the content area); slide-wide or slide-high bands are backgrounds."""
        gap = int(Inches(0.1))
        for a in self.memo(("art", id(layout)), lambda: [box_of(s) for s in own_art(layout)]):
            if a.width >= 0.4 * self.W or a.height >= 0.4 * self.H or not overlaps(box, a):
                continue
            options = [Box(box.left, box.top, box.width, a.top - gap - box.top),
                       Box(box.left, a.bottom + gap, box.width, box.bottom - a.bottom - gap),
                       Box(box.left, box.top, a.left - gap - box.left, box.height),
                       Box(a.right + gap, box.top, box.right - a.right - gap, box.height)]
            best = max(options, key=lambda b: max(b.width, 0) * max(b.height, 0))
            if best.width > 0 and best.height >= MIN_CONTENT_H:
                box = best
        return box

    # -- slides -------------------------------------------------------------------------

    def title_fit(self, layout, title: str, start: float | None = None, minimum: float | None = None):
        """``(box, size, style)`` for ``title`` on ``layout``: the largest size from the
        template's own title size (or ``start``) down to the minimum at which it
        fits the title box with the box's own insets; below that the title keeps
        every word and its box grows downwards (it is never cut)."""
        return self.memo(("title", id(layout), title, start, minimum),
                         lambda: self._title_fit(layout, title, start, minimum))

    def _title_fit(self, layout, title: str, start: float | None, minimum: float | None):
        ph = self.roles(layout).title if not self.branded else None
        if ph is None:
            box, style = self.title_box(), OWN
            natural = None
        else:
            box = clamp(box_of(ph), self.W, self.H)
            st = self.style(layout, ph)
            style = TextStyle.of_placeholder(st, self.writer.title_fonts)
            natural = st.size or 44.0
        if "fonts" not in self.overrides and natural is not None:
            start = natural if start is None else min(start, natural)
            # a title stays a title: at most a fifth smaller than the template made it (and not
            # below the deck's minimum); past that it wraps onto more lines instead
            floor = min(natural, max(self.min_size if minimum is None else minimum, round(natural * 0.8)))
        else:
            start = TITLE_MAX if start is None else start
            floor = TITLE_MIN if minimum is None else minimum
        paras = [self._title_para(title)]
        size = self.writer.fit_size(paras, box, start, floor, style=style)
        if size is None:
            size = floor
            need = int(self.writer.height(paras, box.width, size, style) * EMU_PER_PT) + style.insets[1] + style.insets[3]
            box = Box(box.left, box.top, box.width, min(need, self.H - box.top))
        return box, size, style

    def _title_para(self, title: str) -> Para:
        if self.branded or "fonts" in self.overrides:
            return Para.of(one_line(title), bold=True, align=PP_ALIGN.LEFT if self.branded else None)
        return Para.of(one_line(title), bold=None)  # the template's weight and alignment

    def new_slide(self, role: str, title: str, number: int, notes: str, keep_body: bool = False,
                  kicker: str | None = None):
        """A slide with its fitted title, chrome and notes; returns ``(slide, content box, body)``.

        ``body`` is the content placeholder when ``keep_body`` (the caller fills it),
        else it is removed and None. A small text placeholder above or beside the
        title (a kicker) gets ``kicker`` when it fits on one line; other unused
        placeholders are removed, so no "Click to add text" prompt is left behind.
        """
        layout = self.layouts[role]
        slide = self.prs.slides.add_slide(layout)
        roles = self.roles(layout)  # the slide's placeholders are the layout's, by idx
        by_idx = {ph.placeholder_format.idx: ph for ph in slide.placeholders}

        def on_slide(ph):
            return by_idx.get(ph.placeholder_format.idx) if ph is not None else None

        title_shape = on_slide(roles.title)
        body = on_slide(roles.main[0]) if roles.main else None
        box = self.content_box(layout, title)
        if title_shape is None:
            title_shape = self.writer.textbox(slide, self.title_box(), "Title")
        elif self.branded:
            tb = self.title_box()
            title_shape.left, title_shape.top, title_shape.width, title_shape.height = tb.left, tb.top, tb.width, tb.height
        self.write_title(title_shape, title, layout=layout)
        first_label = on_slide(roles.labels[0]) if roles.labels else None
        label = self._kicker(layout, roles.labels[0], first_label, kicker) if first_label is not None and kicker else None
        for ph in list(slide.placeholders):
            keep = {title_shape.shape_id} | ({body.shape_id} if keep_body and body is not None else set())
            if label is not None:
                keep.add(label.shape_id)
            if ph.shape_id not in keep:
                remove_shape(ph)
        if self.branded:
            tb = box_of(title_shape)
            rect(slide, Box(tb.left + INSET_X, tb.bottom + int(Inches(0.04)), int(Inches(0.9)), int(Inches(0.06))),
                 self.colors.accent, "Title rule")
        add_chrome(self, slide, layout, number)
        set_notes(slide, notes)
        return slide, box, (body if keep_body else None)

    def _kicker(self, layout, layout_ph, shape, text: str):
        """Fill a kicker placeholder with a short label on one line, or None (then it is removed)."""
        st = self.style(layout, layout_ph)
        style = TextStyle.of_placeholder(st, self.writer.fonts)
        natural = st.size or 12.0
        para = Para.of(one_line(text), bold=None)
        size = self.writer.fit_size([para], box_of(layout_ph), natural, min(natural, 8.0), style=style)
        if size is None:
            return None
        self.writer.fill(shape, [para], size, anchor=None, set_color=False, style=style)
        return shape

    def write_title(self, shape, title: str, start: float | None = None, minimum: float | None = None,
                    color=None, layout=None) -> None:
        """``title`` in ``shape``, as large as fits from ``start`` (the template's own
        size) down to ``minimum``; past that it wraps and its box grows — never cut."""
        if layout is not None and shape.is_placeholder and not self.branded:
            box, size, style = self.title_fit(layout, title, start, minimum)
        else:
            box = box_of(shape)
            style = OWN
            floor = TITLE_MIN if minimum is None else minimum
            paras = [self._title_para(title)]
            size = self.writer.fit_size(paras, box, TITLE_MAX if start is None else start, floor)
            if size is None:
                size = floor
                need = int(self.writer.height(paras, box.width, size) * EMU_PER_PT) + 2 * int(INSET_Y)
                box = Box(box.left, box.top, box.width, min(max(need, box.height), self.H - box.top))
        if box.height != int(shape.height or 0):
            shape.left, shape.top, shape.width, shape.height = box.left, box.top, box.width, box.height
        para = self._title_para(title)
        if self.branded:
            self.writer.fill(shape, [para], size, color=color or self.colors.primary, anchor=MSO_ANCHOR.BOTTOM)
        elif style.keep:
            self.writer.fill(shape, [para], size, color=color or (self.colors.primary if "colours" in self.overrides
                                                                  else None),
                             anchor=None, set_color=bool(color) or "colours" in self.overrides, style=style)
        else:
            self.writer.fill(shape, [para], size, color=color, anchor=MSO_ANCHOR.MIDDLE, set_color=bool(color))


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
