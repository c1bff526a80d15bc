"""The "no data" rule's error, and how it names what matched nothing.

A data selector that matches no fact (or a CSV/inline source that yields no number) raises
:class:`NoChartData`, a :class:`~reportkit.errors.ChartError` naming the chart id and the
selector as a reader would write it (:func:`describe_selector`). Fatal only for a chart the
spec marks ``required: true``; otherwise :mod:`.data` turns it into a warning and leaves the
chart out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from ..errors import ChartError
from ..layouts import plain

if TYPE_CHECKING:
    from ..layouts import FactSelector


class NoChartData(ChartError):
    """A chart's data source matched nothing; fatal only for ``required: true`` charts."""

    def __init__(self, chart_id: str, what: str, required: bool) -> None:
        super().__init__(f"chart {chart_id!r}: no data: {what}")
        self.chart_id = chart_id
        self.required = required


def describe_selector(sel: FactSelector) -> str:
    """A selector as a reader would write it: ``unit=USD label=[FDI, investment]``."""
    parts = []
    for key, value in plain(sel, exclude_defaults=True).items():  # model_dump would build its schema
        if isinstance(value, list):
            value = "[" + ", ".join(str(v) for v in value) + "]"
        parts.append(f"{key}={value}")
    return "selector {" + (" ".join(parts) or "any fact") + "}"
