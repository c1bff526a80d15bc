"""Templates: open a user's .pptx/.potx (or brand python-pptx's default), pick slide
layouts by name, and find placeholders by what they are rather than by number.

Real templates are messy. A .potx has a content type python-pptx refuses, so it
is rewritten in memory; example slides are dropped; several masters may reuse a
layout name (``Master 2/Content`` picks by master, else the first is taken with a
warning); layouts may lack a title or body placeholder (the caller adds a text
box) or number their placeholders oddly (we look them up by type and position);
a logo may be a plain picture on the layout or master (then we add none).
"""

from __future__ import annotations

import difflib
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu, Inches

from ...errors import LayoutError, RenderError

POTX_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PPTX_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
SLIDE_16_9 = (Inches(13.333), Inches(7.5))
SLIDE_4_3 = (Inches(10), Inches(7.5))
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
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

def box_of(shape) -> Box:
    return Box(int(shape.left or 0), int(shape.top or 0), int(shape.width or 0), int(shape.height or 0))


# -- opening ------------------------------------------------------------------------


def _read_template(path: Path) -> io.BytesIO:
    """The template's bytes, with a .potx's main content type turned into a .pptx's."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise RenderError(f"cannot read template: {e.strerror or e}", path) from None
    try:
        src = zipfile.ZipFile(io.BytesIO(raw))
        ct = src.read("[Content_Types].xml")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise LayoutError("template is not a PowerPoint file (.pptx/.potx zip package)", path) from None
    check_package(src, path)
    if POTX_TYPE not in ct:
        return io.BytesIO(raw)
    return io.BytesIO(swap_main_content_type(src, POTX_TYPE, PPTX_TYPE))


def swap_main_content_type(src: zipfile.ZipFile, old: bytes, new: bytes) -> bytes:
    """The package ``src`` again, with content type ``old`` replaced by ``new`` in
    ``[Content_Types].xml`` (how a .potx becomes a .pptx, and back)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(old, new)
            dst.writestr(info, data)
    return out.getvalue()


def remove_all_slides(prs) -> int:
    """Drop the template's example slides (and sections naming them); returns how many."""
    sld_ids = prs.slides._sldIdLst
    count = 0
    for sld_id in list(sld_ids):
        rid = sld_id.rId
        sld_ids.remove(sld_id)
        prs.part.drop_rel(rid)
        count += 1
    # PowerPoint 2010+ section lists name slide ids; stale ones make it "repair" the file.
    for el in prs.part._element.iter():
        if isinstance(el.tag, str) and el.tag.endswith("}sectionLst"):
            ext = el.getparent()
            ext.getparent().remove(ext)
            break
    cust = prs.part._element.find("{http://schemas.openxmlformats.org/presentationml/2006/main}custShowLst")
    if cust is not None:
        cust.getparent().remove(cust)
    return count


_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def check_package(src: zipfile.ZipFile, path: Path) -> None:
    """Raise :class:`LayoutError` naming the damaged part of a template package: a
    presentation part that is missing (a renamed spreadsheet or document), XML that
    does not parse, or a master, layout or theme that a relationship names but the
    package lacks. python-pptx would raise KeyError or print object reprs instead."""
    names = set(src.namelist())
    if "ppt/presentation.xml" not in names:
        other = next((n.split("/")[0] for n in names if n.startswith(("xl/", "word/"))), None)
        kind = {"xl": "a spreadsheet", "word": "a Word document"}.get(other or "", "not a presentation")
        raise LayoutError(f"template is not a PowerPoint file: no part ppt/presentation.xml ({kind})", path)
    for name in sorted(names):
        if not name.endswith((".xml", ".rels")) or not name.startswith(("ppt/", "_rels/", "[Content_Types]")):
            continue
        try:
            root = etree.fromstring(src.read(name))
        except (etree.XMLSyntaxError, ValueError) as e:
            raise LayoutError(f"template part {name}: bad XML ({str(e).splitlines()[0][:80]})", path) from None
        except (zipfile.BadZipFile, OSError, EOFError) as e:
            raise LayoutError(f"template part {name}: cannot be read ({e.__class__.__name__})", path) from None
        if not name.endswith(".rels"):
            continue
        base = name.replace("_rels/", "").removesuffix(".rels")
        folder = base.rsplit("/", 1)[0] if "/" in base else ""
        for rel in root.iter(_REL):
            if rel.get("TargetMode") == "External" or not rel.get("Type", "").endswith(
                    ("/slideMaster", "/slideLayout", "/theme", "/officeDocument")):
                continue
            target = _resolve(folder, rel.get("Target", ""))
            if target not in names:
                raise LayoutError(f"template part {target} is missing (named by {name})", path)


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    parts = [p for p in folder.split("/") if p] if folder else []
    for piece in target.split("/"):
        if piece == "..":
            parts = parts[:-1]
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


def open_template(path: Path):
    """A Presentation from a user's .pptx/.potx with its example slides removed."""
    try:
        prs = Presentation(_read_template(path))
        _ = [lay.name for ms in prs.slide_masters for lay in ms.slide_layouts]  # touch every layout once
    except LayoutError:
        raise
    except Exception as e:  # python-pptx raises many kinds on a damaged package
        detail = re.sub(r"<[^<>]* object at 0x[0-9a-f]+>", "the package", str(e))[:120]
        raise LayoutError(f"cannot open template: {e.__class__.__name__}: {detail}", path) from None
    remove_all_slides(prs)
    return prs


# -- the default template, branded ----------------------------------------------------


def _rewrite_theme(prs, family: str, colors) -> None:
    """Theme fonts become the brand family and theme colours the brand's, so
    anything we do not style explicitly (tables, new text) still looks on-brand."""
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    for tag in ("majorFont", "minorFont"):
        for latin in root.iter(f"{A}{tag}"):
            latin.find(f"{A}latin").set("typeface", family)
    scheme = root.find(f".//{A}clrScheme")
    palette = list(colors.palette) + [colors.secondary] * 6
    wanted = {"dk1": colors.text, "dk2": colors.primary, "lt1": "#FFFFFF", "lt2": "#F2F4F7",
              "hlink": colors.secondary, "folHlink": colors.muted}
    wanted.update({f"accent{i + 1}": palette[i] for i in range(6)})
    for name, hexcol in wanted.items():
        slot = scheme.find(f"{A}{name}")
        if slot is None:
            continue
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{A}srgbClr", val=hexcol.lstrip("#").upper())
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_PREPARED: dict[tuple[str, str, str], bytes] = {}


def default_presentation(slide_size: str, family: str, colors):
    """python-pptx's default template at 16:9 (or 4:3), placeholders moved to match,
    with the brand's theme fonts and colours. Prepared once per process and brand,
    then reopened from bytes (watch mode and batch workers build many decks)."""
    key = (slide_size, family, colors.model_dump_json())
    if key not in _PREPARED:
        buf = io.BytesIO()
        _prepare_default(slide_size, family, colors).save(buf)
        _PREPARED[key] = buf.getvalue()
    return Presentation(io.BytesIO(_PREPARED[key]))


def _prepare_default(slide_size: str, family: str, colors):
    prs = Presentation()
    old_w = prs.slide_width
    width, height = SLIDE_16_9 if slide_size == "16:9" else SLIDE_4_3
    prs.slide_width, prs.slide_height = width, height
    scale = width / old_w
    # The default template is 4:3: stretch every placeholder's x position and width
    # so layouts fill the wider slide instead of hugging its left two-thirds.
    for owner in [prs.slide_master, *prs.slide_layouts]:
        for ph in owner.placeholders:
            if ph.left is not None and ph.width is not None:
                ph.left, ph.width = Emu(int(ph.left * scale)), Emu(int(ph.width * scale))
    _rewrite_theme(prs, family, colors)
    return prs


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
