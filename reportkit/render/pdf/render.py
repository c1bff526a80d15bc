"""The weekly PDF brief: a :class:`~reportkit.model.Report`, its layout and rendered
chart images in, a branded, bookmarked, fully font-embedded PDF out.

The document is laid out twice: a first pass counts the pages (for "Page X of Y")
unless the count of the last build is known (:mod:`.pagehint`), the second writes
the file through :func:`reportkit.atomic.atomic_path`, so a failed build leaves any
previous PDF untouched. Output is byte-identical for the same
inputs and ``SOURCE_DATE_EPOCH``: reportlab runs in invariant mode and the
creation date comes from :func:`reportkit.week.build_time`.

Parts of the module: ``text`` (escaping), ``fonts`` (TTFs, fallbacks,
svglib font map), ``styles``, ``flowables``, ``pages`` (page templates,
header/footer) and ``story`` (one builder per layout part).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ... import __version__
from ...atomic import atomic_path
from ...errors import RenderError
from ...layouts import model_defaults
from ...model import RenderedChart, Report
from ...week import build_time
from . import pagehint

if TYPE_CHECKING:
    from ...layouts import Layout, PdfSettings


_LAST_PAGES: dict[str, int] = {}
_DRAWINGS: dict[Any, Any] = {}
MAX_DRAWINGS = 256


def render_pdf(report: Report, layout: Layout, charts: dict[str, RenderedChart], out: Path,
               cache_dir: Path | None = None, use_cache: bool = True, pngs_pending: bool = False,
               warn: Callable[[str], None] | None = None) -> None:
    """Write the brief for ``report`` to ``out`` (atomically).

    ``charts`` maps chart ids to rendered images; a chart of ``report.charts`` that
    is missing from it (or whose files are unreadable) is left out. SVGs converted to
    drawings are kept in ``drawings/`` under ``cache_dir`` (the chart cache folder)
    unless ``use_cache`` is false. Raises :class:`~reportkit.errors.RenderError` when
    the file cannot be produced. ``pngs_pending``: the charts' PNGs are still being drawn, so a
    chart whose SVG cannot be read raises :class:`~reportkit.errors.ImageNotReady` (nothing written).
    ``warn`` hears one warning per character no installed font draws (:mod:`.glyphs`).
    """
    from .rlimport import import_paragraph

    import_paragraph()  # before anything imports reportlab.platypus: see rlimport
    from reportlab.platypus.doctemplate import LayoutError as RLLayoutError

    from .flowables import PNGS_PENDING, Logo, Outline
    from .lastpage import fewer_voices, fewest_pages
    from .fonts import FontSet, base_font
    from .pages import PAGE_SIZES, BriefDoc, Furniture, canvas_maker, pdf_date
    from .story import Ctx, build_story
    from .styles import Palette, Styles
    from .picturecache import folder as picture_folder
    from .svgcache import folder
    from .text import clean, week_line

    out = Path(out)
    settings = layout.pdf or model_defaults("PdfSettings")
    fonts = FontSet(layout.font_paths)
    palette = Palette.from_brand(layout.brand.colors)
    styles = Styles(fonts, palette, settings.body_font_size)
    svg_cache = folder(cache_dir) if use_cache else None
    pictures = picture_folder(cache_dir) if use_cache else None
    logo = Logo(layout.logo_path, fonts, svg_cache, pictures) if layout.logo_path else None
    brand, content = layout.brand, layout.content
    furniture = Furniture(
        fonts=fonts, palette=palette, logo=logo, header_logo=settings.header_logo,
        # drawn in one brand face on the canvas, not as paragraphs: plain() for what the face lacks
        short_title=fonts.plain(clean(report.short_title or report.title), bold=True), week_text=week_line(report.week),
        footer=fonts.plain(clean(brand.footer or brand.name)), classification=fonts.plain(clean(brand.classification), bold=True),
    )
    meta: dict[str, Any] = dict(
        title=clean(report.title), author=clean(brand.author or brand.name), subject=clean(report.about(content)[0]),
        keywords=[clean(k) for k in report.about(content)[1]], creator=f"reportkit {__version__}",
        lang=content.language,
    )
    page_size = PAGE_SIZES[settings.page_size]
    has_cover = "cover" in settings.parts
    maker = canvas_maker(pdf_date(build_time(report.week)), lost=fonts.undrawn.lost)
    counter = canvas_maker(pdf_date(build_time(report.week)), counting=True)
    if len(_DRAWINGS) > MAX_DRAWINGS:  # a long watch session or batch worker must not grow without bound
        _DRAWINGS.clear()
    drawings = _DRAWINGS  # converted SVG charts, reused across passes and across builds

    laid: list[Any] = []  # the last document laid out (what its page rules did, its last page)

    def build(target: Any, counting: bool = False, moves: int | None = None,
              no_second: frozenset[str] = frozenset()) -> int:
        doc = BriefDoc(target, page_size, settings.margins_mm, furniture, has_cover, **meta)
        doc.head_budget = moves  # how many stories may move to the next page (None: all; lastpage)
        laid[:] = [doc]
        if counting:
            # reportlab's own switch (its multiBuild passes use it): a pass that only counts
            # pages writes no file, so fonts are not subset nor streams compressed for nothing
            doc._doSave = 0
        ctx = Ctx(report=report, layout=layout, charts=charts, fonts=fonts, styles=styles, logo=logo,
                  width=doc.width, height=doc.height, left=doc.leftMargin, page_width=page_size[0],
                  outline=Outline(), drawings=drawings, svg_cache=svg_cache, no_second=no_second)
        doc.build(build_story(ctx, list(settings.parts)), canvasmaker=counter if counting else maker)
        return doc.page

    pending = PNGS_PENDING.set(pngs_pending)
    try:
        with base_font(fonts.regular):
            # "Page X of Y" needs Y before the pages are drawn. A warm process (watch)
            # guesses it from its last brief of this layout and output, else from the count
            # kept in the cache folder for this output (pagehint), else (a batch worker's next
            # report) from its last brief of this layout, and lays out again only when the
            # guess was wrong; with none of them, a first pass counts.
            guess_key, same_output = str(layout.path), f"{layout.path}\0{out}"
            hint_root = _cache_root(cache_dir) if use_cache else None
            hint_key = pagehint.key(layout.path, out) if hint_root else ""
            stored = pagehint.load(hint_root, hint_key) if hint_root else None
            guess = _LAST_PAGES.get(same_output) or stored or _LAST_PAGES.get(guess_key)
            if guess is None:
                guess = build(io.BytesIO(), counting=True)
            furniture.total_pages = guess
            with atomic_path(out) as tmp:
                pages = build(str(tmp))
                if pages != guess:
                    furniture.total_pages = pages
                    build(str(tmp))
                # a last page holding a few lines that moved stories pushed there (lastpage)
                fewer = fewest_pages(laid[0], lambda n: build(io.BytesIO(), counting=True, moves=n))
                moves = None
                if fewer is not None:
                    moves, furniture.total_pages = fewer
                    pages = furniture.total_pages
                    build(str(tmp), moves=moves)
                # a second quote that costs the brief a page is left out (lastpage); without it the
                # moved stories may leave a widow page that fewer moves save, as they did without any
                # (week 26: leaving out its new second voice alone came to a page less only so)
                seconds = [s.source for s in report.stories if s.second_quote is not None]
                fewer_moves: dict[frozenset[str], int] = {}

                def voices_count(left_out: frozenset[str]) -> int:
                    got = build(io.BytesIO(), counting=True, moves=moves, no_second=left_out)
                    if moves is None:
                        fewer = fewest_pages(laid[0], lambda n: build(io.BytesIO(), counting=True, moves=n,
                                                                      no_second=left_out))
                        if fewer is not None:
                            fewer_moves[left_out], got = fewer
                    return got

                shorter = fewer_voices(laid[0], seconds, voices_count)
                if shorter is not None:
                    no_second, furniture.total_pages = shorter
                    moves = fewer_moves.get(no_second, moves)
                    pages = furniture.total_pages
                    build(str(tmp), moves=moves, no_second=no_second)
            _LAST_PAGES[guess_key] = _LAST_PAGES[same_output] = pages
            if len(_LAST_PAGES) > MAX_DRAWINGS:  # a batch worker's outputs: bounded like the drawings
                _LAST_PAGES.clear()
            if hint_root and stored != pages:
                pagehint.save(hint_root, hint_key, pages)
    except RLLayoutError as e:
        raise RenderError(f"cannot lay out the brief: {e}", out) from None
    finally:
        PNGS_PENDING.reset(pending)
    if warn is not None:
        from .glyphs import warnings

        for message in warnings(fonts.undrawn, out.name):
            warn(message)


def _cache_root(cache_dir: Path | None) -> Path:
    """The cache folder (``--cache-dir``, else the default one)."""
    if cache_dir is not None:
        return Path(cache_dir)
    from ...charts import default_cache_dir

    return default_cache_dir()
