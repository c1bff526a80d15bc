"""A threadless process that forks a session's later workers for it.

A process may fork only while no other thread runs (:func:`reportkit.forkpool.fork`): a lock
another thread holds at that moment stays held for ever in the child. A ``watch`` session runs
threads all its life (the file watcher's, a native one Python does not see, and the chart
browser's), so a worker it needs later (one to replace a worker that died, a second one when
three outputs change at once) cannot be forked from it. :class:`Forker` is forked on the
session's entry, before any thread starts, and never starts one: it forks each later worker
instead, on request, and hands it the session's pipe ends (passed over a Unix socket,
``SCM_RIGHTS``). Such a worker starts from what the session had loaded on entry, as the first
worker did.

Its workers are the forker's children, not the session's: the kernel reaps them (the forker
ignores ``SIGCHLD``), and the session signals and waits for each through a pidfd
(:func:`os.pidfd_open`, Linux ≥ 5.3), never by its pid alone, which could be another process's
by then. A worker dies with the forker (``PR_SET_PDEATHSIG``) and the forker with the session.
Where pidfds or ``SCM_RIGHTS`` are missing, there is no forker (:func:`available`) and the
session renders what it cannot send to a worker itself, as before.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import struct
from collections.abc import Callable

_PID = struct.Struct("<q")


def available() -> bool:
    """Whether a forker can be made here: Linux's pidfds and passing fds over a Unix socket."""
    import socket

    return hasattr(os, "pidfd_open") and hasattr(socket, "send_fds") and hasattr(signal, "pidfd_send_signal")


def die_with_parent() -> None:
    """Linux: this process gets SIGTERM when its parent ends, even if the parent is killed."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Forker:
    """A process forked now (``fork``, called while no other thread runs) that runs ``serve(rfd,
    wfd)`` in a child of its own for each :meth:`spawn`. ``inherited`` are this process's fds the
    forker must not hold (the ends of the pipes of workers forked before it)."""

    def __init__(self, fork: Callable[[], int], serve: Callable[[int, int], None], inherited: list[int]) -> None:
        import socket

        self._socket = socket
        mine, theirs = socket.socketpair()
        # no signal between the fork and the forker's own handlers (see forkpool.Workers.spawn)
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            pid = fork()
            if pid == 0:  # pragma: no cover - runs in the forker
                mine.close()
                for fd in inherited:
                    with contextlib.suppress(OSError):
                        os.close(fd)
                _fork_on_request(theirs, fork, serve, mask)
        except BaseException:
            mine.close()
            theirs.close()
            raise
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        theirs.close()
        self.sock, self.pid = mine, pid

    def fileno(self) -> int:
        """This process's end of the socket (a child forked here later must close it)."""
        return self.sock.fileno()

    def spawn(self, rfd: int, wfd: int) -> tuple[int, int]:
        """A new worker, forked by the forker, that runs ``serve(rfd, wfd)`` on its copies of these
        fds (this process keeps and closes its own); its pid and a pidfd for it. OSError when the
        forker is gone or could not fork."""
        self._socket.send_fds(self.sock, [b"w"], [rfd, wfd])
        data = b""
        while len(data) < _PID.size:
            chunk = self.sock.recv(_PID.size - len(data))
            if not chunk:
                raise OSError("the forker ended")
            data += chunk
        (pid,) = _PID.unpack(data)
        if pid <= 0:
            raise OSError("the forker could not fork")
        return pid, os.pidfd_open(pid)  # at once: it waits for its first task, so it is still there

    def close(self) -> None:
        """End the forker (its workers, if any are left, end with it) and wait for it."""
        self.sock.close()  # end-of-file: it exits
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


def wait(pidfd: int) -> None:
    """Wait until a forker's worker has ended (its pidfd turns readable), then close the pidfd."""
    with contextlib.suppress(OSError, ValueError):
        select.select([pidfd], [], [])
    with contextlib.suppress(OSError):
        os.close(pidfd)


def _fork_on_request(sock, fork: Callable[[], int], serve: Callable[[int, int], None],
                     mask: set[int]) -> None:  # pragma: no cover - the forker
    """The forker's life: one worker forked per request until the session closes its end."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the session, which ends us
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # its workers are reaped by the kernel
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        die_with_parent()
        import socket

        while True:
            try:
                msg, fds, _flags, _addr = socket.recv_fds(sock, 16, 2)
            except OSError:
                break
            if not msg or len(fds) != 2:
                break
            try:
                pid = fork()  # this process never runs a thread
            except (OSError, RuntimeError):
                pid = -1
            if pid == 0:
                sock.close()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                serve(*fds)
                os._exit(0)
            for fd in fds:
                os.close(fd)
            sock.sendall(_PID.pack(pid))
    finally:
        os._exit(0)  # no atexit handlers: what the session holds is the session's
