"""`reportkit verify`: good outputs pass; each kind of defect is caught, never a crash."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from reportkit.build import BuildOptions, build_report
from reportkit.verify.files import verify_files


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("verify-out")
    cache = tmp_path_factory.mktemp("verify-cache")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1795046400")
    summary = build_report(BuildOptions(sources=[ROOT / "seeds"], out=out, cache_dir=cache))
    return {Path(o.path).suffix: Path(o.path) for o in summary.outputs}


def problems(path: Path, **kw) -> list[str]:
    [result] = verify_files([path], **kw)
    return result.problems


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reportkit", "verify", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def test_built_outputs_pass_every_check(built):
    [pdf, deck] = verify_files([built[".pdf"], built[".pptx"]])
    assert pdf.problems == [] and deck.problems == []
    assert {c.name for c in pdf.checks} >= {"opens", "pages", "outline", "fonts embedded", "metadata title",
                                            "links http(s)", "text on every page"}
    assert {c.name for c in deck.checks} >= {"opens", "titles", "speaker notes", "alt text", "text fits",
                                             "links http(s)"}


def test_cli_json_lists_each_check(built):
    proc = run_cli(str(built[".pdf"]), str(built[".pptx"]), "--json")
    assert proc.returncode == 0, proc.stderr
    files = json.loads(proc.stdout)["files"]
    assert [f["ok"] for f in files] == [True, True]
    assert all(c["ok"] for f in files for c in f["checks"])


@pytest.mark.slow
def test_libreoffice_page_count(built):
    assert problems(built[".pptx"], libreoffice=True) == []


@pytest.mark.parametrize("suffix", [".pdf", ".pptx"])
def test_truncated_file_is_a_clear_failure(built, tmp_path, suffix):
    data = built[suffix].read_bytes()
    bad = tmp_path / f"truncated{suffix}"
    bad.write_bytes(data[: len(data) // 3])
    found = problems(bad)
    assert found and found[0].startswith("opens: cannot open as")
    proc = run_cli(str(bad))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stdout.startswith(f"{bad}: opens: cannot open as")


def test_garbage_and_missing_files(tmp_path):
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(os.urandom(2000))
    assert problems(junk)[0].startswith("opens")
    assert problems(tmp_path / "nope.pptx") == ["exists: file not found"]
    other = tmp_path / "notes.txt"
    other.write_text("x")
    assert problems(other) == ["kind: not a .pdf or .pptx file"]


def test_pdf_defects_are_each_reported(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "plain.pdf"
    c = canvas.Canvas(str(path))  # base-14 Helvetica, no outline, no title
    c.drawString(72, 720, "Hello")
    c.linkURL("javascript:alert(1)", (72, 700, 200, 720))
    c.showPage()
    c.showPage()  # an empty page
    c.save()
    found = "\n".join(problems(path))
    assert "outline: no outline" in found
    assert "fonts embedded: not embedded: Helvetica" in found
    assert "metadata title" in found
    assert "links http(s): non-web link(s): javascript:alert(1)" in found
    assert "text on every page: no text on page(s) 2" in found


def test_deck_defects_are_each_reported(tmp_path):
    from PIL import Image
    from pptx import Presentation
    from pptx.util import Inches, Pt

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank: no title, no notes
    png = io.BytesIO()
    Image.new("RGB", (10, 10), "red").save(png, "PNG")
    slide.shapes.add_picture(io.BytesIO(png.getvalue()), Inches(1), Inches(1))
    box = slide.shapes.add_textbox(Inches(1), Inches(3), Inches(2), Inches(0.5))
    run = box.text_frame.paragraphs[0].add_run()
    box.text_frame.word_wrap = True
    run.text = "A sentence far too long for this small box, repeated. " * 6
    run.font.size = Pt(18)
    run.hyperlink.address = "file:///etc/passwd"
    path = tmp_path / "bad.pptx"
    prs.save(path)
    found = "\n".join(problems(path))
    assert "titles: slide(s) without a title: 1" in found
    assert "speaker notes: slide(s) without notes: 1" in found
    assert "alt text: no alt text: slide 1 Picture" in found
    assert "text fits: text overflows: slide 1 TextBox" in found
    assert "links http(s): non-web link(s): file:///etc/passwd" in found


def test_build_verify_flag(tmp_path):
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795046400", "REPORTKIT_CACHE_DIR": str(tmp_path / "c")}
    proc = subprocess.run([sys.executable, "-m", "reportkit", "build", "seeds", "--format", "pptx", "--out",
                           str(tmp_path), "--verify", "--json"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["problems"] == []
