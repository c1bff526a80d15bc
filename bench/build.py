"""Measure build speed; prints figures and ratios (targets from issue 6), asserts nothing.

    .venv/bin/python bench/build.py [--reports 20]

1. cold `reportkit build` of the seeds (brief + deck + 3 charts, empty chart cache)
2. warm build (charts cached, outputs forced) — a fresh process, so import time counts
3. batch of N distinct briefs with --jobs 2 vs N separate `reportkit build` processes
4. rebuild inside one warm process (what `watch` does) after a one-paragraph edit

Batch and rebuild are also run with REPORTKIT_SLIDE_MEMO=0, to show what the
per-process slide memo saves (and what a batch of unrelated reports can expect).
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = [sys.executable, "-m", "reportkit"]


def run(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(EXE + args, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"command failed: {' '.join(args)}\n{proc.stderr}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3, help="runs of the warm build (median)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="reportkit-bench-"))
    env = {**os.environ, "REPORTKIT_CACHE_DIR": str(tmp / "cache"), "SOURCE_DATE_EPOCH": "1795046400"}
    out = str(tmp / "out")
    try:
        cold = run(["build", "seeds", "--out", out, "--force", "--quiet"], env)
        warm = statistics.median(run(["build", "seeds", "--out", out, "--force", "--quiet"], env)
                                 for _ in range(args.repeat))
        noop = run(["build", "seeds", "--out", out, "--quiet"], env)

        n = args.reports
        manifest = tmp / "batch.yaml"
        lines = ["defaults:", f"  sources: [{ROOT / 'seeds'}]",
                 f"  layouts: [{ROOT / 'layouts/weekly-brief.yaml'}, {ROOT / 'layouts/briefing-deck.yaml'}]",
                 f"  out: {tmp / 'batch'}/{{name}}", "reports:"]
        lines += [f"  - {{name: w{i:02d}, week: 2026-W{i:02d}}}" for i in range(1, n + 1)]
        manifest.write_text("\n".join(lines) + "\n")
        batch = run(["batch", str(manifest), "--jobs", "2", "--force", "--quiet"], env)
        # the reports share their sources, so workers replay most slides; without the memo
        # every slide is built, as in a batch whose reports have nothing in common
        batch_nomemo = run(["batch", str(manifest), "--jobs", "2", "--force", "--quiet"],
                           {**env, "REPORTKIT_SLIDE_MEMO": "0"})
        separate = 0.0
        for i in range(1, n + 1):
            separate += run(["build", "seeds", "--week", f"2026-W{i:02d}", "--out", str(tmp / "sep" / f"w{i:02d}"),
                             "--force", "--quiet"], env)

        sys.path.insert(0, str(ROOT))
        os.environ.update(env)
        from reportkit.build import BuildOptions, build_report
        from reportkit.watch import session_options

        src = tmp / "watch-src"
        shutil.copytree(ROOT / "seeds", src)
        opts = session_options(BuildOptions(sources=[src], out=tmp / "watch-out"))  # as `reportkit watch` builds
        build_report(opts)  # warm the process: imports, fonts, chart cache
        target = sorted(src.glob("*.txt"))[-1]

        def rebuilds(runs: int = 7) -> float:
            times = []
            for i in range(runs):
                text = target.read_text(encoding="utf-8")
                target.write_text(text.replace("Outlook", f"Outlook {i}", 1) + f"\n\nEdited paragraph number {i}.\n",
                                  encoding="utf-8")
                start = time.perf_counter()
                build_report(opts)
                times.append(time.perf_counter() - start)
            return statistics.median(times)

        rebuild = rebuilds()
        os.environ["REPORTKIT_SLIDE_MEMO"] = "0"
        rebuild_nomemo = rebuilds()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    def row(name: str, secs: float, target: str) -> None:
        print(f"{name:<52} {secs:8.2f} s   target {target}")

    print(f"reportkit build speed on {os.cpu_count()} CPUs (python {sys.version.split()[0]})")
    row("cold build (empty chart cache, browser start)", cold, "<= 6 s")
    row(f"warm build (charts cached, --force, median of {args.repeat})", warm, "<= 1.5 s")
    row("unchanged build (incremental: skipped)", noop, "-")
    row(f"batch of {n} briefs, --jobs 2", batch, "-")
    row(f"{n} separate `reportkit build` processes", separate, "-")
    print(f"{'batch speed-up over separate processes':<52} {separate / batch:8.1f} x   target >= 4 x")
    row(f"batch of {n} briefs, --jobs 2, slide memo off", batch_nomemo, "-")
    print(f"{'  speed-up with the slide memo off':<52} {separate / batch_nomemo:8.1f} x")
    row("rebuild in a warm process after a paragraph edit", rebuild, "<= 0.2 s")
    row("  the same with the slide memo off", rebuild_nomemo, "-")


if __name__ == "__main__":
    main()
