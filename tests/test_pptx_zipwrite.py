"""A deck's zip (render/pptx/zipwrite.py) is byte for byte what zipfile writes, with each member's
deflated stream kept for the next deck; the packages need no ZIP64; a kept stream is a copy of
zlib's, and the memory kept is bounded."""

from __future__ import annotations

import io
import os
import random
import zipfile

import pytest

from reportkit.render.pptx import zipwrite

STAMP = (2026, 11, 24, 0, 0, 0)
ATTR = 0o644 << 16


def _members(seed: int) -> list[tuple[str, bytes]]:
    rnd = random.Random(seed)
    out = [("[Content_Types].xml", b"<Types/>" * 40), ("_rels/.rels", b""), ("ppt/media/caf\u00e9.png", os.urandom(5000)),
           ("ppt/slides/slide1.xml", ("<p:sld>\u2014 \u20b9 " * 300).encode()), ("docProps/core.xml", b"x")]
    out += [(f"ppt/slideLayouts/slideLayout{i}.xml", bytes(rnd.getrandbits(3) + 60 for _ in range(rnd.randint(0, 9000))))
            for i in range(1, 12)]
    return out


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("stamp", [STAMP, (1980, 1, 1, 0, 0, 0), (2107, 12, 31, 23, 59, 58)])
def test_the_bytes_are_zipfiles(seed, stamp):
    members = _members(seed)
    assert zipwrite.write_zip(members, stamp, ATTR) == zipwrite._zipfile(members, stamp, ATTR)
    again = zipwrite.write_zip(members, stamp, ATTR)  # every stream from the kept ones now
    assert again == zipwrite._zipfile(members, stamp, ATTR)
    with zipfile.ZipFile(io.BytesIO(again)) as zf:
        assert zf.testzip() is None and [(i.filename, zf.read(i)) for i in zf.infolist()] == members


def test_the_kept_streams_are_bounded(monkeypatch):
    monkeypatch.setattr(zipwrite, "_deflated", {})
    monkeypatch.setattr(zipwrite, "_kept", [0])
    monkeypatch.setattr(zipwrite, "MAX_KEPT", 50_000)
    for i in range(40):
        zipwrite.write_zip([(f"m{i}.bin", os.urandom(4000))], STAMP, ATTR)
        assert zipwrite._kept[0] <= 50_000
    assert 0 < len(zipwrite._deflated) < 40


def test_a_deck_is_the_same_whichever_writes_its_zip(tmp_path, monkeypatch):
    """A whole deck (native charts' workbooks too) built with zipfile writing every zip, then with
    zipwrite: the same bytes."""
    from pdf_fixtures import make_charts, make_report
    from conftest import LAYOUTS
    from reportkit.layouts import load_layout
    from reportkit.render.pptx import render_pptx

    layout = load_layout(LAYOUTS / "briefing-deck.yaml")
    charts = make_charts(tmp_path / "charts")
    render_pptx(make_report(), layout, charts, tmp_path / "new.pptx", cache_dir=tmp_path / "c1")
    monkeypatch.setattr(zipwrite, "write_zip", zipwrite._zipfile)
    from reportkit.render.pptx import determinism

    monkeypatch.setattr(determinism, "write_zip", zipwrite._zipfile)
    render_pptx(make_report(), layout, charts, tmp_path / "old.pptx", cache_dir=tmp_path / "c2")
    assert (tmp_path / "new.pptx").read_bytes() == (tmp_path / "old.pptx").read_bytes()
