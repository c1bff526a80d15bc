"""Automatic charts: what the week's text states as a coherent series, charted.

``auto_charts: N`` in an output layout asks for up to N charts the layout did not name.
Each is drawn from one article and one structure the text states:

- **trend**: one measure (of one subject) at two or more periods ("12.9 million bpd in
  2023 ... 13.2 million bpd in 2024");
- **change**: a from/to pair ("rose to 2.6%, up from 2.4%", "from $2.8 million to ..."), its
  categories the two periods as the text dates them ("Dec 2024", "Mar 2025"; "Last week", "This week"
  when the old value is "last week" and the article writes "this week"); a pair the text does not
  date at both ends is not charted (bars named "From" and "To" say nothing about when)
  (:mod:`.pairs`);
- **comparison**: one measure across subjects, written as a list
  ("growth forecasts: US 3.3%, Japan 2.1%, eurozone 1.9%") or, when the facts stage
  names subjects, the same measure stated for three or more of them (:mod:`.listed`);
- **parts**: such a list of percentages that adds up to a whole (99-101%).

Titles and captions are made from the measure's own words (plus the chart's data); the
source line names the article. Candidates are ranked by how much of the week they
explain (points, a table's counted at half weight, plus the weight of an article's lead; of equal
weight, the prose's before a table's: see titled.py), one per article before any article gets a second; facts a named chart already shows are not charted again. When
nothing coherent is found, there are no automatic charts: grounded or nothing.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from ..model import ChartData, ChartPoint, Document, Fact, source_names
from ..numbers import format_value
from ..story import bare_measure, bare_title_why, header_key, header_title_why
from . import text as chart_text
from .candidate import Candidate, expected_figure, plain
from .coherent import PERIOD as _PERIOD
from .coherent import key, measure_of, names_a_measure, percent_kind, period_name, period_of, subject_of
from .listed import lists, subjects
from .pairs import changes
from .points import chart_from_points, fact_point
from .residual import ends_shown, is_residual
from .tabled import after_publication, counted_by_name, parts, table_of
from .titled import chart_title as _title
from .titled import caption_measure, caption_point, rank_key, reports_a_figure, shared_period, share_within_rows, unit_word
from .unitcols import amount_columns
from .worded import owner, per_words, with_caveat

LEAD_WEIGHT = 1.5  # a structure in the standfirst or first paragraph explains more of the week
# a table's rows are the article's data, its prose what the article says of them: a series the prose
# states comes first, a table's fills the charts the prose leaves free
TABLE_WEIGHT = 0.5
# a table's column that only counts what its header names ("Stores") gives way to one of the same table
# whose header states what it measures ("Rent now (dh a month)"): the table's author chose that measure
NAMED_COUNT_WEIGHT = 0.9
DATED_WEIGHT = 0.5  # points on a time axis (or across subjects) explain more than "earlier/latest"
CAPTIONS = {
    "trend": "{measure}: {first} in {first_year}, {last} in {last_year}.",
    "change": "{measure}: {last}, from {first}.",
    "comparison": "{measure}: highest in {max_category} ({max}), lowest in {min_category} ({min}).",
    "parts": "{measure}: the largest part is {max_category}, {max}.",
}


def _caption_template(kind: str, points: list[ChartPoint]) -> str:
    """The caption's words for a chart of ``points``: a comparison says "highest" (or "lowest")
    only of a named row that is the highest (lowest) bar of the chart, "Other" bar included."""
    if kind != "comparison":
        return CAPTIONS[kind]
    values = [(p.category, p.value) for p in points if p.value is not None]
    high, low = ends_shown([v for cat, v in values if not is_residual(cat)], [v for cat, v in values if is_residual(cat)])
    if high and low:
        return CAPTIONS[kind]
    if high or low:
        return CAPTIONS[kind].split(", lowest")[0] + "." if high else "{measure}: lowest in {min_category} ({min})."
    return ""  # no caption: neither end of the chart is a named row


def _when(f: Fact) -> tuple[tuple[int, str], str] | None:
    """A sortable key and a label for the period ``f`` refers to (2024, 2024-Q3 -> "Q3 2024")."""
    m = _PERIOD.match(period_of(f))
    if not m:
        return None
    return (int(m.group(1)), m.group(2) or ""), period_name(period_of(f))


def _trends(doc: Document) -> list[Candidate]:
    """One measure of one subject at two or more years (or quarters, halves, months), each
    figure one that happened (a forecast drawn in a trend would read as a past value) and of one
    kind of percentage (:func:`.coherent.percent_kind`)."""
    groups: dict[tuple[str, ...], dict[tuple[int, str], tuple[str, Fact]]] = {}
    for f in plain(parts(doc)):
        when = _when(f)
        m = key(measure_of(f))
        if when is None or not m or expected_figure(f) or after_publication(f, doc):
            continue
        # years, halves, quarters, months are not one axis ("H2 2026" holds "Q4 2026"); nor are two kinds of percentage
        part = when[0][1]
        axis = (f.unit, percent_kind(f), m, key(subject_of(f)), part[:1] if part[:1] in ("Q", "H") else part and "M")
        groups.setdefault(axis, {}).setdefault(when[0], (when[1], f))
    out = []
    for by_when in groups.values():
        if len(by_when) >= 2:
            order = sorted(by_when)
            facts = [by_when[k][1] for k in order]
            out.append(Candidate("trend", doc, facts, [by_when[k][0] for k in order], measure_of(facts[-1]),
                                 subject_of(facts[-1])))
    return out


def candidates(documents: list[Document]) -> list[Candidate]:
    """Every coherent structure the documents state, best first."""
    found: list[Candidate] = []
    for n, doc in enumerate(documents):
        lead = doc.lead_end()
        body = doc.body_text()
        mine = _trends(doc) + changes(doc) + subjects(doc) + lists(doc) + [
            Candidate("comparison", doc, fs, names, m) for m, fs, names in amount_columns(doc)]  # unitcols.py
        for c in mine:
            if not c.measure.strip() or unit_word(c.measure) or reports_a_figure(c) or len(c.facts) < 2:
                continue  # "Micrograms", "Provincial figures" (show that ...) say how or who, not what
            if c.kind in ("trend", "change") and not names_a_measure(c.facts[-1], body):
                continue  # "Lloyds: 13%, 15%" says whose, not what: no chart
            c.ids = frozenset(f.id for f in c.facts)
            c.subject, c.measure = owner(c), c.measure + per_words(c)  # whose, "a match" (worded.py)
            if bare_measure(c.measure) and bare_title_why(_title(c)):
                continue  # "Volume" with nothing to say of what: a table's name did not (titled.py)
            if all(table_of(f) for f in c.facts) and header_title_why(_title(c), {header_key(c.measure)}):
                continue  # "Change in tonnes on year": its column's header alone says not what, whose, when
            if c.kind == "change" and any(x.ids == c.ids for x in found if x.kind == "trend"):
                continue  # the same two dated figures: drawn once, as a trend
            points = len(c.facts) * (TABLE_WEIGHT if all(table_of(f) for f in c.facts) else 1.0)
            if all(counted_by_name(f) for f in c.facts):
                points *= NAMED_COUNT_WEIGHT
            c.score = points + (LEAD_WEIGHT if any(f.start < lead for f in c.facts) else 0.0)
            if c.category_kind != "change":
                c.score += DATED_WEIGHT  # "2023, 2024" says more than "earlier, latest"
            c.order = (n, min(f.start for f in c.facts))
            found.append(c)
    found.sort(key=rank_key)  # ties: prose before a table, more points, the week's order
    return found


def choose(found: list[Candidate], count: int, taken: set[str]) -> list[Candidate]:
    """Up to ``count`` candidates, one per article before any article gets a second;
    none sharing a fact with a named chart or with one chosen before."""
    chosen: list[Candidate] = []
    used = set(taken)
    for round_ in (0, 1, 2):
        for c in found:
            if len(chosen) >= count:
                return chosen
            if c in chosen or c.ids & used:
                continue
            if sum(1 for x in chosen if x.doc is c.doc) > round_:
                continue
            chosen.append(c)
            used |= c.ids
    return chosen


def to_chart(c: Candidate, chart_id: str, names: dict[str, str] | None = None) -> ChartData:
    """The chart for a candidate: points with provenance, title and caption from its measure."""
    from .describe import alt_text

    unit = c.facts[0].unit
    title = _title(c)
    said = caption_measure(c, title)  # "Exports" (its caption's word) for a "Value (€m)" column
    whose = title if c.kind in ("trend", "change") and c.subject and not said else None  # the caption says whose
    series = said or c.measure[:1].upper() + c.measure[1:]
    points: list[ChartPoint] = [fact_point(cat, series, f, unit) for cat, f in zip(c.categories, c.facts)]
    kind = {"trend": "line" if len(points) >= 3 else "bar", "parts": "donut"}.get(c.kind, "bar")
    category_kind = c.category_kind or {"trend": "year"}.get(c.kind, "subject")
    name = (names or {}).get(c.doc.source) or PurePath(c.doc.source).name  # relative to the build root
    chart = chart_from_points(chart_id, kind, title, unit, points, category_kind=category_kind,
                              sources=[name], source_titles=[c.doc.title or name], measure=c.measure,
                              subject=c.subject, auto=True)
    facts = {f.id: f for f in c.facts}
    variables = chart_text.variables(chart, facts, {"measure": chart_text.Var(said or whose)} if said or whose else None)
    try:
        template = "" if share_within_rows(c) else _caption_template(c.kind, points)
        if not template:
            raise chart_text.TemplateError("neither end of the chart is a named row", unknown=False)
        caption, used = chart_text.render(template, variables)
    except chart_text.TemplateError:
        caption, used = None, []
    chart.caption = with_caveat(c, caption)  # "..., although most of the gain came from a weaker cedi."
    chart.text_points = [p for v in used if (p := chart_text.text_point("caption", v)) is not None]
    shown = shared_period(c)
    if shown and chart.title.endswith(", " + shown):
        # "Loans, 2026": the period every point shares, printed in the title, is its facts'
        year = re.search(r"(?:19|20)\d\d", shown)
        chart.text_points.append(ChartPoint("title", "", float(year.group(0)) if year else None, shown,
                                            fact_ids=[f.id for f in c.facts]))
    if (captioned := caption_point(c, chart.title)) is not None:
        chart.text_points.append(captioned)  # the caption's numbers are its source's words
    chart.alt_text = alt_text(chart)
    return chart


def auto_charts(documents: list[Document], count: int, taken: set[str] | None = None) -> list[ChartData]:
    """Up to ``count`` automatic charts for ``documents`` (ids ``auto_1``...), best first."""
    if count <= 0:
        return []
    chosen = choose(candidates(documents), count, taken or set())
    names = source_names(d.source for d in documents)
    return [to_chart(c, f"auto_{i}", names) for i, c in enumerate(chosen, start=1)]


def describe_candidate(c: Candidate) -> str:
    """One line for debugging and reports: kind, article, measure, values."""
    vals = ", ".join(f"{cat} {format_value(f.value, f.unit)}" for cat, f in zip(c.categories, c.facts))
    return f"{c.kind} [{PurePath(c.doc.source).name}] {c.measure}: {vals} (score {c.score:g})"
