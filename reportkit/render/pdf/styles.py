"""Paragraph styles and colours of the brief, derived from the brand and the layout.

All sizes scale with ``pdf.body_font_size`` so a layout that asks for 11 pt body
text gets proportionally larger headings, captions and key figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from .fonts import FontSet


def mix(a: Color, b: Color, t: float) -> Color:
    """``a`` blended towards ``b`` by ``t`` (0 = a, 1 = b): tints for panels and rules."""
    return Color(a.red + (b.red - a.red) * t, a.green + (b.green - a.green) * t, a.blue + (b.blue - a.blue) * t)


@dataclass
class Palette:
    """Brand colours plus the tints the brief derives from them."""

    primary: Color
    secondary: Color
    accent: Color
    text: Color
    muted: Color
    background: Color
    white: Color
    tint: Color  # pale primary: quote and table backgrounds
    rule: Color  # hairlines
    on_primary: Color  # secondary text on the primary colour
    panel_rule: Color  # grid lines inside the key-figure panel

    @classmethod
    def from_brand(cls, colors: Any) -> Palette:
        primary = HexColor(colors.primary)
        white = HexColor("#FFFFFF")
        return cls(
            primary=primary, secondary=HexColor(colors.secondary), accent=HexColor(colors.accent),
            text=HexColor(colors.text), muted=HexColor(colors.muted), background=HexColor(colors.background),
            white=white, tint=mix(primary, white, 0.93), rule=mix(primary, white, 0.8),
            on_primary=mix(primary, white, 0.75), panel_rule=mix(primary, white, 0.22),
        )


class Styles:
    """Every paragraph style the brief uses, as attributes (``styles.body`` ...)."""

    def __init__(self, fonts: FontSet, palette: Palette, body_size: float = 10.0) -> None:
        self.fonts, self.palette, self.size = fonts, palette, body_size
        b, p = body_size, palette

        def style(name: str, **kw: Any) -> ParagraphStyle:
            base = dict(fontName=fonts.regular, fontSize=b, leading=b * 1.45, textColor=p.text,
                        splitLongWords=1, allowWidows=0, allowOrphans=0, alignment=TA_LEFT)
            base.update(kw)
            return ParagraphStyle(name, **base)

        self.body = style("body", spaceAfter=b * 0.75)
        self.standfirst = style("standfirst", fontSize=b * 1.3, leading=b * 1.3 * 1.45, spaceAfter=b * 1.2)
        self.h1 = style("h1", fontName=fonts.bold, fontSize=b * 1.7, leading=b * 2.1, textColor=p.primary,
                        spaceBefore=b * 1.2, spaceAfter=b * 0.4, keepWithNext=1)
        self.h2 = style("h2", fontName=fonts.bold, fontSize=b * 1.2, leading=b * 1.55, textColor=p.primary,
                        spaceBefore=b * 1.1, spaceAfter=b * 0.45, keepWithNext=1)
        self.doc_title = style("doc_title", fontName=fonts.bold, fontSize=b * 1.9, leading=b * 2.35,
                               textColor=p.primary, spaceAfter=b * 0.35, keepWithNext=1)
        self.subtitle = style("subtitle", fontName=fonts.italic, fontSize=b * 1.1, leading=b * 1.55,
                              textColor=p.muted, spaceAfter=b * 0.4, keepWithNext=1)
        self.meta = style("meta", fontSize=b * 0.78, leading=b * 1.1, textColor=p.muted, spaceAfter=b * 0.9,
                          keepWithNext=1)
        self.kicker = style("kicker", fontName=fonts.bold, fontSize=b * 0.8, leading=b * 1.05,
                            textColor=p.secondary, keepWithNext=1)
        self.quote = style("quote", fontName=fonts.italic, fontSize=b * 1.2, leading=b * 1.2 * 1.45,
                           textColor=p.primary)
        self.speaker = style("speaker", fontName=fonts.bold, fontSize=b * 0.85, leading=b * 1.2,
                             textColor=p.muted, spaceBefore=b * 0.35)
        self.bullet = style("bullet", spaceAfter=b * 0.35, leftIndent=b * 1.5, bulletIndent=b * 0.3,
                            bulletFontName=fonts.regular, bulletColor=p.accent)
        self.fig_label = style("fig_label", fontName=fonts.bold, fontSize=b * 0.78, leading=b * 1.05,
                               textColor=p.secondary)
        self.fig_title = style("fig_title", fontName=fonts.bold, fontSize=b * 1.15, leading=b * 1.5,
                               textColor=p.primary)
        self.fig_subtitle = style("fig_subtitle", fontSize=b * 0.88, leading=b * 1.25, textColor=p.muted,
                                  spaceAfter=b * 0.3)
        self.caption = style("caption", fontSize=b * 0.9, leading=b * 1.3, spaceBefore=b * 0.3)
        # the chart's only source line (the image has none): 8 pt at the body's 10, readable in print
        self.source_line = style("source_line", fontSize=b * 0.8, leading=b * 1.1, textColor=p.muted,
                                 spaceBefore=b * 0.2)
        self.alt = style("alt", fontName=fonts.italic, fontSize=b * 0.75, leading=b * 1.05, textColor=p.muted,
                         spaceBefore=b * 0.15)
        self.tag = style("tag", fontSize=b * 0.72, leading=b * 1.0, textColor=p.secondary, spaceBefore=b * 0.15)
        self.takeaway = style("takeaway", fontSize=b * 1.0, leading=b * 1.42)
        self.takeaway_no = style("takeaway_no", fontName=fonts.bold, fontSize=b * 1.3, leading=b * 1.42,
                                 textColor=p.accent)
        self.kf_value = style("kf_value", fontName=fonts.bold, fontSize=b * 2.7, leading=b * 3.0,
                              textColor=p.accent)
        self.kf_label = style("kf_label", fontSize=b * 0.92, leading=b * 1.25, textColor=p.white,
                              spaceBefore=b * 0.25)
        self.kf_source = style("kf_source", fontSize=b * 0.72, leading=b * 1.0, textColor=p.on_primary,
                               spaceBefore=b * 0.35)
        # story entries (the stories part)
        self.story_title = style("story_title", fontName=fonts.bold, fontSize=b * 1.35, leading=b * 1.75,
                                 textColor=p.primary, spaceBefore=b * 0.15, spaceAfter=b * 0.35, keepWithNext=1)
        self.story_figure = style("story_figure", fontName=fonts.bold, fontSize=b * 1.45, leading=b * 1.7,
                                  textColor=p.primary)
        self.story_figure_label = style("story_figure_label", fontSize=b * 0.78, leading=b * 1.05, textColor=p.muted)
        self.story_quote = style("story_quote", fontName=fonts.italic, fontSize=b * 1.0, leading=b * 1.42,
                                 textColor=p.primary)
        self.read_more = style("read_more", fontSize=b * 0.8, leading=b * 1.15, textColor=p.muted)
        self.ref = style("ref", fontSize=b * 0.85, leading=b * 1.25, spaceAfter=b * 0.3)
        self.ref_no = style("ref_no", fontName=fonts.bold, fontSize=b * 0.85, leading=b * 1.25,
                            textColor=p.muted)
        self.cell = style("cell", fontSize=b * 0.85, leading=b * 1.2)
        self.cell_head = style("cell_head", fontName=fonts.bold, fontSize=b * 0.75, leading=b * 1.05,
                               textColor=p.muted)
        # cover (on the primary band)
        self.cover_kicker = style("cover_kicker", fontName=fonts.bold, fontSize=8.5, leading=11,
                                  textColor=p.accent)
        self.cover_title = style("cover_title", fontName=fonts.bold, fontSize=26, leading=31, textColor=p.white)
        self.cover_week = style("cover_week", fontSize=11.5, leading=15, textColor=p.on_primary)
        self.center_note = style("center_note", fontSize=b * 0.8, textColor=p.muted, alignment=TA_CENTER)
