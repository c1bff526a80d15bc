"""Modules loaded on their first use, not when a library imports them.

A library may import at its top a module it needs only in a function a build never calls:
reportlab imports Pillow's ``PIL.Image`` (≈10-15 ms) for bitmaps a warm brief does not decode,
and python-pptx's ``xml.sax.saxutils`` imports ``urllib.request`` (with http.client, email and
ssl: ≈20-25 ms, an eighth of python-pptx's import) for a function python-pptx never calls.

:func:`defer` puts a module in ``sys.modules`` as a lazy module (``importlib.util.LazyLoader``):
the same module, loaded whole the moment anything reads from it. That suits a module imported
with ``from package import module``; an ``import package.module`` statement reads the module's
``__spec__`` and so loads it at once. For that case :func:`import_without` imports a module
while the other stands in as a placeholder that imports the real module at its first use.
:func:`exports` gives a package names loaded from its modules on their first use (PEP 562).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from collections.abc import Callable, Iterable
from typing import Any


def defer(name: str) -> None:
    """Make module ``name`` load on its first use, unless it is imported already, cannot be
    found, or another Python thread runs (Python 3.11's lazy module loads without a lock)."""
    threading = sys.modules.get("threading")
    if name in sys.modules or (threading is not None and threading.active_count() > 1):
        return
    try:
        spec = importlib.util.find_spec(name)  # imports its parent package only
    except ImportError:
        return  # absent: the importer's own import says so, as before
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)  # what ``import a.b`` sets on its package


class _StandIn(types.ModuleType):
    """Where a module not imported yet is reached through its package: the first attribute read
    imports the real module (which then replaces this one on the package) and reads it there."""

    def __getattr__(self, attr: str) -> Any:
        real = sys.modules.get(self.__name__)
        if real is None or real is self:
            real = importlib.import_module(self.__name__)
        return getattr(real, attr)


def import_without(name: str, unused: str) -> None:
    """Import module ``name`` without importing ``unused`` (``a.b``), which ``name`` imports at its
    top but uses only inside functions: while ``name`` is imported, a :class:`_StandIn` takes
    ``unused``'s place, and stays on its package until something imports the real module. Does
    nothing but the import when either is imported already."""
    if name in sys.modules or unused in sys.modules:
        importlib.import_module(name)
        return
    parent, _, child = unused.rpartition(".")
    package = importlib.import_module(parent)
    stand_in = _StandIn(unused)
    sys.modules[unused] = stand_in
    try:
        importlib.import_module(name)
    finally:
        if sys.modules.get(unused) is stand_in:  # a later import of ``unused`` imports the real one
            del sys.modules[unused]
    if getattr(package, child, None) is None:
        setattr(package, child, stand_in)


def exports(package: str, where: dict[str, str], renamed: dict[str, str] | None = None) -> Callable[[str], Any]:
    """A package's module ``__getattr__`` (PEP 562) for the names in ``where`` (name -> the
    package's module defining it; ``renamed``: a name defined there under another name): a
    name is imported from its module the first time it is read, and kept on the package."""
    renamed = renamed or {}

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", package), renamed.get(name, name))
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__


def preload(package: str, modules: Iterable[str]) -> None:
    """Import each of a package's ``modules`` now: a batch imports them before it forks its
    workers (``batch.preload``), so that no worker imports them again for each report."""
    for module in sorted(set(modules)):
        importlib.import_module(f".{module}", package)
