"""A build that fails in one output leaves every output as it was (reportkit/renderstage.py).

The error paths end to end: a bad source, layout or template, an output folder that cannot be
written. Each is one line ``error: <file>: <problem>``, exit 2, and no earlier output touched.
A broken deck template used to fail only at its render, after the brief had been rendered and put
in place (forked children, a watch session's kept worker, or one after the other in the process):
two outputs or more are now each written beside their own and put in place once every one rendered."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import LAYOUTS, ROOT, SEEDS

from reportkit import charts
from reportkit.atomic import TMP_PREFIX
from reportkit.build import BuildOptions, build_report
from reportkit.errors import LayoutError, RenderError
from reportkit.forkrun import kept_workers
from reportkit.watch import session_options

pytestmark = pytest.mark.usefixtures("threads_of_this_test_only")

BRIEF, DECK = "russia-mexico-brief-2026-W47.pdf", "russia-mexico-briefing-2026-W47.pptx"


@pytest.fixture
def project(tmp_path, monkeypatch) -> tuple[BuildOptions, Path]:
    """The repo's layouts with a deck template that is no PowerPoint file, and an output folder
    holding last week's good outputs. Charts are not drawn (no browser in these tests)."""
    layouts = tmp_path / "layouts"
    shutil.copytree(LAYOUTS, layouts)
    (layouts / "broken.potx").write_bytes(b"not a zip: a template saved half-way")
    deck = layouts / "briefing-deck.yaml"
    deck.write_text(deck.read_text().replace("template: null", "template: broken.potx"))
    assert "broken.potx" in deck.read_text()
    monkeypatch.setattr(charts, "render_charts", lambda *_a, **_k: {})
    cache = tmp_path / "cache"
    (cache / "ab").mkdir(parents=True)  # a chart cache that is not empty: no browser is started
    out = tmp_path / "out"
    out.mkdir()
    (out / BRIEF).write_bytes(b"last week's brief")
    (out / DECK).write_bytes(b"last week's deck")
    opts = BuildOptions(sources=[SEEDS], layouts=[layouts / "weekly-brief.yaml", deck], week="2026-W47",
                        out=out, cache_dir=cache, force=True)
    return opts, out


def _as_before(out: Path) -> None:
    assert (out / BRIEF).read_bytes() == b"last week's brief"
    assert (out / DECK).read_bytes() == b"last week's deck"
    assert not [p.name for p in out.iterdir() if p.name.startswith(TMP_PREFIX)]


@pytest.mark.parametrize("parallel", [True, False], ids=["forked", "one-after-the-other"])
def test_a_broken_template_leaves_the_brief_as_it_was(project, parallel):
    opts, out = project
    opts.parallel_render = parallel
    with pytest.raises(LayoutError, match="template is not a PowerPoint file"):
        build_report(opts)
    _as_before(out)


def test_a_watch_session_keeps_both_outputs_when_one_fails(project):
    opts, out = project
    with kept_workers():
        with pytest.raises(LayoutError, match="template is not a PowerPoint file"):
            build_report(session_options(opts))
    _as_before(out)


def test_every_output_is_put_in_place_when_all_rendered(project):
    opts, out = project
    deck = opts.layouts[1]
    deck.write_text(deck.read_text().replace("template: broken.potx", "template: null"))
    summary = build_report(opts)
    assert sorted(o.status for o in summary.outputs) == ["built", "built"]
    assert (out / BRIEF).read_bytes()[:5] == b"%PDF-" and (out / DECK).read_bytes()[:2] == b"PK"
    assert not [p.name for p in out.iterdir() if p.name.startswith(TMP_PREFIX)]


def test_the_command_line_says_one_line_and_exits_2(project, tmp_path):
    opts, out = project
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.iterdir()}
    script = tmp_path / "run.py"  # the same build through the CLI, charts not drawn (as above)
    script.write_text("import sys\nimport reportkit.charts as c\nc.render_charts = lambda *a, **k: {}\n"
                      "from reportkit.cli.run import main\nsys.argv = ['reportkit', *sys.argv[1:]]\nmain()\n")
    proc = subprocess.run([sys.executable, str(script), "build", str(SEEDS), "-l", str(opts.layouts[0]), "-l",
                           str(opts.layouts[1]), "--out", str(out), "--cache-dir", str(opts.cache_dir), "--week",
                           "2026-W47", "--force", "-q"], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1795046400", "REPORTKIT_FAST_PATH": "0",
                               "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)})
    said = [ln for ln in proc.stderr.splitlines() if not ln.startswith("warning: ")]
    assert proc.returncode == 2 and len(said) == 1, proc.stderr[-2000:]
    assert said[0].startswith(f"error: {opts.layouts[1].parent / 'broken.potx'}: template is not a PowerPoint file")
    assert {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.iterdir()} == before


@pytest.mark.parametrize("where", ["a-file", "a-file/sub"])
def test_an_output_folder_that_is_a_file_is_one_error(project, tmp_path, where):
    """Nothing is staged there, so nothing is left to remove: the error is about the folder (it was an
    internal NotADirectoryError while the staged files were removed)."""
    opts, _out = project
    deck = opts.layouts[1]
    deck.write_text(deck.read_text().replace("template: broken.potx", "template: null"))
    (tmp_path / "a-file").write_text("not a folder")
    opts.out = tmp_path / where
    with pytest.raises(RenderError, match="cannot write to folder") as e:
        build_report(opts)
    assert e.value.path == str(opts.out) and (tmp_path / "a-file").read_text() == "not a folder"


def test_a_full_disk_at_the_records_leaves_the_outputs_as_they_were(project, monkeypatch):
    """Each record is written before any output is put in place (it used to be written after): a
    disk that fills up there fails the build with the outputs and their records as they were."""
    from reportkit import story

    opts, out = project
    deck = opts.layouts[1]
    deck.write_text(deck.read_text().replace("template: broken.potx", "template: null"))
    (out / f"{BRIEF}.record.json").write_text("last week's record")

    def full(path, _record):
        raise RenderError("cannot write: No space left on device", path)

    monkeypatch.setattr(story, "write_record", full)
    with pytest.raises(RenderError, match="No space left") as e:
        build_report(opts)
    assert e.value.path == str(out / f"{BRIEF}.record.json")
    _as_before(out)
    assert (out / f"{BRIEF}.record.json").read_text() == "last week's record"
