"""The package layout issue 11 set up: one package per stage, imports only through a
package's public names, no stage prefixes on top-level modules, and the import-linter
contracts in pyproject.toml kept (``lint-imports`` also runs in ``make test``)."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "reportkit"
STAGES = ["reportkit.readers", "reportkit.facts", "reportkit.layouts", "reportkit.story", "reportkit.charts",
          "reportkit.render.pdf", "reportkit.render.pptx", "reportkit.verify"]


def _modules() -> dict[str, Path]:
    out = {}
    for f in PKG.rglob("*.py"):
        parts = list(f.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = f
    return out


def _stage(mod: str) -> str | None:
    return next((s for s in STAGES if mod == s or mod.startswith(s + ".")), None)


def _imports(mod: str, path: Path) -> list[tuple[int, str]]:
    pkg = mod if path.name == "__init__.py" else mod.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg.split(".")[: len(pkg.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((node.lineno, target))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, a.name) for a in node.names)
    return [(n, t) for n, t in found if t.startswith("reportkit")]


def test_no_module_imports_another_packages_private_module() -> None:
    bad = []
    for mod, path in _modules().items():
        mine = _stage(mod)
        for line, target in _imports(mod, path):
            theirs = _stage(target)
            if theirs and theirs != mine and target != theirs:
                bad.append(f"{path.relative_to(ROOT)}:{line}: imports {target} (use {theirs}'s public names)")
    assert not bad, "\n".join(bad)


def test_top_level_modules_carry_no_stage_prefix() -> None:
    prefixed = [p.name for p in PKG.glob("*.py") if p.name.startswith(("facts_", "chart", "pdf_", "pptx_", "layout"))]
    assert not prefixed
    assert not [p.name for p in (PKG / "render").glob("*.py") if p.name != "__init__.py"]


def test_no_import_cycle_between_packages() -> None:
    graph: dict[str, set[str]] = {}
    for mod, path in _modules().items():
        mine = _stage(mod) or mod
        for _, target in _imports(mod, path):
            theirs = _stage(target) or target
            if theirs != mine and theirs != "reportkit":
                graph.setdefault(mine, set()).add(theirs)
    seen: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        seen[node] = 1
        for nxt in sorted(graph.get(node, ())):
            assert seen.get(nxt) != 1, "import cycle: " + " -> ".join([*stack, node, nxt])
            if nxt not in seen:
                visit(nxt, [*stack, node])
        seen[node] = 2

    for node in sorted(graph):
        if node not in seen:
            visit(node, [])


def test_import_contracts_hold() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.fail("lint-imports is not installed: pip install -e '.[test]'")
    proc = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout[-3000:]
