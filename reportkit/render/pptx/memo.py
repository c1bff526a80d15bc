"""Slides remembered between the builds of one process (``watch``, batch workers).

A deck is made from scratch on every build, but after a one-paragraph edit
almost every slide is the same as last time, and building a slide through
python-pptx costs about 10 ms (most of a warm rebuild). So each slide has a key:
its builder's name and everything the builder is given (texts, measured sizes,
chart data, the bytes of a chart image), under the deck's context (the layout
with its brand, fonts, logo and template; the sources' tags and titles; the
reportkit and python-pptx versions). A slide whose key was built before in this
process is *replayed* from the parts saved then (the slide's XML, its notes
page, a native chart and its workbook) instead of being built again.

Replaying creates the same parts in the same order, with the same part names
and relationship ids, as building does, so a deck's bytes never depend on
whether the memo was used (``tests/test_pptx_memo.py`` compares them). The one
thing that differs between two uses of a slide is its number, which lives only
in slide-number fields and is rewritten. A slide is not remembered when it
relates to anything else (another slide, an unknown part), when its builder gave
a warning (which may name the slide's number) or made other than one slide, or
when an argument has no value-based repr.

A one-off ``reportkit build`` is a new process, so a remembered slide is also
written to the deck cache on disk (:mod:`.store`, as JSON: :mod:`.slidefile`) under
its key and :func:`.store.code_version`, and a slide this process has not built is
looked for there before it is built: an unchanged deck is replayed whole, and an
edit rebuilds only the slides it changed. ``--no-cache`` neither reads nor writes
it.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import XmlPart
from pptx.opc.packuri import PackURI
from lxml.etree import XMLSyntaxError
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.parts.chart import ChartPart
from pptx.parts.embeddedpackage import EmbeddedXlsxPart
from pptx.parts.image import Image, ImagePart
from pptx.parts.slide import NotesSlidePart

from ...model import RenderedChart
from . import glyphs, slidefile, store
from .slidefile import Rel, SavedPart

MAX_BYTES = 64 * 2**20  # a long watch session or a big batch must not grow without bound
_R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_OWNED = (NotesSlidePart, ChartPart, EmbeddedXlsxPart)  # parts that belong to one slide alone
_NUMBERED = re.compile(r"\d+(\.\w+)$")


@dataclass(frozen=True)
class _Entry:
    slide: SavedPart


_MEMO: OrderedDict[str, _Entry] = OrderedDict()
_STATS = {"hits": 0, "disk_hits": 0, "misses": 0, "bytes": 0}


def clear() -> None:
    """Forget every remembered slide (tests; a process that wants cold builds)."""
    _MEMO.clear()
    _STATS.update(hits=0, disk_hits=0, misses=0, bytes=0)


def stats() -> dict[str, int]:
    """Hits (in memory, on disk) and misses since the last :func:`clear` (for tests and ``bench/``)."""
    return dict(_STATS, slides=len(_MEMO))


def enabled() -> bool:
    """False when ``REPORTKIT_SLIDE_MEMO=0``: every slide is built afresh (to measure
    what the memo saves, or to rule it out when a deck looks wrong)."""
    return os.environ.get("REPORTKIT_SLIDE_MEMO", "1").strip().lower() not in ("0", "false", "no", "off")


_DIGESTS: dict[tuple[str, int, int, int, int, int], str] = {}  # (path, stat) -> the file's sha256
_MAX_DIGESTS = 4096


def file_digest(path: Path | None) -> str:
    """The sha256 of the file at ``path``, kept for the process while the file is unchanged
    (same inode, size, modification and change times): a batch worker or a watch session
    hashed the same font files, logo and chart pictures for every deck (a fiftieth of a deck)."""
    if path is None:
        return "-"
    try:
        st = os.stat(path)
        key = (os.fspath(path), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        digest = _DIGESTS.get(key)
        if digest is None:
            if len(_DIGESTS) >= _MAX_DIGESTS:
                _DIGESTS.clear()
            digest = _DIGESTS[key] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        return digest
    except OSError:
        return "unreadable"


# id(layout) -> (the layout, kept so its id is not reused; its JSON): a layout object is never changed
# once loaded (a changed file is loaded anew), and its JSON cost ≈0.9 ms a deck
_RESOLVED: dict[int, tuple[object, str]] = {}


def deck_context(layout, tags: dict[str, str], titles: dict[str, str]) -> str:
    """What every slide of a deck depends on besides its own arguments."""
    import pptx

    from ... import __version__

    from ...layouts import plain

    h = hashlib.sha256()
    kept = _RESOLVED.get(id(layout))
    if kept is None or kept[0] is not layout:  # a batch worker or watch session reuses one parsed layout
        # plain, not model_dump_json: serializing would build the models' pydantic schemas in this
        # process, which a warm build never needs otherwise (layouts/keptmodels.py); same content
        kept = (layout, json.dumps(plain(layout), default=str, ensure_ascii=False))
        if len(_RESOLVED) >= _MAX_DIGESTS:
            _RESOLVED.clear()
        _RESOLVED[id(layout)] = kept
    resolved = kept[1]
    for part in (__version__, pptx.__version__, resolved, repr(sorted(tags.items())),
                 repr(sorted(titles.items()))):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    # an SVG logo's picture is drawn from its bytes alone (render/pptx/logo.py): its digest covers it
    assets = [layout.logo_path, layout.template_path, *sorted(set(layout.font_paths.values()))]
    for path in assets:
        h.update(file_digest(path).encode() + b"\0")
    return h.hexdigest()


def resolved_context(deck) -> str:
    """What the deck worked out from its layout when it opened, which the layout's text does
    not say: the font files it measures with (a template's theme fonts are resolved through
    fontconfig, so installing or removing a font changes them), the library versions that
    measure (Pillow, FreeType), and the logo picture it draws (an SVG logo is rasterised, or
    left out with a warning when cairo is missing). A slide kept on disk under other values
    would replay stale sizes or a missing logo."""
    import PIL
    from PIL import features

    h = hashlib.sha256(f"{PIL.__version__}\0{features.version('freetype2')}\0".encode())
    for m in [*deck.fonts.all(), *deck.writer.title_fonts.all()]:
        h.update(f"{m.path}\0{file_digest(Path(m.path))}\0".encode("utf-8", "surrogateescape"))
    logo = deck.logo
    if isinstance(logo, (bytes, bytearray)):
        h.update(b"logo-bytes\0" + hashlib.sha256(logo).hexdigest().encode())
    else:
        h.update(b"logo-file\0" + file_digest(Path(logo) if logo else None).encode())
    return h.hexdigest()


def _arg_key(arg: object) -> str:
    if isinstance(arg, RenderedChart):
        # the picture's bytes, not whether they came from the cache this time
        return repr(dataclasses.replace(arg, cached=False)) + file_digest(Path(arg.png) if arg.png else None)
    return repr(arg)


class SlideMemo:
    """Builds a deck's slides, replaying those built before under the same key."""

    def __init__(self, deck) -> None:
        self.deck = deck
        self.package = deck.prs.part.package
        # the parts the deck starts with (layouts, masters), by name: taken before any
        # slide exists, so a link to a slide is never mistaken for one to the template
        self._template_parts = {str(p.partname): p for p in self.package.iter_parts()} if enabled() else {}
        self._images: dict[str, ImagePart] = {}  # a picture's sha1 -> the part found for it (_image_part)

    @functools.cached_property
    def context(self) -> str:
        return deck_context(self.deck.layout, self.deck.tags, self.deck.titles) + resolved_context(self.deck)

    def make(self, number: int, builder: Callable[..., None], args: tuple) -> None:
        """Add slide ``number``: ``builder(deck, number, *args)``, or its replay."""
        if not enabled():
            builder(self.deck, number, *args)
            return
        parts = [self.context, f"{builder.__module__}.{builder.__qualname__}", *map(_arg_key, args)]
        # an argument without a value-based repr ("<... at 0x...>") cannot be a key: a later
        # object at the same address would replay this slide
        rememberable = not any(" at 0x" in p for p in parts[2:])
        key = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
        entry = _MEMO.get(key) if rememberable else None
        if entry is not None:
            _MEMO.move_to_end(key)
            _STATS["hits"] += 1
            self._replay(entry.slide, number)
            return
        disk = store.entry_key("slide", key) if rememberable and self.deck.cache is not None else None
        saved = self._load(disk) if disk is not None else None
        # a kept slide's XML is parsed once, here, before anything is added to the deck: XML that
        # does not parse (a foreign entry with a right checksum) is a miss, not a half-made slide
        elements = _parsed(saved) if saved is not None else None
        if saved is not None and elements is not None:
            _STATS["disk_hits"] += 1
            _remember(key, _Entry(saved))
            self._replay(saved, number, elements)
            return
        _STATS["misses"] += 1
        warnings: list[str] = []
        outer = self.deck.warn

        def warn(message: str) -> None:
            warnings.append(message)
            outer(message)

        self.deck.warn = warn
        before, replaced = len(self.deck.prs.slides), glyphs.replaced()
        try:
            builder(self.deck, number, *args)
        finally:
            self.deck.warn = outer
        # only a builder that made exactly one slide, and said nothing about it (a warning
        # may name the slide's number, which a replay elsewhere in the deck would not have), nor
        # replaced a character no font draws (a replay would not record it for the deck's warnings)
        if not rememberable or warnings or len(self.deck.prs.slides) != before + 1 or glyphs.replaced() != replaced:
            return
        saved = self._save(self.deck.prs.slides[-1].part, None)
        if saved is not None:
            _remember(key, _Entry(saved))
            if disk is not None:
                store.save(self.deck.cache, "slides", disk, slidefile.dumps(saved))

    def _load(self, disk_key: str) -> SavedPart | None:
        """The slide kept on disk under ``disk_key``, if it is sound and relates only to
        parts this deck's template has (its key names the template's bytes, so it does
        unless the entry is foreign)."""
        data = store.load(self.deck.cache, "slides", disk_key)
        if data is None:
            return None
        try:
            saved = slidefile.loads(data)
        except ValueError:
            return None
        return saved if saved.shared_names() <= set(self._template_parts) else None

    # -- saving -------------------------------------------------------------------------

    def _save(self, part, parent) -> SavedPart | None:
        rels: list[Rel] = []
        for rid, rel in part.rels.items():
            if rel.is_external:
                rels.append(Rel(rid, rel.reltype, "external", rel.target_ref))
                continue
            target = rel.target_part
            if target is parent:
                rels.append(Rel(rid, rel.reltype, "parent", None))
            elif isinstance(target, _OWNED):
                saved = self._save(target, part)
                if saved is None:
                    return None
                rels.append(Rel(rid, rel.reltype, "part", saved))
            elif isinstance(target, ImagePart):
                rels.append(Rel(rid, rel.reltype, "image", (target.blob, getattr(target, "_filename", None))))
            elif self._template_parts.get(str(target.partname)) is target or rel.reltype == RT.NOTES_MASTER:
                rels.append(Rel(rid, rel.reltype, "shared", str(target.partname)))
            else:
                return None  # e.g. a link to another slide: not replayable on its own
        return SavedPart(type(part), str(part.partname), part.content_type, part.blob, tuple(rels))

    # -- replaying ----------------------------------------------------------------------

    def _replay(self, saved: SavedPart, number: int, elements: dict[int, object] | None = None) -> None:
        prs = self.deck.prs
        sld_ids = prs.part._element.get_or_add_sldIdLst()
        partname = PackURI("/ppt/slides/slide%d.xml" % (len(sld_ids) + 1))  # as python-pptx's add_slide
        # python-pptx relates a new slide to the presentation before anything else
        # (its notes page, which may create the notes master) exists
        rids: list[str] = []
        slide_part = self._make(saved, partname, None, lambda p: rids.append(prs.part.relate_to(p, RT.SLIDE)),
                                elements or {})
        for fld in slide_part._element.iter(qn("a:fld")):
            if fld.get("type") == "slidenum":
                t = fld.find(qn("a:t"))
                if t is not None:
                    t.text = str(number)
        sld_ids.add_sldId(rids[0])

    def _make(self, saved: SavedPart, partname: PackURI, parent, created: Callable[[object], None] | None = None,
              elements: dict[int, object] | None = None):
        """A new part like ``saved`` with its relationships re-created in their
        original order (so they get the original ids; remapped should they not). ``elements``:
        the parts' XML parsed already (:func:`_parsed`), by ``id`` of their saved part."""
        cls = saved.cls
        blob = saved.blob
        element = elements.pop(id(saved), None) if elements else None
        if element is not None:  # what XmlPart.load makes of the blob
            part = cls(partname, saved.content_type, self.package, element=element)
        elif issubclass(cls, XmlPart):
            part = cls.load(partname, saved.content_type, self.package, blob)
        else:
            part = cls(partname, saved.content_type, self.package, blob)
        if created is not None:
            created(part)
        new_ids: dict[str, str] = {}
        for rel in saved.rels:
            if rel.kind == "external":
                rid = part.relate_to(rel.ref, rel.reltype, is_external=True)
            elif rel.kind == "parent":
                rid = part.relate_to(parent, rel.reltype)
            elif rel.kind == "part":
                child: SavedPart = rel.ref  # type: ignore[assignment]
                rid = part.relate_to(self._make(child, self.package.next_partname(_template(child.partname)), part,
                                                None, elements), rel.reltype)
            elif rel.kind == "image":
                rid = part.relate_to(self._image_part(*rel.ref), rel.reltype)  # type: ignore[misc]
            elif rel.reltype == RT.NOTES_MASTER:
                rid = part.relate_to(self.package.presentation_part.notes_master_part, rel.reltype)
            else:
                rid = part.relate_to(self._template_parts[rel.ref], rel.reltype)  # type: ignore[index]
            new_ids[rel.rid] = rid
        if any(old != new for old, new in new_ids.items()) and isinstance(part, XmlPart):
            _remap_ids(part._element, new_ids)
        return part

    def _image_part(self, blob: bytes, filename: str | None) -> ImagePart:
        # what python-pptx's get_or_add_image_part does: one part per distinct picture,
        # looked for among the parts something relates to *as an image* (a thumbnail
        # with the same bytes is not one). A picture found is kept by its digest: the package
        # only grows while the deck is built, so it stays the one found, and the logo on every
        # slide no longer walks every relationship of the package each time
        image = Image(blob, filename)
        found = self._images.get(image.sha1)
        if found is not None:
            return found
        for rel in self.package.iter_rels():
            if not rel.is_external and rel.reltype == RT.IMAGE:
                part = rel.target_part
                if isinstance(part, ImagePart) and part.sha1 == image.sha1:
                    self._images[image.sha1] = part
                    return part
        return ImagePart.new(self.package, image)


def _parsed(saved: SavedPart) -> dict[int, object] | None:
    """The XML of ``saved`` and of its own parts parsed as python-pptx parses a part's XML, by
    ``id`` of each saved part; None when one does not parse."""
    out: dict[int, object] = {}
    todo = [saved]
    while todo:
        part = todo.pop()
        if issubclass(part.cls, XmlPart):
            try:
                out[id(part)] = parse_xml(part.blob)
            except XMLSyntaxError:
                return None
        todo += [r.ref for r in part.rels if r.kind == "part"]  # type: ignore[misc]
    return out


def _template(partname: str) -> str:
    """``/ppt/charts/chart3.xml`` -> ``/ppt/charts/chart%d.xml`` (for ``next_partname``)."""
    return _NUMBERED.sub(lambda m: "%d" + m.group(1), partname)


def _remap_ids(element, new_ids: dict[str, str]) -> None:
    for el in element.iter():
        for name, value in el.attrib.items():
            if name.startswith(_R_NS) and value in new_ids:
                el.set(name, new_ids[value])


def _remember(key: str, entry: _Entry) -> None:
    old = _MEMO.pop(key, None)
    if old is not None:
        _STATS["bytes"] -= old.slide.size
    _MEMO[key] = entry
    _STATS["bytes"] += entry.slide.size
    while _STATS["bytes"] > MAX_BYTES and len(_MEMO) > 1:  # least recently used first
        _k, dropped = _MEMO.popitem(last=False)
        _STATS["bytes"] -= dropped.slide.size


