"""Layouts loaded with what earlier processes kept (reportkit/layouts/kept.py, issue 19): the same
layouts, the same refusals, damaged entries are misses, and a warm build's process imports
neither PyYAML nor Pillow before it forks its render children."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import LAYOUTS, ROOT, SEEDS
from test_cli_plain import run
from test_layouts_yaml import LAYOUT_FILES

from reportkit.errors import LayoutError
from reportkit.layouts import assets, check, kept, load_layout
from reportkit.layouts.load import load_brand

OUTPUT_LAYOUTS = [p for p in LAYOUT_FILES if p.name in ("weekly-brief.yaml", "briefing-deck.yaml")
                  and "invalid" not in str(p)]


@pytest.fixture(autouse=True)
def _fresh_process_memory():
    """Each load starts as a new process would: nothing parsed or checked in memory."""
    check._PARSED.clear()
    assets._CHECKED.clear()
    yield
    check._PARSED.clear()
    assets._CHECKED.clear()


def _entries(where: Path) -> list[Path]:
    return sorted(where.glob("*/*.entry"))


@pytest.mark.parametrize("path", LAYOUT_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_kept_layout_file_reads_as_parsed(path, tmp_path):
    try:
        parsed = check.read_yaml(path)
    except LayoutError:
        pytest.skip("not a readable mapping")
    check._PARSED.clear()
    first = check.read_yaml(path, tmp_path)  # parsed, then kept
    check._PARSED.clear()
    again = check.read_yaml(path, tmp_path)  # from the kept entry
    assert first == again == parsed
    assert repr(again) == repr(parsed)  # same types (1 stays 1, 1.0 stays 1.0) and key order


@pytest.mark.parametrize("path", OUTPUT_LAYOUTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_layout_loaded_from_kept_answers_is_the_same(path, tmp_path, monkeypatch):
    plain = load_layout(path, allow_external=True)
    check._PARSED.clear()
    assets._CHECKED.clear()
    load_layout(path, allow_external=True, keep=tmp_path)
    assert _entries(tmp_path)
    check._PARSED.clear()
    assets._CHECKED.clear()
    monkeypatch.setattr(check, "_parse_yaml", lambda *_a: pytest.fail("parsed again"))
    monkeypatch.setattr(assets, "_check_png", lambda *_a: pytest.fail("the logo decoded again"))
    warm = load_layout(path, allow_external=True, keep=tmp_path)
    assert warm == plain and repr(warm) == repr(plain)


def test_data_json_cannot_give_back_is_parsed_every_time(tmp_path):
    f = tmp_path / "odd.yaml"
    f.write_text("when: 2026-11-18\n1: one\nbits: !!binary aGk=\nnan: .nan\n")
    first = check.read_yaml(f, tmp_path / "kept")
    assert not _entries(tmp_path / "kept")
    check._PARSED.clear()
    again = check.read_yaml(f, tmp_path / "kept")
    assert repr(first) == repr(again)


@pytest.mark.parametrize("damage", ["truncated", "flipped", "foreign header", "not json", "not a mapping",
                                    "not exact", "empty"])
def test_a_damaged_entry_is_a_miss(tmp_path, damage):
    f = tmp_path / "brand.yaml"
    f.write_text((LAYOUTS / "brand.yaml").read_text())
    where = tmp_path / "kept"
    parsed = check.read_yaml(f, where)
    (entry,) = _entries(where)
    head, _, payload = entry.read_bytes().partition(b"\n")
    fields = head.split(b" ")[:-1]
    from reportkit import entryfile

    def rewrite(body: bytes) -> bytes:  # a well-formed entry of the right key holding ``body``
        return entryfile.header(fields, body) + b"\n" + body

    entry.write_bytes({
        "truncated": entry.read_bytes()[:-10],
        "flipped": head + b"\n" + payload.replace(b"Meridian", b"Meridiam"),
        "foreign header": rewrite(payload).replace(b"reportkit-layouts", b"reportkit-deck", 1),
        "not json": rewrite(b"{name: x"),
        "not a mapping": rewrite(b"[1, 2]"),
        "not exact": rewrite(b'{"name": NaN}'),
        "empty": b"",
    }[damage])
    check._PARSED.clear()
    assert check.read_yaml(f, where) == parsed


def test_a_changed_file_is_parsed_again(tmp_path):
    f = tmp_path / "brand.yaml"
    f.write_text("name: A\n")
    assert check.read_yaml(f, tmp_path / "kept") == {"name": "A"}
    f.write_text("name: B\n")
    check._PARSED.clear()
    assert check.read_yaml(f, tmp_path / "kept") == {"name": "B"}


def _brand(folder: Path, logo: bytes, name: str = "logo.png") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(logo)
    text = (LAYOUTS / "brand.yaml").read_text().replace("logo: brand/logo.png", f"logo: {name}")
    (folder / "brand.yaml").write_text(text)
    return folder / "brand.yaml"


def test_a_logo_that_failed_is_never_kept_and_fails_the_same_way(tmp_path):
    good = (LAYOUTS / "brand" / "logo.png").read_bytes()
    where = tmp_path / "kept"
    brand = _brand(tmp_path / "a", good)
    load_brand(brand, keep=where)  # the good logo passes and is kept
    broken = _brand(tmp_path / "b", good[:-200])  # truncated: other bytes
    messages = []
    for _ in range(2):
        assets._CHECKED.clear()
        check._PARSED.clear()
        with pytest.raises(LayoutError) as e:
            load_brand(broken, keep=where)
        messages.append(str(e.value))
    assert messages[0] == messages[1] and "not a readable PNG image" in messages[0]


def test_the_same_bytes_under_another_suffix_are_checked_again(tmp_path):
    svg = (LAYOUTS / "brand" / "logo.svg").read_bytes()
    where = tmp_path / "kept"
    load_brand(_brand(tmp_path / "a", svg, "logo.svg"), keep=where)  # an SVG logo passes
    assets._CHECKED.clear()
    check._PARSED.clear()
    with pytest.raises(LayoutError, match="not a PNG or SVG image"):
        load_brand(_brand(tmp_path / "b", svg, "logo.txt"), keep=where)


def test_a_kept_font_check_is_not_parsed_again(tmp_path, monkeypatch):
    font = Path(__import__("reportlab").__file__).parent / "fonts" / "Vera.ttf"
    where = tmp_path / "kept"
    assets.check_font(font, "Vera.ttf", "fonts.regular", tmp_path / "brand.yaml", where)
    assets._CHECKED.clear()
    monkeypatch.setattr("reportlab.pdfbase.ttfonts.TTFontFile", lambda *_a: pytest.fail("parsed again"))
    assets.check_font(font, "Vera.ttf", "fonts.regular", tmp_path / "brand.yaml", where)
    assets._CHECKED.clear()
    with pytest.raises(pytest.fail.Exception):  # the probe sees a check that runs
        assets.check_font(font, "Vera.ttf", "fonts.regular", tmp_path / "brand.yaml", None)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    proj = tmp_path_factory.mktemp("kept")
    shutil.copytree(SEEDS, proj / "seeds")
    shutil.copytree(LAYOUTS, proj / "layouts")
    return proj


# the console script's way, then every module the build process itself loaded, said as it ends
# (by os._exit too; its forked render workers, other processes, say nothing)
EXIT_PROBE = ("import os, sys\nme, real_exit, said = os.getpid(), os._exit, []\n"
              "def say():\n"
              "    if os.getpid() == me and not said:\n"
              "        said.append(1)\n"
              "        sys.stderr.write('PARENT=%s\\n' % ' '.join(sorted(sys.modules)))\n"
              "        sys.stderr.flush()\n"
              "def exit_saying(code):\n    say()\n    real_exit(code)\n"
              "os._exit = exit_saying\n"
              "from reportkit.__main__ import run\ntry:\n    run()\nfinally:\n    say()\n")


def _parent_modules(project: Path, out: str, *extra: str) -> tuple[set[str], str]:
    """The modules the build process loaded (the deck's worker is forked before the layouts are
    loaded now, so what the build process holds at its first fork says nothing of them)."""
    probe = EXIT_PROBE
    code, _out, err, last = run(project, probe, "build", "seeds", "--week", "2026-W47", "--out", out, "--force",
                                "-q", *extra)
    assert code == 0, err
    line = next(ln for ln in [*err.splitlines(), last] if ln.startswith("PARENT="))  # said last
    return set(line.split("=", 1)[1].split()), err


def test_a_warm_build_process_imports_neither_pyyaml_nor_pillow(project):
    first, _ = _parent_modules(project, "one")  # parses the layouts and decodes the logo, then keeps both
    assert {"yaml", "PIL._imaging"} <= first  # the probe sees them
    assert _entries(project / "cache" / "layouts")
    warm, _ = _parent_modules(project, "two")
    # PIL.Image may be there as a module not loaded yet (rlimport.defer_pillow): Pillow's code never ran
    assert "reportkit" in warm and not {"yaml", "PIL._imaging", "PIL.ImageFile"} & warm


def test_no_cache_keeps_nothing(tmp_path):
    proj = tmp_path / "p"
    shutil.copytree(SEEDS, proj / "seeds")
    shutil.copytree(LAYOUTS, proj / "layouts")
    modules, _ = _parent_modules(proj, "out", "--no-cache")
    assert not (proj / "cache" / "layouts").exists() and {"yaml", "PIL._imaging"} <= modules


def test_every_cache_shards_its_entries_through_entryfile(monkeypatch, tmp_path):
    """The six on-disk caches place an entry at entryfile.entry_path (<folder>/<key[:2]>/<key><suffix>),
    the layout entryfile.prune walks."""
    from reportkit import entryfile
    from reportkit.charts import cache as chart_cache
    from reportkit.render.pdf import pagehint, svgcache
    from reportkit.render.pptx import logo, store

    real, asked = entryfile.entry_path, []
    monkeypatch.setattr(entryfile, "entry_path", lambda folder, key, suffix="": asked.append(suffix) or real(
        folder, key, suffix))
    key = "ab" + "0" * 62
    paths = [kept._entry(tmp_path, key), logo._cache_entry(tmp_path, key), store._path(tmp_path, "slides", key),
             pagehint._path(tmp_path, key), svgcache._entry(tmp_path, key), chart_cache.entry_path(tmp_path, key, "png")]
    assert asked == [".entry", ".png", "", ".txt", ".json", ".png"]
    assert all(p.parent.name == "ab" and p.name.startswith(key) for p in paths)
