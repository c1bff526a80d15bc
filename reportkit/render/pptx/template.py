"""Templates: pick slide layouts by name, and find placeholders by what they are
rather than by number (opening a user's template: :mod:`.package`; the branded
default: :mod:`.default`).

Real templates are messy. Several masters may reuse a layout name (``Master
2/Content`` picks by master, else the first is taken with a warning); layouts may lack a title or body placeholder (the caller adds a text
box) or number their placeholders oddly (we look them up by type and position);
a logo may be a plain picture on the layout or master (then we add none).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

from ...errors import LayoutError
from .package import open_template
TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE)
BODY_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
CHROME_TYPES = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)


@dataclass(frozen=True)
class Box:
    """A rectangle in EMU."""

    left: int
    top: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height


def overlaps(a: Box, b: Box) -> bool:
    """Whether two boxes share any area (touching edges do not count)."""
    return a.left < b.right and b.left < a.right and a.top < b.bottom and b.top < a.bottom


def box_of(shape) -> Box:
    return Box(int(shape.left or 0), int(shape.top or 0), int(shape.width or 0), int(shape.height or 0))


# -- layouts by name --------------------------------------------------------------------


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


def layout_names(prs) -> str:
    """Every layout name, per master, for error messages."""
    parts = []
    for i, master in enumerate(prs.slide_masters):
        names = ", ".join(repr(lay.name) for lay in master.slide_layouts)
        parts.append(f"Master {i + 1}" + (f" ({master.name})" if master.name else "") + f": {names}")
    return "; ".join(parts)


def _plain(name: str) -> str:
    """``name`` normalised and without accents (for "did you mean")."""
    return "".join(c for c in unicodedata.normalize("NFKD", _norm(name)) if not unicodedata.combining(c))


def layout_hint(prs, name: str) -> str:
    """" (did you mean 'X'?)" or " (the template has N masters)" for a missing name."""
    masters = list(prs.slide_masters)
    m = re.fullmatch(r"\s*master\s*(\d+)\s*/(.*)", name, re.IGNORECASE | re.DOTALL)
    if m and not 1 <= int(m.group(1)) <= len(masters):
        n = len(masters)
        return f" (the template has {n} master{'s' if n != 1 else ''})"
    wanted = m.group(2) if m else name
    names = [lay.name for ms in masters for lay in ms.slide_layouts]
    by_plain = {_plain(n): n for n in reversed(names)}
    key = _plain(wanted)
    if key not in by_plain:
        key = next(iter(difflib.get_close_matches(key, list(by_plain), n=1, cutoff=0.75)), None)
    return f" (did you mean {by_plain[key]!r}?)" if key is not None else ""


def find_layout(prs, name: str, role: str, layout_file: Path, warn: Callable[[str], None]):
    """The slide layout called ``name`` (``Master 2/Name`` or ``<master name>/Name``
    to choose among masters). Raises :class:`LayoutError` listing the template's
    layout names when there is none."""
    masters = list(prs.slide_masters)
    candidates = list(enumerate(masters))
    wanted = name
    if "/" in name:
        head, tail = name.split("/", 1)
        m = re.fullmatch(r"\s*master\s*(\d+)\s*", head, re.IGNORECASE)
        picked = [(i, ms) for i, ms in candidates
                  if (m and i + 1 == int(m.group(1))) or (ms.name and _norm(ms.name) == _norm(head))]
        if picked:
            candidates, wanted = picked, tail
        elif m:
            raise LayoutError(f"deck.slide_layouts.{role}: the template has no slide layout {name!r}"
                              f"{layout_hint(prs, name)}; its layouts are: {layout_names(prs)}", layout_file)
    for exact in (True, False):
        hits = [(i, ms, lay) for i, ms in candidates for lay in ms.slide_layouts
                if (lay.name == wanted if exact else _norm(lay.name) == _norm(wanted))]
        if hits:
            if len(hits) > 1 and len(masters) > 1:
                labels = ", ".join(f"Master {i + 1}" for i, _m, _l in hits)
                warn(f"deck.slide_layouts.{role}: layout {wanted!r} is in several masters ({labels}); "
                     f"using Master {hits[0][0] + 1} (write 'Master N/{wanted}' to choose)")
            return hits[0][2]
    raise LayoutError(
        f"deck.slide_layouts.{role}: the template has no slide layout {name!r}{layout_hint(prs, name)}; "
        f"its layouts are: {layout_names(prs)}",
        layout_file,
    )


def fallback_layout(prs, role: str):
    """A sensible layout for a role the deck layout left out: a title layout for
    ``title``, one with a title and a content area for ``content``, one with a
    title and no content area ("title only") for the rest (else a content one)."""
    from .roles import roles_of

    layouts = [lay for ms in prs.slide_masters for lay in ms.slide_layouts]
    info = [(lay, roles_of(lay.placeholders)) for lay in layouts]
    if role == "title":
        for lay, _r in info:
            if any(ph_type(s) in (PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.SUBTITLE) for s in lay.placeholders):
                return lay
        return layouts[0]
    content = [lay for lay, r in info if r.title is not None and len(r.main) == 1]
    if role != "content":
        title_only = [lay for lay, r in info if r.title is not None and not r.main and not r.labels
                      and ph_type(r.title) == PP_PLACEHOLDER.TITLE]
        if title_only:
            return title_only[0]
    return (content or [lay for lay, r in info if r.title is not None] or layouts)[0]


# -- placeholders -----------------------------------------------------------------------


def ph_type(shape):
    """A placeholder's type; a placeholder with no type attribute is an OBJECT one."""
    try:
        return shape.placeholder_format.type or PP_PLACEHOLDER.OBJECT
    except ValueError:
        return None


def _reading_order(shapes):
    return sorted(shapes, key=lambda s: (int(s.top or 0), int(s.left or 0)))


def is_title(shape) -> bool:
    """Whether ``shape`` is a title placeholder."""
    return bool(getattr(shape, "is_placeholder", False)) and ph_type(shape) in TITLE_TYPES


def find_title(shapes):
    hits = [s for s in shapes if s.is_placeholder and ph_type(s) in TITLE_TYPES]
    return _reading_order(hits)[0] if hits else None


def find_subtitle(shapes):
    hits = [s for s in shapes if s.is_placeholder and ph_type(s) == PP_PLACEHOLDER.SUBTITLE]
    return _reading_order(hits)[0] if hits else None


def find_body(shapes):
    """The main text placeholder: the largest BODY/OBJECT one (ties: top-left first)."""
    hits = [s for s in shapes if s.is_placeholder and ph_type(s) in BODY_TYPES and s.width and s.height]
    if not hits:
        return None
    return max(_reading_order(hits), key=lambda s: int(s.width) * int(s.height))


def find_chrome(layout, kind):
    """The layout's footer / slide-number placeholder, if it has one."""
    hits = [s for s in layout.placeholders if ph_type(s) == kind]
    return hits[0] if hits else None


BRANDING = (MSO_SHAPE_TYPE.PICTURE, MSO_SHAPE_TYPE.GROUP, MSO_SHAPE_TYPE.EMBEDDED_OLE_OBJECT)


def own_branding(layout) -> list:
    """The pictures and groups (logos, graphics) the layout, or its master when the
    layout shows master shapes, draws itself: the template's own branding."""
    def found(shapes) -> list:
        return [s for s in shapes if s.shape_type in BRANDING and not s.is_placeholder]

    hits = found(layout.shapes)
    if layout._element.get("showMasterSp", "1") not in ("0", "false"):
        hits += found(layout.slide_master.shapes)
    return hits


def own_art(layout) -> list:
    """Everything the layout (and its master, when shown) draws besides placeholders
    that a reader sees: pictures, groups and shapes with text."""
    def found(shapes) -> list:
        return [s for s in shapes if not s.is_placeholder and (s.shape_type in BRANDING or (
            s.has_text_frame and s.text_frame.text.strip()))]

    hits = found(layout.shapes)
    if layout._element.get("showMasterSp", "1") not in ("0", "false"):
        hits += found(layout.slide_master.shapes)
    return hits


def has_picture(layout) -> bool:
    """Whether the layout (or its master, when the layout shows master shapes)
    already shows a picture or group of its own — a logo we must not duplicate."""
    return bool(own_branding(layout))


def remove_shape(shape) -> None:
    el = shape._element
    el.getparent().remove(el)


def check_template(layout) -> tuple[list[str], list[str]]:
    """``(problems, notes)`` for a deck layout's template: it must open (a damaged one
    raises :class:`LayoutError` naming the part) and every slide-layout name the deck
    layout sets must be in it (with "did you mean" and master-count hints). A role
    left out whose default name is missing is a note: the deck falls back."""
    if layout.template_path is None or layout.deck is None:
        return [], []
    prs = open_template(layout.template_path)
    names = layout.deck.slide_layouts
    problems, notes = [], []
    for role in ("title", "content", "chart", "quote", "section"):
        name = getattr(names, role)
        try:
            find_layout(prs, name, role, layout.path, lambda _m: None)
        except LayoutError as e:
            if role in names.model_fields_set:
                problems.append(e.message.split("; its layouts are:")[0])
            else:
                lay = fallback_layout(prs, role)
                notes.append(f"deck.slide_layouts.{role} is not set and the template has no {name!r}; "
                             f"the deck will use {lay.name!r}")
    if problems:
        problems.append(f"the template's layouts are: {layout_names(prs)}")
    return problems, notes
