"""How batch workers start (reportkit/workers.py, batch.preload): forked from the batch process
once it has imported what every report needs, never while another thread runs there (the fork
server then), holding no sibling's pipe; a report in a worker imports none of the heavy
modules again. Each pool runs in a fresh interpreter (no pytest threads), so the test sees
the path a `reportkit batch` process takes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import LAYOUTS, ROOT, SEED_B

PROBE = '''
import json, os, signal, sys, threading
from reportkit.workers import run_pool

WARMED = []


def warm():
    WARMED.append(os.getpid())


def fn(item):
    if item == "die" and not os.path.exists(MARK):
        open(MARK, "w").close()
        os.kill(os.getpid(), signal.SIGKILL)
    sockets = 0
    for fd in os.listdir("/proc/self/fd"):  # the listing's own descriptor is gone once listed
        try:
            sockets += os.readlink(f"/proc/self/fd/{fd}").startswith("socket:")
        except OSError:
            pass
    return {"item": item, "ppid": os.getppid(), "warm": list(WARMED), "sockets": sockets}


def init():
    pass
'''


def run_probe(tmp_path: Path, body: str) -> dict:
    """Run ``body`` after the probe's functions, in a module a fork server can import them from."""
    (tmp_path / "probe.py").write_text(f"MARK = {str(tmp_path / 'died')!r}\n" + PROBE)
    script = "import json, os, sys, threading\nfrom probe import *\n" + textwrap.dedent(body)
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])})
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.splitlines()[-1])


def test_workers_are_forked_from_the_warmed_process(tmp_path):
    out = run_probe(tmp_path, """
        started = []
        outcomes = run_pool(["a", "b", "c", "d"], 2, fn, init=init, warm=warm,
                            on_started=lambda: started.append(len(__import__("multiprocessing").active_children())))
        print(json.dumps({"pid": os.getpid(), "started": started, "warmed": WARMED,
                          "results": [outcomes[i].result for i in range(4)]}))
    """)
    assert out["warmed"] == [out["pid"]], "warm runs once, in the batch process"
    assert out["started"] == [2], "both workers exist before on_started (a bar's thread may start then)"
    for r in out["results"]:
        assert r["ppid"] == out["pid"] and r["warm"] == [out["pid"]], r  # forked after warm: it has what warm did
        assert r["sockets"] == 1, r  # its own pipe only, not the pool's end of a sibling's


def test_a_worker_ends_when_the_batch_process_is_killed(tmp_path):
    """No worker keeps its own pipe's other end (nor a sibling's): killed, the batch leaves no worker behind."""
    pids, err = tmp_path / "pids", tmp_path / "stderr"
    with open(err, "w") as fh:  # not a pipe: a worker left behind would hold it open
        code = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
            import os, signal
            from reportkit.workers import run_pool

            def fn(item):
                return os.getpid()

            def killed(outcome):
                with open({str(pids)!r}, "a") as fh:
                    fh.write(f"{{outcome.result}}\\n")
                if outcome.index == 1:
                    os.kill(os.getpid(), signal.SIGKILL)

            run_pool(["a", "b", "c"], 2, fn, init=lambda: None, on_done=killed)
        """)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=fh, timeout=120).returncode
    assert code == -9, err.read_text()
    workers = {int(p) for p in pids.read_text().split()}
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(alive(p) for p in workers):
        time.sleep(0.05)
    left = [p for p in workers if alive(p)]
    for pid in left:
        os.kill(pid, 9)
    assert not left, "a worker of the killed batch is still waiting"


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


def test_a_running_thread_makes_workers_come_from_the_fork_server(tmp_path):
    out = run_probe(tmp_path, """
        stop = threading.Event()
        t = threading.Thread(target=stop.wait)
        t.start()
        try:
            outcomes = run_pool(["a", "b"], 2, fn, init=init, warm=warm)
        finally:
            stop.set()
        print(json.dumps({"pid": os.getpid(), "warmed": WARMED, "results": [outcomes[i].result for i in range(2)]}))
    """)
    assert out["warmed"] == [], "nothing is warmed for workers that will not be forked from here"
    assert [r["item"] for r in out["results"]] == ["a", "b"]
    assert all(r["ppid"] != out["pid"] and r["warm"] == [] for r in out["results"]), out


def test_a_killed_forked_worker_fails_its_item_alone_and_is_forked_again(tmp_path):
    out = run_probe(tmp_path, """
        outcomes = run_pool(["die", "b", "c", "d"], 2, fn, init=init, warm=warm)
        print(json.dumps({"pid": os.getpid(), "failure": outcomes[0].failure,
                          "results": [outcomes[i].result for i in range(1, 4)]}))
    """)
    assert "killed (SIGKILL)" in out["failure"]
    assert [r["item"] for r in out["results"]] == ["b", "c", "d"]
    assert all(r["ppid"] == out["pid"] and r["warm"] == [out["pid"]] for r in out["results"]), out


def preloaded(tmp_path: Path, layouts: list[Path], formats: str | None = None) -> dict[str, bool]:
    manifest = tmp_path / "batch.yaml"
    manifest.write_text(f"defaults:\n  layouts: [{', '.join(map(str, layouts))}]\n"
                        + (f"  formats: {formats}\n" if formats else "")
                        + f"reports:\n  - {{name: a, sources: [{SEED_B}]}}\n")
    script = (f"import json, sys\nfrom pathlib import Path\nfrom reportkit.batch import load_manifest, preload\n"
              f"preload(load_manifest(Path({str(manifest)!r})))\n"
              "print(json.dumps({m: m in sys.modules for m in ('reportkit.build', 'reportlab.platypus', 'pptx')}))")
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_preload_imports_the_renderers_of_the_formats_built(tmp_path):
    brief, deck = LAYOUTS / "weekly-brief.yaml", LAYOUTS / "briefing-deck.yaml"
    assert preloaded(tmp_path, [brief, deck]) == {"reportkit.build": True, "reportlab.platypus": True, "pptx": True}
    assert preloaded(tmp_path, [brief, deck], "pdf") == {"reportkit.build": True, "reportlab.platypus": True,
                                                          "pptx": False}
    assert preloaded(tmp_path, [deck]) == {"reportkit.build": True, "reportlab.platypus": False, "pptx": True}


def test_preload_leaves_what_only_a_report_built_anew_needs_to_the_workers(tmp_path):
    """Readers, fact extractors and the story stage (≈0.15 s) are not imported before the workers
    start: a report found in the report cache needs none (see test_a_report_in_a_worker_imports...)."""
    manifest = tmp_path / "batch.yaml"
    manifest.write_text(f"defaults:\n  layouts: [{LAYOUTS / 'weekly-brief.yaml'}]\n"
                        f"reports:\n  - {{name: a, sources: [{SEED_B}]}}\n")
    script = (f"import json, sys\nfrom pathlib import Path\nfrom reportkit.batch import load_manifest, preload\n"
              f"preload(load_manifest(Path({str(manifest)!r})))\n"
              "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('reportkit.story.', "
              "'reportkit.facts.', 'reportkit.readers.')))))")
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    imported = json.loads(proc.stdout)
    assert not [m for m in imported if m.split(".")[-1] in ("assemble", "extract", "txt", "keyfigures", "stories")], imported


def test_a_broken_layout_does_not_stop_preload(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: [\n")
    assert preloaded(tmp_path, [bad])["reportkit.build"]


def test_a_batch_seen_before_imports_no_pydantic_before_its_workers(tmp_path):
    """The manifest's check and the layouts are kept in the cache folder: the second batch process
    reads both back and loads no pydantic (≈0.3 s before the first worker starts)."""
    manifest, cache = tmp_path / "batch.yaml", tmp_path / "cache"
    manifest.write_text(f"defaults:\n  layouts: [{LAYOUTS / 'weekly-brief.yaml'}, {LAYOUTS / 'briefing-deck.yaml'}]\n"
                        f"reports:\n  - {{name: a, sources: [{SEED_B}]}}\n")
    script = ("import sys\nfrom pathlib import Path\nfrom reportkit.batch import load_manifest, preload\n"
              f"cache = Path({str(cache)!r})\npreload(load_manifest(Path({str(manifest)!r}), cache), cache)\n"
              "print('pydantic' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
            for _ in range(2)]
    assert all(r.returncode == 0 for r in runs), runs[-1].stderr
    assert [r.stdout.strip() for r in runs] == ["True", "False"]


def four_deck_reports(tmp_path: Path) -> Path:
    """A manifest of four decks of one seed article (weeks 2026-W40 to W43), outputs under out/."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "b.txt").write_bytes(SEED_B.read_bytes())
    manifest = tmp_path / "batch.yaml"
    manifest.write_text(f"defaults:\n  sources: [src/]\n  layouts: [{LAYOUTS / 'briefing-deck.yaml'}]\n"
                        "  out: out/{name}\nreports:\n" + "".join(f"  - {{name: r{i}, week: 2026-W4{i}}}\n"
                                                                  for i in range(4)))
    return manifest


@pytest.mark.slow
def test_a_report_in_a_worker_imports_no_stage_or_renderer(tmp_path):
    """What preload imported is not imported again by any report, the first of each worker included."""
    manifest = four_deck_reports(tmp_path)
    script = textwrap.dedent(f"""
        import json, os, sys
        from pathlib import Path
        import reportkit.batch as b

        run_job = b.run_job

        def probe(job):
            before = set(sys.modules)
            result = run_job(job)
            result.warnings = [str(os.getpid())] + sorted(set(sys.modules) - before)
            return result

        b.run_job = probe
        results = b.run_batch(b.load_manifest(Path({str(manifest)!r})), 2, Path({str(tmp_path / 'cache')!r}),
                              True, False, False)
        print(json.dumps([[r.status, r.warnings] for r in results]))
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    heavy = ("reportkit.build", "reportkit.render", "reportkit.layouts", "pptx", "lxml", "pydantic")
    # what only a report built anew needs (its story is in no cache here): each worker imports it once
    anew = ("reportkit.story", "reportkit.readers", "reportkit.facts")
    seen: set[str] = set()
    for status, (pid, *imported) in json.loads(proc.stdout.splitlines()[-1]):
        assert status == "built"
        # a native chart built anew imports python-pptx's chart-data modules (and XlsxWriter) then, as it
        # does in a separate build: what only some reports need is left to them
        assert not [m for m in imported if m.startswith(heavy) and not m.startswith("pptx.chart.")], imported
        if pid in seen:  # the worker's second report
            assert not [m for m in imported if m.startswith(anew)], imported
        seen.add(pid)
    assert len(seen) == 2


def test_a_native_thread_makes_workers_come_from_the_fork_server(tmp_path):
    """A thread Python does not see (a Rust or C library's own: watchfiles' watcher here) counts too."""
    out = run_probe(tmp_path, """
        from watchfiles import watch
        changes = watch(os.getcwd(), yield_on_timeout=True, rust_timeout=100)
        next(changes)  # listening: its thread runs
        assert threading.active_count() == 1
        try:
            outcomes = run_pool(["a", "b"], 2, fn, init=init, warm=warm)
        finally:
            changes.close()
        print(json.dumps({"pid": os.getpid(), "warmed": WARMED, "results": [outcomes[i].result for i in range(2)]}))
    """)
    assert out["warmed"] == [], "no worker is forked from a process running a native thread"
    assert [r["item"] for r in out["results"]] == ["a", "b"]


def test_a_worker_deletes_replaced_outputs_in_the_background_and_leaves_none(tmp_path):
    """A batch built again over its outputs: each worker hands the files it replaces to its disposer
    thread (reportkit.atomic) while it lays out its next report, and waits for it before it ends."""
    manifest = four_deck_reports(tmp_path)
    script = textwrap.dedent(f"""
        import json, os
        from pathlib import Path
        import reportkit.atomic as atomic
        import reportkit.batch as b

        run_job = b.run_job

        def probe(job):
            result = run_job(job)
            result.warnings = [str(atomic._DISPOSER.get("pid") == os.getpid())]
            return result

        b.run_job = probe
        runs = []
        for force in (False, True):
            results = b.run_batch(b.load_manifest(Path({str(manifest)!r})), 2, Path({str(tmp_path / 'cache')!r}),
                                  True, force, False)
            runs.append([[r.status, r.warnings] for r in results])
        print(json.dumps({{"runs": runs, "parent": bool(atomic._DISPOSER)}}))
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.splitlines()[-1])
    assert out["runs"] == [[["built", ["True"]]] * 4] * 2 and out["parent"] is False
    for i in range(4):
        names = sorted(os.listdir(tmp_path / "out" / f"r{i}"))
        assert not [n for n in names if n.startswith(".reportkit-tmp-")], names
        assert sum(n.endswith(".pptx") for n in names) == 1, names
