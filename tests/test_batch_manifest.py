"""Batch manifests, shards and CI summaries (no builds here; see test_batch_e2e)."""

import xml.etree.ElementTree as ET

import pytest

from reportkit.batch import JobResult, junit_xml, load_manifest, parse_shard, shard
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
    ("reports: [{name: a, sorces: [x]}]", "reports.0.sorces: unknown key (did you mean 'sources'?)"),
    ("reports: [{name: a, sources: [src/]}, {name: a, sources: [src/]}]", "reports.1.name: duplicate report name 'a'"),
    ("reports: [{name: 'a b'}]", "reports.0.name: use letters, digits, '.', '_' and '-' only"),
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
    xml = junit_xml([JobResult("ok-one", "ok", ["a.pdf"], None, 1.5),
                     JobResult("bad <one>", "failed", [], "x.txt: file is empty & useless", 0.1),
                     JobResult("same", "skipped", ["b.pdf"], None, 0.0)])
    root = ET.fromstring(xml)
    assert root.get("tests") == "3" and root.get("failures") == "1" and root.get("skipped") == "1"
    failure = root.find("testcase[@name='bad <one>']/failure")
    assert failure is not None and failure.get("message") == "x.txt: file is empty & useless"


def test_unmatched_sources_fail_that_report_not_the_manifest(tmp_path):
    p = write(tmp_path, "reports: [{name: a, sources: [src/]}, {name: b, sources: [nothing/*.txt]}]")
    a, b = load_manifest(p)
    assert a.error is None
    assert b.error == f"{p}: reports.1.sources: nothing matches 'nothing/*.txt'"
