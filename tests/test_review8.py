"""Review 8 of held-out weeks 6 and 7: the misleading items a fresh reader found (general rules)."""

from reportkit.story.quotes import find_in_paragraphs


def _quotes(text: str):
    paras, off = [], 0
    for p in text.split("\n\n"):
        paras.append((off, p))
        off += len(p) + 2
    return [q for q in find_in_paragraphs(paras) if q.kind == "full"]


def test_its_role_carries_the_organisation_its_points_to():
    # "its" is the previous named subject's (the rival consultancy), not the note's own firm
    text = ("We now expect a larger crop.\n\nConsultancy Eastfield is more cautious. It puts the crop lower. "
            "\"The trees look fine from the road,\" its head of research, Maria Lund, said on a call.")
    (q,) = _quotes(text)
    assert q.speaker == "Maria Lund"
    assert q.role == "Consultancy Eastfield's head of research"


def test_its_role_with_no_named_owner_is_not_printed():
    text = "Prices fell sharply this week.\n\n\"It is too early,\" its head of research, Maria Lund, said."
    (q,) = _quotes(text)
    assert q.speaker == "Maria Lund"
    assert q.role is None


# -- a measure of a whole ------------------------------------------------------------------------------

from test_heldout3 import _doc as heldout3_doc  # noqa: E402
from test_labels_period import _panel, _story  # noqa: E402


def test_a_measure_of_a_whole_keeps_its_scope_in_the_label() -> None:
    # "Ticket sales for all films reached about $121 million, up 17% ..." in one film's story
    doc = heldout3_doc("u6_box_office.txt", None, "news_heldout6")
    labels = {**_panel(doc), **_story(doc)}
    for shown, label in labels.items():
        if "121" in shown or "17%" in shown:
            assert label.endswith("icket sales for all films")  # was "Ticket sales" (now "Weekend ticket sales ...")
    assert "Ticket sales" not in labels.values()


def test_a_measure_of_a_whole_the_label_cannot_say_is_not_labelled() -> None:
    from reportkit.facts import extract_facts
    from reportkit.story.scope import with_whole

    text = "Revenue across all stores rose 3% to $2.1 billion."
    f = next(f for f in extract_facts(text, "a.txt", date="2026-12-03") if f.text == "3%")
    assert with_whole(f, "Revenue") == "Revenue across all stores"
    assert with_whole(f, "Revenue, 2025") is None
