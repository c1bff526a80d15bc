"""What the unchanged answers and the chart cache stamp, without running anything: the browser
behind a wrapper script (reportkit/chromium.py) and fontconfig's configuration files
(reportkit/installed.py). Both used to be missed: an upgrade of the real binary behind an
unchanged ``REPORTKIT_CHROMIUM`` wrapper, and a configuration file edited in place."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reportkit import chromium, installed
from reportkit.charts import cache as chart_cache


def _executable(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(0o755)
    return path


def _touch_later(path: Path) -> None:
    """An upgrade: the same name, another modification time (a package replaces the file)."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))


@pytest.mark.parametrize("wrapper", [
    '#!/bin/sh\nexec {real} --no-sandbox "$@"\n',
    '#!/bin/sh\n# a launcher as Debian writes one\nAPP=chrome\nDIR={folder}\nexec "$DIR/$APP" "$@"\n',
    '#!/bin/sh\nexport BIN="{folder}"\nexec ${{BIN}}/chrome "$@"\n',
])
def test_an_upgrade_behind_a_wrapper_script_changes_the_browser_stamp(tmp_path, monkeypatch, wrapper):
    marker = tmp_path / "ran"
    real = _executable(tmp_path / "opt" / "chrome", f"#!/bin/sh\ntouch {marker}\n")
    script = _executable(tmp_path / "bin" / "my-chromium",
                         wrapper.format(real=real, folder=real.parent).replace("exec", f"touch {marker}; exec"))
    monkeypatch.setenv("REPORTKIT_CHROMIUM", str(script))
    base = chromium.stamp()
    assert base is not None and chromium.stamp() == base
    drawer = chart_cache.drawer()
    _touch_later(real)  # the wrapper is as it was
    assert chromium.stamp() not in (base, None)
    assert chart_cache.drawer() != drawer  # an image the old binary drew is drawn again
    assert installed.state()["browser"] == chromium.stamp()  # and the unchanged answers rebuild
    assert not marker.exists()  # nothing was run to learn it


def test_a_binary_keeps_its_stamp_and_a_wrapper_never_names_its_interpreter(tmp_path):
    """A browser that is no script is stamped as before (no image drawn again after an update of
    reportkit); a wrapper's ``#!`` line, variables it sets at run time and itself are not named."""
    binary = tmp_path / "chromium"
    binary.write_bytes(b"\x7fELF not a script")
    binary.chmod(0o755)
    st = binary.stat()
    import hashlib

    before = hashlib.sha256(f"{binary}\0{st.st_size}\0{st.st_mtime_ns}".encode()).hexdigest()[:16]
    assert chromium.stamp(str(binary)) == before
    script = _executable(tmp_path / "wrap", f'#!{binary}\nD=$(dirname "$0")\nexec "$D/chromium" {tmp_path}/wrap\n')
    assert chromium._named_executables(str(script)) == []


def test_a_wrapper_of_a_wrapper_is_followed_to_the_binary(tmp_path, monkeypatch):
    real = _executable(tmp_path / "lib" / "chrome", "#!/bin/sh\nexit 0\n")
    inner = _executable(tmp_path / "inner", f"#!/bin/sh\nexec {real} \"$@\"\n")
    outer = _executable(tmp_path / "outer", f"#!/bin/sh\nexec {inner} --headless \"$@\"\n")
    assert chromium._named_executables(str(outer)) == [str(inner), str(real)]
    monkeypatch.setenv("REPORTKIT_CHROMIUM", str(outer))
    base = chromium.stamp()
    _touch_later(real)
    assert chromium.stamp() != base


@pytest.fixture
def fontconfig(tmp_path, monkeypatch) -> Path:
    """A font root and a fontconfig folder as Debian lays them out: conf.d links into conf.avail."""
    root = tmp_path / "fonts"
    (root / "truetype").mkdir(parents=True)
    (root / "truetype" / "a.ttf").write_bytes(b"font")
    etc = tmp_path / "etc-fonts"
    (etc / "conf.avail").mkdir(parents=True)
    (etc / "conf.d").mkdir()
    (etc / "fonts.conf").write_text("<fontconfig><include>conf.d</include></fontconfig>\n")
    (etc / "conf.avail" / "10-hinting.conf").write_text("<fontconfig><!-- slight --></fontconfig>\n")
    (etc / "conf.d" / "10-hinting.conf").symlink_to(etc / "conf.avail" / "10-hinting.conf")
    monkeypatch.setattr(installed, "FONT_ROOTS", (str(root), str(etc)))
    monkeypatch.setattr(installed, "_fonts_seen", {})
    monkeypatch.delenv("FONTCONFIG_FILE", raising=False)
    monkeypatch.delenv("FONTCONFIG_PATH", raising=False)
    return etc


def _edit_in_place(path: Path, text: str) -> None:
    """Written over, not renamed into place: no folder's stamp changes (restored to be sure)."""
    folder = path.parent.stat()
    with open(path, "r+", encoding="utf-8") as fh:
        fh.write(text)
    os.utime(path.parent, ns=(folder.st_atime_ns, folder.st_mtime_ns))


@pytest.mark.parametrize("edited", ["fonts.conf", "conf.avail/10-hinting.conf"])
def test_a_fontconfig_file_edited_in_place_is_noticed(fontconfig, edited):
    before = installed.state()
    stamp, files_stamp, drawer = installed.fonts_stamp(), installed.font_files_stamp(), chart_cache.drawer("/bin/sh")
    # the conf.d link is stamped as the file it points to; conf.avail's own files are not stamped twice
    assert str(fontconfig / "conf.d" / "10-hinting.conf") in before["fonts"]
    assert str(fontconfig / "conf.avail" / "10-hinting.conf") not in before["fonts"]
    _edit_in_place(fontconfig / edited, "<fontconfig><!-- full hinting --></fontconfig>\n")
    after = installed.state()
    assert after["fonts"] != before["fonts"]  # the full build's state digest and the fast path
    assert installed.state(list(before["fonts"]), list(before["font_files"])) == after  # as the fast path asks
    assert installed.fonts_stamp() != stamp  # what a watch session remembers from fc-match
    assert installed.font_files_stamp() != files_stamp
    assert chart_cache.drawer("/bin/sh") != drawer  # a cached chart image is drawn again


def test_a_user_fontconfig_file_created_later_is_noticed(tmp_path, monkeypatch):
    monkeypatch.setattr(installed, "_fonts_seen", {})
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    before = installed.state()
    (tmp_path / "config" / "fontconfig").mkdir(parents=True)
    (tmp_path / "config" / "fontconfig" / "fonts.conf").write_text("<fontconfig/>\n")
    assert installed.state()["fonts"] != before["fonts"]
    monkeypatch.setenv("FONTCONFIG_FILE", str(tmp_path / "other.conf"))
    assert str(tmp_path / "other.conf") in installed.state()["fonts"]
