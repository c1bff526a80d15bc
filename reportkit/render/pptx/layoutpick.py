"""The slide layout a deck uses for each role, looked up once per layout file and template.

Finding a layout by name reads every layout's name out of the template's XML (≈1.7 ms a deck
for the branded default, more for a user's template of many masters), and a batch worker or a
``watch`` session opens the same template for every deck. So what the lookup found is kept,
as positions (master, layout) that hold in any copy of the same package, with the warnings it
gave, which are said again for each deck: a deck built from the kept positions has the same
layouts, the same bytes and the same warnings as one that looked them up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...errors import LayoutError
from .memo import file_digest
from .template import fallback_layout, find_layout
from .text import one_line

#: how many (layout file, template) pairs a process keeps (a batch of many layouts keeps the latest)
KEEP = 16

# (id of the layout object, template digest) -> (the layout object, kept so its id is not reused,
# {role: (master index, layout index)}, the warnings the lookup gave)
_FOUND: dict[tuple[int, str], tuple[Any, dict[str, tuple[int, int]], list[str]]] = {}


def layouts_by_role(prs, layout, names, roles: tuple[str, ...], branded: bool,
                    warn: Callable[[str], None]) -> dict[str, Any]:
    """``prs``'s slide layout for each of ``roles`` as :func:`pick` finds it by ``names`` (the
    deck settings' ``slide_layouts``, which ``layout`` decides), each warning said."""
    key = (id(layout), file_digest(layout.template_path))
    kept = _FOUND.get(key)
    if kept is None or kept[0] is not layout:
        said: list[str] = []
        found = {role: pick(prs, layout, names, role, branded, said.append) for role in roles}
        kept = (layout, {role: _position(prs, lay) for role, lay in found.items()}, said)
        if len(_FOUND) >= KEEP:
            _FOUND.pop(next(iter(_FOUND)))  # the oldest
        _FOUND[key] = kept
    for message in kept[2]:
        warn(message)
    masters = list(prs.slide_masters)
    return {role: masters[m].slide_layouts[i] for role, (m, i) in kept[1].items()}


def pick(prs, layout, names, role: str, branded: bool, warn: Callable[[str], None]):
    """The layout named for ``role``; a role the deck layout leaves out falls back
    (with a warning) to a sensible layout of the template when the default name
    is not there."""
    name = getattr(names, role)
    if branded or role in names.model_fields_set:
        return find_layout(prs, name, role, layout.path, warn)
    try:
        return find_layout(prs, name, role, layout.path, lambda _m: None)
    except LayoutError:
        lay = fallback_layout(prs, role)
        warn(f"{layout.path}: deck.slide_layouts.{role} is not set and the template has no "
             f"{name!r}; using its layout {one_line(lay.name)!r}")
        return lay


def _position(prs, lay) -> tuple[int, int]:
    for m, master in enumerate(prs.slide_masters):
        for i, candidate in enumerate(master.slide_layouts):
            if candidate.part is lay.part:
                return m, i
    raise AssertionError("a layout found in the template is in none of its masters")


def forget() -> None:
    """Drop what is kept (tests)."""
    _FOUND.clear()
