"""Week 8's (tests/data/news_heldout8) misleading key-figure labels, each fixed by a general rule:
a count to a date ("this year up to Dec. 27") is labelled with that date, never the whole year; a
figure compared after it in a way its sign cannot say ("9% longer than") is signed when the
comparative says which way, else is no card; a "respectively" list's figure is named after its own
name of the list ("Marquee subscribers"), not the group; a person who speaks ("Lindfors said
inflation averaged 3.0%") is no owner of the figure."""

from __future__ import annotations

from reportkit.facts import extract_facts
from reportkit.story.labels import figure_label, measure_label
from reportkit.story.periodwords import words

from test_heldout3 import _fact
from test_heldout8 import _all_cards, _week8


def _facts(text: str, date: str = "2026-12-28"):
    return extract_facts(text, "a.txt", date=date)


def test_a_count_to_a_date_is_labelled_with_the_date_not_the_year() -> None:
    text = ("Brennmoor Halvard Airport handled 40.6 million passengers this year up to Dec. 27, already a record, "
            "and expects to finish the year at about 41.3 million.")
    f = _fact(text, "40.6 million", "2026-12-28")
    label = measure_label(f, words(text))
    assert label is not None and "2026" not in label and label.endswith("up to Dec. 27"), label
    f = _fact("Brennmoor Halvard Airport handled 40.6 million passengers in 2026.", "40.6 million", "2026-12-28")
    assert measure_label(f, words(f.sentence)).endswith(", 2026")  # a whole year's count keeps its year
    f = _fact("Halvard handled 12.1 million passengers so far this year.", "12.1 million", "2026-12-28")
    assert "2026" not in (measure_label(f, words(f.sentence) | {"2026"}) or "")
    cards = _all_cards(_week8("x1_airport_passengers.txt"))
    assert not any("2026" in v for k, v in cards.items() if k.startswith("40.6M")), cards


def test_a_comparison_after_a_figure_is_signed_or_no_card(tmp_path) -> None:
    cards = _all_cards(_week8("x4_hospital_waits.md"))
    # "the list is still 9% longer than a year earlier": printed "9% List" under "waiting lists: shorter"
    assert "9%" not in cards and cards.get("+9%") in (None, "List"), cards
    from reportkit.facts import add_facts
    from reportkit.readers import read_paths
    from reportkit.story import keyfigures
    (tmp_path / "a.txt").write_text("Queues at Harbour Station\n\nThe queue at Harbour Station was 12% busier "
                                    "than a year earlier. Its wait was 5% shorter than a year earlier.\n")
    read = read_paths([tmp_path / "a.txt"])
    doc = add_facts((read[0] if isinstance(read, tuple) else read)[0])
    busier, shorter = (next(f for f in doc.facts if f.text == t) for t in ("12%", "5%"))
    assert keyfigures.way_untold(busier, doc)  # which way "busier" goes, a sign cannot say
    assert not keyfigures.way_untold(shorter, doc) and keyfigures.display(shorter, doc) == "−5%"


def test_a_respectively_figure_names_its_own_entity() -> None:
    text = ("Their streaming services, Marquee and Lantern+, have 31.4 million and 22.6 million subscribers, "
            "respectively.")
    first, second = _facts(text)
    assert (first.subject, first.measure) == ("Marquee", "subscribers")  # printed "31.4M Streaming services"
    assert figure_label(first, words(text)) == "Marquee subscribers"
    assert figure_label(second, words(text)) == "Lantern+ subscribers"
    cards = _all_cards(_week8("x5_studio_merger.txt"))
    assert cards.get("31.4M") in (None, "Marquee subscribers"), cards


def test_a_person_who_speaks_owns_no_figure() -> None:
    text = ('"Prices will ease," Chief Economist Mara Lindfors said. Lindfors said inflation averaged 3.0% in 2026, '
            "against 4.6% in 2025.")
    facts = [f for f in _facts(text, "2026-12-30") if f.measure == "inflation"]
    assert facts and all(f.subject is None for f in facts), [(f.text, f.subject) for f in facts]
    text = "Varnholt Steel cut its outlook. Varnholt said revenue fell 8.4% in 2026."
    assert _fact(text, "8.4%", "2026-12-30").subject == "Varnholt"  # a firm that speaks owns its figure


def test_a_name_written_again_owns_its_figure_though_its_first_word_is_common() -> None:
    # week 7: "Port Ellery's city council approved a $4.18 billion budget": printed "$4.18B Budget" (whose?)
    text = ("Port Ellery council passes budget\n\nPort Ellery's city council approved a $4.18 billion budget for "
            "the fiscal year, up 5.6% from the current year's spending plan.")
    f = next(f for f in _facts(text, "2026-12-21") if f.text == "$4.18 billion")
    assert f.subject == "Port Ellery" and measure_label(f, words(text)) == "Port Ellery budget"
    text = "Port officials said the city council approved a $4.18 billion budget for the fiscal year."
    assert next(f for f in _facts(text, "2026-12-21") if f.text == "$4.18 billion").subject is None


def test_a_months_change_on_the_month_before_says_so() -> None:
    # week 8: "fell 1.8% in November from October to $612,400" printed "−1.8% Median price, November"
    # (the year-on-year change, +3.9%, is in the next sentence)
    text = "The median price of a home fell 1.8% in November from October to $612,400."
    f = _fact(text, "1.8%", "2026-12-29")
    assert measure_label(f, words(text)).endswith("November, from October"), measure_label(f, words(text))
    text = "Sales of existing single-family homes dropped 6.2% from October to 3,870."  # no month of its own
    assert measure_label(_fact(text, "6.2%", "2026-12-29"), words(text)).endswith(", from October")
    text = "Registered unemployment was down 6.1% in June from June last year."
    assert "from" not in (measure_label(_fact(text, "6.1%", "2026-12-29"), words(text)) or "")
    text = "Ofgem raised its price cap on household energy bills by 1.2% from January."  # when, not a base
    assert "from" not in (measure_label(_fact(text, "1.2%", "2026-12-29"), words(text)) or "")
