"""The source corpus (tests/data/sources, issue 17): every kind of file an analyst collects is
read as expected.yaml says: title, standfirst, paragraphs, headings, lists, quotes, references,
metadata, headline facts pointing at their text (and PDF page), furniture gone."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reportkit.facts import add_facts
from reportkit.readers import read_file

CORPUS = Path(__file__).parent / "data" / "sources"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def docs():
    return {name: add_facts(read_file(CORPUS / name)) for name in EXPECTED}


def test_corpus_has_every_kind() -> None:
    suffixes = [Path(n).suffix for n in EXPECTED]
    assert suffixes.count(".html") >= 4 and suffixes.count(".pdf") >= 3
    assert suffixes.count(".docx") >= 2 and suffixes.count(".txt") >= 3
    assert sorted(EXPECTED) == sorted(p.name for p in CORPUS.iterdir() if p.is_file() and p.suffix != ".md"
                                      and p.name != "expected.yaml")
    total = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
    assert total < 3_000_000


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_structure(docs, name: str) -> None:
    exp, doc = EXPECTED[name], docs[name]
    blocks = [b for s in doc.sections for b in s.blocks]
    assert doc.title == exp["title"]
    if "standfirst" in exp:
        assert doc.subtitle == exp["standfirst"]
    assert sum(b.kind == "paragraph" for b in blocks) == exp["paragraphs"], [b.text[:40] for b in blocks if b.kind == "paragraph"]
    assert [s.heading for s in doc.sections if s.heading] == exp["headings"]
    assert [len(b.items) for b in blocks if b.kind == "list"] == exp["lists"]
    assert sum(b.kind == "quote" for b in blocks) == exp["quotes"]
    assert len(doc.key_points) == exp.get("key_points", 0)
    if "references" in exp:
        assert len(doc.references) == exp["references"], doc.references
    for key in ("url", "author", "date", "site", "dateline"):
        if key in exp:
            assert getattr(doc, key) == exp[key], key


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_headline_facts_point_at_their_text(docs, name: str) -> None:
    exp, doc = EXPECTED[name], docs[name]
    body = doc.body_text()
    for want in exp["facts"]:
        want = want if isinstance(want, dict) else {"text": want}
        hits = [f for f in doc.facts if want["text"] in f.text or f.text in want["text"] and len(f.text) >= 3]
        assert hits, f"{name}: no fact {want['text']!r} in {[f.text for f in doc.facts]}"
        for f in hits:
            assert body[f.start:f.end] == f.text and f.sentence in body
        if "page" in want:
            assert want["page"] in {f.page for f in hits}, (want, [(f.text, f.page) for f in hits])
        if Path(name).suffix != ".pdf":
            assert all(f.page is None for f in hits)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_furniture_is_gone_and_words_joined(docs, name: str) -> None:
    exp, doc = EXPECTED[name], docs[name]
    text = "\n".join([doc.title, doc.subtitle or "", doc.body_text()])
    for s in exp.get("absent", []):
        assert s not in text, f"{name}: {s!r} left in"
    for word in exp.get("hyphenation", []):
        assert word in text, f"{name}: {word!r} not joined"
    assert "- " not in " ".join(text.split("\n")).replace(" - ", " ")  # no "transmis- sion" left


@pytest.mark.slow
def test_mixed_folder_builds_one_brief_and_deck_citing_every_document(tmp_path) -> None:
    """Every kind in one folder: one brief and one deck; both sources lists name each
    document's title and, when it has one, its URL; PDF facts keep their page in --json."""
    import json
    import os
    import shutil
    import subprocess
    import sys

    from pptx import Presentation
    from pypdf import PdfReader

    src = tmp_path / "week"
    src.mkdir()
    for name in EXPECTED:
        shutil.copy(CORPUS / name, src / name)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795046400", "REPORTKIT_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.run([sys.executable, "-m", "reportkit", "build", str(src), "--out", str(tmp_path / "out"),
                           "--week", "2026-W48", "--json"], capture_output=True, text=True, env=env, timeout=600,
                          cwd=Path(__file__).parent.parent)
    assert proc.returncode == 0, proc.stderr
    pdf = next((tmp_path / "out").glob("*.pdf"))
    deck = next((tmp_path / "out").glob("*.pptx"))
    pdf_text = " ".join(" ".join((p.extract_text() or "") for p in PdfReader(pdf).pages).split())
    slides = Presentation(deck).slides
    deck_text = " ".join(" ".join(sh.text_frame.text for s in slides for sh in s.shapes if sh.has_text_frame).split())
    docs = {n: read_file(src / n) for n in EXPECTED}
    for name, doc in docs.items():
        assert doc.title in pdf_text and doc.title in deck_text, name
        if doc.url:
            # long URLs wrap in the PDF table: compare without spaces
            assert doc.url in pdf_text.replace(" ", ""), name
            assert doc.url.split("://", 1)[1].removeprefix("www.")[:30] in deck_text.replace(" ", ""), name
