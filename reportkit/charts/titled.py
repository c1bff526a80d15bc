"""An automatic chart's title, and how candidates of equal weight are ordered.

**Title.** A chart of a captioned table's column is titled with the caption (for a table with no
caption: the heading of the section it opens, or what the sentence before it says it gives, when
those words name the column's measure itself; words that name another measure but say what the
rows are, "Crop by country" over a "Country" column, give "Share of world crop by country"), as written (its
label "Table 2:" left off), when the caption names that column's measure and only it ("Swims
by pool, 2026" over the Swims column), or names one measure and the column is the only one of
its table with a measure ("Exports by market, first half of fiscal 2027" over "Value (€m)" beside
a "Change (%)" of it). Every column of the table counts, whether or not the facts stage read its
cells: "Surgery waiting list by region" over "Average wait (days)" beside "Patients waiting" (no
cell read: no plural noun counts) names the table or that column, not the days; the chart is
"Average wait by region". A caption naming two measures ("Deliveries and prices by
product") is the whole table's title, not one column's; that chart, like any other, is titled
with its measure's words, its subject's and the period every point shares ("Loans, 2026").

**Two points last.** A chart of two points (a change, a two-year trend) draws what its one sentence
already says; a chart of three points or more (a table's rows, a list, a series) shows what prose
cannot. So every candidate of three points or more comes before every two-point one, whatever their
weights (:func:`says_no_more`); a two-point chart is drawn when the week has nothing fuller to fill
its slot.

**Ties.** Candidates are ranked by weight (:func:`reportkit.charts.auto.candidates`); of two of
equal weight, a series the prose states comes before a table's columns (the prose says what
the article is about; its table is the data behind it), then a column its table's caption names
(the source's own title for it), then the one with more points, then the first in the week's
order. The order never depends on anything but the candidates.

**No title.** A measure that is only a unit ("Micrograms") or the source of a figure ("Provincial
figures show that hotel occupancy ... averaged 71%") cannot say what a chart shows: such a
candidate is not charted (:func:`unit_word`, :func:`reports_a_figure`).
"""

from __future__ import annotations

import re

from ..facts import caption_period, cell_period, column_measure
from ..lazyre import lazy
from ..model import ChartPoint, Document, Fact
from ..story import bare_measure, caption_head_of, with_whose
from .coherent import PERIOD, key, period_name, period_of
from .tabled import caption_of, other_columns, table_name, table_of

# a caption's label: "Table 2:", "Table 2.", "Tab. 3 –"
_LABEL = re.compile(r"(?:Table|Tab\.)\s*\d+[A-Za-z]?\s*[:.–—-]\s+", re.I)
_CHANGE = lazy(r"(?:change|growth|rise|fall|increase|decrease)\b", re.I)
# a table's name that says what its rows are: "... by market in the first quarter of 2027"
_NAMES_ROWS = lazy(r"\s[Bb]y\s+[a-z]")
_JOINED = re.compile(r"\b(?:and|&)\b|\bvs\.?\b|\bversus\b", re.I)


def caption_title(doc: Document, facts: list[Fact], measure: str, compose: bool = True) -> str | None:
    """The caption of the one table all ``facts`` are cells of, when it names ``measure``
    and no second one (see the module docstring); else None. A table with no caption is
    named, for this, by the heading of the section it opens or by the sentence that
    introduces it ("The table below gives donations by region."): only when those words
    name ``measure`` itself, since a heading may be a section's ("Prices at a glance"). Words
    that name no measure but say what the rows are ("Crop by country") give "<measure> by
    country" (:func:`_by_rows`), unless ``compose`` is False."""
    named_by = table_name(doc, facts)
    if not named_by or not measure.strip():
        return None
    words = _LABEL.sub("", named_by[1], count=1).strip()
    if _JOINED.search(caption_head(words)):
        return None
    named = re.search(rf"(?<![\w-]){re.escape(key(measure))}(?![\w-])", key(words)) is not None
    # "Exports by market" over "Value (€m)" and "Change (%)": the change column names no measure
    # (reportkit.facts.cells), so the caption's one measure is the value column's
    rows = {f.sentence for f in facts}
    others = {key(f.measure) for f in doc.facts if f.sentence in rows and f.measure} - {key(measure)}
    # "Median single-family price by county" over a "Median price" and a "Sales" column names the
    # price column, whether or not the facts stage gave its cells a measure: not the sales
    head = set(key(caption_head(words)).split())
    others |= {key(h) for h in other_columns(facts) if key(h) and set(key(h).split()) <= head}
    # "Surgery waiting list by region" over "Average wait (days)" beside "Patients waiting", a column
    # the facts stage read no cell of (no plural noun counts): the caption names the table, or that
    # column, but not this one; only a column that names no measure ("Change on year (%)") leaves
    # its caption to this one
    others |= {key(m) for h in other_columns(facts) if (m := column_measure(h))} - {key(measure)}
    title = words[:1].upper() + words[1:]
    if not named and compose and (named_by[0] == "caption" or _NAMES_ROWS.search(words)) and _CHANGE.match(measure):
        # the caption names the table ("Wine exports by market, 2026"), its column is a change of it:
        # bars of a change under the table's name alone read as its amounts or shares, and its
        # header alone ("Change in value on 2025") says not of what
        return f"{_whose(doc, title)}: {measure[:1].lower()}{measure[1:]}"
    if not named and (others or named_by[0] != "caption"):
        if compose and bare_measure(measure) and (named_by[0] == "caption" or _NAMES_ROWS.search(words)):
            # "Volume (thousand litres)" beside "Value" under "exports by market in the first quarter
            # of 2027": the header says how much, the table's name of what ("Value by parish" says not
            # of what); a caption over its table's only measure titles it whole (below)
            return f"{_whose(doc, title)}: {measure.lower()}"
        return _by_rows(facts, measure, words) if compose else None
    return _whose(doc, title) if compose else title


def _whose(doc: Document, title: str) -> str:
    """``title`` (a table's name) with its head noun written with whose it is, as the document's
    title or lead sentence says it: "Armenian brandy exports by market ..." for "Exports by market
    ..." in "Armenian brandy exports: the first quarter of 2027"; "Dominican Republic premium cigar
    exports by market ..." when the lead says "The Dominican Republic exported ... premium
    hand-rolled cigars" (:func:`reportkit.story.with_whose`); ``title`` itself when neither says."""
    return with_whose(doc, title)


# "Crop by country", "volumes by quarter": what a table's rows are, in the words that name it
_TIMES = re.compile(r"(?:year|quarter|half|month|week|day|season|period)s?", re.I)
_BY = re.compile(r"\b[Bb]y\s+(?P<rows>[a-z][a-z -]{1,30}?)\s*(?:,|$)")


def _by_rows(facts: list[Fact], measure: str, words: str) -> str | None:
    """"Share of world crop by country" when the words naming the table say what its rows are
    ("Crop by country" over a first column "Country") but not the charted measure: the measure's
    words and theirs, never a measure the table's name gives another column."""
    m = _BY.search(words)
    rows = table_of(facts[0])[:1]
    if m is None or not rows or key(m.group("rows")).rstrip("s") != key(rows[0]).rstrip("s"):
        return None
    if "," in measure:  # "Margin, October" already names its when: "by region" after it would cut it
        return None
    if _TIMES.fullmatch(m.group("rows")):  # "Parcels by quarter" would end a title on a time (verify)
        return None
    return f"{measure[:1].upper()}{measure[1:]} by {m.group('rows')}"


def caption_head(title: str) -> str:
    """What a caption title names before its "by", comma or colon: "Exports" of "Exports by
    market, first half of fiscal 2027", the words a caption sentence names the bars with when
    the column's own header is a bare "Value"."""
    return caption_head_of(title)


def chart_title(c) -> str:
    """A candidate's title: its table's caption (:func:`caption_title`) when it compares the
    table's rows, else its measure's words and its subject's; either with the period every
    point shares when the words do not name it ("Loans by format, 2026")."""
    measure = c.measure.strip()
    title = _captioned(c)
    if title is not None:
        title = _column_named(c, title)
    else:
        title = measure[:1].upper() + measure[1:]
        if c.subject and key(c.subject) not in key(measure):
            # "European list price" written whole is its title: "List price, European" cuts the noun phrase
            whole = next((m.group(0) for f in reversed(c.facts) if (m := re.search(
                rf"(?<![\w'’-]){re.escape(c.subject)}\s+{re.escape(measure)}(?![\w-])", f.sentence, re.I))), None)
            title = whole[:1].upper() + whole[1:] if whole else f"{title}, {c.subject}"
    shown = shared_period(c)
    if shown and shown[-4:] not in title:  # "Swims by pool, 2026" names it already
        title = f"{title}, {shown}"  # "Loans, 2026": the table's other column is 2025
    return title


def _column_named(c, title: str) -> str:
    """``title`` (its table's name) with the charted column's header after a colon when another
    column of the table holds figures of the same unit and the title names neither: "Chisinau
    public transport fares (lei): from 1 June" of a table with a "Current" and a "From 1 June"
    column; the table's name alone does not say which of the two the bars are."""
    header = c.measure.strip()
    if not header or key(header) in key(title) or all(f.period for f in c.facts):
        return title  # a year's column ("2026") is named by the period the title ends on
    rows = {f.sentence for f in c.facts}
    unit = c.facts[0].unit
    ours = {f.id for f in c.facts}
    # a cell of another column of the same rows in the same unit ("Current: 4" beside "From 1 June: 6")
    if not any(f.sentence in rows and f.unit == unit and f.id not in ours for f in c.doc.facts):
        return title
    return f"{title}: {header[:1].lower() if header[1:2].islower() else header[:1]}{header[1:]}"


def shared_period(c) -> str | None:
    """The words naming the period every point of a comparison shares: "2026", "Q4 2026"; a
    fiscal one as its table's caption writes it ("fiscal 2026" of "Selected clubs, fiscal 2026
    (€m)"), never a form of ours; None when the points' periods differ or nothing names it."""
    when = {period_of(f) for f in c.facts}
    if c.kind not in ("comparison", "parts") or len(when) != 1 or not next(iter(when)):
        return None
    period = next(iter(when))
    if PERIOD.match(period):
        return period_name(period)
    caption = caption_of(c.doc, c.facts)
    if caption is None or caption_period(caption, cell_period)[0] != period:
        return None
    m = re.fullmatch(r"(?P<words>.*?)\s*\([^()]{1,24}\)\s*", caption)
    return (m.group("words") if m else caption).rsplit(",", 1)[1].strip()


def _captioned(c) -> str | None:
    """The caption title of a chart across a table's rows; a trend of one row ("Adult print,
    2025 and 2026") is not what the caption names ("Loans by format")."""
    return caption_title(c.doc, c.facts, c.measure.strip()) if c.kind in ("comparison", "parts") else None


def caption_point(c, title: str) -> ChartPoint | None:
    """The title's provenance when it is its table's caption: the caption's words, with the numbers
    they print ("2026", "2027"), sit above every row the chart draws (None for any other title)."""
    captioned = _captioned(c)
    if captioned is None or not title.startswith(captioned):
        return None
    return ChartPoint("title", "", None, captioned, fact_ids=[f.id for f in c.facts])


# a unit of measure alone ("Micrograms" of "31.4 micrograms per cubic metre"): how a figure is
# counted, not what is measured; a chart titled with it says nothing of what it shows
_UNIT_WORD = re.compile(r"(?:micro|milli|centi|kilo|mega|giga)?(?:grams?|grammes?|metres?|meters?|litres?|liters?|"
                        r"watts?|watt-hours?)|tonnes?|tons?|barrels?|hectares?|acres?|bushels?|ounces?|gallons?|"
                        r"pounds?|seconds?|minutes?|hours?|bags|sacks|bales", re.I)


def unit_word(measure: str) -> bool:
    """Whether ``measure`` is only a unit of measure ("Micrograms", "tonnes"): no chart's title."""
    return _UNIT_WORD.fullmatch(measure.strip()) is not None


# "Provincial figures show that hotel occupancy ... averaged 71%": the words before a reporting verb
# and "that" say where a figure comes from, not what it measures
_REPORTS = (r"\s+(?:show|shows|showed|suggest|suggests|suggested|indicate|indicates|indicated|reveal|reveals|"
            r"revealed)\s+that\b")


def reports_a_figure(c) -> bool:
    """Whether the candidate's measure is the subject of "show/suggest ... that" in its sentences
    (a source of the figures, whose measure is in the clause after "that"): no title."""
    measure = c.measure.strip()
    return bool(measure) and all(re.search(rf"(?<![\w-]){re.escape(measure)}{_REPORTS}", f.sentence, re.I)
                                 for f in c.facts)


# "Hybrid share", "share": a share whose words do not say of what ("Share of world crop" does)
_SHARE = lazy(r"(?:[\w'’-]+\s+){0,2}shares?", re.I)


def share_within_rows(c) -> bool:
    """Whether ``c`` compares a share each row has of its own whole ("Hybrid share (%)": 57 of
    Caroni Motors' registrations, 38 of another's; the rows do not add up to a whole, or the chart
    would be of parts) under words that do not say of what: "Hybrid share: highest in Caroni
    Motors (57%)" reads as Caroni's share of all hybrids. Its comparison caption is not printed."""
    return (c.kind == "comparison" and all(f.unit == "percent" for f in c.facts)
            and _SHARE.fullmatch(c.measure.strip()) is not None)


def caption_measure(c, title: str) -> str | None:
    """The words a caption sentence names the bars with, when the chart is titled with its
    table's caption and the column's own measure is a word the caption does not use ("Exports"
    for a "Value (€m)" column under "Exports by market, ..."); None otherwise (the measure's)."""
    captioned = _captioned(c)
    if captioned is None or not title.startswith(captioned) or key(c.measure) in key(captioned):
        return None
    head = caption_head(title)
    said = title[len(captioned):]
    if head and said.startswith(": ") and key(said) == key(c.measure):
        # "Chisinau public transport fares (lei), from 1 June": which column the title names (_column_named)
        return f"{head}, {said[2:]}"
    return head or None


def rank_key(c) -> tuple:
    """The sort key of a candidate (best first): weight, then prose before a table, then a column
    its table's caption (heading, introducing sentence) names, then more points, then the week's
    order (see the module docstring)."""
    from_table = all(table_of(f) for f in c.facts)
    # of a table's columns, one its caption or heading names says what it shows in the source's words
    untitled = from_table and (c.kind not in ("comparison", "parts")
                               or caption_title(c.doc, c.facts, c.measure.strip(), compose=False) is None)
    # a table its own name titles, across three rows or more, is as much the article's as its prose's
    # two-bar change: of equal weight, the one with more points (the week's tables were left unused
    # while two-bar charts were drawn)
    named_table = from_table and not untitled and len(c.facts) >= 3
    return (says_no_more(c), -c.score, from_table and not named_table, untitled, -len(c.facts), c.order)


def says_no_more(c) -> bool:
    """Whether ``c`` is a two-point chart: two bars say what their one sentence says ("Operating
    profit climbed to NZ$412 million from NZ$377 million"), so it ranks after every chart of three
    points or more, which shows what prose cannot (a four-district table, a list)."""
    return len(c.facts) < 3
