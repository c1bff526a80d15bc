"""A layout's selector keyword matches where a word starts: "gas" finds "gas" and "gases", never
the "gas" inside "pangasius" (a fish exporter's week was taken for the gas brief's, so it kept the
Russia–Mexico masthead); "import" finds "imports" and "imported"."""

from __future__ import annotations

from reportkit.layouts.chartspec import FactSelector
from reportkit.model import Fact
from reportkit.story.select import matches


def _fact(sentence: str, unit: str = "percent") -> Fact:
    return Fact(id="f", text="6.1%", value=6.1, unit=unit, source="a.txt", start=0, end=4, sentence=sentence)


def test_a_keyword_inside_a_word_is_no_match():
    pick = FactSelector(unit="percent", label=["gas"])
    assert not matches(pick, _fact("The exporter shipped 6.1% more frozen pangasius fillets."))
    assert not matches(pick, _fact("Visitors to Las Vegas rose 6.1%."))
    assert matches(pick, _fact("Imported gas covered 6.1% of demand."))
    assert matches(pick, _fact("Gases made up 6.1% of the cargo."))


def test_a_keyword_finds_its_longer_forms_and_excludes_by_word_too():
    assert matches(FactSelector(label=["import"]), _fact("Imports rose 6.1%."))
    assert matches(FactSelector(label=["import"]), _fact("The imported share was 6.1%."))
    assert not matches(FactSelector(label=["port"]), _fact("Imports rose 6.1%."))
    assert matches(FactSelector(label=["rose"], exclude=["gas"]), _fact("Pangasius exports rose 6.1%."))
    assert not matches(FactSelector(label=["rose"], exclude=["gas"]), _fact("Gas exports rose 6.1%."))
