"""Colours and fonts as a template's theme names them.

With a user's template the template decides the look: text, cards, rules, chart
series and accents refer to the theme's colour slots (``<a:schemeClr val="accent1"/>``,
"Text 1, lighter 35 %" and so on) instead of fixed RGB values, so a theme change in
PowerPoint recolours the whole deck, and runs name no typeface, so the theme's
heading and body fonts (``+mj-lt`` / ``+mn-lt``) apply. Text is still measured
before it is placed: with the theme's fonts, or a metric-compatible stand-in when
the font file is not installed (Calibri -> Carlito, Arial -> Liberation Sans, ...).
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from ... import installed

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@dataclass(frozen=True)
class ThemeColor:
    """A theme colour slot (``accent1``, ``tx1``, ``bg1`` ...) with an optional
    brightness (-1 darker ... +1 lighter), written as PowerPoint writes its
    "lighter/darker" variants (``lumMod``/``lumOff``)."""

    slot: str
    brightness: float = 0.0


Colour = str | ThemeColor  # "#RRGGBB" or a theme slot

_SLOTS = {"accent1": MSO_THEME_COLOR.ACCENT_1, "accent2": MSO_THEME_COLOR.ACCENT_2,
          "accent3": MSO_THEME_COLOR.ACCENT_3, "accent4": MSO_THEME_COLOR.ACCENT_4,
          "accent5": MSO_THEME_COLOR.ACCENT_5, "accent6": MSO_THEME_COLOR.ACCENT_6,
          "tx1": MSO_THEME_COLOR.TEXT_1, "tx2": MSO_THEME_COLOR.TEXT_2,
          "bg1": MSO_THEME_COLOR.BACKGROUND_1, "bg2": MSO_THEME_COLOR.BACKGROUND_2}


@dataclass(frozen=True)
class Palette:
    """The colours slide builders use, by role. ``brand`` palettes hold the brand's
    RGB values; ``theme`` palettes hold references to the template's theme."""

    text: Colour
    muted: Colour
    primary: Colour
    secondary: Colour
    accent: Colour
    panel: Colour  # card and panel backgrounds
    rule: Colour  # hairlines and separators
    white: Colour
    palette: tuple[Colour, ...]  # chart series, in order
    is_theme: bool = False


PANEL, RULE = "#F2F5F8", "#D5DBE3"


def brand_palette(colors) -> Palette:
    """The brand's own colours (the branded default deck, or ``brand_overrides: [colours]``)."""
    return Palette(colors.text, colors.muted, colors.primary, colors.secondary, colors.accent, PANEL, RULE,
                   "#FFFFFF", tuple(colors.palette) or (colors.primary, colors.secondary, colors.accent))


def theme_palette() -> Palette:
    """References to the template's theme: accents for emphasis and series, text and
    background slots (with PowerPoint's standard tints) for text, cards and rules."""
    return Palette(text=ThemeColor("tx1"), muted=ThemeColor("tx1", 0.35), primary=ThemeColor("accent1"),
                   secondary=ThemeColor("accent2"), accent=ThemeColor("accent2"), panel=ThemeColor("bg1", -0.05),
                   rule=ThemeColor("bg1", -0.15), white=ThemeColor("bg1"),
                   palette=tuple(ThemeColor(f"accent{i}") for i in range(1, 7)), is_theme=True)


def apply_color(color_format, colour: Colour) -> None:
    """Set a python-pptx ``ColorFormat`` (fill, line, font) to ``colour``."""
    if isinstance(colour, ThemeColor):
        color_format.theme_color = _SLOTS[colour.slot]
        if colour.brightness:
            color_format.brightness = colour.brightness
    else:
        from pptx.dml.color import RGBColor

        color_format.rgb = RGBColor.from_string(colour.lstrip("#").upper())


def color_xml(parent, colour: Colour) -> None:
    """Append ``colour`` to ``parent`` (``a:solidFill``, ``a:buClr``) as ``a:srgbClr``
    or ``a:schemeClr`` with PowerPoint's ``lumMod``/``lumOff`` for a brightness."""
    if not isinstance(colour, ThemeColor):
        etree.SubElement(parent, f"{A}srgbClr", val=colour.lstrip("#").upper())
        return
    el = etree.SubElement(parent, f"{A}schemeClr", val=colour.slot)
    b = colour.brightness
    if b > 0:
        etree.SubElement(el, f"{A}lumMod", val=str(int(round((1 - b) * 100000))))
        etree.SubElement(el, f"{A}lumOff", val=str(int(round(b * 100000))))
    elif b < 0:
        etree.SubElement(el, f"{A}lumMod", val=str(int(round((1 + b) * 100000))))


# -- the theme part -------------------------------------------------------------------


def theme_root(master):
    """The parsed theme part of a slide master (None when it has none)."""
    try:
        part = master.part.part_related_by(RT.THEME)
    except KeyError:
        return None
    return etree.fromstring(part.blob)


def theme_fonts(prs) -> tuple[str | None, str | None]:
    """``(heading, body)`` Latin typefaces of the first master's theme."""
    root = theme_root(prs.slide_masters[0])
    if root is None:
        return None, None
    out = []
    for tag in ("majorFont", "minorFont"):
        latin = root.find(f".//{A}{tag}/{A}latin")
        out.append(latin.get("typeface") if latin is not None and latin.get("typeface") else None)
    return out[0], out[1]


def theme_colors(prs) -> dict[str, str]:
    """Every master's colour scheme: slot name -> ``RRGGBB`` (first master wins a slot)."""
    found: dict[str, str] = {}
    for master in prs.slide_masters:
        root = theme_root(master)
        scheme = root.find(f".//{A}clrScheme") if root is not None else None
        if scheme is None:
            continue
        for slot in scheme:
            val = None
            for child in slot:
                val = child.get("val") if child.tag == f"{A}srgbClr" else child.get("lastClr") or val
            if val:
                found.setdefault(etree.QName(slot).localname, val.upper())
    return found


# -- font files for measuring -----------------------------------------------------------

# Fonts with the same advance widths as common Office fonts (so text measured with
# the stand-in wraps where it will in PowerPoint).
METRIC_TWINS = {"calibri": "Carlito", "cambria": "Caladea", "arial": "Liberation Sans",
                "helvetica": "Liberation Sans", "times new roman": "Liberation Serif",
                "courier new": "Liberation Mono", "arial narrow": "Liberation Sans Narrow"}
# (no twin for Calibri Light: LibreOffice draws it with the fontconfig fallback, so that is
# what text is measured with here — wider than Calibri Light, so PowerPoint has room to spare)
STYLES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bold_italic": "Bold Italic"}


def font_files(family: str) -> tuple[tuple[tuple[str, str], ...], str]:
    """TTF/OTF files for ``family`` (one per style) and the family actually found:
    the font itself, its metric-compatible twin, or whatever fontconfig offers
    (the caller says so). Empty when fontconfig is missing or finds no file.

    Remembered per process until a font is installed or removed (a ``watch`` session
    would otherwise measure with the files fontconfig named before)."""
    return _font_files(family, installed.fonts_stamp())


@lru_cache(maxsize=32)
def _font_files(family: str, _fonts: str) -> tuple[tuple[tuple[str, str], ...], str]:
    fc = shutil.which("fc-match")
    if not fc:
        return (), ""
    wanted = [family] + ([METRIC_TWINS[family.casefold()]] if family.casefold() in METRIC_TWINS else [])
    best: tuple[tuple[tuple[str, str], ...], str] = ((), "")
    for name in wanted:
        files, got = [], ""
        for key, style in STYLES.items():
            try:
                out = subprocess.run([fc, "-f", "%{family}\t%{file}", f"{name}:style={style}"],
                                     capture_output=True, text=True, timeout=10).stdout
            except (OSError, subprocess.SubprocessError):
                return (), ""
            fam, _, file = out.partition("\t")
            if file.lower().endswith((".ttf", ".otf")) and Path(file).is_file():
                files.append((key, file))
                got = got or fam.split(",")[0]
        if files and any(n.casefold() in got.casefold() for n in [name]):
            return tuple(files), got
        if files and not best[0]:
            best = (tuple(files), got)
    return best
