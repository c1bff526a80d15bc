"""Which facts an output prints, part by part (``facts_used`` in ``build --json``).

The renderers lay out a :class:`~reportkit.model.Report`; this module walks the same
report, part by part as the layout lists them, and names every fact a reader sees:
the key figures, the charts' points (and the facts a derived point or a caption is
computed from), the "What changed" lines, and the facts inside the text the
renderers print: takeaways, the cover's standfirst, each story's headline, summary,
bullets, key numbers and quote, the week's quotes. A part that prints whole articles
(the brief's ``full_text``/``sections``, the deck's ``sections`` slides, and its story
slides, whose notes carry the article) prints every fact of its documents.

A printed text is matched to its document's facts by place: when the text stands in the
document as written, the facts inside that span; otherwise (a text re-joined on one
line, or cut short) a fact whose words are printed and whose sentence the text comes from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from ..model import Document, Fact, Report

if TYPE_CHECKING:
    from ..layouts import Layout

#: The parts of a report that print facts, in the order ``facts_by_part`` lists them.
PARTS = ("key_figures", "charts", "changes", "takeaways", "cover", "stories", "quotes", "full_text")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _words(text: str) -> set[str]:
    return {w.strip(".,;:!?\"'()“”‘’").lower() for w in text.split()} - {""}


def _from_sentence(f: Fact, printed: str) -> bool:
    """Whether ``printed`` comes from the fact's sentence: most words of the shorter are in the longer."""
    a, b = _words(f.sentence), _words(printed)
    small = min(len(a), len(b))
    return bool(small) and len(a & b) >= 0.6 * small


def facts_in_text(doc: Document, text: str) -> list[str]:
    """The ids of ``doc``'s facts that ``text`` (printed from ``doc``) shows."""
    if not text.strip():
        return []
    body = doc.body_text()
    at = body.find(text)
    if at >= 0:
        return [f.id for f in doc.facts if at <= f.start and f.end <= at + len(text)]
    flat = _flat(text)
    return [f.id for f in doc.facts if f.text and _flat(f.text) in flat and _from_sentence(f, flat)]


def _texts_of(docs: list[Document], texts: list[str]) -> list[str]:
    return [fid for d in docs for t in texts for fid in facts_in_text(d, t)]


def _whole(docs: list[Document]) -> list[str]:
    return [f.id for d in docs for f in d.facts]


def _parts(layout: Layout) -> set[str]:
    """The report parts ``layout`` prints, in this module's names."""
    if layout.format == "pdf" and layout.pdf is not None:
        parts = set(layout.pdf.parts)
        return parts - {"sections"} | ({"full_text"} if {"sections", "full_text"} & parts else set())
    if layout.deck is None:
        return set()
    parts = set(layout.deck.slides)
    if "sections" in parts:  # the takeaways, then every section's slides
        parts |= {"takeaways", "full_text"}
    if "stories" in parts:  # "one": the whole article in each story slide's notes; "full": its sections
        parts.add("full_text")
    if "title" in parts:  # the title slide shows the standfirst
        parts.add("cover")
    return parts


def facts_by_part(report: Report, layout: Layout) -> dict[str, list[str]]:
    """Every fact id an output of ``layout`` prints, by part (sorted, each once per part)."""
    parts = _parts(layout)
    docs = report.documents
    by_source = {d.source: d for d in docs}
    found: dict[str, list[str]] = {}
    if "key_figures" in parts:
        found["key_figures"] = [fid for kf in report.key_figures for fid in (kf.fact_ids or [kf.fact_id])]
    if "charts" in parts:
        found["charts"] = [fid for cd in report.charts for p in [*cd.points, *cd.text_points]
                           for fid in [*p.fact_ids, *((p.derived or {}).get("inputs") or [])]] + \
                          [fid for cd in report.charts for fid in cd.fact_ids]
    if "changes" in parts and report.changes is not None:
        found["changes"] = [fid for line in report.changes.lines for fid in [*line.fact_ids, *line.old_fact_ids]]
    if "takeaways" in parts:
        found["takeaways"] = [fid for t in report.takeaways
                              for fid in _texts_of([by_source[s] for s in t.sources if s in by_source] or docs,
                                                   [t.text])]
    if "cover" in parts:
        found["cover"] = _texts_of(docs, [report.standfirst])
    if "stories" in parts:
        ids: list[str] = []
        for story in report.stories:
            doc = by_source.get(story.source)
            ids += [fid for kf in story.figures for fid in (kf.fact_ids or [kf.fact_id])]
            if doc is not None:  # the brief prints the summary and the quote, a story slide its bullets
                texts = [story.headline, *(story.summary if layout.format == "pdf" else story.bullets)]
                quoted = [p for q in (story.quote, story.second_quote) if q is not None for p in q.parts]
                ids += _texts_of([doc], texts + (quoted if layout.format == "pdf" else []))
        found["stories"] = ids
    if "quotes" in parts:
        found["quotes"] = [fid for source, q in report.quotes if source in by_source
                           for fid in _texts_of([by_source[source]], q.parts)]
    if "full_text" in parts:
        found["full_text"] = _whole(docs)
    return {part: sorted(set(found[part])) for part in PARTS if found.get(part)}


def key_figure_entries(reports: list[Report]) -> list[dict[str, object]]:
    """``key_figures`` of ``build --json``: each figure the outputs print once (display, label,
    fact ids, source)."""
    seen: set[tuple[str, str, str]] = set()
    out: list[dict[str, object]] = []
    for r in reports:
        for kf in r.key_figures:
            if (kf.display, kf.label, kf.source) not in seen:
                seen.add((kf.display, kf.label, kf.source))
                out.append({"display": kf.display, "label": kf.label, "fact_ids": kf.fact_ids or [kf.fact_id],
                            "source": kf.source})
    return out
