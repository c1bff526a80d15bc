"""``verify --sources`` on printed quotes: a quote printed whole from its interrupted parts is the
source's words; a word of no source, or a patchwork of the sources' words, is a problem.
Article invented for these tests (CC0)."""

from __future__ import annotations

import pytest

from reportkit.verify import load_sources
from reportkit.verify.quotewords import quote_problems

ARTICLE = """Trawler fleet loses a fifth of its catch

HARBOURSIDE, Jan 12, 2027 (RK Wire) - The fleet landed less fish in March.

"We had the nets and we had the crews," said chief executive Tomas Ilves-Brandt. "What we did not have
was ice: in March we lost about a fifth of the catch."

"The storm took two days," says skipper Lino Marchetti-Okafor, "and it took half of the season."

"Raise the quota when the fish come back," she said, "not before."
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("quotewords-src")
    (folder / "fleet.txt").write_text(ARTICLE, encoding="utf-8")
    return load_sources([folder])


def _problems(index, text: str) -> list[str]:
    return quote_problems([("page 4", f"Some story\n   “{text}”\n   — Tomas Ilves-Brandt, chief executive\n")], index)


@pytest.mark.parametrize("text", [
    # the joined parts (a comma made a full stop at the join; a line break inside the quote)
    "We had the nets and we had the crews. What we did not have was ice: in March we lost about a\n   fifth of the "
    "catch.",
    "The storm took two days, and it took half of the season.",
    "We had the nets and we had the crews.",  # one part
    "We had the nets and we had the crews. What we did not have was ice …",  # a deck's cut
])
def test_a_quote_of_the_sources_words_passes(index, text: str) -> None:
    assert _problems(index, text) == []


def test_a_word_of_no_source_is_a_problem(index) -> None:
    assert _problems(index, "We had the nets and we had the lawyers.")[0].endswith("a word of it is in no source")


def test_a_patchwork_of_the_sources_words_is_a_problem(index) -> None:
    # every word is the article's, but not in this order: words put in the speaker's mouth
    (problem,) = _problems(index, "We had the ice and we lost the nets in March.")
    assert "not the source's words as written" in problem


def test_half_a_quote_whose_sentence_goes_on_after_its_attribution_is_a_problem(index) -> None:
    # builds before session 17 printed '"The storm took two days," says X, "and it took ..."' as its first half
    (problem,) = _problems(index, "The storm took two days.")
    assert "half a quote" in problem
    assert _problems(index, "The storm took two days, and it took half of the season.") == []


def test_a_first_part_whose_next_part_starts_a_sentence_is_no_half(index) -> None:
    # guard: "...," said X. "What we did not have ...": the first part is a sentence of its own
    assert _problems(index, "We had the nets and we had the crews.") == []


def test_a_short_part_the_source_quotes_whole_may_end_a_joined_quote(index) -> None:
    # week 26: '"Raise the fare when the trolleybus comes on time," she said, "not before."' printed joined was
    # flagged as a patchwork: its second part is two words, shorter than a run may be, but it is a part whole
    assert _problems(index, "Raise the quota when the fish come back, not before.") == []
    # guard: two words picked out of a sentence are still a patchwork
    (problem,) = _problems(index, "We had the nets and we had the crews, in March.")
    assert "not the source's words as written" in problem
