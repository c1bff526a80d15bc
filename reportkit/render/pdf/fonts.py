"""Fonts for the PDF: the brand TTFs, fallbacks for glyphs the brand lacks, and a
svglib font map so that text inside chart SVGs is drawn in the brand fonts too.

Only TrueType fonts are used, so every font in the PDF is embedded (subset): the
14 standard PDF fonts (Helvetica, ...) are never embedded and must never appear,
which is why :func:`base_font` also swaps reportlab's default canvas font.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ...errors import RenderError
from ...numbers import SIGN_CODES
from .glyphs import LOST_MARK, Undrawn, code_for, is_picture

#: System fonts tried, in order, for characters the brand font has no glyph for
#: (Cyrillic, Greek, Hebrew, Arabic, symbols and emoji in DejaVu; CJK in Droid; the currency
#: signs newer than DejaVu, the lari's ₾ and the manat's ₼, in Noto Sans Mono).
#: Absent files are skipped; what a character no font covers becomes is :mod:`.glyphs`' rule (a
#: currency sign its ISO code, a picture nothing, anything else its compatibility form or a mark).
FALLBACK_FONTS: tuple[tuple[str, str | None], ...] = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", None),
    ("/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf", "/usr/share/fonts/truetype/noto/NotoSansMono-Bold.ttf"),
)
LAST_RESORT = "[...]"  # glyphs.LOST_MARK in ASCII, for a brand font without "…"

STYLES = ("regular", "bold", "italic", "bold_italic")
_loaded: dict[tuple[str, int, int], str] = {}


def _register(path: Path, tag: str) -> str:
    """Register a TTF with reportlab (once per file version) and return its name.

    The name is derived from the file's content so that two layouts with different
    fonts never collide in reportlab's process-wide registry, and the same font
    gets the same name on every machine (the PDF bytes depend on it)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        st = path.stat()
    except OSError as e:
        raise RenderError(f"cannot read font: {e.strerror or e}", path) from None
    key = (str(path), st.st_size, st.st_mtime_ns)
    if key in _loaded:
        return _loaded[key]
    name = _name_of(path, tag, key)
    if name not in pdfmetrics.getRegisteredFontNames():
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except (TTFError, OSError, ValueError) as e:
            raise RenderError(f"cannot use font: {e}", path) from None
    _loaded[key] = name
    return name


_names: dict[tuple[str, int, int], str] = {}


def _name_of(path: Path, tag: str, key: tuple[str, int, int]) -> str:
    """The name :func:`_register` gives the font file at ``path`` (``key``: its path, size and
    modification time), without parsing it: a hash of its bytes."""
    if (key, tag) not in _names:
        _names[key, tag] = f"RK{tag}-{hashlib.sha1(path.read_bytes()).hexdigest()[:10]}"
    return _names[key, tag]


def _cmap(name: str) -> dict[int, int]:
    """The font's character map, without characters beyond the Basic Multilingual
    Plane: reportlab writes their ToUnicode entries as 5-digit hex (e.g. <1F600>),
    which is invalid and breaks text extraction, so emoji and other astral
    characters get the placeholder instead."""
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(name)
    bmp = getattr(font, "_rk_bmp", None)
    if bmp is None:
        bmp = font._rk_bmp = {c: g for c, g in font.face.charToGlyph.items() if c <= 0xFFFF}
    return bmp


class FontSet:
    """The brand's four registered faces plus lazily loaded fallbacks."""

    def __init__(self, font_paths: dict[str, Path]) -> None:
        from reportlab.pdfbase.pdfmetrics import registerFontFamily

        missing = [s for s in ("regular", "bold", "italic") if s not in font_paths]
        if missing:
            raise RenderError(f"layout names no {', '.join(missing)} font")
        paths = dict(font_paths)
        paths.setdefault("bold_italic", paths["bold"])
        names = {style: _register(Path(paths[style]), style[0].upper() + style[-1]) for style in STYLES}
        self.regular, self.bold = names["regular"], names["bold"]
        self.italic, self.bold_italic = names["italic"], names["bold_italic"]
        # <b>/<i> inside a paragraph resolve through this family mapping.
        registerFontFamily(self.regular, normal=self.regular, bold=self.bold, italic=self.italic,
                           boldItalic=self.bold_italic)
        self._fallbacks: list[tuple[str, str]] | None = None
        # the fallback faces _font_for registered, one at a time as a character needs them: the
        # CJK font alone is 4 MB (≈0.1 s to parse), and a rupee sign in bold needs DejaVu Bold only
        self._faces: dict[tuple[int, bool], str] = {}
        self._needed = False  # a character asked for a fallback (what once loaded them all)
        #: every character this brief could not draw, with what it printed instead (glyphs.py)
        self.undrawn = Undrawn()
        self._recording: list[dict[str, str]] = []  # drawings being converted: their own records

    @property
    def names(self) -> set[str]:
        return {self.regular, self.bold, self.italic, self.bold_italic}

    def pick(self, bold: bool = False, italic: bool = False) -> str:
        """The registered face for a weight and style."""
        if bold:
            return self.bold_italic if italic else self.bold
        return self.italic if italic else self.regular

    def fallbacks(self) -> list[tuple[str, str]]:
        """(regular, bold) names of the installed fallback fonts, loaded on first need."""
        if self._fallbacks is None:
            self._fallbacks = []
            for i, (regular, bold) in enumerate(FALLBACK_FONTS):
                if not Path(regular).is_file():
                    continue
                reg = _register(Path(regular), f"F{i}")
                bld = _register(Path(bold), f"F{i}B") if bold and Path(bold).is_file() else reg
                self._fallbacks.append((reg, bld))
        return self._fallbacks

    def knows(self, name: str) -> bool:
        """Whether ``name`` is a brand face or an installed fallback face, registering that one
        fallback only: a cached chart that names DejaVu for a rupee sign does not make the 4 MB
        CJK font be parsed (≈0.1-0.2 s), as :meth:`fallbacks` would."""
        if name in self.names:
            return True
        for i, (regular, bolder) in enumerate(FALLBACK_FONTS):
            for path, tag in ((regular, f"F{i}"), (bolder, f"F{i}B")):
                try:
                    st = os.stat(path) if path else None
                    mine = st is not None and _name_of(Path(path), tag, (path, st.st_size, st.st_mtime_ns)) == name
                except OSError:
                    continue
                if mine:
                    return _register(Path(path), tag) == name
        return False

    def _font_for(self, code: int, base: dict[int, int], bold: bool) -> str | None | bool:
        """None: the base font has it; a name: that fallback has it; False: nobody. The
        fallbacks are tried in order, each registered when first tried."""
        if code in base:
            return None
        self._needed = True
        for i, (regular, bolder) in enumerate(FALLBACK_FONTS):
            name = self._face(i, regular, bolder, bold)
            if name is not None and code in _cmap(name):
                return name
        return False

    def _face(self, i: int, regular: str, bolder: str | None, bold: bool) -> str | None:
        """The registered name of fallback ``i`` in the weight asked (its regular face when it
        has no bold), as :meth:`fallbacks` names it; None when the font is not installed."""
        if (i, bold) not in self._faces:
            if not Path(regular).is_file():
                return None
            if bold and bolder and Path(bolder).is_file():
                self._faces[i, bold] = _register(Path(bolder), f"F{i}B")
            else:
                self._faces[i, bold] = _register(Path(regular), f"F{i}")
        return self._faces[i, bold]

    def runs(self, text: str, bold: bool = False) -> list[tuple[str | None, str]]:
        """Split ``text`` into (font, run) pieces: font None means the paragraph's own
        (brand) font; a character nobody can draw is printed as :mod:`.glyphs` says (a
        currency sign's ISO code, a picture left out, else its compatibility form or the
        lost mark) and recorded in :attr:`undrawn`."""
        base = _cmap(self.bold if bold else self.regular)
        codes = set(map(ord, text))
        codes.discard(32)
        if codes <= base.keys():  # the common case, decided in C instead of a loop per character
            return [(None, text)] if text else []
        return self.runs_each(text, base, bold)

    def runs_each(self, text: str, base: dict[int, int], bold: bool) -> list[tuple[str | None, str]]:
        """:meth:`runs` one character at a time (what its whole-text shortcut must agree with)."""
        out: list[tuple[str | None, str]] = []

        def put(font: str | None, piece: str) -> None:
            if out and out[-1][0] == font:
                out[-1] = (font, out[-1][1] + piece)
            else:
                out.append((font, piece))

        dropped = lost = held = False  # a picture was left out / a lost mark was printed / a space after it waits
        for i, ch in enumerate(text):
            font = self._font_for(ord(ch), base, bold) if ch != " " else None
            if font is False:
                ch, font = self._instead(text, i, base, bold)
                if ch == "" or (ch == LOST_MARK and lost):
                    dropped = True
                    held = held and ch == ""  # lost words with spaces between are one mark: "[…]"
                    continue
                lost = ch == LOST_MARK
            elif ch == " ":
                # a picture left out between two spaces (or at the start) leaves one space, not two
                if lost or (dropped and (not out or out[-1][1].endswith(" "))):
                    held = held or lost
                    continue
            else:
                lost = False
            if held:
                put(None, " ")
            dropped = held = False
            put(font, ch)  # type: ignore[arg-type]
        if held:
            put(None, " ")
        return out

    def _instead(self, text: str, i: int, base: dict[int, int], bold: bool) -> tuple[str, str | None]:
        """What is printed for ``text[i]``, which no font draws, and in which font (None: the
        brand's); recorded in :attr:`undrawn` (and in any drawing being converted)."""
        ch = text[i]
        if ch in SIGN_CODES:
            shown, font = code_for(text, i), None  # "GEL 805": the sign's ISO code in the brand font
        elif is_picture(ch):
            shown, font = "", None
        else:
            alt = unicodedata.normalize("NFKC", ch)  # "𝐀" is "A", "ﬁ" is "fi"
            if alt != ch and all(ord(c) in base or c == " " for c in alt):
                shown, font = alt, None
            else:
                shown, font = LOST_MARK, None
                if not all(ord(c) in base for c in LOST_MARK):
                    shown = LAST_RESORT
        self._record(ch, shown if shown != LAST_RESORT else LOST_MARK)
        return shown, font

    def _record(self, ch: str, shown: str) -> None:
        self.undrawn.add(ch, shown)
        for own in self._recording:
            own.setdefault(ch, shown)

    @contextlib.contextmanager
    def recording(self) -> Iterator[dict[str, str]]:
        """The characters no font draws met while the block runs (a drawing's own record: a
        drawing kept for the next brief says them again there, :meth:`undrawn.update`)."""
        own: dict[str, str] = {}
        self._recording.append(own)
        try:
            yield own
        finally:
            self._recording.remove(own)

    def fix_drawing(self, drawing: Any) -> None:
        """Make every string in a reportlab Drawing use a registered TTF that has its
        glyphs: unknown fonts map to the brand face of the same weight; text the brand
        lacks moves to a fallback that has all of it, else loses its undrawn characters as
        :meth:`runs` does (recorded in :attr:`undrawn`)."""
        from reportlab.graphics.shapes import String

        stack = [drawing]
        while stack:
            node = stack.pop()
            if isinstance(node, String):
                self._fix_string(node)
            stack.extend(getattr(node, "contents", []) or [])

    def _fix_string(self, s: Any) -> None:
        if self._needed:  # as when a character loaded every fallback: they count as known names
            self.fallbacks()
        loaded = {n for pair in self._fallbacks or [] for n in pair}
        if s.fontName not in self.names | loaded:
            lower = str(s.fontName or "").lower()
            s.fontName = self.pick("bold" in lower, "italic" in lower or "oblique" in lower)
        text = s.text or ""
        if all(ord(c) in _cmap(s.fontName) or c == " " for c in text):
            return
        bold = s.fontName in (self.bold, self.bold_italic)
        for reg, bld in self.fallbacks():
            name = bld if bold else reg
            if all(ord(c) in _cmap(name) or c == " " for c in text):
                s.fontName = name
                return
        s.text = self._one_face(text, _cmap(s.fontName), bold)

    def plain(self, text: str, bold: bool = False) -> str:
        """``text`` for a string drawn in one brand face straight on the canvas (the running header
        and footer): what the face lacks becomes what :meth:`runs` prints for a character no
        font draws (recorded in :attr:`undrawn`), never the face's missing-glyph box."""
        base = _cmap(self.bold if bold else self.regular)
        if all(ord(c) in base or c == " " for c in text):
            return text
        return self._one_face(text, base, bold).strip()  # a picture left out at either end

    def _one_face(self, text: str, base: dict[int, int], bold: bool) -> str:
        shown = [c if ord(c) in base or c == " " else self._instead(text, i, base, bold)[0]
                 for i, c in enumerate(text)]
        # one mark for a run of lost characters, and no doubled space where a picture was, as in a paragraph
        fixed = "".join(c for k, c in enumerate(shown) if not (k and c in (LOST_MARK, LAST_RESORT) and shown[k - 1] == c))
        while "  " in fixed:
            fixed = fixed.replace("  ", " ")
        return fixed

    def svg_font_map(self) -> Any:
        """A svglib font map that resolves every SVG font-family (plotly writes
        ``"Open Sans", verdana, arial, sans-serif`` or the brand family) to the brand
        faces, so svglib never falls back to an unembedded Helvetica."""
        from svglib.fonts import FontMap

        fonts = self

        class BrandFontMap(FontMap):
            def find_font(self, font_name: str, weight: str = "normal", style: str = "normal") -> tuple[str, bool]:
                w = str(weight).strip().lower()
                bold = w in ("bold", "bolder") or (w.isdigit() and int(w) >= 600)
                italic = str(style).strip().lower() in ("italic", "oblique")
                return fonts.pick(bold, italic), True

        return BrandFontMap()


_DEFAULT_FONT_SETTINGS = ("canvas_basefontname", "defaultGraphicsFontName")


@contextlib.contextmanager
def base_font(name: str) -> Iterator[None]:
    """Temporarily make ``name`` reportlab's default canvas and graphics font, so
    that nothing (an empty canvas, the initial state of a Drawing) falls back to
    Helvetica, and write pictures as binary streams: reportlab's ASCII85 text
    encoding is pure Python here (a third of a warm brief's time, for the logo
    alone) and makes the file a quarter larger. Restored afterwards: the settings
    are process-wide."""
    from reportlab import rl_config

    wanted = {key: name for key in _DEFAULT_FONT_SETTINGS} | {"useA85": 0}
    old = {key: getattr(rl_config, key) for key in wanted}
    for key, value in wanted.items():
        setattr(rl_config, key, value)
    try:
        yield
    finally:
        for key, value in old.items():
            setattr(rl_config, key, value)
