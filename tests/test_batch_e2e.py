"""End-to-end: `reportkit batch` (parallel, sharded, failures) and `reportkit watch`."""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("chart-cache")


def env(cache: Path) -> dict[str, str]:
    return {**os.environ, "REPORTKIT_CACHE_DIR": str(cache), "SOURCE_DATE_EPOCH": "1795046400"}


def rk(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reportkit", *args], cwd=ROOT, env=env(cache),
                          capture_output=True, text=True, timeout=600)


@pytest.fixture
def manifest(tmp_path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(SEEDS, src)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    layouts = f"[{ROOT / 'layouts/weekly-brief.yaml'}, {ROOT / 'layouts/briefing-deck.yaml'}]"
    p = tmp_path / "batch.yaml"
    p.write_text(f"""
defaults:
  sources: [src/]
  layouts: {layouts}
  out: "out/{{name}}"
reports:
  - {{name: w45, week: 2026-W45}}
  - {{name: w46, week: 2026-W46, formats: pdf}}
  - {{name: broken, sources: [broken/]}}
  - {{name: gas, week: 2026-W46, sources: ["src/002_*.txt"], title: Mexico gas brief, formats: pdf}}
""")
    return p


def test_batch_builds_others_when_one_fails(manifest, cache, tmp_path):
    proc = rk("batch", str(manifest), "--jobs", "2", "--summary", str(tmp_path / "s.json"),
              "--junit", str(tmp_path / "j.xml"), cache=cache)
    assert proc.returncode == 1, proc.stderr
    summary = json.loads((tmp_path / "s.json").read_text())
    status = {r["name"]: r["status"] for r in summary["reports"]}
    assert status == {"w45": "built", "w46": "built", "broken": "failed", "gas": "built"}
    broken = next(r for r in summary["reports"] if r["name"] == "broken")
    assert "photo.txt" in broken["error"] and "not a text file" in broken["error"]
    out = tmp_path / "out"
    assert sorted(p.name for p in (out / "w45").glob("*.p*")) == [  # each output and its build record
        "russia-mexico-brief-2026-W45.pdf", "russia-mexico-brief-2026-W45.pdf.record.json",
        "russia-mexico-briefing-2026-W45.pptx", "russia-mexico-briefing-2026-W45.pptx.record.json"]
    assert [p.name for p in (out / "gas").glob("*.pdf")] == ["russia-mexico-brief-2026-W46.pdf"]
    assert not (out / "broken").exists() or not list((out / "broken").glob("*.p*"))
    junit = ET.parse(tmp_path / "j.xml").getroot()
    assert junit.get("tests") == "4" and junit.get("failures") == "1"
    assert re.search(r"^failed +broken ", proc.stdout, re.M), proc.stdout

    # unchanged inputs: unchanged, in the table, the totals and the summary
    again = rk("batch", str(manifest), "--jobs", "2", "--summary", str(tmp_path / "s2.json"), cache=cache)
    status = {r["name"]: r["status"] for r in json.loads((tmp_path / "s2.json").read_text())["reports"]}
    assert status == {"w45": "unchanged", "w46": "unchanged", "broken": "failed", "gas": "unchanged"}, again.stdout
    assert re.search(r"^unchanged +w45 ", again.stdout, re.M), again.stdout
    assert again.stdout.splitlines()[-1].startswith("4 reports: 0 built, 3 unchanged, 1 failed, 0 not run")


def test_gas_report_has_its_own_title(manifest, cache, tmp_path):
    rk("batch", str(manifest), "--jobs", "1", "--shard", "2/2", cache=cache)
    from pypdf import PdfReader

    pdf = tmp_path / "out" / "w46" / "russia-mexico-brief-2026-W46.pdf"
    assert PdfReader(str(pdf)).metadata.title.startswith("Russia–Mexico Energy Brief — Week 46")
    gas = tmp_path / "out" / "gas" / "russia-mexico-brief-2026-W46.pdf"
    assert PdfReader(str(gas)).metadata.title == "Mexico gas brief"


def test_shards_cover_the_manifest_once(manifest, cache, tmp_path):
    names = []
    for k in (1, 2):
        rk("batch", str(manifest), "--shard", f"{k}/2", "--jobs", "1", "--summary", str(tmp_path / f"{k}.json"),
           cache=cache)
        names += [r["name"] for r in json.loads((tmp_path / f"{k}.json").read_text())["reports"]]
    assert sorted(names) == ["broken", "gas", "w45", "w46"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_fail_fast_stops_after_first_failure(manifest, cache, tmp_path, jobs):
    proc = rk("batch", str(manifest), "--jobs", jobs, "--fail-fast", "--summary", str(tmp_path / "s.json"),
              cache=cache)
    assert proc.returncode == 1
    reports = {r["name"]: r for r in json.loads((tmp_path / "s.json").read_text())["reports"]}
    assert reports["broken"]["status"] == "failed"
    assert reports["gas"]["status"] == "not run" and reports["gas"]["error"] == "an earlier report failed (--fail-fast)"
    assert not (tmp_path / "out" / "gas").exists()
    assert "not run" in proc.stdout.splitlines()[-1]


def test_missing_sources_fail_one_report_only(manifest, cache, tmp_path):
    text = manifest.read_text().replace("sources: [broken/]", "sources: [nothing/*.txt]")
    manifest.write_text(text)
    proc = rk("batch", str(manifest), "--jobs", "2", "--summary", str(tmp_path / "s.json"), cache=cache)
    assert proc.returncode == 1
    reports = {r["name"]: r for r in json.loads((tmp_path / "s.json").read_text())["reports"]}
    assert reports["broken"]["status"] == "failed" and "nothing matches 'nothing/*.txt'" in reports["broken"]["error"]
    assert {reports[n]["status"] for n in ("w45", "w46", "gas")} == {"built"}


def _reader(stream, q: queue.Queue) -> None:
    for line in stream:
        q.put(line)


def _wait_for(q: queue.Queue, needle: str, timeout: float = 120) -> str:
    end = time.monotonic() + timeout
    seen = []
    while time.monotonic() < end:
        try:
            line = q.get(timeout=0.5)
        except queue.Empty:
            continue
        seen.append(line)
        if needle in line:
            return line
    raise AssertionError(f"{needle!r} not seen; got {seen}")


def test_watch_rebuilds_on_edit_and_survives_errors(tmp_path, cache):
    src = tmp_path / "src"
    shutil.copytree(SEEDS, src)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "reportkit", "watch", str(src), "--format", "pdf", "--out",
                             str(out)], cwd=ROOT, env=env(cache), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    q: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(proc.stdout, q), daemon=True).start()
    try:
        _wait_for(q, "rebuilt")
        pdf = out / "russia-mexico-brief-2026-W47.pdf"
        first = pdf.read_bytes()
        target = sorted(src.glob("*.txt"))[1]
        # an edit the brief shows: its lead sentence is in the story's summary
        target.write_text(target.read_text(encoding="utf-8").replace("Russia has expressed", "Moscow has expressed",
                                                                     1), encoding="utf-8")
        _wait_for(q, "rebuilt")
        second = pdf.read_bytes()
        assert second != first
        target.write_text("", encoding="utf-8")  # an editor truncating before it writes
        line = _wait_for(q, "error:")
        assert target.name in line and "empty" in line and "last good outputs kept" in line
        assert pdf.read_bytes() == second
        (src / "zz.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
        line = _wait_for(q, "error:")
        assert "zz.txt" in line and "last good outputs kept" in line
        assert pdf.read_bytes() == second
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_batch_outputs_are_the_bytes_of_separate_builds(tmp_path, cache):
    """One worker builds every report, replaying the slides its earlier decks share:
    each file must still be what a separate `reportkit build` makes."""
    src = tmp_path / "src"
    shutil.copytree(SEEDS, src)
    layouts = f"[{ROOT / 'layouts/weekly-brief.yaml'}, {ROOT / 'layouts/briefing-deck.yaml'}]"
    reports = {"w45": ("2026-W45", "src/"), "w46": ("2026-W46", "src/"), "gas": ("2026-W46", "src/002_*.txt")}
    manifest = tmp_path / "batch.yaml"
    manifest.write_text(f"defaults:\n  layouts: {layouts}\n  out: \"out/{{name}}\"\nreports:\n" + "".join(
        f"  - {{name: {name}, week: {week}, sources: [\"{s}\"]}}\n" for name, (week, s) in reports.items()))
    proc = rk("batch", str(manifest), "--jobs", "1", cache=cache)
    assert proc.returncode == 0, proc.stderr
    for name, (week, s) in reports.items():
        sources = [str(p) for p in sorted(tmp_path.glob(s))] if "*" in s else [str(tmp_path / s)]
        alone = tmp_path / "alone" / name
        single = rk("build", *sources, "--week", week, "--out", str(alone), cache=cache)
        assert single.returncode == 0, single.stderr
        built = sorted(p.name for p in (tmp_path / "out" / name).glob("*.p*") if not p.name.endswith(".record.json"))
        assert len(built) == 2
        for f in built:
            assert (tmp_path / "out" / name / f).read_bytes() == (alone / f).read_bytes(), (name, f)


def test_a_report_that_lost_two_charts_says_so_everywhere(tmp_path, cache):
    """Two charts whose selectors match nothing are left out with a warning each: the
    report is built (a pass in JUnit) but the table, the summary and JUnit carry them."""
    layouts = tmp_path / "layouts"
    shutil.copytree(ROOT / "layouts", layouts)
    content = (layouts / "content.yaml").read_text(encoding="utf-8")
    for selector in ("facts: {unit: USD, label: [FDI, investment]}", "facts: {unit: count, label: [wells]}"):
        assert selector in content
        content = content.replace(selector, "facts: {unit: USD, label: [no-such-words-here]}")
    (layouts / "content.yaml").write_text(content, encoding="utf-8")
    shutil.copytree(SEEDS, tmp_path / "src")
    manifest = tmp_path / "batch.yaml"
    manifest.write_text(f"reports:\n  - {{name: lost, sources: [src/], formats: pdf, week: 2026-W46, "
                        f"layouts: [{layouts / 'weekly-brief.yaml'}]}}\n")
    proc = rk("batch", str(manifest), "--jobs", "1", "--summary", str(tmp_path / "s.json"),
              "--junit", str(tmp_path / "j.xml"), cache=cache)
    assert proc.returncode == 0, proc.stderr
    report = json.loads((tmp_path / "s.json").read_text())["reports"][0]
    lost = [w for w in report["warnings"] if "left out" in w and "charts." in w]
    assert report["status"] == "built" and len(lost) == 2, report
    assert any("charts.fdi_growth" in w for w in lost) and any("charts.production_targets" in w for w in lost)
    row = next(line for line in proc.stdout.splitlines() if line.startswith("built"))
    assert row.split()[:5] == ["built", "lost", row.split()[2], "s", str(len(report["warnings"]))]
    assert all(f"warning: lost: {w}" in proc.stderr for w in report["warnings"])
    case = ET.parse(tmp_path / "j.xml").getroot().find("testcase[@name='lost']")
    assert case.find("failure") is None
    assert all(f"warning: {w}" in case.find("system-out").text.splitlines() for w in lost)

    # unchanged next time (a CI run with the output folder cached): the charts are still missing, and said
    again = rk("batch", str(manifest), "--jobs", "1", "--summary", str(tmp_path / "s2.json"), cache=cache)
    report = json.loads((tmp_path / "s2.json").read_text())["reports"][0]
    assert report["status"] == "unchanged" and [w for w in report["warnings"] if w in lost] == lost, report
    assert again.stdout.splitlines()[-1].endswith(f"; {len(report['warnings'])} warnings"), again.stdout
