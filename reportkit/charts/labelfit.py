"""A bar chart's value labels that fit their bars in the brief's Plotly image.

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
