"""Removal of web-scrape residue: navigation lines, repeated teasers, reference lists.

Everything here works line by line or paragraph by paragraph with anchored,
linear-time regexes, so a 20 MB file or a 100,000-character line stays fast.
"""

from __future__ import annotations

import re

from ..model import Reference

# Whole lines that are navigation, sharing or subscription prompts. Matched against
# a stripped line of at most 80 characters, case-insensitively.
_BOILERPLATE = re.compile(
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

# Lines after which a list of related headlines typically follows.
_RELATED_MARKER = re.compile(r"(?:read\ also|related|see\ also|more\ from\ \S.*|latest)\s*:?", re.I | re.X)

_REF = re.compile(r"\[(\d{1,4})\]\s*(https?://[^\s\[\]<>\"]+)")
_REF_LINE = re.compile(r"(?:\s*\[\d{1,4}\]\s*https?://[^\s\[\]<>\"]+)+\s*")
_WORD = re.compile(r"[^\W_]+")

_STOP = frozenset(
    "a an the and or of to in on for with by at from as is are was were be been its it this that "
    "s his her their our has have had will would can could".split()
)


def is_boilerplate(line: str) -> bool:
    """Whether a stripped line is site navigation or a share/subscribe prompt."""
    s = line.strip()
    return bool(s) and len(s) <= 80 and _BOILERPLATE.fullmatch(s) is not None


def strip_boilerplate(lines: list[str]) -> list[str]:
    """Drop navigation lines, and short headline lines that follow a "Read also:" marker."""
    out: list[str] = []
    after_marker = False
    for line in lines:
        s = line.strip()
        if not s:
            out.append("")
            continue
        if is_boilerplate(s):
            after_marker = after_marker or _RELATED_MARKER.fullmatch(s) is not None
            continue
        # Headlines listed after "Read also:" are short and carry no final stop.
        if after_marker and len(s) <= 120 and not s.endswith((".", "!", "?", '"', "”")):
            continue
        after_marker = False
        out.append(line)
    return out


def split_references(lines: list[str]) -> tuple[list[str], list[Reference]]:
    """Take out lines made only of ``[n] https://...`` entries (one or many per line)."""
    refs: list[Reference] = []
    seen: set[str] = set()
    kept: list[str] = []
    for line in lines:
        if "[" in line and "http" in line and _REF_LINE.fullmatch(line):
            for m in _REF.finditer(line):
                url = m.group(2).rstrip(".,;)")
                if url not in seen:
                    seen.add(url)
                    refs.append(Reference(label=m.group(1), url=url))
            continue
        kept.append(line)
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
