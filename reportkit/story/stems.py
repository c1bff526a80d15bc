"""A label's words as the label checks compare them: stemmed, so that "imported" is the source's
"imports" (the card gate here and ``verify --sources`` read words the same way)."""

from __future__ import annotations

from ..lazyre import lazy

_WORD = lazy(r"[A-Za-z0-9]+")


def stem(w: str) -> str:
    """A word's stem, so that "imported" is the source's "imports" and "Ships" its "ships"."""
    w = w.lower()
    for end in ("ing", "ed", "es", "s"):
        if len(w) > len(end) + 2 and w.endswith(end) and not w.endswith("ss"):
            return w[: -len(end)]
    return w


def words(text: str) -> set[str]:
    """The stemmed words of ``text`` (letters and digits), for comparing a label with its source."""
    return {stem(w) for w in _WORD.findall(text)}
