"""What a command pays before its own work (issue 19): pydantic's plugin search is off in the
``reportkit`` command (reportkit/__main__.py) unless the user asks for it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import LAYOUTS, ROOT


def _fake_plugin(folder: Path) -> Path:
    """An installed distribution whose ``pydantic`` entry point leaves a mark when pydantic loads it."""
    (folder / "markplugin.py").write_text(
        "import os, pathlib\n"
        "pathlib.Path(os.environ['PLUGIN_MARK']).write_text('loaded')\n"
        "class _Plugin:\n"
        "    def new_schema_validator(self, *args, **kwargs):\n"
        "        return None, None, None\n"
        "plugin = _Plugin()\n")
    info = folder / "markplugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: markplugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[pydantic]\nmark = markplugin:plugin\n")
    return folder / "mark.txt"


@pytest.mark.parametrize("setting", [None, ""])
def test_the_command_does_not_look_for_pydantic_plugins_unless_asked(tmp_path, setting):
    """Without PYDANTIC_DISABLE_PLUGINS the command sets it: no distribution's entry points are
    read and no plugin is imported; a user who sets it (here empty: every plugin) gets pydantic's way."""
    mark = _fake_plugin(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    env.update(PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT)]), PLUGIN_MARK=str(mark))
    if setting is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = setting
    proc = subprocess.run([sys.executable, "-m", "reportkit", "layouts", "validate", str(LAYOUTS / "weekly-brief.yaml")],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert mark.exists() == (setting is not None)  # the probe sees a plugin when plugins are on


def test_with_plugins_off_the_command_never_imports_importlib_metadata(tmp_path):
    """pydantic's loader imports importlib.metadata (≈15-25 ms) even when told there are no
    plugins; the command stands in for it, so a warm build (both of its processes) never imports
    it, and the layouts still validate (a bad one still fails)."""
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    env.update(REPORTKIT_CACHE_DIR=str(tmp_path / "cache"), SOURCE_DATE_EPOCH="1763942400", REPORTKIT_FAST_PATH="0")
    build = [sys.executable, "-X", "importtime", "-m", "reportkit", "build", str(ROOT / "seeds"), "--week", "2026-W47",
             "--out", str(tmp_path / "out"), "-q"]
    subprocess.run(build, env=env, cwd=ROOT, capture_output=True, check=True, timeout=600)  # charts drawn: cold

    def warm_imports() -> list[str]:
        warm = subprocess.run(build + ["--force"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert warm.returncode == 0, warm.stderr[-2000:]
        return [line.rsplit("|", 1)[-1].strip() for line in warm.stderr.splitlines() if line.startswith("import time:")]

    shutil.rmtree(tmp_path / "cache" / "layouts")  # charts cached, layouts validated again
    imported = warm_imports()
    assert "reportkit.layouts.models" in imported and "pptx" in imported  # validated; both processes are seen
    assert "importlib.metadata" not in imported and "pydantic.plugin._loader" not in imported
    imported = warm_imports()  # layouts kept: read back without pydantic at all
    assert "reportkit.layouts.objects" in imported and "pptx" in imported
    assert not [m for m in imported if m.startswith(("pydantic", "reportkit.layouts.models", "importlib.metadata"))]
    bad = tmp_path / "bad.yaml"
    bad.write_text((LAYOUTS / "weekly-brief.yaml").read_text(encoding="utf-8") + "\nunknown_key: 1\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "reportkit", "layouts", "validate", str(bad)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "unknown_key" in proc.stderr


def test_the_stand_in_answers_as_pydantics_loader_does_with_plugins_off(monkeypatch):
    import importlib

    from reportkit import __main__ as entry

    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "__all__")
    real = importlib.import_module("pydantic.plugin._loader")
    monkeypatch.delitem(sys.modules, "pydantic.plugin._loader")
    entry._no_plugin_loader()
    stand_in = sys.modules["pydantic.plugin._loader"]
    assert stand_in is not real and tuple(stand_in.get_plugins()) == tuple(real.get_plugins()) == ()
    from pydantic.plugin._schema_validator import create_schema_validator  # the one place pydantic asks it
    from pydantic_core import core_schema

    validator = create_schema_validator(core_schema.int_schema(), int, "m", "n", "BaseModel")
    assert validator.validate_python("3") == 3


def test_the_command_collects_young_objects_less_often_than_cpythons_default():
    """A build allocates millions of short-lived objects and almost no cycles: the command raises the
    collector's young threshold (reportkit/__main__.py), which only the command does (a library
    caller keeps its own); the older generations keep their ratios, so cycles are still collected."""
    import gc

    probe = ("import gc, sys\nfrom reportkit.__main__ import run\nsys.argv = ['reportkit', '--help']\ntry:\n"
             "    run()\nfinally:\n    sys.stderr.write('GC=%s\\n' % (gc.get_threshold(),))\n")
    proc = subprocess.run([sys.executable, "-c", probe], env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, timeout=120)
    from reportkit import __main__ as entry

    default = gc.get_threshold()
    assert f"GC={(entry.YOUNG_THRESHOLD, default[1], default[2])}" in proc.stderr
    assert default[0] < entry.YOUNG_THRESHOLD  # importing the module changed nothing here
