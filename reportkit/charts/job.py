"""The ``reportkit charts`` command's work: resolve a layout's charts and render them to a folder."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import ChartError
from ..model import ChartData, Document, RenderedChart


@dataclass
class ChartsResult:
    """What ``reportkit charts`` rendered (or took from the cache), for text or JSON output."""

    out_dir: Path
    formats: tuple[str, ...]
    charts: list[ChartData] = field(default_factory=list)
    rendered: dict[str, RenderedChart] = field(default_factory=dict)

    def to_text(self) -> str:
        lines = []
        for c in self.charts:
            r = self.rendered[c.id]
            files = ", ".join(p for p in (r.png, r.svg) if p)
            how = "cached  " if r.cached else "rendered"
            px = f"{int(r.width_px * r.scale)}x{int(r.height_px * r.scale)} px"
            lines.append(f"{how} {c.id:<22} {files} ({px})")
        n_cached = sum(r.cached for r in self.rendered.values())
        lines.append(f"{len(self.rendered)} chart(s): {len(self.rendered) - n_cached} rendered, "
                     f"{n_cached} from cache -> {self.out_dir}")
        return "\n".join(lines)

    def to_json(self) -> str:
        items = []
        for c in self.charts:
            item = asdict(self.rendered[c.id])
            item.update(title=c.title, kind=c.kind, alt_text=c.alt_text, sources=c.sources, fact_ids=c.fact_ids)
            items.append(item)
        return json.dumps({"out": str(self.out_dir), "formats": list(self.formats), "charts": items}, indent=2)


def parse_formats(text: str) -> tuple[str, ...]:
    """``"png,svg"`` -> ``("png", "svg")``; anything else is a one-line error."""
    formats = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    bad = [f for f in formats if f not in ("png", "svg")]
    if bad or not formats:
        raise ChartError(f"--format: expected png and/or svg (comma-separated), got {text!r}")
    return formats


def run_charts(docs: list[Document], layout: Path | None, out: Path, fmt: str, cache_dir: Path | None,
               no_cache: bool, allow_external: bool, warn: Callable[[str], None],
               timeout: float = 60.0) -> ChartsResult:
    """Resolve the charts of ``layout`` (default: the project's brief, else the packaged one)
    against the documents' facts, then its automatic charts (``auto_charts``), and write
    ``<chart-id>.png``/``.svg`` into ``out``.

    Optional charts without data are left out with a warning; a required one stops
    the run (see :mod:`reportkit.charts.data`). A chart's CSV is found as ``build``
    finds it: next to the content file that names it.
    """
    from .render import render_charts
    from .data import resolve_all
    from ..layouts import default_layouts, layout_folder, load_layout

    formats = parse_formats(fmt)
    lay = load_layout(layout or default_layouts(layout_folder()[0])[0], allow_external)
    facts = [f for d in docs for f in d.facts]
    charts = resolve_all(lay.content.charts, lay.chart_ids(), facts, lay.content_path, warn=warn, documents=docs)
    if lay.auto_chart_count():  # the automatic charts build would show (all the packaged layouts have)
        from .auto import auto_charts

        taken = {fid for cd in charts for fid in cd.fact_ids}
        charts += auto_charts(docs, lay.auto_chart_count(), taken)
    rendered = render_charts(charts, lay.brand, formats, cache_dir=cache_dir, use_cache=not no_cache,
                             timeout=timeout, out_dir=out)
    return ChartsResult(out_dir=out, formats=formats, charts=charts, rendered=rendered)
