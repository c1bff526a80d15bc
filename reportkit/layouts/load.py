"""Load and validate layout files into typed objects.

A layout is a YAML file. Output layouts (``format: pdf`` or ``format: pptx``) name
a **brand** file (colours, fonts, logo, footer) and a **content** file (title
template, sources, key figures, chart definitions), so charts are defined once and
used by both the brief and the deck. Paths inside a layout are relative to the
file that contains them.

Every problem raises :class:`~reportkit.errors.LayoutError` naming the file and
the key path, e.g. ``layouts/brand.yaml: logo: file not found: brand/logo.svg``;
unknown keys are errors with a suggestion of the nearest known key.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, Field, field_validator

from .chartspec import ChartSpec, FactSelector, Strict
from ..errors import LayoutError
from ..placeholders import TemplateError, check_template, fill
from ..inputs import check_file, read_bytes
from .assets import check_font, check_logo
from .check import read_yaml as _read_yaml
from .check import validate_model as _validate

HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
Color = Annotated[str, Field(pattern=HEX.pattern)]
DEFAULT_DIR = Path("layouts")
DEFAULT_LAYOUTS = ("weekly-brief.yaml", "briefing-deck.yaml")
REPORTLAB_FONT_PREFIX = "reportlab:"
# Placeholders a title template may use (filled by content.title_vars).
TITLE_PLACEHOLDERS = ("week", "week_number", "year", "start", "end")


class Colors(Strict):
    primary: Color
    secondary: Color
    accent: Color
    text: Color = "#1D2731"
    muted: Color = "#6B7A8F"
    background: Color = "#FFFFFF"
    palette: list[Color] = Field(min_length=1)


class Fonts(Strict):
    """TTF files (paths, or ``reportlab:Vera.ttf`` for fonts shipped with reportlab)
    and ``family``, the name a slide viewer looks the font up by."""

    family: str
    regular: str
    bold: str
    italic: str
    bold_italic: str | None = None


class Brand(Strict):
    name: str
    colors: Colors
    fonts: Fonts
    logo: str | None = None
    footer: str = ""
    classification: str = ""
    author: str = ""


class KeyFigurePick(Strict):
    """A key figure chosen explicitly: the first fact the selector matches."""

    fact: FactSelector
    label: str | None = None


class KeyFigures(Strict):
    count: int = Field(default=4, ge=3, le=6)
    picks: list[KeyFigurePick] = Field(default_factory=list)


class ChangesSettings(Strict):
    """The "What changed" part and slide: at most ``max_lines`` lines (biggest moves first)."""

    max_lines: int = Field(default=8, ge=1, le=30)


class StorySettings(Strict):
    """How each source is told as a story: the summary's word budget and length
    (whole sentences, never cut), the one-line summary's longest sentence, and
    how many key numbers a story shows."""

    summary_words: int = Field(default=80, ge=20, le=400)
    min_sentences: int = Field(default=2, ge=1, le=10)
    max_sentences: int = Field(default=4, ge=1, le=10)
    one_line_words: int = Field(default=45, ge=10, le=120)
    figures: int = Field(default=3, ge=0, le=6)


class Content(Strict):
    """What a report contains, shared by the brief and the deck."""

    title: str
    short_title: str
    subject: str = ""
    keywords: list[str] = Field(default_factory=list)
    language: str = "en-GB"
    standfirst: str | None = None
    sources: list[str] = Field(default_factory=lambda: ["**/*.txt", "**/*.md", "**/*.html", "**/*.htm", "**/*.pdf",
                                                        "**/*.docx"])
    max_takeaways: int = Field(default=8, ge=1, le=30)
    stories: StorySettings = Field(default_factory=StorySettings)
    key_figures: KeyFigures = Field(default_factory=KeyFigures)
    changes: ChangesSettings = Field(default_factory=ChangesSettings)
    charts: dict[str, ChartSpec] = Field(default_factory=dict)

    @field_validator("title", "short_title", "standfirst")
    @classmethod
    def _placeholders(cls, value: str | None) -> str | None:
        """Only the week's placeholders may appear: a typo must fail now, not at build time."""
        if value is None:
            return value
        check_template(value, TITLE_PLACEHOLDERS)  # its message says what is wrong (a ValueError)
        return value


class Margins(Strict):
    top: float = Field(default=24, ge=5, le=80)
    bottom: float = Field(default=22, ge=5, le=80)
    left: float = Field(default=18, ge=5, le=80)
    right: float = Field(default=18, ge=5, le=80)


# "stories": one entry per source (headline, summary, key numbers, quote, link); "full_text":
# every source word for word, as an appendix; "sections" is the full text without the appendix heading
PdfPart = Literal["cover", "takeaways", "changes", "key_figures", "charts", "stories", "sections", "full_text",
                  "quotes", "sources"]
# "stories": one slide per source (deck.story_slides: one) or its sections (full); "takeaways" on
# their own; "sections" is takeaways followed by every section's slides
# "section": a divider slide (on the ``section`` layout) opens each group of slides
SlideKind = Literal["title", "agenda", "takeaways", "changes", "key_figures", "stories", "sections", "charts",
                    "quotes", "sources", "section"]


class PdfSettings(Strict):
    page_size: Literal["A4", "Letter"] = "A4"
    margins_mm: Margins = Field(default_factory=Margins)
    parts: list[PdfPart] = Field(
        default_factory=lambda: ["cover", "takeaways", "key_figures", "charts", "sections", "quotes", "sources"],
        min_length=1,  # an empty list passed validation, then failed verify
    )
    charts: list[str] | None = None
    # up to N automatic charts after the named ones (coherent series the text states)
    auto_charts: int = Field(default=0, ge=0, le=12)
    key_figure_columns: int = Field(default=3, ge=1, le=6)
    chart_format: Literal["svg", "png"] = "svg"
    header_logo: bool = True
    body_font_size: float = Field(default=10, ge=7, le=16)

    @field_validator("parts")
    @classmethod
    def _parts_once(cls, v: list[str]) -> list[str]:
        return _once(v)


class SlideLayoutNames(Strict):
    """Slide-layout names (in the template) used for each role. ``Master 2/Content``
    picks a layout from a given master when several masters reuse a name."""

    title: str = "Title Slide"
    content: str = "Title and Content"
    chart: str = "Title Only"
    quote: str = "Title Only"
    section: str = "Title Only"


class DeckSettings(Strict):
    slide_size: Literal["16:9", "4:3"] = "16:9"
    template: str | None = None
    slide_layouts: SlideLayoutNames = Field(default_factory=SlideLayoutNames)
    slides: list[SlideKind] = Field(
        default_factory=lambda: ["title", "agenda", "key_figures", "sections", "charts", "quotes", "sources"],
        min_length=1,  # an empty list passed validation, then failed verify
    )
    charts: list[str] | None = None
    auto_charts: int = Field(default=0, ge=0, le=12)  # as in the brief
    chart_mode: Literal["native", "image"] = "native"
    body_font_size: float = Field(default=20, ge=10, le=40)
    min_font_size: float = Field(default=14, ge=8, le=40)
    max_bullets: int = Field(default=6, ge=1, le=12)
    # a briefing deck condenses: past this many section slides per source, the rest
    # are listed on one "More from …" slide (their full text stays in its notes)
    max_section_slides: int = Field(default=12, ge=2, le=500)
    # "one": a slide per story (summary bullets, key figure, whole article in the notes);
    # "full": the story's sections as bullet slides, continued on "(cont.)" slides
    story_slides: Literal["one", "full"] = "one"
    # With a template the template decides the look; list what the brand still sets:
    # fonts (runs name the brand family), colours (brand RGB instead of theme
    # colours), logo (the brand logo even where the template draws its own).
    # Without a template the brand sets everything.
    brand_overrides: list[Literal["fonts", "colours", "logo"]] = Field(default_factory=list)
    # auto: the brand logo unless the template's master/layout draws pictures or
    # groups of its own; always; never
    logo: Literal["auto", "always", "never"] = "auto"

    @field_validator("slides")
    @classmethod
    def _slides_once(cls, v: list[str]) -> list[str]:
        return _once(v)


def _once(items: list[str]) -> list[str]:
    """A part (or slide kind) may be listed once: it shows everything of its kind."""
    twice = sorted({x for x in items if items.count(x) > 1})
    if twice:
        raise ValueError(f"listed more than once: {', '.join(twice)}")
    return items


class LayoutFile(Strict):
    """The YAML shape of an output layout (before brand/content are loaded)."""

    format: Literal["pdf", "pptx"]
    brand: str = "brand.yaml"
    content: str = "content.yaml"
    output: str
    pdf: PdfSettings | None = None
    deck: DeckSettings | None = None


class Layout(BaseModel):
    """A fully resolved output layout: every path absolute and checked."""

    path: Path
    format: Literal["pdf", "pptx"]
    output: str
    brand: Brand
    content: Content
    pdf: PdfSettings | None = None
    deck: DeckSettings | None = None
    brand_path: Path
    content_path: Path
    logo_path: Path | None = None
    font_paths: dict[str, Path]
    template_path: Path | None = None

    def chart_ids(self) -> list[str]:
        """The charts this output shows, in order (default: all charts of the content)."""
        chosen = (self.pdf.charts if self.pdf else self.deck.charts if self.deck else None)
        return list(chosen) if chosen is not None else list(self.content.charts)

    def auto_chart_count(self) -> int:
        """How many automatic charts this output shows after its named ones (``auto_charts``)."""
        settings = self.pdf or self.deck
        return settings.auto_charts if settings else 0

    def output_name(self, week_label: str) -> str:
        return fill(self.output, {"week": week_label})


# -- loading -----------------------------------------------------------------


def _inside(base: Path, ref: str, keypath: str, path: Path, allow_external: bool, kind: str) -> Path:
    """``ref`` resolved relative to ``base``; paths that leave the layout folder
    (absolute, climbing with ``..``, a symlink leading out) are refused unless ``allow_external``."""
    p = Path(ref)
    resolved = (p if p.is_absolute() else base / p).resolve()
    if not allow_external:
        root = base.resolve()
        if p.is_absolute() or not resolved.is_relative_to(root):
            raise LayoutError(
                f"{keypath}: {kind} path {ref!r} is outside the layout folder "
                "(use --allow-external-assets to permit it)",
                path,
            )
    return resolved


def _asset(base: Path, ref: str, keypath: str, path: Path, allow_external: bool, kind: str) -> Path:
    """Resolve an asset path relative to ``base`` (see :func:`_inside`); it must exist."""
    resolved = _inside(base, ref, keypath, path, allow_external, kind)
    if not resolved.is_file():
        raise LayoutError(f"{keypath}: file not found: {ref}", path)
    return resolved


def _font_path(ref: str, base: Path, keypath: str, path: Path, allow_external: bool) -> Path:
    if ref.startswith(REPORTLAB_FONT_PREFIX):
        import reportlab

        p = Path(reportlab.__file__).parent / "fonts" / ref[len(REPORTLAB_FONT_PREFIX):]
        if not p.is_file():
            raise LayoutError(f"{keypath}: reportlab ships no font {ref[len(REPORTLAB_FONT_PREFIX):]!r}", path)
        return p
    p = _asset(base, ref, keypath, path, allow_external, "font")
    check_font(p, ref, keypath, path)
    return p


def _logo_path(ref: str, base: Path, path: Path, allow_external: bool) -> Path:
    p = _asset(base, ref, "logo", path, allow_external, "logo")
    check_logo(p, ref, path)
    return p


def load_brand(path: Path, allow_external: bool = False) -> tuple[Brand, Path | None, dict[str, Path]]:
    """Load a brand file; returns the brand, its logo path and its font paths."""
    brand: Brand = _validate(Brand, _read_yaml(path), path)
    base = path.parent
    logo = _logo_path(brand.logo, base, path, allow_external) if brand.logo else None
    fonts: dict[str, Path] = {}
    for style in ("regular", "bold", "italic", "bold_italic"):
        ref = getattr(brand.fonts, style)
        if ref:
            fonts[style] = _font_path(ref, base, f"fonts.{style}", path, allow_external)
    fonts.setdefault("bold_italic", fonts["bold"])
    return brand, logo, fonts


def load_content(path: Path, allow_external: bool = False) -> Content:
    """Load a content file (title, sources, key figures, chart definitions).

    A chart's ``csv`` follows the rule of every asset: outside the layout folder
    (absolute, ``..``, or a symlink leading out) only with ``allow_external``."""
    content: Content = _validate(Content, _read_yaml(path), path)
    for cid, spec in content.charts.items():
        if spec.data.csv:
            _inside(path.parent, spec.data.csv, f"charts.{cid}.data.csv", path, allow_external, "csv")
    return content


def load_layout(path: str | Path, allow_external: bool = False) -> Layout:
    """Load an output layout with its brand and content files, fully checked."""
    path = Path(path)
    lf: LayoutFile = _validate(LayoutFile, _read_yaml(path), path)
    base = path.parent
    brand_path = _asset(base, lf.brand, "brand", path, allow_external, "brand")
    content_path = _asset(base, lf.content, "content", path, allow_external, "content")
    brand, logo, fonts = load_brand(brand_path, allow_external)
    content = load_content(content_path, allow_external)
    pdf = lf.pdf or (PdfSettings() if lf.format == "pdf" else None)
    deck = lf.deck or (DeckSettings() if lf.format == "pptx" else None)
    if lf.format == "pdf" and lf.deck is not None:
        raise LayoutError("deck: a pdf layout takes 'pdf' settings, not 'deck'", path)
    if lf.format == "pptx" and lf.pdf is not None:
        raise LayoutError("pdf: a pptx layout takes 'deck' settings, not 'pdf'", path)
    chosen = (pdf.charts if pdf else deck.charts if deck else None) or []
    key = "pdf.charts" if pdf else "deck.charts"
    for i, cid in enumerate(chosen):
        if cid not in content.charts:
            close = difflib.get_close_matches(cid, list(content.charts), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise LayoutError(f"{key}.{i}: no chart {cid!r} in {content_path.name}{hint}", path)
    template = None
    if deck and deck.template:
        template = _asset(base, deck.template, "deck.template", path, allow_external, "template")
        if template.suffix.lower() not in (".pptx", ".potx"):
            raise LayoutError(f"deck.template: not a .pptx or .potx file: {deck.template}", path)
        check_file(template, "template", LayoutError)
    _check_output(lf.output, path)
    return Layout(
        path=path, format=lf.format, output=lf.output, brand=brand, content=content, pdf=pdf,
        deck=deck, brand_path=brand_path, content_path=content_path, logo_path=logo,
        font_paths=fonts, template_path=template,
    )


def _check_output(output: str, path: Path) -> None:
    """The output name: a plain file name whose only placeholder is ``{week}``."""
    try:
        name = fill(output, {"week": "2026-W01"})
    except TemplateError as e:
        raise LayoutError(f"output: {e}", path) from None
    if "/" in output or "\\" in output:
        raise LayoutError(f"output: must be a file name, not a path: {output!r}", path)
    if not name.strip() or name.strip(". ") == "" or any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        raise LayoutError(f"output: not a usable file name: {output!r}", path)


def default_layouts(layout_dir: Path = DEFAULT_DIR) -> list[Path]:
    """The shipped output layouts, in build order."""
    return [layout_dir / name for name in DEFAULT_LAYOUTS]


def list_layouts(layout_dir: Path = DEFAULT_DIR) -> list[tuple[Path, str]]:
    """Every YAML file in ``layout_dir`` with its role (pdf, pptx, brand, content or '?')."""
    out: list[tuple[Path, str]] = []
    for p in sorted(layout_dir.glob("*.y*ml")):
        try:
            data = yaml.safe_load(read_bytes(p, "layout", LayoutError).decode("utf-8")) or {}
        except (LayoutError, yaml.YAMLError, UnicodeDecodeError):
            out.append((p, "invalid"))
            continue
        if not isinstance(data, dict):
            role = "invalid"
        elif "format" in data:
            role = str(data["format"])
        elif "colors" in data:
            role = "brand"
        elif "charts" in data or "title" in data:
            role = "content"
        else:
            role = "?"
        out.append((p, role))
    return out


def find_layout(name: str, layout_dir: Path = DEFAULT_DIR) -> Path:
    """A layout by path or by name in ``layout_dir`` (``weekly-brief`` or ``weekly-brief.yaml``)."""
    p = Path(name)
    if p.is_file():
        return p
    for cand in (layout_dir / name, layout_dir / f"{name}.yaml", layout_dir / f"{name}.yml"):
        if cand.is_file():
            return cand
    names = [q.stem for q, _ in list_layouts(layout_dir)]
    close = difflib.get_close_matches(p.stem, names, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(names)})" if names else ""
    raise LayoutError(f"no such layout{hint}", name)


def validate_file(path: Path, allow_external: bool = False) -> str:
    """Validate any layout file by its role; returns the role. Raises LayoutError."""
    data = _read_yaml(path)
    if "format" in data:
        load_layout(path, allow_external)
        return str(data["format"])
    if "colors" in data or "fonts" in data:
        load_brand(path, allow_external)
        return "brand"
    load_content(path, allow_external)
    return "content"

