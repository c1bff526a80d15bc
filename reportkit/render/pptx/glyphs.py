"""What the deck writes for a character no installed font draws, and how it says so.

A slide viewer draws a deck's text with its own fonts, falling back to any installed font for a
character the theme font lacks; a character that no font has is drawn as a box (LibreOffice) or
not at all. The build cannot know the reader's fonts, only this machine's, and treats them as the
reader's (the brief does the same): a character is *drawn* when the font the deck measures with
(the brand's, or the template theme's) has it, else when fontconfig knows an installed font that
has it. A character no font draws gets :mod:`reportkit.undrawn`'s rule, the brief's: a currency
sign becomes its ISO code, a picture is left out (with the space it leaves, and the variation
selectors, joiners and modifiers that belong to it), anything else becomes its compatibility
form when that is drawn, else the lost mark.

The rule is applied where text enters the deck (:func:`.text.clean_text` and
:func:`.text.clean_run`, while a deck is being built: :func:`recording`), so a slide measures
what it prints. Each character is recorded once per deck, said as one build warning, and the
letters a reader lost are written into the deck's custom properties (:func:`write_record`) under
:data:`reportkit.undrawn.INFO_KEY`, where ``reportkit verify`` reads them (:func:`read_record`).
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from xml.sax.saxutils import escape

from ... import installed
from ...numbers import SIGN_CODES
from ...undrawn import INFO_KEY, LOST_MARK, Undrawn, code_for, is_picture, lost_text, warnings

CUSTOM_PART = "/docProps/custom.xml"
CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
# the format ID every custom property carries (ECMA-376 part 1, 22.3.2.2)
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
# characters that belong to the picture before them (a variation selector, a zero-width joiner,
# a skin tone, a keycap's enclosing mark, a tag): left out with it
_JOINED_CATEGORIES = frozenset({"Mn", "Me", "Sk", "Cf"})

# characters a viewer never draws as a glyph of their own: controls, format characters (a
# joiner, a direction mark) and spaces; and the variation selectors (which pick a glyph's style)
_NOTHING_TO_DRAW = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})
_SELECTORS = frozenset(range(0xFE00, 0xFE10)) | frozenset(range(0xE0100, 0xE01F0))

_ACTIVE: contextvars.ContextVar[DeckGlyphs | None] = contextvars.ContextVar("deck_glyphs", default=None)


@lru_cache(maxsize=4)
def _installed(_fonts: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The code points some installed font covers, as sorted disjoint ranges (starts, ends), from one
    fontconfig call (≈0.1 s wall, 15 ms CPU, once a process, and only for a character the deck's own
    fonts lack: a rare currency sign, a script, an emoji). Empty when
    fontconfig is missing: then nothing is known to be drawn but the deck's own font."""
    fc = shutil.which("fc-list")
    if not fc:
        return (), ()
    try:
        out = subprocess.run([fc, "--format", "%{charset}\n"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return (), ()
    pairs = []
    for token in set(out.split()):  # fonts of one family share most ranges: each parsed once
        lo, _, hi = token.partition("-")
        try:
            pairs.append((int(lo, 16), int(hi or lo, 16)))
        except ValueError:
            continue
    starts: list[int] = []
    ends: list[int] = []
    for lo, hi in sorted(pairs):
        if ends and lo <= ends[-1] + 1:
            ends[-1] = max(ends[-1], hi)
        else:
            starts.append(lo)
            ends.append(hi)
    return tuple(starts), tuple(ends)


def installed_covers(code: int) -> bool:
    """Whether fontconfig knows an installed font with a glyph for ``code``."""
    starts, ends = _installed(installed.fonts_stamp())
    i = bisect.bisect_right(starts, code) - 1
    return i >= 0 and code <= ends[i]


class DeckGlyphs:
    """One deck's characters: which are drawn (asked once each), what is written instead of the
    others, and the record of them (:attr:`undrawn`, one entry per character)."""

    def __init__(self, cmaps: Iterable[frozenset[int] | None] | None = None) -> None:
        # the deck's own fonts: a character one of them has needs no fontconfig call (None: not
        # known yet, while the deck opens its template; nothing is replaced before they are)
        self._own: list[frozenset[int]] | None = None
        self._drawn: dict[str, bool] = {}
        # the characters known drawn, for a whole text's check by set inclusion
        self._ok: set[str] = {chr(c) for c in range(0x80)}
        if cmaps is not None:
            self.measure_with(cmaps)
        self.undrawn = Undrawn()
        #: how many times a character was replaced: a slide that replaced one is not remembered by
        #: the slide memo, so a rebuilt deck records its characters again instead of replaying them
        self.replaced = 0

    def measure_with(self, cmaps: Iterable[frozenset[int] | None]) -> None:
        """The code points of the fonts the deck measures its text with (a font whose cmap could
        not be read counts for nothing: its characters are asked of fontconfig)."""
        self._own = [c for c in cmaps if c is not None]
        self._drawn.clear()
        self._ok = {chr(c) for c in range(0x80)}

    def drawn(self, ch: str) -> bool:
        """Whether a viewer here draws ``ch``: ASCII, a control or a default-ignorable character
        (nothing to draw), a character of the deck's font, or of any installed font."""
        known = self._drawn.get(ch)
        if known is None:
            code = ord(ch)
            known = (code < 0x80 or unicodedata.category(ch) in _NOTHING_TO_DRAW or code in _SELECTORS
                     or any(code in c for c in self._own or ()) or installed_covers(code))
            self._drawn[ch] = known
        return known

    def fix(self, text: str) -> str:
        """``text`` with every character no font draws replaced by the rule, and recorded."""
        if self._own is None or text.isascii():
            return text
        chars = set(text)
        if chars <= self._ok:  # the common case, decided in C: every character seen drawn before
            return text
        if all(self.drawn(c) for c in chars - self._ok):
            self._ok |= chars
            return text
        out: list[str] = []
        after = ""  # "picture": one was just left out; "lost": a lost mark was just written
        for i, ch in enumerate(text):
            cat = unicodedata.category(ch)
            # what belongs to the character before: a picture's selectors, joiners and modifiers
            # (and the next picture of a joined sequence), a lost letter's combining marks
            if (after == "picture" and (cat in _JOINED_CATEGORIES or (is_picture(ch) and not self.drawn(ch)))) \
                    or (after == "lost" and cat[0] == "M"):
                if not self.drawn(ch):
                    self._record(ch, "" if after == "picture" else LOST_MARK)
                continue
            if self.drawn(ch):
                if ch == " " and after == "picture" and (not out or out[-1].endswith(" ")):
                    after = ""
                    continue  # a picture left out between two spaces leaves one space
                if not (ch == " " and after == "lost"):
                    after = ""
                out.append(ch)
                continue
            if ch in SIGN_CODES:
                shown, after = code_for(text, i), ""
            elif is_picture(ch):
                shown, after = "", "picture"
            else:
                alt = unicodedata.normalize("NFKC", ch)  # "𝐀" is "A", "ﬁ" is "fi"
                shown = alt if alt != ch and all(self.drawn(c) for c in alt) else LOST_MARK
                if shown == LOST_MARK and after == "lost":
                    # lost words with spaces between them are one mark, not one a letter
                    while out and out[-1] == " ":
                        out.pop()
                    self._record(ch, shown)
                    continue
                after = "lost" if shown == LOST_MARK else ""
            self._record(ch, shown)
            if shown:
                out.append(shown)
        fixed = "".join(out)
        # a text that was nothing but pictures (a title "🚀") is not left empty: a slide without a
        # title, a bullet without words; the mark says something was there
        return fixed if fixed.strip() or not text.strip() else LOST_MARK

    def _record(self, ch: str, shown: str) -> None:
        self.undrawn.add(ch, shown)
        self.replaced += 1


def fix(text: str) -> str:
    """``text`` as the deck being built writes it (unchanged outside :func:`recording`)."""
    active = _ACTIVE.get()
    return text if active is None or text.isascii() else active.fix(text)


def measure_with(cmaps: Iterable[frozenset[int] | None]) -> None:
    """Tell the deck being built which fonts it measures with (:meth:`DeckGlyphs.measure_with`)."""
    active = _ACTIVE.get()
    if active is not None:
        active.measure_with(cmaps)


def finish(prs, glyphs: DeckGlyphs, output: str, warn) -> None:
    """Say each character ``glyphs`` replaced (one warning each, :func:`reportkit.undrawn.warnings`)
    and record the letters a reader lost in ``prs`` (:func:`write_record`)."""
    for message in warnings(glyphs.undrawn, output):
        warn(message)
    write_record(prs, glyphs.undrawn)


def replaced() -> int:
    """How many characters the deck being built has replaced so far (0 outside a build)."""
    active = _ACTIVE.get()
    return 0 if active is None else active.replaced


@contextlib.contextmanager
def recording(glyphs: DeckGlyphs) -> Iterator[DeckGlyphs]:
    """Apply ``glyphs``' rule to the text of the deck built while the block runs."""
    token = _ACTIVE.set(glyphs)
    try:
        yield glyphs
    finally:
        _ACTIVE.reset(token)


def write_record(prs, undrawn: Undrawn) -> None:
    """Write the letters ``undrawn`` says a reader lost into ``prs``'s custom properties
    (``docProps/custom.xml``, the template's own properties kept); nothing when none was, so a
    deck that lost nothing has the bytes it had before this record existed."""
    lost = undrawn.lost()
    if not lost:
        return
    from lxml import etree
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    package = prs.part.package
    part = _custom_part(package)
    props = []
    if part is not None:
        try:
            root = etree.fromstring(part.blob)
            props = [p for p in root if p.get("name") != INFO_KEY]
        except etree.XMLSyntaxError:
            props = []
    pid = max([int(p.get("pid", "1")) for p in props if p.get("pid", "").isdigit()] + [1]) + 1
    body = b"".join(etree.tostring(p) for p in props).decode("utf-8")
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT_NS}">{body}'
           f'<property fmtid="{_FMTID}" pid="{pid}" name="{INFO_KEY}">'
           f'<vt:lpwstr>{escape(lost_text(lost))}</vt:lpwstr></property></Properties>').encode("utf-8")
    if part is not None:
        part._blob = xml
        return
    package.relate_to(Part(PackURI(CUSTOM_PART), CUSTOM_TYPE, package, xml), CUSTOM_REL)


def _custom_part(package):
    """The package's custom-properties part, or None."""
    return next((rel.target_part for rel in package._rels.values()
                 if rel.reltype == CUSTOM_REL and not rel.is_external), None)


def read_record(prs) -> str:
    """The :data:`INFO_KEY` custom property of an opened deck ("U+D55C HANGUL SYLLABLE HAN; …":
    the letters its build printed as the lost mark), "" when it has none."""
    part = _custom_part(prs.part.package)
    if part is None:
        return ""
    from lxml import etree

    try:
        root = etree.fromstring(part.blob)
    except etree.XMLSyntaxError:
        return ""
    for prop in root:
        if prop.get("name") == INFO_KEY:
            return "".join(prop.itertext())
    return ""
