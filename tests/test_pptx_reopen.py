"""A package opened again in a warm process (a batch worker, a watch session) is a deep copy of
one parsed before (render/pptx/reopen.py): the decks built on copies are the same bytes as the
deck built on a fresh parse, for the branded default template and for real third-party templates."""

from __future__ import annotations

import io

import pptx
import pytest

from fixtures.pptx_report import seed_report
from reportkit.layouts.load import load_layout
from reportkit.render.pptx import reopen
from reportkit.render.pptx.render import render_pptx
from test_templates import TEMPLATES, deck_layout



@pytest.fixture(autouse=True)
def fresh(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763942400")
    reopen.forget()
    yield
    reopen.forget()


@pytest.mark.parametrize("template", [None, "poi-gold-bar-4x3.potx", "coreoz-4x3-fr.pptx",
                                      "automizer-two-masters-de.pptx"])
def test_decks_built_on_copies_are_the_bytes_of_a_fresh_parse(tmp_path, template):
    from conftest import LAYOUTS

    layout = load_layout(deck_layout(tmp_path, template) if template else LAYOUTS / "briefing-deck.yaml")
    report = seed_report()
    decks = []
    for i in range(3):  # parsed and given out; parsed and kept, a copy given out; a copy
        out = tmp_path / f"deck{i}.pptx"
        render_pptx(report, layout, {}, out, warn=lambda _m: None)
        decks.append(out.read_bytes())
    assert len(reopen._pristine) == 1, "the second open keeps a parsed package"
    assert decks[1] == decks[0] and decks[2] == decks[0]
    assert len(pptx.Presentation(io.BytesIO(decks[2])).slides) > 5


def test_the_third_open_parses_nothing_and_the_kept_package_is_never_touched(monkeypatch):
    buf = io.BytesIO()
    pptx.Presentation().save(buf)
    blob = buf.getvalue()
    parsed = []
    real = pptx.Presentation

    def counting(f):
        parsed.append(1)
        return real(f)

    monkeypatch.setattr(pptx, "Presentation", counting)
    prepared = []
    decks = [reopen.presentation_of(blob, prepared.append) for _ in range(4)]
    assert len(parsed) == 2 and len(prepared) == 4  # every deck prepared, after its copy
    for i, prs in enumerate(decks):  # slides added through python-pptx's proxies land in the copy
        for _ in range(i + 1):
            prs.slides.add_slide(prs.slide_layouts[6])
    assert [len(p.slides) for p in decks] == [1, 2, 3, 4]
    kept = reopen._pristine[blob]
    assert len(kept.slides) == 0 and all(p is not kept for p in decks)


def test_a_package_that_does_not_open_is_not_remembered():
    with pytest.raises(Exception):
        reopen.presentation_of(b"not a zip")
    assert not reopen._seen and not reopen._pristine


def test_a_copy_is_made_part_by_part_and_anything_unknown_is_deep_copied(monkeypatch):
    import copy

    buf = io.BytesIO()
    pptx.Presentation().save(buf)
    blob = buf.getvalue()
    reopen.presentation_of(blob)
    reopen.presentation_of(blob)
    kept = reopen._pristine[blob]
    deep = []
    real = copy.deepcopy

    def counting(x, *a):
        if x is kept:
            deep.append(1)
        return real(x, *a)

    monkeypatch.setattr(copy, "deepcopy", counting)
    made = reopen.presentation_of(blob)
    assert not deep and made.part is not kept.part and made.part.package is not kept.part.package
    assert all(p.package is made.part.package for p in made.part.package.iter_parts())
    kept.part._odd = [1]  # an attribute of a kind the part-by-part copy does not know
    again = reopen.presentation_of(blob)
    assert deep == [1] and again.part is not kept.part


def _save(prs) -> list[tuple[str, bytes]]:
    import zipfile

    buf = io.BytesIO()
    prs.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


@pytest.mark.parametrize("template", ["coreoz-4x3-fr.pptx", "automizer-two-masters-de.pptx",
                                      "automizer-additional-master-de.pptx"])
def test_a_part_by_part_copy_saves_what_a_deep_copy_saves(template):
    import copy

    from conftest import ROOT

    blob = (ROOT / "tests" / "data" / "templates" / template).read_bytes()
    reopen.presentation_of(blob)
    reopen.presentation_of(blob)
    kept = reopen._pristine[blob]
    assert _save(reopen._clone_parts(kept)) == _save(copy.deepcopy(kept))
