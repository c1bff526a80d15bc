"""Cards that leave out whose or of what, and one label for one value (week 20 at its end: "182M / Passengers,
2026" and "9,870 t / Raw cashmere combed, 2026" in the key figures without whose, "38% / Export value, 2026" of
"the Netherlands took 38% of export value", "214M / Buses" of "buses carried a further 214 million"; week 17:
"9.4M MAD / Council's medina office", "+35% / City council"; week 19: "1.38T PYG / Net sales, 2026" in the key
figures; main's news_eval and week 14: one label on two stories' different values). Texts invented (CC0), one
rule a test."""

from __future__ import annotations

from pathlib import Path

from reportkit.facts import add_facts
from reportkit.layouts.load import load_layout
from reportkit.model import KeyFigure, Story
from reportkit.readers import read_text
from reportkit.story.cardnames import one_value_per_label
from reportkit.story.keyfigures import key_figures
from reportkit.story.stories import build_stories, story_figures
from reportkit.verify.onelabel import label_clashes
from reportkit.verify.printed import read_printed

_CONTENT = Path(__file__).parent.parent / "reportkit" / "layouts" / "default" / "weekly-brief.yaml"


def _doc(body: str, title: str = "Trade notes", name: str = "a.txt"):
    return add_facts(read_text(f"{title}\n\nVELMORA, March 3, 2027 - " + body, name, ".txt"))


def _cards(body: str, count: int = 20) -> list[str]:
    return [f"{k.display} / {k.label}" for k in story_figures(_doc(body), [], [], count=count)]


def _panel(*docs) -> list[str]:
    content = load_layout(_CONTENT).content
    return [f"{k.display} / {k.label}" for k in key_figures(content, list(docs))]


def test_a_panel_card_names_whose_figure_it_is() -> None:
    # "Passengers, 2026" away from its story says of whom nothing; the company's own figure does
    metro = _doc("The metro carried 182 million passengers in 2026, 6.4% more than in 2025. Fares will rise in May.",
                 "Metro fares to rise", "m.txt")
    ferry = _doc("Ostrava Ferries carried 1.46 million passengers in 2026, 8.9% more than in 2025.",
                 "Ostrava Ferries annual review", "f.txt")
    panel = _panel(metro, ferry)
    assert not any(c.endswith("/ Passengers, 2026") for c in panel), panel
    assert any("Ostrava Ferries passengers" in c for c in panel), panel
    # the metro's figure stays a card of its own story, under the headline that says whose
    assert any(c.startswith("182M /") for c in _cards(metro.body_text())), _cards(metro.body_text())


def test_a_sentence_start_capital_is_no_name_but_a_name_inside_a_sentence_is() -> None:
    from reportkit.model import Fact
    from reportkit.story.cardnames import names_whose

    f = Fact(id="x", text="€8.1 billion", value=8.1e9, unit="EUR", source="a.txt", start=0, end=1,
             sentence="Revenue rose 9% to €8.1 billion in the quarter.", measure="revenue")
    assert not names_whose(f, "Revenue, first quarter", f.sentence)
    body = "Exports of Velmoran figs rose. Velmoran growers were paid more."
    assert names_whose(f, "Velmoran fig exports", body)
    # a table header's capital after a row's name reads as no label ("Old Harbour Change in rate")
    assert not names_whose(f, "Old Harbour Change in rate", "Hotel: Old Harbour; Change in rate (%): 4.8")


def test_a_unit_with_an_owner_is_still_no_panel_label() -> None:
    doc = _doc("Makorau Dairy collected 186 million kilograms of milk solids in the fourth quarter, 3% more than a "
               "year earlier.", "Makorau Dairy quarter", "d.txt")
    assert not any(c.endswith("Makorau Dairy kilograms, fourth quarter") for c in _panel(doc)), _panel(doc)


def test_a_share_someone_took_is_no_card_of_the_whole() -> None:
    text = ("Velmora exported 214,600 tonnes of figs in 2026, 16% more than in 2025. The Netherlands took 38% of "
            "export value in 2026 and Spain 21%.")
    assert not any(c.startswith("38% /") for c in _cards(text)), _cards(text)


def test_what_carried_a_count_is_not_what_was_counted() -> None:
    text = "The metro carried 182 million passengers in 2026, and buses carried a further 214 million."
    assert not any(c.startswith("214M /") for c in _cards(text)), _cards(text)


def test_a_trade_s_people_are_no_measure_of_an_amount() -> None:
    text = ("Velmoran exporters shipped 98,400 tonnes of kernels in the first five months of the season, 18% less "
            "than in the same months a year earlier.")
    assert not any(c.endswith("Velmoran exporters") for c in _cards(text)), _cards(text)


def _kf(display: str, label: str, source: str = "a.txt") -> KeyFigure:
    return KeyFigure(display=display, label=label, source=source, fact_id=display)


def test_two_stories_never_print_one_label_for_two_values() -> None:
    first = Story(source="a.txt", headline="A", one_line="", summary=[], figures=[_kf("4.2%", "Services inflation")])
    second = Story(source="b.txt", headline="B", one_line="", summary=[],
                   figures=[_kf("5.7%", "Services inflation", "b.txt"), _kf("+1.0%", "Services inflation", "b.txt")])
    one_value_per_label([], [first, second], lambda kf: None)
    assert [k.display for k in first.figures] == ["4.2%"]
    # the later card of another value is no card when it cannot say whose; a movement is another kind
    assert [k.display for k in second.figures] == ["+1.0%"]
    # said whose, it is a card again
    second.figures = [_kf("5.7%", "Services inflation", "b.txt")]
    one_value_per_label([], [first, second], lambda kf: _kf(kf.display, "Ostmark services inflation", "b.txt"))
    assert [k.label for k in second.figures] == ["Ostmark services inflation"]


def test_build_stories_keeps_one_value_per_label() -> None:
    a = _doc("Revenue rose 9% to €2.35 billion in the fourth quarter. Costs were flat.", "Velmora Mills results", "a.txt")
    b = _doc("Revenue rose 4% to €1.10 billion in the fourth quarter. Orders fell.", "Ostrava Paper results", "b.txt")
    content = load_layout(_CONTENT).content
    seen: dict[str, set[str]] = {}
    for s in build_stories([a, b], content, []):
        for k in s.figures:
            if k.display[:1] not in "+−":
                seen.setdefault(k.label, set()).add(k.display)
    assert all(len(v) == 1 for v in seen.values()), seen


def test_verify_catches_one_label_on_two_values_and_passes_a_movement_beside_its_level() -> None:
    page2 = "Key figures\n182M\nPassengers, 2026\nSource: [S2]\n"
    page4 = "SOURCE S5\n+8.9%\nPassengers, 2026\n1.46M\nPassengers, 2026\n"
    printed = read_printed(page2, "page 2") + read_printed(page4, "page 4")
    clashes = label_clashes(printed)
    assert len(clashes) == 1 and "182M (page 2)" in clashes[0] and "1.46M (page 4)" in clashes[0], clashes
    same = read_printed("182M\nPassengers, 2026\n+6.4%\nPassengers, 2026\nabout 182M\nPassengers, 2026\n", "page 3")
    assert label_clashes(same) == []


def test_an_amount_set_aside_is_no_label_of_what() -> None:
    text = "Darragh said the 310 million euros set aside for evening clinics would cut the waiting list."
    assert not any(c.endswith("set aside") for c in _cards(text)), _cards(text)


def test_a_superlative_alone_is_no_label() -> None:
    from reportkit.model import Fact
    from reportkit.story.labels import figure_label

    f = Fact(id="x", text="45% to 50%", value=45, unit="percent", source="a.txt", start=0, end=1,
             sentence="The steepest rises, of 45% to 50%, fall on the stalls by the gates.", label="Steepest")
    assert figure_label(f, {"the", "steepest", "rises", "of", "fall", "on", "stalls", "by", "gates"}) is None
