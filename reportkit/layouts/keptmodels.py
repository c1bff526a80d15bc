"""Validated layout models kept between processes, and given back as plain objects.

A warm build spent ≈50 ms of its build process on pydantic validating layout files it had seen
before, then ≈100-120 ms importing pydantic and creating the model classes at all. A file
that validated is kept in :mod:`.kept`, and read back by :mod:`.objects` (which imports neither
pydantic nor the models) as :class:`.objects.Kept` objects; this module writes the entries
(it runs where a file was just validated, pydantic imported):

- the entry is keyed by the file's bytes, the model's name, the installed pydantic and
  pydantic-core and PyYAML, and the source of the parse, the models, their validators and the
  objects' code (:data:`.kept._DEPENDS`); only a file that validated is kept, so an invalid one
  is validated again and fails with the same message;
- it holds each model's field values and which fields the file set (``model_fields_set``,
  which the deck reads), in JSON that says each value's type: a model, a mapping, a list,
  text, a whole number, a finite float, a boolean or null; a model of any other value (an
  infinite float) is not kept;
- a validated model is handed on as the objects its entry gives back (:func:`to_objects`),
  so a build reads the same objects whether its layouts were validated now or before.

:func:`shape_table` is what :mod:`.shapes` must say for the models as they are (tested).
"""

from __future__ import annotations

import json
import math
import types
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from . import chartspec, kept, models, objects

_KIND = objects._KIND
# the classes an entry may name: the layout models, by name (a name is all an entry can say)
_CLASSES: dict[str, type[BaseModel]] = {
    name: cls for module in (chartspec, models) for name, cls in vars(module).items()
    if isinstance(cls, type) and issubclass(cls, BaseModel) and cls.__module__ == module.__name__
    and name not in ("Layout", "Strict")  # a layout is assembled from the others, never kept; Strict is a base
}


def keep(where: Path | None, blob: bytes, value: BaseModel) -> None:
    """Keep the model a layout file of these bytes validated to (if it can be given back exactly)."""
    model = type(value)
    if where is None or _CLASSES.get(model.__name__) is not model:
        return
    try:
        data = json.dumps(_encode(value), allow_nan=False).encode("ascii")
    except (objects.NotKept, ValueError, RecursionError):
        return
    kept.keep_payload(where, _KIND, blob, data, model.__name__)


def _encode(value: Any) -> Any:
    kind = type(value)
    if value is None or kind in (str, bool, int):
        return value
    if kind is float:
        if not math.isfinite(value):
            raise objects.NotKept
        return value
    if kind is list:
        return [_encode(v) for v in value]
    if kind is dict:
        if not all(type(k) is str for k in value):
            raise objects.NotKept
        return {"d": {k: _encode(v) for k, v in value.items()}}
    if _CLASSES.get(kind.__name__) is kind:
        fields = list(kind.model_fields)
        if value.__pydantic_extra__ or value.__pydantic_private__ or list(value.__dict__) != fields:
            raise objects.NotKept
        return {"m": kind.__name__, "s": [f for f in fields if f in value.model_fields_set],
                "v": {f: _encode(value.__dict__[f]) for f in fields}}
    raise objects.NotKept


def to_objects(value: Any) -> Any:
    """A validated model as the :class:`.objects.Kept` objects a later process reads back from
    its entry (through the entry format: both roads give the same objects), or the model itself
    when the format cannot hold it (an infinite float; the model reads the same)."""
    try:
        return objects.decode(json.loads(json.dumps(_encode(value), allow_nan=False)))
    except (objects.NotKept, ValueError, RecursionError):
        return value


def shape_table() -> dict[str, tuple[tuple[str, Any, Any], ...]]:
    """:data:`.shapes.SHAPES` as the models say it now: each model's fields in order, each
    with its type (``"str"``, ``("list", ...)``, ``("model", name)``, ...) and its default in
    the entry format (:data:`.objects.REQUIRED` for none)."""
    table = {}
    for name, cls in _CLASSES.items():
        rows = []
        for field, info in cls.model_fields.items():
            dflt = objects.REQUIRED if info.is_required() else _encode(info.get_default(call_default_factory=True))
            rows.append((field, _shape(info.annotation), dflt))
        table[name] = tuple(rows)
    return table


def _shape(ann: Any) -> Any:
    origin, args = get_origin(ann), get_args(ann)
    if origin is Annotated:
        return _shape(args[0])
    if origin in (Union, types.UnionType):
        return ("union", tuple(_shape(a) for a in args))
    if origin is Literal:
        return ("literal", tuple(args))
    if origin is list:
        return ("list", _shape(args[0]))
    if origin is dict:
        if args[0] is not str:
            raise TypeError(f"a layout mapping's keys are text, not {args[0]}")
        return ("dict", _shape(args[1]))
    if ann is type(None):
        return "none"
    if ann in (str, int, float, bool):
        return ann.__name__
    if isinstance(ann, type) and _CLASSES.get(ann.__name__) is ann:
        return ("model", ann.__name__)
    raise TypeError(f"no shape for {ann!r}")


def shapes_source() -> str:
    """The text of :mod:`.shapes` for the models as they are now."""
    import pprint

    body = pprint.pformat(shape_table(), width=110, sort_dicts=False)
    return _SHAPES_HEAD + f"SHAPES: dict[str, tuple[tuple[str, Any, Any], ...]] = {body}\n"


_SHAPES_HEAD = '''"""The layout models' fields, types and defaults, as data: what :mod:`.objects` checks an
entry against without importing pydantic or the models.

Made by ``reportkit.layouts.keptmodels.shapes_source()`` from the models; do not edit by hand
(``tests/test_layouts_kept.py`` fails when the models and this table differ, and prints how to
write it again). Types: ``"str"``, ``"int"``, ``"float"``, ``"bool"``, ``"none"``, ``("list", t)``,
``("dict", t)`` (text keys), ``("union", (t, ...))``, ``("literal", (value, ...))``,
``("model", name)``; defaults in the entry format of :mod:`.keptmodels`.
"""

from typing import Any

'''
