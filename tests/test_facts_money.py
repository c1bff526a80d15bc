"""Currencies written with a symbol of their own (₫, ₱, ₸, E£, ৳, GH₵, KSh, S/, ฿, Rp) and currency
words several countries share ("dirhams", "pesos", "rupees", "Rs"): facts.patterns and facts.money."""

from __future__ import annotations

import pytest

from reportkit.facts import extract_facts


def _units(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.text, f.unit, f.per) for f in extract_facts(text, "note.txt", date="2027-03-01")]


@pytest.mark.parametrize(("text", "unit"), [
    ("Revenue rose to ₫2.87 trillion.", "VND"),
    ("Sales reached ₱312 billion in 2026.", "PHP"),
    ("Export revenue rose to E£1.24 billion.", "EGP"),  # was "£1.24 billion", sterling
    ("The farms earned ৳2.3 billion.", "BDT"),
    ("Exports came to Tk 1,150 crore.", "BDT"),
    ("It raised GH₵ 45 million.", "GHS"),
    ("Revenue was KSh 4.86 billion.", "KES"),
    ("Fibre sold at S/ 14.20 per kg.", "PEN"),
    ("The fee is now ฿600.", "THB"),
    ("Sales were Rp 1.2 trillion.", "IDR"),
    ("The harvest was worth 9.8 billion tenge.", "KZT"),
    ("Net profit was VND 742 billion.", "VND"),
    ("It spent MAD 81 million.", "MAD"),
    ("Ticket sales were PKR 300 million.", "PKR"),
])
def test_a_currency_with_its_own_symbol_code_or_word(text: str, unit: str) -> None:
    [(_, got, _)] = _units(text)
    assert got == unit


def test_a_shared_word_takes_the_currency_another_figure_of_the_document_is_written_in() -> None:
    got = _units("A stall will cost 1,150 dirhams a month, up from 850 dh. The office spent 9.4 million dirhams.")
    assert [u for _, u, _ in got] == ["MAD", "MAD", "MAD"]  # were AED, MAD, AED


def test_a_shared_word_takes_the_currency_of_the_country_the_document_names() -> None:
    assert _units("DUBAI - Rents rose to 100,000 dirhams a year.")[0][1] == "AED"
    assert [u for _, u, _ in _units("KARACHI - Tickets cost Rs 1,500; revenue was 300 million rupees.")] == ["PKR", "PKR"]
    assert _units("Sales at the Philippines' chains reached 312 billion pesos.")[0][1] == "PHP"  # was MXN
    assert _units("Revenue was 3 billion pounds, the Cairo company said.")[0][1] == "EGP"


def test_a_shared_word_the_document_does_not_resolve_keeps_the_source_word() -> None:
    assert _units("The fee is 100 dirhams.")[0][1] == "dirhams"  # not a guessed AED
    assert _units("Rents rose to 100,000 dirhams in Dubai and Casablanca.")[0][1] == "dirhams"  # two countries


def test_conventional_readings_and_weights_stand() -> None:
    assert _units("Profit was 5 million pounds.")[0][1] == "GBP"
    assert _units("Mumbai: it raised Rs 5 crore.")[0][1] == "INR"
    assert _units("Output was 4.1 billion pounds of copper in Cairo.")[0][1] == "pounds"  # a weight
    assert _units("The shares fell to 45 Egyptian pounds in London.")[0][1] == "EGP"  # the country's own word


def test_who_says_a_figure_is_not_what_it_measures() -> None:
    """"…, and rangers say that collecting litter alone costs ฿9 per visitor": the rangers speak;
    the card was printed "9 THB/visitor / Rangers" once the baht was read as money."""
    [_, f] = extract_facts("Its running costs rose to THB 265 million last year, and rangers say that collecting "
                           "litter alone costs ฿9 per visitor.", "park.txt", date="2027-02-23")
    assert f.unit == "THB" and f.per == "visitor"
    assert f.measure != "rangers"


def test_table_headers_with_the_new_symbols_and_hectares() -> None:
    from reportkit.facts.cells import header_unit

    assert header_unit("Average price (₸ per kg)") == ("KZT", "kilogram", 1.0, "Average price")  # was None
    assert header_unit("Revenue (E£m)") == ("EGP", None, 1e6, "Revenue")
    assert header_unit("Area in fruit (ha)") == ("hectares", None, 1.0, "Area in fruit")  # was None
    assert _units("Growers get ₸ 90 a kilo.")[0][1:] == ("KZT", "kilogram")  # was per "kilo"


def test_a_plural_header_over_whole_numbers_counts_what_it_names() -> None:
    from reportkit.facts.cells import counted_header

    assert counted_header("Stores", [3960, 2410, 880])
    assert counted_header("Member firms", [12, 40])
    assert not counted_header("Rank", [1, 2, 3]) and not counted_header("Points", [3, 1])
    assert not counted_header("Years", [2024, 2025]) and not counted_header("Stores", [3.5, 2.0])
    note = ("Chain: Tindahan Plus; Stores: 3,960; Sales (PHP bn): 118.6\n"  # a table's rows, as the readers write them
            "Chain: Kanto Mart; Stores: 1,530; Sales (PHP bn): 51.5\n")
    stores = [f for f in extract_facts(note, "note.md", date="2027-03-04") if f.value == 3960]
    assert [(f.unit, f.measure, f.subject) for f in stores] == [("count", "Stores", "Tindahan Plus")]  # was not read


def test_a_column_counted_by_its_name_gives_way_to_a_measured_one_in_charts() -> None:
    from reportkit.charts.tabled import counted_by_name

    rows = ("Stall: Leather; Stalls: 420; Rent now (dh a month): 850\n"
            "Stall: Textiles; Stalls: 380; Rent now (dh a month): 640\n")
    facts = {f.text: f for f in extract_facts(rows, "rents.md", date="2027-03-02")}
    assert counted_by_name(facts["420"]) and not counted_by_name(facts["850"])


@pytest.mark.parametrize(("text", "unit"), [
    ("New mortgages came to J$41.8 billion.", "JMD"),  # was USD: the bare "$" after the J
    ("Visitors spent about F$270 a day.", "FJD"),
    ("Receipts reached FJ$612 million.", "FJD"),
    ("The average price rose to TT$207,000.", "TTD"),
    ("The fund holds EC$95 million.", "XCD"),
    ("Revenue was N$1.2 billion.", "NAD"),
    ("Sales reached RD$3.4 billion.", "DOP"),
    ("Export value fell to ֏21.4 billion.", "AMD"),
    ("Coffee sold for ₡3,150 a kilogram.", "CRC"),
    ("It earned US$265 million.", "USD"),
    ("It earned $265 million.", "USD"),
    ("It earned A$265 million.", "AUD"),
])
def test_a_dollar_marked_with_its_country_letters_is_that_country_s(text: str, unit: str) -> None:
    [(_, got, _)] = _units(text)
    assert got == unit


def test_a_range_of_marked_dollars_keeps_the_currency() -> None:
    [(text, got, _)] = _units("Prices rose to J$20,000–J$30,000.")
    assert (text, got) == ("J$20,000–J$30,000", "JMD")
    assert [u for _t, u, _p in _units("Prices went from J$20,000 to J$30,000.")] == ["JMD", "JMD"]


def test_a_table_header_in_marked_dollars() -> None:
    from reportkit.facts import header_unit

    assert header_unit("Value (J$ million)")[:3] == ("JMD", None, 1e6)
    assert header_unit("Price (TT$)")[0] == "TTD"


def test_a_countrys_name_keeps_its_and() -> None:
    [f] = extract_facts("Dealers in Trinidad and Tobago registered 5,840 new cars in the first quarter of 2027.",
                        "note.md", date="2027-04-15")
    assert f.subject == "Trinidad and Tobago"  # was "Trinidad Tobago", printed so on two cards


@pytest.mark.parametrize(("text", "units"), [
    # Moldova's lei are MDL: the same article writes the code, or names the country's capital
    ("The single fare will rise to 6 lei from 1 June. The city paid a subsidy of MDL 405 million.", ["MDL", "MDL"]),
    ("CHISINAU, May 4 - The single trolleybus fare will rise to 6 lei, up from 4 lei now.", ["MDL", "MDL"]),
    ("BUCHAREST, May 4 - A metro ticket will cost 5 lei, up from 3 lei.", ["RON", "RON"]),
    # a text that says neither keeps the source's word: printing less, never a guess of Romania's
    ("A ticket will cost 5 lei, up from 3 lei.", ["lei", "lei"]),
])
def test_lei_are_romanias_or_moldovas_as_the_text_says(text: str, units: list[str]) -> None:
    assert [u for _, u, _ in _units(text)] == units


def _doc_units(text: str, name: str) -> list[tuple[str, str | None]]:
    from reportkit.facts import add_facts
    from reportkit.readers import read_text

    doc = add_facts(read_text(text, name, "." + name.rsplit(".", 1)[1]))
    return [(f.text, f.unit) for f in doc.facts]


def test_a_datelines_place_is_not_read_for_a_shared_word() -> None:
    # "SANTIAGO DE LOS CABALLEROS" is in the Dominican Republic: its pesos are not Chile's; a text that
    # writes RD$ elsewhere says which
    text = ("Cigar maker's profit rises\n\nSANTIAGO DE LOS CABALLEROS, May 3 (RK Wire) - Revenue rose 14% to "
            "RD$2.36 billion and operating profit reached 498 million pesos.\n")
    assert ("498 million pesos", "DOP") in _doc_units(text, "a.txt")
    text = text.replace("RD$2.36 billion", "2.36 billion")
    assert ("498 million pesos", "pesos") in _doc_units(text, "a.txt")


def test_a_tables_lei_column_takes_the_currency_its_document_says() -> None:
    # week 26 charted Chisinau's fares in RON: the cells' "(lei)" header said the shared word only
    text = ("# Chisinau fares rise\n\nThe city paid a subsidy of MDL 405 million last year.\n\n"
            "| Fare | From 1 June (lei) |\n|---|---:|\n| Single ride | 6 |\n| Monthly pass | 250 |\n")
    units = dict(_doc_units(text, "fares.md"))
    assert units.get("6") == "MDL" and units.get("250") == "MDL", units


def test_lei_under_a_caption_take_the_currency_its_document_says(tmp_path) -> None:
    # the HTML table's caption "(lei)" gave its cells RON: a document that never writes RON got them from the word
    text = ("<html><head><title>Chisinau fare to rise to 6 lei</title></head><body><h1>Chisinau fare to rise to 6 lei"
            "</h1><p>The single fare will rise to 6 lei. The city paid a subsidy of MDL 405 million.</p><table>"
            "<caption>Chisinau public transport fares (lei)</caption><tr><th>Fare</th><th>From 1 June</th></tr>"
            "<tr><td>Single ride</td><td>6</td></tr><tr><td>Monthly pass</td><td>250</td></tr></table></body></html>")
    from reportkit.facts import add_facts
    from reportkit.readers import read_file

    (tmp_path / "fares.html").write_text(text, encoding="utf-8")
    units = {f.unit for f in add_facts(read_file(tmp_path / "fares.html")).facts}
    assert "RON" not in units and "MDL" in units, units


def test_a_dateline_that_names_a_country_outright_sets_a_shared_words_currency() -> None:
    # week 15's "186,000 lei" printed no card: its text names Romania only in its dateline
    text = ("Puppet theatre loses its stage\n\nVÂRFULENI, Romania, Feb 19, 2027 (RK Wire) - An appeal launched by "
            "parents raised 186,000 lei in its first ten days.\n")
    assert ("186,000 lei", "RON") in _doc_units(text, "a.txt")
    text = text.replace("VÂRFULENI, Romania,", "VARFULENI, MOLDOVA,")
    assert ("186,000 lei", "MDL") in _doc_units(text, "a.txt")


def test_a_datelines_city_alone_does_not_set_a_shared_words_currency() -> None:
    # a city is no country: "SANTIAGO" may be Chile's or the Dominican Republic's "Santiago de los Caballeros"
    text = ("Cigar maker's profit rises\n\nSANTIAGO DE LOS CABALLEROS, May 3, 2027 (RK Wire) - Operating profit "
            "reached 498 million pesos.\n")
    assert ("498 million pesos", "pesos") in _doc_units(text, "a.txt")
    assert ("498 million pesos", "CLP") in _doc_units(text.replace("CABALLEROS,", "CABALLEROS, Chile,"), "a.txt")
    text = text.replace("498 million pesos", "186,000 lei").replace("SANTIAGO DE LOS CABALLEROS", "VÂRFULENI")
    assert ("186,000 lei", "lei") in _doc_units(text, "a.txt")


def test_a_datelines_country_is_one_of_its_parts_written_whole() -> None:
    from reportkit.facts.money import dateline_country

    assert dateline_country("VÂRFULENI, Romania, Feb 19, 2027") == "Romania"
    assert dateline_country("Riyadh, Saudi Arabia, 3 May 2027") == "Saudi Arabia"
    # a city, an organisation, a country's city: no country outright
    assert dateline_country("SANTIAGO DE LOS CABALLEROS, May 3") is None
    assert dateline_country("Mexico City, 1 August") is None
    assert dateline_country("Dominican Tobacco Export Council, Santiago de los Caballeros, 28 April 2027") is None
    assert dateline_country("CHISINAU, May 4, Moldova") is None  # after the date: not the place
    assert dateline_country(None) is None


def _values(text: str) -> list[tuple[float, str | None]]:
    return [(f.value, f.unit) for f in extract_facts(text, "a.txt")]


def test_a_bare_franc_is_the_currency_its_document_names_else_the_word() -> None:
    # "francs" are Switzerland's, West or Central Africa's CFA franc, Rwanda's, Guinea's...: never
    # Swiss by default (a Senegalese baguette's "175 francs" printed "175 CHF")
    assert _values("DAKAR -- A baguette costs 175 francs in Senegal.") == [(175.0, "XOF")]
    assert _values("Cameroon's cocoa board paid 1,500 francs a kilogram.") == [(1500.0, "XAF")]
    assert _values("The Geneva bank earned 4.2 billion francs, Swiss regulators said.") == [(4.2e9, "CHF")]
    assert _values("Kigali raised the permit to 1,500 francs.") == [(1500.0, "RWF")]
    assert _values("The company earned 3.1 billion francs.") == [(3.1e9, "francs")]  # says neither: the word
    assert _values("The fee is 5,000 Rwandan francs.") == [(5000.0, "RWF")]


def test_a_cfa_franc_is_west_or_central_africas_by_its_document() -> None:
    assert _values("A baguette costs 175 CFA francs in Dakar, up from 150 FCFA.") == [(175.0, "XOF"), (150.0, "XOF")]
    assert _values("Fuel costs 840 CFA francs a litre in Libreville.") == [(840.0, "XAF")]
    assert _values("A baguette costs 175 CFA francs.") == [(175.0, "CFA francs")]


def test_euro_cents_are_hundredths_of_a_euro() -> None:
    # "worth about 27 euro cents" was read as 27 euros
    assert _values("The price is worth about 27 euro cents.") == [(0.27, "EUR")]
    assert _values("It costs 40 US cents.") == [(0.4, "USD")]


def test_one_countrys_currency_words_are_its_code() -> None:
    # "186 million lempiras" printed as "186M" with no currency, labelled "Lempiras"
    assert _values("Operating profit was 186 million lempiras.") == [(186e6, "HNL")]
    assert _values("Diesel cost 118 birr a litre.")[0][1] == "ETB"
    assert _values("Operating profit dropped 34% to 38.2 billion ariary.")[1] == (38.2e9, "MGA")
    assert _values("Growers got 1,100 kip a kilogram.")[0][1] == "LAK"
    assert _values("Revenue was 1.63 billion meticais.") == [(1.63e9, "MZN")]


def test_an_old_values_quarter_is_not_the_quarter_told_later() -> None:
    # "against US$5.35 in the first quarter of 2026" dated the next sentence's "for the quarter" 2026
    text = ("Camaronera del Golfo sold its shrimp in the first quarter of 2027 at about US$5.60 a kilogram, "
            "against US$5.35 in the first quarter of 2026. Operating profit for the quarter was 186 million "
            "lempiras, up 24% on the first quarter of 2026.")
    periods = {f.text: f.period for f in extract_facts(text, "a.txt", date="2027-05-10")}
    assert periods["US$5.35"] == "2026-Q1"
    assert periods["186 million lempiras"] != "2026-Q1"


def test_fcfa_before_the_figure_is_the_cfa_franc_its_document_names() -> None:
    # "FCFA 21,500" was no figure at all
    assert _values("DAKAR -- Flour rose to FCFA 21,500 a sack in Senegal.") == [(21500.0, "XOF")]
    assert _values("In Libreville, Gabon, fuel costs FCFA 840 a litre.") == [(840.0, "XAF")]
    assert _values("The subsidy would cost about FCFA 4.2 billion.") == [(4.2e9, "CFA francs")]
