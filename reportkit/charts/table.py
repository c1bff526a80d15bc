"""Chart rows from a layout's inline ``values`` or a CSV file (``label,value[,series]``).

An empty CSV value is a gap (the row's category has no number), never 0.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ChartError
from ..inputs import read_text
from ..layouts import asset_path

if TYPE_CHECKING:
    from ..layouts import ChartSpec


MAX_VALUE = 1e15  # a chart value beyond this is nonsense (and 1e308 broke the renderers)


def table_rows(chart_id: str, spec: ChartSpec,
               content_path: Path | None) -> list[tuple[str, float | None, str | None]]:
    """Rows (label, value, series) from inline values or a CSV file; an empty CSV value is a gap.

    The CSV path is relative to ``content_path``, the content file that names it (the rule of
    every asset, :func:`~reportkit.layouts.asset_path`); without one, to the working directory."""
    data = spec.data
    if data.values is not None:
        return [(p.label, p.value, p.series) for p in data.values]
    ref = data.csv or ""
    path = asset_path(content_path, ref) if content_path else Path(ref).resolve()
    # bounded, regular files only; messages never quote the file's content (it may be anything)
    try:
        text = read_text(path, "csv", ChartError, encoding="utf-8-sig")
    except ChartError as e:
        raise ChartError(f"chart {chart_id!r}: CSV {e.message}", path) from None
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = [(h or "").strip().lower() for h in reader.fieldnames or []]
        if "label" not in header or "value" not in header:
            raise ChartError(f"chart {chart_id!r}: CSV needs a header row with columns label and value "
                             f"(and optionally series); found {len(header)} column(s) without them", path)
        rows: list[tuple[str, float | None, str | None]] = []
        for n, raw in enumerate(reader, start=2):
            row = {(k or "").strip().lower(): (v or "").strip() if isinstance(v, str) else ""
                   for k, v in raw.items()}
            try:
                value = float(row["value"].replace(",", "")) if row["value"] else None
            except ValueError:
                raise ChartError(f"line {n}: chart {chart_id!r}: the value column is not a number", path) from None
            if value is not None and (not math.isfinite(value) or abs(value) > MAX_VALUE):
                raise ChartError(f"line {n}: chart {chart_id!r}: value out of range (finite, at most 1e15 "
                                 "in size)", path)
            rows.append((row["label"], value, row.get("series") or None))
    except csv.Error as e:
        raise ChartError(f"chart {chart_id!r}: cannot read CSV: {str(e).splitlines()[0][:120]}", path) from None
    return rows
