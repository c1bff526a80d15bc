"""The ``reportkit`` command line (Typer): arguments, progress and exit codes only.

``app.py`` holds the app, its option types and shared helpers; ``commands.py`` the commands
that read and build; ``layouts.py`` the ``layouts`` group; ``run.py`` :func:`main`;
``guard.py`` how every command ends (errors as one line, exit codes, signals); ``plain.py``
the ``build`` command the typer one calls, which also runs the simple forms of ``build``
without typer.
"""

__all__ = ["app", "main"]


def __getattr__(name: str) -> object:
    # typer is imported on first use of the app, not with the package: plain.py runs
    # a simple build without it (issue 19)
    if name == "app":
        from . import commands, layouts  # noqa: F401 - registering the commands on the app
        from .app import app

        return app
    if name == "main":
        from .run import main

        return main
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
