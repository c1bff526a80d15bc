"""describe: the CLI's views of documents, facts and layouts."""

from __future__ import annotations

import csv
import io
import json

import yaml

from reportkit.describe import documents_json, documents_tree, facts_csv, facts_json, facts_table, layout_yaml
from reportkit.facts.extract import add_facts
from reportkit.layouts.load import load_layout
from reportkit.model import Document
from reportkit.readers import read_paths
from reportkit.story import add_quotes

from conftest import LAYOUTS, SEEDS


def _docs():
    docs, _ = read_paths([SEEDS])
    return [add_quotes(add_facts(d)) for d in docs]


def test_tree_shows_structure() -> None:
    tree = documents_tree(_docs())
    assert "dateline: Mexico City, 25 July" in tree
    assert "§ Pemex Moves to Boost Domestic Production" in tree
    assert "— Sergei Tsivilev" in tree
    assert "references (5)" in tree and "key points (4)" in tree


def test_documents_json_is_lossless() -> None:
    docs = _docs()
    data = json.loads(documents_json(docs))
    assert [Document.from_dict(d) for d in data["documents"]] == docs


def test_facts_table_json_csv_agree() -> None:
    facts = [f for d in _docs() for f in d.facts]
    table = facts_table(facts).splitlines()
    assert table[0].split()[:4] == ["value", "unit", "per", "year"]
    assert any("1,800,000" in line and "barrels_per_day" in line for line in table)
    assert table[-1] == f"{len(facts)} fact(s)"
    w0 = len(table[1].split()[0])  # the dashes under "value"
    units = {f.unit for f in facts}
    for line in table[2:-1]:  # columns are aligned: the unit starts right after the value column
        assert line[w0 : w0 + 2] == "  " and line[w0 + 2 :].split()[0] in units
    js = json.loads(facts_json(facts))
    rows = list(csv.DictReader(io.StringIO(facts_csv(facts))))
    assert [r["id"] for r in rows] == [f["id"] for f in js] == [f.id for f in facts]
    assert rows[1]["year"] == "2022" and rows[1]["unit"] == "USD" and float(rows[1]["value"]) == 2.8e6
    assert facts_table([]) == "no facts found"


def test_range_is_split_in_csv() -> None:
    from reportkit.facts.extract import extract_facts

    (f,) = extract_facts("The deal is worth $3-4 billion.", "s")
    row = next(csv.DictReader(io.StringIO(facts_csv([f]))))
    assert (float(row["range_low"]), float(row["range_high"])) == (3e9, 4e9)
    assert "3,000,000,000–4,000,000,000" in facts_table([f])


def test_layout_yaml_is_resolved() -> None:
    layout = load_layout(LAYOUTS / "weekly-brief.yaml")
    data = yaml.safe_load(layout_yaml(layout))
    assert data == layout.model_dump(mode="json")


def test_csv_cells_cannot_be_formulas(tmp_path) -> None:
    """OWASP CSV injection: text cells starting with = + - @ tab CR are quoted with a
    leading apostrophe (end to end through `reportkit facts --csv`); numbers stay numbers."""
    import os
    import subprocess
    import sys

    from reportkit.describe import csv_cell
    from reportkit.model import Fact

    for bad in ("=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert csv_cell(bad) == "'" + bad
    assert csv_cell("Revenue") == "Revenue" and csv_cell(-3.5) == -3.5 and csv_cell(None) == ""
    f = Fact(id="f1", text="=cmd|' /C calc'!A0", value=-3.5, unit="USD", source="@evil.txt", start=0, end=5,
             sentence="-1 =2", label="+label")
    row = next(csv.DictReader(io.StringIO(facts_csv([f]))))
    assert row["text"] == "'=cmd|' /C calc'!A0" and row["source"] == "'@evil.txt"
    assert row["sentence"] == "'-1 =2" and row["label"] == "'+label" and float(row["value"]) == -3.5

    src = tmp_path / "evil.md"
    src.write_text("# Sales\n\n=HYPERLINK(\"http://evil.example\") sales rose to $2.8 million in 2022.\n")
    env = {**os.environ, "REPORTKIT_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-m", "reportkit", "facts", str(src), "--csv"], capture_output=True,
                         text=True, env=env, check=True).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows, out
    for r in rows:
        for key, cell in r.items():
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), (key, cell)
            assert not cell.startswith("-") or key in ("value", "range_low", "range_high"), (key, cell)
    assert any(r["sentence"].startswith("'=HYPERLINK") for r in rows)


def test_a_figure_rounds_half_up_as_it_is_written() -> None:
    from reportkit.numbers import compact, format_value

    # 13.95 is 13.9499... in binary: a float's own rounding printed "13.9B" for J$13,950 million
    assert compact(13.95e9) == "14B" and format_value(13.95e9, "JMD") == "14B JMD"
    assert compact(2.345e9) == "2.35B" and compact(86.4e6) == "86.4M" and compact(11.38e9) == "11.4B"
