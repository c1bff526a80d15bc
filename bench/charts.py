"""Seconds per chart, on the same 10 figures, for three ways of making PNGs:

1. plain: plotly's ``fig.write_image`` once per chart (kaleido starts a browser per call);
2. reportkit cold: :class:`ChartRenderer` with an empty cache (one browser start included);
3. reportkit warm: a new renderer over the now-full cache (no browser, no plotly).

Run: ``.venv/bin/python bench/charts.py`` (about a minute; the plain loop dominates).
Targets: cold >= 5x faster per chart than plain; warm >= 50x.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportkit.charts.render import ChartRenderer, find_browser  # noqa: E402
from reportkit.charts import resolve
from reportkit.layouts.chartspec import ChartSpec  # noqa: E402
from reportkit.layouts.load import load_layout  # noqa: E402
from reportkit.model import ChartData, Fact  # noqa: E402

N = 10


def seed_facts() -> list[Fact]:
    def f(i, unit, value, label, source, year=None):
        return Fact(id=i, text=str(value), value=value, unit=unit, source=source, start=0, end=1,
                    sentence=label, label=label, year=year)

    a, b = "000_52c727dd3fe4205e.txt", "002_a47ac54eef5493dc.txt"
    return [f("a1", "USD", 2.8e6, "FDI from Russia", a, 2022), f("a2", "USD", 86.4e6, "FDI from Russia", a, 2024),
            f("b1", "percent", 72, "natural gas imported", b), f("b2", "count", 30000, "oil wells", b),
            f("b3", "ratio", 0.3333, "oil wells previously shut", b),
            f("b4", "barrels_per_day", 1.8e6, "production target", b)]


def ten_charts(layout) -> list[ChartData]:
    """The three seed charts plus seven inline-data charts of every kind."""
    facts = seed_facts()
    charts = [resolve(cid, layout.content.charts[cid], facts) for cid in layout.chart_ids()]
    kinds = ["bar", "line", "donut", "bullet", "stacked_bar", "bar", "line"]
    for i, kind in enumerate(kinds):
        values = [{"label": str(2019 + j), "value": 10 + 7 * j + i} for j in range(4)]
        spec: dict = {"kind": kind, "title": f"Benchmark chart {i + 1}", "unit": "percent",
                      "data": {"values": values[:2] if kind == "donut" else values}}
        if kind == "bullet":
            spec["target"] = 40.0
        charts.append(resolve(f"bench_{i + 1}", ChartSpec.model_validate(spec), []))
    return charts[:N]


def main() -> None:
    layout = load_layout(ROOT / "layouts" / "weekly-brief.yaml")
    charts = ten_charts(layout)
    brand = layout.brand
    print(f"browser: {find_browser()}; {len(charts)} charts, PNG 800x450 at scale 2")

    from reportkit.charts.draw import figure

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        t0 = time.perf_counter()
        for c in charts:
            figure(c, brand).write_image(out / f"plain-{c.id}.png", scale=2)
        plain = (time.perf_counter() - t0) / len(charts)

        cache = out / "cache"
        t0 = time.perf_counter()
        with ChartRenderer() as r:
            r.render(charts, brand, formats=("png",), cache_dir=cache)
            starts = r.starts
        cold = (time.perf_counter() - t0) / len(charts)

        t0 = time.perf_counter()
        with ChartRenderer() as r:
            res = r.render(charts, brand, formats=("png",), cache_dir=cache)
            assert r.starts == 0 and all(x.cached for x in res.values())
        warm = (time.perf_counter() - t0) / len(charts)

    print(f"{'how':<34}{'s/chart':>10}{'vs plain':>10}")
    print(f"{'plotly fig.write_image per chart':<34}{plain:>10.3f}{1:>9.1f}x")
    print(f"{'reportkit cold (1 browser start)':<34}{cold:>10.3f}{plain / cold:>9.1f}x   browser starts: {starts}")
    print(f"{'reportkit warm (cache)':<34}{warm:>10.4f}{plain / warm:>9.0f}x")
    ok = plain / cold >= 5 and plain / warm >= 50
    print("targets (cold >= 5x, warm >= 50x):", "met" if ok else "NOT met")


if __name__ == "__main__":
    main()
