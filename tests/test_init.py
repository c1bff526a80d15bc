"""A folder without layouts builds with the packaged defaults (issue 16 item 1), and
`reportkit init` makes a project that builds at once and passes verify."""

from __future__ import annotations

import fnmatch
import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT

from reportkit.layouts import PACKAGED_DIR, PACKAGED_FILES, PACKAGED_NOTE, load_layout

SAMPLE = ROOT / "reportkit" / "scaffold" / "sample-article.md"


def run(*args: str, cwd: Path, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reportkit", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)


def notes(r: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in r.stderr.splitlines() if line.startswith("note:")]


def test_packaged_layouts_load_and_name_no_topic() -> None:
    """Neutral: no logo, reportlab's own fonts, no chart selectors; charts are automatic."""
    for name in ("weekly-brief.yaml", "briefing-deck.yaml"):
        lay = load_layout(PACKAGED_DIR / name)
        assert lay.logo_path is None and lay.brand.logo is None
        assert lay.brand.fonts.regular.startswith("reportlab:")
        assert lay.content.charts == {} and lay.content.key_figures.picks == []
        assert lay.auto_chart_count() >= 2
        assert "{week" in lay.content.title


def test_package_data_covers_every_shipped_file() -> None:
    """Every non-Python file under reportkit/ matches a package-data glob, so it is in the wheel
    (the wheel itself was checked with `pip wheel . --no-deps` and `unzip -l`)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]
    pkg = ROOT / "reportkit"
    shipped = [p for p in pkg.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc")
               and "__pycache__" not in p.parts]
    assert {p.name for p in shipped} >= set(PACKAGED_FILES) | {"sample-article.md", "README.md"}
    for p in shipped:
        owners = [(name, g) for name, gs in globs.items() for g in gs
                  if (pkg.parent / name.replace(".", "/")) in p.parents
                  and fnmatch.fnmatch(p.relative_to(pkg.parent / name.replace(".", "/")).as_posix(), g)]
        assert owners, f"{p.relative_to(ROOT)} is not declared as package data"


def test_layouts_list_outside_a_project(tmp_path: Path) -> None:
    r = run("layouts", "list", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert notes(r) == [f"note: {PACKAGED_NOTE}"]
    roles = {line.split()[0]: line.split()[1] for line in r.stdout.splitlines()}
    assert roles == {"brand": "brand", "briefing-deck": "pptx", "content": "content", "weekly-brief": "pdf"}


def test_layouts_list_with_nothing_to_list_is_an_error(tmp_path: Path) -> None:
    """It printed nothing and exited 0."""
    (tmp_path / "layouts").mkdir()
    r = run("layouts", "list", cwd=tmp_path)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.strip().splitlines() == [
        "error: layouts/: no layout files (*.yaml) here; 'reportkit init' makes a project with layouts"]
    r = run("layouts", "list", "--dir", "missing", cwd=tmp_path)
    assert r.returncode == 2 and r.stderr.startswith("error: missing/: no such folder")


def test_a_layouts_folder_without_the_brief_and_deck_says_so(tmp_path: Path) -> None:
    """It said "layouts/weekly-brief.yaml: file not found"."""
    (tmp_path / "layouts" / "schema").mkdir(parents=True)
    (tmp_path / "sources").mkdir()
    shutil.copy(SAMPLE, tmp_path / "sources" / SAMPLE.name)
    r = run("build", cwd=tmp_path)
    assert r.returncode == 2 and notes(r) == []
    assert r.stderr.strip().splitlines() == [
        "error: layouts/: no weekly-brief.yaml or briefing-deck.yaml here; name your layouts with --layout FILE, "
        "or run 'reportkit init' in a new folder for a complete project"]


def test_layouts_show_outside_a_project(tmp_path: Path) -> None:
    r = run("layouts", "show", "weekly-brief", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "auto_charts: 3" in r.stdout and len(notes(r)) == 1


@pytest.mark.slow
def test_build_outside_a_project_uses_the_packaged_layouts(tmp_path: Path) -> None:
    """It said "error: layouts/: no layouts folder here" although its help promised a default."""
    (tmp_path / "sources").mkdir()
    shutil.copy(SAMPLE, tmp_path / "sources" / SAMPLE.name)
    r = run("build", "--week", "2026-W47", "--json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert notes(r) == [f"note: {PACKAGED_NOTE}"]  # said once, on stderr; stdout stays JSON
    summary = json.loads(r.stdout)
    assert sorted(Path(o["path"]).name for o in summary["outputs"]) == ["brief-2026-W47.pdf",
                                                                     "briefing-2026-W47.pptx"]
    assert sum(1 for c in summary["charts"] if c.get("auto")) >= 2, summary["charts"]
    assert len(summary["key_figures"]) >= 3


@pytest.mark.slow
def test_charts_outside_a_project_draws_the_automatic_charts(tmp_path: Path) -> None:
    """The packaged layouts name no chart; `charts` drew nothing where `build` drew three."""
    (tmp_path / "sources").mkdir()
    shutil.copy(SAMPLE, tmp_path / "sources" / SAMPLE.name)
    r = run("charts", "--format", "svg", "--json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert notes(r) == [f"note: {PACKAGED_NOTE}"]
    charts = json.loads(r.stdout)["charts"]
    assert [c["id"] for c in charts] == ["auto_1", "auto_2", "auto_3"]
    assert all((tmp_path / c["svg"]).is_file() for c in charts)


def test_init_writes_a_project_with_schema_headers(tmp_path: Path) -> None:
    r = run("init", "proj", "--title", "UK & US Economy", "--name", "Macro Desk", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    proj = tmp_path / "proj"
    assert "next: cd proj && reportkit build" in r.stdout
    for name in PACKAGED_FILES:
        first = (proj / "layouts" / name).read_text(encoding="utf-8").splitlines()[0]
        kind = {"brand.yaml": "brand", "content.yaml": "content"}.get(name, "layout")
        assert first == f"# yaml-language-server: $schema=schema/{kind}.schema.json"
        schema = json.loads((proj / "layouts" / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert schema["properties"]
    brief = load_layout(proj / "layouts" / "weekly-brief.yaml")
    assert brief.brand.name == "Macro Desk" and brief.brand.logo is None
    assert brief.content.title == "UK & US Economy — Week {week_number}, {year}"
    assert brief.content.short_title == "UK & US Economy"
    assert brief.output == "uk-us-economy-brief-{week}.pdf"
    assert (proj / "sources" / "sample-article.md").read_bytes() == SAMPLE.read_bytes()
    assert "reportkit build" in (proj / "README.md").read_text(encoding="utf-8")


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    assert run("init", cwd=tmp_path).returncode == 0
    brand = tmp_path / "layouts" / "brand.yaml"
    brand.write_text("# mine\n", encoding="utf-8")
    r = run("init", "--title", "Other", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == [
        "error: layouts/brand.yaml: already exists (and 8 more); nothing written "
        "(--force overwrites)"]
    assert brand.read_text(encoding="utf-8") == "# mine\n"
    assert "Weekly Brief" in (tmp_path / "layouts" / "content.yaml").read_text(encoding="utf-8")
    r = run("init", "--title", "Other", "--force", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert brand.read_text(encoding="utf-8") != "# mine\n"
    assert load_layout(tmp_path / "layouts" / "weekly-brief.yaml").content.short_title == "Other"


@pytest.mark.parametrize("option, value", [("--title", "two\nlines"), ("--name", "bell\x07"), ("--title", " ")])
def test_init_refuses_control_characters_and_empty_names(tmp_path: Path, option: str, value: str) -> None:
    r = run("init", option, value, cwd=tmp_path)
    assert r.returncode == 2 and r.stderr.startswith(f"error: {option}: give a one-line ")
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize("title", ["Brief {weke}", "Brief {week.__class__}"])
def test_init_refuses_a_title_the_layout_would_refuse(tmp_path: Path, title: str) -> None:
    r = run("init", "--title", title, cwd=tmp_path)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1
    assert r.stderr.startswith("error: --title: ")
    assert not any(tmp_path.iterdir())


@pytest.mark.slow
def test_init_then_build_with_no_other_files_passes_verify(tmp_path: Path) -> None:
    """The issue's "done when": init in an empty folder, build there, the outputs pass verify."""
    assert run("init", "--title", "Town Transport", "--name", "Northfield Desk", cwd=tmp_path).returncode == 0
    r = run("build", "--week", "2026-W47", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert notes(r) == []  # the project's own layouts: nothing to say
    pdf = tmp_path / "output" / "town-transport-brief-2026-W47.pdf"
    deck = tmp_path / "output" / "town-transport-briefing-2026-W47.pptx"

    from pptx import Presentation
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Town Transport — Week 47, 2026" in text and "Northfield Desk" in text
    assert "76,000" in text and "Maya Okafor" in text  # a key figure and the attributed quote
    slides = Presentation(str(deck)).slides
    charts = [s for slide in slides for s in slide.shapes if s.has_chart]
    assert len(charts) >= 2
    r = run("verify", str(pdf), str(deck), "--sources", "sources", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr


def test_a_title_with_its_own_week_placeholder_is_kept() -> None:
    import yaml

    from reportkit.init import layout_texts

    texts = layout_texts("Macro Weekly {week}", None)
    content = yaml.safe_load(texts["content.yaml"])
    assert content["title"] == "Macro Weekly {week}" and content["short_title"] == "Macro Weekly"
    assert yaml.safe_load(texts["brand.yaml"])["name"] == "Macro Weekly"
    assert yaml.safe_load(texts["weekly-brief.yaml"])["output"] == "macro-weekly-brief-{week}.pdf"
