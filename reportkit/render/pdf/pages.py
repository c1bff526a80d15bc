"""Page geometry and furniture: the cover and body page templates, the running
header (logo, short title) and footer (brand footer, classification, page X of Y),
and the document metadata and deterministic timestamp."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from .floats import FloatingDoc
from .listfit import ListFitDoc
from .flowables import Logo
from .fonts import FontSet
from .glyphs import INFO_KEY, lost_text
from .styles import Palette

PAGE_SIZES = {"A4": A4, "Letter": LETTER}


@dataclass
class Furniture:
    """What the page callbacks draw, gathered once per render."""

    fonts: FontSet
    palette: Palette
    logo: Logo | None
    header_logo: bool
    short_title: str
    week_text: str
    footer: str
    classification: str
    total_pages: int | None = None  # None on the counting pass


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis until it is at most ``width`` wide."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…" if text else ""


def pdf_date(moment: datetime) -> str:
    """A PDF date string (``D:YYYYMMDDHHmmSS+00'00'``) in UTC."""
    return moment.astimezone(UTC).strftime("D:%Y%m%d%H%M%S+00'00'")


def canvas_maker(stamp: str, counting: bool = False, lost: Callable[[], list[str]] | None = None) -> type[Canvas]:
    """A Canvas class that writes ``stamp`` as creation and modification date
    (reportlab's invariant mode alone would write 2000-01-01). A ``counting`` canvas is
    for a pass that only counts pages: the logo skips its pictures there. ``lost`` gives,
    when the file is saved, the characters no font drew that a reader lost
    (:meth:`.glyphs.Undrawn.lost`): they go in the document information, where verify reads them."""

    class StampedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.setDateFormatter(lambda *_: stamp)
            self.counting = counting

        def save(self) -> None:
            chars = lost() if lost is not None else []
            if chars:  # absent otherwise: a brief that lost nothing keeps its bytes
                self._doc.info = _with_entry(self._doc.info, INFO_KEY, lost_text(chars))
            super().save()

    return StampedCanvas


def _with_entry(info: Any, key: str, value: str) -> Any:
    """reportlab's document information ``info`` with one more entry (it writes a fixed set)."""
    from reportlab.pdfbase.pdfdoc import PDFString

    class Info(type(info)):  # type: ignore[misc]
        def format(self, document: Any) -> bytes:
            body = super().format(document)
            end = body.rindex(b">>")
            return body[:end] + b"/" + key.encode() + b" " + PDFString(value).format(document) + b"\n" + body[end:]

    extended = Info()
    extended.__dict__.update(info.__dict__)
    return extended


class BriefDoc(FloatingDoc, ListFitDoc, BaseDocTemplate):
    """A two-template document: an optional cover page (full-bleed band, no header)
    followed by body pages with header and footer."""

    def __init__(self, target: Any, page_size: tuple[float, float], margins: Any, furniture: Furniture,
                 cover: bool, **meta: Any) -> None:
        left, right = margins.left * mm, margins.right * mm
        top, bottom = margins.top * mm, margins.bottom * mm
        super().__init__(target, pagesize=page_size, leftMargin=left, rightMargin=right, topMargin=top,
                         bottomMargin=bottom, invariant=1, pageCompression=1,
                         initialFontName=furniture.fonts.regular, displayDocTitle=1, **meta)
        self.furniture = furniture
        w, h = page_size
        body = Frame(left, bottom, w - left - right, h - top - bottom, id="body",
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates = []
        if cover:
            cover_frame = Frame(left, bottom, w - left - right, h - bottom, id="cover",
                                leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
            templates.append(PageTemplate("cover", [cover_frame], onPage=self._cover_page, pagesize=page_size))
        templates.append(PageTemplate("body", [body], onPage=self._body_page, pagesize=page_size))
        self.addPageTemplates(templates)

    # -- page callbacks --------------------------------------------------------

    def _footer(self, canv: Canvas, numbered: bool) -> None:
        f, p = self.furniture, self.furniture.palette
        w = self.pagesize[0]
        left, right = self.leftMargin, w - self.rightMargin
        y_rule = self.bottomMargin - 6 * mm
        y = y_rule - 4 * mm
        canv.setStrokeColor(p.rule)
        canv.setLineWidth(0.5)
        canv.line(left, y_rule, right, y_rule)
        span = right - left
        page = ""
        if numbered:
            n = canv.getPageNumber()
            page = f"Page {n} of {f.total_pages}" if f.total_pages else f"Page {n}"
        canv.setFillColor(p.muted)
        canv.setFont(f.fonts.regular, 7)
        canv.drawString(left, y, fit_text(f.footer, f.fonts.regular, 7, span * 0.38))
        if page:
            canv.drawRightString(right, y, page)
        if f.classification:
            canv.setFillColor(p.primary)
            canv.setFont(f.fonts.bold, 7)
            text = fit_text(f.classification, f.fonts.bold, 7, span * 0.34)
            if numbered:
                canv.drawCentredString(left + span * 0.55, y, text)
            else:
                canv.drawRightString(right, y, text)

    def _cover_page(self, canv: Canvas, doc: Any) -> None:
        canv.saveState()
        canv.showOutline()
        self._footer(canv, numbered=False)
        canv.restoreState()

    def _body_page(self, canv: Canvas, doc: Any) -> None:
        f, p = self.furniture, self.furniture.palette
        w, h = self.pagesize
        left, right = self.leftMargin, w - self.rightMargin
        canv.saveState()
        canv.showOutline()
        # a thin full-bleed brand bar at the top edge ties body pages to the cover band
        canv.setFillColor(p.primary)
        canv.rect(0, h - 2.2 * mm, w, 2.2 * mm, stroke=0, fill=1)
        y_rule = h - self.topMargin + 5 * mm
        canv.setStrokeColor(p.primary)
        canv.setLineWidth(0.8)
        canv.line(left, y_rule, right, y_rule)
        used = 0.0
        if f.logo is not None and f.header_logo:
            used = f.logo.draw(canv, left, y_rule + 2.6 * mm, 6.5 * mm) + 6 * mm
        room = right - left - used
        canv.setFillColor(p.primary)
        canv.setFont(f.fonts.bold, 8.5)
        canv.drawRightString(right, y_rule + 6.2 * mm, fit_text(f.short_title, f.fonts.bold, 8.5, room))
        canv.setFillColor(p.muted)
        canv.setFont(f.fonts.regular, 7)
        canv.drawRightString(right, y_rule + 2.6 * mm, fit_text(f.week_text, f.fonts.regular, 7, room))
        self._footer(canv, numbered=True)
        canv.restoreState()
