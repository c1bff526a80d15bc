"""The README's example commands run (issue 16, "Done when").

Every line of a fenced ``sh`` block that starts with ``reportkit`` is run, in README order, in
a temporary copy of the project (README, seeds, layouts, examples), and must exit 0. A ``cd``
line in a block changes the folder for the rest of that block (``cd my-brief`` after
``reportkit init my-brief``). A line that cannot run in a test (``reportkit watch`` waits
for Ctrl-C) ends with the marker ``# readme-test: skip``.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SKIP = "# readme-test: skip"
BLOCK = re.compile(r"^```(?:sh|bash|shell|console)\n(.*?)^```", re.M | re.S)
COPIED = ("README.md", "seeds", "layouts", "examples")


def readme_blocks(text: str) -> list[list[str]]:
    """The command lines (``reportkit ...`` and ``cd ...``) of each fenced shell block."""
    blocks = []
    for m in BLOCK.finditer(text):
        lines = [line.strip() for line in m.group(1).splitlines()]
        lines = [line for line in lines if line.startswith(("reportkit ", "cd ")) and not line.endswith(SKIP)]
        if any(line.startswith("reportkit ") for line in lines):
            blocks.append(lines)
    return blocks


def test_the_readme_has_example_commands() -> None:
    """The commands a new user copies first are among those run."""
    commands = [line for block in readme_blocks((ROOT / "README.md").read_text(encoding="utf-8")) for line in block]
    assert any(c.startswith("reportkit init ") for c in commands)
    assert any(c.startswith("reportkit build") for c in commands)
    assert any(c.startswith("reportkit layouts ") for c in commands)


@pytest.mark.slow
def test_readme_commands_run(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, project / name)
        else:
            shutil.copy(src, project / name)
    # `reportkit` on PATH is this checkout's, whatever is installed on the machine
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "reportkit"
    shim.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m reportkit "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
               PYTHONPATH=f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")
    ran = []
    for block in readme_blocks((project / "README.md").read_text(encoding="utf-8")):
        cwd = project
        for line in block:
            if line.startswith("cd "):
                cwd = (cwd / shlex.split(line)[1]).resolve()
                continue
            # bash: the README's lines use globs (layouts/*.yaml) and # comments
            r = subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
            assert r.returncode == 0, f"{line}\n(in {cwd.relative_to(tmp_path)}) exited {r.returncode}:\n{r.stderr}"
            ran.append(line)
    assert len(ran) >= 6, ran


def test_readme_pictures_exist_and_are_small() -> None:
    """The first screen shows a brief page and two slides; every picture is a PNG under 120 KB
    (scripts/readme_pictures.py makes them)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_screen = text[:text.index("```")]  # before the first code block: the top of the page
    assert re.findall(r'<img src="(docs/img/[^"]+)"', first_screen) == [
        "docs/img/seeds-brief.png", "docs/img/seeds-story-slide.png", "docs/img/seeds-chart-slide.png"]
    for src in re.findall(r'(?:<img src="|!\[[^\]]*\]\()(docs/[^")]+)', text):
        path = ROOT / src
        assert path.is_file(), src
        if path.suffix == ".png" and path.parent.name == "img":
            assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size < 120_000, src
