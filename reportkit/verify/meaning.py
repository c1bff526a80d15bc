"""``reportkit verify --sources``, meaning: a label made of its source's words can still say what
the figure is not. The rules are the story stage's (:func:`reportkit.story.fact_why`, which the
build's card gate also asks): here a printed item is checked with them, and a bare count at each
place its article writes it.
"""

from __future__ import annotations

import re

from ..story import fact_why, lead_of, meaning_why, measure_of


def why_not_meant(p, f, s, names: set[str]) -> str | None:
    """Why printed ``p`` (a figure, a chart title or caption) is not what fact ``f``'s sentence ``s``
    (with ``s.at``, where ``f`` starts in it) says; None when it gives no such reason."""
    return fact_why(p.label, p.shown, p.kind, f, s, names)


_BARE_COUNT = re.compile(r"(?:[a-z]+(?:\s[a-z]+)?\s)?(\d[\d,]*)")


def occurrences(p, li, tagged) -> str | None:
    """A bare count that traces to no fact by its printed unit ("41,900", "35"): checked against
    the facts of that value, else each place its article writes the number; None when one of them
    gives no reason against the label (or the number is written nowhere)."""
    m = _BARE_COUNT.fullmatch(p.shown.strip())
    if not m:
        return None
    value = float(m.group(1).replace(",", ""))
    facts = li.facts_of_value(value, derived=False)  # a count as written, not some derivation's inputs
    facts = [f for f in facts if li.doc_of(f) is tagged] or facts
    whys = []
    for f in facts[:40]:
        s = li.sentence_of(f)
        if s is not None:
            why = why_not_meant(p, f, s, li.names(s.doc))
            if why is None:
                return None
            whys.append(why)
    if whys:
        return whys[0]
    written = re.compile(rf"(?<![\d.,]){re.escape(m.group(1))}(?![\d]|[.,]\d)")
    for doc in [tagged] if tagged is not None else li.docs:
        body, sp = li.sentences(doc)
        for hit in list(written.finditer(body))[:20]:
            a0, a1 = next(((x, y) for x, y in sp if x <= hit.start() < y), (0, len(body)))
            sentence = body[a0:a1]
            a, b = hit.start() - a0, hit.end() - a0
            why = meaning_why(p.label, measure_of(p.label), p.shown, sentence, a, b, li.names(doc), p.kind, True,
                              doc.title, lead_of(doc))
            if why is None:
                return None
            whys.append(why)
    return whys[0] if whys else None
