"""A remembered slide's parts, and how they are written to and read from the deck cache.

:mod:`.memo` saves a built slide as a :class:`SavedPart` tree: the slide's XML, and
for each of its relationships what to relate to on a replay (a template part by
name, a picture by its bytes, its own notes page or chart as another saved part).
On disk (:mod:`.store`) the tree is JSON with the bytes in base64: never pickle, and
nothing in it names code to run. :func:`loads` checks every field (the part classes
are a fixed list, names and ids have fixed shapes, XML must parse, pictures must be
pictures PIL can read the format and size of, as the replay does), so a damaged or
foreign entry is a miss rather than a broken deck or an error halfway through a slide. A part's
XML is parsed by the replay itself (:func:`.memo._parsed`), before it adds anything: parsing it
here too cost as much again.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.parts.chart import ChartPart
from pptx.parts.embeddedpackage import EmbeddedXlsxPart
from pptx.parts.image import Image
from pptx.parts.slide import NotesSlidePart, SlidePart

#: the part classes a saved slide may hold: the slide and what belongs to it alone
CLASSES = {cls.__name__: cls for cls in (SlidePart, NotesSlidePart, ChartPart, EmbeddedXlsxPart)}
KINDS = ("external", "shared", "parent", "image", "part")
_RID = re.compile(r"rId[0-9]{1,6}")
_PARTNAME = re.compile(r"/ppt/[A-Za-z0-9_./-]{1,200}")
_PICTURE = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM", b"II*\0", b"MM\0*")
_DEPTH = 4  # slide → chart → workbook is three levels


@dataclass(frozen=True)
class Rel:
    """One relationship of a saved part: ``kind`` says how to re-create its target."""

    rid: str
    reltype: str
    kind: str  # "external" | "shared" (a template part) | "parent" | "image" | "part"
    ref: object  # url | partname | None | (blob, filename) | SavedPart


@dataclass(frozen=True)
class SavedPart:
    """A part as it was built: its class, name, content type, bytes and relationships."""

    cls: type
    partname: str
    content_type: str
    blob: bytes
    rels: tuple[Rel, ...]

    @property
    def size(self) -> int:
        """Bytes held, pictures included (a picture shared by slides counts for each:
        the limit is then an upper bound)."""
        total = len(self.blob)
        for r in self.rels:
            if r.kind == "part":
                total += r.ref.size  # type: ignore[union-attr]
            elif r.kind == "image":
                total += len(r.ref[0])  # type: ignore[index]
        return total

    def shared_names(self) -> set[str]:
        """The template parts this part and its own parts relate to, by name (the notes
        master aside: a replay relates to the deck's own, made when first needed)."""
        out = {str(r.ref) for r in self.rels if r.kind == "shared" and r.reltype != RT.NOTES_MASTER}
        for r in self.rels:
            if r.kind == "part":
                out |= r.ref.shared_names()  # type: ignore[union-attr]
        return out


def dumps(part: SavedPart) -> bytes:
    """``part`` as the JSON bytes :func:`loads` reads back."""
    return json.dumps(_to_json(part), separators=(",", ":")).encode("ascii")


def loads(data: bytes) -> SavedPart:
    """The :class:`SavedPart` :func:`dumps` wrote; ValueError for anything else."""
    try:
        obj = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as e:
        raise ValueError(f"not a saved slide: {e.__class__.__name__}") from None
    return _from_json(obj, 0)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("bytes expected")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("bad base64") from None


def _to_json(part: SavedPart) -> dict:
    rels = []
    for r in part.rels:
        if r.kind == "part":
            ref: object = _to_json(r.ref)  # type: ignore[arg-type]
        elif r.kind == "image":
            blob, filename = r.ref  # type: ignore[misc]
            ref = [_b64(blob), filename]
        else:
            ref = r.ref
        rels.append([r.rid, r.reltype, r.kind, ref])
    return {"cls": part.cls.__name__, "partname": part.partname, "content_type": part.content_type,
            "blob": _b64(part.blob), "rels": rels}


def _text(value: object, limit: int = 2000) -> str:
    if not isinstance(value, str) or not value or len(value) > limit:
        raise ValueError("text expected")
    return value


def _readable(picture: bytes, filename: str | None) -> bool:
    """Whether a replay can add the picture: python-pptx reads its format and size with
    PIL then, and a picture that fails there would raise with the slide half made. Asked once
    a process per picture: a deck's slides carry the same logo (≈0.5 ms a slide to ask PIL)."""
    known = _READABLE.get((picture, filename))
    if known is None:
        try:
            Image(picture, filename).ext  # its header only, as the replay reads it
            known = True
        except Exception:  # noqa: BLE001 - PIL raises many types for odd bytes
            known = False
        if len(_READABLE) >= _READABLE_KEPT:
            _READABLE.clear()
        _READABLE[picture, filename] = known
    return known


#: pictures asked about, by their bytes and file name (a few a deck: logos, chart images)
_READABLE: dict[tuple[bytes, str | None], bool] = {}
_READABLE_KEPT = 64


def _from_json(obj: object, depth: int) -> SavedPart:
    if depth > _DEPTH or not isinstance(obj, dict) or set(obj) != {"cls", "partname", "content_type", "blob", "rels"}:
        raise ValueError("not a saved part")
    cls = CLASSES.get(obj["cls"]) if isinstance(obj["cls"], str) else None
    if cls is None or (depth == 0) != (cls is SlidePart):
        raise ValueError("unexpected part class")
    partname = _text(obj["partname"], 300)
    if not _PARTNAME.fullmatch(partname) or ".." in partname:
        raise ValueError("bad part name")
    blob = _unb64(obj["blob"])
    # a part's XML is parsed by the replay (memo), once, before anything is added to the deck
    if cls is EmbeddedXlsxPart and not blob.startswith(b"PK\x03\x04"):
        raise ValueError("bad workbook")
    if not isinstance(obj["rels"], list):
        raise ValueError("bad relationships")
    rels = []
    for item in obj["rels"]:
        if not isinstance(item, list) or len(item) != 4:
            raise ValueError("bad relationship")
        rid, reltype, kind, ref = item
        if not isinstance(rid, str) or not _RID.fullmatch(rid) or kind not in KINDS:
            raise ValueError("bad relationship")
        reltype = _text(reltype, 300)
        if kind == "part":
            ref = _from_json(ref, depth + 1)
        elif kind == "image":
            if not isinstance(ref, list) or len(ref) != 2 or not (ref[1] is None or isinstance(ref[1], str)):
                raise ValueError("bad picture")
            picture = _unb64(ref[0])
            if not picture.startswith(_PICTURE) or not _readable(picture, ref[1]):
                raise ValueError("bad picture")
            ref = (picture, ref[1])
        elif kind == "parent":
            if ref is not None or depth == 0:
                raise ValueError("bad parent relationship")
        else:
            ref = _text(ref, 65536)
            if kind == "shared" and not _PARTNAME.fullmatch(ref):
                raise ValueError("bad template part name")
        rels.append(Rel(rid, reltype, kind, ref))
    return SavedPart(cls, partname, _text(obj["content_type"], 300), blob, tuple(rels))
