"""What the sixth held-out week (tests/data/news_heldout6) still printed vague or not standing alone
after its first fixes, and the earlier weeks' vague labels ("+3 bp Yield", "$4.2B Inventories"), each
fixed by a general rule: a short sentence ending on a noun that points back is no takeaway, a bare
measure opening a sentence is the previous sentence's owner's, a figure "worldwide" is not labelled
by a noun that does not say so, "of <thing> at a yield of" is the thing's yield, a yield, premium or
stake alone says of nothing, a premium keeps what it is over, "at the end of the quarter" is a time
the label cannot say."""

from __future__ import annotations

from reportkit.story.labels import figure_label, measure_label

from reportkit.story.misreads import time_untold

from reportkit.story.periodwords import words
from reportkit.story.stories import build_story
from reportkit.story.summaries import stands_alone
from reportkit.story.takeaways import story_points

from test_heldout3 import _doc as heldout3_doc, _fact as heldout3_fact
from test_labels_period import CONTENT, _panel, _story


def _fact(text: str, needle: str):
    return heldout3_fact(text, needle, "2026-12-18")


def _known(text: str) -> set[str]:
    return words(text)


def _week6(name: str):
    return heldout3_doc(name, None, "news_heldout6")


def test_a_short_sentence_ending_on_a_noun_that_points_back_is_no_takeaway() -> None:
    assert not stands_alone("Arabica is the reason for the cut.")  # was takeaway 04 of week 6
    assert not stands_alone("Shareholders approved the deal.")
    assert stands_alone("Regulators in the United States and the European Union must still approve the deal.")
    assert stands_alone("Italy sold 9.25 billion euros of bonds, the top of its target range.")
    doc = _week6("u4_coffee_crop.md")
    points = story_points(build_story(doc, CONTENT, []), doc)
    assert points and "Arabica is the reason for the cut." not in points


def test_a_bare_measure_opening_a_sentence_is_the_owner_of_the_same_measure_before_it() -> None:
    text = ("Halvorsen, which sells threat-detection tools to banks and hospitals, had revenue of $612 million "
            "in its fiscal year to June, up 19% from a year earlier. Annual recurring revenue reached $655 million "
            "at the end of September.")
    f = _fact(text, "$655")
    assert f.subject == "Halvorsen"  # printed "$655M Annual recurring revenue" in a two-company article
    assert figure_label(f, _known(text), with_subject=True).startswith("Halvorsen annual recurring revenue")
    # not carried: another measure, a sentence that does not open on its bare measure, two owners before
    assert _fact("Halvorsen had revenue of $612 million. Annual profit reached $65 million.", "$65").subject is None
    assert _fact("Halvorsen had revenue of $612 million. The new unit's revenue reached $65 million.",
                 "$65").subject is None
    assert _fact("Halvorsen had revenue of $612 million and Corvane revenue of $3.9 billion. "
                 "Annual recurring revenue reached $655 million.", "$655").subject is None


def test_a_figure_for_the_world_is_not_labelled_by_a_noun_that_does_not_say_so() -> None:
    doc = _week6("u6_box_office.txt")  # "The film ... opened to $148.3 million worldwide."
    assert "$148.3M" not in _story(doc)  # printed "$148.3M Worldwide" (then "Film")
    assert "$148.3M" not in _panel(doc)


def test_a_yield_at_which_a_thing_was_sold_is_the_things() -> None:
    text = ("The Treasury sold 4.5 billion euros of a new 10-year BTP at a yield of 3.21%, down 14 basis points "
            "from the previous comparable auction in November.")
    f = _fact(text, "3.21%")
    assert figure_label(f, _known(text), with_subject=True) == "New 10-year BTP yield"  # was "Treasury yield"
    assert measure_label(f, _known(text)) == "New 10-year BTP yield"
    f = _fact("Italy sold bonds at a yield of 3.2% on Tuesday.", "3.2%")
    assert measure_label(f, _known(f.sentence)) is None  # not Italy's yield, and "Yield" says of what not


def test_a_measure_that_is_always_of_something_says_nothing_alone() -> None:
    text = "The yield on the benchmark 10-year Treasury note rose 3 basis points to 3.68%."
    f = _fact(text, "3 basis")
    assert figure_label(f, _known(text)) is None  # printed "+3 bp Yield" (news_eval)
    assert figure_label(_fact("Gross margin narrowed to 51.2%.", "51.2"), _known("gross margin narrowed")) \
        == "Gross margin"


def test_a_premium_keeps_what_it_is_over() -> None:
    text = ("Corvane Systems agreed on Monday to buy cybersecurity software maker Halvorsen Labs for $52.75 a share "
            "in cash, a 34% premium to Friday's closing price, in a deal that gives the target an enterprise value "
            "of about $5.4 billion.")
    f = _fact(text, "34%")
    assert measure_label(f, _known(text)).endswith("premium to Friday's closing price")  # was "… premium"


def test_a_level_at_the_end_of_the_quarter_is_not_labelled_without_it() -> None:
    f = _fact("Inventories were down 3% from a year ago at $4.2 billion at the end of the quarter.", "$4.2")
    assert time_untold(f)  # printed "$4.2B Inventories" (week 3)
    assert not time_untold(_fact("Revenue fell 8.4% to €5.1 billion in the quarter to October.", "€5.1"))
