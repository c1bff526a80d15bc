"""A takeaway that tells a day relative to its source's ("today reported") is printed away from the
source's header, in a weekly brief read on another day: it is said under the date its dateline writes
("12 March 2027: ... today reported ..."), words of the source only (reportkit.story.takeaways.on_its_day).
Sentences are invented."""

from __future__ import annotations

from pathlib import Path

from reportkit.facts import add_facts
from reportkit.layouts import load_layout
from reportkit.readers import read_text
from reportkit.story.stories import build_story
from reportkit.story.takeaways import on_its_day, takeaways

ROOT = Path(__file__).resolve().parent.parent
CONTENT = load_layout(ROOT / "layouts" / "weekly-brief.yaml").content

RELEASE = ("---\ntitle: Harbour Tea reports record 2026 sales\n---\n\n"
           "# Harbour Tea reports record 2026 sales\n\nHarbour Tea PLC, Sri Lanka's largest exporter of black tea, today reported "
           "net sales of LKR 84.2 billion for 2026, up 12% on 2025, as buyers in Iraq and Turkey bought more.\n\n"
           "The company shipped 41,300 tonnes of tea during the year, against 39,800 tonnes in 2025.\n")


def test_a_point_that_says_today_is_said_under_its_pages_date() -> None:
    doc = add_facts(read_text(RELEASE, "r.md", ".md"))
    doc.date = "2027-03-10"  # a saved page's metadata date; it has no dateline
    story = build_story(doc, CONTENT, [])
    points = [t.text for t in takeaways([story], [doc], 8)]
    assert points[0].startswith("10 March 2027: Harbour Tea PLC, Sri Lanka's largest exporter of black tea, today")
    assert not any(p.startswith("Harbour Tea PLC") for p in points)


def test_a_capitalised_dateline_date_is_printed_in_words_case() -> None:
    doc = add_facts(read_text("Harbour Tea ships more\n\nHarbour Tea said yesterday it shipped 41,300 tonnes in 2026.",
                              "t.txt"))
    doc.dateline, doc.date = "COLOMBO, Sri Lanka, MARCH 8, 2027", "2027-03-09"  # the dateline's date first
    assert on_its_day("Harbour Tea said yesterday it shipped 41,300 tonnes in 2026.", doc) == \
        "March 8, 2027: Harbour Tea said yesterday it shipped 41,300 tonnes in 2026."


def test_a_point_without_a_relative_day_or_a_dated_dateline_is_unchanged() -> None:
    doc = add_facts(read_text(RELEASE, "r.md", ".md"))
    text = "The company shipped 41,300 tonnes of tea during the year, against 39,800 tonnes in 2025."
    assert on_its_day(text, doc) == text
    quoted = "“We are shipping more today than ever,” said the chairman, as exports rose 12% in 2026."
    assert on_its_day(quoted, doc) == quoted  # the speaker's today, inside the quotation
    undated = add_facts(read_text("Tea exports\n\nHarbour Tea today reported sales of LKR 84.2 billion for 2026.",
                                  "u.txt"))
    assert on_its_day("Harbour Tea today reported sales of LKR 84.2 billion for 2026.", undated).startswith("Harbour")


PAGE = ("<html><head><title>Harbour Tea reports record 2026 sales</title>"
        '<meta name="date" content="2027-03-10"></head><body><article><h1>Harbour Tea reports record 2026 sales</h1>'
        "<p>Harbour Tea PLC, Sri Lanka's largest exporter of black tea, today reported net sales of LKR 84.2 billion "
        "for 2026, up 12% on 2025, as buyers in Iraq and Turkey bought more.</p><p>The company shipped 41,300 tonnes "
        "of tea during the year, against 39,800 tonnes in 2025, and employed 2,100 people at its estates.</p>"
        "</article></body></html>")


def test_verify_reads_a_point_under_its_pages_date_as_the_sources_words(tmp_path_factory) -> None:
    from conftest import source_index

    from reportkit.verify.labels import label_problems

    index = source_index(tmp_path_factory, "tea.html", PAGE)
    assert index.docs[0].date and not index.docs[0].dateline
    said = ("01\n10 March 2027: Harbour Tea PLC, Sri Lanka's largest exporter of black tea, today reported net sales "
            "of LKR 84.2 billion for 2026, up 12% on 2025, as buyers in Iraq and Turkey bought more.\n[S1]\n")
    assert label_problems([("page 1", said)], index) == []
    other = said.replace("10 March 2027", "11 April 2027")
    assert label_problems([("page 1", other)], index) != []  # a date the page does not carry
