"""``facts_used`` lists every fact any output prints (issue 16 item 6), not only the
key figures and the charts: takeaways, story summaries and key numbers, quotes, changes,
and whole articles where a part prints them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS
from reportkit.charts import resolve_charts
from reportkit.facts import add_facts
from reportkit.layouts import load_layout
from reportkit.readers import read_paths
from reportkit.story import assemble, facts_by_part, facts_in_text
from reportkit.week import parse_week

NEWS = ROOT / "tests" / "data" / "news_eval"
ENERGY = ["01_opec_cuts.txt", "03_lng_cargoes.txt", "04_us_shale.txt", "05_eu_gas_storage.txt", "25_mexico_pemex.txt"]


def _report(layout_name: str, paths=(SEEDS,)):
    docs, _ = read_paths(list(paths))
    for d in docs:
        add_facts(d)
    lay = load_layout(ROOT / "layouts" / layout_name)
    facts = [f for d in docs for f in d.facts]
    return assemble(docs, lay, parse_week("2026-W47"), chart_data=resolve_charts([lay], facts, lambda _m: None,
                                                                                documents=docs)), lay, docs


def test_a_sentence_shows_its_facts_as_written_and_rejoined():
    _report_, _lay, docs = _report("weekly-brief.yaml")
    doc = next(d for d in docs if any(f.unit == "USD" for f in d.facts))
    f = next(f for f in doc.facts if f.unit == "USD")
    assert f.id in facts_in_text(doc, f.sentence)
    assert f.id in facts_in_text(doc, "  " + f.sentence.replace(" ", "\n", 3) + " ")  # laid out again
    assert f.id not in facts_in_text(doc, "Nothing of that here, " + f.text.replace("$", "") + " apart.")


def test_the_brief_lists_takeaway_and_story_facts_but_no_whole_articles():
    report, lay, docs = _report("weekly-brief.yaml", [NEWS / n for n in ENERGY])
    parts = facts_by_part(report, lay)
    assert {"key_figures", "takeaways", "stories"} <= set(parts) and "full_text" not in parts
    old = set(parts["key_figures"]) | set(parts.get("charts", []))
    assert set(parts["stories"]) - old, "a story's summary prints facts that are no key figure or chart"
    every = {f.id for d in docs for f in d.facts}
    assert set().union(*parts.values()) < every  # the brief prints summaries, not every fact


def test_parts_that_print_whole_articles_list_every_fact():
    report, lay, docs = _report("briefing-deck.yaml")
    assert lay.deck.story_slides == "one" and "stories" in lay.deck.slides  # the article is in the notes
    every = sorted({f.id for d in docs for f in d.facts})
    assert facts_by_part(report, lay)["full_text"] == every
    brief = load_layout(ROOT / "layouts" / "weekly-brief.yaml")
    lay2 = brief.model_copy(update={"pdf": brief.pdf.model_copy(update={"parts": [*brief.pdf.parts, "full_text"]})})
    assert facts_by_part(report, lay2)["full_text"] == every


@pytest.mark.slow
def test_every_number_the_built_brief_traces_is_a_fact_in_facts_used(tmp_path):
    env = {**os.environ, "REPORTKIT_CACHE_DIR": str(tmp_path / "cache"), "SOURCE_DATE_EPOCH": "1795046400"}
    proc = subprocess.run([sys.executable, "-m", "reportkit", "build", *(str(NEWS / n) for n in ENERGY),
                           "--week", "2025-W03", "--format", "pdf", "--out", str(tmp_path / "o"), "--json",
                           "--layout", str(ROOT / "layouts" / "weekly-brief.yaml")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    used = set(summary["facts_used"])
    (pdf, traces), = summary["provenance"].items()
    assert set(summary["facts_printed"]) == {pdf} and used == set().union(*summary["facts_printed"][pdf].values())
    traced = [t for t in traces if t.get("fact_ids")]
    assert len(traced) > 30
    missing = [t for t in traced if not used & set(t["fact_ids"])]
    assert not missing, missing  # the key figures and charts alone missed 31 of these
    for t in traces:  # a derived number's inputs are facts the output prints too
        if t.get("derived"):
            assert used & set(t["derived"]["inputs"]), t
