"""Which crown a bare "crowns" is.

English news writes five currencies as "crowns" (Swedish, Norwegian, Danish, Czech, Icelandic) and two
as "kroner" (Danish, Norwegian); an article usually names its crown once, by country ("85.2 billion
Norwegian crowns") or by code ("CZK 6,480"), and then writes "crowns". Which one a bare figure is, is
read from the article; when the article does not say, the figure is left out rather than guessed (it
used to be read as Swedish: a Czech sawmill's "2.87 billion crowns" was printed as "2.87B SEK").
"""

from __future__ import annotations

from ..lazyre import lazy
from ..model import Fact
from .patterns import CURRENCY_PHRASES

#: a figure's own currency words: a country's crown, or a bare crown word (group 1 empty)
_WORDS = lazy(r"(?:(Danish|Swedish|Norwegian|Czech|Icelandic)\s+)?(?:crowns|kroner|kronor|korun[ay])\Z")
_BARE = lazy(r"(?:crowns|kroner)\Z")  # "kronor" is Swedish only: a plural no other crown has
#: where an article names a crown: by country, by code, or by a word only one crown has
_NAMED = lazy(r"\b(?:(Danish|Swedish|Norwegian|Czech|Icelandic)\s+(?:crowns?|kroner|kronor|krona|krone|korun[ay])|"
              r"(SEK|NOK|DKK|CZK|ISK)|(kronor|krona)|(korun[ay]))\b")


def _named_crowns(text: str) -> list[tuple[int, str]]:
    """(offset, ISO code) of every place ``text`` names which crown it means."""
    out = []
    for m in _NAMED.finditer(text):
        if m.group(1):
            out.append((m.start(), CURRENCY_PHRASES[m.group(1).lower()]))
        else:
            out.append((m.start(), m.group(2) or ("SEK" if m.group(3) else "CZK")))
    return out


def settle_crowns(facts: list[Fact], text: str) -> None:
    """Give each figure in a bare "crowns" or "kroner" (``facts``, offsets into ``text``) the one crown
    the article named before it, else the one crown it names anywhere; drop it (in place) when the
    article names none, or several ("3.1 billion Danish crowns and 4.2 billion Swedish crowns ...
    900 million crowns": whose?)."""
    bare = [f for f in facts if (m := _WORDS.search(f.text)) and not m.group(1) and _BARE.search(f.text)]
    if not bare:
        return
    named = _named_crowns(text)
    anywhere = {code for _at, code in named}
    unknown = []
    for f in bare:
        before = {code for at, code in named if at < f.start}
        if len(before) == 1:
            f.unit = next(iter(before))
        elif not before and len(anywhere) == 1:
            f.unit = next(iter(anywhere))
        else:
            unknown.append(f)
    if unknown:
        facts[:] = [f for f in facts if all(f is not u for u in unknown)]
