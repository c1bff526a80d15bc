"""Rendering through kaleido + Chromium: sizes, brand pixels, cache, missing and hung browsers."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from reportkit import chromium
from reportkit.charts import browser as chartbrowser
from reportkit.charts.cache import cache_key, default_cache_dir, drawer, write_cached
from reportkit.charts.render import ChartRenderer
from reportkit.chromium import find_browser
from reportkit.charts.data import resolve_all
from reportkit.errors import ChartError
from reportkit.layouts.load import load_layout
from reportkit.model import Fact

A, B = "000_52c727dd3fe4205e.txt", "002_a47ac54eef5493dc.txt"


def _facts() -> list[Fact]:
    def f(i, unit, value, label, source, year=None, text=None, sentence=None):
        return Fact(id=i, text=text or str(value), value=value, unit=unit, source=source, start=0, end=1,
                    sentence=sentence or label, label=label, year=year)

    return [f("a1", "USD", 2.8e6, "FDI from Russia", A, 2022), f("a2", "USD", 86.4e6, "FDI from Russia", A, 2024),
            f("b1", "percent", 72, "natural gas imported", B, text="72%",
              sentence="Mexico imports approximately 72% of its natural gas."), f("b2", "count", 30000, "oil wells", B),
            f("b3", "ratio", 0.3333, "oil wells previously shut", B),
            f("b4", "barrels_per_day", 1.8e6, "production target", B)]


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory):
    lay = load_layout(Path(__file__).resolve().parent.parent / "layouts" / "weekly-brief.yaml")
    charts = resolve_all(lay.content.charts, lay.chart_ids(), _facts())
    return lay.brand, charts, tmp_path_factory.mktemp("cache")


def _has_colour(img: Image.Image, hex_colour: str, min_pixels: int = 500) -> bool:
    rgb = tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    counts = img.convert("RGB").getcolors(maxcolors=1 << 20) or []
    return sum(n for n, c in counts if all(abs(a - b) <= 2 for a, b in zip(c, rgb))) >= min_pixels


@pytest.mark.slow
def test_render_then_cache(setup, tmp_path: Path) -> None:
    brand, charts, cache = setup
    with ChartRenderer(timeout=90) as r:
        first = r.render(charts, brand, cache_dir=cache, out_dir=tmp_path / "a")
        assert r.starts == 1  # one browser for all charts
        for c in charts:
            rc = first[c.id]
            assert not rc.cached and rc.png == str(tmp_path / "a" / f"{c.id}.png")
            img = Image.open(rc.png)
            assert img.size == (1600, 900)  # 800x450 at scale 2
            assert _has_colour(img, brand.colors.primary)
            assert len(img.convert("RGB").getcolors(maxcolors=1 << 20) or []) > 20  # not blank
            svg = Path(rc.svg or "").read_text()
            assert svg.startswith("<svg") and 'id="defs-rk0000"' in svg  # normalised, reproducible ids
        assert _has_colour(Image.open(first["fdi_growth"].png), brand.colors.secondary)
        assert _has_colour(Image.open(first["production_targets"].png), brand.colors.accent)

    with ChartRenderer(timeout=90) as r2:  # a new renderer: everything comes from the cache
        second = r2.render(charts, brand, cache_dir=cache, out_dir=tmp_path / "b")
        assert r2.starts == 0
        assert all(rc.cached for rc in second.values())
    for c in charts:
        for ext in ("png", "svg"):
            a = (tmp_path / "a" / f"{c.id}.{ext}").read_bytes()
            assert a == (tmp_path / "b" / f"{c.id}.{ext}").read_bytes()


@pytest.mark.slow
def test_a_kept_page_draws_the_same_bytes_as_a_reloaded_one(setup, monkeypatch: pytest.MonkeyPatch) -> None:
    """The browser keeps its page between images (no plotly.js reload, ≈0.2 s each): every
    kind of chart, in either order after other charts, gives the bytes a fresh page gives."""
    import dataclasses

    from kaleido._kaleido_tab import _KaleidoTab

    brand, charts, _ = setup
    charts = charts + [dataclasses.replace(charts[0], id="as_line", kind="line"),
                       dataclasses.replace(charts[0], id="as_bullet", kind="bullet", target=9e7, target_label="Aim")]
    assert {c.kind for c in charts} == {"bar", "donut", "stacked_bar", "line", "bullet"}
    reloads: list[int] = []
    real_reload = _KaleidoTab.reload

    async def counted(self):
        reloads.append(1)
        return await real_reload(self)

    monkeypatch.setattr(_KaleidoTab, "reload", counted)
    drawn: dict[bool, dict[tuple[str, str], bytes]] = {}
    for reload, order in ((True, charts), (False, charts[::-1])):
        monkeypatch.setattr(chartbrowser, "RELOAD_PAGES", reload)
        reloads.clear()
        with ChartRenderer(timeout=90) as r:
            drawn[reload] = {(c.id, fmt): r._draw(c, brand, fmt, 800, 450, 2.0, 90)
                             for c in order for fmt in ("png", "svg")}  # a PNG first reorders SVG attributes
        assert len(reloads) == (2 * len(charts) if reload else 0)
    assert drawn[False] == drawn[True]


@pytest.mark.slow
def test_warm_run_imports_neither_plotly_nor_kaleido(setup, tmp_path: Path) -> None:
    brand, charts, cache = setup
    with ChartRenderer(timeout=90) as r:
        r.render(charts[:1], brand, cache_dir=cache, formats=("png",))
    code = (
        "import sys; from pathlib import Path\n"
        "from reportkit.layouts import load_layout\n"
        "from reportkit.charts import resolve_all\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from test_chartrender import _facts\n"
        "from reportkit.charts.render import ChartRenderer\n"
        f"lay = load_layout({str(Path(__file__).resolve().parent.parent / 'layouts' / 'weekly-brief.yaml')!r})\n"
        "c = resolve_all(lay.content.charts, lay.chart_ids(), _facts())[:1]\n"
        f"out = ChartRenderer().render(c, lay.brand, formats=('png',), cache_dir=Path({str(cache)!r}))\n"
        "assert all(x.cached for x in out.values())\n"
        "print('plotly' in sys.modules, 'kaleido' in sys.modules)\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "False False"


def test_cache_key_changes_with_data_brand_and_size(setup) -> None:
    brand, charts, _ = setup
    k = cache_key(charts[0], brand, "png")
    assert k == cache_key(charts[0], brand, "png")
    assert k != cache_key(charts[1], brand, "png")
    assert k != cache_key(charts[0], brand, "svg")
    assert k != cache_key(charts[0], brand, "png", width=640)
    other = brand.model_copy(update={"colors": brand.colors.model_copy(update={"primary": "#000000"})})
    assert k != cache_key(charts[0], other, "png")


def test_cache_dir_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("REPORTKIT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "reportkit" / "charts"
    monkeypatch.setenv("REPORTKIT_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine"


def test_missing_browser_from_env(monkeypatch: pytest.MonkeyPatch, setup, tmp_path: Path) -> None:
    brand, charts, _ = setup
    monkeypatch.delenv("REPORTKIT_CHROMIUM", raising=False)
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-chrome"))
    with pytest.raises(ChartError) as ei:
        ChartRenderer().render(charts[:1], brand, use_cache=False)
    assert str(ei.value) == (f"BROWSER_PATH={tmp_path / 'no-such-chrome'}: no such browser executable; "
                             "install one with `apt-get install chromium` or set REPORTKIT_CHROMIUM to its path")


def test_no_browser_anywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REPORTKIT_CHROMIUM", raising=False)
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setattr(chromium, "CANDIDATES", ("/nonexistent/chromium", "no-such-browser-xyz"))
    with pytest.raises(ChartError) as ei:
        find_browser()
    assert str(ei.value) == ("no Chromium or Chrome found to render charts; install one with "
                             "`apt-get install chromium` or set REPORTKIT_CHROMIUM to its path")


def test_cached_build_needs_no_browser(monkeypatch: pytest.MonkeyPatch, setup, tmp_path: Path) -> None:
    """With every image cached, a missing browser does not matter (nothing is started)."""
    brand, charts, _ = setup
    cache = tmp_path / "c"
    for c in charts[:1]:
        key = cache_key(c, brand, "png")
        write_cached(cache / key[:2] / f"{key}.png", b"\x89PNG\r\n\x1a\n cached")
    monkeypatch.setenv("REPORTKIT_CHROMIUM", "/nonexistent")
    r = ChartRenderer()
    out = r.render(charts[:1], brand, formats=("png",), cache_dir=cache, out_dir=tmp_path / "o")
    assert out[charts[0].id].cached and r.starts == 0
    assert (tmp_path / "o" / f"{charts[0].id}.png").read_bytes() == b"\x89PNG\r\n\x1a\n cached"


def _fake_browser(path: Path, marker: Path) -> Path:
    path.write_text(f"#!/bin/sh\ntouch {marker}\nexit 1\n")
    path.chmod(0o755)
    return path


def test_the_browser_stamp_changes_when_the_browser_is_replaced_and_never_runs_it(monkeypatch, tmp_path) -> None:
    marker = tmp_path / "ran"
    exe = _fake_browser(tmp_path / "chromium", marker)
    link = tmp_path / "link"
    link.symlink_to(exe)
    monkeypatch.setenv("REPORTKIT_CHROMIUM", str(link))
    base = chromium.stamp()
    assert base and base == chromium.stamp(str(exe))  # the resolved executable
    st = exe.stat()
    os.utime(exe, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # an upgrade replaces the binary
    assert chromium.stamp() not in (base, None)
    os.utime(exe, ns=(st.st_atime_ns, st.st_mtime_ns))  # a reinstall of the same package: its mtime
    assert chromium.stamp() == base
    exe.write_text(exe.read_text() + "# another build\n")
    os.utime(exe, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert chromium.stamp() != base  # another size
    monkeypatch.setenv("REPORTKIT_CHROMIUM", str(tmp_path / "none-here"))
    assert chromium.stamp() is None
    assert not marker.exists()  # never started to learn its version


def test_an_image_drawn_by_another_browser_is_drawn_again(monkeypatch, setup, tmp_path: Path) -> None:
    """The chart cache holds which browser drew each image: after a Chromium upgrade a cached
    image is a miss (redrawn, then a hit again); with no browser to ask, it is used."""
    brand, charts, _ = setup
    marker = tmp_path / "ran"
    old, new = _fake_browser(tmp_path / "old", marker), _fake_browser(tmp_path / "new", marker)
    new.write_text(new.read_text() + "# a newer version\n")
    cache = tmp_path / "c"
    key = cache_key(charts[0], brand, "png")
    write_cached(cache / key[:2] / f"{key}.png", b"\x89PNG\r\n\x1a\n drawn by the old one", drawer(str(old)))
    drawn = []

    def draw(self, chart, *_a):
        drawn.append(chart.id)
        return b"\x89PNG\r\n\x1a\n drawn by the new one"

    monkeypatch.setattr(ChartRenderer, "_draw", draw)

    def render(browser: Path) -> bytes:
        monkeypatch.setenv("REPORTKIT_CHROMIUM", str(browser))
        out = ChartRenderer().render(charts[:1], brand, formats=("png",), cache_dir=cache)
        return Path(out[charts[0].id].png).read_bytes()

    assert render(old).endswith(b"old one") and drawn == []
    assert render(new).endswith(b"new one") and drawn == [charts[0].id]
    assert render(new).endswith(b"new one") and drawn == [charts[0].id]  # kept under the new stamp
    assert render(tmp_path / "no-browser").endswith(b"new one") and len(drawn) == 1
    assert not marker.exists()


def test_an_image_drawn_with_other_fonts_is_drawn_again(monkeypatch, setup, tmp_path: Path) -> None:
    """Chromium draws a chart's text with the fonts fontconfig offers: one overwritten in place
    (no folder changes) or installed makes the cached image a miss."""
    from reportkit import installed

    brand, charts, _ = setup
    fonts = tmp_path / "fonts"
    (fonts / "t").mkdir(parents=True)
    (fonts / "t" / "a.ttf").write_bytes(b"one")
    monkeypatch.setattr(installed, "FONT_ROOTS", (str(fonts),))
    monkeypatch.setattr(installed, "_fonts_seen", {})
    monkeypatch.setenv("REPORTKIT_CHROMIUM", str(_fake_browser(tmp_path / "chromium", tmp_path / "ran")))
    drawn = []
    monkeypatch.setattr(ChartRenderer, "_draw", lambda self, chart, *_a: drawn.append(1) or b"\x89PNG\r\n\x1a\n x")

    def render() -> int:
        ChartRenderer().render(charts[:1], brand, formats=("png",), cache_dir=tmp_path / "c")
        return len(drawn)

    assert render() == 1 and render() == 1
    folder = (fonts / "t").stat()
    with open(fonts / "t" / "a.ttf", "r+b") as fh:
        fh.write(b"two!")
    os.utime(fonts / "t", ns=(folder.st_atime_ns, folder.st_mtime_ns))
    assert render() == 2 and render() == 2
    (fonts / "t" / "b.otf").write_bytes(b"another font")
    assert render() == 3


def test_bad_format(setup) -> None:
    brand, charts, _ = setup
    with pytest.raises(ChartError, match="--format: expected png and/or svg, got pdf"):
        ChartRenderer().render(charts, brand, formats=("pdf",))


@pytest.mark.slow
def test_hung_browser_times_out_and_leaves_no_process(monkeypatch: pytest.MonkeyPatch, setup, tmp_path: Path) -> None:
    brand, charts, _ = setup
    marker = f"reportkit-hang-{os.getpid()}"
    script = tmp_path / "hang-chrome"
    script.write_text(f"#!/bin/sh\n# {marker}: a browser that never answers\nsleep 1000\n")
    script.chmod(0o755)
    monkeypatch.setenv("REPORTKIT_CHROMIUM", str(script))
    before = set(threading.enumerate())
    r = ChartRenderer(timeout=2)
    t0 = time.monotonic()
    with pytest.raises(ChartError) as ei:
        r.render(charts[:1], brand, use_cache=False)
    assert time.monotonic() - t0 < 20
    assert str(ei.value) == f"starting the chart browser: timed out after 2 s; the browser ({script}) was stopped"
    r.close()
    # no thread of it is left (choreographer's watchdog waited for ever: the process would not fork again)
    assert set(threading.enumerate()) - before == set()
    time.sleep(0.3)
    ps = subprocess.run(["ps", "-eo", "stat,args"], capture_output=True, text=True).stdout
    assert str(script) not in ps  # killed and reaped: neither running nor a zombie


def test_renderer_closes_before_temporary_folders_are_removed_at_exit() -> None:
    # The browser's profile is a TemporaryDirectory: if its finalizer ran before the renderer's
    # close at exit, it deleted the profile under a live Chromium ("Directory not empty: 'Default'",
    # a traceback after a successful cold build whose browser started before any other finalizer).
    code = (
        "import weakref\n"
        "from reportkit.charts.render import ChartRenderer\n"
        "class R(ChartRenderer):\n"
        "    def close(self):\n"
        "        print('close', flush=True)\n"
        "r = R()\n"
        "class Profile: pass\n"
        "p = Profile()\n"
        "weakref.finalize(p, print, 'profile removed')\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert res.stdout.split("\n")[:2] == ["close", "profile removed"], res.stdout


def test_the_prestart_thread_is_not_the_first_to_ask_tempfile_for_a_name(monkeypatch) -> None:
    """tempfile makes its name source under a lock on first use. Chromium's launch in the
    prestart thread used to be that first use, and a native deck's render child forked at that
    moment hung for ever at its own first temporary file (seen in the full suite): the source
    is made before the thread starts."""
    import tempfile
    import threading

    seen: list[bool] = []
    monkeypatch.setattr(tempfile, "_name_sequence", None)
    monkeypatch.setattr(threading.Thread, "start", lambda self: seen.append(tempfile._name_sequence is not None))
    ChartRenderer().prestart(1.0)
    assert seen == [True]


def test_chromium_starts_without_choreographer_s_python_wrapper(tmp_path) -> None:
    """The browser's command line is the shell's exec of the browser (no second Python, ≈0.1 s
    of CPU on a cold build's critical path), and the browser gets choreographer's pipes on fds 3
    and 4, where Chromium reads and writes the DevTools protocol."""
    from choreographer.channels import Pipe

    fake = tmp_path / "fake-chrome"
    fake.write_text(f"#!{sys.executable}\nimport os, sys\nos.write(4, b'got ' + os.read(3, 5) + sys.argv[1].encode())\n")
    fake.chmod(0o755)
    browser = chartbrowser._chromium_class()(Pipe(), str(fake))
    browser.pre_open()  # its profile folder
    try:
        cli = list(browser.get_cli())
    finally:
        browser.tmp_dir.clean()
    assert cli[:4] == ["/bin/sh", "-c", chartbrowser._SHELL_START, str(fake)] and sys.executable not in cli
    assert cli[4:] and all(arg.startswith("--") for arg in cli[4:])
    res = subprocess.run(cli, input=b"hello", capture_output=True, close_fds=True, timeout=30)
    assert res.returncode == 0, res.stderr
    assert res.stdout == b"got hello" + cli[4].encode()



def test_closing_the_browser_waits_for_the_threads_started_with_it() -> None:
    """choreographer's threads (watchdog, pipe readers, the pool that waits for the process) end
    shortly after its browser; close waits for those that outlive it, so that the build may fork
    right after it (no fork while another thread runs, reportkit/forkpool.py)."""
    import threading

    browser = chartbrowser._Browser("/nonexistent/chromium")  # its event loop only: never started
    late = threading.Thread(target=time.sleep, args=(0.3,), name="checking_close-0")  # ends after the close
    late.start()
    browser.close()
    assert not late.is_alive() and not browser.thread.is_alive()
