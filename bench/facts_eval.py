"""Fact-extraction accuracy on the annotated news corpus in tests/data/news_eval/.

Each article's figures are annotated in ``expected.yaml`` (see the header there). An
expected figure is *found* when an extracted fact's span overlaps its text, and
*correct* when that fact also has the right value (within 0.5% relative), unit and
year — and ``per``/``range`` when the annotation gives them.

- recall    = correct expected figures / expected figures
- precision = extracted facts overlapping an expected figure / extracted facts
  (facts overlapping an ``optional`` span are left out of both counts)

What a fact measures is scored on the figures annotated with ``measure``, ``subject``
or ``period`` (the article's ``date`` is given to the extractor, as a reader's
metadata would). Alternatives are separated by ``|``; ``null`` means "none".

- measure: right when the predicted phrase holds the head noun (last word) of one of the
  annotation's alternatives and no word outside the annotation's words ("net debt" for "net
  debt" or "debt", not "Shell" and not "quarter"; "cement sold" for "cement|sold", a noun and
  its participle both annotated); an empty prediction is wrong.
- subject: right when equal (case-insensitive, a leading "the" ignored), ``null`` = none.
- period: right when equal ("2024", "2024-Q3", "2024-H1", "2024-12", "FY2025").

Run: ``.venv/bin/python bench/facts_eval.py [-v]`` (a second or two). ``-v`` also
prints every miss and false positive per file; without it only the totals and the
files below 100%.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportkit.facts.extract import extract_facts  # noqa: E402
from reportkit.model import Fact  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "news_eval"
_PER_ALIASES = {"lb": "pound", "lbs": "pound", "ton": "tonne", "metric_ton": "tonne", "t": "tonne",
                "mwh": "megawatt_hour", "kwh": "kilowatt_hour", "bbl": "barrel", "oz": "ounce"}


@dataclass
class FileResult:
    """One article's score, with the details needed to fix it."""

    name: str
    expected: int = 0
    correct: int = 0
    extracted: int = 0
    relevant: int = 0  # extracted facts that overlap an expected figure
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    # what each fact measures: {"measure": [right, annotated], "subject": ..., "period": ...}
    meaning: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in MEANING})
    meaning_misses: list[str] = field(default_factory=list)


@dataclass
class EvalResult:
    """Totals over the corpus."""

    files: list[FileResult]

    @property
    def expected(self) -> int:
        return sum(f.expected for f in self.files)

    @property
    def correct(self) -> int:
        return sum(f.correct for f in self.files)

    @property
    def extracted(self) -> int:
        return sum(f.extracted for f in self.files)

    @property
    def relevant(self) -> int:
        return sum(f.relevant for f in self.files)

    def meaning(self, key: str) -> tuple[int, int]:
        """(right, annotated) for ``measure``, ``subject`` or ``period``."""
        return (sum(f.meaning[key][0] for f in self.files), sum(f.meaning[key][1] for f in self.files))

    def meaning_rate(self, key: str) -> float:
        right, total = self.meaning(key)
        return right / total if total else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.relevant / self.extracted if self.extracted else 1.0


def _norm_per(per: str | None) -> str | None:
    if per is None:
        return None
    p = per.lower().strip().replace("-", "_").replace(" ", "_")
    p = _PER_ALIASES.get(p, p)
    return p[:-1] if p.endswith("s") and not p.endswith("ss") else p


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b)) or abs(a - b) < 1e-9


def _spans(text: str, needles: list[str], what: str, name: str, missing_ok: bool = False,
           absent: bool = False) -> list[tuple[int, int] | None]:
    """Where each needle is, searching in order (so repeated figures map one to one); with
    ``missing_ok``, a needle the text does not hold is left out (a date in a header line the
    reader took out of the body is no fact either); with ``absent``, a needle the text does not hold
    anywhere is None in its place (a figure the reader dropped: the caller scores it a miss)."""
    out: list[tuple[int, int] | None] = []
    pos = 0
    for needle in needles:
        i = text.find(needle, pos)
        if i < 0:
            # a table the reader gives column by column (a PDF's cells) while the annotation lists
            # it row by row: the first occurrence no earlier needle took, the order kept after it
            taken = {sp[0] for sp in out if sp is not None}  # a dropped needle holds None
            i = next((j for j in _occurrences(text, needle) if j not in taken), -1)
            if i >= 0:
                out.append((i, i + len(needle)))
                continue
        if i < 0 and missing_ok:
            continue
        if i < 0 and absent and needle not in text:  # the reader dropped it: a miss, scored as one
            out.append(None)
            continue
        if i < 0:
            raise ValueError(f"{name}: {what} text {needle!r} not found after offset {pos}")
        out.append((i, i + len(needle)))
        pos = i + 1
    return out


def _occurrences(text: str, needle: str) -> list[int]:
    """Every offset of ``needle`` in ``text``."""
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


MEANING = ("measure", "subject", "period")
_MEASURE_STOP = frozenset("the a an its their his her our of and in for to on from".split())


def _words(text: str) -> list[str]:
    return [w for w in text.lower().replace(",", " ").split() if w not in _MEASURE_STOP]


def measure_right(predicted: str | None, annotated: str) -> bool:
    """Whether ``predicted`` names what ``annotated`` (alternatives split by ``|``) names."""
    if not predicted:
        return False
    got = _words(predicted)
    alts = [_words(alt) for alt in annotated.split("|")]
    allowed = {w for want in alts for w in want}  # every word the annotation accepts, whichever alternative
    return any(want and want[-1] in got for want in alts) and set(got) <= allowed


def _same_subject(predicted: str | None, annotated: str | None) -> bool:
    def norm(s: str | None) -> str | None:
        if s is None or s == "null":
            return None
        s = s.strip().lower()
        return s[4:] if s.startswith("the ") else s
    alts = [None] if annotated is None else [norm(a) for a in annotated.split("|")]
    return norm(predicted) in alts


def _score_meaning(res: FileResult, f: Fact | None, exp: dict) -> None:
    for key in MEANING:
        if key not in exp:
            continue
        want = exp[key]
        got = getattr(f, key, None) if f is not None else None
        if key == "measure":
            ok = f is not None and measure_right(got, want) if want is not None else not got
        elif key == "subject":
            ok = f is not None and _same_subject(got, want)
        else:
            ok = f is not None and got == (str(want) if want is not None else None)
        res.meaning[key][1] += 1
        if ok:
            res.meaning[key][0] += 1
        else:
            res.meaning_misses.append(f"{exp['text']!r}: {key} {got!r} != {want!r}")


def _overlaps(f: Fact, span: tuple[int, int]) -> bool:
    return f.start < span[1] and span[0] < f.end


def _problems(f: Fact, exp: dict) -> list[str]:
    """What is wrong with ``f`` as a reading of ``exp`` (empty when it is right)."""
    out = []
    if not _close(f.value, float(exp["value"])):
        out.append(f"value {f.value:g} != {exp['value']}")
    if f.unit != exp["unit"]:
        out.append(f"unit {f.unit} != {exp['unit']}")
    years = exp.get("year") if isinstance(exp.get("year"), list) else [exp.get("year")]
    if "year" in exp and f.year not in years:  # a field left out is not scored
        out.append(f"year {f.year} != {exp['year']}")
    if "per" in exp and _norm_per(f.per) != _norm_per(exp["per"]):
        out.append(f"per {f.per} != {exp['per']}")
    if "range" in exp:
        want = exp["range"]
        if f.range is None or len(f.range) != 2 or not all(_close(a, b) for a, b in zip(f.range, want)):
            out.append(f"range {f.range} != {want}")
    return out


def evaluate_file(path: Path, ann: dict) -> FileResult:
    """Score one article against its annotations."""
    if path.suffix == ".txt":
        text = path.read_text(encoding="utf-8")
    else:  # a saved page, a PDF, ...: scored on the text its reader gives, as the build extracts it
        from reportkit.readers import read_file

        text = read_file(path).body_text()
    date = ann.get("date")
    facts = extract_facts(text, path.name, date=str(date) if date else None)
    res = FileResult(path.name, extracted=len(facts))
    exp_list = ann.get("facts") or []
    # a figure the reader's text does not hold at all (dropped with page furniture, say) is a
    # miss like any other, not an error: the build would not see it either
    exp_spans = _spans(text, [e["text"] for e in exp_list], "fact", path.name, absent=True)
    bad_spans = _spans(text, ann.get("not_facts") or [], "not_fact", path.name, missing_ok=True)
    # an optional figure the reader's text does not hold (a .docx Title the reader keeps as the
    # document's title, not its text) is no miss either: nothing there to extract
    opt_spans = _spans(text, ann.get("optional") or [], "optional", path.name, missing_ok=True)
    used: set[int] = set()
    res.expected = len(exp_list)
    for exp, span in zip(exp_list, exp_spans):
        if span is None:
            res.misses.append(f"{exp['text']!r}: not in the text as read")
            _score_meaning(res, None, exp)
            continue
        cands = [i for i, f in enumerate(facts) if i not in used and _overlaps(f, span)]
        right = [i for i in cands if not _problems(facts[i], exp)]
        if right:
            used.add(right[0])
            res.correct += 1
            _score_meaning(res, facts[right[0]], exp)
        elif cands:
            used.add(cands[0])
            f = facts[cands[0]]
            res.misses.append(f"{exp['text']!r}: got {f.text!r} -> " + "; ".join(_problems(f, exp)))
            _score_meaning(res, f, exp)
        else:
            res.misses.append(f"{exp['text']!r}: not found")
            _score_meaning(res, None, exp)
    for f in facts:
        if any(s and _overlaps(f, s) for s in exp_spans):
            res.relevant += 1
        elif any(_overlaps(f, s) for s in opt_spans):
            res.extracted -= 1
        else:
            tag = " [listed as not a fact]" if any(_overlaps(f, s) for s in bad_spans) else ""
            res.false_positives.append(f"{f.text!r} = {f.value:g} {f.unit}{tag} in: {f.sentence[:90]!r}")
    return res


def evaluate(corpus: Path = CORPUS) -> EvalResult:
    """Score every annotated article in ``corpus``."""
    ann = yaml.safe_load((corpus / "expected.yaml").read_text(encoding="utf-8"))
    missing = sorted(p.name for p in corpus.iterdir()
                     if p.suffix in (".txt", ".html", ".htm") and p.name not in ann)
    if missing:
        raise ValueError(f"articles without annotations: {missing}")
    return EvalResult([evaluate_file(corpus / name, ann[name]) for name in sorted(ann)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="misses and false positives of every file")
    ap.add_argument("-m", "--meaning", action="store_true", help="every wrong measure, subject or period")
    ap.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    args = ap.parse_args(argv)
    result = evaluate(args.corpus)
    print(f"{'file':28} {'recall':>14} {'precision':>14}")
    for f in result.files:
        rec = f"{f.correct}/{f.expected}"
        prec = f"{f.relevant}/{f.extracted}"
        print(f"{f.name:28} {rec:>14} {prec:>14}")
        if args.verbose or f.misses or f.false_positives:
            for m in f.misses:
                print(f"    miss  {m}")
            for fp in f.false_positives:
                print(f"    extra {fp}")
        if args.verbose or args.meaning:
            for m in f.meaning_misses:
                print(f"    what  {m}")
    print(f"\nTOTAL recall {result.correct}/{result.expected} = {result.recall:.1%}   "
          f"precision {result.relevant}/{result.extracted} = {result.precision:.1%}")
    print("WHAT   " + "   ".join(f"{k} {result.meaning(k)[0]}/{result.meaning(k)[1]} = {result.meaning_rate(k):.1%}"
                                  for k in MEANING))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
