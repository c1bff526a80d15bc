"""Source text to safe reportlab paragraph markup, and small text formatters.

Everything that comes from a source document goes through :func:`markup` before
it reaches a ``Paragraph``: reportlab parses its input as XML-ish markup, so a
stray ``<``, ``&``, ``<a href=javascript:...>`` or ``]]>`` would either raise or be
interpreted. Control bytes are dropped and characters the brand font lacks are drawn
in a fallback font or as a visible placeholder.

Long "words" (URLs, identifiers, base64) wrap: reportlab's ``splitLongWords``
breaks them at the column edge, with nothing inserted into the text. Its cost is
not linear, though: a paragraph re-wraps its remaining text on every page it
spans and each long word is measured character by character again, so one
100,000-character word takes ~18 s. Measured here: a 5,000-character word
≈0.01 s, 20 words of 5,000 in one paragraph ≈3.6 s. Joining chunks with U+200B
would be linear, but reportlab then draws a word space at every join (a URL or
number would visibly gain spaces), so it is not used. Hence two limits: a word up
to :data:`MAX_TOKEN` characters wraps whole, and one text may hold up to
:data:`LONG_BUDGET` characters of long words; beyond either, the rest of a word is
replaced by a visible "… [N more characters]" marker. Link targets (``href``) are
never shortened.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ...urls import safe_url, url_segments

if TYPE_CHECKING:
    from ...model import Week
    from .fonts import FontSet

#: Longest run of non-space characters kept whole (it wraps); longer runs are cut with a marker.
MAX_TOKEN = 5000
#: Characters of long words (over :data:`LONG_WORD`) one text may hold before the rest are cut.
LONG_BUDGET = 20_000
#: A word this long may be wider than a column: it counts against :data:`LONG_BUDGET`.
LONG_WORD = 100

# Whitespace-like controls become a space; invisible format characters (bidi
# overrides, zero-width joiners, variation selectors, BOM, tag characters) go.
_SPACE_LIKE = re.compile("[\t\n\r\x0b\x0c\x85\u2028\u2029\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff\U000e0000-\U000e007f]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_LONG = re.compile(r"\S{%d,}" % (LONG_WORD + 1))


def clean(text: str) -> str:
    """Normalise to NFC, map odd whitespace to spaces, drop controls and invisibles."""
    text = unicodedata.normalize("NFC", text)
    text = _SPACE_LIKE.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    return _CONTROL.sub("", text)


def shorten_long_words(text: str) -> str:
    """``text`` with long words kept whole (they wrap) up to :data:`MAX_TOKEN` each
    and :data:`LONG_BUDGET` in all; the rest of a word over a limit becomes a
    visible "… [N more characters]" marker. Linear in ``len(text)``."""
    budget = LONG_BUDGET

    def keep(match: re.Match[str]) -> str:
        nonlocal budget
        word = match.group(0)
        n = min(len(word), MAX_TOKEN, max(budget, LONG_WORD))
        budget -= n
        return word if n == len(word) else f"{word[:n]}… [{len(word) - n:,} more characters]"

    return _LONG.sub(keep, text)


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
    """Plain source text as reportlab paragraph markup: escaped, cleaned, huge words
    shortened (:func:`shorten_long_words`), and characters missing from the brand font wrapped in a fallback
    ``<font>`` (or replaced by the placeholder when no installed font has them)."""
    if not text:
        return ""
    text = visual_order(shorten_long_words(clean(text)))
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


def url_lines(url: str, width: float, font: str, size: float, first: float | None = None) -> list[str]:
    """``url`` in lines that each fit ``width`` points at ``size`` in ``font`` (the first
    line ``first``, the room after the text before it, when its first part fits there),
    broken only where :func:`reportkit.urls.url_segments` allows: reportlab's own
    ``splitLongWords`` breaks at the column's edge, inside a word ("diversif" / "y-markets").
    A part wider than a whole line is left whole, for reportlab to split."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    limit = width - 1  # reportlab measures with the same widths: a point for rounding
    pieces = url_segments(url)
    room = limit if first is None or not pieces or stringWidth(pieces[0], font, size) > first - 1 else first - 1
    lines: list[str] = []
    cur = ""
    for piece in pieces:
        if cur and stringWidth(cur + piece, font, size) > room:
            lines.append(cur)
            cur, room = "", limit
        cur += piece
    if cur:
        lines.append(cur)
    return lines


def url_markup(m: Callable[[str], str], url: str, width: float, style: Any, before: str = "") -> str:
    """``url`` as paragraph markup (each line made by ``m``) broken with ``<br/>`` by
    :func:`url_lines` for a paragraph ``width`` points wide in ``style``, after the
    text ``before`` it on its first line."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    first = width - stringWidth(before, style.fontName, style.fontSize) if before else None
    return "<br/>".join(m(x) for x in url_lines(url, width, style.fontName, style.fontSize, first))


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
