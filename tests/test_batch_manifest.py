"""Batch manifests, shards and CI summaries (no builds here; see test_batch_e2e)."""

import json
import xml.etree.ElementTree as ET

import pytest

from reportkit.batch import (STATUSES, JobResult, ManifestError, junit_xml, load_manifest, parse_shard,
                             results_table, shard, summary_json, totals_line)
from reportkit.errors import LayoutError, ReportkitError


def write(tmp_path, text):
    (tmp_path / "src").mkdir(exist_ok=True)
    (tmp_path / "src" / "a.txt").write_text("x")
    (tmp_path / "src" / "b.txt").write_text("y")
    p = tmp_path / "batch.yaml"
    p.write_text(text)
    return p


def test_defaults_merge_and_paths_resolve(tmp_path):
    p = write(tmp_path, """
defaults: {sources: [src/], formats: pdf, out: "out/{name}"}
reports:
  - {name: one, week: 2026-W01}
  - {name: two, sources: ["src/b.*"], formats: pptx, title: Two}
""")
    one, two = load_manifest(p)
    assert one.sources == [str(tmp_path / "src")] and one.formats == "pdf" and one.week == "2026-W01"
    assert one.out == str(tmp_path / "out" / "one")
    assert two.sources == [str(tmp_path / "src" / "b.txt")] and two.formats == "pptx" and two.title == "Two"


@pytest.mark.parametrize(("text", "message"), [
    ("reports: []", "reports: expected at least 1 item"),
    ("reports: [{name: a, sorces: [x]}]", "reports[0].sorces: unknown key (did you mean 'sources'?)"),
    ("reports: [{name: a, sources: [src/]}, {name: a, sources: [src/]}]", "reports[1].name: duplicate report name 'a'"),
    ("reports: [{name: 'a b'}]", "reports[0].name: use letters, digits, '.', '_' and '-' only"),
    ("reports: [{name: a, sources: [src/]}, {name: b, sources: [src/], week: 2026-W60}]",
     "reports[1].week: 2026 has no ISO week 60"),
    ("defaults: {week: 26-W1}\nreports: [{name: a, sources: [src/]}]",
     "defaults.week: expected YYYY-Www such as 2026-W47, got '26-W1'"),
    ("reports: [{name: a}]\nextra: 1", "extra: unknown key"),
])
def test_manifest_errors_name_file_and_key(tmp_path, text, message):
    p = write(tmp_path, text)
    with pytest.raises(LayoutError) as e:
        load_manifest(p)
    assert str(e.value).startswith(f"{p}: {message}")


def test_shards_cover_everything_exactly_once(tmp_path):
    p = write(tmp_path, "reports:\n" + "".join(f"  - {{name: r{i}, sources: [src/]}}\n" for i in range(7)))
    jobs = load_manifest(p)
    parts = [shard(jobs, (k, 3)) for k in (1, 2, 3)]
    names = [j.name for part in parts for j in part]
    assert sorted(names) == sorted(j.name for j in jobs) and len(names) == len(set(names))
    assert [j.name for j in parts[0]] == ["r0", "r3", "r6"]


@pytest.mark.parametrize("bad", ["0/2", "3/2", "1-2", "a/b", "1/0"])
def test_bad_shard(bad):
    with pytest.raises(ReportkitError, match="--shard"):
        parse_shard(bad)


def test_junit_is_valid_xml_with_failures():
    xml = junit_xml([JobResult("ok-one", "built", ["a.pdf"], None, 1.5),
                     JobResult("bad <one>", "failed", [], "x.txt: file is empty & useless", 0.1),
                     JobResult("same", "unchanged", ["b.pdf"], None, 0.0),
                     JobResult("later", "not run", [], "an earlier report failed (--fail-fast)", 0.0)])
    root = ET.fromstring(xml)
    assert root.get("tests") == "4" and root.get("failures") == "1" and root.get("skipped") == "1"
    assert root.find("testcase[@name='same']/skipped") is None  # unchanged is up to date: a pass
    assert root.find("testcase[@name='later']/skipped").get("message") == (
        "not run: an earlier report failed (--fail-fast)")
    failure = root.find("testcase[@name='bad <one>']/failure")
    assert failure is not None and failure.get("message") == "x.txt: file is empty & useless"


def test_unmatched_sources_fail_that_report_not_the_manifest(tmp_path):
    p = write(tmp_path, "reports: [{name: a, sources: [src/]}, {name: b, sources: [nothing/*.txt]}]")
    a, b = load_manifest(p)
    assert a.error is None
    assert b.error == f"{p}: reports[1].sources[0]: nothing matches 'nothing/*.txt'"


def test_every_manifest_problem_at_once_each_naming_its_entry(tmp_path):
    p = write(tmp_path, """
defaults: {sources: [src/], week: 2026-W99}
reports:
  - {name: a, week: 2026-W46}
  - {name: b}
  - {name: c, week: 20x}
  - {name: a, out: "out/{nme}"}
""")
    with pytest.raises(ManifestError) as e:
        load_manifest(p)
    assert e.value.lines() == [
        f"{p}: defaults.week: 2026 has no ISO week 99",
        f"{p}: reports[2].week: expected YYYY-Www such as 2026-W47, got '20x'",
        f"{p}: reports[3].name: duplicate report name 'a'",
        f"{p}: reports[3].out: unknown placeholder {{nme}} in 'out/{{nme}}' (known: {{name}})",
        "4 problems in 1 file"]


def test_schema_problems_of_several_entries_at_once(tmp_path):
    p = write(tmp_path, "reports: [{name: a, sorces: [x]}, {name: b, week: 1}, 3]")
    with pytest.raises(ManifestError) as e:
        load_manifest(p)
    assert e.value.problems == ["reports[0].sorces: unknown key (did you mean 'sources'?)",
                                "reports[1].week: expected text, got 1", "reports[2]: expected a mapping, got 3"]


def test_missing_layouts_and_sources_name_their_key(tmp_path):
    p = write(tmp_path, """
defaults: {layouts: [nope.yaml]}
reports:
  - {name: a, sources: [src/, gone/]}
  - {name: b, sources: [src/], layouts: [src/a.txt, missing.yaml]}
""")
    a, b = load_manifest(p)
    assert a.error == (f"{p}: reports[0].sources[1]: nothing matches 'gone/'; "
                       f"{p}: defaults.layouts[0]: no such file 'nope.yaml'")
    assert b.error == f"{p}: reports[1].layouts[1]: no such file 'missing.yaml'"


def test_cli_prints_each_manifest_problem_and_writes_the_summary(tmp_path, capsys):
    from reportkit.cli import main

    p = write(tmp_path, "reports: [{name: a, sources: [src/], week: 2026-W99}, {name: b, sources: [src/], week: x}]")
    with pytest.raises(SystemExit) as e:
        main(["batch", str(p), "--summary", str(tmp_path / "s.json")])
    assert e.value.code == 2
    assert capsys.readouterr().err.splitlines() == [
        f"error: {p}: reports[0].week: 2026 has no ISO week 99",
        f"error: {p}: reports[1].week: expected YYYY-Www such as 2026-W47, got 'x'", "error: 2 problems in 1 file"]
    summary = json.loads((tmp_path / "s.json").read_text())
    assert summary["ok"] is False and summary["reports"] == []
    assert summary["error"]["problems"][1] == "reports[1].week: expected YYYY-Www such as 2026-W47, got 'x'"


RESULTS = [JobResult("w45", "built", ["o/a.pdf"], None, 2.0, ["content.yaml: charts.x: left out: no data",
                                                               "content.yaml: charts.y: left out: no data"]),
           JobResult("w46", "unchanged", ["o/b.pdf"], None, 0.1),
           JobResult("bad", "failed", [], "x.txt: file is empty", 0.1, ["x.txt: skipped"]),
           JobResult("later", "not run", [], "an earlier report failed (--fail-fast)")]


def test_warnings_are_in_the_table_the_summary_and_junit():
    table = results_table(RESULTS).splitlines()
    assert table[0].split()[:4] == ["status", "report", "time", "warnings"]
    assert table[1].split()[:5] == ["built", "w45", "2.00", "s", "2"]
    assert table[2].split()[:5] == ["unchanged", "w46", "0.10", "s", "0"]
    summary = summary_json(RESULTS)
    assert summary["reports"][0]["warnings"] == RESULTS[0].warnings and summary["ok"] is False
    assert summary["totals"] == {"reports": 4, "built": 1, "unchanged": 1, "failed": 1, "not run": 1, "warnings": 3}
    root = ET.fromstring(junit_xml(RESULTS))
    out = root.find("testcase[@name='w45']/system-out").text.splitlines()
    assert out == ["status: built", "output: o/a.pdf", "warning: content.yaml: charts.x: left out: no data",
                   "warning: content.yaml: charts.y: left out: no data"]
    assert root.find("testcase[@name='w45']/failure") is None  # warnings do not fail a report


def test_status_words_are_the_same_everywhere():
    words = {r.status for r in RESULTS}
    assert words == set(STATUSES) == {"built", "unchanged", "failed", "not run"}
    assert totals_line(RESULTS) == "4 reports: 1 built, 1 unchanged, 1 failed, 1 not run; 3 warnings"
    table = results_table(RESULTS)
    assert [line.split("  ")[0].strip() for line in table.splitlines()[1:]] == [r.status for r in RESULTS]
    assert set(summary_json(RESULTS)["totals"]) >= words


# -- a checked manifest is kept in the cache folder (the batch process then imports no pydantic) ------

MANIFEST = """
defaults: {sources: [src/], formats: pdf, out: "out/{name}"}
reports:
  - {name: one, week: 2026-W01}
  - {name: two, sources: ["src/b.*"], formats: pptx, title: Two}
"""


def _entries(cache):
    return sorted((cache / "layouts").rglob("*.entry"))


def test_kept_manifest_gives_the_same_jobs_without_checking_again(tmp_path, monkeypatch):
    import reportkit.manifestmodel as model

    p, cache = write(tmp_path, MANIFEST), tmp_path / "cache"
    first = load_manifest(p, cache)
    assert first == load_manifest(p) and len(_entries(cache)) == 1
    monkeypatch.setattr(model, "checked", lambda *_a: pytest.fail("checked again"))
    assert load_manifest(p, cache) == first


def test_kept_manifest_is_keyed_by_its_bytes_and_errors_are_never_kept(tmp_path):
    p, cache = write(tmp_path, MANIFEST), tmp_path / "cache"
    load_manifest(p, cache)
    p.write_text(MANIFEST.replace("title: Two", "title: Deux"))
    assert load_manifest(p, cache)[1].title == "Deux" and len(_entries(cache)) == 2
    p.write_text("reports: [{name: a, sorces: [x]}]")
    for _ in range(2):  # the same message the second time: nothing was kept
        with pytest.raises(ManifestError, match=r"reports\[0\]\.sorces: unknown key"):
            load_manifest(p, cache)
    assert len(_entries(cache)) == 2
    p.write_text("defaults: {name: x}\nreports: [{name: a, sources: [src/]}]")
    for _ in range(2):  # a problem found after the check (a named default) is found again from the kept entry
        with pytest.raises(ManifestError, match="defaults.name: a name belongs to each report"):
            load_manifest(p, cache)


def test_a_tampered_kept_manifest_is_a_miss(tmp_path):
    p, cache = write(tmp_path, MANIFEST), tmp_path / "cache"
    first = load_manifest(p, cache)
    (entry,) = _entries(cache)
    entry.write_bytes(entry.read_bytes().replace(b'"Two"', b'"Owt"'))  # checksum no longer matches
    assert load_manifest(p, cache) == first


def test_plain_refuses_every_other_shape():
    from reportkit.manifest import _plain

    good = {"defaults": dict.fromkeys(("name", "sources", "layouts", "formats", "week", "title", "out")),
            "defaults_named": False, "reports": [dict.fromkeys(("name", "sources", "layouts", "formats", "week",
                                                                 "title", "out"), None)]}
    assert _plain(good)
    for bad in ({**good, "reports": []}, {**good, "defaults_named": 0}, {**good, "extra": 1},
                {**good, "reports": [{**good["reports"][0], "sources": "src/"}]},
                {**good, "reports": [{**good["reports"][0], "week": 2026}]}, [good], None):
        assert not _plain(bad)


def test_plain_names_the_models_fields():
    from reportkit.manifest import _FIELDS, _LISTS
    from reportkit.manifestmodel import ReportEntry

    assert set(ReportEntry.model_fields) == _FIELDS
    assert {k for k, f in ReportEntry.model_fields.items() if "list" in str(f.annotation)} == _LISTS
