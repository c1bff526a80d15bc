"""The chart browser: one kaleido/Chromium per process on a private event-loop thread.

The only module that imports kaleido (and, through it, choreographer and asyncio's
machinery); :mod:`reportkit.charts.render` loads it on the first cache miss only.
Every browser step runs under a timeout; a hung browser is killed (its whole process
group, then reaped) and becomes a one-line :class:`ChartError`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import threading
import time
from typing import Any

from ..chromium import INSTALL_HINT
from ..errors import ChartError

# True: kaleido's own behaviour, a page reload after every image (a test compares the two)
RELOAD_PAGES = False


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


def preload() -> None:
    """Import everything starting and driving the browser needs (kaleido, choreographer,
    asyncio): after this, starting it imports nothing (a fork is safe meanwhile)."""
    import asyncio  # noqa: F401
    import concurrent.futures  # noqa: F401

    import kaleido  # noqa: F401 - the one import of kaleido in reportkit


def _kaleido_class() -> Any:
    """kaleido's browser class, made to keep its page between images.

    kaleido reloads the tab (plotly.js parsed and run again, ≈0.2 s, ≈0.7 s the first
    time) after every image, so that each starts from a fresh page. Its page draws an
    image with ``Plotly.toImage``, which plots into a new element and purges it, so the
    page a finished image leaves is ready for the next: the tab goes straight back to
    the queue. The images are byte-identical to reloaded ones (tests/test_chartrender.py
    compares them); a kaleido without this hook keeps its reloads.
    """
    import kaleido

    base = kaleido.Kaleido
    if not hasattr(base, "_return_kaleido_tab") or RELOAD_PAGES:
        return base

    class Kaleido(base):  # type: ignore[misc, valid-type]
        async def _return_kaleido_tab(self, tab: Any) -> None:
            await self.tabs_ready.put(tab)

    return Kaleido


# what choreographer's Python wrapper does before it starts Chromium (Chromium talks on fds 3
# and 4: the pipes choreographer gives as stdin and stdout), by the shell's exec instead
_SHELL_START = 'exec "$0" "$@" 3<&0 4>&1'

# Added to choreographer's flags: what a full headless Chromium starts besides the one page
# kaleido draws in, none of which touches that page's pixels (bytecheck: the same bytes).
# Chromium 156's new headless mode preloads the omnibox popup's WebUI pages in a renderer of
# their own (≈0.5 s of CPU on every start, while plotly.js loads in the other); the rest are
# Puppeteer's defaults for a browser driven by a program: no background requests, no component
# extensions or default apps, no domain-reliability or phishing-detection services.
LEAN_FLAGS = (
    "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup",
    "--disable-background-networking",
    "--disable-component-extensions-with-background-pages",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
)


def _chromium_class() -> Any:
    """choreographer's Chromium class, made to start Chromium lean and without its Python wrapper.

    choreographer starts ``python _unix_pipe_chromium_wrapper.py chromium …``: a second Python
    (≈0.1 s of CPU, importing logistro and subprocess) whose only work is to put the pipes on
    fds 3 and 4 and wait. ``/bin/sh -c 'exec …'`` puts them there and becomes Chromium, so the
    browser starts that much sooner on a cold build's critical path; Chromium is then the process
    choreographer waits for and stops (its process group, as before). Without the wrapper's path
    at the expected place, or without /bin/sh, choreographer's own command line is kept. Either
    way :data:`LEAN_FLAGS` are added (choreographer passes no ``--disable-features`` of its own)."""
    from choreographer.browsers import chromium

    base = chromium.Chromium
    wrapper = str(getattr(chromium, "_chromium_wrapper_path", ""))
    shell = bool(wrapper) and os.access("/bin/sh", os.X_OK)

    class Chromium(base):  # type: ignore[misc, valid-type]
        def get_cli(self) -> Any:
            cli = [*super().get_cli(), *LEAN_FLAGS]
            if shell and cli[:2] == [str(sys.executable), wrapper]:
                return ["/bin/sh", "-c", _SHELL_START, *cli[2:]]
            return cli

    return Chromium


class _Browser:
    """One kaleido/Chromium on a private event-loop thread; every call has a deadline."""

    def __init__(self, path: str) -> None:
        import asyncio  # here, not at the top: a warm build (every chart cached) needs no event loop

        self.path = path
        self.pid = os.getpid()
        self.loop = asyncio.new_event_loop()
        # cancelled tasks of a killed browser would log noise at shutdown; they are expected
        self.loop.set_exception_handler(lambda loop, ctx: None)
        self.before = set(threading.enumerate())  # the threads that are not the browser's (see close)
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
            # mathjax=False: the default loads MathJax from a CDN, and there may be no network
            return _kaleido_class()(n=1, timeout=None, mathjax=False, path=self.path, browser_cls=_chromium_class())

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
                self.call(self._close_killing(), timeout, "closing the chart browser")
            except Exception:  # noqa: BLE001 - closing must not fail a finished build; kill instead
                self.kill()
        self._stop_loop()
        self._join_threads()

    async def _close_killing(self) -> None:
        """kaleido's close, the browser's process group killed first. The profile is a temporary
        folder, removed next: Chromium's orderly shutdown (its pages unloaded, the profile written
        out) saves nothing and cost ≈0.1 s at the end of a cold build (more on a loaded host),
        beside the brief's render. choreographer's watchdog, which would close the browser itself
        on seeing it end and then wait 1 s, is cancelled first (choreographer's close does too), and
        its pipes are closed after the kill (its orderly close does so once the browser has gone;
        its reader would otherwise wait 2 s for a read to time out); its close then finds the
        browser ended and cleans up the rest (folders, threads). A choreographer without those
        parts gets the orderly close."""
        watchdog = getattr(self.kaleido, "_watch_dog_task", False)
        channel = getattr(self.kaleido, "_channel", None)
        if watchdog is not False and callable(getattr(channel, "close", None)):
            if watchdog is not None:
                watchdog.cancel()
            self._kill_group()
            channel.close()
        await self.kaleido.close()

    def _join_threads(self) -> None:
        """Wait (at most 2 s) for the threads started with this browser. choreographer's (its
        watchdog, pipe readers, the pool that waits for the process) end shortly after the
        browser: waited for, so that the build may fork once the browser is closed or killed
        (no fork while another thread runs: forkpool.fork)."""
        deadline = time.monotonic() + 2.0
        for t in set(threading.enumerate()) - self.before - {threading.current_thread()}:
            t.join(max(0.0, deadline - time.monotonic()))

    def _kill_group(self) -> None:
        """SIGKILL the browser's process group and reap the browser, so no zombie is left."""
        proc = getattr(self.kaleido, "subprocess", None)
        if proc is not None and proc.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)  # choreographer starts it in its own session
            with contextlib.suppress(Exception):
                proc.wait(timeout=5)

    def kill(self) -> None:
        """Kill the browser's process group and reap it, so no zombie is left."""
        self._kill_group()
        for attr in ("_html_tmp_dir", "_browser_impl"):
            obj = getattr(self.kaleido, attr, None)
            with contextlib.suppress(Exception):
                obj.clean()
        self._stop_loop()
        self._join_threads()  # a browser killed while starting left its watchdog waiting (seen in tests)

    def _stop_loop(self) -> None:
        if self.loop.is_running():
            import asyncio

            async def cancel_then_stop() -> None:
                # choreographer's watchdog task shuts its waiting thread down only when cancelled:
                # a loop stopped under it (a browser killed while starting) left that thread
                # waiting for ever, and this process would not fork again (forkpool.fork). The
                # loop stops here, after the cancellations have run, not from another thread
                # (a stop queued behind this coroutine would end the loop before they run)
                try:
                    tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
                    for t in tasks:
                        t.cancel()
                    if tasks:
                        await asyncio.wait(tasks, timeout=1.0)
                finally:
                    asyncio.get_running_loop().stop()

            try:
                asyncio.run_coroutine_threadsafe(cancel_then_stop(), self.loop)
            except RuntimeError:  # the loop closed meanwhile
                self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(timeout=5)


