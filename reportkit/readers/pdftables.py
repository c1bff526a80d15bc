"""Tables in a text PDF, found from where the words stand on the page.

A PDF draws a table as loose words: pdfminer's layout gives its columns as separate text boxes
("241", "52", "25" in one box, "7.6", "4.0" in another), so the paragraph reader would give
each number as a paragraph of its own and nothing would say what it is. Few report tables have
ruling lines (pdfplumber's ``find_tables`` needs them), so the table is found from the text's
positions instead:

* a **body row** is a line of the page whose words fall in two groups or more, with a gap of
  more than about a character's height between groups (wider than any word space, even in
  justified text), every group after the first one number ("1,098", "−7.8", "(17.9)", "12%");
* **two body rows or more** in a row, each with the same number of columns whose numbers end
  at the same place (numbers are set flush right), make a table body; a two-column paper's
  lines are words in both groups, so they never are one;
* the line right above the body is the **header**: its first group names the first column and
  the rest is shared out among the number columns, by gaps when it has as many groups as
  there are columns, else each character to the first column whose numbers end right of it
  (headers are set flush right above their numbers: "Sales (£m)Change on year (%)", drawn with
  no space between the two headers, is two headers);
* a short line just above the header, without a final full stop ("Deliveries and prices by
  product, fourth quarter of 2026"), is the table's **caption**.

A table with no header line is no table: its numbers say nothing that a reader could name.
The work is bounded by the reader's page cap and :data:`MAX_ROWS` lines per page.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lazyre import lazy

MAX_ROWS = 400  # lines of one page looked at; a page with more is read as paragraphs only
# a number cell: a sign or an accountant's bracket, a currency, digits, a percent sign
_NUMBER = lazy(r"[(+−–-]?(?:US\$|[$€£¥])?\d[\d,.]*(?:%|pp)?\)?")
_EMPTY = frozenset({"-", "–", "—", "n/a", "n.a.", "na", ".."})  # a cell with no value
_TERMINAL = (".", "!", "?", ";", ":", ",")
_ALIGN = 3.0  # points: numbers of one column end within this of each other
_CAPTION_WORDS = 16


@dataclass
class PdfTable:
    """A table found on a page: its header, rows (cell texts, the first column's included),
    caption and the region it covers (pdfplumber coordinates: ``top`` grows downwards)."""

    header: list[str]
    rows: list[list[str]]
    caption: str | None
    top: float
    bottom: float
    x0: float
    x1: float

    def items(self) -> list[str]:
        """One "Header: cell; Header: cell" line per row, as the HTML and Word readers write them."""
        out = []
        for row in self.rows:
            parts = [f"{h}: {c}" if h else c for h, c in zip(self.header, row) if c]
            if parts:
                out.append("; ".join(parts))
        return out


@dataclass
class _Row:
    top: float
    bottom: float
    words: list[dict]
    groups: list[list[dict]]


def _text(words: list[dict]) -> str:
    return " ".join(w["text"] for w in words)


def _rows(words: list[dict]) -> list[_Row]:
    """The page's lines, top to bottom, each cut into groups at wide gaps."""
    rows: list[_Row] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(w["top"] - rows[-1].top) <= 2.0:
            rows[-1].words.append(w)
            rows[-1].bottom = max(rows[-1].bottom, w["bottom"])
        else:
            rows.append(_Row(w["top"], w["bottom"], [w], []))
    for r in rows:
        r.words.sort(key=lambda w: w["x0"])
        size = max(w["bottom"] - w["top"] for w in r.words)
        groups = [[r.words[0]]]
        for prev, w in zip(r.words, r.words[1:]):
            if w["x0"] - prev["x1"] > max(1.2 * size, 8.0):
                groups.append([w])
            else:
                groups[-1].append(w)
        r.groups = groups
    return rows


def _is_number(text: str) -> bool:
    return bool(_NUMBER.fullmatch(text))


def _body_cells(row: _Row) -> list[list[dict]] | None:
    """The number groups of a body row (all groups after the first), else None."""
    if len(row.groups) < 2:
        return None
    rest = row.groups[1:]
    texts = [_text(g) for g in rest]
    if not all(_is_number(t) or t.lower() in _EMPTY for t in texts) or not any(_is_number(t) for t in texts):
        return None
    return rest


def _aligned(a: list[list[dict]], b: list[list[dict]]) -> bool:
    return len(a) == len(b) and all(abs(x[-1]["x1"] - y[-1]["x1"]) <= _ALIGN for x, y in zip(a, b))


def _header(row: _Row, label_x0: float, first_left: float, rights: list[float]) -> list[str] | None:
    """The column headers a header line gives, or None when it cannot be shared out: its first
    group starts where the row names start and ends before the first number column."""
    first = row.groups[0]
    if abs(first[0]["x0"] - label_x0) > _ALIGN or first[-1]["x1"] >= first_left:
        return None
    if any(_is_number(_text(g)) for g in row.groups[1:]):
        return None
    if len(row.groups) == len(rights) + 1:
        return [_text(g) for g in row.groups]
    label, cols = [], [[] for _ in rights]
    for w in row.words:
        chars = w.get("chars") or [w]
        for c in chars:
            if w in first:
                label.append(c)
                continue
            k = next((j for j, r in enumerate(rights) if c["x1"] <= r + _ALIGN), None)
            if k is None:
                return None
            cols[k].append(c)
    heads = [_chars_text(label)] + [_chars_text(c) for c in cols]
    return heads if all(heads) else None


def _chars_text(chars: list[dict]) -> str:
    """Characters back to words: a gap wider than a fifth of their height is a space."""
    out, prev = "", None
    for c in sorted(chars, key=lambda c: c["x0"]):
        if prev is not None and c["x0"] - prev["x1"] > 0.2 * (c["bottom"] - c["top"]) and not out.endswith(" "):
            out += " "
        out += c["text"]
        prev = c
    return " ".join(out.split())


def _caption(rows: list[_Row], k: int, header: _Row, label_x0: float) -> _Row | None:
    """Line ``k`` when it is the caption of the table whose header is ``header``."""
    if k < 0:
        return None
    row = rows[k]
    text = _text(row.words)
    pitch = header.bottom - header.top
    if (len(row.groups) != 1 or header.top - row.bottom > 2.5 * pitch or row.words[0]["x0"] > label_x0 + _ALIGN
            or len(text.split()) > _CAPTION_WORDS or text.endswith(_TERMINAL) or not text[:1].isalpha()):
        return None
    return row


def find_tables(page) -> list[PdfTable]:
    """The tables of a pdfplumber page (see the module docstring)."""
    words = page.extract_words(x_tolerance=1.5, y_tolerance=2, return_chars=True)
    rows = _rows(words)
    if len(rows) > MAX_ROWS:
        return []
    tables: list[PdfTable] = []
    i = 0
    while i < len(rows):
        cells = _body_cells(rows[i])
        if cells is None or i == 0:
            i += 1
            continue
        j = i + 1
        label_x0 = rows[i].groups[0][0]["x0"]
        while (j < len(rows) and (nxt := _body_cells(rows[j])) is not None and _aligned(cells, nxt)
               and abs(rows[j].groups[0][0]["x0"] - label_x0) <= _ALIGN):
            j += 1
        head_row = rows[i - 1]
        pitch = rows[i].bottom - rows[i].top
        if j - i < 2 or rows[i].top - head_row.bottom > 2.5 * pitch:
            i = j
            continue
        rights = [g[-1]["x1"] for g in cells]
        first_left = min(r.groups[1][0]["x0"] for r in rows[i:j])
        header = _header(head_row, label_x0, first_left, rights)
        if header is None:
            i = j
            continue
        cap = _caption(rows, i - 2, head_row, label_x0)
        body = [[_text(r.groups[0])] + ["" if _text(g).lower() in _EMPTY else _text(g) for g in r.groups[1:]]
                for r in rows[i:j]]
        region = ([cap] if cap else []) + rows[i - 1:j]
        tables.append(PdfTable(
            header=header, rows=body, caption=_text(cap.words) if cap else None,
            top=region[0].top, bottom=region[-1].bottom,
            x0=min(w["x0"] for r in region for w in r.words), x1=max(w["x1"] for r in region for w in r.words),
        ))
        i = j
    return tables


def in_region(table: PdfTable, top: float, bottom: float, x0: float, x1: float) -> bool:
    """Whether a text line (pdfplumber coordinates) lies inside ``table``'s region."""
    mid_y, mid_x = (top + bottom) / 2, (x0 + x1) / 2
    return table.top - 1 <= mid_y <= table.bottom + 1 and table.x0 - 2 <= mid_x <= table.x1 + 2

