"""The card gate (reportkit/story/gate.py): the build never prints a card that ``verify --sources`` would
flag. Week 22 printed "about 3.4B / Transactions, 2027" (a first quarter's figure under the year) and
"148,600 / Public health fund, March 2027" (the words of the appositive that names the fund, not of the
patients waiting), and verify flagged both after the build had printed them. The label checks now live in
the story stage; the story panel and the Key figures block (the deck prints the same cards) ask them of
every card, and verify asks them again of a built file. Texts invented (CC0), one rule a test."""

from __future__ import annotations

from pathlib import Path

from reportkit.facts import add_facts
from reportkit.readers import read_text
from reportkit.story import card_why
from reportkit.story.stories import story_figures

_LAYOUTS = Path(__file__).parent.parent / "layouts"

_QUARTER = ("Instant payments grow in Riverland\n\nVELMORA, April 14, 2027 - Riverland savers sent 212 billion crowns "
            "through the instant bank-transfer system in the first quarter of 2027, 18% more than in the same quarter of "
            "2026, across about 1.9 billion transactions, the central bank said.\n\n"
            "The system handled 6.1 billion transactions in 2026.\n")
_APPOSITIVE = ("Surgery waiting list shrinks in Riverland\n\nVELMORA, April 14, 2027 - The number of patients waiting for "
               "an operation at hospitals run by the Riverland Health Service (RHS), the region's public health fund, fell "
               "to 48,600 at the end of March, down from 53,200 a year earlier, the fund said on Tuesday.\n\n"
               "The fund spent 1.2 billion crowns on extra theatre time.\n")


def _doc(text: str):
    return add_facts(read_text(text, "a.txt", ".txt"))


def _cards(text: str) -> list[str]:
    return [f"{k.display} / {k.label}" for k in story_figures(_doc(text), [], [], count=20)]


def _panel(text: str) -> list[str]:
    from reportkit.layouts import load_layout
    from reportkit.story.keyfigures import key_figures

    content = load_layout(_LAYOUTS / "weekly-brief.yaml").content
    return [f"{k.display} / {k.label}" for k in key_figures(content, [_doc(text)])]


def _fact(doc, text: str):
    return next(f for f in doc.facts if f.text == text)


def test_a_quarters_figure_under_its_year_is_no_card() -> None:
    # since s16-measure's facts/yearpart.py the facts stage dates it to its quarter: a card, if any,
    # says so; never the year's label
    for shown in (_cards(_QUARTER), _panel(_QUARTER)):
        quarter = [c for c in shown if c.startswith("about 1.9B")]
        assert all(c == "about 1.9B / Transactions, first quarter 2027" for c in quarter), shown
    assert "6.1B / Transactions, 2026" in _cards(_QUARTER)  # the year's own figure stays


def test_a_label_of_another_nouns_words_is_no_card() -> None:
    cards = _cards(_APPOSITIVE)
    assert not any(c.startswith("48,600") for c in cards), cards
    assert not any(c.startswith("48,600") for c in _panel(_APPOSITIVE))


def test_the_gate_says_why_as_verify_does() -> None:
    doc = _doc(_QUARTER)
    f = next(g for g in doc.facts if g.value == 1.9e9)
    why = card_why("Transactions, 2027", "about 1.9B", f, doc)
    assert why and "first quarter of 2027" in why, why
    assert card_why("Transactions, first quarter 2027", "about 1.9B", f, doc) is None
    doc = _doc(_APPOSITIVE)
    why = card_why("Public health fund, March 2027", "48,600", _fact(doc, "48,600"), doc)
    assert why and "another noun" in why, why


def test_verify_still_flags_such_a_card_in_a_built_file(tmp_path) -> None:
    """verify keeps the checks: a file made by an older build, or edited, is read back and flagged."""
    from reportkit.verify import load_sources
    from reportkit.verify.labels import label_problems

    (tmp_path / "pay.txt").write_text(_QUARTER, encoding="utf-8")
    (tmp_path / "wait.txt").write_text(_APPOSITIVE, encoding="utf-8")
    index = load_sources([tmp_path])

    def check(value: str, label: str) -> list[str]:
        return label_problems([("page 4", f"Key figures\n{value}\n{label}\n")], index)

    assert any("first quarter of 2027" in p for p in check("about 1.9B", "Transactions, 2027"))
    assert any("another noun" in p for p in check("48,600", "Public health fund, March 2027"))
    assert check("6.1B", "Transactions, 2026") == []


def test_an_amount_for_each_month_is_no_total() -> None:
    """"costs it about 1.1 billion colones a month": the amount is a month's; a label that says no
    "a month" (week 22's "about 1.1B / Colones, 2027") reads as the year's, and the gate takes it out."""
    from reportkit.story import meaning_why

    s = "Overtime already costs the fund about 1.1 billion colones a month, the auditor said."
    a = s.index("1.1")
    b = s.index(" a month")
    assert "a month" in meaning_why("Colones, 2027", "Colones", "about 1.1B", s, a, b, set())
    assert meaning_why("Overtime cost a month, 2027", "Overtime cost a month", "about 1.1B", s, a, b, set()) is None
    assert meaning_why("Monthly overtime cost, 2027", "Monthly overtime cost", "about 1.1B", s, a, b, set()) is None
    s2 = "Sales rose to 4.1 billion crowns, from 3.2 billion a year earlier."
    a2 = s2.index("4.1")
    assert meaning_why("Sales, 2026", "Sales", "4.1B", s2, a2, s2.index(", from"), set()) is None
    b2 = s2.index(" a year")
    assert meaning_why("Sales, 2025", "Sales", "3.2B", s2, s2.index("3.2"), b2, set()) is None  # "a year earlier"


def test_a_time_alone_names_no_measure() -> None:
    """"March alone accounted for ₦117 trillion": "March alone" says when, not what (week 22's card)."""
    from reportkit.story.heads import no_measure

    assert no_measure("March alone") and no_measure("Fourth quarter")
    assert no_measure("March exports") is None


def test_a_count_before_a_preposition_is_not_cut_short() -> None:
    """"teaches about 40 choristers alongside its other pupils": "Choristers" is the whole noun (week 14's
    card, which the gate took out when "alongside" read as the noun going on)."""
    from reportkit.facts import cut_short

    s = "The school teaches about 40 choristers alongside its other pupils."
    assert cut_short(["Choristers"], s) is None
    assert cut_short(["Experimental", "obesity"], "The experimental obesity pill lost 12%.") == "obesity pill"


def test_each_article_is_read_once_and_each_card_asked_once_a_process(monkeypatch):
    """The brief's and the deck's reports are assembled from the same documents: the gate reads an
    article once and answers a card it was asked before from its answer (the same answer); the
    reading goes with its document (no id of a dead document answers for another one)."""
    import gc

    from reportkit.story import gate

    doc = _doc(_QUARTER)
    f = next(g for g in doc.facts if g.value == 1.9e9)
    reads, asked = [], []
    real_article, real_why = gate._Article, gate._card_why
    monkeypatch.setattr(gate, "_Article", lambda d: reads.append(id(d)) or real_article(d))
    monkeypatch.setattr(gate, "_card_why", lambda *a: asked.append(a[0]) or real_why(*a))
    first = card_why("Transactions, 2027", "about 1.9B", f, doc)
    assert first and card_why("Transactions, 2027", "about 1.9B", f, doc) == first
    assert card_why("Transactions, first quarter 2027", "about 1.9B", f, doc) is None
    assert len(reads) == 1 and asked == ["Transactions, 2027", "Transactions, first quarter 2027"]
    key = id(doc)
    assert key in gate._READ
    del doc, f
    other = _doc(_APPOSITIVE)  # the facts stage keeps the last article it dated (facts/partofyear.py)
    card_why("Patients waiting", "48,600", next(g for g in other.facts if g.value == 48600), other)
    gc.collect()
    assert key not in gate._READ and id(other) in gate._READ
