"""Word documents (``.docx``), read with python-docx, in body order.

* **Title**: a paragraph in the Title style; else the document's core-properties title when
  the text has no Title style and starts with a Heading 1 that says the same, or that first
  Heading 1 alone (LibreOffice writes a document's title as Heading 1). A Subtitle-style
  paragraph is the standfirst. The core-properties author is the document's author.
* **Headings**: the Heading 1–9 styles (and any style based on one).
* **Lists**: paragraphs in a List style (List Bullet, List Number, List Paragraph…) or with
  numbering properties; consecutive ones make one list.
* **Block quotes**: Quote, Intense Quote, Quotations and Block Text styles.
* **Tables**: one list item per row, each cell labelled by its column header. A paragraph right
  above a table in the Caption style, or opening with its label ("Table 2: Swims by pool,
  2026"), is the table's caption.
* **Hyperlinks** with an http(s) address become references (label = the link's text).

A file that is not a Word document (not a zip, a legacy ``.doc``, an encrypted document, a
truncated file) is an input error with one line saying which.
"""

from __future__ import annotations

import io
import re
import zipfile

from ..errors import InputError
from ..lazyre import lazy
from ..model import Reference
from ..urls import safe_url
from .clean import clean_blocks, normalise
from .structure import RawBlock, RawDoc

# "Table 2: …", "Table 2. …", "Tab. 3 – …": a caption's label
_TABLE_LABEL = lazy(r"(?:Table|Tab\.)\s*\d+[A-Za-z]?\s*[:.–—-]\s+\S.*", re.I)

_QUOTE_STYLES = {"quote", "intense quote", "quotations", "block text"}
_HEADING = lazy(r"heading\s*([1-9])", re.I)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc, and Office's encrypted container


def _open(data: bytes, source: str):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not data.strip():
        raise InputError("empty file", source)
    if data.startswith(_OLE):
        raise InputError("encrypted or legacy Word file (.doc): save it as an unprotected .docx", source)
    if not data.startswith(b"PK"):
        raise InputError("not a Word document (no .docx zip signature; is the file name's extension wrong?)", source)
    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, EOFError) as e:
        raise InputError(f"broken or truncated Word document: {type(e).__name__} {e}".rstrip(), source) from None
    except Exception as e:  # lxml and zip errors on damaged parts mean the same to a user
        raise InputError(f"broken Word document: {type(e).__name__} {e}".rstrip(), source) from None


def _style_chain(paragraph) -> list[str]:
    """The paragraph's style name and the names it is based on, lower-cased."""
    names: list[str] = []
    style = paragraph.style
    while style is not None and len(names) < 10:
        names.append((style.name or "").lower())
        style = style.base_style
    return names


def _kind(paragraph) -> tuple[str, int]:
    """``(kind, level)``: title, subtitle, heading, quote, item or paragraph."""
    try:
        chain = _style_chain(paragraph)
    except (KeyError, AttributeError):
        chain = []
    for name in chain:
        if name == "title":
            return "title", 0
        if name == "subtitle":
            return "subtitle", 0
        m = _HEADING.fullmatch(name)
        if m:
            return "heading", int(m.group(1))
        if name in _QUOTE_STYLES:
            return "quote", 0
        if name.startswith("list"):
            return "item", 0
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None:
        return "item", 0
    return "paragraph", 0


def _links(paragraph, refs: list[Reference]) -> None:
    for link in paragraph.hyperlinks:
        url = safe_url(link.address or "")
        text = " ".join((link.text or "").split())
        if url is not None:
            refs.append(Reference(label=text or url, url=url))


def _table_items(table) -> list[str]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if not cells or cells[-1] != text:  # a merged cell repeats across the columns it spans
                cells.append(text)
        rows.append(cells)
    rows = [r for r in rows if any(r)]
    if not rows:
        return []
    header, items = rows[0], []
    for row in rows[1:]:
        parts = [f"{header[k]}: {c}" if k < len(header) and header[k] else c for k, c in enumerate(row) if c]
        if parts:
            items.append("; ".join(parts))
    return items or ["; ".join(c for c in header if c)]


def parse_docx(data: bytes, source: str) -> RawDoc:
    """Read a Word document into raw blocks (see the module docstring)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = _open(data, source)
    refs: list[Reference] = []
    blocks: list[RawBlock] = []
    title = subtitle = None
    first_heading: tuple[int, str] | None = None
    captions: set[int] = set()  # paragraphs in Word's Caption style
    for el in document.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "tbl":
            items = _table_items(Table(el, document))
            caption = None
            if items and blocks and blocks[-1].kind == "paragraph" and (
                    id(blocks[-1]) in captions or _TABLE_LABEL.fullmatch(blocks[-1].text)):
                caption = blocks.pop().text  # the caption line above the table is the table's
            if items:
                blocks.append(RawBlock(kind="list", items=items, table=True, caption=caption))
            continue
        if tag != "p":
            continue
        p = Paragraph(el, document)
        text = " ".join(p.text.split())
        _links(p, refs)
        if not text:
            continue
        kind, level = _kind(p)
        if kind == "title" and title is None:
            title = text
        elif kind == "subtitle" and subtitle is None and not blocks:
            subtitle = text
        elif kind == "heading":
            if first_heading is None and not blocks:
                first_heading = (level, text)
            blocks.append(RawBlock(kind="heading", text=text, numbered=level == 1))
        elif kind == "quote":
            blocks.append(RawBlock(kind="quote", text=text))
        elif kind == "item":
            if blocks and blocks[-1].kind == "list" and blocks[-1].text == "":
                blocks[-1].items.append(text)
            else:
                blocks.append(RawBlock(kind="list", items=[text]))
        else:
            blocks.append(RawBlock(kind="paragraph", text=text))
            if (p.style is not None and (p.style.name or "").lower().startswith("caption")):
                captions.add(id(blocks[-1]))
    props = document.core_properties
    if title is None and first_heading is not None and first_heading[0] == 1:
        title = blocks.pop(0).text  # LibreOffice and many templates: the title is the first Heading 1
    if title is None and props.title and props.title.strip():
        title = props.title.strip()
    blocks, text_refs = clean_blocks(blocks)
    if not any(b.kind in ("paragraph", "list", "quote") for b in blocks) and not title:
        raise InputError("no text in this Word document", source)
    seen: set[str] = set()
    references = []
    for r in text_refs + refs:
        if r.url not in seen:
            seen.add(r.url)
            references.append(r)
    author = (props.author or "").strip() or None
    if title and blocks and blocks[0].kind == "heading" and normalise(blocks[0].text) == normalise(title):
        blocks = blocks[1:]
    return RawDoc(
        source=source, blocks=blocks, references=references, title=title, subtitle=subtitle,
        title_is_explicit=title is not None, drop_teasers=False, detect_standfirst=subtitle is None, author=author,
    )
