"""Data labels of a native column or line chart that never overlap their neighbours.

A viewer draws each data label centred on its bar (or point), at the size it is given, however
wide it is: six labels like "410,000 litres" on six columns cover each other's first digits.
The widths are measured with the deck's own font metrics (:mod:`.text`) against the distance
between neighbouring labels, and the labels are made to fit by shorter forms, in order:

1. the unit said once, as the value axis's title (the labels' own unit words), not on every label;
2. a smaller label size, down to :data:`FLOOR_PT`;
3. labels only on the bars whose label fits beside its labelled neighbours (the larger values
   first); a label is either whole or absent, never a cut number.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from pptx.oxml.ns import qn

from ...lazyre import lazy
from ...model import ChartData
from .text import EMU_PER_PT, Fonts

FLOOR_PT = 10.0
STEPS_PT = (14.0, 12.0, 11.0, FLOOR_PT)
PAD_PT = 6.0  # white space kept between two neighbouring labels
# the share of the frame's width the viewer gives the plot (LibreOffice's automatic layout leaves a
# margin each side; a line chart's value axis takes its tick labels' width too): measured narrow
PLOT_SHARE = {"bar": 0.86, "line": 0.78}
# a unit written after the number inside a format's quoted text: '"M litres"' or '" litres"' (a scale
# letter kept, the words after its space taken out); currency signs and "%" have no space and stay
_UNIT_TAIL = lazy(r'"([KMBT]?)( [^"]+)"')


@dataclass(frozen=True)
class LabelPlan:
    """How a chart's data labels are drawn: the number format, size, the unit moved to the axis
    title ("" when the labels keep it) and the points (series, index) whose labels are left out."""

    fmt: str
    size_pt: float
    axis_unit: str = ""
    hidden: frozenset[tuple[int, int]] = frozenset()


def unit_of(fmt: str) -> str:
    """The unit words a number format writes after the number ("litres" for ``#,##0" litres"``)."""
    m = _UNIT_TAIL.search(fmt)
    return m.group(2).strip() if m else ""


def without_unit(fmt: str) -> str:
    """``fmt`` with its unit words taken out (a scale letter stays: ``"M litres"`` -> ``"M"``)."""
    return _UNIT_TAIL.sub(lambda m: f'"{m.group(1)}"' if m.group(1) else "", fmt)


def _texts(cd: ChartData, unit: str) -> list[list[str]]:
    """Each point's label as the viewer prints it (the chart's display strings), without ``unit``."""
    out = []
    for i, s in enumerate(cd.series):
        shown = cd.labels[i] if i < len(cd.labels) else []
        row = []
        for j, v in enumerate(s.values[: len(cd.categories)]):
            text = shown[j] if j < len(shown) else ("" if v is None else f"{v:,}")
            if v is None:
                text = ""
            if unit:
                for tail in (" " + unit, " " + unit.rstrip("s")):  # "1 year" beside "2 years"
                    if text.endswith(tail):
                        text = text[: -len(tail)]
                        break
            row.append(text)
        out.append(row)
    return out


def pitch_pt(cd: ChartData, kind: str, frame_width_emu: int) -> float:
    """Distance between the centres of two neighbouring labels: a category's slot, shared by
    its bars when the chart has several series (a clustered column's gap is 60% of a bar)."""
    plot = frame_width_emu / EMU_PER_PT * PLOT_SHARE[kind]
    slot = plot / max(1, len(cd.categories))
    if kind == "bar" and len(cd.series) > 1:
        return slot / (len(cd.series) + 0.6)
    return slot


def _fits(widths: list[list[float]], pitch: float) -> bool:
    return all(w + PAD_PT <= pitch for row in widths for w in row)


def plan_labels(cd: ChartData, kind: str, fmt: str, frame_width_emu: int, fonts: Fonts | None,
                size_pt: float = STEPS_PT[0]) -> LabelPlan:
    """The labels' form for ``cd`` drawn ``frame_width_emu`` wide: see the module's docstring.
    Charts other than columns and lines, or no fonts to measure with: the labels as they are."""
    if fonts is None or kind not in PLOT_SHARE or not cd.categories:
        return LabelPlan(fmt, size_pt)
    bold = fonts.style(bold=True)
    pitch = pitch_pt(cd, kind, frame_width_emu)

    def widths(texts: list[list[str]], size: float) -> list[list[float]]:
        return [[bold.width(t, size) if t else 0.0 for t in row] for row in texts]

    full = _texts(cd, "")
    if _fits(widths(full, size_pt), pitch):
        return LabelPlan(fmt, size_pt)
    unit = unit_of(fmt)
    short_fmt = without_unit(fmt) if unit else fmt
    short = _texts(cd, unit) if unit else full
    for size in [s for s in STEPS_PT if s <= size_pt]:
        if _fits(widths(short, size), pitch):
            return LabelPlan(short_fmt, size, unit)
    size = min(FLOOR_PT, size_pt)
    return LabelPlan(short_fmt, size, unit, _left_out(cd, widths(short, size), pitch))


def _left_out(cd: ChartData, widths: list[list[float]], pitch: float) -> frozenset[tuple[int, int]]:
    """The labels to leave out so that no two kept ones touch and none crosses a taller
    neighbour's bar (a label sits above its own bar's top): the points in drawing order
    (category by category, series within it), the largest values kept first."""
    ns = len(cd.series)
    bar = pitch / 1.6 if ns == 1 else pitch  # a clustered column's bar: its slot less the 60% gap

    def value(i: int, j: int) -> float:
        v = cd.series[i].values[j]
        return abs(v) if v is not None else 0.0

    slots = [(j * ns + i, i, j) for i in range(ns) for j in range(len(widths[i])) if widths[i][j]]
    where = {pos: (i, j) for pos, i, j in slots}
    order = sorted(slots, key=lambda t: (-value(t[1], t[2]), t[0]))
    kept: list[tuple[int, float]] = []  # (position, width)
    hidden = set()
    for pos, i, j in order:
        w = widths[i][j]
        reach = int((w / 2 + bar / 2) // pitch)  # the neighbours whose bars the label's ends reach
        crosses = any(value(*where[p]) > value(i, j) for p in range(pos - reach, pos + reach + 1)
                      if p != pos and p in where)
        clear = all(abs(pos - p) * pitch >= (w + wk) / 2 + PAD_PT for p, wk in kept)
        if clear and not crosses:
            kept.append((pos, w))
        else:
            hidden.add((i, j))
    return frozenset(hidden)


def hide_points(plot, hidden: frozenset[tuple[int, int]]) -> None:
    """Leave out the labels of ``hidden`` (series, index): each such series gets its own copy of
    the plot's label settings with a deleted label per left-out point."""
    if not hidden:
        return
    shared = plot._element.find(qn("c:dLbls"))
    for i, series in enumerate(plot.series):
        idx = sorted(j for s, j in hidden if s == i)
        if not idx or shared is None:
            continue
        own = series._element.get_or_add_dLbls()
        for child in list(own):
            own.remove(child)
        for child in shared:
            own.append(copy.deepcopy(child))
        for n, j in enumerate(idx):
            dlbl = own.makeelement(qn("c:dLbl"), {})
            dlbl.append(dlbl.makeelement(qn("c:idx"), {"val": str(j)}))
            dlbl.append(dlbl.makeelement(qn("c:delete"), {"val": "1"}))
            own.insert(n, dlbl)
