"""Quality bar: fact extraction on the annotated news corpus (tests/data/news_eval/).

Not a timing test. The corpus is 33 wire-style articles with every figure annotated
(value, unit, year, and per/range where the text has one); bench/facts_eval.py prints
the per-file details (``.venv/bin/python bench/facts_eval.py -v``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT))
from bench.facts_eval import CORPUS, evaluate  # noqa: E402


@pytest.fixture(scope="module")
def result():
    return evaluate(CORPUS)


def test_corpus_is_large_enough(result) -> None:
    assert len(result.files) >= 30
    assert result.expected >= 400


def test_recall_with_right_value_unit_and_year(result) -> None:
    misses = [f"{f.name}: {m}" for f in result.files for m in f.misses]
    assert result.recall >= 0.9, "\n".join(misses)


def test_precision(result) -> None:
    extra = [f"{f.name}: {x}" for f in result.files for x in f.false_positives]
    assert result.precision >= 0.9, "\n".join(extra)


def test_listed_non_facts_are_never_extracted(result) -> None:
    bad = [f"{f.name}: {x}" for f in result.files for x in f.false_positives if "listed as not a fact" in x]
    assert not bad, "\n".join(bad)


def test_evaluator_catches_wrong_values(tmp_path: Path) -> None:
    """The scorer itself can fail: a wrong unit and a missing figure are counted as misses."""
    (tmp_path / "a.txt").write_text("Brent rose 2% to $80 a barrel on 25 July.\n", encoding="utf-8")
    (tmp_path / "expected.yaml").write_text(
        'a.txt:\n  facts:\n'
        '  - {text: "2%", value: 2, unit: USD, year: null}\n'
        '  - {text: "$80", value: 80, unit: USD, year: null, per: barrel}\n'
        '  - {text: "barrel", value: 1, unit: barrels, year: null}\n'
        '  not_facts: ["25 July"]\n',
        encoding="utf-8",
    )
    r = evaluate(tmp_path)
    assert (r.correct, r.expected) == (1, 3)
    assert r.precision == 1.0


def test_what_facts_measure(result) -> None:
    """Issue 12: measure, subject and period on the annotated figures (149 in 29 articles,
    each article's date given as a reader's metadata would). Measured 97.9% / 92.6% / 97.8%
    when written; the floors leave room for rules that trade one article for another."""
    assert sum(result.meaning(k)[1] for k in ("measure", "subject", "period")) >= 300
    wrong = [f"{f.name}: {m}" for f in result.files for m in f.meaning_misses]
    assert result.meaning_rate("measure") >= 0.9, "\n".join(wrong)
    assert result.meaning_rate("subject") >= 0.85, "\n".join(wrong)
    assert result.meaning_rate("period") >= 0.9, "\n".join(wrong)


def test_measure_scoring() -> None:
    from bench.facts_eval import measure_right

    assert measure_right("net debt", "net debt|debt") and measure_right("debt", "net debt")
    assert not measure_right("Shell", "net debt") and not measure_right(None, "net debt")
    assert not measure_right("quarter debt", "net debt")
    # a noun and its participle both annotated: "cement sold" names what "cement|sold" names
    assert measure_right("cement sold", "cement|sold|volumes|sales")  # was wrong: "sold" is no word of "cement"
    assert not measure_right("cement exported", "cement|sold")


def test_a_figure_the_reader_dropped_is_a_miss_not_an_error(tmp_path: Path) -> None:
    # a saved page whose figure sits in furniture the reader drops: scored as a miss, the rest scored
    from bench.facts_eval import evaluate_file

    page = tmp_path / "p.html"
    body = "".join(f"<p>Paragraph {w} of the article says what the growers did this season and why.</p>"
                   for w in ("one", "two", "three", "four"))
    page.write_text("<html><head><title>Exports</title></head><body><article><h1>Exports rise</h1>"
                    f"<p>Exports rose 12% to 4,100 tonnes in 2026, the board said on Monday.</p>{body}</article>"
                    "<footer><p>Subscribe: 7 days free</p></footer></body></html>", encoding="utf-8")
    ann = {"facts": [{"text": "4,100 tonnes", "value": 4100, "unit": "tonnes"},
                     {"text": "never printed 99", "value": 99, "unit": ""}]}
    res = evaluate_file(page, ann)
    assert res.expected == 2 and res.correct == 1
    assert any("not in the text as read" in m for m in res.misses)
