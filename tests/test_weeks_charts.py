"""Issue 12, point 6 (charts): the shipped layouts on weeks that are not the seeds.

The annotated news articles, grouped into off-topic weeks (tests/data/news_weeks.yaml):
no chart mixes articles, no chart text prints a number its data does not hold, every
point traces to facts or a declared derivation, and each week gets at least one
automatic chart, because each week's text states a coherent series (named below).
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from reportkit.charts import resolve_charts, unsupported_numbers
from reportkit.charts.auto import candidates, to_chart
from reportkit.facts import add_facts
from reportkit.layouts.load import load_layout
from reportkit.readers import read_paths

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "tests" / "data" / "news_eval"
WEEKS = yaml.safe_load((ROOT / "tests" / "data" / "news_weeks.yaml").read_text())
# a coherent series a week's text states with both ends named (article, one value): among the
# automatic chart candidates, and drawn
EXPECTED_AUTO = {
    # LNG price, up from $13.50 last week (04_us_shale's crude production "is forecast to rise
    # from 12.9 million bpd in 2023 to 13.2 million bpd in 2024": a forecast, not a trend)
    "energy": ("03_lng_cargoes.txt", "$14.30/mmBtu"),
}
# a change whose earlier end the text does not date: no chart (its bars could only be called
# "From" and "To", no period a reader can check; since 14a42f5 these weeks draw none)
UNDATED = {
    "companies": ("14_oil_major.txt", "$14.7B"),  # cash flow, "up from $13.5B"
    "macro": ("07_uk_price_cap.txt", "£3.7B"),  # energy debt, "up from £3.1B"
}


def _docs(week: str):
    docs, _ = read_paths([NEWS / name for name in WEEKS[week]["articles"]])
    for d in docs:
        add_facts(d)
    return docs


@pytest.mark.parametrize("week", sorted(WEEKS))
def test_week_charts_are_grounded(week: str) -> None:
    docs = _docs(week)
    facts = {f.id: f for d in docs for f in d.facts}
    for name in ("weekly-brief.yaml", "briefing-deck.yaml"):
        lay = load_layout(ROOT / "layouts" / name)
        charts = resolve_charts([lay], list(facts.values()), lambda _m: None, documents=docs)
        autos = [c for c in charts.values() if c.auto]
        assert (1 if week in EXPECTED_AUTO else 0) <= len(autos) <= lay.auto_chart_count()
        for c in charts.values():
            # one article per chart (the shipped layouts never say across_sources)
            assert len(c.sources) == 1, (c.id, c.sources)
            assert {facts[i].source for i in c.fact_ids} == {next(d.source for d in docs
                                                                 if Path(d.source).name == c.sources[0])}
            for p in c.points:
                assert p.value is None or p.fact_ids or p.derived, (c.id, p)
                if p.fact_ids:
                    assert all(facts[i].value == p.value for i in p.fact_ids)
            for text in (c.title, c.subtitle, c.caption, c.note, c.alt_text):
                assert not unsupported_numbers(text or "", c), (c.id, text)
    found = [to_chart(c, "x") for c in candidates(docs)]
    article, value = EXPECTED_AUTO.get(week) or UNDATED[week]
    drawn = any(c.sources == [article] and value in [p.display for p in c.points] for c in found)
    assert drawn == (week in EXPECTED_AUTO), [(c.sources, [p.display for p in c.points]) for c in found]


def test_seeds_keep_their_three_named_charts_with_captions_from_data(seeds) -> None:
    docs, _ = read_paths([seeds])
    for d in docs:
        add_facts(d)
    lay = load_layout(ROOT / "layouts" / "weekly-brief.yaml")
    warnings: list[str] = []
    charts = resolve_charts([lay], [f for d in docs for f in d.facts], warnings.append, documents=docs)
    assert ["fdi_growth", "gas_import_share", "production_targets"] == [c for c in charts if not charts[c].auto]
    assert warnings == []
    assert charts["fdi_growth"].caption == "Russian FDI in Mexico rose from $2.8M in 2022 to $86.4M in 2024."
    assert charts["gas_import_share"].caption == ("Approximately 72% of Mexico's natural gas is imported; domestic "
                                                  "supply covers the rest, 28%.")
    assert charts["production_targets"].caption == ("Pemex is reopening part of its 30,000 oil wells, one-third of "
                                                    "which had been shut.")
    assert charts["production_targets"].subtitle == "Oil wells by status; production target of 1.8M b/d"
    for c in charts.values():
        for text in (c.title, c.subtitle, c.caption, c.note):
            assert not unsupported_numbers(text or "", c)


@pytest.mark.slow
def test_week_build_json_points_and_native_precision(tmp_path: Path) -> None:
    """A real build of the energy week: per-chart points in ``build --json``, the automatic
    charts in the brief's text, the deck's native labels keeping the text's decimals."""
    src = tmp_path / "src"
    src.mkdir()
    for name in WEEKS["energy"]["articles"]:
        (src / name).write_bytes((NEWS / name).read_bytes())
    out = tmp_path / "out"
    res = subprocess.run([sys.executable, "-m", "reportkit", "build", str(src), "--out", str(out), "--json",
                          "--week", "2025-W03"], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    summary = json.loads(res.stdout)
    autos = [c for c in summary["charts"] if c["auto"]]
    assert autos
    for c in summary["charts"]:
        assert len(c["sources"]) == 1
        for p in c["points"]:
            assert ("fact_ids" in p) != ("derived" in p)
    pdf = next(out.glob("*.pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for c in autos:
        assert c["title"] in text.replace("\n", " ")
    deck = next(out.glob("*.pptx"))
    with zipfile.ZipFile(deck) as z:
        charts_xml = [z.read(n).decode() for n in z.namelist() if n.startswith("ppt/charts/chart")]
    # LNG $13.50 -> $14.30/mmBtu keeps its two decimals (not rounded to whole dollars)
    assert charts_xml and any('#,##0.00&quot;/mmBtu&quot;' in x for x in charts_xml)
