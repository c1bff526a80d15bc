"""Charts on slides: native, editable PowerPoint charts built from the same
:class:`~reportkit.model.ChartData` as the PDF's Plotly image, or that image.

Native charts use brand colours, the brand font and data labels in the reader's
number format ($86.4M, 72%, 30,000); every chart and picture carries alt text in
its ``cNvPr/@descr`` (from ``ChartData.alt_text``).
"""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_TICK_LABEL_POSITION
from pptx.oxml.ns import qn
from pptx.util import Pt

from ...charts import emphasis
from ...model import ChartData, RenderedChart
from .datalabels import hide_points, plan_labels
from .template import Box
from .theme import ThemeColor, apply_color
from .text import clean_text, one_line

CHART_TYPES = {
    "bar": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "donut": XL_CHART_TYPE.DOUGHNUT,
    "stacked_bar": XL_CHART_TYPE.BAR_STACKED,
    "bullet": XL_CHART_TYPE.BAR_CLUSTERED,
}
LABEL_PT = 14
AXIS_PT = 14


def rgb(hexcol: str) -> RGBColor:
    return RGBColor.from_string(hexcol.lstrip("#").upper())


def set_descr(shape, text: str) -> None:
    """Alt text: the ``descr`` attribute of the shape's non-visual properties."""
    shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", one_line(text))


def number_format(cd: ChartData) -> str:
    """The Excel number format for the chart's labels (from the chart module when it set one)."""
    fmt = getattr(cd, "number_format", None)
    if fmt and fmt != "General":
        return fmt
    from ...charts import excel_format

    return excel_format(cd.unit, [v for s in cd.series for v in s.values])


def describe(cd: ChartData) -> str:
    """Alt text for ``cd``: its own, else one generated from the data."""
    if cd.alt_text:
        return cd.alt_text
    from ...charts import alt_text

    return alt_text(cd)


def _chart_data(cd: ChartData, fmt: str):
    # here, not at the top: it imports XlsxWriter (≈50 ms), which a deck whose chart
    # slides are all replayed from the memo never needs
    from pptx.chart.data import CategoryChartData

    data = CategoryChartData(number_format=fmt)
    data.categories = [one_line(c) or " " for c in cd.categories]
    for s in cd.series:
        values = list(s.values) + [None] * (len(cd.categories) - len(s.values))
        data.add_series(one_line(s.name) or " ", values[: len(cd.categories)], number_format=fmt)
    return data


def _style_text(font, family: str | None, size: float, color, bold: bool = False) -> None:
    font.name = family  # None: the theme's font (a template's deck)
    font.size = Pt(size)
    font.bold = bold
    apply_color(font.color, color)


def _hide_gridlines(axis) -> None:
    axis.has_major_gridlines = False
    axis.has_minor_gridlines = False


def _labels(plot, fmt: str, family: str, color: str, position=None, size: float = LABEL_PT) -> None:
    plot.has_data_labels = True
    dl = plot.data_labels
    dl.number_format = fmt
    dl.number_format_is_linked = False
    dl.show_value = True
    dl.show_category_name = False
    dl.show_series_name = False
    if position is not None:
        dl.position = position
    _style_text(dl.font, family, size, color, bold=True)


def add_native_chart(slide, cd: ChartData, box: Box, brand, colors=None, family: str | None = "",
                     fonts=None) -> object:
    """A native chart for ``cd`` filling ``box``; returns the graphic-frame shape.

    ``colors`` (a :class:`~.theme.Palette`) and ``family`` default to the brand's;
    a template's deck passes theme colour references and no family, so series use
    the theme's accents and a theme change in PowerPoint recolours the chart. ``fonts``
    (:class:`~.text.Fonts`, the deck's measuring fonts) makes the data labels fit their
    slots (:mod:`.datalabels`); without them the labels are drawn as they are."""
    colors = colors or brand.colors
    family = brand.fonts.family if family == "" else family
    themed = getattr(colors, "is_theme", False)
    white = colors.white if themed else "#FFFFFF"
    axis_line = colors.rule if themed else "#C8CED6"
    grid = colors.panel if themed else "#E3E7EC"
    fmt = number_format(cd)
    kind = cd.kind if cd.kind in CHART_TYPES else "bar"
    frame = slide.shapes.add_chart(CHART_TYPES[kind], box.left, box.top, box.width, box.height, _chart_data(cd, fmt))
    frame.name = f"Chart {cd.id}"
    chart = frame.chart
    chart.font.name = family
    chart.font.size = Pt(AXIS_PT)
    apply_color(chart.font.color, colors.text)
    chart.has_title = False  # the slide title names the chart; a second title wastes space
    palette = list(colors.palette)
    plot = chart.plots[0]
    if kind == "donut":
        _donut(chart, plot, cd, palette, fmt, family, colors, white)
    else:
        multi = len(cd.series) > 1
        for i, series in enumerate(plot.series):
            fill = series.format.fill if kind != "line" else None
            color = palette[i % len(palette)]
            if kind == "line":
                apply_color(series.format.line.color, color)
                series.format.line.width = Pt(3)
                series.smooth = False
                series.marker.format.fill.solid()
                apply_color(series.marker.format.fill.fore_color, color)
            else:
                fill.solid()
                apply_color(fill.fore_color, color)
        if kind == "bar" and not multi and len(cd.categories) >= 2:
            _latest_stands_out(plot.series[0], emphasis(cd.categories, cd.category_kind), colors, themed)
        if kind in ("bar", "bullet", "stacked_bar"):
            plot.gap_width = 60 if kind != "stacked_bar" else 45
        if kind == "stacked_bar":
            plot.overlap = 100
            _labels(plot, fmt, family, white, XL_LABEL_POSITION.CENTER)
        else:
            plan = plan_labels(cd, kind, fmt, box.width, fonts)
            fmt = plan.fmt
            where = XL_LABEL_POSITION.ABOVE if kind == "line" else XL_LABEL_POSITION.OUTSIDE_END
            _labels(plot, fmt, family, colors.text, where, plan.size_pt)
            hide_points(plot, plan.hidden)
            if plan.axis_unit:  # the unit the labels no longer carry, said once, in the labels' own words
                _axis_title(chart.value_axis, plan.axis_unit, family, colors.muted)
        cat, val = chart.category_axis, chart.value_axis
        _hide_gridlines(cat)
        apply_color(cat.format.line.color, axis_line)
        cat.tick_labels.font.size = Pt(AXIS_PT)
        apply_color(cat.tick_labels.font.color, colors.text)
        val.has_major_gridlines = kind == "line"
        if kind == "line":
            apply_color(val.major_gridlines.format.line.color, grid)
            val.tick_labels.number_format = fmt
            val.tick_labels.number_format_is_linked = False
            val.tick_labels.font.size = Pt(12)
            apply_color(val.tick_labels.font.color, colors.muted)
        else:
            # Data labels carry every number; an axis would only repeat them.
            val.tick_label_position = XL_TICK_LABEL_POSITION.NONE
            val.format.line.fill.background()
            # from zero, unless a value is negative: the viewer's own scale then draws its bar below zero
            negative = any(v is not None and v < 0 for s in cd.series for v in s.values)
            val.minimum_scale = None if negative else 0
            if negative:  # the names below the lowest bar, not across a bar drawn down from zero
                cat.tick_label_position = XL_TICK_LABEL_POSITION.LOW
        chart.has_legend = multi
        if multi:
            chart.legend.position = XL_LEGEND_POSITION.BOTTOM
            chart.legend.include_in_layout = False
            _style_text(chart.legend.font, family, AXIS_PT, colors.text)
    set_descr(frame, describe(cd))
    return frame


def _axis_title(axis, text: str, family: str | None, color) -> None:
    axis.has_title = True
    frame = axis.axis_title.text_frame
    frame.text = one_line(text)
    for para in frame.paragraphs:
        for run in para.runs:
            _style_text(run.font, family, AXIS_PT, color)


def _latest_stands_out(series, roles: list[str], colors, themed: bool) -> None:
    """One series of bars as the brief draws it (:func:`reportkit.charts.residual.emphasis`): the
    earlier bars lighter, the last one in the primary colour, so the eye lands on "now" (the deck's
    bars were all one colour beside the brief's two); across subjects a residual "Other" grey.
    A template's deck lightens its own first accent: no colour of ours enters its theme."""
    earlier = ThemeColor(colors.primary.slot, 0.4) if themed else colors.secondary
    shade = {"strong": colors.primary, "earlier": earlier, "rest": colors.muted}
    for j, role in enumerate(roles):
        fill = series.points[j].format.fill
        fill.solid()
        apply_color(fill.fore_color, shade[role])


def _donut(chart, plot, cd: ChartData, palette: list, fmt: str, family: str | None, colors, white="#FFFFFF") -> None:
    series = plot.series[0]
    for j in range(len(cd.categories)):
        point = series.points[j]
        point.format.fill.solid()
        # the first slice is the story (e.g. imported gas): the strongest colour; the rest muted
        apply_color(point.format.fill.fore_color, palette[j % len(palette)])
        apply_color(point.format.line.color, white)
    # white labels on every slice (palette colours are all dark enough); per-point
    # labels would need their own show-value flags, which python-pptx does not expose
    _labels(plot, fmt, family, white, None)
    plot.data_labels.font.size = Pt(LABEL_PT + 4)
    hole = plot._element.find(qn("c:holeSize"))
    if hole is not None:
        hole.set("val", "55")
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.RIGHT
    chart.legend.include_in_layout = False
    _style_text(chart.legend.font, family, 16, colors.text)


def add_chart_image(slide, cd: ChartData, rendered: RenderedChart, box: Box) -> object:
    """The kaleido PNG of ``cd``, as large as fits in ``box`` at its aspect ratio, centred."""
    ratio = rendered.width_px / rendered.height_px if rendered.height_px else 16 / 9
    width, height = box.width, int(box.width / ratio)
    if height > box.height:
        height, width = box.height, int(box.height * ratio)
    left, top = box.left + (box.width - width) // 2, box.top + (box.height - height) // 2
    pic = slide.shapes.add_picture(str(rendered.png), left, top, width, height)
    pic.name = f"Chart {cd.id}"
    set_descr(pic, describe(cd))
    return pic


def chart_notes(cd: ChartData) -> str:
    """Speaker notes for a chart slide: what it shows, the data, where it came from."""
    from ...charts import source_line

    lines = [clean_text(x) for x in (cd.title, cd.subtitle, cd.caption, cd.note) if x]
    lines.append(describe(cd))
    src = source_line(cd)
    if src:
        lines.append(src)
    return "\n\n".join(lines)
