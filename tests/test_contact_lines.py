"""A release's contact line ("Enquiries: ...", "Media contact: ...", "Tel: ...", "For more
information, contact ...") is furniture: no reader keeps it as a paragraph, so it is never a
summary sentence, a bullet or a figure; a sentence that only starts with such a word is kept."""

from __future__ import annotations

import docx
import pytest

from reportkit.readers import read_file
from reportkit.readers.clean import is_boilerplate

CONTACTS = ["Enquiries: statistics office, Tea Board of Example, Blantyre.", "Enquiries: +267 360 0000.",
            "Media contact: Corporate Communications, +62 21 5550 3871, media@example.org",
            "For more information, please contact the press office on 555 0100.", "Tel: +44 20 7946 0000",
            "Press office: Jane Doe, jane@example.org", "Media enquiries: 555 0199"]
SENTENCES = ["Enquiries rose 12% in March from a year earlier.", "Contact centres handled 4,000 calls: a record.",
             "Phone sales: up 4% to 1.2 million units.", "The office took enquiries from 300 firms."]


@pytest.mark.parametrize("line", CONTACTS)
def test_contact_lines_are_furniture(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", SENTENCES)
def test_sentences_that_start_alike_are_kept(line):
    assert not is_boilerplate(line)


BODY = ["The board said tea exports rose 14% to 52,000 tonnes in 2026, the highest in a decade.",
        "Prices at the auction averaged $2.40 a kilogram, up from $2.10 a year earlier."]


def test_no_reader_keeps_a_contact_line(tmp_path):
    txt = tmp_path / "release.txt"
    txt.write_text("Tea exports hit a record\n\n" + "\n\n".join(BODY + [CONTACTS[1]]) + "\n", encoding="utf-8")
    d = docx.Document()
    d.add_heading("Tea exports hit a record", 1)
    for p in BODY + [CONTACTS[0]]:
        d.add_paragraph(p)
    d.core_properties.author = "Tea Board of Example"
    d.save(tmp_path / "release.docx")
    html = tmp_path / "release.html"
    html.write_text("<html><head><title>Tea exports hit a record</title></head><body><article><h1>Tea exports hit a "
                    "record</h1>" + "".join(f"<p>{p}</p>" for p in BODY + [CONTACTS[2]]) + "</article></body></html>",
                    encoding="utf-8")
    for path in (txt, tmp_path / "release.docx", html):
        doc = read_file(path)
        text = doc.body_text()
        assert "52,000 tonnes" in text, (path.name, text)
        assert not any(c.split(":")[0] + ":" in text for c in CONTACTS), (path.name, text)


def test_a_paragraph_ending_on_a_contact_line_loses_only_that_sentence(tmp_path):
    from reportkit.readers.clean import without_contact_tail

    assert without_contact_tail("Table 1. Source: Revenue Office. Enquiries: +267 360 0000.") == \
        "Table 1. Source: Revenue Office."
    assert without_contact_tail("Exports rose 5%. Phone sales: up 4% to 1.2 million units.") == \
        "Exports rose 5%. Phone sales: up 4% to 1.2 million units."
    long = "Prices rose 5%. " * 8000 + "Tel: 555 0100"
    assert without_contact_tail(long) == long[: -len(" Tel: 555 0100")]
    d = docx.Document()
    d.add_heading("Tax collections rise", 1)
    for p in BODY + ["Table 1. Source: Revenue Office of Example. Enquiries: +267 360 0000."]:
        d.add_paragraph(p)
    d.save(tmp_path / "tax.docx")
    text = read_file(tmp_path / "tax.docx").body_text()
    assert "Source: Revenue Office of Example." in text and "Enquiries" not in text
