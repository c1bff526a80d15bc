"""Cards whose label leaves out what, whose or which period (weeks 15 and 16 first contact: "3%–5% / Lake
Naivasha farms", "about 83% / Three largest makers", "19% / China United States", "58.4M BRL / Net profit",
"59% / Turkey share", "Five-pack", "Provincial figures", "Previous estimate"). Each is printed as no card, or
with the words its sentence gives (print less, never a guess). Texts invented (CC0), one rule a test."""

from __future__ import annotations

from pathlib import Path

from reportkit.facts import add_facts
from reportkit.readers import read_text
from reportkit.story.stories import story_figures

_LAYOUTS = Path(__file__).parent.parent / "layouts"


def _doc(body: str, title: str = "Market notes"):
    return add_facts(read_text(f"{title}\n\nKOVARHELY, Feb 16, 2027 - " + body, "a.txt", ".txt"))


def _cards(body: str, title: str = "Market notes") -> list[str]:
    doc = _doc(body, title)
    return [f"{k.display} / {k.label}" for k in story_figures(doc, [], [], count=20)]


def _panel(body: str) -> list[str]:
    from reportkit.layouts import load_layout
    from reportkit.story.keyfigures import key_figures

    content = load_layout(_LAYOUTS / "weekly-brief.yaml").content
    return [f"{k.display} / {k.label}" for k in key_figures(content, [_doc(body)])]


def test_a_range_of_a_fall_is_no_card() -> None:
    cards = _cards("Farms around Lake Velmar, which grow about two-thirds of its apples, lost between 4% and 6% of their "
                   "crop to the frost, while highland farms lost under 1%, the company said.")
    assert not any("4%–6%" in c for c in cards), cards


def test_a_share_labelled_by_its_holder_is_no_card() -> None:
    cards = _cards("The four largest brewers hold about 71% of the domestic market. Beer sales rose 2% to "
                   "4.1 million hectolitres in 2026.")
    assert not any("71%" in c for c in cards), cards
    # a rate says it is a share of something: "Acceptance rate" keeps its card
    assert any("11%" in c for c in _cards("Acceptance rate: 11% of applicants, against 12.1% for the 2025 entry"))


def test_a_points_change_of_such_a_share_is_no_card() -> None:
    cards = _cards("Local cheeses now hold 38% of the home market, up 4 percentage points, while imports supply the rest.")
    assert not any("pp" in c or "38%" in c for c in cards), cards


def test_two_names_fused_into_a_label_is_no_card() -> None:
    from reportkit.facts import extract_facts
    from reportkit.story.untold import names_fused

    facts = extract_facts("China is still the largest buyer, at 24% of exports, down from 29%, while the United States "
                          "took 19%.", "x.txt", date="2027-02-25")
    f = next(f for f in facts if f.text == "19%")
    assert names_fused(f) == (f.measure == "United States" and f.subject == "China")
    assert not names_fused(next(f for f in facts if f.text == "24%"))


def test_a_period_said_in_the_sentence_before_leaves_a_bare_label_no_card() -> None:
    body = ("Varanda sold 38.6 million litres in the fourth quarter of 2026. Net profit fell 9% to 41.2 million reais."
            "\n\nFor the full year the company sold 131 million litres.")
    cards = _cards(body)
    assert not any("41.2M" in c for c in cards), cards
    # a share price is a day's, not the quarter's
    traded = _cards("Revenue for the quarter was R$ 512 million. Varanda shares rose 2.1% to R$ 27.40.")
    assert any("2.1%" in c for c in traded), traded


def test_a_figure_inside_a_quote_is_no_card() -> None:
    cards = _cards('Dana Okafor-Lund, who runs the export arm, said: "We opened 14 new markets last year." '
                   "Exports rose 8% to 300 million euros in 2026.")
    assert not any(c.startswith("14 ") for c in cards), cards


def test_the_size_of_a_group_ranked_among_is_no_card() -> None:
    cards = _cards("Shares in Velmora fell 2.1% to 27.40 euros, the third-worst among the 40 consumer stocks in the index.")
    assert not any(c.startswith("40 ") for c in cards), cards


def test_a_destination_row_and_a_scale_word_label_are_no_cards() -> None:
    table = ("Exports by destination:\n\n| Destination | Exports (€m) |\n|---|---|\n| France | 350 |\n| Spain | 277 |\n")
    doc = add_facts(read_text("Wine notes\n\n" + table, "a.md", ".md"))
    assert not story_figures(doc, [], [], count=20)
    cards = _cards("For the full year the company sold 131 million litres and net revenue was R$ 2.61 billion.")
    assert not any("Million" in c for c in cards), cards


def test_a_measure_written_with_a_place_it_leaves_out_is_no_card() -> None:
    cards = _cards("Cheese exports reached 1.2 billion euros in 2026, up 9%. Exports to Japan rose 6.2%, the slowest "
                   "of the large markets.")
    assert not any(c == "+6.2% / Exports" for c in cards), cards


def test_a_bare_more_is_no_card() -> None:
    cards = _cards("Milk intake fell 2% to 186 million litres in 2026. Northern farms, helped by a mild October, "
                   "delivered 1.1% more.")
    assert not any("1.1%" in c for c in cards), cards


def test_a_share_of_nothing_is_no_key_figure() -> None:
    body = ("We put the world crop at about 865,000 tonnes, and Turkey's share of it at 59%, from 66%. "
            "Turkey's crop fell 27% to 512,000 tonnes in 2026.")
    assert not any("59%" in c for c in _panel(body)), _panel(body)


def test_which_estimate_is_no_label() -> None:
    cards = _cards("We now put the crop at 512,000 tonnes in 2026. Our previous estimate, in October, was 560,000 tonnes.")
    assert not any("560,000" in c for c in cards), cards


def test_where_figures_come_from_is_no_label() -> None:
    cards = _cards("Provincial figures show that hotel occupancy in the district averaged 71% in January, against 64% "
                   "in January 2026.")
    assert not any("figures" in c.lower() for c in cards), cards


def test_a_pack_is_labelled_with_what_it_holds() -> None:
    cards = _cards("A five-pack of the best-selling spicy brand cost ₩4,480 in January, up from ₩4,150 a year earlier.")
    assert any(c.startswith("4,480 KRW / Five-pack of the best-selling spicy brand") for c in cards), cards
    assert not any(c.endswith("/ Five-pack, January 2027") for c in cards)


def test_a_unit_or_a_statistic_alone_is_no_label() -> None:
    cards = _cards("Inventories fell to 118,000 tonnes. The gap between Comex and LME prices widened to $1,150 a tonne on "
                   "Monday, against an average of about $60 a tonne over the past five years.")
    assert not any(c.endswith("/ Average") for c in cards), cards
    cards = _cards("Harbour air held 31.4 micrograms of fine particles per cubic metre in 2026, the Continental Health "
                   "Council (CHC) said. Its guideline is 10 micrograms.")
    assert not any("Micrograms" in c or "micrograms" in c for c in cards), cards


def test_make_up_is_no_rise() -> None:
    """"make up approximately 72% of" is a share, not a move: no "+" before it (it was "approximately +72%")."""
    from reportkit.story.keyfigures import display

    doc = _doc("Natural gas imports make up approximately 72% of Mexico gas supply, officials said.")
    f = next(f for f in doc.facts if f.text.startswith("72"))
    assert "+" not in display(f, doc)


def test_a_value_or_the_cost_of_an_action_keeps_its_words() -> None:
    cards = _cards("Velmora shares rose 3.9% to 48.75 shillings, valuing the company at about KSh 21.9 billion.")
    assert not any("21.9B" in c for c in cards), cards
    cards = _cards("Wardens say that collecting litter alone costs ฿9 per visitor, and the park spent ฿265 million in 2026.")
    assert not any(c.startswith("9 THB") for c in cards), cards
    cards = _cards("Room rates rose 4% to $180 in 2026. An empty room still costs about $38 a night to keep open.")
    assert not any("38" in c for c in cards), cards


def test_passenger_numbers_and_a_midpoint() -> None:
    """"numbers" of a thing is a measure ("Passenger numbers"); a range's "Midpoint" alone says of what not."""
    assert any("Passenger numbers" in c for c in _cards("Passenger numbers rose 6.8% to 3.4 million in November 2026."))
    cards = _cards("The co-operative expects to pay NZ$10 to NZ$11 a kilogram of milk solids. The midpoint, NZ$10.50, "
                   "would be the highest the co-operative has ever paid.")
    assert not any(c.endswith("/ Midpoint") for c in cards), cards


def test_what_one_thing_added_to_another_is_not_the_first_ones() -> None:
    cards = _cards("Each unit of plasma cost about €61 to collect, test and process, up from €58 in 2025, mainly because "
                   "a new pay deal for nurses added 5.5% to the service's wage bill.")
    assert not any("Deal for nurses" in c for c in cards), cards


def test_a_base_year_is_not_the_figure_year() -> None:
    cards = _cards("Hotel rates rose 3.6% to $187.40 in the fourth quarter of 2026.\n\nFor 2026 as a whole the picture was "
                   "similar. Occupancy averaged 74.8%, against 76.0% in 2025, while the average daily rate rose by about "
                   "4% to $179.10.")
    assert not any("2025" in c for c in cards), cards


def test_a_share_of_which_is_no_card() -> None:
    cards = _cards("Hotel rates rose 4% to $179.10 in 2026. The city's hotels sold just under 6.2 million room nights in "
                   "2026, of which business travellers, whose spending recovered only in the second half, took roughly 35%.")
    assert not any("35%" in c for c in cards), cards


def test_lifting_by_is_a_rise() -> None:
    """"lifting the city's stock by 5.8%": the participle says the way as "lifted" does (was "5.8%", unsigned)."""
    from reportkit.story.keyfigures import display

    doc = _doc("A dozen hotels with 2,140 rooms opened in 2026, lifting the city's stock by 5.8% to just over 39,000 rooms.")
    f = next(f for f in doc.facts if f.text.startswith("5.8"))
    assert display(f, doc).startswith("+")
