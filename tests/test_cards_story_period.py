"""A card whose figure is for a part of a year its story is not about (week 20: "$48M / Knitwear exports", a
fourth quarter's exports in a story headlined by 2026): a label that says no period is read as its story's, so
the card prints its part or is no card; verify flags such a printed card. And what took its place on week 20
first ("$612M / Knitwear" of "cashmere and knitwear", "4.6% / National herd" of ", or 4.6% of the national
herd", "fewer than 50 / Animals", a threshold). Texts invented (CC0), one rule a test."""

from __future__ import annotations

import pytest

from reportkit.facts import add_facts, extract_facts, part_of_year, period_unlike_story
from reportkit.readers import read_text
from reportkit.story.stories import story_figures
from reportkit.verify import load_sources
from reportkit.verify.labels import label_problems

_YEAR_STORY = ("Wool and yarn statistics, 2026\n\n"
               "Herders in the valley sheared 4,310 tonnes of wool in 2026, 3.2% more than in 2025. Exports of "
               "scoured wool and yarn earned US$212 million, 6.1% more than in 2025.\n\n"
               "In the fourth quarter alone, yarn exports reached US$37 million, against US$33 million in the fourth "
               "quarter of 2025. About 2.6 million head, or 3.9% of the regional flock, died in the winter.\n")
_QUARTER_STORY = ("Valley Mills ships more yarn\n\n"
                  "KOVARHELY, Feb 16, 2027 - Valley Mills said it shipped 1,240 tonnes of yarn in the October-December quarter, 6.3% more than "
                  "a year earlier, as buyers restocked.\n\nYarn revenue reached US$37 million in the fourth quarter.\n")


def _doc(text: str):
    return add_facts(read_text(text, "a.txt", ".txt"))


def _cards(text: str) -> list[str]:
    return [f"{k.display} / {k.label}" for k in story_figures(_doc(text), [], [], count=20)]


def _fact(doc, text: str):
    return next(f for f in doc.facts if f.text == text)


def test_part_of_year_from_its_period_or_its_own_words() -> None:
    facts = {f.text: f for f in extract_facts(_YEAR_STORY.split("\n\n", 1)[1], "a.txt")}  # no date: year unresolved
    assert part_of_year(facts["US$37 million"]) == "Q4"  # "In the fourth quarter alone, ..." before it
    assert part_of_year(facts["US$33 million"]) == "Q4"  # its period, 2025-Q4
    assert part_of_year(facts["4,310 tonnes"]) == "2026"
    dated = {f.text: f for f in extract_facts(_YEAR_STORY.split("\n\n", 1)[1], "a.txt", date="2027-03-24")}
    assert part_of_year(dated["US$37 million"]) == "Q4"  # 2026-Q4


def test_a_quarters_card_in_a_years_story_is_no_card() -> None:
    assert not any(c.startswith("$37M") for c in _cards(_YEAR_STORY)), _cards(_YEAR_STORY)
    doc = _doc(_YEAR_STORY)
    assert period_unlike_story(_fact(doc, "US$37 million"), "Yarn exports", doc) == "Q4"
    # a label that says its quarter is read right
    assert period_unlike_story(_fact(doc, "US$37 million"), "Yarn exports, fourth quarter", doc) is None


def test_a_quarters_card_in_that_quarters_story_stays() -> None:
    doc = _doc(_QUARTER_STORY)
    assert period_unlike_story(_fact(doc, "1,240 tonnes"), "Valley Mills yarn shipped", doc) is None
    assert any(c.startswith("1,240 t") for c in _cards(_QUARTER_STORY)), _cards(_QUARTER_STORY)


_JOINED = ("Exports of combed and dehaired wool and yarn earned US$212 million, 6.1% more than in 2025. "
           "Sheep lost over the winter and spring: about 2.6 million head, or 3.9% of the regional flock.")


def test_one_of_two_things_joined_is_no_label() -> None:
    from reportkit.story.labels import figure_label
    from reportkit.story.periodwords import words

    # "Exports of ... wool and yarn earned US$212 million": "Yarn" alone names a part as the whole
    f = {f.text: f for f in extract_facts(_JOINED, "a.txt", date="2027-03-24")}["US$212 million"]
    assert figure_label(f, words(_JOINED)) is None


def test_a_figure_restated_as_a_share_of_its_whole_is_no_card() -> None:
    from reportkit.story.misreads import part_untold

    # "about 2.6 million head, or 3.9% of the regional flock": "3.9% / Regional flock" reads as the flock's change
    f = {f.text: f for f in extract_facts(_JOINED, "a.txt", date="2027-03-24")}["3.9%"]
    assert part_untold(f, "Regional flock")


def test_a_threshold_is_no_card() -> None:
    # "fewer than 40 goats, the level below which ...": a level households are measured against, not a finding
    text = ("Herd survey, 2026\n\nMore than one in four households now keep fewer than 40 goats, the level below "
            "which the survey counts a household as poor. Herders sheared 4,310 tonnes of wool in 2026.\n")
    assert not any("40" in c for c in _cards(text)), _cards(text)


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("story-period")
    (folder / "wool.txt").write_text(_YEAR_STORY, encoding="utf-8")
    (folder / "mills.txt").write_text(_QUARTER_STORY, encoding="utf-8")
    return load_sources([folder])


def _check(index, value: str, label: str) -> list[str]:
    return label_problems([("page 4", f"Key figures\n{value}\n{label}\nSource: [S1]\n")], index)


def test_verify_flags_a_quarters_card_without_its_quarter_in_a_years_story(index) -> None:
    [p] = _check(index, "$37M", "Yarn exports")
    assert "the fourth quarter" in p and "does not say" in p
    assert _check(index, "$37M", "Yarn exports, fourth quarter") == []
    assert _check(index, "4,310 t", "Wool sheared, 2026") == []


def test_verify_passes_a_quarters_card_in_that_quarters_story(index) -> None:
    assert _check(index, "1,240 t", "Valley Mills yarn shipped") == []


def test_a_release_line_with_fields_after_its_date_dates_the_release() -> None:
    # "Bureau · City · 24 March 2027 · For immediate release" under the title: who and when, so a bare
    # "fourth quarter" in the release is resolved against its date (and the quarter's card says its quarter)
    doc = _doc("Wool and yarn statistics, 2026\n\nValley Wool Bureau · Kovarhely · 24 March 2027 · For immediate "
               "release\n\n" + _YEAR_STORY.split("\n\n", 1)[1])
    assert doc.dateline and "24 March 2027" in doc.dateline and not doc.subtitle
    assert _fact(doc, "US$37 million").period == "2026-Q4"
    cards = [f"{k.display} / {k.label}" for k in story_figures(doc, [], [], count=20)]
    assert "$37M / Yarn exports, fourth quarter" in cards, cards


def test_a_sentence_that_opens_on_its_month_dates_each_undated_figure() -> None:
    facts = {f.text: f for f in extract_facts("In December alone, gas revenue was 312.5 billion roubles, up 9.4% from "
                                             "a year earlier.", "a.txt")}
    assert part_of_year(facts["312.5 billion roubles"]) == "M12"
    assert part_of_year(facts["9.4%"]) == "M12"  # the change of December's revenue, not the year's


def test_two_clauses_joined_by_and_are_no_two_things() -> None:
    from reportkit.story.labels import conjunct

    text = "Traffic rose 3.8% in the fourth quarter, and toll revenue grew 9.1% to 318.4 million zlotys."
    f = {f.text: f for f in extract_facts(text, "a.txt", date="2027-02-01")}["318.4 million zlotys"]
    assert not conjunct(f, "toll revenue")


def test_the_one_part_a_yearless_sentence_names_dates_its_undated_figures() -> None:
    facts = {f.text: f for f in extract_facts("Exports rose 8.2% year-on-year in November, while imports unexpectedly "
                                             "grew 2.0%.", "a.txt")}
    assert part_of_year(facts["2.0%"]) == "M11"


def test_a_time_after_a_figure_that_is_its_bases_does_not_date_it() -> None:
    facts = {f.text: f for f in extract_facts("Imports in March alone reached 15.2 million tons, up 2.1% from February. "
                                             "Average pay rose 0.3% after gaining 0.5% in June. Inflation in the 12 "
                                             "member states fell to 2.4% from 2.9% in April.", "a.txt")}
    assert part_of_year(facts["2.1%"]) == "M03"  # March's change, not February's
    assert part_of_year(facts["0.3%"]) is None  # June is the gain before it
    assert part_of_year(facts["2.4%"]) is None  # April is the base's month
