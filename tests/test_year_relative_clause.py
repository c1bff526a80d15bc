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
    assert people.measure == "member firms"  # what the facts stage reads: the label must not print it
    assert make_label(people, known) is None
