"""The ``reportkit`` command line (Typer): arguments, progress and exit codes only.

``app.py`` holds the app, its option types and shared helpers; ``commands.py`` the commands
that read and build; ``layouts.py`` the ``layouts`` group; ``run.py`` :func:`main`, which maps
errors to one line and an exit code and handles signals.
"""

from . import commands, layouts  # noqa: F401 - registering the commands on the app
from .app import app
from .run import main

__all__ = ["app", "main"]
