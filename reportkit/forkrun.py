"""Run independent render tasks at once in forked children of the build process.

The brief and the deck are rendered from the same in-memory report by pure-Python
libraries (reportlab, python-pptx) that hold the GIL, so threads would not help;
a fork shares the imported modules and the report for free and lets the two
renders use both cores. Each child writes only its own output (atomically) and
reports back its warnings or its error through a pipe; the parent re-raises the
first error as the same :class:`~reportkit.errors.ReportkitError` kind.

A one-off ``reportkit build`` forks one child per task (:func:`start_task`), except a
one-format build, which forks its render workers (:class:`Workers`) before it imports its
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
import pickle
import signal
import struct
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from . import errors

Task = Callable[[], list[str]]  # runs one render; returns its warnings


def _outcome(task: Task) -> dict[str, Any]:
    """What the parent is told of one task: its warnings, or its error."""
    try:
        return {"warnings": task()}
    except errors.ReportkitError as e:
        return {"error": e.message, "path": e.path, "kind": type(e).__name__}
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as e:  # noqa: BLE001 - everything must reach the parent
        return {"internal": f"{e.__class__.__name__}: {e}"}


def _child(task: Task, w: int) -> None:
    try:
        result = _outcome(task)
    except BaseException as e:  # noqa: BLE001 - stopped: still say so to the parent
        result = {"internal": f"{e.__class__.__name__}: {e}"}
    with os.fdopen(w, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(result))
    os._exit(0)  # no atexit handlers: the chart browser and temp dirs belong to the parent


def _results(results: list[dict[str, Any]]) -> list[list[str]]:
    for res in results:
        if "error" in res:
            raise getattr(errors, res["kind"], errors.ReportkitError)(res["error"], res["path"])
        if "internal" in res:
            raise RuntimeError(res["internal"])
    return [res["warnings"] for res in results]


def run_tasks(tasks: list[Task], parallel: bool = True) -> list[list[str]]:
    """Run ``tasks`` (each returns its warnings); in forked children when ``parallel``
    and there is more than one (in :func:`kept_workers` when a session keeps them),
    else in this process. Returns warnings per task."""
    if not parallel or len(tasks) < 2 or not hasattr(os, "fork"):
        return [t() for t in tasks]
    if _KEPT is not None and _KEPT.owner == os.getpid():
        return _KEPT.run(tasks)
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
        return json.loads(raw) if raw else {"internal": _DIED}

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
    """Fork a child that runs ``task`` now; :func:`collect` waits for it. The caller may go on
    with other work (a cold build draws the brief's charts while the deck renders)."""
    r, w = os.pipe()
    # what the parent made stays out of the child's garbage collections: it is short-lived,
    # and a full collection in a render child walked all of it (≈30 ms)
    gc.freeze()
    try:
        pid = os.fork()
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
    return _results(results)


class _Conn:
    """One end of a private pair of pipes between a process and its worker: length-prefixed
    frames each way (no multiprocessing import in the build process: ≈10 ms before the fork)."""

    def __init__(self, rfd: int, wfd: int) -> None:
        self.rfd, self.wfd = rfd, wfd

    @staticmethod
    def pair() -> tuple[_Conn, _Conn]:
        """Two connected ends: the first for this process, the second for the worker."""
        r1, w1 = os.pipe()
        r2, w2 = os.pipe()
        return _Conn(r1, w2), _Conn(r2, w1)

    def send_bytes(self, data: bytes) -> None:
        """Write one frame; OSError (BrokenPipeError) when the other end is gone."""
        view = memoryview(_HEADER.pack(len(data)) + data)
        while view:
            view = view[os.write(self.wfd, view):]

    def _read(self, n: int) -> bytes:
        chunks, left = [], n
        while left:
            chunk = os.read(self.rfd, min(left, 1 << 20))
            if not chunk:
                raise EOFError
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    def recv_bytes(self) -> bytes:
        """Read one frame; EOFError when the other end is closed."""
        (size,) = _HEADER.unpack(self._read(_HEADER.size))
        return self._read(size)

    def recv(self) -> Any:
        """Read one pickled frame (only ever from the process that forked this one)."""
        return pickle.loads(self.recv_bytes())

    def close(self) -> None:
        for fd in (self.rfd, self.wfd):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self.rfd = self.wfd = -1


_HEADER = struct.Struct("<Q")


def _serve(conn: _Conn, warm: Callable[[], object] | None, mask: set[int]) -> None:  # pragma: no cover - a worker
    """A worker's life: its warm-up, then one pickled task at a time from its parent, its outcome back."""

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)  # unwinds the render: its temporary file is removed

    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which stops us
        signal.signal(signal.SIGTERM, stop)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # blocked around the fork: see Workers.spawn
        with contextlib.suppress(Exception):  # Linux: die with the parent even if it is killed
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        if warm is not None:
            with contextlib.suppress(Exception):  # a problem here meets the task again, and is reported then
                warm()
            gc.freeze()  # what the warm-up loaded lives as long as the worker: its collections skip it
        served = 0
        while True:
            try:
                task = conn.recv()
            except (EOFError, OSError):
                break  # the parent ended
            if task is None:
                break
            conn.send_bytes(json.dumps(_outcome(task)).encode())
            served += 1
            if served == 1:
                gc.freeze()  # see kept_workers
    finally:
        os._exit(0)  # no atexit handlers: the chart browser and temp dirs belong to the parent


class Workers:
    """Forked workers that take tasks, pickled, over private pipes: watch's kept render
    workers (:func:`kept_workers`) and a build's render workers forked before its report is
    assembled, each importing its renderer meanwhile (``renderstage.prefork``)."""

    def __init__(self) -> None:
        self.owner = os.getpid()
        self.conns: list[_Conn] = []
        self.pids: list[int] = []
        self.tags: list[str] = []  # what each worker was forked for (its warm-up)

    def spawn(self, warm: Callable[[], object] | None = None, tag: str = "") -> None:
        """Fork one more worker (``tag``: what for); it runs ``warm`` (errors ignored) before
        waiting for its task.
        Call it when no other thread runs (a fork during another thread's import leaves the
        import's lock held in the child)."""
        mine, theirs = _Conn.pair()
        # no signal between the fork and the worker's own handlers: this process's handlers
        # would unwind a copy of its stack in the worker
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            pid = os.fork()
            if pid == 0:  # pragma: no cover - runs in the worker
                mine.close()
                for c in self.conns:
                    c.close()
                _serve(theirs, warm, mask)
        except BaseException:
            mine.close()
            theirs.close()
            raise
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        theirs.close()
        self.conns.append(mine)
        self.pids.append(pid)
        self.tags.append(tag)

    def run(self, tasks: list[Task]) -> list[list[str]]:
        """Task i goes to worker i (so each output meets its own memos again), the last
        one runs here at the same time; a task that cannot be sent runs here too."""
        remote, last = tasks[:-1], tasks[-1]
        frames = _frames(remote)
        if frames is None:
            return [t() for t in tasks]
        while len(self.conns) < len(remote):
            self.spawn()
        busy: list[int] = []
        try:
            for i, frame in enumerate(frames):
                with contextlib.suppress(OSError):  # a dead worker: its end-of-file says so below
                    self.conns[i].send_bytes(frame)
                busy.append(i)
            here = _outcome(last)
            results = [self._receive(i) for i in busy]
            busy.clear()
        finally:
            if busy:  # interrupted: stop the renders still running
                self.close()
        for i in reversed(range(len(results))):
            if results[i].get("internal") == _DIED:
                self._drop(i)
        return _results(results + [here])

    def run_each(self, tasks: list[Task]) -> list[list[str]]:
        """Task i goes to worker i, all at once; waits for every one. A task that cannot be sent
        (not picklable, its worker gone) runs here instead. Interrupted or failing here: every
        worker is stopped."""
        frames = _frames(tasks) or [b""] * len(tasks)
        results: list[dict[str, Any] | None] = [None] * len(tasks)
        sent: list[int] = []
        done = False
        try:
            for i, frame in enumerate(frames):
                if frame:
                    with contextlib.suppress(OSError):  # the worker died while it waited
                        self.conns[i].send_bytes(frame)
                        sent.append(i)
            for i, task in enumerate(tasks):
                if i not in sent:
                    results[i] = _outcome(task)
            for i in sent:
                results[i] = self._receive(i)
            done = True
        finally:
            if not done:
                self.close()
        return _results([r for r in results if r is not None])

    def _receive(self, i: int) -> dict[str, Any]:
        try:
            return json.loads(self.conns[i].recv_bytes())
        except (EOFError, OSError):
            return {"internal": _DIED}

    def keep(self, wanted: list[int]) -> None:
        """Stop the workers not in ``wanted`` (their outputs turned out unchanged); the others
        are numbered 0, 1, … in that order from now on."""
        self._stop([i for i in range(len(self.pids)) if i not in wanted])
        self.conns, self.pids = [self.conns[i] for i in wanted], [self.pids[i] for i in wanted]
        self.tags = [self.tags[i] for i in wanted]

    def _drop(self, i: int) -> None:
        """Forget a dead worker; the next rebuild forks a new one in its place."""
        self.conns[i].close()
        with contextlib.suppress(OSError):
            os.kill(self.pids[i], signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pids[i], 0)
        del self.conns[i], self.pids[i], self.tags[i]

    def close(self) -> None:
        """Stop every worker (a render in progress unwinds, removing its temporary file)."""
        self._stop(range(len(self.pids)))
        self.conns, self.pids, self.tags = [], [], []

    def _stop(self, which: Iterable[int]) -> None:
        which = list(which)
        for i in which:
            self.conns[i].close()  # an idle worker ends on end-of-file
            with contextlib.suppress(OSError):
                os.kill(self.pids[i], signal.SIGTERM)
        for i in which:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pids[i], 0)


_DIED = "render process died"


def _frames(tasks: list[Task]) -> list[bytes] | None:
    """The tasks pickled for a worker; None when one cannot be (not a module-level function)."""
    try:
        return [pickle.dumps(t, protocol=pickle.HIGHEST_PROTOCOL) for t in tasks]
    except (pickle.PicklingError, TypeError, AttributeError):
        return None


_KEPT: Workers | None = None


@contextlib.contextmanager
def kept_workers() -> Iterator[None]:
    """Within: :func:`run_tasks` in this process sends every task but the last (pickled: a
    task must be a module-level function with picklable arguments) to long-lived forked
    workers, forked at the first use and stopped on exit.

    A worker freezes the garbage collector's view after its first task (``gc.freeze``): the
    modules, the memos and what it inherited live as long as it does, and a full collection
    no longer walks them on every rebuild (≈10 → 1–3 ms of collection per seeds rebuild)."""
    global _KEPT
    outer, _KEPT = _KEPT, Workers()
    try:
        yield
    finally:
        kept, _KEPT = _KEPT, outer
        kept.close()
