"""What a reader's software reads in a built file: each PDF page's text, each slide's text and
notes, the values of every native chart. Read once per file and state: the numbers check
(:mod:`.sources`) and the words check (:mod:`.labels`) both read it."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path


Texts = list[tuple[str, str]]
Values = list[tuple[str, float]]
#: (where, printed name, the chart's first value) of each category and series of a native chart
Names = list[tuple[str, str, float]]


def read_back(path: Path) -> tuple[Texts, Values]:
    """(where, text) of every page or slide (and slide notes), and (where, value) of every
    native chart value; kept for the file's current size and mtime, so a rebuilt file is read again."""
    st = path.stat()
    texts, values, _names = _read(str(path), st.st_size, st.st_mtime_ns)
    return texts, values


def chart_names(path: Path) -> Names:
    """The category and series names a deck's native charts print (its bars' and legend's labels)."""
    st = path.stat()
    return _read(str(path), st.st_size, st.st_mtime_ns)[2]


@lru_cache(maxsize=8)
def _read(path: str, _size: int, _mtime_ns: int) -> tuple[Texts, Values, Names]:
    p = Path(path)
    if p.suffix.lower() == ".pdf":
        return _pdf_pages(p), [], []
    if p.suffix.lower() == ".pptx":
        return _deck_slides(p)
    return [], [], []


def _pdf_pages(path: Path) -> list[tuple[str, str]]:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(str(path), strict=False)
    return [(f"page {i}", page.extract_text() or "") for i, page in enumerate(reader.pages, 1)]


def _shape_texts(shapes) -> list[str]:
    out: list[str] = []
    for shape in shapes:
        if getattr(shape, "shape_type", None) is not None and hasattr(shape, "shapes"):
            out.extend(_shape_texts(shape.shapes))
        if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
            # a line break inside a paragraph ("\v") is where a word was wrapped by hand (an address, a
            # value's per-unit part: "$11,104.50" / "/tonne"), not a gap between words
            out.append(shape.text_frame.text.replace("\v", ""))
        if getattr(shape, "has_table", False) and shape.has_table:
            out.extend(cell.text for row in shape.table.rows for cell in row.cells)
    return out


def _deck_slides(path: Path) -> tuple[Texts, Values, Names]:
    """(where, text) of every slide and its notes, (where, value) of every native chart value, and
    (where, name, first value) of every native chart's category and series."""
    from pptx import Presentation

    prs = Presentation(str(path))
    texts: list[tuple[str, str]] = []
    values: Values = []
    names: Names = []
    for i, slide in enumerate(prs.slides, 1):
        texts.append((f"slide {i}", "\n".join(_shape_texts(slide.shapes))))
        if slide.has_notes_slide:
            texts.append((f"slide {i} notes", slide.notes_slide.notes_text_frame.text or ""))
        for shape in slide.shapes:
            if getattr(shape, "has_chart", False) and shape.has_chart:
                for plot in shape.chart.plots:
                    first = len(values)
                    for series in plot.series:
                        values.extend((f"slide {i} chart '{series.name}'", v) for v in series.values if v is not None)
                    if len(values) > first:
                        shown = [str(c) for c in plot.categories] + [str(s.name) for s in plot.series]
                        names.extend((f"slide {i} chart", n, values[first][1]) for n in shown if n)
    return texts, values, names
