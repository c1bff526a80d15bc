"""Markdown articles (``.md``): headings, lists, block quotes, links.

Supported: optional YAML front matter (``title``, ``subtitle``/``description``),
ATX (``#``) and setext (``===``/``---``) headings, ``-``/``*``/``+``/``1.`` lists
with indented continuation lines, ``>`` block quotes (a final "— Name" line is the
speaker), fenced code (kept as a paragraph), tables (kept as text), horizontal
rules (dropped). Inline: emphasis and code marks are removed, images dropped,
``[text](url)`` becomes "text" and the URL a reference (label = link text);
``[label]: url`` definitions and ``[n] https://...`` lines are references.
A leading ``# H1`` is the title; a wholly emphasised line right after it the standfirst.
"""

from __future__ import annotations

import re

import yaml

from ..model import Reference
from .clean import split_references, strip_boilerplate
from .structure import RawBlock, RawDoc

_ATX = re.compile(r" {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*")
_ATX_EMPTY = re.compile(r" {0,3}#{1,6}[ \t]*")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*")
_RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")
_ITEM = re.compile(r"(?P<indent>[ \t]*)(?:(?P<num>\d{1,3})[.)]|[-*+•])[ \t]+(?=\S)")
_QUOTE = re.compile(r" {0,3}>[ \t]?")
_FENCE = re.compile(r" {0,3}(```|~~~)")
_DEF = re.compile(r" {0,3}\[([^\]\n]{1,200})\]:[ \t]*<?(\S+?)>?(?:[ \t]+[\"'(].*)?")

_IMAGE = re.compile(r"!\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
_LINK = re.compile(r"\[([^\]\n]{1,500})\]\(<?([^)\s>]{1,2000})>?(?:[ \t]+\"[^\"\n]{0,300}\")?\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]{1,2000})>")
_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>\n]{0,500})?/?>", re.S)
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]{0,2000}?\S)\1")
_EM = re.compile(r"(?<![\w*])([*_])(?=\S)([^\n*_]{0,2000}?\S)\1(?![\w*])")
_CODE = re.compile(r"`([^`\n]{1,2000})`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
_WHOLE_EM = re.compile(r"(\*{1,2}|_{1,2})(?=\S)([^\n]+?\S)\1")


def inline(text: str, refs: list[Reference]) -> str:
    """Strip inline Markdown, collecting link targets into ``refs``."""
    text = _TAG.sub("", text)
    text = _IMAGE.sub("", text)

    def link(m: re.Match[str]) -> str:
        refs.append(Reference(label=m.group(1).strip(), url=m.group(2)))
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
            try:
                meta = yaml.safe_load("\n".join(lines[1:i])) or {}
            except yaml.YAMLError as e:
                warnings.append(f"front matter ignored: {str(e).splitlines()[0]}")
                meta = {}
            return (meta if isinstance(meta, dict) else {}), lines[i + 1 :]
    return {}, lines


def _blocks(lines: list[str], refs: list[Reference]) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    para: list[str] = []
    i, n = 0, len(lines)

    def flush() -> None:
        if para:
            blocks.append(RawBlock(kind="paragraph", text=" ".join(s.strip() for s in para)))
            para.clear()

    while i < n:
        line = lines[i]
        if not line.strip():
            flush()
            i += 1
            continue
        if _FENCE.match(line):
            flush()
            fence = line.strip()[:3]
            j = i + 1
            while j < n and not lines[j].strip().startswith(fence):
                j += 1
            code = "\n".join(lines[i + 1 : j]).strip()
            if code:
                blocks.append(RawBlock(kind="paragraph", text=code))
            i = j + 1
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


def parse_markdown(text: str, source: str) -> RawDoc:
    """Split a cleaned Markdown text into raw blocks (see the module docstring)."""
    warnings: list[str] = []
    meta, lines = _front_matter(text.split("\n"), warnings)
    lines, references = split_references(strip_boilerplate(lines))
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
