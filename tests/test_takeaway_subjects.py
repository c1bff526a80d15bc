"""A takeaway is read away from its story: a later summary sentence that names nothing ("The
average selling price fell 2.6% to C$1,071,400.") does not say whose it is and is not offered as
one (reportkit.story.takeaways); a story's first point always is."""

from __future__ import annotations

from reportkit.facts import add_facts
from reportkit.model import Story
from reportkit.readers import read_text
from reportkit.story.takeaways import story_points


def test_a_later_point_that_names_nothing_is_no_takeaway() -> None:
    doc = add_facts(read_text("Toronto home sales jump, Brenmark says\n\nTORONTO, Dec 3, 2026 (RK Wire) - Home sales in the "
                              "Greater Toronto Area rose 14.2% in November.\n\nThe average selling price fell 2.6% "
                              "to C$1,071,400.\n\nBrokerage Brenmark expects prices to rise in 2027.", "a.txt"))
    story = Story(source="a.txt", headline=doc.title, one_line="Home sales in the Greater Toronto Area rose 14.2% "
                  "in November.", summary=["Home sales in the Greater Toronto Area rose 14.2% in November.",
                                           "The average selling price fell 2.6% to C$1,071,400.",
                                           "Brenmark expects prices to rise in 2027."], bullets=[], figures=[], quote=None,
                  link="a.txt")
    points = story_points(story, doc)
    assert "The average selling price fell 2.6% to C$1,071,400." not in points  # was the 6th takeaway
    # a name first (written inside a sentence elsewhere), whose story it is (the headline names it), and when
    # (a later point must say both: tests/test_takeaway_context.py)
    assert "Brenmark expects prices to rise in 2027." in points
    assert points[0] == story.one_line


def test_a_month_a_weekday_or_a_sentence_start_is_no_name() -> None:
    from reportkit.story.takeaways import names_something

    assert not names_something("Comparable sales rose 2.8% in the fiscal third quarter ended Nov. 1.")
    assert not names_something("Registered unemployment was down 6.1% from May last year.")
    assert not names_something("Sales rose 3.1% to $5.6 billion in the quarter, the maker said on Tuesday.")
    assert names_something("Copper exports were about half of Chile's total exports.")
    assert names_something("The ECB cut rates.")
