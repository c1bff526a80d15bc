"""Quote finding and attribution on the annotated corpora (tests/data/quotes_eval/README.md).

Each article is read as ``reportkit parse`` reads it and its quotes are found by
:func:`reportkit.story.find_quotes`; the annotations are in ``quotes.yaml``
beside the articles. A found quote matches an annotated one with the same text
(white space normalised).

- precision = found full quotes that are annotated full quotes / found full quotes
- recall    = annotated full quotes found (as full quotes) / annotated full quotes
- speaker accuracy = matched full quotes whose speaker is right / matched full quotes
- fragments: annotated fragments found as fragments / annotated fragments

The weeks' folders (``tests/data/news_heldout15`` ...) are scored from annotations kept apart
(``quotes_eval/weeks/<folder>.yaml``: a file beside the sources would be a build input); they
also give each quote's role (accepted forms) and, for a later part of a quote its attribution
interrupts, ``part_of`` (the first part's text), so two more figures are scored there:

- role accuracy = matched full quotes whose role is an accepted form / matched full quotes with a role annotated
- joined = later parts found joined to their first part (``Quote.more``) / annotated later parts

Run: ``.venv/bin/python bench/quotes_eval.py [-v]`` (about a second); ``-v``
prints every miss, false positive and wrong speaker.

``--printed`` counts, for every test week (``tests/data/news_heldout*``), the quotes the outputs
print: the brief's stories' quotes (the best one, then another side's voice, ``Story.second_quote``)
and the deck's quote slides (one per story that has one, up to six; before session 15 the week's best three:
``week_quotes(limit=3)``, shown as "was"), with their speakers checked against the week's annotations
where it has them (h15, h16, h23, h24: "right/annotated"; the others were read by eye).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportkit.readers import read_file  # noqa: E402
from reportkit.story import find_quotes  # noqa: E402

DATA = ROOT / "tests" / "data"
#: name -> folder holding articles and their quotes.yaml
CORPORA = {
    "dev": DATA / "quotes_eval" / "dev",
    "heldout": DATA / "quotes_eval" / "heldout",
    "news_eval": DATA / "news_eval",
}
#: name -> folder of a week's sources; annotations in quotes_eval/weeks/<folder name>.yaml
WEEKS = {
    "h15": DATA / "news_heldout15",
    "h16": DATA / "news_heldout16",
    "h23": DATA / "news_heldout23",
    "h24": DATA / "news_heldout24",
    "h25": DATA / "news_heldout25",
    "h26": DATA / "news_heldout26",
}
WEEK_NOTES = DATA / "quotes_eval" / "weeks"
_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")


@dataclass
class Score:
    """Counts over one corpus, with the details needed to fix a miss."""

    name: str
    found: int = 0  # full quotes found
    expected: int = 0  # full quotes annotated
    matched: int = 0
    right_speaker: int = 0
    fragments: int = 0
    fragments_found: int = 0
    roles: int = 0  # matched full quotes with a role annotated
    right_role: int = 0
    parts: int = 0  # annotated later parts of interrupted quotes
    joined: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.right_speaker / self.matched if self.matched else 1.0


def _norm(text: str) -> str:
    return " ".join(text.split())


def _speakers(want: object) -> list[str | None]:
    return list(want) if isinstance(want, list) else [want]  # type: ignore[arg-type]


def evaluate(folder: Path, name: str = "", notes: Path | None = None) -> Score:
    """Score every article in ``folder`` (those not in the annotations must have no quote);
    ``notes`` is the annotation file (default ``folder/quotes.yaml``, whose folder holds .txt
    articles only; a week's folder holds sources of every kind)."""
    ann = yaml.safe_load((notes or folder / "quotes.yaml").read_text(encoding="utf-8")) or {}
    score = Score(name or folder.name)
    paths = sorted(folder.glob("*.txt")) if notes is None else \
        sorted(p for p in folder.iterdir() if p.suffix.lower() in _SUFFIXES and not p.name.startswith("README"))
    for path in paths:
        doc = read_file(path)
        text = doc.body_text()
        found = find_quotes(doc)
        for q in found:
            if text[q.start:q.end] != q.text:
                raise AssertionError(f"{path.name}: offsets of {q.text!r} do not point at it")
        expected = ann.get(path.name, [])
        exp_full = {_norm(e["text"]): e for e in expected if e["kind"] == "full"}
        exp_frag = {_norm(e["text"]) for e in expected if e["kind"] == "fragment"}
        got_full = {_norm(q.text): q for q in found if q.kind == "full"}
        got_frag = {_norm(q.text) for q in found if q.kind == "fragment"}
        score.found += len(got_full)
        score.expected += len(exp_full)
        score.fragments += len(exp_frag)
        score.fragments_found += len(exp_frag & got_frag)
        for key, q in got_full.items():
            if key not in exp_full:
                score.problems.append(f"{path.name}: not a full quote: {key[:70]!r}")
                continue
            score.matched += 1
            want = _speakers(exp_full[key].get("speaker"))
            if q.speaker in want:
                score.right_speaker += 1
            else:
                score.problems.append(f"{path.name}: speaker {q.speaker!r}, want {want[0]!r}: {key[:50]!r}")
            roles = exp_full[key].get("role") if notes is not None else None
            if roles:
                score.roles += 1
                if q.role in _speakers(roles):
                    score.right_role += 1
                else:
                    score.problems.append(f"{path.name}: role {q.role!r}, want {_speakers(roles)[0]!r}: {key[:40]!r}")
        heads = {_norm(q.text): q for q in found if q.kind == "full"}
        for e in expected:
            if e.get("part_of"):
                score.parts += 1
                head = heads.get(_norm(e["part_of"]))
                if head is not None and _norm(e["text"]) in [_norm(t) for t in getattr(head, "more", [])]:
                    score.joined += 1
                else:
                    score.problems.append(f"{path.name}: not joined to its first part: {_norm(e['text'])[:50]!r}")
        for key in exp_full:
            if key not in got_full:
                score.problems.append(f"{path.name}: missed: {key[:70]!r}")
        for key in sorted(exp_frag - got_frag):
            score.problems.append(f"{path.name}: fragment not found as one: {key[:70]!r}")
    return score


def printed(verbose: bool = False) -> None:
    """Print the quotes each test week's brief and deck print (see the module docstring)."""
    from reportkit.layouts.load import load_layout
    from reportkit.story import add_quotes, build_stories, week_quotes
    from reportkit.story.quotes import DECK_QUOTES

    content = load_layout(ROOT / "layouts" / "weekly-brief.yaml").content
    folders = sorted(DATA.glob("news_heldout*"), key=lambda f: int(f.name[12:] or 1))
    print(f"{'week':<6} {'stories':>7} {'quoted':>6} {'brief (2nd)':>11} {'deck (was)':>10} {'speaker':>8}")
    for folder in folders:
        notes = WEEK_NOTES / f"{folder.name}.yaml"
        ann = yaml.safe_load(notes.read_text(encoding="utf-8")) if notes.is_file() else {}
        want = {(name, _norm(e["text"])): _speakers(e.get("speaker")) for name, es in ann.items() for e in es}
        docs = [add_quotes(read_file(p)) for p in sorted(folder.iterdir())
                if p.suffix.lower() in _SUFFIXES and not p.name.startswith("README")]
        stories = build_stories(docs, content, [])
        brief = [(s.source, q) for s in stories for q in (s.quote, getattr(s, "second_quote", None)) if q is not None]
        deck = week_quotes(stories, docs, None)[:DECK_QUOTES]
        checked = right = 0
        for source, q in brief + deck:
            for part in q.parts:
                speakers = want.get((Path(source).name, _norm(part)))
                if speakers is not None:
                    checked += 1
                    right += q.speaker in speakers
                    if verbose and q.speaker not in speakers:
                        print(f"    {Path(source).name}: {q.speaker!r}, want {speakers[0]!r}: {part[:50]!r}")
        seconds = sum(1 for s in stories if getattr(s, "second_quote", None) is not None)
        name = "h" + (folder.name[12:] or "1")
        print(f"{name:<6} {len(stories):>7} {sum(s.quote is not None for s in stories):>6} "
              f"{len(brief):>7} ({seconds}) {len(deck):>5} ({len(week_quotes(stories, docs, 3))}) "
              f"{f'{right}/{checked}' if checked else '-':>8}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every problem")
    parser.add_argument("--printed", action="store_true", help="count the quotes each test week's outputs print")
    args = parser.parse_args()
    if args.printed:
        printed(args.verbose)
        return 0
    print(f"{'corpus':<10} {'full':>5} {'found':>6} {'precision':>9} {'recall':>7} {'speaker':>8} {'fragments':>10} {'roles':>6} {'joined'}")
    runs = [(name, folder, None) for name, folder in CORPORA.items() if (folder / "quotes.yaml").is_file()]
    runs += [(name, folder, WEEK_NOTES / f"{folder.name}.yaml") for name, folder in WEEKS.items()
             if (WEEK_NOTES / f"{folder.name}.yaml").is_file()]
    for name, folder, notes in runs:
        s = evaluate(folder, name, notes)
        frag = f"{s.fragments_found}/{s.fragments}"
        extra = f" {s.right_role}/{s.roles:<4} {s.joined}/{s.parts}" if notes is not None else ""
        print(f"{name:<10} {s.expected:>5} {s.found:>6} {s.precision:>9.1%} {s.recall:>7.1%} "
              f"{s.speaker_accuracy:>8.1%} {frag:>10}{extra}")
        if args.verbose:
            for p in s.problems:
                print(f"    {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
