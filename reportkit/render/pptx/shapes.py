"""Writing measured text into shapes, and the brand chrome every slide but the title wears.

:class:`Writer` is the one way text reaches a slide: it cleans the text, sets the
font family, size, line spacing, insets and bullet indents explicitly (so what
:mod:`.text` measured is what a viewer lays out), switches autofit off and
can tell in advance whether text fits a box and at what size.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from lxml import etree
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from ...urls import is_web_url
from .charts import set_descr
from .roles import PhStyle, clamp
from .template import Box
from .theme import Colour, apply_color, color_xml
from .text import EMU_PER_PT, Fonts, clean_run, line_height, wrap
from .urlwrap import url_lines

INSET_X, INSET_Y = Inches(0.08), Inches(0.04)
BULLET_INDENT_EM = 1.1  # hanging indent of a bullet, in ems of its size
SPACE_BEFORE_EM = 0.45  # gap between paragraphs, in ems
# A fixed GUID for slide-number fields: deterministic output, same meaning everywhere.
SLIDENUM_ID = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, "reportkit:slidenum")).upper() + "}"


@dataclass
class Run:
    """A piece of a paragraph with its own style (``link``: a hyperlink address).
    ``bold=None`` leaves the weight to the shape's style (a template's title)."""

    text: str
    bold: bool | None = False
    italic: bool = False
    color: Colour | None = None
    link: str | None = None
    scale: float = 1.0  # size relative to the paragraph's
    url: bool = False  # a web address: breaks only at its break points, shortened to fit (urlwrap.py)
    br: bool = False  # starts a new line of its paragraph (an <a:br>: a break inside a word, not a gap)


@dataclass
class Para:
    """A paragraph: runs, and whether it is a bullet."""

    runs: list[Run] = field(default_factory=list)
    bullet: bool = False
    align: PP_ALIGN | None = None
    space_before: bool = True

    @classmethod
    def of(cls, text: str, **kw) -> Para:
        run_kw = {k: kw.pop(k) for k in ("bold", "italic", "color", "link", "scale", "url") if k in kw}
        return cls([Run(text, **run_kw)], **kw)

    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class TextStyle:
    """How text sits in a shape: our own text boxes use reportkit's insets and single
    spacing (``OWN``); a template's placeholder keeps what the template gives it
    (``keep=True``: insets, spacing, bullets and weight are not written, only read
    for measuring), measured with ``fonts`` (the template's heading or body font)."""

    insets: tuple[int, int, int, int] = (int(INSET_X), int(INSET_Y), int(INSET_X), int(INSET_Y))
    spacing: float = 1.0
    spacing_pts: float | None = None
    bullet_indent: int | None = None  # EMU; None: BULLET_INDENT_EM of the size
    keep: bool = False
    fonts: Fonts | None = None
    natural_size: float | None = None  # the size the template gives (not written when chosen)
    bold: bool = False  # the weight runs inherit when they set none

    @classmethod
    def of_placeholder(cls, st: PhStyle, fonts: Fonts | None) -> TextStyle:
        indent = st.mar_l if st.mar_l else None
        return cls(st.insets, st.spacing, st.spacing_pts, indent, True, fonts, st.size, st.bold)


OWN = TextStyle()


class Writer:
    """Measures and writes text: in the brand font on the branded deck, in the
    template's theme fonts (no typeface written) with a template."""

    def __init__(self, fonts: Fonts, family: str | None, brand_colors=None, bullet_color: Colour | None = None,
                 title_fonts: Fonts | None = None) -> None:
        self.fonts = fonts
        self.title_fonts = title_fonts or fonts
        self.family = family
        self.colors = brand_colors
        self.bullet_color = bullet_color or (brand_colors.accent if brand_colors is not None else "#000000")

    # -- measuring -----------------------------------------------------------------

    def height(self, paras: list[Para], width_emu: int, size: float, style: TextStyle = OWN) -> float:
        """Points of height ``paras`` need at ``size`` in a box ``width_emu`` wide (insets excluded)."""
        avail = (width_emu - style.insets[0] - style.insets[2]) / EMU_PER_PT
        fonts = style.fonts or self.fonts
        total = 0.0
        for i, p in enumerate(paras):
            bold = any((style.bold if r.bold is None else r.bold) for r in p.runs if r.text.strip())
            italic = all(r.italic for r in p.runs if r.text.strip()) if p.runs else False
            font = fonts.style(bold, italic)
            psize = size * max((r.scale for r in p.runs), default=1.0)
            if p.bullet:
                indent = (style.bullet_indent / EMU_PER_PT if style.bullet_indent is not None
                          else BULLET_INDENT_EM * size)
            else:
                indent = 0.0
            lines = len(wrap(self._shown(p, avail - indent, size, fonts).strip(), avail - indent, psize, font))
            pitch = style.spacing_pts if style.spacing_pts else line_height(psize, font, style.spacing)
            total += lines * pitch
            if i and p.space_before:
                total += SPACE_BEFORE_EM * size
        return total

    def _url_lines(self, r: Run, before: str, width_pt: float, size: float, fonts: Fonts) -> list[str]:
        """``r``'s address in lines; ``before``: the paragraph's text before it, as :meth:`_shown` gives it."""
        font = fonts.style(bool(r.bold), r.italic)
        last = wrap(before, width_pt, size, font)[-1] if before.strip() else ""
        first = width_pt - font.width(last + " ", size) if last else None
        return url_lines(clean_run(r.text).strip(), width_pt, size * r.scale, font, first_pt=first)

    def _shown(self, p: Para, width_pt: float, size: float, fonts: Fonts) -> str:
        """``p``'s text as a viewer lays it out, an address's line breaks as newlines."""
        out = ""
        for r in p.runs:
            out += ("\n" if r.br else "") + ("\n".join(self._url_lines(r, out, width_pt, size, fonts))
                                             + _trailing(r.text) if r.url else clean_run(r.text))
        return out

    def fits(self, paras: list[Para], box: Box, size: float, style: TextStyle = OWN) -> bool:
        room = (box.height - style.insets[1] - style.insets[3]) / EMU_PER_PT
        return self.height(paras, box.width, size, style) <= room

    def one_line_size(self, text: str, width_emu: int, start: float, minimum: float, bold: bool = False) -> float | None:
        """The largest size (``start`` down to ``minimum``) at which ``text`` stays on one line."""
        avail = (width_emu - 2 * INSET_X) / EMU_PER_PT
        font = self.fonts.style(bold, False)
        size = start
        while size >= minimum - 1e-6:
            if len(wrap(clean_run(text).strip(), avail, size, font)) <= 1:
                return size
            size -= 1.0
        return None

    def fit_size(self, paras: list[Para], box: Box, start: float, minimum: float, step: float = 1.0,
                 style: TextStyle = OWN) -> float | None:
        """The largest size from ``start`` down to ``minimum`` at which ``paras`` fit, or None."""
        size = start
        while size >= minimum - 1e-6:
            if self.fits(paras, box, size, style):
                return size
            size -= step
        return None

    def truncate_to_fit(self, text: str, box: Box, size: float, **para_kw) -> str:
        """``text`` cut at a word (with an ellipsis) so that it fits ``box`` at ``size``."""
        if self.fits([Para.of(text, **para_kw)], box, size):
            return text
        words = text.split(" ")
        lo, hi = 0, len(words)
        while lo < hi:  # the most words that still fit
            mid = (lo + hi + 1) // 2
            if self.fits([Para.of(" ".join(words[:mid]) + "…", **para_kw)], box, size):
                lo = mid
            else:
                hi = mid - 1
        return (" ".join(words[:lo]).rstrip(" ,;:") + "…") if lo else "…"

    # -- writing -------------------------------------------------------------------

    def textbox(self, slide, box: Box, name: str | None = None):
        box = on_slide(slide, box)
        shape = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
        if name:
            shape.name = name
        return shape

    def fill(self, shape, paras: list[Para], size: float, color: Colour | None = None,
             anchor: MSO_ANCHOR | None = MSO_ANCHOR.TOP, set_color: bool = True, style: TextStyle = OWN) -> None:
        """Replace ``shape``'s text with ``paras`` at ``size``. Our own shapes get explicit
        insets, spacing and bullets; a template placeholder (``style.keep``) keeps its
        own, and its size is written only when it differs from the template's."""
        tf = shape.text_frame
        tf.clear()
        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE
        if not style.keep:
            tf.margin_left = tf.margin_right = INSET_X
            tf.margin_top = tf.margin_bottom = INSET_Y
        if anchor is not None:
            tf.vertical_anchor = anchor
        for i, p in enumerate(paras):
            para = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            if not style.keep:
                para.line_spacing = 1.0
                para.space_after = Pt(0)
                para.space_before = Pt(SPACE_BEFORE_EM * size if (i and p.space_before) else 0)
            elif i and p.space_before:
                para.space_before = Pt(SPACE_BEFORE_EM * size)
            if p.align is not None:
                para.alignment = p.align
            if style.keep and p.bullet:
                pass  # the template's level-1 bullet, indent and colour
            else:
                self._bullet(para, p.bullet, size)
            for ri, r in enumerate(p.runs):
                text = clean_run(r.text)
                if not text:
                    continue
                col = r.color or (color if set_color else None)
                pt = round(size * r.scale * 2) / 2
                if style.keep and style.natural_size is not None and abs(pt - style.natural_size) < 0.01:
                    pt = None  # the template's own size: inherit it rather than write it
                if r.br:
                    _line_break(para, pt)
                pieces = [text]
                if r.url:
                    indent = BULLET_INDENT_EM * size if p.bullet else 0.0
                    width = (shape.width - style.insets[0] - style.insets[2]) / EMU_PER_PT - indent
                    fonts = style.fonts or self.fonts
                    pieces = self._url_lines(r, self._shown(Para(p.runs[:ri]), width, size, fonts),
                                             width, size, fonts)
                for k, piece in enumerate(pieces):
                    if k:
                        _line_break(para, pt)
                    self._run(para, piece, pt, r, col)
                if r.url and _trailing(text):  # the gap after an address is no part of its link
                    self._plain_run(para, _trailing(text), pt, r.bold, r.italic, col)

    def _run(self, para, text: str, pt: float | None, r: Run, col: Colour | None) -> None:
        if r.link and is_web_url(r.link):  # never javascript:, file:, data: ...
            run = para.add_run()
            run.text = text
            f = run.font
            if self.family:
                f.name = self.family
            if pt is not None:
                f.size = Pt(pt)
            f.bold, f.italic = r.bold, r.italic
            if col:
                apply_color(f.color, col)
            run.hyperlink.address = r.link.strip()
        else:
            self._plain_run(para, text, pt, r.bold, r.italic, col)

    def _plain_run(self, para, text: str, pt: float | None, bold: bool | None, italic: bool,
                   color: Colour | None) -> None:
        """``<a:r>`` written directly: the same XML python-pptx's font setters make
        (sz, b, i; solidFill before latin, as the schema orders them), at a fraction
        of their cost — a deck has hundreds of runs and watch mode rebuilds it often."""
        r = etree.SubElement(para._p, qn("a:r"))
        end = para._p.find(qn("a:endParaRPr"))
        if end is not None:  # runs go before the paragraph's end properties
            end.addprevious(r)
        rpr = etree.SubElement(r, qn("a:rPr"))
        if pt is not None:
            rpr.set("sz", str(int(round(pt * 100))))
        if bold is not None:
            rpr.set("b", "1" if bold else "0")
        rpr.set("i", "1" if italic else "0")
        if color:
            color_xml(etree.SubElement(rpr, qn("a:solidFill")), color)
        if self.family:
            etree.SubElement(rpr, qn("a:latin"), typeface=self.family)
        etree.SubElement(r, qn("a:t")).text = text

    def _bullet(self, para, bullet: bool, size: float) -> None:
        ppr = para._p.get_or_add_pPr()
        for tag in ("a:buNone", "a:buChar", "a:buAutoNum", "a:buClr", "a:buFont", "a:buSzPct"):
            for el in ppr.findall(qn(tag)):
                ppr.remove(el)
        if not bullet:
            ppr.set("marL", "0")
            ppr.set("indent", "0")
            etree.SubElement(ppr, qn("a:buNone"))
            return
        indent = int(BULLET_INDENT_EM * size * EMU_PER_PT)
        ppr.set("marL", str(indent))
        ppr.set("indent", str(-indent))
        color_xml(etree.SubElement(ppr, qn("a:buClr")), self.bullet_color)
        etree.SubElement(ppr, qn("a:buSzPct"), val="100000")
        if self.family:
            etree.SubElement(ppr, qn("a:buFont"), typeface=self.family)
        etree.SubElement(ppr, qn("a:buChar"), char="▪")
        # python-pptx wants pPr children in schema order: lnSpc, spcBef, spcAft, bu*
        order = ["lnSpc", "spcBef", "spcAft", "buClrTx", "buClr", "buSzTx", "buSzPct", "buSzPts", "buFontTx",
                 "buFont", "buNone", "buAutoNum", "buChar", "buBlip", "tabLst", "defRPr", "extLst"]
        kids = sorted(ppr, key=lambda el: order.index(etree.QName(el).localname)
                      if etree.QName(el).localname in order else 99)
        for el in kids:
            ppr.append(el)


def _trailing(text: str) -> str:
    return text[len(text.rstrip(" ")):]


def _line_break(para, pt: float | None) -> None:
    """An ``<a:br>`` after the paragraph's last run (sized as its runs: the line's height)."""
    br = etree.SubElement(para._p, qn("a:br"))
    end = para._p.find(qn("a:endParaRPr"))
    if end is not None:
        end.addprevious(br)
    rpr = etree.SubElement(br, qn("a:rPr"))
    if pt is not None:
        rpr.set("sz", str(int(round(pt * 100))))


def on_slide(slide, box: Box) -> Box:
    """``box`` kept on the slide with no negative size (a template's odd geometry
    must never produce a shape PowerPoint offers to "repair")."""
    prs = slide.part.package.presentation_part.presentation
    return clamp(box, int(prs.slide_width), int(prs.slide_height))


def rect(slide, box: Box, color: Colour, name: str | None = None, shape=MSO_SHAPE.RECTANGLE):
    """A filled, borderless rectangle (bands, rules, cards)."""
    box = on_slide(slide, box)
    shp = slide.shapes.add_shape(shape, box.left, box.top, box.width, box.height)
    shp.fill.solid()
    apply_color(shp.fill.fore_color, color)
    shp.line.fill.background()
    shp.shadow.inherit = False
    if name:
        shp.name = name
    return shp


def add_logo(slide, logo, box: Box, brand_name: str, align_left: bool = False):
    """The logo (a PNG's path, or PNG bytes: a rasterised SVG), scaled to ``box``'s height
    and right-aligned (or left-aligned) in it, with alt text."""
    import io

    from PIL import Image

    def source():
        return io.BytesIO(logo) if isinstance(logo, bytes) else str(logo)

    with Image.open(source()) as im:
        w, h = im.size
    box = on_slide(slide, box)
    height = box.height
    width = int(height * w / h)
    if width > box.width:
        width, height = box.width, int(box.width * h / w)
    pic = slide.shapes.add_picture(source(), box.left if align_left else box.right - width, box.top + (box.height - height) // 2,
                                   width, height)
    pic.name = "Logo"
    set_descr(pic, f"{brand_name} logo")
    return pic


def slide_number_para(para, number: int, family: str | None, size: float | None, color: Colour | None,
                      bold: bool | None = True) -> None:
    """Put a slide-number field (showing ``number``) into ``para``."""
    for r in list(para._p):
        if etree.QName(r).localname in ("r", "fld", "br"):
            para._p.remove(r)
    fld = etree.SubElement(para._p, qn("a:fld"), id=SLIDENUM_ID, type="slidenum")
    rpr = etree.SubElement(fld, qn("a:rPr"), lang="en-GB")
    if size:
        rpr.set("sz", str(int(size * 100)))
    if bold is not None:
        rpr.set("b", "1" if bold else "0")
    if color:
        color_xml(etree.SubElement(rpr, qn("a:solidFill")), color)
    if family:
        etree.SubElement(rpr, qn("a:latin"), typeface=family)
    t = etree.SubElement(fld, qn("a:t"))
    t.text = str(number)
    end = para._p.find(qn("a:endParaRPr"))
    if end is not None:  # endParaRPr must stay last
        para._p.remove(end)
        para._p.append(end)


def set_notes(slide, text: str) -> None:
    """Speaker notes (cleaned; never empty)."""
    from .text import clean_text

    slide.notes_slide.notes_text_frame.text = clean_text(text) or "—"
