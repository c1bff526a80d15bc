"""Opening a user's .pptx/.potx template: check the package, make a .potx openable,
drop the example slides.

Real templates are messy. A .potx has a content type python-pptx refuses, so it
is rewritten in memory; a damaged package is reported by the part that is wrong
rather than by python-pptx's KeyError; example slides (and the sections and custom
shows naming them) are dropped.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from lxml import etree

from ...errors import LayoutError, RenderError
from .reopen import presentation_of

POTX_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PPTX_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


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
    return io.BytesIO(swap_main_content_type(src, POTX_TYPE, PPTX_TYPE, stored=True))


def swap_main_content_type(src: zipfile.ZipFile, old: bytes, new: bytes, stored: bool = False) -> bytes:
    """The package ``src`` again, with content type ``old`` replaced by ``new`` in
    ``[Content_Types].xml`` (how a .potx becomes a .pptx, and back). ``stored``: not
    compressed, for a package only read back in memory (compressing a template's
    pictures again cost more than the rest of opening it; its parts are the same)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(old, new)
            dst.writestr(info, data, compress_type=zipfile.ZIP_STORED if stored else None)
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
    def prepare(prs) -> None:
        _ = [lay.name for ms in prs.slide_masters for lay in ms.slide_layouts]  # touch every layout once
        remove_all_slides(prs)

    try:  # the same bytes again in this process: a copy of the package parsed before (reopen.py)
        return presentation_of(_read_template(path).getvalue(), prepare)
    except LayoutError:
        raise
    except Exception as e:  # python-pptx raises many kinds on a damaged package
        detail = re.sub(r"<[^<>]* object at 0x[0-9a-f]+>", "the package", str(e))[:120]
        raise LayoutError(f"cannot open template: {e.__class__.__name__}: {detail}", path) from None


