"""A story's kicker says who published it and when (render/pdf/entries.kicker_meta)."""

from __future__ import annotations

from reportkit.model import Document
from reportkit.render.pdf.entries import kicker_meta


def test_a_dateline_with_its_date_follows_the_outlet_and_author() -> None:
    doc = Document(source="a.txt", title="T", dateline="Nairobi, Feb 22, 2027", date="2027-02-22", site="RK Wire",
                   author="Wanjiru Abernethy-Otieno")
    # was only the dateline: "SOURCE S1 · LUSAKA, APRIL 19, 2027" left out the wire and the byline (week 24)
    assert kicker_meta(doc) == ["RK Wire", "Wanjiru Abernethy-Otieno", "Nairobi, Feb 22, 2027"]


def test_a_web_page_s_dateline_without_a_date_gets_the_page_s_site_and_date() -> None:
    doc = Document(source="p.html", title="T", dateline="Fès", date="2027-03-02T08:40:00+01:00", site="saiss.example")
    assert kicker_meta(doc) == ["saiss.example", "Fès", "2 March 2027"]  # was only "FÈS": no publisher, no date


def test_the_kicker_says_each_name_once() -> None:
    wire = Document(source="a.txt", title="T", dateline="PERTH, Dec 22, 2026", author="RK Wire", site="RK Wire")
    assert kicker_meta(wire) == ["RK Wire", "PERTH, Dec 22, 2026"]
    body = Document(source="a.docx", title="T", author="Jamaica Homeowners' Trust",
                    dateline="Jamaica Homeowners' Trust · Statistics Unit · Kingston, 14 April 2027")
    assert kicker_meta(body) == [body.dateline]


def test_the_sources_row_says_each_name_once() -> None:
    from reportkit.render.pdf.entries import said_once

    assert said_once(["RK Wire", "RK Wire", "PERTH, Dec 22, 2026"]) == ["RK Wire", "PERTH, Dec 22, 2026"]
    # a file's authors beside the byline that names them both (was "M. OKAFOR; L. BRANDT · M. OKAFOR AND ...")
    byline = "M. Okafor and L. Brandt, Institute for Island Energy Systems"
    assert said_once(["M. Okafor; L. Brandt", byline]) == [byline]
    assert said_once(["Ann Lee; Bo Chen", "Ann Lee, Paris"]) == ["Ann Lee; Bo Chen", "Ann Lee, Paris"]
    assert kicker_meta(Document(source="p.html", title="T", date="2027-13-02")) == []  # no such month: left out


def test_a_kicker_s_date_in_capitals_is_no_figure_for_verify() -> None:
    """"SNOWLINE JOURNAL · 19 JANUARY 2027": week 11's brief failed verify on its "19"."""
    from reportkit.facts import extract_facts
    from reportkit.verify.sources import _SKIP

    line = "SOURCE S2 · SNOWLINE JOURNAL · 19 JANUARY 2027"
    assert any(m.group(0) == "19 JANUARY" for m in _SKIP.finditer(line))
    assert extract_facts(line, "output") == []  # was "19", a count
    assert [f.text for f in extract_facts("Sales rose 19% in JANUARY.", "output")] == ["19%"]
