"""A chart's words as templates over its data, and the check that they print no other number.

A layout's chart title, subtitle, caption and ``target_label`` are templates: ``{last}``,
``{first}``, ``{change}``... are filled from the chart's own points (see
:data:`PLACEHOLDERS`), so a caption says what this week's data says. A number written
literally in that text must be one the chart shows (a value, a category such as a year,
the target): "About 72% of Mexico's gas is imported" is refused on a week whose chart
holds no 72%. :func:`unsupported_numbers` is that check, shared with ``verify --sources``.

Every number a template prints is recorded as a :class:`~reportkit.model.ChartPoint` of
the chart's ``text_points``: the facts it comes from, or how it was derived.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from typing import Any

from ..layouts import CHART_PLACEHOLDERS
from ..model import ChartData, ChartPoint, Fact
from ..numbers import format_value
from .residual import ranked

# A number as printed: 1,738 / 3.3 / 86.4 / 2024 (signs and units do not matter here).
NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")

# What each placeholder prints (the names are the layout schema's CHART_PLACEHOLDERS).
PLACEHOLDERS = {
    "first": "the first value (with the text's qualifier: 'approximately 72%')",
    "last": "the last value",
    "value": "the value of a one-point chart (the first value)",
    "first_category": "the first category", "last_category": "the last category",
    "first_year": "the first category when categories are years or periods", "last_year": "the last one",
    "change": "last minus first ('0.2 percentage points', '$83.6M')",
    "pct_change": "last against first in per cent ('2,986%')",
    "ratio": "last as a multiple of first ('about 31 times')",
    "trend": "'rose', 'fell' or 'was unchanged' (last against first)",
    "max": "the largest value", "max_category": "its category",
    "min": "the smallest value", "min_category": "its category",
    "total": "the sum of the first category's bars or of the slices",
    "share": "the stated share (a donut's first slice, a stacked bar's share_of_total)",
    "complement": "a donut's complement slice", "target": "the target",
    "measure": "what the values measure, in the source's words", "subject": "who or what they are about",
    "source": "the article(s) the data comes from",
}


class TemplateError(ValueError):
    """A placeholder the layout wrote is unknown (a layout error) or has no value for this data."""

    def __init__(self, message: str, unknown: bool) -> None:
        super().__init__(message)
        self.unknown = unknown


@dataclass
class Var:
    """A placeholder's text and, when it prints a number, where that number comes from."""

    text: str
    value: float | None = None
    fact_ids: list[str] = field(default_factory=list)
    derived: dict[str, Any] | None = None


def numbers_in(text: str) -> list[str]:
    """The numbers printed in ``text`` ("3.3", "1,738", "2024"), in order."""
    return NUMBER.findall(text or "")


def _norm(token: str) -> str:
    t = token.replace(",", "")
    return t.rstrip("0").rstrip(".") if "." in t else t


def data_numbers(chart: ChartData) -> set[str]:
    """Every number the chart's data prints: values, categories, target, derived text numbers."""
    texts: list[str] = list(chart.categories)  # series names are layout words, not data
    texts += [lab for row in chart.labels for lab in row]
    texts += [p.display for p in chart.points] + [p.display for p in chart.text_points]
    # how many categories it compares, as its description counts them ("across 3 categories")
    texts += [str(len(chart.categories))] + [str(sum(v is not None for v in s.values)) for s in chart.series]
    if chart.target is not None:
        texts.append(format_value(chart.target, chart.target_unit or chart.unit))
    return {_norm(n) for t in texts for n in numbers_in(t)}


def unsupported_numbers(text: str, chart: ChartData) -> list[str]:
    """Numbers printed in ``text`` that the chart's data does not hold (empty when all do).

    What ``verify --sources`` and the build use to refuse a layout's literal number
    ("About 72% ...") on a week whose chart does not show it.
    """
    known = data_numbers(chart)
    # a number that is part of what is measured or whose ("Common equity tier 1 ratio"): the
    # source's words, printed as the facts give them
    names = " ".join(x for x in (chart.measure, chart.subject) if x)
    known = known | {_norm(n) for n in numbers_in(names)} if names else known
    return [n for n in numbers_in(text) if _norm(n) not in known]


# A capitalised word (a name: "Mexico's", "Pemex", "US"), possessive dropped.
_CAP = re.compile(r"\b([A-Z][A-Za-z&.-]*[A-Za-z])(?:['’]s)?\b|\b([A-Z])\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+)$")


def unsupported_names(text: str, article: str) -> list[str]:
    """Names ``text`` prints that ``article`` never writes: "About 30% of Mexico's gas" on
    a chart of a Norwegian article lists "Mexico". A word starting a sentence counts when
    the article has it in any case ("Share" / "share"); other capitalised words must be
    written as they are."""
    out = []
    for m in _CAP.finditer(text or ""):
        word = m.group(1) or m.group(2)
        if len(word) < 2:
            continue
        if _SENTENCE_START.search(text[: m.start()]):
            found = re.search(rf"\b{re.escape(word)}", article, re.I)
        else:
            found = re.search(rf"\b{re.escape(word)}", article)
        if not found and word not in out:
            out.append(word)
    return out


def literal_text(template: str) -> str:
    """``template`` without its placeholders: the words the layout itself prints."""
    try:
        return "".join(lit for lit, _name, _spec, _conv in string.Formatter().parse(template))
    except ValueError:
        return template


def render(template: str, variables: dict[str, Var]) -> tuple[str, list[Var]]:
    """Fill ``template`` from ``variables``; returns the text and the variables it used.

    Raises :class:`TemplateError` for an unknown placeholder (``unknown=True``) or one
    that has no value for this chart's data (``{change}`` of a one-point chart).
    """
    out: list[str] = []
    used: list[Var] = []
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as e:
        raise TemplateError(f"bad template {template!r}: {e}", unknown=True) from None
    for literal, name, spec, _conv in parsed:
        out.append(literal)
        if name is None:
            continue
        if name not in CHART_PLACEHOLDERS:
            known = ", ".join("{%s}" % k for k in CHART_PLACEHOLDERS)
            raise TemplateError(f"unknown placeholder {{{name}}} in {template!r} (known: {known})", unknown=True)
        if spec:
            raise TemplateError(f"placeholder {{{name}:{spec}}}: no format specs, the value is formatted already",
                                unknown=True)
        var = variables.get(name)
        if var is None or not var.text:
            raise TemplateError(f"{{{name}}} has no value for this chart's data", unknown=False)
        out.append(var.text)
        used.append(var)
    text = "".join(out)
    if template.startswith("{") and text[:1].islower():  # "{share} of ..." starts a sentence
        text = text[:1].upper() + text[1:]
    return text, used


def text_point(field_name: str, var: Var) -> ChartPoint | None:
    """The record of a number a text prints (None for words such as ``{measure}``)."""
    if var.value is None or not numbers_in(var.text):
        return None
    return ChartPoint(category=field_name, series="", value=var.value, display=var.text,
                      fact_ids=list(var.fact_ids), derived=var.derived)


def _trim(x: float) -> str:
    text = f"{x:,.2f}".rstrip("0").rstrip(".")
    return text


def _stated(p: ChartPoint, facts: dict[str, Fact]) -> str:
    """A point as the text states it: the fact's qualifier kept ("approximately 72%")."""
    f = facts.get(p.fact_ids[0]) if len(p.fact_ids) == 1 and not p.derived else None
    q = (f.qualifier or "").strip() if f else ""
    return f"{q} {p.display}" if q else p.display


def _point_var(p: ChartPoint, facts: dict[str, Fact], stated: bool = True) -> Var:
    return Var(_stated(p, facts) if stated else p.display, p.value, list(p.fact_ids), p.derived)


def _ids(p: ChartPoint) -> list[str]:
    return list(p.fact_ids) or list((p.derived or {}).get("inputs", []))


def variables(chart: ChartData, facts: dict[str, Fact], extra: dict[str, Var] | None = None) -> dict[str, Var]:
    """The placeholders' values for ``chart`` (see :data:`PLACEHOLDERS`); absent when the
    data has none (no ``{change}`` for one point, no ``{first_year}`` for regions)."""
    from .describe import multiple_text

    out: dict[str, Var] = {}
    first_series = chart.series[0].name if chart.series else ""
    pts = [p for p in chart.points if p.series == first_series and p.value is not None]
    if chart.kind == "donut":  # the stated slices; a derived complement is its own placeholder
        pts = [p for p in pts if not p.derived] or pts
    if pts:
        first, last = pts[0], pts[-1]
        out["first"] = out["value"] = _point_var(first, facts)
        out["last"] = _point_var(last, facts)
        out["first_category"], out["last_category"] = Var(first.category), Var(last.category)
        if chart.category_kind in ("year", "period"):
            out["first_year"], out["last_year"] = Var(first.category), Var(last.category)
        peers = ranked(pts, lambda p: p.category)  # "Other" is the rest, never the highest (residual.py)
        hi = max(peers, key=lambda p: p.value)  # the first of equal values: document order
        lo = min(peers, key=lambda p: p.value)
        # two bars of the same height are both the highest (or lowest): naming one would say the other is not
        tied_hi = " and ".join(dict.fromkeys(p.category for p in peers if p.value == hi.value))
        tied_lo = " and ".join(dict.fromkeys(p.category for p in peers if p.value == lo.value))
        out["max"], out["max_category"] = _point_var(hi, facts), Var(tied_hi)
        out["min"], out["min_category"] = _point_var(lo, facts), Var(tied_lo)
        if len(pts) >= 2:
            a, b = first.value, last.value
            inputs = [*_ids(last), *_ids(first)]
            out["trend"] = Var("rose" if b > a else "fell" if b < a else "was unchanged")
            diff = abs(b - a)
            text = (f"{_trim(diff)} percentage points" if chart.unit == "percent"
                    else format_value(diff, chart.unit))
            out["change"] = Var(text, diff, derived={"kind": "difference", "inputs": inputs})
            if a > 0 and b > 0:
                out["ratio"] = Var(multiple_text(b / a), b / a, derived={"kind": "ratio", "inputs": inputs})
                pct = (b / a - 1) * 100
                out["pct_change"] = Var(f"{_trim(abs(pct))}%", abs(pct), derived={"kind": "growth", "inputs": inputs})
    if chart.kind == "donut":
        slices = [p for p in chart.points if p.value is not None]
        stated = [p for p in slices if not p.derived]
        if len(stated) == 1:
            out["share"] = _point_var(stated[0], facts)
        rest = [p for p in slices if p.derived and p.derived.get("kind") == "complement"]
        if rest:
            out["complement"] = _point_var(rest[0], facts, stated=False)
    shares = [p for p in chart.points if p.derived and p.derived.get("kind") == "part"]
    share_fact = facts.get(shares[0].derived["inputs"][-1]) if shares else None
    if share_fact is not None:
        out["share"] = Var(format_value(share_fact.value, share_fact.unit), share_fact.value, [share_fact.id])
    if chart.series and chart.categories:
        col = [p for p in chart.points if p.category == chart.categories[0] and p.value is not None]
        if chart.kind == "stacked_bar" and col:
            total = sum(p.value for p in col)
            ids = [i for p in col for i in _ids(p)]
            out["total"] = Var(format_value(total, chart.unit), total, derived={"kind": "sum", "inputs": ids})
        elif chart.kind == "donut" and len(pts) > 1:
            total = sum(p.value for p in pts)
            out["total"] = Var(format_value(total, chart.unit), total,
                               derived={"kind": "sum", "inputs": [i for p in pts for i in _ids(p)]})
    if chart.target is not None:
        unit = chart.target_unit or chart.unit
        tid = [i for i in chart.fact_ids if i in facts and facts[i].value == chart.target and facts[i].unit == unit]
        out["target"] = Var(format_value(chart.target, unit), chart.target, fact_ids=tid[:1])
    if chart.measure:
        out["measure"] = Var(chart.measure)
    if chart.subject:
        out["subject"] = Var(chart.subject)
    names = chart.source_titles or chart.sources
    if names:
        out["source"] = Var("; ".join(names))
    out.update(extra or {})
    return out


def text_problems(chart: ChartData) -> list[str]:
    """``verify --sources`` for one chart: each of its printed texts (title, subtitle,
    caption, note, target label, description) that holds a number its data does not,
    as ``"caption: 72"``. Empty when every number traces to the chart's data."""
    out = []
    for name in ("title", "subtitle", "caption", "note", "target_label", "alt_text"):
        stray = unsupported_numbers(getattr(chart, name) or "", chart)
        if stray:
            out.append(f"{name}: {', '.join(stray)}")
    return out
