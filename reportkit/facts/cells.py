"""Table cells as facts: the unit, scale, period and row a table's headers give a bare number.

The readers give a table (Markdown pipes, HTML ``<table>``, a Word table) as one line per body
row, each cell after its column header: ``District: Old Harbour; Rooms: 14,200; Occupancy 2026
(%): 79.5; Change in rate (%): (0.6)``. A cell that is a bare number says nothing by itself; its
column header says the rest:

- the **unit** and **scale** in a bracket or after a comma: ``(thousands)`` multiplies a count by
  1,000, ``($/t)`` is US dollars per tonne, ``(%)`` percent, ``(€m)`` millions of euros,
  ``Revenue, €m`` the same;
- the **measure**: the header's other words (``Occupancy``, ``Change in rate``);
- the **period** a header names (``2026``, ``Q3 2026``, ``H1 2026``, ``FY2026``, ``Dec 2026``) or,
  when the first column holds periods, the row's; a day's date (``15 Jan 2027``) is no period;
  else the one the table's caption names (:mod:`.captions`: "Swims by pool, 2026"), whose
  bracketed unit ("(€m)") is also the unit of a header that names none;
- the **subject**: the row's first cell when it names something, not a period
  (``Old Harbour``; a qualifier in brackets dropped: ``Urea (granular)`` is ``Urea``).

A negative is written with a minus (``-4.2``, ``−4.2``) or, in accounts, in brackets
(``(4.2)``). A cell whose header names no unit ("Rooms: 14,200"), or a count with no noun
("2026 (thousands)"), is not read: a number whose unit or meaning is unclear is no fact.

A header whose time is relative ("Margin, this week", "latest") says no period a reader can
date and names no measure either; nor does a change that does not say of what ("Change on year
(%)": the cell is read, its measure is left empty). A **total row** (its label "Total", "All ...", "Average", or,
first or last, a row one of whose amounts is the sum of the other rows') is read, and
:func:`total_cells` names its cells, so a chart never draws a total beside its parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as P
from .captions import caption_period, caption_unit, table_caption
from .headers import BASE_YEAR, counted_header, measure_words
from .read import read_digits
from ..lazyre import lazy
from ..model import Fact

# a row as the readers write it: two cells or more, each after its header
_PART = lazy(r"(?P<head>[^:;\n]{1,60}?):\s(?P<cell>[^;\n]*)")
# a bare number: a minus (hyphen or U+2212) or an accountant's brackets make it negative
_NUMBER = lazy(r"(?P<open>\()?(?P<sign>[-−])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<close>\))?")
_BRACKET = lazy(r"(?P<words>.*?)\s*\((?P<u>[^()]{1,24})\)")
_COMMA = lazy(r"(?P<words>.*?),\s*(?P<u>[^,]{1,16})")
_PERCENT_FIRST = lazy(r"%\s+(?P<words>.+)")
_SCALES = {"thousand": 1e3, "thousands": 1e3, "'000": 1e3, "000": 1e3, "000s": 1e3, "'000s": 1e3,
           "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
           "billion": 1e9, "billions": 1e9, "bn": 1e9}
# a currency before the rest of the unit: a symbol, or an ISO code ("PLN m" is millions of zloty)
# a currency's symbol or code first in a header's bracket ("(₸ per kg)", "(GH₵m)", "(PHP bn)")
_CURRENCY_FIRST = lazy(r"(?P<sym>US\$|NT\$|E£|GH₵|KSh|Rp|S/|[A-Z]{1,3}[$€£]|[$€£¥₹₽₩₺₫₱₸৳₵₦₴₪฿₾₲₮₼]|[A-Z]{3}(?=\s|$))\s*(?P<rest>.*)")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_Y = r"(?:19|20)\d\d"
# one period a header or a row label names; a day's date and a span ("2025-26") are no period
_PERIODS = lazy(
    rf"(?P<date>\b\d{{1,2}}\s+{_MONTH}\s+{_Y}\b|\b{_MONTH}\s+\d{{1,2}},?\s+{_Y}\b|\b\d{{1,2}}[./]\d{{1,2}}[./]{_Y}\b)"
    rf"|(?P<span>\b{_Y}\s?[-–/]\s?(?:{_Y}|\d\d)\b)"
    rf"|\b(?:FY\s?|[Ff]iscal\s+(?:year\s+)?)(?P<fy>{_Y})\b"
    rf"|\b(?P<qh>[QH])(?P<n>[1-4])\s+(?P<qhy>{_Y})\b|\b(?P<yqh>{_Y})\s?(?P<qh2>[QH])(?P<n2>[1-4])\b"
    rf"|\b(?P<mon>{_MONTH})\s+(?P<mony>{_Y})\b"
    rf"|\b(?P<year>{_Y})\b")
# a row's own basis: "Flag-fall, per ride", "Per kilometre" (a table of charges per different things)
_ROW_PER = lazy(r"(?:\A|,\s*|\s)per\s+([a-z][a-z-]*(?:\s[a-z][a-z-]*)?)\s*\Z", re.I)
_BARE_PART = lazy(r"[QH][1-4]")  # "Q1" with no year: a row's name, not a period of known year
# a row that sums or averages the others is not one of them
# "World", "Global": the whole a by-country table's rows are parts of, even when the rows listed
# do not add up to it (the countries not listed are in it too)
_TOTAL_LABEL = lazy(r"(?:grand\s+)?total\b|all\b|overall\b|sum\b|(?:simple\s+|weighted\s+)?average\b|mean\b|"
                    r"(?:world|global|worldwide)\s*(?:total)?\Z", re.I)
_PERIOD_HEADER = lazy(r"(?:year|quarter|month|period|half|date|fiscal\s+year)s?", re.I)


@dataclass
class Cell:
    """A table cell read as a fact: where its number is, what it is."""

    start: int
    end: int
    value: float
    unit: str
    per: str | None
    measure: str | None
    subject: str | None
    period: str | None
    year: int | None


@dataclass
class _Row:
    start: int
    heads: tuple[str, ...]
    cells: list[tuple[str, int, int]]  # (cell text, start, end) in the text


def split_row(line: str) -> list[tuple[str, str, int, int]] | None:
    """``[(header, cell, cell start, cell end)]`` of a table row written "H: c; H: c" (two
    cells or more, every one after a header), offsets into ``line``; else ``None``."""
    if "; " not in line or ": " not in line:
        return None
    out = []
    pos = 0
    for part in line.split("; "):
        m = _PART.fullmatch(part)
        if m is None:
            return None
        out.append((m.group("head").strip(), m.group("cell").strip(), pos + m.start("cell"),
                    pos + m.start("cell") + len(m.group("cell").rstrip())))
        pos += len(part) + 2
    return out if len(out) >= 2 else None


def _rows(text: str) -> list[list[_Row]]:
    """The text's tables: runs of row lines with the same headers."""
    tables: list[list[_Row]] = []
    for m in re.finditer(r"[^\n]+", text):
        parts = split_row(m.group())
        if parts is None:
            continue
        row = _Row(m.start(), tuple(h for h, *_ in parts), [(c, m.start() + a, m.start() + b) for _h, c, a, b in parts])
        last = tables[-1][-1] if tables else None
        between = text[last.cells[-1][2]:m.start()] if last else ""
        if last and last.heads == row.heads and not between.strip():
            tables[-1].append(row)
        else:
            tables.append([row])
    return tables


def number(cell: str) -> float | None:
    """A bare number's value: "1,098" 1098, "−2.4" -2.4, "(0.6)" -0.6; else ``None``."""
    m = _NUMBER.fullmatch(cell)
    if m is None or bool(m.group("open")) != bool(m.group("close")) or (m.group("open") and m.group("sign")):
        return None
    value = float(m.group("num").replace(",", ""))
    return -value if m.group("open") or m.group("sign") else value


def _probe_unit(u: str) -> tuple[str, str | None, float] | None:
    """(unit, per, multiplier) of a unit written alone ("$/t", "€m", "%", "tonnes"): read as the
    same unit after a 1; a count is no unit here (its noun is the header's, its scale is
    :data:`_SCALES`)."""
    probes = [f"1{u}", f"1 {u}"]
    cur = _CURRENCY_FIRST.fullmatch(u)
    if cur:
        sym, rest = cur.group("sym"), cur.group("rest")
        probes += [f"{sym}1{rest}", f"{sym}1 {rest}".rstrip(), f"{sym} 1{rest}"]
    for probe in probes:
        at = probe.find("1")
        n = P.NUMBER.match(probe, at)
        q = read_digits(probe, n) if n and n.group("digits") else None
        if q is not None and q.unit != "count" and q.end == len(probe) and q.range is None and q.value > 0:
            return q.unit, q.per, q.value
    return None


def header_unit(head: str) -> tuple[str, str | None, float, str] | None:
    """(unit, per, multiplier, the header's other words) a column header names: "Skier days
    (thousands)" is a count times 1,000 of "Skier days", "Price ($/t)" USD per tonne, "Revenue,
    €m" millions of euros, "% change" percent; ``None`` when it names no unit."""
    for pattern in (_BRACKET, _COMMA):
        m = pattern.fullmatch(head)
        if m is None:
            continue
        u = m.group("u").strip()
        if u.lower() in _SCALES:
            return "count", None, _SCALES[u.lower()], m.group("words")
        found = _probe_unit(u)
        if found:
            return (*found, m.group("words"))
    m = _PERCENT_FIRST.fullmatch(head)
    if m:
        return "percent", None, 1.0, m.group("words")
    return None


def _amount_only(head: str) -> tuple[str, str | None, float, str] | None:
    """(unit, per, multiplier, "") of a header that is a currency's amount and nothing else ("US$
    million", "€ million"): its cells are amounts of money whose measure the table does not name
    (a chart may take it from the table's name: reportkit.charts.unitcols); no other unit alone
    ("Year", "Days" would read as durations)."""
    found = _probe_unit(head.strip())
    return (*found, "") if found and _CURRENCY.fullmatch(found[0]) else None


_CURRENCY = lazy(r"[A-Z]{3}")


def period(text: str) -> tuple[str | None, int | None, str, bool]:
    """(period, year, the words left, whether a time was written) of a header or row label:
    "Occupancy 2026" ("2026", 2026, "Occupancy", True), "Q3 2026" ("2026-Q3", 2026, "", True),
    "15 Jan 2027 ($/t)" (None, None, "($/t)", True): a day's date is no period; two periods
    are none either."""
    found: list[tuple[str | None, int | None]] = []
    for m in _PERIODS.finditer(text):
        if m.group("date") or m.group("span"):
            found.append((None, None))
        elif m.group("fy"):
            found.append((f"FY{m.group('fy')}", int(m.group("fy"))))
        elif m.group("qhy") or m.group("yqh"):
            y = m.group("qhy") or m.group("yqh")
            found.append((f"{y}-{m.group('qh') or m.group('qh2')}{m.group('n') or m.group('n2')}", int(y)))
        elif m.group("mon"):
            month = _MONTHS.index(m.group("mon")[:3].lower()) + 1
            found.append((f"{m.group('mony')}-{month:02d}", int(m.group("mony"))))
        else:
            found.append((m.group("year"), int(m.group("year"))))
    words = " ".join(_PERIODS.sub(" ", text).split()).strip(" ,-–")
    if len(found) != 1:
        return None, None, words, bool(found)
    return (*found[0], words, True)


def _subject(label: str) -> str | None:
    """A row's name as a subject: its words, a bracketed qualifier dropped ("Urea (granular)")."""
    name = re.sub(r"\s*\([^()]*\)\s*$", "", label).strip()
    if not name or not name[0].isalpha() or any(ch.isdigit() for ch in name) and not _BARE_PART.fullmatch(name):
        return None
    return name


def _is_total(rows: list[_Row], k: int) -> bool:
    """Whether row ``k`` sums or averages the others: its label says so, or (as first or last
    row, of three or more) one of its amounts is the sum of the same column's other cells."""
    label = rows[k].cells[0][0]
    if _TOTAL_LABEL.match(label):
        return True
    if len(rows) < 3 or k not in (0, len(rows) - 1):
        return False
    for col in range(1, len(rows[k].cells)):
        values = [number(r.cells[col][0]) if col < len(r.cells) else None for r in rows]
        if any(v is None or v < 0 for v in values):
            continue
        total = values[k]
        rest = sum(v for i, v in enumerate(values) if i != k)
        # each cell is rounded to its last digit: the sum may be off by half of it per row ("12.9"
        # is no sum of "9.7" and "4.0"; "318" may be of "241", "52" and "25")
        places = max(len(c.split(".")[1]) if "." in c else 0 for c in (r.cells[col][0] for r in rows))
        if total and rest and abs(total - rest) <= max(0.002 * total, 0.5 * 10 ** -places * (len(rows) - 1)):
            return True
    return False


#: the owner of a total row's cells: the whole table's, named only inside it
TOTAL_OWNER = "Total"


def table_cells(text: str) -> tuple[dict[int, Cell], list[tuple[int, int]]]:
    """The table cells of ``text`` read as facts (by the offset their number starts at), and the
    spans of every bare-number cell of a table row: those not read are no facts."""
    cells: dict[int, Cell] = {}
    spans: list[tuple[int, int]] = []
    for rows in _rows(text):
        heads = rows[0].heads
        caption = table_caption(text, rows[0].start)
        # the caption's period is the cells', but its year is not written in their row (``Fact.year``
        # is a year the figure's own sentence writes, as of "last year": period 2026, year None)
        cap_period, _cap_year = caption_period(caption, period)
        cap_unit = caption_unit(caption)
        # a header without a unit takes the caption's ("Selected clubs, fiscal 2026 (€m)": Revenue is €m)
        units = [header_unit(h) or (header_unit(f"{h} ({cap_unit})") if cap_unit else None) or _amount_only(h)
                 for h in heads]
        for col, h in enumerate(heads):  # "Stores" over 3,960 and 2,410: a count of stores
            column = [v for r in rows if col < len(r.cells) and (v := number(r.cells[col][0])) is not None]
            if col and units[col] is None and column and counted_header(h, column):
                units[col] = ("count", None, 1.0, h)
        first_is_period = bool(_PERIOD_HEADER.fullmatch(heads[0]))
        for k, row in enumerate(rows):
            label = row.cells[0][0]
            row_period, row_year, _rest, row_timed = period(label)
            if row_timed and _rest:
                row_period, row_year = None, None  # "Sales 2026" as a row's name: not one period
            subject = None if row_timed and not _rest else _subject(label)
            if first_is_period and subject and not _BARE_PART.fullmatch(subject):
                subject = None  # "Quarter: Total": a period column's total names nothing
            total = _is_total(rows, k)
            for col, (cell, a, b) in enumerate(row.cells):
                value = number(cell)
                if value is None:
                    continue
                spans.append((a, b))
                if col == 0 or units[col] is None:
                    continue  # a row's name, or a number whose header names no unit
                unit, per, mult, words = units[col]
                row_per = _ROW_PER.search(label)
                if per is None and row_per and unit != "percent":
                    per = row_per.group(1).lower()  # "Waiting, per minute": HUF per minute, not per ride
                head_period, head_year, measure, head_timed = _header_period(words)
                if head_timed and row_timed:
                    continue  # two times for one cell: unclear
                # "Margin, this week": which week is a reader's guess; "Change": of what?
                measure = measure_words(measure)
                if unit == "count" and not measure:
                    continue  # "2026 (thousands)": thousands of what?
                p, y = ((head_period, head_year) if head_timed else (row_period, row_year) if row_timed
                        else (cap_period, None))
                # whose a figure is says little when what it is is left open: a row's name is
                # no subject of a measure the table does not name
                owner = (TOTAL_OWNER if total and not subject else subject) if measure else None
                cells[a] = Cell(a, b, value * mult, unit, per, measure or None, owner, p, y)
    return cells, spans


def _header_period(words: str) -> tuple[str | None, int | None, str, bool]:
    """:func:`period` of a header's words (its unit read off), but a year after "on"/"over"/"vs"
    ("Change in value on 2025") is the change's base: the words stay whole, no period."""
    if BASE_YEAR.search(words):
        return None, None, words, False
    return period(words)


def column_measure(head: str) -> str:
    """The measure a column header names, as its cells are read with it: "Patients waiting" of
    "Patients waiting", "Average wait" of "Average wait (days)", "Occupancy" of "Occupancy 2026
    (%)"; "" for a header that names none ("Change on year (%)", "2026 (thousands)")."""
    unit = header_unit(head) or _amount_only(head)
    return measure_words(_header_period(unit[3] if unit else head)[2])


def total_cells(facts: list[Fact]) -> set[str]:
    """Ids of the facts that are cells of a table's total row (see :func:`_is_total`): a
    chart draws the parts or the whole, never both as one series."""
    by_table: dict[tuple[str, tuple[str, ...]], list[tuple[str, list[Fact]]]] = {}
    for f in facts:
        parts = split_row(f.sentence)
        if parts is None:
            continue
        key = (f.source, tuple(h for h, *_ in parts))
        rows = by_table.setdefault(key, [])
        if not rows or rows[-1][0] != f.sentence:
            rows.append((f.sentence, []))
        rows[-1][1].append(f)
    out: set[str] = set()
    for (_source, heads), rows in by_table.items():
        table = []
        for sentence, _fs in rows:
            parts = split_row(sentence) or []
            table.append(_Row(0, heads, [(c, a, b) for _h, c, a, b in parts]))
        for k, (_sentence, fs) in enumerate(rows):
            if _is_total(table, k):
                out |= {f.id for f in fs}
    return out


def as_cell(f: Fact, cell: Cell, owner: str | None = None) -> None:
    """Give ``f`` the measure, period and year its table's headers give it and the subject its
    row names; a row that names none keeps ``owner``, the subject the same figure has in the text
    ("Year: 2028; Capacity ...: 12.0" is the terminal's 12 million tonnes a year)."""
    f.measure, f.subject, f.period, f.year = cell.measure, cell.subject or owner, cell.period, cell.year
    if cell.measure is None:
        f.label = ""  # "Change on year (%)": of what, the table does not say; nor may a label guess it


def owner_in_text(f: Fact, facts: list[Fact], cells: dict[int, Cell]) -> str | None:
    """The subject the text gives the same figure as the cell ``f`` (same value, unit, rate and
    year, outside any table): "Year: 2028; Capacity ...: 12.0" repeats "the terminal will double
    its import capacity to 12 million tonnes a year by 2028". Shares and changes repeat by
    coincidence: only an amount is taken for the same figure."""
    if f.unit in ("percent", "percentage_points", "points", "ratio"):
        return f.subject
    for g in facts:
        if g.start not in cells and g.subject and (g.value, g.unit, g.per, g.year) == (f.value, f.unit, f.per, f.year):
            return g.subject
    return f.subject


def cell_header(row: str, at: int) -> tuple[str, str] | None:
    """(the measure words of the column header, the row's name) of the cell at offset ``at`` of
    the table row ``row``: ("Skier days", "Rotkamm") for 612 in "Area: Rotkamm; Skier days
    (thousands): 612; ..."; ``None`` when ``row`` is no table row or ``at`` is in no cell."""
    parts = split_row(row)
    if parts is None:
        return None
    for head, _cell, a, b in parts[1:]:
        if a <= at < b:
            unit = header_unit(head)
            words = period(unit[3] if unit else head)[2]
            return (words, parts[0][1]) if words else None
    return None


#: :func:`period` under the name :mod:`reportkit.facts` exports (its ``period`` is the period module)
cell_period = period
