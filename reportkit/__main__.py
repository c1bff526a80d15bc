"""``python -m reportkit`` and the ``reportkit`` command: signals first, then the CLI.

Importing the CLI (typer, pydantic) takes a noticeable time on a cold start. A
Ctrl-C or a SIGTERM in that time used to print a traceback from inside an import;
until :func:`reportkit.cli.main` (cli/run.py) installs its own handling, a signal ends the
process at once with one line (nothing has been written yet).

A build whose inputs have not changed is answered before those imports, by
:mod:`reportkit.fastpath` (standard library only), when it can be sure of the answer;
another simple ``build`` runs without typer (:mod:`reportkit.cli.plain`). As a container's
PID 1, the command runs in a child of a minimal init that reaps orphans (:mod:`reportkit.pid1`).
"""

import os
import signal


def _stop(signum: int, _frame: object) -> None:
    os.write(2, b"interrupted\n")
    os._exit(128 + signum)


# at import, before anything else: the console script imports this module, then calls run()
signal.signal(signal.SIGINT, _stop)
signal.signal(signal.SIGTERM, _stop)


def _no_plugin_loader() -> None:
    """pydantic's plugin loader imports importlib.metadata (≈15-25 ms a command, a seventh of a
    warm build's imports) even when every plugin is disabled, only to find none. It is stood in
    for by a module that answers as the loader does then: its one name pydantic uses,
    ``get_plugins``, gives no plugin (tests/test_cli_startup.py checks both)."""
    import sys
    import types

    name = "pydantic.plugin._loader"
    if name not in sys.modules:
        loader = types.ModuleType(name, "no pydantic plugins (reportkit.__main__)")
        loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
        sys.modules[name] = loader


#: Container objects allocated (net) before the collector looks at the young ones (CPython's own: 700)
YOUNG_THRESHOLD = 25_000


def _young_collections_less_often() -> None:
    """A build allocates millions of short-lived objects (tokens, paragraphs, XML elements) and
    almost none of them in a cycle: with CPython's default threshold the collector ran ≈100 young
    and ≈10 middle collections in a warm build of the seeds (≈28 ms of CPU, 3 % of a batch worker's
    report), finding next to nothing. At 25,000 it runs two (≈11 ms). The older generations keep
    their ratios, so a cycle is still collected, only a little later; what one collection holds is
    bounded the same way (a few MB). Forked render children and batch workers inherit it."""
    import gc

    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)


def run() -> None:
    """Console entry point."""
    import sys

    if os.getpid() == 1:  # a container's first process: the command runs under a minimal init
        from .pid1 import run_command_in_child

        run_command_in_child()
    from .fastpath import answer

    if answer(sys.argv[1:]):
        return
    # pydantic looks for plugins the first time it builds a validator: it reads the entry
    # points of every installed distribution (≈5-9 ms a command) and imports each plugin found
    # (an observability SDK: a hundred modules) to watch validations. reportkit's pydantic only
    # checks its own layout and manifest files, so the command goes without; a user who wants a
    # plugin sets PYDANTIC_DISABLE_PLUGINS themselves (empty: every plugin). Importing reportkit
    # as a library leaves pydantic's default alone.
    _young_collections_less_often()
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] in ("__all__", "1", "true"):
        _no_plugin_loader()
    from .cli.plain import run_simple

    if run_simple(sys.argv[1:]):  # exits when it ran the build
        return
    from .cli import main

    main()


if __name__ == "__main__":
    run()
