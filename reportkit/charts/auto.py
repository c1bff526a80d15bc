"""Automatic charts: what the week's text states as a coherent series, charted.

``auto_charts: N`` in an output layout asks for up to N charts the layout did not name.
Each is drawn from one article and one structure the text states:

- **trend**: one measure (of one subject) at two or more periods ("12.9 million bpd in
  2023 ... 13.2 million bpd in 2024");
- **change**: a from/to pair ("rose to 2.6%, up from 2.4%", "from $2.8 million to ..."), its
  categories the two periods as the text dates them ("Dec 2024", "Mar 2025"; "Last week", "This week"
  when the old value is "last week" and the article writes "this week"); a pair the text does not
  date at both ends is not charted (bars named "From" and "To" say nothing about when);
- **comparison**: one measure across subjects, written as a list
  ("growth forecasts: US 3.3%, Japan 2.1%, eurozone 1.9%") or, when the facts stage
  names subjects, the same measure stated for three or more of them;
- **parts**: such a list of percentages that adds up to a whole (99-101%).

Titles and captions are made from the measure's own words (plus the chart's data); the
source line names the article. Candidates are ranked by how much of the week they
explain (points, a table's counted at half weight, plus the weight of an article's lead; of equal
weight, the prose's before a table's: see titled.py), one per article before any article gets a second; facts a named chart already shows are not charted again. When
nothing coherent is found, there are no automatic charts: grounded or nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from ..model import ChartData, ChartPoint, Document, Fact, source_names
from ..numbers import format_value
from . import text as chart_text
from .coherent import PERIOD as _PERIOD
from .coherent import key, measure_of, names_a_measure, percent_kind, period_name, period_of, subject_of
from .points import chart_from_points, fact_point
from .residual import last
from .tabled import after_publication, counted_by_name, parts, table_of
from .titled import chart_title as _title
from .titled import caption_measure, caption_point, rank_key, reports_a_figure, shared_period, unit_word
from .unitcols import amount_columns
from .worded import owner, per_words, with_caveat

MIN_COMPARE = 3  # a list of fewer items is not a comparison worth a chart
LEAD_WEIGHT = 1.5  # a structure in the standfirst or first paragraph explains more of the week
# a table's rows are the article's data, its prose what the article says of them: a series the prose
# states comes first, a table's fills the charts the prose leaves free
TABLE_WEIGHT = 0.5
# a table's column that only counts what its header names ("Stores") gives way to one of the same table
# whose header states what it measures ("Rent now (dh a month)"): the table's author chose that measure
NAMED_COUNT_WEIGHT = 0.9
DATED_WEIGHT = 0.5  # points on a time axis (or across subjects) explain more than "earlier/latest"
NOT_A_NAME = {"from", "to", "up", "down", "by", "rose", "fell", "increased", "decreased", "rise", "fall",
              "gained", "lost", "climbed", "dropped", "jumped", "slipped", "was", "were", "is", "are", "about",
              "around", "nearly", "almost", "than", "more", "less", "over", "under", "between", "a", "an",
              "the", "per", "cent", "percent", "year", "years", "month", "months", "while", "with", "at"}
_DETERMINERS = {"its", "the", "their", "a", "an", "his", "her", "our", "this", "these", "those", "and", "but"}
_NAME = re.compile(r"^[A-Za-z][\w.'&-]*(?: [A-Za-z][\w.'&-]*){0,2}$")
_SEP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+)(?P<name>.*?)\s*$", re.S)
_LIST_INTRO = re.compile(r"(?P<measure>[^.:;]{3,80}):\s*(?P<name>[^:;,()]*?)\s*$", re.S)
CAPTIONS = {
    "trend": "{measure}: {first} in {first_year}, {last} in {last_year}.",
    "change": "{measure}: {last}, from {first}.",
    "comparison": "{measure}: highest in {max_category} ({max}), lowest in {min_category} ({min}).",
    "parts": "{measure}: the largest part is {max_category}, {max}.",
}


@dataclass
class Candidate:
    """A structure the text states: its facts (in chart order) and their categories."""

    kind: str  # trend | change | comparison | parts
    doc: Document
    facts: list[Fact]
    categories: list[str]
    measure: str
    subject: str = ""
    score: float = 0.0
    order: tuple[int, int] = (0, 0)
    ids: frozenset[str] = field(default_factory=frozenset)
    category_kind: str = ""  # "" : from the kind (trend: year; comparison, parts: subject)


def _sentence_start(body: str, f: Fact) -> int:
    at = body.find(f.sentence, max(0, f.start - len(f.sentence)))
    return at if 0 <= at <= f.start < at + len(f.sentence) + 1 else -1


def _by_sentence(doc: Document) -> list[tuple[int, list[Fact]]]:
    """The document's facts grouped by sentence (with the sentence's offset), in order."""
    body = doc.body_text()
    groups: dict[int, list[Fact]] = {}
    for f in doc.facts:
        s0 = _sentence_start(body, f)
        if s0 >= 0:
            groups.setdefault(s0, []).append(f)
    return [(s0, sorted(fs, key=lambda f: f.start)) for s0, fs in sorted(groups.items())]


def _name(text: str) -> str | None:
    """A list item's name (1-3 words, no verb or connective), else None."""
    text = text.strip().strip("(").strip()
    if not text or not _NAME.match(text):
        return None
    if any(w.lower() in NOT_A_NAME for w in text.split()):
        return None
    return text


def _lists(doc: Document) -> list[Candidate]:
    """Comparisons (and parts of a whole) written as a list: 'measure: A x, B y and C z'."""
    body = doc.body_text()
    out: list[Candidate] = []
    for s0, facts in _by_sentence(doc):
        facts = _plain(facts)
        if len(facts) < MIN_COMPARE:
            continue
        intro = _LIST_INTRO.search(body[s0:facts[0].start])
        first = _name(intro.group("name")) if intro else None
        if not intro or not first:
            continue
        names, items = [first], [facts[0]]
        for a, b in zip(facts, facts[1:]):
            m = _SEP.match(body[a.end:b.start])
            name = _name(m.group("name")) if m else None
            if not name or b.unit != a.unit or percent_kind(b) != percent_kind(a):
                break
            names.append(name)
            items.append(b)
        if len(items) < MIN_COMPARE or len({n.lower() for n in names}) < len(names):
            continue
        words = intro.group("measure").split()[-6:]
        while words and words[0].lower() in _DETERMINERS:
            words = words[1:]
        measure = " ".join(words).strip(" ,")
        kept = last(list(zip(names, items)), lambda x: x[0])  # "Other" last (residual.py)
        names, items = [n for n, _f in kept], [f for _n, f in kept]
        kind = "comparison"
        if items[0].unit == "percent" and 99 <= sum(f.value for f in items) <= 101:
            kind = "parts"
        out.append(Candidate(kind, doc, items, names, measure))
    return out


def _subjects(doc: Document) -> list[Candidate]:
    """One measure stated for several subjects (when the facts stage names subjects)."""
    groups: dict[tuple, list[Fact]] = {}
    for f in _plain(parts(doc)):
        if subject_of(f) and getattr(f, "measure", None):
            # one basis too: 470 forints per kilometre and 1,100 per ride are no one measure's values
            groups.setdefault((f.unit, f.per, percent_kind(f), key(measure_of(f)), period_of(f), table_of(f)),
                              []).append(f)
    out = []
    for facts in groups.values():
        seen: dict[str, Fact] = {}
        for f in facts:
            seen.setdefault(key(subject_of(f)), f)
        if len(seen) >= MIN_COMPARE:
            items = last(list(seen.values()), subject_of)  # "Other" after the rows it is the rest of
            out.append(Candidate("comparison", doc, items, [subject_of(f) for f in items], measure_of(items[0])))
    return out


def _plain(facts: list[Fact]) -> list[Fact]:
    """Facts that are one number of their own: a range ("£1.04bn-£1.1bn") is not a point
    of a series, and a bracketed conversion ("($8bn)") repeats the figure it converts."""
    return [f for f in facts if not f.range and not getattr(f, "equivalent_of", None)]


def _when(f: Fact) -> tuple[tuple[int, str], str] | None:
    """A sortable key and a label for the period ``f`` refers to (2024, 2024-Q3 -> "Q3 2024")."""
    m = _PERIOD.match(period_of(f))
    if not m:
        return None
    return (int(m.group(1)), m.group(2) or ""), period_name(period_of(f))


def _expected(f: Fact) -> bool:
    """Whether ``f``'s clause calls it expected, forecast or planned before it ("is forecast to
    rise from 12.9 million bpd in 2023 to 13.2 million bpd in 2024"): the story stage's rule,
    which its figures follow too."""
    from ..story import expected  # the story stage, below this one: imported when charts are made

    return expected(f, "")


def _trends(doc: Document) -> list[Candidate]:
    """One measure of one subject at two or more years (or quarters, halves, months), each
    figure one that happened (a forecast drawn in a trend would read as a past value) and of one
    kind of percentage (:func:`.coherent.percent_kind`)."""
    groups: dict[tuple[str, ...], dict[tuple[int, str], tuple[str, Fact]]] = {}
    for f in _plain(parts(doc)):
        when = _when(f)
        m = key(measure_of(f))
        if when is None or not m or _expected(f) or after_publication(f, doc):
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


def _pair_from_field(doc: Document) -> list[tuple[Fact, Fact]]:
    """From/to pairs the facts stage linked (``change: {from_id, to_id}``)."""
    by_id = {f.id: f for f in doc.facts}
    pairs = []
    for f in doc.facts:
        link = getattr(f, "change", None)
        if isinstance(link, dict):
            a, b = by_id.get(link.get("from_id") or link.get("from")), by_id.get(link.get("to_id") or link.get("to"))
            if a is not None and b is not None and (a, b) not in pairs:
                pairs.append((a, b))
    return pairs


_TO = re.compile(r"^\s*to\s*$")
_FROM = re.compile(r"^\s*from\s*$")
_UP_FROM = re.compile(r"^\s*,?\s*(?:up|down)\s+from\s*$")


def _pair_from_text(doc: Document) -> list[tuple[Fact, Fact]]:
    """From/to pairs as written: 'from X to Y', 'to Y from X', 'Y, up from X'."""
    body = doc.body_text()
    pairs = []
    for _s0, facts in _by_sentence(doc):
        for a, b in zip(facts, facts[1:]):
            if a.unit != b.unit or a.per != b.per:
                continue
            between, before = body[a.end:b.start], body[max(0, a.start - 6):a.start]
            if _TO.match(between) and before.rstrip().endswith("from"):
                pairs.append((a, b))
            elif (_FROM.match(between) and before.rstrip().endswith("to")) or _UP_FROM.match(between):
                pairs.append((b, a))
    return pairs


# A figure measured against a forecast is a comparison, not a change over time.
_EXPECTED = re.compile(r"\b(?:expect\w*|forecast\w*|estimat\w*|project\w*|consensus|poll|targets?|guidance|"
                       r"outlook|aims?|plans?|will|could|may|would)\b", re.I)


def _changes(doc: Document) -> list[Candidate]:
    pairs = _pair_from_field(doc) or _pair_from_text(doc)
    out = []
    plain = {f.id for f in _plain(doc.facts)}
    for a, b in pairs:
        if a.value == b.value or a.id not in plain or b.id not in plain or a.unit != b.unit or a.per != b.per:
            continue
        first = min(a, b, key=lambda f: f.start)
        before = first.sentence[: max(first.sentence.find(first.text), 0)]
        if _EXPECTED.search(f"{measure_of(a)} {measure_of(b)} {before}") or _expected(a) or _expected(b):
            continue  # "is expected to be 73.5%, down from 75%": a forecast, not a change that happened
        pa, pb = period_of(a), period_of(b)
        dated = bool(pa and pb and pa != pb)
        if bool(pa) != bool(pb):
            continue  # one end dated, the other not: "From Feb 2024" beside a bare "To" half-claims a period
        # Undated ends are named as the text names their times ("Last week", "This week"), else the
        # pair is not charted: bars called "From" and "To" tell a reader nothing about when, and
        # guessing a period ("Latest", "2025") would print words the source does not say.
        cats = [period_name(pa), period_name(pb)] if dated else _relative_names(doc, a)
        if cats is None:
            continue
        out.append(Candidate("change", doc, [a, b], cats,
                             measure_of(b) or measure_of(a), subject_of(b),
                             category_kind="period" if dated else "change"))
    return out


# "up from $13.50/mmBtu last week": the old end's time, as the text says it, and the word the text
# uses for the new end's ("this week"), when it writes one
_LAST_AFTER = re.compile(r"\s*(?:\([^()]{0,20}\)\s*)?(?:last|the\s+previous|the\s+prior)\s+(?P<u>week|month|quarter|year)\b",
                         re.I)


def _relative_names(doc: Document, old: Fact) -> list[str] | None:
    """["Last week", "This week"] when the old value of a change is dated "last week" (month,
    quarter, year) right after it and the article writes "this week" too; else ``None``."""
    body = doc.body_text()
    m = _LAST_AFTER.match(body, old.end)
    if m is None:
        return None
    unit = m.group("u").lower()
    if re.search(rf"\bthis\s+{unit}\b", body, re.I) is None:
        return None
    said = " ".join(m.group(0).split()).split(")")[-1].strip()
    return [said[:1].upper() + said[1:], f"This {unit}"]


def _lead_end(doc: Document) -> int:
    """Where the standfirst and first paragraph end in the body text."""
    end = len(doc.subtitle) + 2 if doc.subtitle else 0
    offsets = doc.block_offsets()
    for s in doc.sections:
        for b in s.blocks:
            return max(end, offsets[id(b)] + len(b.text))
    return end


def candidates(documents: list[Document]) -> list[Candidate]:
    """Every coherent structure the documents state, best first."""
    found: list[Candidate] = []
    for n, doc in enumerate(documents):
        lead = _lead_end(doc)
        body = doc.body_text()
        mine = _trends(doc) + _changes(doc) + _subjects(doc) + _lists(doc) + [
            Candidate("comparison", doc, fs, names, m) for m, fs, names in amount_columns(doc)]  # unitcols.py
        for c in mine:
            if not c.measure.strip() or unit_word(c.measure) or reports_a_figure(c) or len(c.facts) < 2:
                continue  # "Micrograms", "Provincial figures" (show that ...) say how or who, not what
            if c.kind in ("trend", "change") and not names_a_measure(c.facts[-1], body):
                continue  # "Lloyds: 13%, 15%" says whose, not what: no chart
            c.ids = frozenset(f.id for f in c.facts)
            c.subject, c.measure = owner(c), c.measure + per_words(c)  # whose, "a match" (worded.py)
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
        caption, used = chart_text.render(CAPTIONS[c.kind], variables)
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
