"""Placeholders by role, and the text style a template gives them.

Real templates do not look like python-pptx's default: the largest BODY
placeholder may be a small "kicker" above the title, a content area may be split
in two side-by-side placeholders, a title box may be drawn 0.36 in tall for
22 pt with zero insets. So a layout's placeholders are sorted into roles
(:func:`roles_of`) by where they sit relative to the title, not by size alone,
and the insets, size, line spacing, alignment and bullet indent a placeholder
inherits (slide -> layout -> master placeholder -> master text styles) are read
(:func:`ph_style`) so text is measured as the template will lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Inches

from .template import BODY_TYPES, TITLE_TYPES, Box, box_of, ph_type

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
DEFAULT_INSETS = (91440, 45720, 91440, 45720)
MIN_CONTENT_H = int(Inches(1.0))  # a "content area" lower than this is a label, not the main area


@dataclass(frozen=True)
class PhStyle:
    """What a placeholder's text inherits: insets (EMU: left, top, right, bottom),
    level-1 size (pt, None when nothing says), line spacing (a multiple, or exact
    points), alignment (``l``/``ctr``/``r``/``just`` or None), level-1 bullet left
    margin and indent (EMU)."""

    insets: tuple[int, int, int, int] = DEFAULT_INSETS
    size: float | None = None
    spacing: float = 1.0
    spacing_pts: float | None = None
    align: str | None = None
    mar_l: int = 0
    indent: int = 0
    anchor: str | None = None
    bold: bool = False


def _chain(shape) -> list:
    """``shape``'s XML element and those it inherits from (layout, then master placeholder)."""
    out, cur = [], shape
    for _ in range(3):
        if cur is None:
            break
        out.append(cur._element)
        try:
            cur = cur._base_placeholder
        except (AttributeError, KeyError, ValueError):
            break
    return out


def _master_style(shape, kind: str):
    """The master's ``p:txStyles`` level-1 paragraph properties for ``kind`` (title/body/other)."""
    part = shape.part
    try:
        master = part.slide_layout.slide_master if hasattr(part, "slide_layout") else part.slide_master
    except AttributeError:
        return None
    styles = master._element.find(f"{P}txStyles")
    tag = {"title": "titleStyle", "body": "bodyStyle"}.get(kind, "otherStyle")
    node = styles.find(f"{P}{tag}") if styles is not None else None
    return node.find(f"{A}lvl1pPr") if node is not None else None


def ph_style(shape) -> PhStyle:
    """The text style ``shape`` (a slide or layout placeholder) inherits."""
    chain = _chain(shape)
    insets, anchor = list(DEFAULT_INSETS), None
    got = [False] * 4
    for el in chain:
        bp = el.find(f".//{P}txBody/{A}bodyPr")
        if bp is None:
            continue
        for i, attr in enumerate(("lIns", "tIns", "rIns", "bIns")):
            if not got[i] and bp.get(attr) is not None:
                insets[i], got[i] = int(bp.get(attr)), True
        anchor = anchor or bp.get("anchor")
    lvls = [el.find(f".//{P}txBody/{A}lstStyle/{A}lvl1pPr") for el in chain]
    kind = "title" if ph_type(shape) in TITLE_TYPES else (
        "body" if ph_type(shape) in (*BODY_TYPES, PP_PLACEHOLDER.SUBTITLE) else "other")
    lvls.append(_master_style(shape, kind))
    size = spacing_pts = align = mar_l = indent = bold = None
    spacing = None
    for lvl in lvls:
        if lvl is None:
            continue
        if align is None and lvl.get("algn"):
            align = lvl.get("algn")
        if mar_l is None and lvl.get("marL") is not None:
            mar_l = int(lvl.get("marL"))
        if indent is None and lvl.get("indent") is not None:
            indent = int(lvl.get("indent"))
        rpr = lvl.find(f"{A}defRPr")
        if size is None and rpr is not None and rpr.get("sz"):
            size = int(rpr.get("sz")) / 100
        if bold is None and rpr is not None and rpr.get("b") is not None:
            bold = rpr.get("b") in ("1", "true")
        ln = lvl.find(f"{A}lnSpc")
        if spacing is None and spacing_pts is None and ln is not None:
            pct, pts = ln.find(f"{A}spcPct"), ln.find(f"{A}spcPts")
            if pct is not None:
                spacing = int(pct.get("val")) / 100000
            elif pts is not None:
                spacing_pts = int(pts.get("val")) / 100
    return PhStyle(tuple(insets), size, spacing or 1.0, spacing_pts, align, mar_l or 0, indent or 0, anchor,
                   bool(bold))


# -- roles ----------------------------------------------------------------------------------


@dataclass
class Roles:
    """A layout's (or slide's) placeholders sorted by what they are for."""

    title: object | None
    main: list  # the content area: one placeholder, or side-by-side ones of similar size
    labels: list  # small BODY placeholders above or beside the title (kickers, section labels)
    other_bodies: list  # small text placeholders elsewhere (removed)

    def content(self) -> Box | None:
        """The content area's box (the union of side-by-side main placeholders)."""
        if not self.main:
            return None
        boxes = [box_of(s) for s in self.main]
        left, top = min(b.left for b in boxes), min(b.top for b in boxes)
        return Box(left, top, max(b.right for b in boxes) - left, max(b.bottom for b in boxes) - top)


def _reading(shapes):
    return sorted(shapes, key=lambda s: (int(s.top or 0), int(s.left or 0)))


def roles_of(placeholders) -> Roles:
    """Sort ``placeholders`` into title, main content area, labels and the rest."""
    phs = list(placeholders)
    titles = _reading([s for s in phs if ph_type(s) in TITLE_TYPES])
    title = titles[0] if titles else None
    bodies = [s for s in phs if ph_type(s) in BODY_TYPES and s.width and s.height]
    labels, rest = [], []
    tb = box_of(title) if title is not None else None
    for s in _reading(bodies):
        b = box_of(s)
        if tb is not None:
            above = b.bottom <= tb.top + int(Inches(0.1))
            beside = b.top < tb.bottom and b.bottom > tb.top and b.height <= max(int(tb.height * 1.5), int(Inches(0.9)))
            if above or beside:
                labels.append(s)
                continue
        rest.append(s)
    big = [s for s in rest if int(s.height) >= MIN_CONTENT_H]
    main: list = []
    if big:
        first = max(_reading(big), key=lambda s: int(s.width) * int(s.height))
        main = [first]
        area = int(first.width) * int(first.height)
        for s in _reading(big):
            if s is first or int(s.width) * int(s.height) < 0.6 * area:
                continue
            if abs(int(s.top) - int(first.top)) <= int(Inches(0.3)) and not any(_overlap(box_of(s), box_of(m))
                                                                               for m in main):
                main.append(s)
        main.sort(key=lambda s: int(s.left))
    others = [s for s in rest if s not in main]
    return Roles(title, main, labels, others)


def _overlap(a: Box, b: Box) -> bool:
    return a.left < b.right and b.left < a.right and a.top < b.bottom and b.top < a.bottom


def clamp(box: Box, width: int, height: int) -> Box:
    """``box`` kept on a ``width`` x ``height`` slide, never with a negative size."""
    left = min(max(box.left, 0), width)
    top = min(max(box.top, 0), height)
    right = min(max(box.right, left), width)
    bottom = min(max(box.bottom, top), height)
    return Box(left, top, right - left, bottom - top)
