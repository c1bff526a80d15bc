"""Whether a week's sources are about what the layout's content file says the brief is about.

A content file's ``title`` names the brief ("Russia–Mexico Energy Brief"), and its charts and
key-figure picks say what the brief follows. The title is printed on every week, whatever its
sources: it is the publication's name, chosen by its author, and reportkit does not replace it
with a guess (a brief that renamed itself week by week would be worse than one that warns). When
none of the charts and picks the layout configures is in the week's report, the week is likely
about something else, and the build says so in one warning naming the content file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .select import matches

if TYPE_CHECKING:
    from ..layouts import Layout
    from ..model import Document, Report


def off_topic(layout: Layout, report: Report, documents: list[Document]) -> str | None:
    """A one-line warning when ``layout`` configures charts or key-figure picks and ``report``
    shows none of them (``None`` otherwise), naming the content file and what to change."""
    content = layout.content
    named, picks = layout.chart_ids(), content.key_figures.picks
    if not named and not picks:
        return None  # nothing configured: nothing to say the week is off
    if any(not c.auto and c.id in named for c in report.charts):
        return None
    facts = {f.id: f for d in documents for f in d.facts}
    shown = [facts[k.fact_id] for k in report.key_figures if k.fact_id in facts]
    for pick in picks:
        keywords = [w.lower() for w in pick.fact.label]
        if any(matches(pick.fact, f) and all(w in f.sentence.lower() for w in keywords) for f in shown):
            return None
    short = report.short_title or report.title
    return (f"{layout.content_path}: none of the charts and key-figure picks it configures matches this week's "
            f"sources, yet every page is titled \"{short}\": if the week is about something else, set title, "
            f"short_title and subject there (or build with --layout FILE)")
