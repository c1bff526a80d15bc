"""A bar chart's value labels that fit their bars in the brief's Plotly image, and its title its width.

Plotly shrinks a bar's outside label to the bar's width and hides it below the figure's
``uniformtext`` floor: six labels like "410,000 litres" on six bars of an 800 px figure were all
hidden but the first. When the labels are wider than their bars and all end in the same unit
words, the unit is said once, above the plot in the labels' own words, and the labels print the
numbers alone (Plotly's shrink and floor then apply to what is left: a label is whole or absent).
"""

from __future__ import annotations

EM_PER_CHAR = 0.62  # DejaVu Sans (the fallback every machine has): digits 0.636 em, lower case ≈0.6; measure wide
LABEL_PX = 16  # the bars' label size (draw.py)


def unit_tail(labels: list[str]) -> str:
    """The unit words every non-empty label ends in (" litres" of "410,000 litres" and
    "4.95M litres"), after a number; "" when they differ or a label has none."""
    shown = [t for t in labels if t]
    if not shown:
        return ""
    tails = set()
    for text in shown:
        head, sep, tail = text.partition(" ")
        number = head.lstrip("$£€¥+-−")[:1].isdigit() and (head[-1].isdigit() or head[-1] in "KMBT")
        if not sep or not number:
            return ""
        tails.add(" " + tail)
    return tails.pop() if len(tails) == 1 else ""


def bar_px(plot_px: float, categories: int, series: int) -> float:
    """The width of one bar: a single series' bars are 0.55 of their slot, grouped ones share
    the slot less the 0.35 gap (draw.py's ``width`` and ``bargap``)."""
    slot = plot_px / max(1, categories)
    return slot * 0.55 if series == 1 else slot * 0.65 / series


def text_px(text: str, size_px: float = LABEL_PX) -> float:
    """A label's width, estimated on the wide side."""
    return len(text) * EM_PER_CHAR * size_px


def unit_once(labels: list[list[str]], plot_px: float, categories: int) -> tuple[list[list[str]], str]:
    """``labels`` without their shared unit words, and those words ("" and the labels unchanged
    when every label fits its bar at full size, or the labels share no unit)."""
    width = bar_px(plot_px, categories, len(labels))
    if all(text_px(t) <= width for row in labels for t in row):
        return labels, ""
    tails = {unit_tail(row) for row in labels}
    if len(tails) != 1 or "" in tails:
        return labels, ""
    tail = tails.pop()
    return [[t[: -len(tail)] if t else t for t in row] for row in labels], tail.strip()


# a bold 22 px title longer than this overruns the brief's figure (a 77-character title lost its last
# letters; 70 fit, measured in the brief): Plotly never wraps a title, so it is broken at a word
TITLE_CHARS = 72
TITLE_LINE_PX = 28  # the second line's height: the plot starts that much lower


def title_lines(title: str) -> tuple[str, bool]:
    """``title`` as Plotly draws it: whole when it fits the figure's width, else broken into two
    lines at the comma, colon or space nearest its middle (``<br>``), and whether it was broken."""
    if len(title) <= TITLE_CHARS:
        return title, False
    middle = len(title) / 2
    spaces = [i for i, ch in enumerate(title) if ch == " "]
    if not spaces:
        return title, False
    # after a comma or colon reads best; a plain space when none is near the middle
    marks = [i for i in spaces if i > 0 and title[i - 1] in ",:"] or spaces
    at = min(marks, key=lambda i: (abs(i - middle) > len(title) / 4, abs(i - middle)))
    return f"{title[:at]}<br>{title[at + 1:]}", True
