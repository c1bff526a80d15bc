"""Run independent render tasks at once in forked children of the build process.

Used by a one-off ``reportkit build``. ``watch`` and batch workers render in
their own process instead, because what a render remembers (the deck's slides,
the brief's page count) would die with a child.

The brief and the deck are rendered from the same in-memory report by pure-Python
libraries (reportlab, python-pptx) that hold the GIL, so threads would not help;
a fork shares the imported modules and the report for free and lets the two
renders use both cores. Each child writes only its own output (atomically) and
reports back its warnings or its error through a pipe; the parent re-raises the
first error as the same :class:`~reportkit.errors.ReportkitError` kind.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
from collections.abc import Callable

from . import errors

Task = Callable[[], list[str]]  # runs one render; returns its warnings


def _child(task: Task, w: int) -> None:
    try:
        result = {"warnings": task()}
    except errors.ReportkitError as e:
        result = {"error": e.message, "path": e.path, "kind": type(e).__name__}
    except BaseException as e:  # noqa: BLE001 - everything must reach the parent
        result = {"internal": f"{e.__class__.__name__}: {e}"}
    with os.fdopen(w, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(result))
    os._exit(0)  # no atexit handlers: the chart browser and temp dirs belong to the parent


def run_tasks(tasks: list[Task], parallel: bool = True) -> list[list[str]]:
    """Run ``tasks`` (each returns its warnings); in forked children when ``parallel``
    and there is more than one, else in this process. Returns warnings per task."""
    if not parallel or len(tasks) < 2 or not hasattr(os, "fork"):
        return [t() for t in tasks]
    children: list[tuple[int, int]] = []
    try:
        for task in tasks:
            r, w = os.pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - runs in the child
                os.close(r)
                _child(task, w)
            os.close(w)
            children.append((pid, r))
        results = []
        for pid, r in children:
            with os.fdopen(r, encoding="utf-8") as fh:
                raw = fh.read()
            os.waitpid(pid, 0)
            results.append(json.loads(raw) if raw else {"internal": "render process died"})
        children.clear()
    finally:
        for pid, r in children:  # interrupted: stop the renders still running
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
            with contextlib.suppress(OSError):
                os.close(r)
    for res in results:
        if "error" in res:
            raise getattr(errors, res["kind"], errors.ReportkitError)(res["error"], res["path"])
        if "internal" in res:
            raise RuntimeError(res["internal"])
    return [res["warnings"] for res in results]
