"""Removal of web-scrape residue: navigation lines, repeated teasers, reference lists.

Everything here works line by line or paragraph by paragraph with anchored,
linear-time regexes, so a 20 MB file or a 100,000-character line stays fast.
"""

from __future__ import annotations

import dataclasses
import re

from ..lazyre import lazy
from ..model import Reference

# Whole lines that are navigation, sharing or subscription prompts. Matched against
# a stripped line of at most 80 characters, case-insensitively.
_BOILERPLATE = lazy(
    r"""(?:
        skip\ to\ (?:main\ )?(?:content|navigation|search)
      | (?:read|see)\ (?:also|more)(?:\ on\ \S.*)?:?
      | (?:latest|popular|trending|top\ stories|most\ read|related)(?:\ (?:news|stories|articles|posts|reading))?:?
      | more\ (?:from|on)\ \S.*
      | (?:share|tweet|email|print|save)(?:\ (?:this|the)(?:\ (?:article|story|post|page))?)?(?:\ (?:on|via)\ \S.*)?:?
      | share\ on\ \S.*
      | (?:subscribe|sign\ up|register|log\ ?in)\b.*
      | follow\ us\b.*
      | advertisement|sponsored(?:\ content)?|ad
      | click\ here\b.*
      | (?:continue|keep)\ reading.*
      | back\ to\ top
      | (?:main\ )?menu|search|home|close|loading\.{0,3}
      | (?:all\ rights\ reserved|copyright\ ©|©)\b.*
      | we\ use\ cookies\b.*|accept(?:\ all)?\ cookies.*
      | (?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email)(?:\s*[|·•]\s*(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email))*
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# A release's contact line: who to ask, a phone number or an address ("Enquiries: statistics
# office, ...", "Media contact: ...", "Tel: +44 ...", "For more information, contact ..."). It is
# the page's furniture, never a summary sentence or a bullet, and its numbers are not figures.
_CONTACT = lazy(
    r"""(?:(?:media|press|general|public|customer|investor)\s+)?
        (?:enquiries|inquiries|contacts?|press\ office|tel(?:ephone)?\.?|phone|e-?mail|fax)\s*:\s*\S.*
      | for\ (?:more|further)\ (?:information|details),?\ (?:please\ )?(?:contact|call|email|e-mail|write\ to)\b.*""",
    re.IGNORECASE | re.VERBOSE,
)

_SENTENCE_GAP = lazy(r"(?<=[.!?])\s+(?=[A-Z])")


def without_contact_tail(text: str) -> str:
    """``text`` without the contact line its paragraph ends on ("Table 1. Source: Botswana Revenue
    Office. Enquiries: +267 360 0000." keeps its first two sentences): a release's table note or
    last paragraph often carries it, and as the last sentence it was printed as a summary's."""
    # only the last 160 characters can hold it: a 100,000-character line is looked at once
    for m in _SENTENCE_GAP.finditer(text, max(0, len(text) - 170)):
        tail = text[m.end():].strip()
        if len(tail) <= 160 and _CONTACT.fullmatch(tail):
            return text[:m.start()].rstrip()
    return text


# Lines after which a list of related headlines typically follows.
_RELATED_MARKER = lazy(
    r"""(?:read\ (?:also|more)|see\ also|more\ (?:from|on)\ \S.*|you\ may\ also\ like|recommended(?:\ for\ you)?
      | (?:related|latest|popular|trending|top|most\ read)(?:\ (?:news|stories|articles|posts|content|reading|coverage))?
    )\s*:?""",
    re.I | re.X,
)

# Promotion lines: newsletter and app prompts that sites repeat through an article. Searched
# (not anchored) in short lines: such a line is dropped wherever it appears when it opens like
# a prompt ("Get the …", "Join …") or occurs more than once; a sentence of the story that merely
# uses one of the words ("… would subscribe to new shares") is kept.
_PROMO_START = lazy(r"(?:get|join|sign\ up|subscribe|follow|download|register|don'?t\ miss|never\ miss)\b", re.I | re.X)
_PROMO = lazy(
    r"\b(?:newsletters?|sign\ up|subscribe|never\ miss|follow\ us|download\ (?:our|the)\ app"
    r"|get\ (?:our|the)\ (?:app|alerts?)|don'?t\ miss|register\ for\ free|advertisement)\b",
    re.I | re.X,
)
# A navigation bar copied as text: "HOME | NEWS | ENERGY", "Markets · Commodities · Energy";
# or a byline strip "By Kenji Sato | Metals Desk | 25 November 2026 | 5 min read".
_NAV_SEP = lazy(r"\s+[|·•›»/]\s+")
_BYLINE = lazy(r"(?:by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|\d{1,2}\s+min(?:ute)?s?\s+read)\b.{0,120}", re.I)

# A references block: a heading, then numbered (or bulleted) lines that are a URL, maybe
# after a title ("1. Cost curve 2026 - https://..."); at any position in the text.
_REF_HEADING = lazy(r"(?:references|sources|notes|links|footnotes|further\ reading|endnotes)\s*:?", re.I | re.X)
_REF_ITEM = lazy(
    r"\s*(?:\[(?P<n1>\d{1,4})\]|(?P<n2>\d{1,4})[.)]|[-*•])?\s*(?:(?P<title>[^\n]{1,200}?)\s*[-–—:]\s+)?<?(?P<url>https?://[^\s<>\"]+?)>?\s*"
)

# a wire's credit line: "(Reporting by A; editing by B)", "Additional reporting by C"
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_CREDIT_BY = r"(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|research)\s+by)\s+"
_CREDIT = lazy(rf"\(?\s*{_CREDIT_BY}{_NAME}(?:\s*(?:[;,]|\band\b)\s*(?:{_CREDIT_BY})?{_NAME})*\s*\)?\.?")
_REF = lazy(r"\[(\d{1,4})\]\s*(https?://[^\s\[\]<>\"]+)")
_REF_LINE = lazy(r"(?:\s*\[\d{1,4}\]\s*https?://[^\s\[\]<>\"]+)+\s*")
_WORD = lazy(r"[^\W_]+")

_STOP = frozenset(
    "a an the and or of to in on for with by at from as is are was were be been its it this that "
    "s his her their our has have had will would can could".split()
)


def is_boilerplate(line: str, repeated: bool = False) -> bool:
    """Whether a stripped line is site navigation, a byline strip or a share/subscribe prompt
    (``repeated``: the line occurs more than once in its document)."""
    s = line.strip()
    if not s or len(s) > 160:
        return False
    if len(s) <= 80 and _BOILERPLATE.fullmatch(s) is not None:
        return True
    if _CREDIT.fullmatch(s):
        return True  # who reported and edited it: the byline's business, never a summary sentence
    if _CONTACT.fullmatch(s):
        return True
    if len(s) <= 120 and (repeated or _PROMO_START.match(s)) and _PROMO.search(s):
        return True
    parts = _NAV_SEP.split(s)
    # not a table row ("| 2022 | $2.8m |"): no outer pipes, no figures
    if (len(parts) >= 3 and all(0 < len(p.split()) <= 4 for p in parts) and not s.endswith((".", "!", "?", "|"))
            and not s.startswith("|") and not any(c.isdigit() for c in s)):
        return True
    return _BYLINE.fullmatch(s) is not None and ("|" in s or "·" in s or "read" in s.lower())


def repeated_furniture(lines: list[str]) -> set[str]:
    """Whitespace-normalised short lines to drop everywhere: those that occur three times or
    more and are not sentences (site furniture under a name the patterns do not know), and
    promotion prompts that occur more than once."""
    counts: dict[str, int] = {}
    for line in lines:
        s = normalise(line)
        if s and len(s) <= 120:
            counts[s] = counts.get(s, 0) + 1
    return {s for s, n in counts.items()
            if (n >= 3 and not s.endswith((".", "!", "?", '"', "”"))) or (n >= 2 and is_boilerplate(s, repeated=True))}


def strip_boilerplate(lines: list[str]) -> list[str]:
    """Drop navigation and promotion lines wherever they are (every copy of a repeated one),
    and the short headline lines of a "Read also:"/"Related"/"More from …" list."""
    out: list[str] = []
    furniture = repeated_furniture(lines)
    after_marker = False
    dropped_items = 0
    for line in lines:
        s = line.strip()
        if not s:
            # A blank line ends a link list once it had items ("Read also:" may stand apart).
            if dropped_items:
                after_marker, dropped_items = False, 0
            out.append("")
            continue
        marker = _RELATED_MARKER.fullmatch(s) is not None
        if marker or is_boilerplate(s) or normalise(s) in furniture:
            after_marker = after_marker or marker
            continue
        # Headlines listed after "Read also:" are short and carry no final stop.
        if after_marker and len(s) <= 120 and not s.endswith((".", "!", "?", '"', "”")):
            dropped_items += 1
            continue
        after_marker, dropped_items = False, 0
        out.append(without_contact_tail(line))
    return out


def _ref_item(line: str) -> tuple[str | None, str] | None:
    """``(number or None, url)`` if a line is one reference entry under a references heading."""
    if "http" not in line or len(line) > 2200:
        return None
    m = _REF_ITEM.fullmatch(line)
    if m is None:
        return None
    return m.group("n1") or m.group("n2"), m.group("url")


def split_references(lines: list[str]) -> tuple[list[str], list[Reference]]:
    """Take out references: lines made only of ``[n] https://...`` entries (one or many per
    line), anywhere; and blocks of a "References"/"Sources"/"Notes" heading followed by
    numbered or bulleted URL lines (``1. https://...``, ``[2] Title - https://...``), at any
    position in the text (the heading goes too)."""
    refs: list[Reference] = []
    seen: set[str] = set()
    kept: list[str] = []

    def add(label: str | None, url: str) -> None:
        url = url.rstrip(".,;)")
        if url not in seen:
            seen.add(url)
            refs.append(Reference(label=label or str(len(refs) + 1), url=url))

    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if _REF_HEADING.fullmatch(line.strip()):
            j, items = i + 1, []
            while j < n and (not lines[j].strip() and not items or (item := _ref_item(lines[j])) is not None):
                if lines[j].strip():
                    items.append(item)
                j += 1
            if items:
                for label, url in items:
                    add(label, url)
                i = j
                continue
        if "[" in line and "http" in line and _REF_LINE.fullmatch(line):
            for m in _REF.finditer(line):
                add(m.group(1), m.group(2))
            i += 1
            continue
        kept.append(line)
        i += 1
    return kept, refs


def normalise(text: str) -> str:
    """Whitespace-collapsed text for comparing paragraphs."""
    return " ".join(text.split())


def content_words(text: str) -> set[str]:
    """Lower-cased words without stop words (for near-duplicate tests)."""
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def similar(a: str, b: str, threshold: float = 0.6) -> bool:
    """Whether two short texts say nearly the same thing (overlap of content words)."""
    wa, wb = content_words(a), content_words(b)
    if min(len(wa), len(wb)) < 4:  # too short to call a rephrasing
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= threshold


def _truncated_prefix(text: str) -> str | None:
    """The part before a trailing ellipsis, if the text was cut short."""
    for tail in ("...", "…", ". . ."):
        if text.endswith(tail):
            return text[: -len(tail)].rstrip()
    return None


def dedupe_teasers(paragraphs: list[str]) -> tuple[list[str], set[str]]:
    """Keep one copy of a repeated teaser.

    A paragraph that repeats an earlier one exactly, or that is a truncated
    ("...") prefix of another paragraph, is dropped; the full version is kept
    where it first appeared. Returns the kept paragraphs and the normalised texts
    that had repeats (teasers), so the structure step can prefer them as titles.
    """
    norms = [normalise(p) for p in paragraphs]
    repeated: set[str] = set()
    drop: set[int] = set()
    # Truncated teasers: index the full texts by their first 20 chars for linear time.
    by_head: dict[str, list[int]] = {}
    for i, n in enumerate(norms):
        by_head.setdefault(n[:20], []).append(i)
    for i, n in enumerate(norms):
        pre = _truncated_prefix(n)
        if pre is None or len(pre) < 20:
            continue
        for j in by_head.get(pre[:20], []):
            if j != i and norms[j] != n and norms[j].startswith(pre):
                drop.add(i)
                repeated.add(norms[j])
                break
    seen: dict[str, int] = {}
    for i, n in enumerate(norms):
        if i in drop:
            continue
        if n in seen and len(n) >= 20:
            drop.add(i)
            repeated.add(n)
        else:
            seen.setdefault(n, i)
    # When a truncated copy came first, the full copy takes its place in the order.
    kept = [p for i, p in enumerate(paragraphs) if i not in drop]
    return kept, repeated


def _refs_in(text: str) -> list[tuple[str | None, str]] | None:
    """The references a block's text consists of (``[1] url [2] url`` or one ``1. url``), or None."""
    s = text.strip()
    if "http" not in s:
        return None
    if "[" in s and _REF_LINE.fullmatch(s):
        return [(m.group(1), m.group(2)) for m in _REF.finditer(s)]
    item = _ref_item(s)
    return [item] if item else None


def clean_blocks(blocks: list) -> tuple[list, list[Reference]]:
    """The same cleaning for readers of structured files (HTML, PDF, Word) as
    :func:`strip_boilerplate` and :func:`split_references` do for text lines: furniture
    paragraphs dropped (every copy of a repeated one), a "Related"/"Read also" marker and
    the list after it dropped, and reference blocks (a "References"/"Sources"/"Notes"
    heading with URL entries, or ``[n] url`` paragraphs) taken out as references.

    ``blocks`` are :class:`~reportkit.readers.structure.RawBlock` objects.
    """
    furniture = repeated_furniture([b.text for b in blocks if b.kind in ("paragraph", "heading")])
    refs: list[Reference] = []
    seen: set[str] = set()

    def add(pairs: list[tuple[str | None, str]]) -> None:
        for label, url in pairs:
            url = url.rstrip(".,;)")
            if url not in seen:
                seen.add(url)
                refs.append(Reference(label=label or str(len(refs) + 1), url=url))

    kept: list = []
    i, n = 0, len(blocks)
    while i < n:
        b = blocks[i]
        text = b.text.strip()
        if b.kind in ("paragraph", "heading"):
            if _REF_HEADING.fullmatch(text):
                j, found = i + 1, []
                while j < n:
                    nxt = blocks[j]
                    pairs = (_refs_in(nxt.text) if nxt.kind == "paragraph"
                             else [p for it in nxt.items for p in (_refs_in(it) or [None])] if nxt.kind == "list" else None)
                    if not pairs or None in pairs:
                        break
                    found += pairs
                    j += 1
                if found:
                    add(found)
                    i = j
                    continue
            if _RELATED_MARKER.fullmatch(text):
                i += 2 if i + 1 < n and blocks[i + 1].kind == "list" else 1
                continue
            if b.kind == "paragraph" and (is_boilerplate(text) or normalise(text) in furniture):
                i += 1
                continue
            if b.kind == "paragraph" and (shorter := without_contact_tail(b.text)) != b.text:
                b = dataclasses.replace(b, text=shorter)
            pairs = _refs_in(text) if b.kind == "paragraph" else None
            if pairs:
                add(pairs)
                i += 1
                continue
        kept.append(b)
        i += 1
    return kept, refs
