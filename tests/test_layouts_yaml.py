"""Layout YAML is parsed by libyaml (yaml.CSafeLoader, issue 19) with PyYAML's messages:
the same data as ``yaml.safe_load`` and, for a malformed file, the same line, column and words."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

from reportkit.errors import LayoutError
from reportkit.layouts import check

LAYOUT_FILES = sorted({*ROOT.glob("layouts/**/*.yaml"), *ROOT.glob("reportkit/layouts/default/*.yaml"),
                       *ROOT.glob("examples/**/*.yaml"), *ROOT.glob("tests/data/**/*.yaml")})
MALFORMED = [
    "title: [unclosed\n", "a: 1\n b: 2\n", "a: 'open\n", "a:\n\t- 1\n", "a: *nowhere\n", "- a\nb: 1\n",
    "a: 1\n---\nb: 2\n", "%YAML 2.0\n---\na: 1\n", "a: !!python/object:os.system x\n", "a: b: c\n",
    "a: \x07\n", "{a: 1\n", "a: [1, 2]]\n", "? [a\n", "a: &x 1\nb: &x\n", "a: |\n  x\n y\n", '"a\n',
    "a: @b\n", "a: `b\n", "a:\n  - 1\n  b: 2\n", "a: !unknown 1\n", "a: 1\na: [\n",
]


def pure(raw: str) -> str | dict:
    """What the layout reader said before libyaml (PyYAML's pure-Python parser, the message as
    layouts/check.py words it): the data, or the message."""
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        return f"x.yaml: invalid YAML: {where}{getattr(e, 'problem', None) or str(e).splitlines()[0]}"
    return data if isinstance(data, dict) else "x.yaml: empty or not a mapping"


def now(raw: str) -> str | dict:
    try:
        return check._parse_yaml(Path("x.yaml"), raw.encode())
    except LayoutError as e:
        return "x.yaml: empty or not a mapping" if e.message.startswith(("file is empty", "top level")) else str(e)


def test_libyaml_is_used():
    assert check.fast_loader() is yaml.CSafeLoader  # the C extension is built here


@pytest.mark.parametrize("path", LAYOUT_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_layout_file_reads_the_same(path, monkeypatch):
    raw = path.read_text(encoding="utf-8")
    expected = yaml.safe_load(raw)
    if not isinstance(expected, dict):
        pytest.skip("not a mapping")
    monkeypatch.setattr(check, "_safe_load", lambda *_a: pytest.fail("the pure-Python parser was used"))
    assert check._parse_yaml(path, raw.encode()) == expected


@pytest.mark.parametrize("raw", MALFORMED)
def test_a_malformed_file_gets_pyyamls_message(raw):
    said = now(raw)
    assert said == pure(raw)
    assert isinstance(said, str) and said.startswith("x.yaml: "), said


def test_mutated_layouts_read_as_pyyaml_reads_them():
    """Broken at random (a character dropped, doubled or replaced by YAML punctuation): libyaml
    never accepts what PyYAML refused, nor reads it otherwise, and each message is PyYAML's."""
    rng = random.Random(19)
    texts = [p.read_text(encoding="utf-8") for p in LAYOUT_FILES if p.parent.name in ("layouts", "default")]
    for _ in range(400):
        text = rng.choice(texts)
        i = rng.randrange(len(text))
        op = rng.choice(["drop", "double", "replace"])
        ch = rng.choice(list(":-[]{}'\"&*!|>#%@`,? \t\n"))
        mutated = (text[:i] + text[i + 1:] if op == "drop" else text[:i] + text[i] + text[i:] if op == "double"
                   else text[:i] + ch + text[i + 1:])
        assert now(mutated) == pure(mutated), (op, i, ch, mutated)
