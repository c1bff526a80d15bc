"""A document's own address is shown beside it in the Sources, whichever reader found it: an HTML page's
og:url is the document's ``url``, a Markdown file's front matter ``url`` a reference labelled "source".
Week 18's brief listed the Markdown article's own address under "References" (a second time: its
"Read more" links to it) while the HTML article's sat in its Source documents row; the deck's Sources
slide did the same. Links an article cites stay under References."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pdfplumber
from pptx import Presentation

from pdf_fixtures import document_a, document_b, make_report
from reportkit.layouts.load import load_layout
from reportkit.model import Reference
from reportkit.render.pdf.render import render_pdf
from reportkit.render.pptx.render import render_pptx
from reportkit.urls import own_url

ROOT = Path(__file__).resolve().parent.parent
MD_OWN = "https://drina.example/notes/raspberries"
HTML_OWN = "https://ravi.example/sport/tickets"
CITED = "https://stats.example/table-7"


def _report():
    md = dataclasses.replace(document_a(), references=[Reference("source", MD_OWN), Reference("table", CITED)])
    html = dataclasses.replace(document_b(), url=HTML_OWN, references=[])
    return make_report([md, html])


def test_own_url_is_the_pages_url_or_a_reference_labelled_source() -> None:
    report = _report()
    assert [own_url(d) for d in report.documents] == [MD_OWN, HTML_OWN]
    lone = dataclasses.replace(document_a(), references=[Reference("1", CITED)])
    assert own_url(lone) is None  # a lone cited link is not taken for the article's address


def test_the_brief_shows_each_own_address_in_its_row_and_only_cited_links_as_references(tmp_path) -> None:
    out = tmp_path / "brief.pdf"
    render_pdf(_report(), load_layout(ROOT / "layouts" / "weekly-brief.yaml"), {}, out, use_cache=False)
    with pdfplumber.open(out) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    sources = text[text.rindex("Sources"):]
    refs, docs = sources.split("Source documents")
    assert "stats.example" in refs and "drina.example" not in refs
    assert "drina.example" in docs and "ravi.example" in docs


def test_the_deck_shows_each_own_address_beside_its_document(tmp_path) -> None:
    out = tmp_path / "deck.pptx"
    render_pptx(_report(), load_layout(ROOT / "layouts" / "briefing-deck.yaml"), {}, out, warn=lambda _m: None)
    slide = [s for s in Presentation(out).slides
             if any(sh.has_text_frame and sh.text_frame.text.strip() == "Sources" for sh in s.shapes)][-1]
    texts = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
    docs = next(t for t in texts if "S1" in t and "S2" in t)
    assert "drina.example" in docs and "ravi.example" in docs
    assert not any("drina.example" in t for t in texts if t != docs)
