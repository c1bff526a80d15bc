"""Saved web pages (``.html``, ``.htm``): the main text, found by trafilatura.

* **Encoding** comes from the page itself: a byte-order mark, else the ``<meta charset>``,
  ``<meta http-equiv="Content-Type">`` or XHTML ``<?xml encoding=…?>`` declaration in the first
  4 kB; else UTF-8; else the detected encoding, with a warning.
* **Main text**: trafilatura drops navigation, cookie banners, share bars, related-article
  lists, comments and ads; what it keeps comes back as XML, read here into blocks: headings,
  paragraphs, lists, block quotes, and tables (one list item per row, each cell labelled by
  its column header, as the Markdown reader does). Links in the text with an http(s) target
  (relative ones resolved against the page's address) become references.
* **Metadata** (trafilatura's, from the page's ``<title>``, OpenGraph, JSON-LD and byline):
  title, author, date, site name and canonical URL, which is how the sources list cites it.
* **Standfirst**: the first paragraph, when it is one sentence and the page's own description
  says much the same.
* A page whose text is all in ``<div>``s has no heading markup: a short title-like paragraph
  followed by body text is then read as a heading.
* A page with no main text (or fewer than 12 words of it: a login wall, an empty shell) is an
  input error naming the file.
"""

from __future__ import annotations

import codecs
import logging
import re
from urllib.parse import urljoin

from ..errors import InputError
from ..lazyre import lazy
from ..urls import safe_url
from .byline import author_names, site_of
from .clean import clean_blocks, normalise, similar
from .decode import _BOMS, _binary_kind, _detect, clean_text
from .structure import RawBlock, RawDoc
from .txt import is_heading_line

_META_CHARSET = lazy(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
    re.I,
)


def decode_html(data: bytes, source: str) -> tuple[str, list[str]]:
    """The page's text, decoded as it declares (see the module docstring), and warnings."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return clean_text(data.decode(enc, errors="replace")), []
    kind = _binary_kind(data)
    if kind:
        raise InputError(f"not a web page: {kind} (is the file name's extension wrong?)", source)
    m = _META_CHARSET.search(data[:4096])
    if m:
        name = (m.group(1) or m.group(2)).decode("ascii").lower()
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            codec = None
        if codec:
            # Browsers read "iso-8859-1" and "ascii" pages as windows-1252 (the WHATWG rule).
            if codec in ("latin-1", "iso8859-1", "ascii"):
                codec = "cp1252"
            text = data.decode(codec, errors="replace")
            bad = text.count("\ufffd")
            warns = [f"{bad} byte(s) not valid in the declared encoding {name} replaced"] if bad else []
            return clean_text(text), warns
    try:
        return clean_text(data.decode("utf-8")), []
    except UnicodeDecodeError:
        text, _enc, warns = _detect(data)
        return clean_text(text), warns


def _text(el, base: str | None, refs: list) -> str:
    """An element's text with line breaks as spaces; http(s) links collected into ``refs``."""
    from ..model import Reference

    for ref in el.iter("ref"):
        target = ref.get("target") or ""
        url = safe_url(urljoin(base, target) if base else target)
        label = " ".join("".join(ref.itertext()).split())
        if url is not None and label:
            refs.append(Reference(label=label, url=url))
    return " ".join("".join(el.itertext()).split())


def _table_items(table, base: str | None, refs: list) -> tuple[list[str], str | None]:
    """The table's rows as "Header: cell; ..." items, and its caption."""
    rows = [[_text(c, base, refs) for c in row.iter("cell")] for row in table.iter("row")]
    rows = [r for r in rows if any(r)]
    caption = None
    # A caption that became a first row with a single filled cell: the table's caption
    if len(rows) > 1 and sum(1 for c in rows[0] if c) == 1 and len(rows[1]) > 1:
        caption, rows = next(c for c in rows[0] if c), rows[1:]
    if not rows:
        return [], None
    header, items = rows[0], []
    for row in rows[1:]:
        parts = [f"{header[k]}: {cell}" if k < len(header) and header[k] else cell for k, cell in enumerate(row) if cell]
        if parts:
            items.append("; ".join(parts))
    return (items, caption) if items else (["; ".join(c for c in header if c)], None)


def _walk(el, base: str | None, refs: list, out: list[RawBlock]) -> None:
    for child in el:
        tag = child.tag
        if tag == "head":
            out.append(RawBlock(kind="heading", text=_text(child, base, refs)))
        elif tag == "p":
            out.append(RawBlock(kind="paragraph", text=_text(child, base, refs)))
        elif tag == "list":
            items = [_text(it, base, refs) for it in child.iter("item")]
            out.append(RawBlock(kind="list", items=[i for i in items if i], numbered=child.get("rend") == "ol"))
        elif tag == "quote":
            out.append(RawBlock(kind="quote", text=_text(child, base, refs)))
        elif tag == "table":
            items, caption = _table_items(child, base, refs)
            out.append(RawBlock(kind="list", items=items, table=True, caption=caption))
        elif tag in ("div", "main", "section"):
            _walk(child, base, refs, out)
        elif tag in ("code", "graphic"):
            continue
        else:
            text = _text(child, base, refs)
            if text:
                out.append(RawBlock(kind="paragraph", text=text))


def parse_html(data: bytes, source: str) -> RawDoc:
    """Read a saved web page into raw blocks with its metadata (see the module docstring)."""
    if not data.strip():
        raise InputError("empty file", source)
    text, warnings = decode_html(data, source)
    import trafilatura
    from lxml import etree

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its own warnings are not the user's
    xml = trafilatura.extract(
        text, output_format="xml", include_tables=True, include_comments=False, include_links=True,
        include_images=False, include_formatting=False, with_metadata=True, deduplicate=False,
        # htmldate rejects a date after today and then guesses one (a page published 9 December,
        # read on the 6th, was dated the 1st): the page's own date stands, whatever the clock says
        date_extraction_params={"max_date": "2099-12-31"},
    )
    if not xml:
        raise InputError("no main text found in this web page", source)
    root = etree.fromstring(xml.encode("utf-8"))
    meta = {k: (root.get(k) or "").strip() or None for k in ("title", "author", "date", "url", "sitename", "description")}
    url = safe_url(meta["url"]) if meta["url"] else None
    meta["author"] = author_names(meta["author"])
    meta["sitename"] = site_of(meta["sitename"], text, meta["title"])
    main = root.find("main")
    refs: list = []
    blocks: list[RawBlock] = []
    if main is not None:
        _walk(main, url, refs, blocks)
    blocks = [b for b in blocks if b.text or b.items]
    title = meta["title"]
    if title and blocks and blocks[0].kind == "heading" and normalise(blocks[0].text) == normalise(title):
        blocks = blocks[1:]  # the page's <h1> repeats its title
    if not any(b.kind == "heading" for b in blocks):
        for i, b in enumerate(blocks[:-1]):
            if b.kind == "paragraph" and is_heading_line(b.text) and len(b.text.split()) <= 8 \
                    and blocks[i + 1].kind == "paragraph" and not is_heading_line(blocks[i + 1].text):
                b.kind = "heading"
    blocks, text_refs = clean_blocks(blocks)
    # A login wall or an empty shell leaves a few menu words ("Home Sign in"), not text.
    words = sum(len((b.text + " " + " ".join(b.items)).split()) for b in blocks if b.kind != "heading")
    if words < 12:
        raise InputError("no main text found in this web page", source)
    subtitle = None
    first = blocks[0]
    if (meta["description"] and first.kind == "paragraph" and len(blocks) > 1 and len(first.text) <= 300
            and similar(first.text, meta["description"], 0.4)):
        from .. import sentences

        if sentences.count(first.text) <= 1:
            subtitle, blocks = first.text, blocks[1:]
    seen: set[str] = set()
    references = []
    for r in text_refs + refs:
        if r.url not in seen and r.url != url:
            seen.add(r.url)
            references.append(r)
    return RawDoc(
        source=source, blocks=blocks, references=references, title=title, subtitle=subtitle,
        title_is_explicit=title is not None, drop_teasers=False, detect_standfirst=False, warnings=warnings,
        url=url, author=meta["author"], date=meta["date"], site=meta["sitename"],
    )
