"""Worker processes for ``reportkit batch`` that fail one report at a time.

Each worker is a long-lived process (so it keeps its browser and what its renders
remember between reports) that takes one report at a time over a pipe. The parent
watches every busy worker's pipe and process sentinel: a worker that dies (killed
by the OOM killer, a crash in a C library) fails only the report it was building,
and a report that runs past its timeout has its worker stopped and replaced.
Nothing here knows what a report is: it runs ``fn(item)`` for each item.

Workers are forked from this process (Linux), after ``warm`` has imported here what
every item needs: each worker starts with those modules loaded instead of importing
them itself (≈0.6 s of CPU a worker, with the interpreter's start). A fork is only
safe while this process runs no other thread (a lock another thread holds at the
fork stays held forever in the child), so the workers are forked before the caller
starts any (``on_started`` says when), and a worker forked later, to replace one
that died, comes from the fork server instead when a thread is running then.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

GiB = 1 << 30
#: Memory a worker may need at its peak: Python with reportlab/python-pptx plus one Chromium.
WORKER_MEMORY = 1 * GiB


@dataclass
class _Worker:
    proc: Any
    conn: Any
    item: int | None = None
    started: float = 0.0


@dataclass
class Outcome:
    """What became of one item: ``result`` from ``fn``, or ``failure`` saying why not."""

    index: int
    result: Any = None
    failure: str | None = None
    seconds: float = 0.0


def _serve(conn: Any, init: Callable[..., None], initargs: tuple[Any, ...], fn: Callable[[Any], Any],
           on_term: Callable[[], None], inherited: tuple[Any, ...] = (),
           fini: Callable[[], None] = lambda: None) -> None:  # pragma: no cover - in the worker
    for end in inherited:  # the pool's ends of pipes, copied by the fork (see run_pool)
        with contextlib.suppress(OSError):
            end.close()

    def stop(signum: int, _frame: Any) -> None:
        with contextlib.suppress(Exception):
            on_term()  # e.g. kill the worker's browser, which lives in its own session
        os._exit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C stops
    init(*initargs)
    while True:
        try:
            item = conn.recv()
        except EOFError:
            item = None
        if item is None:
            fini()
            return
        conn.send(fn(item))


def usable_workers(wanted: int) -> tuple[int, str | None]:
    """``wanted`` capped by the CPUs this process may use and by the memory available
    (:data:`WORKER_MEMORY` each); returns the number and a note when it was capped."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    avail = _available_memory()
    by_memory = max(1, avail // WORKER_MEMORY) if avail else wanted
    n = max(1, min(wanted, cpus, by_memory))
    if n >= wanted:
        return wanted, None
    why = [f"{cpus} CPU{'s' if cpus != 1 else ''}"]
    if avail:
        why.append(f"{avail / GiB:.1f} GiB memory available, about {WORKER_MEMORY // GiB} GiB per worker")
    return n, f"--jobs {wanted} capped to {n} ({'; '.join(why)})"


def _available_memory() -> int:
    with contextlib.suppress(OSError, ValueError):
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    return 0


def _describe_death(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"worker process was killed ({name})"
    return f"worker process died (exit code {code})"


def _nothing() -> None:
    """The default ``on_term``: a module-level function, so a fork server's worker can be sent it."""


def can_fork_workers() -> bool:
    """Whether a worker can be forked from this process now: Linux (fork is the platform's
    own way; macOS frameworks are not fork-safe) and no other thread running, a native library's
    own OS threads counted too (:func:`reportkit.forkpool.fork_safe`)."""
    from .forkpool import fork_safe

    return sys.platform.startswith("linux") and fork_safe()


def run_pool(items: list[Any], workers: int, fn: Callable[[Any], Any], *, init: Callable[..., None],
             initargs: tuple[Any, ...] = (), on_term: Callable[[], None] = _nothing,
             timeout: float | None = None, stop_when: Callable[[Outcome], bool] = lambda _o: False,
             on_done: Callable[[Outcome], None] = lambda _o: None, warm: Callable[[], None] = lambda: None,
             on_started: Callable[[], None] = lambda: None, fini: Callable[[], None] = _nothing,
             order: list[int] | None = None) -> dict[int, Outcome]:
    """Run ``fn`` over ``items`` in up to ``workers`` processes; outcomes by item index.

    ``warm()`` runs here once before the workers are forked (see the module's text), then
    the workers are started, then ``on_started()`` runs (from then on the caller may run
    threads). A worker runs ``init(*initargs)`` when it starts and ``fini()`` when it is told to
    end (not when it is stopped by a signal). An item whose worker dies, or that takes longer than ``timeout`` seconds, gets an
    :class:`Outcome` with ``failure`` set; the other items go on. After an outcome
    for which ``stop_when`` is true, no further item is started. Items not started
    have no outcome. On KeyboardInterrupt/SystemExit every worker is stopped and the
    exception propagates (outcomes so far were reported through ``on_done``). ``order``: the
    item indexes in the order they are started (default: as given).
    """
    import multiprocessing
    from multiprocessing.connection import wait

    forked = multiprocessing.get_context("fork") if can_fork_workers() else None
    served = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
    todo = list(order) if order is not None else list(range(len(items)))
    pool: list[_Worker] = []
    outcomes: dict[int, Outcome] = {}
    stop = False

    def spawn() -> _Worker:
        ctx = forked if forked is not None and can_fork_workers() else served
        parent, child = ctx.Pipe()
        # a forked worker has this process's end of its own pipe and of its siblings' (it would
        # never see end-of-file when this process dies while it holds one): it closes them
        inherited = (parent, *(w.conn for w in pool)) if ctx is forked else ()
        proc = ctx.Process(target=_serve, args=(child, init, initargs, fn, on_term, inherited, fini),
                           daemon=True)
        # what this process made stays out of the worker's collections: it is never garbage there
        gc.freeze()
        try:
            proc.start()
        finally:
            gc.unfreeze()
        child.close()
        w = _Worker(proc, parent)
        pool.append(w)
        return w

    def finish(w: _Worker, outcome: Outcome) -> None:
        nonlocal stop
        outcome.seconds = time.monotonic() - w.started
        w.item = None
        outcomes[outcome.index] = outcome
        on_done(outcome)
        stop = stop or stop_when(outcome)

    def retire(w: _Worker, graceful: bool = True) -> None:
        if w.proc.is_alive() and graceful:
            with contextlib.suppress(OSError):
                os.kill(w.proc.pid, signal.SIGTERM)  # lets the worker stop its browser
            w.proc.join(5)
        if w.proc.is_alive():
            w.proc.kill()
        w.proc.join(5)
        with contextlib.suppress(OSError):
            w.conn.close()
        pool.remove(w)

    try:
        if forked is not None and items:
            with contextlib.suppress(Exception):  # a module that fails to import fails in the worker, said per item
                warm()
            for _ in range(min(workers, len(items))):
                spawn()
        on_started()
        while True:
            idle = [w for w in pool if w.item is None]
            while todo and not stop:
                w = idle.pop() if idle else (spawn() if len(pool) < workers else None)
                if w is None:
                    break
                w.item, w.started = todo.pop(0), time.monotonic()
                w.conn.send(items[w.item])
            busy = [w for w in pool if w.item is not None]
            if not busy:
                break
            wait_for = None
            if timeout is not None:
                wait_for = max(0.0, min(w.started + timeout for w in busy) - time.monotonic())
            ready = set(wait([x for w in busy for x in (w.conn, w.proc.sentinel)], wait_for))
            now = time.monotonic()
            for w in busy:
                if w.conn in ready:
                    try:
                        result = w.conn.recv()
                    except (EOFError, OSError):
                        w.proc.join(5)
                        index = w.item
                        finish(w, Outcome(index, failure=_describe_death(w.proc.exitcode)))
                        retire(w, graceful=False)
                        continue
                    finish(w, Outcome(w.item, result=result))
                elif w.proc.sentinel in ready:
                    w.proc.join(5)
                    finish(w, Outcome(w.item, failure=_describe_death(w.proc.exitcode)))
                    retire(w, graceful=False)
                elif timeout is not None and now - w.started >= timeout:
                    finish(w, Outcome(w.item, failure=f"timed out after {timeout:g} s (--report-timeout); "
                                                      "its worker was stopped"))
                    retire(w)
    finally:
        for w in list(pool):
            if w.item is None and w.proc.is_alive():
                with contextlib.suppress(OSError, ValueError):
                    w.conn.send(None)
        for w in list(pool):
            if w.item is None:
                w.proc.join(2)
            retire(w)
    return outcomes
