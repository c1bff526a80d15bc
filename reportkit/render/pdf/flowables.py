"""The brief's building blocks: the cover band, bookmarked headings, the key-figure
panel, takeaways, pull quotes, chart figures and the logo.

Tables that hold source text may split inside a row (``splitInRow``) so that no
text, however long, can make a cell taller than a page and abort the build.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table, TableStyle

from ...errors import ImageNotReady, RenderError
from . import picturecache, pictures
from .fonts import FontSet
from .para import Paragraph
from .styles import Palette, Styles
from .svg import load_svg, undrawn_in
from .text import clean

SPLIT_IN_ROW = 36  # pt: a table row may split across pages if both parts are at least this tall

#: True while a brief renders before its charts' PNGs are drawn (its task is sent once their SVGs
#: are, renderstage): a chart whose SVG cannot be read raises ImageNotReady then, rather than
#: being left out, and the brief is made again once the PNG is drawn (the bytes of a render that
#: had it all along).
PNGS_PENDING: ContextVar[bool] = ContextVar("pngs_pending", default=False)


def table_style(styles: Styles, cmds: list[Any]) -> TableStyle:
    """A TableStyle whose cell font is the brand's: reportlab's default cell font is
    Helvetica, which would be referenced (unembedded) even if no cell holds text."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular), *cmds])


class Logo:
    """The brand logo, PNG or SVG, drawable at any height with its aspect ratio kept."""

    def __init__(self, path: Path, fonts: FontSet, svg_cache: Path | None = None,
                 picture_cache: Path | None = None) -> None:
        self.path = path
        self.drawing: Any = None
        self.reader: Any = None
        self._name: str | None = None  # the picture's name in a PDF (reportlab's pixel digest)
        self._cache = picture_cache  # picturecache's folder, or None
        if path.suffix.lower() == ".svg":
            self.drawing = load_svg(path, fonts, svg_cache)
            self.aspect = self.drawing.width / self.drawing.height
            return
        try:
            self._digest = pictures.file_digest(path)
        except OSError as e:
            raise RenderError(f"cannot read logo: {e}", path) from None
        kept = pictures.KEPT.get(self._digest)
        if kept is None and (kept := picturecache.load(picture_cache, self._digest)) is not None:
            pictures.remember(self._digest, kept)
        if kept is not None:  # decoded before: its pixel size is the picture's (no decode)
            self.aspect = kept[1].width / kept[1].height
            return
        w, h = self._reader().getSize()
        self.aspect = w / h

    def _reader(self) -> Any:
        """The picture's reader, made on first need (a kept picture needs none)."""
        if self.reader is None:
            from reportlab.lib.utils import ImageReader

            try:
                # drawn from a reader, reportlab names the image by its pixels; drawn from a file name,
                # by the path: the same project built in another folder gave other PDF bytes
                self.reader = ImageReader(str(self.path))
                self.reader.getSize()
            except Exception as e:  # noqa: BLE001 - any decoder failure is a bad logo file
                raise RenderError(f"cannot read logo: {e}", self.path) from None
        return self.reader

    def draw(self, canv: Any, x: float, y: float, height: float) -> float:
        """Draw with the bottom-left corner at (x, y); returns the drawn width. A canvas
        that only counts pages (``counting``, see ``pages.canvas_maker``) gets no picture."""
        width = height * self.aspect
        if getattr(canv, "counting", False):
            return width
        if self.drawing is not None:
            from reportlab.graphics import renderPDF

            s = height / self.drawing.height
            canv.saveState()
            canv.translate(x, y)
            canv.scale(s, s)
            renderPDF.draw(self.drawing, canv, 0, 0)
            canv.restoreState()
        else:
            self._draw_image(canv, x, y, width, height)
        return width

    def _draw_image(self, canv: Any, x: float, y: float, width: float, height: float) -> None:
        # drawImage names a picture by hashing all its pixels (and alpha) on every call: 1.4 MB
        # of md5 per page for a 1200x300 logo. Once this document holds it, it is placed by that
        # name with the same operators drawImage writes (the bytes are the same; tested).
        if self._name is None or not canv.hasForm(self._name):
            kept = pictures.KEPT.get(self._digest)
            if kept is None or canv._doc.getXObjectName(kept[0]) in canv._doc.idToObject:
                named: dict[str, Any] = {"name": None}
                canv.drawImage(self._reader(), x, y, width, height, mask="auto", extraReturn=named)
                self._name = named["name"]
                if pictures.file_digest(self.path) == self._digest:  # the file did not change while read
                    pictures.keep(canv, self._digest, self._name)
                    picturecache.store(self._cache, self._digest, pictures.KEPT[self._digest])
                return
            self._name = pictures.register(canv, *kept)
        canv._currentPageHasImages = 1  # as drawImage marks the page (image procsets)
        canv.saveState()
        canv.translate(x, y)
        canv.scale(width, height)
        canv.doForm(self._name)
        canv.restoreState()


class Outline:
    """Hands out unique bookmark keys in story order (deterministic)."""

    def __init__(self) -> None:
        self.count = 0

    def key(self) -> str:
        self.count += 1
        return f"rk{self.count}"


class Heading(Paragraph):
    """A paragraph that adds a PDF bookmark (outline entry) where it is drawn."""

    def __init__(self, text: str | None, style: Any, title: str | None = None, level: int = 0,
                 outline: Outline | None = None, **kw: Any) -> None:
        # reportlab's split() re-creates paragraphs as self.__class__(None, style, frags=...)
        super().__init__(text, style, **kw)
        self.outline_title = " ".join(clean(title).split())[:200] or "(untitled)" if title is not None else None
        self.outline_level = level
        self.outline_key = outline.key() if outline is not None else None

    def draw(self) -> None:
        super().draw()
        if self.outline_key is not None:
            self.canv.bookmarkHorizontal(self.outline_key, 0, self.height + 4)
            self.canv.addOutlineEntry(self.outline_title, self.outline_key, self.outline_level, closed=False)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = super().split(availWidth, availHeight)
        if parts:  # the bookmark belongs to the first part only
            parts[0].outline_title, parts[0].outline_level = self.outline_title, self.outline_level
            parts[0].outline_key = self.outline_key
        return parts


class CoverBand(Flowable):
    """The cover's top: a white strip with logo and classification, then a full-bleed
    primary band with kicker, title and week, closed by an accent rule. The band
    grows with the title, so long titles wrap instead of overflowing."""

    STRIP = 30 * mm
    PAD_TOP, PAD_BOTTOM, ACCENT = 13 * mm, 12 * mm, 1.6 * mm

    def __init__(self, paras: Sequence[tuple[Paragraph, float]], logo: Logo | None, note: str,
                 palette: Palette, fonts: FontSet, left: float, page_width: float) -> None:
        super().__init__()
        self.paras, self.logo, self.note = list(paras), logo, note
        self.palette, self.fonts, self.left, self.page_width = palette, fonts, left, page_width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.text_h = sum(p.wrap(availWidth, availHeight)[1] + gap for p, gap in self.paras)
        self.band_h = self.PAD_TOP + self.text_h + self.PAD_BOTTOM
        self.width, self.height = availWidth, self.STRIP + self.band_h + self.ACCENT
        return self.width, self.height

    def draw(self) -> None:
        c, p = self.canv, self.palette
        band_top = self.height - self.STRIP
        c.saveState()
        c.setFillColor(p.primary)
        c.rect(-self.left, band_top - self.band_h, self.page_width, self.band_h, stroke=0, fill=1)
        c.setFillColor(p.accent)
        c.rect(-self.left, band_top - self.band_h - self.ACCENT, self.page_width, self.ACCENT, stroke=0, fill=1)
        if self.logo is not None:
            h = min(13 * mm, (self.width * 0.5) / self.logo.aspect)
            self.logo.draw(c, 0, band_top + (self.STRIP - h) / 2, h)
        if self.note:
            c.setFillColor(p.primary)
            c.setFont(self.fonts.bold, 7.5)
            c.drawRightString(self.width, band_top + self.STRIP / 2 - 2.5, self.note)
        c.restoreState()
        y = band_top - self.PAD_TOP
        for para, gap in self.paras:
            y -= para.height
            para.drawOn(c, 0, y)
            y -= gap


def panel_shape(count: int, columns: int) -> list[int]:
    """How many figures go in each row of the key-figures panel: at most
    ``columns`` per row, rows as even as possible, fuller rows first (4 figures in
    3 columns are 2 + 2, not 3 + 1 with two empty cells; 5 are 3 + 2)."""
    if count <= 0:
        return []
    rows = math.ceil(count / max(1, columns))
    base, extra = divmod(count, rows)
    return [base + 1] * extra + [base] * (rows - extra)


def key_figures_panel(cells: Sequence[tuple[Any, str, str]], columns: int, width: float,
                      styles: Styles, pad_y: float = 4.5 * mm, value_scale: float = 1.0) -> list[Table]:
    """Big numbers on the primary colour, at most ``columns`` to a row, as one table
    per row (stacked without gaps) so that every row is filled edge to edge: a
    shorter last row gets wider cells instead of empty ones. Cells are (value, label
    markup, source markup); a value is its markup, or (qualifier, number) markup, the
    qualifier set small before the big number (:mod:`.figuretext`). ``pad_y`` and ``value_scale``
    make a tighter panel (:mod:`.panelfit`): less padding above and below, smaller numbers."""
    from . import figuretext

    shape = panel_shape(len(cells), columns)
    pad = 5 * mm
    narrowest = width / max(shape, default=1)
    # one size for every number (the smallest that lets the widest fit), so the panel reads evenly
    floor = styles.kf_label.fontSize
    base = styles.kf_value if value_scale == 1.0 else figuretext.scaled(styles.kf_value, value_scale)
    vstyle = figuretext.fitted(base, [value for value, _, _ in cells], narrowest - 2 * pad,
                               styles.fonts.regular, floor, styles.size)
    # a number that would wrap at the least size would break inside a word: such a tighter panel is no
    # choice (panelfit reads value_size 0 as unreadable); the full panel's cells are checked before
    whole = all(figuretext.width(v, styles.fonts.regular, vstyle.fontName, vstyle.fontSize, floor) <= narrowest - 2 * pad
                for v, _, _ in cells)
    p = styles.palette
    tables: list[Table] = []
    start = 0
    for r, n in enumerate(shape):
        row = [[Paragraph(figuretext.markup(value, styles.fonts.regular, vstyle.fontSize, floor), vstyle),
                Paragraph(label, styles.kf_label), Paragraph(source, styles.kf_source)]
               for value, label, source in cells[start:start + n]]
        start += n
        table = Table([row], colWidths=[width / n] * n, splitInRow=SPLIT_IN_ROW, hAlign="LEFT")
        table.setStyle(table_style(styles, [
            ("BACKGROUND", (0, 0), (-1, -1), p.primary),
            ("INNERGRID", (0, 0), (-1, -1), 0.75, p.panel_rule),
            ("LINEABOVE", (0, 0), (-1, 0), 3, p.accent) if r == 0 else ("LINEABOVE", (0, 0), (-1, 0), 0.75, p.panel_rule),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad_y), ("BOTTOMPADDING", (0, 0), (-1, -1), pad_y),
        ]))
        table.value_size = vstyle.fontSize if whole else 0.0  # panelfit: how small a tighter panel set its numbers
        tables.append(table)
    return tables


def takeaways_list(items: Sequence[tuple[str, str]], width: float, styles: Styles,
                   pad: float = 2.6 * mm) -> list[Table]:
    """Numbered takeaways with their source tags under each, hairlines between, ``pad`` above and
    below each one's text (less where that keeps the list on its page: listfit); one table per
    takeaway so the list flows across pages right after its heading."""
    p = styles.palette
    out = []
    for i, (text, tags) in enumerate(items, 1):
        cell = [Paragraph(text, styles.takeaway)] + ([Paragraph(tags, styles.tag)] if tags else [])
        table = Table([[Paragraph(f"{i:02d}", styles.takeaway_no), cell]], colWidths=[11 * mm, width - 11 * mm],
                      splitInRow=SPLIT_IN_ROW, hAlign="LEFT")
        cmds: list[Any] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ]
        if i < len(items):
            cmds.append(("LINEBELOW", (0, 0), (-1, -1), 0.5, p.rule))
        table.setStyle(table_style(styles, cmds))
        out.append(table)
    return out


def changes_list(items: Sequence[tuple[str, str, list[str]]], width: float, styles: Styles) -> list[Table]:
    """"What changed" lines: a kind word (UP, NEW, …) on the left, the line and where
    it was said beneath it on the right; hairlines between, one table per line (so the
    list flows across pages right after its heading)."""
    p = styles.palette
    out = []
    for i, (kind, text, where) in enumerate(items, 1):
        cell = [Paragraph(text, styles.takeaway)] + [Paragraph(w, styles.tag) for w in where]
        table = Table([[Paragraph(kind, styles.kicker), cell]], colWidths=[20 * mm, width - 20 * mm],
                      splitInRow=SPLIT_IN_ROW, hAlign="LEFT")
        cmds: list[Any] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 2 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
        ]
        if i < len(items):
            cmds.append(("LINEBELOW", (0, 0), (-1, -1), 0.5, p.rule))
        table.setStyle(table_style(styles, cmds))
        out.append(table)
    return out


def pull_quote(text: str, speaker: str, width: float, styles: Styles) -> Table:
    """A quote on a pale panel with an accent bar on its left; ``speaker`` may be ''."""
    cell: list[Any] = [Paragraph(f"“{text}”", styles.quote)]
    if speaker:
        cell.append(Paragraph(f"— {speaker}", styles.speaker))
    p = styles.palette
    table = Table([[cell]], colWidths=[width], splitInRow=SPLIT_IN_ROW, hAlign="LEFT",
                  spaceBefore=styles.size * 0.5, spaceAfter=styles.size * 1.1)
    table.setStyle(table_style(styles, [
        ("BACKGROUND", (0, 0), (-1, -1), p.tint),
        ("LINEBEFORE", (0, 0), (0, -1), 3, p.accent),
        ("LEFTPADDING", (0, 0), (-1, -1), 6 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 6 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 4 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
    ]))
    return table


def kept_quote(box: Table, width: float, height: float) -> Table:
    """A pull quote kept whole on a page when short enough (split at a page's foot, its box could
    leave its tinted top there with no words); one taller than a third of a page may split. Its
    row is made unsplittable rather than wrapped in a KeepTogether, which a heading's keepWithNext
    does not hold on to (the Quotes heading ended a page)."""
    if box.wrap(width, height)[1] <= height / 3:
        box.splitInRow = 0
    return box


def chart_image(svg: Path | None, png: Path | None, prefer_svg: bool, fonts: FontSet,
                max_w: float, max_h: float, cache: dict[Any, Any] | None = None,
                svg_cache: Path | None = None) -> Flowable | None:
    """The chart scaled to fit ``max_w`` x ``max_h`` with its aspect ratio kept:
    vector (SVG through svglib) when preferred and readable, else the PNG. ``cache``
    keeps converted SVGs between the two layout passes (drawing does not change them),
    ``svg_cache`` between processes (see :func:`.svg.load_svg`)."""
    order = [("svg", svg), ("png", png)] if prefer_svg else [("png", png), ("svg", svg)]
    cache = {} if cache is None else cache
    for kind, path in order:
        if path is None or not Path(path).is_file():
            continue
        try:
            if kind == "svg":
                st = Path(path).stat()  # a rewritten file at the same path is a new chart
                # the drawing names the brand's fonts: another brand (watch, batch) converts again
                key = (str(path), st.st_size, st.st_mtime_ns, max_w, max_h,
                       fonts.regular, fonts.bold, fonts.italic, fonts.bold_italic)
                if key not in cache:
                    d = load_svg(Path(path), fonts, svg_cache)
                    s = min(max_w / d.width, max_h / d.height)
                    d.scale(s, s)
                    d.width, d.height = d.width * s, d.height * s
                    d.hAlign = "LEFT"  # flush left: the chart's title lines up with the FIGURE label
                    cache[key] = d
                fonts.undrawn.update(undrawn_in(cache[key]))  # a drawing kept from another brief says them here too
                return cache[key]
            from reportlab.lib.utils import ImageReader

            w, h = ImageReader(str(path)).getSize()
        except RenderError:
            continue  # a broken SVG falls back to the PNG
        except Exception:  # noqa: BLE001 - an unreadable PNG: try the other format
            continue
        s = min(max_w / w, max_h / h)
        return Image(str(path), width=w * s, height=h * s, hAlign="LEFT")
    if png is None and svg is not None and PNGS_PENDING.get():
        raise ImageNotReady("its SVG cannot be read and its PNG is not drawn yet", svg)
    return None


def chart_figure(number: int, image: Flowable, caption: str, source: str, alt: str, styles: Styles,
                 outline: Outline, title: str) -> KeepTogether:
    """Figure label (bookmarked with the chart title, which the image itself shows),
    image, source, caption and description, kept on one page."""
    from reportlab.platypus.flowables import HRFlowable

    parts: list[Any] = [
        HRFlowable(width="100%", thickness=0.5, color=styles.palette.rule, spaceBefore=0, spaceAfter=2 * mm),
        Heading(f"FIGURE {number}", styles.fig_label, title, 1, outline),
        Spacer(1, 1.5 * mm),
        image,
    ]
    # the source right under the image, where the image's own source line was (it has none now)
    if source:
        parts.append(Paragraph(source, styles.source_line))
    if caption:
        parts.append(Paragraph(caption, styles.caption))
    if alt:
        parts.append(Paragraph(f"Chart description: {alt}", styles.alt))
    parts.append(Spacer(1, 6 * mm))
    return KeepTogether(parts)
