"""Bad files of every readable kind (issue 17): truncated, empty, wrong extension, encrypted,
scanned. Each gives one line `error: <file>: <problem>` and exit 2; a folder build names every
file it does not use, and a broken file in a folder stops the build naming it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reportkit.cli import main
from reportkit.readers import read_paths

CORPUS = Path(__file__).parent / "data" / "sources"


def _scanned_pdf(path: Path) -> None:
    """A PDF whose page is only a picture (what a scanner without OCR makes)."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    img = Image.new("L", (400, 200), 255)
    ImageDraw.Draw(img).text((20, 80), "Quarterly report 2026: revenue up 9%", fill=0)
    png = path.with_suffix(".png")
    img.save(png)
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.drawImage(str(png), 50, 500, width=400, height=200)
    c.showPage()
    c.save()
    png.unlink()


def _encrypted_pdf(path: Path) -> None:
    subprocess.run(["qpdf", "--encrypt", "secret", "owner", "256", "--", str(CORPUS / "report_grid_outlook.pdf"),
                    str(path)], check=True)


def _make(kind: str, tmp: Path) -> Path:
    """One bad file; ``kind`` is '<suffix>-<problem>'."""
    suffix, problem = kind.split("-", 1)
    path = tmp / f"bad.{suffix}"
    good = {"html": "news_harbour_lng.html", "pdf": "report_grid_outlook.pdf", "docx": "memo_refinery_margins.docx",
            "txt": "scrape_opec_meeting.txt"}[suffix]
    data = (CORPUS / good).read_bytes()
    if problem == "empty":
        path.write_bytes(b"")
    elif problem == "truncated":
        path.write_bytes(data[: 900 if suffix == "html" else 3000])
    elif problem == "wrongext":
        other = "report_grid_outlook.pdf" if suffix in ("html", "txt") else "scrape_opec_meeting.txt"
        if suffix == "pdf":
            other = "news_harbour_lng.html"
        path.write_bytes((CORPUS / other).read_bytes())
    elif problem == "encrypted" and suffix == "pdf":
        _encrypted_pdf(path)
    elif problem == "encrypted" and suffix == "docx":
        # Office encrypts a .docx into an OLE compound file (the legacy .doc container)
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
    elif problem == "scanned":
        _scanned_pdf(path)
    elif problem == "nomain":
        path.write_text("<html><head><title>Login</title></head><body><nav><a href='/'>Home</a></nav>"
                        "<form><input name=user><button>Sign in</button></form></body></html>", encoding="utf-8")
    else:
        raise AssertionError(kind)
    return path


CASES = [
    ("html-empty", "empty file"),
    ("html-truncated", "no main text found in this web page"),
    ("html-wrongext", "not a web page: PDF document"),
    ("html-nomain", "no main text found in this web page"),
    ("pdf-empty", "empty file"),
    ("pdf-truncated", "broken or truncated PDF"),
    ("pdf-wrongext", "not a PDF file"),
    ("pdf-encrypted", "encrypted PDF"),
    ("pdf-scanned", "scanned PDF"),
    ("docx-empty", "empty file"),
    ("docx-truncated", "broken or truncated Word document"),
    ("docx-wrongext", "not a Word document"),
    ("docx-encrypted", "encrypted or legacy Word file"),
    ("txt-empty", "empty file"),
    ("txt-wrongext", "not a text file: PDF document"),
]


@pytest.mark.parametrize(("kind", "message"), CASES)
def test_bad_file_is_one_line_and_exit_2(kind, message, tmp_path, capsys) -> None:
    path = _make(kind, tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", str(path)])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"error: {path}: ") and message in lines[0], lines[0]
    assert "Traceback" not in err


def test_broken_file_in_a_folder_stops_the_read_naming_it(tmp_path, capsys) -> None:
    shutil.copy(CORPUS / "news_harbour_lng.html", tmp_path / "a.html")
    bad = _make("pdf-truncated", tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", str(tmp_path)])
    err = capsys.readouterr().err.strip().splitlines()
    assert exit_info.value.code == 2 and len(err) == 1 and err[0].startswith(f"error: {bad}: ")


def test_folder_read_names_every_file_it_does_not_use(tmp_path) -> None:
    for name in ("scrape_heat_pumps.txt", "note_lithium_supply.docx", "slides_northwind_q3.pdf"):
        shutil.copy(CORPUS / name, tmp_path / name)
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "prices.xlsx").write_bytes(b"PK\x03\x04")
    docs, warnings = read_paths([tmp_path])
    assert len(docs) == 3
    assert any(w.startswith(f"{tmp_path / 'empty.pdf'}: skipped (empty file)") for w in warnings), warnings
    assert any(w.startswith(f"{tmp_path / 'prices.xlsx'}: skipped (unknown file type") for w in warnings), warnings


def test_corpus_folder_reads_every_source_and_names_the_rest() -> None:
    docs, warnings = read_paths([CORPUS])
    files = [p for p in CORPUS.rglob("*") if p.is_file()]
    readable = [p for p in files if p.suffix in (".html", ".pdf", ".docx", ".txt", ".md")]
    assert len(docs) == len(readable) == 13  # README.md is a Markdown source too
    for p in files:
        if p not in readable:
            assert any(w.startswith(str(p)) for w in warnings), p


def test_new_readers_load_only_when_such_a_file_is_read() -> None:
    code = ("import sys; from reportkit.readers import read_paths; read_paths(['seeds']); "
            "print(sorted(m for m in ('trafilatura', 'pdfplumber', 'pdfminer', 'docx', 'lxml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).parent.parent).stdout.strip()
    assert out == "[]"
