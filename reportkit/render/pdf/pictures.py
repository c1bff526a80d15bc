"""Logo pictures kept for the later briefs of a process (batch workers, watch).

reportlab's ``drawImage`` decodes a picture, digests every pixel to name it and compresses
it, once per document: ≈25 ms a brief for a 1200x300 logo. A process that renders many
briefs keeps the image objects of the first (by the file's sha256) and registers copies of
them in each later document exactly as ``drawImage`` registers new ones (the same objects,
order and names, so the same bytes; tests compare). Only in memory: a new process makes its
own once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: By the file's sha256: the picture's name, and reportlab's image and soft-mask objects as
#: ``drawImage`` made them, without a document's registration.
KEPT: dict[str, tuple[str, Any, Any]] = {}
MAX_KEPT = 16


def file_digest(path: Path) -> str:
    """The sha256 of a picture file's bytes."""
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def remember(digest: str, kept: tuple[str, Any, Any]) -> None:
    """Hold a picture kept elsewhere (:mod:`.picturecache`) for this process's briefs."""
    if len(KEPT) >= MAX_KEPT:
        KEPT.clear()
    KEPT[digest] = kept


def keep(canv: Any, digest: str, name: str) -> None:
    """Keep, by the file's ``digest``, copies of the image object ``drawImage`` registered in this
    canvas's document as ``name`` and of its soft mask, without the document's registration
    (``__InternalName__``), for later documents."""
    import copy

    if len(KEPT) >= MAX_KEPT:  # a long session whose logo keeps changing
        KEPT.clear()
    doc = canv._doc
    image = copy.copy(doc.idToObject[doc.getXObjectName(name)])
    vars(image).pop("__InternalName__", None)
    mask = None
    if getattr(image, "smask", None) is not None:
        mask = copy.copy(doc.idToObject[image.smask.name])
        vars(mask).pop("__InternalName__", None)
    KEPT[digest] = (name, image, mask)


def register(canv: Any, name: str, image: Any, mask: Any) -> str:
    """Register copies of a kept picture in this document as ``drawImage`` registers a new one
    (same objects, same order, same names: the same bytes; tested), without drawing it."""
    import copy

    from reportlab.pdfbase.pdfdoc import PDFObjectReference

    doc = canv._doc
    image = copy.copy(image)
    canv._setXObjects(image)
    doc.Reference(image, doc.getXObjectName(name))
    doc.addForm(name, image)
    if mask is not None:
        mask_name = doc.getXObjectName(mask.name)
        if doc.idToObject.get(mask_name) is None:
            mask = copy.copy(mask)
            canv._setXObjects(mask)
            image.smask = doc.Reference(mask, mask_name)
        else:
            image.smask = PDFObjectReference(mask_name)
    return name
