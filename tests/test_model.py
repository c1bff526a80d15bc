"""Model round-trips: Document <-> dict <-> JSON is lossless."""

from __future__ import annotations

import json

import pytest

from reportkit.model import Block, Document, Fact, Reference, Section


def _doc() -> Document:
    return Document(
        source="seeds/x.txt",
        title="Title",
        subtitle="Standfirst",
        dateline="Mexico City, 25 July",
        sections=[
            Section(heading=None, blocks=[Block(kind="paragraph", text="Lead $2.8 million.")]),
            Section(
                heading="Heading",
                blocks=[
                    Block(kind="quote", text="We are ready.", speaker="Sergei Tsivilev"),
                    Block(kind="list", items=["one", "two"]),
                ],
            ),
        ],
        key_points=["Point with 72% of gas."],
        references=[Reference(label="1", url="https://example.org/a")],
        facts=[
            Fact(id="abc", text="$2.8 million", value=2.8e6, unit="USD", source="seeds/x.txt", start=5, end=17,
                 sentence="Lead $2.8 million.", label="FDI", year=2022, per=None, qualifier="about",
                 range=[2.8e6, 3e6])
        ],
        warnings=["not UTF-8"],
    )


def test_round_trip_through_json_is_lossless() -> None:
    doc = _doc()
    again = Document.from_dict(json.loads(json.dumps(doc.to_dict())))
    assert again == doc
    assert again.to_dict() == doc.to_dict()


def test_unknown_keys_are_an_error() -> None:
    d = _doc().to_dict()
    d["colour"] = "red"
    with pytest.raises(ValueError, match="colour"):
        Document.from_dict(d)


def test_block_kind_is_checked() -> None:
    with pytest.raises(ValueError):
        Block(kind="table")


def test_body_text_has_headings_blocks_and_key_points_in_order() -> None:
    text = _doc().body_text()
    assert text.index("Lead") < text.index("Heading") < text.index("We are ready") < text.index("one\ntwo")
    assert text.endswith("Point with 72% of gas.")


def test_quotes_in_reading_order() -> None:
    assert [q.speaker for q in _doc().quote_blocks()] == ["Sergei Tsivilev"]
