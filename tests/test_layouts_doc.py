"""docs/layouts.md (issue 16 item 2): every key of the JSON Schema is documented there, the generated
reference is current, and every worked example validates and, for charts, resolves against the
seeds' facts without a warning."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from reportkit.layouts import read_yaml, validate_model
from reportkit.layouts.load import load_content
from reportkit.layouts.models import Brand, Content, LayoutFile
from reportkit.layouts.reference import BEGIN, END, reference_markdown, replace_reference
from reportkit.layouts.schema import KINDS, schema_dict

DOC = Path(__file__).resolve().parent.parent / "docs" / "layouts.md"
FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```", re.M | re.S)


def _properties(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(model, key, node) for every key of every model in a schema, the root's and those in $defs."""
    models = [("(root)", schema), *schema.get("$defs", {}).items()]
    return [(name, key, node) for name, model in models for key, node in model.get("properties", {}).items()]


def _doc_rows(doc: str) -> dict[str, list[str]]:
    """Documented key paths -> their description cells (several rows may end in the same key)."""
    rows: dict[str, list[str]] = {}
    for m in re.finditer(r"^\| `([^`]+)` \| .*? \| .*? \| (.*) \|$", doc, re.M):
        rows.setdefault(m.group(1), []).append(m.group(2).strip())
    return rows


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_schema_key_is_documented(kind: str) -> None:
    doc = DOC.read_text(encoding="utf-8")
    rows = _doc_rows(doc)
    missing = []
    for model, key, node in _properties(schema_dict(kind)):
        if not node.get("description", "").strip():
            missing.append(f"{model}.{key}: no description= in the model")
            continue
        cells = [c for path, cs in rows.items() if re.split(r"[.\]]", path)[-1] == key for c in cs]
        if not any(cells):
            missing.append(f"{model}.{key}: no row in docs/layouts.md")
    assert not missing, "\n".join(missing)


def test_a_key_without_description_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above can fail: a schema key with no description is reported."""
    schema = schema_dict("brand")
    del schema["$defs"]["Colors"]["properties"]["accent"]["description"]
    assert any(k == "accent" and not n.get("description") for _m, k, n in _properties(schema))


def test_reference_is_current() -> None:
    doc = DOC.read_text(encoding="utf-8")
    assert BEGIN in doc and END in doc
    assert replace_reference(doc) == doc, "run: python -m reportkit.layouts.reference"
    assert reference_markdown() in doc


def test_reference_has_a_row_per_key_with_type_and_default() -> None:
    rows = {m.group(1): m.group(0) for m in re.finditer(r"^\| `([^`]+)` \|.*$", DOC.read_text(), re.M)}
    assert "| `charts.<id>.data.category` | one of `year`, `period`, `subject`, `label` | `year` |" in \
        rows["charts.<id>.data.category"]
    assert "**required**" in rows["charts.<id>.kind"]
    assert "whole number, 3–6" in rows["key_figures.count"]
    assert "[fact selector](#fact-selector)" in rows["key_figures.picks[].fact"]
    assert "colour `#RRGGBB`" in rows["colors.primary"]


# -- worked examples -------------------------------------------------------------


def _blocks() -> list[tuple[str, str, str]]:
    return [(m.group(1), m.group(2).strip(), m.group(3)) for m in FENCE.finditer(DOC.read_text(encoding="utf-8"))]


def _examples() -> list[dict[str, Any]]:
    return [yaml.safe_load(text) for lang, _info, text in _blocks() if lang == "yaml"]


@pytest.fixture(scope="module")
def seed_documents() -> list[Any]:
    from reportkit.facts import add_facts
    from reportkit.readers import read_paths

    docs, _warnings = read_paths([DOC.parent.parent / "seeds"])
    for d in docs:
        add_facts(d)
    return docs


def test_examples_cover_every_chart_kind_and_data_source() -> None:
    charts = {cid: c for ex in _examples() for cid, c in (ex.get("charts") or {}).items()}
    assert {c["kind"] for c in charts.values()} == {"bar", "line", "donut", "bullet", "stacked_bar"}
    sources = {k for c in charts.values() for k in ("facts", "values", "csv") if k in c["data"]}
    assert sources == {"facts", "values", "csv"}
    selector_keys = {k for c in charts.values() if "facts" in c["data"] for k in c["data"]["facts"]}
    assert {"unit", "label", "text", "exclude", "years", "source"} <= selector_keys
    assert any(ex.get("format") for ex in _examples()) and any(ex.get("key_figures") for ex in _examples())


def test_examples_validate_and_charts_resolve(tmp_path: Path, seed_documents: list[Any]) -> None:
    from reportkit.charts import resolve_all

    for lang, info, text in _blocks():
        if lang == "csv":  # the fence names the file: ```csv data/crude-prices.csv
            (tmp_path / info).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / info).write_text(text, encoding="utf-8")
    facts = [f for d in seed_documents for f in d.facts]
    for n, example in enumerate(_examples()):
        path = tmp_path / f"example-{n}.yaml"
        if "format" in example:
            validate_model(LayoutFile, example, path)
            continue
        if "colors" in example:
            validate_model(Brand, example, path)
            continue
        data = {"title": "Example {week}", "short_title": "Example", **example}
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        content: Content = load_content(path)  # the csv path rule too
        assert read_yaml(path)
        warnings: list[str] = []
        charts = resolve_all(content.charts, list(content.charts), facts, content_path=path,
                             warn=warnings.append, documents=seed_documents)
        assert [c.id for c in charts] == list(content.charts), warnings
        assert not warnings, f"example {n}: {warnings}"
        for chart in charts:
            assert chart.points and chart.title
            if example["charts"][chart.id].get("caption"):
                assert chart.caption, f"{chart.id}: caption left out"


def test_doc_examples_fail_when_wrong(tmp_path: Path) -> None:
    """The example check can fail: a label written as a bare year is refused."""
    from reportkit.errors import LayoutError

    bad = {"title": "T", "short_title": "T", "charts": {"c": {"kind": "bar", "title": "T", "data": {
        "values": [{"label": 2024, "value": 1.0}]}}}}
    with pytest.raises(LayoutError, match=r"charts\.c\.data\.values\[0\]\.label: expected text"):
        validate_model(Content, bad, tmp_path / "c.yaml")
