"""The unchanged build, answered before the command line's imports (issue 19).

``reportkit build`` of inputs that have not changed only has to say so, but the full
command line imports typer, pydantic, the readers and the fact extractors first
(≈0.3 s) and reads every source again. A full successful build therefore records,
in ``<out>/.reportkit-fast.json``, what it would take to answer the same command
again: the command (arguments, working folder, the environment that matters, the
report week, what is installed: :func:`reportkit.installed.state`), the sha256 of every input file (sources, layouts, brand assets,
fonts, templates, chart CSVs, the earlier build record; files probed but absent as
``null``), the listing of each source folder (an added file is noticed), every
output with its size and sha256, its build record and its state entry, and the
answer itself (stdout lines and the note and warning lines printed).

:func:`answer` runs first in :func:`reportkit.__main__.run`, with the standard
library only. It parses just the simple forms of ``build`` (paths, ``--out``,
``--week``, ``--layout``, ``--quiet``) and gives up (the full command line runs)
on anything else or any doubt: another option, an entry for other arguments or
another folder, a changed environment, week, reportkit module, library version, font
folder or font file or system library, a changed, added or missing file, a leftover temporary file
in the output folder, an interactive terminal without ``--quiet`` (the full path shows progress there) or any error.
``REPORTKIT_FAST_PATH=0`` turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import time

from . import installed

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:  # pathlib and datetime cost ≈10 ms of imports: not on the fast path
    from pathlib import Path

FAST_NAME = ".reportkit-fast.json"
SCHEMA = "reportkit.fast/1"
STATE_NAME = ".reportkit-state.json"  # state.STATE_NAME (not imported: state pulls in atomic → tempfile)
TMP_PREFIX = ".reportkit-tmp-"  # atomic.TMP_PREFIX, for the same reason
# folders a command without paths or --layout reads when they exist (cli.app.sources_or_default, layouts.layout_folder)
DEFAULT_DIRS = ("sources", "layouts")
MAX_ENTRIES = 8  # commands remembered per output folder
# the simple forms of ``build``, understood fully: the fast path answers them (all but --force)
# and, when it cannot, cli/plain.py builds them without importing typer
_VALUE_OPTIONS = {"--out": "out", "-o": "out", "--week": "week", "--layout": "layout", "-l": "layout",
                  "--cache-dir": "cache", "--format": "format"}
_FLAGS = {"--quiet": "quiet", "-q": "quiet", "--allow-external-assets": "external", "--force": "force"}


def scan_options(args: list[str], flags: dict[str, str], values: dict[str, str]
                 ) -> tuple[list[tuple[str, object]], list[str]] | None:
    """``args`` read as typer reads simple options: ``(key, value)`` pairs in order (``True`` for a
    flag of ``flags``; an option of ``values`` as ``--name value``, ``--name=value`` or its one-letter
    form alone) and the positional arguments; None for anything else (an unknown option, a missing
    or empty value, ``--``)."""
    pairs: list[tuple[str, object]] = []
    positional: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        name, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if not arg or arg == "--":
            return None
        if name in flags and not eq:
            pairs.append((flags[name], True))
        elif name in values:
            if not eq:
                i += 1
                if i >= len(args):
                    return None
                value = args[i]
            if not value or value.startswith("-"):
                return None
            pairs.append((values[name], value))
        elif arg.startswith("-"):
            return None  # --json, --verify, --no-cache, --help, ...: the full command line
        else:
            positional.append(arg)
        i += 1
    return pairs, positional


def parse_argv(args: list[str]) -> dict[str, object] | None:
    """The simple forms of ``build`` as ``{"paths", "out", "week", "layouts", "cache", "format", "quiet",
    "external", "force"}`` (options as typer reads them: the last of a repeated one; every
    ``--layout``); None for anything else."""
    if not args or args[0] != "build":
        return None
    scanned = scan_options(args[1:], _FLAGS, _VALUE_OPTIONS)
    if scanned is None:
        return None
    parsed: dict[str, object] = {"paths": scanned[1], "out": "output", "week": None, "layouts": [], "cache": None,
                                 "format": None, "quiet": False, "external": False, "force": False}
    for key, value in scanned[0]:
        if key == "layout":
            parsed["layouts"].append(value)  # type: ignore[union-attr]
        else:
            parsed[key] = value
    return parsed


def _env() -> dict[str, str]:
    """The environment an answer depends on (any REPORTKIT_ setting, to be safe)."""
    return {k: v for k, v in sorted(os.environ.items())
            if (k.startswith("REPORTKIT_") and k != "REPORTKIT_FAST_PATH") or k == "SOURCE_DATE_EPOCH"}


def _default_week() -> str | None:
    """The week a build without ``--week`` is for (week.parse_week, without its imports)."""
    from datetime import UTC, datetime

    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    try:
        now = datetime.fromtimestamp(int(raw), tz=UTC) if raw else datetime.now(UTC)
    except (ValueError, OverflowError, OSError):
        return None
    iso = now.date().isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


_code_seen: list[str] = []


def code() -> str:
    """A fingerprint of the installed reportkit modules (an edited module may answer differently):
    their names, sizes and modification times, taken once per process (a ``watch`` session or a
    batch worker keeps the code it imported)."""
    if _code_seen:
        return _code_seen[0]
    h = hashlib.sha256()
    root = os.path.dirname(os.path.abspath(__file__))
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                st = os.stat(os.path.join(folder, name))
                h.update(f"{os.path.relpath(os.path.join(folder, name), root)}\0{st.st_size}\0{st.st_mtime_ns}\n"
                         .encode())
    _code_seen.append(h.hexdigest())
    return _code_seen[0]


IRREGULAR = "irregular"  # an input that is no regular file of sane size: never answered from
MAX_INPUT = 256 * 1024 * 1024  # bytes hashed at most (a larger input is refused by the full path anyway)


def _sha(path: str) -> str | None:
    """The file's sha256, None when absent, :data:`IRREGULAR` for a FIFO, a device or a huge file
    (opening a FIFO blocks and /dev/zero never ends: a build naming one hung after it finished)."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_INPUT:
            return IRREGULAR
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read(MAX_INPUT + 1)).hexdigest()
    except FileNotFoundError:
        return None


def _listing(top: str) -> list[str]:
    """Every non-hidden entry under ``top`` (as the readers walk it), folders marked ``/``,
    symlinks with their target and empty files marked, so an added, removed or re-pointed file, or
    a skipped empty one that now has content, is noticed."""
    out: list[str] = []
    visited: set[str] = set()

    def walk(folder: str, rel: str) -> None:
        real = os.path.realpath(folder)
        if real in visited:
            return
        visited.add(real)
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            if entry.name.startswith("."):
                continue
            name = f"{rel}{entry.name}"
            link = f" -> {os.path.realpath(entry.path)}" if entry.is_symlink() else ""
            if entry.is_dir():
                out.append(f"{name}/{link}")
                walk(entry.path, f"{name}/")
            else:
                # an empty file is skipped by the build and so in no list of inputs: its content is
                # noticed here (a file written after the build, not yet whole then, is read next time)
                out.append(f"{name}{link}{' (empty)' if _empty(entry) else ''}")

    walk(top, "")
    return out


def _empty(entry: os.DirEntry) -> bool:
    try:
        return entry.stat().st_size == 0
    except OSError:  # a dangling link: its listing entry says enough
        return False


def _state_entries(out: str) -> dict[str, object]:
    try:
        with open(os.path.join(out, STATE_NAME), encoding="utf-8") as fh:
            data = json.load(fh)
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _load(out: str) -> list[dict]:
    try:
        with open(os.path.join(out, FAST_NAME), encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return []
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("entries"), list):
        return []
    return data["entries"]


def _still_true(entry: dict, out: str, week: str | None) -> bool:
    """Whether everything ``entry`` was answered from is as it was."""
    # a week given on the command line is in the arguments; else it is today's (or SOURCE_DATE_EPOCH's)
    if entry.get("env") != _env() or (week is None and entry.get("week") != _default_week()):
        return False
    if entry.get("code") != code():
        return False
    # what the full path keys on besides the inputs (state.input_digest): libraries, fonts, system libraries
    recorded = entry.get("installed")
    if not isinstance(recorded, dict):
        return False
    if installed.state(list(recorded.get("fonts") or []), list(recorded.get("font_files") or [])) != recorded:
        return False
    if {d: os.path.isdir(d) for d in DEFAULT_DIRS} != entry["defaults"]:
        return False  # the default sources or layouts would now be others
    if any(name.startswith(TMP_PREFIX) for name in os.listdir(out)):
        return False  # a killed build's leftovers: the full path cleans them up
    for folder, listing in entry["folders"].items():
        if not os.path.isdir(folder) or _listing(folder) != listing:
            return False
    for path, sha in entry["files"].items():
        if _sha(path) != sha:
            return False
    state = _state_entries(out)
    for o in entry["outputs"]:
        if os.path.getsize(o["file"]) != o["bytes"] or _sha(o["file"]) != o["sha256"]:
            return False
        if _sha(o["record"]) != o["record_sha256"] or state.get(os.path.basename(o["file"])) != o["state"]:
            return False
    return True


def answer(args: list[str], stdout=None, stderr=None) -> bool:
    """Print the unchanged answer to ``args`` and return True, or return False (run the
    full command line) when the fast path cannot be sure of it."""
    start = time.perf_counter()
    if os.environ.get("REPORTKIT_FAST_PATH", "").strip() == "0":
        return False
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    try:
        parsed = parse_argv(args)
        if parsed is None or parsed["force"] or (not parsed["quiet"] and stderr.isatty()):
            return False
        out = str(parsed["out"])
        cwd = os.getcwd()
        entry = next((e for e in _load(out) if e.get("argv") == args and e.get("cwd") == cwd), None)
        if entry is None or not _still_true(entry, out, parsed["week"]):  # type: ignore[arg-type]
            return False
        lines, text = [f"{line}\n" for line in entry["stderr"]], f"{entry['stdout']}\n"
    except Exception:  # noqa: BLE001 - any doubt: the full command line answers
        return False
    try:  # once printing has begun the answer is given: never a second one from the full path
        stderr.write("".join(lines))
        stderr.flush()
        stdout.write(text + f"     time  {time.perf_counter() - start:.2f} s\n")
        stdout.flush()
    except OSError:  # a closed pipe (`| head -0`): as the full command line, nothing more to say
        pass
    return True


def remember(args: list[str] | None, out: Path, outputs: list[Path], files: list[Path], folders: list[Path],
             week: str, answer_text: str, stderr_lines: list[str]) -> None:
    """Record a full successful build's answer to ``args`` (see the module docstring).

    ``files`` are every input probed (absent ones are recorded as absent), ``folders``
    the source folders, ``answer_text`` the stdout of an unchanged build without its
    time line, ``stderr_lines`` the note and warning lines it prints.
    """
    from pathlib import Path

    from .atomic import write_bytes
    from .state import folder_lock

    parsed = parse_argv(args) if args is not None else None
    if parsed is None or parsed["force"]:  # a forced build is never answered from a record
        return
    state = _state_entries(str(out))
    entry = {
        "argv": args, "cwd": os.getcwd(), "env": _env(), "week": None if parsed["week"] else week, "code": code(),
        "installed": installed.state(),
        "defaults": {d: os.path.isdir(d) for d in DEFAULT_DIRS},
        "files": {os.path.abspath(f): _sha(str(f)) for f in files},
        "folders": {os.path.abspath(f): _listing(str(f)) for f in folders},
        "outputs": [{"file": os.path.abspath(o), "bytes": os.path.getsize(o), "sha256": _sha(str(o)),
                     "record": os.path.abspath(f"{o}.record.json"), "record_sha256": _sha(f"{o}.record.json"),
                     "state": state.get(os.path.basename(o))} for o in outputs],
        "stdout": answer_text, "stderr": stderr_lines,
    }
    if any(o["state"] is None or o["record_sha256"] is None for o in entry["outputs"]):
        return
    if IRREGULAR in entry["files"].values():  # the full path says what is wrong with it, every time
        return
    with folder_lock(out):
        kept = [e for e in _load(str(out)) if not (e.get("argv") == args and e.get("cwd") == entry["cwd"])]
        data = {"schema": SCHEMA, "entries": [entry, *kept][:MAX_ENTRIES]}
        write_bytes(Path(out) / FAST_NAME, (json.dumps(data, indent=1) + "\n").encode())
