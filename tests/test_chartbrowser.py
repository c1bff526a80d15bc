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
