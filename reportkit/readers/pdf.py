"""PDF reports, papers and slide exports (``.pdf``), read with pdfplumber.

Why pdfplumber: its engine, pdfminer.six, orders text boxes by their position on the page, so
a two-column paper comes out column by column even when the file draws its lines across both
columns; pypdf and pypdfium2 return such a page line by line across the columns, and only
pdfplumber/pdfminer give each character's font name and size, which headings are found from
(figures: ``bench/pdf_readers.py``; docs/architecture.md).

What is read, page by page, in pdfminer's reading order:

* **Running headers, footers and page numbers** are dropped: lines in the top or bottom 8% of
  a page that repeat on other pages (digits ignored: "Page 2 of 3"), that are a page number
  ("12", "Page 3", "3 / 10", "- 4 -"), or that are set smaller than the body text.
* **Title**: the largest text on the first page, when it is clearly larger than the body;
  else the file's Title property. The Author property is the document's author.
* **Headings**: short lines set clearly larger than the body, or wholly bold when the body is not.
* **Paragraphs**: the lines of a text box, split where a line ends a sentence well short of
  the box's right edge; a box that starts in lower case continues the previous paragraph
  (a paragraph running on into the next column or page). A word hyphenated at a line end is
  joined ("transmis-" + "sion"), unless the document spells it with the hyphen elsewhere.
* **Lists**: lines opening with a bullet or "1." / "1)" are list items.
* **Tables** (:mod:`reportkit.readers.pdftables`, found from the words' positions) become one
  list of "Header: cell; Header: cell" rows, as the HTML and Word readers give them, with the
  caption line above the table; their lines are no paragraphs.
* Each block remembers its page (facts from it carry the page).

A PDF whose pages hold no text is an error ("scanned" when it has pictures: OCR it first), and
so are an encrypted PDF, a broken or truncated one, and a file that is not a PDF at all.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from ..errors import InputError
from ..lazyre import lazy
from .clean import clean_blocks
from .pdftables import PdfTable, find_tables, in_region
from .structure import RawBlock, RawDoc

_BAND = 0.08  # top and bottom share of a page where running headers and footers live
_BULLET = lazy(r"\s*(?:[•▪◦‣●■○◆►✓–—-]|\d{1,2}[.)])\s+(?=\S)")
_PAGE_NO = lazy(r"(?:page\s*)?#(?:\s*(?:of|/)\s*#)?|[-–—]\s*#\s*[-–—]|#\s*\|.*|.*\|\s*#", re.I)
_TERMINAL = (".", "!", "?", ":", ";", '"', "”", "’", "…")
_WORDS = lazy(r"[^\W\d_][\w’'-]*")
# a line that is a number, or ends on two ("241", "Spruce sawn timber 241 7.6")
_NUMBERS_LINE = lazy(r"(?:^\s*|\S\s+(?=\S+\s+\S+\s*$)){n}(?:\s+{n})*\s*$".format(
    n=r"[(+−–-]?(?:US\$|[$€£¥])?\d(?:[\d,]*\d)?(?:\.\d+)?%?\)?"))


@dataclass
class _Line:
    text: str
    page: int
    box: int
    size: float
    bold: bool
    x0: float
    x1: float
    box_x1: float
    top: bool
    bottom: bool
    table: PdfTable | None = None


def _is_bold(fontname: str) -> bool:
    name = fontname.split("+")[-1].lower()
    return any(w in name for w in ("bold", "black", "heavy", "semibold", "demi"))


def _open(data: bytes, source: str):
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    if b"%PDF-" not in data[:1024]:
        raise InputError("not a PDF file (no %PDF- header; is the file name's extension wrong?)", source)
    try:
        pdf = pdfplumber.open(io.BytesIO(data), laparams={"line_margin": 0.5, "boxes_flow": 0.5})
        pages = list(pdf.pages)
    except PdfminerException as e:
        inner = e.args[0] if e.args else e
        if type(inner).__name__ == "PDFPasswordIncorrect":
            raise InputError("encrypted PDF: it needs a password to open (save an unprotected copy)", source) from None
        raise InputError(f"broken or truncated PDF: {type(inner).__name__} {inner}".rstrip(), source) from None
    except Exception as e:  # pdfminer raises many types on malformed files; all mean the same to a user
        raise InputError(f"broken or truncated PDF: {type(e).__name__} {e}".rstrip(), source) from None
    return pdf, pages


def _lines(pages: list, source: str) -> tuple[list[_Line], bool]:
    """Every text line in reading order, and whether any page has pictures."""
    from pdfminer.layout import LTChar, LTFigure, LTImage, LTTextBox, LTTextLine

    out: list[_Line] = []
    pictures = False
    box_no = 0
    for n, page in enumerate(pages, 1):
        try:
            layout = page.layout
        except Exception as e:
            raise InputError(f"broken PDF: page {n} cannot be read ({type(e).__name__})", source) from None
        height = float(page.height) or 1.0
        tables = _tables(page) if _may_hold_table(layout) else []
        for obj in layout:
            if isinstance(obj, (LTImage, LTFigure)):
                pictures = True
            if not isinstance(obj, LTTextBox):
                continue
            box_no += 1
            for line in obj:
                if not isinstance(line, LTTextLine):
                    continue
                text = " ".join(line.get_text().split())
                chars = [c for c in line if isinstance(c, LTChar) and c.get_text().strip()]
                if not text or not chars:
                    continue
                out.append(_Line(
                    text=text, page=n, box=box_no,
                    size=round(statistics.median(c.size for c in chars), 1),
                    bold=all(_is_bold(c.fontname) for c in chars),
                    x0=line.x0, x1=line.x1, box_x1=obj.x1,
                    top=line.y0 > height * (1 - _BAND), bottom=line.y1 < height * _BAND,
                    table=next((t for t in tables
                                if in_region(t, height - line.y1, height - line.y0, line.x0, line.x1)), None),
                ))
    return out, pictures


def _may_hold_table(layout) -> bool:
    """Whether a page's layout has a line that is only numbers or ends on two (a table's number
    column or row): placing every word of a page is slow, and pages of prose need none of it."""
    from pdfminer.layout import LTTextBox, LTTextLine

    for obj in layout:
        if isinstance(obj, LTTextBox):
            for line in obj:
                if isinstance(line, LTTextLine) and _NUMBERS_LINE.search(line.get_text()):
                    return True
    return False


def _tables(page) -> list[PdfTable]:
    """The page's tables; a page whose words cannot be placed is read as paragraphs only."""
    try:
        return find_tables(page)
    except Exception:  # pdfminer raises many types on odd pages; the text is still worth reading
        return []


def _drop_furniture(lines: list[_Line], body: float) -> list[_Line]:
    """Remove running headers and footers and page numbers (see the module docstring)."""
    key = {id(ln): re.sub(r"\d+", "#", ln.text.lower()) for ln in lines}
    pages_of: dict[str, set[int]] = {}
    for ln in lines:
        if ln.top or ln.bottom:
            pages_of.setdefault(key[id(ln)], set()).add(ln.page)
    kept = []
    for ln in lines:
        k = key[id(ln)]
        if (ln.top or ln.bottom) and (len(pages_of[k]) >= 2 or _PAGE_NO.fullmatch(k) or ln.size < body * 0.9):
            continue
        kept.append(ln)
    return kept


def _join(text: str, line: str, vocab: set[str]) -> str:
    """Append a line to a paragraph, joining a word hyphenated at the line end."""
    if not text:
        return line
    m = re.search(r"([^\W\d_]+)-$", text)
    if m and line[:1].islower():
        head = m.group(1)
        tail = re.match(r"[\w’']+", line)
        rest = tail.group(0) if tail else ""
        if f"{head}-{rest}".lower() in vocab and f"{head}{rest}".lower() not in vocab:
            return text + line  # a real compound: "north-" + "south"
        return text[:-1] + line
    return f"{text} {line}"


def _blocks(lines: list[_Line], body: float, body_bold: bool, vocab: set[str]) -> tuple[str | None, list[RawBlock]]:
    title_size = max((ln.size for ln in lines if ln.page == 1), default=0.0)
    has_title = title_size >= body * 1.3
    title_parts: list[str] = []
    blocks: list[RawBlock] = []
    cur: RawBlock | None = None
    prev: _Line | None = None

    def heading_like(ln: _Line) -> bool:
        if len(ln.text) > 120 or ln.text.endswith((".", ",", ";")):
            return False
        return ln.size >= body * 1.15 or (ln.bold and not body_bold)

    title_done = not has_title
    tables_done: set[int] = set()
    for ln in lines:
        if ln.table is not None:
            # a table's lines come in its column boxes' order: the table is one block, where its first line is
            if id(ln.table) not in tables_done:
                tables_done.add(id(ln.table))
                blocks.append(RawBlock(kind="list", items=ln.table.items(), table=True, caption=ln.table.caption,
                                       page=ln.page))
            prev, cur = ln, None
            continue
        new_box = prev is None or ln.box != prev.box
        if not title_done and ln.page == 1 and ln.size == title_size:
            title_parts.append(ln.text)  # the first run of the largest lines on page 1
            prev, cur = ln, None
            continue
        title_done = title_done or bool(title_parts)
        if heading_like(ln):
            if cur is not None and cur.kind == "heading" and not new_box and prev is not None and prev.size == ln.size:
                cur.text += " " + ln.text
            else:
                cur = RawBlock(kind="heading", text=ln.text, page=ln.page)
                blocks.append(cur)
            prev = ln
            continue
        bullet = _BULLET.match(ln.text)
        if bullet:
            item = ln.text[bullet.end():].strip()
            if cur is not None and cur.kind == "list":
                cur.items.append(item)
            else:
                cur = RawBlock(kind="list", items=[item], numbered=bullet.group(0).strip()[:1].isdigit(), page=ln.page)
                blocks.append(cur)
            prev = ln
            continue
        if cur is not None and cur.kind == "list" and not new_box:
            cur.items[-1] = _join(cur.items[-1], ln.text, vocab)
            prev = ln
            continue
        last_para = blocks[-1] if blocks and blocks[-1].kind == "paragraph" else None
        if new_box and last_para is not None and ln.text[:1].islower() and not last_para.text.endswith(_TERMINAL):
            cur = last_para  # the paragraph runs on into this column or page
            cur.text = _join(cur.text, ln.text, vocab)
        elif cur is not None and cur.kind == "paragraph" and not new_box and not _ends_paragraph(prev, ln):
            cur.text = _join(cur.text, ln.text, vocab)
        else:
            cur = RawBlock(kind="paragraph", text=ln.text, page=ln.page)
            blocks.append(cur)
        prev = ln
    return (" ".join(title_parts) if title_parts else None), blocks


def _ends_paragraph(line: _Line | None, nxt: _Line) -> bool:
    """Whether ``line`` ends its paragraph: it ends a sentence and the next line's first word
    would have fitted in the space left on it (so the line was broken on purpose)."""
    if line is None:
        return True
    if not line.text.endswith((".", "!", "?", ":", "”", '"')) or not nxt.text[:1].isupper():
        return False
    char_w = (line.x1 - line.x0) / max(len(line.text), 1)
    first = nxt.text.split()[0]
    return (line.box_x1 - line.x1) > (len(first) + 1) * char_w


def parse_pdf(data: bytes, source: str) -> RawDoc:
    """Read a PDF's text into raw blocks (see the module docstring)."""
    if not data.strip():
        raise InputError("empty file", source)
    pdf, pages = _open(data, source)
    try:
        if not pages:
            raise InputError("PDF has no pages", source)
        lines, pictures = _lines(pages, source)
        info = _info(pdf)
    finally:
        pdf.close()
    if not lines:
        if pictures:
            raise InputError("scanned PDF: its pages are pictures with no text layer (run OCR on it first)", source)
        raise InputError("PDF holds no text", source)
    sizes = Counter()
    bold = Counter()
    for ln in lines:
        sizes[ln.size] += len(ln.text)
        bold[ln.bold] += len(ln.text)
    body = sizes.most_common(1)[0][0]
    body_bold = bold.most_common(1)[0][0]
    lines = _drop_furniture(lines, body)
    vocab = {w.lower() for ln in lines for w in _WORDS.findall(ln.text)}
    title, blocks = _blocks(lines, body, body_bold, vocab)
    blocks, references = clean_blocks(blocks)
    title = title or info.get("Title")
    return RawDoc(source=source, blocks=blocks, references=references, title=title,
                  title_is_explicit=title is not None, drop_teasers=False, author=info.get("Author"))


def _info(pdf) -> dict[str, str]:
    """The document information dictionary's text entries (Title, Author), when set."""
    out: dict[str, str] = {}
    try:
        meta = pdf.metadata or {}
    except Exception:  # a damaged info dictionary is no reason to refuse the text
        return out
    for key in ("Title", "Author"):
        value = meta.get(key)
        if isinstance(value, bytes):
            value = value.decode("utf-8", errors="replace")
        if isinstance(value, str) and value.strip() and value.strip().lower() not in ("untitled", "anonymous"):
            out[key] = " ".join(value.split())
    return out
