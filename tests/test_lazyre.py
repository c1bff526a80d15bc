"""reportkit.lazyre: patterns compiled on first use behave as re.compile's, and readers/
and facts/ compile none of theirs at import."""

from __future__ import annotations

import ast
import re

from reportkit.lazyre import LazyPattern, compiled_count, lazy

from conftest import ROOT


def test_a_lazy_pattern_matches_as_the_compiled_one():
    text = "Oil rose 5% in 2024; gas FELL 3%."
    for pattern, flags in ((r"(?P<word>[a-z]+)\s+(\d+)%", re.I), (r"\b(\d{4})\b", 0), (r"%\W*", 0)):
        eager, late = re.compile(pattern, flags), lazy(pattern, flags)
        assert late.pattern == pattern
        assert [m.span() for m in late.finditer(text)] == [m.span() for m in eager.finditer(text)]
        assert late.search(text, 3).groups() == eager.search(text, 3).groups()
        assert late.sub("#", text) == eager.sub("#", text) and late.split(text) == eager.split(text)
        assert late.flags == eager.flags and late.groupindex == eager.groupindex


def test_a_lazy_pattern_compiles_on_first_use_only():
    ns = {"a": lazy(r"x+"), "b": lazy(r"y+"), "c": "not a pattern"}
    assert compiled_count(ns) == 0 and ns["a"].pattern == "x+" and compiled_count(ns) == 0
    assert ns["a"].match("xx")
    assert compiled_count(ns) == 1
    assert "search" in vars(ns["a"])  # later calls go straight to the compiled pattern's methods


def test_readers_and_facts_compile_no_pattern_at_import():
    """A module-level re.compile there would be paid by every warm build (see doccache)."""
    eager = []
    for folder in ("readers", "facts"):
        for path in sorted((ROOT / "reportkit" / folder).glob("*.py")):
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                for call in ast.walk(node) if not isinstance(node, (ast.FunctionDef, ast.ClassDef)) else ():
                    if isinstance(call, ast.Call) and ast.unparse(call.func) in ("re.compile", "compile"):
                        eager.append(f"{path.name}:{call.lineno}")
    assert eager == []


def test_every_module_level_pattern_there_is_lazy():
    import importlib

    found = 0
    for folder in ("readers", "facts"):
        for path in sorted((ROOT / "reportkit" / folder).glob("*.py")):
            module = importlib.import_module(f"reportkit.{folder}.{path.stem}".removesuffix(".__init__"))
            assert not [n for n, v in vars(module).items() if isinstance(v, re.Pattern)], path.name
            found += sum(1 for v in vars(module).values() if isinstance(v, LazyPattern))
    assert found > 100
