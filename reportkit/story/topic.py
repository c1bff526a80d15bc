"""Whether a week's sources are about what the layout's content file says the brief is about,
and the masthead such a week prints.

A content file's ``title`` names the brief ("Russia–Mexico Energy Brief"), and its charts and
key-figure picks say what the brief follows. When none of the charts and picks the layout
configures is in the week's report, the week is likely about something else. reportkit never
guesses a title from the week's news (a brief that renamed itself from a guess would be worse than
one that warns), but a content file may declare its own neutral masthead for such a week
(``off_topic: {title, short_title, subject, keywords}``): :func:`retitle` prints it, and says so in
one line. A content file without one keeps its title (it is the publication's name, chosen by its
author) and the build warns once, naming the content file (:func:`off_topic`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .assemble import render_title
from .select import matches, word_start

if TYPE_CHECKING:
    from ..layouts import Layout
    from ..model import Document, Report


def _on_topic(layout: Layout, report: Report, documents: list[Document]) -> bool:
    """Whether ``report`` shows a chart or key-figure pick ``layout`` configures (True when it
    configures none: nothing says the week is off)."""
    content = layout.content
    named, picks = layout.chart_ids(), content.key_figures.picks
    if not named and not picks:
        return True
    if any(not c.auto and c.id in named for c in report.charts):
        return True
    facts = {f.id: f for d in documents for f in d.facts}
    shown = [facts[k.fact_id] for k in report.key_figures if k.fact_id in facts]
    for pick in picks:
        keywords = [w.lower() for w in pick.fact.label]
        if any(matches(pick.fact, f) and all(word_start(w).search(f.sentence.lower()) for w in keywords)
               for f in shown):
            return True
    return False


def off_topic(layout: Layout, report: Report, documents: list[Document]) -> str | None:
    """A one-line warning when ``layout`` configures charts or key-figure picks and ``report``
    shows none of them (``None`` otherwise), naming the content file and what to change."""
    if _on_topic(layout, report, documents):
        return None
    short = report.short_title or report.title
    return (f"{layout.content_path}: none of the charts and key-figure picks it configures matches this week's "
            f"sources, yet every page is titled \"{short}\": if the week is about something else, set title, "
            f"short_title and subject there, or off_topic for such weeks (or build with --layout FILE)")


def retitle(layout: Layout, report: Report, documents: list[Document]) -> str | None:
    """Give ``report`` its content file's ``off_topic`` masthead when the week is off its topic
    (title, short title, metadata subject and keywords, filled for the report's week), and say so
    in one line; else the warning of :func:`off_topic` (``None`` on a week on topic)."""
    spare = layout.content.off_topic
    if spare is None:
        return off_topic(layout, report, documents)
    if _on_topic(layout, report, documents):
        return None
    was = report.short_title or report.title
    report.title = render_title(spare.title, report.week, "off_topic.title", layout.content_path)
    report.short_title = render_title(spare.short_title, report.week, "off_topic.short_title", layout.content_path)
    report.subject, report.keywords = spare.subject, list(spare.keywords)
    return (f"{layout.content_path}: none of the charts and key-figure picks it configures matches this week's "
            f"sources: titled \"{report.short_title}\" (its off_topic), not \"{was}\"")
