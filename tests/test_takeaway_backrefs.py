"""A takeaway is read alone: a sentence that leaves whose or when to an earlier one ("The group sold ...",
"above that threshold", "in the three months", "up 4% on a year earlier") is no takeaway and no one-line
summary; "The Trust" is named when its document writes one longer name that ends with it; a summary
sentence "A permit costs ..." comes only after the sentence that says which permits
(reportkit.story.backref). Sentences are invented."""

from __future__ import annotations

from pathlib import Path

from reportkit.facts import add_facts
from reportkit.layouts import load_layout
from reportkit.readers import read_text
from reportkit.story.backref import named_subject, points_back
from reportkit.story.stories import build_story
from reportkit.story.takeaways import takeaways

ROOT = Path(__file__).resolve().parent.parent
CONTENT = load_layout(ROOT / "layouts" / "weekly-brief.yaml").content


def test_a_bare_subject_a_demonstrative_or_a_relative_time_points_back() -> None:
    assert points_back("The group sold 8.1 million trays in the three months.", None) == "The group"
    assert points_back("Gas used above that level will cost 1.20 a unit.", None) == "that level"
    assert points_back("Germans, a third of all guests, numbered 51,200, up 4.1% on a year earlier.",
                       None) == "a year earlier"


def test_a_proper_name_after_the_or_an_absolute_time_does_not_point_back() -> None:
    assert points_back("The Port of Varsund handled 2.1 million containers in 2026.", None) is None
    assert points_back("Revenue rose 24% in the first quarter from a year earlier.", None) is None
    assert points_back("Officials said that prices would rise in 2027.", None) is None
    assert points_back("The government's third auction raised 4.2 billion in March.", None) is None


DOC = ("Loan approvals, first quarter 2027\n\nNorthmere Savings Trust · Statistics Unit · 14 April 2027\n\n"
       "The Trust approved 12.4 billion of new loans in the first quarter of 2027, 9.1% more than a year "
       "earlier.\n\nIt approved 2,930 loans.\n")


def test_the_trust_is_named_from_its_documents_one_longer_name() -> None:
    doc = add_facts(read_text(DOC, "t.txt"))
    lead = "The Trust approved 12.4 billion of new loans in the first quarter of 2027, 9.1% more than a year earlier."
    assert points_back(lead, doc) is None
    assert named_subject(lead, doc).startswith("Northmere Savings Trust approved 12.4 billion")
    two = add_facts(read_text(DOC.replace("Statistics Unit", "Ashdown Housing Trust"), "t.txt"))
    assert named_subject(lead, two) == lead  # two trusts: which one is not said
    assert points_back(lead, two) == "The Trust"


FARM = ("Hatchery group's sales climb\n\nBy A Writer\n\nVELDRA, April 19, 2027 (RK Wire) - Ostmark Poultry "
        "Holdings, the biggest producer of day-old chicks in the province, said on Monday its revenue rose 18% in "
        "the first quarter to 1.14 billion crowns, from 966 million crowns in the same quarter of 2026, as cheaper "
        "maize brought feed costs down for the first time in three years.\n\nThe group sold 41.2 million day-old "
        "chicks in the three months, against 36.8 million a year earlier, and its plant in Varnby turned out about "
        "9,600 tonnes of chicken meat.\n\nWater tariffs\n\nHouseholds will pay 750 a cubic metre for the first 20 "
        "cubic metres from 1 July, the Ostmark Water Authority said on Tuesday.\n")


def test_a_one_line_summary_that_points_back_gives_way_to_the_lead() -> None:
    doc = add_facts(read_text(FARM, "f.txt"))
    story = build_story(doc, CONTENT, [])
    assert not story.one_line.startswith("The group")  # was the story's first takeaway
    said = [t.text for t in takeaways([story], [doc], 7)]
    assert said and not any(t.startswith("The group") for t in said)
    assert said[0].startswith("Ostmark Poultry Holdings")


PARKS = ("Park statistics: first quarter 2027\n\nVeldra Parks Office — release, 21 April 2027\n\n"
         "Receipts reached 168 million crowns in the first quarter of 2027, 12.6% more than in the first quarter "
         "of 2026.\n\nArrivals rose to 412,000 from 371,500 a year earlier.\n\nAlmost two-thirds of visitors came "
         "from other countries.\n\nThe office sold 11,240 lake-fishing permits in the quarter, up 9.1% on the "
         "same quarter of 2026. A permit costs 1,500 crowns for foreign visitors, while residents pay 300 crowns. "
         "Permits alone brought in about 16.9 million crowns.\n")


def test_a_summary_sentence_about_a_kind_named_before_needs_that_sentence() -> None:
    doc = add_facts(read_text(PARKS, "p.txt"))
    story = build_story(doc, CONTENT, [])
    for i, s in enumerate(story.summary):
        if s.startswith(("A permit", "Permits alone")):
            assert any("lake-fishing permits" in p for p in story.summary[:i]), story.summary


def test_verify_flags_a_takeaway_that_points_back_or_leaves_the_name_out() -> None:
    from reportkit.story import takeaway_why

    doc = add_facts(read_text(FARM, "f.txt"))
    assert "points back" in takeaway_why("The group sold 41.2 million day-old chicks in the three months, against "
                                         "36.8 million a year earlier, and its plant in Varnby turned out about "
                                         "9,600 tonnes of chicken meat.", doc)
    trust = add_facts(read_text(DOC, "t.txt"))
    assert "Northmere Savings Trust" in takeaway_why("The Trust approved 12.4 billion of new loans in the first "
                                                     "quarter of 2027, 9.1% more than a year earlier.", trust)
    assert takeaway_why("Northmere Savings Trust approved 12.4 billion of new loans in the first quarter of 2027, "
                        "9.1% more than a year earlier.", trust) is None
