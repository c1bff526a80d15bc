"""JSON text as ``json.dumps(value, indent=1, ensure_ascii=False)`` writes it, made faster.

The standard library's C encoder does not indent, so an indented dump runs its pure-Python
encoder: a generator per level, ≈0.8 ms for a build record, twice a report (brief and deck). Here
the structure is walked once and only the leaves go to the C encoder's string escaper; the text is
the same, character for character (tests/test_jsontext.py compares them on every record kind).
Anything this does not know (a key that is not a string, a type JSON does not have) is left to
``json.dumps`` itself, so the result and the errors stay the standard library's.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

_FLOAT_WORDS = {float("inf"): "Infinity", float("-inf"): "-Infinity"}


class _Unknown(Exception):
    """A value the fast path leaves to ``json.dumps``."""


def dumps_indent1(value: Any) -> str:
    """``json.dumps(value, indent=1, ensure_ascii=False)``."""
    out: list[str] = []
    try:
        _put(value, "\n", out)
    except (_Unknown, RecursionError):
        return json.dumps(value, indent=1, ensure_ascii=False)
    return "".join(out)


def _leaf(value: Any) -> str | None:
    """The JSON text of a scalar, None for a container (or a value JSON has not)."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        if value != value:
            return "NaN"
        return _FLOAT_WORDS.get(value) or float.__repr__(value)
    return None


def _put(value: Any, newline: str, out: list[str]) -> None:
    # newline: the line break and indentation of the lines at this value's own level
    text = _leaf(value)
    if text is not None:
        out.append(text)
        return
    kind = type(value)
    if kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + " "
        sep = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _Unknown
            text = _leaf(item)
            if text is not None:
                out.append(sep + encode_basestring(key) + ": " + text)
            else:
                out.append(sep + encode_basestring(key) + ": ")
                _put(item, inner, out)
            sep = "," + inner
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + " "
        sep = "[" + inner
        for item in value:
            text = _leaf(item)
            if text is not None:
                out.append(sep + text)
            else:
                out.append(sep)
                _put(item, inner, out)
            sep = "," + inner
        out.append(newline + "]")
    else:  # a subclass of a JSON type, or no JSON type: json.dumps decides
        raise _Unknown
