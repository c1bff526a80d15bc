"""Whose a card is, when it is read away from its story, and one label for one value in a brief.

- **A key-figure panel card names whose figure it is.** A story's card stands under its headline; a
  panel card stands alone, so "182M / Passengers, 2026" (the Tbilisi metro's) or "1.38T PYG / Net
  sales, 2026" (one company's) says of whom nothing. A panel label names its fact's subject, or a
  name of its own ("Share of Mexico's natural gas"), or the figure is left to its story
  (:func:`names_whose`): print less, never a guessed owner. Its slot goes to the next figure that
  does name whose.
- **Two cards of one brief never carry one label for different values** ("Services inflation"
  4.2% in one story and 5.7% in another; "Revenue, fourth quarter" in NZD and in CZK). A card whose
  label an earlier card (the panel's, or one of a story printed before) uses for another value says
  whose it is when its fact has a subject, else it is no card (:func:`one_value_per_label`). A movement and its level ("+6.4%" and "182M / Passengers,
  2026") are two kinds of figure and may share a label.
"""

from __future__ import annotations

from collections.abc import Callable

from ..facts import PLACES
from ..lazyre import lazy
from ..model import Fact, KeyFigure, Story

_WORD = lazy(r"[A-Za-z][\w'’&.-]*")


def names_whose(f: Fact, label: str, body: str) -> bool:
    """Whether ``label`` (a panel card's, read away from its story) says whose ``f`` is: it holds the
    fact's subject, or a name: a capitalised word the article ``body`` never writes in lower case
    ("Mexico's"; "Passengers" is no name where the article writes "passengers"; a word that opens a sentence
    only when it is a place or its people's, "Bangladesh", "British"). The
    period after the comma is not looked at ("November" names no one), nor an acronym ("EBITDA").
    A label with a word capitalised after its first that is no name (a table header's "Rent now",
    "Average price" after a row's name) is no label a reader can read: ``False``."""
    head = label.split(",")[0]
    toks = _WORD.findall(head)
    owner = {t.lower() for t in _WORD.findall(f.subject or "")}
    if any(t[:1].isupper() and _lower_after(t) and t.lower() not in owner and not _named(t, body) for t in toks[1:]):
        return False
    if f.subject and f.subject.lower() in head.lower() and f.subject.lower() not in _NO_ONE and _a_name(f.subject, body):
        return True
    return any(t[:1].isupper() and _lower_after(t) and t.lower() not in _NO_ONE and _named(t, body) for t in toks) \
        or bool(toks) and _place(toks[0], body)


def opens_headline(label: str, headline: str) -> bool:
    """Whether ``label`` holds the word its story's headline opens on ("Copper hits record above
    $11,000": "Three-month copper"): a market's price (a commodity's, asked of a price only) has no
    owner to name, and a panel card that says the thing its headline is about reads on its own. A
    word of three letters or fewer ("US", "The") is not looked at."""
    first = _WORD.match(headline.strip())
    if first is None or len(first.group(0)) < 4:
        return False
    word = first.group(0).lower().removesuffix("'s").removesuffix("’s")
    return any(t.lower().removesuffix("'s").removesuffix("’s") == word for t in _WORD.findall(label.split(",")[0]))


def _place(word: str, body: str) -> bool:
    """Whether ``word`` (a label's first, capitalised as every label's is) is a place or its people's
    adjective: a country ("Bangladesh"), or an adjective of one the article never writes in lower case
    ("British", "Mongolian", "Chinese"): a sentence may open on it and never write it again."""
    word = word.removesuffix("'s").removesuffix("’s")
    return word in PLACES or word.endswith(_DEMONYM) and len(word) > 5 and not _common(word, body)


_DEMONYM = ("ian", "ish", "ese")


def _a_name(subject: str, body: str) -> bool:
    """Whether a fact's ``subject`` reads as whose: an acronym ("US", "OPEC+") or a word written as
    names are that the article never writes in lower case (not a table row's "World", nor a unit, "TWh")."""
    toks = _WORD.findall(subject)
    return subject.strip("+ ").isupper() or any(t[:1].isupper() and _lower_after(t) and not _common(t, body)
                                                for t in toks)


def _lower_after(word: str) -> bool:
    """Whether ``word`` is written as a name is, one capital then lower case ("Tbilisi", not "EBITDA", "TWh")."""
    return word[1:] == word[1:].lower() and any(c.isalpha() for c in word[1:])


# a table's last row is named so: no one's; a month is when, not whose ("April late frost")
_NO_ONE = frozenset("""total all overall average january february march april may june july august september
    october november december""".split())


def _whole_words(word: str, body: str):
    """The offsets where ``body`` writes ``word`` (case as given) as a whole word."""
    at = body.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not body[at - 1].isalnum()) and (end >= len(body) or not body[end].isalnum()):
            yield at
        at = body.find(word, end)


def _named(word: str, body: str) -> bool:
    """Whether ``word`` is a name in ``body``: written capitalised inside a sentence (after a word or a
    comma, not at a sentence's start, where every word is capitalised) and never in lower case."""
    if _common(word, body):
        return False
    for at in _whole_words(word, body):
        before = body[max(0, at - 80):at].rstrip(" \t")
        if before and (before[-1].isalnum() or before[-1] in ",("):  # not after a stop, a line's end, a table cell's start
            return True
    return False


def _common(word: str, body: str) -> bool:
    """Whether ``body`` writes ``word`` in lower case as a whole word (a common word, not a name);
    string search, not a pattern per word: this runs for every panel candidate."""
    return next(_whole_words(word.lower().removesuffix("'s").removesuffix("’s"), body), None) is not None


def _kind(kf: KeyFigure) -> str:
    """"move" for a signed figure ("+6.4%"), "level" otherwise: two kinds that may share a label."""
    return "move" if kf.display[len(kf.qualifier):].lstrip()[:1] in "+−-" else "level"


def _key(kf: KeyFigure) -> tuple[str, str]:
    return " ".join(kf.label.lower().split()), _kind(kf)


def one_value_per_label(panel: list[KeyFigure], stories: list[Story],
                        relabel: Callable[[KeyFigure], KeyFigure | None]) -> None:
    """Make every label of ``panel`` and the ``stories``' cards name one value of its kind (in place):
    the panel's cards and, in the stories' order, the first card of a label keep it; a later card
    whose label an earlier one has for another value is ``relabel``-ed (whose it is) or dropped."""
    taken: dict[tuple[str, str], str] = {}
    for kf in panel:
        taken.setdefault(_key(kf), kf.display)
    for story in stories:
        kept = []
        for kf in story.figures:
            if taken.get(_key(kf), kf.display) != kf.display:
                kf = relabel(kf)
                if kf is not None and taken.get(_key(kf), kf.display) != kf.display:
                    kf = None
            if kf is not None:
                taken.setdefault(_key(kf), kf.display)
                kept.append(kf)
        story.figures = kept
