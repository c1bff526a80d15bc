"""The deck's entries in the cache folder (render/pptx/store.py): a one-off build reuses
what the last one prepared, and a deck from the cache is the deck built afresh, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures.pptx_report import seed_report
from reportkit.layouts.load import load_layout
from reportkit.render.pptx import default, memo, store
from reportkit.render.pptx.render import render_pptx

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _fresh_process():
    """Each render below starts like a new process: nothing remembered in memory."""
    default._PREPARED.clear()
    memo.clear()
    yield
    default._PREPARED.clear()
    memo.clear()


def deck(tmp_path: Path, cache: Path | None, name: str = "deck.pptx") -> bytes:
    default._PREPARED.clear()
    memo.clear()
    out = tmp_path / name
    layout = load_layout(ROOT / "layouts" / "briefing-deck.yaml")
    render_pptx(seed_report(), layout, {}, out, warn=lambda _m: None, cache_dir=cache, use_cache=cache is not None)
    return out.read_bytes()


def entries(cache: Path, kind: str) -> list[Path]:
    return sorted(p for p in (cache / "deck" / kind).rglob("*") if p.is_file())


def count_calls(monkeypatch, module, name: str) -> list[int]:
    calls: list[int] = []
    real = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


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
