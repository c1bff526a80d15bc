"""End-to-end: `reportkit build` through the real CLI, Chromium and renderers."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow
PDF = "russia-mexico-brief-2026-W47.pdf"
PPTX = "russia-mexico-briefing-2026-W47.pptx"


@pytest.fixture(scope="session")
def chart_cache(tmp_path_factory) -> Path:
    """One chart cache for the session: the browser starts once, later builds are warm."""
    return tmp_path_factory.mktemp("chart-cache")


def rk(*args: str, cache: Path, cwd: Path = ROOT, env: dict[str, str] | None = None,
       check: bool = False) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "REPORTKIT_CACHE_DIR": str(cache), "SOURCE_DATE_EPOCH": "1795046400", **(env or {})}
    proc = subprocess.run([sys.executable, "-m", "reportkit", *args], cwd=cwd, env=full_env, capture_output=True,
                          text=True, timeout=300)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def built(tmp_path_factory, chart_cache):
    out = tmp_path_factory.mktemp("out")
    proc = rk("build", "seeds", "--week", "2026-W47", "--out", str(out), "--json", cache=chart_cache, check=True)
    return out, json.loads(proc.stdout)


def test_build_writes_brief_and_deck_with_summary(built):
    out, summary = built
    assert summary["ok"] is True
    names = {Path(o["path"]).name: o for o in summary["outputs"]}
    assert set(names) == {PDF, PPTX}
    for name, o in names.items():
        assert o["status"] == "built"
        assert o["bytes"] == (out / name).stat().st_size
        assert o["sha256"] == sha(out / name)
    assert (out / PDF).read_bytes().startswith(b"%PDF-")
    assert (out / PPTX).read_bytes().startswith(b"PK")
    assert {c["id"] for c in summary["charts"]} == {"fdi_growth", "gas_import_share", "production_targets"}
    assert set(summary["timings"]) >= {"read", "facts", "assemble", "render"}
    assert summary["facts_used"], "charts and key figures must cite facts"
    # each output with its build record beside it (issue 18)
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(
        [PDF, PPTX, PDF + ".record.json", PPTX + ".record.json"])


def test_unchanged_build_is_skipped_and_force_rebuilds_identically(built, chart_cache):
    out, first = built
    again = json.loads(rk("build", "seeds", "--week", "2026-W47", "--out", str(out), "--json",
                          cache=chart_cache, check=True).stdout)
    assert {o["status"] for o in again["outputs"]} == {"unchanged"}
    forced = json.loads(rk("build", "seeds", "--week", "2026-W47", "--out", str(out), "--json", "--force",
                           cache=chart_cache, check=True).stdout)
    assert {o["status"] for o in forced["outputs"]} == {"built"}
    assert {o["sha256"] for o in forced["outputs"]} == {o["sha256"] for o in first["outputs"]}
    assert all(c["cached"] in (True, None) for c in forced["charts"])


def test_changed_source_rebuilds(tmp_path, chart_cache):
    src = tmp_path / "src"
    shutil.copytree(SEEDS, src)
    out = tmp_path / "out"
    rk("build", str(src), "--out", str(out), "--format", "pdf", cache=chart_cache, check=True)
    p = sorted(src.glob("*.txt"))[1]
    p.write_text(p.read_text(encoding="utf-8") + "\n\nA new closing paragraph.\n", encoding="utf-8")
    summary = json.loads(rk("build", str(src), "--out", str(out), "--format", "pdf", "--json",
                            cache=chart_cache, check=True).stdout)
    assert summary["outputs"][0]["status"] == "built"


def test_two_builds_in_separate_folders_are_byte_identical(tmp_path, chart_cache):
    for name in ("a", "b"):
        rk("build", "seeds", "--week", "2026-W47", "--out", str(tmp_path / name), cache=chart_cache, check=True)
    for f in (PDF, PPTX):
        assert (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes(), f


def test_week_option_names_outputs(tmp_path, chart_cache):
    rk("build", "seeds", "--week", "2026-W02", "--format", "pdf", "--out", str(tmp_path), cache=chart_cache,
       check=True)
    assert [p.name for p in tmp_path.glob("*.pdf")] == ["russia-mexico-brief-2026-W02.pdf"]


@pytest.mark.parametrize(("args", "message"), [
    (["build", "no/such/folder"], "error: no/such/folder"),
    (["build", "seeds", "--format", "docx"], "error: --format: unknown format docx"),
    (["build", "seeds", "--week", "47"], "error: --week: expected YYYY-Www"),
    (["build", "seeds", "--layout", "layouts/nope.yaml"], "error: layouts/nope.yaml: file not found"),
])
def test_bad_input_is_one_line_and_exit_2(args, message, chart_cache, tmp_path):
    proc = rk(*args, "--out", str(tmp_path / "out"), cache=chart_cache)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(message), proc.stderr
    assert "Traceback" not in proc.stderr


def test_failed_build_keeps_previous_outputs(tmp_path, chart_cache):
    out = tmp_path / "out"
    rk("build", "seeds", "--out", str(out), cache=chart_cache, check=True)
    before = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}
    bad = tmp_path / "bad"
    shutil.copytree(SEEDS, bad)
    (bad / "zz-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    proc = rk("build", str(bad), "--out", str(out), "--force", cache=chart_cache)
    assert proc.returncode == 2 and "zz-binary.txt" in proc.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")} == before


def test_killed_build_leaves_no_partial_file(tmp_path, chart_cache):
    """SIGKILL while the deck is being written: the old deck survives, no partial file
    carries an output name, and the next build removes the dead build's temporary."""
    out = tmp_path / "out"
    rk("build", "seeds", "--out", str(out), cache=chart_cache, check=True)
    before = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}
    code = (
        "import os, signal, sys\n"
        "import reportkit.atomic as atomic\n"
        "real = atomic.os.replace\n"
        "def die(src, dst):\n"
        "    if str(dst).endswith('.pptx'):\n"
        "        os.killpg(0, signal.SIGKILL)  # the whole build: parent and render children\n"
        "    real(src, dst)\n"
        "atomic.os.replace = die\n"
        "from reportkit.cli import main\n"
        f"main(['build', 'seeds', '--out', {str(out)!r}, '--force'])\n"
    )
    env = {**os.environ, "REPORTKIT_CACHE_DIR": str(chart_cache), "SOURCE_DATE_EPOCH": "1795046400"}
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    proc.communicate(timeout=300)
    assert proc.returncode == -9
    deadline = time.monotonic() + 10  # SIGKILL reaches the render children a moment later
    while time.monotonic() < deadline:
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    visible = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}
    assert visible == before  # the PDF was rebuilt identically, the deck is the old one
    assert [p for p in out.iterdir() if p.name.startswith(".reportkit-tmp-")], "the killed build's temp remains"
    rk("build", "seeds", "--out", str(out), cache=chart_cache, check=True)
    assert not [p for p in out.iterdir() if p.name.startswith(".reportkit-tmp-")]


def test_concurrent_builds_into_one_folder(tmp_path, chart_cache):
    out = tmp_path / "out"
    env = {**os.environ, "REPORTKIT_CACHE_DIR": str(chart_cache), "SOURCE_DATE_EPOCH": "1795046400"}
    cmd = [sys.executable, "-m", "reportkit", "build", "seeds", "--out", str(out), "--force"]
    procs = [subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    from reportkit.verify.files import verify_files

    results = verify_files([out / PDF, out / PPTX])
    assert [r.problems for r in results] == [[], []]
    assert not [p for p in out.iterdir() if p.name.startswith(".reportkit-tmp-")]


@contextlib.contextmanager
def tiny_mount(path: Path, size: str, readonly: bool = False):
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a tmpfs")
    opts = f"size={size}" + (",ro" if readonly else "")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(path)], capture_output=True).returncode:
        pytest.skip("cannot mount tmpfs here")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def test_disk_full_is_a_clear_error_and_keeps_earlier_outputs(tmp_path, chart_cache):
    with tiny_mount(tmp_path / "small", "96k") as out:
        (out / PDF).write_bytes(b"%PDF- previous good brief")
        proc = rk("build", "seeds", "--out", str(out), "--force", cache=chart_cache)
        assert proc.returncode == 2, proc.stderr
        line = proc.stderr.strip().splitlines()[-1]
        assert line.startswith("error: ") and "No space left on device" in line
        assert (out / PDF).read_bytes() == b"%PDF- previous good brief"
        assert not [p for p in out.iterdir() if p.name.startswith(".reportkit-tmp-")]


def test_read_only_output_folder_is_a_clear_error(tmp_path, chart_cache):
    with tiny_mount(tmp_path / "ro", "1m", readonly=True) as out:
        proc = rk("build", "seeds", "--out", str(out), cache=chart_cache)
        assert proc.returncode == 2, proc.stderr
        line = proc.stderr.strip().splitlines()[-1]
        assert line.startswith(f"error: {out}") and "Read-only file system" in line


@pytest.mark.parametrize("kept", [True, False], ids=["kept-workers", "in-process"])
def test_a_warm_session_rebuilds_what_a_cold_process_builds(tmp_path, chart_cache, monkeypatch, kept):
    """watch's rebuilds replay remembered slides and guess the brief's page count, in its kept
    render worker (as `watch` runs) or in its own process (as batch workers do): after edits
    their files must be the bytes a fresh process makes."""
    import dataclasses

    from reportkit.build import BuildOptions, build_report
    from reportkit.forkrun import kept_workers
    from reportkit.watch import session_options

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795046400")
    src = tmp_path / "src"
    shutil.copytree(SEEDS, src)
    opts = session_options(BuildOptions(sources=[src], out=tmp_path / "warm", cache_dir=chart_cache))
    if not kept:
        opts = dataclasses.replace(opts, parallel_render=False)
    with kept_workers() if kept else contextlib.nullcontext():
        build_report(opts)
        _edit_and_compare(tmp_path, src, opts, chart_cache, build_report)


def _edit_and_compare(tmp_path, src, opts, chart_cache, build_report) -> None:
    target = sorted(src.glob("*.txt"))[-1]
    for edit in ("\n\nA short paragraph added in the session.\n",
                 "\n\nA long paragraph that pushes the later slides along. " * 12 + "\n"):
        target.write_text(target.read_text(encoding="utf-8") + edit, encoding="utf-8")
        build_report(opts)
        rk("build", str(src), "--out", str(tmp_path / "cold"), "--force", cache=chart_cache, check=True)
        for f in (PDF, PPTX):
            assert (tmp_path / "warm" / f).read_bytes() == (tmp_path / "cold" / f).read_bytes(), f
