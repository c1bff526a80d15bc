"""A market's price has no owner to name: a Key figures card of a price in a currency per unit whose
label holds the word its headline opens on ("Copper hits record above $11,000": "$11,104.50/tonne /
Three-month copper") reads on its own (story/cardnames.opens_headline); a quantity or a change with
the same kind of label still needs whose (tests/test_news_weeks.py holds the copper card in its panel)."""

from __future__ import annotations

from reportkit.story.cardnames import opens_headline


def test_the_headlines_first_word_in_the_label():
    assert opens_headline("Three-month copper", "Copper hits record above $11,000 as supply fears mount")
    assert opens_headline("In-shell hazelnuts, January 2027", "Hazelnuts fetch record prices")
    assert not opens_headline("Gap between Comex and LME prices", "Copper importers rush shipments")
    assert not opens_headline("US exports", "US trade deficit widens")  # three letters or fewer: not looked at
    assert not opens_headline("Passengers, 2026", "Tbilisi metro fare to rise to 1.50 lari from May")
