"""A year in a relative clause set off by commas dates what the clause says of its noun, never a
figure of the main clause after it (facts/year.py): "Palmwine Pay, which signed up its first
customer only in 2021, had 18.2 million active users at the end of March" is March of the
article's year, not March 2021 (a Key figures card printed "March 2021")."""

from __future__ import annotations

from reportkit.facts import extract_facts


def _fact(sentence: str, text: str, date: str = "2027-04-08"):
    return next(f for f in extract_facts(sentence, "a.md", date=date) if f.text.startswith(text))


def test_a_relative_clauses_year_does_not_date_the_main_clause():
    f = _fact("Palmwine Pay, which signed up its first customer only in 2021, had 18.2 million active users "
              "at the end of March, up from 12.9 million a year earlier.", "18.2 million")
    assert f.year is None and f.period == "2027-03"


def test_a_year_of_the_main_clause_still_dates_it():
    f = _fact("Palmwine Pay, which is based in Lagos, had 18.2 million active users in 2026.", "18.2 million")
    assert f.year == 2026
    g = _fact("In 2026, Palmwine Pay, which is based in Lagos, had 18.2 million active users.", "18.2 million")
    assert g.year == 2026


def test_a_figure_inside_the_clause_keeps_the_clauses_year():
    f = _fact("The association, whose 112 member firms employed 15,000 people in 2026, asked for permits.", "15,000")
    assert f.year == 2026


def test_a_key_figure_counting_another_noun_than_its_label_has_no_label():
    """"whose 112 member firms employ more than 15,000 people": 15,000 is no count of "member firms"
    in the Key figures block either (a story's card already refused it)."""
    from reportkit.story.keyfigures import make_label

    s = ("The Mauritius Financial Services Association, whose 112 member firms employ more than 15,000 people, "
         "has asked the government to ease work permits for foreign accountants.")
    known = {w.strip(",.").lower() for w in s.split()} | {w.strip(",.") for w in s.split()}
    people = _fact(s, "15,000")
    # the facts stage reads no measure since round s16 (the firms employ the people; it was "member firms"),
    # and the label must not print one either
    assert people.measure != "member firms"
    assert make_label(people, known) is None


def test_a_base_quarter_or_year_earlier_does_not_date_the_new_figure():
    """"11% more than in the first quarter of 2026" is this year's first quarter (the article's), and
    "fell to 148,600 at the end of March, down from 163,200 a year earlier" is the latest March:
    the base's time was printed as the figure's own ("+11% / Operations, first quarter 2026",
    "148,600 / ..., March 2026")."""
    f = _fact("In the first quarter the fund's hospitals carried out 61,400 operations, 11% more than in the "
              "first quarter of 2026.", "11%", date="2027-04-06")
    assert f.year is None and f.period == "2027-Q1"
    g = _fact("The number of patients waiting fell to 148,600 at the end of March, down from 163,200 a year "
              "earlier, the fund said on Tuesday.", "148,600", date="2027-04-06")
    assert g.period == "2027-03"
    # a whole year's figure an article of the next year reports keeps its year from "a year earlier"'s base
    h = _fact("The station recorded an annual average of 43.7 micrograms, against 47.1 a year earlier.",
              "43.7", date="2027-02-10")
    assert h.period == "2026"
