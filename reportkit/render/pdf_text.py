"""Source text to safe reportlab paragraph markup, and small text formatters.

Everything that comes from a source document goes through :func:`markup` before
it reaches a ``Paragraph``: reportlab parses its input as XML-ish markup, so a
stray ``<``, ``&``, ``<a href=javascript:...>`` or ``]]>`` would either raise or be
interpreted. Control bytes are dropped, very long "words" (minified data, base64,
runaway URLs) are shortened with a visible marker because reportlab's long-word
splitter is quadratic (100,000 characters take ~20 s and 130 MB), and characters
the brand font lacks are drawn in a fallback font or as a visible placeholder.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import TYPE_CHECKING

from ..urls import safe_url

if TYPE_CHECKING:
    from ..model import Week
    from .pdf_fonts import FontSet

#: Longest run of non-space characters kept as is; longer runs are cut with a marker.
MAX_TOKEN = 400

# Whitespace-like controls become a space; invisible format characters (bidi
# overrides, zero-width joiners, variation selectors, BOM, tag characters) go.
_SPACE_LIKE = re.compile("[\t\n\r\x0b\x0c\x85\u2028\u2029\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff\U000e0000-\U000e007f]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_LONG = re.compile(r"\S{%d,}" % (MAX_TOKEN + 1))


def clean(text: str) -> str:
    """Normalise to NFC, map odd whitespace to spaces, drop controls and invisibles."""
    text = unicodedata.normalize("NFC", text)
    text = _SPACE_LIKE.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    return _CONTROL.sub("", text)


def _shorten(match: re.Match[str]) -> str:
    word = match.group(0)
    return f"{word[:MAX_TOKEN]}… [{len(word) - MAX_TOKEN:,} more characters]"


# Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo and their presentation
# forms). A run of them, with the spaces, digits and simple punctuation between
# them, is stored in visual order because reportlab lays out text left to right
# only. Digits inside a run keep their left-to-right order. This is enough for
# names and short phrases in an otherwise left-to-right brief; Arabic letters are
# not shaped (they show in their isolated forms).
_R = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_RTL_RUN = re.compile(f"[{_R}](?:[{_R} 0-9.,:;'\"\\-]*[{_R}])?")
_UNIT = re.compile(r"[0-9]+(?:[.,:][0-9]+)*|.", re.DOTALL)


def visual_order(text: str) -> str:
    """``text`` with each right-to-left run reversed into visual (display) order."""
    return _RTL_RUN.sub(lambda m: "".join(reversed(_UNIT.findall(m.group(0)))), text)


def escape(text: str) -> str:
    """Escape the characters reportlab's markup parser gives meaning to."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def markup(text: str | None, fonts: FontSet, bold: bool = False) -> str:
    """Plain source text as reportlab paragraph markup: escaped, cleaned, long words
    shortened, and characters missing from the brand font wrapped in a fallback
    ``<font>`` (or replaced by the placeholder when no installed font has them)."""
    if not text:
        return ""
    text = visual_order(_LONG.sub(_shorten, clean(text)))
    out: list[str] = []
    for font, run in fonts.runs(text, bold=bold):
        if font is None:
            out.append(escape(run))
        else:
            out.append(f'<font name="{font}">{escape(run)}</font>')
    return "".join(out)


def safe_href(url: str | None) -> str | None:
    """The URL escaped for an ``href`` attribute if it is a plain http(s) URL, else None.

    Anything else (``javascript:``, ``file:``, ``data:``, relative paths, URLs with
    spaces or controls) is shown as text only, never made clickable; the rule is
    :func:`reportkit.urls.safe_url`, shared with the reader and the deck."""
    url = safe_url(url)
    return escape(url) if url is not None else None


# Month names spelled out here, not via strftime, so the locale cannot change the output.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def _day_month(d: date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]}"


def week_range(week: Week) -> str:
    """``16–22 November 2026``; months or years that differ are spelled out."""
    start, end = date.fromisoformat(week.start), date.fromisoformat(week.end)
    if start.year != end.year:
        return f"{_day_month(start)} {start.year} – {_day_month(end)} {end.year}"
    if start.month != end.month:
        return f"{_day_month(start)} – {_day_month(end)} {end.year}"
    return f"{start.day}–{_day_month(end)} {end.year}"


def week_line(week: Week) -> str:
    """``Week 47 · 16–22 November 2026`` (the cover's date line)."""
    return f"Week {week.number} · {week_range(week)}"
