"""Whether a dict read from a file is a :class:`~reportkit.model.Document`'s ``to_dict()``.

:meth:`Document.from_dict` trusts its input's types (a title of ``5``, a fact value of
``"x"`` would pass and fail much later, in a renderer). A dict from a cache file is input:
:func:`valid_document` checks every key and every value against the dataclasses' field
types first (the document cache treats a failure as a miss).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache

from .document import Document, Fact

# A field's check is a set of allowed types (most fields: one type() lookup) or a function.
Spec = frozenset | Callable[[object], bool]
_NUMBER = frozenset({int, float})  # JSON keeps int and float apart: a float field written from an int reads back as one
_SIMPLE: dict[object, frozenset] = {str: frozenset({str}), int: frozenset({int}), float: _NUMBER,
                                    type(None): frozenset({type(None)})}


def _spec(hint: object) -> Spec:
    """What a JSON value must be to fit the type ``hint``."""
    if hint in _SIMPLE:
        return _SIMPLE[hint]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        specs = [_spec(a) for a in args]
        simple = frozenset().union(*(s for s in specs if isinstance(s, frozenset)))
        others = [s for s in specs if not isinstance(s, frozenset)]
        if not others:
            return simple
        return lambda v: type(v) in simple or any(ok(v) for ok in others)
    if origin is list:
        item = _fn(_spec(args[0]))
        return lambda v: type(v) is list and all(map(item, v))
    if origin is dict:
        key, value = _fn(_spec(args[0])), _fn(_spec(args[1]))
        return lambda v: type(v) is dict and all(map(key, v)) and all(map(value, v.values()))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass_check(hint)
    raise TypeError(f"no check for {hint!r}")  # a new field type: teach this module


def _fn(spec: Spec) -> Callable[[object], bool]:
    if isinstance(spec, frozenset):
        return lambda v: type(v) in spec
    return spec


@cache
def _dataclass_check(cls: type) -> Callable[[object], bool]:
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    specs = {f.name: _spec(hints[f.name]) for f in fields}
    simple = {name: s for name, s in specs.items() if isinstance(s, frozenset)}
    other = {name: s for name, s in specs.items() if not isinstance(s, frozenset)}
    required = frozenset(f.name for f in fields
                         if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)

    def check(v: object) -> bool:
        if type(v) is not dict or not required <= v.keys():
            return False
        for name, value in v.items():
            allowed = simple.get(name)
            if allowed is not None:
                if type(value) not in allowed:
                    return False
            else:
                ok = other.get(name)
                if ok is None or not ok(value):  # None: a key the class does not have
                    return False
        return True

    return check


def valid_document(d: object) -> bool:
    """True when ``d`` has exactly the keys and value types of a ``Document.to_dict()``
    (nested sections, blocks, facts, quotes, references included)."""
    return _dataclass_check(Document)(d)


def valid_facts(v: object) -> bool:
    """True when ``v`` is a list of ``Fact`` dicts (``dataclasses.asdict`` of each)."""
    return type(v) is list and all(map(_dataclass_check(Fact), v))
