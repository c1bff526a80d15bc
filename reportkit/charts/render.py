"""Rendering charts to PNG/SVG files: the cache first, the browser for what it lacks.

One browser per process serves every chart of every build (starting Chromium and
loading plotly.js costs ≈2 s, a render ≈0.1 s): :class:`ChartRenderer` starts it
(:mod:`reportkit.charts.browser`) lazily on the first cache miss, keeps it for
later builds (batch workers, watch mode) and closes it at exit. What names and
checks a cache entry is :mod:`reportkit.charts.cache`; a warm build (every image
cached) imports neither plotly nor kaleido.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import shutil
import tempfile
import threading
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..atomic import write_bytes
from ..chromium import find_browser
from ..errors import ChartError
from ..model import ChartData, RenderedChart
from .cache import (FORMATS, HEIGHT, SCALE, WIDTH, cache_key, default_cache_dir, drawer, entry_path, read_cached,
                    write_cached)

if TYPE_CHECKING:
    from ..layouts import Brand

if TYPE_CHECKING:
    from .browser import _Browser


class ChartRenderer:
    """Renders charts to image files, reusing one browser across calls.

    The browser starts on the first cache miss (never for a fully cached build)
    and closes at :meth:`close`, at ``with``-block exit or at interpreter exit.
    ``starts`` counts browser starts (a test and the benchmark read it).
    """

    def __init__(self, timeout: float = 60.0, browser_path: str | None = None) -> None:
        self.timeout = timeout
        self.browser_path = browser_path
        self.starts = 0
        self._browser: _Browser | None = None
        self._scratch: Path | None = None
        self._lock = threading.Lock()
        self._starting: threading.Thread | None = None
        self._prestart_error: ChartError | None = None
        self._imported = threading.Event()  # set: no prestart thread is importing
        self._imported.set()
        # atexit runs last-registered first. The browser's profile folder is a TemporaryDirectory
        # whose weakref finalizer runs from weakref's own atexit hook; when that hook is registered
        # after ours (a browser started before any other finalizer existed), it deletes the profile
        # while Chromium still writes to it: a traceback at exit. Register weakref's hook first.
        weakref.finalize(self, int)
        atexit.register(self.close)

    def __enter__(self) -> ChartRenderer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def prestart(self, timeout: float) -> None:
        """Start the browser in a background thread, now: a cold build calls this before reading
        its sources, so Chromium and plotly.js load while the sources are read and the report
        assembled. The thread imports only what the launch needs (kaleido); plotly's figure code
        is imported by :meth:`render` while the browser starts. A failure to start is raised by
        the first render of this build that needs the browser."""

        def start() -> None:
            with self._lock:
                try:
                    try:
                        from .browser import preload

                        preload()  # what starting the browser needs; plotly's figures wait (see render)
                    finally:
                        self._imported.set()
                    self._ensure_browser(timeout)
                except ChartError as e:  # the first render reports it (not a second wait for it)
                    self._prestart_error = e
                except Exception:  # noqa: BLE001 - anything else: the first render tries again
                    pass

        # tempfile makes its random name source under a lock the first time a name is asked
        # for; Chromium's launch in this thread asks first, and a render child forked at that
        # moment (renderstage forks a native deck while Chromium starts) waited on the lock
        # forever at its own first temporary file. Asked here, before any thread runs.
        with contextlib.suppress(OSError):
            os.rmdir(tempfile.mkdtemp(prefix="reportkit-"))
        self._imported.clear()
        self._starting = threading.Thread(target=start, name="reportkit-chromium-start", daemon=True)
        self._starting.start()

    def wait_imports(self) -> None:
        """Wait until the :meth:`prestart` thread has imported all it will import. Then this
        process may fork while Chromium is still starting: a module import half done in
        another thread would leave its lock held for ever in the child."""
        self._imported.wait()

    def wait_prestart(self) -> None:
        """Wait for :meth:`prestart` to finish (before forking: no import half done in a child)."""
        if self._starting is not None:
            self._starting.join()
            self._starting = None
        self._prestart_error = None  # this build's renders are done: a later build starts afresh

    def _ensure_browser(self, timeout: float) -> _Browser:
        if self._prestart_error is not None:
            error, self._prestart_error = self._prestart_error, None
            raise error
        b = self._browser
        if b is not None and b.pid == os.getpid() and b.thread.is_alive() and b.kaleido is not None:
            proc = getattr(b.kaleido, "subprocess", None)
            if proc is not None and proc.poll() is None:
                return b
        if b is not None and b.pid == os.getpid():
            b.kill()
        from .browser import _Browser  # kaleido's side: only when a chart is drawn

        b = _Browser(self.browser_path or find_browser())
        self._browser = b
        self.starts += 1
        try:
            b.start(timeout)
        except ChartError:
            self._browser = None
            raise
        return b

    def render(self, charts: list[ChartData], brand: Brand, formats: tuple[str, ...] = FORMATS,
               cache_dir: Path | None = None, use_cache: bool = True, out_dir: Path | None = None,
               timeout: float | None = None, width: int = WIDTH, height: int = HEIGHT,
               scale: float = SCALE) -> dict[str, RenderedChart]:
        """Render every chart in every format; returns ``{chart id: RenderedChart}``.

        Images come from (and go to) the cache unless ``use_cache`` is false. With
        ``out_dir`` they are also written there as ``<id>.png``/``<id>.svg``, and the
        returned paths point there; otherwise they point into the cache (or, with
        the cache off, into a private folder removed when the renderer closes).
        """
        bad = [f for f in formats if f not in FORMATS]
        if bad or not formats:
            raise ChartError(f"--format: expected png and/or svg, got {','.join(formats) or 'nothing'}")
        timeout = self.timeout if timeout is None else timeout
        cache = Path(cache_dir) if cache_dir else default_cache_dir()
        # what would draw a missing image (browser, fonts): an image another drew is not used
        drawn_by = drawer(self.browser_path) if use_cache else None
        ready: dict[int, Any] = {}  # figures built while the browser starts, each used once
        if self._starting is not None:
            # the browser is starting for this build (prestart holds the lock until it has): plotly's
            # figure code is imported and these figures built meanwhile (the first ≈0.1 s: plotly
            # loads its validators), not before Chromium's launch in that thread nor once it is ready
            from .draw import figure

            for i, chart in enumerate(charts):
                try:
                    ready[i] = figure(chart, brand)
                except Exception:  # noqa: BLE001 - built again below, its error raised where it always was
                    break
        with self._lock:
            out: dict[str, RenderedChart] = {}
            for i, chart in enumerate(charts):
                paths: dict[str, str] = {}
                hits = 0
                for fmt in formats:
                    key = cache_key(chart, brand, fmt, width, height, scale)
                    cached = entry_path(cache, key, fmt)
                    data = read_cached(cached, fmt, drawn_by) if use_cache else None
                    if data is not None:
                        hits += 1
                    else:
                        data = self._draw(chart, brand, fmt, width, height, scale, timeout, ready.pop(i, None))
                        if use_cache:
                            write_cached(cached, data, drawn_by)
                    if out_dir is not None:
                        target = Path(out_dir) / f"{chart.id}.{fmt}"
                        write_bytes(target, data)
                    elif use_cache:
                        target = cached
                    else:
                        target = self._scratch_dir() / f"{chart.id}.{fmt}"
                        write_bytes(target, data or b"")
                    paths[fmt] = str(target)
                out[chart.id] = RenderedChart(
                    id=chart.id, png=paths.get("png"), svg=paths.get("svg"), width_px=width, height_px=height,
                    scale=scale, cached=hits == len(formats),
                )
            return out

    def _draw(self, chart: ChartData, brand: Brand, fmt: str, width: int, height: int, scale: float,
              timeout: float, fig: Any = None) -> bytes:
        if fig is None:
            from .draw import figure  # plotly: only on a cache miss

            fig = figure(chart, brand)
        browser = self._ensure_browser(timeout)
        opts = {"format": fmt, "width": width, "height": height, "scale": scale if fmt == "png" else 1}
        data = browser.render(fig, opts, timeout, f"chart {chart.id!r}")
        return _normalise_svg(data) if fmt == "svg" else data

    def _scratch_dir(self) -> Path:
        if self._scratch is None:
            self._scratch = Path(tempfile.mkdtemp(prefix="reportkit-charts-"))
        return self._scratch

    def close_browser(self) -> None:
        """Close the browser now, keeping the images drawn (a later render starts a new one)."""
        with self._lock:
            if self._browser is not None:
                self._browser.close()
                self._browser = None

    def close(self) -> None:
        """Close the browser (if one was started) and remove the private folder."""
        if self._browser is not None:
            self._browser.close()
            self._browser = None
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None


def _normalise_svg(data: bytes) -> bytes:
    """The same chart as the same bytes (outputs must be reproducible), whatever the page drew before.

    Plotly names SVG defs and clip paths after a random per-plot id: renamed in order. The
    order in which it sets an element's attributes depends on what the page drew before
    (the browser keeps its page between images): each start tag's attributes are sorted
    by name, which changes nothing an SVG reader sees.
    """
    ids = sorted(set(re.findall(rb'id="defs-([0-9a-f]{6})"', data) + re.findall(rb'id="clip([0-9a-f]{6})', data)))
    for i, uid in enumerate(ids):
        data = data.replace(uid, b"rk%04d" % i)
    return _START_TAG.sub(_sorted_attributes, data)


# A start tag and its attributes. In well-formed XML an attribute value holds no '<' and a
# '"' in it is escaped, and text holds no raw '<': nothing else matches.
_START_TAG = re.compile(rb'<([A-Za-z][\w.:-]*)((?:\s+[\w.:-]+="[^"]*")+)(\s*/?)>')
_ATTRIBUTE = re.compile(rb'([\w.:-]+)="[^"]*"')


def _sorted_attributes(m: re.Match[bytes]) -> bytes:
    attrs = sorted(_ATTRIBUTE.finditer(m.group(2)), key=lambda a: a.group(1))
    end = b"/>" if m.group(3).strip() else b">"
    return b"<" + m.group(1) + b"".join(b" " + a.group(0) for a in attrs) + end


_DEFAULT: ChartRenderer | None = None


def abandon_browser() -> None:
    """Kill this process's chart browser now, without the orderly close: an interrupted
    build exits at once, and a browser left behind would outlive it."""
    r = _DEFAULT
    if r is None:
        return
    browser, r._browser = r._browser, None
    if browser is not None and browser.pid == os.getpid():
        browser.kill()
    if r._scratch is not None:
        shutil.rmtree(r._scratch, ignore_errors=True)
        r._scratch = None


def default_renderer() -> ChartRenderer:
    """The process-wide renderer (one browser for every build in this process)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = ChartRenderer()
    return _DEFAULT


def env_timeout(default: float) -> float:
    """``REPORTKIT_CHART_TIMEOUT`` (seconds per browser step) when set, else ``default``."""
    raw = os.environ.get("REPORTKIT_CHART_TIMEOUT", "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value <= 3600:
        raise ChartError(f"REPORTKIT_CHART_TIMEOUT must be seconds between 0 and 3600, got {raw!r}")
    return value


def prestart_browser(timeout: float = 60.0) -> None:
    """Start the process-wide renderer's browser in the background (see :meth:`ChartRenderer.prestart`)."""
    default_renderer().prestart(env_timeout(timeout))


def wait_prestart() -> None:
    """Wait for :func:`prestart_browser`'s thread, if one runs."""
    if _DEFAULT is not None:
        _DEFAULT.wait_prestart()


def close_browser() -> None:
    """Close the process-wide renderer's browser now (a one-off build whose charts are drawn
    closes it while its outputs render, not at exit); its images stay."""
    if _DEFAULT is not None:
        _DEFAULT.close_browser()


def wait_prestart_imports() -> None:
    """Wait until :func:`prestart_browser`'s thread imports nothing more (safe to fork)."""
    if _DEFAULT is not None:
        _DEFAULT.wait_imports()


def render_charts(charts: list[ChartData], brand: Brand, formats: tuple[str, ...] = FORMATS,
                  cache_dir: Path | None = None, use_cache: bool = True, timeout: float = 60.0,
                  out_dir: Path | None = None) -> dict[str, RenderedChart]:
    """Render ``charts`` with the process-wide renderer; see :meth:`ChartRenderer.render`.

    ``REPORTKIT_CHART_TIMEOUT`` overrides ``timeout`` (a slow CI runner may need more).
    """
    return default_renderer().render(charts, brand, formats, cache_dir, use_cache, out_dir, env_timeout(timeout))
