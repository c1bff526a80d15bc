"""Which layout folder a command uses when none is named: the project's ``layouts/``, or
the default layouts shipped inside the package (``reportkit/layouts/default/``).

A folder without ``layouts/`` still builds: the packaged brand is neutral and needs no
files (reportlab's own fonts, no logo), and the packaged content names no topic, so its
charts are the automatic ones and its key figures the week's headline numbers.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_DIR = Path("layouts")
PACKAGED_DIR = Path(__file__).resolve().parent / "default"
# the files `reportkit init` copies into a new project, in this order
PACKAGED_FILES = ("brand.yaml", "content.yaml", "weekly-brief.yaml", "briefing-deck.yaml")
PACKAGED_NOTE = ("no layouts/ folder here; using reportkit's default layouts "
                 "(run 'reportkit init' to make your own)")


def layout_folder(project_dir: Path = PROJECT_DIR) -> tuple[Path, bool]:
    """The folder to read layouts from and whether it is the packaged one.

    ``project_dir`` when it exists (even empty or broken: a user's folder is never
    silently replaced), else the packaged defaults.
    """
    if project_dir.exists():
        return project_dir, False
    return PACKAGED_DIR, True
