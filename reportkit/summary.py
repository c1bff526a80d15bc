"""What a build produced: :class:`BuildSummary` (``build --json``, ``build``'s text, ``watch``)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field


@dataclass
class OutputInfo:
    """One output file of a build: where, what format, its size and hash, ``built`` or ``unchanged``."""

    path: str
    format: str
    bytes: int
    sha256: str
    status: str  # "built" or "unchanged"


@dataclass
class BuildSummary:
    """What a build produced; ``to_json`` is the ``--json`` summary."""

    outputs: list[OutputInfo] = field(default_factory=list)
    charts: list[dict[str, object]] = field(default_factory=list)
    facts_used: list[str] = field(default_factory=list)  # every fact an output built now prints
    facts_printed: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # per output, per part
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    verified: list[str] = field(default_factory=list)  # the outputs ``--verify`` checked (problems above)
    # per built output: its build record and what it was compared with
    records: list[dict[str, object]] = field(default_factory=list)
    # the key-figure panel (display, label, fact_ids, source) and, per output, every number it
    # prints with the fact ids it comes from or how it is derived (``--json``, ``--verify``)
    key_figures: list[dict[str, object]] = field(default_factory=list)
    provenance: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    # how many sources were read and how many of them came from the document cache
    documents: dict[str, int] = field(default_factory=dict)
    error: dict[str, object] | None = None  # the build stopped: {"file", "problem"} (``--json`` on bad input)
    # not in ``--json``: what an unchanged build of the same command depends on and prints, for
    # the fast path (fastpath.remember): files probed, source folders, the week, its warnings
    fast: dict[str, object] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems and self.error is None

    def to_json(self) -> str:
        d = asdict(self)
        d.pop("fast")
        d["timings"] = {k: round(v, 4) for k, v in self.timings.items()}
        d["ok"] = self.ok
        return json.dumps(d, indent=2, ensure_ascii=False)

    def to_text(self) -> str:
        lines = [f"{o.status:>9}  {o.path}  ({o.bytes:,} bytes)" for o in self.outputs]
        images = [c for c in self.charts if c.get("mode") == "image"]
        rendered = sum(1 for c in images if not c.get("cached"))
        if self.charts:
            lines.append(f"   charts  {len(self.charts)} ({rendered} rendered, {len(images) - rendered} from cache, "
                         f"{len(self.charts) - len(images)} native only)")
        if self.verified:  # say that it ran: a silent pass reads as a check never made
            n = len(self.verified)
            said = f"{len(self.problems)} problem(s), listed below" if self.problems else "no problems"
            lines.append(f" verified  {n} output{'s' * (n != 1)} against {'their' if n != 1 else 'its'} sources: {said}")
        lines.append(f"     time  {sum(self.timings.values()):.2f} s")
        return "\n".join(lines)
