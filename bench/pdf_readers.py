"""Compare PDF text libraries on the corpus PDFs (issue 17): reading order, headings, speed.

    .venv/bin/python bench/pdf_readers.py

For each PDF of tests/data/sources and each library's plain text extraction: how many of the
source sentences come out whole (hyphenation joined, whitespace collapsed: a sentence is whole
only when its lines were read in order, so two columns read across give broken sentences) and
how many consecutive pairs of the whole ones are in reading order; whether the library gives font size and
weight per character (what headings are found from); seconds per document (median of 3).
Prints a table; asserts nothing.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "sources"
sys.path.insert(0, str(CORPUS / "make"))
import texts as T  # noqa: E402


def _anchors(blocks: list[tuple[str, str]]) -> list[str]:
    """Every sentence of the body paragraphs: found whole only if lines were read in order."""
    out = []
    for k, t in blocks:
        if k == "p" and not t.startswith("["):
            out += [s for s in re.split(r"(?<=[.?!])\s+(?=[A-Z])", " ".join(t.replace("|", "").split())) if s]
    return out


EXPECT = {
    "report_grid_outlook.pdf": _anchors(T.REPORT),
    "paper_battery_storage.pdf": _anchors(T.PAPER),
    "slides_northwind_q3.pdf": [line for _t, lines in T.SLIDES[1:] for line in lines],
}


def _norm(text: str) -> str:
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)  # join hyphenation
    return " ".join(text.replace("•", " ").split())


def pypdf_plain(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() or "" for p in PdfReader(path).pages)


def pypdf_layout(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text(extraction_mode="layout") or "" for p in PdfReader(path).pages)


def plumber(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)


def plumber_columns(path: Path) -> str:
    """pdfminer's layout analysis (text boxes in reading order), as pdfplumber exposes it."""
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def pdfium(path: Path) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    out = []
    for page in doc:
        tp = page.get_textpage()
        out.append(tp.get_text_range())
        tp.close()
        page.close()
    doc.close()
    return "\n".join(out)


def reportkit_reader(path: Path) -> str:
    """What reportkit makes of it: pdfplumber's layout plus furniture removal and joining."""
    from reportkit.readers import read_file

    doc = read_file(path)
    return "\n".join([doc.title, doc.subtitle or "", doc.body_text(), *doc.key_points])


LIBS = {
    "pypdf (plain)": pypdf_plain,
    "pypdf (layout)": pypdf_layout,
    "pdfplumber extract_text": plumber,
    "pdfminer.six layout (pdfplumber's engine)": plumber_columns,
    "pypdfium2 get_text_range": pdfium,
    "reportkit readers/pdf.py (pdfplumber layout)": reportkit_reader,
}
FONTS = {
    "pypdf (plain)": "via visitor_text callback: font dict + matrix, size computed by hand",
    "pypdf (layout)": "no",
    "pdfplumber extract_text": "yes: chars with fontname, size, x0/top",
    "pdfminer.six layout (pdfplumber's engine)": "yes: LTChar fontname, size",
    "pypdfium2 get_text_range": "raw API only (FPDFText_GetFontSize/GetFontWeight per char)",
    "reportkit readers/pdf.py (pdfplumber layout)": "uses pdfminer's LTChar size and font name",
}


def score(text: str, anchors: list[str]) -> tuple[int, int, int]:
    flat = _norm(text)
    pos = [flat.find(a) for a in anchors]
    found = [p for p in pos if p >= 0]
    ordered = sum(1 for a, b in zip(found, found[1:]) if a < b)
    return len(found), ordered, max(len(found) - 1, 0)


def main() -> None:
    print(f"{'library':44} {'document':28} {'found':>7} {'in order':>9} {'s/doc':>7}")
    for name, fn in LIBS.items():
        for doc, anchors in EXPECT.items():
            times = []
            for _ in range(3):
                t0 = time.perf_counter()
                text = fn(CORPUS / doc)
                times.append(time.perf_counter() - t0)
            found, ordered, pairs = score(text, anchors)
            print(f"{name:44} {doc:28} {found:>3}/{len(anchors):<3} {ordered:>4}/{pairs:<4} {statistics.median(times):7.3f}")
    print("\nfont size/weight per character (for headings):")
    for name, how in FONTS.items():
        print(f"  {name}: {how}")


if __name__ == "__main__":
    main()
