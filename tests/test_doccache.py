"""The document cache (reportkit.doccache): exact round trips, hits that skip reading,
misses for anything changed or foreign, and the same output bytes warm or cold."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportkit import doccache
from reportkit.build import BuildOptions, read_sources
from reportkit.doccache import DocumentCache, decode, encode, entry_key
from reportkit.facts import add_facts, title_facts
from reportkit.model import Document
from reportkit.progress import Progress
from reportkit.readers import read_paths

from conftest import ROOT, SEEDS

DATA = ROOT / "tests" / "data"
CORPORA = [SEEDS, DATA / "news_eval", DATA / "news_heldout", DATA / "heldout_12b", DATA / "quotes_eval",
           DATA / "sources", DATA / "changes"]


@pytest.fixture(autouse=True)
def _fresh_memory():
    doccache.clear_memory()
    yield
    doccache.clear_memory()


def _read(folder: Path, cache: DocumentCache) -> list[Document]:
    docs, _warnings = read_paths([folder], cache.read)
    cache.finish(docs)
    return docs


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_every_test_document_round_trips_exactly(corpus):
    docs, _warnings = read_paths([corpus])
    assert docs
    from reportkit.story import add_quotes

    for doc in map(add_facts, docs):
        title = title_facts(doc.title)
        back = decode(encode(doc, title, "k"), "k")
        assert back == (doc, title), doc.source
        # equal is not enough (1 == 1.0): the JSON of the copy is the JSON of the original
        assert json.dumps(back[0].to_dict()) == json.dumps(doc.to_dict()), doc.source
        # what the story stage adds (quotes) round-trips too
        add_quotes(doc)
        assert Document.from_dict(json.loads(json.dumps(doc.to_dict()))) == doc, doc.source


def test_a_warm_read_parses_nothing_and_gives_equal_documents(tmp_path, monkeypatch):
    cold = _read(DATA / "sources", DocumentCache(tmp_path))
    calls = {"parse": 0, "facts": 0}
    import reportkit.doccache as dc
    import reportkit.facts as facts

    real_parse, real_facts = dc.parse_source, facts.add_facts
    monkeypatch.setattr(dc, "parse_source", lambda *a: (calls.__setitem__("parse", calls["parse"] + 1), real_parse(*a))[1])
    monkeypatch.setattr(facts, "add_facts", lambda d: (calls.__setitem__("facts", calls["facts"] + 1), real_facts(d))[1])
    doccache.clear_memory()  # from the files, not this process's memory
    cache = DocumentCache(tmp_path)
    warm = _read(DATA / "sources", cache)
    assert calls == {"parse": 0, "facts": 0}
    assert (cache.hits, cache.misses) == (len(cold), 0)
    assert warm == cold


def test_the_key_changes_with_bytes_path_and_code(tmp_path, monkeypatch):
    p = tmp_path / "a.txt"
    base = entry_key(p, b"Oil rose 5% in 2024.")
    assert entry_key(p, b"Oil rose 6% in 2024.") != base
    assert entry_key(tmp_path / "b.txt", b"Oil rose 5% in 2024.") != base
    monkeypatch.setattr(doccache.installed, "code_prefix", lambda *_a: "another version of the readers")
    assert entry_key(p, b"Oil rose 5% in 2024.") != base


def test_a_web_page_entry_lasts_one_day(tmp_path, monkeypatch):
    """trafilatura ignores a page's dates after today, so the same page may read another date
    tomorrow: its entry is keyed by today's date; a text source's is not."""
    import datetime as real_datetime

    page, text = tmp_path / "a.html", tmp_path / "a.txt"
    data = b"<html><body><p>Oil rose 5% in 2024.</p></body></html>"
    today = (entry_key(page, data), entry_key(text, data))

    class Tomorrow(real_datetime.date):
        @classmethod
        def today(cls):
            return real_datetime.date(2099, 1, 2)

    monkeypatch.setattr(doccache, "date", Tomorrow)
    assert entry_key(page, data) != today[0]
    assert entry_key(text, data) == today[1]


def test_a_changed_source_is_read_again(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Title\n\nOil output rose 5% to 3 million barrels a day in 2024.\n", encoding="utf-8")
    first = _read(src, DocumentCache(tmp_path / "cache"))
    (src / "a.txt").write_text("Title\n\nOil output rose 7% to 3 million barrels a day in 2024.\n", encoding="utf-8")
    cache = DocumentCache(tmp_path / "cache")
    second = _read(src, cache)
    assert cache.misses == 1 and [f.value for f in second[0].facts] != [f.value for f in first[0].facts]


def _entries(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / doccache.FOLDER).glob("*.json"))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "not utf-8", "other key", "wrong type", "extra key",
                                    "bad kind", "empty", "fifo", "huge", "folder"])
def test_a_damaged_entry_is_a_miss_and_is_replaced(tmp_path, damage, capsys):
    cache_dir = tmp_path / "cache"
    expected = _read(SEEDS, DocumentCache(cache_dir))
    entry = _entries(cache_dir)[0]
    text = entry.read_text(encoding="utf-8")
    data = json.loads(text)
    if damage == "garbage":
        entry.write_bytes(b"\x00not json")
    elif damage == "truncated":
        entry.write_text(text[: len(text) // 2], encoding="utf-8")
    elif damage == "not utf-8":
        entry.write_bytes(text.encode("utf-16"))
    elif damage == "other key":
        data["key"] = "0" * 64
        entry.write_text(json.dumps(data), encoding="utf-8")
    elif damage == "wrong type":
        data["document"]["facts"][0]["value"] = "a lot"
        entry.write_text(json.dumps(data), encoding="utf-8")
    elif damage == "extra key":
        data["document"]["sections"][0]["blocks"][0]["colour"] = "red"
        entry.write_text(json.dumps(data), encoding="utf-8")
    elif damage == "bad kind":
        data["document"]["sections"][0]["blocks"][0]["kind"] = "table"
        entry.write_text(json.dumps(data), encoding="utf-8")
    elif damage == "empty":
        entry.write_bytes(b"")
    elif damage == "fifo":
        entry.unlink()
        os.mkfifo(entry)  # nobody writes: a blocking open would hang the build
    elif damage == "huge":
        entry.write_bytes(b" " * (doccache.MAX_ENTRY_BYTES + 1))
    else:
        entry.unlink()
        entry.mkdir()
    doccache.clear_memory()
    cache = DocumentCache(cache_dir)
    docs = _read(SEEDS, cache)
    assert docs == expected and cache.misses == 1 and cache.hits == len(expected) - 1
    assert capsys.readouterr().err == ""
    if damage != "folder":  # a folder in the way stays; the entry is simply not kept
        doccache.clear_memory()
        again = DocumentCache(cache_dir)
        _read(SEEDS, again)
        assert again.hits == len(expected)


def test_no_cache_writes_and_reads_nothing(tmp_path):
    opts = BuildOptions(sources=[SEEDS], cache_dir=tmp_path, use_cache=False)
    counts: dict[str, int] = {}
    read_sources(opts, Progress(live=False), lambda _m: None, counts)
    assert counts == {"read": 2, "from_cache": 0} and not (tmp_path / doccache.FOLDER).exists()
    opts.use_cache = True
    read_sources(opts, Progress(live=False), lambda _m: None, counts)
    read_sources(opts, Progress(live=False), lambda _m: None, counts)
    assert counts == {"read": 2, "from_cache": 2}


def test_an_unwritable_cache_folder_costs_nothing_but_speed(tmp_path):
    (tmp_path / doccache.FOLDER).write_text("a file where the folder should be", encoding="utf-8")
    docs = _read(SEEDS, DocumentCache(tmp_path))
    assert len(docs) == 2 and all(d.facts for d in docs)


def test_the_folder_is_trimmed_oldest_first(tmp_path):
    folder = tmp_path / doccache.FOLDER
    folder.mkdir()
    for i in range(10):
        (folder / f"{i:064x}.json").write_bytes(b"x" * 100)
        os.utime(folder / f"{i:064x}.json", (1000 + i, 1000 + i))
    doccache.trim(folder, limit=500)
    assert sorted(p.name[-6:-5] for p in folder.glob("*.json")) == ["7", "8", "9"]


def test_the_code_fingerprint_covers_every_module_the_readers_and_facts_import():
    import grimp

    graph = grimp.build_graph("reportkit")
    needed = {"reportkit.readers", "reportkit.facts"}
    for top in list(needed):
        needed |= graph.find_upstream_modules(top) | graph.find_descendants(top)
    covered = set()
    for name in doccache.CODE:
        mod = "reportkit." + name.removesuffix(".py")
        covered |= {mod} | (graph.find_descendants(mod) if not name.endswith(".py") else set())
    missing = {m for m in needed if m.startswith("reportkit.") and m not in covered and m != "reportkit"}
    assert not missing


def test_a_warm_process_compiles_no_reader_or_fact_pattern_and_imports_no_reader_library(tmp_path):
    """What a warm CLI build pays for sources: reading cache entries, not regexes or trafilatura."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reportkit.build import BuildOptions, read_sources\n"
        "from reportkit.facts import title_facts\n"
        "from reportkit.lazyre import compiled_count\n"
        "from reportkit.progress import Progress\n"
        "opts = BuildOptions(sources=[Path(p) for p in sys.argv[2:]], cache_dir=Path(sys.argv[1]))\n"
        "counts = {}\n"
        "docs = read_sources(opts, Progress(live=False), lambda m: None, counts)\n"
        "heads = [title_facts(d.title) for d in docs]\n"  # what the key-figures panel asks
        "mods = [m for n, m in sys.modules.items() if n.startswith(('reportkit.readers', 'reportkit.facts'))]\n"
        "print(counts['from_cache'], len(docs), sum(compiled_count(vars(m)) for m in mods),"
        " 'trafilatura' in sys.modules, 'pdfplumber' in sys.modules, 'docx' in sys.modules)\n"
    )
    args = [sys.executable, "-c", script, str(tmp_path), str(SEEDS), str(DATA / "news_eval"), str(DATA / "sources")]
    cold = subprocess.run(args, capture_output=True, text=True, check=True).stdout.split()
    warm = subprocess.run(args, capture_output=True, text=True, check=True).stdout.split()
    assert cold[0] == "0" and int(cold[2]) > 50 and cold[3:] == ["True", "True", "True"]  # the check can fail
    assert warm[0] == warm[1] and warm[2:] == ["0", "False", "False", "False"]


def test_key_figures_read_title_facts_from_the_cache(tmp_path, monkeypatch):
    _read(DATA / "news_eval", DocumentCache(tmp_path))
    doccache.clear_memory()
    import reportkit.facts.extract as extract
    import reportkit.facts.titles as titles

    titles._TITLES.clear()
    calls = []
    real = extract.extract_facts
    monkeypatch.setattr(extract, "extract_facts", lambda *a, **k: (calls.append(a), real(*a, **k))[1])
    docs = _read(DATA / "news_eval", DocumentCache(tmp_path))
    assert [title_facts(d.title) for d in docs] and calls == []


def test_a_build_from_cached_documents_has_the_bytes_of_a_build_that_read_them(tmp_path):
    """Cold documents, warm documents, cold again (charts cached all along): the same outputs."""
    import shutil

    env = {**os.environ, "REPORTKIT_CACHE_DIR": str(tmp_path / "cache"), "SOURCE_DATE_EPOCH": "1795046400",
           "REPORTKIT_FAST_PATH": "0"}
    outputs = []
    for run, out in enumerate(("cold", "warm", "again")):
        if out == "again":
            shutil.rmtree(tmp_path / "cache" / doccache.FOLDER)
        proc = subprocess.run([sys.executable, "-m", "reportkit", "build", str(SEEDS), str(DATA / "sources"),
                               "--week", "2026-W47", "--out", str(tmp_path / out), "--force", "--json"],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        summary = json.loads(proc.stdout)
        assert summary["documents"]["from_cache"] == (summary["documents"]["read"] if out == "warm" else 0)
        outputs.append({Path(o["path"]).name: Path(o["path"]).read_bytes() for o in summary["outputs"]})
    assert len(outputs[0]) == 2 and outputs[0] == outputs[1] == outputs[2]
