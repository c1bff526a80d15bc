"""Report + Layout + charts -> a 16:9 briefing deck (python-pptx).

Slides, in the order of ``layout.deck.slides``: title (brand, title, week);
agenda (each part with the slide it starts on); takeaways (one slide when they
fit); key figures (big numbers with labels and source tags); stories — with
``deck.story_slides: one`` a slide per story (:mod:`.stories`: its bullets, key
figure and the whole article in the notes), with ``full`` its sections as
bullets condensed from the paragraphs, continued on "… (cont.)" slides rather
than shrunk below ``min_font_size``; ``sections`` is the takeaways followed by
every section's slides; one slide per chart (native, editable charts by default,
the kaleido PNG with ``chart_mode: image``); the week's best quotes; sources with
hyperlinks. Every slide but the title has the brand's footer, logo and slide
number, and every slide has speaker notes.

The whole deck is planned (and paginated by measured text) before any slide is
made, so the agenda can name slide numbers. Output is byte-deterministic for the
same inputs and ``SOURCE_DATE_EPOCH`` and written atomically.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from ...atomic import atomic_path
from ...model import ChartData, RenderedChart, Report
from ...week import build_time
from ...urls import own_url
from . import quotes as QT
from . import slides as S
from . import stories as ST
from .charts import chart_notes
from .condense import section_bullets, section_notes
from .deck import Deck
from .determinism import normalise_entries, package_entries, set_core_properties
from .fontcache import keep as keep_measures
from .glyphs import DeckGlyphs, finish, recording
from .memo import SlideMemo
from .paging import body_box, body_start_size, body_style, paginate
from .shapes import Para, Run
from .text import clean_text, display_url, one_line

if TYPE_CHECKING:
    from ...layouts import Layout

log = logging.getLogger("reportkit.pptx")
REFS_SIZE = 14.0


@dataclass
class Planned:
    """One slide to make: which part it belongs to, its agenda label, and how to build
    it: ``builder(deck, number, *args)``. The builder and its arguments are all the
    slide depends on besides the deck's context, which is what lets
    :class:`~.pptx_memo.SlideMemo` replay a slide built before."""

    part: str
    label: str | None
    builder: Callable[..., None]
    args: tuple = ()


def week_line(report: Report) -> str:
    """``Week 47, 2026 · 16–22 November 2026``."""
    a, b = date.fromisoformat(report.week.start), date.fromisoformat(report.week.end)
    if a.month == b.month:
        span = f"{a.day}–{b.day} {b:%B %Y}"
    elif a.year == b.year:
        span = f"{a.day} {a:%B} – {b.day} {b:%B %Y}"
    else:
        span = f"{a.day} {a:%B %Y} – {b.day} {b:%B %Y}"
    return f"Week {report.week.number}, {report.week.year} · {span}"


def _charts_for(deck: Deck, report: Report) -> list[ChartData]:
    wanted = deck.settings.charts
    if wanted is None:
        return list(report.charts)
    by_id = {c.id: c for c in report.charts}
    return [by_id[i] for i in wanted if i in by_id]


def _plan_sections(deck: Deck, report: Report, takeaways: bool = True) -> list[Planned]:
    """Today's full-text slides: the takeaways (unless ``takeaways`` is False), then each
    document's sections as bullet slides, continued on "(cont.)" slides."""
    w, box, c = deck.writer, body_box(deck), deck.colors
    out: list[Planned] = []
    size, most = body_start_size(deck), deck.settings.max_bullets
    minimum = min(deck.min_size, size)
    style = body_style(deck)

    def add_pages(title: str, items: list[Para], source: str, notes: str, label: str | None) -> None:
        # measured under the longer "(cont.)" title: a title that wraps takes room from the bullets
        page_box = body_box(deck, f"{title} (cont.)")
        for k, (page, psize) in enumerate(paginate(w, items, page_box, size, minimum, most, style)):
            t = title if k == 0 else f"{title} (cont.)"
            out.append(Planned("sections", label if k == 0 else None, S.bullets_slide,
                               (t, page, psize, source, notes)))

    if report.takeaways and takeaways:
        by_source = {d.source: d for d in report.documents}
        items = [Para([*ST.named_runs(one_line(t.text), [by_source.get(s) for s in t.sources]),
                       Run("  " + ", ".join(deck.tag(s) for s in t.sources), color=c.muted, scale=0.7)], bullet=True)
                 for t in report.takeaways if one_line(t.text)]
        notes = "\n\n".join(f"• {one_line(t.text)} ({', '.join(deck.name(s) for s in t.sources)})"
                            for t in report.takeaways)
        n_docs = len(report.documents)
        src = (f"Sources: S1–S{n_docs}, listed on the Sources slide" if n_docs > 1
               else f"Source: {deck.source_label(report.documents[0].source)}" if n_docs else "")
        add_pages("Key takeaways", items, src, notes, "Key takeaways")
    for doc in report.documents:
        src = f"Source: {deck.source_label(doc.source)}"
        first = True
        groups = _pack_sections(deck, doc, box, size, most)
        limit = deck.settings.max_section_slides
        rest = groups[limit - 1:] if len(groups) > limit else []
        for group in groups[: len(groups) - len(rest)]:
            if len(group) == 1:
                section, bullets = group[0]
                title = one_line(section.heading) or one_line(doc.title)
                items = [Para.of(b, bullet=True) for b in bullets]
                notes = section_notes(section) or title
            else:
                # short sections share a slide, each under its own heading; the title names
                # them when that stays short, else the document
                heads = [one_line(sec.heading) for sec, _b in group if sec.heading]
                joined = " · ".join(heads)
                title = joined if heads and len(joined) <= 70 else one_line(doc.title)
                items, notes_parts = [], []
                for section, bullets in group:
                    if section.heading:
                        items.append(Para.of(one_line(section.heading), bold=True, color=c.primary))
                    items += [Para.of(b, bullet=True) for b in bullets]
                    notes_parts.append("\n".join(x for x in (one_line(section.heading or ""),
                                                              section_notes(section)) if x))
                notes = "\n\n".join(n for n in notes_parts if n) or title
            add_pages(title, items, src, notes, one_line(doc.title) if first else None)
            first = False
        if rest:
            sections = [sec for g in rest for sec, _b in g]
            heads = [one_line(sec.heading) for sec in sections if sec.heading][: most - 1]
            items = [Para.of(h, bullet=True) for h in heads]
            more = len(sections) - len(heads)
            if more > 0:
                items.append(Para.of(f"… and {more} more section{'s' if more != 1 else ''}: "
                                     "full text in the brief and in these notes", italic=True, color=c.muted))
            notes = "\n\n".join("\n".join(x for x in (one_line(sec.heading or ""), section_notes(sec)) if x)
                                  for sec in sections)
            add_pages(f"More from {one_line(doc.title)}", items, src, notes or "More sections", None)
    return out


def _pack_sections(deck: Deck, doc, box, size: float, most: int) -> list[list[tuple[object, list[str]]]]:
    """Consecutive sections of ``doc`` grouped so that short ones share a slide.

    A section joins the group before it when the group's bullets, the section's
    heading and its bullets still fit one slide at the body size with at most
    ``most`` paragraphs (headings included); a long section keeps slides of its own. This keeps decks
    from filling with half-empty slides (and huge sources from making one slide
    per tiny section).
    """
    w, c = deck.writer, deck.colors
    groups: list[list[tuple[object, list[str]]]] = []
    current: list[tuple[object, list[str]]] = []
    for section in doc.sections:
        bullets = section_bullets(doc, section)
        if not bullets:
            continue
        if current:
            merged = current + [(section, bullets)]
            paras = [p for sec, bl in merged for p in
                     ([Para.of(one_line(sec.heading), bold=True, color=c.primary)] if sec.heading else [])
                     + [Para.of(b, bullet=True) for b in bl]]
            if len(paras) <= most and w.fits(paras, box, size):  # headings count: paginate counts them
                current = merged
                continue
            groups.append(current)
        current = [(section, bullets)]
    if current:
        groups.append(current)
    return groups


def _plan_changes(deck: Deck, report: Report) -> list[Planned]:
    """The "What changed" slide: nothing without an earlier record, the one-line note when
    nothing changed, else the report's lines with both weeks' sources (sentences in the notes)."""
    ch, c = report.changes, deck.colors
    if ch is None:
        return []
    title = f"What changed since {ch.since_label or ch.since}"
    items: list[Para] = []
    notes: list[str] = []
    for line in ch.lines or []:
        tags = [deck.tag(line.source) + (" (stated this week)" if line.kind == "revised" else "")
                ] if line.source else []
        if line.old_source and line.kind != "revised":
            tags.append(f"was {line.old_week.partition('-')[2]}: {PurePath(line.old_source).name}")
        label, _, rest = one_line(line.text).partition(": ")
        runs = [Run(label + (": " if rest else ""), bold=True), Run(rest)] if rest else [Run(label)]
        items.append(Para(runs + [Run("  " + " · ".join(tags), color=c.muted, scale=0.7)], bullet=True))
        where = [one_line(line.text)]
        if line.sentence:
            where.append(f"  now ({ch.week}, {PurePath(line.source).name}): “{one_line(line.sentence)}”")
        if line.stated:
            where.append(f"  {line.stated}")
        if line.old_sentence and line.kind != "revised":
            was = f"{line.old_week}, {PurePath(line.old_source).name}"
            where.append(f"  was ({was}): “{one_line(line.old_sentence)}”")
        notes.append("\n".join(where))
    if not items:
        items = [Para.of(one_line(ch.note), italic=True, color=c.muted)]
        notes = [ch.note]
    if ch.continuing:
        notes.append("Continuing stories: " + ", ".join(deck.tag(s) for s in ch.continuing))
    src = f"Compared with the build record of {ch.since_label or ch.since}"
    # one slide when the lines fit it at a readable size; "(cont.)" slides only below min_font_size
    box, size = body_box(deck), deck.body_size
    while size > deck.min_size and not deck.writer.fits(items, box, size):
        size -= 1
    out = []
    for k, (page, size) in enumerate(paginate(deck.writer, items, box, size, deck.min_size, len(items))):
        out.append(Planned("changes", "What changed" if k == 0 else None, S.bullets_slide,
                           (title if k == 0 else f"{title} (cont.)", page, size, src, "\n\n".join(notes))))
    return out


def _plan_sources(deck: Deck, report: Report) -> list[Planned]:
    c = deck.colors
    # a document's own address beside it, whichever reader found it (as the brief's Sources part)
    owns = {d.source: own_url(d) for d in report.documents}
    own_urls = set(owns.values())
    references = [r for r in report.references if r.url not in own_urls]
    left, right = S.sources_columns(deck, with_refs=bool(references))
    docs = [Para([Run(deck.tag(d.source) + "  ", bold=True, color=c.accent), Run(one_line(d.title) + "  ")]
                 + ([Run(display_url(clean_text(u)) + "  ", color=c.secondary, link=clean_text(u), scale=0.75,
                        url=True)]
                    if (u := owns[d.source]) else [])
                 + [Run(deck.name(d.source), color=c.muted, scale=0.75)]) for d in report.documents]
    refs = [Para([Run(f"[{one_line(r.label)}] ", bold=True, color=c.primary),
                  Run(display_url(clean_text(r.url)), color=c.secondary, link=clean_text(r.url) or None,
                      url=True)])
            for r in references]
    # one slide when both lists fit it at 10 pt or more; "(cont.)" slides only past that
    fit = [deck.writer.fit_size(paras, col, REFS_SIZE, 10, step=0.5) if paras else REFS_SIZE
           for paras, col in ((docs, left), (refs, right))]
    if all(f is not None for f in fit):
        size = min(f for f in fit if f is not None)
        doc_pages = [(docs, size)] if docs else []
        ref_pages = [(refs, size)] if refs else []
    else:
        doc_pages = paginate(deck.writer, docs, left, REFS_SIZE, 10, 50) if docs else []
        ref_pages = paginate(deck.writer, refs, right, REFS_SIZE, 10, 50) if refs else []
    count = max(len(doc_pages), len(ref_pages), 1)
    notes_lines = [f"{deck.tag(d.source)}: {one_line(d.title)} ({deck.name(d.source)})"
                   + (f" {clean_text(owns[d.source])}" if owns[d.source] else "") for d in report.documents]
    notes_lines += [f"[{one_line(r.label)}] {clean_text(r.url)}" for r in references]
    notes = "\n".join(notes_lines) or "No sources."
    out = []
    for k in range(count):
        dp = doc_pages[k][0] if k < len(doc_pages) else []
        rp = ref_pages[k][0] if k < len(ref_pages) else []
        size = min([p[1] for p in (doc_pages[k:k + 1] + ref_pages[k:k + 1])] or [REFS_SIZE])
        title = "Sources" if k == 0 else "Sources (cont.)"
        out.append(Planned("sources", "Sources" if k == 0 else None, S.sources_slide,
                           (title, dp, rp, size, notes)))
    return out


def plan(deck: Deck, report: Report, charts: dict[str, RenderedChart]) -> list[Planned]:
    """Every slide of the deck, in order, before any is made."""
    parts: dict[str, list[Planned]] = {}
    title_notes = "\n\n".join(x for x in (one_line(report.title), one_line(report.standfirst), week_line(report),
                                          f"Prepared by {one_line(deck.brand.author or deck.brand.name)} from "
                                          f"{len(report.documents)} source document(s).") if x)
    parts["title"] = [Planned("title", None, S.title_slide,
                              (report.title, week_line(report), one_line(report.standfirst), title_notes))]
    if report.key_figures:
        fig_notes = "\n".join(f"{one_line(f.display)} — {one_line(f.label)} ({deck.name(f.source)})"
                              + _fact_sentence(report, f.fact_id) for f in report.key_figures)
        parts["key_figures"] = [Planned("key_figures", "Key figures", S.key_figures_slide,
                                        (report.key_figures[:6], fig_notes))]
    parts["changes"] = _plan_changes(deck, report)
    parts["sections"] = _plan_sections(deck, report)
    parts["takeaways"] = [Planned(*p) for p in ST.plan_takeaways(deck, report, paginate)]
    if deck.settings.story_slides == "one":
        parts["stories"] = [Planned(*p) for p in ST.plan_stories(deck, report)]
    else:
        parts["stories"] = [Planned("stories", p.label, p.builder, p.args)
                            for p in _plan_sections(deck, report, takeaways=False)]
    chart_items = []
    for cd in _charts_for(deck, report):
        rendered = None
        if deck.settings.chart_mode == "image":
            rendered = charts.get(cd.id)
            if rendered is None or not rendered.png or not Path(rendered.png).is_file():
                deck.warn(f"deck: chart {cd.id!r} has no rendered PNG; drawing it as a native chart")
                rendered = None
        chart_items.append(Planned("charts", None, S.chart_slide, (cd, rendered, chart_notes(cd))))
    if chart_items:
        chart_items[0].label = "Charts: " + "; ".join(one_line(cd.title) for cd in _charts_for(deck, report))
    parts["charts"] = chart_items
    parts["quotes"] = [Planned(*p) for p in QT.plan_quotes(deck, report)]
    parts["sources"] = _plan_sources(deck, report)
    slides: list[Planned] = []
    agenda_at = None
    for kind in deck.settings.slides:
        if kind == "agenda":
            agenda_at = len(slides)
            slides.append(Planned("agenda", None, S.agenda_slide))
        else:
            slides.extend(_with_dividers(deck, kind, parts.get(kind, [])))
    if agenda_at is not None:
        n_labels = sum(1 for p in slides if p.label)
        pages = max(-(-n_labels // S.agenda_capacity(deck)), 1)
        for k in range(1, pages):  # a long agenda continues on the next slide(s)
            slides.insert(agenda_at + k, Planned("agenda", None, S.agenda_slide))
        entries = [(k + 1, lab, num) for k, (lab, num) in
                   enumerate((p.label, i + 1) for i, p in enumerate(slides) if p.label)]
        notes = "Agenda:\n" + "\n".join(f"{k}. {lab} (slide {num})" for k, lab, num in entries)
        per = -(-len(entries) // pages)
        for k in range(pages):
            title = "Agenda" if k == 0 else "Agenda (cont.)"
            slides[agenda_at + k].args = (entries[k * per:(k + 1) * per], notes, title)
    return slides


def _with_dividers(deck: Deck, kind: str, items: list[Planned]) -> list[Planned]:
    """``items`` of a part, each group (a source's slides, the charts, the quotes)
    opened by a divider slide on the ``section`` layout when the deck layout asks for
    ``section`` slides; the divider takes over the group's agenda label."""
    if "section" not in deck.settings.slides or kind not in ("takeaways", "stories", "sections", "charts", "quotes") \
            or not items:
        return items
    out: list[Planned] = []
    for item in items:
        if item.label:
            out.append(Planned(kind, item.label, S.section_slide, (item.label, f"Section: {item.label}")))
            item.label = None
        out.append(item)
    return out


def _fact_sentence(report: Report, fact_id: str) -> str:
    for f in report.facts:
        if f.id == fact_id and f.sentence:
            return f": “{one_line(f.sentence)}”"
    return ""


def build_deck(report: Report, layout: Layout, charts: dict[str, RenderedChart],
               warn: Callable[[str], None] | None = None, cache_dir: Path | None = None,
               use_cache: bool = True, output: str = "deck.pptx") -> bytes:
    """The deck's bytes (deterministic for the same inputs and ``SOURCE_DATE_EPOCH``); ``output``
    is the file's name, as warnings name it."""
    warn = warn or _default_warn(report)
    with recording(DeckGlyphs()) as glyphs:
        deck = Deck(report, layout, warn, cache_dir, use_cache)
        memo = SlideMemo(deck)
        for number, item in enumerate(plan(deck, report, charts), start=1):
            memo.make(number, item.builder, item.args)
        when = build_time(report.week)
        content = layout.content
        set_core_properties(deck.prs, title=one_line(report.title),
                            author=one_line(layout.brand.author or layout.brand.name),
                            subject=one_line(report.about(content)[0]),
                            keywords=[one_line(k) for k in report.about(content)[1]], language=content.language,
                            when=when)
    finish(deck.prs, glyphs, output, warn)
    if deck.cache is not None:
        keep_measures(deck.fonts.all() + deck.writer.title_fonts.all(), deck.cache)
    return normalise_entries(package_entries(deck.prs), when)


def render_pptx(report: Report, layout: Layout, charts: dict[str, RenderedChart], out: Path,
                warn: Callable[[str], None] | None = None, cache_dir: Path | None = None,
                use_cache: bool = True) -> None:
    """Write the briefing deck for ``report`` to ``out`` (atomically).

    ``charts`` maps chart ids to rendered images (used with ``chart_mode: image``);
    ``warn`` receives one-line warnings (default: appended to ``report.warnings``);
    ``cache_dir``/``use_cache`` are the chart cache's, where an SVG logo's picture is kept.
    Raises :class:`~reportkit.errors.LayoutError` for a template problem (e.g. a
    missing slide-layout name, listing the template's layout names).
    """
    data = build_deck(report, layout, charts, warn, cache_dir, use_cache, Path(out).name)
    with atomic_path(Path(out)) as tmp:
        tmp.write_bytes(data)


def _default_warn(report: Report) -> Callable[[str], None]:
    def warn(message: str) -> None:
        if message not in report.warnings:
            report.warnings.append(message)
        log.warning(message)

    return warn
