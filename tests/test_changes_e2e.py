"""End-to-end "What changed": two consecutive weeks built through the real CLI, the
brief's part and the deck's slide read back, `reportkit diff`, refusals, batch."""

from __future__ import annotations

import json
import re
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow
DATA = ROOT / "tests" / "data" / "changes"
NEWS = ROOT / "tests" / "data" / "news_eval"
NEWS_W1 = [NEWS / n for n in ("16_fed_rates.txt", "19_us_jobs.txt", "17_boe_rates.txt", "02_oil_prices.txt")]
NEWS_W2 = [DATA / "news-w2" / "16_fed_rates.txt", DATA / "news-w2" / "19_us_jobs.txt",
           NEWS / "02_oil_prices.txt", NEWS / "18_ecb.txt"]
BRIEF, DECK = "russia-mexico-brief-{}.pdf", "russia-mexico-briefing-{}.pptx"


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("chart-cache")


def rk(*args: object, cache: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REPORTKIT_CACHE_DIR": str(cache), "SOURCE_DATE_EPOCH": "1795046400"}
    proc = subprocess.run([sys.executable, "-m", "reportkit", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


def changes_part(path: Path) -> str:
    """The brief's text from the "What changed" heading to the next part's heading."""
    text = pdf_text(path)
    start = text.find("What changed since")
    assert start >= 0, "no What changed part"
    end = text.find("Key figures", start)
    return text[start:end if end > 0 else None]


def changes_slide(path: Path) -> tuple[str, str]:
    """(slide text, notes) of the deck's "What changed" slide."""
    for slide in Presentation(str(path)).slides:
        text = " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
        if text.startswith("What changed since") or "What changed since" in text[:60]:
            return " ".join(text.split()), slide.notes_slide.notes_text_frame.text
    raise AssertionError("no What changed slide")


@pytest.fixture(scope="module")
def seeds_weeks(tmp_path_factory, cache) -> Path:
    out = tmp_path_factory.mktemp("seeds-weeks")
    rk("build", SEEDS, "--week", "2026-W47", "--out", out, cache=cache)
    summary = json.loads(rk("build", DATA / "seeds-w2", "--week", "2026-W48", "--out", out, "--json",
                            cache=cache).stdout)
    return out, summary


def test_first_week_has_no_changes_part_and_writes_a_record(seeds_weeks):
    out, _ = seeds_weeks
    assert "What changed" not in pdf_text(out / BRIEF.format("2026-W47"))
    for name in (BRIEF, DECK):
        record = json.loads((out / (name.format("2026-W47") + ".record.json")).read_text())
        assert record["schema"] == "reportkit.record/1" and record["week"] == "2026-W47"


def test_seeds_second_week_part_names_exactly_the_changes(seeds_weeks):
    out, summary = seeds_weeks
    part = changes_part(out / BRIEF.format("2026-W48"))
    assert part.startswith("What changed since Week 47, 2026")
    assert "$86.4M → $97.5M (+$11.1M, +12.8%)" in part
    assert "1.8M b/d → 1.7M b/d (−100,000 b/d, −5.6%)" in part
    assert "LNG: up to 2M t" in part
    # the facts stage names whose wells they are when the sentence does (issue 12): ", Pemex"
    assert re.search(r"Oil wells(, Pemex)?: 30,000", part) and re.search(r"Oil wells previously shut(, Pemex)?: one-third", part)
    assert part.count("UP ") + part.count("DOWN ") == 2 and part.count("NEW ") == 1 and part.count("DROPPED ") == 2
    # both weeks' sentences: this week's tag, the earlier week's file
    assert "had risen to $97.5 million" in part and "had risen to $86.4 million" in part
    assert "Week 47, 002_a47ac54eef5493dc.txt" in part
    record = json.loads((out / (BRIEF.format("2026-W48") + ".record.json")).read_text())
    assert record["changes"]["record"] == BRIEF.format("2026-W47") + ".record.json"
    fdi = next(c for c in record["changes"]["lines"] if "$97.5M" in c["text"])
    assert fdi["difference"] == 11_100_000 and round(fdi["relative"], 3) == 0.128 and fdi["shown"]
    counts = {Path(r["output"]).name: r["changes"] for r in summary["records"]}
    assert counts[BRIEF.format("2026-W48")] == {"changed": 2, "revised": 0, "new": 1, "dropped": 2,
                                                "new_story": 0, "dropped_story": 0}


def test_seeds_second_week_slide(seeds_weeks):
    out, _ = seeds_weeks
    text, notes = changes_slide(out / DECK.format("2026-W48"))
    assert text.startswith("What changed since Week 47, 2026")
    for bit in ("$86.4M → $97.5M", "1.8M b/d → 1.7M b/d", "up to 2M t", "30,000", "one-third"):
        assert bit in text
    assert "was W47: 002_a47ac54eef5493dc.txt" in text
    # the notes give both weeks' sentences in full
    assert "by 2024, the figure had risen to $97.5 million" in notes
    assert "by 2024, the figure had risen to $86.4 million" in notes
    slides = [" ".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame)
              for s in Presentation(str(out / DECK.format("2026-W48"))).slides]
    assert "What changed" in slides[1]  # listed on the agenda


def test_news_weeks_part_and_slide(tmp_path, cache):
    rk("build", *NEWS_W1, "--week", "2026-W47", "--out", tmp_path, cache=cache)
    rk("build", *NEWS_W2, "--week", "2026-W48", "--out", tmp_path, cache=cache)
    part = changes_part(tmp_path / BRIEF.format("2026-W48"))
    text, notes = changes_slide(tmp_path / DECK.format("2026-W48"))
    # the layout's max_lines (8): the two stories that start and stop, then the six biggest moves
    for bit in ("254,000 → 12,000", "140,000 → 113,000", "2.6% → 2.2%", "65% → 72%", "2.3% → 2.1%",
                "4.0% → 4.2%", "New story: Euro zone inflation eases",
                "No longer covered: Bank of England holds rates"):
        assert bit in part and bit in text, bit
    assert "3.68% → 3.74%" not in part  # a smaller move than the eight shown
    assert "More changes: reportkit diff" in part
    diff = rk("diff", tmp_path / (BRIEF.format("2026-W47") + ".record.json"),
              tmp_path / (BRIEF.format("2026-W48") + ".record.json"), cache=cache).stdout
    for bit in ("3.68% → 3.74%", "62.7% → 62.6%", "was: 2026-W47 19_us_jobs.txt"):
        assert bit in diff
    assert "Nonfarm payrolls increased by 12,000 jobs" in notes


def test_same_week_twice_reports_no_changes(seeds_weeks, tmp_path, cache):
    out, _ = seeds_weeks
    record = tmp_path / "w48.record.json"
    shutil.copy(out / (BRIEF.format("2026-W48") + ".record.json"), record)
    rk("build", DATA / "seeds-w2", "--week", "2026-W48", "--out", tmp_path, "--compare", record, cache=cache)
    part = changes_part(tmp_path / BRIEF.format("2026-W48"))
    assert part.strip() == ("What changed since Week 48, 2026 No figure changed since Week 48, 2026: "
                            "the same stories and figures.")
    text, _ = changes_slide(tmp_path / DECK.format("2026-W48"))
    assert "No figure changed since Week 48, 2026" in text
    diff = rk("diff", record, record, cache=cache).stdout
    assert diff.splitlines()[-1] == "No figure changed since Week 48, 2026: the same stories and figures."


def test_a_record_of_another_report_is_refused_with_one_line(seeds_weeks, tmp_path, cache):
    out, _ = seeds_weeks
    other = json.loads((out / (BRIEF.format("2026-W47") + ".record.json")).read_text())
    other["report"] = "Gas brief"
    bad = tmp_path / "other.record.json"
    bad.write_text(json.dumps(other))
    for args in (("build", SEEDS, "--week", "2026-W48", "--out", tmp_path / "o", "--compare", bad),
                 ("diff", bad, out / (BRIEF.format("2026-W48") + ".record.json"))):
        proc = rk(*args, cache=cache, check=False)
        assert proc.returncode == 2
        assert proc.stderr.strip() == (f"error: {bad}: record of another report ('Gas brief', "
                                       "not 'Russia–Mexico Energy Brief')")
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").glob("*.pdf"))
    later = rk("build", SEEDS, "--week", "2026-W46", "--out", tmp_path / "o", "--format", "pdf", "--compare",
               out / (BRIEF.format("2026-W47") + ".record.json"), cache=cache, check=False)
    assert later.returncode == 2 and later.stderr.strip().endswith(
        "record of 2026-W47, later than the report week 2026-W46")


def test_compare_none_and_previous_without_a_record(seeds_weeks, tmp_path, cache):
    out, _ = seeds_weeks
    work = tmp_path / "out"
    shutil.copytree(out, work)
    rk("build", DATA / "seeds-w2", "--week", "2026-W48", "--out", work, "--format", "pdf", "--compare", "none",
       "--force", cache=cache)
    assert "What changed" not in pdf_text(work / BRIEF.format("2026-W48"))
    proc = rk("build", DATA / "seeds-w2", "--week", "2026-W50", "--out", work, "--format", "pdf",
              "--compare", "previous", cache=cache)
    assert "no build record of the previous week: nothing to compare with" in proc.stderr
    assert "What changed" not in pdf_text(work / BRIEF.format("2026-W50"))


def test_diff_json(seeds_weeks, cache):
    out, _ = seeds_weeks
    data = json.loads(rk("diff", out / (BRIEF.format("2026-W47") + ".record.json"),
                         out / (BRIEF.format("2026-W48") + ".record.json"), "--json", cache=cache).stdout)
    assert data["schema"] == "reportkit.changes/1" and data["since"] == "2026-W47" and data["week"] == "2026-W48"
    changed = [c for c in data["all"] if c["kind"] == "changed"]
    assert {c["old_source"] for c in changed} == {"000_52c727dd3fe4205e.txt", "002_a47ac54eef5493dc.txt"}
    assert all(c["fact_ids"] and c["old_fact_ids"] and c["derived"] == ["difference", "ratio"] for c in changed)


def test_batch_reports_compare_with_their_own_records(tmp_path, cache):
    manifest = tmp_path / "weekly.yaml"

    def run(week: str, seeds: list[Path], news: list[Path]) -> None:
        manifest.write_text(
            "defaults:\n"
            f"  layouts: [{ROOT}/layouts/weekly-brief.yaml]\n"
            "  formats: pdf\n"
            f"  week: {week}\n"
            "  out: out/{name}\n"
            "reports:\n"
            f"  - name: energy\n    sources: {[str(p) for p in seeds]}\n"
            f"  - name: macro\n    sources: {[str(p) for p in news]}\n")
        env = {**os.environ, "REPORTKIT_CACHE_DIR": str(cache), "SOURCE_DATE_EPOCH": "1795046400"}
        proc = subprocess.run([sys.executable, "-m", "reportkit", "batch", str(manifest), "--jobs", "2", "-q"],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stdout + proc.stderr

    run("2026-W47", [SEEDS], NEWS_W1)
    run("2026-W48", [DATA / "seeds-w2"], NEWS_W2)
    energy = changes_part(tmp_path / "out" / "energy" / BRIEF.format("2026-W48"))
    macro = changes_part(tmp_path / "out" / "macro" / BRIEF.format("2026-W48"))
    assert "$86.4M → $97.5M" in energy and "254,000" not in energy
    assert "254,000 → 12,000" in macro and "$97.5M" not in macro
