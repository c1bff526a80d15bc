"""The chart spec as written in a layout: what to draw and where its data comes from.

Validated by pydantic (unknown keys are errors). :mod:`reportkit.charts.data` turns a
spec plus facts into :class:`reportkit.model.ChartData` and a Plotly figure.
"""

from __future__ import annotations

import string
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..placeholders import CHART_PLACEHOLDERS

ChartKind = Literal["bar", "line", "donut", "bullet", "stacked_bar"]


class Strict(BaseModel):
    """Base for layout models: unknown keys are errors, values are not coerced silently."""

    # strict: "5" is not silently an integer, 5 is not silently a title. defer_build: the
    # schema and validator are built when a process first validates or serializes, not at
    # import; a warm build does neither (its layouts come from .keptmodels)
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


class FactSelector(Strict):
    """Picks facts: every given condition must hold.

    ``label`` keywords match (case-insensitively, any of them) where a word of the fact's
    label or sentence starts; ``source`` is a glob over the source file name.
    """

    unit: str | list[str] | None = Field(None, description="The fact's unit, or a list of units (any of them): "
                                         "`percent`, `USD`, `EUR`, `GBP`, `count`, `ratio`, `barrels_per_day`, "
                                         "`tonnes`, `years`, ... (`reportkit facts` prints each fact's unit).")
    label: list[str] = Field(default_factory=list, description="Keywords, any of which must start a word "
                             "(case-insensitively) of the fact's label or of its sentence (`gas` finds \"gases\", "
                             "not \"pangasius\").")
    text: list[str] = Field(default_factory=list, description="Keywords, any of which must appear in the fact's "
                            "own text, the number as written (`text: [bn]` matches \"$2.8bn\").")
    years: list[int] | None = Field(None, description="The year the figure is for must be one of these.")
    source: str | None = Field(None, description="A glob over the source's file name or path "
                                                 "(`*pemex*`, `news/*.md`).")
    exclude: list[str] = Field(default_factory=list, description="Keywords none of which may appear in the "
                               "fact's label or sentence.")
    limit: int | None = Field(default=None, ge=1, description="At most this many facts (the first, in document "
                                                              "order).")


class ValuePoint(Strict):
    """An inline data point."""

    label: str = Field(description="The point's category: a year (`\"2024\"`) or a name.")
    # finite and of a chartable size: NaN, infinities and 1e308 broke both renderers
    value: float = Field(allow_inf_nan=False, ge=-1e15, le=1e15, description="The number (finite, at most 1e15 "
                                                                             "in size).")
    series: str | None = Field(None, description="The series the point belongs to (several series: grouped or "
                                                 "stacked bars, several lines); default: the chart's series.")


class DataSpec(Strict):
    """Where a chart's numbers come from: exactly one of facts, values or csv."""

    facts: FactSelector | None = Field(None, description="Select facts from the week's sources "
                                       "(one coherent series from one article unless `across_sources: true`).")
    values: list[ValuePoint] | None = Field(None, description="Inline data: a list of `{label, value, series}`. "
                                            "They come from no source article, so the chart has no source line: "
                                            "name the source in `caption`.")
    csv: str | None = Field(None, description="A CSV file relative to the content file, with a header row "
                                              "`label,value` (and optionally `series`); an empty value is a gap.")
    # what the categories are: years or periods (a trend, of one subject), subjects
    # (one measure compared across them), or each fact's label
    category: Literal["year", "period", "subject", "label"] = Field(
        "year", description="What the categories of selected facts are: `year` or `period` (a trend of one "
                            "subject), `subject` (one measure compared across subjects), `label` (each fact "
                            "is a category named by its label, or `series_name` when it is the only one).")
    complement: str | None = Field(None, description="Donuts: the name of the rest of the whole "
                                                     "(100% or a ratio of 1) beside exactly one stated share.")
    series_name: str | None = Field(None, description="The series' name in the legend "
                                                      "(default: the chart's title).")

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

    name: str = Field(description="The part's name (its series in the legend).")
    facts: FactSelector | None = Field(None, description="The part is the first fact this selects.")
    value: float | None = Field(None, description="The part is this number.")
    share_of_total: FactSelector | None = Field(None, description="The part is the total times the share "
                                                "(percent or ratio, e.g. \"one-third\") this selects.")

    @model_validator(mode="after")
    def _one_rule(self) -> PartSpec:
        given = [k for k in ("facts", "value", "share_of_total") if getattr(self, k) is not None]
        if len(given) > 1:
            raise ValueError(f"give at most one of facts, value, share_of_total (got {', '.join(given)})")
        return self


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

    kind: ChartKind = Field(description="`bar`, `line`, `donut` (shares of a whole), `bullet` (values against "
                                        "a target) or `stacked_bar` (a total split into `parts`).")
    title: str = Field(description="Chart title, a template over the chart's data (`{last}`, `{trend}`, ...); "
                                   "a number written literally must be one the chart shows.")
    subtitle: str | None = Field(None, description="Subtitle (a template, as `title`); left out with a warning "
                                                   "when the data cannot fill it.")
    caption: str | None = Field(None, description="Caption below the chart (a template, as `title`).")
    data: DataSpec = Field(description="Where the numbers come from: exactly one of `facts`, `values`, `csv`.")
    target: FactSelector | float | None = Field(None, description="A target drawn as a line or marker: a number, "
                                                "or a fact selector (from the charted article).")
    target_label: str | None = Field(None, description="The target's label (a template, as `title`).")
    parts: list[PartSpec] = Field(default_factory=list, description="`stacked_bar` only: the named parts of each "
                                  "total (at least two; one part without a rule takes the rest).")
    annotate: Literal["growth", "none"] = Field("none", description="`growth`: bar and line charts note the "
                                                "multiple from first to last value (\"Up 31× from ...\").")
    unit: str | None = Field(None, description="The unit the values are shown in (default: the first fact's "
                                               "unit; inline values and CSV have none unless given).")
    required: bool = Field(False, description="`true`: no data stops the build; `false`: the chart is left out "
                                              "with a warning.")
    across_sources: bool = Field(False, description="`true`: combine facts of several articles in one chart "
                                                    "(default: one article).")

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
