"""Errors all at once (issue 16 item 3): `layouts validate` and `build` list every problem of a
layout and of the brand and content files it names, each once, as `error: <file>: <key.path>:
<problem>` with the path as the user wrote it, then a count; `layouts show content` works."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from fixtures.cli import run_cli
from reportkit.errors import LayoutError
from reportkit.layouts import LayoutErrors, load_layout

PROBLEMS = [
    "error: layouts/brand.yaml: colors.primary: expected a colour like '#0B3C5D', got 'navy'",
    "error: layouts/brand.yaml: logo: file not found: brand/missing.png",
    "error: layouts/content.yaml: titel: unknown key (did you mean 'title'?)",
    "error: layouts/content.yaml: max_takeaways: expected a whole number, got '8'",
    "error: layouts/content.yaml: charts.fdi_growth.kind: expected 'bar', 'line', 'donut', 'bullet' or "
    "'stacked_bar', got 'pie'",
]
BRIEF = [
    "error: layouts/weekly-brief.yaml: pdf.page_size: expected 'A4' or 'Letter', got 'A5'",
    "error: layouts/weekly-brief.yaml: pdf.charts[0]: no chart 'fdi_grow' in content.yaml (did you mean 'fdi_growth'?)",
]
DECK = ["error: layouts/briefing-deck.yaml: output: must be a file name, not a path: 'out/deck.pptx'"]


def _edit(path: Path, **changes: object) -> None:
    data = yaml.safe_load(path.read_text())
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        node = data
        for k in parents:
            node = node[k]
        node[last] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True))


@pytest.fixture
def project(tmp_path: Path, layouts_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose layouts have seven problems in four files; the current folder is the project."""
    shutil.copytree(layouts_dir, tmp_path / "layouts")
    lay = tmp_path / "layouts"
    _edit(lay / "brand.yaml", colors__primary="navy", logo="brand/missing.png")
    _edit(lay / "content.yaml", titel="x", max_takeaways="8", charts__fdi_growth__kind="pie")
    _edit(lay / "weekly-brief.yaml", pdf__page_size="A5", pdf__charts=["fdi_grow"])
    _edit(lay / "briefing-deck.yaml", output="out/deck.pptx")
    monkeypatch.chdir(tmp_path)
    return tmp_path


run = run_cli  # reportkit ARGS in-process: (exit code, stdout, stderr)


def test_validate_lists_every_problem_once_with_the_paths_as_written(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = ["layouts/brand.yaml", "layouts/briefing-deck.yaml", "layouts/content.yaml", "layouts/weekly-brief.yaml"]
    code, out, err = run(capsys, "layouts", "validate", *files)
    assert code == 2 and out == ""
    # brand and content are reached three times (directly and through both layouts): said once
    assert err.splitlines() == [*PROBLEMS, *DECK, *BRIEF, "error: 8 problems in 4 files"]
    assert str(project) not in err and "more problem" not in err


def test_a_shared_file_is_reported_once_through_several_layouts(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "layouts", "validate", "layouts/weekly-brief.yaml", "layouts/briefing-deck.yaml")
    assert code == 2
    lines = err.splitlines()
    assert lines == [*BRIEF[:1], *PROBLEMS, *BRIEF[1:], *DECK, "error: 8 problems in 4 files"]


def test_build_lists_every_problem_and_exits_2(project: Path, seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "build", str(seeds), "-l", "layouts/weekly-brief.yaml",
                         "-l", "layouts/briefing-deck.yaml", "--out", "output", "--quiet")
    assert code == 2
    lines = [line for line in err.splitlines() if line.startswith("error: ")]
    assert lines == [*BRIEF[:1], *PROBLEMS, *BRIEF[1:], *DECK, "error: 8 problems in 4 files"]
    assert not (project / "output").exists() or not any((project / "output").iterdir())


def test_one_problem_is_still_one_line(tmp_path: Path, layouts_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(layouts_dir, tmp_path / "layouts")
    _edit(tmp_path / "layouts" / "content.yaml", charts__fdi_growth__kindd="bar")
    monkeypatch.chdir(tmp_path)
    code, _out, err = run(capsys, "layouts", "validate", "layouts/weekly-brief.yaml", "layouts/content.yaml")
    assert code == 2
    assert err == "error: layouts/content.yaml: charts.fdi_growth.kindd: unknown key (did you mean 'kind'?)\n"


def test_the_error_lists_every_problem_in_one_line_contexts(project: Path) -> None:
    """watch and batch print str(error): it names every problem, not "(and N more problems)"."""
    with pytest.raises(LayoutErrors) as ei:
        load_layout("layouts/weekly-brief.yaml")
    e = ei.value
    assert isinstance(e, LayoutError) and e.path == "layouts/weekly-brief.yaml"
    assert len(e.entries) == 7 and "\n" not in str(e)
    assert str(e).startswith("layouts/weekly-brief.yaml: pdf.page_size: expected 'A4' or 'Letter', got 'A5' "
                             "(and 6 more: layouts/brand.yaml: colors.primary: ")
    assert e.lines()[-1] == "7 problems in 3 files"


@pytest.mark.parametrize(("name", "first"), [("content", "title: "), ("brand", "name: "),
                                             ("weekly-brief", "path: ")])
def test_layouts_show_any_file(layouts_dir: Path, capsys: pytest.CaptureFixture[str], name: str,
                               first: str) -> None:
    code, out, err = run(capsys, "layouts", "show", name, "--dir", str(layouts_dir))
    assert code == 0, err
    data = yaml.safe_load(out)
    assert out.startswith(first) and isinstance(data, dict)
    if name == "content":  # every default filled in
        assert data["stories"]["summary_words"] == 70 and data["charts"]["fdi_growth"]["data"]["category"] == "year"
        assert data["changes"] == {"max_lines": 8}
