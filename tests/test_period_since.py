"""A month in a "since …" phrase is when a span began, not the figure's period: "the area burned
since the season began in July has reached 68,300 hectares" (a sixth, unseen week) was dated July,
and its chart named the bars "2025" and "Jul 2026" once the article had a date."""

from __future__ import annotations

from reportkit.facts import extract_facts


def _periods(text: str) -> dict[str, str | None]:
    return {f.text: f.period for f in extract_facts(text, "a.txt", date="2026-12-18")}


def test_a_month_a_span_began_in_is_not_the_figures_period() -> None:
    text = "The area burned since the season began in July has reached 68,300 hectares, up from 39,900 hectares a year earlier."
    assert _periods(text)["68,300 hectares"] is None  # was 2026-07
    assert _periods("Exports have risen 12% since the tariff took effect in March.")["12%"] is None


def test_a_month_the_figure_is_of_still_dates_it() -> None:
    assert _periods("Exports rose 5% in July.")["5%"] == "2026-07"
    assert _periods("In July, exports rose 5%.")["5%"] == "2026-07"
