"""`reportkit parse` / `reportkit facts` through the real command line, with bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED_A, SEEDS

from reportkit.model import Document


def run(*args: str, cwd: Path = ROOT, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reportkit", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)


def test_parse_json_round_trips() -> None:
    r = run("parse", str(SEEDS), "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    docs = [Document.from_dict(d) for d in data["documents"]]
    assert len(docs) == 2 and docs[0].dateline == "Mexico City, 25 July"
    assert [d.to_dict() for d in docs] == data["documents"]


def test_parse_tree_and_facts_views() -> None:
    r = run("parse", str(SEED_A))
    assert r.returncode == 0 and "dateline: Mexico City, 25 July" in r.stdout and "key points (4)" in r.stdout
    r = run("facts", str(SEEDS))
    assert r.returncode == 0 and "production target" in r.stdout and "8 fact(s)" in r.stdout
    r = run("facts", str(SEEDS), "--csv")
    lines = r.stdout.splitlines()
    assert lines[0].startswith("id,text,value,unit") and len(lines) == 9
    r = run("facts", str(SEEDS), "--json")
    assert {f["unit"] for f in json.loads(r.stdout)} >= {"USD", "percent", "barrels_per_day", "count", "ratio", "years"}


def _one_line_error(r: subprocess.CompletedProcess[str], name: str) -> None:
    assert r.returncode == 2, (r.returncode, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and name in lines[0], r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize(
    ("name", "content"),
    [("empty.txt", b""), ("blank.txt", b"   \n\n\t \r\n"), ("nul.txt", b"abc\x00\x01\x02def"),
     ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ("photo.png", b"\x89PNG\r\n\x1a\n")],
)
def test_bad_named_files_are_one_line_errors(tmp_path: Path, name: str, content: bytes) -> None:
    (tmp_path / name).write_bytes(content)
    _one_line_error(run("parse", str(tmp_path / name)), name)


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    _one_line_error(run("facts", str(tmp_path / "nope")), "nope")
    (tmp_path / "only.docx").write_bytes(b"PK\x03\x04")
    r = run("parse", str(tmp_path))
    _one_line_error(r, str(tmp_path))


def test_undecodable_bytes_warn_and_continue(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes("Title\n\nCaf\xe9 owners said output rose 5% in 2024.\n".encode("latin-1") + b"\xff\xfe\x81")
    r = run("facts", str(p))
    assert r.returncode == 0, r.stderr
    assert r.stderr.startswith("warning: ") and "latin.txt" in r.stderr
    assert "5%" in r.stdout


def test_too_large_file_is_an_error(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        f.truncate(65 * 1024 * 1024)
    _one_line_error(run("parse", str(p)), "huge.txt")


def test_20_mb_file_finishes_quickly(tmp_path: Path) -> None:
    # News-like density (the seeds, ≈1 figure per 1,000 characters), every paragraph unique.
    paras = [p for p in (SEEDS / "002_a47ac54eef5493dc.txt").read_text().split("\n\n") if p.strip()]
    size = sum(len(x) + 2 for x in paras)
    n = 20 * 1024 * 1024 // size + 1
    p = tmp_path / "big.txt"
    p.write_text("\n\n".join(f"Part {i}: {x}" if len(x) > 60 else x for i in range(n) for x in paras))
    assert p.stat().st_size > 20 * 1024 * 1024
    # the subprocess timeout guards against a blow-up (measured ≈ 8-12 s); speed itself is bench/'s
    r = run("facts", str(p), "--csv", timeout=600)
    assert r.returncode == 0, r.stderr[-500:]
    assert r.stdout.count("\n") > 1000


def test_long_lines_and_many_headings(tmp_path: Path) -> None:
    p = tmp_path / "long.txt"
    p.write_text("Title\n\n" + ("word " * 20000) + "\n\n" + "x" * 100000 + "\n")
    r = run("parse", str(p), "--json")
    assert r.returncode == 0, r.stderr
    q = tmp_path / "heads.md"
    q.write_text("".join(f"## Heading {i}\n\nBody {i} rose 5%.\n\n" for i in range(10000)))
    r = run("parse", str(q), "--json", timeout=300)  # a guard against a blow-up, not a speed measure
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)["documents"][0]
    assert doc["title"] == "Heading 0", "no title line: the first heading is the title"
    assert len(doc["sections"]) == 10000 and doc["sections"][0]["heading"] is None
