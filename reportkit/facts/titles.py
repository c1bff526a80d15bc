"""The facts of headlines already read, kept per process.

:func:`~reportkit.facts.title_facts` reads a headline's figures once and keeps them here; the
document cache (:mod:`reportkit.doccache`) puts here the ones it stored with a document, so a
warm build extracts nothing. A module of its own, so that the cache can say so without
importing the fact extractors (≈40-50 ms) when no headline is read at all.
"""

from __future__ import annotations

from ..model import Fact

# most recent last; the oldest are dropped past _KEPT (a long `watch` session reads many)
_TITLES: dict[str, list[Fact]] = {}
_KEPT = 1024


def remember_title(title: str, facts: list[Fact]) -> None:
    """Have :func:`~reportkit.facts.title_facts` answer ``facts`` for ``title``."""
    _TITLES[title] = facts
    while len(_TITLES) > _KEPT:
        del _TITLES[next(iter(_TITLES))]


def known_title(title: str) -> list[Fact] | None:
    """The facts remembered for ``title`` (taken out: :func:`remember_title` puts them back
    as the most recent), or None."""
    return _TITLES.pop(title, None)
