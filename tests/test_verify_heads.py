"""`verify --sources` flags labels whose words are their sentence's but name no measure
(reportkit/verify/heads.py): number words or determiners only, a place preposition's object, a
subject and its verb. Each shape was printed by the product and passed verify (tests/data/sources,
weeks 9 and 10); the right label beside each must still pass."""

from __future__ import annotations

import pytest
from conftest import card_problems, source_index

from reportkit.verify import load_sources
from reportkit.story.heads import no_measure, phrase_object, subject_verb
from reportkit.verify.labels import label_problems

# an invented article (CC0): every sentence holds one of the shapes
ARTICLE = """Harbourside fund books a loss on offices

HARBOURSIDE, Jan 12, 2027 (RK Wire) - Two of the ferries, Gull and Tern, carry 410 and 275 passengers
respectively; the other two are smaller.

Over the same period the retail water price in our district rose from 3 dollars to 4.5 dollars per cubic metre.

Share sold to the city: 40% (the rest exported at 2 dollars).

Where the fleet passed ten ships, the number of days with queues above twice the weekly average fell by 23%.

In the quarter the harbour fund wrote down its warehouses by $640 million, and the port returned 2.9%.

The harbour law allows no more than 12 such closures a year.

The new terminal has a combined capacity of 450 containers an hour.

The deal values the ferry company at $90 million.
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return source_index(tmp_path_factory, "harbourside.txt", ARTICLE)


check = card_problems


@pytest.mark.parametrize("value,label", [
    ("275", "Tern passengers"),
    ("$4.5/cubic metre", "Retail water price"),
    ("−23%", "Days with queues above twice the weekly average"),
    ("no more than 12", "Closures the harbour law allows"),
    ("450/hour", "Combined capacity"),  # "with a combined capacity of 450": the phrase's noun is the figure's
    ("$90M", "Deal values"),  # may be read as a noun: not flagged
])
def test_a_label_naming_what_is_measured_passes(index, value, label):
    assert check(index, value, label) == []


@pytest.mark.parametrize("value,label,why", [
    ("275", "Two", "names no measure: 'Two' is a number word or a determiner"),
    ("$2", "Rest", "names no measure: 'Rest'"),
    ("$4.5/cubic metre", "District", "names what 'price' is in ('price in our district')"),
    ("−23%", "Weekly average", "names what 'queues' is above"),
    ("$640M", "Fund wrote", "ends on the verb 'wrote' ('fund wrote down …')"),
    ("no more than 12", "Harbour law allows", "ends on the verb 'allows' ('harbour law allows no …')"),
    # an amount under a thing or a participle says not what about it (a write-down, a price): round s18
    ("$640M", "Warehouses", "an amount under 'Warehouses'"),
    ("$2", "Exported", "a participle alone ('Exported')"),
])
def test_a_label_naming_no_measure_is_flagged(index, value, label, why):
    problems = check(index, value, label)
    assert len(problems) == 1 and why in problems[0], problems


def test_the_rules_read_the_label_s_own_words():
    assert no_measure("Four-fifths") and no_measure("The rest") and not no_measure("Two-thirds majority stake")
    assert not no_measure("Kestrel")
    s = "Prices in Estravia rose 5% in May, and sales at the port rose 2%."
    assert phrase_object("Estravia", s, s.index("5%"))
    assert phrase_object("Port", s, s.index("2%")) and not phrase_object("Prices", s, s.index("5%"))
    assert not phrase_object("Estravia", "In Estravia, prices rose 5%.", 20)  # no noun it hangs on
    s = "Steel imports from Asia rose 4%, and retail sales more than doubled to 9,000 units."
    assert not subject_verb("Steel imports", s, s.index("4%")) and not subject_verb("Retail sales", s, s.index("9,000"))
