"""Regular expressions compiled on first use, not at import.

readers/ and facts/ hold ~150 module-level patterns; compiling them costs ≈50 ms of CPU per
process (``sre_compile``'s charset optimisation of unicode classes dominates). A build whose
documents all come from the document cache (:mod:`reportkit.doccache`) runs no reader and no
fact extraction, so it should not pay for them. ``lazy(p, flags)`` stands where
``re.compile(p, flags)`` stood: the first attribute looked up compiles the pattern (through
``re.compile``, so its cache and semantics are the same) and copies the compiled pattern's
methods onto the object, so later calls cost what a compiled pattern's calls cost.
"""

from __future__ import annotations

import re
from typing import Any

# what the first use copies onto the object: every later lookup is a plain attribute read
_COPIED = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split", "scanner", "flags",
           "groups", "groupindex")


class LazyPattern:
    """A pattern compiled when first used; otherwise behaves as the compiled ``re.Pattern``.

    ``pattern`` is available without compiling (patterns built from other patterns' text).
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiling it now if not yet)."""
        return re.compile(self.pattern, self._flags)

    def __getattr__(self, name: str) -> Any:
        # only reached for names not yet on the instance, i.e. before the first use
        if name.startswith("__") or name not in _COPIED:
            raise AttributeError(name)
        compiled = self.compiled()
        for attr in _COPIED:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self._flags})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, deferred to the pattern's first use."""
    return LazyPattern(pattern, flags)


def compiled_count(patterns: dict[str, object]) -> int:
    """How many of the lazy patterns among ``patterns`` (a module's namespace) are compiled;
    for tests that check a warm build compiles none."""
    return sum(1 for v in patterns.values() if isinstance(v, LazyPattern) and "search" in vars(v))
