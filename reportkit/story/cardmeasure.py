"""Label checks, whether a card's label names a measure at all (the card gate, :mod:`.gate`, and
``verify --sources``, through :func:`.meaning.meaning_why`): a label made of its source's words can
name a thing, a product, a person, a table's headers or a participle, and leave the reader to guess
what about it the number is. Each rule reads only the printed label, the printed figure and the
figure's own sentence, so verify asks it of an older build's output too:

- **a thing priced**: a money amount under a label with no word of money ("about €2.1M / Essential
  oils" of "Essential oils ... earned about EUR 2.1 million", "4,180 MGA / Sambava Vanilla shares" of a
  share price, "15 ETB / Longest routes" of a fare, "about 45M DOP / Marisol Pena-Lund stronger peso"):
  its earnings, price, fare or cost, the label does not say which;
- **headers only**: "$163M / Total Value", a table's row and column headers glued, no measure;
- **a participle alone**: "about 58% / Covered" (of "covered only about 58% of its operating costs");
- **a share of what**: an unsigned percentage its sentence writes "N% of <whole>" under a label that
  names neither the whole nor a share ("about 12% / Air freight" of "about 12% of the volume left by air");
- **an object cut**: a label that stops at the first of two things its sentence joins ("dried herbs" of
  "dried herbs and essential oils", "dried medicinal" of "dried medicinal and aromatic plants"): the
  figure is of both;
- **another's figure**: a bare measure ("Revenue", "Exports") its sentence gives for a name the story's
  headline does not carry ("Malesia Botanicals ... and its revenue rose 12%", "Thyme did worse: exports
  fell 8%"): one part's figure, read as the story's own;
- **a participle's figure**: "contributors earning up to J$20,000 a week" printed under the sentence's
  "lowest mortgage rate": what the contributors earn, not the rate.
"""

from __future__ import annotations

import re

from ..facts import VERBS
from ..lazyre import lazy

_WORD = lazy(r"[A-Za-zÀ-ÿ][\w'’-]*")
# a money amount as printed: a currency code or sign
_MONEY = lazy(r"[$€£¥₹₩₦₡֏]|\b[A-Z]{3}\b")
_SIGNED = lazy(r"[+−-]\s*\d")

# words that say a money amount is a measure: what was earned, paid, charged, owed or held (a word matched
# whole or without its plural "s"; a few by their stem, "exported", "subsidies", "salaries"); a label without
# one names a thing or a person, and leaves the reader to guess which amount of it the number is
_MONEY_SET = frozenset("""revenue sales sale sold sell profit income turnover cost price fare fee budget debt loss
    losses value worth bill pay paid wage tax taxes dividend capital fund grant loan deficit surplus payment receipt
    remittance asset reserve bonus rent tariff levy fine premium ebitda ebit margin cash saving deposit credit aid
    compensation proceeds outlay expenditure expense purchase bought acquisition order booking gdp trade balance
    allowance pension benefit stipend tuition damages settlement capex opex bailout stimulus contribution donation
    raised collected award prize bid offer deal contract package sum amount charge rate valuation wealth fortune
    bond shipment shipped traded output production produced gmv toll duty duties dues subscription insurance claim
    refund rebate discount bill spent lent cap gross net operating interest money spend spending takings
    receipts billing investment equity buyback fdi holding stake forecast estimate guidance target consensus
    mortgage lending payout futures aside allocated earmarked allotted pledged committed""".split())
_MONEY_STEMS = ("export", "import", "earn", "subsid", "salar", "valu", "capitali", "financ", "royalt", "penalt",
                "invest", "borrow", "lend", "charg", "fund", "pric", "cost", "pay", "spend", "sell", "sale")

# an amount in millions or more: a total, never one thing's price
_AGGREGATE = lazy(r"\d\s*(?:[KMBT]n?|bn|thousand|million|billion|trillion)\b")
# a share of these is how such a measure is given ("Public debt 235%" of GDP, "Reservoirs 61.3%" of capacity)
_USUAL_WHOLES = frozenset("gdp capacity gross domestic".split())
# what may stand between a verb or a list's colon and its share: "covered only about 58% of"
_BEFORE_SHARE = lazy(r"(?P<lead>:|\b[a-z]+)\s+(?:(?:only|about|around|nearly|almost|just|roughly|some|over|under|"
                     r"more\s+than|less\s+than)\s+)*\Z")

# a table's headers and a statistic's names: a label of only these names no measure ("Total Value")
_HEADERS = frozenset("""total totals value values average mean median sum overall all grand number amount level
    figure figures country countries region regions category item items destination destinations product products
    type types""".split())
# measures that are a share themselves ("Acceptance rate: 11% of applicants", "Market share")
_SHARE_WORDS = frozenset("rate rates ratio share shares margin margins proportion percentage percent yield part "
                         "portion fraction majority minority".split())
_UNSIGNED_PCT = lazy(r"[\d.,]+\s*%")
# "12% of the volume left by air": the whole's words after "of", up to a verb, a preposition or a stop
_OF_WHOLE = lazy(r"\s*(?:%|per\s*cent|percent)?\s+of\s+(?:(?:the|its|their|his|her|all|total|a|an)\s+)*"
                 r"((?:[a-z][\w-]*\s*){1,4})", re.I)
_WHOLE_STOP = frozenset("""from by in at on to for with as left came went was were is are had has have that which
    who while when and or but than over under during after before its their""".split())
_PAST = lazy(r"[a-z]{3,}ed\Z")
# the first of two things joined: "dried herbs and essential oils", "medicinal and aromatic plants"
_AND_MORE = lazy(r"\s+(?:and|or|&)\s+([a-z][a-z-]*)(?:\s+[a-z][\w-]*){0,2}?(?=\s+(?:in|at|on|from|during|for|last|"
                 r"this|over|across|by|between|to|with|of|worth|rose|fell|grew|were|was|are|is|have|had|exported|"
                 r"shipped|sold)\b|\s*[,.;:)]|\s*\Z)")
_CLAUSE_VERB = frozenset("""is are was were be been has have had will would can could may might did does do
    rose fell grew said says earned paid spent sold made took got cut added reached""".split())
# "its revenue", "their exports": a measure of the owner its sentence names
_POSSESSED = lazy(r"\b(?:its|their)\s+\Z", re.I)
_SENTENCE_END = lazy(r"[.!?][\"”’]?\s+(?=[\"“A-Z])")
_FUNCTION = frozenset("""the a an in on at for by from of to with as after before during while when this that these
    those it its they their there here some most many all each both but and or so yet meanwhile however also
    still only even overall together""".split())


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _stem(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _money_word(word: str) -> bool:
    return word in _MONEY_SET or _stem(word) in _MONEY_SET or word.startswith(_MONEY_STEMS)


def thing_priced(what: str, shown: str) -> str | None:
    """Why a money amount is printed under a label with no word that says it is money (:data:`_MONEY_SET`):
    the label names a thing, a product or a person, not its earnings, price, fare or cost."""
    if not _MONEY.search(shown) or "%" in shown or "/" in shown:
        return None  # "$412/tonne / Granular urea": a price per unit says it is a price
    toks = _words(what)
    said = _WORD.findall(what)
    if not toks or any(_money_word(t) for t in toks) or len(said) > 1 and said[-1][:1].isupper():
        return None  # a name alone is no label the story makes; read back, the first line of a wrapped one
    if not toks[-1].endswith("s") and not _AGGREGATE.search(shown):
        return None  # "£2.50 / Main-draw ticket", "1,300 HUF / Flag-fall": one thing's price, read as one
    return f"an amount under {what!r}: a thing or a person, not what about it is measured (a price, earnings, a cost?)"


def headers_only(what: str, shown: str = "", count: bool = False) -> str | None:
    """Why a label of only a table's headers or a statistic's names ("Total Value", "Country") names no
    measure; nor does a row's name glued to a column's header written with its capital ("European Union
    Value": a common noun capitalised after a name is the table's header, not the sentence's word)."""
    toks = _WORD.findall(what)
    low = [t.lower() for t in toks]
    counted = count or (_SIGNED.search(shown) is not None and low[-1:] != ["value"] and low[-1:][0].endswith("s")) \
        if low else False  # "19 / Countries", "+3% / Items": a count of them, or its change, is theirs
    if low and all(t in _HEADERS for t in low) and not counted:
        return f"{what!r} is a table's headers, not a measure"
    if len(toks) >= 2 and low[-1] in _HEADERS and toks[-1][:1].isupper() and toks[-2][:1].isupper():
        return f"{what!r} is a row's name and a column's header, not a measure"
    return None


def participle_alone(what: str) -> str | None:
    """Why a label that is one past participle ("Covered") names no measure: what was done, not to what."""
    toks = _words(what)
    if len(toks) == 1 and _PAST.match(toks[0]):
        return f"a participle alone ({what!r}), not a measure"
    return None


def _acts(word: str) -> bool:
    """Whether ``word`` is a verb whose subject holds, takes or covers a part ("covered", "took", "accounts")."""
    return word in VERBS and word not in _NOT_HOLDING or _PAST.match(word) is not None


# verbs before a share that do not make their subject its holder: "rose to 4.4% of GDP" is a level
_NOT_HOLDING = frozenset("""is are was were be been rose rise rises fell fall falls increased increase decreased
    decrease climbed dropped declined jumped slipped gained grew reached hit totalled totaled stood amounted
    raised cut lifted lowered boosted edged eased surged soared plunged tumbled slumped""".split())


def share_untold(what: str, shown: str, sentence: str, a: int, b: int) -> str | None:
    """Why an unsigned percentage its sentence writes as "N% of <whole>" is printed under a label that
    names neither the whole nor a share ("about 12% / Air freight" of "about 12% of the volume left by air")."""
    if "%" not in shown or _SIGNED.search(shown):
        return None
    m = _OF_WHOLE.match(sentence, b)
    lead = _BEFORE_SHARE.search(sentence, max(0, a - 40), a)
    if m is None or lead is None or not (lead.group("lead") == ":" or _acts(lead.group("lead"))):
        return None  # "that 92% of trains should arrive": the share is its own clause's subject, not a holder's part
    whole = []
    for w in m.group(1).lower().split():
        if w in _WHOLE_STOP or w in VERBS or _PAST.match(w):
            break
        whole.append(_stem(w))
    label = {_stem(t) for t in _words(what)}
    if not whole or label & ({_stem(w) for w in _SHARE_WORDS} | set(whole)) or set(whole) & _USUAL_WHOLES:
        return None
    return f"a share of {' '.join(whole)!r}; the label does not say of what"


def _verb_after(low: str, m: re.Match) -> bool:
    """Whether the word after "and" (``m``) is a verb starting a second clause ("and earned about $2 million"),
    not an adjective of a second thing ("and dried ginger"): a verb of its own, or a past form before a
    number, a determiner or an adverb."""
    word = m.group(1)
    if word in _CLAUSE_VERB or word in VERBS or word in _FUNCTION or word in _AFTER_VERB or word.endswith("ing"):
        return True  # "and aims to", "and forcing", "and the company said": a second clause
    nxt = _NEXT.match(low, m.end(1))
    return bool(_PAST.match(word)) and (nxt is None or nxt.group(1)[:1].isdigit() or nxt.group(1) in _AFTER_VERB)


_NEXT = lazy(r"\s+([\w$€£¥%-]+)")
_AFTER_VERB = frozenset("""about around nearly almost some more less over under up down to by from in on at the a an
    its their his her only just roughly""".split())


def object_cut(what: str, sentence: str) -> str | None:
    """Why a label stops at the first of two things its sentence joins ("Drino Herbs dried herbs exported"
    of "exported 2,860 tonnes of dried herbs and essential oils"): the figure is of both, the label names one."""
    toks = _WORD.findall(what)
    # the label's longest run of words written together in the sentence, ending on a word the sentence
    # follows with "and"/"or" and a word the label does not hold
    low, held = sentence.lower(), {t.lower() for t in toks}
    for i in range(len(toks)):
        for j in range(len(toks), i, -1):
            run = " ".join(toks[i:j]).lower()
            at = low.find(run)
            while at >= 0:
                end = at + len(run)
                m = _AND_MORE.match(low, end)
                if m and (at == 0 or not low[at - 1].isalnum()) and m.group(1) not in held \
                        and not _verb_after(low, m) and not (end < len(low) and low[end].isalnum()) \
                        and not sentence[at:end].split()[-1][:1].isupper():  # "Albania and Kosovo": names
                    return f"{run!r} is one of two things its sentence joins ('{low[at:m.end()]}')"
                at = low.find(run, at + 1)
    return None


def lead_of(doc) -> str:
    """The opening of a document: its title, standfirst and first paragraph's first sentence, where a
    story names whom it is about (a later sentence of the paragraph may turn to a part: "Thyme did worse")."""
    first = next((b.text for sec in doc.sections for b in sec.blocks if b.text and b.kind != "quote"), "")
    end = _SENTENCE_END.search(first)
    return "\n".join([doc.title or "", doc.subtitle or "", first[:end.start() + 1] if end else first[:600]])


def _named(word: str, sentence: str) -> bool:
    """Whether ``sentence`` writes ``word`` capitalised after its first word: a name, not a measure."""
    at = sentence.find(word, 1)
    while at > 0:
        if not sentence[at - 1].isalnum():
            return True
        at = sentence.find(word, at + 1)
    return False


def another_owner(what: str, sentence: str, a: int, headline: str, lead: str) -> str | None:
    """Why a bare measure ("Revenue", "Exports": no name in the label) is another's figure: its sentence
    writes it "its/their <measure>" after a name, or after a colon whose clause opens on a name, that
    neither the story's headline nor its article's opening (``lead``) carries (one processor's revenue,
    thyme's exports, in a country's story)."""
    if not lead:
        return None  # whom the story is about is not known: no guess
    toks = _WORD.findall(what)
    if not toks or len(toks) > 2 or any(t[:1].isupper() for t in toks[1:]) or _named(toks[0], sentence):
        return None  # "Kigali occupancy": the label names whose
    measure = toks[-1].lower()
    low = sentence.lower()
    at = low.rfind(measure, 0, a)
    if at < 0:
        return None
    owner = None
    if _POSSESSED.search(low, max(0, at - 8), at):
        # a measure word opening the sentence ("Revenue rose 5%, as its subscribers ...") is its own, no owner
        owner = next((w for w in _WORD.findall(sentence[:at]) if w[:1].isupper() and w.lower() not in _FUNCTION
                      and w.lower() not in _MONEY_SET), None)
    else:
        colon = sentence.rfind(":", 0, at)
        first = _WORD.match(sentence.lstrip(" \"“"))
        if colon > 0 and sentence[colon + 1:at].strip().lower() in ("", "the") and first \
                and first.group(0).lower() not in _FUNCTION:
            owner = first.group(0)
    if owner is None or owner.lower() in {_stem(w) for w in _words(what)}:
        return None
    if _stem(owner.lower()) in {_stem(w) for w in _words(f"{headline} {lead}")}:
        return None
    return f"the {measure} of {owner!r}, whom the label does not name, in a story about something else"


# "contributors earning up to J$20,000 a week": a figure right after a participle is what that participle's
# noun earns, pays or owns (the qualifiers a figure may carry between them)
_PARTICIPLE_BEFORE = lazy(r"\b([A-Za-z][\w'’-]*)\s+([a-z]{3,}ing)\s+(?:(?:up\s+to|about|around|nearly|almost|more\s+than|"
                          r"less\s+than|over|under|at\s+least|at\s+most|as\s+much\s+as|some|roughly)\s+)?(?:[^\s\d]{1,4}\s?)?\Z")
# participles that do not make the noun before them the figure's owner: a list, a time, a total of the label
_NOT_OWNING = frozenset("""including excluding during according totalling totaling amounting reaching rising falling
    climbing dropping declining growing jumping standing bringing""".split())


def participle_owner(what: str, sentence: str, a: int) -> str | None:
    """Why a figure written right after "<noun> <verb>ing" ("contributors earning up to J$20,000 a week") is
    printed under a label that does not name that noun ("Trust's lowest mortgage rate"): it is what the
    noun earns, pays or holds, not the label's measure."""
    m = _PARTICIPLE_BEFORE.search(sentence, max(0, a - 60), a)
    if m is None or m.group(2).lower() in _NOT_OWNING:
        return None
    noun = m.group(1).lower()
    if noun in _FUNCTION or _stem(noun) in {_stem(w) for w in _words(what)}:
        return None
    return f"what {m.group(1)!r} {m.group(2)!r}, not the label's measure"


def measure_why(what: str, shown: str, sentence: str, a: int, b: int, headline: str = "", lead: str = "",
                count: bool = False) -> str | None:
    """Why the card ``shown`` / ``what`` (the label without its period) names no measure, or another's,
    read from the figure's sentence (``sentence[a:b]``); None when no rule here applies."""
    return headers_only(what, shown, count) or participle_alone(what) or thing_priced(what, shown) \
        or share_untold(what, shown, sentence, a, b) or object_cut(what, sentence) \
        or another_owner(what, sentence, a, headline, lead) or participle_owner(what, sentence, a)
