"""Run independent render tasks at once in forked children of the build process.

The brief and the deck are rendered from the same in-memory report by pure-Python
libraries (reportlab, python-pptx) that hold the GIL, so threads would not help;
a fork shares the imported modules and the report for free and lets the two
renders use both cores. Each child writes only its own output (atomically) and
reports back its warnings or its error through a pipe; the parent re-raises the
first error as the same :class:`~reportkit.errors.ReportkitError` kind.

A one-off ``reportkit build`` forks one child per task (:func:`start_task`), except a
one-format build, which forks its render workers (:class:`~reportkit.forkpool.Workers`)
before it imports its
stages, so that each imports its renderer meanwhile, and sends each its task once the
report is assembled (``renderstage.prefork``). ``watch`` keeps its workers instead
(:func:`kept_workers`): what a render remembers (the deck's
slides, the brief's page count and converted charts) would die with a child
forked per rebuild, so a long-lived worker renders the same output every time
and keeps its memos warm, while the session renders the last task itself.
Batch workers render in their own process (they already fill the cores).
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import signal
from collections.abc import Iterator
from typing import Any

from .forkpool import DIED, Task, Workers, fork, fork_safe, outcome, warnings_of


def _child(task: Task, w: int) -> None:
    try:
        result = outcome(task)
    except BaseException as e:  # noqa: BLE001 - stopped: still say so to the parent
        result = {"internal": f"{e.__class__.__name__}: {e}"}
    with os.fdopen(w, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(result))
    os._exit(0)  # no atexit handlers: the chart browser and temp dirs belong to the parent


def run_tasks(tasks: list[Task], parallel: bool = True) -> list[list[str]]:
    """Run ``tasks`` (each returns its warnings); in forked children when ``parallel``
    and there is more than one (in :func:`kept_workers` when a session keeps them),
    else in this process. Returns warnings per task."""
    if not parallel or len(tasks) < 2 or not hasattr(os, "fork"):
        return [t() for t in tasks]
    if _KEPT is not None and _KEPT.owner == os.getpid():
        return _KEPT.run(tasks)
    if not fork_safe():  # a thread runs (a chart browser started late): no fork (forkpool.fork)
        return [t() for t in tasks]
    children: list[Child] = []
    try:
        for task in tasks:
            children.append(start_task(task))
    except BaseException:  # interrupted while forking: stop the renders already running
        for child in children:
            child.stop()
        raise
    return collect(children)


class Child:
    """A task running in a forked child (see :func:`start_task`)."""

    def __init__(self, pid: int, pipe: int) -> None:
        self.pid, self.pipe = pid, pipe
        self.reaped = False

    def result(self) -> dict[str, Any]:
        """Wait for the child; its outcome as it sent it (``warnings``, ``error`` or ``internal``)."""
        fh, self.pipe = os.fdopen(self.pipe, encoding="utf-8"), -1  # closed with fh from now on
        with fh:
            raw = fh.read()
        os.waitpid(self.pid, 0)
        self.reaped = True
        return json.loads(raw) if raw else {"internal": DIED}

    def stop(self) -> None:
        """Stop a child whose result is no longer wanted (the build was interrupted or failed);
        nothing once it has been waited for (its pid may be another process's by then)."""
        if self.reaped:
            return
        self.reaped = True
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        if self.pipe >= 0:
            with contextlib.suppress(OSError):
                os.close(self.pipe)


def can_fork() -> bool:
    """Whether tasks can run in forked children here (and no session keeps its workers)."""
    return hasattr(os, "fork") and not (_KEPT is not None and _KEPT.owner == os.getpid())


def start_task(task: Task) -> Child:
    """Fork a child that runs ``task`` now; :func:`collect` waits for it. Only while no other
    thread runs (:func:`~reportkit.forkpool.fork_safe`; RuntimeError otherwise)."""
    r, w = os.pipe()
    # what the parent made stays out of the child's garbage collections: it is short-lived,
    # and a full collection in a render child walked all of it (≈30 ms)
    gc.freeze()
    try:
        pid = fork()  # refused while another thread runs
        if pid == 0:  # pragma: no cover - runs in the child
            os.close(r)
            _child(task, w)
    finally:
        gc.unfreeze()  # this process goes on: its own objects are collected as before
    os.close(w)
    return Child(pid, r)


def collect(children: list[Child]) -> list[list[str]]:
    """Wait for every child of :func:`start_task`; their warnings, in order. The first error
    is raised again as the same :class:`~reportkit.errors.ReportkitError` kind; if waiting is
    interrupted, the children still running are stopped."""
    results: list[dict[str, Any]] = []
    try:
        while len(results) < len(children):
            results.append(children[len(results)].result())
    finally:
        for child in children[len(results):]:
            child.stop()
    return warnings_of(results)


_KEPT: Workers | None = None


@contextlib.contextmanager
def kept_workers() -> Iterator[None]:
    """Within: :func:`run_tasks` in this process sends every task but the last (pickled: a
    task must be a module-level function with picklable arguments) to long-lived forked
    workers, stopped on exit. The first is forked on entry, before the session starts a thread
    (the file watcher's, the chart browser's), and so is a forker (:mod:`reportkit.forker`): no
    fork is made while a thread runs, so a worker wanted later (a second one for a third output,
    one in place of a worker that died) is forked by the forker; where there is none, its task
    runs in the session (:meth:`Workers.run`).

    A worker freezes the garbage collector's view after its first task (``gc.freeze``): the
    modules, the memos and what it inherited live as long as it does, and a full collection
    no longer walks them on every rebuild (≈10 → 1–3 ms of collection per seeds rebuild)."""
    global _KEPT
    outer, _KEPT = _KEPT, Workers()
    try:
        if hasattr(os, "fork") and fork_safe():
            with contextlib.suppress(OSError):  # no fork to be had: the session renders alone
                _KEPT.spawn()
                _KEPT.keep_forker()  # forks the workers wanted later, once the session's threads run
        yield
    finally:
        kept, _KEPT = _KEPT, outer
        kept.close()
