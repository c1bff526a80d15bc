"""How render time grows with input size; prints figures, asserts nothing.

    .venv/bin/python bench/scale.py [--words 5000,10000,20000] [--files 50,100,200]

1. one paragraph of N words (the brief; the deck condenses it): seconds and seconds
   per 1,000 words at each size. Linear work keeps the per-1,000 figure flat; the
   quadratic path this guards against (issue 14) took 0.8 / 2.3 / 10.8 s for
   10k / 20k / 40k words.
2. N short sources in one folder, brief and deck separately: seconds per 100 files
   (was 2.0 / 6.7 / 22.7 s for the brief and 4.8 / 13.1 / 43.7 s for the deck at
   250 / 500 / 1,000 files).

Only the render stage is timed (``build --json`` timings), with charts left out of
the layout so no browser runs; sizes are kept small so a run takes about a minute.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = "the gas imports rose oil wells Pemex Mexico Russia said target investment output fell production".split()


def render_seconds(src: Path, fmt: str, layouts: Path, out: Path) -> float:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795046400"}
    layout = layouts / ("weekly-brief.yaml" if fmt == "pdf" else "briefing-deck.yaml")
    proc = subprocess.run([sys.executable, "-m", "reportkit", "build", str(src), "--layout", str(layout), "--out",
                           str(out), "--format", fmt, "--force", "--json"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"build failed: {proc.stderr[-2000:]}")
    return float(json.loads(proc.stdout)["timings"]["render"])


def paragraph(n: int, rng: random.Random) -> str:
    words = [rng.choice(WORDS) + ("." if i % 15 == 14 else "") for i in range(n)]
    return "Huge paragraph\n\n" + " ".join(words) + "\n"


def no_chart_layouts(tmp: Path) -> Path:
    """The shipped layouts without charts: a browser would time something else."""
    dst = tmp / "layouts"
    shutil.copytree(ROOT / "layouts", dst)
    for name in ("weekly-brief.yaml", "briefing-deck.yaml"):
        p = dst / name
        lines = [ln for ln in p.read_text().splitlines() if not ln.strip().startswith(("charts:", "auto_charts:"))]
        p.write_text("\n".join(lines) + "\n")
    content = dst / "content.yaml"
    text = content.read_text()
    content.write_text(text[: text.index("\ncharts:")] + "\ncharts: {}\n")
    return dst


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", default="5000,10000,20000")
    ap.add_argument("--files", default="50,100,200")
    args = ap.parse_args()
    rng = random.Random(14)
    with tempfile.TemporaryDirectory(prefix="rk-scale-") as t:
        tmp = Path(t)
        layouts = no_chart_layouts(tmp)
        print("one paragraph (brief)            words   seconds   s per 1,000 words")
        for n in map(int, args.words.split(",")):
            src = tmp / f"p{n}.txt"
            src.write_text(paragraph(n, rng))
            s = render_seconds(src, "pdf", layouts, tmp / "out")
            print(f"{'':32} {n:>6,}  {s:8.2f}   {1000 * s / n:8.3f}")
        for n in map(int, args.files.split(",")):
            folder = tmp / f"f{n}"
            folder.mkdir()
            for i in range(n):
                body = " ".join(rng.choice(WORDS) for _ in range(60))
                (folder / f"s{i:04d}.txt").write_text(f"Source number {i}\n\n{body}. Output rose {i % 90 + 1}% "
                                                      f"in 20{10 + i % 15}.\n")
        for fmt in ("pdf", "pptx"):
            print(f"many short sources ({fmt:<4})         files   seconds   s per 100 files")
            for n in map(int, args.files.split(",")):
                s = render_seconds(tmp / f"f{n}", fmt, layouts, tmp / "out")
                print(f"{'':32} {n:>6,}  {s:8.2f}   {100 * s / n:8.3f}")


if __name__ == "__main__":
    main()
