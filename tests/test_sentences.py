"""One sentence splitter for facts, deck bullets and titles made from text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportkit import sentences as S
from reportkit.readers.structure import short_title


def texts(text: str, newlines: bool = False) -> list[str]:
    return [text[a:b] for a, b in S.spans(text, newlines)]


@pytest.mark.parametrize("text, expected", [
    ("Russia's director of the St. Petersburg forum outlines a plan. More follows.",
     ["Russia's director of the St. Petersburg forum outlines a plan.", "More follows."]),
    ("The U.S. Treasury said so on Monday. Mr. Smith agreed.",
     ["The U.S. Treasury said so on Monday.", "Mr. Smith agreed."]),
    ("Brent rose to $73.56 a barrel by 11:45 a.m. EDT (1545 GMT). Prices fell.",
     ["Brent rose to $73.56 a barrel by 11:45 a.m. EDT (1545 GMT).", "Prices fell."]),
    ("Imports rose 5%. “We are ready,” he said. 2024 was big.",
     ["Imports rose 5%.", "“We are ready,” he said.", "2024 was big."]),
    ("He left… Then came back! Why? Because (he said.) So.",
     ["He left…", "Then came back!", "Why?", "Because (he said.)", "So."]),
    ("Output rose 3.5 per cent. the rest is lower case.", ["Output rose 3.5 per cent. the rest is lower case."]),
    ("No full stop at all", ["No full stop at all"]),
    ("", []),
])
def test_spans(text, expected):
    assert texts(text) == expected


def test_line_breaks_end_sentences_only_when_asked():
    text = "A heading without a stop\nThe paragraph begins. it goes on"
    assert texts(text) == ["A heading without a stop\nThe paragraph begins. it goes on"]
    assert texts(text, newlines=True) == ["A heading without a stop", "The paragraph begins. it goes on"]
    assert S.starts("One.\n\ntwo") == [0, 6]  # a run of line breaks is one boundary


def test_first_sentence_and_titles_skip_abbreviations():
    assert S.first("The U.S. Treasury said so. More.") == "The U.S. Treasury said so."
    assert short_title("Russia's director of the St. Petersburg forum outlines a plan. More text.") == (
        "Russia's director of the St. Petersburg forum outlines a plan")
    assert S.count("One. Two. Three") == 2


def test_a_long_word_before_a_stop_is_not_taken_for_an_abbreviation():
    # the window that looks back for "St." must not read the tail of a long word as one
    assert texts("It was the Northeasternmost. Next one.") == ["It was the Northeasternmost.", "Next one."]


def test_huge_input():
    text = "A sentence with 12 words and a figure of $3.5 billion in it. " * 40_000
    assert len(S.starts(text)) == 40_000


@given(st.text(alphabet=st.sampled_from(list("ab .!?…\n\"“”()$5AZ")), max_size=200), st.booleans())
def test_spans_are_ordered_and_inside_the_text(text, newlines):
    spans = S.spans(text, newlines)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_a1, b1), (a2, _b2) in zip(spans, spans[1:]))
    assert all(text[a:b] == text[a:b].strip() for a, b in spans)
    rest = list(text)
    for a, b in spans:
        rest[a:b] = " " * (b - a)
    assert not "".join(rest).strip()  # the spans cover every non-blank character
    starts = S.starts(text, newlines)
    assert starts == sorted(set(starts)) and starts[0] == 0
