"""``reportkit verify``: prove that built PDFs and decks are sound, for CI gates.

Each file gets a list of named checks; a failed check is a problem line. A
corrupt or truncated file is a failed "opens" check, never a crash.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..render.pdf import UNDRAWN_INFO_KEY
from .paths import builder_paths
from .safety import active_content, external_targets, file_too_large, zip_problems

LIBREOFFICE_TIMEOUT = 180


@dataclass
class Check:
    name: str
    ok: bool
    detail: str = ""


@dataclass
class VerifyResult:
    path: str
    kind: str
    checks: list[Check] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return [f"{c.name}: {c.detail}" if c.detail else c.name for c in self.checks if not c.ok]

    def add(self, name: str, ok: bool, detail: str = "") -> bool:
        self.checks.append(Check(name, bool(ok), "" if ok else detail))
        return bool(ok)


def _is_web(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


# -- PDF -------------------------------------------------------------------------


def _fonts_in(resources, seen: set[int]) -> list[tuple[str, object]]:
    """(name, font dict) for every font used by ``resources``, including form XObjects."""
    out: list[tuple[str, object]] = []
    if resources is None:
        return out
    resources = resources.get_object()
    fonts = resources.get("/Font")
    if fonts is not None:
        for _key, ref in fonts.get_object().items():
            font = ref.get_object()
            out.append((str(font.get("/BaseFont", _key)), font))
    xobjects = resources.get("/XObject")
    if xobjects is not None:
        for _key, ref in xobjects.get_object().items():
            xo = ref.get_object()
            if id(xo) in seen or xo.get("/Subtype") != "/Form":
                continue
            seen.add(id(xo))
            out.extend(_fonts_in(xo.get("/Resources"), seen))
    return out


def _embedded(font) -> bool:
    subtype = font.get("/Subtype")
    if subtype == "/Type3":
        return True  # glyphs are drawn by the font's own content streams
    if subtype == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    desc = font.get("/FontDescriptor")
    if desc is None:
        return False
    desc = desc.get_object()
    return any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))




def verify_pdf(path: Path) -> VerifyResult:
    """Opens; pages; outline; fonts embedded; title; http(s) links; text on every page; every
    character drawn: no letter the renderer reports it could not draw (its document information,
    ``UNDRAWN_INFO_KEY``; a box on the page may be a character a source wrote itself)."""
    from pypdf import PdfReader

    r = VerifyResult(str(path), "pdf")
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes are not our report
    if not r.add("size", (big := file_too_large(path)) is None, big or ""):
        return r
    try:
        reader = PdfReader(str(path), strict=False)
        pages = list(reader.pages)
    except Exception as e:  # noqa: BLE001 - any parser failure means "does not open"
        r.add("opens", False, f"cannot open as PDF: {e.__class__.__name__}: {e}")
        return r
    r.add("opens", True)
    try:
        active = active_content(reader)
    except Exception as e:  # noqa: BLE001 - a structure too broken to search is itself a problem
        active = [f"cannot check: {e.__class__.__name__}"]
    r.add("no active content", not active, "; ".join(active[:5]))
    if not r.add("pages", len(pages) > 0, "no pages"):
        return r
    try:
        outline = reader.outline
    except Exception:  # noqa: BLE001
        outline = []
    r.add("outline", bool(outline), "no outline (bookmarks)")
    unembedded: set[str] = set()
    empty: list[int] = []
    bad_links: list[str] = []
    paths: list[str] = []  # the builder's own folders printed (:mod:`.paths`)
    for i, page in enumerate(pages, 1):
        for name, font in _fonts_in(page.get("/Resources"), set()):
            if not _embedded(font):
                unembedded.add(name.lstrip("/"))
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            action = a.get("/A")
            if a.get("/Subtype") == "/Link" and action is not None:
                uri = action.get_object().get("/URI")
                if uri is not None and not _is_web(str(uri)):
                    bad_links.append(str(uri)[:80])
        try:
            text = page.extract_text() or ""
        except Exception:  # noqa: BLE001
            text = ""
        if not text.strip():
            empty.append(i)
        paths += [f"page {i}: {p}" for p in builder_paths(text)]
    r.add("fonts embedded", not unembedded, "not embedded: " + ", ".join(sorted(unembedded)))
    title = (reader.metadata or {}).get("/Title") if reader.metadata is not None else None
    # reportlab writes "untitled" when nobody set a title
    r.add("metadata title", bool(title and str(title).strip().lower() not in ("untitled", "")),
          "document title is not set")
    r.add("links http(s)", not bad_links, "non-web link(s): " + ", ".join(bad_links[:5]))
    r.add("text on every page", not empty, "no text on page(s) " + ", ".join(map(str, empty[:10])))
    r.add("no builder's paths", not paths, "absolute path(s) printed: " + ", ".join(paths[:5]))
    # what the renderer said it could not draw and printed as a mark instead (render.pdf's glyphs):
    # a reader lost those letters; a picture it left out or a sign it printed as a code is not listed
    lost = str((reader.metadata or {}).get("/" + UNDRAWN_INFO_KEY) or "") if reader.metadata is not None else ""
    r.add("every character drawn", not lost, "characters no installed font draws, printed as a mark: " + lost[:300])
    return r


# -- PPTX ------------------------------------------------------------------------


def _slide_title(slide) -> str:
    if slide.shapes.title is not None and slide.shapes.title.has_text_frame:
        return slide.shapes.title.text_frame.text.strip()
    for shape in slide.shapes:
        if shape.name.lower().startswith("title") and shape.has_text_frame:
            return shape.text_frame.text.strip()
    return ""


def _descr(shape) -> str:
    el = shape._element
    for tag in ("p:nvPicPr", "p:nvGraphicFramePr", "p:nvSpPr", "p:nvGrpSpPr"):
        found = el.find(f"{{http://schemas.openxmlformats.org/presentationml/2006/main}}{tag.split(':')[1]}")
        if found is not None:
            c = found.find("{http://schemas.openxmlformats.org/presentationml/2006/main}cNvPr")
            if c is not None:
                return c.get("descr", "")
    return ""


_FILE_NAME = re.compile(r"^[\w .()-]+\.(png|jpe?g|gif|bmp|tiff?|svg|emf|wmf)$", re.IGNORECASE)


def _meaningful_alt(descr: str) -> bool:
    """Alt text that describes something: not empty and not just a file name
    (python-pptx puts the picture's file name there by default)."""
    descr = descr.strip()
    return bool(descr) and not _FILE_NAME.match(descr)


def verify_pptx(path: Path, libreoffice: bool = False, show_all: bool = False) -> VerifyResult:
    """Opens; titles; notes; alt text; no overflow; http(s) links; geometry; overlaps;
    fonts and colours of the theme; every character drawn (the letters the build reports it wrote
    as a mark, in the deck's custom properties); LibreOffice page count. Each problem lists the first
    10 places and how many more (``show_all``: every one)."""
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    from . import deck as D

    r = VerifyResult(str(path), "pptx")
    if not zipfile.is_zipfile(path):
        r.add("opens", False, "cannot open as PPTX: not a zip package (truncated or not a deck)")
        return r
    # bounded before anything is decompressed: a 4 MB deck may declare a 4 GiB member
    try:
        bounds = [b for b in [file_too_large(path)] if b] or zip_problems(path)
    except (OSError, zipfile.BadZipFile, ValueError) as e:
        bounds = [f"cannot read the package: {e}"]
    if not r.add("size", not bounds, "; ".join(bounds[:3])):
        return r
    external = external_targets(path)
    r.add("no external targets", not external, "; ".join(external[:5]))
    try:
        prs = Presentation(str(path))
        slides = list(prs.slides)
    except Exception as e:  # noqa: BLE001
        detail = re.sub(r"<[^<>]* object at 0x[0-9a-f]+>", "the package", str(e))[:120]
        r.add("opens", False, f"cannot open as PPTX: {e.__class__.__name__}: {detail}")
        return r
    r.add("opens", True)
    if not r.add("slides", len(slides) > 0, "no slides"):
        return r
    untitled, no_notes, no_alt, overflow, bad_links, paths = [], [], [], [], [], []
    negative, outside, overlapping, fonts_bad, colours_bad = [], [], [], set(), set()
    width, height = int(prs.slide_width), int(prs.slide_height)
    measure = D.overflow_checker(prs)
    ok_fonts, ok_colours = D.allowed_fonts_colours(prs)
    for n, slide in enumerate(slides, 1):
        if D.bad_title(_slide_title(slide)):
            untitled.append(n)
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        if not notes.strip():
            no_notes.append(n)
        paths += [f"slide {n} notes: {p}" for p in builder_paths(notes)]
        negative += [f"slide {n} {name}" for name in D.negative_extents(slide)]
        outside += [f"slide {n} {name}" for name in D.off_slide(slide, width, height)]
        overlapping += [f"slide {n} {pair}" for pair in D.overlaps(slide, width, height)]
        f, c = D.foreign_style(slide, ok_fonts, ok_colours)
        fonts_bad |= {f"{x} (slide {n})" for x in f if not any(x in y for y in fonts_bad)}
        colours_bad |= {f"#{x} (slide {n})" for x in c if not any(f"#{x} " in y for y in colours_bad)}
        for shape in slide.shapes:
            is_pic = shape.shape_type == MSO_SHAPE_TYPE.PICTURE
            if (is_pic or getattr(shape, "has_chart", False)) and not _meaningful_alt(_descr(shape)):
                no_alt.append(f"slide {n} {shape.name}")
            if shape.has_text_frame:
                paths += [f"slide {n}: {p}" for p in builder_paths(shape.text_frame.text)]
                if shape.text_frame.text.strip() and measure(shape):
                    overflow.append(f"slide {n} {shape.name}")
                for para in shape.text_frame.paragraphs:
                    for run in para.runs:
                        addr = run.hyperlink.address
                        if addr and not _is_web(addr):
                            bad_links.append(addr[:80])
    ls = lambda items: D.listing(items, show_all)  # noqa: E731
    r.add("titles", not untitled, "slide(s) without a title: " + ls(untitled))
    r.add("speaker notes", not no_notes, "slide(s) without notes: " + ls(no_notes))
    r.add("alt text", not no_alt, "no alt text: " + ls(no_alt))
    r.add("text fits", not overflow, "text overflows: " + ls(overflow))
    r.add("links http(s)", not bad_links, "non-web link(s): " + ls(bad_links))
    r.add("no builder's paths", not paths, "absolute path(s) printed: " + ls(paths))
    r.add("geometry", not negative and not outside,
          "; ".join(x for x in ("negative size: " + ls(negative) if negative else "",
                                "off the slide: " + ls(outside) if outside else "") if x))
    r.add("overlaps", not overlapping, "overlapping: " + ls(overlapping))
    r.add("theme fonts", not fonts_bad, "font(s) not in the theme: " + ls(sorted(fonts_bad)))
    r.add("theme colours", not colours_bad, "colour(s) not in the theme: " + ls(sorted(colours_bad)))
    # what the build said it could not draw and wrote as a mark instead (render.pptx's glyphs, in
    # the deck's custom properties): a reader lost those letters; a picture left out is not listed
    lost = D.undrawn(prs)
    r.add("every character drawn", not lost, "characters no installed font draws, written as a mark: " + lost[:300])
    if libreoffice:
        pages, err = libreoffice_pages(path)
        r.add("libreoffice", pages == len(slides),
              err or f"LibreOffice rendered {pages} page(s) for {len(slides)} slide(s)")
    return r


def libreoffice_pages(path: Path) -> tuple[int, str]:
    """Convert a deck with LibreOffice (a private profile, so parallel runs work)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return -1, "LibreOffice (soffice) not found: apt-get install libreoffice-impress"
    with tempfile.TemporaryDirectory(prefix="reportkit-lo-") as tmp:
        cmd = [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
               "--convert-to", "pdf", "--outdir", tmp, str(path)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=LIBREOFFICE_TIMEOUT, check=False,
                           env={**os.environ, "HOME": tmp})
        except subprocess.TimeoutExpired:
            return -1, f"LibreOffice did not finish in {LIBREOFFICE_TIMEOUT} s"
        pdf = Path(tmp) / (path.stem + ".pdf")
        if not pdf.is_file():
            return -1, "LibreOffice could not convert the deck"
        from pypdf import PdfReader

        return len(PdfReader(str(pdf)).pages), ""


def verify_files(paths: list[Path], libreoffice: bool = False, show_all: bool = False) -> list[VerifyResult]:
    """Verify each file by its suffix; missing or unknown files are failed checks."""
    results = []
    for p in paths:
        p = Path(p)
        if not p.is_file():
            r = VerifyResult(str(p), "?")
            r.add("exists", False, "file not found")
        elif p.suffix.lower() == ".pdf":
            r = verify_pdf(p)
        elif p.suffix.lower() == ".pptx":
            r = verify_pptx(p, libreoffice, show_all)
        else:
            r = VerifyResult(str(p), "?")
            r.add("kind", False, "not a .pdf or .pptx file")
        results.append(r)
    return results


def results_json(results: list[VerifyResult]) -> str:
    return json.dumps({"files": [{**asdict(r), "ok": not r.problems} for r in results]}, indent=2)
