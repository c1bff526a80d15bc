"""What a figure is called beside its number: measure, subject and period, in the article's words.

Shared by the key-figure panel (:mod:`.keyfigures`) and the stories' figures (:mod:`.stories`).
How the period is said is :mod:`.periodwords`; which figures no label may carry alone is
:mod:`.misreads`. A label whose words are not all the article's is shortened (period, then
subject dropped) or not made at all: print less, never guess.
"""

from __future__ import annotations

import re
from datetime import date as Date

from ..lazyre import lazy
from ..facts import IRREGULAR_PAST, STOP, VERBS
from ..model import Fact
from .periodwords import WORD, period_words, words
from .scope import after_base, container, count_scope, object_owner, premium_base, same_time, span_of, thing_of

# Words that say when or who, not what: a figure labelled only by them is not labelled.
_NOT_WHAT = frozenset("""quarter year years month months week weeks day days period half time fall rise drop gain
    increase decrease decline jump growth change changes meanwhile however separately earlier later ago""".split())



def measure_label(f: Fact, known: set[str], published: Date | None = None) -> str | None:
    """"US trade deficit, 2024" / "Operating profit, first quarter" from the fact's measure,
    subject and period; ``None`` when the fact has no measure or no label made of the
    article's words can be built."""
    if not f.measure or _bare_estimate(f.measure) or _possessive(f.measure):
        return None  # "₹15T Estimates", "Pacific Chip Corp estimates": estimates of what, the label cannot say
    if source_only(f.measure):
        return None  # "Provincial figures" show what is measured; they are not it
    if len(f.measure.split()) <= 2 and f.measure.split()[-1].lower() in _PARTICLES:
        return None  # "€310M / Darragh set aside" of "the 310 million euros set aside for clinics": for what
    if f.measure.split()[-1].lower() == "terms":
        return None  # "RSD 51.3 billion in dinar terms": how an amount is counted, not what it is
    if conjunct(f, f.measure):
        return None  # "$612M Knitwear" of "Exports of combed and dehaired cashmere and knitwear": one of two things
    if unit_only(f.measure):
        return None  # "8.9 Minutes" of "Average time for the first engine to reach a house fire: 8.9 minutes";
        # with an owner still no thing ("186M / Makorau Dairy Co-operative kilograms": of milk)
    return _with_parts(f.measure, f, known, published, with_subject=True)


def _with_parts(measure: str, f: Fact, known: set[str], published: Date | None, with_subject: bool) -> str | None:
    # what the measure alone would claim too much of (:mod:`.scope`): which ones were counted,
    # a span the figure is spread over, a base that is not a year earlier; never shortened away
    which = count_scope(f)
    if which is None:
        return None
    span, against, of = span_of(f), after_base(f), thing_of(f, measure)  # "Budget for the auction": whose
    if of is None and container(measure):
        return None  # "₩4,480 / Five-pack": a pack of what, the label must say
    per = None if of else per_of(f, measure)  # "Revenue per available room": not revenue
    measure = " ".join(p for p in (measure, of, per, which, span if span and not words(span) <= words(measure) else "")
                       if p)
    when = same_time(f)  # "up 17% from the same weekend a year earlier": "Weekend ticket sales"
    if when and when not in words(measure):
        lead = measure.split()[0]  # capitalised only where it starts the sentence: a common noun
        common = lead.islower() or re.match(rf"(?:.*?[-–—]\s+)?{re.escape(lead)}\b", f.sentence) is not None \
            and not re.search(rf"[a-z,]\s+{re.escape(lead)}\b", f.sentence)
        measure = f"{when} {lead.lower() if common else lead}{measure[len(lead):]}"
    if f.unit != "count" and measure.split()[-1].lower() in _PEOPLE:
        return None  # "3.5%–3.75% Two regional bank presidents" (the range they voted for): people are no measure
    if body_only(measure, f) or people_acted(measure) or time_only(measure):
        return None  # "+35% / City council" (that voted to raise rents by 35%): who acted, not what was measured
    owner = object_owner(f, measure)
    if owner is not None:  # "sold 4.5 billion euros of a new 10-year BTP at a yield of": the bond's, not the seller's
        subject = owner or None
        with_subject = bool(owner)
    else:
        subject = f.subject if with_subject and f.subject and f.subject.lower() not in measure.lower() else None
    base = premium_base(f, measure)
    measure = f"{measure} {base}" if base else measure
    periods = period_words(f, known, published)
    options = []
    for subj in ((subject, None) if subject else (None,)):
        base = f"{subj} {measure}" if subj else measure
        for period in [*periods, None]:
            text = f"{base}, {period}" if period and not words(period) <= words(base) else base
            options.append(f"{text}, {against}" if against else text)
    for text in options:
        if words(text) <= known:
            return None if _of_nothing(text) or _says(text) else text[:1].upper() + text[1:]
    return None


# "cashmere and knitwear", "ferries or buses": a word joined to the one before it
# (after a word, not after a comma or a figure: ", and toll revenue grew 9.1%" joins two clauses, not two things)
_JOINED_AFTER = lazy(r"[A-Za-z]\s+(?:and|or|&)\s+\Z", re.I)


def conjunct(f: Fact, measure: str) -> bool:
    """Whether ``f``'s sentence writes ``measure`` only as the last of two or more things joined by "and"/"or"
    ("exports of cashmere and knitwear" for the measure "knitwear"): the figure is of all of them, and a
    label of the last one alone names a part as the whole."""
    found = [m.start() for m in re.finditer(rf"\b{re.escape(measure)}\b", f.sentence, re.I)]
    return bool(found) and all(_JOINED_AFTER.search(f.sentence, max(0, at - 9), at) for at in found)


# verbs of saying and thinking, whose object is a clause: a label ending on one ("Estimate assumes" of "Our
# estimate assumes that European gas stays below €40 per megawatt hour") is a clause cut short, no name
_SAYING = frozenset("""assumes assumed assume says said suggests suggested implies implied believes believed
    thinks argues argued warns warned""".split())


def _says(label: str) -> bool:
    """Whether ``label`` (before its period) ends on a verb of saying or thinking (:data:`_SAYING`)."""
    last = label.split(",")[0].split()
    return bool(last) and last[-1].lower() in _SAYING


# "Revenue per available room (RevPAR) ... rose only 0.7% to $133.62": the measure is a rate of the
# words after "per" (up to three, to a bracket, punctuation or a verb); "Revenue" alone is another measure
_PER_WORDS = lazy(r"\s+per((?:\s+[a-z][\w-]*){1,4})\s*(?P<end>[(,;:.]|\Z)?")


def per_of(f: Fact, measure: str) -> str | None:
    """"per available room" when ``f``'s sentence writes its measure with a "per" phrase right after
    it ("Revenue per available room"), up to a bracket, punctuation or a verb; else ``None``."""
    at = f.sentence.lower().find(measure.lower())
    while at >= 0:
        m = _PER_WORDS.match(f.sentence, at + len(measure))
        if m:
            said = m.group(1).split()
            stop = next((i for i, w in enumerate(said) if w.lower() in VERBS), None)
            if stop is not None and stop >= 1:
                return " ".join(["per", *said[:stop]])
            if stop is None and len(said) <= 3 and m.group("end") is not None:
                return " ".join(["per", *said])
        at = f.sentence.lower().find(measure.lower(), at + 1)
    return None


def _of_nothing(label: str) -> bool:
    """Whether ``label`` is only a measure that is always of something ("Yield", "Premium",
    "Stake"): of which bond, over which price, in what, the label does not say."""
    return label.split(",")[0].strip().lower() in _RELATIONAL


# measures that are always of something or relative to something: alone they say neither
# people, who may hold, want or buy an amount but are not one ("Two regional bank presidents dissented in
# favour of holding the range at 3.50%–3.75%", "Foreign investors bought about 38% of the new bond")
_PEOPLE = frozenset("""people presidents officials investors analysts economists traders voters residents members
    directors executives shareholders households consumers buyers sellers customers
    exporters importers producers growers farmers
    president official investor analyst economist director executive chairman chairwoman chair minister
    governor spokesman spokeswoman spokesperson mayor secretary officer founder ceo""".split())
# "−18% / Turkish exporters": who shipped less; "about −23% / Chief executive, 2026" (who said the network
# had lost about 23% of its water): a role is who spoke or acted, never what the figure measures
# bodies that act, decide, spend or count: a label that ends on one names who did something to the figure
# ("9.4M MAD / Council's medina office" of "the council's medina office spent 9.4 million dirhams on its
# guards"), never what the figure measures; only a count of them is theirs ("12 district councils")
_BODIES = frozenset("""council councils office offices ministry ministries department departments authority
    authorities agency agencies government governments municipality municipalities committee committees
    commission commissions board boards parliament cabinet bureau directorate regulator administration
    secretariat assembly senate congress""".split())


def body_only(measure: str, f: Fact) -> bool:
    """Whether ``measure`` (a label before its period) ends on the noun of a body (:data:`_BODIES`) and
    ``f`` is not a count of that noun: the body is who acted, the label says nothing of what is measured."""
    head = re.findall(r"[\w'’-]+", measure.split(",")[0].lower())
    if not head or head[-1] not in _BODIES:
        return False
    return not (f.unit == "count" and f.text.lower().split()[-1] == head[-1])  # "14 district councils": theirs


# past tenses of giving and moving that end in no "-ed" (IRREGULAR_PAST has most others)
_ACTED = IRREGULAR_PAST | frozenset("sent lent gave got brought".split())


def people_acted(measure: str) -> bool:
    """Whether ``measure`` (a label before its period) is people and what they did ("Nigerians sent" of
    "Nigerians sent ₦318 trillion through the instant bank-transfer system", "Farmers sold"): who acted,
    never what the figure is (what they sent, the sentence says only around the number)."""
    head = measure.split(",")[0].split()
    return any((verb.lower() in _ACTED or re.fullmatch(r"[a-z]{3,}ed", verb))
               and (who.lower() in _PEOPLE or re.fullmatch(r"[A-Z][a-z]+ans", who) is not None)
               for who, verb in zip(head, head[1:]))  # "Nigerians sent NGN" too: the label of its 41%


# words that say when and how much of it, never what: a label of only these is no label
_WHEN = frozenset("""january february march april may june july august september october november december
    first second third fourth last final quarter half month week year alone only""".split())


def time_only(measure: str) -> bool:
    """Whether ``measure`` (a label before its period) says only when ("March alone" of "March alone
    accounted for ₦117 trillion"): the figure is of something the label does not name."""
    toks = re.findall(r"[A-Za-z]+|\d+", measure.split(",")[0].lower())
    return bool(toks) and all(t in _WHEN or re.fullmatch(r"(?:19|20)\d\d", t) for t in toks)


# superlatives, which name no thing alone
_SUPERLATIVES = frozenset("""steepest largest highest lowest biggest smallest fastest slowest strongest weakest
    cheapest dearest deepest widest longest shortest greatest""".split())
# a phrasal verb's last word: a measure ending on one is what was done, not to what ("set aside", "paid out")
_PARTICLES = frozenset("aside out off away back".split())
# ("Rates" beside "$1,885/container" says it through its unit)
_RELATIONAL = frozenset("yield yields premium discount spread spreads stake share price prices ratio ratios".split())


def _possessive(phrase: str) -> bool:
    """Whether ``phrase`` ends on an owner whose thing is missing ("Plant's" for "the plant's
    45,000-bpd crude distillation unit"): it names nothing the figure measures."""
    return phrase.rstrip().endswith(("'s", "’s", "s'", "s’"))


def names_what(label: str, measure: str | None) -> bool:
    """Whether a sentence-made label (:mod:`reportkit.facts.label`) says what is measured:
    it holds the measure's head noun when the fact has a measure; without one it is two or
    more words ending on a common noun ("Diplomatic relations"), not a bare name ("India"),
    a time ("quarter") or a movement ("fall")."""
    toks = WORD.findall(label)
    if not toks or any(t.lower() in VERBS for t in toks[1:-1]):
        return False  # "all-cash offer values Kellanova's equity": a clause, not a name
    if measure:
        head = WORD.findall(measure)
        return bool(head) and head[-1].lower() in {t.lower() for t in toks}
    last = toks[-1].lower()
    if last[:1].isdigit() or re.fullmatch(r"[qh][1-4]", last):
        return False  # a table's "Change from Q3 2025": ends on a time, says when, not what
    return len(toks) >= 2 and last not in _NOT_WHAT and last not in STOP and not toks[-1][:1].isupper()



# A movement word ending a label ("Body weight lost") says again what the printed sign says:
# "−13.8% Body weight lost" reads as a double negative
_MOVED = frozenset("""lost gained fell rose dropped climbed declined increased decreased added shed cut jumped
    slipped grew shrank slumped surged soared eased""".split())


def without_movement(label: str, shown: str) -> str:
    """``label`` without a last movement word when the figure ``shown`` carries its sign."""
    head, _, last = label.rpartition(" ")
    signed = shown.lstrip().split(" ")[-1][:1] in "+−-" if shown.strip() else False
    return head if signed and head and last.lower() in _MOVED else label


# What someone expects a figure to be, which says nothing of what the figure is ("a budget" is an amount);
# a bare "target" neither ("target raised to €41.50": a share-price target, a sales target?)
_ESTIMATES = frozenset("""forecast forecasts estimate estimates expectation expectations consensus projection
    projections guidance outlook target targets""".split())


# words that say which estimate or whose, not of what ("Previous estimate", "our latest forecast")
_WHICH = frozenset("previous earlier latest last new initial original revised current prior first our its their".split())


def _bare_estimate(phrase: str | None) -> bool:
    """Whether ``phrase`` names only an estimate, forecast or target, and at most whose or which
    ("estimates", "analysts' estimates", "previous estimate"), not of what."""
    rest = [w for w in (phrase or "").lower().split() if not w.endswith(("'", "'s", "’", "’s")) and w not in _WHICH]
    return bool(rest) and all(w in _ESTIMATES for w in rest)


# nouns that say where figures come from, not what they measure: "Provincial figures show that hotel
# occupancy in the district averaged 71%" is no "71% / Provincial figures"
_SOURCE_NOUNS = frozenset("figures data statistics stats survey surveys".split())


def source_only(phrase: str | None) -> bool:
    """Whether ``phrase`` (a measure or a label, its period after a comma left out) ends on a noun that says
    where figures come from ("Provincial figures", "Official data"), not what is measured."""
    head = (phrase or "").split(",")[0].split()
    return bool(head) and head[-1].lower() in _SOURCE_NOUNS


def figure_label(f: Fact, known: set[str], published: Date | None = None, with_subject: bool = False) -> str | None:
    """A story figure's label: the sentence-made label when it names what is measured (with
    the period as :func:`period_words` says it, and whose it is when ``with_subject``: an
    article about several companies), else the measure's label, else ``None``."""
    made = _figure_label(f, known, published, with_subject)
    if made and counts_another_noun(f, made):
        return None  # "forcing more than 16,000 people to leave" is not a count of "Fires"
    head = made.split(",")[0].strip().lower().split() if made else []
    if len(head) > 1 and _DONE_WORDS.match(head[-1]):
        head = head[:-1]  # "Kilograms collected": what was done to a unit, still no thing measured
    if made and head and len(head) - (f.subject is not None and made.lower().startswith(f.subject.lower())) <= 2 \
            and head[-1] in _PARTICLES:
        return None  # "€310M / Set aside": for what, the label does not say
    if made and len(head) == 1 and head[0] in _SUPERLATIVES:
        return None  # "45%–50% / Steepest": the steepest what, a superlative alone does not say
    if made and (" ".join(head) in _UNIT_NOUNS | _EMPTY or head[-1:] and head[-1] in _UNIT_NOUNS - {"units"} or source_only(made)):
        return None  # "63M–65M Bags": a unit says nothing of what is measured
    return made


# participles the facts stage writes after a measure's noun ("tickets sold", "kilograms collected")
_DONE_WORDS = lazy(r"(?:[a-z]{3,}ed|sold|bought|built|won|spent|made)\Z")


# nouns that are units of measure, not things: a label of one of these alone names nothing
_UNIT_NOUNS = frozenset("""bags sacks bales barrels tonnes tons hectares acres bushels ounces litres liters gallons
    kilograms kilogrammes pounds metres meters units seconds minutes hours grams milligrams micrograms
    terms""".split())  # "Dinar terms": what an amount is counted in
# a label of a statistic's name alone ("about $60/tonne / Average"): the average of what, it does not say
_EMPTY = frozenset("average mean median midpoint total level figure amount value number".split())


def unit_only(measure: str) -> bool:
    """Whether ``measure`` is only a unit of measure ("minutes", "kilograms"): how the figure is
    counted, not what is measured; alone (with no owner) such a label names nothing."""
    return measure.strip().lower() in _UNIT_NOUNS


# a count's own noun right after its number ("16,000 people", "63 million and 65 million bags")
_COUNTED = lazy(r"\d(?:\s+(?:thousand|million|billion|trillion))?\s+(?!(?:thousand|million|billion|trillion)\Z)([a-z][\w-]*)\Z")


def counts_another_noun(f: Fact, label: str) -> bool:
    """Whether ``f`` is a count whose own noun ("15,000 people") is not in ``label``: "whose 112 member
    firms employ more than 15,000 people" is no count of "member firms"."""
    noun = _COUNTED.search(f.text) if f.unit == "count" else None
    return bool(noun) and noun.group(1).lower() not in words(label)


_JOINED_WORD = lazy(r"\b(?:and|or)\b")


def cuts_joined(label: str, measure: str | None) -> bool:
    """Whether ``label`` leaves out words of a ``measure`` that joins two things ("dried herbs exported" of
    "dried herbs and essential oils exported"): the figure is of both, so the measure's own label is used."""
    return bool(measure) and _JOINED_WORD.search(measure) is not None \
        and not words(measure) - {"and", "or"} <= words(label)


def _figure_label(f: Fact, known: set[str], published: Date | None, with_subject: bool) -> str | None:
    label = f.label.strip() if f.label else ""
    if _bare_estimate(f.measure) or _bare_estimate(label):
        return None  # "analysts' estimates" of what: the figure is told by the sentence, not a label
    # "Borovina Timber" names the measure "sawn timber" only by the word its owner's name shares with it
    what = label[len(f.subject):] if f.subject and label.startswith(f.subject) else label
    if label and names_what(what, f.measure) and words(label) <= known and not _possessive(label) \
            and not cuts_joined(label, f.measure):
        first = f.measure.split()[0] if f.measure else ""
        if with_subject and first and label.split()[0].lower() == first.lower():
            label = first + label[len(first):]  # "Kestrel shares": the measure knows a sentence start's capital
        return _with_parts(label, f, known, published, with_subject=with_subject)
    return measure_label(f, known, published)

