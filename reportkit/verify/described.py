"""``reportkit verify --sources``: the counts a chart's own description makes of what it lists.

A comparison's description (:func:`reportkit.charts.describe.alt_text`) says "Bar chart comparing
margin across 3 categories: Northwest Europe $9.80/barrel, Mediterranean $8.90/barrel, Singapore
$7.40/barrel; highest ...". Its "3" is no source's figure: it counts the items the same sentence
lists, and is right exactly when the list holds that many. A count the list does not bear out is
left to the numbers check, which finds no source for it.
"""

from __future__ import annotations

import re

_ACROSS = re.compile(r"\bacross\s+(?P<n>\d+)\s+categories:\s+(?P<items>[^;]{1,4000});")
_ITEM_SEP = re.compile(r",\s+")  # "1,234" keeps its comma: no space after it


def listed_counts(text: str) -> list[tuple[int, int]]:
    """The spans of the counts in ``text``'s chart descriptions that equal the number of items
    their list names (each item a name and its value, separated by a comma and a space)."""
    out = []
    for m in _ACROSS.finditer(text):
        if int(m.group("n")) == len(_ITEM_SEP.split(m.group("items").strip())):
            out.append(m.span("n"))
    return out
