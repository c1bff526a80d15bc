"""Logo pictures kept on disk (render/pdf/picturecache.py, issue 19): the first brief of a new
process places the kept picture with the same bytes as one drawImage makes, without decoding
the file (nor importing Pillow); a damaged or foreign entry is a miss; --no-cache keeps nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import count_calls
from test_pdf_passes import layout  # noqa: F401 - the brief layout with a PNG logo, a fixture
from pdf_fixtures import make_charts, make_report
from reportlab.pdfgen.canvas import Canvas

from reportkit import entryfile
from reportkit.render.pdf import picturecache, pictures
from reportkit.render.pdf import render as pdf
from reportkit.render.pdf.render import render_pdf



def _render(tmp_path: Path, layout, name: str, cache: Path | None) -> bytes:
    """A brief as the first of a new process renders it (nothing kept in memory)."""
    pictures.KEPT.clear()
    pdf._LAST_PAGES.clear()
    out = tmp_path / name
    render_pdf(make_report(), layout, make_charts(tmp_path / "charts"), out, cache_dir=cache,
               use_cache=cache is not None)
    return out.read_bytes()


def _count(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    return count_calls(monkeypatch, Canvas, "drawImage")


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "pictures").glob("*/*.json"))


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    monkeypatch.setattr(pictures, "KEPT", {})
    monkeypatch.setattr(pdf, "_LAST_PAGES", {})


def test_a_kept_picture_gives_the_same_bytes_without_decoding(tmp_path, layout, monkeypatch):
    plain = _render(tmp_path, layout, "plain.pdf", None)
    cache = tmp_path / "cache"
    calls = _count(monkeypatch)
    first = _render(tmp_path, layout, "first.pdf", cache)  # drawn, then kept on disk
    assert calls and len(_entries(cache)) == 1
    calls.clear()
    monkeypatch.setattr("reportlab.lib.utils.ImageReader", lambda *_a: pytest.fail("decoded again"))
    warm = _render(tmp_path, layout, "warm.pdf", cache)
    assert calls == [] and warm == first == plain


def test_the_kept_objects_are_the_drawn_ones(tmp_path, layout):
    cache = tmp_path / "cache"
    _render(tmp_path, layout, "first.pdf", cache)
    digest = pictures.file_digest(layout.logo_path)
    name, image, mask = pictures.KEPT[digest]
    again = picturecache.load(picturecache.folder(cache), digest)
    assert again is not None and again[0] == name
    for made, kept in ((image, again[1]), (mask, again[2])):
        assert type(made) is type(kept)
        assert list(vars(made)) == list(vars(kept))
        for k, v in vars(made).items():
            w = vars(kept)[k]
            assert type(v) is type(w) and (v == w if k != "smask" else v.name == w.name), k


def test_the_aspect_of_a_kept_picture_is_the_decoded_one(tmp_path, layout):
    from reportkit.render.pdf.flowables import Logo
    from reportkit.render.pdf.fonts import FontSet

    cache = tmp_path / "cache"
    _render(tmp_path, layout, "first.pdf", cache)
    fonts = FontSet(layout.font_paths)
    pictures.KEPT.clear()
    kept = Logo(layout.logo_path, fonts, None, picturecache.folder(cache))
    assert kept.reader is None  # from the entry
    pictures.KEPT.clear()
    decoded = Logo(layout.logo_path, fonts, None, None)
    assert decoded.reader is not None and decoded.aspect == kept.aspect


def _rewrite(entry: Path, body: bytes) -> None:
    head = entry.read_bytes().partition(b"\n")[0]
    entry.write_bytes(entryfile.header(head.split(b" ")[:-1], body) + b"\n" + body)


@pytest.mark.parametrize("damage", ["truncated", "flipped", "not json", "keys", "an attribute more",
                                    "an attribute missing", "a wrong type", "not base64", "mask without smask",
                                    "empty"])
def test_a_damaged_or_foreign_entry_is_a_miss(tmp_path, layout, monkeypatch, damage):
    cache = tmp_path / "cache"
    first = _render(tmp_path, layout, "first.pdf", cache)
    (entry,) = _entries(cache)
    raw = entry.read_bytes()
    body = json.loads(raw.partition(b"\n")[2])
    if damage == "truncated":
        entry.write_bytes(raw[:-10])
    elif damage == "flipped":
        entry.write_bytes(raw[:-30] + bytes([raw[-30] ^ 1]) + raw[-29:])
    elif damage == "empty":
        entry.write_bytes(b"")
    elif damage == "not json":
        _rewrite(entry, b"{name")
    else:
        if damage == "keys":
            body["extra"] = 1
        elif damage == "an attribute more":
            body["image"]["_dotrans"] = 1
        elif damage == "an attribute missing":
            del body["image"]["width"]
        elif damage == "a wrong type":
            body["image"]["width"] = "1200"
        elif damage == "not base64":
            body["image"]["streamContent"] = {"bytes": "***"}
        elif damage == "mask without smask":
            body["image"].pop("smask")
        _rewrite(entry, json.dumps(body).encode())
    assert picturecache.load(picturecache.folder(cache), pictures.file_digest(layout.logo_path)) is None
    calls = _count(monkeypatch)
    assert _render(tmp_path, layout, "again.pdf", cache) == first and calls  # drawn again


def test_an_intact_entry_rewritten_is_a_hit(tmp_path, layout):
    """The damage test can fail: the same body rewritten is found."""
    cache = tmp_path / "cache"
    _render(tmp_path, layout, "first.pdf", cache)
    (entry,) = _entries(cache)
    _rewrite(entry, entry.read_bytes().partition(b"\n")[2])
    assert picturecache.load(picturecache.folder(cache), pictures.file_digest(layout.logo_path)) is not None


def test_no_cache_keeps_nothing(tmp_path, layout):
    _render(tmp_path, layout, "plain.pdf", None)
    assert not (tmp_path / "cache").exists()
    assert picturecache.load(None, "0" * 64) is None
