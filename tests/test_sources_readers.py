"""Unit rules of the issue-17 readers: encodings declared by web pages, messy-text cleaning,
quote blocks, PDF furniture and page provenance."""

from __future__ import annotations

from reportkit.facts import add_facts
from reportkit.model import Block, Document, Section
from reportkit.readers import read_file, read_text

ARTICLE = " ".join(["Wind farms produced 41% of the country's power in 2025, up from 35% a year earlier."] * 3)


def _page(charset_decl: str, body: str) -> str:
    return (f"<html><head>{charset_decl}<title>Wind output hits record</title></head><body><article>"
            f"<h1>Wind output hits record</h1><p>{body}</p><p>{ARTICLE}</p></article></body></html>")


def test_html_encoding_comes_from_the_page_declaration(tmp_path) -> None:
    body = "Prices fell to €38 a megawatt hour, said José Álvarez of the grid's operator, in a long statement."
    cases = {
        "cp1252.html": ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', "cp1252"),
        "latin1.html": ('<meta charset="iso-8859-1">', "cp1252"),  # browsers read latin-1 as windows-1252
        "utf8.html": ('<meta charset="utf-8">', "utf-8"),
        "undeclared.html": ("", "utf-8"),
        "xhtml.html": ('<?xml version="1.0" encoding="ISO-8859-15"?>', "iso-8859-15"),
    }
    for name, (decl, codec) in cases.items():
        (tmp_path / name).write_bytes(_page(decl, body).encode(codec))
        doc = read_file(tmp_path / name)
        assert body in doc.body_text(), name
        assert not doc.warnings, (name, doc.warnings)


def test_saved_page_assets_folder_is_one_warning(tmp_path) -> None:
    from reportkit.readers import read_paths

    (tmp_path / "story.html").write_bytes(_page('<meta charset="utf-8">', ARTICLE).encode())
    (tmp_path / "story_files").mkdir()
    for name in ("app.js", "site.css", "logo.png"):
        (tmp_path / "story_files" / name).write_bytes(b"x")
    docs, warnings = read_paths([tmp_path])
    assert len(docs) == 1 and warnings == [f"{tmp_path / 'story_files'}: skipped (the saved web page's own files)"]


def test_scrape_furniture_and_references_anywhere() -> None:
    text = "\n\n".join([
        "Solar auction clears at record low price",
        "Join 40,000 readers of The Grid Letter",
        "The auction awarded 2.1 GW of solar capacity at an average of $31 per megawatt hour, the lowest ever.",
        "Sources:\n1. Auction results - https://auctions.example/2026/results\n2. https://grid.example/prices",
        "Join 40,000 readers of The Grid Letter",
        "Developers said panel prices had fallen 20% this year, making the bids possible.",
        "Read also:\nWind auction delayed\nBattery tender opens",
        "| Year | Price |\n|---|---|\n| 2026 | $31 |",
        "Join 40,000 readers of The Grid Letter",
    ])
    doc = read_text(text, "auction.txt")
    body = doc.body_text()
    assert doc.title == "Solar auction clears at record low price"
    assert "Join 40,000" not in body and "Wind auction delayed" not in body and "Sources" not in body
    assert [r.url for r in doc.references] == ["https://auctions.example/2026/results", "https://grid.example/prices"]
    assert "| 2026 | $31 |" in body  # a table row is not a navigation bar


def test_a_paragraph_opening_with_a_quote_mark_is_not_a_quote() -> None:
    text = "\n\n".join([
        "Refiners cut runs",
        "Margins fell again this week across Europe and Asia, traders said on Friday.",
        '"The margins are gone," he said. Analysts pointed out that stocks were high. "We expect more cuts."',
        '"Transition" is the word executives prefer when they talk about closures, one trader said.',
        "“We will cut runs by 10% in December and again in January if margins stay this low,” said Ana Ruiz.",
    ])
    doc = read_text(text, "refiners.txt")
    blocks = [b for s in doc.sections for b in s.blocks]
    # quotes in running text are the story stage's (issue 13): readers keep paragraphs
    assert [b.kind for b in blocks] == ["paragraph", "paragraph", "paragraph"]


def test_fact_pages_come_from_their_blocks() -> None:
    doc = Document(source="r.pdf", title="T", sections=[
        Section(heading="One", blocks=[Block(kind="paragraph", text="Output rose 5% in 2025.", page=1)]),
        Section(heading="Two", blocks=[Block(kind="paragraph", text="Sales reached $3 billion.", page=2)]),
    ])
    add_facts(doc)
    assert {f.text: f.page for f in doc.facts} == {"5%": 1, "$3 billion": 2}
    heading_two = doc.body_text().index("Two")
    assert doc.page_at(heading_two) == 2  # a heading is on the page of the block after it
