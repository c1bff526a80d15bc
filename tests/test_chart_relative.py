"""A chart of one change names its ends as the text dates them, relative words included ("up
from $13.50/mmBtu last week" in an article about "this week": "Last week", "This week"), and
no chart at all when the text gives no time: bars named "From" and "To" told a reader nothing
(reportkit.charts.auto)."""

from __future__ import annotations

from reportkit.charts.auto import candidates
from reportkit.facts import add_facts
from reportkit.readers import read_text


def _change_categories(text: str) -> list[str] | None:
    doc = add_facts(read_text("Gas markets in review\n\nSINGAPORE, Nov 15 (Reuters) - " + text, "a.txt"))
    return next((c.categories for c in candidates([doc]) if c.kind == "change"), None)


def test_last_week_is_a_period_the_text_gives() -> None:
    text = ("Asian spot LNG prices rose to a nine-month high this week. The average LNG price climbed to $14.30 "
            "per million British thermal units (mmBtu), up from $13.50/mmBtu last week, sources said.")
    assert _change_categories(text) == ["Last week", "This week"]  # was "From", "To"


def test_no_time_in_the_text_is_no_chart() -> None:
    # weeks 4, 5, 9 and 10 drew bars named "From" and "To"
    assert _change_categories("Cash costs rose to $2.31 a pound from $1.98 a pound, the company said.") is None
    # "last week" without a "this week" in the article: the new end has no words of its own
    text = "The average LNG price climbed to $14.30 per mmBtu, up from $13.50/mmBtu last week, sources said."
    assert _change_categories(text) is None


def test_both_ends_dated_is_still_charted() -> None:
    text = "Net debt fell to 5.6 billion euros in March 2025 from 6.1 billion euros in December 2024."
    doc = add_facts(read_text("Gas markets in review\n\nSINGAPORE, Nov 15 (Reuters) - " + text, "a.txt"))
    (cats,) = [c.categories for c in candidates([doc]) if c.kind in ("change", "trend")]
    assert len(cats) == 2 and not {"From", "To"} & set(cats)  # the two periods the text names
