"""``reportkit verify --sources``: every number an output prints traces to its sources.

The outputs are read back as a reader's software sees them (each PDF page's text, each
slide's text and notes, the values of every native chart) and every number in them is
traced:

- a **quantity** ("$86.4M", "approximately 72%", "1.8M b/d": what the fact extractor reads
  in the output) must equal a source fact of the same unit, at the precision printed
  (86.4M is 86,350,000-86,450,000), or a **derivation** of the facts of one article: a
  complement (100 - a share), a difference or sum of two figures, a part (a share of a
  count), a growth rate in percent, or a ratio printed "31×" / "31 times";
- a **bare number** ("30,000" in a chart, "737" in "Boeing 737") must be a value above, or
  appear in the sources' text as written;
- a **chart value** in a native deck chart must be a value above.

Page numbers ("Page 2 of 6"), dates, years, week numbers ("Week 48", "2026-W48"), source
counts ("4 sources", "and 1 more"), list markers ("01", "1."), reference markers ("[S1]", "[2]") and URLs are recognised and
skipped. Anything else is listed as a problem, with the page or slide it is on.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..facts import add_facts, extract_facts
from ..model import Document, Fact
from ..numbers import UNIT_SUFFIXES
from ..readers import read_paths
from .described import listed_counts
from .readback import read_back

_NUMBER = re.compile(r"(?<![\w.])[-−+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_SKIP = re.compile(
    r"\bPage\s+\d+\s+of\s+\d+|\bWeek\s+\d{1,2}\b|\b(?:19|20)\d\d-W\d\d\b|\[(?:S?\d+)\]|https?://\S+|www\.\S+"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s*[-–]\s*\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b"
    # a date, its month also in a kicker's capitals ("SNOWLINE JOURNAL · 19 JANUARY 2027", "NAIROBI, FEB 22")
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|"
    r"SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)\.?\b"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|"
    r"DECEMBER|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)\.?\s+\d{1,2}(?:st|nd|rd|th)?\b"
    r"|\b\d{1,2}:\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b"
    r"|^\s*\d{1,2}[.)]?(?=\s)"  # list markers "01", "1.", "2)"
    r"|^\s*\d{1,3}\s*$"  # a number alone on a line: a page or slide number
    r"|\b(?:FIGURE|Figure|Table|TABLE|slide|Slide)\s+\d+\b|\b\d+\s+source(?:\s+document)?s?\b"
    r"|\band\s+\d+\s+more\.?$"  # the standfirst's count of sources it does not name
    r"|^[^\s]{0,80}?\d[^\s]{0,80}/$"  # the rest of a URL broken over lines
    r"|\[\d[\d,]*\s+more\s+characters\]"  # the renderers' mark on a cut-off run-on word
    r"|(?<!\S)[^\s]{0,80}?\d[^\s]{0,80}?\.(?:txt|md|html?|pdf|docx|pptx|png|svg)\b"  # file names
    r"|(?<![\w./-])[\w./-]{0,80}?\b\d+_[\w./-]{0,80}|(?<![\w.-])[\w.-]{0,80}/[\w./-]{0,80}?\d[\w./-]{0,80}",
    re.M,
)
_TIMES = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)\s?(?:×|x\b|\s+times\b)")
# reportkit's own number displays (numbers.format_value): "$86.4M", "161.5B MXN" (with a unit, "1.8M b/d",
# see _UNIT_SHOWN)
_DISPLAY = re.compile(
    r"(?<![\w.])[-−+]?(?P<cur>[$£€¥₹₽])?(?P<n>\d[\d,]*(?:\.\d+)?)(?P<s>[KMBT])\b(?:\ (?P<code>[A-Z]{3})\b)?"
)
_SUFFIX = {"K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}
_SYMBOL_UNIT = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB"}
# numbers.format_value prints "¥" for yen and for yuan: a "¥" figure may trace to either
_SAME_SYMBOL = {"JPY": "CNY"}
# the units numbers.format_value prints abbreviated ("182,000 t", "1.8M b/d", "0.4 pp"): the fact
# extractor reads the spelled-out names ("tonnes") and would take "182,000 t Copper imports" for a count
_ABBREVIATED = {s: u for u, s in UNIT_SUFFIXES.items() if s.strip() != u.replace("_", " ")}
_UNIT_SHOWN = re.compile(
    r"(?<![\w.])[-−+]?(?P<n>\d[\d,]*(?:\.\d+)?)(?P<s>[KMBT])?(?P<u>"
    + "|".join(re.escape(s) for s in sorted(_ABBREVIATED, key=len, reverse=True)) + r")(?![\w/])"
)
# a printed address the renderers broke over lines (urls.url_segments: after / ? & - or before .):
# its line ends on a break, or the next line starts with "." and holds no space
_URL_LINE_END = re.compile(r"(?:https?://|www\.)\S*$")
_CONTINUED = re.compile(r"[ \t]*\n[ \t]*(?=[a-z])")
_YEARISH = re.compile(r"(?:19|20)\d\d")


def _num(text: str) -> float:
    return float(text.replace(",", "").replace("−", "-"))


def _decimals(text: str) -> int:
    m = re.search(r"\d[\d,]*(?:\.(\d+))?", text)
    return len(m.group(1)) if m and m.group(1) else 0


@dataclass
class Trace:
    """Where one printed number comes from: ``fact_ids``, or a derivation ``kind`` with inputs."""

    text: str
    where: str
    fact_ids: list[str] = field(default_factory=list)
    derived: dict | None = None
    source_text: bool = False

    @property
    def ok(self) -> bool:
        return bool(self.fact_ids or self.derived or self.source_text)

    def to_dict(self) -> dict:
        d: dict = {"text": self.text, "where": self.where}
        if self.fact_ids:
            d["fact_ids"] = self.fact_ids
        elif self.derived:
            d["derived"] = self.derived
        elif self.source_text:
            d["source_text"] = True
        return d


def _money(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()


class SourceIndex:
    """The facts of the sources and what may be derived from them, by unit."""

    def __init__(self, docs: list[Document], earlier: list[dict] | None = None) -> None:
        self.docs = docs
        self.facts = [f for d in docs for f in d.facts]
        # an earlier week's build record the output was compared with ("What changed"): its
        # figures are sources too, and so are the changes from them to this week's
        old = [_record_fact(e) for e in earlier or [] if isinstance(e, dict) and "value" in e]
        self.text = "\n".join("\n".join(t for t in (d.title, d.subtitle, d.dateline, d.body_text()) if t) for d in docs)
        # the earlier week's sentences: "What changed" quotes them (verify.quotewords reads them as sources)
        self.earlier_text = "\n".join(str(e.get("sentence") or "") for e in earlier or [] if isinstance(e, dict))
        self.tokens = set(_NUMBER.findall(self.text))
        self.derived: list[tuple[str, float, float, dict]] = []
        for d in docs:
            self._derive(d.facts)
        self._derive_changes(old)
        self.facts += old
        # sorted by value, per unit and for any unit: a lookup is a bisect, not a scan
        self._values: dict[str | None, tuple[list[float], list[str]]] = {}
        pairs: dict[str | None, list[tuple[float, str]]] = {}
        for f in self.facts:
            for v in [f.value, *(f.range or [])]:
                pairs.setdefault(f.unit, []).append((abs(v), f.id))
                pairs.setdefault(None, []).append((abs(v), f.id))
        for unit, items in pairs.items():
            items.sort()
            self._values[unit] = ([v for v, _ in items], [i for _, i in items])
        self._derived: dict[str | None, tuple[list[float], list[tuple[float, float, dict]]]] = {}
        dpairs: dict[str | None, list[tuple[float, float, dict]]] = {}
        self._max_exact = 0.0
        for u, v, exact, how in self.derived:
            if abs(v) <= exact:
                continue  # a difference smaller than the inputs' precision is no number at all
            self._max_exact = max(self._max_exact, exact)
            dpairs.setdefault(u, []).append((abs(v), exact, how))
            if u != "times":
                dpairs.setdefault(None, []).append((abs(v), exact, how))
        for unit, ditems in dpairs.items():
            ditems.sort(key=lambda x: x[0])
            self._derived[unit] = ([x[0] for x in ditems], ditems)

    def _derive(self, facts: list[Fact]) -> None:
        """Derivations a chart may print, within one article and one measure: the complement
        of a stated share of a whole, a part of a count by a stated share (and the rest),
        and the difference, sum, growth and ratio of two figures of the same measure (or the
        two ends of a change). Bounded: pairs among the first 60 figures of an article."""
        add = self.derived.append
        for a in facts:
            share = a.unit == "ratio" or (a.unit == "percent" and (" of " in a.sentence[:400] or "share" in
                                                                   (a.measure or "")))
            if share and a.unit == "percent" and 0 < a.value < 100:
                add(("percent", 100 - a.value, _half_digit(a), {"kind": "complement", "inputs": [a.id]}))
            if a.unit == "ratio" and 0 < a.value < 1:
                add(("ratio", 1 - a.value, 0.001, {"kind": "complement", "inputs": [a.id]}))
        n = min(len(facts), 60)
        for i in range(n):
            a = facts[i]
            for j in range(n):
                b = facts[j]
                if i == j:
                    continue
                if a.unit == "ratio" and b.unit == "count" and 0 < a.value < 1 and a.sentence == b.sentence:
                    part = a.value * b.value
                    slack = 0.001 * b.value + _half_digit(b)  # a stated share is rounded ("one-third")
                    add(("count", part, slack, {"kind": "part", "inputs": [a.id, b.id]}))
                    add(("count", b.value - part, slack, {"kind": "difference", "inputs": [b.id, a.id]}))
                linked = bool(a.change and a.change == b.change)
                same = a.measure is not None and a.measure == b.measure and a.subject == b.subject
                if a.unit != b.unit or a.per != b.per or not b.value or not (linked or same):
                    continue
                exact = max(_half_digit(a), _half_digit(b))
                add((a.unit, a.value - b.value, exact, {"kind": "difference", "inputs": [a.id, b.id]}))
                if i < j:
                    add((a.unit, a.value + b.value, exact, {"kind": "sum", "inputs": [a.id, b.id]}))
                growth = (a.value / b.value - 1) * 100
                # growth and multiples are printed rounded ("31×", "about 31 times"): to the unit
                add(("percent", growth, max(0.5, 0.005 * abs(growth)), {"kind": "growth", "inputs": [b.id, a.id]}))
                ratio = a.value / b.value
                add(("times", ratio, max(0.5, 0.005 * abs(ratio)), {"kind": "ratio", "inputs": [a.id, b.id]}))

    def _derive_changes(self, old: list[Fact]) -> None:
        """Old -> new of one measure across two weeks: the difference and the relative change."""
        by_key: dict[tuple, list[Fact]] = {}
        for f in self.facts:
            by_key.setdefault((f.unit, f.per, (f.measure or f.label or "").lower()), []).append(f)
        for o in old:
            for f in by_key.get((o.unit, o.per, (o.measure or "").lower()), [])[:20]:
                if not o.value:
                    continue
                exact = max(_half_digit(f), _half_digit(o))
                self.derived.append((f.unit, f.value - o.value, exact, {"kind": "difference", "inputs": [f.id, o.id]}))
                growth = (f.value / o.value - 1) * 100
                self.derived.append(("percent", growth, max(0.05, 0.005 * abs(growth)),
                                     {"kind": "growth", "inputs": [o.id, f.id]}))

    @staticmethod
    def _close(printed: float, value: float, tol: float) -> bool:
        return abs(abs(printed) - abs(value)) <= tol + 1e-9 * max(1.0, abs(value))

    def trace(self, value: float, unit: str | None, tol: float) -> tuple[list[str], dict | None]:
        """Fact ids with this value (and unit, when given), else a derivation, else nothing."""
        target = abs(value)
        slack = tol + 1e-9 * max(1.0, target)
        values, ids = self._values.get(unit, ([], []))
        lo, hi = bisect.bisect_left(values, target - slack), bisect.bisect_right(values, target + slack)
        if lo < hi:
            return list(dict.fromkeys(ids[lo:hi])), None
        # a derived value is printed at least at its inputs' precision ("72%" is not the complement of 27.6%)
        dvalues, ditems = self._derived.get(unit, ([], []))
        reach = max(tol, self._max_exact)
        lo, hi = bisect.bisect_left(dvalues, target - reach), bisect.bisect_right(dvalues, target + reach)
        for v, exact, how in ditems[lo:hi]:
            if tol <= exact * 1.0001 and abs(target - v) <= max(tol, exact):
                return [], how
        return [], None


def _record_fact(e: dict) -> Fact:
    return Fact(id=str(e.get("id", "")), text=str(e.get("text") or e["value"]), value=float(e["value"]),
                unit=str(e.get("unit", "")), source=str(e.get("source", "record")), start=0, end=0,
                sentence=str(e.get("sentence", "")), per=e.get("per"), range=e.get("range"),
                measure=e.get("measure"))


def _half_digit(f: Fact) -> float:
    """Half a unit of the last digit a source wrote, in the fact's units ("27.6%": 0.05)."""
    m = _NUMBER.search(f.text)
    number = abs(_num(m.group(0))) if m else 0.0
    scale = abs(f.value / number) if number else 1.0
    return 0.5 * 10 ** -_decimals(m.group(0) if m else f.text) * scale


def _tolerance(printed: str, value: float, number: float) -> float:
    """Half a unit of the last digit printed, in the fact's own scale ("86.4M": 50,000)."""
    scale = abs(value / number) if number else 1.0
    return 0.5 * 10 ** -_decimals(printed) * scale


def join_wrapped_urls(text: str) -> str:
    """``text`` with each address the renderer broke over lines on one line again: a line
    ending on an address at one of its break points (after "/", "?", "&", "-"), followed
    by a line of one word (or one that starts with "."), continues it ("…record-offshore-" /
    "wind-auction-secures-62-gw-…": "62" is part of the address, not a number)."""
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        prev, word = out[-1].rstrip(), line.strip()
        if word and " " not in word and _URL_LINE_END.search(prev) and (prev[-1] in "/?&-" or word[0] == "."):
            out[-1] = prev + word
        else:
            out.append(line)
    return "\n".join(out)


def trace_text(text: str, where: str, index: SourceIndex) -> list[Trace]:
    """Every number in one page's or slide's text, traced."""
    text = _CONTINUED.sub(" ", join_wrapped_urls(text))  # "2.2\nmillion barrels": a line broken inside a quantity
    skipped = sorted([m.span() for m in _SKIP.finditer(text)] + listed_counts(text))
    skip_starts = [a for a, _ in skipped]
    taken = bytearray(len(text) + 1)  # positions already read as part of a number

    def in_skip(a: int, b: int) -> bool:
        i = bisect.bisect_right(skip_starts, a) - 1
        while i >= 0 and skipped[i][0] <= a:
            if b <= skipped[i][1]:
                return True
            if a - skipped[i][0] > 2000:
                break
            i -= 1
        return False

    def cover(a: int, b: int) -> None:
        taken[a:b] = b"\x01" * (b - a)

    out: list[Trace] = []
    for m in _UNIT_SHOWN.finditer(text):
        if in_skip(*m.span()):
            continue
        cover(*m.span())
        scale = _SUFFIX[m.group("s")] if m.group("s") else 1.0
        t = Trace(" ".join(m.group(0).split()), where)
        t.fact_ids, t.derived = index.trace(_num(m.group("n")) * scale, _ABBREVIATED[m.group("u")],
                                            0.5 * 10 ** -_decimals(m.group("n")) * scale)
        if not t.ok and t.text in index.text:
            t.source_text = True  # quoted source text ("a 0.4 pp rise")
        out.append(t)
    for q in extract_facts(text, "output"):
        m = _NUMBER.search(q.text)
        first = q.start + (m.start() if m else 0)
        if taken[first] or in_skip(first, first + (len(m.group(0)) if m else 1)):
            continue
        cover(q.start, q.end)
        number = _num(m.group(0)) if m else q.value
        tol = max(_tolerance(m.group(0) if m else q.text, q.value, number), 0.0005 * abs(q.value))
        t = Trace(q.text, where)
        t.fact_ids, t.derived = index.trace(q.value, q.unit, tol)
        if not t.ok and q.range:
            t.fact_ids, t.derived = index.trace(q.range[1], q.unit, tol)
        if not t.ok and q.unit in _SAME_SYMBOL and "¥" in q.text:  # "¥" prints yen and yuan alike
            t.fact_ids, t.derived = index.trace(q.value, _SAME_SYMBOL[q.unit], tol)
        if not t.ok and q.text in index.text:
            t.source_text = True  # quoted source text, read differently out of its context
        out.append(t)
    for m in _DISPLAY.finditer(text):
        if taken[m.start()] or in_skip(*m.span()):
            continue
        cover(*m.span())
        number = _num(m.group("n"))
        scale = _SUFFIX[m.group("s")]
        unit = _SYMBOL_UNIT.get(m.group("cur") or "", m.group("code"))
        t = Trace(" ".join(m.group(0).split()), where)
        t.fact_ids, t.derived = index.trace(number * scale, unit, 0.5 * 10 ** -_decimals(m.group("n")) * scale)
        if not t.ok and unit in _SAME_SYMBOL and m.group("cur") == "¥":
            t.fact_ids, t.derived = index.trace(number * scale, _SAME_SYMBOL[unit],
                                                0.5 * 10 ** -_decimals(m.group("n")) * scale)
        out.append(t)
    for m in _TIMES.finditer(text):
        if taken[m.start()] or in_skip(*m.span()):
            continue
        cover(*m.span())
        number = _num(m.group(1))
        t = Trace(m.group(0), where)
        _ids, t.derived = index.trace(number, "times", 0.5 * 10 ** -_decimals(m.group(1)))
        if not t.ok and m.group(0) in index.text:
            t.source_text = True
        out.append(t)
    for m in _NUMBER.finditer(text):
        a, b = m.span()
        if taken[a] or in_skip(a, b):
            continue
        token = m.group(0)
        plain = token.lstrip("+-−")
        if _YEARISH.fullmatch(plain):
            continue  # a year
        t = Trace(token, where)
        if plain in index.tokens or token in index.tokens:
            t.source_text = True
        else:
            number = _num(plain)
            half = 0.5 * 10 ** -_decimals(plain)
            # a chart label may print a value in thousands, millions or billions ("36.9" for $36.87bn)
            for scale in (1.0, 1e3, 1e6, 1e9, 1e12):
                t.fact_ids, t.derived = index.trace(number * scale, None, half * scale + 1e-9)
                if t.ok:
                    break
        out.append(t)
    return out


def trace_file(path: Path, index: SourceIndex) -> list[Trace]:
    """Every number printed in one built PDF or deck, traced."""
    out: list[Trace] = []
    if path.suffix.lower() == ".pdf":
        for where, text in read_back(path)[0]:
            out.extend(trace_text(text, where, index))
    elif path.suffix.lower() == ".pptx":
        texts, values = read_back(path)
        for where, text in texts:
            out.extend(trace_text(text, where, index))
        for where, value in values:
            t = Trace(repr(value), where)
            t.fact_ids, t.derived = index.trace(value, None, 1e-6 * max(1.0, abs(value)))
            out.append(t)
    return out


def load_sources(paths: list[Path]) -> SourceIndex:
    """Read the sources (and their facts) the outputs were built from; a build record
    (``*.record.json``) among them is the earlier week a "What changed" part compares with."""
    import json

    records = [p for p in paths if p.name.endswith(".record.json")]
    docs, _warnings = read_paths([p for p in paths if p not in records]) if len(records) < len(paths) else ([], [])
    earlier = [e for r in records for e in json.loads(r.read_text(encoding="utf-8")).get("facts", [])]
    return SourceIndex([add_facts(d) for d in docs], earlier)


def source_problems(traces: list[Trace]) -> list[str]:
    """One line per number that traces to nothing."""
    return [f"{t.where}: {' '.join(t.text.split())!r} traces to no source fact or derivation" for t in traces
            if not t.ok]
