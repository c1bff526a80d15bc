"""Any model dataclass (a :class:`~reportkit.model.Report` and everything in it) to JSON and back,
checked against the classes' field types.

:func:`encode` gives plain JSON values (a dataclass as a dict of its fields in order, a tuple as
a list); :func:`decode` rebuilds the object from them for a class, checking every value against
the field's declared type as it goes (exact types: ``True`` is no ``int``, a ``float`` field takes
an ``int`` as JSON gives it back; a tuple is rebuilt from a list of its length) and raises
:class:`ValueError` on anything else: unknown or missing keys, wrong types, a non-finite float.
A cache file is input, so a reader treats that error as a miss. ``Any`` takes any JSON value as
it is; a writer checks that the object comes back equal (``decode(cls, encode(x)) == x``)
before keeping it, which catches what JSON cannot give back.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

Decoder = Callable[[object], object]


def encode(value: object) -> object:
    """``value`` as JSON values (dicts, lists, str, int, float, bool, None)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if type(value) in (list, tuple):
        return [encode(v) for v in value]  # type: ignore[union-attr]
    if type(value) is dict:
        if not all(type(k) is str for k in value):  # type: ignore[union-attr]
            raise ValueError("a dict key that is not a string")
        return {k: encode(v) for k, v in value.items()}  # type: ignore[union-attr]
    if type(value) is float and not math.isfinite(value):
        raise ValueError("a float that is not finite")
    if value is None or type(value) in (str, int, float, bool):
        return value
    raise ValueError(f"no JSON form for {type(value).__name__}")


def decode(cls: type, data: object) -> Any:
    """The ``cls`` object whose :func:`encode` is ``data``; ValueError if ``data`` is not exactly one."""
    try:
        return _decoder(cls)(data)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _fail(what: str) -> typing.NoReturn:
    raise ValueError(what)


def _exact(*kinds: type) -> Decoder:
    def check(v: object) -> object:
        if type(v) not in kinds:
            _fail(f"{type(v).__name__} where {'/'.join(k.__name__ for k in kinds)} belongs")
        if type(v) is float and not math.isfinite(v):  # type: ignore[arg-type]
            _fail("a float that is not finite")
        return v
    return check


def _any(v: object) -> object:
    return v


@cache
def _decoder(hint: Any) -> Decoder:
    """How to check and rebuild a value of type ``hint`` from its JSON form."""
    if hint is Any:
        return _any
    if hint is float:
        return _exact(int, float)
    if hint in (str, int, bool, type(None)):
        return _exact(hint)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _union(args)
    if origin is list:
        item = _decoder(args[0])
        return lambda v: [item(x) for x in v] if type(v) is list else _fail("not a list")
    if origin is tuple:
        parts = [_decoder(a) for a in args]
        return lambda v: (tuple(p(x) for p, x in zip(parts, v, strict=True))  # type: ignore[arg-type]
                          if type(v) is list and len(v) == len(parts) else _fail("not a tuple"))
    if origin is dict and args[0] is str:
        value = _decoder(args[1])
        return lambda v: ({_exact(str)(k): value(x) for k, x in v.items()}  # type: ignore[union-attr]
                          if type(v) is dict else _fail("not a dict"))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass(hint)
    raise TypeError(f"no JSON form for the type {hint!r}")  # a new field type: teach this module


def _union(args: tuple[Any, ...]) -> Decoder:
    options = [_decoder(a) for a in args]
    nullable = type(None) in args

    def check(v: object) -> object:
        if v is None and nullable:
            return None
        for option in options:
            try:
                return option(v)
            except ValueError:
                continue
        _fail("a value of none of the union's types")
    return check


def _dataclass(cls: type) -> Decoder:
    hints = typing.get_type_hints(cls)
    fields = [f for f in dataclasses.fields(cls) if f.init]
    field_of: dict[str, Decoder] = {}
    required = frozenset(f.name for f in fields
                         if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)

    def build(v: object) -> object:
        if not field_of:  # filled on first use: a class may refer to itself
            field_of.update({f.name: _decoder(hints[f.name]) for f in fields})
        if type(v) is not dict or not required <= v.keys() or not v.keys() <= field_of.keys():
            _fail(f"not a {cls.__name__}")
        return cls(**{k: field_of[k](x) for k, x in v.items()})  # type: ignore[union-attr]
    return build
