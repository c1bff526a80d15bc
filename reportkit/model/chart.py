"""Chart data resolved against facts, and charts rendered to images."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

@dataclass
class Series:
    """One data series of a chart; ``None`` is a gap (the text gives no number there)."""

    name: str
    values: list[float | None]


@dataclass
class ChartPoint:
    """One number a chart draws or prints, with its provenance.

    ``value`` is ``None`` for a gap. Exactly one of ``fact_ids`` (the facts it is) and
    ``derived`` (``{"kind": "complement"|"part"|"difference"|"sum"|"ratio"|"growth", "inputs":
    [fact ids], ...}``, see :mod:`reportkit.charts.points`) says where it came from; a
    number from a CSV file or inline ``values`` has neither (its source is the layout).
    In ``ChartData.text_points`` the category names the text that prints it ("caption").
    """

    category: str
    series: str
    value: float | None
    display: str = ""
    fact_ids: list[str] = field(default_factory=list)
    derived: dict[str, Any] | None = None


@dataclass
class ChartData:
    """A chart spec resolved against facts: what both the Plotly image and the
    native PowerPoint chart are drawn from.

    ``kind`` is one of ``bar``, ``line``, ``donut``, ``bullet``, ``stacked_bar``.
    ``fact_ids`` and ``sources`` are the provenance; ``alt_text`` describes the data
    in one or two sentences for screen readers (PDF alt text, PPTX ``descr``).
    """

    id: str
    kind: str
    title: str
    categories: list[str]
    series: list[Series]
    unit: str
    value_format: str = "{:,.0f}"
    subtitle: str | None = None
    caption: str | None = None
    note: str | None = None
    target: float | None = None
    target_label: str | None = None
    sources: list[str] = field(default_factory=list)
    fact_ids: list[str] = field(default_factory=list)
    alt_text: str = ""
    # Added by charts.resolve: display strings per series and point ("$86.4M"),
    # an Excel/PowerPoint number format for native data labels ('"$"#,##0.0,,"M"'),
    # and the target's own unit when it differs from the bars' (1.8M b/d vs wells).
    labels: list[list[str]] = field(default_factory=list)
    number_format: str = "General"
    target_unit: str | None = None
    # Provenance per point (and per number the chart's texts print); what the categories
    # are ("year"/"period": a trend; "label"/"subject": a comparison); what the values
    # measure and of whom, in the source's words; the articles' titles for the source
    # line; whether the chart was proposed by ``auto_charts`` rather than named.
    points: list[ChartPoint] = field(default_factory=list)
    text_points: list[ChartPoint] = field(default_factory=list)
    category_kind: str = "label"
    measure: str = ""
    subject: str = ""
    source_titles: list[str] = field(default_factory=list)
    auto: bool = False


@dataclass
class RenderedChart:
    """A chart rendered to image files (by :mod:`reportkit.charts.data`).

    ``width_px``/``height_px`` are the logical size (scale 1); the PNG holds
    ``scale`` times as many pixels for print resolution. ``cached`` says whether
    the images came from the chart cache without starting a browser.
    """

    id: str
    png: str | None
    svg: str | None
    width_px: int
    height_px: int
    scale: float = 2.0
    cached: bool = False
