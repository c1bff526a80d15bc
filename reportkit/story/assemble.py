"""Assemble parsed documents into a :class:`~reportkit.model.Report`.

This is the "generator" stage: from every source's section model and facts it
derives what both outputs show — the title for the week, a standfirst, merged
key takeaways, the key-figure panel and the resolved chart data. Renderers only
lay out what this module decides.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from ..errors import LayoutError
from ..model import ChartData, Document, Report, Story, Takeaway, Week
from .keyfigures import key_figures
from ..placeholders import TemplateError, fill
from .quotes import DECK_QUOTES, add_quotes, week_quotes
from .stories import build_stories
from .takeaways import similar, takeaways
from .voices import with_second_voices

if TYPE_CHECKING:
    from ..layouts import Content, Layout



def title_vars(week: Week) -> dict[str, object]:
    """Placeholders a title template may use."""
    return {"week": week.label, "week_number": week.number, "year": week.year, "start": week.start,
            "end": week.end}


def render_title(template: str, week: Week, where: str, path: Path) -> str:
    try:
        return fill(template, title_vars(week))
    except TemplateError as e:
        raise LayoutError(f"{where}: bad placeholder in {template!r}: {e}", path) from None


def _source_tag(doc: Document) -> str:
    # the full path: two sources may share a file name (renderers show model.source_names)
    return doc.source


def merge_takeaways(documents: list[Document], limit: int) -> list[Takeaway]:
    """Key points of all sources, near-duplicates merged (keeping every source tag).

    A source without key points contributes its first fact-bearing sentence, so
    every source is represented in the takeaways.
    """
    merged: list[Takeaway] = []

    def add(text: str, tag: str) -> None:
        text = text.strip()
        if not text:
            return
        for t in merged:
            if similar(t.text, text):
                if tag not in t.sources:
                    t.sources.append(tag)
                return
        merged.append(Takeaway(text=text, sources=[tag]))

    for doc in documents:
        tag = _source_tag(doc)
        points = list(doc.key_points)
        if not points:
            seen: set[str] = set()
            for f in doc.facts:
                if f.sentence and f.sentence not in seen:
                    seen.add(f.sentence)
                    points.append(f.sentence)
                if len(points) == 2:
                    break
        for p in points:
            add(p, tag)
    return merged[:limit]


def standfirst(content: Content, documents: list[Document], week: Week, path: Path,
               stories: list[Story] | None = None) -> str:
    """The cover's standfirst: the layout's, else the only source's own, else the
    week's top stories by headline (most salient first)."""
    if content.standfirst:
        return render_title(content.standfirst, week, "standfirst", path)
    if len(documents) == 1 and documents[0].subtitle:
        return documents[0].subtitle
    titles = [s.headline for s in stories] if stories else [d.title for d in documents if d.title]
    titles = [t.rstrip(" .;:") for t in titles]  # a sentence-like title must not end the list with ".."
    n = len(documents)
    listed = titles[:3] if n > 3 and len(titles) > 3 else titles
    # a headline with a semicolon of its own ("...; insurers count cost") would read as two items
    sep = " · " if any(";" in t for t in listed) else "; "
    shown = sep.join(listed) + (f"{sep}and {n - 3} more" if listed is not titles else "")
    return f"This week's brief draws on {n} source{'s' if n != 1 else ''}: " + shown + "."


def assemble(documents: list[Document], layout: Layout, week: Week,
             chart_data: dict[str, ChartData],
             warn: Callable[[str], None] = lambda _m: None) -> Report:
    """Build the :class:`Report` one layout shows from the parsed documents."""
    content = layout.content
    for doc in documents:
        if not doc.quotes:
            add_quotes(doc)
    figures = key_figures(content, documents, warn, layout.content_path)
    stories = build_stories(documents, content, figures)
    return Report(
        title=render_title(content.title, week, "title", layout.content_path),
        short_title=render_title(content.short_title, week, "short_title", layout.content_path),
        week=week,
        documents=documents,
        standfirst=standfirst(content, documents, week, layout.content_path, stories),
        takeaways=takeaways(stories, documents, content.max_takeaways),
        key_figures=figures,
        # the named charts, then the automatic ones the layout asks for (auto_charts: N)
        charts=[chart_data[c] for c in layout.chart_ids() if c in chart_data]
        + [cd for cd in chart_data.values() if cd.auto][: layout.auto_chart_count()],
        warnings=[w for d in documents for w in d.warnings],
        stories=stories,
        # a deck quotes every story that has a quote, up to two slides of three (the best first), then
        # the stories' other sides while there is room; a brief's "quotes" part is the week's best three
        # (its stories print their own quote beside it)
        quotes=with_second_voices(week_quotes(stories, documents, None), stories, DECK_QUOTES)
        if layout.format == "pptx"
        else week_quotes(stories, documents, 3),
    )
