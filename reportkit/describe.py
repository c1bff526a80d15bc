"""Human, JSON and CSV views of documents, facts and layouts (for the CLI)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from typing import Any

from .model import Document, Fact

_FACT_COLUMNS = ("id", "text", "value", "unit", "per", "year", "qualifier", "range_low", "range_high",
                 "label", "source", "start", "end", "sentence", "measure", "subject", "period", "change_from",
                 "change_to", "equivalent_of")


def _short(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def documents_tree(docs: list[Document]) -> str:
    """A readable outline of each document: front matter, sections, blocks, key points, references."""
    out: list[str] = []
    for d in docs:
        prev_page = None
        out.append(d.source)
        out.append(f"  title:    {d.title}")
        if d.subtitle:
            out.append(f"  subtitle: {_short(d.subtitle, 110)}")
        if d.dateline:
            out.append(f"  dateline: {d.dateline}")
        byline = "  ·  ".join(m for m in (d.site, d.author, d.date) if m)
        if byline:
            out.append(f"  from:     {byline}")
        if d.url:
            out.append(f"  url:      {d.url}")
        for s in d.sections:
            out.append(f"  § {s.heading}" if s.heading else "  § (lead)")
            for b in s.blocks:
                if b.page is not None and b.page != prev_page:
                    out.append(f"    (page {b.page})")
                prev_page = b.page
                if b.kind == "quote":
                    who = f" — {b.speaker}" if b.speaker else ""
                    out.append(f"    “ {_short(b.text, 90)}{who}")
                elif b.kind == "list":
                    out.extend(f"    • {_short(it, 96)}" for it in b.items)
                else:
                    out.append(f"    ¶ {_short(b.text, 96)}")
        if d.key_points:
            out.append(f"  key points ({len(d.key_points)})")
            out.extend(f"    {i}. {_short(p, 94)}" for i, p in enumerate(d.key_points, 1))
        if d.references:
            out.append(f"  references ({len(d.references)})")
            out.extend(f"    [{r.label}] {r.url}" for r in d.references)
        if d.quotes:
            out.append(f"  quotes ({len(d.quotes)})")
            for q in d.quotes:
                who = f" — {q.speaker}" + (f", {q.role}" if q.role else "") if q.speaker else " — unattributed"
                out.append(f"    {'“' if q.kind == 'full' else '‘'} {_short(q.text, 80)}{who}")
        if d.facts:
            out.append(f"  facts: {len(d.facts)} (see `reportkit facts`)")
        for w in d.warnings:
            out.append(f"  warning: {w}")
        out.append("")
    return "\n".join(out).rstrip("\n")


def documents_json(docs: list[Document]) -> str:
    """``{"documents": [...]}``, each document as :meth:`Document.to_dict` (lossless)."""
    return json.dumps({"documents": [d.to_dict() for d in docs]}, ensure_ascii=False, indent=2)


def format_value(f: Fact) -> str:
    """A fact's value for reading: thousands separators, no float noise."""
    v = f.value
    if f.range:
        lo, hi = f.range
        return f"{_num(lo)}–{_num(hi)}"
    return _num(v)


def _num(v: float) -> str:
    if v == int(v) and abs(v) < 1e15:
        return f"{int(v):,}"
    return f"{v:,.4f}".rstrip("0").rstrip(".")


def _row(f: Fact) -> dict[str, Any]:
    d = asdict(f)
    rng = d.pop("range")
    d["range_low"], d["range_high"] = (rng if rng else (None, None))
    change = d.pop("change") or {}
    d["change_from"], d["change_to"] = change.get("from_id"), change.get("to_id")
    return d


def facts_table(facts: list[Fact]) -> str:
    """An aligned table: value, unit, year, qualifier, label, text and where it came from."""
    if not facts:
        return "no facts found"
    headers = ("value", "unit", "per", "year", "qualifier", "label", "measure (subject), period", "text", "source")
    rows = [
        (format_value(f), f.unit, f.per or "", str(f.year or ""), f.qualifier or "", _short(f.label, 40),
         _short(_what(f), 44), _short(f.text, 32), f"{f.source}:{f.start}-{f.end}")
        for f in facts
    ]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    right = {0}

    def line(cells: tuple[str, ...]) -> str:
        parts = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))]
        return "  ".join(parts).rstrip()

    out = [line(headers), line(tuple("-" * w for w in widths))]
    out.extend(line(r) for r in rows)
    out.append(f"{len(facts)} fact(s)")
    return "\n".join(out)


def facts_json(facts: list[Fact]) -> str:
    """A JSON array of facts (every field of :class:`Fact`)."""
    return json.dumps([asdict(f) for f in facts], ensure_ascii=False, indent=2)


#: A spreadsheet reads a cell starting with one of these as a formula (or DDE call).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value safe to open in a spreadsheet (OWASP "CSV injection"): text starting
    with ``=``, ``+``, ``-``, ``@``, tab or CR gets a leading ``'``. Numbers stay
    numbers (``-3.5`` is a value, not a formula, and must still parse as one)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _what(f: Fact) -> str:
    """"net debt (Shell), 2024-Q3"; "= <id>" for a conversion of another figure."""
    if f.equivalent_of:
        return f"= {f.equivalent_of}"
    text = f.measure or ""
    if f.subject:
        text += f" ({f.subject})"
    if f.period:
        text += f", {f.period}"
    return text


def facts_csv(facts: list[Fact]) -> str:
    """CSV with a header row; ``range`` is split into ``range_low``/``range_high``.
    Text cells are guarded against formula injection (see :func:`csv_cell`)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(_FACT_COLUMNS), lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    for f in facts:
        w.writerow({k: csv_cell(v) for k, v in _row(f).items()})
    return buf.getvalue().rstrip("\n")


def layout_yaml(layout: Any) -> str:
    """A resolved layout (defaults filled, asset paths absolute) as YAML."""
    import yaml

    data = layout.model_dump(mode="json")
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100).rstrip("\n")


def build_failure_json(error: BaseException, warnings: list[str]) -> str:
    """``build --json`` when the build stopped: the summary's keys, empty, with ``ok: false``,
    the warnings so far and ``error``: ``file`` and ``problem`` (the first, when a layout has several:
    then ``problems`` lists each, ``file`` and ``problem``)."""
    from .build import BuildSummary
    from .errors import LayoutError, ReportkitError
    from .layouts import problems_of

    if isinstance(error, LayoutError) and len(problems_of(error)) > 1:  # every problem of the layouts
        first, *_rest = entries = problems_of(error)
        err: dict[str, object] = {"file": first[0], "problem": first[1],
                                  "problems": [{"file": p, "problem": m} for p, m in entries]}
    elif isinstance(error, ReportkitError):
        err = {"file": error.path, "problem": error.message}
    else:
        err = {"file": None, "problem": f"internal error: {error.__class__.__name__}: {error}"}
    return BuildSummary(warnings=list(warnings), error=err).to_json()
