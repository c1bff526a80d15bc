"""What ``verify`` checks before and beside reading a file: bounded work, no active content.

A file handed to ``verify`` may come from anywhere. A .pptx is a zip: its members'
declared sizes are checked before anything is decompressed (a 4 MB deck held a
4 GiB member). PDFs are parsed by pypdf, whose decoders cap their output; the file
itself is capped too. Then both kinds are searched for what a brief must never
carry: PDF JavaScript, Launch and other actions that run or fetch something when
the file is opened, and deck relationships that point outside the package
(``file://``, UNC paths, OLE objects over http) rather than to a web page.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

MB = 1 << 20
#: A built PDF or deck is a few megabytes; far larger is not something reportkit made.
MAX_FILE = 512 * MB
MAX_MEMBER = 256 * MB  # one zip member, decompressed
MAX_TOTAL = 1024 * MB  # all members, decompressed
MAX_RATIO = 200  # decompressed / compressed, for members over 1 MB
MAX_MEMBERS = 20_000

_REL = re.compile(rb"<Relationship\b[^>]*>", re.S)
_ATTR = re.compile(rb'(\w+)="([^"]*)"')
# PDF actions that run code, start programs, or send or fetch data when a reader acts
_ACTIVE = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE", "/Rendition", "/Sound",
           "/Movie", "/RichMediaExecute"}


def file_too_large(path: Path) -> str | None:
    size = path.stat().st_size
    return f"file is {size / MB:.0f} MB (verify reads at most {MAX_FILE // MB} MB)" if size > MAX_FILE else None


def zip_problems(path: Path) -> list[str]:
    """Declared sizes of a zip package that would make reading it unbounded (nothing is decompressed)."""
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
    if len(infos) > MAX_MEMBERS:
        return [f"{len(infos):,} members (at most {MAX_MEMBERS:,})"]
    out = []
    total = 0
    for i in infos:
        total += i.file_size
        if i.file_size > MAX_MEMBER:
            out.append(f"member {i.filename[:60]} expands to {i.file_size / MB:,.0f} MB (at most {MAX_MEMBER // MB} MB)")
        elif i.file_size > MB and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            out.append(f"member {i.filename[:60]} expands {i.file_size // max(i.compress_size, 1):,} times "
                       f"(a zip bomb? at most {MAX_RATIO} times)")
    if total > MAX_TOTAL:
        out.append(f"members expand to {total / MB:,.0f} MB in all (at most {MAX_TOTAL // MB} MB)")
    return out


def external_targets(path: Path) -> list[str]:
    """Relationships of a deck that leave the package for anything but an http(s) hyperlink."""
    out = []
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            if not info.filename.endswith(".rels") or info.file_size > 16 * MB:
                continue
            for m in _REL.finditer(z.read(info)):
                attrs = {k.decode(): v.decode("utf-8", "replace") for k, v in _ATTR.findall(m.group(0))}
                if attrs.get("TargetMode", "").lower() != "external":
                    continue
                kind = attrs.get("Type", "").rsplit("/", 1)[-1]
                target = attrs.get("Target", "")
                if kind == "hyperlink" and target.lower().startswith(("http://", "https://")):
                    continue
                out.append(f"{info.filename}: {kind or 'relationship'} -> {target[:80]}")
    return out


def active_content(reader) -> list[str]:
    """PDF actions that run or fetch something (document, page, annotation and form level)."""
    found: list[str] = []
    seen: set[int] = set()

    def action(obj, where: str, depth: int = 0) -> None:
        if obj is None or depth > 8:
            return
        obj = obj.get_object()
        if id(obj) in seen or not hasattr(obj, "get"):
            return
        seen.add(id(obj))
        kind = str(obj.get("/S", ""))
        if kind in _ACTIVE or "/JS" in obj:
            found.append(f"{where}: {kind.lstrip('/') or 'JavaScript'} action")
        nxt = obj.get("/Next")
        for n in (nxt if isinstance(nxt, list) else [nxt] if nxt is not None else []):
            action(n, where, depth + 1)

    def additional(obj, where: str) -> None:
        aa = obj.get("/AA")
        if aa is not None:
            for trigger, act in aa.get_object().items():
                action(act, f"{where} {trigger}")

    root = reader.trailer["/Root"].get_object()
    open_action = root.get("/OpenAction")
    if open_action is not None and hasattr(open_action.get_object(), "get"):
        action(open_action, "document open")
    additional(root, "document")
    names = root.get("/Names")
    if names is not None:
        names = names.get_object()
        for key in ("/JavaScript", "/EmbeddedFiles"):
            if key in names:
                found.append(f"document: {key.lstrip('/')} name tree")
    form = root.get("/AcroForm")
    if form is not None and "/XFA" in form.get_object():
        found.append("document: XFA form")
    for n, page in enumerate(reader.pages, 1):
        additional(page, f"page {n}")
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            action(a.get("/A"), f"page {n} {str(a.get('/Subtype', 'annotation')).lstrip('/')}")
            additional(a, f"page {n} {str(a.get('/Subtype', 'annotation')).lstrip('/')}")
    return found
