"""What a fact measures (issue 12): measure, subject, period, qualifier, change pairs and
conversions, each read from the fact's own sentence (``reportkit.facts.meaning``,
``period``, ``links``). Corpus-wide accuracy is in tests/test_facts_eval.py."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

from reportkit.facts import extract_facts


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reportkit", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=True)

TEXT = """The EU will spend almost 6bn euros ($8bn; £6bn) on the scheme this year.

The ministry expects a deficit of less than 5bn euros in 2014.

The US trade deficit widened to $617.7bn last year, up from $497bn.

BP's annual profit rose to $16.2bn from $12.4bn a year ago.

Shell's net debt fell by $2.4 billion in the quarter to $35.2 billion.

Japan imported 5.2 million tonnes of LNG in October, down 4.1% from a year earlier.

Qatar aims to raise its liquefaction capacity from 77 million tonnes per annum (mtpa) to 142 mtpa by 2030.

Mexico's Pemex reported a net loss of 161.5 billion pesos ($8.1 billion) in the third quarter.

Output was cut to 1.2 million barrels a day from 1.5 million barrels a day."""


def _facts(date: str | None = "2005-03-10"):
    return {f.text: f for f in extract_facts(TEXT, "a.txt", date=date)}


def test_qualifier_kept_and_conversions_are_equivalents() -> None:
    f = _facts()
    assert f["6bn euros"].qualifier == "almost"
    assert f["$8bn"].equivalent_of == f["6bn euros"].id
    assert f["£6bn"].equivalent_of == f["6bn euros"].id
    assert f["6bn euros"].equivalent_of is None
    assert f["5bn euros"].qualifier == "less than" and f["5bn euros"].measure == "deficit"
    assert f["$8.1 billion"].equivalent_of == f["161.5 billion pesos"].id
    assert f["$8.1 billion"].measure == f["161.5 billion pesos"].measure == "net loss"


def test_change_pairs() -> None:
    f = _facts()
    up = {"from_id": f["$497bn"].id, "to_id": f["$617.7bn"].id}
    assert f["$617.7bn"].change == up and f["$497bn"].change == up
    assert f["$16.2bn"].change == {"from_id": f["$12.4bn"].id, "to_id": f["$16.2bn"].id}
    cut = f["1.2 million barrels a day"].change
    assert cut == {"from_id": f["1.5 million barrels a day"].id, "to_id": f["1.2 million barrels a day"].id}
    assert f["77 million tonnes per annum"].change["to_id"] == f["142 mtpa"].id
    assert f["$2.4 billion"].change is None  # "fell by X to Y": X is the change, not the old value


def test_measure_and_subject_from_the_sentence() -> None:
    f = _facts()
    assert (f["$617.7bn"].measure, f["$617.7bn"].subject) == ("trade deficit", "US")
    assert (f["$16.2bn"].measure, f["$16.2bn"].subject) == ("annual profit", "BP")
    assert (f["$35.2 billion"].measure, f["$35.2 billion"].subject) == ("net debt", "Shell")
    assert (f["5.2 million tonnes"].measure, f["5.2 million tonnes"].subject) == ("LNG imported", "Japan")  # what was done to the LNG counted (s12)
    assert f["142 mtpa"].measure == "liquefaction capacity" and f["142 mtpa"].subject == "Qatar"
    assert f["161.5 billion pesos"].subject == "Pemex"
    # a common word starting a sentence is not a name
    assert f["1.2 million barrels a day"].subject is None


def test_periods_resolved_against_the_date() -> None:
    f = _facts("2005-03-10")
    assert f["6bn euros"].period == "2005"  # this year
    assert f["$617.7bn"].period == "2004"  # last year
    assert f["$12.4bn"].period == "2004"  # a year ago: the old value's period
    assert f["5bn euros"].period == "2014"
    assert f["5.2 million tonnes"].period == "2004-10"  # October, before March 2005
    assert f["161.5 billion pesos"].period == "2004-Q3"
    assert f["142 mtpa"].period == "2030"
    assert f["4.1%"].period == "2004-10"  # "from a year earlier" compares, it does not date


def test_without_a_date_relative_periods_stay_empty() -> None:
    f = _facts(None)
    assert f["6bn euros"].period is None and f["$617.7bn"].period is None
    assert f["161.5 billion pesos"].period is None
    assert f["5bn euros"].period == "2014" and f["142 mtpa"].period == "2030"


def test_dateline_with_a_year_dates_the_article(tmp_path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Sales climb\n\nLONDON, Oct 31, 2024 (Reuters) - Tesco's sales rose 3% this year.\n", encoding="utf-8")
    out = json.loads(run("facts", str(p), "--json").stdout)
    fact = out["facts"][0] if "facts" in out else out[0]
    assert fact["period"] == "2024" and fact["measure"] == "sales" and fact["subject"] == "Tesco"


def test_facts_json_and_csv_show_what_a_fact_is(tmp_path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Deficit\n\nThe US trade deficit widened to $617.7bn, up from $497bn.\n", encoding="utf-8")
    data = json.loads(run("facts", str(p), "--json").stdout)
    facts = data["facts"] if "facts" in data else data
    keys = set(facts[0])
    assert {"measure", "subject", "period", "qualifier", "change", "equivalent_of"} <= keys
    csv = run("facts", str(p), "--csv").stdout.splitlines()[0].split(",")
    assert {"measure", "subject", "period", "change_from", "change_to", "equivalent_of"} <= set(csv)


def test_a_figure_a_participle_describes_borrows_no_measure() -> None:
    """"people earning up to 1.2 million rupees" is not the budget's figure (held-out week: the
    brief printed "up to ₹1.2M/year Budget"); a participle clause of the subject still is its."""
    text = ("The budget cut income tax for people earning up to 1.2 million rupees a year.\n\n"
            "RWE's Norfolk Vanguard projects won contracts lasting 15 years.\n\n"
            "Arabica futures have risen this year, reaching $2.71 per lb.\n\n"
            "Average hourly earnings rose 0.4% after gaining 0.5% in August.\n\n"
            "Pacific Chip's revenue rose 8% to $3.1 billion.\n\n"
            "The tax cut will cost about 1 trillion rupees in revenue. The rebuild cost A$310 million.")
    f = {x.text: x for x in extract_facts(text, "b.txt", date="2025-02-01")}
    assert f["1.2 million rupees a year"].measure is None
    assert f["15 years"].measure is None
    assert f["$2.71 per lb"].measure == "Arabica futures"  # ", reaching": the subject's own figure
    assert f["$3.1 billion"].measure == "revenue"
    assert f["1 trillion rupees"].measure is None  # revenue given up, not revenue
    assert f["A$310 million"].measure == "rebuild"
