"""Render the README's pictures into docs/img/ (small PNGs, under 120 KB each).

- **The first screen** (``seeds-brief.png``, ``seeds-story-slide.png``, ``seeds-chart-slide.png``):
  the seeds built with the shipped layouts (``--week 2026-W47``, ``SOURCE_DATE_EPOCH`` fixed):
  the brief's first page, the deck's first story slide and its first chart slide.
- **"A brief, not a reprint"** (``brief-page.png``, ``deck-slide.png``): a week that is not the
  seeds (the quote corpus: ten business-news articles), built with the shipped layouts retitled
  for a general business week (no seed-specific key-figure picks or charts): a page of story
  entries and a story slide.

Brief pages are drawn with pdftoppm; slides through LibreOffice (its own profile, so a running
LibreOffice is never touched) -> PDF -> pdftoppm, as a reader's viewer would show them.

Run: ``.venv/bin/python scripts/readme_pictures.py`` (about a minute).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
WEEK_SOURCES = ROOT / "tests" / "data" / "quotes_eval" / "dev"
OUT = ROOT / "docs" / "img"
WEEK = "2026-W47"
EPOCH = "1763942400"  # 2025-11-24: fixed, so the pictures change only when the outputs do
BRIEF_PAGE = 3  # of the business week: a page of story entries
MAX_BYTES = 120_000


def _business_layouts(tmp: Path) -> Path:
    """The shipped layouts, retitled for a general business week."""
    lay = tmp / "layouts"
    shutil.copytree(ROOT / "layouts", lay)
    content = yaml.safe_load((lay / "content.yaml").read_text(encoding="utf-8"))
    content.update(title="Business Brief — Week {week_number}, {year}", short_title="Business Brief",
                   subject="Companies, markets and policy", keywords=["business", "markets"], charts={})
    content["key_figures"] = {"count": 4, "picks": []}
    (lay / "content.yaml").write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for name, key in (("weekly-brief.yaml", "pdf"), ("briefing-deck.yaml", "deck")):
        data = yaml.safe_load((lay / name).read_text(encoding="utf-8"))
        data[key].pop("charts", None)
        data["output"] = data["output"].replace("russia-mexico", "business")
        (lay / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return lay


def _build(sources: Path, layouts: Path, out: Path) -> tuple[Path, Path]:
    """Build the brief and the deck; their paths."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    subprocess.run([sys.executable, "-m", "reportkit", "build", str(sources), "--week", WEEK, "--out", str(out),
                    "--quiet", "--layout", str(layouts / "weekly-brief.yaml"), "--layout",
                    str(layouts / "briefing-deck.yaml")], check=True, env=env, cwd=ROOT)
    return next(out.glob("*.pdf")), next(out.glob("*.pptx"))


def _slide(deck: Path, chart: bool) -> int:
    """The number of the first story slide (it has a key-figure callout) or chart slide."""
    from pptx import Presentation

    for k, slide in enumerate(Presentation(str(deck)).slides, 1):
        if chart and any(s.has_chart for s in slide.shapes):
            return k
        if not chart and any(s.name == "Key figure" for s in slide.shapes):
            return k
    raise SystemExit(f"{deck}: no {'chart' if chart else 'story'} slide")


def _deck_pdf(deck: Path, tmp: Path) -> Path:
    """The deck as LibreOffice draws it, converted with a profile of its own."""
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp / "deck"), str(deck)], check=True, capture_output=True)
    return tmp / "deck" / f"{deck.stem}.pdf"


def _png(pdf: Path, page: int, resolution: int, target: Path) -> None:
    stem = target.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(resolution), "-png", "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(stem)], check=True)
    size = target.stat().st_size
    if size > MAX_BYTES:
        raise SystemExit(f"{target}: {size:,} bytes, over {MAX_BYTES:,}: lower the resolution")
    print(f"{target.relative_to(ROOT)}: {size:,} bytes (page {page} of {pdf.name})")


def seeds_pictures(tmp: Path) -> None:
    """The README's first screen: the seeds' brief (page 1), a story slide and a chart slide."""
    brief, deck = _build(SEEDS, ROOT / "layouts", tmp / "out")
    _png(brief, 1, 60, OUT / "seeds-brief.png")
    slides = _deck_pdf(deck, tmp)
    _png(slides, _slide(deck, chart=False), 56, OUT / "seeds-story-slide.png")
    _png(slides, _slide(deck, chart=True), 56, OUT / "seeds-chart-slide.png")


def business_pictures(tmp: Path) -> None:
    """"A brief, not a reprint": a page of story entries and a story slide of a non-seed week."""
    sources = tmp / "sources"  # the articles only (the corpus folder also holds its annotations)
    sources.mkdir()
    for article in sorted(WEEK_SOURCES.glob("*.txt")):
        shutil.copy(article, sources / article.name)
    brief, deck = _build(sources, _business_layouts(tmp), tmp / "out")
    _png(brief, BRIEF_PAGE, 62, OUT / "brief-page.png")
    _png(_deck_pdf(deck, tmp), _slide(deck, chart=False), 60, OUT / "deck-slide.png")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for make in (seeds_pictures, business_pictures):
        with tempfile.TemporaryDirectory() as d:
            make(Path(d))
    return 0


if __name__ == "__main__":
    sys.exit(main())
