"""Text that fits: measure text with the brand font's metrics, wrapping like PowerPoint.

Slide viewers never tell a program where they broke a line, so the deck measures
for itself: every character's advance width comes from the TrueType font the deck
names (Bitstream Vera has DejaVu Sans' metrics for Latin text), lines break at
spaces and, for a word longer than the line (a URL), inside the word — what
PowerPoint and LibreOffice do. A paragraph's height is its line count times the
line pitch (1.2 x the font size, or the font's own ascent + descent if larger).

:func:`text_overflows` measures a python-pptx text frame as it was saved, so
``reportkit verify`` can check any deck; the renderer uses :func:`wrap` and
:func:`paragraph_height` while it lays out, before anything is written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import glyphs
from .linebreak import break_lines
from .mixedsize import MixedMetrics, char_runs, line_sizes

EMU_PER_PT = 12700
LINE_PITCH = 1.2  # PowerPoint's single spacing is about 1.2 x the font size
WIDTH_SLACK = 1.02  # renderers differ by a hair in advance rounding; measure a little wide
DEFAULT_SIZE_PT = 18.0  # what PowerPoint uses when nothing sets a size
DEFAULT_INSETS_EMU = (91440, 45720, 91440, 45720)  # left, top, right, bottom (0.1 in / 0.05 in)

# Characters XML 1.0 cannot carry (and C0/C1 controls a slide has no use for): they
# would make python-pptx raise, or a viewer refuse the file.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\u00a0]+")
BREAKS = " "  # where a line may break (viewers differ on zero-width spaces: we put none in)


def clean_text(text: str | None) -> str:
    """``text`` without XML-invalid and control characters; tabs become spaces,
    runs of spaces collapse, newlines are kept (callers decide what they mean). While a deck
    is built, a character no installed font draws is replaced (:mod:`.glyphs`)."""
    if not text:
        return ""
    text = glyphs.fix(_INVALID.sub("", str(text))).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n")).strip()


def clean_run(text: str | None) -> str:
    """Text for one run: XML-invalid characters removed, line breaks and tabs made
    spaces, but leading and trailing spaces kept (they separate runs); a character no installed
    font draws replaced while a deck is built (:mod:`.glyphs`)."""
    return glyphs.fix(_INVALID.sub("", str(text or ""))).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def display_url(url: str) -> str:
    """``url`` as a reader scans it: no scheme, no ``www.``, no trailing slash
    (the hyperlink keeps the full address). Viewers break it mid-word when it
    is wider than its box, and so does :func:`wrap`."""
    return re.sub(r"^[a-z][a-z0-9+.-]*://(www\.)?", "", url.strip(), flags=re.IGNORECASE).rstrip("/") or url


def one_line(text: str | None) -> str:
    """:func:`clean_text` with every line break turned into a space."""
    return _SPACES.sub(" ", clean_text(text).replace("\n", " ")).strip()


class Metrics:
    """Advance widths (in em) of one TrueType font, measured once per character.

    ``kept`` (from :mod:`.fontcache`) gives what an earlier process measured: the line
    ratio, the code points the font covers and the widths it knew; the font itself is
    then opened only for a character not among them."""

    UNITS = 1000  # the pixel size PIL renders at: large enough that hinting is negligible

    def __init__(self, path: str | Path, kept: Kept | None = None) -> None:
        self.path = str(path)
        self._loaded = None
        if kept is not None:
            self.line_ratio = kept.line_ratio
            self._widths: dict[str, float] = dict(kept.widths)
            self._cmap = kept.cmap
        else:
            ascent, descent = self._font.getmetrics()
            self.line_ratio = max(LINE_PITCH, (ascent + descent) / self.UNITS)
            self._widths = {}
            self._cmap = _covered(self.path)
        # how many widths the cache holds for this font (-1: no entry yet)
        self.kept_count = len(self._widths) if kept is not None else -1
        # whole texts' widths in em: fitting a box tries the same texts at size after size
        self._texts: dict[str, float] = {}

    @property
    def _font(self):
        if self._loaded is None:
            from PIL import ImageFont

            self._loaded = ImageFont.truetype(self.path, self.UNITS)
        return self._loaded

    def measured(self) -> Kept:
        """What this font has measured so far, for :mod:`.fontcache` to keep."""
        return Kept(self.line_ratio, self._cmap, dict(self._widths))

    def char_width(self, ch: str) -> float:
        """Advance of ``ch`` in em. A character the font lacks is drawn by the viewer
        from a fallback font (CJK, emoji: about 1 em wide), so it measures 1 em:
        over-measuring wraps early, under-measuring overflows the box."""
        w = self._widths.get(ch)
        if w is None:
            if ch in "\n\u200b":
                w = 0.0
            elif self._cmap is not None and ord(ch) not in self._cmap and ord(ch) > 0x7F:
                w = FALLBACK_EM
            else:
                w = self._font.getlength(ch) / self.UNITS
            self._widths[ch] = w
        return w

    def width(self, text: str, size_pt: float) -> float:
        """Width of ``text`` on one line, in points."""
        em = self._texts.get(text)
        if em is None:
            if len(self._texts) >= TEXTS_KEPT:  # a long watch session: start again, never grow without end
                self._texts.clear()
            em = self._texts[text] = sum(self.char_width(c) for c in text)
        return em * size_pt


@dataclass(frozen=True)
class Kept:
    """A font's measurements as an earlier process left them (see :class:`Metrics`)."""

    line_ratio: float
    cmap: frozenset[int] | None
    widths: dict[str, float]


FALLBACK_EM = 1.0
TEXTS_KEPT = 20_000  # whole texts whose widths a font remembers (a deck measures a few hundred)


def _covered(path: str) -> frozenset[int] | None:
    """Code points the font has glyphs for (None when its cmap cannot be read)."""
    try:
        from reportlab.pdfbase.ttfonts import TTFontFile

        return frozenset(TTFontFile(path).charToGlyph)
    except Exception:  # noqa: BLE001 - measuring still works, only less conservatively
        return None


def metrics(path: str | Path, cache: Path | None = None) -> Metrics:
    """A cached :class:`Metrics` for the font file at ``path`` (measured again when the
    file changes: a watch session may outlive a font edit), starting from what the
    deck cache folder ``cache`` keeps for it when given."""
    try:
        st = Path(path).stat()
        stamp = (st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = (0, 0)  # Metrics() reports the problem
    return _metrics(str(path), stamp, cache)


@lru_cache(maxsize=16)
def _metrics(path: str, _stamp: tuple[int, int], cache: Path | None) -> Metrics:
    if cache is not None:
        from .fontcache import load_kept

        kept = load_kept(path, cache)
        if kept is not None:
            return Metrics(path, kept)
    return Metrics(path)


@dataclass(frozen=True)
class Fonts:
    """The four styles of the deck's font family, as :class:`Metrics`."""

    regular: Metrics
    bold: Metrics
    italic: Metrics
    bold_italic: Metrics

    @classmethod
    def from_paths(cls, paths: Mapping[str, str | Path] | str | Path, cache: Path | None = None) -> Fonts:
        """From ``layout.font_paths`` (regular/bold/italic/bold_italic) or one TTF for all;
        ``cache`` as for :func:`metrics`."""
        if not isinstance(paths, Mapping):
            m = metrics(str(paths), cache)
            return cls(m, m, m, m)
        reg = metrics(str(paths["regular"]), cache)
        bold = metrics(str(paths.get("bold", paths["regular"])), cache)
        ital = metrics(str(paths.get("italic", paths["regular"])), cache)
        return cls(reg, bold, ital, metrics(str(paths.get("bold_italic", paths.get("bold", paths["regular"]))), cache))

    def all(self) -> list[Metrics]:
        """The distinct fonts of the family."""
        out: list[Metrics] = []
        for m in (self.regular, self.bold, self.italic, self.bold_italic):
            if all(m is not o for o in out):
                out.append(m)
        return out

    def style(self, bold: bool = False, italic: bool = False) -> Metrics:
        return (self.bold_italic if italic else self.bold) if bold else (self.italic if italic else self.regular)


def wrap(text: str, width_pt: float, size_pt: float, font: Metrics, first_width_pt: float | None = None) -> list[str]:
    """Break ``text`` into the lines a slide viewer shows in a box ``width_pt`` wide.

    Greedy, like PowerPoint: a line breaks at its last space that fits; a word
    wider than a whole line breaks inside, at the last character that fits.
    Spaces at a line's end may hang past the edge. ``\\n`` forces a break.
    """
    return list(_wrap(text, width_pt, size_pt, font, first_width_pt))


@lru_cache(maxsize=8192)  # pagination measures the same texts again in every build of a warm process
def _wrap(text: str, width_pt: float, size_pt: float, font: Metrics, first_width_pt: float | None) -> tuple[str, ...]:
    return break_lines(text, width_pt, size_pt, font, first_width_pt, WIDTH_SLACK, BREAKS)


def line_height(size_pt: float, font: Metrics, spacing: float = 1.0) -> float:
    """The pitch of one line of ``size_pt`` text, in points."""
    return size_pt * font.line_ratio * spacing


def paragraph_height(text: str, width_pt: float, size_pt: float, font: Metrics, spacing: float = 1.0,
                     space_before: float = 0.0, space_after: float = 0.0, indent_pt: float = 0.0) -> float:
    """Height of one paragraph (lines plus its spacing), in points."""
    n = len(wrap(text, width_pt - indent_pt, size_pt, font))
    return n * line_height(size_pt, font, spacing) + space_before + space_after


# -- measuring a saved text frame -------------------------------------------------


def _insets(body_pr) -> tuple[float, float, float, float]:
    vals = []
    for attr, default in zip(("lIns", "tIns", "rIns", "bIns"), DEFAULT_INSETS_EMU, strict=True):
        raw = body_pr.get(attr) if body_pr is not None else None
        vals.append((int(raw) if raw is not None else default) / EMU_PER_PT)
    return vals[0], vals[1], vals[2], vals[3]


def _run_style(run, para_font) -> tuple[float, bool, bool]:
    f = run.font
    size = f.size.pt if f.size is not None else (para_font.size.pt if para_font.size is not None else None)
    bold = f.bold if f.bold is not None else bool(para_font.bold)
    italic = f.italic if f.italic is not None else bool(para_font.italic)
    return (size or 0.0), bool(bold), bool(italic)


def _spacing_pt(value, size: float, pitch: float) -> float:
    if value is None:
        return 0.0
    if hasattr(value, "pt"):
        return float(value.pt)
    return float(value) * pitch  # a multiple of the line


def measure_frame(text_frame, fonts: Fonts, width_emu: int | None = None,
                  height_emu: int | None = None) -> tuple[float, float]:
    """``(needed, available)`` height in points for a python-pptx text frame.

    The box size is the frame's shape's (or ``width_emu``/``height_emu``), minus its
    insets. Sizes, bold/italic, line spacing, space before/after and left margins
    are read from each paragraph and run; a run without a size uses the
    paragraph's, else 18 pt, as PowerPoint does.
    """
    shape = text_frame._parent
    width = (width_emu if width_emu is not None else shape.width or 0) / EMU_PER_PT
    height = (height_emu if height_emu is not None else shape.height or 0) / EMU_PER_PT
    inherited = _inherited(shape)
    if inherited is not None:  # a placeholder: what the slide does not set comes from layout and master
        left, top, right, bottom = (v / EMU_PER_PT for v in inherited.insets)
    else:
        left, top, right, bottom = _insets(text_frame._txBody.find(
            "{http://schemas.openxmlformats.org/drawingml/2006/main}bodyPr"))
    avail_w, avail_h = width - left - right, height - top - bottom
    needed = 0.0
    for para in text_frame.paragraphs:
        runs = [r for r in para.runs if r.text]
        styles = [_run_style(r, para.font) for r in runs]
        base = inherited.size if inherited is not None and inherited.size else DEFAULT_SIZE_PT
        size = max((s[0] for s in styles if s[0]), default=0.0) or _field_size(para) or (
            para.font.size.pt if para.font.size is not None else base)
        bold_default = bool(inherited.bold) if inherited is not None else False
        font = fonts.style(*(_bold_of(runs[0], bold_default), styles[0][2]) if styles else (bold_default, False))
        spacing = para.line_spacing if isinstance(para.line_spacing, float) else (
            inherited.spacing if inherited is not None and para.line_spacing is None else 1.0)
        pitch = line_height(size, font, spacing)
        if isinstance(para.line_spacing, int) and para.line_spacing:  # exact spacing as a Length
            pitch = para.line_spacing / EMU_PER_PT
        elif para.line_spacing is None and inherited is not None and inherited.spacing_pts:
            pitch = inherited.spacing_pts
        ppr = para._p.pPr
        bullet_less = ppr is not None and ppr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}buNone") is not None
        mar_default = inherited.mar_l if inherited is not None and not bullet_less else 0
        ind_default = inherited.indent if inherited is not None and not bullet_less else 0
        mar_l = int(ppr.get("marL", mar_default) if ppr is not None else mar_default) / EMU_PER_PT
        indent = int(ppr.get("indent", ind_default) if ppr is not None else ind_default) / EMU_PER_PT
        # Width of mixed runs: measure each run's characters in its own style by
        # substituting a per-run metric (a run rarely spans styles mid-word).
        text = _laid_text(para) if runs else para.text
        mixed = MixedMetrics([(r.text, fonts.style(b, i)) for r, (_s, b, i) in zip(runs, styles, strict=True)],
                             font)
        n = len(wrap(text.replace("\v", "\n"), avail_w - mar_l, size, mixed,
                     first_width_pt=avail_w - mar_l - indent))
        lines = n * pitch
        if len({st[0] or size for st in styles}) > 1 and abs(pitch - line_height(size, font, spacing)) < 1e-6:
            # runs of different sizes: each line at its tallest run's size (mixedsize)
            own = {id(r._r): (st[0] or size, fonts.style(st[1], st[2])) for r, st in zip(runs, styles, strict=True)}
            tall = line_sizes(char_runs(para, lambda el: own.get(id(el), (size, font))),
                              (avail_w - mar_l) / WIDTH_SLACK, (avail_w - mar_l - indent) / WIDTH_SLACK)
            lines = sum(line_height(t, font, spacing) for t in tall)
        needed += lines + _spacing_pt(para.space_before, size, pitch) + _spacing_pt(para.space_after, size, pitch)
    return needed, avail_h


def _laid_text(para) -> str:
    """A paragraph's runs' text with its ``<a:br>`` line breaks as newlines (an address
    broken over lines: see :mod:`.urlwrap`)."""
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    return "".join("\n" if el.tag == f"{a}br" else (el.findtext(f"{a}t") or "")
                   for el in para._p if el.tag in (f"{a}r", f"{a}br"))


def _inherited(shape):
    """A placeholder's inherited text style (see :func:`.roles.ph_style`), else None."""
    if not getattr(shape, "is_placeholder", False):
        return None
    from .roles import ph_style

    try:
        return ph_style(shape)
    except (AttributeError, KeyError, ValueError):
        return None


def _bold_of(run, default: bool) -> bool:
    b = run.font.bold
    return default if b is None else bool(b)


def _field_size(para) -> float:
    """The size of a field (slide number, date) in ``para``; python-pptx lists fields as no run."""
    ns = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    fld = para._p.find(f"{ns}fld")
    rpr = fld.find(f"{ns}rPr") if fld is not None else None
    return int(rpr.get("sz")) / 100 if rpr is not None and rpr.get("sz") else 0.0


def text_overflows(text_frame, fonts: Fonts | Mapping[str, str | Path] | str | Path,
                   tolerance_pt: float = 0.5) -> bool:
    """True when the text of ``text_frame`` needs more height than its box offers.

    ``fonts`` is a :class:`Fonts`, ``layout.font_paths`` or one TTF path.
    Used by the renderer's tests and by ``reportkit verify``.
    """
    if not isinstance(fonts, Fonts):
        fonts = Fonts.from_paths(fonts)
    needed, avail = measure_frame(text_frame, fonts)
    return needed > avail + tolerance_pt
