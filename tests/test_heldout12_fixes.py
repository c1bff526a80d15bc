"""Week 12 (news_heldout12) leftovers, each fixed by a general rule (texts invented, CC0):

- an automatic chart drew a share ("of which business travellers took roughly 35%") and a rate rise
  ("3.6% more than a year earlier") as one series "Hotels": a share, a rate of change and a level are
  three measures, and a half beside a quarter is no time axis;
- a price per a thing of the article's own ("$187.40 a night") or a part of every unit of money ("53 pence
  of every pound") lost its "per": printed as a sum, or an amount beside it ("£0.12 Government's lottery
  duty") printed without the "per" its sentence gives;
- a chart titled "List price, European" for "the European list price": the noun phrase cut in two.
"""

from __future__ import annotations

from reportkit.charts.auto import _title, candidates
from reportkit.charts.coherent import coherent, percent_kind
from reportkit.facts import add_facts, extract_facts
from reportkit.readers import read_text
from reportkit.story.misreads import per_untold


def _doc(text: str):
    return add_facts(read_text("Hotel markets in review\n\nPORT TALLIS, Jan 28, 2027 - " + text, "a.md"))


def _facts(text: str):
    return extract_facts(text, "x.txt", date="2027-01-28")


def _fact(text: str, figure: str):
    return next(f for f in _facts(text) if f.text.startswith(figure))


HOTELS = ("Hotels in Port Tallis charged an average of $154.20 a night in the fourth quarter, 4.1% more than a year "
          "earlier. For 2026 as a whole the picture was similar. The city's hotels sold 4.8 million room nights, "
          "of which conference guests, whose spending recovered only in the second half, took roughly 42%.")


def test_a_share_and_a_rate_of_change_are_not_one_series() -> None:
    doc = _doc(HOTELS)
    rise, share = (next(f for f in doc.facts if f.text == t) for t in ("4.1%", "42%"))
    assert (percent_kind(rise), percent_kind(share)) == ("change", "share")
    charted = [c for c in candidates([doc]) if {rise.id, share.id} <= c.ids]
    assert not charted  # was a trend "Hotels": roughly 42% in H2 2026, 4.1% in Q4 2026
    series, rest = coherent([rise, share], "period")
    assert len(series) == 1 and len(rest) == 1


def test_kinds_of_percentage() -> None:
    for sentence, figure, kind in [
        ("Letter volumes fell 9.2% to just over a billion items.", "9.2%", "change"),
        ("Occupancy fell to 71.3%, down 2.1 points.", "71.3%", "level"),
        ("Parcels brought in 1.48 billion pounds, or 52% of revenue.", "52%", "share"),
        ("Scratchcards and online games rose 2.1% and 3.4%, respectively.", "3.4%", "change"),
        # the base a figure is compared with is of its kind: a right chart of a share, of a rate, is kept
        ("Electric bikes accounted for 38% of trips, up from 29% a year earlier.", "29%", "share"),
        ("Consumer prices rose 1.9% in October from a year earlier, down from 2.3% in September.", "2.3%", "change"),
    ]:
        assert percent_kind(_fact(sentence, figure)) == kind, sentence


def test_a_base_compared_with_a_share_still_charts() -> None:
    doc = _doc("Imports have covered about 31% of the region's gas demand in 2026, according to the grid "
               "operator, compared with 18% in 2023.")
    assert [c.categories for c in candidates([doc]) if c.kind in ("trend", "change")] == [["2023", "2026"]]


def test_a_price_per_a_thing_keeps_its_per() -> None:
    f = _fact("Hotels charged an average of $154.20 a night in the fourth quarter.", "$154.20")
    assert (f.per, f.text) == ("night", "$154.20 a night")  # was per None: "an average of $154.20"
    assert _fact("Calls cost 25 cents a minute, the regulator said.", "25 cents").per == "minute"
    # a time reference after "a" is still no "per"; nor "a record"
    assert _fact("Profit was $1.5 billion a year earlier.", "$1.5 billion").per is None
    assert _fact("Exports hit $2 billion a record for the month.", "$2 billion").per is None
    assert _fact("Visitors spent €40 each abroad, the survey found.", "€40").per is None  # "each" is per item
    # "a barrel after the decision": "after" no longer drops the barrel
    assert _fact("Brent crude rose 1.4% to $74.80 a barrel after the decision.", "$74.80").per == "barrel"


def test_pence_of_every_pound_is_per_pound_and_its_neighbours_are_not_printed_bare() -> None:
    text = ("Players got back 53 pence of every pound spent as prizes and good causes received 26 pence; the "
            "government's lottery duty took another 12 pence.")
    facts = _facts(text)
    by_text = {f.text: f for f in facts}
    assert by_text["53 pence"].per == "pound" and by_text["53 pence"].text == "53 pence"
    assert per_untold(by_text["12 pence"], facts)  # was printed "£0.12 Government's lottery duty"
    assert per_untold(by_text["26 pence"], facts)


def test_a_changes_base_after_up_or_down_from_shares_its_per() -> None:
    text = ("The European list price of bleached pulp averaged $1,085 a tonne in the quarter, down from $1,240 in "
            "the second quarter.")
    by_text = {f.text: f for f in _facts(text)}
    assert by_text["$1,240"].per == "tonne"  # was printed "$1,240" beside "$1,085/tonne" on one chart


def test_a_chart_title_keeps_a_noun_phrase_whole() -> None:
    doc = _doc("The European list price of bleached pulp averaged $1,085 a tonne in the fourth quarter, down "
               "from $1,240 in the second quarter.")
    titles = [_title(c) for c in candidates([doc]) if c.kind in ("trend", "change")]
    assert titles == ["European list price"]  # was "List price, European": verify flags it cut short


def test_a_half_and_a_quarter_are_not_one_time_axis() -> None:
    doc = _doc("Hotel occupancy in Port Tallis averaged 70.5% in the second half of 2026 and 68.2% in the fourth "
               "quarter.")
    assert [f.period for f in doc.facts] == ["2026-H2", "2026-Q4"]
    assert not [c for c in candidates([doc]) if c.kind == "trend"]  # "H2 2026" holds "Q4 2026": counted twice
