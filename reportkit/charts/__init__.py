"""Stage 4, charts: chart specs and facts in, chart data, figures and images out.

``data.py`` turns a layout's :class:`~reportkit.layouts.ChartSpec` and the week's facts
into :class:`~reportkit.model.ChartData` (pure); ``describe.py`` words and formats about that
data (source line, alt text, growth notes); ``draw.py`` draws the Plotly figure;
``render.py`` turns charts into image files: from ``cache.py`` (a content-hash cache,
standard library only) or through ``browser.py``, the only module that imports kaleido
(one browser per process, timeouts); ``job.py`` is the ``charts`` command. May import story (fact
selection), layouts, facts and the base modules; never renderers.

Plotly and the browser machinery are heavy, so ``figure``, ``render_charts`` and the rest of
``render.py``/``job.py`` are loaded on first use (PEP 562 ``__getattr__``): a warm build whose
charts are all cached never imports them. So are the names that need story (``data``, ``auto``,
``points``, ``text``): a deck's render process uses only ``describe``'s words and imports
neither story nor facts.
"""

from __future__ import annotations

import importlib
from typing import Any

from .describe import alt_text, excel_format, growth, multiple_text, source_line

_LAZY = {
    # what needs story (fact selection) loads on first use too: a deck's render process wants
    # only the words above, and imports neither story nor facts (≈50 ms)
    "auto_charts": "auto",
    **dict.fromkeys(("resolve", "resolve_all", "resolve_charts"), "data"),
    **dict.fromkeys(("NoChartData", "describe_selector"), "nodata"),
    "snap_ratio": "wholes",
    **dict.fromkeys(("DERIVED_KINDS", "points_json", "text_numbers_json"), "points"),
    **dict.fromkeys(("numbers_in", "text_problems", "unsupported_numbers"), "text"),
    "figure": "draw",
    "ChartRenderer": "render",
    "abandon_browser": "render",
    "close_browser": "render",
    "cache_key": "cache",
    "default_cache_dir": "cache",
    "default_renderer": "render",
    "find_browser": "render",
    "read_cached": "cache",
    "write_cached": "cache",
    "render_charts": "render",
    "prestart_browser": "render",
    "wait_prestart": "render",
    "wait_prestart_imports": "render",
    "run_charts": "job",
    "emphasis": "residual",
    "parse_formats": "job",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["alt_text", "excel_format", "growth", "multiple_text", "source_line", *_LAZY]
