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
charts are all cached never imports them.
"""

from __future__ import annotations

import importlib
from typing import Any

from .describe import alt_text, excel_format, growth, multiple_text, source_line
from .auto import auto_charts
from .data import NoChartData, describe_selector, resolve, resolve_all, resolve_charts, snap_ratio
from .points import DERIVED_KINDS, points_json, text_numbers_json
from .text import numbers_in, text_problems, unsupported_numbers

_LAZY = {
    "figure": "draw",
    "ChartRenderer": "render",
    "abandon_browser": "render",
    "close_browser": "render",
    "cache_key": "cache",
    "default_cache_dir": "cache",
    "default_renderer": "render",
    "find_browser": "browser",
    "read_cached": "cache",
    "write_cached": "cache",
    "render_charts": "render",
    "prestart_browser": "render",
    "wait_prestart": "render",
    "wait_prestart_imports": "render",
    "run_charts": "job",
    "parse_formats": "job",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["DERIVED_KINDS", "NoChartData", "alt_text", "auto_charts", "numbers_in", "points_json",
           "text_numbers_json", "text_problems", "unsupported_numbers", "describe_selector", "excel_format", "growth", "multiple_text",
           "resolve", "resolve_all", "resolve_charts", "snap_ratio", "source_line", *_LAZY]
