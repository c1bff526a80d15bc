"""Words and formats about chart data: source lines, alt text, growth notes, number formats.

Shared by :mod:`reportkit.charts.data.resolve` (notes), :mod:`reportkit.charts.data.figure` (Plotly
annotations) and the deck renderer (native chart labels), so it sits below all of them:
the module that used to hold these (``charts.py``) and the figure module imported each other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..model import ChartData, Series
from ..numbers import CURRENCY_SYMBOLS, UNIT_SUFFIXES, format_value
from .residual import ends_shown, ranked

KIND_NAMES = {"bar": "Bar", "line": "Line", "donut": "Donut", "bullet": "Bullet", "stacked_bar": "Stacked bar"}

# Excel/PowerPoint number formats for native chart data labels, by unit.
# Python formats of a raw value (no scaling); display strings are in ChartData.labels.
PY_FORMATS = {"percent": "{:.0f}%", "ratio": "{:.0%}", "USD": "${:,.0f}", "count": "{:,.0f}"}

EXCEL_FORMATS = {
    "percent": '0"%"',
    "ratio": "0%",
    "count": "#,##0",
    "years": '#,##0" years"',
}

def decimals(values: Iterable[float | None], most: int = 2) -> int:
    """Decimals the values need to be shown as written (3.3 -> 1, 4.75 -> 2, 72 -> 0)."""
    need = 0
    for v in values:
        if v is None:
            continue
        n = 0
        while n < most and abs(v - round(v, n)) > 1e-9 * max(1.0, abs(v)):
            n += 1
        need = max(need, n)
    return need


# a denominator safe inside an Excel format's quoted text: letters and spaces only
_PER = re.compile(r"[A-Za-z][A-Za-z ]{0,23}")


def _scale_of(value: float) -> float:
    """The scale :func:`format_value` prints ``value`` with: 1e9 (B), 1e6 (M) or 1."""
    return 1e9 if abs(value) >= 1e9 else 1e6 if abs(value) >= 1e6 else 1.0


def excel_format(unit: str, values: Iterable[float | None], per: str = "") -> str:
    """A number format for PowerPoint data labels that matches :func:`format_value` and
    keeps the data's precision: 3.3% is ``0.0"%"`` (shown 3.3%), never rounded to 3%; ``per``:
    a money rate's denominator as the labels print it ("pound": ``"$"#,##0.00"/pound"``)."""
    vals = [v for v in values if v is not None]
    if unit in ("ratio",):
        return "0%"
    groups = sorted({_scale_of(v) for v in vals}, reverse=True)
    if len(groups) > 1 and groups[0] > 1.0 and unit != "percent" and min(vals) >= 0:
        # "$1.3B" beside "$412M", as format_value prints them, not "$1.30B" and "$0.41B" (a digit
        # lost): one section per scale, chosen by Excel's conditions (two at most, then the rest)
        parts = [excel_format(unit, [v for v in vals if _scale_of(v) == g], per) for g in groups]
        return ";".join([f"[>={int(g)}]{part}" for g, part in zip(groups, parts)][:-1] + [parts[-1]])
    top = max((abs(v) for v in vals), default=0.0)
    scale, letter = (1e9, "B") if top >= 1e9 else (1e6, "M") if top >= 1e6 else (1.0, "")
    d = decimals(v / scale for v in vals)
    money = unit in CURRENCY_SYMBOLS or (len(unit) == 3 and unit.isupper())
    if d and not letter and money:
        d = max(2, decimals(vals, most=4))  # an amount in cents, as format_value prints it ("$10.90", "$0.0725")
    number = "#,##0" + ("." + "0" * d if d else "") + ("," * {1e9: 3, 1e6: 2}.get(scale, 0))
    if unit == "percent":
        return number.replace("#,##", "") + '"%"'
    if unit in ("count", "years") and not letter:
        return number + ('" years"' if unit == "years" else "")
    prefix = {"USD": '"$"', "GBP": '"£"', "EUR": '"€"'}.get(unit, "")
    # "15.1 weeks", "11.8 minutes", "2,860 t", as format_value prints them: a bare "15.10" on a bar says
    # neither what unit nor the source's precision
    suffix = "" if money or unit in ("", "count") else UNIT_SUFFIXES.get(unit, f" {unit.replace('_', ' ')}")
    code = not prefix and len(unit) == 3 and unit.isupper()
    if code:
        suffix = f" {unit}"  # "498M GHS", as format_value prints it: a bare "498M" on a bar says no currency
    if (prefix or code) and per and _PER.fullmatch(per):
        suffix += f"/{per}"
    tail = letter + suffix
    return f'{prefix}{number}{chr(34) + tail + chr(34) if tail else ""}'


def _known(values: list[float | None]) -> list[tuple[int, float]]:
    return [(i, v) for i, v in enumerate(values) if v is not None]


def growth(chart: ChartData) -> tuple[float, str, str] | None:
    """``(multiple, first category, last category)`` of the first series (gaps skipped),
    if it started above 0."""
    if not chart.series:
        return None
    known = _known(chart.series[0].values)
    if len(known) < 2:
        return None
    (i, first), (j, last) = known[0], known[-1]
    if first <= 0:
        return None
    return last / first, chart.categories[i], chart.categories[j]


def multiple_text(m: float) -> str:
    """``30.86 -> 'about 31 times'``, ``2.46 -> 'about 2.5 times'``."""
    n = f"{round(m):,}" if m >= 10 else f"{m:.1f}".rstrip("0").rstrip(".")
    return f"about {n} times"

def source_line(chart: ChartData) -> str:
    """``Source: 000_52c727dd3fe4205e.txt`` (``Sources: a, b`` for several); with the
    articles' titles when the chart knows them: ``Source: Fed cuts rates (16_fed.txt)``."""
    if not chart.sources:
        return ""
    names = list(chart.sources)
    if len(chart.source_titles) == len(names):
        # a title too long for a chart's one source line gives way to the file name alone:
        # a headline cut off with "…" says less than the name and looks like a fault
        names = [f"{t} ({n})" if t and t != n and len(t) <= TITLE_MOST else n
                 for t, n in zip(chart.source_titles, names, strict=True)]
    return ("Source: " if len(names) == 1 else "Sources: ") + ", ".join(names)


TITLE_MOST = 70  # characters of an article's title a chart's source line shows whole


TREND_KINDS = ("year", "period")  # categories that are times: described as a trend
# Heads of measures whose percentage is their level ("the unemployment rate fell from 4% to
# 3.8%"). A percentage of anything else is how much it moved ("consumer prices rose 1.9% from
# a year earlier"): a smaller one is a slower rise, not a fall, so its trend gets no verb.
_PERCENT_LEVELS = frozenset("""rate rates share shares inflation yield yields margin margins growth ratio
    unemployment deficit surplus stake utilisation utilization occupancy turnout majority approval""".split())


def alt_text(chart: ChartData) -> str:
    """One or two sentences describing the data, for screen readers.

    Years and periods read as a trend ("rose from $2.8M in 2022 to $86.4M in 2024");
    regions, companies and other labels as a comparison ("highest US 3.3%, lowest
    eurozone 1.9%"); a gap is named as one, never read as 0.
    """
    kind = KIND_NAMES.get(chart.kind, chart.kind.title()) + " chart"
    s = chart.series[0] if chart.series else Series("", [])
    # the first series' values as the chart prints them ($14.3/mmbtu keeps its "per")
    shown = {v: lab for v, lab in zip(s.values, chart.labels[0] if chart.labels else [], strict=False) if lab}
    fmt: Callable[[float], str] = lambda v: shown.get(v) or format_value(v, chart.unit)  # noqa: E731
    known = _known(s.values)
    gaps = [c for c, v in zip(chart.categories, s.values, strict=False) if v is None]
    name = s.name or chart.title
    if chart.kind == "donut":
        body = ", ".join(f"{chart.categories[i]} {fmt(v)}" for i, v in known)
        text = f"{kind}: {chart.title}: {body}."
    elif chart.kind == "stacked_bar":
        rows = []
        for j, cat in enumerate(chart.categories):
            cells = [(x.name, x.values[j]) for x in chart.series if j < len(x.values) and x.values[j] is not None]
            total = sum(v for _n, v in cells)
            split = ", ".join(f"{n.lower()} {fmt(v)}" for n, v in cells)
            rows.append(f"{cat}, {fmt(total)} in total: {split}")
        text = f"{kind}: " + "; ".join(rows) + "."
    elif len(known) >= 2 and chart.category_kind in TREND_KINDS + ("change",):
        (i, a), (j, b) = known[0], known[-1]
        verb = "rose" if b > a else "fell" if b < a else "was unchanged"
        head = (name.split() or [""])[-1].lower()
        if chart.unit == "percent" and head not in _PERCENT_LEVELS:
            when = chart.category_kind != "change"
            body = ", then ".join(f"{fmt(v)} in {chart.categories[k]}" if when else fmt(v) for k, v in known)
            text = f"{kind}: {name}: {body}."
        elif chart.category_kind == "change":
            text = f"{kind}: {name} {verb} from {fmt(a)} to {fmt(b)}."
        else:
            text = f"{kind}: {name} {verb} from {fmt(a)} in {chart.categories[i]} to {fmt(b)} in {chart.categories[j]}"
            g = b / a if a > 0 else 0
            text += f", {multiple_text(g)}." if g >= 1.5 else "."
            if len(known) > 2:
                text += " In between: " + ", ".join(f"{chart.categories[k]} {fmt(v)}" for k, v in known[1:-1]) + "."
    elif len(known) >= 2:
        # "Other" is the rest of the rows, not one of them: never named highest or lowest (residual.py)
        peers = ranked(known, lambda kv: chart.categories[kv[0]])
        order = sorted(peers, key=lambda kv: (-kv[1], kv[0]))
        body = ", ".join(f"{chart.categories[i]} {fmt(v)}" for i, v in known)
        hi, lo = order[0], order[-1]
        mid = name[:1].lower() + name[1:] if name[1:2].islower() else name  # "growth forecasts", not "Growth..."
        # equal values are named together, in the chart's order: one of them alone is not "the" highest
        top = " and ".join(chart.categories[i] for i, v in peers if v == hi[1])
        bottom = " and ".join(chart.categories[i] for i, v in peers if v == lo[1])
        # the rest ("Other dealers 28%") is on the chart: a row it is above or below is not the highest
        # or the lowest there, so that word is left out rather than contradicted by the list before it
        high, low = ends_shown([v for _i, v in peers], [v for i, v in known if (i, v) not in peers])
        ends = ([f"highest {top}"] if high else []) + ([f"lowest {bottom}"] if low else [])
        text = f"{kind} comparing {mid} across {len(known)} categories: {body}" + "".join(f"; {e}" for e in ends[:1]) \
            + "".join(f", {e}" for e in ends[1:]) + "."
    else:
        body = ", ".join(f"{fmt(v)} ({chart.categories[i]})" for i, v in known)
        text = f"{kind}: {name}: {body}."
    if gaps:
        text += " No figure for " + ", ".join(gaps) + "."
    if chart.target is not None:
        text += f" {chart.target_label}: {format_value(chart.target, chart.target_unit or chart.unit)}."
    return text
