"""Logo pictures kept on disk, for the first brief of a new process.

:mod:`.pictures` keeps a decoded logo for the later briefs of one process. A warm build's
brief is the first of its process, and spent ≈25-35 ms of its render on the logo: opening
the PNG, decoding it, digesting every pixel and compressing them (reportlab's ``drawImage``). The result, reportlab's image object and its soft mask, is plain data (text,
numbers, the compressed stream as base64 or ASCII85 text), kept here as JSON in ``pictures/`` under the
chart cache folder, and placed in the document as :func:`.pictures.register` places a kept
picture (the same bytes; ``tests/test_pdf_passes.py`` compares).

A cache file is input: an entry is a checked entry file (:mod:`reportkit.entryfile`: a
header with the key and a checksum, a bounded read, atomic writes), keyed by the file's
sha256, the versions of reportlab and Pillow and this code; on reading, each object must
have exactly the attributes reportlab's image objects have, each of its type; anything else
is a miss, and a miss costs only the decode. ``--no-cache`` bypasses it.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from pathlib import Path
from typing import Any

from ... import entryfile, installed

FORMAT = 1
_MAGIC = b"reportkit-picture"
MAX_ENTRY = 64 * 1024 * 1024  # a logo is at most 40 Mpixel (layouts.assets), compressed far below
MAX_TOTAL = 128 * 1024 * 1024
_NAME = re.compile(r"[0-9a-f]{64}\.json")
_CODE_FILES = tuple(Path(__file__).parent / name for name in ("picturecache.py", "pictures.py", "flowables.py"))
# every attribute of reportlab's PDFImageXObject a drawn PNG has, and the JSON type it is kept as
_REQUIRED = {"name": str, "width": int, "height": int, "bitsPerComponent": int, "colorSpace": str,
             "_filters": list, "streamContent": dict}
_OPTIONAL = {"mask": (type(None), list), "_decode": (list,), "XObjects": (type(None),), "smask": (type(None), str)}


class _Unsound(Exception):
    """An entry that is not exactly one of ours."""


def folder(cache_dir: Path | None) -> Path:
    """The pictures folder under the chart cache folder (``--cache-dir``, else the default)."""
    if cache_dir is None:
        from ...charts import default_cache_dir

        cache_dir = default_cache_dir()
    return Path(cache_dir) / "pictures"


def _key(digest: str) -> str:
    import hashlib

    prefix = installed.code_prefix(f"{_MAGIC.decode()}/{FORMAT}", ("reportlab", "pillow"), _CODE_FILES)
    return hashlib.sha256(f"{prefix}\0{digest}".encode()).hexdigest()


def _fields(key: str) -> list[bytes]:
    return [_MAGIC, str(FORMAT).encode(), key.encode("ascii")]


def load(where: Path | None, digest: str) -> tuple[str, Any, Any] | None:
    """The kept picture of the file whose sha256 is ``digest``, as :data:`.pictures.KEPT` holds
    one (its name, image and soft mask objects), or None (a miss)."""
    if where is None:
        return None
    key = _key(digest)
    body = entryfile.read(entryfile.entry_path(where, key, ".json"), _fields(key), MAX_ENTRY)
    if body is None:
        return None
    try:
        data = json.loads(body)
        if type(data) is not dict or list(data) != ["name", "image", "mask"] or type(data["name"]) is not str:
            raise _Unsound
        image = _image(data["image"])
        mask = None if data["mask"] is None else _image(data["mask"])
    except (_Unsound, ValueError, RecursionError, binascii.Error):  # ValueError: JSON and UTF-8 errors
        return None
    if (getattr(image, "smask", None) is None) != (mask is None):  # a soft mask, and its picture, or neither
        return None
    return data["name"], image, mask


def store(where: Path | None, digest: str, kept: tuple[str, Any, Any]) -> None:
    """Keep a picture as :data:`.pictures.KEPT` holds it (by its file's sha256, ``digest``); one
    that is not plain data as expected is not kept."""
    if where is None:
        return
    name, image, mask = kept
    try:
        body = json.dumps({"name": name, "image": _plain(image), "mask": None if mask is None else _plain(mask)})
    except _Unsound:
        return
    key = _key(digest)
    if entryfile.write(entryfile.entry_path(where, key, ".json"), _fields(key), body.encode("ascii"), MAX_ENTRY):
        entryfile.prune(where, MAX_TOTAL, lambda n: bool(_NAME.fullmatch(n)))


def _plain(obj: Any) -> dict[str, Any]:
    from reportlab.pdfbase.pdfdoc import PDFImageXObject, PDFObjectReference

    if type(obj) is not PDFImageXObject:
        raise _Unsound
    out: dict[str, Any] = {}
    for k, v in vars(obj).items():
        if k == "smask" and type(v) is PDFObjectReference:
            v = v.name
        elif k == "_filters" and type(v) is tuple:
            v = list(v)
        elif k == "streamContent" and type(v) in (bytes, str):  # compressed bytes, or ASCII85 text
            v = {"bytes": base64.b64encode(v).decode("ascii")} if type(v) is bytes else {"text": v}
        out[k] = v
    _check(out)
    return out


def _check(data: Any) -> None:
    """``data`` has the attributes of a drawn picture, each of its type, and no other."""
    if type(data) is not dict or not set(_REQUIRED) <= set(data) or not set(data) <= set(_REQUIRED) | set(_OPTIONAL):
        raise _Unsound
    for k, v in data.items():
        kinds = (_REQUIRED[k],) if k in _REQUIRED else _OPTIONAL[k]
        if type(v) not in kinds or (type(v) is list and not all(type(x) in (str, int, float) for x in v)):
            raise _Unsound
    content = data["streamContent"]
    if list(content) not in (["bytes"], ["text"]) or type(next(iter(content.values()))) is not str:
        raise _Unsound


def _image(data: Any) -> Any:
    """reportlab's image object with the kept attributes, in their order."""
    from reportlab.pdfbase.pdfdoc import PDFImageXObject, PDFObjectReference

    _check(data)
    obj = PDFImageXObject.__new__(PDFImageXObject)
    for k, v in data.items():
        if k == "_filters":
            v = tuple(v)
        elif k == "smask" and v is not None:
            v = PDFObjectReference(v)
        elif k == "streamContent":
            v = base64.b64decode(v["bytes"], validate=True) if "bytes" in v else v["text"]
        setattr(obj, k, v)
    return obj
