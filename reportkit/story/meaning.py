"""Label checks, meaning (the card gate, :mod:`.gate`, and ``verify --sources``): a label made of its source's words can still say what
the figure is not. General rules read from the figure's own sentence in the source (never from
the build's record), each a reason a source occurrence of the number does not support the label:

- :mod:`.whose` — **whole** ("19 of the 35 seats"), **split** (one side of "a vote of 11 to 4"),
  **respectively** (the label names none, both or the other of "A and B … respectively"),
  **another noun's words** (an appositive's or a relative clause's noun, or its verb), **counted
  noun** ("more than 16,000 *people*" missing its noun), **a subordinate clause's object** ("…, after
  the lender set aside 412 million euros" labelled with the main clause's "Net profit");
- :mod:`.heads` — **no measure** (number words or determiners only: "Two", "Rest"), **a phrase's
  object** ("Region" of "the price in our region"), **subject and verb** ("Fund wrote");
- :mod:`.notfact` — **not a fact**: a condition, a hypothesis, a proposal or a forecast ("if",
  "would", "is expected to", "a forecast of …") under a label that does not say so;
- :mod:`.amounts` — **difference** ("$3 million *more*", "9% *longer than*" printed unsigned as a
  level), **bound** ("more than" for "no more than"), **trailing change** ("delivered 1.79 million
  vehicles in 2024, down 1.1%" is the vehicles', not the maker's), **to a date** ("up to Dec. 27"
  printed under a year).

:mod:`.clauses` finds the clause that holds a figure. Here: the order the rules are asked in, the
label's measure (its period left out), and a bare count checked at each place its article writes it.
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from .amounts import bound, difference, per_time, to_date, trailing_change
from .cardmeasure import lead_of, measure_why
from .cardwhat import what_why
from .clauses import NUMBER, cached_words
from .heads import no_measure, phrase_object, subject_verb
from .notfact import not_fact
from .stems import stem as _stem
from .whose import another_nouns, counted_noun, one_side, respectively, subordinate_object, whole


def meaning_why(label: str, what: str, shown: str, sentence: str, a: int, b: int, names: set[str],
                kind: str = "figure", count: bool = False, headline: str = "", lead: str = "") -> str | None:
    """Why the number at ``sentence[a:b]`` is not what ``label`` (its measure ``what``, period
    left out) says it is; None when its sentence gives no such reason. ``count`` when the printed
    figure is a bare count (its noun is the label's to name); ``headline``, the story's; ``lead``, the
    opening of its article (whom the story is about, :func:`.cardmeasure.lead_of`)."""
    label_words = cached_words(what) - {"and", "of", "the"}
    label_names = [_stem(w) for w in re.findall(r"[A-Za-z][\w'’-]*", what) if w[:1].isupper()]
    common = label_words - names
    heads = no_measure(what) or phrase_object(what, sentence, a) or subject_verb(what, sentence, a)
    if kind != "figure":
        return not_fact(label_words, sentence, a, b) or heads or subordinate_object(common, sentence, a)
    return heads or what_why(what, shown, sentence, a, b, count, label) \
        or (whole(sentence, a) if count else None) or one_side(sentence, a, b, shown) \
        or not_fact(label_words, sentence, a, b) or respectively(label_names, sentence, a) \
        or another_nouns(common, what, sentence, a, headline) or subordinate_object(common, sentence, a) \
        or (counted_noun(label_words, sentence, a) if count else None) \
        or difference(label_words, sentence, a, b, shown) or bound(shown, sentence, a) \
        or trailing_change(label_words, sentence, a) or to_date(label, sentence, b) or per_time(label, shown, sentence, b) \
        or measure_why(what, shown, sentence, a, b, headline, lead, count)


_PERIOD_TAIL = lazy(r",\s*[^,]*(?:\b(?:19|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|"
                          r"September|October|November|December)\b|\b(?:quarter|half|fiscal|year|month|week)\b|"
                          r"\b[QH][1-4]\b)[^,]*$")


def measure_of(label: str) -> str:
    """The label without its period ("Qinglan Auto vehicles, November 2026" -> "Qinglan Auto vehicles")."""
    return _PERIOD_TAIL.sub("", label).strip()


def figure_span(sentence: str, at: int, text: str) -> tuple[int, int]:
    """(start of the number, end of the quantity) of a fact written ``text`` at ``at`` in ``sentence``."""
    if at < 0 or sentence[at:at + len(text)] != text:
        at = sentence.find(text)
    if at < 0:
        return -1, -1
    num = NUMBER.search(text)
    return at + (num.start() if num else 0), at + len(text)


def fact_why(label: str, shown: str, kind: str, f, s, names: set[str]) -> str | None:
    """Why ``label`` printed with ``shown`` (a figure, a chart title or caption: ``kind``) is not what
    fact ``f``'s sentence ``s`` (a :class:`.cardsentence.Sentence`, with ``s.at`` where ``f`` starts in
    it) says; None when it gives no such reason."""
    if kind not in ("figure", "chart title", "caption"):
        return None
    a, b = figure_span(s.text, s.at, f.text)
    if a < 0:
        return None
    count = f.unit == "count" and not re.search(r"[%$€£¥]", shown)
    return meaning_why(label, measure_of(label), shown, s.text, a, b, names, kind, count, s.doc.title,
                       lead_of(s.doc))
