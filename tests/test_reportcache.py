"""The assembled report kept between builds (reportkit/reportcache.py, reportkit/model/codec.py):
a forced build of unchanged inputs neither resolves chart data nor assembles; it gives the same
bytes and says the same warnings; every report round-trips; a damaged entry is a miss; what
bypasses it; the key covers the code."""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import LAYOUTS, ROOT, SEEDS, count_calls

from reportkit import reportcache
from reportkit.build import BuildOptions, build_report, load_output_layouts, read_sources
from reportkit.model import Document, Fact, KeyFigure, Quote, Report, Week
from reportkit.model.codec import decode, encode
from reportkit.progress import Progress

DATA = ROOT / "tests" / "data"
DECK = LAYOUTS / "briefing-deck.yaml"  # native charts: no browser in these in-process builds


def _opts(tmp_path: Path, out: str = "out", **kw) -> BuildOptions:
    kw.setdefault("sources", [SEEDS])
    return BuildOptions(layouts=[DECK], week="2026-W47", out=tmp_path / out,
                        cache_dir=tmp_path / "cache", force=True, parallel_render=False, **kw)


@pytest.fixture
def stages(monkeypatch):
    """Counts of the story's assembly and the charts' data resolution (both still run)."""
    from reportkit import charts, story

    charts.resolve_charts  # noqa: B018 - loaded, so that the count replaces the real one
    return count_calls(monkeypatch, story, "assemble"), count_calls(monkeypatch, charts, "resolve_charts")


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / reportcache.FOLDER).glob("*/*.entry"))


@pytest.mark.parametrize("folder", [SEEDS, DATA / "news_eval"], ids=lambda p: p.name)
def test_a_forced_rebuild_of_unchanged_inputs_assembles_nothing_and_gives_the_same_bytes(tmp_path, stages, folder):
    assembled, resolved = stages
    first = build_report(_opts(tmp_path, "a", sources=[folder]))
    assert (len(assembled), len(resolved)) == (1, 1) and len(_entries(tmp_path / "cache")) == 1
    second = build_report(_opts(tmp_path, "b", sources=[folder]))
    assert (len(assembled), len(resolved)) == (1, 1)  # kept: neither ran again
    assert [o.sha256 for o in first.outputs] == [o.sha256 for o in second.outputs]
    assert first.warnings == second.warnings  # said again, in order
    assert bool(first.warnings) == (folder != SEEDS)  # news_eval's key-figure picks: some match nothing
    assert first.facts_printed.keys() != second.facts_printed.keys()  # output paths differ
    assert list(first.facts_printed.values()) == list(second.facts_printed.values())
    assert first.key_figures == second.key_figures and first.charts == second.charts


def test_a_changed_source_or_layout_assembles_again(tmp_path, stages):
    assembled, _resolved = stages
    src = tmp_path / "src"
    src.mkdir()
    for p in SEEDS.iterdir():
        (src / p.name).write_bytes(p.read_bytes())
    opts = _opts(tmp_path)
    opts.sources = [src]
    build_report(opts)
    build_report(opts)
    assert len(assembled) == 1
    first = sorted(src.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n\nOne more paragraph.\n", encoding="utf-8")
    build_report(opts)
    assert len(assembled) == 2 and len(_entries(tmp_path / "cache")) == 2


@pytest.mark.parametrize("bypass", [{"use_cache": False}, {"verify": True}, {"provenance": True}])
def test_no_cache_verify_and_json_assemble_every_time(tmp_path, stages, bypass):
    assembled, _resolved = stages
    build_report(_opts(tmp_path))  # keeps the report
    build_report(_opts(tmp_path, **bypass))
    assert len(assembled) == 2


def test_no_cache_keeps_nothing(tmp_path):
    build_report(_opts(tmp_path, use_cache=False))
    assert not (tmp_path / "cache" / reportcache.FOLDER).exists()


def _damages(path: Path):
    raw = path.read_bytes()
    head, _, payload = raw.partition(b"\n")
    fields = head.split(b" ")[:-1]
    data = json.loads(payload)

    def resealed(new: object) -> bytes:  # a valid header: only the content is wrong
        body = json.dumps(new).encode()
        return reportcache.entryfile.header(fields, body) + b"\n" + body

    wrong_type = json.loads(payload)
    wrong_type["report"]["key_figures"][0]["year"] = "2024"
    as_bool = json.loads(payload)
    as_bool["report"]["week"]["year"] = True
    extra = json.loads(payload)
    extra["report"]["stories"][0]["extra"] = 1
    missing = json.loads(payload)
    del missing["report"]["title"]
    return {
        "truncated": raw[: len(raw) // 2],
        "flipped byte": raw[:-5] + bytes([raw[-5] ^ 1]) + raw[-4:],
        "not json": reportcache.entryfile.header(fields, b"{") + b"\n{",
        "a list": resealed([1, 2]),
        "no warnings": resealed({"report": data["report"]}),
        "text for a year": resealed(wrong_type),
        "true for a year": resealed(as_bool),
        "an unknown key": resealed(extra),
        "a missing key": resealed(missing),
        "deep": resealed({"report": data["report"], "warnings": [[[[[[[[]]]]]]]]}),
    }


def test_a_damaged_entry_is_a_miss_and_is_replaced(tmp_path, stages):
    assembled, _resolved = stages
    good = build_report(_opts(tmp_path))
    (entry,) = _entries(tmp_path / "cache")
    original = entry.read_bytes()
    damages = _damages(entry)
    for n, (what, damaged) in enumerate(damages.items(), start=2):
        entry.write_bytes(damaged)
        again = build_report(_opts(tmp_path, f"o{n}"))
        assert len(assembled) == n, what  # a miss: assembled again
        assert [o.sha256 for o in again.outputs] == [o.sha256 for o in good.outputs], what
        assert entry.read_bytes() == original, what  # written again whole


def _reports(folder: Path) -> list[Report]:
    from reportkit.charts import resolve_charts
    from reportkit.story import assemble
    from reportkit.week import parse_week

    opts = BuildOptions(sources=[folder], cache_dir=None, use_cache=False)
    docs = read_sources(opts, Progress(live=False), lambda _m: None)
    out = []
    for lay in load_output_layouts(opts):
        charts = resolve_charts([lay], [f for d in docs for f in d.facts], lambda _m: None, documents=docs)
        out.append(assemble(docs, lay, parse_week("2026-W47"), chart_data=charts))
    return out


@pytest.mark.parametrize("folder", [SEEDS, DATA / "news_eval", DATA / "news_heldout"], ids=lambda p: p.name)
def test_every_report_comes_back_exactly(folder):
    for report in _reports(folder):
        data = json.loads(json.dumps(encode(report), allow_nan=False))
        back = decode(Report, data)
        assert back == report and json.dumps(encode(back)) == json.dumps(encode(report))
        assert [type(q) for q in back.quotes] == [type(q) for q in report.quotes]  # tuples again
        assert [type(f.value) for d in back.documents for f in d.facts] == \
            [type(f.value) for d in report.documents for f in d.facts]


def test_the_codec_checks_every_value():
    week = Week(2026, 47, "2026-11-16", "2026-11-22")
    report = Report("T", "t", week, [Document("a.txt", "A", facts=[Fact("a:1", "5", 5, "", "a.txt", 0, 1, "5")])],
                    key_figures=[KeyFigure("5", "Five", "a.txt", "a:1", year=2024)],
                    quotes=[("a.txt", Quote("Hi", speaker="B"))])
    data = encode(report)
    assert decode(Report, data) == report and type(decode(Report, data).documents[0].facts[0].value) is int
    for bad in (
        {**data, "title": 5}, {**data, "week": {**data["week"], "year": True}}, {**data, "quotes": [["a.txt"]]},
        {**data, "documents": {}}, {**data, "nope": 1}, {k: v for k, v in data.items() if k != "week"},
        {**data, "key_figures": [{**data["key_figures"][0], "year": 2024.0}]},
    ):
        with pytest.raises(ValueError):
            decode(Report, bad)
    for unencodable in (math.nan, {1: "x"}, {"a"}, Path("x")):
        with pytest.raises(ValueError):
            encode(unencodable)


def test_a_report_json_cannot_give_back_is_not_kept(tmp_path):
    week = Week(2026, 47, "2026-11-16", "2026-11-22")
    report = Report("T", "t", week, [])
    assert reportcache.keep(tmp_path, "a" * 64, report, [])
    report.charts = [object()]  # type: ignore[list-item] - no JSON form
    assert not reportcache.keep(tmp_path, "b" * 64, report, [])
    assert reportcache.load(tmp_path, "b" * 64) is None and reportcache.load(None, "a" * 64) is None


def test_the_key_covers_every_module_the_report_is_made_with():
    import grimp

    graph = grimp.build_graph("reportkit")
    needed: set[str] = set()
    for top in ("reportkit.story", "reportkit.charts.data", "reportkit.charts.auto", "reportkit.readers",
                "reportkit.facts"):
        needed |= {top} | graph.find_upstream_modules(top) | graph.find_descendants(top)
    covered: set[str] = set()
    for path in reportcache.CODE:
        mod = "reportkit." + path.name.removesuffix(".py")
        covered |= {mod} | (graph.find_descendants(mod) if path.is_dir() else set())
    assert not {m for m in needed if m not in covered and m != "reportkit"}


def test_a_warm_cli_build_of_both_outputs_assembles_nothing_and_gives_the_same_bytes(tmp_path):
    """Through the command (forked renders, the brief's chart images from the chart cache); the
    build process compiles none of the story's patterns either."""
    env = {**os.environ, "REPORTKIT_CACHE_DIR": str(tmp_path / "cache"), "SOURCE_DATE_EPOCH": "1795046400",
           "REPORTKIT_FAST_PATH": "0"}
    script = ("import sys, runpy\n"
              "from reportkit import story\n"
              "real = story.assemble\n"
              "def counted(*a, **k):\n"
              "    sys.stderr.write('ASSEMBLED\\n')\n"
              "    return real(*a, **k)\n"
              "story.assemble = counted\n"
              "def compiled():\n"  # the build process's own story patterns compiled by its end, per module
              "    from reportkit.lazyre import compiled_count\n"
              "    mods = {n: m for n, m in list(sys.modules.items()) if n.startswith('reportkit.story.')}\n"
              "    sys.stderr.write(f'COMPILED {sorted(n for n, m in mods.items() if compiled_count(vars(m)))}\\n')\n"
              "import atexit\n"
              "atexit.register(compiled)\n"
              "sys.argv = ['reportkit'] + sys.argv[1:]\n"
              "runpy.run_module('reportkit', run_name='__main__')\n")
    shas, said, compiled = [], [], []
    for out in ("cold", "warm"):
        proc = subprocess.run([sys.executable, "-c", script, "build", str(SEEDS), "--week", "2026-W47", "--out",
                               str(tmp_path / out), "--force", "--quiet"], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        said.append(proc.stderr.count("ASSEMBLED"))
        compiled.append(proc.stderr.split("COMPILED ")[1].splitlines()[0])
        shas.append({p.name: p.read_bytes() for p in sorted((tmp_path / out).iterdir()) if not p.name.startswith(".")})
    assert said == [2, 0] and len(shas[0]) == 4 and shas[0] == shas[1]  # the brief, the deck and their records
    # the story's patterns are compiled on first use (reportkit/lazyre.py): a kept report uses none
    # but the build record's own (written on every build)
    assert "reportkit.story.labels" in compiled[0] and compiled[1] == "['reportkit.story.record']"


def test_each_output_is_kept_under_its_own_inputs(tmp_path, stages):
    """Two outputs: an edit that only the first one reads (its own layout file) makes it again;
    its report was keyed on the last output's inputs, so the edited deck came out as before."""
    assembled, _resolved = stages
    lay = tmp_path / "layouts"
    shutil.copytree(LAYOUTS, lay)
    text = (lay / "briefing-deck.yaml").read_text(encoding="utf-8")
    (lay / "deck-b.yaml").write_text(text.replace("russia-mexico-briefing-", "other-briefing-"), encoding="utf-8")
    opts = _opts(tmp_path, sources=[DATA / "news_eval"])  # a week with automatic charts
    opts.layouts = [lay / "briefing-deck.yaml", lay / "deck-b.yaml"]
    first = build_report(opts)
    assert len(assembled) == 2
    (lay / "briefing-deck.yaml").write_text(text.replace("auto_charts: 2", "auto_charts: 0"), encoding="utf-8")
    second = build_report(opts)
    assert len(assembled) == 3  # the edited deck's report is made again, the other one is kept
    assert first.outputs[0].sha256 != second.outputs[0].sha256
    assert first.outputs[1].sha256 == second.outputs[1].sha256


def test_a_build_whose_reports_are_kept_imports_only_the_record_of_the_story(tmp_path):
    """The story package loads its names on first use: a forced build of unchanged inputs (both
    outputs, the brief rendered in the build process) imports the build record's modules and the
    printed facts', not the story's assembling, key figures or quotes."""
    env = {**os.environ, "REPORTKIT_CACHE_DIR": str(tmp_path / "cache"), "SOURCE_DATE_EPOCH": "1795046400",
           "REPORTKIT_FAST_PATH": "0"}
    script = ("import sys, runpy, atexit\n"
              "atexit.register(lambda: sys.stderr.write(f\"STORY {sorted(n for n in sys.modules "
              "if n.startswith('reportkit.story.'))}\\n\"))\n"
              "sys.argv = ['reportkit'] + sys.argv[1:]\n"
              "runpy.run_module('reportkit', run_name='__main__')\n")
    seen = []
    for _ in range(2):
        proc = subprocess.run([sys.executable, "-c", script, "build", str(SEEDS), "--week", "2026-W47", "--out",
                               str(tmp_path / "out"), "--force", "--quiet"], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        seen.append(proc.stderr.split("STORY ")[1].splitlines()[0])
    assert "reportkit.story.assemble" in seen[0]  # the first build assembles
    assert seen[1] == str(["reportkit.story.changes", "reportkit.story.changestext", "reportkit.story.jsontext",
                           "reportkit.story.printed", "reportkit.story.record"])  # jsontext: the record's writer
