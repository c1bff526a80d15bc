"""Loaded layouts as plain objects: what every stage after loading reads, without pydantic.

The layout files are validated by pydantic models (:mod:`.models`, :mod:`.chartspec`). A warm
build's process spent ≈100-120 ms importing pydantic and creating those model classes (≈20 of
them, even with their schemas deferred) for files it had validated before, a fifth of a warm
brief-only build. So the stages after loading never get pydantic objects: a validated file is
turned into the same values as :class:`Kept` objects (one class per model, same name, same
fields in the same order, the same ``model_fields_set``), and a file that validated before is
read back from the cache (:mod:`.kept`) straight into them, importing neither pydantic nor the
models. Both roads end in the same objects (``keptmodels.to_objects`` goes through the entry
format), so an output's bytes cannot depend on which one a build took.

The fields, their types and their defaults are the table of :mod:`.shapes`, made from the
models (``tests/test_layouts_kept.py`` checks that it is still theirs). An entry read back must
be exactly what the table says: known models, exactly their fields, each value of its field's
type (a miss otherwise, which costs only the validation).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from ..placeholders import fill
from . import kept
from .shapes import SHAPES

_KIND = "model"
REQUIRED = "<required>"  # in shapes.SHAPES: a field without a default


class NotKept(Exception):
    """A value the entry format does not give back exactly (or an entry that is not one of ours)."""


class Kept:
    """A layout model's values: its fields as attributes, in the model's order.

    Reads as the pydantic model it stands for does: attributes, ``model_fields_set`` (the
    fields the file set; the deck reads it), equality (same model, same values), ``repr``
    :meth:`model_dump` (see :func:`plain`) and :meth:`model_copy`."""

    __slots__ = ("__dict__", "_given")

    def __init__(self, values: dict[str, Any], given: set[str]) -> None:
        self.__dict__.update(values)
        self._given = given

    @property
    def model_fields_set(self) -> set[str]:
        """The fields the layout file wrote (the others have their defaults)."""
        return self._given

    def model_dump(self, mode: str = "python") -> dict[str, Any]:
        """The values as mappings and lists (``mode="json"``: paths as text)."""
        data = plain(self)
        return _json_paths(data) if mode == "json" else data

    def model_copy(self, update: dict[str, Any] | None = None, deep: bool = False) -> Kept:
        """A copy with ``update``'s fields replaced (not checked, as pydantic's is not), which
        then count as set; ``deep`` copies the values too."""
        import copy

        values = copy.deepcopy(self.__dict__) if deep else dict(self.__dict__)
        unknown = set(update or ()) - set(values)
        if unknown:  # pydantic would add them as extra fields, which no layout model has
            raise ValueError(f"{type(self).__name__} has no field {', '.join(sorted(unknown))}")
        values.update(update or {})
        return type(self)(values, self._given | set(update or ()))

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    __hash__ = None  # type: ignore[assignment]  # mutable, as the models are

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())})"

    def __reduce__(self) -> tuple[Any, ...]:
        # the classes are made at import (one per model), so pickle (a render worker's task)
        # finds them by name through this module's function, not as module attributes
        return (_rebuilt, (type(self).__name__, dict(self.__dict__), set(self._given)))


class LayoutMethods:
    """What an output layout answers besides its fields (shared with :class:`.models.Layout`)."""

    __slots__ = ()

    def chart_ids(self) -> list[str]:
        """The charts this output shows, in order (default: all charts of the content)."""
        chosen = (self.pdf.charts if self.pdf else self.deck.charts if self.deck else None)  # type: ignore[attr-defined]
        return list(chosen) if chosen is not None else list(self.content.charts)  # type: ignore[attr-defined]

    def auto_chart_count(self) -> int:
        """How many automatic charts this output shows after its named ones (``auto_charts``)."""
        settings = self.pdf or self.deck  # type: ignore[attr-defined]
        return settings.auto_charts if settings else 0

    def output_name(self, week_label: str) -> str:
        """The output's file name for an ISO week (``2026-W47``)."""
        return fill(self.output, {"week": week_label})  # type: ignore[attr-defined]


# one class per model, named as the model: what an entry names, what type(value).__name__ says
CLASSES: dict[str, type[Kept]] = {name: type(name, (Kept,), {"__slots__": (), "__module__": __name__})
                                  for name in SHAPES}
Layout = type("Layout", (LayoutMethods, Kept), {"__slots__": (), "__module__": __name__})
# the resolved layout's fields, in the order of models.Layout (tested): it is assembled, never kept
LAYOUT_FIELDS = ("path", "format", "output", "brand", "content", "pdf", "deck", "brand_path", "content_path",
                 "logo_path", "font_paths", "template_path")


def _rebuilt(name: str, values: dict[str, Any], given: set[str]) -> Kept:
    """A pickled object again (see :meth:`Kept.__reduce__`)."""
    return (Layout if name == "Layout" else CLASSES[name])(values, given)


def layout(**fields: Any) -> Any:
    """An output layout assembled from its checked parts (every field given)."""
    if tuple(fields) != LAYOUT_FIELDS:
        raise TypeError(f"a layout takes exactly {', '.join(LAYOUT_FIELDS)}")
    return Layout(fields, set(fields))


def found(where: Path | None, name: str, blob: bytes) -> Kept | None:
    """The ``name`` model that a layout file of these bytes validated to before, or None (a miss)."""
    if where is None or name not in SHAPES:
        return None
    payload = kept.payload(where, _KIND, blob, name)
    if payload is None:
        return None
    try:
        value = decode(json.loads(payload.decode("utf-8")))
    except (NotKept, UnicodeDecodeError, ValueError, RecursionError):
        return None
    return value if type(value) is CLASSES[name] else None


def default(name: str, field: str) -> Any:
    """The default of ``field`` of model ``name`` (a new object each time, as a default factory's)."""
    for fname, _ann, value in SHAPES[name]:
        if fname == field:
            if value == REQUIRED:
                raise KeyError(f"{name}.{field} has no default")
            return decode(value)
    raise KeyError(f"{name} has no field {field}")


def defaults(name: str) -> Kept:
    """Model ``name`` with every field its default (``Model()``: no field set)."""
    return CLASSES[name]({f: default(name, f) for f, _ann, _v in SHAPES[name]}, set())


def decode(data: Any) -> Any:
    """A value of the entry format (see ``keptmodels``) as objects, checked against :data:`SHAPES`."""
    kind = type(data)
    if data is None or kind in (str, bool, int):
        return data
    if kind is float:
        if not math.isfinite(data):
            raise NotKept
        return data
    if kind is list:
        return [decode(v) for v in data]
    if kind is not dict:
        raise NotKept
    if list(data) == ["d"] and type(data["d"]) is dict:
        return {k: decode(v) for k, v in data["d"].items()}
    if list(data) != ["m", "s", "v"] or type(data["m"]) is not str or type(data["s"]) is not list \
            or type(data["v"]) is not dict:
        raise NotKept
    shape = SHAPES.get(data["m"])
    if shape is None:
        raise NotKept
    fields = [f for f, _ann, _v in shape]
    given, values = data["s"], data["v"]
    if list(values) != fields or not all(type(f) is str and f in values for f in given):
        raise NotKept
    decoded = {f: decode(values[f]) for f in fields}
    if not all(fits(decoded[f], ann) for f, ann, _v in shape):
        raise NotKept
    return CLASSES[data["m"]](decoded, set(given))


def fits(value: Any, ann: Any) -> bool:
    """Whether ``value`` is of the type ``ann`` of :data:`SHAPES` (exact classes: a bool is no int)."""
    if isinstance(ann, str):
        if ann == "float":  # a default written as 24 stays an int: validation does not touch defaults
            return type(value) in (float, int)
        return type(value) is {"str": str, "int": int, "bool": bool, "none": type(None)}[ann]
    tag, arg = ann
    if tag == "union":
        return any(fits(value, a) for a in arg)
    if tag == "literal":
        return any(type(value) is type(a) and value == a for a in arg)
    if tag == "list":
        return type(value) is list and all(fits(v, arg) for v in value)
    if tag == "dict":
        return type(value) is dict and all(type(k) is str and fits(v, arg) for k, v in value.items())
    return type(value) is CLASSES.get(arg)  # "model"


def plain(value: Any, exclude_defaults: bool = False) -> Any:
    """``value.model_dump()`` of a layout object or model (nested ones as mappings, lists and
    mappings copied; ``exclude_defaults``: fields equal to their default left out, as
    ``model_dump``'s) without pydantic's serializer, which a deferred model builds on first use."""
    if isinstance(value, Kept):
        name = type(value).__name__
        return {k: plain(v, exclude_defaults) for k, v in value.__dict__.items()
                if not (exclude_defaults and name in SHAPES and _is_default(name, k, v))}
    fields = getattr(type(value), "__pydantic_fields__", None)
    if fields is not None:  # a pydantic model (a layout file being checked, the batch manifest)
        return {k: plain(v, exclude_defaults) for k, v in value.__dict__.items()
                if not (exclude_defaults and k in fields and v == fields[k].get_default(call_default_factory=True))}
    if isinstance(value, list):
        return [plain(v, exclude_defaults) for v in value]
    if isinstance(value, dict):
        return {k: plain(v, exclude_defaults) for k, v in value.items()}
    return value


def _is_default(name: str, field: str, value: Any) -> bool:
    try:
        return value == default(name, field)
    except KeyError:  # a required field
        return False


def _json_paths(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _json_paths(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_json_paths(v) for v in data]
    return str(data) if isinstance(data, Path) else data
