"""The record of a build: a small JSON file next to each output, read back next week.

A record holds what a later build needs to say what changed: the report's
identity and week, its stories (headline, source file, link) and every fact with
what it measures (``measure``, ``subject``, ``period``, ``unit``), its value,
qualifier and provenance (file, offsets, sentence). It is written atomically and
deterministically (no clock, no absolute paths), and versioned by ``schema``.

Facts get ``measure``/``subject``/``period``/change pairs from the facts stage when
it provides them; until then ``measure`` falls back to the fact's label, ``period``
to its year, and changes stated in a sentence ("cut to 1.7 million b/d from
1.8 million") are found here from the two facts' places in their sentence.
"""

from __future__ import annotations

import functools
import json
import math
import re
import stat
from pathlib import Path, PurePath
from typing import Any

from ..lazyre import lazy
from ..atomic import write_bytes
from ..errors import InputError
from ..model import Document, Fact, Report
from .jsontext import dumps_indent1

SCHEMA = "reportkit.record/1"
SUFFIX = ".record.json"
MAX_RECORD_BYTES = 32 << 20  # a record is small; a huge file is not one of ours

# "<X> from <Y>" / "<X>, up from the current <Y>": X is the new value, Y the old one
_X_FROM_Y = lazy(r"^\s*,?\s*(?:(?:up|down)\s+)?from\s+(?:the\s+|a\s+|an\s+)?"
                       r"(?:(?:current|previous|previously\s+\w+|prior|earlier|initial|original)\s+)?"
                       r"(?:(?:forecast|estimate|target|level|reading)\s+of\s+)?$", re.IGNORECASE)
_FROM_BEFORE = lazy(r"\bfrom\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
_TO_BETWEEN = lazy(r"^\s*to\s+$", re.IGNORECASE)


def record_path(output: Path) -> Path:
    """Where the record of ``output`` lives: beside it, ``<output name>.record.json``."""
    return output.with_name(output.name + SUFFIX)


def _display(source: str, names: dict[str, str] | None = None) -> str:
    """A source as a record keeps it: relative paths as given, absolute ones relative to the
    build root (records travel between machines and CI runners; two sources may share a
    file name, so never the bare name when the build root tells them apart)."""
    absolute, name, posix = _path_of(source)
    if absolute:
        return (names or {}).get(source) or name
    return posix


@functools.lru_cache(maxsize=1024)
def _path_of(source: str) -> tuple[bool, str, str]:
    # asked for every fact of a record (a PurePath each: ≈1.5 ms of a batch report's CPU)
    path = PurePath(source)
    return path.is_absolute(), path.name, path.as_posix()


def _period(f: Fact) -> str | None:
    period = getattr(f, "period", None)
    if period is not None and period != "":
        return period if isinstance(period, str) else json.dumps(period, sort_keys=True)
    return str(f.year) if f.year is not None else None


def _stated_changes(facts: list[Fact]) -> dict[str, str]:
    """``to fact id -> from fact id`` for changes stated in one sentence.

    Uses the facts stage's pairs when a fact carries them (``change`` with
    ``from_id``/``to_id``), else the words between two facts of one unit in one
    sentence: "to X from Y", "X, up from Y", "from Y to X".
    """
    pairs: dict[str, str] = {}
    ids = {f.id for f in facts}
    for f in facts:
        change = getattr(f, "change", None)
        if isinstance(change, dict) and change.get("from_id") in ids and change.get("to_id") in ids:
            pairs[change["to_id"]] = change["from_id"]
    if pairs:
        return pairs
    for a, b in zip(facts, facts[1:]):
        if a.sentence != b.sentence or a.unit != b.unit or a.per != b.per or not a.sentence:
            continue
        i = a.sentence.find(a.text)
        j = a.sentence.find(b.text, i + len(a.text)) if i >= 0 else -1
        if i < 0 or j < 0:
            continue
        between = a.sentence[i + len(a.text):j]
        if _X_FROM_Y.match(between):
            pairs[a.id] = b.id
        elif _TO_BETWEEN.match(between) and _FROM_BEFORE.search(a.sentence[:i]):
            pairs[b.id] = a.id
    return pairs


def _fact_entry(f: Fact, story: str, pairs: dict[str, str], froms: dict[str, str],
                names: dict[str, str] | None = None) -> dict[str, Any]:
    return {
        "id": f.id, "story": story,
        "measure": getattr(f, "measure", None) or f.label or f.unit.replace("_", " "),
        "subject": getattr(f, "subject", None) or None,
        "period": _period(f),
        "value": f.value, "unit": f.unit, "per": f.per, "range": f.range,
        "qualifier": f.qualifier, "text": f.text,
        # a stated change links its two facts: the new value names the old, and back
        "change": ({"from_id": pairs[f.id]} if f.id in pairs else
                   {"to_id": froms[f.id]} if f.id in froms else None),
        # a bracketed conversion ("$8bn; £6bn") names the figure it converts: not a figure of its own
        "equivalent_of": getattr(f, "equivalent_of", None),
        "source": _display(f.source, names), "start": f.start, "end": f.end, "sentence": f.sentence,
    }


def _link(doc: Document) -> str | None:
    return doc.references[0].url if doc.references else None


def report_record(report: Report, identity: str, output: str) -> dict[str, Any]:
    """The record of ``report`` (built into the file named ``output``): stories take the story
    stage's headline, one-line summary and link when it made them, else the document's."""
    told = {st.source: st for st in getattr(report, "stories", None) or []}
    stories, facts = [], []
    names = report.source_names()
    for i, doc in enumerate(report.documents, 1):
        tag = f"S{i}"
        st = told.get(doc.source)
        stories.append({"id": tag, "headline": (st.headline if st else "") or doc.title,
                        "one_line": st.one_line if st else None, "source": _display(doc.source, names),
                        "link": (st.link if st and st.link and "://" in st.link else None) or _link(doc),
                        "facts": [f.id for f in doc.facts]})
        pairs = _stated_changes(doc.facts)
        froms = {old: new for new, old in pairs.items()}
        facts += [_fact_entry(f, tag, pairs, froms, names) for f in doc.facts]
    return {"schema": SCHEMA, "report": identity, "title": report.title, "week": report.week.label,
            "output": output, "stories": stories, "facts": facts}


def write_record(path: Path, record: dict[str, Any]) -> None:
    """Write ``record`` to ``path`` atomically; the same record gives the same bytes."""
    write_bytes(path, (dumps_indent1(record) + "\n").encode("utf-8"))  # json.dumps(indent=1), faster


_FACT_KEYS = ("id", "story", "measure", "value", "unit", "source", "sentence")
_OPTIONAL_TEXT = ("subject", "period", "per", "qualifier", "text", "equivalent_of")


def load_record(path: Path) -> dict[str, Any]:
    """Read and check a record; any problem is one :class:`InputError` line naming the file."""
    path = Path(path)
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO or device would block or never end
            raise InputError("not a regular file", path)
        with open(path, "rb") as fh:
            raw = fh.read(MAX_RECORD_BYTES + 1)
        if len(raw) > MAX_RECORD_BYTES:
            raise InputError("not a reportkit build record (too large)", path)
        data = json.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise InputError("record not found", path) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a build record", path) from None
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise InputError(f"not a reportkit build record ({type(e).__name__})", path) from None
    if not isinstance(data, dict) or not isinstance(data.get("schema"), str) \
            or not data["schema"].startswith("reportkit.record/"):
        raise InputError("not a reportkit build record (no schema field)", path)
    if data["schema"] != SCHEMA:
        raise InputError(f"record schema {data['schema']!r} is not supported (this reportkit reads {SCHEMA!r})", path)
    for key, kind in (("report", str), ("week", str), ("stories", list), ("facts", list)):
        if not isinstance(data.get(key), kind):
            raise InputError(f"damaged build record: {key!r} missing or not a {kind.__name__}", path)
    for i, f in enumerate(data["facts"]):
        if not isinstance(f, dict) or any(k not in f for k in _FACT_KEYS) \
                or not isinstance(f["value"], (int, float)) or isinstance(f["value"], bool) \
                or not math.isfinite(f["value"]):
            raise InputError(f"damaged build record: facts[{i}] lacks {', '.join(_FACT_KEYS)}", path)
        bad = [k for k in _FACT_KEYS if k != "value" and not isinstance(f[k], str)]
        bad += [k for k in _OPTIONAL_TEXT if f.get(k) is not None and not isinstance(f[k], str)]
        if not isinstance(f.get("change") or {}, dict):
            bad.append("change")
        if bad:
            raise InputError(f"damaged build record: facts[{i}].{bad[0]} has the wrong type", path)
    for i, s in enumerate(data["stories"]):
        if not isinstance(s, dict) or not isinstance(s.get("id"), str) or not isinstance(s.get("source"), str) \
                or not isinstance(s.get("headline") or "", str):
            raise InputError(f"damaged build record: stories[{i}] lacks id and source", path)
    return data


def check_same_report(old: dict[str, Any], identity: str, path: Path) -> None:
    """Refuse (one line) a record of another report."""
    if old["report"] != identity:
        raise InputError(f"record of another report ({old['report']!r}, not {identity!r})", path)
