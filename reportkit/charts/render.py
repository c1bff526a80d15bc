"""Rendering charts to PNG/SVG through kaleido and the system Chromium, with a cache.

The only module that imports kaleido. One browser per process serves every chart
of every build (starting Chromium and loading plotly.js costs ≈3 s, a render
≈0.3 s): :class:`ChartRenderer` starts it lazily on the first cache miss, keeps it
for later builds (batch workers, watch mode) and closes it at exit.

The cache key is computed from the :class:`~reportkit.model.ChartData`, the brand,
format, size and scale, the installed plotly/kaleido/choreographer versions (read
with :mod:`importlib.metadata`) and a hash of the modules that draw figures. It is
*not* computed from the figure JSON: that would need plotly imported (≈0.5 s) just
to find out that nothing needs drawing. A warm build therefore imports neither
plotly nor kaleido. Cache files are written atomically (temp file + rename), so
concurrent builds never see a half-written image.

Every browser step runs under a timeout; a hung browser is killed (its whole
process group, then reaped) and becomes a one-line :class:`ChartError`.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import json
import logging
import os
import shutil
import signal
import tempfile
import threading
import weakref
from dataclasses import asdict
from importlib import metadata
from pathlib import Path
from typing import Any

from ..atomic import write_bytes
from ..errors import ChartError
from ..layouts import Brand
from ..model import ChartData, RenderedChart

WIDTH, HEIGHT, SCALE = 800, 450, 2.0
FORMATS = ("png", "svg")
# Searched in order when neither REPORTKIT_CHROMIUM nor BROWSER_PATH is set.
# Debian's /usr/bin/chromium is a launcher script; the binary behind it starts quieter.
CANDIDATES = ("/usr/lib/chromium/chromium", "chromium", "chromium-browser", "google-chrome",
              "google-chrome-stable", "chrome")
INSTALL_HINT = "install one with `apt-get install chromium` or set REPORTKIT_CHROMIUM to its path"
# Files whose code decides what a chart looks like: editing them invalidates the cache.
_STYLE_FILES = ("data.py", "describe.py", "draw.py", "../numbers.py")


def find_browser() -> str:
    """The Chrome/Chromium executable: ``REPORTKIT_CHROMIUM`` or ``BROWSER_PATH`` when
    set (and then it must exist), else the first of :data:`CANDIDATES` found."""
    for var in ("REPORTKIT_CHROMIUM", "BROWSER_PATH"):
        value = os.environ.get(var, "").strip()
        if value:
            found = shutil.which(value)
            if not found:
                raise ChartError(f"{var}={value}: no such browser executable; {INSTALL_HINT}")
            return found
    for cand in CANDIDATES:
        found = shutil.which(cand)
        if found:
            return found
    raise ChartError(f"no Chromium or Chrome found to render charts; {INSTALL_HINT}")


def default_cache_dir() -> Path:
    """``$REPORTKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/reportkit/charts``, else ``~/.cache/reportkit/charts``."""
    if os.environ.get("REPORTKIT_CACHE_DIR"):
        return Path(os.environ["REPORTKIT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "reportkit" / "charts"


def _versions() -> dict[str, str]:
    out = {}
    for dist in ("plotly", "kaleido", "choreographer"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "none"
    here = Path(__file__).parent
    code = hashlib.sha256()
    for name in _STYLE_FILES:  # all in the package: a missing one is a packaging bug, not a cache miss
        code.update((here / name).read_bytes())
    out["code"] = code.hexdigest()[:16]
    return out


_VERSIONS: dict[str, str] | None = None


def cache_key(chart: ChartData, brand: Brand, fmt: str, width: int = WIDTH, height: int = HEIGHT,
              scale: float = SCALE) -> str:
    """A hex digest naming one rendered image (see the module docstring for what goes in)."""
    global _VERSIONS
    if _VERSIONS is None:
        _VERSIONS = _versions()
    drawn = asdict(chart)
    drawn.pop("fact_ids")  # provenance ids, not pixels: a path spelt differently must still hit the cache
    payload = {
        "chart": drawn, "colors": brand.colors.model_dump(), "family": brand.fonts.family,
        "format": fmt, "size": [width, height, scale if fmt == "png" else 1], "versions": _VERSIONS,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def _first_sentence(e: BaseException) -> str:
    """The first line of an exception's message (choreographer packs advice, including
    how to download a browser, into a tuple of sentences: the first one is the fact)."""
    arg = e.args[0] if e.args and isinstance(e.args[0], str) else str(e)
    return (arg.strip().splitlines() or [e.__class__.__name__])[0].rstrip(".") or e.__class__.__name__


def _quiet_browser_logs() -> None:
    """Keep choreographer/kaleido log lines ("Wait expired, Browser is being closed by
    watchdog.") off stderr: reportkit reports browser trouble as one error line."""
    for name in ("choreographer", "kaleido", "logistro"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.CRITICAL)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())


class _Browser:
    """One kaleido/Chromium on a private event-loop thread; every call has a deadline."""

    def __init__(self, path: str) -> None:
        import asyncio  # here, not at the top: a warm build (every chart cached) needs no event loop

        self.path = path
        self.pid = os.getpid()
        self.loop = asyncio.new_event_loop()
        # cancelled tasks of a killed browser would log noise at shutdown; they are expected
        self.loop.set_exception_handler(lambda loop, ctx: None)
        self.thread = threading.Thread(target=self.loop.run_forever, name="reportkit-chromium", daemon=True)
        self.thread.start()
        self.kaleido: Any = None

    def call(self, coro: Any, timeout: float, what: str) -> Any:
        import asyncio
        import concurrent.futures

        fut = asyncio.run_coroutine_threadsafe(coro, self.loop)
        try:
            return fut.result(timeout)
        except concurrent.futures.TimeoutError:
            fut.cancel()
            self.kill()
            raise ChartError(f"{what}: timed out after {timeout:g} s; the browser ({self.path}) was stopped") from None

    def start(self, timeout: float) -> None:
        import asyncio

        _quiet_browser_logs()

        async def create() -> Any:
            import kaleido  # the one import of kaleido in reportkit

            # mathjax=False: the default loads MathJax from a CDN, and there may be no network
            return kaleido.Kaleido(n=1, timeout=None, mathjax=False, path=self.path)

        async def open_() -> None:
            await self.kaleido.open()

        try:
            self.kaleido = self.call(create(), timeout, "starting the chart browser")
            self.call(open_(), timeout, "starting the chart browser")
        except ChartError:
            raise
        except (Exception, asyncio.CancelledError) as e:  # noqa: BLE001 - choreographer raises many kinds
            self.kill()
            # an installed browser that died while starting (killed, out of memory) needs no install hint
            installed = os.path.isfile(self.path) and os.access(self.path, os.X_OK)
            hint = "it stopped while starting (killed, or out of memory?)" if installed else INSTALL_HINT
            raise ChartError(f"cannot start the chart browser {self.path}: {_first_sentence(e)}; {hint}") from None

    def render(self, fig: Any, opts: dict[str, Any], timeout: float, what: str) -> bytes:
        import asyncio

        async def calc() -> bytes:
            return await self.kaleido.calc_fig(fig, opts=opts)

        try:
            return self.call(calc(), timeout, what)
        except ChartError:
            raise
        except (Exception, asyncio.CancelledError) as e:  # noqa: BLE001 - a JS or protocol error while drawing
            proc = getattr(self.kaleido, "subprocess", None)
            if isinstance(e, asyncio.CancelledError) or (proc is not None and proc.poll() is not None):
                self.kill()
                raise ChartError(f"{what}: the chart browser ({self.path}) stopped while drawing "
                                 "(killed, or out of memory?); run the build again") from None
            raise ChartError(f"{what}: rendering failed: {_first_sentence(e)}") from None

    def close(self, timeout: float = 15.0) -> None:
        if os.getpid() != self.pid:
            return  # a forked child: the browser belongs to the parent
        # a killed browser's loop is stopped: a close coroutine would never run (and warn at exit)
        if self.kaleido is not None and getattr(self.kaleido, "subprocess", None) is not None and self.loop.is_running():
            try:
                self.call(self.kaleido.close(), timeout, "closing the chart browser")
            except Exception:  # noqa: BLE001 - closing must not fail a finished build; kill instead
                self.kill()
        self._stop_loop()

    def kill(self) -> None:
        """Kill the browser's process group and reap it, so no zombie is left."""
        proc = getattr(self.kaleido, "subprocess", None)
        if proc is not None and proc.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)  # choreographer starts it in its own session
            with contextlib.suppress(Exception):
                proc.wait(timeout=5)
        for attr in ("_html_tmp_dir", "_browser_impl"):
            obj = getattr(self.kaleido, attr, None)
            with contextlib.suppress(Exception):
                obj.clean()
        self._stop_loop()

    def _stop_loop(self) -> None:
        if self.loop.is_running():
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(timeout=5)


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
        """Start the browser (and import plotly) in a background thread, now: a cold build
        calls this before reading its sources, so Chromium and plotly.js load while the
        sources are read and the report assembled. A failure to start is raised by the
        first render of this build that needs the browser."""

        def start() -> None:
            with self._lock:
                try:
                    from .draw import figure  # noqa: F401 - plotly, imported off the main thread

                    self._ensure_browser(timeout)
                except ChartError as e:  # the first render reports it (not a second wait for it)
                    self._prestart_error = e
                except Exception:  # noqa: BLE001 - anything else: the first render tries again
                    pass

        self._starting = threading.Thread(target=start, name="reportkit-chromium-start", daemon=True)
        self._starting.start()

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
        with self._lock:
            out: dict[str, RenderedChart] = {}
            for chart in charts:
                paths: dict[str, str] = {}
                hits = 0
                for fmt in formats:
                    key = cache_key(chart, brand, fmt, width, height, scale)
                    cached = cache / key[:2] / f"{key}.{fmt}"
                    data = read_cached(cached, fmt) if use_cache else None
                    if data is not None:
                        hits += 1
                    else:
                        data = self._draw(chart, brand, fmt, width, height, scale, timeout)
                        if use_cache:
                            write_cached(cached, data)
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
              timeout: float) -> bytes:
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

    def close(self) -> None:
        """Close the browser (if one was started) and remove the private folder."""
        if self._browser is not None:
            self._browser.close()
            self._browser = None
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None


_MAGIC = {"png": (b"\x89PNG\r\n\x1a\n",), "svg": (b"<svg", b"<?xml")}


def _checksum_path(entry: Path) -> Path:
    return entry.with_name(entry.name + ".sha256")


def write_cached(entry: Path, data: bytes) -> None:
    """Store an image in the cache with its checksum beside it (image first, so a
    crash in between leaves an entry that fails :func:`read_cached`, never a wrong one)."""
    write_bytes(entry, data)
    write_bytes(_checksum_path(entry), hashlib.sha256(data).hexdigest().encode("ascii"))


def read_cached(entry: Path, fmt: str) -> bytes | None:
    """A cache entry's bytes if it is sound: not empty, the format's signature, and the
    checksum written with it. Anything else (a truncated or zeroed file, a disk error,
    an entry from before checksums) is None, and the chart is rendered again."""
    try:
        data = entry.read_bytes()
        want = _checksum_path(entry).read_bytes().strip()
    except OSError:
        return None
    if not data.lstrip()[:8].startswith(_MAGIC[fmt]):
        return None
    if hashlib.sha256(data).hexdigest().encode("ascii") != want:
        return None
    return data


def _normalise_svg(data: bytes) -> bytes:
    """Plotly names SVG defs and clip paths after a random per-plot id; rename it so the same
    chart gives the same bytes (outputs must be reproducible)."""
    import re

    ids = sorted(set(re.findall(rb'id="defs-([0-9a-f]{6})"', data) + re.findall(rb'id="clip([0-9a-f]{6})', data)))
    for i, uid in enumerate(ids):
        data = data.replace(uid, b"rk%04d" % i)
    return data


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


def render_charts(charts: list[ChartData], brand: Brand, formats: tuple[str, ...] = FORMATS,
                  cache_dir: Path | None = None, use_cache: bool = True, timeout: float = 60.0,
                  out_dir: Path | None = None) -> dict[str, RenderedChart]:
    """Render ``charts`` with the process-wide renderer; see :meth:`ChartRenderer.render`.

    ``REPORTKIT_CHART_TIMEOUT`` overrides ``timeout`` (a slow CI runner may need more).
    """
    return default_renderer().render(charts, brand, formats, cache_dir, use_cache, out_dir, env_timeout(timeout))
