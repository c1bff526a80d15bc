"""reportkit as a container's PID 1 (reportkit/pid1.py): orphans are reaped, signals reach the
command, exit statuses are the command's. Run in a new PID namespace (``unshare``), as a
container without ``--init`` runs it; skipped where user namespaces are not allowed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import ROOT

UNSHARE = ["unshare", "--user", "--map-root-user", "--pid", "--fork", "--mount-proc"]


def _can_unshare() -> bool:
    if not shutil.which("unshare"):
        return False
    proc = subprocess.run([*UNSHARE, "true"], capture_output=True)
    return proc.returncode == 0


pytestmark = pytest.mark.skipif(not _can_unshare(), reason="no user/PID namespaces here (unshare)")

# the command's part: an orphan whose parent has gone ends at once (a Chromium child after its
# browser was killed), then the command waits to be looked at
ORPHAN = textwrap.dedent("""
    import os, sys, time
    if os.fork() == 0:
        if os.fork() == 0:
            time.sleep(0.2)
            os._exit(0)   # the orphan ends: a zombie unless its new parent reaps it
        os._exit(0)       # its parent leaves it to PID 1
    os.waitpid(-1, 0)
    print("ready", flush=True)
    time.sleep(float(sys.argv[1]))
    sys.exit(7)
""")


def _namespace_processes(unshare_pid: int) -> list[tuple[int, str, str]]:
    """(pid, state, name) of every process below the ``unshare`` process."""
    children: dict[int, list[int]] = {}
    info: dict[int, tuple[str, str]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()
        children.setdefault(int(fields[1]), []).append(int(name))
        info[int(name)] = (fields[0], stat[stat.find("(") + 1:stat.rfind(")")])
    found, todo = [], list(children.get(unshare_pid, []))
    while todo:
        pid = todo.pop()
        if pid in info:
            found.append((pid, *info[pid]))
        todo += children.get(pid, [])
    return found


def _run_as_pid1(prelude: str, seconds: float = 1.5) -> tuple[subprocess.Popen, list[tuple[int, str, str]]]:
    code = prelude + ORPHAN
    proc = subprocess.Popen([*UNSHARE, sys.executable, "-c", code, str(seconds)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(0.6)  # the orphan has ended by now
    return proc, _namespace_processes(proc.pid)


def test_as_pid1_orphans_are_reaped_while_the_command_runs() -> None:
    # the control: PID 1 without the init leaves the orphan a zombie (so the check below can fail)
    proc, seen = _run_as_pid1("")
    assert any(state == "Z" for _pid, state, _name in seen), seen
    assert proc.wait(timeout=10) == 7
    proc, seen = _run_as_pid1("from reportkit.pid1 import run_command_in_child; run_command_in_child()\n")
    assert seen and not any(state == "Z" for _pid, state, _name in seen), seen
    assert proc.wait(timeout=10) == 7  # the command's own exit status


def test_as_pid1_a_sigterm_reaches_the_command_and_its_status_is_kept() -> None:
    prelude = textwrap.dedent("""
        from reportkit.pid1 import run_command_in_child; run_command_in_child()
        import signal, sys
        def stop(signum, frame):
            print("stopped by", signum, flush=True)
            sys.exit(3)
        signal.signal(signal.SIGTERM, stop)
    """)
    proc = subprocess.Popen([*UNSHARE, sys.executable, "-c", prelude + ORPHAN, "30"], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    pid1 = int(Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()[0])  # the namespace's PID 1
    os.kill(pid1, signal.SIGTERM)  # what `docker stop` does: to the container's PID 1
    assert proc.wait(timeout=10) == 3
    assert proc.stdout.read().strip() == f"stopped by {int(signal.SIGTERM)}"


def test_as_pid1_a_command_killed_by_a_signal_exits_128_plus_it() -> None:
    code = ("from reportkit.pid1 import run_command_in_child; run_command_in_child()\n"
            "import os, signal; os.kill(os.getpid(), signal.SIGKILL)\n")
    assert subprocess.run([*UNSHARE, sys.executable, "-c", code], cwd=ROOT).returncode == 128 + 9


def test_reportkit_as_pid1_gives_the_same_one_line_error_and_exit_code(tmp_path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    proc = subprocess.run([*UNSHARE, sys.executable, "-m", "reportkit", "build", str(bad), "--out",
                           str(tmp_path / "out")], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 2
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert errors == [line for line in proc.stderr.splitlines() if "error" in line] and len(errors) == 1
    assert str(bad) in errors[0]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


BROWSER = textwrap.dedent("""
    import time
    from reportkit.charts.browser import _Browser
    from reportkit.chromium import find_browser
    import plotly.graph_objects as go
    b = _Browser(find_browser())
    b.start(60)
    b.render(go.Figure(go.Bar(x=[1, 2], y=[3, 4])), {"format": "svg", "width": 200, "height": 100}, 60, "a chart")
    b.close()  # the browser's process group killed: its children are orphans
    print("ready", flush=True)
    time.sleep(1.5)
""")


@pytest.mark.slow
def test_as_pid1_the_chart_browsers_processes_leave_no_zombie() -> None:
    def zombies(prelude: str) -> list[str]:
        proc = subprocess.Popen([*UNSHARE, sys.executable, "-c", prelude + BROWSER], cwd=ROOT,
                                stdout=subprocess.PIPE, text=True)
        try:
            assert proc.stdout.readline().strip() == "ready"
            time.sleep(0.5)
            return [name for _pid, state, name in _namespace_processes(proc.pid) if state == "Z"]
        finally:
            proc.wait(timeout=30)

    assert zombies("")  # without the init: Chromium's children and crash handlers (9 seen)
    assert zombies("from reportkit.pid1 import run_command_in_child; run_command_in_child()\n") == []
