"""What an automatic chart of one sentence's figures keeps of that sentence: whose, per what, and its caveat.

A trend drawn from "Revenue for the quarter rose to GH₵ 612 million from GH₵ 498 million ...,
although most of the gain came from a weaker cedi" titled "Revenue" and captioned with its bars
alone says neither whose revenue it is nor what the article says of the rise. So:

- **whose** (:func:`owner`): a trend or change whose figures name no subject takes the one the
  article's headline and first named figure are about ("Nkabom Shea Industries" of "Ghana's Nkabom
  Shea crushes more nuts"), when the figures' sentences name no one else before them and do not
  point back ("Its", "Their": whose, the sentence before says). Else no owner is printed (never a
  guess);
- **per what** (:func:`per_words`): "38 million viewers a match" is an average per match, not the
  month's total: the words "a match" (after a figure the facts stage read with no "per") stay with
  the measure ("Viewers a match"), in the title, the caption and the bars' series name;
- **its caveat** (:func:`with_caveat`): a concessive clause that follows the figures in their
  sentence ("although most of the gain came from a weaker cedi") is what the article says the rise
  is worth; the caption keeps it, in the source's words. One that holds a number the chart does
  not draw cannot be printed with it: then no caption (print less).
"""

from __future__ import annotations

import re

from ..facts import figure_at
from ..lazyre import lazy
from ..model import Fact
from .coherent import key, subject_of
from .tabled import table_of

# "a match", "per visitor", "each episode" right after a figure: what one figure counts per
_PER = lazy(r"\s+(?:a|an|per|each)\s+(?P<noun>[a-z]+)\b")
# a time after a figure is its period or its rate's, which the facts stage reads ("a year earlier")
_TIME_NOUNS = frozenset("year years month months week weeks day days quarter quarters half hour hours "
                        "minute minutes decade season record".split())
# a clause that concedes something about what the sentence states
_CAVEAT = lazy(r",\s*(?P<clause>(?:although|though|even\s+though|albeit|despite)\b[^.;:!?]*)", re.I)
_POINTS_BACK = frozenset("it its they their this these".split())
_MONTHS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())


def _names_no_one(facts: list[Fact], owner: str, measure: str) -> bool:
    """Whether each sentence of ``facts`` names no one but ``owner`` (a capitalised word after its
    first: "..., ShopScan said" is ShopScan's figure; not a month, a currency before a number ("Rs
    3.6"), a bracketed abbreviation or a word of the measure) and does not point back to the
    sentence before ("Its revenue": whose, that sentence says)."""
    mine = set(owner.split()) | set(measure.split())
    for sentence in {f.sentence for f in facts}:
        words = sentence.split()
        if not words or words[0].strip("\"“'‘").lower() in _POINTS_BACK:
            return False
        for word, after in zip(words[1:], words[2:] + [""]):
            bare = word.rstrip(".,;:'’")
            if (bare[:1].isupper() and bare.isalpha() and bare not in mine and bare.lower()[:3] not in _MONTHS
                    and not after[:1].isdigit()):
                return False
    return True


def _a_name(word: str, doc) -> bool:
    """Whether the article writes ``word`` capitalised inside a sentence (not as its first word) or
    inside a sentence-case headline: a name, whose, wherever it is written (as ``verify`` reads
    names); a word written capitalised only where a sentence starts may be any word."""
    inside = re.search(rf"[^\s.!?][^\S\n]+{re.escape(word)}(?![\w-])", doc.body_text())  # a line starts a sentence
    title = (doc.title or "").split()
    headline = sum(1 for t in title if t[:1].islower()) >= len(title) / 3 and word in title[1:]
    return inside is not None or headline


def owner(c) -> str:
    """Whose the figures of a trend or change with no subject are, when the article says for
    certain (see the module docstring); "" otherwise. A table's rows are not read so."""
    if c.subject or c.kind not in ("trend", "change") or any(table_of(f) for f in c.facts):
        return c.subject
    headline = set(key(c.doc.title or "").split())
    first = next((s for f in sorted(c.doc.facts, key=lambda f: f.start) if (s := subject_of(f))), "")
    words = first.split()
    if not words or not all(w[:1].isupper() for w in words) or key(words[0]) not in headline:
        return ""
    if not _names_no_one(c.facts, first, c.measure):
        return ""
    if not all(_a_name(w, c.doc) for w in words) and not _opens_headline(words, c.doc):
        return ""
    return first


def _opens_headline(words: list[str], doc) -> bool:
    """Whether a sentence-case headline opens with the name's first two words, both capitalised
    ("Makorau Dairy collects less milk ..." of "Makorau Dairy Co-operative"): its second word is
    capitalised where only names are, and the first is of the same name, though the article
    writes it only where a sentence starts ("Makorau raised its forecast")."""
    title = [w.removesuffix("'s").removesuffix("’s") for w in (doc.title or "").split()]
    lower = sum(1 for t in title if t[:1].islower())
    return (len(words) >= 2 and len(title) > 2 and lower >= len(title) / 3 and title[:2] == words[:2]
            and all(w[:1].isupper() for w in words[:2]))


def per_words(c) -> str:
    """" a match" when a figure of ``c`` is written "38 million viewers a match" and its fact has
    no "per" (so its measure would read as a total); "" otherwise."""
    for f in c.facts:
        at = figure_at(f)
        m = _PER.match(f.sentence, at + len(f.text)) if at >= 0 and not f.per else None
        if m and m.group("noun") not in _TIME_NOUNS:
            return m.group(0).rstrip()
    return ""


def caveat(c) -> str | None:
    """The concessive clause ("although most of the gain came from a weaker cedi") right after the
    last figure of ``c`` in its sentence, as written; None when there is none."""
    last = max(c.facts, key=lambda f: (f.start, f.end))
    at = figure_at(last)
    if at < 0:
        return None
    m = _CAVEAT.search(last.sentence, at + len(last.text))
    return " ".join(m.group("clause").split()).rstrip(" ,") if m else None


def with_caveat(c, caption: str | None) -> str | None:
    """``caption`` with its figures' caveat kept (", although ..."); None when the caveat holds a
    number (it is another figure's, not the chart's: print less)."""
    said = caveat(c)
    if caption is None or said is None:
        return caption
    if any(ch.isdigit() for ch in said):
        return None
    return f"{caption.rstrip('.')}, {said}."
