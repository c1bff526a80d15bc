"""A restricted JSON form of the reportlab Drawings that svglib makes of chart SVGs.

The brief's chart SVGs come from the chart cache, but turning one into a reportlab
Drawing (svglib, then the font and text repairs of ``svg.py``) costs more than
drawing it, and importing svglib costs as much again. :mod:`.svgcache` keeps the
finished Drawing on disk in this form, so a warm brief does neither.

A cache file is input, so this is data, never code: no pickle, no eval, no
class or attribute chosen by the file. A node names one of the shape classes of
:data:`SHAPES`; its attributes must be ones that class declares (its reportlab
``_attrMap``) and each value passes that attribute's own reportlab validator
after being built from JSON numbers, strings, booleans, null, lists, tuples
(``{"t": [...]}``) and colours (``{"c": [r, g, b, alpha]}``). Anything else, in
either direction, raises :class:`CodecError`: encoding leaves such a drawing
uncached, decoding treats the entry as a miss.

The decoded tree has the same classes, attributes (in the same order) and
values as the original, so it draws the same PDF bytes (tested on every chart
kind).
"""

from __future__ import annotations

import math
from typing import Any

#: Bumped whenever the encoded form or its meaning changes (part of the cache key).
CODEC_VERSION = 1
#: Deeper trees are refused (plotly's SVGs nest a dozen groups; this bounds recursion).
MAX_DEPTH = 64


class CodecError(ValueError):
    """A drawing this codec cannot represent, or an encoded tree it does not accept."""


def _shape_classes() -> dict[str, type]:
    from reportlab.graphics import shapes

    class NoStrokePath(shapes.Path):
        """svglib's ``NoStrokePath`` (a fill made of an unclosed path), without importing svglib."""

        def getProperties(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
            props = super().getProperties(*args, **kwargs)
            if "strokeWidth" in props:
                props["strokeWidth"] = 0
            if "strokeColor" in props:
                props["strokeColor"] = None
            return props

    class ClippingPath(shapes.Path):
        """svglib's ``ClippingPath`` (a clip region, never painted), without importing svglib."""

        def getProperties(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
            props = shapes.Path.getProperties(self, *args, **kwargs)
            if "fillColor" in props:
                props["fillColor"] = None
            if "strokeColor" in props:
                props["strokeColor"] = None
            return props

    out: dict[str, type] = {name: getattr(shapes, name) for name in (
        "Drawing", "Group", "Rect", "Path", "String", "Line", "PolyLine", "Polygon", "Circle", "Ellipse")}
    out["NoStrokePath"], out["ClippingPath"] = NoStrokePath, ClippingPath
    return out


_SHAPES: dict[str, type] | None = None
_REQUIRED: dict[str, frozenset[str]] = {}
#: constructor arguments of a throwaway instance, to learn the attributes every instance has
_SAMPLE_ARGS: dict[str, tuple[Any, ...]] = {
    "Drawing": (1, 1), "Rect": (0, 0, 1, 1), "String": (0, 0, ""), "Line": (0, 0, 1, 1),
    "PolyLine": ([],), "Polygon": ([],), "Circle": (0, 0, 1), "Ellipse": (0, 0, 1, 1),
}


def shapes() -> dict[str, type]:
    """Encoded class name → the class decoding builds (reportlab's, or the svglib stand-ins)."""
    global _SHAPES
    if _SHAPES is None:
        _SHAPES = _shape_classes()
        for name, cls in _SHAPES.items():
            # every instance has what the constructor sets: a node lacking any of it would
            # fail only when drawn, so decoding refuses it
            _REQUIRED[name] = frozenset(vars(cls(*_SAMPLE_ARGS.get(name, ())))) - {"_attrMap"}
    return _SHAPES


def _name_of(node: Any) -> str:
    """The encoded name of ``node``'s class: reportlab's own, or svglib's two Path subclasses."""
    cls = type(node)
    known = shapes()
    if cls.__module__ == "reportlab.graphics.shapes" and known.get(cls.__name__) is cls:
        return cls.__name__
    if cls.__module__ == "svglib.svglib" and cls.__name__ in ("NoStrokePath", "ClippingPath"):
        return cls.__name__
    raise CodecError(f"not encodable: {cls.__module__}.{cls.__name__}")


# ---------------------------------------------------------------------------- encoding

def encode(drawing: Any) -> dict[str, Any]:
    """``drawing`` as JSON-ready data; raises :class:`CodecError` for anything outside the whitelist."""
    if _name_of(drawing) != "Drawing":
        raise CodecError("the root is not a Drawing")
    return _encode_node(drawing, 0)


def _encode_node(node: Any, depth: int) -> dict[str, Any]:
    if depth > MAX_DEPTH:
        raise CodecError("drawing nested too deeply")
    name = _name_of(node)
    cls = shapes()[name]
    attrs: dict[str, Any] = {}
    for key, value in vars(node).items():
        if key == "_attrMap":
            # a named child extends a group's own map; decoding rebuilds only the class's
            if set(value.keys()) != set(cls._attrMap.keys()):
                raise CodecError("a group with named children")
            continue
        if key not in cls._attrMap:
            raise CodecError(f"{name}.{key} is not a declared attribute")
        if key == "contents":
            attrs[key] = [_encode_node(child, depth + 1) for child in value]
        else:
            attrs[key] = _encode_value(value, 0)
    return {"n": name, "a": attrs}


def _encode_value(value: Any, depth: int) -> Any:
    from reportlab.lib.colors import Color

    if value is None or isinstance(value, (bool, str, int)):
        if type(value) not in (type(None), bool, str, int):
            raise CodecError(f"not encodable: {type(value).__name__}")  # an int or str subclass
        return value
    if type(value) is float:
        if not math.isfinite(value):
            raise CodecError("a non-finite number")
        return value
    if depth > 4:
        raise CodecError("a value nested too deeply")
    if type(value) is list:
        return [_encode_value(v, depth + 1) for v in value]
    if type(value) is tuple:
        return {"t": [_encode_value(v, depth + 1) for v in value]}
    if type(value) is Color and list(vars(value)) == ["red", "green", "blue", "alpha"]:
        return {"c": [_encode_value(getattr(value, k), depth + 1) for k in ("red", "green", "blue", "alpha")]}
    raise CodecError(f"not encodable: {type(value).__name__}")


# ---------------------------------------------------------------------------- decoding

def decode(data: Any) -> Any:
    """The Drawing ``data`` (from :func:`encode`, through JSON) describes; raises
    :class:`CodecError` when anything in it is not what :func:`encode` writes."""
    if not isinstance(data, dict) or data.get("n") != "Drawing":
        raise CodecError("the root is not a Drawing")
    return _decode_node(data, 0)


def _decode_node(data: Any, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise CodecError("drawing nested too deeply")
    if not isinstance(data, dict) or set(data) != {"n", "a"} or not isinstance(data["a"], dict):
        raise CodecError("not a node")
    cls = shapes().get(data["n"]) if isinstance(data["n"], str) else None
    if cls is None:
        raise CodecError(f"unknown shape: {data['n']!r}")
    if not _REQUIRED[data["n"]] <= data["a"].keys():
        raise CodecError(f"{data['n']} lacks attributes")
    amap = cls._attrMap
    node = cls.__new__(cls)
    state: dict[str, Any] = {}
    if "contents" in amap:
        # groups keep their own copy of the map (reportlab extends it for named children)
        state["_attrMap"] = amap.clone()
    for key, raw in data["a"].items():
        spec = amap.get(key)
        if spec is None:
            raise CodecError(f"{data['n']}.{key} is not a declared attribute")
        if key == "contents":
            if not isinstance(raw, list):
                raise CodecError("contents is not a list")
            value: Any = [_decode_node(child, depth + 1) for child in raw]
        else:
            value = _decode_value(raw, 0)
            if spec.validate is not None and not spec.validate(value):
                raise CodecError(f"{data['n']}.{key}: invalid value")
        state[key] = value
    node.__dict__.update(state)
    return node


def _decode_value(raw: Any, depth: int) -> Any:
    if raw is None or isinstance(raw, (bool, str, int)):
        return raw
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise CodecError("a non-finite number")
        return raw
    if depth > 4:
        raise CodecError("a value nested too deeply")
    if isinstance(raw, list):
        return [_decode_value(v, depth + 1) for v in raw]
    if isinstance(raw, dict) and len(raw) == 1:
        (tag, inner), = raw.items()
        if tag == "t" and isinstance(inner, list):
            return tuple(_decode_value(v, depth + 1) for v in inner)
        if tag == "c" and isinstance(inner, list) and len(inner) == 4 and all(
                type(v) in (int, float) and math.isfinite(v) for v in inner):
            from reportlab.lib.colors import Color

            colour = Color.__new__(Color)
            colour.__dict__.update(zip(("red", "green", "blue", "alpha"), inner, strict=True))
            return colour
    raise CodecError("not a value this codec writes")
