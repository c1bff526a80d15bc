"""A file's properties author is the document's author only when it names someone: a writing
program's default ("python-docx", Word's "Microsoft Office User", "Unknown") is no author."""

from __future__ import annotations

import docx

from reportkit.readers import read_file

BODY = ("Exports of jute goods earned $412 million in the first half of the fiscal year, the board said "
        "in its half-yearly release on Tuesday.")


def _word_file(path, author: str | None):
    d = docx.Document()
    if author is not None:
        d.core_properties.author = author
    d.add_heading("Jute exports slip in dollar terms", level=1)
    d.add_paragraph(BODY)
    d.save(path)
    return path


def test_library_default_author_is_no_author(tmp_path) -> None:
    # python-docx writes its own name as the author of every file it makes unless told otherwise
    doc = read_file(_word_file(tmp_path / "default.docx", None))
    assert BODY in doc.body_text()
    assert doc.author is None


def test_office_placeholder_authors_are_no_author(tmp_path) -> None:
    for i, name in enumerate(("Microsoft Office User", "Unknown", "Author", "  user ", "Windows User")):
        doc = read_file(_word_file(tmp_path / f"p{i}.docx", name))
        assert doc.author is None, name


def test_a_named_author_is_kept(tmp_path) -> None:
    doc = read_file(_word_file(tmp_path / "named.docx", "Farzana Oyelowo-Rahman"))
    assert doc.author == "Farzana Oyelowo-Rahman"
