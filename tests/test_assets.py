"""Issue 16 items 4 and 5: one rule for a layout's asset paths (relative to the file that
names them, in every command), SVG logos on the deck's slides, and every brand asset an
input of the incremental build and of ``watch``."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation

from conftest import LAYOUTS, ROOT, SEED_B
from reportkit.build import BuildOptions, build_report
from reportkit.layouts import asset_path, layout_files, load_layout
from reportkit.watch import watched_paths

DECK = "russia-mexico-briefing-2026-W47.pptx"
CSV_CHART = """
  csv_prices:
    kind: bar
    title: UK gas prices   # a name in a table chart's title: no article to check it against
    unit: USD
    data: {csv: data/prices.csv, series_name: Price}
    required: true   # not found would stop the run, not just leave the chart out
"""


def rk(*args: str, cwd: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REPORTKIT_CACHE_DIR": str(cache), "SOURCE_DATE_EPOCH": "1795046400"}
    return subprocess.run([sys.executable, "-m", "reportkit", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def project(tmp_path: Path, logo: str = "brand/logo.png") -> tuple[Path, Path]:
    """Sources in ``proj/sources``; layouts in a folder elsewhere (``elsewhere/layouts``), with
    a CSV chart whose file sits beside content.yaml (in its ``data/``), not beside the sources."""
    sources = tmp_path / "proj" / "sources"
    sources.mkdir(parents=True)
    shutil.copy(SEED_B, sources / SEED_B.name)
    lay = tmp_path / "elsewhere" / "layouts"
    lay.mkdir(parents=True)
    for name in ("brand.yaml", "content.yaml", "weekly-brief.yaml", "briefing-deck.yaml"):
        shutil.copy(LAYOUTS / name, lay / name)
    shutil.copytree(LAYOUTS / "brand", lay / "brand")
    (lay / "data").mkdir()
    (lay / "data" / "prices.csv").write_text("label,value\n2023,120\n2024,150\n", encoding="utf-8")
    with open(lay / "content.yaml", "a", encoding="utf-8") as fh:
        fh.write(CSV_CHART)
    for name, key in (("weekly-brief.yaml", "pdf"), ("briefing-deck.yaml", "deck")):
        text = (lay / name).read_text(encoding="utf-8")
        (lay / name).write_text(text.replace(f"{key}:\n", f"{key}:\n  charts: [csv_prices]\n", 1)
                                .replace("  charts: [fdi_growth", "  # charts: [fdi_growth"), encoding="utf-8")
    brand = (lay / "brand.yaml").read_text(encoding="utf-8")
    (lay / "brand.yaml").write_text(brand.replace("logo: brand/logo.png", f"logo: {logo}"), encoding="utf-8")
    return sources, lay


# -- item 4: one rule for relative paths -----------------------------------------------


def test_asset_path_is_relative_to_the_naming_file(tmp_path: Path, monkeypatch) -> None:
    sources, lay = project(tmp_path)
    monkeypatch.chdir(sources)  # neither the working directory nor the sources decide
    assert asset_path(lay / "content.yaml", "data/prices.csv") == (lay / "data" / "prices.csv").resolve()
    layout = load_layout(lay / "weekly-brief.yaml")
    assert layout.chart_ids() == ["csv_prices"]
    files = layout_files(layout)
    assert (lay / "data" / "prices.csv").resolve() in files and layout.logo_path in files
    assert (lay / "brand.yaml").resolve() in files


@pytest.mark.slow
def test_charts_and_build_find_the_csv_next_to_the_content_file(tmp_path: Path) -> None:
    """``reportkit charts`` looked for a chart's csv next to the sources, ``build`` next
    to the layout; both now look next to content.yaml, from any working directory."""
    sources, lay = project(tmp_path)
    cwd, cache = tmp_path / "somewhere", tmp_path / "cache"
    cwd.mkdir()
    charts = rk("charts", str(sources), "--layout", str(lay / "weekly-brief.yaml"), "--out", str(tmp_path / "c"),
                "--format", "svg", "--json", cwd=cwd, cache=cache)
    assert charts.returncode == 0, charts.stderr
    got = json.loads(charts.stdout)["charts"]
    assert [c["id"] for c in got] == ["csv_prices"] and Path(got[0]["svg"]).is_file()
    build = rk("build", str(sources), "--layout", str(lay / "weekly-brief.yaml"), "--week", "2026-W47",
               "--out", str(tmp_path / "o"), "--json", cwd=cwd, cache=cache)
    assert build.returncode == 0, build.stderr
    assert [c["id"] for c in json.loads(build.stdout)["charts"]] == ["csv_prices"]


# -- item 5: an SVG logo on the deck ---------------------------------------------------


def deck_build(sources: Path, lay: Path, out: Path, cache: Path, use_cache: bool = True):
    return build_report(BuildOptions(sources=[sources], layouts=[lay / "briefing-deck.yaml"], week="2026-W47",
                                     out=out, cache_dir=cache, use_cache=use_cache, parallel_render=False))


def logo_pictures(deck: Path) -> list:
    return [s for slide in Presentation(str(deck)).slides for s in slide.shapes if s.name == "Logo"]


def test_svg_only_logo_is_on_the_slides_deterministic_and_cached(tmp_path: Path) -> None:
    sources, lay = project(tmp_path, logo="brand/logo.svg")
    (lay / "brand" / "logo.png").unlink()  # the brand has only its SVG
    cache = tmp_path / "cache"
    first = deck_build(sources, lay, tmp_path / "a", cache)
    assert not any("carry no logo" in w for w in first.warnings), first.warnings
    deck = tmp_path / "a" / DECK
    pics = logo_pictures(deck)
    assert len(pics) == len(Presentation(str(deck)).slides)  # the title slide and every slide's footer
    from PIL import Image

    blob = pics[0].image.blob
    with Image.open(io.BytesIO(blob)) as im:
        assert im.format == "PNG" and im.size == (1020, 255)  # the title slide's 3.4 x 0.85 in box at 300 dpi
        assert im.getpixel((100, 128))[:3] == (0x0B, 0x3C, 0x5D)  # the logo's navy square
    from reportkit.verify import verify_files

    assert verify_files([deck])[0].problems == []
    entries = list((cache / "logos").rglob("*.png"))
    assert len(entries) == 1 and entries[0].read_bytes() == blob
    again = deck_build(sources, lay, tmp_path / "b", cache)  # from the cache
    uncached = deck_build(sources, lay, tmp_path / "c", tmp_path / "other", use_cache=False)
    assert not (tmp_path / "other").exists()
    data = deck.read_bytes()
    assert (tmp_path / "b" / DECK).read_bytes() == data == (tmp_path / "c" / DECK).read_bytes()
    assert again.outputs[0].sha256 == uncached.outputs[0].sha256


@pytest.mark.parametrize("svg, problem", [
    ('<svg xmlns="http://www.w3.org/2000/svg" width="100%"/>', "the SVG gives no size"),
    ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><oops', "not a readable SVG image"),
    ('<?xml version="1.0"?><html/>', "no <svg> root element"),
])
def test_an_svg_logo_neither_renderer_can_draw_is_one_line_when_loaded(tmp_path: Path, svg: str,
                                                                      problem: str) -> None:
    from reportkit.errors import LayoutError

    _sources, lay = project(tmp_path, logo="brand/logo.svg")
    (lay / "brand" / "logo.svg").write_text(svg, encoding="utf-8")
    with pytest.raises(LayoutError) as ei:
        load_layout(lay / "briefing-deck.yaml")
    assert problem in str(ei.value) and "\n" not in str(ei.value)
    assert str(ei.value).startswith(f"{lay / 'brand.yaml'}: logo: ")


def test_the_deck_says_so_when_an_svg_cannot_be_drawn(tmp_path: Path) -> None:
    from reportkit.errors import RenderError
    from reportkit.render.pptx.logo import rasterise

    with pytest.raises(RenderError) as ei:
        rasterise(b'<svg xmlns="http://www.w3.org/2000/svg" width="100%"/>', tmp_path / "logo.svg")
    assert "cannot draw SVG logo" in str(ei.value) and "\n" not in str(ei.value)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
                    reason="LibreOffice or poppler is not installed")
def test_libreoffice_shows_the_svg_logo(tmp_path: Path) -> None:
    import uuid

    from PIL import Image

    sources, lay = project(tmp_path, logo="brand/logo.svg")
    (lay / "brand" / "logo.png").unlink()
    deck_build(sources, lay, tmp_path / "o", tmp_path / "cache")
    profile = f"file:///tmp/lo-test-{uuid.uuid4().hex}"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "o" / DECK)], check=True, capture_output=True,
                   timeout=180)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(tmp_path / (Path(DECK).stem + ".pdf")),
                    str(tmp_path / "slide")], check=True, capture_output=True, timeout=60)
    with Image.open(next(tmp_path.glob("slide*.png"))) as im:
        rgb = im.convert("RGB")
        # the logo's box on the title slide: 0.6-4.0 in across, 0.55-1.4 in down (60 dpi)
        px = rgb.load()
        navy = sum(1 for x in range(36, 240) for y in range(33, 84)
                   if all(abs(a - b) < 24 for a, b in zip(px[x, y], (0x0B, 0x3C, 0x5D))))
    assert navy > 200, f"{navy} navy pixels where the logo should be"


# -- item 5: a brand asset's change rebuilds -------------------------------------------


def test_changing_the_logo_rebuilds_the_deck(tmp_path: Path) -> None:
    """A changed logo (or an SVG logo whose PNG appeared beside it) went unnoticed until --force."""
    sources, lay = project(tmp_path, logo="brand/logo.svg")
    out, cache = tmp_path / "o", tmp_path / "cache"
    first = deck_build(sources, lay, out, cache)
    before = first.outputs[0].sha256
    assert [o.status for o in deck_build(sources, lay, out, cache).outputs] == ["unchanged"]
    svg = lay / "brand" / "logo.svg"
    svg.write_text(svg.read_text(encoding="utf-8").replace("#0B3C5D", "#5D0B3C"), encoding="utf-8")
    after = deck_build(sources, lay, out, cache).outputs[0]
    assert after.status == "built" and after.sha256 != before
    assert hashlib.sha256((out / DECK).read_bytes()).hexdigest() == after.sha256
    # a PNG beside the SVG is no input: the deck draws the SVG the brand names, so a forced
    # build gives the same bytes (the deck used to take that PNG without hashing it)
    shutil.copy(LAYOUTS / "brand" / "logo.png", lay / "brand" / "logo.png")
    forced = build_report(BuildOptions(sources=[sources], layouts=[lay / "briefing-deck.yaml"], week="2026-W47",
                                       out=out, cache_dir=cache, force=True, parallel_render=False))
    assert forced.outputs[0].sha256 == after.sha256


def test_changing_a_chart_csv_or_a_font_rebuilds(tmp_path: Path) -> None:
    sources, lay = project(tmp_path)
    out, cache = tmp_path / "o", tmp_path / "cache"
    before = deck_build(sources, lay, out, cache).outputs[0].sha256
    (lay / "data" / "prices.csv").write_text("label,value\n2023,120\n2024,180\n", encoding="utf-8")
    csv_changed = deck_build(sources, lay, out, cache).outputs[0]
    assert csv_changed.status == "built" and csv_changed.sha256 != before
    import reportlab

    fonts = lay / "fonts"
    fonts.mkdir()
    for name in ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf"):
        shutil.copy(Path(reportlab.__file__).parent / "fonts" / name, fonts / name)
    brand = (lay / "brand.yaml").read_text(encoding="utf-8").replace("reportlab:", "fonts/")
    (lay / "brand.yaml").write_text(brand, encoding="utf-8")
    assert deck_build(sources, lay, out, cache).outputs[0].status == "built"  # the brand file changed
    assert deck_build(sources, lay, out, cache).outputs[0].status == "unchanged"
    shutil.copy(fonts / "VeraBd.ttf", fonts / "Vera.ttf")  # the regular face's bytes, nothing else
    assert deck_build(sources, lay, out, cache).outputs[0].status == "built"


def test_watch_follows_assets_outside_the_layout_folder(tmp_path: Path) -> None:
    """``watch`` watched the layouts' folder only: a brand file and logo kept elsewhere
    (``--allow-external-assets``) could change without a rebuild."""
    sources, lay = project(tmp_path)
    shared = tmp_path / "shared-brand"
    shutil.copytree(lay / "brand", shared / "art")
    shutil.move(lay / "brand.yaml", shared / "brand.yaml")
    for name in ("weekly-brief.yaml", "briefing-deck.yaml"):
        text = (lay / name).read_text(encoding="utf-8")
        (lay / name).write_text(text.replace("brand: brand.yaml", f"brand: {shared / 'brand.yaml'}"), encoding="utf-8")
    text = (shared / "brand.yaml").read_text(encoding="utf-8").replace("logo: brand/", "logo: art/")
    (shared / "brand.yaml").write_text(text, encoding="utf-8")
    opts = BuildOptions(sources=[sources], layouts=[lay / "weekly-brief.yaml", lay / "briefing-deck.yaml"],
                        allow_external=True)
    watched = watched_paths(opts)
    assert shared.resolve() in watched or (shared / "art").resolve() in watched
    assert lay.resolve() in watched and sources.resolve() in watched
    # nested folders are left to the folder that holds them (watching is recursive)
    assert not any(p != q and p.is_relative_to(q) for p in watched for q in watched)



def test_watch_rebuilds_when_an_asset_outside_the_layouts_changes(tmp_path: Path) -> None:
    """A real watch session: the logo of a brand kept elsewhere changes → rebuilt; the brand then
    names a logo in a folder nobody watched → the watcher follows it there."""
    import queue
    import threading

    from reportkit.watch import watch

    sources, lay = project(tmp_path, logo="brand/logo.svg")
    shared = tmp_path / "shared-brand"
    shutil.copytree(lay / "brand", shared / "art")
    shutil.move(lay / "brand.yaml", shared / "brand.yaml")
    text = (lay / "briefing-deck.yaml").read_text(encoding="utf-8")
    (lay / "briefing-deck.yaml").write_text(text.replace("brand: brand.yaml", f"brand: {shared / 'brand.yaml'}"),
                                            encoding="utf-8")
    brand = shared / "brand.yaml"
    brand.write_text(brand.read_text(encoding="utf-8").replace("logo: brand/", "logo: art/"), encoding="utf-8")
    opts = BuildOptions(sources=[sources], layouts=[lay / "briefing-deck.yaml"], week="2026-W47",
                        out=tmp_path / "o", cache_dir=tmp_path / "cache", allow_external=True)
    reports: queue.Queue = queue.Queue()
    stop = threading.Event()
    session = threading.Thread(target=watch, args=(opts, lambda s, e: reports.put((s, e))),
                               kwargs={"stop_event": stop, "debounce_ms": 50}, daemon=True)

    def next_build() -> tuple[str, str]:
        summary, error = reports.get(timeout=120)
        assert error is None, error
        return summary.outputs[0].status, summary.outputs[0].sha256

    def recolour(svg: Path, colour: str) -> None:
        svg.write_text(svg.read_text(encoding="utf-8").replace("#0B3C5D", colour), encoding="utf-8")

    session.start()
    try:
        status, first = next_build()
        assert status == "built"
        recolour(shared / "art" / "logo.svg", "#5D0B3C")
        status, second = next_build()
        assert status == "built" and second != first
        moved = tmp_path / "moved-art"
        shutil.copytree(LAYOUTS / "brand", moved)
        brand.write_text(brand.read_text(encoding="utf-8").replace("logo: art/logo.svg",
                                                                   f"logo: {moved / 'logo.svg'}"), encoding="utf-8")
        status, third = next_build()  # the brand file changed: its new logo is drawn
        assert status == "built" and third != second
        assert next_build() == ("unchanged", third)  # the watcher started again, now on moved-art too
        recolour(moved / "logo.svg", "#3C5D0B")
        status, fourth = next_build()
        assert status == "built" and fourth not in (first, second, third)
    finally:
        stop.set()
        session.join(timeout=60)
    assert not session.is_alive()
    import gc

    assert gc.get_freeze_count() == 0  # the session froze what it kept, and let it go when it ended


def test_reportkit_build_notices_a_changed_logo(tmp_path: Path) -> None:
    """Through the command (whose unchanged build is answered before its imports): the
    second run is unchanged, a recoloured logo is built again."""
    sources, lay = project(tmp_path, logo="brand/logo.svg")
    args = ("build", str(sources), "--layout", str(lay / "briefing-deck.yaml"), "--out", str(tmp_path / "o"),
            "--week", "2026-W47", "--quiet")

    def status() -> str:
        proc = rk(*args, cwd=tmp_path, cache=tmp_path / "cache")
        assert proc.returncode == 0, proc.stderr
        return proc.stdout.split()[0]

    assert [status(), status()] == ["built", "unchanged"]
    svg = lay / "brand" / "logo.svg"
    svg.write_text(svg.read_text(encoding="utf-8").replace("#0B3C5D", "#5D0B3C"), encoding="utf-8")
    assert status() == "built"
