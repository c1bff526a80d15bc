"""Plotly figures for resolved charts, in the brand's colours and fonts.

Pure: ``figure(ChartData, Brand) -> plotly.graph_objects.Figure``, nothing is
written. The look follows print briefings rather than Plotly's defaults: a bold
left-aligned title with a muted subtitle, white background, no gridlines (data
labels carry the values; the source is printed beside the image, not in it), the growth multiple or the
target called out in the accent colour. Figures are sized for
:data:`WIDTH` x :data:`HEIGHT` logical pixels; :mod:`reportkit.charts.render` renders
them at ``scale`` 2 for print.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go

from .describe import growth
from .labelfit import TITLE_LINE_PX, title_lines, unit_once
from .residual import emphasis
from ..model import ChartData
from ..numbers import format_value

if TYPE_CHECKING:
    from ..layouts import Brand

WIDTH, HEIGHT = 800, 450
# Fallbacks after the brand family: DejaVu Sans has Vera's metrics and ships with Debian.
FALLBACK_FONTS = ("DejaVu Sans", "Bitstream Vera Sans", "Verdana", "Arial", "sans-serif")
GRID = "#D5DBE1"


def font_family(brand: Brand) -> str:
    """The brand family first, then fonts a fresh machine has."""
    names = [brand.fonts.family, *(f for f in FALLBACK_FONTS if f != brand.fonts.family)]
    return ", ".join(f"'{n}'" if " " in n else n for n in names)


def _tint(hex_colour: str, amount: float) -> str:
    """Mix a colour with white (amount 0 = colour, 1 = white)."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(c + (255 - c) * amount) for c in (r, g, b)]
    return "#{:02X}{:02X}{:02X}".format(*mix)


def _base_layout(data: ChartData, brand: Brand) -> dict[str, Any]:
    c = brand.colors
    # the title starts at the image's left edge: the brief draws the image flush left, so the title
    # lines up with the "FIGURE n" label above it (a 28 px pad set it ≈13 mm right of the label)
    text, wrapped = title_lines(data.title) if not data.subtitle else (data.title, False)
    first, _br, second = text.partition("<br>")
    title: dict[str, Any] = {
        "text": f"<b>{first}</b>", "x": 0, "xref": "container", "xanchor": "left", "pad": {"l": 0},
        "y": 0.965, "yanchor": "top", "font": {"size": 22, "color": c.primary},
    }
    if data.subtitle:
        title["subtitle"] = {"text": data.subtitle, "font": {"size": 14, "color": c.muted}}
    # No source line inside the image: the brief prints it under the figure and the deck beside the
    # chart, legibly; in the image it came out at 6 pt in print and said the same words twice.
    annotations: list[dict[str, Any]] = []
    margin = {"l": 28, "r": 28, "t": (96 if data.subtitle else 64) + (TITLE_LINE_PX if wrapped else 0), "b": 40,
              "pad": 0}
    if wrapped:
        # a long title's second line, as a text of its own: the brief's SVG reader sets a title's
        # "<br>" lines on one line ("market,first quarter"); an annotation is placed on the plot's
        # own scale (paper), so its place at the image's left edge, a line under the title, is worked out
        plot_w = WIDTH - margin["l"] - margin["r"]
        plot_h = HEIGHT - margin["t"] - margin["b"]
        # px from the image's top: the annotation's box pads its text, so a line's height less that
        top = (1 - 0.965) * HEIGHT + TITLE_LINE_PX - 6
        annotations.append({"text": f"<b>{second}</b>", "x": -margin["l"] / plot_w, "xref": "paper",
                            "xanchor": "left", "xshift": -3, "y": 1 + (margin["t"] - top) / plot_h, "yref": "paper",
                            "yanchor": "top", "showarrow": False, "font": {"size": 22, "color": c.primary}})
    return {
        "width": WIDTH, "height": HEIGHT, "title": title,
        "font": {"family": font_family(brand), "size": 13, "color": c.text},
        "paper_bgcolor": c.background, "plot_bgcolor": c.background,
        # room above the plot for the title, and the subtitle when there is one: a title alone under
        # 96 px left a band of white between it and the bars (≈25 mm of a brief's figure with the headroom)
        "margin": margin,
        "showlegend": False, "annotations": annotations,
        "xaxis": {"showgrid": False, "zeroline": False, "ticks": "", "showline": True, "linecolor": GRID,
                  "tickfont": {"size": 14, "color": c.text}, "fixedrange": True},
        "yaxis": {"visible": False, "showgrid": False, "zeroline": False, "fixedrange": True},
        "uniformtext": {"minsize": 10, "mode": "hide"},
    }


def value_range(data: ChartData, head: float, also: tuple[float, ...] = ()) -> list[float]:
    """The value axis of bars or lines: from zero (or from below the lowest value, with room for
    its label, when one is negative: a fall cut at zero is drawn as nothing) to ``head`` times the
    highest value (the headroom for the labels above the bars); ``also``: values the axis must
    hold besides the data's (a bullet's target)."""
    values = [v for s in data.series for v in s.values if v is not None] + list(also)
    top = max(values, default=1.0) or 1.0
    low = min(values, default=0.0)
    if low >= 0:
        return [0, top * head]
    span = max(top, 0.0) - low
    return [low - span * (head - 1), top * head if top > 0 else span * (head - 1)]


def _zero_line(data: ChartData, axis: dict[str, Any]) -> None:
    """A line at zero when a value is negative: the bars above and below it start there."""
    if any(v is not None and v < 0 for s in data.series for v in s.values):
        axis.update(zeroline=True, zerolinecolor=GRID, zerolinewidth=1)


def _bars(data: ChartData, brand: Brand, layout: dict[str, Any]) -> list[go.BaseTraceType]:
    c = brand.colors
    top = max((v for s in data.series for v in s.values if v is not None), default=1.0) or 1.0
    traces = []
    single = len(data.series) == 1
    margin = layout["margin"]
    shown, unit = unit_once([list(row) for row in data.labels], WIDTH - margin["l"] - margin["r"], len(data.categories))
    if unit:  # the labels print the numbers alone: the unit once, above the plot's right end; "in"
        # before it, so that no number printed before it (a title's year) reads as a number of that unit
        layout["annotations"].append({
            "text": f"in {unit}", "x": 1, "y": 1, "xref": "paper", "yref": "paper", "xanchor": "right",
            "yanchor": "bottom", "showarrow": False, "font": {"size": 14, "color": c.muted},
        })
    for i, (s, labels) in enumerate(zip(data.series, shown, strict=True)):
        if single:
            # earlier periods in the secondary colour, the latest in the primary: the eye lands on "now";
            # across subjects every named bar is strong and "Other" grey (residual.emphasis)
            shade = {"strong": c.primary, "earlier": c.secondary, "rest": c.muted}
            colours = [shade[role] for role in emphasis(data.categories, data.category_kind)]
        else:
            colours = brand.colors.palette[i % len(brand.colors.palette)]
        traces.append(go.Bar(
            x=data.categories, y=s.values, name=s.name, marker={"color": colours, "line": {"width": 0}},
            text=labels, textposition="outside", cliponaxis=False,
            textfont={"size": 16, "color": c.text}, hoverinfo="skip", width=0.55 if single else None,
        ))
    layout["xaxis"]["type"] = "category"
    layout["bargap"] = 0.35
    if not single:
        layout.update(showlegend=True, barmode="group")
    g = growth(data)
    ends = (data.series[0].values[0], data.series[0].values[-1]) if data.series and data.series[0].values else (None,)
    callout = bool(g and g[0] > 1 and data.note and single and len(data.categories) >= 2 and None not in ends)
    # headroom for the value labels above the bars, and for the growth callout when there is one
    layout["yaxis"]["range"] = value_range(data, 1.32 if callout else 1.16)
    _zero_line(data, layout["yaxis"])
    if callout:
        label = f"{g[0]:.0f}×" if g[0] >= 10 else f"{g[0]:.1f}×"
        layout["annotations"].append({
            # category indices, not names: a year-like name ("2022") would be read as a position
            "x": len(data.categories) - 1.33, "y": data.series[0].values[-1] * 0.93, "xref": "x", "yref": "y",
            "ax": 0, "ay": data.series[0].values[0] + top * 0.42, "axref": "x", "ayref": "y",
            "showarrow": True, "arrowhead": 2, "arrowsize": 1.2, "arrowwidth": 2.2, "arrowcolor": c.accent,
            "standoff": 2, "startstandoff": 14,
            "text": f"<b>{label}</b> since {g[1]}", "font": {"size": 17, "color": c.accent},
            "bgcolor": c.background, "borderpad": 4,
        })
    if data.target is not None and (data.target_unit in (None, data.unit)):
        _target_line(data, brand, layout, horizontal=False)
    return traces


def _line(data: ChartData, brand: Brand, layout: dict[str, Any]) -> list[go.BaseTraceType]:
    c = brand.colors
    traces = []
    for i, (s, labels) in enumerate(zip(data.series, data.labels, strict=True)):
        colour = c.palette[i % len(c.palette)]
        traces.append(go.Scatter(
            x=data.categories, y=s.values, name=s.name, mode="lines+markers+text", text=labels,
            textposition="top center", line={"color": colour, "width": 3}, marker={"size": 9, "color": colour},
            textfont={"size": 14, "color": c.text}, cliponaxis=False, hoverinfo="skip",
        ))
    layout["xaxis"]["type"] = "category"
    layout["yaxis"]["range"] = value_range(data, 1.25)
    _zero_line(data, layout["yaxis"])
    layout["showlegend"] = len(data.series) > 1
    return traces


def _donut(data: ChartData, brand: Brand, layout: dict[str, Any]) -> list[go.BaseTraceType]:
    c = brand.colors
    s = data.series[0]
    colours = [c.palette[i % len(c.palette)] for i in range(len(s.values))]
    if len(s.values) >= 2:
        colours[-1] = _tint(c.muted, 0.7)  # the complement ("the rest") recedes
    labels = data.labels[0]
    names = [f"<b>{lab}</b>  {cat}" for cat, lab in zip(data.categories, labels, strict=True)]
    layout["annotations"].append({
        "text": f"<b>{labels[0]}</b>", "x": 0.2, "y": 0.5, "xref": "paper", "yref": "paper",
        "showarrow": False, "font": {"size": 38, "color": c.primary}, "xanchor": "center",
    })
    layout.update(
        showlegend=True,
        legend={"x": 0.47, "y": 0.5, "yanchor": "middle", "xanchor": "left", "font": {"size": 15},
                "itemclick": False, "tracegroupgap": 12},
    )
    return [go.Pie(
        labels=names, values=s.values, hole=0.64, sort=False, direction="clockwise", rotation=0,
        marker={"colors": colours, "line": {"color": c.background, "width": 2}}, textinfo="none",
        hoverinfo="skip", domain={"x": [0.0, 0.4], "y": [0.02, 0.98]},
    )]


def _stacked(data: ChartData, brand: Brand, layout: dict[str, Any]) -> list[go.BaseTraceType]:
    c = brand.colors
    colours = [c.accent, c.primary, c.secondary, *c.palette]
    traces = []
    for i, (s, labels) in enumerate(zip(data.series, data.labels, strict=True)):
        traces.append(go.Bar(
            y=data.categories, x=s.values, name=s.name, orientation="h",
            marker={"color": colours[i % len(colours)], "line": {"color": c.background, "width": 2}},
            text=[f"<b>{lab}</b><br>{s.name}" for lab in labels], textposition="inside",
            insidetextanchor="middle", textfont={"size": 15, "color": "#FFFFFF"}, hoverinfo="skip",
        ))
    totals = [sum(s.values[j] or 0.0 for s in data.series) for j in range(len(data.categories))]
    layout.update(barmode="stack", bargap=0.3)
    layout["yaxis"] = {"visible": True, "showgrid": False, "zeroline": False, "showline": False, "ticks": "",
                       "tickfont": {"size": 14, "color": c.text}, "automargin": True, "fixedrange": True,
                       "autorange": "reversed", "type": "category",
                       # one bar needs no row label: the title and the segment labels say it
                       "showticklabels": len(data.categories) > 1}
    layout["xaxis"].update(visible=False, range=[0, max(totals or [1]) * 1.18])
    for j, total in enumerate(totals):
        layout["annotations"].append({
            # the category's index, not its name: a year-like name would be read as a position
            "x": total, "y": j, "xref": "x", "yref": "y", "xanchor": "left", "xshift": 8, "showarrow": False,
            "text": f"<b>{format_value(total, data.unit)}</b><br>total", "font": {"size": 15, "color": c.text},
            "align": "left",
        })
    if data.target is not None and data.target_unit not in (None, data.unit):
        # a target in another unit cannot share the axis: show it as a callout below the bars
        layout["margin"]["b"] = 84
        layout["annotations"].append({
            "text": f"<b>{format_value(data.target, data.target_unit or '')}</b>  {data.target_label or 'Target'}",
            "x": 0, "y": 0, "xref": "paper", "yref": "paper", "xanchor": "left", "yanchor": "top", "yshift": -14,
            "showarrow": False, "font": {"size": 18, "color": c.accent}, "bgcolor": _tint(c.accent, 0.88),
            "borderpad": 8, "align": "left",
        })
    elif data.target is not None:
        _target_line(data, brand, layout, horizontal=True)
    return traces


def _target_line(data: ChartData, brand: Brand, layout: dict[str, Any], horizontal: bool) -> None:
    c = brand.colors
    label = f"{data.target_label or 'Target'}: {format_value(data.target or 0, data.unit)}"
    axis = "x" if horizontal else "y"
    line = {"type": "line", "line": {"color": c.accent, "width": 3, "dash": "dash"}}
    if horizontal:
        line.update(x0=data.target, x1=data.target, y0=0, y1=1, xref="x", yref="paper")
        shown = layout["xaxis"]["range"]
        layout["xaxis"]["range"] = [shown[0], max(shown[1], (data.target or 0) * 1.15)]
    else:
        line.update(y0=data.target, y1=data.target, x0=0, x1=1, yref="y", xref="paper")
        shown = layout["yaxis"]["range"]
        layout["yaxis"]["range"] = [shown[0], max(shown[1], (data.target or 0) * 1.2)]
    layout["shapes"] = [*layout.get("shapes", []), line]
    layout["annotations"].append({
        "text": f"<b>{label}</b>", "showarrow": False, "font": {"size": 14, "color": c.accent},
        f"{axis}ref": axis, axis: data.target, ("y" if horizontal else "x"): 1,
        ("yref" if horizontal else "xref"): "paper", "xanchor": "left" if horizontal else "right",
        "yanchor": "bottom", "xshift": 6 if horizontal else 0,
    })


def _bullet(data: ChartData, brand: Brand, layout: dict[str, Any]) -> list[go.BaseTraceType]:
    c = brand.colors
    s = data.series[0]
    layout["xaxis"].update(visible=False, range=value_range(data, 1.15, (data.target or 0,)))
    _zero_line(data, layout["xaxis"])
    layout["yaxis"] = {"visible": True, "showgrid": False, "zeroline": False, "ticks": "", "type": "category",
                       "tickfont": {"size": 14}, "automargin": True, "autorange": "reversed", "fixedrange": True}
    layout["bargap"] = 0.45
    trace = go.Bar(
        y=data.categories, x=s.values, orientation="h", marker={"color": c.primary}, text=data.labels[0],
        textposition="outside", textfont={"size": 16, "color": c.text}, cliponaxis=False, hoverinfo="skip",
    )
    if data.target is not None:
        _target_line(data, brand, layout, horizontal=True)
    return [trace]


BUILDERS = {"bar": _bars, "line": _line, "donut": _donut, "stacked_bar": _stacked, "bullet": _bullet}


def figure(data: ChartData, brand: Brand) -> go.Figure:
    """The branded figure for ``data``; the layout's ``meta`` carries the alt text."""
    layout = _base_layout(data, brand)
    traces = BUILDERS[data.kind](data, brand, layout)
    layout["meta"] = {"alt": data.alt_text, "id": data.id}
    fig = go.Figure(data=traces, layout=layout)
    # fixed uids: plotly derives SVG clip-path ids from them, so the SVG is reproducible
    for i, t in enumerate(fig.data):
        t.uid = f"{data.id}-{i}"
    return fig
