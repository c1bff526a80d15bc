"""The real-documents corpus (tests/data/sources) built and checked with ``verify --sources``, and
the general rules that made it pass: verify reads back every unit form the renderer prints and no
number out of a printed address wrapped over lines; the story prints no expected amount as a fact,
no share a relative clause's own verb says of another noun, no duration of a noun it does not name."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from reportkit.facts import add_facts, extract_facts
from reportkit.numbers import UNIT_SUFFIXES, format_value
from reportkit.readers import read_text
from reportkit.story.keyfigures import display
from reportkit.story.misreads import expected
from reportkit.story.stories import story_figures
from reportkit.verify import SourceIndex, source_problems, trace_text
from reportkit.verify.labels import label_problems

CORPUS = ROOT / "tests" / "data" / "sources"


def _doc(text: str, name: str = "a.txt"):
    return add_facts(read_text(text, name))


def _story(doc) -> dict[str, str]:
    """The story figures when the summary is the first two paragraphs (as the brief's are)."""
    text, spans, pos = doc.body_text(), [], 0
    for para in text.split("\n\n")[:2]:
        spans.append((pos, pos + len(para)))
        pos += len(para) + 2
    return {k.display: k.label for k in story_figures(doc, spans, [], 3)}


# -- verify: what the renderer prints is read back as it was meant ---------------------------------

# the units numbers.format_value prints abbreviated, not by their names ("t", "b/d", "pp")
ABBREVIATED = sorted(u for u, s in UNIT_SUFFIXES.items() if s.strip() != u.replace("_", " "))


def test_the_renderer_abbreviates_some_units() -> None:
    assert {"tonnes", "barrels_per_day", "percentage_points"} <= set(ABBREVIATED)


@pytest.mark.parametrize("unit", ABBREVIATED)
@pytest.mark.parametrize("value", [182_000.0, 1_800_000.0])
def test_every_abbreviated_unit_the_renderer_prints_traces_to_its_fact(unit: str, value: float) -> None:
    written = f"{value:,.0f}" if value < 1e6 else f"{value / 1e6:g} million"
    doc = _doc(f"Terminal figures\n\nThe terminal handled {written} {unit.replace('_', ' ')} in May.\n")
    [fact] = [f for f in doc.facts if f.unit == unit]
    index = SourceIndex([doc])
    shown = format_value(value, unit)  # "182,000 t", "1.8M b/d"
    traces = trace_text(f"Key figures\n{shown} Terminal handled\nSource: [S1]\n", "page 1", index)
    assert source_problems(traces) == []
    assert [t.fact_ids for t in traces if t.fact_ids] == [[fact.id]]
    # a value the source does not give is still found out, in the same form
    wrong = format_value(value * 1.5, unit)
    assert source_problems(trace_text(f"{wrong} Terminal handled\n", "page 1", index))


def test_no_number_is_read_out_of_an_address_wrapped_over_lines() -> None:
    index = SourceIndex([_doc("Wind auction\n\nThe auction secured 6.2 gigawatts of capacity.\n")])
    page = ("Source documents\nS3\nWind auction\n"
            "https://www.gov.example/government/news/record-offshore-\nwind-auction-secures-62-gw-of-new-capacity\n"
            "gov_release.html\nhttps://www.gov.example/news/2026/auction\n.results-77\n")
    assert source_problems(trace_text(page, "page 8", index)) == []
    # a line of words after an address is no part of it: its numbers are read
    bad = source_problems(trace_text("https://www.gov.example/news/\nCapacity rose 62% this year\n", "page 8", index))
    assert len(bad) == 1 and "62%" in bad[0]


def test_a_label_naming_a_verbs_object_written_after_the_figure_is_not_the_words_leading_up_to_it(tmp_path) -> None:
    (tmp_path / "mine.txt").write_text("Zinc output climbs\n\nNorrland Mining produced 48,200 tonnes of zinc "
                                       "concentrate in the September quarter.\n", encoding="utf-8")
    from reportkit.verify import load_sources
    index = load_sources([tmp_path])

    def check(label: str) -> list[str]:
        return label_problems([("page 2", f"Key figures\n48,200 t\n{label}\nSource: [S1]\n")], index)

    assert check("Zinc concentrate produced") == []
    assert "leading up to the figure" in check("Norrland Mining produced")[0]


# -- story: print less where the sentence says the figure is something else -------------------------

def _fact(text: str, needle: str):
    return next(f for f in extract_facts(text, "a.txt") if f.text.startswith(needle))


@pytest.mark.parametrize("sentence,needle,is_expected", [
    ("£14 billion of private investment expected in ports and cables", "£14", True),
    ("About 3,000 jobs are forecast to go by 2028.", "3,000", True),
    ("The new lines are enough to power around 4 million homes.", "4 million", True),
    ("Sales rose 5% more than expected in the quarter.", "5%", False),
    ("Output rose 4% as expected by analysts.", "4%", False),
    ("Revenue of $5 billion beat the $4.8 billion expected by analysts.", "$5 billion", False),
])
def test_an_amount_said_to_be_expected_after_it_is_a_forecast(sentence: str, needle: str, is_expected: bool) -> None:
    assert expected(_fact(sentence, needle), "Private investment jobs homes sales output revenue") is is_expected


@pytest.mark.parametrize("sentence", [
    "The plan has the backing of the two largest banks in the region, which together have reserved 40% of the new shares.",
    "The expansion is backed by Kestrel Gas, which has taken 40% of the new shares.",
])
def test_a_share_a_relative_clause_says_its_antecedent_took_has_no_measure_or_label(sentence: str) -> None:
    # the clause's subject is the noun before "which": the share is neither the plan's nor the shares'
    f = _fact(sentence, "40%")
    assert f.measure is None and not f.label


def test_a_figure_in_a_that_clause_is_not_the_words_before_its_noun() -> None:
    # "12% Group tries": the prices fell, the group does not
    f = _fact("The cartel agreed to extend cuts, delegates said, as the group tries to support prices that have fallen "
              "by 12% since May.", "12%")
    assert f.measure in (None, "prices") and "group" not in (f.label or "") and f.measure != "cartel"
    assert _fact("Analysts said that sales rose 5% in May.", "5%").measure == "sales"
    assert _fact("Shipments to the plants that utilities own rose 8% in May.", "8%").measure == "shipments"


def test_a_relative_clause_of_being_or_amounting_keeps_its_nouns_figure() -> None:
    assert _fact("Sales at the unit, which has grown 12% this year, reached $4 billion.", "$4").measure == "sales"
    assert _fact("Its shares, which have lost about 12% since May, rose 2.1% on Monday.", "12%").measure == "shares"
    f = _fact("The five projects, which together total 3 GW, start next year.", "3 GW")
    assert f.measure == "five projects" and f.label != "together"


def test_a_duration_written_before_its_noun_is_not_labelled_by_another() -> None:
    # "20 years Feed-in rates, 2024": the contract term's length under the rates
    doc = _doc("Tariff round sets rates\n\nFeed-in rates are quoted in 2024 prices and are indexed to inflation over "
               "the 20-year contract term. The round received 31 applications.\n\nMore text.\n")
    assert _story(doc) == {"31": "Applications"}


def test_cents_in_an_article_of_euros_are_euro_cents() -> None:
    euros = "A 4 kW system fell from €7,200 to €4,900. Power rose from 21 cents to 29 cents per kilowatt hour."
    assert {f.text: f.unit for f in extract_facts(euros, "a.txt") if "cents" in f.text} == \
        {"21 cents": "EUR", "29 cents per kilowatt hour": "EUR"}
    # an article of dollars, or of no other amount, keeps US cents
    for text in ("Shares rose 4 cents to $3.05.", "Arabica rose to 310 cents per pound."):
        assert all(f.unit == "USD" for f in extract_facts(text, "a.txt") if "cents" in f.text)


def test_a_percentage_lower_than_after_a_phrase_is_a_fall() -> None:
    doc = _doc("Auction clears lower\n\nThe average strike price was £54.20 per megawatt hour, 11% lower in real "
               "terms than in the previous round.\n")
    f = next(f for f in doc.facts if f.text == "11%")
    assert display(f, doc) == "−11%"


# -- the corpus end to end ------------------------------------------------------------------------------

@pytest.mark.slow  # LibreOffice-made files read, a full build with charts
def test_the_sources_corpus_builds_and_verify_sources_passes(tmp_path) -> None:
    names = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
    (tmp_path / "sources").mkdir()
    for name in names:
        shutil.copy(CORPUS / name, tmp_path / "sources" / name)
    env = {**os.environ, "REPORTKIT_CACHE_DIR": str(tmp_path / "cache"), "SOURCE_DATE_EPOCH": "1763942400"}
    r = subprocess.run([sys.executable, "-m", "reportkit", "build", "sources", "--week", "2026-W51", "--out", "out",
                        "--verify"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    outs = sorted(str(p) for p in (tmp_path / "out").iterdir() if p.suffix in (".pdf", ".pptx"))
    assert len(outs) == 2
    v = subprocess.run([sys.executable, "-m", "reportkit", "verify", *outs, "--sources", "sources"],
                       cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert v.returncode == 0, v.stdout[-3000:] + v.stderr[-3000:]
    assert "traces to no source fact" not in v.stdout
