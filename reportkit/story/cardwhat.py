"""Label checks, what a card measures (the card gate, :mod:`.gate`, and ``verify --sources``, through
:func:`.meaning.meaning_why`): a label made of its source's words can still say whose a figure is,
or what someone did, and not what is counted or priced.

- **people priced**: a money amount under a people noun ("30,000 RWF / Rwandan citizens" of "Rwandan
  citizens pay RWF 30,000", "95,000 CRC/hour / Surgeons"): what they pay or are paid, the label does not say;
  a change under people who earned, paid, spent it ("−3% / Mongolia herders" of "Herders earned ..., down 3%");
- **a subject alone**: "about 1,600 t / Smaller rival Khangai Cashmere" of "... Khangai Cashmere washed about
  1,600 tonnes": who did it, not what;
- **a verb phrase**: "14.50 ZMW / Sells chicks" (of "sells chicks at ZMW 14.50 each"): a clause, no measure;
- **people alone**: a count labelled only "People" ("employs 1,240 people"): whom, not what (staff, visitors?);
- **a rate a year**: "about 7.25% / Car loan" of "a car loan costs about 7.25% a year": a rate, which a
  label of a thing does not say (read as a 7.25% rise in car loans);
- **volume, not value**: "−4.2% / Armenia brandy exported" of "exported 6.8 million litres ..., 4.2% less":
  the change of a quantity in litres or tonnes, read as the change in the exports' value unless the label
  says it is of the volume;
- **a name clipped**: "Pacífico Sur anchovy processed" of "Harinas del Pacífico Sur ...": the label's name is
  the tail of a longer one (after "del", "de", "of" ...), so it names another body, or none;
- **a base year**: "−38% / Net profit, 2026" of "down 38% on the same quarter of 2026": the year compared with.

Each rule reads only the printed label and figure and the figure's own sentence, so verify can ask it
of an older build's output too.
"""

from __future__ import annotations

import re

from ..lazyre import lazy

# people nouns: a money amount under one says who pays or is paid, not what for
_PEOPLE = frozenset("""people persons citizens residents nationals foreigners visitors tourists travellers
    travelers passengers patients workers employees staff surgeons doctors nurses teachers students pupils
    pensioners retirees farmers farms growers herders fishers fishermen miners drivers households consumers customers buyers sellers
    tenants owners homeowners borrowers savers investors members families children adults women men""".split())
# a money amount as printed: a currency code or sign
_MONEY = lazy(r"[$€£¥₹₩₦₡֏]|\b[A-Z]{3}\b")
# a label's first word that is a verb in the present tense ("Sells chicks", "Pays", "Costs")
# (only forms that are no noun too: "Pay rise", "Costs", "Charges", "Offers" name measures)
_VERB_FIRST = frozenset("sells pays earns employs buys spends makes gets takes gives".split())
# a generic people word, the whole of a count's label: whom, not what
_GENERIC = frozenset("people persons individuals".split())
# "7.25% a year": a rate for a time
_RATE_TIME = lazy(r"[\d.,]+\s*(?:%|per\s*cent|percent)\s*(?:(?:a|per|each)\s+(?:year|annum|month)\b|annually\b|yearly\b)",
                  re.I)
_RATE_WORDS = frozenset("""rate rates interest yield yields coupon return returns growth inflation apr cost costs
    premium premiums charge fee fees""".split())
# a quantity of goods: the unit words of a volume
_VOLUME_UNIT = lazy(r"\d(?:[\d.,]*)(?:\s+(?:thousand|million|billion))?\s+(?:metric\s+)?(?:tonnes|tons|litres|liters|"
                    r"hectolitres|barrels|kilograms|kilogrammes|kg|bags|bales|sacks|gallons|cubic\s+metres|"
                    r"bottles|cases|units|head)\b", re.I)
_VOLUME_WORDS = frozenset("""volume volumes tonnes tons litres liters hectolitres barrels kilograms bags bales sacks
    gallons bottles cases units quantity quantities tonnage""".split())
# trade, whose change a reader takes as of its value unless told ("exports −4.2%"); output and production
# are read as quantities ("Desalinated water produced, +6.3%" of cubic metres says what it is)
_TRADE = frozenset("""export exports exported import imports imported sold sales sell shipped shipments shipment
    traded trade""".split())
_YEAR_OR_DATE = lazy(r"\b(?:19|20)\d\d\b")
# particles inside a proper name ("Harinas del Pacífico Sur", "Bank of Kigali" is a name before "of" too)
_NAME_TAIL = lazy(r"[A-ZÀ-Ý][\w'’.-]*\s+(?:del|de|de\s+la|da|do|dos|das|di|du|la|le|van|von|der|den|al|el|bin|ibn|y)"
                  r"\s+\Z")
_SIGNED = lazy(r"[+−-]\s*\d")
_FIGURE = lazy(r"\d[\d.,]*")
_NAME_START = lazy(r"(?:[A-ZÀ-Ý][\w'’.-]*\s+){0,3}[A-ZÀ-Ý][\w'’.-]*")
_WORD = lazy(r"[A-Za-zÀ-ÿ][\w'’-]*")


def _head(what: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(what)]


# what people did to an amount ("Herders earned about MNT 1.16 trillion ..., down 3%"), not how many they were
_DID = lazy(r"\s+(?!(?:rose|fell|grew|increased|decreased|declined|dropped|climbed|jumped|numbered|totalled)\b)"
            r"(?:[a-z]{3,}ed|paid|spent|sent|sold|bought|got|made|took)\b")


def people_priced(what: str, shown: str, sentence: str = "") -> str | None:
    """Why a money amount is printed under a people noun: whose, not what (the price or the pay); or a
    percentage under people the sentence says earned, paid, spent ... (the change is of that amount)."""
    toks = _head(what)
    if not toks or toks[-1] not in _PEOPLE:
        return None
    if _MONEY.search(shown):
        return f"an amount under {toks[-1]!r}: whose, not what it is (a price, a pay?)"
    low = sentence.lower()
    at = low.find(toks[-1])
    while "%" in shown and at >= 0:
        if _DID.match(low, at + len(toks[-1])):
            return f"a change under {toks[-1]!r}, who {_DID.match(low, at + len(toks[-1])).group(0).strip()} it: whose, not what"
        at = low.find(toks[-1], at + 1)
    return None


# between a verb and its object's number: a bound or an approximation, nothing else
_TO_NUMBER = lazy(r"\s*(?:(?:about|around|nearly|almost|some|roughly|more\s+than|over|under|just|only)\s+)?[^\s\w]?\Z", re.I)


def subject_alone(what: str, sentence: str, a: int) -> str | None:
    """Why a label that ends on a name written as the subject of the verb whose object is the figure
    ("Smaller rival Khangai Cashmere" of "Its smaller rival Khangai Cashmere washed about 1,600 tonnes")
    says who did it, not what (what was washed, the label does not say)."""
    toks = _WORD.findall(what)
    if not toks or not toks[-1][:1].isupper() or len(toks) < 2:
        return None
    last = toks[-1]
    at = sentence.find(last)
    while 0 <= at < a:
        verb = _DID.match(sentence, at + len(last))
        if verb and verb.end() <= a and _TO_NUMBER.match(sentence[verb.end():a]):
            return f"the subject of {verb.group(0).strip()!r} alone: who, not what"
        at = sentence.find(last, at + 1)
    return None


def verb_phrase(what: str) -> str | None:
    """Why a label that starts with a verb in the present tense ("Sells chicks") names no measure."""
    toks = _head(what)
    if toks and toks[0] in _VERB_FIRST:
        return f"a verb phrase ({what!r}), not a measure"
    return None


def people_alone(what: str, count: bool) -> str | None:
    """Why a bare count under only "People" says whom, not what they are (staff, visitors, residents?)."""
    toks = _head(what)
    if count and toks and all(t in _GENERIC for t in toks):
        return f"a count of {what!r}: whom, not what"
    return None


def rate_untold(what: str, shown: str, sentence: str, a: int) -> str | None:
    """Why an unsigned percentage the sentence gives for a year ("costs about 7.25% a year") is printed
    under a label of a thing that does not say it is a rate."""
    if "%" not in shown or _SIGNED.search(shown) or not _RATE_TIME.match(sentence, a):
        return None
    if set(_head(what)) & _RATE_WORDS:
        return None
    return f"a rate ({_RATE_TIME.match(sentence, a).group(0)!r}) under a label that does not say so"


def volume_untold(what: str, shown: str, sentence: str, a: int) -> str | None:
    """Why a signed percentage whose sentence gives the quantity it changes in a unit of volume
    ("exported 6.8 million litres ..., 4.2% less") is printed under a label that does not say volume:
    the change of the litres, read as the change of the exports' value. Only a label of trade (exports,
    sales, shipments): a label of output ("water produced") is read as a quantity."""
    toks = set(_head(what))
    if "%" not in shown or not _SIGNED.search(shown) or toks & _VOLUME_WORDS or not toks & _TRADE:
        return None
    before = sentence[:a]
    figures = [m for m in _FIGURE.finditer(before) if not _YEAR_OR_DATE.fullmatch(m.group(0).rstrip(".,"))]
    if not figures:
        return None
    last = figures[-1]
    if _VOLUME_UNIT.match(before, last.start()):
        return f"the change of a volume ({_VOLUME_UNIT.match(before, last.start()).group(0)!r}); the label does not say so"
    return None


def name_clipped(what: str, sentence: str) -> str | None:
    """Why a label's opening name is the tail of a longer one in its sentence ("Pacífico Sur" of "Harinas
    del Pacífico Sur"): every place the sentence writes it follows a name and a particle."""
    m = _NAME_START.match(what)
    if m is None:
        return None
    name = m.group(0)
    found, at = [], sentence.find(name)
    while at >= 0:  # every place it is written as a whole word (str.find: no pattern made per label)
        end = at + len(name)
        if not (at and (sentence[at - 1].isalnum() or sentence[at - 1] in "'’-")) \
                and not (end < len(sentence) and (sentence[end].isalnum() or sentence[end] in "'’-")):
            found.append(at)
        at = sentence.find(name, at + 1)
    if found and all(_NAME_TAIL.search(sentence, max(0, at - 40), at) for at in found):
        return f"the name {name!r} is clipped from a longer one in its sentence"
    return None


# "down 38% on the same quarter of 2026": the year a change is measured from, not the change's own
_BASE_YEAR = lazy(r"\b(?:on|than|from|over|against|with)\s+(?:the\s+)?(?:same\s+)?(?:quarter|month|period|half|week|"
                  r"season|time)\s+(?:of|in|a\s+year\s+earlier\s+in)\s+((?:19|20)\d\d)\b", re.I)
_LABEL_YEAR = lazy(r",[^,]*\b((?:19|20)\d\d)\b[^,]*\Z")


def base_year(label: str, sentence: str, b: int) -> str | None:
    """Why a change dated in its label by the year it is compared with ("−38% / Net profit, 2026" of "down
    38% on the same quarter of 2026") is printed under that year: the change is of the later period."""
    y = _LABEL_YEAR.search(label)
    if y is None:
        return None
    after = [m.group(1) for m in _BASE_YEAR.finditer(sentence, b)]
    said = sentence.count(y.group(1))
    if after and y.group(1) in after and said == after.count(y.group(1)):
        return f"{y.group(1)} is the year it is compared with, not the change's own"
    return None


# a count's noun joined to another ("5,840 new cars and light vans in the first quarter"): the count is of both
# (a plural noun, then a preposition or a stop: "and aims to certify", "and up to 1,200" are no second noun)
_JOINED = lazy(r"\s+(?:and|or)\s+((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*s)(?=\s+(?:in|at|on|from|during|for|last|this|"
               r"over|across|by|between)\b|\s*[,.;:)]|\s*\Z)")


# a count's number and its noun's words, before the change of it ("5,840 new cars and light vans ..., 7.4% more")
_COUNT_NOUN = lazy(r"\d[\d.,]*(?:\s+(?:thousand|million|billion))?(?:\s+[a-z][a-z-]*){1,3}?(?=\s+(?:and|or)\s)")


def part_counted(what: str, shown: str, sentence: str, a: int, b: int, count: bool) -> str | None:
    """Why a bare count whose sentence joins its noun to another ("registered 5,840 new cars and light vans")
    is printed under a label that names only the first: the count is of both; so is the change of that
    count later in the sentence ("..., 7.4% more than")."""
    m = _JOINED.match(sentence, b) if count else None
    if m is None and "%" in shown and _SIGNED.search(shown):
        figures = [g for g in _FIGURE.finditer(sentence, 0, a) if not _YEAR_OR_DATE.fullmatch(g.group(0).rstrip(".,"))]
        noun = _COUNT_NOUN.match(sentence, figures[-1].start()) if figures else None
        m = _JOINED.match(sentence, noun.end()) if noun else None
        b = noun.end() if noun else b
    if m is None:
        return None
    other = m.group(1).split()[-1].lower()
    if other in set(_head(what)):
        return None
    return f"counts {' '.join(sentence[b:m.end()].split())!r} too, which the label does not name"


def what_why(what: str, shown: str, sentence: str, a: int, b: int, count: bool, label: str = "") -> str | None:
    """Why the card ``shown`` / ``what`` (the label without its period) says whose a figure is, or what
    someone did, but not what it measures, read from the figure's sentence (``sentence[a:b]``); None
    when no rule here applies."""
    return people_priced(what, shown, sentence) or verb_phrase(what) or subject_alone(what, sentence, a) \
        or people_alone(what, count) \
        or rate_untold(what, shown, sentence, a) or volume_untold(what, shown, sentence, a) \
        or name_clipped(what, sentence) or base_year(label, sentence, b) or part_counted(what, shown, sentence, a, b, count)
