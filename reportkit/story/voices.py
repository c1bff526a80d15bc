"""A story's second quote: another side's voice, printed under the first in the brief.

A story prints its best quote (:func:`.quotes.best_quote`). A second one earns its lines only when
it says what the first cannot: the view of another party to the story (the dockers' union beside
the employers, an industry association beside the company, an analyst beside the chief
executive). So a second quote is printed when its speaker

* is named in full (a first and a last name: a bare surname may be a misread, "Arx" of "von Arx"),
  and has a role in the source's words (a reader must know who speaks, and for whom);
* speaks for a different body than the first speaker: the bodies their roles name share no word,
  and a role naming no body ("managing director") speaks for the article's own subject, so two
  such roles (the mayor and her finance director) are one side and give no second quote;

and the quote is a full one of :data:`MIN_WORDS`-:data:`MAX_WORDS` words, so the page pays three or
four lines for it at most; and at most :data:`PER_BRIEF` stories of a brief, the most salient, print
one. Otherwise the story keeps one quote (when unsure, print less).
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..model import Document, Quote
from .quotes import add_quotes, best_quote, named, printable_quotes, quote_score
from .roles import role_body
from .wholequote import printed_forms

#: a second quote's length in words: a short one says little on its own, a long one costs a page's lines
#: (a whole sentence of six or seven words says a side's view: "Nobody asked the people on the bus.")
MIN_WORDS, MAX_WORDS = 6, 40
#: second quotes a brief prints at most, for its most salient stories: a brief stays a brief (a week
#: of ten quote-rich stories printed nine and ran to seven pages)
PER_BRIEF = 3

_WORD = lazy(r"[^\W\d_]{3,}")


def _side(role: str | None, text: str, headline: str = "") -> frozenset[str] | None:
    """The words of the body ``role`` speaks for; empty for the article's own subject; ``None`` when
    unsure: a single word that opens the role and that the article also writes in lower case is a
    common noun, not a name ("Party leader" says no whose party). A body named by what it is ("the
    national vanilla council") is the article's own subject when the ``headline`` names that kind of
    body ("Council raises fares")."""
    body = role_body(role)
    if body and body[:1].islower() and body.split()[-1].lower() in headline.lower().split():
        return frozenset()
    words = frozenset(w.lower() for w in _WORD.findall(body or "") if w.lower() != "the")
    # (a one-word body is rare: the article's words are read only then)
    if len(words) == 1 and (role or "").startswith(body or "") and next(iter(words)) in _WORD.findall(text):
        return None
    return words


def named_in_full(speaker: str | None) -> bool:
    """Whether ``speaker`` is a first and a last name (at least two words, the first capitalised)."""
    words = (speaker or "").split()
    return len(words) >= 2 and words[0][:1].isupper()


def second_voice(quotes: list[Quote], first: Quote | None, headline: str, text: str) -> Quote | None:
    """The quote a story prints after ``first`` (see the module docstring), or ``None``; ``text``
    is the article's body (where a role's one-word body is looked up in lower case)."""
    if first is None or not first.speaker:
        return None
    mine = _side(first.role, text, headline)
    if mine is None:
        return None
    topic = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", headline)}
    found = []
    for q in printed_forms(quotes):
        n = len(q.display.split())
        if (q.kind != "full" or not named(q) or not named_in_full(q.speaker) or not (q.role or "").strip()
                or q.speaker == first.speaker or not MIN_WORDS <= n <= MAX_WORDS):
            continue
        side = _side(q.role, text, headline)
        if side is None or side == mine or (side & mine):
            continue  # the same body's voice (or both the subject's): it adds no other view
        found.append(q)
    found.sort(key=lambda q: (-quote_score(q, topic), q.start))
    return found[0] if found else None


def keep_second_quotes(stories: list, limit: int = PER_BRIEF) -> None:
    """Leave a second quote (``Story.second_quote``) on the first ``limit`` stories that have one
    (``stories`` most salient first) and take it off the rest."""
    kept = 0
    for story in stories:
        if story.second_quote is not None:
            if kept >= limit:
                story.second_quote = None
            kept += 1


def with_second_voices(quotes: list[tuple[str, Quote]], stories: list, limit: int) -> list[tuple[str, Quote]]:
    """A deck's quotes (``(source, quote)``, one a story, best first) with the stories' second quotes
    (another side's voice, :func:`second_voice`) set right after their story's own, most salient
    story first, while fewer than ``limit`` are shown: a story the brief quotes on both sides is not
    one-sided on the deck when the deck has room (a story's first quote keeps its place before any
    other story's second)."""
    out = list(quotes[:limit])
    for story in stories:
        second = story.second_quote
        if len(out) >= limit:
            break
        if second is None or any(q.speaker == second.speaker for _s, q in out):
            continue
        at = next((k for k, (src, _q) in enumerate(out) if src == story.source), None)
        if at is not None:
            out.insert(at + 1, (story.source, second))
    return out


def story_voices(doc: Document) -> tuple[Quote | None, Quote | None]:
    """The quote a story of ``doc`` prints and its second quote, another side's voice (before a brief's
    :data:`PER_BRIEF` limit), picked as :func:`.stories.build_story` picks them; ``doc``'s quotes are
    found first when it has none (verify reads its sources without the story stage)."""
    if not doc.quotes:
        add_quotes(doc)
    printable = printable_quotes(doc)
    first = best_quote(printable, doc.title)
    return first, second_voice(printable, first, doc.title, doc.body_text())
