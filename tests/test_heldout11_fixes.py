"""Week 11 (news_heldout11) first contact: two wrong key-figure labels, each fixed by a general rule.

- a figure "in the first half of fiscal 2027" was dated as the whole fiscal year ("fiscal 2027");
- a season's bill "last season, which ended in April" was dated April (the month the season ended),
  and "its power bill for snowmaking" after "X says" gave no measure.
The week's garbled speaker ("— Dálaigh-Webb") is tested in test_attribution_particles.py."""

from __future__ import annotations

from reportkit.facts import extract_facts
from reportkit.model import Fact
from reportkit.story.periodwords import period_words, words

# invented (CC0)
WINE = ("Cheese exports from Talvara rose 4.1% by value to €2.35bn in the first half of fiscal 2026, the six "
        "months to 31 December. Butter exports reached €0.9bn in fiscal 2025.")
SKI = "Holmberg's operator says its power bill for snowmaking rose to €3.2m last season, which ended in April."


def _fact(text: str, figure: str) -> Fact:
    return next(f for f in extract_facts(text, "x.txt", date="2027-01-20") if f.text == figure)


def test_half_of_a_fiscal_year_is_not_the_fiscal_year():
    f = _fact(WINE, "€2.35bn")
    assert f.period != "FY2026" and f.year is None
    said = period_words(f, words(f.sentence))
    assert "fiscal 2026" not in said and "FY2026" not in said
    assert said in ([], ["first half of fiscal 2026"])
    # a whole fiscal year stays one
    assert _fact(WINE, "€0.9bn").period == "FY2025"


def test_month_a_season_ended_does_not_date_its_figure():
    f = _fact(SKI, "€3.2m")
    assert f.period is None or not f.period.endswith("-04")
    assert f.measure == "power bill for snowmaking"


def test_for_phrase_stays_in_the_measure_or_falls_back():
    assert _fact("Demand for cement fell 9% in 2026.", "9%").measure.lower() == "demand for cement"
    # the longer phrase names no measure ("on match days"): the phrase before it, never the last noun
    assert _fact("Spending per visitor on match days rose to €41.20.", "€41.20").measure.lower() == "spending per visitor"


def test_sentence_pointing_at_a_table_is_no_summary_sentence():
    from reportkit.story.summaries import candidates_of
    texts = [s.text for s in candidates_of([(0, "Museums in Talvara counted 4.2 million visits in 2026, 5% more than "
                                                "in 2025. The table below gives visits by region. As the chart above "
                                                "shows, the rise came late in the year.")])]
    assert texts == ["Museums in Talvara counted 4.2 million visits in 2026, 5% more than in 2025."]


def test_key_points_with_data_rows_do_not_lead_the_story():
    from reportkit.readers import read_text
    from reportkit.story.stories import build_story
    from reportkit.story.takeaways import story_points
    from test_labels_period import CONTENT
    text = ("# Talvara museum statistics 2026\n\nTALVARA, Jan 20, 2027 - Museums in Talvara counted 4.2 million visits "
            "in 2026, 5% more than in 2025, the county's museum service said on Wednesday. School visits rose 9%.\n\n"
            "## Key points\n\n- Members: 210,000 at the end of December, up 4,000\n- Late openings drew 310,000 "
            "visitors\n- Shop sales: €3.1m, up 2%\n")
    doc = read_text(text, "museums.md", ".md")
    assert doc.key_points  # the list is read as key points
    points = story_points(build_story(doc, CONTENT, []), doc)
    assert points[0].startswith("Museums in Talvara counted 4.2 million visits")
    assert not any(p.startswith(("Members:", "Shop sales:")) for p in points)
    assert points[-1] == "Late openings drew 310,000 visitors"  # a sidebar's sentence: after the summary


def test_counted_unit_of_time_and_a_change_after_a_comma_measure_the_count():
    text = ("Resorts in Talvara counted 2.1 million visitor days over the summer, 4.5% more than in the same weeks a "
            "year earlier. Libraries in Holm lent 6.2 million items in 2026, 2.0% more than in 2025.")
    assert _fact(text, "2.1 million visitor days").measure == "visitor days"
    assert _fact(text, "4.5%").measure == "visitor days"  # the change of the count, not the resorts
    assert _fact(text, "2.0%").measure == "items"
    # a span of time is no counted unit, and a unit the number is written in is no measure to carry
    spans = extract_facts("The sample covers 87,600 half hours per grid.", "x.txt")
    assert not any(f.text.endswith("half hours") or f.measure == "half hours" for f in spans)
    grid = _fact("The average intensity of electricity was 152 grams per kilowatt hour, 12% lower than in 2025.",
                 "12%")
    assert grid.measure != "grams"
