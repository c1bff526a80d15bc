"""A note's header line under its title names who wrote it, perhaps what kind of paper it is, and
when ("Ararat Valley Research — beverages note, 22 April 2027"): it is the note's byline, never a
takeaway or the first sentence of its summary (a blind week printed it as both)."""

from __future__ import annotations

import pytest

from reportkit.facts import add_facts
from reportkit.readers import read_text
from reportkit.story.summaries import candidates

NOTE = """---
title: "Brandy exports in the first quarter"
author: "Valley Research"
date: 2027-04-22
---

# Brandy exports in the first quarter

{line}

## Less volume

Exports fell 4.2% to 6.8 million litres in the first quarter, customs data show.
"""


@pytest.mark.parametrize("line", [
    "Valley Research — beverages note, 22 April 2027",
    "Valley Research · Sector Note · April 22, 2027",
    "Valley Research — 22 April 2027",
    "Valley Research — Sector note, 22 April 2027",
])
def test_a_header_line_with_the_papers_kind_is_a_byline(line: str) -> None:
    doc = add_facts(read_text(NOTE.format(line=line), "note.md", ".md"))
    assert doc.dateline == line
    assert all("Valley Research" not in s.text for s in candidates(doc))


@pytest.mark.parametrize("line", [
    "Exports — the brandy makers said on Tuesday, 22 April 2027, that sales fell.",
    "Valley Research — prices rose 5%, 22 April 2027",
])
def test_a_sentence_or_a_figure_is_no_header_line(line: str) -> None:
    doc = add_facts(read_text(NOTE.format(line=line), "note.md", ".md"))
    assert doc.dateline != line
