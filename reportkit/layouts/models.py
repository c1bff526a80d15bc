"""The layout files' shape: pydantic models of the brand, content and output layout files.

:class:`Brand` (``brand.yaml``), :class:`Content` (``content.yaml``) and :class:`LayoutFile`
(``weekly-brief.yaml``, ``briefing-deck.yaml``) are what a user writes; :class:`Layout` is an
output layout resolved by :mod:`reportkit.layouts.load` (brand and content loaded, asset paths
checked). The JSON Schema of the files (:mod:`.schema`) is generated from these models.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, Field, field_validator

from ..placeholders import check_template, fill
from .chartspec import ChartSpec, FactSelector, Strict

HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
Color = Annotated[str, Field(pattern=HEX.pattern)]
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
