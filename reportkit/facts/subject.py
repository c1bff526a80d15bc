"""Whose a figure is: the name that is the grammatical subject of its clause.

"*Japan* imported", "Mexican state oil company *Pemex* reported", "Codelco, the world's largest
copper producer, said"; a clause that starts with its verb has the previous clause's subject;
a list item's leading "Name:" owns its figures. Read by :func:`subject_of` when the measure
(:mod:`.meaning`) gives no possessive ("*Shell's* net debt"). Not whose: a place the figure is
about ("the LNG price for delivery into north-east Asia"), a time zone ("1748 GMT"), a part of
a name ("York" of "in New York"), one capitalised word that only starts a sentence ("Output
was cut"). When unsure: ``None``.
"""

from __future__ import annotations

from ..lazyre import lazy
from .label import AUX, IRREGULAR_PAST, ING_NOUNS, STOP, VERBS
from .clauses import clause
from .nomeasure import CLAUSE_INTRO
from .names import PLACES, Names

_WORD_COMMA = lazy(r"[\w'’&.+-]+,?")
# time zones and temperature scales: capitalised words after a number that say which unit, not whose
_TIMEZONES = frozenset("GMT UTC ET EST EDT BST CET CEST PT PST Celsius Fahrenheit".split())
# verbs that make the name before them a speaker; a person who speaks owns none of the figures said
_SPEECH = frozenset("said says told added noted warned argued explained estimated reckoned".split())
_NAME_COLON = lazy(r"\s*([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})\s*:\s*")


def subject_of(sentence: str, qs: int, names: Names) -> str | None:
    """The name that is the grammatical subject of the clause holding the quantity, if any;
    a clause that starts with its verb ("..., and announced a buyback of £2bn") has the
    previous clause's subject."""
    cs, _ce = clause(sentence, qs)
    before = sentence[cs:qs]
    intro = CLAUSE_INTRO.match(before)
    toks = list(_WORD_COMMA.finditer(before[intro.end() if intro else 0 :][:200]))
    head: list[str] = []
    verb = ""
    for t in toks:
        w = t.group(0)
        lw = w.rstrip(",").lower()
        verb = lw
        if lw in VERBS or lw in IRREGULAR_PAST or lw in AUX or lw in ("which", "who", "on", "agreed", "plans", "to") \
                or (lw.endswith("ed") and len(lw) > 4 and lw not in ("red", "seed", "listed")) \
                or (lw.endswith("ing") and len(lw) > 4 and lw not in ING_NOUNS
                    and not (head and head[-1][:1].isupper() and w[:1].isupper())):  # "Kestrel Mining"
            break
        if lw == "and" and head and head[-1][:1].isupper() and not head[-1].endswith(","):
            head.append(w)  # "Trinidad and Tobago", "Kingston and St Andrew": the "and" of one name
            continue
        if lw in STOP and lw not in ("of", "&", "into", "in", "for", "at", "from", "on", "to"):
            continue  # "Tesco also extended": adverbs between the subject and its verb
        head.append(w)
        if w.endswith(","):  # "Codelco, the world's largest copper producer, said"
            break
    if not head and toks and cs > 0:
        return subject_of(sentence, cs - 1, names)
    for i, w in enumerate(head[:3]):  # "Walmart's shares", "Teck's coal unit"; not "Britain's biggest lender"
        if w.endswith(("'s", "’s")):
            rest = [x.lower() for x in head[i + 1 :]]
            if names.is_name(w) and rest and not any(x.endswith("est") for x in rest) and \
                    not any(names.is_name(x) for x in head[i + 1 :]) and \
                    all(names.is_name(x) or x in ("of", "&") or names.repeated_name(" ".join(head[:i] + [w[:-2]]))
                        for x in head[:i]):  # "Port Ellery's": a name the article writes again
                return " ".join(head[:i] + [w[:-2]])
            break
    run: list[str] = []
    for w in reversed(head):  # the trailing run of capitalised words: "Mexican state oil company Pemex"
        core = w.rstrip(",")
        if core.endswith(("'s", "’s")):
            break
        if core[:1].isupper() or (run and core in ("of", "&", "and")):
            run.insert(0, core)
        else:
            break
    while run and (run[0] in ("of", "&", "and") or not names.is_name(run[0])):
        if run[0][:1].isupper() and len(head) - len(run) > 0:
            return None  # "Arabica futures in New York": "York" alone is part of a name, not whose
        run.pop(0)
    while run and run[0].rstrip(").,") in _TIMEZONES:
        run.pop(0)  # "(1748 GMT)": a time, not whose
    if run and len(head) > len(run) and head[-len(run) - 1].lower() in ("into", "for", "from", "on", "to"):
        return None  # "the LNG price for delivery into north-east Asia": a place the figure is about, not whose
    if not run:
        # "Ostmark Energie: target raised to €41.50": a list item's leading name owns its figures
        lead = _NAME_COLON.fullmatch(sentence, 0, cs) if cs > 0 else None
        return lead.group(1) if lead and all(names.is_name(w) for w in lead.group(1).split()) else None
    if verb in _SPEECH and names.person(" ".join(run)):
        return None  # "Lindfors said inflation averaged 3.0%": the speaker, not whose inflation
    # one capitalised word starting a sentence and seen nowhere else may be a common noun ("Output was cut")
    sure = len(run) > 1 or head[-1].endswith(",") or any(
        w in PLACES or w.rstrip(".") in names.inside or w in names.repeated or (len(w) > 1 and any(c.isupper() for c in w[1:])) for w in run)
    return " ".join(run) if sure else None
