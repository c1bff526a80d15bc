"""Layouts used again in one process while their files are unchanged (reportkit/layouts/reuse.py):
a batch's workers and watch's rebuilds load each layout once; a changed, added or removed file
loads it again; a file changed too recently to be sure of is never kept."""

from __future__ import annotations

import os
import shutil
import time

import pytest

from conftest import LAYOUTS
from reportkit.layouts import load_layout_reused, reuse


@pytest.fixture()
def layouts(tmp_path, monkeypatch):
    """A copy of the project's layouts, taken as older than the racy window (their change times
    are now: a test cannot set them back)."""
    folder = tmp_path / "layouts"
    shutil.copytree(LAYOUTS, folder)
    old = time.time() - 60
    for p in folder.rglob("*"):
        os.utime(p, (old, old))
    monkeypatch.setattr(reuse, "_RACY_NS", 0)
    reuse._kept.clear()
    yield folder
    reuse._kept.clear()


def _age(path, seconds=60):
    old = time.time() - seconds
    os.utime(path, (old, old))


def test_an_unchanged_layout_is_the_same_object(layouts):
    first = load_layout_reused(layouts / "weekly-brief.yaml")
    assert load_layout_reused(layouts / "weekly-brief.yaml") is first
    assert load_layout_reused(layouts / "briefing-deck.yaml") is not first


@pytest.mark.parametrize("name", ["brand.yaml", "content.yaml", "weekly-brief.yaml"])
def test_a_changed_file_loads_the_layout_again(layouts, name):
    first = load_layout_reused(layouts / "weekly-brief.yaml")
    path = layouts / name
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    _age(path)  # the same times as before the edit would be: size and ctime still tell
    again = load_layout_reused(layouts / "weekly-brief.yaml")
    assert again is not first and again.path == first.path


def test_a_changed_brand_colour_is_seen(layouts):
    load_layout_reused(layouts / "weekly-brief.yaml")
    brand = layouts / "brand.yaml"
    text = brand.read_text(encoding="utf-8")
    colour = next(w for w in text.split() if w.strip("'\"").startswith("#") and len(w.strip("'\"")) == 7)
    brand.write_text(text.replace(colour, '"#123456"', 1), encoding="utf-8")
    _age(brand)
    assert "#123456" in str(load_layout_reused(layouts / "weekly-brief.yaml").brand.model_dump()).upper()


def test_a_removed_file_loads_the_layout_again_and_says_what_is_wrong(layouts):
    from reportkit.errors import LayoutError

    load_layout_reused(layouts / "weekly-brief.yaml")
    (layouts / "brand.yaml").unlink()
    with pytest.raises(LayoutError):
        load_layout_reused(layouts / "weekly-brief.yaml")


def test_a_file_changed_just_now_is_not_kept(layouts, monkeypatch):
    monkeypatch.setattr(reuse, "_RACY_NS", 60 * 10**9)  # every file changed within the last minute
    first = load_layout_reused(layouts / "weekly-brief.yaml")
    assert load_layout_reused(layouts / "weekly-brief.yaml") is not first
    monkeypatch.setattr(reuse, "_RACY_NS", 0)
    kept = load_layout_reused(layouts / "weekly-brief.yaml")
    assert load_layout_reused(layouts / "weekly-brief.yaml") is kept
