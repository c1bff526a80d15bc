"""Filling ``{placeholder}`` templates from layouts and manifests, safely.

``str.format`` lets a template reach attributes (``{week.__class__}``), call
conversions (``{week!r}``) and ask for any width (``{week:>999999999}``, gigabytes
of padding). Layout files are user input, so templates here take plain field
names only, with an optional simple format spec of bounded width and precision
(``{week_number:02d}``); anything else is refused when the layout is loaded.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence

#: A format spec: [[fill]align][sign][0][width][,|_][.precision][type], width and precision at most 2 digits.
_SPEC = re.compile(r"(?:.?[<>^=])?[+\- ]?0?(?P<width>\d{1,2})?[,_]?(?:\.(?P<prec>\d{1,2}))?[bcdeEfFgGnosxX%]?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class TemplateError(ValueError):
    """A template that is not plain placeholders; the message says what is wrong."""


def check_template(template: str, known: Sequence[str]) -> list[str]:
    """The field names of ``template``; raises :class:`TemplateError` for anything but
    ``{name}`` / ``{name:spec}`` with ``name`` in ``known`` and a bounded spec."""
    listed = ", ".join("{%s}" % k for k in known)
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as e:
        raise TemplateError(f"bad template {template!r}: {e}") from None
    names = []
    for _literal, field, spec, conversion in parsed:
        if field is None:
            continue
        shown = "{%s%s%s}" % (field, "!" + conversion if conversion else "", ":" + spec if spec else "")
        if conversion is not None:
            raise TemplateError(f"placeholder {shown} in {template!r}: conversions (!r, !s, !a) are not allowed")
        if "." in field or "[" in field:
            raise TemplateError(f"placeholder {shown} in {template!r}: use a plain name such as "
                                f"{{{known[0] if known else 'name'}}} (no attributes or indexes)")
        if field not in known or not _NAME.fullmatch(field):
            raise TemplateError(f"unknown placeholder {shown} in {template!r} (known: {listed})")
        if spec and ("{" in spec or not _SPEC.fullmatch(spec)):
            raise TemplateError(f"placeholder {shown} in {template!r}: format spec {spec!r} is not allowed "
                                "(use a simple one such as :02d, width and precision below 100)")
        names.append(field)
    return names


def fill(template: str, values: Mapping[str, object]) -> str:
    """``template`` with its placeholders replaced (checked by :func:`check_template` first)."""
    check_template(template, list(values))
    out = []
    for literal, field, spec, _conversion in string.Formatter().parse(template):
        out.append(literal)
        if field is not None:
            try:
                out.append(format(values[field], spec or ""))
            except (ValueError, TypeError) as e:
                raise TemplateError(f"placeholder {{{field}:{spec}}} in {template!r}: {e}") from None
    return "".join(out)


# Placeholders a chart's title, subtitle, caption and target_label may use, filled from the
# chart's own data by reportkit.charts.text (which documents each one); the layout models check them.
CHART_PLACEHOLDERS = (
    "first", "last", "value", "first_category", "last_category", "first_year", "last_year", "change",
    "pct_change", "ratio", "trend", "max", "max_category", "min", "min_category", "total", "share",
    "complement", "target", "measure", "subject", "source",
)

__all__ = ["CHART_PLACEHOLDERS", "TemplateError", "check_template", "fill"]
