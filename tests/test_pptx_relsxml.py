"""A part's ``.rels`` written by render/pptx/relsxml.py is the bytes python-pptx writes, for the
default template, real third-party templates, pictures, charts and hyperlinks whose addresses
need escaping; the package's members are those of a real save."""

from __future__ import annotations

import io
import zipfile

import pptx
import pytest
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

from reportkit.render.pptx import relsxml, typesxml
from reportkit.render.pptx.determinism import package_entries
from fixtures.pptx_report import seed_report
from reportkit.layouts.load import load_layout
from reportkit.render.pptx.render import render_pptx
from test_templates import DATA, deck_layout

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d6c90f0000000049454e44ae426082")
LINKS = ["https://example.org/a?b=1&c=<2>&d=\"e\"", "https://exemple.fr/été/ünïcode", "mailto:x@example.com"]


def _deck(template: str | None):
    prs = pptx.Presentation(str(DATA / template) if template else None)
    layout = prs.slide_layouts[min(5, len(prs.slide_layouts) - 1)]
    for i, link in enumerate(LINKS):
        slide = prs.slides.add_slide(layout)
        slide.shapes.add_picture(io.BytesIO(PNG), Inches(1), Inches(1))
        box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(4), Inches(1))
        run = box.text_frame.paragraphs[0].add_run()
        run.text = f"link {i}"
        run.hyperlink.address = link
        if i == 0:
            data = CategoryChartData()
            data.categories = ["a", "b"]
            data.add_series("s", (1, 2))
            slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(3), Inches(4), Inches(3), data)
    return prs


@pytest.mark.parametrize("template", [None, "coreoz-4x3-fr.pptx", "automizer-two-masters-de.pptx",
                                      "automizer-additional-master-de.pptx"])
def test_every_rels_is_the_bytes_python_pptx_writes(template):
    prs = _deck(template)
    package = prs.part.package
    checked = 0
    for rels in [package._rels, *(p._rels for p in package.iter_parts() if p._rels)]:
        assert relsxml.rels_xml(rels) == rels.xml
        checked += 1
    assert checked > 10
    kinds = {rel.reltype.rsplit("/", 1)[-1] for p in package.iter_parts() for rel in p._rels.values()}
    assert {"hyperlink", "image", "chart", "slideLayout", "slideMaster"} <= kinds


def test_package_members_are_those_of_a_real_save():
    prs = _deck(None)
    buf = io.BytesIO()
    prs.save(buf)
    with zipfile.ZipFile(buf) as zf:
        saved = {i.filename: zf.read(i) for i in zf.infolist()}
    assert package_entries(prs) == saved


def test_a_relationship_without_one_lets_python_pptx_write_an_empty_rels():
    prs = pptx.Presentation()
    part = prs.slides.add_slide(prs.slide_layouts[6]).part
    rels = part._rels
    for rid in list(rels.keys()):
        rels.pop(rid)
    assert relsxml.rels_xml(rels) == rels.xml


def test_an_address_it_is_not_sure_to_escape_is_left_to_python_pptx(monkeypatch):
    prs = _deck(None)
    rels = next(p._rels for p in prs.part.package.iter_parts() if p._rels and any(r.is_external for r in p._rels.values()))
    calls = []
    monkeypatch.setattr(type(rels), "xml", property(lambda self: calls.append(1) or b"python-pptx's"))
    rel = next(r for r in rels.values() if r.is_external)
    monkeypatch.setattr(rel, "_target", "https://example.org/\x0bbad")  # a vertical tab: lxml refuses it
    rel.__dict__.pop("target_ref", None)
    assert relsxml.rels_xml(rels) == b"python-pptx's" and calls == [1]


@pytest.mark.parametrize("template", [None, "poi-gold-bar-4x3.potx"])
def test_a_deck_reportkit_builds_writes_every_rels_as_python_pptx(tmp_path, monkeypatch, template):
    from conftest import LAYOUTS

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763942400")
    real, seen = relsxml.rels_xml, []

    def compared(rels):
        seen.append(real(rels) == rels.xml)
        return real(rels)

    real_types, types_seen = typesxml.types_xml, []

    def types_compared(parts):
        types_seen.append(real_types(parts) == _pptx_types(parts))
        return real_types(parts)

    monkeypatch.setattr(relsxml, "rels_xml", compared)
    monkeypatch.setattr(typesxml, "types_xml", types_compared)
    layout = load_layout(deck_layout(tmp_path, template) if template else LAYOUTS / "briefing-deck.yaml")
    render_pptx(seed_report(), layout, {}, tmp_path / "deck.pptx", warn=lambda _m: None)
    assert len(seen) > 20 and all(seen)
    assert types_seen == [True]


def _pptx_types(parts) -> bytes:
    from pptx.opc.oxml import serialize_part_xml
    from pptx.opc.serialized import _ContentTypesItem

    return serialize_part_xml(_ContentTypesItem.xml_for(parts))


@pytest.mark.parametrize("template", [None, "coreoz-4x3-fr.pptx", "automizer-two-masters-de.pptx",
                                      "automizer-additional-master-de.pptx"])
def test_the_content_types_are_the_bytes_python_pptx_writes(template):
    prs = _deck(template)
    parts = tuple(prs.part.package.iter_parts())
    ours = typesxml.types_xml(parts)
    assert ours == _pptx_types(parts)
    assert b"<Override PartName=\"/ppt/charts/" in ours and b"<Default Extension=\"png\"" in ours


def test_a_part_name_it_is_not_sure_to_escape_is_left_to_python_pptx(monkeypatch):
    prs = _deck(None)
    parts = tuple(prs.part.package.iter_parts())
    part = parts[-1]
    monkeypatch.setattr(part, "_partname", pptx.opc.packuri.PackURI("/ppt/odd\x0bname.xml"))
    from pptx.opc import serialized

    calls = []
    real = serialized._ContentTypesItem.xml_for
    monkeypatch.setattr(serialized._ContentTypesItem, "xml_for", classmethod(lambda cls, p: calls.append(1) or real(p)))
    with pytest.raises(ValueError):  # lxml refuses the control character: python-pptx's own error, not bytes of ours
        typesxml.types_xml(parts)
    assert calls == [1]
