"""Chart rows from a layout's inline ``values`` or a CSV file (``label,value[,series]``).

An empty CSV value is a gap (the row's category has no number), never 0.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ..errors import ChartError
from ..layouts import ChartSpec


def table_rows(chart_id: str, spec: ChartSpec, base_dir: Path | None) -> list[tuple[str, float | None, str | None]]:
    """Rows (label, value, series) from inline values or a CSV file; an empty CSV value is a gap."""
    data = spec.data
    if data.values is not None:
        return [(p.label, p.value, p.series) for p in data.values]
    path = Path(data.csv or "")
    if not path.is_absolute():
        path = (base_dir or Path.cwd()) / path
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = [h.strip().lower() for h in reader.fieldnames or []]
            if "label" not in header or "value" not in header:
                raise ChartError(f"chart {chart_id!r}: CSV needs columns label,value[,series], has {header}", path)
            rows: list[tuple[str, float | None, str | None]] = []
            for n, raw in enumerate(reader, start=2):
                row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
                try:
                    value = float(row["value"].replace(",", "")) if row["value"] else None
                except ValueError:
                    raise ChartError(f"line {n}: chart {chart_id!r}: value is not a number: {row['value']!r}",
                                     path) from None
                rows.append((row["label"], value, row.get("series") or None))
    except FileNotFoundError:
        raise ChartError(f"chart {chart_id!r}: CSV file not found", path) from None
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise ChartError(f"chart {chart_id!r}: cannot read CSV: {e}", path) from None
    return rows
