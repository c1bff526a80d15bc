"""Slides replayed from the process's memo (watch, batch workers) give the same deck,
byte for byte, as slides built from scratch."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from pptx import Presentation

from fixtures.pptx_report import seed_report
from fixtures.pptx_templates import messy_template
from reportkit.layouts.load import load_layout
from reportkit.model import Block, RenderedChart, Section
from reportkit.render.pptx import memo as pptx_memo
from reportkit.render.pptx.render import render_pptx
from reportkit.render.pptx.deck import Deck
from test_pptx import TEMPLATE_DECK, layout_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _empty_memo():
    pptx_memo.clear()
    yield
    pptx_memo.clear()


def render(tmp_path: Path, layout, report, charts=None, name="deck.pptx") -> tuple[bytes, list[str]]:
    warnings: list[str] = []
    out = tmp_path / name
    # the memo in memory alone: slides kept on disk are tests/test_pptx_cache.py's
    render_pptx(report, layout, charts or {}, out, warn=warnings.append, use_cache=False)
    return out.read_bytes(), warnings


def cold(tmp_path: Path, layout, report, charts=None) -> bytes:
    pptx_memo.clear()
    return render(tmp_path, layout, report, charts, name="cold.pptx")[0]


def _branded(tmp_path: Path):
    return load_layout(ROOT / "layouts" / "briefing-deck.yaml"), {}


def _image_mode(tmp_path: Path):
    from PIL import Image

    lay = layout_dir(tmp_path, (ROOT / "layouts" / "briefing-deck.yaml").read_text().replace(
        "chart_mode: native", "chart_mode: image"))
    png = tmp_path / "fdi.png"
    Image.new("RGB", (1600, 900), "#328CC1").save(png)
    return load_layout(lay), {"fdi_growth": RenderedChart("fdi_growth", str(png), None, 800, 450)}


def _template(tmp_path: Path):
    lay = layout_dir(tmp_path, TEMPLATE_DECK.format(template="acme.potx", content="Titel und Inhalt"))
    messy_template(lay.parent / "acme.potx", ROOT / "layouts" / "brand" / "logo.png", potx=True)
    return load_layout(lay), {}


@pytest.mark.parametrize("make", [_branded, _image_mode, _template], ids=["branded", "image-charts", "template"])
def test_a_replayed_deck_is_the_cold_deck_byte_for_byte(tmp_path, make):
    layout, charts = make(tmp_path)
    report = seed_report()
    first, warnings_first = render(tmp_path, layout, report, charts, "first.pptx")
    slides = len(Presentation(tmp_path / "first.pptx").slides)
    assert pptx_memo.stats()["misses"] == slides and pptx_memo.stats()["hits"] == 0
    again, warnings_again = render(tmp_path, layout, report, charts, "again.pptx")
    assert pptx_memo.stats()["hits"] == slides  # every slide replayed...
    assert again == first  # ...to the same bytes
    assert warnings_again == warnings_first


def test_after_an_edit_only_the_changed_slides_are_built_and_the_numbers_follow(tmp_path):
    layout, _ = _branded(tmp_path)
    # the full-text deck, where an added section adds slides and moves the later ones
    layout = layout.model_copy(update={"deck": layout.deck.model_copy(update={"slides": [
        "title", "agenda", "key_figures", "sections", "charts", "quotes", "sources"]})})
    report = seed_report()
    render(tmp_path, layout, report)
    before = len(Presentation(tmp_path / "deck.pptx").slides)
    edited = copy.deepcopy(report)
    long = "An added paragraph with enough words to need a slide of its own after the edit. " * 6
    edited.documents[0].sections.insert(1, Section("Added after the edit", [Block("paragraph", long + str(i))
                                                                            for i in range(4)]))
    pptx_memo._STATS.update(hits=0, misses=0)
    warm, _ = render(tmp_path, layout, edited, name="warm.pptx")
    stats = pptx_memo.stats()
    after = len(Presentation(tmp_path / "warm.pptx").slides)
    assert after > before  # later slides moved: their numbers changed, and were rewritten
    assert stats["hits"] >= after // 2 and stats["misses"] >= 2
    assert warm == cold(tmp_path, layout, edited)


def test_another_brand_or_source_order_builds_afresh(tmp_path):
    layout, _ = _branded(tmp_path)
    report = seed_report()
    render(tmp_path, layout, report)
    colors = layout.brand.colors.model_copy(update={"primary": "#AA0000"})
    recoloured = layout.model_copy(update={"brand": layout.brand.model_copy(update={"colors": colors})})
    pptx_memo._STATS.update(hits=0, misses=0)
    render(tmp_path, recoloured, report, name="red.pptx")
    assert pptx_memo.stats()["hits"] == 0
    swapped = copy.deepcopy(report)
    swapped.documents.reverse()  # the S1/S2 tags on every slide change
    pptx_memo._STATS.update(hits=0, misses=0)
    render(tmp_path, layout, swapped, name="swapped.pptx")
    assert pptx_memo.stats()["hits"] == 0


def test_a_changed_chart_image_is_not_replayed(tmp_path):
    from PIL import Image

    layout, charts = _image_mode(tmp_path)
    report = seed_report()
    render(tmp_path, layout, report, charts)
    Image.new("RGB", (1600, 900), "#E86C1F").save(charts["fdi_growth"].png)  # same path, new picture
    warm, _ = render(tmp_path, layout, report, charts, name="warm.pptx")
    assert warm == cold(tmp_path, layout, report, charts)


def _deck(layout) -> Deck:
    return Deck(seed_report(), layout, lambda _m: None, use_cache=False)


def test_a_slide_whose_builder_warned_is_built_again():
    """A warning may name the slide's number: replaying it elsewhere in the deck would
    repeat a stale one, so such slides are not remembered."""
    layout, _ = _branded(Path("."))

    def noisy(deck, number, text):
        deck.new_slide("content", text, number, "notes")
        deck.warn(f"slide {number}: {text} was shortened")

    said: list[list[str]] = []
    for number in (3, 7):
        deck = _deck(layout)
        deck.warn = (heard := []).append
        pptx_memo.SlideMemo(deck).make(number, noisy, ("Title",))
        said.append(heard)
    assert said == [["slide 3: Title was shortened"], ["slide 7: Title was shortened"]]
    assert pptx_memo.stats()["hits"] == 0 and pptx_memo.stats()["slides"] == 0


def test_only_a_builder_that_made_one_slide_is_remembered():
    layout, _ = _branded(Path("."))
    for _ in range(2):
        deck = _deck(layout)
        memo = pptx_memo.SlideMemo(deck)
        memo.make(1, lambda d, n: d.new_slide("content", "First", n, "notes"), ())
        memo.make(2, lambda d, n: None, ())  # made nothing: must not store slide 1 under its key
        memo.make(3, lambda d, n: [d.new_slide("content", f"Two {k}", n, "n") for k in (1, 2)], ())
        assert len(deck.prs.slides) == 3
    assert pptx_memo.stats()["slides"] == 1


def test_an_argument_without_a_value_repr_is_not_a_key():
    layout, _ = _branded(Path("."))

    class Opaque:  # repr is "<... object at 0x...>": another object may reuse the address
        pass

    for _ in range(2):
        pptx_memo.SlideMemo(_deck(layout)).make(1, lambda d, n, o: d.new_slide("content", "T", n, "n"),
                                                (Opaque(),))
    assert pptx_memo.stats() == {"hits": 0, "disk_hits": 0, "misses": 2, "bytes": 0, "slides": 0}


def test_pictures_count_towards_the_size(tmp_path):
    layout, charts = _image_mode(tmp_path)
    render(tmp_path, layout, seed_report(), charts)
    png = Path(charts["fdi_growth"].png).stat().st_size
    logo = (ROOT / "layouts" / "brand" / "logo.png").stat().st_size
    xml = sum(e.slide.blob.__len__() for e in pptx_memo._MEMO.values())
    assert pptx_memo.stats()["bytes"] >= xml + png + logo


def test_a_slide_that_links_to_another_slide_is_not_remembered():
    layout, _ = _branded(Path("."))

    def linking(deck, number, text):
        slide, _box, _ = deck.new_slide("content", text, number, "notes")
        shape = slide.shapes.add_textbox(0, 0, 100, 100)
        shape.click_action.target_slide = deck.prs.slides[0]

    deck = _deck(layout)
    memo = pptx_memo.SlideMemo(deck)
    memo.make(1, lambda d, n: d.new_slide("content", "First", n, "notes"), ())
    memo.make(2, linking, ("Second",))
    assert pptx_memo.stats()["slides"] == 1  # only the first
    assert pptx_memo.stats()["misses"] == 2


def test_the_memo_stays_within_its_size(tmp_path, monkeypatch):
    layout, _ = _branded(tmp_path)
    monkeypatch.setattr(pptx_memo, "MAX_BYTES", 60_000)
    report = seed_report()
    render(tmp_path, layout, report)
    stats = pptx_memo.stats()
    assert 0 < stats["bytes"] <= 60_000 and 0 < stats["slides"] < stats["misses"]
    again, _ = render(tmp_path, layout, report, name="again.pptx")
    assert pptx_memo.stats()["bytes"] <= 60_000
    assert again == cold(tmp_path, layout, report)


def test_the_memo_can_be_turned_off(tmp_path, monkeypatch):
    layout, _ = _branded(tmp_path)
    monkeypatch.setenv("REPORTKIT_SLIDE_MEMO", "0")
    report = seed_report()
    first, _ = render(tmp_path, layout, report)
    again, _ = render(tmp_path, layout, report, name="again.pptx")
    assert pptx_memo.stats() == {"hits": 0, "disk_hits": 0, "misses": 0, "bytes": 0, "slides": 0} and again == first



def test_a_replayed_picture_is_looked_for_in_the_package_once(tmp_path, monkeypatch):
    """The logo on every replayed slide is found by its digest after the first search: the
    package's relationships are walked at most once per distinct picture, and the deck is the same."""
    layout, charts = _branded(tmp_path)
    report = seed_report()
    first = cold(tmp_path, layout, report, charts)
    calls, walks, inside = [], [], []
    real = pptx_memo.SlideMemo._image_part

    def counted(self, blob, filename):
        inside.append(1)
        try:
            part = real(self, blob, filename)
        finally:
            inside.pop()
        calls.append(part.sha1)
        return part

    package_type = type(Presentation().part.package)
    real_iter = package_type.iter_rels
    monkeypatch.setattr(pptx_memo.SlideMemo, "_image_part", counted)
    monkeypatch.setattr(package_type, "iter_rels", lambda self: (walks.append(1) if inside else None) or real_iter(self))
    again, _ = render(tmp_path, layout, report, charts, name="warm.pptx")
    assert again == first
    assert len(calls) > 3, "the memo replayed pictures"
    # a new picture: one search, and python-pptx naming its part; found: one search; kept: none
    assert len(walks) <= 3 * len(set(calls)) and len(walks) < len(calls) - 3, (len(walks), len(calls))
