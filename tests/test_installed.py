"""reportkit/installed.py: "the installed version of a distribution, or 'none'" for every cache
key, read from the distributions' METADATA without importing importlib.metadata, and giving
what importlib.metadata gives; the installed state the unchanged answers key on."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

from reportkit import installed


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    monkeypatch.setattr(installed, "_versions", {})
    monkeypatch.setattr(installed, "_listings", {})
    monkeypatch.setattr(installed, "_prefixes", {})


def _metadata_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"


def test_every_installed_distribution_reads_as_importlib_metadata_reads_it():
    names = {d.metadata["Name"] for d in metadata.distributions()}
    assert len(names) > 20
    # spelt as the caches spell them, and in other spellings importlib.metadata accepts
    names |= set(installed.LIBRARIES) | {"Pillow", "PIL", "pdfminer-six", "Python_PPTX", "no-such-dist"}
    for name in sorted(names):
        assert installed.version(name) == _metadata_version(name), name
    assert installed.version("no-such-dist") == "none"


def _dist(folder: Path, entry: str, version: str) -> None:
    (folder / entry).mkdir(parents=True)
    (folder / entry / "METADATA").write_text(f"Metadata-Version: 2.1\nName: x\nVersion: {version}\n\nbody\n")


def test_the_first_folder_on_the_path_wins_as_for_importlib_metadata(tmp_path, monkeypatch):
    _dist(tmp_path / "a", "Fake_Dist-2.0.dist-info", "2.0")
    _dist(tmp_path / "b", "fake.dist-1.0.dist-info", "1.0")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "a"), str(tmp_path / "b"), *sys.path])
    assert installed.version("fake-dist") == _metadata_version("fake-dist") == "2.0"


def test_anything_unsure_is_left_to_importlib_metadata(tmp_path, monkeypatch):
    # two entries of one distribution in a folder: importlib.metadata's pick depends on the listing
    _dist(tmp_path / "a", "twice-1.0.dist-info", "1.0")
    _dist(tmp_path / "a", "twice-2.0.dist-info", "2.0")
    # a zip on the path: importlib.metadata reads inside it
    with zipfile.ZipFile(tmp_path / "dists.zip", "w") as z:
        z.writestr("zipped-3.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: zipped\nVersion: 3.0\n\n")
    # no plain Version line
    (tmp_path / "a" / "odd-1.0.dist-info").mkdir()
    (tmp_path / "a" / "odd-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: odd\n\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "a"), str(tmp_path / "dists.zip"), *sys.path])
    asked = []
    real = metadata.version
    monkeypatch.setattr(metadata, "version", lambda name: asked.append(name) or real(name))
    assert installed.version("twice") == real("twice")
    assert installed.version("zipped") == "3.0"
    assert real("odd") is None and installed.version("odd") == "none"  # it names no version
    assert asked == ["twice", "zipped", "odd"]


def test_reading_versions_imports_no_importlib_metadata():
    """It imports the email package (≈20-30 ms), which a warm build need not (the caches'
    keys go through installed.version: see the next test)."""
    code = """
import sys
from reportkit import installed
for d in installed.LIBRARIES:
    installed.version(d)
installed.state()
print("importlib.metadata" in sys.modules, "email" in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"], out.stderr


def test_every_cache_key_reads_versions_here(monkeypatch, tmp_path):
    """The six keys that name library versions all read them through installed.version."""
    from reportkit import doccache
    from reportkit.charts import cache as chart_cache
    from reportkit.render.pdf import svgcache
    from reportkit.render.pptx import fontcache, logo, store

    def refuse(name):
        raise AssertionError(f"importlib.metadata asked for {name}")

    monkeypatch.setattr(metadata, "version", refuse)
    monkeypatch.setattr(installed, "_prefixes", {})
    store.code_version()
    logo.cache_key(b"<svg/>")
    svgcache._code_prefix()
    chart_cache._versions()
    doccache.entry_key(tmp_path / "a.html", b"<p>x</p>")
    font = tmp_path / "f.ttf"
    font.write_bytes(b"not a font, only hashed")
    assert fontcache._key(str(font)) is not None
    assert {"plotly", "kaleido", "svglib", "python-pptx", "cairosvg", "pillow", "trafilatura"} <= set(installed._versions)


def test_every_library_a_cache_keys_on_is_in_the_installed_state(monkeypatch, tmp_path):
    """LIBRARIES is kept by hand: a library some cache names in its key shapes an output, so an
    upgrade of it must also rebuild an unchanged output (the state digest and the fast path)."""
    from reportkit import doccache
    from reportkit.charts import cache as chart_cache
    from reportkit.layouts import kept
    from reportkit.render.pdf import svgcache
    from reportkit.render.pptx import fontcache, logo, store

    monkeypatch.setattr(installed, "_prefixes", {})
    store.code_version()
    logo.cache_key(b"<svg/>")
    svgcache._code_prefix()
    chart_cache._versions()
    for kind in kept._DEPENDS:
        kept._key(kind, b"x")
    for suffix in (".html", ".pdf", ".docx", ".txt"):
        doccache.entry_key(tmp_path / f"a{suffix}", b"\xff not utf-8")
    font = tmp_path / "f.ttf"
    font.write_bytes(b"only hashed")
    fontcache._key(str(font))
    named = {installed._normal(d) for d in installed._versions}
    assert len(named) > 20
    assert named <= {installed._normal(d) for d in installed.LIBRARIES}


def test_font_dirs_cover_every_folder_and_absent_roots(tmp_path, monkeypatch):
    root = tmp_path / "fonts"
    (root / "truetype" / "dejavu").mkdir(parents=True)
    (root / "truetype" / "dejavu" / "a.ttf").write_bytes(b"x")
    monkeypatch.setattr(installed, "FONT_ROOTS", (str(root), str(tmp_path / "later")))
    dirs = installed.font_dirs()
    assert dirs == [str(root), str(tmp_path / "later"), str(root / "truetype"), str(root / "truetype" / "dejavu")]
    before = installed.state(dirs)["fonts"]
    (tmp_path / "later").mkdir()  # a font folder created after the build
    assert installed.state(dirs)["fonts"] != before
    before = installed.state(dirs)["fonts"]
    new = root / "truetype" / "dejavu" / "b.ttf"
    new.write_bytes(b"y")
    os.utime(root / "truetype" / "dejavu", ns=(1, 1))  # mtimes can be coarse: make the change visible
    assert installed.state(dirs)["fonts"] != before


def test_the_state_names_each_library_by_an_entry_that_holds_its_version(tmp_path, monkeypatch):
    """The state reads no METADATA: a .dist-info name changes with the version;
    an .egg-info name need not, so that one is named by its version."""
    _dist(tmp_path / "a", "pillow-99.0.dist-info", "99.0")
    (tmp_path / "a" / "reportlab.egg-info").mkdir()
    (tmp_path / "a" / "reportlab.egg-info" / "PKG-INFO").write_text("Metadata-Version: 1.0\nName: reportlab\nVersion: 98.0\n")
    before = installed.state()["libraries"]
    monkeypatch.setattr(installed, "_listings", {})
    monkeypatch.setattr(sys, "path", [str(tmp_path / "a"), *sys.path])
    after = installed.state()["libraries"]
    assert after["pillow"] == "pillow-99.0.dist-info" != before["pillow"]
    assert after["reportlab"] == "version 98.0" and installed.version("reportlab") == "98.0"
    assert {k: v for k, v in after.items() if k not in ("pillow", "reportlab")} == \
        {k: v for k, v in before.items() if k not in ("pillow", "reportlab")}


def test_fonts_stamp_follows_folders_added_since(tmp_path, monkeypatch):
    root = tmp_path / "fonts"
    (root / "a").mkdir(parents=True)
    monkeypatch.setattr(installed, "FONT_ROOTS", (str(root),))
    monkeypatch.setattr(installed, "_fonts_seen", {})
    first = installed.fonts_stamp()
    assert installed.fonts_stamp() == first
    (root / "a" / "b").mkdir()
    os.utime(root / "a", ns=(1, 1))
    second = installed.fonts_stamp()
    assert second != first
    (root / "a" / "b" / "x.ttf").write_bytes(b"x")  # inside the folder added since the first stamp
    os.utime(root / "a" / "b", ns=(2, 2))
    assert installed.fonts_stamp() != second


def test_the_state_follows_the_font_roots_of_the_moment(tmp_path, monkeypatch):
    monkeypatch.setattr(installed, "_fonts_seen", {})
    installed.state()
    monkeypatch.setattr(installed, "FONT_ROOTS", (str(tmp_path),))
    assert list(installed.state()["fonts"]) == [str(tmp_path)]


def _prefix_of(tmp_path, versions):
    installed._prefixes.clear()  # once per process: a new process sees the change
    installed._versions.clear()
    installed._versions.update(versions)
    return installed.code_prefix("test/1", ("pyyaml",), (tmp_path / "code.py", tmp_path / "pkg"))


def test_the_code_prefix_changes_with_a_file_or_a_version(tmp_path):
    (tmp_path / "code.py").write_bytes(b"A = 1\n")
    (tmp_path / "pkg" / "sub").mkdir(parents=True)
    (tmp_path / "pkg" / "sub" / "m.py").write_bytes(b"B = 1\n")
    (tmp_path / "pkg" / "notes.txt").write_bytes(b"not code")
    base = _prefix_of(tmp_path, {"pyyaml": "6.0"})
    assert _prefix_of(tmp_path, {"pyyaml": "6.0"}) == base
    assert _prefix_of(tmp_path, {"pyyaml": "6.1"}) != base
    (tmp_path / "pkg" / "notes.txt").write_bytes(b"only .py files are code")
    assert _prefix_of(tmp_path, {"pyyaml": "6.0"}) == base
    (tmp_path / "pkg" / "sub" / "m.py").write_bytes(b"B = 2\n")  # a file in a folder under a listed one
    edited = _prefix_of(tmp_path, {"pyyaml": "6.0"})
    assert edited != base
    (tmp_path / "code.py").write_bytes(b"A = 2\n")
    assert _prefix_of(tmp_path, {"pyyaml": "6.0"}) not in (base, edited)
    assert installed.code_prefix("test/2", ("pyyaml",), (tmp_path / "code.py",)) != base


def test_every_cache_key_starts_from_the_code_prefix(monkeypatch, tmp_path):
    """Six caches key on installed.code_prefix: another prefix (a library upgraded, a module
    edited) is another key for each."""
    from reportkit.charts import cache as chart_cache
    from reportkit.doccache import entry_key
    from reportkit.layouts import kept, load_layout
    from reportkit.model import ChartData
    from reportkit.render.pdf import svgcache
    from reportkit.render.pptx import logo, store

    chart = ChartData(id="c", kind="bar", title="t", categories=["a"], series=[], unit="%")
    brand = load_layout(Path(__file__).resolve().parent.parent / "layouts" / "weekly-brief.yaml").brand

    def keys():
        return [chart_cache.cache_key(chart, brand, "png"), svgcache._code_prefix(), store.entry_key("x"),
                kept._key("yaml", b"x"), entry_key(tmp_path / "a.txt", b"x"), logo.cache_key(b"<svg/>")]

    before = keys()
    monkeypatch.setattr(installed, "code_prefix", lambda tag, dists, files: f"{tag} another")
    after = keys()
    assert all(a != b for a, b in zip(before, after)), (before, after)


def test_the_state_notices_a_font_overwritten_in_place(tmp_path, monkeypatch):
    """A font file written over (no rename) changes no folder's stamp: its own stamp is in the state,
    both as found and as the fast path passes what it recorded. Bitmap fonts are not."""
    root = tmp_path / "fonts"
    (root / "t").mkdir(parents=True)
    (root / "t" / "a.ttf").write_bytes(b"one")
    (root / "t" / "b.pcf.gz").write_bytes(b"bitmap")
    monkeypatch.setattr(installed, "FONT_ROOTS", (str(root),))
    monkeypatch.setattr(installed, "_fonts_seen", {})
    before = installed.state()
    assert list(before["font_files"]) == [str(root / "t" / "a.ttf")]
    folder = (root / "t").stat()
    with open(root / "t" / "a.ttf", "r+b") as fh:
        fh.write(b"two!")
    os.utime(root / "t", ns=(folder.st_atime_ns, folder.st_mtime_ns))
    after = installed.state()
    assert after["fonts"] == before["fonts"] and after["font_files"] != before["font_files"]
    assert installed.state(list(before["fonts"]), list(before["font_files"])) == after


def test_while_held_the_state_is_looked_at_once(monkeypatch):
    """One build keys every output on one look at what is installed (a batch worker: its every
    report); outside, each call looks again; nested, the outermost decides."""
    looks = []
    monkeypatch.setattr(installed, "_state", lambda dirs=None, files=None: looks.append(1) or {"n": len(looks)})
    assert installed.state() == {"n": 1} and installed.state() == {"n": 2}
    with installed.held():
        assert installed.state() == installed.state() == {"n": 3}
        with installed.held():
            assert installed.state() == {"n": 3}
        assert installed.state() == {"n": 3}
        assert installed.state(dirs=["/x"]) == {"n": 4}  # the fast path's own folders: looked at
    assert installed.state() == {"n": 5}


def test_a_build_looks_at_what_is_installed_once_for_both_outputs(monkeypatch, tmp_path):
    from conftest import SEEDS
    from reportkit.build import BuildOptions, build_report

    real, looks = installed._state, []
    monkeypatch.setattr(installed, "_state", lambda dirs=None, files=None: looks.append(1) or real(dirs, files))
    build_report(BuildOptions(sources=[SEEDS], week="2026-W47", out=tmp_path / "out", force=True,
                              cache_dir=tmp_path / "cache", parallel_render=False))
    assert len(looks) == 1
