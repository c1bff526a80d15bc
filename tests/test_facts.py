"""Facts: the seeds' figures, realistic news sentences, non-facts, offsets and ids."""

from __future__ import annotations

import pytest

from reportkit.facts.extract import add_facts, extract_facts
from reportkit.readers import read_file, read_paths
from reportkit.story.select import select
from reportkit.layouts.chartspec import FactSelector

from conftest import SEED_A, SEED_B, SEEDS


@pytest.fixture(scope="module")
def seed_facts():
    docs, _ = read_paths([SEEDS])
    return [f for d in docs for f in add_facts(d).facts]


def _one(facts, **sel):
    found = select(FactSelector(**sel), facts)
    return found


def test_fdi_facts(seed_facts) -> None:
    fdi = _one(seed_facts, unit="USD", label=["FDI", "investment"])
    assert [(f.value, f.year) for f in fdi] == [(2.8e6, 2022), (86.4e6, 2024), (86.4e6, 2024)]
    assert all("FDI" in f.label for f in fdi)
    assert fdi[1].label == fdi[2].label, "the key-point repeat carries the same label"
    assert fdi[0].text == "$2.8 million" and fdi[1].text == "$86.4 million"


def test_gas_share(seed_facts) -> None:
    (f,) = _one(seed_facts, unit="percent", label=["gas"])
    assert (f.value, f.qualifier, f.text) == (72.0, "approximately", "72%")
    assert "gas" in f.label


def test_production_target(seed_facts) -> None:
    (f,) = _one(seed_facts, unit="barrels_per_day")
    assert f.value == 1.8e6 and f.label == "production target"
    assert "mmbbl" not in f.text


def test_wells_and_shut_share(seed_facts) -> None:
    (wells,) = _one(seed_facts, unit="count", label=["wells"])
    assert wells.value == 30000 and "wells" in wells.label
    (shut,) = _one(seed_facts, unit="ratio", label=["shut", "wells"])
    assert shut.value == pytest.approx(0.3333) and "shut" in shut.label and "wells" in shut.label


def test_diplomatic_relations(seed_facts) -> None:
    (f,) = _one(seed_facts, unit="years", label=["diplomatic", "relations"])
    assert f.value == 135 and f.label.lower() == "diplomatic relations"


def test_no_spurious_facts_in_seeds(seed_facts) -> None:
    texts = [f.text for f in seed_facts]
    assert len(seed_facts) == 8, texts
    for bad in ("2025", "2026", "25", "1", "2021"):
        assert bad not in texts


def test_offsets_point_into_body_text_and_ids_are_stable() -> None:
    for path in (SEED_A, SEED_B):
        doc = add_facts(read_file(path))
        body = doc.body_text()
        for f in doc.facts:
            assert body[f.start : f.end] == f.text
            assert f.text in f.sentence
        again = add_facts(read_file(path))
        assert [f.id for f in doc.facts] == [f.id for f in again.facts]
        assert len({f.id for f in doc.facts}) == len(doc.facts)


# (sentence, [(value, unit, year, extras)]) — extras may hold per, qualifier, label (substring), range, text
CASES = [
    ("Oil prices rose to $85 a barrel on Tuesday.", [(85, "USD", None, {"per": "barrel", "label": "Oil prices"})]),
    ("Brent crude rose 2.3% to $84.12 a barrel by 1030 GMT.",
     [(2.3, "percent", None, {"label": "Brent"}), (84.12, "USD", None, {"per": "barrel"})]),
    ("Russia's output of 9.5 million bpd was steady in May.", [(9.5e6, "barrels_per_day", None, {"label": "output"})]),
    ("The company agreed a $1.2bn deal to buy the refinery.", [(1.2e9, "USD", None, {"label": "deal"})]),
    ("Shares closed at 548p on Friday.", [(5.48, "GBP", None, {"text": "548p"})]),
    ("The offer values each share at £548p a share.", [(5.48, "GBP", None, {"per": "share"})]),
    ("The group was valued at £3.12bn.", [(3.12e9, "GBP", None, {})]),
    ("Production fell by a fifth in the first quarter.", [(0.2, "ratio", None, {"label": "Production"})]),
    ("Exports were up 12 per cent year-on-year.", [(12, "percent", None, {"label": "Exports"})]),
    ("The field holds 3.5 trillion cubic feet of gas.", [(3.5e12, "cubic_feet", None, {"label": "gas"})]),
    ("The field holds an estimated 3.5 tcf of gas.", [(3.5e12, "cubic_feet", None, {"qualifier": "an estimated"})]),
    ("The plant will produce 2.1 million tonnes per year of LNG.", [(2.1e6, "tonnes_per_year", None, {"label": "LNG"})]),
    ("The country recorded inflation of 4.5% in 2023.", [(4.5, "percent", 2023, {"label": "inflation"})]),
    ("The project will create around 500 jobs.", [(500, "count", None, {"qualifier": "around", "label": "jobs"})]),
    ("The EU pledged EUR 3 billion in aid.", [(3e9, "EUR", None, {"label": "aid"})]),
    ("Japan approved a ¥1.2 trillion stimulus package.", [(1.2e12, "JPY", None, {"label": "stimulus"})]),
    ("OPEC+ agreed to cut output by 2 million barrels per day from November.",
     [(2e6, "barrels_per_day", None, {"label": "output"})]),
    ("The deal is valued at $3-4 billion, sources said.", [(3e9, "USD", None, {"range": [3e9, 4e9]})]),
    ("Analysts expect between $3 billion and $4 billion in bids.", [(3e9, "USD", None, {"range": [3e9, 4e9]})]),
    ("Revenue rose to $5 billion in 2023 from $4 billion in 2022.",
     [(5e9, "USD", 2023, {"label": "Revenue"}), (4e9, "USD", 2022, {})]),
    ("U.S. crude inventories fell by 4.5 million barrels in the week to July 21, the EIA said.",
     [(4.5e6, "barrels", None, {"label": "crude inventories"})]),
    ("Henry Hub gas futures rose 3% to $2.65 per mmBtu.", [(3, "percent", None, {}), (2.65, "USD", None, {"per": "mmbtu"})]),
    ("Saudi Arabia pumped about 9 million bpd in June, a Reuters survey showed.",
     [(9e6, "barrels_per_day", None, {"qualifier": "about"})]),
    ("The company will invest 500 million roubles over three years.", [(5e8, "RUB", None, {}), (3, "years", None, {})]),
    ("Mexico's Pemex produced 1.6 mb/d of crude in 2024.", [(1.6e6, "barrels_per_day", 2024, {"label": "crude"})]),
    ("Qatar plans to raise LNG capacity to 142 mtpa by 2030.", [(142e6, "tonnes_per_year", 2030, {"label": "LNG capacity"})]),
    ("Gazprom exported 15.5 bcm of gas to China in 2023.", [(15.5e9, "cubic_metres", 2023, {"label": "gas"})]),
    ("Nearly half of the country's power comes from coal.", [(0.5, "ratio", None, {"qualifier": "nearly"})]),
    ("The bank raised rates by 25 basis points to 5.25%.", [(0.25, "percentage_points", None, {}), (5.25, "percent", None, {})]),
    ("Two-thirds of respondents expect prices to rise.", [(0.6667, "ratio", None, {"label": "respondents"})]),
    ("COVID-19 cut demand in 2020 by 9 million barrels a day.", [(9e6, "barrels_per_day", 2020, {})]),
    ("The G7 price cap of $60 a barrel took effect on Dec. 5, 2022.", [(60, "USD", 2022, {"per": "barrel", "label": "price cap"})]),
    ("The firm employs more than 12,000 people in 30 countries.",
     [(12000, "count", None, {"qualifier": "more than", "label": "people"}), (30, "count", None, {"label": "countries"})]),
    ("Gold rose 0.5% to $1,950.30 an ounce.", [(0.5, "percent", None, {}), (1950.3, "USD", None, {"per": "ounce"})]),
    ("The company posted a net profit of $2.1 billion, up from $1.5 billion a year earlier.",
     [(2.1e9, "USD", None, {"label": "net profit"}), (1.5e9, "USD", None, {"label": "net profit", "per": None})]),
    ("Rosneft holds a 19.75% stake in the venture.", [(19.75, "percent", None, {"label": "stake"})]),
    ("Germany's economy shrank 0.3% in the second quarter of 2024.", [(0.3, "percent", 2024, {"label": "economy"})]),
    ("Sales rose 7.5 percent to 3.2 billion euros.", [(7.5, "percent", None, {}), (3.2e9, "EUR", None, {})]),
    ("Oil demand will grow by 1.2 mb/d in 2025, the IEA said.", [(1.2e6, "barrels_per_day", 2025, {"label": "demand"})]),
    ("The pipeline has a capacity of 55 bcm a year.", [(55e9, "cubic_metres_per_year", None, {"label": "capacity"})]),
    ("It would take up to 18 months to complete.", [(18, "months", None, {"qualifier": "up to"})]),
    ("The company paid US$450 million for the stake.", [(450e6, "USD", None, {})]),
    ("India bought 1.9 million bpd of Russian oil in May 2023.", [(1.9e6, "barrels_per_day", 2023, {})]),
    ("The ruble weakened to 98.5 per dollar.", []),
    ("Pemex's debt stands at about $106 billion.", [(106e9, "USD", None, {"qualifier": "about", "label": "debt"})]),
    ("Mexico plans to spend 3.2 trillion pesos on energy.", [(3.2e12, "MXN", None, {})]),
    ("China's yuan-denominated imports rose 4.1% year on year to 1.5 trillion yuan.",
     [(4.1, "percent", None, {}), (1.5e12, "CNY", None, {})]),
    ("The tanker carries 700,000 barrels of crude.", [(7e5, "barrels", None, {})]),
    ("Global LNG trade reached 404 million tonnes in 2023.", [(404e6, "tonnes", 2023, {"label": "LNG trade"})]),
    ("The utility will add 2 GW of solar capacity.", [(2, "gigawatts", None, {})]),
    ("Prices averaged $3.50 per MMBtu last year.", [(3.5, "USD", None, {"per": "mmbtu"})]),
    ("Output climbed to 10.2 million b/d in 2019, its highest since 1983.", [(10.2e6, "barrels_per_day", 2019, {})]),
    ("Unemployment fell to 3.7 percent in 2024.", [(3.7, "percent", 2024, {"label": "Unemployment"})]),
    ("A quarter of the wells are idle.", [(0.25, "ratio", None, {"label": "wells"})]),
    ("The two countries signed 15 agreements worth $2 billion.", [(15, "count", None, {"label": "agreements"}), (2e9, "USD", None, {})]),
    ("Brent futures settled at $82.75, down 1.1 percent.", [(82.75, "USD", None, {}), (1.1, "percent", None, {})]),
    ("LONDON, Nov 20 (Reuters) - Oil prices fell more than 2% on Wednesday.",
     [(2, "percent", None, {"qualifier": "more than", "label": "Oil prices"})]),
    ("MEXICO CITY - Pemex reported a net loss of 161.5 billion pesos ($8 billion) in the third quarter.",
     [(161.5e9, "MXN", None, {"label": "net loss"}), (8e9, "USD", None, {"label": "net loss"})]),
    ("BP shares were down 3p at 389p.", [(0.03, "GBP", None, {}), (3.89, "GBP", None, {"label": "BP shares"})]),
    ("Shell's shares rose 1.2% to 2,650 pence in London.", [(1.2, "percent", None, {}), (26.5, "GBP", None, {"label": "shares"})]),
    ("The EU imported 16.5 million tonnes of Russian LNG in 2023, up from 15 million tonnes in 2022.",
     [(16.5e6, "tonnes", 2023, {"label": "LNG"}), (15e6, "tonnes", 2022, {"label": "LNG"})]),
    ("Novatek's project has a capacity of 19.8 million metric tons per annum.", [(19.8e6, "tonnes_per_year", None, {})]),
    ("Mexico's economy grew 1.5% in 2024, below the government's forecast of 2.5% to 3%.",
     [(1.5, "percent", 2024, {}), (2.5, "percent", 2024, {"range": [2.5, 3], "label": "forecast"})]),
    ("China's crude imports in October averaged 10.53 million barrels per day, down 9% from a year earlier.",
     [(10.53e6, "barrels_per_day", None, {"label": "crude imports"}), (9, "percent", None, {})]),
    ("Prices rose from 3% to 4% over the year.", [(3, "percent", None, {"range": None}), (4, "percent", None, {})]),
    # units: spelled-out mmBtu, hyphenated forms, power as written, points words, bps as percentage points
    ("Asian spot LNG rose to $14.30 per million British thermal units (mmBtu).", [(14.3, "USD", None, {"per": "mmbtu"})]),
    ("An outage at a 100,000 barrel-per-day refinery shut its 45,000-bpd unit.",
     [(1e5, "barrels_per_day", None, {}), (45000, "barrels_per_day", None, {})]),
    ("Its $1.2-billion plan adds a 250-megawatt solar farm under a 20-year power purchase agreement.",
     [(1.2e9, "USD", None, {}), (250, "megawatts", None, {}), (20, "years", None, {})]),
    ("A 2-million-barrel tanker docked after a two-week repair.", [(2e6, "barrels", None, {}), (2, "weeks", None, {})]),
    ("The Fed cut rates by half a percentage point, and a quarter-point cut may follow.",
     [(0.5, "percentage_points", None, {}), (0.25, "percentage_points", None, {})]),
    ("The 10-year yield rose 3 basis points to 3.68%.", [(0.03, "percentage_points", None, {}), (3.68, "percent", None, {})]),
    ("China installed 277 gigawatts of solar and generated 9,418 terawatt hours.",
     [(277, "gigawatts", None, {}), (9418, "terawatt_hours", None, {})]),
    ("The rate had stood at -0.1% for eight years.", [(-0.1, "percent", None, {}), (8, "years", None, {})]),
    ("Wheat lost 7-1/4 cents to $5.18-3/4 a bushel.",
     [(0.0725, "USD", None, {"range": None}), (5.1875, "USD", None, {"per": "bushel"})]),
    ("Diesel rose 4 cents to $3.05 a gallon.", [(0.04, "USD", None, {"range": None}), (3.05, "USD", None, {"per": "gallon"})]),
    ("Russian flows of about 15 billion cubic metres (bcm) a year stopped.", [(15e9, "cubic_metres_per_year", None, {})]),
    ("Iron ore ended at 773.5 yuan ($105.47) a ton.", [(773.5, "CNY", None, {"per": "tonne"}), (105.47, "USD", None, {})]),
    ("Freeport expects to sell 4.1 billion pounds of copper.", [(4.1e9, "pounds", None, {})]),
    ("Orsted wrote down 28.4 billion Danish crowns.", [(28.4e9, "DKK", None, {})]),
    ("The state will spend Rs 500 crore on roads.", [(5e9, "INR", None, {})]),
    ("The lender forecast a net loss of 8.2 billion to 8.8 billion yuan for 2024.",
     [(8.2e9, "CNY", 2024, {"range": [8.2e9, 8.8e9]})]),
    ("It cut its forecast to $8.30 to $8.90 per share from $9 to $9.70.",
     [(8.3, "USD", None, {"range": [8.3, 8.9], "per": "share"}), (9, "USD", None, {"range": [9, 9.7]})]),
    ("The oil rig count fell by two to 583, and gas rigs fell to 97.",
     [(583, "count", None, {}), (97, "count", None, {})]),
    ("Revisions showed 72,000 more jobs created than reported.", [(72000, "count", None, {"label": "jobs"})]),
    # years: chains, targets, 'since', relative anchors, apposition, periods
    ("Foreign investment fell 27.1% to 826.25 billion yuan in 2024.", [(27.1, "percent", 2024, {}), (826.25e9, "CNY", 2024, {})]),
    ("Qatar aims to raise capacity from 77 mtpa to 142 mtpa by 2030.",
     [(77e6, "tonnes_per_year", None, {}), (142e6, "tonnes_per_year", 2030, {})]),
    ("Capacity reached about 1,400 GW, six years ahead of a 2030 target of 1,200 GW.",
     [(1400, "gigawatts", None, {}), (6, "years", None, {}), (1200, "gigawatts", 2030, {})]),
    ("Gold rose 0.9% to $2,716 an ounce, its highest since 2011.", [(0.9, "percent", None, {}), (2716, "USD", None, {})]),
    ("China installed 277 GW of solar in 2024, up 28% from the previous year.",
     [(277, "gigawatts", 2024, {}), (28, "percent", 2024, {})]),
    ("Lloyds reported a 57 per cent rise in profit for 2023 on Thursday and announced a buyback of up to £2bn.",
     [(57, "percent", 2023, {}), (2e9, "GBP", None, {})]),
    ("Profit was £7.5bn last year, compared with £4.8bn in 2022 and above a forecast of £7.2bn.",
     [(7.5e9, "GBP", None, {}), (4.8e9, "GBP", 2022, {}), (7.2e9, "GBP", None, {})]),
    ("Petrobras plans to invest $102 billion between 2024 and 2028.", [(102e9, "USD", None, {})]),
    ("The unit rose 1.5% in 2024, while solar output jumped 43.6%.", [(1.5, "percent", 2024, {}), (43.6, "percent", 2024, {})]),
    # the first number of a pair borrows the second's unit (and scale word)
    ("Output rose from 1.2 million to 1.5 million barrels per day in 2024.",
     [(1.2e6, "barrels_per_day", None, {}), (1.5e6, "barrels_per_day", 2024, {})]),
    ("Output rose from 1.2 to 1.5 million barrels per day in 2024.",
     [(1.2e6, "barrels_per_day", None, {}), (1.5e6, "barrels_per_day", 2024, {})]),
    ("The firm will hire between 1,000 and 2,000 staff.", [(1000, "count", None, {"range": [1000, 2000]})]),
    ("Storage will hold between 5 and 7 million tonnes.", [(5e6, "tonnes", None, {"range": [5e6, 7e6]})]),
    ("Capacity grew from 2019 to 2024 and reached 3 million tonnes.", [(3e6, "tonnes", None, {})]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_news_sentences(sentence: str, expected: list) -> None:
    facts = extract_facts(sentence, "t.txt")
    got = [(f.text, f.value, f.unit, f.year) for f in facts]
    assert len(facts) == len(expected), got
    for f, (value, unit, year, extras) in zip(facts, expected):
        assert f.value == pytest.approx(value, rel=1e-4), got
        assert f.unit == unit, got
        assert f.year == year, got
        assert sentence[f.start : f.end] == f.text
        for key, want in extras.items():
            if key == "label":
                assert want.lower() in f.label.lower(), (f.label, want)
            elif key == "range":
                assert f.range == pytest.approx(want)
            else:
                assert getattr(f, key) == want, (key, getattr(f, key), want)


@pytest.mark.parametrize(
    "text",
    [
        "See https://www.reuters.com/business/energy/story-2021-10-19/ for more.",
        "As reported earlier [1], talks continue [2].",
        "The meeting took place on 25 July in Vienna.",
        "Talks resumed on July 25, 2024.",
        "In May, the minister spoke.",
        "The forum was held in 2025.",
        "1. First point of the list.",
        "COVID-19 hit the G7 and G20 economies; Nord Stream 2 was damaged.",
        "Trading opened at 10:30 on 2021-10-19.",
        "It was the 21st meeting in the 3rd quarter.",
        "Mexico has also been accelerating plans to double its storage by 2025–2026.",
        "He scored in the first half and the second quarter was quiet.",
        "One of the officials said two ministers met.",
        "Brent hit a 10-year high while the two-year yield fell and the 30-year-old refinery closed.",
        "Boeing resumed deliveries of its 737 MAX jets and four 787 Dreamliners to the S&P 500 firm.",
        "Prices were quoted by 1400 GMT. ($1 = 0.9200 euros)",
        "It is one of the top 10 exporters and the No. 2 producer.",
        "The Senate voted 68-32 under Section 232 and Part 121 rules.",
        "The rupiah weakened to 16,250 per dollar.",
    ],
)
def test_not_facts(text: str) -> None:
    assert extract_facts(text, "t.txt") == []


def test_year_tied_across_clauses() -> None:
    text = "In 2022, $2.8 million in Foreign Direct Investment (FDI) arrived from Russia, and by 2024, the figure had risen to $86.4 million."
    a, b = extract_facts(text, "s")
    assert (a.year, b.year) == (2022, 2024)
    assert a.label == "Foreign Direct Investment (FDI) from Russia" and b.label == a.label


def test_huge_numbers_and_long_lines_do_not_break() -> None:
    text = ("9" * 5000) + " barrels " + ("$1,000," * 3000) + " " + ("one-third of " * 2000)
    facts = extract_facts(text, "t")
    for f in facts:
        assert text[f.start : f.end] == f.text


def test_fact_ids_do_not_depend_on_how_the_path_is_spelt():
    from reportkit.facts.extract import extract_facts

    text = "In 2022, $2.8 million in FDI arrived."
    ids = {tuple(f.id for f in extract_facts(text, src))
           for src in ("seeds/a.txt", "./seeds/a.txt", "/abs/seeds/a.txt")}
    assert len(ids) == 1
    assert extract_facts(text, "seeds/a.txt")[0].id != extract_facts(text, "seeds/b.txt")[0].id
