"""A sentence that only introduces the next ("Supporters see it differently.", "The union has another
view."): no figure and no claim of its own, so it is no summary sentence and no deck bullet on its own
(reportkit.story.standalone.only_manner, reportkit.story.summaries.choose). Sentences are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportkit.facts import add_facts
from reportkit.layouts import load_layout
from reportkit.readers import read_text
from reportkit.story.standalone import only_manner, stands_alone
from reportkit.story.stories import build_story

ROOT = Path(__file__).resolve().parent.parent
CONTENT = load_layout(ROOT / "layouts" / "weekly-brief.yaml").content


@pytest.mark.parametrize("text", ["Supporters see it differently.", "The union has another view.",
                                  "Growers take a different view.", "Exporters think otherwise.",
                                  "Retailers are not convinced.", "Fans saw things differently."])
def test_a_stance_told_after_is_no_point(text: str) -> None:
    assert only_manner(text)
    assert not stands_alone(text)


@pytest.mark.parametrize("text", ["The league sees the market differently from its rivals in Lahore and Karachi.",
                                  "The board has a different view of growth, with sales up 5% expected.",
                                  "Supporters see it differently: ticket prices doubled to Rs 800."])
def test_a_stance_that_says_what_stays(text: str) -> None:
    assert not only_manner(text)


def test_a_bare_stance_is_no_summary_sentence_or_bullet() -> None:
    doc = add_facts(read_text(
        "Harbour league sells more tickets online\n\nKARACHI, March 9 - The Harbour Cricket League sold 212,000 "
        "tickets in the first two weeks of its season, up 18% on last year.\n\nMore than 60% were bought online. "
        "Club owners see it differently.\n\nThe Karachi Club Owners' Association, which has 40 members, says gate "
        "sales fell by a third and that stewards were cut to 120 a match.", "t.txt"))
    story = build_story(doc, CONTENT, [])
    assert "Club owners see it differently." not in story.summary + story.bullets
