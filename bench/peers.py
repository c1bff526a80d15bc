"""The peers and floors reportkit's speed is compared with (issue 19), on the seeds' content.

    .venv/bin/python bench/peers.py floor OUT     # 10-page reportlab PDF + 12-slide python-pptx deck
    .venv/bin/python bench/peers.py plain OUT     # the same with 3 plotly charts via fig.write_image

``bench/build.py`` runs these as fresh processes (imports count, as for reportkit) and the
installed peers through :func:`peer_commands`:

- pandoc + wkhtmltopdf (apt ``pandoc wkhtmltopdf``): the seeds as one HTML page, then PDF;
- Marp (``npm install @marp-team/marp-cli`` in ``/opt/marp`` or on PATH; ``CHROME_PATH`` is set
  to the system Chromium): a 12-slide Markdown deck of the seeds, ``--pptx``;
- ``python -c pass``: the floor of any Python command.

A peer that is not installed is skipped with a note (CI does not install them).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
MARP_DIRS = (Path("/opt/marp/node_modules/.bin"),)
CHROMIUM = ("/usr/bin/chromium", "/usr/lib/chromium/chromium")


def paragraphs() -> list[tuple[str, list[str]]]:
    """Each seed as (title, paragraphs): the content every peer gets."""
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        paras = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        docs.append((paras[0], paras[1:]))
    return docs


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 3]


def markdown_brief() -> str:
    """The seeds as a Markdown document (for pandoc)."""
    out = ["% Russia–Mexico Energy Brief", ""]
    for title, paras in paragraphs():
        out += [f"# {title}", ""]
        for p in paras:
            out += [f"## {p}" if len(p.split()) < 9 else p, ""]
    return "\n".join(out)


def marp_deck(slides: int = 12) -> str:
    """A Marp deck of the seeds: a title slide, then slides of 3 bullets each (12 in all)."""
    bullets = [s for _t, paras in paragraphs() for p in paras if len(p.split()) >= 9 for s in _sentences(p)]
    out = ["---", "marp: true", "paginate: true", "---", "", "# Russia–Mexico Energy Brief", "", "Week 47, 2026"]
    for i in range(slides - 1):
        chunk = bullets[i * 3:(i + 1) * 3] or bullets[:3]
        out += ["", "---", "", f"## Story {i + 1}", ""] + [f"- {b}" for b in chunk]
    return "\n".join(out) + "\n"


def marp_executable() -> str | None:
    for folder in MARP_DIRS:
        if (folder / "marp").is_file():
            return str(folder / "marp")
    return shutil.which("marp")


def peer_commands(work: Path) -> dict[str, tuple[list[str], dict[str, str]] | str]:
    """Each peer's command line (with extra environment), or why it is skipped."""
    work.mkdir(parents=True, exist_ok=True)
    (work / "brief.md").write_text(markdown_brief(), encoding="utf-8")
    (work / "deck.md").write_text(marp_deck(), encoding="utf-8")
    peers: dict[str, tuple[list[str], dict[str, str]] | str] = {}
    if shutil.which("pandoc") and shutil.which("wkhtmltopdf"):
        peers["pandoc"] = (["pandoc", str(work / "brief.md"), "--standalone", "--pdf-engine=wkhtmltopdf",
                            "-o", str(work / "pandoc-brief.pdf"), "--metadata", "title=Russia–Mexico Energy Brief"],
                           {})
    else:
        peers["pandoc"] = "pandoc + wkhtmltopdf not installed (scripts/peers.sh installs them)"
    marp = marp_executable()
    chrome = next((c for c in CHROMIUM if os.path.exists(c)), None)
    if marp and chrome:
        peers["marp"] = ([marp, "--pptx", "--allow-local-files", str(work / "deck.md"), "-o", str(work / "marp.pptx")],
                         {"CHROME_PATH": os.environ.get("CHROME_PATH", chrome)})
    else:
        peers["marp"] = "Marp not installed (scripts/peers.sh: @marp-team/marp-cli in /opt/marp) or no Chromium"
    peers["python"] = ([sys.executable, "-c", "pass"], {})
    return peers


def _floor(out: Path, images: list[Path]) -> None:
    """A 10-page reportlab PDF and a 12-slide python-pptx deck of the seeds (with ``images``)."""
    from pptx import Presentation
    from pptx.util import Inches, Pt
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Image, PageBreak, Paragraph, SimpleDocTemplate, Spacer

    docs = paragraphs()
    styles = getSampleStyleSheet()
    story = []
    for page in range(10):
        title, paras = docs[page % len(docs)]
        story += [Paragraph(title, styles["Heading1"])]
        story += [Paragraph(p, styles["BodyText"]) for p in paras[:8]]
        if page < len(images):
            story += [Spacer(1, 6), Image(str(images[page]), width=400, height=225)]
        story.append(PageBreak())
    SimpleDocTemplate(str(out / "floor.pdf"), pagesize=A4, invariant=1).build(story)

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    bullets = [s for _t, paras in docs for p in paras for s in _sentences(p)]
    for i in range(12):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = docs[i % len(docs)][0][:60]
        body = slide.placeholders[1].text_frame
        for j, b in enumerate(bullets[i * 3:(i + 1) * 3]):
            para = body.paragraphs[0] if j == 0 else body.add_paragraph()
            para.text, para.font.size = b, Pt(16)
        if i < len(images):
            slide.shapes.add_picture(str(images[i]), Inches(8), Inches(4), width=Inches(4.5))
    prs.save(str(out / "floor.pptx"))


def _plain_charts(out: Path) -> list[Path]:
    """Three bar charts the plain way: plotly's ``fig.write_image`` per chart."""
    import plotly.graph_objects as go

    data = [("FDI from Russia (USD m)", ["2022", "2024"], [2.8, 86.4]),
            ("Natural gas imported (%)", ["imported", "domestic"], [72, 28]),
            ("Oil wells", ["shut", "open"], [10000, 20000])]
    paths = []
    for i, (title, xs, ys) in enumerate(data):
        fig = go.Figure(go.Bar(x=xs, y=ys), layout={"title": title, "width": 800, "height": 450})
        path = out / f"chart{i}.png"
        fig.write_image(str(path), scale=2)
        paths.append(path)
    return paths


def main() -> None:
    kind, out = sys.argv[1], Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    if kind == "floor":
        _floor(out, [])
    elif kind == "plain":
        _floor(out, _plain_charts(out))
    else:
        sys.exit(f"unknown kind {kind!r} (floor or plain)")


if __name__ == "__main__":
    main()
