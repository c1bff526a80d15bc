"""A native chart's data labels never wider than their slot: measured in the saved deck's XML
with the deck's font metrics (six labels like "410,000 litres" covered each other's digits)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Inches

from reportkit.charts import excel_format
from reportkit.layouts.load import load_layout
from reportkit.model import ChartData, Series
from reportkit.numbers import format_value
from reportkit.render.pptx.charts import add_native_chart
from reportkit.render.pptx.datalabels import FLOOR_PT, PAD_PT, pitch_pt, unit_of, without_unit
from reportkit.render.pptx.template import Box
from reportkit.render.pptx.text import Fonts

ROOT = Path(__file__).resolve().parent.parent
VOLUMES = [4_950_000, 410_000, 380_000, 290_000, 330_000, 440_000]
MARKETS = ["Germany", "France", "Italy", "Spain", "Poland", "Netherlands"]


@pytest.fixture(scope="module")
def layout():
    return load_layout(ROOT / "layouts" / "briefing-deck.yaml")


def chart_data(categories, values, unit, kind="bar") -> ChartData:
    cd = ChartData(id="c", kind=kind, title="Volume by market", categories=categories,
                   series=[Series(name="Volume", values=values)], unit=unit)
    cd.labels = [[format_value(v, unit) for v in values]]
    cd.number_format = excel_format(unit, values)
    return cd


def saved_chart(tmp_path, layout, cd, width_in=8.3):
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = Box(int(Inches(0.5)), int(Inches(1.2)), int(Inches(width_in)), int(Inches(5.5)))
    add_native_chart(slide, cd, box, layout.brand, fonts=Fonts.from_paths(layout.font_paths))
    out = tmp_path / "deck.pptx"
    prs.save(str(out))
    frame = next(sh for sh in Presentation(str(out)).slides[0].shapes if sh.has_chart)
    return frame


def label_boxes(frame, cd, layout):
    """(position, width) of each drawn label, as the saved XML sets them: its number format (unit
    or not), its size, and the labels it deletes."""
    plot = frame.chart.plots[0]
    dls = plot._element.find(qn("c:dLbls"))
    code = dls.find(qn("c:numFmt")).get("formatCode")
    size = dls.find(qn("c:txPr")).find(".//" + qn("a:defRPr")).get("sz")
    size_pt = int(size) / 100
    deleted = set()
    own = plot.series[0]._element.find(qn("c:dLbls"))
    if own is not None:
        deleted = {int(d.find(qn("c:idx")).get("val")) for d in own.findall(qn("c:dLbl"))
                   if d.find(qn("c:delete")) is not None}
    unit = unit_of(cd.number_format)
    bold = Fonts.from_paths(layout.font_paths).style(bold=True)
    boxes = []
    for j, text in enumerate(cd.labels[0]):
        if j in deleted:
            continue
        if unit and unit not in code:
            text = text.removesuffix(" " + unit)
        boxes.append((j, bold.width(text, size_pt)))
    return boxes, code, size_pt, deleted


def overlapping(boxes, pitch):
    return [(a, b) for (a, wa), (b, wb) in zip(boxes, boxes[1:]) if (b - a) * pitch < (wa + wb) / 2 + PAD_PT / 2]


def test_six_markets_in_litres_say_the_unit_once_and_never_overlap(tmp_path, layout):
    cd = chart_data(MARKETS, VOLUMES, "litres")
    assert unit_of(cd.number_format) == "litres"
    frame = saved_chart(tmp_path, layout, cd)
    boxes, code, size, deleted = label_boxes(frame, cd, layout)
    pitch = pitch_pt(cd, "bar", frame.width)
    assert not deleted and len(boxes) == 6  # every number printed
    assert all(w <= pitch for _, w in boxes), (boxes, pitch)
    assert not overlapping(boxes, pitch)
    assert "litres" not in code and '"M"' in code  # 4.95M, 410,000: the scale letter stays
    axis = frame.chart.value_axis
    assert axis.has_title and axis.axis_title.text_frame.text == "litres"  # the source's unit word, once


def test_labels_that_fit_are_drawn_as_before(tmp_path, layout):
    cd = chart_data(["2024", "2025", "2026"], [410_000, 380_000, 290_000], "litres")
    frame = saved_chart(tmp_path, layout, cd)
    _, code, size, deleted = label_boxes(frame, cd, layout)
    assert "litres" in code and size == 14 and not deleted
    assert not frame.chart.value_axis.has_title


def test_too_many_bars_keep_whole_labels_on_some_bars_only(tmp_path, layout):
    values = [1_234_567 + 98_765 * k for k in range(24)]
    cd = chart_data([f"Market {k}" for k in range(24)], values, "litres")
    frame = saved_chart(tmp_path, layout, cd, width_in=6)
    boxes, code, size, deleted = label_boxes(frame, cd, layout)
    pitch = pitch_pt(cd, "bar", frame.width)
    assert size == FLOOR_PT and deleted and boxes  # smaller first, then fewer, never below the floor
    assert not overlapping(boxes, pitch)
    assert max(values) == values[23] and 23 not in deleted  # the largest value keeps its label


def test_without_unit_keeps_currency_and_percent():
    assert without_unit('"$"#,##0.0,,"M"') == '"$"#,##0.0,,"M"'
    assert without_unit('0.0"%"') == '0.0"%"'
    assert without_unit('[>=1000000]#,##0.00,,"M litres";#,##0" litres"') == '[>=1000000]#,##0.00,,"M";#,##0'
    assert unit_of('#,##0" GHS/tonne"') == "GHS/tonne"
