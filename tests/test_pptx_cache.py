"""The deck's entries in the cache folder (render/pptx/store.py): a one-off build reuses
what the last one prepared, and a deck from the cache is the deck built afresh, byte for byte."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import count_calls
from fixtures.pptx_report import seed_report
from reportkit.layouts.load import load_layout
from reportkit.render.pptx import default, fontcache, memo, store, text
from reportkit.render.pptx.render import render_pptx

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _fresh_process():
    """Each render below starts like a new process: nothing remembered in memory."""
    default._PREPARED.clear()
    memo.clear()
    text._metrics.cache_clear()
    yield
    default._PREPARED.clear()
    memo.clear()
    text._metrics.cache_clear()


def deck(tmp_path: Path, cache: Path | None, name: str = "deck.pptx") -> bytes:
    default._PREPARED.clear()
    memo.clear()
    text._metrics.cache_clear()
    out = tmp_path / name
    layout = load_layout(ROOT / "layouts" / "briefing-deck.yaml")
    render_pptx(seed_report(), layout, {}, out, warn=lambda _m: None, cache_dir=cache, use_cache=cache is not None)
    return out.read_bytes()


def entries(cache: Path, kind: str) -> list[Path]:
    return sorted(p for p in (cache / "deck" / kind).rglob("*") if p.is_file())


def test_the_prepared_default_template_is_kept_and_used(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    prepared = count_calls(monkeypatch, default, "_prepare_default")
    fresh = deck(tmp_path, None, "fresh.pptx")
    assert len(prepared) == 1 and not cache.exists()  # no cache: nothing written
    first = deck(tmp_path, cache, "first.pptx")
    assert len(prepared) == 2 and len(entries(cache, "template")) == 1
    again = deck(tmp_path, cache, "again.pptx")
    assert len(prepared) == 2  # the kept package was opened, not prepared again
    assert fresh == first == again


def test_a_damaged_template_entry_is_a_miss(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first = deck(tmp_path, cache, "first.pptx")
    (entry,) = entries(cache, "template")
    data = bytearray(entry.read_bytes())
    data[-100] ^= 0xFF
    entry.write_bytes(bytes(data))
    prepared = count_calls(monkeypatch, default, "_prepare_default")
    assert deck(tmp_path, cache, "again.pptx") == first
    assert len(prepared) == 1  # prepared again, and the entry written again
    assert store.load(cache / "deck", "template", entry.name) is not None


def test_an_entry_is_read_only_under_its_own_key_and_checksum(tmp_path):
    root = tmp_path / "deck"
    key, other = "a" * 64, "b" * 64
    store.save(root, "slides", key, b"payload")
    assert store.load(root, "slides", key) == b"payload"
    assert store.load(root, "template", key) is None  # another kind
    (root / "slides" / "bb").mkdir(parents=True)
    (root / "slides" / "bb" / other).write_bytes((root / "slides" / "aa" / key).read_bytes())
    assert store.load(root, "slides", other) is None  # a copied entry names its own key
    (root / "slides" / "aa" / key).write_bytes(b"")
    assert store.load(root, "slides", key) is None
    with pytest.raises(ValueError):
        store.load(root, "slides", "../" + key)


def full_text_deck(tmp_path: Path, cache: Path | None, name: str, heading: str | None = None) -> bytes:
    """The full-text deck of the seed report (a slide per section), its first section's
    heading changed to ``heading`` when given."""
    default._PREPARED.clear()
    memo.clear()
    text._metrics.cache_clear()
    report = seed_report()
    if heading is not None:
        report.documents[0].sections[0].heading = heading
    layout = load_layout(ROOT / "layouts" / "briefing-deck.yaml")
    layout = layout.model_copy(update={"deck": layout.deck.model_copy(update={"slides": [
        "title", "agenda", "key_figures", "sections", "charts", "quotes", "sources"]})})
    out = tmp_path / name
    render_pptx(report, layout, {}, out, warn=lambda _m: None, cache_dir=cache, use_cache=cache is not None)
    return out.read_bytes()


def test_a_new_process_replays_the_slides_kept_on_disk(tmp_path):
    cache = tmp_path / "cache"
    fresh = deck(tmp_path, None, "fresh.pptx")
    first = deck(tmp_path, cache, "first.pptx")
    slides = memo.stats()["misses"]
    assert slides > 5 and len(entries(cache, "slides")) == slides
    again = deck(tmp_path, cache, "again.pptx")
    assert memo.stats()["disk_hits"] == slides and memo.stats()["misses"] == 0  # nothing built...
    assert fresh == first == again  # ...and the same bytes


def test_after_an_edit_only_the_changed_slides_are_built(tmp_path):
    cache = tmp_path / "cache"
    heading = "A heading changed since the last build"
    edited_fresh = full_text_deck(tmp_path, None, "edited-fresh.pptx", heading)
    full_text_deck(tmp_path, cache, "first.pptx")
    edited = full_text_deck(tmp_path, cache, "edited.pptx", heading)
    stats = memo.stats()
    assert 1 <= stats["misses"] < stats["disk_hits"]  # the changed slides (and the agenda naming them)
    assert edited == edited_fresh


def test_a_damaged_or_foreign_slide_entry_is_built_again(tmp_path):
    cache = tmp_path / "cache"
    first = deck(tmp_path, cache, "first.pptx")
    paths = entries(cache, "slides")
    # damaged: the checksum no longer matches
    data = bytearray(paths[0].read_bytes())
    data[-10] ^= 0x01
    paths[0].write_bytes(bytes(data))
    # foreign, with a right checksum: a part class no slide holds
    payload = store.load(cache / "deck", "slides", paths[1].name)
    store.save(cache / "deck", "slides", paths[1].name, payload.replace(b'"cls":"SlidePart"', b'"cls":"ImagePart"', 1))
    # foreign: relates to a template part this deck does not have
    payload = store.load(cache / "deck", "slides", paths[2].name)
    assert b"slideLayout" in payload
    store.save(cache / "deck", "slides", paths[2].name,
               re.sub(rb'"/ppt/slideLayouts/slideLayout\d+\.xml"', b'"/ppt/slideLayouts/slideLayout99.xml"', payload))
    again = deck(tmp_path, cache, "again.pptx")
    assert memo.stats()["misses"] == 3
    assert again == first


def test_no_cache_reads_and_writes_no_slides(tmp_path):
    cache = tmp_path / "cache"
    deck(tmp_path, cache, "first.pptx")
    default._PREPARED.clear()
    memo.clear()
    layout = load_layout(ROOT / "layouts" / "briefing-deck.yaml")
    render_pptx(seed_report(), layout, {}, tmp_path / "off.pptx", warn=lambda _m: None, cache_dir=cache,
                use_cache=False)
    assert memo.stats()["disk_hits"] == 0 and memo.stats()["misses"] > 5


def test_a_saved_slide_reads_back_as_it_was(tmp_path):
    from reportkit.render.pptx import slidefile

    cache = tmp_path / "cache"
    deck(tmp_path, cache, "first.pptx")
    for path in entries(cache, "slides"):
        payload = store.load(cache / "deck", "slides", path.name)
        saved = slidefile.loads(payload)
        assert slidefile.dumps(saved) == payload
    with pytest.raises(ValueError):
        slidefile.loads(b'{"cls": "SlidePart"}')
    with pytest.raises(ValueError):
        slidefile.loads(b"\x80 not json")


def test_the_entries_used_longest_ago_go_past_the_limit(tmp_path):
    import os

    root = tmp_path / "deck"
    keys = [f"{i:064x}" for i in range(8)]
    for age, key in enumerate(keys):
        store.save(root, "slides", key, b"x" * 1000)
        path = root / "slides" / key[:2] / key
        os.utime(path, ns=(age * 10**9, age * 10**9))  # keys[0] used longest ago
    store.load(root, "slides", keys[0])  # ...until now
    store._prune(root / "slides", 6000)
    left = {p.name for p in (root / "slides").rglob("*") if p.is_file()}
    assert keys[0] in left and keys[7] in left
    assert keys[1] not in left and keys[2] not in left
    assert sum((root / "slides" / k[:2] / k).stat().st_size for k in left) <= 4500


def test_font_measurements_are_kept_and_give_the_same_deck(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTKIT_SLIDE_MEMO", "0")  # every slide built: all its text measured
    cache = tmp_path / "cache"
    fresh = deck(tmp_path, None, "fresh.pptx")
    first = deck(tmp_path, cache, "first.pptx")
    fonts = set(load_layout(ROOT / "layouts" / "briefing-deck.yaml").font_paths.values())
    assert len(entries(cache, "fonts")) == len(fonts)  # one per font file, measured or not
    covered = count_calls(monkeypatch, text, "_covered")
    again = deck(tmp_path, cache, "again.pptx")
    assert not covered  # reportlab's font parser not needed...
    assert fresh == first == again  # ...and the same measurements


def test_a_new_character_is_measured_and_kept(tmp_path):
    cache = tmp_path / "deck"
    path = str(load_layout(ROOT / "layouts" / "briefing-deck.yaml").font_paths["regular"])
    m = text.Metrics(path)
    widths = {ch: m.char_width(ch) for ch in "Ab"}
    fontcache.keep([m], cache)
    kept = fontcache.load_kept(path, cache)
    assert kept is not None and kept.widths == widths and kept.line_ratio == m.line_ratio and kept.cmap == m._cmap
    again = text.Metrics(path, kept)
    assert again.char_width("z") == m.char_width("z")  # measured with the font, as before
    fontcache.keep([again], cache)
    assert set(fontcache.load_kept(path, cache).widths) == {"A", "b", "z"}


def test_a_malformed_font_entry_is_a_miss(tmp_path):
    cache = tmp_path / "deck"
    path = str(load_layout(ROOT / "layouts" / "briefing-deck.yaml").font_paths["regular"])
    key = fontcache._key(path)
    for bad in (b'{"line_ratio": 1.2, "cmap": [[5, 1]], "widths": {}}',
                b'{"line_ratio": 1.2, "cmap": null, "widths": {"ab": 0.5}}',
                b'{"line_ratio": "1.2", "cmap": null, "widths": {}}',
                b'{"line_ratio": 1.2, "cmap": null, "widths": {"a": Infinity}}',
                b"[]"):
        store.save(cache, "fonts", key, bad)
        assert fontcache.load_kept(path, cache) is None


DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def test_slides_measured_with_other_font_files_are_built_again(tmp_path, monkeypatch):
    """A template's theme fonts resolve through fontconfig: installing or removing a font changes
    the file the deck measures with, though no layout file changed. Its slides are built again."""
    cache = tmp_path / "cache"
    deck(tmp_path, cache, "first.pptx")
    built = memo.stats()["misses"]
    real = text.Fonts.from_paths.__func__
    monkeypatch.setattr(text.Fonts, "from_paths", classmethod(lambda cls, _paths, kept=None: real(cls, DEJAVU, kept)))
    other = deck(tmp_path, cache, "other.pptx")
    assert memo.stats()["disk_hits"] == 0 and memo.stats()["misses"] == built
    monkeypatch.undo()
    assert deck(tmp_path, None, "fresh-other.pptx") != other  # the measuring font does change the deck


def test_slides_drawn_without_the_logo_are_not_replayed_once_it_can_be_drawn(tmp_path, monkeypatch):
    """An SVG logo that could not be rasterised (no cairo) leaves the logo out with a warning;
    once it can be drawn, the slides kept without it are not replayed."""
    from reportkit.render.pptx import deck as deck_module

    cache = tmp_path / "cache"
    monkeypatch.setattr(deck_module, "deck_logo", lambda *_a, **_k: None)
    without = deck(tmp_path, cache, "without.pptx")
    built = memo.stats()["misses"]
    monkeypatch.undo()
    with_logo = deck(tmp_path, cache, "with.pptx")
    assert memo.stats()["disk_hits"] == 0 and memo.stats()["misses"] == built
    assert with_logo == deck(tmp_path, None, "fresh.pptx") != without


def test_font_measures_are_keyed_by_the_freetype_version(monkeypatch):
    """PIL measures with FreeType; a system Pillow follows the system's FreeType, so another
    FreeType with the same Pillow is another font entry (the slide key has it too)."""
    from PIL import features

    path = str(load_layout(ROOT / "layouts" / "briefing-deck.yaml").font_paths["regular"])
    key = fontcache._key(path)
    real = features.version
    monkeypatch.setattr(features, "version", lambda f: "99.0.0" if f == "freetype2" else real(f))
    assert fontcache._key(path) != key


def test_a_slide_entry_with_a_sound_checksum_but_a_broken_picture_is_built_again(tmp_path):
    """A picture with a PNG signature that PIL cannot read passed the entry's checks but made
    the replay raise with the slide half added; it is a miss now, and the slide is built."""
    import base64
    import json

    cache = tmp_path / "cache"
    first = deck(tmp_path, cache, "first.pptx")
    broken = 0
    for path in entries(cache, "slides"):
        obj = json.loads(store.load(cache / "deck", "slides", path.name))
        pictures = [r for r in obj["rels"] if r[2] == "image"]
        if pictures and not broken:
            pictures[0][3][0] = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 64).decode()
            store.save(cache / "deck", "slides", path.name, json.dumps(obj).encode())
            broken += 1
    assert broken == 1
    again = deck(tmp_path, cache, "again.pptx")
    assert memo.stats()["misses"] == 1
    assert again == first


def test_no_cache_leaves_the_in_process_memo_on_and_the_bytes_the_same(tmp_path):
    """The decision (README, "--no-cache"): --no-cache is about the cache folder; a process's
    memo of slides it built itself stays on, and a replayed deck is the deck built afresh."""
    layout = load_layout(ROOT / "layouts" / "briefing-deck.yaml")
    for name in ("a.pptx", "b.pptx"):
        render_pptx(seed_report(), layout, {}, tmp_path / name, warn=lambda _m: None, cache_dir=tmp_path / "cache",
                    use_cache=False)
    stats = memo.stats()
    assert stats["hits"] == stats["misses"] > 5 and stats["disk_hits"] == 0
    assert (tmp_path / "a.pptx").read_bytes() == (tmp_path / "b.pptx").read_bytes()
    assert not (tmp_path / "cache").exists()


def test_fontconfig_is_asked_again_once_a_font_is_installed(tmp_path, monkeypatch):
    """A process remembers which files fontconfig names for a family (a template's theme fonts),
    but not past a font installed or removed: a watch session measures with what a new process would."""
    import os

    from reportkit import installed
    from reportkit.render.pptx import theme

    root = tmp_path / "fonts"
    root.mkdir()
    monkeypatch.setattr(installed, "FONT_ROOTS", (str(root),))
    monkeypatch.setattr(installed, "_fonts_seen", {})
    theme._font_files.cache_clear()
    calls = count_calls(monkeypatch, theme.subprocess, "run")
    first = theme.font_files("DejaVu Sans")
    asked = len(calls)
    assert asked > 0 and first[0]
    assert theme.font_files("DejaVu Sans") == first and len(calls) == asked  # remembered
    (root / "newfont").mkdir()  # a font installed: its folder's parent changes
    os.utime(root, ns=(1, 1))  # whatever the clock's resolution
    assert theme.font_files("DejaVu Sans") == first and len(calls) > asked
    theme._font_files.cache_clear()


def test_a_whole_texts_width_is_measured_once_and_the_memory_is_bounded(monkeypatch):
    path = str(load_layout(ROOT / "layouts" / "briefing-deck.yaml").font_paths["regular"])
    m = text.Metrics(path)
    line = "Exports rose 14% to €438 million"
    em = sum(m.char_width(c) for c in line)
    calls = count_calls(monkeypatch, m, "char_width")
    assert m.width(line, 18) == em * 18 and len(calls) == len(line)  # measured once...
    assert m.width(line, 24) == em * 24 and len(calls) == len(line)  # ...and at another size not again
    monkeypatch.setattr(text, "TEXTS_KEPT", 3)
    for k in range(10):
        m.width(f"line {k}", 12)
    assert len(m._texts) <= 3


def test_a_picture_is_checked_once_a_process_however_many_slides_carry_it(monkeypatch):
    """Every kept slide carries the logo: PIL is asked about a picture once, and a broken one is
    still refused each time."""
    import io

    from PIL import Image as PILImage

    from reportkit.render.pptx import slidefile

    buf = io.BytesIO()
    PILImage.new("RGB", (4, 3), "red").save(buf, "PNG")
    png = buf.getvalue()
    slidefile._READABLE.clear()
    calls = []
    real = slidefile.Image
    monkeypatch.setattr(slidefile, "Image", lambda blob, name: calls.append(1) or real(blob, name))
    assert all(slidefile._readable(bytes(png), "logo.png") for _ in range(5))
    assert len(calls) == 1
    broken = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    assert not slidefile._readable(broken, "logo.png") and not slidefile._readable(broken, "logo.png")


def test_a_slide_entry_whose_xml_does_not_parse_is_built_again(tmp_path):
    """The entry's XML is parsed once, by the replay, before the slide is added: a right checksum
    over XML that does not parse is a miss, and the deck is the same."""
    import base64
    import json

    cache = tmp_path / "cache"
    first = deck(tmp_path, cache, "first.pptx")
    path = entries(cache, "slides")[0]
    obj = json.loads(store.load(cache / "deck", "slides", path.name))
    obj["blob"] = base64.b64encode(base64.b64decode(obj["blob"])[:-40]).decode()  # cut off its end
    store.save(cache / "deck", "slides", path.name, json.dumps(obj).encode())
    again = deck(tmp_path, cache, "again.pptx")
    assert memo.stats()["misses"] == 1
    assert again == first
