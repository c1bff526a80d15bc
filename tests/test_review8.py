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
