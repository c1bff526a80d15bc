"""What the seventh held-out week (tests/data/news_heldout7, written blind) showed in its takeaways and
summaries, beyond test_heldout7.py's kicker (a standfirst of at most five words): a line with no stop,
no figure and no verb, of any length, is a heading or a label, never a summary sentence."""

from __future__ import annotations

from reportkit.facts import add_facts
from reportkit.readers import read_file, read_text
from reportkit.story.summaries import candidates, is_sentence

from conftest import ROOT
from conftest import summary_texts as _summary

WEEK = ROOT / "tests" / "data" / "news_heldout7"


def test_a_subtitle_or_paragraph_that_is_a_label_is_no_sentence() -> None:
    doc = add_facts(read_file(WEEK / "w2_gold_production.docx"))
    assert doc.subtitle == "Quarterly production update"  # still the cover's standfirst for a single source
    assert _summary(doc)[0].startswith("Karrawong Gold Ltd produced 109,650 ounces")
    # longer than a kicker, still no verb and no stop: a report's subtitle ("... : the operator's annual review")
    doc = read_text("# Grid outlook\n\n*Winter adequacy, demand and investment: the operator's annual review*\n\n"
                    "Peak demand reached 58.4 GW last winter, the highest since 2012.\n\nWind supplied 27% of it.",
                    "g.md", ".md")
    assert doc.subtitle and doc.subtitle.startswith("Winter adequacy")
    texts = [s.text for s in candidates(doc)]
    assert texts[0].startswith("Peak demand") and not any("Winter adequacy" in t for t in texts)
    assert candidates(doc)[0].paragraph == 0  # the lead paragraph is the first: position counts from it


def test_a_line_with_a_stop_a_figure_or_a_verb_is_a_sentence() -> None:
    assert not is_sentence("Quarterly production update")
    assert not is_sentence("Winter adequacy, demand and investment: the transmission operator's annual review")
    assert is_sentence("Passenger numbers up 6.8%, load factor up 1.9 points")  # a standfirst with figures
    assert is_sentence("Install figures for the third quarter show the first fall since the pandemic began")
    assert is_sentence("Output rose.")


def test_a_label_paragraph_inside_the_text_is_no_sentence() -> None:
    doc = read_text("# Grid outlook\n\nPeak demand reached 58.4 GW last winter, the highest since 2012.\n\n"
                    "Supply mix and the outlook for new interconnector investment\n\n"
                    "Installed wind capacity grew by 3.2 GW to 31 GW.", "h.md", ".md")
    assert "Supply mix" in doc.body_text()  # the reader keeps it as a paragraph
    assert not any(s.text.startswith("Supply mix") for s in candidates(doc))


def test_a_movement_named_by_the_points_back() -> None:
    from reportkit.story.summaries import stands_alone
    # "Copper imports reached a record ... The surge has drained stocks elsewhere.": which surge
    assert not stands_alone("The surge has drained stocks elsewhere.")
    assert not stands_alone("The jump took the index to a record.")
    assert stands_alone("Copper imports surged to a record 182,000 tonnes in October.")


def test_what_someone_had_expected_is_read_against_the_sentence_before() -> None:
    from reportkit.story.summaries import stands_alone
    # heldout week 1's takeaway "Economists polled by Reuters had expected a fall of 0.2%." (a fall of what?)
    assert not stands_alone("Economists polled by Reuters had expected a fall of 0.2%.")
    assert not stands_alone("The operator had forecast a peak of 28.9 GW.")
    assert stands_alone("Deliveries of 495,570 cars were a record but fell short of the 506,764 units analysts had expected.")
