"""``build --json`` prints exactly one JSON object on stdout, whatever happens (issue 16 item 6)."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, SEEDS
from reportkit import build as build_module
from reportkit.build import BuildSummary
from reportkit.cli import main


def run(capsys, *args: str) -> tuple[int, dict, str]:
    with pytest.raises(SystemExit) as e:
        main(["build", *args, "--json"])
        raise SystemExit(0)
    out, err = capsys.readouterr()
    return e.value.code, json.loads(out), err  # json.loads fails on nothing, or on two objects


@pytest.mark.parametrize(("args", "file", "problem"), [
    (["--week", "2026-W99"], None, "--week: 2026 has no ISO week 99"),
    (["--format", "odt"], None, "--format: unknown format odt (choose from pdf, pptx)"),
    (["--layout", "no/such.yaml"], "no/such.yaml", None),
])
def test_bad_input_is_one_json_object_and_one_error_line(capsys, tmp_path, args, file, problem):
    code, summary, err = run(capsys, str(SEEDS), "--out", str(tmp_path / "o"), *args)
    assert code == 2
    assert summary["ok"] is False and summary["outputs"] == [] and summary["facts_used"] == []
    assert set(summary) == set(json.loads(BuildSummary().to_json())) >= {"ok", "error", "outputs", "warnings"}
    if file is not None:
        assert summary["error"]["file"] == file
    if problem is not None:
        assert summary["error"]["problem"] == problem
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and summary["error"]["problem"] in errors[0]


def test_a_missing_source_names_its_file(capsys, tmp_path):
    code, summary, _err = run(capsys, str(tmp_path / "gone"), "--out", str(tmp_path / "o"),
                              "--layout", str(ROOT / "layouts/weekly-brief.yaml"))
    assert code == 2 and summary["error"] == {"file": str(tmp_path / "gone"), "problem": "no such file or folder"}


def test_a_failed_verify_is_ok_false_with_its_problems(capsys, monkeypatch, tmp_path):
    def fake(opts, progress=None, warn=lambda _m: None):
        warn("a warning")
        return BuildSummary(problems=["out.pdf: sources: '42' traces to no fact"], warnings=["a warning"])

    monkeypatch.setattr(build_module, "build_report", fake)
    code, summary, err = run(capsys, str(SEEDS), "--out", str(tmp_path / "o"), "--verify")
    assert code == 1
    assert summary["ok"] is False and summary["error"] is None
    assert summary["problems"] == ["out.pdf: sources: '42' traces to no fact"]
    assert "error: out.pdf: sources: '42' traces to no fact" in err


def test_an_internal_error_is_still_one_json_object(capsys, monkeypatch, tmp_path):
    def broken(opts, progress=None, warn=lambda _m: None):
        warn("read so far")
        raise RuntimeError("boom")

    monkeypatch.setattr(build_module, "build_report", broken)
    code, summary, err = run(capsys, str(SEEDS), "--out", str(tmp_path / "o"))
    assert code == 1
    assert summary["ok"] is False and summary["warnings"] == ["read so far"]
    assert summary["error"] == {"file": None, "problem": "internal error: RuntimeError: boom"}
    assert "internal error: RuntimeError: boom" in err


def test_every_problem_of_a_layout_is_in_the_json(capsys, tmp_path):
    import shutil

    shutil.copytree(ROOT / "layouts", tmp_path / "layouts")
    brief = tmp_path / "layouts" / "weekly-brief.yaml"
    brief.write_text(brief.read_text(encoding="utf-8").replace("page_size: A4", "page_size: A9") + "bogus: 1\n",
                     encoding="utf-8")
    code, summary, err = run(capsys, str(SEEDS), "--out", str(tmp_path / "o"), "--layout", str(brief))
    assert code == 2
    problems = summary["error"]["problems"]
    assert [p["file"] for p in problems] == [str(brief)] * 2
    assert {p["problem"].split(":")[0] for p in problems} == {"bogus", "pdf.page_size"}
    assert summary["error"]["problem"] == problems[0]["problem"]
    assert err.splitlines()[-1] == "error: 2 problems in 1 file"


def test_an_empty_argument_is_still_one_json_object(capsys, tmp_path):
    code, summary, err = run(capsys, str(SEEDS), "--out", "")
    assert code == 2 and summary["ok"] is False
    assert summary["error"] == {"file": None, "problem": "--out: empty value (an unset shell variable?)"}
    assert err.splitlines() == ["error: --out: empty value (an unset shell variable?)"]
