"""A simple ``build`` runs without typer, click or rich (cli/plain.py, issue 19), and says
exactly what the typer command line says for the same build: lines, exit codes, errors."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS
from test_fastpath import chartless_layouts

from reportkit.cli import plain

# the console script's way (reportkit.__main__.run), then which command-line libraries were imported
PLAIN = ("import sys\nfrom reportkit.__main__ import run\ntry:\n    run()\nfinally:\n"
         "    sys.stderr.write('LIBS=%s\\n' % sorted(m for m in ('typer', 'click', 'rich') if m in sys.modules))\n")
# PLAIN, with the modules the build process holds when it forks its first child said first
FORK_PROBE = ("import os, sys\nfork = os.fork\n"
              "def first_fork():\n"
              "    if not os.environ.get('SEEN'):\n"
              "        os.environ['SEEN'] = '1'\n"
              "        sys.stderr.write('PARENT=%s\\n' % ' '.join(sorted(sys.modules)))\n"
              "    return fork()\n"
              "os.fork = first_fork\n" + PLAIN)
# the typer command line, as before cli/plain.py
TYPER = ("import sys\nfrom reportkit.cli import main\ntry:\n    main()\nfinally:\n"
         "    sys.stderr.write('LIBS=%s\\n' % sorted(m for m in ('typer', 'click', 'rich') if m in sys.modules))\n")


def run(project: Path, probe: str, *args: str) -> tuple[int, str, str, str]:
    """(exit code, stdout without the time line, stderr, the libraries imported)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1795046400",
           "REPORTKIT_CACHE_DIR": str(project / "cache")}
    proc = subprocess.run([sys.executable, "-c", probe, *args], cwd=project, env=env, capture_output=True,
                          text=True, timeout=180)
    *err, libs = proc.stderr.splitlines()
    out = "\n".join(ln for ln in proc.stdout.splitlines() if not ln.strip().startswith("time "))
    return proc.returncode, out, "\n".join(err), libs


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    proj = tmp_path_factory.mktemp("plain")
    shutil.copytree(SEEDS, proj / "seeds")
    (proj / "seeds" / "notes.xyz").write_text("not a source\n")  # a warning line
    chartless_layouts(proj / "layouts")
    return proj


def both(project: Path, *args: str) -> tuple[tuple[int, str, str, str], tuple[int, str, str, str]]:
    return run(project, PLAIN, *args), run(project, TYPER, *args)


def test_a_forced_build_imports_no_typer_click_or_rich_and_prints_what_typer_prints(project):
    args = ["build", "seeds", "--week", "2026-W47", "--out", "out", "--force", "-q"]
    fast, slow = both(project, *args)
    assert fast[3] == "LIBS=[]", fast
    assert slow[3] != "LIBS=[]"  # the check can see typer
    assert fast[:3] == slow[:3]
    assert fast[0] == 0 and "built " in fast[1] and "notes.xyz: skipped" in fast[2]


@pytest.mark.parametrize("fmt", ["pdf", "pptx"])
def test_a_one_format_build_imports_no_typer_and_prints_what_typer_prints(project, fmt):
    args = ["build", "seeds", "--week", "2026-W47", "--out", f"out-{fmt}", "--format", fmt, "--force", "-q"]
    fast, slow = both(project, *args)
    assert fast[3] == "LIBS=[]" and slow[3] != "LIBS=[]", fast
    assert fast[:3] == slow[:3]
    assert fast[1].count("built ") == 1 and f".{fmt} " in fast[1], fast[1]


def test_a_changed_input_builds_without_typer_and_is_then_answered_fast(project):
    args = ["build", "seeds", "--week", "2026-W47", "--out", "fresh", "--quiet"]
    first = run(project, PLAIN, *args)
    assert first[0] == 0 and first[3] == "LIBS=[]" and "built " in first[1], first
    assert (project / "fresh" / ".reportkit-fast.json").is_file()  # recorded for the fast path
    again = run(project, PLAIN, *args)
    assert again[:3] == (0, first[1].replace("    built", "unchanged"), first[2])


@pytest.mark.parametrize("args", [
    ["build", "seeds", "--week", "2026-W99", "--out", "out", "-q"],  # no such week
    ["build", "seeds", "--week=last", "--out", "out", "-q"],
    ["build", "missing", "--week", "2026-W47", "--out", "out", "-q", "--force"],  # no such source
])
def test_errors_are_the_same_lines_and_exit_code(project, args):
    fast, slow = both(project, *args)
    assert fast[3] == "LIBS=[]"
    assert fast[:3] == slow[:3]
    assert fast[0] == 2 and fast[2].startswith("error: ") and len(fast[2].splitlines()) == 1, fast


def test_a_broken_layout_fails_alike(project, tmp_path):
    layouts = tmp_path / "layouts"
    shutil.copytree(project / "layouts", layouts)
    (layouts / "brand.yaml").write_text("name: [unclosed\n")
    (layouts / "content.yaml").write_text((layouts / "content.yaml").read_text() + "colours: 1\n")
    args = ["build", str(project / "seeds"), "-l", str(layouts / "weekly-brief.yaml"), "--layout",
            str(layouts / "briefing-deck.yaml"), "--out", str(tmp_path / "o"), "--force", "-q"]
    fast, slow = both(project, *args)
    assert fast[3] == "LIBS=[]"
    assert fast[:3] == slow[:3]
    assert fast[0] == 2 and len(fast[2].splitlines()) >= 3, fast  # every problem, then the count


def test_a_closed_stdout_ends_alike(project):
    """typer's standalone mode exits 1 on a broken pipe; the plain path must too."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "REPORTKIT_CACHE_DIR": str(project / "cache")}
    codes = []
    for probe in (PLAIN, TYPER):
        proc = subprocess.Popen([sys.executable, "-c", probe, "build", "seeds", "--week", "2026-W47", "--out",
                                 "pipe", "--force", "-q"], cwd=project, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        proc.stdout.close()  # `reportkit build ... | head -0`
        err = proc.stderr.read()
        codes.append((proc.wait(180), [ln for ln in err.splitlines() if not ln.startswith(("LIBS=", "warning: "))]))
    assert codes[0] == codes[1] and codes[0][0] == 1, codes


@pytest.mark.parametrize("args", [
    ["build"],
    ["build", "a", "b", "--out=o", "-o", "p", "--week", "2026-W01", "-q", "--force"],
    ["build", "-l", "x.yaml", "--layout=y.yaml", "--cache-dir", "c", "--allow-external-assets", "s"],
    ["build", "s", "--quiet", "--cache-dir=c1", "--cache-dir", "c2", "--week=2026-W02", "--week", "2026-W03"],
    ["build", "s", "--format", "pdf", "-q"],
    ["build", "--format=pptx", "--format", "pdf,pptx", "--force"],
])
@pytest.mark.parametrize("cache_env", ["", "envcache"])
def test_the_simple_forms_mean_what_typer_reads_in_them(monkeypatch, args, cache_env):
    """The plain path hands build_command exactly the arguments typer parses."""
    from reportkit.cli import commands, main

    monkeypatch.setenv("REPORTKIT_CACHE_DIR", cache_env)
    seen: list[dict] = []

    def record(*a, **kw) -> int:
        names = ["paths", "layout", "fmt", "week", "out", "force", "as_json", "quiet", "verify", "compare",
                 "cache_dir", "no_cache", "allow_external"]
        seen.append({**dict(zip(names, a)), **kw})
        return 0

    monkeypatch.setattr(plain, "build_command", record)
    monkeypatch.setattr(commands, "build_command", record)
    monkeypatch.setattr(plain, "guarded", lambda body, own_process: body())
    for runner in (plain.run_simple, main):
        with pytest.raises(SystemExit) as e:
            runner(list(args))
        assert e.value.code in (0, None)
    assert len(seen) == 2 and seen[0] == seen[1], seen


@pytest.mark.parametrize("args", [["build", "--json"], ["build", "--help"], ["build", "--format", ""],
                                  ["build", ""], ["build", "--out="], ["parse", "seeds"], ["build", "-qo", "x"]])
def test_anything_else_is_typers(args):
    assert plain.run_simple(args) is False


def test_the_renderers_are_imported_in_the_render_children_not_before_the_fork(project):
    """reportlab, python-pptx and svglib load in the two forked children at once (both cores),
    not one after the other in the parent before it forks."""
    probe = FORK_PROBE
    code, out, err, libs = run(project, probe, "build", "seeds", "--week", "2026-W47", "--out", "forked", "--force")
    assert code == 0, err
    parent = next(ln for ln in err.splitlines() if ln.startswith("PARENT=")).split("=", 1)[1].split()
    assert "reportkit.build" in parent and "reportkit.forkrun" in parent  # the hook saw the build's fork
    heavy = {m.split(".")[0] for m in parent} & {"pptx", "svglib", "typer", "click", "rich"}
    assert not heavy and "reportlab.platypus" not in parent, heavy


def _freeze_count() -> list[str]:
    import gc

    return [str(gc.get_freeze_count())]


def test_render_children_leave_the_parents_objects_out_of_their_collections(threads_of_this_test_only):
    """forkrun freezes the parent's objects for its forked children (their garbage collections
    skip them) and unfreezes them in the parent, which goes on collecting as before."""
    import gc

    from reportkit.forkrun import run_tasks

    gc.unfreeze()  # an earlier in-process command of this test session may have frozen its objects
    assert gc.get_freeze_count() == 0
    counts = run_tasks([_freeze_count, _freeze_count])
    assert all(int(c[0]) > 1000 for c in counts), counts
    assert gc.get_freeze_count() == 0


def test_a_command_ends_without_collecting_what_it_made(project):
    """The interpreter's last collections at exit skip what the command made (gc.freeze)."""
    probe = ("import atexit, gc, sys\n"
             "atexit.register(lambda: sys.stderr.write('FROZEN=%d\\n' % gc.get_freeze_count()))\n" + PLAIN)
    code, _out, err, last = run(project, probe, "build", "seeds", "--week", "2026-W47", "--out", "gc", "--force", "-q")
    assert code == 0, err
    assert last.startswith("FROZEN=") and int(last.split("=")[1]) > 10000, last  # atexit runs last


# -- batch ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ["batch", "m.yaml"],
    ["batch", "m.yaml", "--jobs", "2", "--force", "-q", "--shard", "1/2", "--summary", "s.json", "--junit=j.xml"],
    ["batch", "--jobs=3", "-j", "1", "m.yaml", "--fail-fast", "--no-cache", "--report-timeout", "12.5"],
    ["batch", "m.yaml", "--cache-dir", "c1", "--cache-dir=c2", "--quiet", "--report-timeout=1"],
])
@pytest.mark.parametrize("cache_env", ["", "envcache"])
def test_the_simple_batch_forms_mean_what_typer_reads_in_them(monkeypatch, args, cache_env):
    """The plain path hands batch.run_command exactly the arguments typer parses."""
    from reportkit import batch
    from reportkit.cli import main

    monkeypatch.setenv("REPORTKIT_CACHE_DIR", cache_env)
    seen: list[dict] = []
    monkeypatch.setattr(batch, "run_command", lambda manifest, **kw: seen.append(
        {"manifest": manifest, **{k: v for k, v in kw.items() if k not in ("echo", "warn")}}) or 0)
    monkeypatch.setattr(plain, "guarded", lambda body, own_process: body())
    for runner in (plain.run_simple, main):
        with pytest.raises(SystemExit) as e:
            runner(list(args))
        assert e.value.code in (0, None)
    assert len(seen) == 2 and seen[0] == seen[1], seen


@pytest.mark.parametrize("args", [["batch"], ["batch", "--help"], ["batch", "m.yaml", "--jobs", "0"],
                                  ["batch", "m.yaml", "-j", "two"], ["batch", "m.yaml", "--report-timeout", "0.5"],
                                  ["batch", "a.yaml", "b.yaml"], ["batch", "m.yaml", "--summary="],
                                  ["batch", "m.yaml", "-qj", "2"], ["batch", "m.yaml", "--verbose"]])
def test_any_other_batch_is_typers(args):
    assert plain.parse_batch(args) is None and plain.run_simple(args) is False


def test_a_batch_imports_no_typer_and_prints_what_typer_prints(project, tmp_path):
    manifest = tmp_path / "batch.yaml"
    layouts = [str(project / "layouts" / n) for n in ("weekly-brief.yaml", "briefing-deck.yaml")]
    manifest.write_text("defaults:\n"
                        f"  layouts: [{', '.join(layouts)}]\n"
                        f"  out: {tmp_path / 'out'}/{{name}}\n  week: 2026-W47\n"
                        f"reports:\n  - {{name: one, sources: [{project / 'seeds'}]}}\n"
                        f"  - {{name: two, sources: [{project / 'missing'}]}}\n")
    fast, slow = both(project, "batch", str(manifest), "--jobs", "1", "--force", "-q",
                      "--summary", str(tmp_path / "s.json"))
    assert fast[3] == "LIBS=[]" and slow[3] != "LIBS=[]"
    clock = lambda text: "\n".join(" ".join(w for w in ln.split() if not w.replace(".", "").isdigit()) for ln in text.splitlines())  # noqa: E731
    assert (fast[0], clock(fast[1]), fast[2]) == (slow[0], clock(slow[1]), slow[2])
    assert fast[0] == 1 and "1 built" in fast[1] and "1 failed" in fast[1], fast
    bad = tmp_path / "bad.yaml"
    bad.write_text("reports: 3\n")
    fast, slow = both(project, "batch", str(bad), "-q")
    assert fast[:3] == slow[:3] and fast[0] == 2 and fast[2].startswith("error: ") and fast[3] == "LIBS=[]", fast
