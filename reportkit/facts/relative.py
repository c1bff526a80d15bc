"""Figures whose measure or subject a sentence's shape moves away from the words next to them:
a relative clause ("The film, which cost about $180 million to make, ...": a cost, not the film;
"Halvorsen, which sells ... to banks and hospitals, had revenue of ..., up 19%": the clause's
words are not the figure's; "the group tries to support prices that have fallen by 12%": not the
group's), and a "respectively" list ("A and B delivered 86,300 and 41,900
vehicles respectively": each figure is one name's, never both), and a measure owned by a time
("Last weekend's leader ... with $18.6 million": not "Leader", this week's is another). When the right words cannot be
found the figure keeps none: a figure without a label is left to its sentence."""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..model import Fact
from .clauses import figure_at
from .label import IRREGULAR_PAST, STOP, VERBS

# Verbs after "which" that say what the noun before it is or did to a level ("reservoirs, which were
# at 61.3%", "sales, which rose 5%", "shares, which have lost about 12%"), or that it is an amount ("projects, which together total 3 GW",
# "costs, which account for a third of"): the figure measures that noun (see .meaning._WHICH_WAS)
_COPULA = frozenset("""is are was were stood stands had has have rose fell grew reached totalled total totals
    account accounts accounted amount amounts amounted represent represents represented comprise comprises
    number numbers numbered equal equals equalled been risen fallen grown lost gained climbed dropped slipped
    declined jumped slumped surged soared tumbled plunged eased edged advanced shrank shrunk""".split())
# words between "which" and its verb that are not the verb ("which together have reserved")
_ADVERBS = frozenset("""together also now still already jointly collectively currently alone only recently
    previously then each""".split())
_PERFECT = frozenset("has have had".split())
# a relative clause still open at the figure ("which cost about", "which together have reserved"): its
# first words, read by _clause_verb
_OPEN = lazy(r",\s+(?:which|who)\s+([^,]*)\Z")
# a relative clause closed before the figure ("Halvorsen, which sells tools to banks, had ...")
_CLOSED = lazy(r",\s+(?:which|who)\s+[^,]*,")
# a "that" clause still open at the figure, after its noun ("prices that have fallen by 12%")
_THAT_OPEN = lazy(r"\b([a-z][\w'’-]*)\s+that\s+([^,;]*)\Z")
# "70% of the new capacity": the figure is a part of a whole named after it
_PART_OF = lazy(r"\s+of\s+(?:the|its|their|this|that|these|those)\s+[^,;]*")
_RESPECTIVELY = lazy(r"\brespectively\b")
_FIGURE = lazy(r"(?<![\w.,])[$€£¥]?\d[\d.,]*")
# a figure (with a qualifier, a scale word, a unit word) and the comma or "and" before the next one
_EARLIER_FIGURE = lazy(r"(?:(?:about|around|nearly|almost|some|more\s+than|over)\s+)?[$€£¥]?\d[\d.,]*"
                       r"(?:\s*(?:%|(?:million|billion|thousand|trillion|bn|m)\b))?(?:\s+[a-z]+)?\s*(?:,\s*(?:and\s+)?|and\s+)\Z")
_LIST_SEP = lazy(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_NAME = r"[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*"
_NAMES_BEFORE = lazy(r"(?:" + _NAME + r"\s*,\s*)*" + _NAME + r"\s*,?\s+and\s+\Z")
_JOIN = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+)"


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w'’-]+", text)}


def _in(phrase: str | None, span: str) -> bool:
    """Whether all words of ``phrase`` are words of ``span``."""
    return bool(phrase) and _words(phrase) <= _words(span)


def _clause_verb(rest: str) -> str | None:
    """The verb a relative clause starts with, read past adverbs and a perfect's "have" ("together
    have reserved 70%" -> "reserved"; "together total 3 GW" -> "total"); None when it starts
    otherwise (a capital, a number)."""
    toks = re.findall(r"[^\s]+", rest)
    i = 0
    while i < len(toks) and toks[i] in _ADVERBS:
        i += 1
    if i == len(toks) or not re.fullmatch(r"[a-z]+", toks[i]):
        return None
    if toks[i] in _PERFECT:
        j = i + 1
        while j < len(toks) and toks[j] in _ADVERBS:
            j += 1
        if j < len(toks) and re.fullmatch(r"[a-z]+", toks[j]) and (toks[j].endswith(("ed", "en"))
                                                                    or toks[j] in IRREGULAR_PAST):
            return toks[j]  # "have reserved": the participle says what the noun did
    return toks[i]


def _relative(f: Fact, at: int) -> None:
    before = f.sentence[:at]
    if f.measure and _words(f.measure) <= _ADVERBS:
        f.measure = None  # "banks, which together hold 45%": "together" says how, not what
    if f.label and _words(f.label) <= _ADVERBS:
        f.label = ""
    m = _OPEN.search(before)
    verb = _clause_verb(m.group(1)) if m else None
    if verb is None or verb in _COPULA:
        verb, m = None, None  # "reservoirs, which were at 61.3%": the figure is the noun's
    if m and f.measure and _in(f.measure, before[: m.start()]) and not _in(f.measure, m.group(0)):
        # "The film, which cost about $180 million": the film is not what it cost; the clause's
        # subject is the noun before it, and what that noun did to the figure no measure says
        f.measure = None
    part = _PART_OF.match(f.sentence, at + len(f.text)) if m else None
    if part and f.label and _in(f.label, part.group(0)):
        f.label = ""  # "utilities, which have reserved 70% of the new capacity": not the capacity's 70%
    # "the projections, which leaves room for no more than two cuts": "leaves room" is the clause's verb
    # and its object, not what the figure measures
    if verb and f.measure and verb in _words(f.measure):
        f.measure = None
    if verb and f.label and verb in _words(f.label):
        f.label = ""
    for m in _CLOSED.finditer(before):
        span = m.group(0)
        if _in(f.measure, span) and not _in(f.measure, before[m.end():]):
            f.measure = None  # "..., which sells tools to banks and hospitals, had revenue ..., up 19%"
        if f.label and f.measure is None and _in(f.label, span) and not _in(f.label, before[m.end():] + f.sentence[at:]):
            f.label = ""


def _that_clause(f: Fact, at: int) -> None:
    """A figure in a "that" clause is said of the noun before "that": the words of the sentence before
    that noun are not its measure or label ("as the group tries to support prices that have fallen
    by 12%": not the group's)."""
    before = f.sentence[:at]
    m = _THAT_OPEN.search(before)
    noun = m.group(1) if m else ""
    verb = _clause_verb(m.group(2)) if m else None
    if not m or noun in STOP or noun in VERBS or noun in IRREGULAR_PAST or noun.endswith("ed") \
            or noun in ("so", "such") or not (verb in VERBS or verb in IRREGULAR_PAST or verb in _COPULA):
        return  # "said that", "so that": no noun the clause is of; "plants that utilities own": not its subject
    ahead, rest = before[: m.start(1)], m.group(0) + f.sentence[at:]
    if f.measure and _in(f.measure, ahead) and not _in(f.measure, rest):
        f.measure = None
    if f.label and _in(f.label, ahead) and not _in(f.label, rest):
        f.label = ""


def _respective(f: Fact, at: int) -> None:
    """Gives ``f`` the name at its place in a "respectively" list, or no subject."""
    resp = _RESPECTIVELY.search(f.sentence, at)
    if not resp:
        return
    if not f.subject:
        _listed(f, at, resp.start())
        return
    lead = f.sentence[:at]
    if f.qualifier and lead.rstrip().endswith(f.qualifier):
        lead = lead.rstrip()[: -len(f.qualifier)]
    place = 0
    m = _EARLIER_FIGURE.search(lead)
    while m:  # the figures before this one in the list that "respectively" closes
        place, lead = place + 1, lead[: m.start()]
        m = _EARLIER_FIGURE.search(lead)
    count = place + 1 + len(_FIGURE.findall(f.sentence[at + len(f.text): resp.start()]))
    names = f.subject.split()
    m = re.search(_JOIN.join(map(re.escape, names)), lead)
    if m:  # "Alpha, Beta and Gamma sold": the subject read may be the list's last name only
        more = _NAMES_BEFORE.search(lead, 0, m.start())
        m = re.compile(re.escape(lead[more.start(): m.end()] if more else m.group(0))).search(lead)
    parts = _LIST_SEP.split(m.group(0)) if m else []
    if count < 2 or len(parts) < 2:
        return  # one figure, or one name owns the list ("Its sales and profit rose 5% and 2% respectively")
    f.subject = parts[place] if len(parts) == count else None


# "Their streaming services, Marquee and Lantern+, have 31.4 million and 22.6 million subscribers":
# names listed before the figures, and the noun the last figure counts
_LISTED = lazy(r"(?<![\w'’])[A-Z][\w'’&.+-]*(?:\s+[A-Z][\w'’&.+-]*)*(?:\s*,\s*[A-Z][\w'’&.+-]*(?:\s+[A-Z][\w'’&.+-]*)*)*"
               r"\s*,?\s+and\s+[A-Z][\w'’&.+-]*(?:\s+[A-Z][\w'’&.+-]*)*")
_LAST_NOUN = lazy(r"\d[\d.,]*(?:\s+(?:thousand|million|billion|trillion))?\s+([a-z][a-z-]+)\s*,?\s*\Z")


def _listed(f: Fact, at: int, resp: int) -> None:
    """A figure of a "respectively" list read with no subject: the name at its place in the names
    listed before the figures, with the noun the list counts ("Marquee subscribers"); when the
    names cannot be matched to the figures, no measure: the group's noun is not one figure's."""
    lead = f.sentence[:at]
    figures = len(_FIGURE.findall(f.sentence[:resp])) - len(_FIGURE.findall(lead[:_first_figure(lead)]))
    place = len(_FIGURE.findall(lead[_first_figure(lead):]))
    names = [m for m in _LISTED.finditer(lead[:_first_figure(lead)])]
    parts = [p.rstrip(",. ") for p in _LIST_SEP.split(names[-1].group(0))] if names else []
    noun = _LAST_NOUN.search(f.sentence[:resp].rstrip(" ,"))
    if figures >= 2 and len(parts) == figures and noun:
        f.subject, f.measure = parts[place], noun.group(1)
        f.label = f"{f.subject} {f.measure}"
    elif figures >= 2 and f.measure and f.measure.split()[-1].lower().endswith("s"):
        f.measure, f.label = None, ""  # "Their streaming services ... 31.4 million and 22.6 million": whose of the two
    elif figures >= 2 and len(parts) == figures:
        # "Kestrel and Aran ... a capacity of 15% and 22% of their peak demand": no noun counted after the
        # figures, so neither "capacity" nor "peak demand" says whose each one is
        f.measure, f.label = None, ""


def _first_figure(lead: str) -> int:
    """Where the first figure of the list the figure is in starts (``len(lead)`` when it is the first)."""
    m = _EARLIER_FIGURE.search(lead)
    start = len(lead)
    while m:
        start, m = m.start(), _EARLIER_FIGURE.search(lead[: m.start()])
    return start


# "last weekend's leader", "last year's winner": a measure that is of another time than the article's
# ("the month's normal of 64 mm" is the article's month: its period says it)
_TIME_OWNER = r"\b(?:(?:last|previous|prior|next)\s+(?:weekend|week|month|year|quarter|season)|yesterday)['’]s\s+"


def _time_owned(f: Fact) -> None:
    if f.measure and re.search(_TIME_OWNER + re.escape(f.measure) + r"\b", f.sentence, re.I):
        f.measure = None  # the label would drop the time that says which one


def settle(facts: list[Fact]) -> None:
    """Corrects the measure, label and subject of figures in relative clauses and
    "respectively" lists (see the module's docstring), in place."""
    for f in facts:
        at = figure_at(f)
        if at < 0:
            continue
        if "which" in f.sentence or "who" in f.sentence:
            _relative(f, at)
        if " that " in f.sentence:
            _that_clause(f, at)
        if "'s" in f.sentence or "’s" in f.sentence:
            _time_owned(f)
        if "respectively" in f.sentence:
            _respective(f, at)
