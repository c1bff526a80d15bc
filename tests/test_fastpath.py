"""The fast path of an unchanged build (issue 19): answered before typer, pydantic or the
renderers are imported, with the full path's text, and never when anything changed.
("full" below: the build ran, reportkit.build was imported; a simple build runs without typer.)"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

from reportkit import fastpath, installed

# run() as the console script does, then say whether the build ran (the fast path did not answer)
PROBE = ("import sys\nfrom reportkit.__main__ import run\ntry:\n    run()\nfinally:\n"
         "    sys.stderr.write('FULL=%s\\n' % ('reportkit.build' in sys.modules))\n")
ARGS = ["build", "seeds", "--week", "2026-W47", "--out", "out", "--quiet"]


def chartless_layouts(dst: Path) -> None:
    """The shipped layouts without charts: no browser in these tests."""
    shutil.copytree(ROOT / "layouts", dst)
    for name in ("weekly-brief.yaml", "briefing-deck.yaml"):
        p = dst / name
        lines = [ln for ln in p.read_text().splitlines() if not ln.strip().startswith(("charts:", "auto_charts:"))]
        p.write_text("\n".join(lines) + "\n")
    content = dst / "content.yaml"
    text = content.read_text()
    content.write_text(text[: text.index("\ncharts:")] + "\ncharts: {}\n")


def rk(project: Path, *args: str, fast: bool = True, env: dict[str, str] | None = None):
    """Run the entry point in ``project``; returns (returncode, stdout, stderr, full path taken)."""
    # module fixtures run before conftest's clock: set it here for every run alike
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1795046400", **(env or {})}
    if not fast:
        full_env["REPORTKIT_FAST_PATH"] = "0"
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=project, env=full_env, capture_output=True,
                          text=True, timeout=180)
    err_lines = proc.stderr.splitlines()
    full = err_lines[-1] == "FULL=True"
    return proc.returncode, proc.stdout, "\n".join(err_lines[:-1]), full


def without_time(text: str) -> str:
    return "\n".join(ln for ln in text.splitlines() if not ln.strip().startswith("time "))


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A project folder (sources, chartless layouts) built once."""
    proj = tmp_path_factory.mktemp("proj")
    shutil.copytree(SEEDS, proj / "seeds")
    (proj / "seeds" / "notes.xyz").write_text("not a source\n")  # a warning every build prints
    chartless_layouts(proj / "layouts")
    code, out, err, _ = rk(proj, *ARGS)
    assert code == 0, err
    assert (proj / "out" / fastpath.FAST_NAME).is_file()
    return proj


@pytest.fixture
def fresh(tmp_path, project) -> Path:
    """A copy of the built project, to change."""
    dst = tmp_path / "p"
    shutil.copytree(project, dst)
    # the fast file records absolute paths: a copy is another project until it is built there
    code, _out, err, full = rk(dst, *ARGS)
    assert code == 0 and full, err
    return dst


def answered(project: Path, args: list[str], monkeypatch) -> bool:
    monkeypatch.chdir(project)
    return fastpath.answer(args, stdout=io.StringIO(), stderr=io.StringIO())


def test_unchanged_build_is_answered_fast_with_the_full_paths_text(project):
    fast = rk(project, *ARGS)
    slow = rk(project, *ARGS, fast=False)
    assert fast[0] == slow[0] == 0
    assert not fast[3] and slow[3], "the fast path must answer without building; the full path builds"
    assert without_time(fast[1]) == without_time(slow[1])
    assert "unchanged" in fast[1] and "time " in fast[1].splitlines()[-1]
    assert fast[2] == slow[2] and "notes.xyz: skipped (unknown file type" in fast[2]


def test_unchanged_build_imports_no_pydantic_typer_or_renderers(project):
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", PROBE, *ARGS], cwd=project,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1795046400"}, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    imported = {ln.split("|")[-1].strip() for ln in proc.stderr.splitlines() if ln.startswith("import time:")}
    assert "reportkit.fastpath" in imported
    assert not imported & {"typer", "pydantic", "reportlab", "pptx", "reportkit.cli", "reportkit.build",
                           "reportkit.readers", "yaml"}


@pytest.mark.parametrize("fmt", [["--format", "pdf"], ["--format=pptx"]])
def test_one_format_is_answered_fast_with_only_its_output(fresh, fmt):
    args = ARGS + fmt
    first = rk(fresh, *args)
    assert first[0] == 0 and first[3], first[2]  # recorded by a full build of this command
    fast, slow = rk(fresh, *args), rk(fresh, *args, fast=False)
    assert not fast[3] and slow[3]
    assert without_time(fast[1]) == without_time(slow[1])
    wanted = ".pdf" if "pdf" in fmt[-1] else ".pptx"
    built = [ln for ln in fast[1].splitlines() if "unchanged " in ln]
    assert len(built) == 1 and wanted in built[0], built


def test_force_is_parsed_but_never_answered(project, monkeypatch):
    assert fastpath.parse_argv(ARGS + ["--force"])["force"] is True
    assert not answered(project, ARGS + ["--force"], monkeypatch)
    assert answered(project, ARGS, monkeypatch)


@pytest.mark.parametrize("extra", [["--json"], ["--verify"], ["--format", ""], ["--format="],
                                   ["--no-cache"], ["--help"], ["--compare", "none"], ["--"], [""], ["--out"]])
def test_other_options_fall_through(project, monkeypatch, extra):
    assert fastpath.parse_argv(ARGS + extra) is None
    assert not answered(project, ARGS + extra, monkeypatch)
    assert answered(project, ARGS, monkeypatch)


def test_other_arguments_or_folder_or_switch_fall_through(project, monkeypatch, tmp_path):
    assert not answered(project, ["build", "seeds", "--week", "2026-W46", "--out", "out", "-q"], monkeypatch)
    assert not answered(project, ["build", "./seeds", "--week", "2026-W47", "--out", "out", "--quiet"], monkeypatch)
    assert not answered(project, ["parse", "seeds"], monkeypatch)
    monkeypatch.setenv("REPORTKIT_FAST_PATH", "0")
    assert not answered(project, ARGS, monkeypatch)
    monkeypatch.delenv("REPORTKIT_FAST_PATH")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795046401")
    assert not answered(project, ARGS, monkeypatch)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795046400")
    monkeypatch.setenv("REPORTKIT_SLIDE_MEMO", "0")
    assert not answered(project, ARGS, monkeypatch)
    monkeypatch.delenv("REPORTKIT_SLIDE_MEMO")
    assert answered(project, ARGS, monkeypatch)


def test_a_terminal_without_quiet_gets_the_full_paths_progress(project, monkeypatch):
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.chdir(project)
    args = [a for a in ARGS if a != "--quiet"]
    assert not fastpath.answer(args, stdout=io.StringIO(), stderr=Tty())
    assert fastpath.answer(ARGS, stdout=io.StringIO(), stderr=Tty())


def test_a_temporary_or_partial_file_in_the_output_folder_falls_through(fresh, monkeypatch):
    tmp = fresh / "out" / ".reportkit-tmp-999999-x.pdf"
    tmp.write_bytes(b"%PDF-half")
    assert not answered(fresh, ARGS, monkeypatch)
    code, _out, err, full = rk(fresh, *ARGS)
    assert code == 0 and full and not tmp.exists(), err  # the full path removed it
    assert answered(fresh, ARGS, monkeypatch)


@pytest.mark.parametrize("damage", ["missing", "edited", "record", "state", "fast"])
def test_missing_or_changed_outputs_fall_through(fresh, monkeypatch, damage):
    out = fresh / "out"
    pdf = next(out.glob("*.pdf"))
    if damage == "missing":
        pdf.unlink()
    elif damage == "edited":
        pdf.write_bytes(pdf.read_bytes() + b"\n")
    elif damage == "record":
        rec = Path(f"{pdf}.record.json")
        rec.write_text(rec.read_text() + " ")
    elif damage == "state":
        state = json.loads((out / ".reportkit-state.json").read_text())
        state[pdf.name]["inputs"] = "0" * 64
        (out / ".reportkit-state.json").write_text(json.dumps(state))
    else:
        (out / fastpath.FAST_NAME).write_text("{not json")
    assert not answered(fresh, ARGS, monkeypatch)
    code, stdout, err, full = rk(fresh, *ARGS)
    assert code == 0 and full, err
    if damage in ("missing", "edited", "state"):
        assert "built" in stdout.split(pdf.name)[0].splitlines()[-1]


@pytest.mark.parametrize("change", ["logo", "source", "layout", "content", "added", "removed", "previous-week"])
def test_a_changed_input_rebuilds(fresh, monkeypatch, change):
    before = {p.name: p.read_bytes() for p in (fresh / "out").iterdir() if p.suffix in (".pdf", ".pptx")}
    seeds = sorted((fresh / "seeds").glob("*.txt"))
    if change == "logo":
        logo = fresh / "layouts" / "brand" / "logo.png"
        logo.write_bytes(logo.read_bytes() + b"\0" * 16)  # bytes after IEND: the same picture, another file
    elif change == "source":
        seeds[0].write_text(seeds[0].read_text(encoding="utf-8") + "\n\nA closing paragraph.\n", encoding="utf-8")
    elif change == "layout":
        p = fresh / "layouts" / "weekly-brief.yaml"
        p.write_text(p.read_text() + "\n# edited\n")
    elif change == "content":
        p = fresh / "layouts" / "content.yaml"
        p.write_text(p.read_text() + "\n# edited\n")
    elif change == "added":
        shutil.copy(seeds[0], fresh / "seeds" / "010_copy.txt")
    elif change == "removed":
        (fresh / "seeds" / "notes.xyz").unlink()
    else:  # last week's record appears: this week's outputs now compare with it
        for p in (fresh / "out").glob("*.record.json"):
            shutil.copy(p, fresh / "out" / p.name.replace("W47", "W46"))
    assert not answered(fresh, ARGS, monkeypatch)
    code, stdout, err, full = rk(fresh, *ARGS)
    assert code == 0 and full, err
    if change == "removed":  # an unknown file was never read: unchanged, but its warning is gone
        assert "built" not in stdout and "notes.xyz" not in err
    else:
        assert "built" in stdout
    if change in ("logo", "source"):
        assert any((fresh / "out" / n).read_bytes() != b for n, b in before.items())
    assert answered(fresh, ARGS, monkeypatch)  # and recorded again


@pytest.mark.slow  # the packaged layouts have automatic charts: a browser renders them once
def test_default_sources_and_packaged_layouts_are_answered_and_watched(tmp_path, monkeypatch):
    """No paths and no layouts/ folder: seeds/ and reportkit's own layouts, with their note line;
    a sources/ or layouts/ folder made later means other inputs, so the full path answers."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    args = ["build", "--week", "2026-W47", "--out", "out", "-q"]
    env = {"REPORTKIT_CACHE_DIR": str(tmp_path / "cache")}
    code, _out, err, full = rk(tmp_path, *args, env=env)
    assert code == 0 and full, err
    fast, slow = rk(tmp_path, *args, env=env), rk(tmp_path, *args, env=env, fast=False)
    assert not fast[3] and slow[3] and without_time(fast[1]) == without_time(slow[1])
    assert fast[2] == slow[2] and fast[2].startswith("note: no layouts/ folder here")
    monkeypatch.setenv("REPORTKIT_CACHE_DIR", env["REPORTKIT_CACHE_DIR"])
    assert answered(tmp_path, args, monkeypatch)
    for folder in ("sources", "layouts"):
        (tmp_path / folder).mkdir()
        assert not answered(tmp_path, args, monkeypatch)
        (tmp_path / folder).rmdir()
    assert answered(tmp_path, args, monkeypatch)


def test_a_closed_pipe_is_still_one_answer(project, monkeypatch):
    """Once the fast path has begun to print, the full path must not answer a second time."""
    class Closed(io.StringIO):
        def write(self, _text: str) -> int:
            raise BrokenPipeError

    monkeypatch.chdir(project)
    err = io.StringIO()
    assert fastpath.answer(ARGS, stdout=Closed(), stderr=err)
    assert err.getvalue().count("notes.xyz") == 1


@pytest.mark.parametrize("change", ["library", "font", "overwritten"])
def test_an_upgraded_library_or_an_installed_font_builds_again(tmp_path, project, change):
    """What is installed shapes the outputs too (reportkit.installed.state): the full path's
    state digest keys on it and so does the fast path, so neither says "unchanged" after a
    library upgrade, a font installed where fontconfig looks or a font file overwritten in
    place (no folder changes); the next build is answered again."""
    dst = tmp_path / "p"
    shutil.copytree(project, dst)
    env = {"XDG_DATA_HOME": str(tmp_path / "xdg")}  # fontconfig's per-user fonts: $XDG_DATA_HOME/fonts
    font = tmp_path / "xdg" / "fonts" / "DejaVuSans.ttf"
    if change == "overwritten":
        font.parent.mkdir(parents=True)
        shutil.copy("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", font)
    code, _out, err, full = rk(dst, *ARGS, env=env)
    assert code == 0 and full, err
    code, out, err, full = rk(dst, *ARGS, env=env)
    assert code == 0 and not full and "unchanged" in out, err
    if change == "library":  # reportlab 99.0 installed, earlier on the path than the real one
        meta = tmp_path / "libs" / "reportlab-99.0.dist-info"
        meta.mkdir(parents=True)
        (meta / "METADATA").write_text("Metadata-Version: 2.1\nName: reportlab\nVersion: 99.0\n\n")
        env["PYTHONPATH"] = f"{ROOT}{os.pathsep}{tmp_path / 'libs'}"
    elif change == "font":
        (tmp_path / "xdg" / "fonts").mkdir(parents=True)
        shutil.copy("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", tmp_path / "xdg" / "fonts")
    else:  # another version of the font written over the file: its folder keeps its stamp
        folder = font.parent.stat()
        with open(font, "r+b") as fh:
            fh.write(Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf").read_bytes())
        os.utime(font.parent, ns=(folder.st_atime_ns, folder.st_mtime_ns))
        assert font.parent.stat().st_mtime_ns == folder.st_mtime_ns
    code, out, err, full = rk(dst, *ARGS, env=env)
    assert code == 0 and full, err
    assert "built" in out and "unchanged" not in out
    code, out, err, full = rk(dst, *ARGS, env=env)
    assert code == 0 and not full and "unchanged" in out, err


def test_a_system_library_installed_falls_through(fresh, monkeypatch, tmp_path):
    """The dynamic linker's cache changes when a system library (cairo, FreeType) is installed."""
    assert answered(fresh, ARGS, monkeypatch)
    other = tmp_path / "ld.so.cache"
    other.write_bytes(b"another cache")
    monkeypatch.setattr(installed, "LD_CACHE", str(other))
    assert not answered(fresh, ARGS, monkeypatch)


def test_another_chart_browser_falls_through(fresh, monkeypatch, tmp_path):
    """Another Chromium (upgraded: its binary replaced) may draw the charts' pixels otherwise:
    what is installed holds its stamp (reportkit.chromium), read without starting it."""
    from reportkit import chromium

    assert answered(fresh, ARGS, monkeypatch)
    exe = tmp_path / "chromium"
    exe.write_text(f"#!/bin/sh\ntouch {tmp_path / 'ran'}\n")
    exe.chmod(0o755)
    monkeypatch.setattr(chromium, "CANDIDATES", (str(exe), *chromium.CANDIDATES))
    assert not answered(fresh, ARGS, monkeypatch)
    assert not (tmp_path / "ran").exists()


def test_a_skipped_empty_source_that_gets_content_is_read(fresh, monkeypatch):
    """An empty file is skipped by the build, so it is in no list of the inputs hashed: once it had
    content (a truncated .docx here) the fast path still answered "unchanged" with the old warning
    "skipped (empty file)"; the full path gives the file's one-line error."""
    late = fresh / "seeds" / "late.docx"
    late.write_bytes(b"")
    code, _out, err, full = rk(fresh, *ARGS)
    assert code == 0 and full and "late.docx: skipped (empty file)" in err, err
    assert answered(fresh, ARGS, monkeypatch)
    late.write_bytes(b"PK\x03\x04 truncated")
    assert not answered(fresh, ARGS, monkeypatch)
    code, _out, err, full = rk(fresh, *ARGS)
    assert code == 2 and full and "late.docx" in err and len(err.strip().splitlines()) == 1, err
