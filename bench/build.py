"""Build speed against peers and floors measured in the same run (issue 19); prints one table.

    .venv/bin/python bench/build.py [--runs 3] [--reports 20] [--edits 7] [--only batch]

Every measure runs ``--runs`` times (fresh processes, so imports count), in turns with its
peer or floor (one run of each, then again: both meet the host's drift alike); the table gives
min/median of reportkit and of its peer or floor, the ratio of the medians, the target and
whether the median meets it. Nothing is asserted. Peers not installed are skipped with a
note (``bench/peers.py``). Rows:

1. cold build of the seeds (brief + deck, 3 charts; a new empty chart cache each run) vs a
   plain plotly + reportlab + python-pptx script (``fig.write_image`` per chart);
2. warm build (charts cached, ``--force``) vs the floor: a 10-page reportlab PDF and a
   12-slide python-pptx deck, imports included; and the same after a paragraph is added to a
   source (``edited``: the documents, facts and story are made again, the charts still cached)
   — a forced build of unchanged inputs takes the assembled report from its cache;
3. unchanged build (the fast path) vs ``python -c pass``;
4. watch: a paragraph edit → both outputs rewritten, through a running ``reportkit watch``
   (median of ``--edits`` edits per run; the watcher's step included);
5. a batch of ``--reports`` distinct reports (two different articles of
   ``tests/data/news_eval`` each; charts cached) with ``--jobs 2`` vs as many separate builds;
6. brief only (``--format pdf``, warm) vs pandoc + wkhtmltopdf on the same content;
7. deck only (``--format pptx``, warm) vs Marp ``--pptx`` on the same content.

``--only ROW`` (cold, warm, edited, unchanged, watch, batch, brief, deck) measures one row. The batch row
also notes the CPU time of every process of each side (the batch's workers included).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from peers import peer_commands  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RK = [sys.executable, "-m", "reportkit"]
NEWS = ROOT / "tests" / "data" / "news_eval"


ROWS = ("cold", "warm", "edited", "unchanged", "watch", "batch", "brief", "deck")


def timed(cmd: list[str], env: dict[str, str], cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"command failed: {' '.join(cmd)}\n{proc.stderr[-3000:]}")
    return elapsed


def children_cpu() -> float:
    """CPU seconds of every descendant ended so far. This process is made the subreaper of its
    descendants (Linux), so a worker whose parent did not wait for it is counted when it ends."""
    import resource

    while True:  # the orphans this process inherited
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            break
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def subreaper() -> None:
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def repeat(runs: int, once: Callable[[int], float]) -> list[float]:
    return [once(i) for i in range(runs)]


def paired(runs: int, mine: Callable[[int], float],
           other: Callable[[int], float] | None) -> tuple[list[float], list[float] | None]:
    """``runs`` of reportkit and of its peer, taken in turns (mine, other, mine, ...): the
    host's speed drifts during a bench (≈1.5× in an hour here), and runs in turns meet the
    same drift, where one block after the other would not."""
    a: list[float] = []
    b: list[float] | None = None if other is None else []
    for i in range(runs):
        a.append(mine(i))
        if other is not None and b is not None:
            b.append(other(i))
    return a, b


def watch_edits(tmp: Path, env: dict[str, str], edits: int) -> float:
    """Median seconds from a source edit until both outputs are rewritten, with `reportkit watch`."""
    src, out = tmp / "watch-src", tmp / "watch-out"
    shutil.rmtree(src, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(ROOT / "seeds", src)
    proc = subprocess.Popen(RK + ["watch", str(src), "--out", str(out)], cwd=ROOT, env={**env, "PYTHONUNBUFFERED": "1"}, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        line = proc.stdout.readline()  # "watching ..."
        line = proc.stdout.readline()  # the first build
        if "rebuilt" not in line and "unchanged" not in line:
            sys.exit(f"watch did not build: {line!r}")
        outputs = sorted(p for p in out.iterdir() if p.suffix in (".pdf", ".pptx"))
        target = sorted(src.glob("*.txt"))[-1]
        times = []
        for i in range(edits):
            before = [p.stat().st_mtime_ns for p in outputs]
            text = target.read_text(encoding="utf-8")
            start = time.perf_counter()
            target.write_text(text + f"\n\nEdited paragraph number {i}.\n", encoding="utf-8")
            while any(p.stat().st_mtime_ns == b for p, b in zip(outputs, before, strict=True)):
                if time.perf_counter() - start > 30:
                    sys.exit("watch did not rebuild within 30 s")
                time.sleep(0.002)
            times.append(time.perf_counter() - start)
            proc.stdout.readline()  # the rebuild's line: the session is ready again
        return statistics.median(times)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def batch_sources(tmp: Path, n: int) -> list[Path]:
    """``n`` source folders of two different wire articles each (every pair distinct)."""
    articles = sorted(NEWS.glob("*.txt"))
    folders = []
    for i in range(n):
        folder = tmp / "batch-src" / f"r{i:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        for a in (articles[i % len(articles)], articles[(i + n) % len(articles)]):
            shutil.copy(a, folder / a.name)
        folders.append(folder)
    return folders


def batch_row(tmp: Path, env: dict[str, str], runs: int, n: int, row: Callable[..., None], notes: list[str]) -> None:
    """Row 5: ``reportkit batch --jobs 2`` of ``n`` distinct reports against ``n`` separate builds
    (both warm: charts cached, ``--force``), and a note with each side's CPU time."""
    folders = batch_sources(tmp, n)
    manifest = tmp / "batch.yaml"
    lines = ["defaults:", f"  layouts: [{ROOT / 'layouts/weekly-brief.yaml'}, {ROOT / 'layouts/briefing-deck.yaml'}]",
             f"  out: {tmp / 'batch'}/{{name}}", "  week: 2026-W47", "reports:"]
    lines += [f"  - {{name: r{i:02d}, sources: [{f}]}}" for i, f in enumerate(folders)]
    manifest.write_text("\n".join(lines) + "\n")
    batch = RK + ["batch", str(manifest), "--jobs", "2", "--force", "--quiet"]
    timed(batch, env)  # renders the reports' charts into the cache: both sides are warm
    cpu: dict[str, list[float]] = {"batch": [], "builds": []}

    def batch_once(_i: int) -> float:
        before = children_cpu()
        elapsed = timed(batch, env)
        cpu["batch"].append(children_cpu() - before)
        return elapsed

    def separate(_i: int) -> float:
        before = children_cpu()
        elapsed = sum(timed(RK + ["build", str(f), "--week", "2026-W47", "--out", str(tmp / "sep" / f.name),
                                  "--force", "--quiet"], env) for f in folders)
        cpu["builds"].append(children_cpu() - before)
        return elapsed

    batches, builds = paired(runs, batch_once, separate)
    row(f"batch of {n} distinct reports, --jobs 2 (vs {n} builds)", batches, builds, True,
        "≥ 5× faster", lambda m, o: o is not None and o / m >= 5)
    notes.append(f"batch CPU time, every process (min / median): {fmt(cpu['batch'])}; {n} builds: "
                 f"{fmt(cpu['builds'])}")


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            return next(ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name"))
    except (OSError, StopIteration):
        return "unknown CPU"


def fmt(values: list[float] | None) -> str:
    if not values:
        return "–"
    return f"{min(values):.3g} / {statistics.median(values):.3g} s"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--reports", type=int, default=20)
    ap.add_argument("--edits", type=int, default=7)
    ap.add_argument("--only", choices=ROWS, help="measure this row only")
    args = ap.parse_args()
    subreaper()

    def want(name: str) -> bool:
        return args.only in (None, name)

    tmp = Path(tempfile.mkdtemp(prefix="reportkit-bench-"))
    # PYTHONDONTWRITEBYTECODE (set in some sandboxes and CI images) makes every run compile the
    # modules changed since their .pyc from source (≈0.2 s): a user's install writes its .pyc once
    base = {k: v for k, v in os.environ.items() if k not in ("REPORTKIT_FAST_PATH", "PYTHONDONTWRITEBYTECODE")}
    env = {**base, "REPORTKIT_CACHE_DIR": str(tmp / "cache"), "SOURCE_DATE_EPOCH": "1795046400"}
    out = str(tmp / "out")
    peers = peer_commands(tmp / "peers")
    rows: list[tuple[str, list[float] | None, list[float] | None, str, str, bool | None]] = []
    notes: list[str] = []
    load_before = os.getloadavg()

    def peer(name: str) -> Callable[[int], float] | None:
        p = peers[name]
        if isinstance(p, str):
            notes.append(f"{name}: skipped, {p}")
            return None
        cmd, extra = p
        return lambda _i: timed(cmd, {**base, **extra})

    def row(measure: str, rk: list[float], other: list[float] | None, faster: bool, target: str,
            ok: Callable[[float, float | None], bool]) -> None:
        m = statistics.median(rk)
        o = statistics.median(other) if other else None
        if o is None:
            ratio = "–"
        elif faster:
            ratio = f"{o / m:.1f}× faster"
        else:
            ratio = f"{m / o:.2f}× peer"
        met = ok(m, o) if (o is not None or "×" not in target) else None
        rows.append((measure, rk, other, ratio, target, met))

    try:
        build = RK + ["build", "seeds", "--out", out, "--quiet"]
        if want("cold"):
            cold, plain = paired(
                args.runs, lambda i: timed(build + ["--force"], {**env, "REPORTKIT_CACHE_DIR": str(tmp / f"cold{i}")}),
                lambda i: timed([sys.executable, str(ROOT / "bench/peers.py"), "plain", str(tmp / f"plain{i}")], base))
            row("cold build, brief + deck, 3 charts rendered", cold, plain, True, "≤ 3.5 s", lambda m, o: m <= 3.5)
        if want("warm") or want("unchanged") or want("brief") or want("deck"):
            timed(build + ["--force"], env)  # fills this run's chart cache
        if want("warm"):
            warm, floor = paired(
                args.runs, lambda _i: timed(build + ["--force"], env),
                lambda i: timed([sys.executable, str(ROOT / "bench/peers.py"), "floor", str(tmp / f"floor{i}")], base))
            row("warm build, brief + deck (vs floor script)", warm, floor, False, "≤ 0.6 s and ≤ 2.5× floor",
                lambda m, o: m <= 0.6 and o is not None and m <= 2.5 * o)
        if want("edited"):
            edited_src = tmp / "edited-src"
            shutil.copytree(ROOT / "seeds", edited_src)
            timed(RK + ["build", str(edited_src), "--out", out, "--quiet"], env)  # its charts are the seeds'

            def edited_once(i: int) -> float:
                target = sorted(edited_src.glob("*.txt"))[-1]
                target.write_text(target.read_text(encoding="utf-8") + f"\n\nEdited paragraph number {i}.\n",
                                  encoding="utf-8")
                return timed(RK + ["build", str(edited_src), "--out", out, "--quiet"], env)

            edited, floor = paired(
                args.runs, edited_once,
                lambda i: timed([sys.executable, str(ROOT / "bench/peers.py"), "floor", str(tmp / f"efloor{i}")], base))
            row("warm build after an edit, brief + deck (vs floor script)", edited, floor, False, "–",
                lambda m, o: None)
        if want("unchanged"):
            timed(build, env)  # a full unchanged build records the fast path's answer
            unchanged, python = paired(args.runs, lambda _i: timed(build, env), peer("python"))
            row("unchanged build (vs `python -c pass`)", unchanged, python, False, "≤ 0.12 s",
                lambda m, o: m <= 0.12)
        if want("watch"):
            edits = repeat(args.runs, lambda _i: watch_edits(tmp, env, args.edits))
            row(f"watch: edit → both outputs (median of {args.edits} edits)", edits, None, False, "≤ 0.15 s",
                lambda m, o: m <= 0.15)
        if want("batch"):
            batch_row(tmp, env, args.runs, args.reports, row, notes)
        if want("brief"):
            brief, pandoc = paired(args.runs, lambda _i: timed(build + ["--force", "--format", "pdf"], env),
                                   peer("pandoc"))
            row("brief only, warm (vs pandoc + wkhtmltopdf)", brief, pandoc, False, "≤ 1× peer",
                lambda m, o: o is not None and m <= o)
        if want("deck"):
            deck, marp = paired(args.runs, lambda _i: timed(build + ["--force", "--format", "pptx"], env),
                                peer("marp"))
            row("deck only, warm (vs Marp --pptx)", deck, marp, True, "≥ 8× faster",
                lambda m, o: o is not None and o / m >= 8)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    load_after = os.getloadavg()
    print(f"reportkit speed, {args.runs} runs each (min / median): {os.cpu_count()} CPUs ({cpu_model()}), python "
          f"{sys.version.split()[0]}, load average (1 min) {load_before[0]:.2f} before, {load_after[0]:.2f} after")
    print()
    print("| measure | reportkit | peer / floor | ratio | target | met? |")
    print("|---|---|---|---|---|---|")
    for measure, rk, other, ratio, target, met in rows:
        print(f"| {measure} | {fmt(rk)} | {fmt(other)} | {ratio} | {target} | "
              f"{'–' if met is None else 'yes' if met else '**no**'} |")
    for note in notes:
        print(f"note: {note}")


if __name__ == "__main__":
    main()
