"""What changed, written out: for a terminal (``reportkit diff``), as JSON (``diff --json``,
``build --json``) and as the part of a build record that lets every number of the "What
changed" part be traced (:func:`record_changes`). :mod:`.changes` finds the changes.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..model import Changes

_KIND_WORDS = {"changed": "changed", "revised": "revised", "new": "new", "dropped": "dropped",
               "new_story": "story", "dropped_story": "story"}


def changes_text(ch: Changes) -> str:
    """Every change, for a terminal (``reportkit diff``): the line, then where each value was said."""
    head = f"What changed in {ch.report}: {ch.since} -> {ch.week}"
    if not ch.all:
        return f"{head}\n{ch.note}"
    out = [head]
    for c in ch.all:
        out.append(f"{_KIND_WORDS[c.kind]:>8}  {c.text}")
        if c.stated:
            out.append(f"{'':>10}({c.stated})")
        if c.old_sentence:
            out.append(f"{'':>10}was: {c.old_week} {c.old_source}: “{_one_line(c.old_sentence)}”")
        elif c.old_source:
            out.append(f"{'':>10}was: {c.old_week} {c.old_source}")
        if c.sentence:
            out.append(f"{'':>10}now: {ch.week} {c.source}: “{_one_line(c.sentence)}”")
        elif c.source:
            out.append(f"{'':>10}now: {ch.week} {c.source}")
    if ch.continuing:
        out.append(f"{'continue':>8}  {', '.join(ch.continuing)}")
    return "\n".join(out)


def record_changes(ch: Changes, earlier: str) -> dict[str, Any]:
    """What a build record keeps of its comparison: the earlier record (file name) and, per
    change, the facts of both weeks and the derived numbers printed (so every number the
    "What changed" part prints can be traced from the record)."""
    return {"since": ch.since, "record": earlier, "lines": [
        {"kind": c.kind, "text": c.text, "fact_ids": c.fact_ids, "old_fact_ids": c.old_fact_ids,
         "difference": c.difference, "relative": c.move, "shown": any(c is ln for ln in ch.lines)}
        for c in ch.all]}


def changes_dict(ch: Changes) -> dict[str, Any]:
    """Every change as JSON-ready data (``reportkit diff --json``, ``build --json``)."""
    d = asdict(ch)
    d.pop("lines")
    d["shown"] = len(ch.lines)
    return {"schema": "reportkit.changes/1", **d}


def _one_line(text: str) -> str:
    return " ".join(text.split())
