"""Markdown articles (``.md``): headings, lists, block quotes, tables, links.

Supported: optional YAML front matter (``title``, ``subtitle``/``description``),
ATX (``#``) and setext (``===``/``---``) headings, ``-``/``*``/``+``/``1.`` lists
with indented continuation lines, ``>`` block quotes (a final "— Name" line is the
speaker), horizontal rules (dropped).

Code is not prose: fenced (```` ``` ````/``~~~``) and indented (four spaces or a
tab after a blank line) code blocks are dropped, so their numbers never become
facts or bullets. A fence that is never closed is ignored (only its own line is
dropped), so one stray ```` ``` ```` cannot swallow the rest of an article. When
every line of a file is indented, the common indent is removed first (some
exports indent all text), so such a file is still read as prose.

Pipe tables (a header row, a ``|---|`` separator row, body rows) become an
unnumbered list with one item per body row, each cell labelled by its column
header: ``Year: 2022; FDI: $2.8m``. The separator row is dropped and a header
never labels anything outside its own table.

Inline: emphasis and code marks are removed, images dropped, ``[text](url)``
becomes "text"; the URL (parentheses inside it may nest one level, as in
Wikipedia addresses) becomes a reference (label = link text) only if it is an
http(s) URL (:func:`reportkit.urls.is_web_url`) — ``javascript:``, ``data:``,
``file:``, ``mailto:`` and relative targets keep their text and are dropped.
``[label]: url`` definitions and ``[n] https://...`` lines are references (same
rule). A leading ``# H1`` is the title; a wholly emphasised line right after it
the standfirst.
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..model import Reference
from ..urls import safe_url
from .clean import split_references, strip_boilerplate
from .structure import RawBlock, RawDoc

_ATX = lazy(r" {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*")
_ATX_EMPTY = lazy(r" {0,3}#{1,6}[ \t]*")
_SETEXT = lazy(r" {0,3}(=+|-+)[ \t]*")
_RULE = lazy(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")
_ITEM = lazy(r"(?P<indent>[ \t]*)(?:(?P<num>\d{1,3})[.)]|[-*+•])[ \t]+(?=\S)")
_QUOTE = lazy(r" {0,3}>[ \t]?")
_FENCE = lazy(r" {0,3}(```|~~~)")
_INDENTED = lazy(r"(?: {4}|[ ]{0,3}\t)")
_TABLE_SEP = lazy(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*")
_CELL_SPLIT = lazy(r"(?<!\\)\|")
_DEF = lazy(r" {0,3}\[([^\]\n]{1,200})\]:[ \t]*<?(\S+?)>?(?:[ \t]+[\"'(].*)?")

# A link destination: <anything> or a run without spaces in which parentheses may
# nest one level ("Pemex_(company)"). The two alternatives of the run start with
# different characters, so matching stays linear.
_DEST = r"(?:<([^<>\n]{1,2000})>|((?:[^()\s<>]|\([^()\s<>]{0,500}\)){1,2000}))"
_TITLE = r"""(?:[ \t]+(?:"[^"\n]{0,300}"|'[^'\n]{0,300}'|\([^()\n]{0,300}\)))?"""
_IMAGE = lazy(r"!\[([^\]\n]{0,500})\]\([ \t]*" + _DEST + _TITLE + r"[ \t]*\)")
_LINK = lazy(r"\[([^\]\n]{1,500})\]\([ \t]*" + _DEST + _TITLE + r"[ \t]*\)")
_AUTOLINK = lazy(r"<(https?://[^>\s]{1,2000})>")
_TAG = lazy(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>\n]{0,500})?/?>", re.S)
_STRONG = lazy(r"(\*\*|__)(?=\S)([^\n]{0,2000}?\S)\1")
_EM = lazy(r"(?<![\w*])([*_])(?=\S)([^\n*_]{0,2000}?\S)\1(?![\w*])")
_CODE = lazy(r"`([^`\n]{1,2000})`")
_ESCAPE = lazy(r"\\([\\`*_{}\[\]()#+\-.!>|])")
_WHOLE_EM = lazy(r"(\*{1,2}|_{1,2})(?=\S)([^\n]+?\S)\1")


def inline(text: str, refs: list[Reference]) -> str:
    """Strip inline Markdown, collecting link targets into ``refs``."""
    text = _TAG.sub("", text)
    text = _IMAGE.sub("", text)

    def link(m: re.Match[str]) -> str:
        url = safe_url(m.group(2) or m.group(3))
        if url is not None:  # other schemes keep their text but never become links
            refs.append(Reference(label=m.group(1).strip(), url=url))
        return m.group(1)

    text = _LINK.sub(link, text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EM.sub(r"\2", text)
    return _ESCAPE.sub(r"\1", text).strip()


def _front_matter(lines: list[str], warnings: list[str]) -> tuple[dict, list[str]]:
    if not lines or lines[0].strip() != "---":
        return {}, lines
    for i in range(1, min(len(lines), 200)):
        if lines[i].strip() in ("---", "..."):
            import yaml  # here, not at import: a warm build reads its documents from the cache

            try:
                meta = yaml.safe_load("\n".join(lines[1:i])) or {}
            except yaml.YAMLError as e:
                warnings.append(f"front matter ignored: {str(e).splitlines()[0]}")
                meta = {}
            return (meta if isinstance(meta, dict) else {}), lines[i + 1 :]
    return {}, lines


def _closing_fence(lines: list[str], start: int, fence: str) -> int | None:
    """Index of the line closing the fence opened at ``start``, or None."""
    for j in range(start + 1, len(lines)):
        if lines[j].strip().startswith(fence):
            return j
    return None


def _skip_indented(lines: list[str], i: int) -> int:
    """The index after an indented code block starting at ``i`` (blank lines inside
    it belong to it when more indented lines follow)."""
    n, end = len(lines), i
    while i < n and (_INDENTED.match(lines[i]) or not lines[i].strip()):
        if lines[i].strip():
            end = i + 1
        i += 1
    return end


def _cells(line: str) -> list[str]:
    """A table row's cells: split on unescaped pipes, outer pipes optional."""
    row = line.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [c.strip().replace("\\|", "|") for c in _CELL_SPLIT.split(row)]


def _table(lines: list[str], i: int) -> tuple[list[str], int]:
    """Read a pipe table at ``i``: one "Header: cell; Header: cell" item per body row."""
    header = _cells(lines[i])
    i += 2  # header and separator rows
    items: list[str] = []
    while i < len(lines) and lines[i].strip() and "|" in lines[i]:
        if not _TABLE_SEP.fullmatch(lines[i]):
            parts = []
            for k, cell in enumerate(_cells(lines[i])):
                if not cell:
                    continue
                head = header[k] if k < len(header) else ""
                parts.append(f"{head}: {cell}" if head else cell)
            if parts:
                items.append("; ".join(parts))
        i += 1
    return items, i


#: a caption is a title, not a sentence: a few words without a sentence's closing mark
_CAPTION_WORDS = 16
_CAPTION_END = (".", "!", "?", ";", ":", ",", '"', "”", "’", "…")
# "Table 2: …", "Table 2. …": a caption's label, whatever its end
_TABLE_LABEL = lazy(r"(?:Table|Tab\.)\s*\d+[A-Za-z]?\s*[:.–—-]\s+\S.*", re.I)


def _is_caption(text: str) -> bool:
    """Whether the paragraph just above a table is its caption ("Wine exports by market, 2026"):
    short, starting with a letter and ending without a sentence's mark, or labelled "Table 2:". A caption
    set in bold or italics ("**Wine exports by market, 2026**") is one too: the marks are not its words."""
    text = text.strip().strip("*_").strip()
    if _TABLE_LABEL.fullmatch(text):
        return True
    return (text[:1].isalpha() and len(text.split()) <= _CAPTION_WORDS and not text.endswith(_CAPTION_END))


def _blocks(lines: list[str], refs: list[Reference]) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    para: list[str] = []
    i, n = 0, len(lines)

    def flush() -> None:
        if para:
            text = " ".join(s.strip() for s in para)
            table = blocks[-1] if blocks and blocks[-1].kind == "list" and blocks[-1].table else None
            if table is not None and table.caption is None and _TABLE_LABEL.fullmatch(text.strip().strip("*_").strip()):
                table.caption = text  # "*Table 1. Exports by market, 2026.*" under its table: no sentence of the note
            else:
                blocks.append(RawBlock(kind="paragraph", text=text))
            para.clear()

    while i < n:
        line = lines[i]
        if not line.strip():
            flush()
            i += 1
            continue
        fence = _FENCE.match(line)
        if fence:
            flush()
            end = _closing_fence(lines, i, fence.group(1))
            i = (end + 1) if end is not None else (i + 1)  # unclosed: drop the fence line only
            continue
        if not para and _INDENTED.match(line) and not _ITEM.match(line):
            if blocks and blocks[-1].kind == "list" and blocks[-1].items:
                # an indented paragraph after a list item (and a blank line) continues the item
                blocks[-1].items[-1] += " " + line.strip()
                i += 1
                continue
            i = _skip_indented(lines, i)  # an indented code block
            continue
        if "|" in line and i + 1 < n and _TABLE_SEP.fullmatch(lines[i + 1]) and "|" in lines[i + 1]:
            flush()
            items, i = _table(lines, i)
            if items:
                caption = None
                if blocks and blocks[-1].kind == "paragraph" and _is_caption(blocks[-1].text):
                    caption = blocks.pop().text  # the caption line above the table is the table's
                blocks.append(RawBlock(kind="list", items=items, table=True, caption=caption))
            continue
        m = _ATX.fullmatch(line)
        if m or _ATX_EMPTY.fullmatch(line):
            flush()
            if m and m.group(2).strip():
                blocks.append(RawBlock(kind="heading", text=m.group(2), numbered=len(m.group(1)) == 1))
            i += 1
            continue
        if para and len(para) == 1 and _SETEXT.fullmatch(line) and not _ITEM.match(para[0]):
            blocks.append(RawBlock(kind="heading", text=para[0].strip(), numbered=line.strip()[0] == "="))
            para.clear()
            i += 1
            continue
        if _RULE.fullmatch(line):
            flush()
            i += 1
            continue
        d = _DEF.fullmatch(line)
        if d and not para:
            if safe_url(d.group(2)) is not None:
                refs.append(Reference(label=d.group(1), url=d.group(2)))
            i += 1
            continue
        if _QUOTE.match(line):
            flush()
            quoted: list[str] = []
            while i < n and _QUOTE.match(lines[i]):
                quoted.append(lines[i][_QUOTE.match(lines[i]).end() :])
                i += 1
            text = " ".join(q.strip() for q in quoted if q.strip())
            if text:
                blocks.append(RawBlock(kind="quote", text=text))
            continue
        item = _ITEM.match(line)
        if item and not para:
            numbered = item.group("num") is not None
            items: list[str] = []
            while i < n:
                cur = lines[i]
                im = _ITEM.match(cur)
                if im:
                    items.append(cur[im.end() :].strip())
                elif cur.strip() and cur[:1].isspace() and items:
                    items[-1] += " " + cur.strip()
                else:
                    break
                i += 1
            blocks.append(RawBlock(kind="list", items=items, numbered=numbered))
            continue
        para.append(line)
        i += 1
    flush()
    return blocks


def _dedent(lines: list[str]) -> list[str]:
    """Remove the indent shared by every non-blank line (an export that indents all
    text is prose, not one big code block)."""
    indents = [len(ln) - len(ln.lstrip(" ")) for ln in lines if ln.strip()]
    cut = min(indents, default=0)
    return [ln[cut:] for ln in lines] if cut else lines


def parse_markdown(text: str, source: str) -> RawDoc:
    """Split a cleaned Markdown text into raw blocks (see the module docstring)."""
    warnings: list[str] = []
    meta, lines = _front_matter(text.split("\n"), warnings)
    lines, references = split_references(strip_boilerplate(_dedent(lines)))
    links: list[Reference] = []
    blocks = _blocks(lines, references)
    title = str(meta["title"]).strip() if meta.get("title") else None
    sub = meta.get("subtitle") or meta.get("description") or meta.get("summary")
    subtitle = str(sub).strip() if sub else None
    if title is None and blocks and blocks[0].kind == "heading" and blocks[0].numbered:
        title = blocks.pop(0).text
        if subtitle is None and blocks and blocks[0].kind == "paragraph" and _WHOLE_EM.fullmatch(blocks[0].text):
            subtitle = blocks.pop(0).text
    for b in blocks:
        b.text = inline(b.text, links) if b.kind != "heading" else inline(b.text, [])
        b.items = [inline(it, links) for it in b.items]
        if b.caption:
            b.caption = inline(b.caption, [])
    # the article's own address (front matter url/link/source) comes first, labelled "source":
    # it is what the brief's "Read more" links to
    own = next((safe_url(str(meta[k])) for k in ("url", "link", "source_url", "canonical") if meta.get(k)), None)
    if own is not None:
        references.insert(0, Reference(label="source", url=own))
    seen = {r.url for r in references}
    for r in links:
        if r.url not in seen:
            seen.add(r.url)
            references.append(r)
    return RawDoc(
        source=source,
        blocks=[b for b in blocks if b.text or b.items],
        references=references,
        title=inline(title, []) if title else None,
        subtitle=inline(subtitle, []) if subtitle else None,
        title_is_explicit=title is not None,
        detect_standfirst=False,
        warnings=warnings,
    )
