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

import io
import re
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
    except (zipfile.BadZipFile, KeyError):
        raise LayoutError("template is not a PowerPoint file (.pptx/.potx zip package)", path) from None
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


def open_template(path: Path):
    """A Presentation from a user's .pptx/.potx with its example slides removed."""
    try:
        prs = Presentation(_read_template(path))
    except LayoutError:
        raise
    except Exception as e:  # python-pptx raises many kinds on a damaged package
        raise LayoutError(f"cannot open template: {e.__class__.__name__}: {e}", path) from None
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
        f"deck.slide_layouts.{role}: the template has no slide layout {name!r}; its layouts are: {layout_names(prs)}",
        layout_file,
    )


# -- placeholders -----------------------------------------------------------------------


def ph_type(shape):
    """A placeholder's type; a placeholder with no type attribute is an OBJECT one."""
    try:
        return shape.placeholder_format.type or PP_PLACEHOLDER.OBJECT
    except ValueError:
        return None


def _reading_order(shapes):
    return sorted(shapes, key=lambda s: (int(s.top or 0), int(s.left or 0)))


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


def has_picture(layout) -> bool:
    """Whether the layout (or its master, when the layout shows master shapes)
    already shows a plain picture — a logo we must not duplicate."""
    def pics(shapes) -> bool:
        return any(s.shape_type == MSO_SHAPE_TYPE.PICTURE and not s.is_placeholder for s in shapes)

    if pics(layout.shapes):
        return True
    return layout._element.get("showMasterSp", "1") not in ("0", "false") and pics(layout.slide_master.shapes)


def remove_shape(shape) -> None:
    el = shape._element
    el.getparent().remove(el)
