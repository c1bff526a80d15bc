"""Selecting facts with a :class:`~reportkit.layouts.chartspec.FactSelector`.

Shared by chart data, key-figure picks and anything else a layout selects.
"""

from __future__ import annotations

import fnmatch
import functools
import re
from pathlib import PurePath
from typing import TYPE_CHECKING

from ..model import Fact

if TYPE_CHECKING:
    from ..layouts import FactSelector


@functools.lru_cache(maxsize=1024)
def word_start(keyword: str) -> re.Pattern[str]:
    """``keyword`` (lower-cased) where a word starts: "gas" finds "gas" and "gases", never the
    "gas" inside "pangasius" or "Vegas" (a fish exporter's week was taken for the gas brief's);
    "import" finds "imports" and "imported". Compiled once per keyword."""
    return re.compile(r"(?<![^\W_])" + re.escape(keyword.lower()))


def matches(selector: FactSelector, fact: Fact) -> bool:
    """Whether ``fact`` satisfies every condition of ``selector``.

    ``label`` keywords match case-insensitively (any keyword) where a word starts in the
    fact's label or, failing that, its sentence; ``text`` keywords in the fact's exact text;
    ``exclude`` keywords must appear in neither; ``source`` is a glob over the
    source file's name (or its full path).
    """
    if selector.unit is not None:
        units = [selector.unit] if isinstance(selector.unit, str) else selector.unit
        if fact.unit not in units:
            return False
    haystack = f"{fact.label}\n{fact.sentence}".lower()
    if selector.label and not any(word_start(k).search(haystack) for k in selector.label):
        return False
    if selector.text and not any(k.lower() in fact.text.lower() for k in selector.text):
        return False
    if selector.exclude and any(word_start(k).search(haystack) for k in selector.exclude):
        return False
    if selector.years is not None and fact.year not in selector.years:
        return False
    if selector.source:
        name = PurePath(fact.source).name
        if not (fnmatch.fnmatch(name, selector.source) or fnmatch.fnmatch(fact.source, selector.source)):
            return False
    return True


def select(selector: FactSelector, facts: list[Fact]) -> list[Fact]:
    """Facts matching ``selector``, in document order, at most ``selector.limit``."""
    found = [f for f in facts if matches(selector, f)]
    return found[: selector.limit] if selector.limit else found


def dedupe(facts: list[Fact]) -> list[Fact]:
    """Drop repeats of the same quantity (same value, unit and year), keeping the first."""
    seen: set[tuple[float, str, int | None]] = set()
    out: list[Fact] = []
    for f in facts:
        key = (round(f.value, 6), f.unit, f.year)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
