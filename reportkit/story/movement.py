"""A key figure's number as printed: its qualifier, a movement's sign, its value with its unit.

A movement ("rose 4.9%", "raised its forecast by 15 million pounds") is printed with its sign
("+4.9%"), a level without one; a range's bounds with their unit, a rate's denominator once at its
end ("$2.40–$2.90/kilogram"). Split out of :mod:`.keyfigures` (which re-exports these names).
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..model import Document, Fact
from ..numbers import exact_digits, format_value, per_label

_RATES = ("percent", "percentage_points")
# A percentage after these words is a movement ("rose 4.9%"), shown with its sign.
_UP = lazy(r"\b(?:rose|rise[sn]?|(?<!make\s)(?<!made\s)(?<!makes\s)(?<!making\s)(?<!take\s)(?<!took\s)(?<!takes\s)up|grew|grow[sn]?|gain(?:ed|s)?|jump(?:ed|s)?|climb(?:ed|s)?|increas(?:ed|es)|"
                 r"surg(?:ed|es)|soar(?:ed|s)|added|expanded|widened|advanced|strengthen(?:ed|s))\s+(?:by\s+)?(?:about\s+|nearly\s+|"
                 r"almost\s+|more\s+than\s+|as\s+much\s+as\s+|only\s+|just\s+)?\Z", re.I)  # "rose only 0.7%"
_DOWN = lazy(r"\b(?:fell|fall[sn]?|down|drop(?:ped|s)?|declin(?:ed|es)|slipp?(?:ed|s)?|lost|los(?:es)|shr[ai]nk|"
                   r"slump(?:ed|s)?|plung(?:ed|es)|tumbl(?:ed|es)|slid|slides|sank|sinks|dipped|dips|eased|narrowed|cut|lower|weaken(?:ed|s))\s+(?:by\s+)?(?:about\s+|"
                   r"nearly\s+|almost\s+|more\s+than\s+|only\s+|just\s+)?\Z", re.I)
_SAID_FIRST = lazy(r"\s[-−+]?[$€£¥]?\d[\d.,]*%?(?:,\s+or|\s+and)\s+(?:about\s+|nearly\s+|almost\s+)?\Z")
_BPS = lazy(r"basis[\s-]points?|\bbps?\b", re.I)
_DECIMALS = lazy(r"\d[\d,]*(?:\.(\d+))?")
# "raised its price cap ... by 1.2 per cent": the verb is further back than the number
_BY = lazy(r"\bby\s+(?:about\s+|nearly\s+|almost\s+|more\s+than\s+)?\Z", re.I)
_UP_VERB = lazy(r"\b(?:raised?|rais(?:es|ing)|lift(?:ed|s|ing)?|increas(?:ed|es|ing)|boost(?:ed|s|ing)?|rose|grew|widened|"
                      r"expanded)\b", re.I)
_DOWN_VERB = lazy(r"\b(?:cut|cuts|cutting|lower(?:ed|s|ing)?|reduc(?:ed|es|ing)|fell|narrowed|shr[ai]nk|trimm?(?:ed|s|ing))\b", re.I)
# A figure followed by the level it moved to ("fell 2 cents to $3.86") is the move itself
_TO_LEVEL = lazy(r"\s+to\s+(?:(?:a|an|about|around|nearly|roughly|almost|record|new|high|low|of)\s+){0,3}"
                       r"[^\s\d]{0,3}\d")
# "the network had lost about 23% of the water it pumped": a share of a whole lost, which is true unsigned
# ("23% / Water lost"); as "−23%" it reads as a fall of 23% (of what, over when?), which it need not be
_LOST = lazy(r"\b(?:lost|loses?|losing)\s+(?:about\s+|nearly\s+|almost\s+|more\s+than\s+|only\s+|just\s+|some\s+)?\Z",
             re.I)
# (of a flow the clause names, "of the water it pumped"; "lost 13.8% of their body weight" is the weight's fall)
_OF_WHOLE = lazy(r"\s+of\s+(?:the|all)\s+(?:[a-z-]+\s+){1,2}?(?:it|they|we|that|which)\s+(?:had\s+)?[a-z]+ed\b", re.I)
# "an increase of 6.8% from the same month last year": a movement named by its noun before the figure
_CHANGE_OF = lazy(r"\b(?:(?P<up>increase|rise|gain|jump|growth)|decline|decrease|fall|drop|reduction|cut)\s+of\s+"
                  r"(?:about\s+|nearly\s+|almost\s+|more\s+than\s+|some\s+)?\Z", re.I)
_CHANGE_AFTER = lazy(r"\s+(?P<d>rise|increase|gain|jump|growth|fall|drop|decline|slump)\b", re.I)
# "6% more than a year earlier", "almost 12% lower than a year ago", "5% up on last year", "11% lower
# in real terms than": a comparison after the figure says which way it went
_MORE_AFTER = lazy(r"\s+(?:(?P<up>more|higher|up|above|greater|larger|bigger|longer|wider|heavier|dearer|costlier)|"
                         r"(?P<down>less|lower|down|below|fewer|smaller|shorter|narrower|lighter|cheaper))\s+"
                         r"(?:(?:[a-z]+\s+){1,3}?than\b|(?:than|from|on|compared|year[- ]on[- ]year)\b)", re.I)
# "9% longer than a year earlier", "12% busier than": a comparison after the figure; one whose way
# _MORE_AFTER cannot tell leaves the figure a difference that a bare label reads as a level
_THAN_AFTER = lazy(r"\s+(?:(?!rather\b|other\b|either\b|neither\b|whether\b)[a-z]{2,}er|more\s+[a-z]+|less\s+[a-z]+)"
                   r"\s+than\b", re.I)


# doc.body_text() joins every block of a document anew; _direction and way_untold ask it for each
# of a document's figures, which made a 10,000-paragraph source cost minutes (quadratic). Kept per
# document while a report is assembled (cleared when key_figures starts: a document is not
# changed meanwhile; stories.py asks way_untold too).
_BODIES: dict[int, tuple[Document, str]] = {}


def clear_bodies() -> None:
    """Forget the joined bodies (a new report's documents: :func:`.keyfigures.key_figures` starts)."""
    _BODIES.clear()


def article_body(doc: Document) -> str:
    """``doc.body_text()``, joined once per document (see :data:`_BODIES`)."""
    hit = _BODIES.get(id(doc))
    if hit is None or hit[0] is not doc:
        if len(_BODIES) >= 256:  # a batch worker or a watch session: only this report's documents
            _BODIES.clear()
        hit = _BODIES[id(doc)] = (doc, doc.body_text())
    return hit[1]


def _direction(f: Fact, doc: Document) -> str:
    """'+' or '−' for a figure that says a movement: a percentage after its verb ("rose
    4.9%"), any figure after "by" and a raising or cutting verb ("raised its forecast by 15
    million pounds"); '' for a level."""
    text = article_body(doc)
    lead = f.start - (len(f.qualifier) + 1 if f.qualifier else 0)
    before = text[max(0, lead - 40) : lead]
    if f.unit not in _RATES:
        if _BY.search(before):
            return _by_verb(text, lead)
        if _TO_LEVEL.match(text, f.end):  # "lost 7-1/4 cents to $5.18-3/4": the move, not the price
            return "+" if _UP.search(before) else "−" if _DOWN.search(before) else ""
        return ""
    # "rose $1.86, or 2.6%", "rose 4.2% and 2.7%, respectively": the verb before the figure said first moves it too
    before = _SAID_FIRST.sub(" ", before)
    if _share_lost(f, doc):
        return ""  # a share lost, not a movement (see _LOST)
    if _UP.search(before):
        return "+"
    if _DOWN.search(before):
        return "−"
    if _BY.search(before):
        sign = _by_verb(text, lead)
        if sign:
            return sign
    m = _CHANGE_OF.search(before)
    if m:
        return "+" if m.group("up") else "−"
    m = _CHANGE_AFTER.match(text, f.end)
    if m:
        return "+" if m.group("d").lower() in ("rise", "increase", "gain", "jump", "growth") else "−"
    m = _MORE_AFTER.match(text, f.end)
    if m:
        return "+" if m.group("up") else "−"
    if text[max(0, f.start - 1) : f.start] == "+" and f.value > 0:
        return "+"  # "a change of +9.0% year on year": the source's own sign
    return ""


# a bound on a number: printed before a fall's minus sign it bounds the wrong way ("lost under 1%"
# is a loss smaller than 1%; "under −1%" reads as a fall of more than 1%)
_BOUNDS = frozenset("under|less than|fewer than|more than|over|at least|at most|up to|no more than|above|below".split("|"))


def _share_lost(f: Fact, doc: Document) -> bool:
    """Whether ``f`` is a percentage written "lost <f> of the/its ...": a share lost (see :data:`_LOST`)."""
    if f.unit not in _RATES:
        return False
    text = article_body(doc)
    lead = f.start - (len(f.qualifier) + 1 if f.qualifier else 0)
    return _LOST.search(text[max(0, lead - 40):lead]) is not None and _OF_WHOLE.match(text, f.end) is not None


def way_untold(f: Fact, doc: Document) -> bool:
    """Whether ``f`` is compared after it ("9% longer than a year earlier", "5% more expensive than")
    in a way its printed sign cannot say: unsigned, a reader takes the difference for a level; or
    it is a fall bounded by "under", "more than" ...: a bound before a minus sign reads inverted."""
    if _share_lost(f, doc):
        return True  # "lost about 23% of the water it pumped": a share lost, whose label must say lost; print less
    if f.qualifier and f.qualifier.lower() in _BOUNDS and not f.range and (f.value < 0 or _direction(f, doc) == "−"):
        return True
    return _THAN_AFTER.match(article_body(doc), f.end) is not None and not _direction(f, doc)


def _by_verb(text: str, lead: int) -> str:
    """The sign of "... raised its price cap by 1.2%": the last raising or cutting verb of the clause."""
    clause = re.split(r"[.;:]", text[max(0, lead - 100) : lead])[-1]
    ups, downs = [m.start() for m in _UP_VERB.finditer(clause)], [m.start() for m in _DOWN_VERB.finditer(clause)]
    if ups or downs:
        return "+" if max(ups or [-1]) > max(downs or [-1]) else "−"
    return ""


def decimals(text: str) -> int:
    """Decimals of the first number in a fact's text ("$169.59 billion" -> 2)."""
    m = _DECIMALS.search(text)
    return len(m.group(1)) if m and m.group(1) else 0


def _value(value: float, f: Fact, digits: int) -> str:
    """One value of ``f`` with its unit; in basis points when the source writes them ("25
    basis points" is "25 bp", not "0.25 pp": what the source says, and verify reads it back)."""
    if f.unit == "percentage_points" and _BPS.search(f.text):
        return f"{round(value * 100, 4):,g} bp"
    return format_value(value, f.unit, f.per, digits)


def display(f: Fact, doc: Document | None = None) -> str:
    """The number as printed: qualifier, sign of a movement, value with unit at the source's
    precision ("almost €6B", "+4.9%", "5.25%", "−25 bp")."""
    # each bound of a range at its own precision: "between 3.5% and 3.75%" is not "3.5%–3.8%"
    digits = max(decimals(f.text), exact_digits(f.value), *(exact_digits(v) for v in f.range or ()))
    if f.range:
        low, high = (_value(v, f, digits) for v in f.range)
        # a rate's denominator once, at the end ("$2.40–$2.90/kilogram"): after each bound it ran the
        # first bound's word into the second's number, a long value a narrow card broke inside a word
        per = f"/{per_label(f.per)}" if f.per else ""
        body = f"{low[: -len(per)] if per and low.endswith(per) else low}–{high}"
    else:
        sign = _direction(f, doc) if doc else ""
        # a movement's sign replaces the number's own; without one, a negative number keeps its minus
        body = _value(abs(f.value) if sign else f.value, f, digits)
        # a negative number is printed with a minus sign, as a movement's is ("-19%" in a table: "−19%")
        body = f"{sign}{body}" if sign else re.sub(r"^-", "−", body)
    return f"{f.qualifier} {body}" if f.qualifier else body


def qualifier_of(f: Fact, shown: str) -> str:
    """The qualifier words that ``shown`` (:func:`display` of ``f``) opens with, for the renderers to
    set smaller than the number ("an average of" / "$187.40"); "" when it has none."""
    return f.qualifier if f.qualifier and shown.startswith(f.qualifier + " ") else ""
