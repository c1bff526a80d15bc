"""The chart browser's start-up: what Chromium starts besides kaleido's page (issue 19, cold builds)."""

from __future__ import annotations

import pytest

from reportkit.charts import browser as chartbrowser
from reportkit.chromium import find_browser


@pytest.mark.slow
def test_the_chart_browser_loads_no_page_but_kaleido_s() -> None:
    """Chromium's new headless mode preloads the omnibox popup's WebUI pages in a renderer of their
    own (≈0.5 s of CPU on every start, beside plotly.js loading in kaleido's page): the chart
    browser starts with them turned off, so its only target is kaleido's page."""
    b = chartbrowser._Browser(find_browser())
    try:
        b.start(60)
        reply = b.call(b.kaleido.send_command("Target.getTargets"), 30, "listing targets")
    finally:
        b.close()
    targets = [(t["type"], t["url"]) for t in reply["result"]["targetInfos"]]
    assert len(targets) == 1 and targets[0][0] == "page" and targets[0][1].endswith("/index.html"), targets


def test_lean_flags_are_on_every_command_line(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """With choreographer's own start (no /bin/sh exec) the flags are passed all the same."""
    from choreographer.channels import Pipe

    monkeypatch.setattr(chartbrowser.os, "access", lambda path, mode: False)  # no /bin/sh
    fake = tmp_path / "fake-chrome"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    browser = chartbrowser._chromium_class()(Pipe(), str(fake))
    browser.pre_open()
    try:
        cli = list(browser.get_cli())
    finally:
        browser.tmp_dir.clean()
    assert cli[0] != "/bin/sh" and str(fake) in cli
    assert all(cli.count(flag) == 1 for flag in chartbrowser.LEAN_FLAGS)


def test_chromium_is_launched_before_plotly_s_figure_code_is_imported(tmp_path) -> None:
    """The prestart thread imports only what launching the browser needs: plotly's figure code
    (≈0.1-0.3 s) is imported by the build's first render, while Chromium starts, not before the
    launch on the cold build's critical path."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from reportkit.charts import render as r\n"
        "seen = []\n"
        "r.ChartRenderer._ensure_browser = lambda self, t: seen.append('reportkit.charts.draw' in sys.modules)\n"
        "c = r.ChartRenderer(); c.prestart(5.0); c.wait_prestart(); print(seen)\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "[False]"


@pytest.mark.slow
def test_closing_kills_the_browser_and_leaves_no_thread_nor_profile() -> None:
    """The browser's profile is a temporary folder: its orderly shutdown (pages unloaded, profile
    written out) is skipped, the process group killed, and choreographer's close then cleans up
    at once (its pipes closed after the kill: no reader left waiting for a read to time out)."""
    import os
    import signal
    import threading

    before = set(threading.enumerate())
    b = chartbrowser._Browser(find_browser())
    b.start(60)
    proc, profile = b.kaleido.subprocess, b.kaleido._browser_impl.tmp_dir.path
    b.close()
    assert proc.returncode == -signal.SIGKILL
    assert not os.path.exists(profile)
    assert set(threading.enumerate()) <= before


def test_a_cold_build_s_figures_are_built_while_its_browser_starts(monkeypatch, tmp_path) -> None:
    """While prestart's thread holds the renderer until its browser is ready, a render of the same
    build builds its plotly figures (the first ≈0.1 s) instead of waiting: they are drawn once the
    browser is there, each built once."""
    import threading

    from reportkit.charts import draw
    from reportkit.charts import render as chartrender
    from conftest import LAYOUTS

    from reportkit.layouts.load import load_layout
    from reportkit.model import ChartData, Series

    log: list[str] = []
    built = threading.Event()
    renderer = chartrender.ChartRenderer()

    class Browser:
        def render(self, fig, opts, timeout, what):
            log.append(f"draw {opts['format']}")
            return b"<svg></svg>" if opts["format"] == "svg" else b"png"

    def starting() -> None:
        with renderer._lock:
            built.wait(10)  # old code: nothing is built before the browser is ready
            log.append("browser ready")

    real_figure = draw.figure
    monkeypatch.setattr(draw, "figure", lambda c, b: (log.append("figure"), built.set(), real_figure(c, b))[2])
    monkeypatch.setattr(chartrender.ChartRenderer, "_ensure_browser", lambda self, t: Browser())
    renderer._starting = threading.Thread(target=starting)
    renderer._starting.start()
    brand = load_layout(LAYOUTS / "weekly-brief.yaml").brand
    chart = ChartData(id="c", kind="bar", title="t", categories=["a", "b"], series=[Series("s", [1.0, 2.0])], labels=[["1", "2"]],
                      unit="count")
    renderer.render([chart], brand, ("svg", "png"), cache_dir=tmp_path, use_cache=False)
    renderer.wait_prestart()
    assert log == ["figure", "browser ready", "draw svg", "figure", "draw png"]
