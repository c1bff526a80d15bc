"""What a command pays before its own work (issue 19): pydantic's plugin search is off in the
``reportkit`` command (reportkit/__main__.py) unless the user asks for it."""

from __future__ import annotations

import os
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
