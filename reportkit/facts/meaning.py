"""What a fact measures and whose it is: ``measure`` and ``subject``, from its own sentence.

No tagger: a few anchored patterns around the quantity, tried from the most specific to
the least, with small word lists. When no pattern gives a phrase that names a measure,
the measure is left empty (a key figure is never labelled by a guess).

Measure, in order:

1. a counted noun ("30,000 *oil wells*");
2. "*a pre-tax profit* of £7.5bn" (the noun phrase before "of");
3. "a 57 per cent rise in *pre-tax profit*";
4. "277 gigawatts of *solar capacity*", "$2.8 million in *Foreign Direct Investment*",
   "a 27.6 per cent *share*" (the quantity used as an adjective);
5. "raised *its stake* in Commerzbank to 21%", "kept *interest rates* at 5.25 per cent";
6. the noun phrase before the clause's verb: "*adjusted operating profit* rose 11.6 per
   cent", "*Shell's net debt* fell by".

Subject: a name written as a possessive on the measure ("*Shell's* net debt", "*China's*
trade surplus"), read here with the measure; else the clause's grammatical subject, read by
:mod:`.subject`. A word is a name when the article never writes it in lower case and it is
not a common capitalised word.
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from .clauses import clause
from .label import AUX, COMPARING, EXCLUDING, EXCLUSION_WORDS, POSSESSIVE_BEFORE, IRREGULAR_PAST, LY_ADJECTIVES, STOP, VERBS
from .label import ING_ADJECTIVES as _ING_ADJECTIVES, ING_HEADS as _ING_HEADS, PER_NOUN as _PER_NOUN
from .names import DROP_FRONT as _DROP_FRONT, MEASURE_ACRONYMS as _MEASURE_ACRONYMS, NOT_HEADS as _NOT_HEADS
from .names import PLACES as _PLACES, Names
from .nomeasure import CLAUSE_INTRO, MONEY_IN as _MONEY_IN, another_acts, measures_nothing, object_in_subordinate
from .nomeasure import whole_of_a_part
from .qualifier import qualifier_after

# A time phrase between a measure and its verb ("sales over the five-day Thanksgiving weekend rose"):
# the measure is the noun phrase before it.
_TIME_PP = lazy(r"\s(?:over|during|in|for|on|at)\s+(?:the\s+|this\s+|last\s+|a\s+)?\Z", re.I)
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ABBR = lazy(r"(?:[A-Z]\.)+")
_TWO_WORDS = lazy(r"\s+([a-z][\w-]*)\s+([a-z][\w-]*)")
_TOKS = lazy(r"[\w'’&.+-]+|[^\w\s]")
_DETS = lazy(r"(?:(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+)+", re.I)
_FIRST = lazy(r"\s*([\w'’-]+)")
_HAD_BEFORE = lazy(r"\b(?:had|has|have|holds?|held|won|wins|polled|polls)\s+\Z")  # "had 27.4% support"
_FROM_NAME = lazy(r"\s+(?:from|by)\s+([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,2})\b")
_CONVERSION = lazy(r"\s*\([^()]{1,40}\)")
_ABBR_AFTER = lazy(r"\A\s*\([^()]{1,12}\)")
_WORDISH = lazy(r"[\w'’&.+-]+")
_TOKEN = lazy(r"[A-Za-z][\w'’&.+-]*")
def _np_after(text: str, pos: int, max_words: int = 5) -> list[str]:
    """Noun-phrase words from ``pos``: up to a stop word, verb, digit or punctuation;
    "and" joins two nouns when the phrase goes on ("oil and gas production")."""
    words: list[str] = []
    while len(words) < max_words:
        m = _TOKEN.match(text, pos + (len(text[pos:]) - len(text[pos:].lstrip(" "))))
        if m is None:
            break
        w = m.group(0)
        core = w.rstrip(".,") if not _ABBR.fullmatch(w) else w
        lw = core.lower()
        if lw == "and" and words:
            nxt = _TWO_WORDS.match(text, m.end())
            if nxt and all(x not in STOP and x not in VERBS and x not in AUX for x in nxt.groups()):
                words.append(core)
                pos = m.end()
                continue
            break
        # "average revenue per user rose", "its margin of error is": one measure up to the verb
        if lw in ("per", "of") and words and _PER_NOUN.match(text, m.end()):
            nxt = _PER_NOUN.match(text, m.end())
            words += [core, nxt.group(1)]
            pos = nxt.end()
            continue
        if (lw in STOP and not core.isupper()) or lw in AUX or (words and (lw in VERBS or lw in IRREGULAR_PAST)) or \
                (lw.endswith("ly") and len(lw) > 4 and lw not in ("supply", "family", "italy") and lw not in LY_ADJECTIVES):
            break
        if words and lw.endswith("ed") and lw not in ("red", "bed", "seed", "feed"):
            break
        words.append(core)
        pos = m.end()
        if w != core:
            break
    return words


def noun_after(text: str, pos: int) -> list[str]:
    """The noun phrase a figure qualifies ("9% *pay offer*"): at most three words from ``pos``."""
    return _np_after(text, pos, max_words=3)


def _np_before(before: str, max_words: int = 5) -> list[str]:
    """Noun-phrase words ending where ``before`` ends, read backwards. The last word may
    look like a verb ("a forecast of", "cuts of"); the words before it may not."""
    toks = _TOKS.findall(before, max(0, len(before) - 160))
    out: list[str] = []
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i]
        lt = t.lower()
        if lt in EXCLUSION_WORDS and out:  # "goods excluding energy and food": the whole phrase, or nothing
            head = _np_before(before[: before.rfind(t)], max_words)
            return [*head, t, *out] if head and len(head) + 1 + len(out) <= 6 else []
        if t == "&" and out and i > 0 and toks[i - 1][:1].isupper() and out[0][:1].isupper():
            out.insert(0, t)  # "Harbor & Pine shares": one name
            continue
        if lt == "and" and out and i > 0 and toks[i - 1][:1].islower() and \
                toks[i - 1] not in STOP and toks[i - 1] not in VERBS:
            out.insert(0, t)
            continue
        if not (t[:1].isascii() and t[:1].isalpha()) or lt in STOP or lt in AUX or lt in COMPARING or \
                (out and (lt in VERBS or lt in IRREGULAR_PAST)):
            break
        if lt.endswith("ly") and len(lt) > 4 and lt != "supply" and lt not in LY_ADJECTIVES:
            break
        out.insert(0, t)
        if len(out) >= max_words:
            break
    while out and out[0].lower() == "and":
        out.pop(0)
    if out and EXCLUDING.search(before, max(0, len(before) - 120)):
        return []  # "goods excluding energy and food": the words read are the ones left out
    return out


def _strip_subject(words: list[str], names: Names) -> tuple[list[str], str | None]:
    """Split a leading name off a phrase: "Shell's net debt" -> (net debt, Shell);
    "U.S. crude production" -> (crude production, U.S.)."""
    for i, w in enumerate(words[:4]):
        if w.endswith(("'s", "’s", "s'")):
            if all(names.is_name(x) or x in ("of", "&") for x in words[: i + 1]):
                owner = w[:-1] if w.endswith("s'") else w[:-2]  # "Brambles'" is Brambles, not "Bramble"
                return words[i + 1 :], " ".join(words[:i] + [owner])
            return words[i + 1 :], None  # "the chip designer's shares": whose, but not a name
    lead = 0
    while lead < len(words) - 1 and (names.is_name(words[lead]) and (words[lead] in _PLACES or words[lead].rstrip(".")
                                     in names.inside) or words[lead] in ("of", "&")):
        lead += 1
    if lead and words[lead][:1].islower():
        return words[lead:], " ".join(words[:lead])
    return words, None


def _clean(words: list[str], keep_head: bool = False) -> list[str]:
    """``words`` without framing words in front and stop words at the end; ``keep_head``: a
    lone word left after a whose-phrase ("analysts' *estimates*") is the head noun, even when
    it could be read as a verb; a phrase read as nouns (:class:`_Nominal`) keeps its words."""
    nominal = isinstance(words, _Nominal)
    while words and (words[0].lower() in _DROP_FRONT or (words[0].lower() in STOP and not words[0].isupper())
                     or (words[0].lower() in VERBS and not nominal and not (keep_head and len(words) == 1))
                     or (words[0].endswith("ing") and len(words[0]) > 5 and len(words) > 1
                         and words[0].lower() not in _ING_ADJECTIVES)):
        words = words[1:]
    while words and words[-1].lower() in STOP:
        words = words[:-1]
    return words


def _valid(words: list[str], names: Names) -> bool:
    if not words or len(words) > (10 if len(words) > 2 and words[1].lower() in ("on", "for", "in") else 6):
        return False
    head = words[-1].lower().rstrip(".,")
    if head in _NOT_HEADS or head in STOP or head in AUX or any(c.isdigit() for c in head) or head.endswith("ly"):
        return False
    if head.endswith("ing") and len(head) > 5 and head not in _ING_HEADS:
        return False  # "beating", "bringing": a participle, not what is measured
    # names say who, not what ("Shell", "Candy maker Mars"): a measure ends on a common noun
    last = words[-1]
    return not names.is_name(last) or last in _MEASURE_ACRONYMS


def _case(words: list[str], names: Names) -> str:
    """Join, lower-casing a first word capitalised only because it starts a sentence."""
    out = list(words)
    first = out[0]
    if first[:1].isupper() and not names.is_name(first) and not first.isupper() and first not in _MEASURE_ACRONYMS:
        out[0] = first[:1].lower() + first[1:]
    return " ".join(out)


_OF_BEFORE = lazy(r"\bof\s+(?:(?:a|an|the)\s+)?(?:record\s+)?(?:between\s+)?\Z")
# "in favour of a quarter-point cut", "instead of", "ahead of": a preposition, not a measure's noun before "of"
_PREPOSITION_OF = lazy(r"\b(?:in\s+(?:favou?r|place|case|spite|view|light|front|excess)|instead|because|on\s+(?:behalf|top)|"
                       r"ahead|regardless|out)\s*\Z", re.I)
_CHANGE_IN = lazy(r"\s*(?:rise|fall|drop|increase|decrease|decline|jump|gain|slump|growth|cut|reduction)s?"
                        r"\s+in\s+")
_UNIT_OF = lazy(r"\s+of\s+(?:(?:new|the|its)\s+)?")
# "lost 13.8% of their body weight", "sold 5% of its shares": a share of the owner's own X, so
# X is what moved ("4.4% of gross domestic product" is a ratio to a base, not this)
_SHARE_OF_OWN = lazy(r"\s+of\s+(?:its|their|his|her|our)\s+")
_LOST_GAINED = lazy(r"\b(?:lost|lose|loses|losing|shed|sheds|cut|cuts|sold|sell|sells|gained|gain|gains|added|"
                    r"trimmed|reduced)\s+(?:about\s+|almost\s+|nearly\s+|around\s+)?\Z", re.I)
_NOUN_AFTER = lazy(r" [a-z][a-z-]+\b(?! (?:in|of|to|from|on|by|at)\b)")
_ADJ_BEFORE = lazy(r"\b(?:a|an|its|their|the)\s+(?:[a-z][\w-]*\s+)?\Z", re.I)
_OBJECT = lazy(
    r"\b(?:raised?|raising|lift(?:ed)?|increased?|boost(?:ed)?|cut|cutting|reduced?|lower(?:ed)?|kept|keeps?|"
    r"held|holds?|set|put|bringing|brought|taking|took|expand(?:ed)?|extend(?:ed|s)?|double[ds]?|values?|valued|"
    r"valuing|sending|pushing|lifting|driving)\s+"
    r"(?:(?:its|the|their|his|her|our|total)\s+)?(?P<np>(?:[\w'’+-]+\s+){1,7}?)"
    r"(?:(?:in|of)\s+[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)?\s+)?(?:by\s+[^,;]{1,30}?\s+)?"
    r"(?:to|by|at|from|up|down)\s+(?:(?:a|an)\s+(?:record\s+|total\s+of\s+|[\w-]+\s+high\s+of\s+|[\w-]+\s+low\s+of\s+)?)?"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+)?\Z"
)
_EXPECT = lazy(
    r"\b(?:expects?|expected|forecasts?|sees|projected|projects?|wants?)\s+(?:its\s+|the\s+)?(?P<np>(?:[\w'’+-]+\s+){1,5}?)"
    r"(?:to|would|will)\s+(?:grow|rise|fall|be|reach|increase|decline|average|end\s+this\s+year)\s+(?:by\s+|at\s+|to\s+)?"
    r"(?:about\s+|around\s+)?\Z"
)
_ADVERBIAL = lazy(rf"\s+(?:on\s+{_WEEKDAYS}|this\s+week|last\s+week|on\s+Tuesday)\b")
# a participle right after a word and right before the quantity (its qualifier already cut
# off): "people earning"; not ", reaching" nor "after gaining", whose subject is the clause's
_PARTICIPLE_BEFORE = lazy(r"(?<![,;:])\b([A-Za-z][\w'’-]*)\s+([a-z]{3,}ing)\s*\Z")
# words before an "-ing" form that make it a verb of the clause, not a noun's participle
_NOT_NOUNS = frozenset(
    """after before while when since by without from of for in on at to is are was were be been being
    and or but then also not still""".split()
)
# a place or line that says which of a generic measure is meant, right before the clause's verb
_WHICH_ONE = lazy(r"\s+(?:on|for|in)\s+the\s+(?:[\w'’-]+\s+){1,6}?(?:route|routes|lane|lanes|corridor|market)(?=\s+(?:was|were|is|are|rose|fell|climbed|dropped|stood|edged|slipped)\b)")
# a figure inside a relative clause about the noun before it, the clause not closed before the figure
_WHICH_WAS = lazy(r",\s+which\s+(?:is|are|was|were|stood|stands|had|has|have|rose|fell|grew|reached|totalled)\b"
                  r"[^,]*(?:,\s+(?:up|down)\s+from\s+[^,]*)?\Z")
_SUBORDINATE = lazy(r",\s+(?:as|while|whereas|because|although|though)\s+[^,;]*\Z")
_TO_AT = lazy(r"\b(?:to|at)\s+\Z")
# a noun phrase set off by commas after the subject ("costs, the industry's main cost measure,"): it renames
_APPOSITIVE = lazy(r"(?<=[a-z]),\s+(?:the|a|an|its|their)\s+[^,]{1,60}\Z")
_SAID = lazy(r"\s+(?:said|says|reported|reports|announced)\s+(?:on\s+\w+\s+)?(?=[a-z])(?!that\b)")


def head_noun(np: str, words: list[str]) -> list[str]:
    """``words`` read from the object phrase ``np`` ("its full-year profit forecast" before
    "by 15 million pounds"), with the phrase's last word when only that word is left and it
    stopped the reading by looking like a verb: right before "to"/"by" it is the head noun
    ("forecast", "cut"), while "kept its rate unchanged at" keeps "rate"."""
    rest = np[len(" ".join(words)):].split() if words else []
    if len(rest) == 1 and rest[0] in VERBS and rest[0] not in AUX and not rest[0].endswith("ed"):
        return [*words, rest[0]]
    return words


def _verb_np(before: str) -> list[str]:
    """The noun phrase before the last verb of ``before`` ("adjusted operating profit rose 11.6% to")."""
    base = max(0, len(before) - 200)
    toks = list(_WORDISH.finditer(before, base))
    for t in reversed(toks):
        w = t.group(0).lower()
        if w in VERBS or w in IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4 and w not in ("red", "seed")):
            if w in ("said", "says"):
                return []
            left = _ADVERBIAL.sub("", before[: t.start()]).rstrip(" ,")
            apposed = _APPOSITIVE.search(left) if before[: t.start()].rstrip().endswith(",") else None
            if apposed:  # "All-in sustaining costs, the industry's main cost measure, averaged": the costs
                left = left[: apposed.start()]
            words = _np_before(left)
            if words and words[-1].lower() in _NOT_HEADS:
                cut = left.rfind(words[0])
                pp = _TIME_PP.search(left, max(0, cut - 20), cut) if cut > 0 else None
                if pp:
                    return _np_before(left[: pp.start()])
            return words
    return []


def _subject_np(sentence: str, cs: int, before: str) -> list[str]:
    """The noun phrase that starts the clause ("*Core inflation*, which excludes ..., edged
    down to"); a clause that starts with its verb ("and were up 3.3%") takes the previous one's."""
    intro = CLAUSE_INTRO.match(before)
    pos = intro.end() if intro else 0
    det = _DETS.match(before, pos)
    if det:
        pos = det.end()
    words = _np_after(before, pos, max_words=6)
    said = _SAID.match(before, before.find(words[-1], pos) + len(words[-1])) if words else None
    if said:  # "Haldor Trucks said revenue fell 8.4%": the company speaks; the measure follows
        rest = before[said.end():]
        inner = _np_after(rest, 0, max_words=6)
        verb = _FIRST.match(rest, rest.find(inner[-1]) + len(inner[-1])) if inner else None
        return inner if verb and verb.group(1).lower() in VERBS | IRREGULAR_PAST else []
    which = _WHICH_ONE.match(before, before.find(words[0], pos) + len(words[0])) if len(words) == 1 else None
    if which:  # "Rates on the Asia to US West Coast route were": which rates, the phrase says
        return [*words, *which.group(0).split()]
    for i, w in enumerate(words[1:], 1):
        lw = w.lower()
        if lw.endswith("ing") and len(lw) > 5 and lw not in _ING_HEADS | _ING_ADJECTIVES:
            # "Patients taking Norvale's pill lost ...": the phrase after the participle is its
            # object, and the figure may be any group's; no measure rather than a guess
            return [] if i < len(words) - 1 else words
    first = _FIRST.match(before, pos)
    if not words and first and cs > 0:
        lw = first.group(1).lower()
        if lw in VERBS or lw in AUX or lw in IRREGULAR_PAST:
            pcs, _ = clause(sentence, cs - 1)
            return _subject_np(sentence, pcs, sentence[pcs : cs - 1])
    qualifier = qualifier_after(before, before.find(words[-1], pos) + len(words[-1])) if words else None
    return [*words, *qualifier] if qualifier else words  # "Applications from within Estravia rose"


# a noun of change after the quantity used as an adjective is the phrase's head ("a 9% pay *rise*"),
# though it reads as a verb elsewhere
_CHANGE_HEAD = lazy(r"\s+(rise|increase|cut|hike|fall|drop|gain|decline|reduction)\b(?!\s+(?:to|by|from)\b)")


class _Nominal(list):
    """Words read as a noun phrase whatever they look like elsewhere ("pay rise")."""


def _change_head(after: str, words: list[str]) -> list[str]:
    """``words`` with a noun of change right after them (see :data:`_CHANGE_HEAD`): all nouns."""
    if not words:
        return words
    end = after.find(words[-1]) + len(words[-1])
    m = _CHANGE_HEAD.match(after, end)
    return _Nominal([*words, m.group(1)]) if m else words


def _candidates(sentence: str, cs: int, before: str, after: str, unit: str, count_label: str | None):
    """Measure phrases around a quantity, most specific first (made lazily: most facts stop early)."""
    money = len(unit) == 3 and unit.isupper()
    if measures_nothing(before, after, money):
        return
    if count_label:
        yield count_label.split()
    if whole_of_a_part(before):
        return
    m = _SHARE_OF_OWN.match(after) if unit == "percent" and _LOST_GAINED.search(before[-40:]) else None
    if m:
        yield _np_after(after, m.end())
    m = _OF_BEFORE.search(before, max(0, len(before) - 40))
    if m and not _PREPOSITION_OF.search(before, 0, m.start()):
        yield _np_before(before[: m.start()])
    m = _CHANGE_IN.match(after)
    if m:
        yield _np_after(after, m.end())
    # "rose to 61 days of sales": a level of the subject (inventories), counted in days of sales
    level_in_time = unit in ("days", "weeks", "months", "years") and _TO_AT.search(before[-12:])
    if not money and unit not in ("percent", "percentage_points", "ratio") and not level_in_time:
        bare = _ABBR_AFTER.sub("", after)
        m = _UNIT_OF.match(bare)
        if m:
            yield _np_after(bare, m.end())
    if money:
        m = _MONEY_IN.match(after)
        if m:
            yield _np_after(after, m.end())
    if _ADJ_BEFORE.search(before, max(0, len(before) - 30)) or (money and _NOUN_AFTER.match(after)) or \
            POSSESSIVE_BEFORE.search(before) or (unit == "percent" and _HAD_BEFORE.search(before[-12:])):
        # "a $1.2bn deal", "a 9% pay rise", "£2bn buyback"; "a record 122.3 trillion yen ($812 billion)
        # budget": a conversion in brackets stands between the figure and its noun
        conv = _CONVERSION.match(after)
        yield _change_head(after, _np_after(after, conv.end() if conv else 0, max_words=3))
    tail = before[-160:]
    for pattern in (_OBJECT, _EXPECT):
        m = pattern.search(tail)
        if m:
            np = m.group("np")
            words = _np_after(np, 0)
            rest = re.match(r"\s*of\s+", np[len(" ".join(words)):]) if words else None
            if words and words[-1].lower() in _NOT_HEADS and rest:  # "its pace of share buybacks"
                words = _np_after(np, len(" ".join(words)) + rest.end())
            yield head_noun(np, words)
    which = _WHICH_WAS.search(before)
    if which:  # "refill reservoirs, which were at 61.3% of capacity": the noun before "which"
        words = _np_before(before[: which.start()])
        lead = before[: which.start()].rstrip()[: -len(" ".join(words))] if words else ""
        yield words if _ADJ_BEFORE.search(lead) or not lead.strip() else words[-1:]
    participle = _PARTICIPLE_BEFORE.search(before)
    if (participle and participle.group(2).lower() not in _ING_HEADS | _ING_ADJECTIVES
            and participle.group(1).lower() not in _NOT_NOUNS):
        # the quantity is the object of a participle that describes a noun ("cut income tax
        # for people *earning* up to 1.2 million rupees", "contracts *covering* a quarter of"):
        # not what the sentence's subject ("the budget") or verb measures, and that noun
        # seldom names it either: no measure rather than a borrowed one
        return
    if another_acts(before) or object_in_subordinate(before):
        return
    if _SUBORDINATE.search(before):  # "cargo was ..., down 0.8%, as crude oil imports slid 9%": the imports
        yield _verb_np(before)
    yield _subject_np(sentence, cs, before)
    yield _verb_np(before)


def measure_of(sentence: str, qs: int, qe: int, unit: str, count_label: str | None,
               names: Names) -> tuple[str | None, str | None]:
    """(measure, possessive subject) of the quantity at ``sentence[qs:qe]`` (``qs`` before its qualifier)."""
    cs, ce = clause(sentence, qs)
    before, after = sentence[cs:qs], sentence[qe:ce]
    for words in _candidates(sentence, cs, before, after, unit, count_label):
        cleaned = _clean(words if isinstance(words, _Nominal) else list(words))
        words, possessive = _strip_subject(cleaned, names)
        words = _clean(words, keep_head=len(words) < len(cleaned))
        if _valid(words, names):
            if possessive is None:  # "a C$23.1 billion hostile bid from Glencore": whose bid the text says after it
                at = after.find(" ".join(words))
                by = _FROM_NAME.match(after, at + len(" ".join(words))) if at >= 0 else None
                possessive = by.group(1) if by and all(names.is_name(w) for w in by.group(1).split()) else None
            return _case(words, names), possessive
    return None, None
