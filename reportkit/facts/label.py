"""Labels for facts: a short noun phrase saying what a quantity measures.

No part-of-speech tagger: a handful of patterns around the quantity, tried in order,
with small word lists to tell nouns from verbs and prepositions.

1. count: the counted noun phrase ("30,000 *oil wells*").
2. "one-third *of which had previously been shut*" → antecedent + participle.
3. money "$2.8 million *in Foreign Direct Investment (FDI)* arrived *from Russia*".
4. "a $1.2bn *deal*" (the quantity used as an adjective).
5. "72% *of its natural gas*" (+ the verb before: "imports" → "natural gas imported").
6. "*a production target* of 1.8 million bpd".
7. the subject of the clause: "*Brent crude* rose 2.3%"; "the figure"/"it" → the
   previous fact's label.
"""

from __future__ import annotations

import re

from ..lazyre import lazy

STOP = frozenset(
    """a an the its it their his her our my your this that these those which who whom whose what
    of in on at by for from to with within without into onto over under about around after before since
    during through between among against across per via as than and or but nor so yet if while
    whereas although though because when where whether not no also just only even still already
    more most less least up down out off near nearly some any each every all both other another
    such same own i we you they he she them us me there here then now currently recently
    approximately roughly almost around including according plus minus""".split()
) | frozenset(
    # connective adverbs tie a clause to the one before ("Revenue nevertheless rose"): they say how
    # the sentence argues, never what a figure measures, so they end a phrase like a stop word
    """nevertheless nonetheless however meanwhile moreover furthermore therefore thus hence likewise
    instead too""".split()
) | frozenset(
    # a possessive pronoun stands for a noun said before ("took 1,790 tonnes of ours"): it names no
    # measure ("1,790 t / India ours"); "mine" is left out, a mine is a noun
    "ours theirs yours hers".split()
)
VERBS = frozenset(
    """is are was were be been being am has have had having do does did will would shall should can
    could may might must rose rise rises rising risen fell fall falls falling fallen increased
    increase increases decreased decrease decreases climbed climb climbs dropped drop drops declined
    decline declines jumped jump jumps slipped slip slips gained gain gains lost lose loses grew grow
    grows growing grown reached reach reaches hit hits totalled totaled total totals stood stands
    stand amounted amounts imported import exported export produces produced produce
    pumped pump said says say expects expected expect plans planned plan aims aimed seeks brings
    sought announced announces reported reports posted posts recorded records estimated estimates
    forecast forecasts raised raises cut cuts lifted lowered boosted added adds shed edged eased
    surged soared plunged tumbled slumped rallied advanced retreated hovered traded settled closed
    ended opened valued worth cost costs paid pays pay invested invests spent spends earned earns
    generated generates accounted accounts represents represented lasted last lasts arrived
    arrives came comes come went goes go made makes make took takes take got gets get saw sees see
    showed shows show remained remains remain became becomes become offered offers bought buys sold
    sells signed signs agreed agrees approved approves supplied supplies consumed consumes holds
    held hold owns owned controls controlled reopening reopened employs employed employ""".split()
)
AUX = frozenset("is are was were be been being am has have had do does did will would shall should can could may might must".split())
ING_NOUNS = frozenset("spending funding pricing financing lending housing shipping trading banking borrowing advertising "
                      "marketing clothing".split())
# "-ing" words a measure may end on ("combined holding"); other "-ing" heads are participles
ING_HEADS = ING_NOUNS | frozenset("holding rating offering listing building filing ceiling reading".split())
# "-ing" words that are part of what is measured, not a participle before it ("operating profit")
ING_ADJECTIVES = ING_NOUNS | frozenset("operating underlying outstanding sustaining".split())
IRREGULAR_PAST = frozenset(
    """shrank sank slid grew rose fell hit set put spent lost won paid sold bought made took gave saw came
    went kept held led left met ran stood brought told found began shrink sink slide dipped dips wrote written""".split()
)
# "-ly" words that are adjectives of a measure ("quarterly revenue"), not adverbs that end a phrase
LY_ADJECTIVES = frozenset("quarterly monthly weekly yearly daily hourly".split())
# "goods excluding energy and food rose 1.1%": the words after these are what the figure leaves
# out; they are never its measure, and "and" inside their list starts no clause
EXCLUDING = lazy(r"\b(?:excluding|excl\.?|except|besides|other\s+than|apart\s+from|ex)\s+"
                 r"[\w'’-]+(?:(?:,\s*|\s+)[\w'’-]+){0,3}?\s*\Z", re.I)
EXCLUSION_WORDS = frozenset("excluding excl excl. except besides ex".split())
_LIST_GOES_ON = lazy(r"\s*(?:,|and\b|or\b|&)")
ANAPHORA = frozenset("figure number total amount it this that value sum level tally count".split())
PARTICIPLES = {
    "imports": "imported", "import": "imported", "exports": "exported", "export": "exported",
    "produces": "produced", "produce": "produced", "consumes": "consumed", "consume": "consumed",
    "generates": "generated", "owns": "owned", "holds": "held", "controls": "controlled",
    "supplies": "supplied", "buys": "bought", "sells": "sold", "imported": "imported",
    "exported": "exported", "produced": "produced", "consumed": "consumed", "lost": "lost",
}

_WORD = lazy(r"\s*(\([A-Z][A-Za-z0-9&.]{1,12}\)|[A-Za-z][\w'’&.-]*|\d+(?:\.\d+)?-[A-Za-z][\w-]*)")
_ABBR = lazy(r"(?:[A-Z]\.){2,}")
# "average revenue per user rose": the noun after "per", right before the verb, is part of the measure
# ("passenger revenue per available seat kilometre was": up to three words after "per")
# ("spending per spectator on match days rose": a time or place phrase may stand before the verb;
# "the average size of a spike fell": an article may stand after "of")
PER_NOUN = lazy(r"\s+((?:(?:a|an|the)\s+)?(?:[a-z][a-z-]+\s+){0,2}[a-z]{3,})\b(?=(?:\s+(?:on|in|at|during|over)(?:\s+[a-z][\w-]*){1,3}?)?\s+(?:rose|fell|was|were|is|are|climbed|dropped|"
                r"increased|decreased|grew|slipped)\b)")
# "the central bank's 2% target": after an owner, the quantity is used as an adjective of the noun after it
POSSESSIVE_BEFORE = lazy(r"\w(?:'s|’s|s'|s’)\s+\Z")
_OF_WHICH = lazy(
    r",?\s+of\s+which\s+(?:(?:had|have|has|were|was|are|is|will|would|could|remain|remained)\s+)?"
    r"(?:(?P<adv>\w+ly)\s+)?(?:(?:been|be)\s+)?(?P<verb>[a-z]\w+)"
)
_OF = lazy(
    r"\s+of\s+(?:(?:its|the|their|his|her|our|all|total|this|that|these|those|a|an)\s+)*"
)
_IN = lazy(
    r"\s+in\s+(?!(?:the\s+)?(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|"
    r"October|November|December|the\s+(?:first|second|third|fourth|last|past|next)|(?:early|late)\s|"
    r"(?:the\s+|a\s+)?(?:quarter|month|year|week|period|half|day)\b|fiscal\b|FY)"
    r"(?:(?:new|the|fresh|additional|direct)\s+)?"
)
_CONVERSION = lazy(r"\s*\([^()]{1,40}\)")
_FROM = lazy(r"\s+(?:(?:arrived|came|coming|flowing|flowed)\s+)?from\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)")
_NP_BEFORE_OF = lazy(r"((?:[\w'’()&-]+\s+){1,5})of\s*\Z")
_OBJECT_TO = lazy(
    r"\b(?:raise|raised|raising|lift|lifted|increase|increased|boost|boosted|cut|cutting|reduce|reduced|lower|"
    r"lowered|expand|expanded|bring|brought|double|doubled|take|took|push|pushed|ramp\s+up|ramped\s+up)\s+"
    r"(?:(?:its|the|their|his|her|our|total)\s+)?(?P<np>(?:[\w'’+-]+\s+){1,4}?)(?:to|by)\s+\Z"
)
_COMPARE = lazy(r"\b(?:up|down|rising|falling|compared|versus|vs\.?|against)\s+(?:from\s+|with\s+|to\s+)?\Z")
_ADJ_BEFORE = lazy(r"(?:\b(?:a|an|the|its|their|his|her|our)\s*)\Z", re.I)
_INTRO = lazy(
    r"\A(?:(?:In|By|On|At|For|Since|During|Through|Until|After|Before|As\s+of|Last|This|Over|Earlier|"
    r"Later|According\s+to|Meanwhile|However|Overall|Still|Yet)\b[^,]{0,60},\s*)+"
)
_CLAUSE_BREAK = lazy(r"[;:]\s|,\s+(?:and|but|while|whereas|although|though|which|as)\s|\s[—–-]{1,2}\s|\)\s+-\s")
# "like-for-like sales rose 4.6% and underlying pre-tax profit was £598 million": after a figure,
# "and" + a noun phrase + its verb starts a clause of its own, whose figure is that phrase's
# ("oil and gas production rose" has no figure before its "and": one phrase)
_AND_NP_VERB = lazy(r"\sand\s(?=(?:[\w'’-]+\s+){1,4}?(?:is|are|was|were|rose|fell|grew|rises|falls|grows|"
                    r"climbed|dropped|declined|increased|decreased|jumped|slipped|edged|eased|shrank|totalled|"
                    r"totaled|reached|stood|came|hit|gained|lost|narrowed|widened|doubled|halved)\b(?!,))")
_FIGURE_END = lazy(r"(?:\d|%|\b(?:million|billion|trillion|bn|mn|m|points?|cents?|pence|p))\s*\Z", re.I)


# "and no other party had more than 8%": a figure under a negated subject is nobody's; it bounds
# the others, and no measure or label of an earlier clause may be lent to it
NEGATED = lazy(r"\s*(?:no|none|neither|nobody|nothing|not\s+one)\b(?!\.)", re.I)


def and_clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the "and" that start a clause of their own after a figure (see :data:`_AND_NP_VERB`)."""
    if " and " not in text:
        return []
    return [m.span() for m in _AND_NP_VERB.finditer(text) if _FIGURE_END.search(text, 0, m.start())]


# a contraction is no owner: "it's" is "it is"
_NOT_OWNERS = frozenset("it's that's what's there's here's he's she's who's let's".split())


def noun_after(prev: str, lw: str) -> bool:
    """Whether ``lw``, a word that may be a verb ("costs", "exports", "plans"), is the noun a
    phrase ends on: after an owner ("an operator's running costs") or a modifier in "-ing"
    ("running costs", "operating costs") no verb can stand, and a phrase cut before its noun
    ("operator's running") names nothing."""
    lw = lw.lower()
    if lw in AUX or lw.endswith("ed") or lw in IRREGULAR_PAST:
        return False
    p = prev.lower()
    owner = re.fullmatch(r"[a-z][\w-]*(?:'s|’s|s'|s’)", p) is not None and p.replace("’", "'") not in _NOT_OWNERS
    modifier = p.endswith("ing") and len(p) > 5 and p not in ING_HEADS and p not in STOP
    return owner or modifier


def _np(text: str, pos: int, max_words: int = 5, allow_ed_first: bool = True) -> str:
    """A noun phrase starting at ``pos``: words up to a stop word, verb or punctuation."""
    return _np_end(text, pos, max_words, allow_ed_first)[0]


def _np_end(text: str, pos: int, max_words: int = 5, allow_ed_first: bool = True) -> tuple[str, int]:
    """:func:`_np` and where the phrase ends."""
    words: list[str] = []
    while len(words) < max_words:
        m = _WORD.match(text, pos)
        if not m:
            break
        w = m.group(1)
        lw = w.lower().rstrip(".")
        if w.startswith("("):
            if words:
                words.append(w)
            pos = m.end()
            break
        per = PER_NOUN.match(text, m.end()) if lw == "per" and words else None
        if per:  # "average revenue per user rose": one measure
            words += [w, per.group(1)]
            pos = per.end()
            continue
        verb = lw in AUX if not words else (lw in VERBS or lw in IRREGULAR_PAST) and not noun_after(words[-1], lw)
        if lw in STOP or verb or (lw.endswith("ly") and len(lw) > 4 and lw not in LY_ADJECTIVES):
            break
        if lw.endswith("ed") and (words or not allow_ed_first) and lw not in ("red", "bed", "seed", "feed"):
            break
        if _ABBR.fullmatch(w):  # "U.S." does not end the phrase
            words.append(w)
            pos = m.end()
            continue
        words.append(w.rstrip(".,"))
        pos = m.end()
        if w.endswith((".", ",")):
            break
    if any(w.lower() in EXCLUSION_WORDS for w in words[1:]) and _LIST_GOES_ON.match(text, pos):
        return "", pos  # "goods excluding energy" cut before "and food": a phrase that says the opposite
    return " ".join(words), pos


# "slightly below analysts' estimates of 15 trillion rupees": the figure is the estimates, and the
# words comparing something else with them are no part of its label
COMPARING = frozenset("below above beneath beyond under over short ahead".split())


def _np_before_of(before: str) -> str:
    if not before.rstrip().endswith(" of"):
        return ""
    m = _NP_BEFORE_OF.search(before[-120:])
    if not m:
        return ""
    words = m.group(1).split()
    kept: list[str] = []
    for w in reversed(words):
        lw = w.lower().strip("()")
        # the head noun may look like a verb ("forecast of", "cut of"); words before it may not,
        # nor a participle ("beating analysts' estimates of 1.9%": the estimates, not the beating)
        if lw in STOP or lw in AUX or (kept and lw in VERBS) or not re.fullmatch(r"[\w'’()&-]+", w) or \
                (kept and lw.endswith("ing") and len(lw) > 5 and lw not in ING_ADJECTIVES) or lw in COMPARING:
            break
        if w[:1].isdigit() and len(kept) > 1 and kept[0].lower().endswith("ed"):
            kept.pop(0)  # "contributions of €3.5bn outweighed pension payments of": the figure's verb
            break
        kept.insert(0, w)
    if len(kept) > 1 and kept[0].islower() and len(kept) < len(words) and words[-len(kept) - 1].lower() == "to":
        kept.pop(0)  # "agreed to extend voluntary output cuts of": an infinitive, not an adjective
    return " ".join(kept[-4:])


def _clause_text(before: str) -> str:
    """The clause that ends just before the quantity, its framing words ("In 2024, ") left out."""
    start = max([m.end() for m in _CLAUSE_BREAK.finditer(before)] + [b for _a, b in and_clauses(before)], default=0)
    clause = before[start:]
    intro = _INTRO.match(clause)
    return clause[intro.end():] if intro else clause


def _negated(before: str) -> bool:
    """Whether the clause before the quantity starts with a negated subject (see :data:`NEGATED`)."""
    return NEGATED.match(_clause_text(before)) is not None


_RELATIVE_OPEN = lazy(r",\s+(?:which|who|whose)\s+[^,;.]*\Z")
# the figure's clause opens on a noun phrase of its own after a comma (", the number of hours with prices
# above three times the daily median fell by"): its subject, though too long to read, is not the figure
# before's
_OWN_SUBJECT = lazy(r",\s+(?:the|a|an|its|their|this|these)\s+[a-z][\w-]*\s+[^,;.]*\b(?:rose|fell|grew|"
                    r"dropped|climbed|declined|increased|decreased|jumped|slid|was|were|is|are)\s+[^,;.]*\Z")


def _subject(before: str) -> str:
    """The subject noun phrase of the clause that ends just before the quantity."""
    clause = _clause_text(before)
    m = re.match(r"\s*(?:(?:the|a|an|its|their|this|that|these|those|his|her|our)\s+)?", clause, re.I)
    return _np(clause, m.end() if m else 0, allow_ed_first=False)


# "Header: value" at the end of the text before a figure (table rows become "A: x; B: y")
_HEADER_VALUE = lazy(r"(?:^|;\s)([A-Za-z][\w ()&/.-]{0,40}):\s*$")


# a row's first cell when it names the row ("Mine: Sierra Alta; ..."), not a year or a number
_ROW_NAME = lazy(r"\A\s*[A-Za-z][\w ()&/.-]{0,40}:\s*(?P<name>[A-Za-z][^;:\d]{0,50}?)\s*;")
# a header's bracket of lower-case words is the cells' unit ("output (tonnes)"), read with the value
_UNIT_BRACKET = lazy(r"\s*\((?P<u>[^()A-Z\d]{1,24})\)\Z")


def _row_label(before: str, header: re.Match[str]) -> str:
    """A table cell's label: its column header, without a unit bracket, after the name of its
    row ("Sierra Alta Q3 2026 output" for 51,200 under "Q3 2026 output (tonnes)"): a row's figure
    is that row's, not the whole table's."""
    label = _UNIT_BRACKET.sub("", header.group(1).strip())
    row = _ROW_NAME.match(before)
    if row and row.end() <= header.start(1):
        return f"{row.group('name')} {label}"
    return label


def make_label(
    sentence: str, qs: int, qe: int, unit: str, count_label: str | None, previous: list[tuple[str, str]],
    in_sentence: int | None = None,
) -> str:
    """The label of the quantity at ``sentence[qs:qe]``.

    ``previous`` holds (unit, label) of earlier facts in the document, newest last,
    for "one-third of which ..." and "the figure had risen to ..."; the last ``in_sentence``
    of them (all when ``None``) are this sentence's. Only "the figure"/"it" borrow a label
    from another sentence: "Sundqvist was down 1.2%" is not the previous sentence's "Haldor shares".
    """
    own = previous if in_sentence is None else previous[len(previous) - in_sentence:]
    if count_label:
        return count_label
    before, after = sentence[:qs], sentence[qe:]
    m = _HEADER_VALUE.search(before)
    if m:  # a table row read as "Year: 2022; FDI: $2.8m": the column header says what it is
        return _row_label(before, m)
    money = len(unit) == 3 and unit.isupper()
    m = _OF_WHICH.match(after)
    if m and previous:
        parts = [previous[-1][1], m.group("adv") or "", m.group("verb")]
        return " ".join(p for p in parts if p)
    if money:
        m = _IN.match(after)
        if m:
            np, end = _np_end(after, m.end())
            place = " " not in np and np[:1].isupper()  # "in London" says where, not what
            if np and not np[0].isdigit() and not place:
                frm = _FROM.match(after, end)
                return f"{np} from {frm.group(1)}" if frm else np
    if own and own[-1][0] == unit and _COMPARE.search(before[-40:]):
        return own[-1][1]
    if own and own[-1][1] and before.endswith("(") and money:
        return own[-1][1]  # "161.5 billion pesos ($8 billion)": a conversion of the same figure
    if _ADJ_BEFORE.search(before) or POSSESSIVE_BEFORE.search(before):  # a bracketed conversion may stand before the noun: "a 9 trillion yen ($60 billion) budget"
        conv = _CONVERSION.match(after)
        np = _np(after, conv.end() if conv else 0, max_words=3, allow_ed_first=False)
        if np:
            return np
    m = _OF.match(after)
    if m:
        np = _np(after, m.end())
        if np:
            prev_word = before.split()[-1].lower() if before.split() else ""
            return f"{np} {PARTICIPLES[prev_word]}" if prev_word in PARTICIPLES else np
    np = _np_before_of(before)
    if np:
        return np
    m = _OBJECT_TO.search(before[-120:])
    if m:
        np = _np(m.group("np"), 0)
        rest = m.group("np")[len(np):].split() if np else []
        if len(rest) == 1 and rest[0] in VERBS and rest[0] not in AUX and not rest[0].endswith("ed"):
            np = f"{np} {rest[0]}"  # "its profit forecast by": the word before "by" is the head noun
        if np:
            return np
    if _negated(before):
        return ""
    subject = _subject(before)
    if not subject and any(w.lower() in EXCLUSION_WORDS for w in _clause_text(before).split()):
        return ""  # its subject names what it leaves out (see :func:`_np_end`): no other figure's label either
    if not subject and (_RELATIVE_OPEN.search(before) or _OWN_SUBJECT.search(before)):
        return ""  # "a place in the cup, which is worth at least $3 million more": not the figure before's
    if subject.lower() in ANAPHORA or not subject:
        for u, label in reversed((previous if subject else own)[-20:]):  # bounded: a runaway sentence stays linear
            if u == unit and label:
                return label
        return subject if subject.lower() not in ANAPHORA else ""
    return subject

