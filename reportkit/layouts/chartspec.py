"""The chart spec as written in a layout: what to draw and where its data comes from.

Validated by pydantic (unknown keys are errors). :mod:`reportkit.charts.data` turns a
spec plus facts into :class:`reportkit.model.ChartData` and a Plotly figure.
"""

from __future__ import annotations

import string
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ChartKind = Literal["bar", "line", "donut", "bullet", "stacked_bar"]


class Strict(BaseModel):
    """Base for layout models: unknown keys are errors, values are not coerced silently."""

    # strict: "5" is not silently an integer, 5 is not silently a title
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class FactSelector(Strict):
    """Picks facts: every given condition must hold.

    ``label`` keywords match (case-insensitively, any of them) the fact's label or
    sentence; ``source`` is a glob over the source file name.
    """

    unit: str | list[str] | None = None
    label: list[str] = Field(default_factory=list)
    text: list[str] = Field(default_factory=list)
    years: list[int] | None = None
    source: str | None = None
    exclude: list[str] = Field(default_factory=list)
    limit: int | None = Field(default=None, ge=1)


class ValuePoint(Strict):
    """An inline data point."""

    label: str
    # finite and of a chartable size: NaN, infinities and 1e308 broke both renderers
    value: float = Field(allow_inf_nan=False, ge=-1e15, le=1e15)
    series: str | None = None


class DataSpec(Strict):
    """Where a chart's numbers come from: exactly one of facts, values or csv."""

    facts: FactSelector | None = None
    values: list[ValuePoint] | None = None
    csv: str | None = None
    # what the categories are: years or periods (a trend, of one subject), subjects
    # (one measure compared across them), or each fact's label
    category: Literal["year", "period", "subject", "label"] = "year"
    complement: str | None = None
    series_name: str | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> DataSpec:
        given = [k for k in ("facts", "values", "csv") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of facts, values, csv (got {given or 'none'})")
        return self


class PartSpec(Strict):
    """A named share of a total for stacked bars (e.g. wells shut = total x one-third).

    At most one of ``facts``, ``value``, ``share_of_total``; a part with none of
    them is "the rest" (total minus the other parts)."""

    name: str
    facts: FactSelector | None = None
    value: float | None = None
    share_of_total: FactSelector | None = None

    @model_validator(mode="after")
    def _one_rule(self) -> PartSpec:
        given = [k for k in ("facts", "value", "share_of_total") if getattr(self, k) is not None]
        if len(given) > 1:
            raise ValueError(f"give at most one of facts, value, share_of_total (got {', '.join(given)})")
        return self


# Placeholders a chart's title, subtitle, caption and target_label may use, filled from
# the chart's own data by reportkit.charts.text (which documents each one).
CHART_PLACEHOLDERS = (
    "first", "last", "value", "first_category", "last_category", "first_year", "last_year", "change",
    "pct_change", "ratio", "trend", "max", "max_category", "min", "min_category", "total", "share",
    "complement", "target", "measure", "subject", "source",
)


def check_template(text: str) -> str:
    """``text`` if its placeholders are all known chart placeholders, else a ValueError."""
    try:
        names = [name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None]
    except ValueError as e:
        raise ValueError(f"bad template {text!r}: {e}") from None
    for name in names:
        if name not in CHART_PLACEHOLDERS:
            known = ", ".join("{%s}" % k for k in CHART_PLACEHOLDERS)
            raise ValueError(f"unknown placeholder {{{name}}} in {text!r} (known: {known})")
    return text


class ChartSpec(Strict):
    """One chart, defined once in the content layout and used by the PDF and the deck.

    ``title``, ``subtitle``, ``caption`` and ``target_label`` are templates over the
    chart's data (:data:`CHART_PLACEHOLDERS`). Points come from one article unless
    ``across_sources`` is true.
    """

    kind: ChartKind
    title: str
    subtitle: str | None = None
    caption: str | None = None
    data: DataSpec
    target: FactSelector | float | None = None
    target_label: str | None = None
    parts: list[PartSpec] = Field(default_factory=list)
    annotate: Literal["growth", "none"] = "none"
    unit: str | None = None
    required: bool = False
    across_sources: bool = False

    @field_validator("title", "subtitle", "caption", "target_label")
    @classmethod
    def _templates(cls, v: str | None) -> str | None:
        return None if v is None else check_template(v)

    @model_validator(mode="after")
    def _consistent(self) -> ChartSpec:
        if self.parts and self.kind != "stacked_bar":
            raise ValueError(f"parts: only a stacked_bar has parts, this chart is a {self.kind}")
        if self.kind == "stacked_bar" and len(self.parts) == 1:
            raise ValueError("parts: a stacked_bar needs at least two parts")
        rest = [p.name for p in self.parts if p.facts is None and p.value is None and p.share_of_total is None]
        if len(rest) > 1:
            raise ValueError(f"parts: only one part may take the rest of the total, not {', '.join(rest)}")
        if self.data.complement and self.kind != "donut":
            raise ValueError(f"data.complement: only a donut has a complement, this chart is a {self.kind}")
        if self.annotate == "growth" and self.kind not in ("bar", "line"):
            raise ValueError(f"annotate: growth is drawn on bar and line charts, not on a {self.kind}")
        return self
