"""Reading layout YAML safely and turning pydantic's errors into one-line messages, all at once.

Each message names the key path the way the user wrote it
(``charts.fdi_growth.target.unitt: unknown key (did you mean 'unit'?)``), without
pydantic's union-member tags, and in words rather than pydantic's type codes. Every problem
of a file is reported (:class:`LayoutErrors`), each once, not the first with a count.
"""

from __future__ import annotations

import contextlib
import copy
import difflib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

from ..errors import LayoutError
from ..inputs import read_bytes
from . import kept

_ALL_FIELDS: set[str] = set()


_PARSED: dict[str, tuple[bytes, Any]] = {}
_FAILED = object()


def fast_loader() -> Any:
    """libyaml's parser (≈50× PyYAML's pure-Python one, which took ≈20 ms of a build for the four
    layout files) with the same SafeConstructor; None where PyYAML was built without libyaml.
    PyYAML is imported here, on first use: a warm build reads its layouts from :mod:`.kept`."""
    import yaml

    return getattr(yaml, "CSafeLoader", None)


def read_layout_bytes(path: Path) -> bytes:
    """A layout file's bytes: a regular file of sane size (never a FIFO or /dev/zero)."""
    return read_bytes(path, "layout", LayoutError)


def read_yaml(path: Path, keep: Path | None = None, blob: bytes | None = None) -> dict[str, Any]:
    """A layout file's mapping, loaded safely. Parsed files are remembered by their
    bytes, so a warm process (watch, batch workers) parses an unchanged file once, and
    with ``keep`` (a :func:`.kept.folder`) a new process does not parse it either.
    ``blob``: the file's bytes, when the caller read them (what it keeps is keyed by them)."""
    if blob is None:
        blob = read_layout_bytes(path)
    hit = _PARSED.get(str(path))
    if hit is not None and hit[0] == blob:
        return copy.deepcopy(hit[1])
    data = kept.parsed(keep, blob)
    if data is None:
        data = _parse_yaml(path, blob)
        kept.keep_parsed(keep, blob, data)
    _PARSED[str(path)] = (blob, data)
    return copy.deepcopy(data)


def _parse_yaml(path: Path, blob: bytes) -> dict[str, Any]:
    import yaml

    try:
        raw = blob.decode("utf-8")
    except FileNotFoundError:
        raise LayoutError("file not found", path) from None
    except (OSError, UnicodeDecodeError) as e:
        raise LayoutError(f"cannot read: {e.__class__.__name__}: {e}", path) from None
    data: Any = _FAILED
    loader = fast_loader()
    if loader is not None:
        # a problem is said in PyYAML's words (its line, column and wording), so on any
        # error the file is read again by _safe_load, which raises it as before
        with contextlib.suppress(Exception):
            data = yaml.load(raw, Loader=loader)  # noqa: S506 - a safe loader
    if data is _FAILED:
        data = _safe_load(path, raw)
    if data is None:
        raise LayoutError("file is empty", path)
    if not isinstance(data, dict):
        raise LayoutError(f"top level must be a mapping, not {type(data).__name__}", path)
    return data


def _safe_load(path: Path, raw: str) -> Any:
    """PyYAML's pure-Python load: the messages of a malformed file (libyaml words them otherwise)."""
    import yaml

    try:
        return yaml.safe_load(raw)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise LayoutError(f"invalid YAML: {where}{problem}", path) from None


def _is_model(value: Any) -> bool:
    """Whether ``value`` is a pydantic model class (pydantic is imported: a file is being checked)."""
    from pydantic import BaseModel

    return isinstance(value, type) and issubclass(value, BaseModel)


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The pydantic model class that the key path ``loc`` points into, for suggestions."""
    current: Any = model
    for part in loc:
        if not _is_model(current):
            return None
        if isinstance(part, int) or part not in current.model_fields:
            continue
        ann = current.model_fields[part].annotation
        current = _first_model(ann)
    return current if _is_model(current) else None


def _first_model(ann: Any) -> Any:
    if _is_model(ann):
        return ann
    for arg in getattr(ann, "__args__", ()) or ():
        found = _first_model(arg)
        if found is not None:
            return found
    return None


# How pydantic's error types read to a person editing YAML.
_EXPECTED = {
    "dict_type": "a mapping", "model_type": "a mapping", "model_attributes_type": "a mapping",
    "string_type": "text", "int_type": "a whole number", "int_parsing": "a whole number",
    "float_type": "a number", "float_parsing": "a number", "bool_type": "true or false",
    "bool_parsing": "true or false", "list_type": "a list", "none_required": "nothing (null)",
}
_TYPE_TAG = re.compile(r"^(str|int|float|bool|none|list\[.*\]|dict\[.*\]|literal\[.*\]|function-.*|[A-Z]\w*)$")


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """The key path without pydantic's union-member tags (``target.FactSelector.unit`` -> ``target.unit``)."""
    return tuple(p for p in loc if not (isinstance(p, str) and _TYPE_TAG.match(p) and p not in _ALL_FIELDS))


def key_path(loc: tuple[Any, ...]) -> str:
    """``charts.fdi.values[0].label`` from ``("charts", "fdi", "values", 0, "label")``: list items
    by index, as in jq (and as batch manifests name ``reports[3].week``)."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _describe(model: type[BaseModel], loc: tuple[Any, ...], same: list[dict[str, Any]]) -> str:
    """One line for one problem: ``key.path: what is wrong`` (the errors of union members at ``loc`` merged)."""
    err = same[0]
    keypath = key_path(loc) or "(top level)"
    if err["type"] == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        known = list(parent.model_fields) if parent else []
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(known)})" if known else ""
        return f"{keypath}: unknown key{hint}"
    if err["type"] == "missing":
        return f"{keypath}: required key is missing"
    wanted = [_EXPECTED[e["type"]] for e in same if e["type"] in _EXPECTED]
    if len(wanted) == len(same):
        return f"{keypath}: expected {' or '.join(dict.fromkeys(wanted))}, got {err.get('input')!r}"
    if err["type"] == "string_pattern_mismatch":
        return f"{keypath}: expected a colour like '#0B3C5D', got {err.get('input')!r}"
    if err["type"] == "value_error":
        return f"{keypath}: {err['msg'].removeprefix('Value error, ')}"
    msg = err["msg"].replace("Input should be ", "expected ")
    if err["type"].startswith("too_short") or err["type"].startswith("too_long"):
        msg = msg.replace("List should have", "expected").replace(" after validation", "")
    msg = msg[0].lower() + msg[1:]
    return f"{keypath}: {msg}, got {err.get('input')!r}"


def _fields_of(model: type[BaseModel], seen: set[type] | None = None) -> set[str]:
    """Every field name of ``model`` and the models nested in it (to tell keys from union tags)."""
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    names = set(model.model_fields)
    for f in model.model_fields.values():
        for sub in _models_in(f.annotation):
            names |= _fields_of(sub, seen)
    return names


def _models_in(ann: Any) -> list[type[BaseModel]]:
    if _is_model(ann):
        return [ann]
    return [m for arg in (getattr(ann, "__args__", ()) or ()) for m in _models_in(arg)]


def _suggestion(model: type[BaseModel], loc: tuple[Any, ...]) -> str | None:
    """The known key nearest to the unknown key at ``loc`` (what "did you mean" names)."""
    parent = _model_at(model, loc[:-1])
    close = difflib.get_close_matches(str(loc[-1]), list(parent.model_fields) if parent else [], n=1)
    return close[0] if close else None


def _validation_error() -> type[Exception]:
    from pydantic import ValidationError  # here: a build whose layouts validated before imports no pydantic

    return ValidationError


def validate_model(model: type[BaseModel], data: dict[str, Any], path: Path) -> Any:
    """``data`` validated as ``model``; else a :class:`LayoutErrors` with every problem, each once."""
    _ALL_FIELDS.update(_fields_of(model))
    try:
        return model.model_validate(data)
    except _validation_error() as e:
        # an unknown key first: its "did you mean" usually explains the missing key too
        errs = sorted(e.errors(), key=lambda x: x["type"] != "extra_forbidden")
        groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
        for err in errs:
            groups.setdefault(_clean_loc(tuple(err["loc"])), []).append(err)
        # a union member that failed outright (target: not a number) is no separate problem
        locs = [a for a in groups if not any(b != a and b[:len(a)] == a for b in groups)]
        # a misspelt key ("colours") and the required key it misses ("colors") are one problem:
        # the unknown key's "did you mean 'colors'?" says it
        meant = {loc[:-1] + (_suggestion(model, loc),) for loc in locs
                 if groups[loc][0]["type"] == "extra_forbidden"}
        locs = [loc for loc in locs if not (groups[loc][0]["type"] == "missing" and loc in meant)]
        raise LayoutErrors([(str(path), _describe(model, loc, groups[loc])) for loc in locs]) from None


Problem = tuple[str | None, str]  # (the file as the user named it, "key.path: what is wrong")


class LayoutErrors(LayoutError):
    """Every problem found in one or more layout files, each once, in the order found.

    ``entries`` are ``(file, problem)`` pairs; :meth:`lines` gives one ``<file>: <problem>``
    line each and, when there are several, a count last (``3 problems in 2 files``). The
    message (``str()``, for one-line contexts such as ``watch``) names the first and lists the rest.
    """

    def __init__(self, entries: list[Problem]) -> None:
        self.entries = unique(entries)
        (first_path, first), rest = self.entries[0], self.entries[1:]
        listed = "; ".join(m if p == first_path else f"{p}: {m}" for p, m in rest)
        super().__init__(f"{first} (and {len(rest)} more: {listed})" if rest else first, first_path)

    def lines(self) -> list[str]:
        out = [f"{p}: {m}" if p else m for p, m in self.entries]
        return out + [summary(self.entries)] if len(out) > 1 else out


def problems_of(error: LayoutError) -> list[Problem]:
    """The ``(file, problem)`` pairs of any layout error (one for a plain :class:`LayoutError`)."""
    return list(error.entries) if isinstance(error, LayoutErrors) else [(error.path, error.message)]


def unique(entries: list[Problem]) -> list[Problem]:
    """Each problem once: the same file reached by another spelling (``layouts/brand.yaml``
    from the command line, ``layouts/./brand.yaml`` through a layout) is the same file."""
    seen: set[tuple[str | None, str]] = set()
    out: list[Problem] = []
    for path, message in entries:
        key = (_same_file(path), message)
        if key not in seen:
            seen.add(key)
            out.append((path, message))
    return out


def _same_file(path: str | None) -> str | None:
    if path is None:
        return None
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return path


def summary(entries: list[Problem]) -> str:
    """``3 problems in 2 files``."""
    n, files = len(entries), len({_same_file(p) for p, _m in entries if p is not None})
    return f"{n} problem{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''}"
