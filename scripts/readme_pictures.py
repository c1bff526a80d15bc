"""Render the README's pictures: a page of the brief and a story slide of the deck, for a
week that is not the seeds (the quote corpus: ten business-news articles).

Builds with the shipped layouts, retitled for a general business week (no seed-specific
key-figure picks or charts), then draws one brief page with pdftoppm and one deck slide
through LibreOffice -> PDF -> pdftoppm, into docs/img/ (small PNGs, < 150 KB each).

Run: ``.venv/bin/python scripts/readme_pictures.py`` (about half a minute).
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
WEEK_SOURCES = ROOT / "tests" / "data" / "quotes_eval" / "dev"
OUT = ROOT / "docs" / "img"
BRIEF_PAGE = 3  # a page of story entries
MAX_BYTES = 150_000


def _layouts(tmp: Path) -> Path:
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


def _story_slide(deck: Path) -> int:
    """The number of the first story slide (the one with a key-figure callout)."""
    from pptx import Presentation

    for k, slide in enumerate(Presentation(str(deck)).slides, 1):
        if any(s.name == "Key figure" for s in slide.shapes):
            return k
    return 1


def _png(pdf: Path, page: int, resolution: int, target: Path) -> None:
    stem = target.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(resolution), "-png", "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(stem)], check=True)
    size = target.stat().st_size
    if size > MAX_BYTES:
        raise SystemExit(f"{target}: {size:,} bytes, over {MAX_BYTES:,}: lower the resolution")
    print(f"{target.relative_to(ROOT)}: {size:,} bytes")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1763942400")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        lay = _layouts(tmp)
        out = tmp / "out"
        sources = tmp / "sources"  # the articles only (the corpus folder also holds its annotations)
        sources.mkdir()
        for article in sorted(WEEK_SOURCES.glob("*.txt")):
            shutil.copy(article, sources / article.name)
        subprocess.run([sys.executable, "-m", "reportkit", "build", str(sources), "--week", "2026-W47",
                        "--out", str(out), "--quiet", "--layout", str(lay / "weekly-brief.yaml"), "--layout",
                        str(lay / "briefing-deck.yaml")], check=True, env=env, cwd=ROOT)
        brief = next(out.glob("*.pdf"))
        deck = next(out.glob("*.pptx"))
        _png(brief, BRIEF_PAGE, 62, OUT / "brief-page.png")
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/lo", "--headless", "--convert-to", "pdf",
                        "--outdir", str(tmp / "deck"), str(deck)], check=True, capture_output=True)
        _png(next((tmp / "deck").glob("*.pdf")), _story_slide(deck), 60, OUT / "deck-slide.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
