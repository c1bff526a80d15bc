"""Validated layout models kept between processes, rebuilt without pydantic's validators.

A warm build spent ≈50 ms of its build process on pydantic for layout files it had seen
before: building the core schema and validator of ≈20 model classes at import, and at the
first validation importing ``importlib.metadata`` (pydantic's plugin loader, whatever
``PYDANTIC_DISABLE_PLUGINS`` says). The models are declared with ``defer_build`` (nothing is
built until a process validates or serializes), and a file that validated before is given
back from :mod:`.kept` as the very objects validation made:

- the entry is keyed by the file's bytes, the model class, the versions of PyYAML and of the
  running pydantic and pydantic-core, and the source of the parse, the models and their
  validators (:data:`.kept._DEPENDS`); only a file that validated is kept, so an invalid one is
  validated again and fails with the same message;
- it holds each model's field values and which fields the file set (``model_fields_set``,
  which the deck reads), in JSON that says each value's type: a model, a mapping, a list,
  text, a whole number, a finite float, a boolean or null; a model of any other value (an
  infinite float) is not kept;
- on reading, the entry must be exactly that again: a known layout model, exactly its fields,
  each value of its field's declared type (:func:`_fits`: the kinds above, a literal's
  values, the model class itself); anything else is a miss, and a miss costs only the
  validation. The constraints (a colour's pattern, a number's bounds, the validators) are
  not checked again: they held for these bytes under this code when the entry was written,
  and the entry's key and checksum say it is that one. The objects are made with pydantic's
  ``model_construct``, recursively.

The rebuilt objects equal the validated ones field for field, type for type, with the same
``model_fields_set`` (``tests/test_layouts_kept.py`` checks every layout of the repository).
"""

from __future__ import annotations

import json
import math
import types
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pydantic_core
from pydantic import BaseModel
from pydantic.version import VERSION as _PYDANTIC

from . import chartspec, kept, models

_KIND = "model"
# what validated, besides the code kept.py keys on: the running pydantic (not installed.version:
# what this process imported is what made and reads the entry)
_RUNNING = f"pydantic={_PYDANTIC}\0pydantic-core={pydantic_core.__version__}\0"
# the classes an entry may name: the layout models, by name (a name is all an entry can say)
_CLASSES: dict[str, type[BaseModel]] = {
    name: cls for module in (chartspec, models) for name, cls in vars(module).items()
    if isinstance(cls, type) and issubclass(cls, BaseModel) and cls.__module__ == module.__name__
}


class _NotKept(Exception):
    """A value this format does not give back exactly (or an entry that is not one of ours)."""


def found(where: Path | None, model: type[BaseModel], blob: bytes) -> Any:
    """The ``model`` that a layout file of these bytes validated to before, or None (a miss)."""
    if where is None or _CLASSES.get(model.__name__) is not model:
        return None
    payload = kept.payload(where, _KIND, blob, _RUNNING + model.__name__)
    if payload is None:
        return None
    try:
        value = _decode(json.loads(payload.decode("utf-8")))
    except (_NotKept, UnicodeDecodeError, ValueError, RecursionError):
        return None
    return value if type(value) is model else None


def keep(where: Path | None, blob: bytes, value: BaseModel) -> None:
    """Keep the model a layout file of these bytes validated to (if it can be given back exactly)."""
    model = type(value)
    if where is None or _CLASSES.get(model.__name__) is not model:
        return
    try:
        data = json.dumps(_encode(value), allow_nan=False).encode("ascii")
    except (_NotKept, ValueError, RecursionError):
        return
    kept.keep_payload(where, _KIND, blob, data, _RUNNING + model.__name__)


def _encode(value: Any) -> Any:
    kind = type(value)
    if value is None or kind in (str, bool, int):
        return value
    if kind is float:
        if not math.isfinite(value):
            raise _NotKept
        return value
    if kind is list:
        return [_encode(v) for v in value]
    if kind is dict:
        if not all(type(k) is str for k in value):
            raise _NotKept
        return {"d": {k: _encode(v) for k, v in value.items()}}
    if _CLASSES.get(kind.__name__) is kind:
        fields = list(kind.model_fields)
        if value.__pydantic_extra__ or value.__pydantic_private__ or list(value.__dict__) != fields:
            raise _NotKept
        return {"m": kind.__name__, "s": [f for f in fields if f in value.model_fields_set],
                "v": {f: _encode(value.__dict__[f]) for f in fields}}
    raise _NotKept


def _decode(data: Any) -> Any:
    kind = type(data)
    if data is None or kind in (str, bool, int):
        return data
    if kind is float:
        if not math.isfinite(data):
            raise _NotKept
        return data
    if kind is list:
        return [_decode(v) for v in data]
    if kind is not dict:
        raise _NotKept
    if list(data) == ["d"] and type(data["d"]) is dict:
        return {k: _decode(v) for k, v in data["d"].items()}
    if list(data) != ["m", "s", "v"] or type(data["m"]) is not str or type(data["s"]) is not list \
            or type(data["v"]) is not dict:
        raise _NotKept
    model = _CLASSES.get(data["m"])
    if model is None:
        raise _NotKept
    fields = list(model.model_fields)
    given, values = data["s"], data["v"]
    if list(values) != fields or not all(type(f) is str and f in values for f in given):
        raise _NotKept
    decoded = {f: _decode(values[f]) for f in fields}
    if not all(_fits(decoded[f], info.annotation) for f, info in model.model_fields.items()):
        raise _NotKept
    return model.model_construct(set(given), **decoded)


def _fits(value: Any, ann: Any) -> bool:
    """Whether ``value`` is of the declared type ``ann`` (exact classes: a bool is no int)."""
    origin, args = get_origin(ann), get_args(ann)
    if origin is Annotated:
        return _fits(value, args[0])
    if origin in (Union, types.UnionType):
        return any(_fits(value, a) for a in args)
    if origin is Literal:
        return any(type(value) is type(a) and value == a for a in args)
    if origin is list:
        return type(value) is list and all(_fits(v, args[0]) for v in value)
    if origin is dict:
        return type(value) is dict and all(type(k) is str and _fits(v, args[1]) for k, v in value.items())
    if ann is type(None):
        return value is None
    if ann is float:  # a default written as 24 stays an int: validation does not touch defaults
        return type(value) in (float, int)
    return isinstance(ann, type) and type(value) is ann


def plain(value: Any, exclude_defaults: bool = False) -> Any:
    """``value.model_dump()`` of a layout model (nested models as mappings, lists and mappings
    copied; ``exclude_defaults``: fields equal to their default left out, as ``model_dump``'s)
    without building pydantic's serializer, which a deferred model builds on first use. The
    same for every layout model, whose fields are models, mappings, lists and plain values
    (tested); use ``model_dump`` for anything else."""
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        return {k: plain(v, exclude_defaults) for k, v in value.__dict__.items()
                if not (exclude_defaults and k in fields and v == fields[k].get_default(call_default_factory=True))}
    if isinstance(value, list):
        return [plain(v, exclude_defaults) for v in value]
    if isinstance(value, dict):
        return {k: plain(v, exclude_defaults) for k, v in value.items()}
    return value
