"""Deck bullets: the sentences that carry facts come first (real seeds, real facts)."""

from conftest import SEEDS
from reportkit.facts.extract import add_facts
from reportkit.readers import read_paths
from reportkit.render.pptx.condense import section_bullets


def test_block_offsets_point_into_body_text():
    docs, _ = read_paths([SEEDS])
    for d in docs:
        body, offsets = d.body_text(), d.block_offsets()
        for s in d.sections:
            for b in s.blocks:
                if b.kind != "list":
                    assert body[offsets[id(b)]: offsets[id(b)] + len(b.text)] == b.text


def test_fact_sentences_lead_the_bullets():
    docs, _ = read_paths([SEEDS])
    for d in docs:
        add_facts(d)
        body = d.body_text()
        offsets = d.block_offsets()
        for s in d.sections:
            bullets = section_bullets(d, s)
            starts = {offsets[id(b)]: b for b in s.blocks if b.kind == "paragraph"}
            with_facts = [f for f in d.facts
                          if any(o <= f.start < o + len(b.text) for o, b in starts.items())]
            if not with_facts:
                continue
            # the first bullet is a sentence holding one of this section's facts
            assert any(f.text in bullets[0] for f in with_facts), (s.heading, bullets[0])
            assert body  # offsets are into body_text


def test_fdi_and_relations_sentences_are_bullets():
    docs, _ = read_paths([SEEDS])
    doc = next(d for d in docs if d.source.endswith("000_52c727dd3fe4205e.txt"))
    add_facts(doc)
    bullets = [b for s in doc.sections for b in section_bullets(doc, s)]
    assert any("$2.8 million" in b and "$86.4 million" in b for b in bullets)
    assert any("135 years" in b for b in bullets)
