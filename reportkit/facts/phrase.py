"""Noun phrases around a figure, read word by word: the phrase after a position, the phrase ending
at one, a leading owner split off ("*Shell's* net debt"), framing words trimmed, and whether what is
left can name a measure. :mod:`.meaning` and :mod:`.clausenoun` read measures with these.

No tagger: a word stops a phrase when the word lists of :mod:`.label` and :mod:`.names` say it is a
stop word, a verb, an adverb or a participle.
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from .label import AUX, COMPARING, EXCLUDING, EXCLUSION_WORDS, IRREGULAR_PAST, LY_ADJECTIVES, STOP, VERBS
from .label import ING_ADJECTIVES, ING_HEADS, PER_NOUN
from .patterns import COMPOUND_TIME, NOT_SPENDERS
from .names import DROP_FRONT, MEASURE_ACRONYMS, NOT_HEADS, PLACES, Names

_ABBR = lazy(r"(?:[A-Z]\.)+")
_TWO_WORDS = lazy(r"\s+([a-z][\w-]*)\s+([a-z][\w-]*)")
# a rank after a possessive: "second-largest", "biggest", "leading"
_RANKED = lazy(r"(?:(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)-)?(?:largest|biggest|smallest|"
               r"highest|lowest|oldest|newest|fastest|busiest|strongest|richest|poorest|cheapest|greatest|best|"
               r"leading|top|second|third|fourth|fifth)\Z", re.I)
_TOKS = lazy(r"[\w'’&.+-]+|[^\w\s]")
_TO_BEFORE = lazy(r"(?<![\w-])to\s+\Z")
_TOKEN = lazy(r"[A-Za-z][\w'’&.+-]*")
# a small number naming one of a series inside a phrase, and the noun after it ("tier 1 ratio")
_NUMBERED = lazy(r" (\d{1,2}) ([a-z][a-z-]*)\b(?![.,]?\d)")


def np_after(text: str, pos: int, max_words: int = 5) -> list[str]:
    """Noun-phrase words from ``pos``: up to a stop word, verb, digit or punctuation;
    "and" joins two nouns when the phrase goes on ("oil and gas production")."""
    words: list[str] = []
    while len(words) < max_words:
        m = _TOKEN.match(text, pos + (len(text[pos:]) - len(text[pos:].lstrip(" "))))
        numbered = _NUMBERED.match(text, pos) if m is None and words else None
        if numbered and _noun(numbered.group(2)) and len(words) + 2 <= max_words:
            words += [numbered.group(1), numbered.group(2)]  # "common equity tier 1 ratio": one name, not two
            pos = numbered.end()
            continue
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
        if lw in ("per", "of") and words and PER_NOUN.match(text, m.end()):
            nxt = PER_NOUN.match(text, m.end())
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


def _noun(word: str) -> bool:
    """Whether ``word`` may end a measure as its noun: no stop word, verb, adverb or time."""
    return not (word in STOP or word in VERBS or word in AUX or word in IRREGULAR_PAST or word in NOT_HEADS
                or word.endswith(("ed", "ly")))


def noun_after(text: str, pos: int) -> list[str]:
    """The noun phrase a figure qualifies ("9% *pay offer*"): at most three words from ``pos``."""
    return np_after(text, pos, max_words=3)


def np_before(before: str, max_words: int = 5) -> list[str]:
    """Noun-phrase words ending where ``before`` ends, read backwards. The last word may
    look like a verb ("a forecast of", "cuts of"); the words before it may not."""
    toks = _TOKS.findall(before, max(0, len(before) - 160))
    out: list[str] = []
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i]
        lt = t.lower()
        if lt in EXCLUSION_WORDS and out:  # "goods excluding energy and food": the whole phrase, or nothing
            head = np_before(before[: before.rfind(t)], max_words)
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
            if t[:1].isdigit() and len(out) > 1 and out[0].lower().endswith("ed"):
                out.pop(0)  # "€3.5bn outweighed pension payments of": a figure's verb, not an adjective
            break
        if lt.endswith("ly") and len(lt) > 4 and lt != "supply" and lt not in LY_ADJECTIVES:
            break
        out.insert(0, t)
        if len(out) >= max_words:
            break
    while out and out[0].lower() == "and":
        out.pop(0)
    if len(out) > 1 and _TO_BEFORE.search(before, 0, before.rfind(out[0], 0, len(before) - len(" ".join(out[1:])))):
        out.pop(0)  # "agreed to extend voluntary output cuts of": an infinitive, not an adjective
    if out and EXCLUDING.search(before, max(0, len(before) - 120)):
        return []  # "goods excluding energy and food": the words read are the ones left out
    return out


def strip_subject(words: list[str], names: Names) -> tuple[list[str], str | None]:
    """Split a leading name off a phrase: "Shell's net debt" -> (net debt, Shell);
    "U.S. crude production" -> (crude production, U.S.)."""
    for i, w in enumerate(words[:4]):
        if w.endswith(("'s", "’s", "s'")):
            if _RANKED.match(" ".join(words[i + 1 : i + 2])):
                # "Iceland's second-largest greenhouse grower": a rank among the owner's, said of
                # someone else (the apposition's head), so the owner owns none of the figures
                return words[i + 1 :], None
            if all(names.is_name(x) or x in ("of", "&") for x in words[: i + 1]):
                owner = w[:-1] if w.endswith("s'") else w[:-2]  # "Brambles'" is Brambles, not "Bramble"
                return words[i + 1 :], " ".join(words[:i] + [owner])
            if any(x.lower() in ("in", "of", "at", "on", "for", "from") for x in words[1:i]):
                # "Units in the co-operative's fund": the owner is the head's complement's, and says whose
                # fund, not what is measured (as "the chip designer's" below)
                return words[:i] + words[i + 1 :], None
            return words[i + 1 :], None  # "the chip designer's shares": whose, but not a name
    lead = 0
    while lead < len(words) - 1 and (names.is_name(words[lead]) and (words[lead] in PLACES or words[lead].rstrip(".")
                                     in names.inside) or words[lead] in ("of", "&")):
        lead += 1
    if lead and words[lead][:1].islower():
        return words[lead:], " ".join(words[:lead])
    return words, None


def clean_words(words: list[str], keep_head: bool = False) -> list[str]:
    """``words`` without framing words in front and stop words at the end; ``keep_head``: a
    lone word left after a whose-phrase ("analysts' *estimates*") is the head noun, even when
    it could be read as a verb; a phrase read as nouns (:class:`Nominal`) keeps its words."""
    nominal = isinstance(words, Nominal)
    while words and (words[0].lower() in DROP_FRONT or (words[0].lower() in STOP and not words[0].isupper())
                     or (words[0].lower() in VERBS and not nominal and not (keep_head and len(words) == 1))
                     or (words[0].endswith("ing") and len(words[0]) > 5 and len(words) > 1
                         and words[0].lower() not in ING_ADJECTIVES)):
        words = words[1:]
    while words and words[-1].lower() in STOP:
        words = words[:-1]
    return words


def is_measure(words: list[str], names: Names) -> bool:
    """Whether ``words`` can name what a figure measures: short, ending on a common noun (not a
    name, a number, an adverb or a participle)."""
    # "average strike price for fixed-bottom offshore wind": a "for"/"on" phrase may lengthen it
    if not words or len(words) > (10 if len(words) > 2 and (words[1].lower() in ("on", "for", "in") or any(
            w.lower() in ("on", "for") for w in words[2:-1])) else 6):
        return False
    head = words[-1].lower().rstrip(".,")
    if head in COMPOUND_TIME and len(words) > 1 and words[-2].isalpha() and words[-2].islower() and \
            words[-2] not in STOP and words[-2] not in NOT_HEADS and words[-2] not in NOT_SPENDERS and \
            not words[-2].endswith(("ing", "ed")):
        head = words[-2]  # "skier days": days of skiers, counted
    if head in NOT_HEADS or head in STOP or head in AUX or any(c.isdigit() for c in head) or head.endswith("ly"):
        return False
    if head.endswith("ing") and len(head) > 5 and head not in ING_HEADS and \
            not (len(words) > 2 and words[-2].lower() in ("for", "on")):  # "bill for snowmaking": a noun
        return False  # "beating", "bringing": a participle, not what is measured
    # names say who, not what ("Shell", "Candy maker Mars"): a measure ends on a common noun
    last = words[-1]
    return not names.is_name(last) or last in MEASURE_ACRONYMS


def case_words(words: list[str], names: Names) -> str:
    """Join, lower-casing a first word capitalised only because it starts a sentence."""
    out = list(words)
    first = out[0]
    if first[:1].isupper() and not names.is_name(first) and not first.isupper() and first not in MEASURE_ACRONYMS:
        out[0] = first[:1].lower() + first[1:]
    return " ".join(out)



def head_noun(np: str, words: list[str]) -> list[str]:
    """``words`` read from the object phrase ``np`` ("its full-year profit forecast" before
    "by 15 million pounds"), with the phrase's last word when only that word is left and it
    stopped the reading by looking like a verb: right before "to"/"by" it is the head noun
    ("forecast", "cut"), while "kept its rate unchanged at" keeps "rate"."""
    rest = np[len(" ".join(words)):].split() if words else []
    if len(rest) == 1 and rest[0] in VERBS and rest[0] not in AUX and not rest[0].endswith("ed"):
        return [*words, rest[0]]
    return words



# a noun of change after the quantity used as an adjective is the phrase's head ("a 9% pay *rise*"),
# though it reads as a verb elsewhere
_CHANGE_HEAD = lazy(r"\s+(rise|increase|cut|hike|fall|drop|gain|decline|reduction)\b(?!\s+(?:to|by|from)\b)")


class Nominal(list):
    """Words read as a noun phrase whatever they look like elsewhere ("pay rise")."""


def change_head(after: str, words: list[str]) -> list[str]:
    """``words`` with a noun of change right after them (see :data:`_CHANGE_HEAD`): all nouns."""
    if not words:
        return words
    end = after.find(words[-1]) + len(words[-1])
    m = _CHANGE_HEAD.match(after, end)
    return Nominal([*words, m.group(1)]) if m else words

