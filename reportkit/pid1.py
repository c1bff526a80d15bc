"""reportkit as a container's PID 1: a minimal init in front of the command.

Run as the first process of a PID namespace (``docker run image reportkit watch …`` without
``--init``), reportkit inherits every orphan in the container. The chart browser is a tree of
Chromium processes; its crash handlers leave it at once, and when a browser is closed or killed
(a hung chart, a long watch's restart, every batch worker's browser) its children are orphaned
too. Nobody would reap them: each left a zombie until the container ran out of process ids.

So, as PID 1, the command runs in a forked child and this process does an init's work, as tini
and dumb-init do: it reaps every process that ends, passes on the signals a container receives
(``docker stop``'s SIGTERM, SIGINT, SIGHUP, …) to the command, and exits with the command's
exit status (128 + N for a command ended by signal N). Nothing else changes: the command's
output, errors and exit codes are the same as outside a container.
"""

from __future__ import annotations

import os
import signal

# the signals passed on to the command; SIGCHLD is this loop's own
FORWARDED = (signal.SIGHUP, signal.SIGINT, signal.SIGQUIT, signal.SIGTERM, signal.SIGUSR1, signal.SIGUSR2,
             signal.SIGWINCH, signal.SIGCONT)
_SI_KERNEL = 0x80  # a signal the terminal driver sent: the command's process group got it already


def is_init() -> bool:
    """True when this process is PID 1 of its namespace (a container without ``--init``)."""
    return os.getpid() == 1


def run_command_in_child() -> None:
    """Fork: return in the child, which runs the command; in this process, reap and pass on
    signals until the child ends, then exit with its status (never returns there)."""
    watched = {*FORWARDED, signal.SIGCHLD}
    # blocked before the fork, so that no signal meant for the command is lost or acted on
    # here in between; the child restores the mask it had
    before = signal.pthread_sigmask(signal.SIG_BLOCK, watched)
    child = os.fork()
    if child == 0:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
        return
    os._exit(_supervise(child, watched))


def _supervise(child: int, watched: set[signal.Signals]) -> int:
    """The init loop: wait for a signal; reap on SIGCHLD (every ended process, the orphans
    included) until the command itself has ended; pass any other on to the command."""
    while True:
        info = signal.sigwaitinfo(watched)
        if info.si_signo != signal.SIGCHLD:
            if info.si_code != _SI_KERNEL:  # a Ctrl-C reached the command's process group itself
                try:
                    os.kill(child, info.si_signo)
                except ProcessLookupError:
                    pass
            continue
        status = _reap(child)
        if status is not None:
            return status


def _reap(child: int) -> int | None:
    """Reap every ended process; the command's exit status once it is among them."""
    result = None
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return result
        if pid == 0:
            return result
        if pid == child:
            code = os.waitstatus_to_exitcode(status)
            result = 128 - code if code < 0 else code
