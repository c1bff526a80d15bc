"""Plain-text articles (``.txt``), as scraped from news sites.

Paragraphs are separated by blank lines. Inside a paragraph, a line that does not
end a sentence continues on the next line (hard-wrapped text is joined); a line
that ends a sentence and is followed by another is a separate paragraph (scraped
teasers often sit on consecutive lines). A paragraph made only of ``1.``/``-``/``•``
items is a list. A single short line without a final full stop, followed by body
text, is a heading.
"""

from __future__ import annotations

from ..lazyre import lazy
from .clean import dedupe_teasers, is_boilerplate, split_references, strip_boilerplate
from .structure import RawBlock, RawDoc

_ITEM = lazy(r"\s*(?:(?P<num>\d{1,3})[.)]|[-*•–·▪])\s+(?=\S)")
_TERMINAL = (".", "!", "?", ":", ";", '"', "”", "’", "…")


def _paragraph_groups(lines: list[str]) -> list[list[str]]:
    groups: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _list_block(lines: list[str]) -> RawBlock | None:
    """A list if the group starts with an item and every line is an item or an indented continuation."""
    first = _ITEM.match(lines[0])
    if not first:
        return None
    items: list[str] = []
    numbered = first.group("num") is not None
    for line in lines:
        m = _ITEM.match(line)
        if m:
            items.append(line[m.end() :].strip())
        elif line[:1].isspace() and items:
            items[-1] += " " + line.strip()
        else:
            return None
    return RawBlock(kind="list", items=items, numbered=numbered)


def _split_lines(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines; keep lines that end a sentence apart."""
    paras: list[str] = []
    current = ""
    for line in lines:
        s = line.strip()
        if current and not current.endswith(_TERMINAL):
            current += " " + s
        else:
            if current:
                paras.append(current)
            current = s
    if current:
        paras.append(current)
    return paras


def is_heading_line(text: str) -> bool:
    """Short, one line, no final punctuation, starts like a title."""
    s = text.strip()
    if not s or "\n" in s or len(s) > 100 or len(s.split()) > 14:
        return False
    if s.endswith((".", ",", ";", ":", "!", "…")) or s[0] in "\"“'‘([":
        return False
    if not (s[0].isupper() or s[0].isdigit()) or not any(c.isalpha() for c in s):
        return False
    return not _ITEM.match(s) and not is_boilerplate(s)


def parse_text(text: str, source: str) -> RawDoc:
    """Split a cleaned plain text into raw blocks (see the module docstring)."""
    lines = strip_boilerplate(text.split("\n"))
    lines, references = split_references(lines)
    blocks: list[RawBlock] = []
    for group in _paragraph_groups(lines):
        lst = _list_block(group)
        if lst is not None:
            blocks.append(lst)
        else:
            blocks.extend(RawBlock(kind="paragraph", text=p) for p in _split_lines(group))
    texts = [b.text for b in blocks if b.kind == "paragraph"]
    kept, teasers = dedupe_teasers(texts)
    if len(kept) != len(texts):
        # ``kept`` is an ordered subsequence of the paragraph texts: walk both.
        rebuilt: list[RawBlock] = []
        k = 0
        for b in blocks:
            if b.kind != "paragraph":
                rebuilt.append(b)
            elif k < len(kept) and b.text == kept[k]:
                rebuilt.append(b)
                k += 1
        blocks = rebuilt
    candidates = [b.kind == "paragraph" and is_heading_line(b.text) for b in blocks]
    for i, b in enumerate(blocks):
        follows_body = i + 1 < len(blocks) and not candidates[i + 1]
        if candidates[i] and follows_body:
            b.kind = "heading"
    return RawDoc(source=source, blocks=blocks, references=references, teasers=teasers)
