"""The layout files' shape: pydantic models of the brand, content and output layout files.

:class:`Brand` (``brand.yaml``), :class:`Content` (``content.yaml``) and :class:`LayoutFile`
(``weekly-brief.yaml``, ``briefing-deck.yaml``) are what a user writes; :class:`Layout` is an
output layout resolved by :mod:`reportkit.layouts.load` (brand and content loaded, asset paths
checked). Every field a user writes has a ``description``: the JSON Schema (:mod:`.schema`) and
the key reference of ``docs/layouts.md`` (:mod:`.reference`) are generated from them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..placeholders import check_template
from .chartspec import ChartSpec, FactSelector, Strict
from .objects import LayoutMethods

HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
Color = Annotated[str, Field(pattern=HEX.pattern)]
# Placeholders a title template may use (filled by content.title_vars).
TITLE_PLACEHOLDERS = ("week", "week_number", "year", "start", "end")


class Colors(Strict):
    """Brand colours, each ``#RRGGBB``."""

    primary: Color = Field(description="Main brand colour: cover band, headings, title slides, first chart series.")
    secondary: Color = Field(description="Second brand colour: panels, rules, the deck theme's second dark colour.")
    accent: Color = Field(description="Highlight colour: bullets, section rules, key-figure callouts.")
    text: Color = Field("#1D2731", description="Body text colour.")
    muted: Color = Field("#6B7A8F", description="Secondary text: source lines, captions, footers.")
    background: Color = Field("#FFFFFF", description="Page and slide background.")
    palette: list[Color] = Field(min_length=1, description="Chart series colours, in order (at least one).")


class Fonts(Strict):
    """TTF files (paths, or ``reportlab:Vera.ttf`` for fonts shipped with reportlab)
    and ``family``, the name a slide viewer looks the font up by."""

    family: str = Field(description="Font family name written into the deck (slide viewers look the font up by "
                                    "it), e.g. `Bitstream Vera Sans`.")
    regular: str = Field(description="Regular TrueType file: a path relative to this file, or `reportlab:Vera.ttf` "
                                     "for a font shipped with reportlab.")
    bold: str = Field(description="Bold TrueType file (as `regular`), e.g. `reportlab:VeraBd.ttf`.")
    italic: str = Field(description="Italic TrueType file (as `regular`), e.g. `reportlab:VeraIt.ttf`.")
    bold_italic: str | None = Field(None, description="Bold italic TrueType file (as `regular`); "
                                                      "without it bold is used.")


class Brand(Strict):
    """The brand file (``brand.yaml``): how every output looks, shared by the brief and the deck."""

    name: str = Field(description="Brand or desk name; the footer and document author when those are not given.")
    colors: Colors = Field(description="Brand colours.")
    fonts: Fonts = Field(description="Fonts embedded in the PDF and named in the deck.")
    logo: str | None = Field(None, description="Logo file (PNG or SVG) relative to this file; none: no logo.")
    footer: str = Field("", description="Footer line of brief pages and slides (default: the brand name). On a "
                                        "slide it stays on one line at 8 pt or more: where it cannot (a template's "
                                        "narrow footer placeholder) it gives way from its end, its part after \" · \" "
                                        "first, before the classification does.")
    classification: str = Field("", description="Classification line (e.g. `OFFICIAL`) in the brief's footer "
                                                "and on slides; empty: none.")
    author: str = Field("", description="Author in the documents' metadata and the deck's title slide "
                                        "(default: the brand name).")


class KeyFigurePick(Strict):
    """A key figure chosen explicitly: the first fact the selector matches."""

    fact: FactSelector = Field(description="Which fact: the first one the selector matches (every `label` "
                                           "keyword must be in the fact's own sentence).")
    label: str | None = Field(None, description="The figure's label, literal or a template over `{measure}`, "
                                                "`{subject}`, `{year}`, `{period}` (default: the fact's label).")


class KeyFigures(Strict):
    """The key-figures panel (brief) and slide (deck): the week's headline numbers."""

    count: int = Field(default=4, ge=3, le=6, description="How many key figures are shown.")
    picks: list[KeyFigurePick] = Field(default_factory=list, description="Figures chosen explicitly, shown first; "
                                       "a pick that matches nothing is left out with a warning.")


class ChangesSettings(Strict):
    """The "What changed" part and slide: at most ``max_lines`` lines (biggest moves first)."""

    max_lines: int = Field(default=8, ge=1, le=30, description="Most lines in the `changes` part and slide "
                                                                "(stories that start or stop, then the biggest moves).")


class StorySettings(Strict):
    """How each source is told as a story: the summary's word budget and length
    (whole sentences, never cut), the one-line summary's longest sentence, and
    how many key numbers a story shows."""

    summary_words: int = Field(default=80, ge=20, le=400, description="Word budget of a story's summary "
                                                                       "(whole sentences, never cut).")
    min_sentences: int = Field(default=2, ge=1, le=10, description="Fewest sentences in a summary.")
    max_sentences: int = Field(default=4, ge=1, le=10, description="Most sentences in a summary.")
    one_line_words: int = Field(default=45, ge=10, le=120, description="Longest sentence (in words) the one-line "
                                                                        "summary may use.")
    figures: int = Field(default=3, ge=0, le=6, description="How many key numbers a story shows.")


class OffTopic(Strict):
    """The masthead of a week the content file is not about (``off_topic:``): used when none of the
    charts and key-figure picks it configures matches the week's sources. ``title`` names the
    content file's subject; printed over another subject's news it says what the brief is not."""

    title: str = Field(description="Report title on such a week (same placeholders as `title`), e.g. "
                                   "`Weekly Brief — Week {week_number}, {year}`.")
    short_title: str = Field(description="Short title for page headers on such a week (same placeholders).")
    subject: str = Field("", description="Subject in the documents' metadata and the cover's kicker on such a "
                                         "week (default: none; the content file's `subject` is its own topic's).")
    keywords: list[str] = Field(default_factory=list, description="Keywords in the documents' metadata on such "
                                                                  "a week (default: none).")

    @field_validator("title", "short_title")
    @classmethod
    def _placeholders(cls, value: str) -> str:
        """Only the week's placeholders may appear: a typo must fail now, not at build time."""
        check_template(value, TITLE_PLACEHOLDERS)
        return value


class Content(Strict):
    """The content file (``content.yaml``): what a report contains, shared by the brief and the deck."""

    title: str = Field(description="Report title, a template over `{week}`, `{week_number}`, `{year}`, `{start}`, "
                                   "`{end}`, e.g. `Energy Brief — Week {week_number}, {year}`.")
    short_title: str = Field(description="Short title for page headers and slide footers (same placeholders).")
    subject: str = Field("", description="Subject written into the PDF's and deck's metadata.")
    keywords: list[str] = Field(default_factory=list, description="Keywords written into the documents' metadata.")
    language: str = Field("en-GB", description="Language tag of the documents (e.g. `en-GB`, `en-US`).")
    standfirst: str | None = Field(None, description="The cover's standfirst (same placeholders as `title`); "
                                                     "default: the only source's own, else one made from the week.")
    sources: list[str] = Field(
        default_factory=lambda: ["**/*.txt", "**/*.md", "**/*.html", "**/*.htm", "**/*.pdf", "**/*.docx"],
        description="Globs (relative to each source folder) of the files read as sources; a file they leave "
                    "out is named in a warning.")
    max_takeaways: int = Field(default=8, ge=1, le=30, description="Most key takeaways (one per story first, "
                                                                   "most important first).")
    stories: StorySettings = Field(default_factory=StorySettings, description="How each source is told as a "
                                                                              "story.")
    key_figures: KeyFigures = Field(default_factory=KeyFigures, description="The key-figures panel and slide.")
    changes: ChangesSettings = Field(default_factory=ChangesSettings, description="The \"What changed\" part "
                                                                                  "and slide.")
    charts: dict[str, ChartSpec] = Field(default_factory=dict, description="Chart definitions by id (an id is "
                                         "any key, e.g. `fdi_growth`), used by both outputs.")
    off_topic: OffTopic | None = Field(None, description="The masthead used instead of `title`, "
                                       "`short_title`, `subject` and `keywords` on a week none of `charts` and "
                                       "`key_figures.picks` matches (default: none; the title is kept and the "
                                       "build warns).")

    @field_validator("title", "short_title", "standfirst")
    @classmethod
    def _placeholders(cls, value: str | None) -> str | None:
        """Only the week's placeholders may appear: a typo must fail now, not at build time."""
        if value is None:
            return value
        check_template(value, TITLE_PLACEHOLDERS)  # its message says what is wrong (a ValueError)
        return value


class Margins(Strict):
    """The brief's page margins (``pdf.margins_mm``), each in millimetres."""

    top: float = Field(default=24, ge=5, le=80, description="Top margin (mm), below the header.")
    bottom: float = Field(default=22, ge=5, le=80, description="Bottom margin (mm), above the footer.")
    left: float = Field(default=18, ge=5, le=80, description="Left margin (mm).")
    right: float = Field(default=18, ge=5, le=80, description="Right margin (mm).")


PdfPart = Literal["cover", "takeaways", "changes", "key_figures", "charts", "stories", "sections", "full_text",
                  "quotes", "sources"]
SlideKind = Literal["title", "agenda", "takeaways", "changes", "key_figures", "stories", "sections", "charts",
                    "quotes", "sources", "section"]


class PdfSettings(Strict):
    """The brief's settings (``pdf:`` in a ``format: pdf`` layout)."""

    page_size: Literal["A4", "Letter"] = Field("A4", description="Paper size.")
    margins_mm: Margins = Field(default_factory=Margins, description="Page margins in millimetres.")
    parts: list[PdfPart] = Field(
        default_factory=lambda: ["cover", "takeaways", "key_figures", "charts", "sections", "quotes", "sources"],
        min_length=1,  # an empty list passed validation, then failed verify
        description="The brief's parts in order, each at most once: `stories` is one entry per source "
                    "(headline, summary, key numbers, quote, link); `full_text` every source word for word as "
                    "an appendix; `sections` the full text without the appendix heading; `changes` what changed "
                    "since the previous week.")
    charts: list[str] | None = Field(None, description="Chart ids of the content file to show, in order "
                                                       "(default: all, in the content file's order).")
    auto_charts: int = Field(default=0, ge=0, le=12, description="Up to this many automatic charts after the named "
                             "ones: coherent series the text states in one article.")
    key_figure_columns: int = Field(default=3, ge=1, le=6, description="Columns of the key-figures panel.")
    chart_format: Literal["svg", "png"] = Field("svg", description="Charts embedded as vector (`svg`) or "
                                                                   "bitmap (`png`).")
    header_logo: bool = Field(True, description="Draw the brand logo in the page header.")
    body_font_size: float = Field(default=10, ge=7, le=16, description="Body text size in points.")

    @field_validator("parts")
    @classmethod
    def _parts_once(cls, v: list[str]) -> list[str]:
        return _once(v)


class SlideLayoutNames(Strict):
    """Slide-layout names (in the template) used for each role. ``Master 2/Content``
    picks a layout from a given master when several masters reuse a name."""

    title: str = Field("Title Slide", description="Slide layout of the title slide.")
    content: str = Field("Title and Content", description="Slide layout of bullet slides (takeaways, stories, "
                                                          "sections, agenda, sources).")
    chart: str = Field("Title Only", description="Slide layout of chart and key-figure slides.")
    quote: str = Field("Title Only", description="Slide layout of quote slides.")
    section: str = Field("Title Only", description="Slide layout of `section` divider slides.")


class DeckSettings(Strict):
    """The deck's settings (``deck:`` in a ``format: pptx`` layout)."""

    slide_size: Literal["16:9", "4:3"] = Field("16:9", description="Slide shape (a template's own size wins, "
                                                                   "with a warning when it differs).")
    template: str | None = Field(None, description="A `.pptx` or `.potx` template relative to this file; "
                                                   "none: a plain deck in the brand's colours.")
    slide_layouts: SlideLayoutNames = Field(default_factory=SlideLayoutNames, description="The template's "
                                            "slide layout for each role, by the name PowerPoint shows.")
    slides: list[SlideKind] = Field(
        default_factory=lambda: ["title", "agenda", "key_figures", "sections", "charts", "quotes", "sources"],
        min_length=1,  # an empty list passed validation, then failed verify
        description="The slide sequence, each kind at most once: `stories` one slide per source "
                    "(`story_slides: one`) or its sections (`full`); `takeaways` on their own; `sections` the "
                    "takeaways followed by every section's slides; `section` a divider slide opening each group.")
    charts: list[str] | None = Field(None, description="Chart ids of the content file to show, in order "
                                                       "(default: all).")
    auto_charts: int = Field(default=0, ge=0, le=12, description="Up to this many automatic charts after the named "
                                                                 "ones (as in the brief).")
    chart_mode: Literal["native", "image"] = Field("native", description="`native`: editable PowerPoint charts; "
                                                                         "`image`: the rendered PNG.")
    body_font_size: float = Field(default=20, ge=10, le=40, description="Body text size in points.")
    min_font_size: float = Field(default=14, ge=8, le=40, description="Text is never shrunk below this size "
                                                                       "(points); it continues on a \"(cont.)\" slide.")
    max_bullets: int = Field(default=6, ge=1, le=12, description="Most bullets on one slide.")
    max_section_slides: int = Field(
        default=12, ge=2, le=500,
        description="A briefing deck condenses: past this many section slides per source, the rest are listed on "
                    "one \"More from …\" slide (their full text stays in its notes).")
    story_slides: Literal["one", "full"] = Field(
        "one", description="`one`: a slide per story (summary bullets, key figure, whole article in the notes); "
                           "`full`: the story's sections as bullet slides, continued on \"(cont.)\" slides.")
    brand_overrides: list[Literal["fonts", "colours", "logo"]] = Field(
        default_factory=list,
        description="With a template the template decides the look; list what the brand still sets: `fonts` (runs "
                    "name the brand family), `colours` (brand colours instead of theme colours), `logo` (the brand "
                    "logo even where the template draws its own). Without a template the brand sets everything.")
    logo: Literal["auto", "always", "never"] = Field(
        "auto", description="`auto`: the brand logo unless the template's master or layout draws pictures of its "
                            "own; `always`; `never`.")

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
    """An output layout file (``weekly-brief.yaml``, ``briefing-deck.yaml``): one output, its brand and content."""

    format: Literal["pdf", "pptx"] = Field(description="What this layout makes: `pdf` (a brief) or `pptx` "
                                                       "(a deck).")
    brand: str = Field("brand.yaml", description="The brand file, relative to this file.")
    content: str = Field("content.yaml", description="The content file, relative to this file.")
    output: str = Field(description="Output file name; `{week}` is the ISO week (`brief-{week}.pdf` -> "
                                    "`brief-2026-W47.pdf`). A plain name, not a path.")
    pdf: PdfSettings | None = Field(None, description="The brief's settings (only with `format: pdf`).")
    deck: DeckSettings | None = Field(None, description="The deck's settings (only with `format: pptx`).")


class Layout(LayoutMethods, BaseModel):
    """A fully resolved output layout: every path absolute and checked (what a build reads is
    :class:`.objects.Layout`, the same fields and methods without pydantic: this model is its
    schema, for the layout reference)."""

    model_config = ConfigDict(defer_build=True)  # as Strict's: built on first use

    path: Path = Field(description="The output layout file, as given.")
    format: Literal["pdf", "pptx"] = Field(description="What this layout makes.")
    output: str = Field(description="The output file name template (`{week}`).")
    brand: Brand = Field(description="The brand file, loaded.")
    content: Content = Field(description="The content file, loaded.")
    pdf: PdfSettings | None = Field(None, description="The brief's settings, defaults filled (format pdf).")
    deck: DeckSettings | None = Field(None, description="The deck's settings, defaults filled (format pptx).")
    brand_path: Path = Field(description="The brand file, absolute.")
    content_path: Path = Field(description="The content file, absolute.")
    logo_path: Path | None = Field(None, description="The logo, absolute and checked; none without a logo.")
    font_paths: dict[str, Path] = Field(description="Each font style's TTF, absolute and checked.")
    template_path: Path | None = Field(None, description="The deck template, absolute and checked.")
