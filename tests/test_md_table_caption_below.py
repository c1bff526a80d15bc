"""A Markdown table's labelled caption written under it ("*Table 1. Exports by market, 2026.*") is the
table's caption, never a sentence of the note: a week printed one as a takeaway and as the last
sentence of its story's summary once the note's header line above it became its byline."""

from __future__ import annotations

from reportkit.readers import read_text

NOTE = """# Avocado exports

Colombia exported 214,600 tonnes of avocados in 2026, 16% more than in 2025.

| Destination | Tonnes |
|---|---:|
| Netherlands | 83,900 |
| Spain | 45,200 |

{below}

The outlook is good, the research house said.
"""


def _blocks(below: str):
    doc = read_text(NOTE.format(below=below), "note.md", ".md")
    return [b for s in doc.sections for b in s.blocks]


def test_a_labelled_caption_under_a_table_is_its_caption() -> None:
    blocks = _blocks("*Table 1. Avocado exports by destination, 2026.*")
    [table] = [b for b in blocks if b.kind == "list"]
    assert table.caption == "Table 1. Avocado exports by destination, 2026."
    assert not any("by destination" in (b.text or "") for b in blocks if b.kind == "paragraph")


def test_a_sentence_under_a_table_stays_a_sentence() -> None:
    blocks = _blocks("Spain took 21% of the fruit.")
    [table] = [b for b in blocks if b.kind == "list"]
    assert table.caption is None
    assert any(b.text == "Spain took 21% of the fruit." for b in blocks)


def test_a_bold_caption_above_a_table_is_its_caption() -> None:
    """A week printed "Dried herb exports by market, first quarter 2027." as a sentence of its story's
    summary: the note set its table's caption in bold above the table, and the bold marks hid it."""
    text = ("# Herb exports\n\nAlbania exported 9,850 tonnes of herbs in the first quarter.\n\n"
            "**Herb exports by market, first quarter 2027**\n\n| Market | Tonnes |\n|---|---:|\n"
            "| Germany | 3,400 |\n| Italy | 1,900 |\n\nThe outlook is good.\n")
    doc = read_text(text, "note.md", ".md")
    blocks = [b for s in doc.sections for b in s.blocks]
    [table] = [b for b in blocks if b.kind == "list"]
    assert table.caption == "Herb exports by market, first quarter 2027"
    assert not any("by market" in (b.text or "") for b in blocks if b.kind == "paragraph")
