"""The "per" of an amount of money written with a denominator the rate table does not list.

:data:`reportkit.facts.patterns._RATE` reads "$47 a barrel", "£58 per MWh", "$3 a share": units of
trade it knows. A price is also written per a thing of the article's own ("$187.40 a night",
"25 cents a minute", "about 9p a letter", "€268 per 100 kg") or as a part of every unit of money ("53 pence of every
pound spent as prizes"). Printed without it, such an amount reads as a sum ("£0.53"): the reader
of :mod:`.read` keeps its "per" (:func:`money_per`).
"""

from __future__ import annotations

from ..lazyre import lazy
from .label import STOP, VERBS

# "a night in the fourth quarter", "a minute, up from": the noun ends its phrase (a word of the
# stop list, punctuation or the end follows), so "$2 billion a new record high" is not a rate; not
# after "each": "€5 each" is already per item, and the word after it is no denominator ("each abroad")
_A_NOUN = lazy(r"\ (?:a|an|per)\ (?P<noun>[a-z]{3,})(?=[,.;:)]|\s+(?P<next>[a-z]+)\b|\s*\Z)")
# a time after a thing's "per": "per kilowatt per month", "a seat a night"
_THEN_TIME = lazy(r"\ (?:a|an|per)\ (?P<t>day|week|month|year|night)\b")
# "53 pence of every pound", "12 cents in every dollar": a part of each unit of money (the end stays put)
_OF_EVERY = lazy(r"\ (?:out\ )?(?:of|in)\ (?:every|each)\ (?P<noun>[a-z]{3,})\b")
# "€268 per 100 kg", "12 beds per 1,000 people": a denominator with a number of its own; printed
# without it the amount reads as a price of one kilogram, or a sum
_PER_NUMBER = lazy(r"\ (?:a|per)\ (?P<noun>\d{1,3}(?:,\d{3})*\ ?[a-z]{2,})\b(?![.,]?\d)")
# words after "a" that are no thing counted ("$2 billion a record", "a further", "a third of")
_NOT_NOUNS = frozenset("""lot few little bit number record total result further fresh new high low half third
    quarter fifth tenth""".split())


def money_per(text: str, end: int) -> tuple[str, int] | None:
    """``(per, new end)`` for an amount of money ending at ``end`` in ``text`` that is written per a
    thing ("a night": the end moves past it) or as a part of every unit ("of every pound": the end
    stays put); ``None`` when neither follows."""
    m = _PER_NUMBER.match(text, end)
    if m and m.group("noun").split()[-1].lstrip("0123456789,") not in STOP | VERBS:
        return m.group("noun"), m.end("noun")
    m = _A_NOUN.match(text, end)
    if m and m.group("noun") not in STOP | VERBS | _NOT_NOUNS and not m.group("noun").endswith(("ly", "ing", "ed")) \
            and (m.group("next") is None or m.group("next") in STOP):
        then = _THEN_TIME.match(text, m.end("noun"))
        if then:  # "€152 per kilowatt per month": the second "per" is part of the price's basis
            return f"{m.group('noun')}_per_{then.group('t')}", then.end()
        return m.group("noun"), m.end("noun")
    m = _OF_EVERY.match(text, end)
    return (m.group("noun"), end) if m else None


# "16.5 tonnes per hectare", "3.2 tonnes an acre": an amount of a good per a thing (an area, a head, a
# stall), a yield or an intensity; printed without it the figure reads as a total
_AREA = r"hectare|acre|feddan|square\ (?:metre|meter|foot|kilometre|kilometer|mile)"
_MEASURE_PER = lazy(rf"\ (?:(?:a|an|per)\ (?P<area>{_AREA})\b|per\ (?P<noun>[a-z]{{3,}})\b)")


def measure_per(text: str, end: int) -> tuple[str, int] | None:
    """``(per, new end)`` for an amount of a good ("16.5 tonnes") ending at ``end`` in ``text`` that is
    written per an area ("per hectare", "an acre") or per a thing ("per stall"); ``None`` otherwise."""
    m = _MEASURE_PER.match(text, end)
    if m is None:
        return None
    noun = m.group("area") or m.group("noun")
    if m.group("noun") and (noun in STOP or noun in VERBS or noun in _NOT_NOUNS or noun.endswith(("ly", "ing", "ed"))):
        return None
    return noun.replace(" ", "_"), m.end()

