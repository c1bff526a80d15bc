"""Deck checks a designer would make by eye: geometry, overlaps, titles, and fonts and
colours that do not belong to the deck's theme.

- **geometry**: no shape with a negative extent (invalid OOXML: PowerPoint offers to
  repair the file) and none leaving the slide;
- **overlaps**: text over a picture or chart, text over other text, and pictures over
  the template's own small pictures (a second logo over the template's);
- **titles**: a title that is empty or only an ellipsis is no title;
- **theme**: every typeface a slide names is one of the theme's (or one the template's
  masters use), and every RGB colour is in the theme's colour scheme, used by the
  template's masters, or a neutral grey — so a deck built into a template carries no
  brand colours or fonts it did not ask for. The branded default deck passes because its
  theme *is* the brand.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
TOLERANCE = 45720  # 0.05 in: viewers' rounding, hairlines on the edge
NEUTRAL = 16  # an RGB colour whose channels differ by at most this is a grey (white, black)
SMALL_ART = 0.4  # template art narrower and lower than this share of the slide is a logo or badge, not a background


def _box(shape) -> tuple[int, int, int, int] | None:
    try:
        left, top, w, h = shape.left, shape.top, shape.width, shape.height
    except (AttributeError, KeyError, ValueError):
        return None
    if None in (left, top, w, h):
        return None
    return int(left), int(top), int(w), int(h)


def _overlap(a, b) -> int:
    dx = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    dy = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return dx * dy if dx > TOLERANCE and dy > TOLERANCE else 0


def negative_extents(slide) -> list[str]:
    """Shapes whose XML has a negative width or height (``a:ext`` cx/cy)."""
    bad = []
    for ext in slide._element.iter(f"{A}ext"):
        cx, cy = ext.get("cx"), ext.get("cy")
        if (cx and cx.lstrip("-").isdigit() and int(cx) < 0) or (cy and cy.lstrip("-").isdigit() and int(cy) < 0):
            holder = ext.getparent().getparent().getparent()
            name = next((c.get("name") for c in holder.iter(f"{P}cNvPr")), "?")
            bad.append(name)
    return bad


def off_slide(slide, width: int, height: int) -> list[str]:
    out = []
    for shape in slide.shapes:
        b = _box(shape)
        if b is None:
            continue
        if b[0] < -TOLERANCE or b[1] < -TOLERANCE or b[0] + b[2] > width + TOLERANCE or b[1] + b[3] > height + TOLERANCE:
            out.append(shape.name)
    return out


def _has_text(shape) -> bool:
    return shape.has_text_frame and bool(shape.text_frame.text.strip())


def _is_picture(shape) -> bool:
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    return shape.shape_type in (MSO_SHAPE_TYPE.PICTURE, MSO_SHAPE_TYPE.GROUP) or getattr(shape, "has_chart", False)


def _template_art(slide, width: int, height: int) -> list[tuple[str, tuple[int, int, int, int]]]:
    """Logos, badges and labels the slide's layout (and master, when shown) draws itself:
    pictures, groups and shapes with text that are not slide-wide or slide-high bands."""
    layout = slide.slide_layout
    owners = [layout.shapes]
    if layout._element.get("showMasterSp", "1") not in ("0", "false"):
        owners.append(layout.slide_master.shapes)
    art = []
    for shapes in owners:
        for s in shapes:
            b = _box(s)
            if (b and not s.is_placeholder and (_is_picture(s) or _has_text(s))
                    and b[2] < SMALL_ART * width and b[3] < SMALL_ART * height):
                art.append((s.name, b))
    return art


def overlaps(slide, width: int, height: int) -> list[str]:
    """Text over pictures/charts or over other text; our pictures over the template's logos."""
    shapes = [(s, _box(s)) for s in slide.shapes]
    shapes = [(s, b) for s, b in shapes if b is not None and b[2] > 0 and b[3] > 0]
    texts = [(s, b) for s, b in shapes if _has_text(s)]
    pics = [(s, b) for s, b in shapes if _is_picture(s)]
    out = []
    for i, (t, tb) in enumerate(texts):
        for p, pb in pics:
            if _overlap(tb, pb):
                out.append(f"{t.name} / {p.name}")
        for u, ub in texts[i + 1:]:
            if _overlap(tb, ub):
                out.append(f"{t.name} / {u.name}")
    for name, ab in _template_art(slide, width, height):
        for s, b in texts + pics:
            if not s.is_placeholder and _overlap(b, ab):  # placeholders sit where the template put them
                out.append(f"{s.name} / template's {name}")
    return out


def bad_title(text: str) -> bool:
    """Empty, or nothing but an ellipsis (a title cut to nothing)."""
    return text.strip().strip(".…").strip() == ""


# -- fonts and colours of the theme -------------------------------------------------------


def _theme_parts(prs) -> list:
    roots = []
    for master in prs.slide_masters:
        for rel in master.part.rels.values():
            if rel.reltype.endswith("/theme"):
                roots.append(etree.fromstring(rel.target_part.blob))
    return roots


def allowed_fonts_colours(prs) -> tuple[set[str], set[str]]:
    """Typefaces and RGB colours that belong to the deck's design: the themes' fonts and
    colour schemes, and whatever the masters and layouts themselves use."""
    fonts, colours = {"+mj-lt", "+mn-lt", "+mj-ea", "+mn-ea", "+mj-cs", "+mn-cs"}, set()
    for root in _theme_parts(prs):
        for tag in ("majorFont", "minorFont"):
            for el in root.iter(f"{A}{tag}"):
                for child in el:
                    if child.get("typeface"):
                        fonts.add(child.get("typeface"))
        for scheme in root.iter(f"{A}clrScheme"):
            for el in scheme.iter():
                val = el.get("val") if el.tag == f"{A}srgbClr" else el.get("lastClr")
                if val:
                    colours.add(val.upper())
    for master in prs.slide_masters:
        for owner in [master, *master.slide_layouts]:
            f, c = _used(owner._element)
            fonts |= f
            colours |= c
    return fonts, colours


def _used(root) -> tuple[set[str], set[str]]:
    fonts = {el.get("typeface") for tag in ("latin", "buFont") for el in root.iter(f"{A}{tag}") if el.get("typeface")}
    colours = {el.get("val").upper() for el in root.iter(f"{A}srgbClr") if el.get("val")}
    return fonts, colours


def _neutral(hexcol: str) -> bool:
    try:
        r, g, b = (int(hexcol[i:i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return max(r, g, b) - min(r, g, b) <= NEUTRAL


def foreign_style(slide, fonts: set[str], colours: set[str]) -> tuple[set[str], set[str]]:
    """Typefaces and colours on ``slide`` (and its charts) that are not the theme's."""
    roots = [slide._element]
    for rel in slide.part.rels.values():
        if rel.reltype.endswith("/chart") and not rel.is_external:
            roots.append(etree.fromstring(rel.target_part.blob))
    bad_f, bad_c = set(), set()
    for root in roots:
        f, c = _used(root)
        bad_f |= {x for x in f if x not in fonts}
        bad_c |= {x for x in c if x not in colours and not _neutral(x)}
    return bad_f, bad_c


# -- measuring text with the deck's own fonts ---------------------------------------------


def font_paths(family: str | None) -> dict[str, Path]:
    """Font files for ``family`` (its metric-compatible twin when it is not installed);
    Bitstream Vera (DejaVu's metrics) when nothing is found."""
    import reportlab

    from ..render.pptx import font_files

    vera = Path(reportlab.__file__).parent / "fonts"
    paths = {"regular": vera / "Vera.ttf", "bold": vera / "VeraBd.ttf", "italic": vera / "VeraIt.ttf",
             "bold_italic": vera / "VeraBI.ttf"}
    if not family or family.startswith("+"):
        return paths
    files, got = font_files(family)
    if files and (family.casefold() in got.casefold() or got in ("Carlito", "Caladea") or got.startswith("Liberation")):
        paths.update({k: Path(v) for k, v in files})
    return paths


def overflow_checker(prs):
    """shape -> overflows?, measured with the theme's heading font for titles and its body
    font for everything else, with the renderer's metrics and wrapping."""
    from ..render.pptx import Fonts, is_title, text_overflows, theme_fonts

    heading, body = theme_fonts(prs)
    body_fonts = Fonts.from_paths(font_paths(body))
    head_fonts = Fonts.from_paths(font_paths(heading)) if heading != body else body_fonts

    def check(shape) -> bool:
        return text_overflows(shape.text_frame, head_fonts if is_title(shape) else body_fonts)

    return check


def undrawn(prs) -> str:
    """The letters the deck's build could not draw and wrote as a mark ("" when none): its record."""
    from ..render.pptx import undrawn_record

    return undrawn_record(prs)


def listing(items: list, show_all: bool, limit: int = 10) -> str:
    """``a, b, c`` — the first ``limit`` items and how many more, or all of them."""
    items = [str(x) for x in items]
    if show_all or len(items) <= limit:
        return ", ".join(items)
    return ", ".join(items[:limit]) + f" … and {len(items) - limit} more (--all lists them)"

