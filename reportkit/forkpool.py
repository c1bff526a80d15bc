"""Render workers forked ahead of their tasks, each on a private pair of OS pipes.

:class:`Workers` forks long-lived children that take tasks (module-level functions with
picklable arguments, pickled) one at a time and send back each task's outcome: watch's kept
render workers (:func:`reportkit.forkrun.kept_workers`) and a one-format build's render
workers, forked before its stages are imported so that each imports its renderer meanwhile
(``renderstage.prefork``). A pickled frame only ever travels between a process and a child
it forked itself, never through a file.

The outcome of a task (:func:`outcome`: its warnings, or its error) is the same whether it ran
in one of these workers or in a child forked for it (:mod:`reportkit.forkrun`), and
:func:`warnings_of` turns the outcomes back into warnings or the first error, raised again.

No fork while another thread runs (:func:`fork_safe`, checked by :func:`fork` for every
fork of reportkit's): a lock that thread holds at that moment (an import's, tempfile's,
logging's, one inside the chart browser's libraries) stays held for ever in the child, which
hangs the first time it wants it. A build that will start the chart browser forks its render
workers before the browser's thread starts (``renderstage``), and sends each its task later.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import pickle
import signal
import struct
import sys
import time
from collections.abc import Callable, Iterable
from typing import Any

from . import errors, forker, stopping
from .forker import die_with_parent

Task = Callable[[], list[str]]  # runs one render; returns its warnings

#: The outcome of a task whose process ended before it answered.
DIED = "render process died"


def outcome(task: Task) -> dict[str, Any]:
    """What the parent is told of one task: its warnings, or its error."""
    try:
        return {"warnings": task()}
    except errors.ReportkitError as e:
        return {"error": e.message, "path": e.path, "kind": type(e).__name__}
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as e:  # noqa: BLE001 - everything must reach the parent
        return {"internal": f"{e.__class__.__name__}: {e}"}


def warnings_of(outcomes: list[dict[str, Any]]) -> list[list[str]]:
    """The warnings of every task, in order, from their outcomes; the first error is raised again
    as the same :class:`~reportkit.errors.ReportkitError` kind (an internal one as RuntimeError)."""
    for res in outcomes:
        if "error" in res:
            raise getattr(errors, res["kind"], errors.ReportkitError)(res["error"], res["path"])
        if "internal" in res:
            raise RuntimeError(res["internal"])
    return [res["warnings"] for res in outcomes]


def _tasks() -> set[int] | None:
    """The ids of this process's OS threads (``/proc/self/task``), None where that is not known."""
    try:
        return {int(t) for t in os.listdir("/proc/self/task")}
    except (OSError, ValueError):
        return None


def other_threads() -> list[str]:
    """What runs in this process besides the calling thread: the names of the Python threads, and
    the OS threads no Python thread stands for (a C or Rust library's own: watch's file watcher,
    a thread pool), which Python cannot name: counted from ``/proc/self/task`` where it exists."""
    threading = sys.modules.get("threading")  # not imported: no thread was ever started by it
    names: list[str] = []
    if threading is not None and threading.active_count() > 1:
        me = threading.current_thread()
        names = [t.name for t in threading.enumerate() if t is not me] or ["?"]
    tasks = _tasks()
    if tasks is None:
        return names
    import _thread

    known = {getattr(t, "native_id", None) for t in threading.enumerate()} if threading is not None else set()
    native = len(tasks - known - {_thread.get_native_id()})
    return names + ([f"{native} native thread{'s' if native > 1 else ''}"] if native else [])


def fork_safe() -> bool:
    """Whether this process may fork now: no other thread runs (see the module's docstring)."""
    return not other_threads()


def settle(timeout: float = 0.2) -> bool:
    """Wait (≤ ``timeout`` s) while the only other threads are OS threads, then :func:`fork_safe`.
    A Python thread that was joined (the chart browser's, when it is closed) is still an OS thread
    for a moment, until it has finished exiting; one that stays (a native library's own) costs
    the timeout, so this is for right after threads were stopped, not for every check."""
    deadline = time.monotonic() + timeout
    while True:
        others = other_threads()
        if not others:
            return True
        if not others[-1].endswith(("native thread", "native threads")) or len(others) > 1 \
                or time.monotonic() >= deadline:
            return False
        time.sleep(0.001)


def fork() -> int:
    """``os.fork()``, refused (RuntimeError, before anything is forked) while another thread runs:
    every fork of reportkit's goes through here, so a fork while a thread runs is a bug found at
    once rather than a child that hangs now and then. Callers check :func:`fork_safe` first and
    render in their own process when it says no."""
    others = other_threads()
    if others:
        raise RuntimeError(f"refusing to fork while other threads run ({', '.join(others)})")
    return os.fork()


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
        stopping.record(signum)  # if the exception is swallowed (a __del__), no output is put in place
        raise SystemExit(128 + signum)  # unwinds the render: its temporary file is removed

    hook = sys.unraisablehook

    def quiet(unraisable: object) -> None:
        # the stop's SystemExit raised inside a callback Python cannot unwind (an import lock's
        # weakref callback, a __del__) is printed as "Exception ignored ... Traceback": the stop is
        # recorded (no output is put in place), so it needs no traceback
        if not (isinstance(getattr(unraisable, "exc_value", None), SystemExit) and stopping.received() is not None):
            hook(unraisable)

    try:
        sys.unraisablehook = quiet
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which stops us
        signal.signal(signal.SIGTERM, stop)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # blocked around the fork: see Workers.spawn
        die_with_parent()  # Linux: even if the parent is killed
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
            conn.send_bytes(json.dumps(outcome(task)).encode())
            served += 1
            if served == 1:
                gc.freeze()  # see forkrun.kept_workers
    finally:
        os._exit(0)  # no atexit handlers: the chart browser and temp dirs belong to the parent


class Workers:
    """Forked workers that take tasks, pickled, over private pipes: watch's kept render
    workers (:func:`reportkit.forkrun.kept_workers`) and a build's render workers forked
    before its report is assembled, each importing its renderer meanwhile
    (``renderstage.prefork``)."""

    def __init__(self) -> None:
        self.owner = os.getpid()
        self.conns: list[_Conn] = []
        self.pids: list[int | None] = []  # None: a slot whose task runs in this process (:meth:`here`)
        self.tags: list[str] = []  # what each worker was forked for (its warm-up)
        self.pidfds: list[int | None] = []  # a worker the forker forked: how it is signalled and waited for
        self.forker: forker.Forker | None = None

    def keep_forker(self) -> None:
        """Fork a :class:`~reportkit.forker.Forker` now (no other thread may run: RuntimeError),
        which forks every later worker :meth:`spawn` cannot fork here because a thread runs by
        then (watch's file watcher, its chart browser). Nothing where it cannot be made."""
        if self.forker is None and forker.available():
            unmasked = signal.pthread_sigmask(signal.SIG_BLOCK, set())
            self.forker = forker.Forker(fork, lambda r, w: _serve(_Conn(r, w), None, unmasked),
                                        [fd for c in self.conns for fd in (c.rfd, c.wfd) if fd >= 0])

    def can_spawn(self) -> bool:
        """Whether :meth:`spawn` can add a worker now: here (no other thread runs) or by the forker."""
        return self.forker is not None or fork_safe()

    def spawn(self, warm: Callable[[], object] | None = None, tag: str = "") -> None:
        """Fork one more worker (``tag``: what for); it runs ``warm`` (errors ignored) before
        waiting for its task. Forked here when no other thread runs (:func:`fork_safe`), else by
        the forker (:meth:`keep_forker`; without ``warm``); RuntimeError when neither can."""
        mine, theirs = _Conn.pair()
        if self.forker is not None and warm is None and not fork_safe():
            try:
                pid, pidfd = self.forker.spawn(theirs.rfd, theirs.wfd)
            except BaseException:
                mine.close()
                raise
            finally:
                theirs.close()
            self._add(mine, pid, tag, pidfd)
            return
        # no signal between the fork and the worker's own handlers: this process's handlers
        # would unwind a copy of its stack in the worker
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            pid = fork()
            if pid == 0:  # pragma: no cover - runs in the worker
                mine.close()
                for c in self.conns:
                    c.close()
                if self.forker is not None:
                    self.forker.sock.close()
                _serve(theirs, warm, mask)
        except BaseException:
            mine.close()
            theirs.close()
            raise
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        theirs.close()
        self._add(mine, pid, tag, None)

    def here(self, tag: str = "") -> None:
        """Add a slot with no worker: :meth:`send` says no, so its task runs in this process."""
        self._add(_Conn(-1, -1), None, tag, None)

    def _add(self, conn: _Conn, pid: int | None, tag: str, pidfd: int | None) -> None:
        self.conns.append(conn)
        self.pids.append(pid)
        self.tags.append(tag)
        self.pidfds.append(pidfd)

    def run(self, tasks: list[Task]) -> list[list[str]]:
        """Task i goes to worker i (so each output meets its own memos again), the last
        one runs here at the same time; a task that cannot be sent runs here too, and so does
        one whose worker is missing while another thread runs (no fork then: :func:`fork`)."""
        remote, last = tasks[:-1], tasks[-1]
        frames = _frames(remote)
        if frames is None:
            return [t() for t in tasks]
        while len(self.conns) < len(remote) and self.can_spawn():
            try:
                self.spawn()
            except OSError:  # no fork to be had (EAGAIN, ENOMEM, the forker gone): the rest runs here
                break
        busy: list[int] = []
        try:
            for i, frame in enumerate(frames[:len(self.conns)]):
                with contextlib.suppress(OSError):  # a dead worker: its end-of-file says so below
                    self.conns[i].send_bytes(frame)
                busy.append(i)
            here = [outcome(t) for t in remote[len(busy):]] + [outcome(last)]
            results = [self.receive(i) for i in busy]
            busy.clear()
        finally:
            if busy:  # interrupted: stop the renders still running
                self.close()
        for i in reversed(range(len(results))):
            if results[i].get("internal") == DIED:
                self._drop(i)
        return warnings_of(results + here)

    def send(self, i: int, task: Task) -> bool:
        """Send ``task`` to worker i now, whatever the other workers wait for (a cold build sends
        its native-chart deck before the brief's charts are drawn); :meth:`receive` gets its
        outcome. False when it cannot be sent (a slot with no worker, not picklable, the worker
        gone): run it here."""
        if self.pids[i] is None:
            return False
        frames = _frames([task])
        if frames is None:
            return False
        try:
            self.conns[i].send_bytes(frames[0])
        except OSError:  # the worker died while it waited
            return False
        return True

    def receive(self, i: int) -> dict[str, Any]:
        """Wait for worker i's outcome of the task it was sent (:func:`outcome`'s form)."""
        try:
            return json.loads(self.conns[i].recv_bytes())
        except (EOFError, OSError):
            return {"internal": DIED}

    def keep(self, wanted: list[int]) -> None:
        """Stop the workers not in ``wanted`` (their outputs turned out unchanged); the others
        are numbered 0, 1, … in that order from now on."""
        self._stop([i for i in range(len(self.pids)) if i not in wanted])
        self.conns, self.pids = [self.conns[i] for i in wanted], [self.pids[i] for i in wanted]
        self.tags, self.pidfds = [self.tags[i] for i in wanted], [self.pidfds[i] for i in wanted]

    def _drop(self, i: int) -> None:
        """Forget a dead worker; the next rebuild forks a new one in its place."""
        self.conns[i].close()
        self._signal(i, signal.SIGKILL)
        self._wait(i)
        del self.conns[i], self.pids[i], self.tags[i], self.pidfds[i]

    def close(self) -> None:
        """Stop every worker (a render in progress unwinds, removing its temporary file), then
        the forker."""
        self._stop(range(len(self.pids)))
        self.conns, self.pids, self.tags, self.pidfds = [], [], [], []
        if self.forker is not None:
            self.forker.close()
            self.forker = None

    def _stop(self, which: Iterable[int]) -> None:
        which = list(which)
        for i in which:
            self.conns[i].close()  # an idle worker ends on end-of-file
            self._signal(i, signal.SIGTERM)
        for i in which:
            self._wait(i)

    # a worker the forker forked is not this process's child: signalled and waited for by its
    # pidfd (forker.py), as its pid alone could name another process by then
    def _signal(self, i: int, signum: int) -> None:
        with contextlib.suppress(OSError):
            if self.pidfds[i] is not None:
                signal.pidfd_send_signal(self.pidfds[i], signum)
            elif self.pids[i] is not None:
                os.kill(self.pids[i], signum)

    def _wait(self, i: int) -> None:
        pidfd = self.pidfds[i]
        if pidfd is not None:
            self.pidfds[i] = None
            forker.wait(pidfd)
            return
        if self.pids[i] is not None:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pids[i], 0)


def _frames(tasks: list[Task]) -> list[bytes] | None:
    """The tasks pickled for a worker; None when one cannot be (not a module-level function)."""
    try:
        return [pickle.dumps(t, protocol=pickle.HIGHEST_PROTOCOL) for t in tasks]
    except (pickle.PicklingError, TypeError, AttributeError):
        return None
