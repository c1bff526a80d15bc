"""Property tests: reading and fact extraction never raise; JSON round-trips are lossless."""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportkit.errors import InputError
from reportkit.facts.extract import extract_facts
from reportkit.model import Document
from reportkit.readers import read_text
from reportkit.readers.decode import decode_bytes

settings.register_profile("default", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# Text that looks like news: words, numbers, currency, units, quotes, list markers, headings, URLs.
_pieces = st.sampled_from([
    "$", "£", "€", "¥", "US$", "EUR ", "2.8", "86.4", "30,000", "1.8", "72", "548", "2024", "2025–2026", " million",
    "bn", " billion", "%", " per cent", "p", " a barrel", " bpd", " barrels per day", " (mmbbl/d)", " tcf",
    "one-third", " of which", "a quarter", "half", " years", " in ", " by ", " of ", ", ", ". ", "\n", "\n\n",
    "“", "”", "\"", " said", " Tsivilev", "Sergei ", "1. ", "- ", "# ", "> ", "[1] ", "https://x.example/a-2021-10-19/",
    "Skip to content", "Read also:", "...", "…", "Mexico City, 25 July — ", "The", " figure", " rose", " to ",
    "approximately ", "about ", "between ", " and ", "-", "–", "\t", "\r", "\x00", "\ufeff", "**", "_", "[a](b)",
])
news_like = st.lists(st.one_of(_pieces, st.text(max_size=8)), max_size=60).map("".join)
any_text = st.one_of(news_like, st.text(max_size=400))


@given(any_text, st.sampled_from([".txt", ".md"]))
def test_reading_never_raises_and_round_trips(text: str, suffix: str) -> None:
    doc = read_text(text, "f" + suffix, suffix)
    assert doc.title is not None
    again = Document.from_dict(json.loads(json.dumps(doc.to_dict())))
    assert again == doc


@given(any_text)
def test_fact_extraction_never_raises_and_offsets_hold(text: str) -> None:
    for f in extract_facts(text, "s"):
        assert text[f.start : f.end] == f.text
        assert f.start < f.end
        assert f.value == f.value  # not NaN
        if f.range:
            assert f.range[0] <= f.range[1]


@given(st.binary(max_size=300))
def test_decoding_arbitrary_bytes_returns_text_or_input_error(data: bytes) -> None:
    try:
        d = decode_bytes(data, "x.txt")
    except InputError as e:
        assert e.path == "x.txt"
        return
    assert d.text.strip()
    assert "\x00" not in d.text and "\r" not in d.text


@given(any_text)
def test_document_facts_round_trip(text: str) -> None:
    from reportkit.facts.extract import add_facts

    doc = add_facts(read_text(text, "f.txt"))
    body = doc.body_text()
    for f in doc.facts:
        assert body[f.start : f.end] == f.text
    assert Document.from_dict(json.loads(json.dumps(doc.to_dict()))) == doc
