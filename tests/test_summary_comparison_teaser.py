"""A short sentence that only announces a comparison ("Smaller farms fared worse.") is not printed
alone: its figures are in the sentences after it (story/standalone.only_manner)."""

from __future__ import annotations

import pytest

from reportkit.story.standalone import only_manner


@pytest.mark.parametrize("text", ["Smaller farms fared worse.", "Exporters were hit even harder.",
                                  "Rural bakeries did far better.", "Small growers suffered most."])
def test_a_bare_comparison_only_announces(text: str) -> None:
    assert only_manner(text)


@pytest.mark.parametrize("text", ["Smaller farms fared worse, producing 11% less shrimp.",
                                  "The company did better than expected in the quarter and raised its dividend.",
                                  "Exports were hit by a 12% duty."])
def test_a_comparison_that_says_how_much_or_by_what_stands(text: str) -> None:
    assert not only_manner(text)
