"""What a figure is called beside its number: measure, subject and period, in the article's words.

Shared by the key-figure panel (:mod:`.keyfigures`) and the stories' figures (:mod:`.stories`).

The period is printed as the text gives it. A figure for "the first quarter" is labelled
"first quarter", never by a year: a year beside a quarter's or a month's figure claims the
whole year. A quarter or half keeps a year only when the figure's own sentence writes one
(a company's "first quarter" may be a fiscal one); a calendar month takes the year the
facts stage resolved against the article's date, when the article writes that year;
"fiscal 2026" stays "fiscal 2026", "the first half of fiscal 2027" stays that half. A label whose words are not all the article's is
shortened (period, then subject dropped) or not made at all: print less, never guess.
"""

from __future__ import annotations

import re
from datetime import date as Date

from ..lazyre import lazy
from ..facts import STOP, VERBS, figure_at
from ..model import Fact
from .scope import after_base, count_scope, fiscal_quarter, object_owner, premium_base, same_time, span_of, thing_of, to_date

_WORD = lazy(r"[A-Za-z0-9]+")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_ORDINALS = ("first", "second", "third", "fourth")
_PERIOD = lazy(r"^(?P<y>(?:19|20)\d\d)(?:-(?:Q(?P<q>[1-4])|H(?P<h>[12])|(?P<m>0[1-9]|1[0-2])))?$")
_FY = lazy(r"^FY(?P<y>(?:19|20)\d\d)(?:-(?P<k>[QH])(?P<n>[1-4]))?$")
# Words that say when or who, not what: a figure labelled only by them is not labelled.
_NOT_WHAT = frozenset("""quarter year years month months week weeks day days period half time fall rise drop gain
    increase decrease decline jump growth change changes meanwhile however separately earlier later ago""".split())


def words(text: str) -> set[str]:
    """The words of a text, for the label check (case-insensitive, letters and digits)."""
    return {w.lower() for w in _WORD.findall(text)}


def _in_sentence(f: Fact, pattern: str) -> bool:
    return re.search(pattern, f.sentence, re.I) is not None


def _natural_year(first_month: int, published: Date | None) -> int | None:
    """The year a bare "February" or "first quarter" means in an article of ``published``."""
    if published is None:
        return None
    return published.year if first_month <= published.month else published.year - 1


def period_words(f: Fact, known: set[str], published: Date | None = None) -> list[str]:
    """How the label may say ``f``'s period, fullest first ("February 2025", "February");
    ``[]`` when it has none or the article's words cannot say it. A bare "first quarter" or
    "February" is offered only when a reader of the article (of date ``published``) would
    take it for the right year: the loss "a year earlier" of a first-quarter profit is not
    labelled "first quarter"."""
    partial = to_date(f)
    if partial is not None:  # "up to Dec. 27": not the whole year
        return [partial] if partial and words(partial) <= known else []
    period = f.period or (str(f.year) if f.year else None)
    if not period:
        fiscal = fiscal_quarter(f)  # "in the fiscal third quarter": no calendar period, but said
        return [fiscal] if fiscal and words(fiscal) <= known else []
    fy = _FY.match(period)
    if fy:
        y = fy.group("y")
        if fy.group("k"):  # "first half of fiscal 2027", as written, or nothing: never the whole fiscal year
            part = f"{_ORDINALS[int(fy.group('n')) - 1]} {'half' if fy.group('k') == 'H' else 'quarter'}"
            said = re.search(rf"\b{part}\s+of\s+(?:the\s+)?(?:fiscal\s+(?:year\s+)?|FY\s?){y}\b", f.sentence, re.I)
            return [said.group(0)] if said and words(said.group(0)) <= known else []
        options = [f"FY{y}"] if _in_sentence(f, rf"\bFY\s?{y}\b") else []
        options += [f"fiscal {y}"] if _in_sentence(f, rf"\bfiscal\s+(?:year\s+)?{y}\b") else []
        return options
    m = _PERIOD.match(period)
    if m is None:
        return []
    year = m.group("y")
    options: list[str] = []
    if m.group("q") or m.group("h"):
        n = int(m.group("q") or m.group("h"))
        short, long = (f"Q{n}", f"{_ORDINALS[n - 1]} quarter") if m.group("q") else (f"H{n}", f"{_ORDINALS[n - 1]} half")
        name = short if _in_sentence(f, rf"\b{short}\b") else long
        first_month = 3 * n - 2 if m.group("q") else 6 * n - 5
        # a company's "first quarter" may be a fiscal one: its year only when the sentence writes it
        written = f.year is not None and str(f.year) == year
        if written:
            options.append(f"{name} {year}")
    else:
        name = _MONTHS[int(m.group("m")) - 1] if m.group("m") else ""
        first_month = int(m.group("m") or 1)
        written = True  # a calendar month is the month of the year the facts stage resolved
        options.append(f"{name} {year}".strip())
    if name and (written and published is None or _natural_year(first_month, published) == int(year)):
        options.append(name)
    return [o for o in options if words(o) <= known]


def year_word(f: Fact, known: set[str]) -> str | None:
    """The year ``f`` is for, when its period is a whole calendar year (or it has only a
    year) and the article writes it; never the year of a quarter or a month."""
    period = f.period or (str(f.year) if f.year else None)
    if period and to_date(f) is None and re.fullmatch(r"(?:19|20)\d\d", period) and period in known:
        return period
    return None


def measure_label(f: Fact, known: set[str], published: Date | None = None) -> str | None:
    """"US trade deficit, 2024" / "Operating profit, first quarter" from the fact's measure,
    subject and period; ``None`` when the fact has no measure or no label made of the
    article's words can be built."""
    if not f.measure or _bare_estimate(f.measure) or _possessive(f.measure):
        return None  # "₹15T Estimates", "Pacific Chip Corp estimates": estimates of what, the label cannot say
    return _with_parts(f.measure, f, known, published, with_subject=True)


def _with_parts(measure: str, f: Fact, known: set[str], published: Date | None, with_subject: bool) -> str | None:
    # what the measure alone would claim too much of (:mod:`.scope`): which ones were counted,
    # a span the figure is spread over, a base that is not a year earlier; never shortened away
    which = count_scope(f)
    if which is None:
        return None
    span, against, of = span_of(f), after_base(f), thing_of(f, measure)  # "Budget for the auction": whose
    measure = " ".join(p for p in (measure, of, which, span if span and not words(span) <= words(measure) else "") if p)
    when = same_time(f)  # "up 17% from the same weekend a year earlier": "Weekend ticket sales"
    if when and when not in words(measure):
        lead = measure.split()[0]  # capitalised only where it starts the sentence: a common noun
        common = lead.islower() or re.match(rf"(?:.*?[-–—]\s+)?{re.escape(lead)}\b", f.sentence) is not None \
            and not re.search(rf"[a-z,]\s+{re.escape(lead)}\b", f.sentence)
        measure = f"{when} {lead.lower() if common else lead}{measure[len(lead):]}"
    if f.unit != "count" and measure.split()[-1].lower() in _PEOPLE:
        return None  # "3.5%–3.75% Two regional bank presidents" (the range they voted for): people are no measure
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
            return None if _of_nothing(text) else text[:1].upper() + text[1:]
    return None


def _of_nothing(label: str) -> bool:
    """Whether ``label`` is only a measure that is always of something ("Yield", "Premium",
    "Stake"): of which bond, over which price, in what, the label does not say."""
    return label.split(",")[0].strip().lower() in _RELATIONAL


# measures that are always of something or relative to something: alone they say neither
# people, who may hold, want or buy an amount but are not one ("Two regional bank presidents dissented in
# favour of holding the range at 3.50%–3.75%", "Foreign investors bought about 38% of the new bond")
_PEOPLE = frozenset("""people presidents officials investors analysts economists traders voters residents members
    directors executives shareholders households consumers buyers sellers customers""".split())
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
    toks = _WORD.findall(label)
    if not toks or any(t.lower() in VERBS for t in toks[1:-1]):
        return False  # "all-cash offer values Kellanova's equity": a clause, not a name
    if measure:
        head = _WORD.findall(measure)
        return bool(head) and head[-1].lower() in {t.lower() for t in toks}
    last = toks[-1].lower()
    if last[:1].isdigit() or re.fullmatch(r"[qh][1-4]", last):
        return False  # a table's "Change from Q3 2025": ends on a time, says when, not what
    return len(toks) >= 2 and last not in _NOT_WHAT and last not in STOP and not toks[-1][:1].isupper()


# A figure after these words in its clause is expected, planned or estimated, not what happened
# ("Gross borrowing is set at 14.8 trillion rupees": a budget's plan, no forecast word needed).
# Lower case only ("In May" is a month), and not inside "stronger-than-expected".
_EXPECTS = lazy(r"(?<![-\w])(?:expects?|expected|expecting|forecasts?|projects?|projected|sees|aims?|aiming|"
                      r"targets?|targeting|wants?|wanting|must|plans?|planned|predicts?|predicted|estimates?|estimated|will|would|could|"
                      r"may|might|should|(?:is|are)\s+set\s+(?:at|to)|on\s+track|"
                      # "Solvik has also promised 1,500 new rental homes by 2030": a promise, not a fact
                      r"promise[sd]?|promising|pledge[sd]?|pledging|vow(?:s|ed)?|"
                      # "enough to power around 7 million homes": what it could do, not what was done
                      r"enough\s+to|"
                      # "projections showing a further 50 basis points of cuts", "a 65% chance of another cut"
                      r"projections?|(?:chance|probability|odds|likelihood|risk)\s+of|"
                      # "tracking had pointed to an opening of", "It puts the crop at": someone's estimate
                      r"pointed\s+to|pointing\s+to|puts?\s+[^,;.]{0,40}?\bat(?=\s+(?:between\s+|about\s+|around\s+|some\s+)?\Z))\b")
# A label with one of these words already says the figure is expected, planned or estimated.
_SAYS_EXPECTED = frozenset("""forecast forecasts target targets estimate estimates guidance outlook expectation
    expectations plan plans goal projection projections budget consensus""".split())
# A plan's own words ("Budget", "Plan") say it is planned; someone's guess at it they do not
_PLANNED = frozenset("budget plan plans goal".split())
_GUESSES = lazy(r"(?<![-\w])(?:expects?|expected|expecting|forecasts?|predicts?|predicted|sees|estimates?|estimated)\b")
_CLAUSE_END = lazy(r"[.;:]\s|,\s+(?:and|but|while|which)\s")
# a clause with no verb of its own but an infinitive ("and New York prices to average"): the object
# of the clause before it, whose verb ("We expect") says what kind of figure it is
_INFINITIVE_ONLY = lazy(r"\s*(?:[\w'’-]+\s+){1,5}?to\s+[a-z]+\s+(?:about\s+|around\s+|roughly\s+)?\Z")


def expected(f: Fact, label: str) -> bool:
    """Whether ``f`` is a forecast, plan or estimate ("expects revenue of $12.5 billion", "will
    raise spending to") that ``label`` does not call one: such a figure is not shown as if it had
    happened."""
    at = figure_at(f)
    if at < 0:
        return False
    clauses = _CLAUSE_END.split(f.sentence[:at])
    before = clauses[-1]
    if len(clauses) > 1 and _INFINITIVE_ONLY.match(before):
        before = f.sentence[:at]  # "We expect the deficit to widen ..., and prices to average $7,200": still expected
    says = words(label) & _SAYS_EXPECTED
    if says and says <= _PLANNED and _GUESSES.search(before):
        return True  # "She expects an extra budget of at least ¥10T": a guess about a budget, not the budget
    if not says and _HYPOTHETICAL.match(f.sentence, at + len(f.text)):
        return True  # "A further rise of more than 0.5 percentage points would ... bring the cuts forward"
    if not says and _EXPECTED_AFTER.match(f.sentence, at + len(f.text)):
        return True  # "£22 billion of private investment expected in ports": the amount is expected
    return bool(_EXPECTS.search(before)) and not says


# the clause's verb right after the figure is a conditional one: the figure is supposed, not what happened
_HYPOTHETICAL = lazy(r"(?:\s+[a-z][\w-]*){0,3}?\s+(?:would|could|might)\b")
# the figure's own noun phrase is said to be expected ("£22 billion of private investment expected in
# ports", "3,000 jobs are forecast to go"); not "than expected", "as expected", nor another figure's
_EXPECTED_AFTER = lazy(r"(?:\s+(?!than\b|as\b)[a-z][\w'’-]*){0,4}?\s+(?:(?:is|are|was|were)\s+)?"
                       r"(?:expected|forecast|projected|predicted|anticipated|estimated)\b")


# A figure right after these words is what another one is compared with ("lost 13.8% ..., compared
# with 2.4% for those on a placebo", "up from 44.0% a month earlier"): alone under a label it reads as
# the figure itself.
_COMPARED = lazy(r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?|from)\s+(?:about\s+|around\s+|nearly\s+|"
                       r"almost\s+|roughly\s+)?\Z"
                 # "won 19 of the 35 seats", "Seven of the 19 officials": the whole a part is of
                 r"|\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|"
                 r"half|all|most|none|some|many|few|(?:[a-z]+[- ])?(?:third|quarter|fifth|sixth|eighth|tenth)s?)\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?\Z"
                 # "0.6 percentage points above the current rate of 3.45%": the base another figure is measured from
                 r"|\b(?:above|below)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){1,3}?of\s+\Z"
                 # "after a vote of 11 to 4", "by 11 votes to 4": the other side of a tally
                 r"|\b(?:votes?|score|tally)\s+(?:of\s+)?\d+\s+(?:to|-|–)\s+\Z|\b\d+\s+votes?\s+to\s+\Z", re.I)


# "sales over the five-day Thanksgiving weekend rose 4.1%": the figure is for a time the period
# cannot say (a weekend, a week, a session), and a label without it would claim all sales
_UNSAID_TIME = (r"\s+(?:over|during|in|for|on|at)\s+(?:the\s+|this\s+|last\s+|a\s+)?[^,;.]{0,40}?"
                r"\b(?:weekends?|weeks?|sessions?|seasons?|nights?|mornings?|afternoons?|evenings?|days?)\b")


def time_untold(f: Fact) -> bool:
    """Whether ``f``'s measure is written with a time phrase of its own that its period does
    not say (see :data:`_UNSAID_TIME`): such a figure is not labelled by its measure alone."""
    if not f.measure or f.period:
        return False
    at = figure_at(f)
    return at > 0 and (re.search(re.escape(f.measure) + _UNSAID_TIME, f.sentence[:at], re.I) is not None
                       or _THE_TIME_AFTER.match(f.sentence, at + len(f.text)) is not None)


# "Inventories were ... at $4.2 billion at the end of the quarter": a time the text names only by
# pointing back to one before; a figure whose period the facts stage could not resolve from it
# is not labelled as if it were for no time in particular
_THE_TIME_AFTER = lazy(r"[^,;.]{0,30}?\bat\s+the\s+end\s+of\s+the\s+"
                       r"(?:quarter|month|half|period|season)\b")


def _around(f: Fact) -> tuple[str, str] | None:
    """The words of ``f``'s sentence before the figure (its qualifier left out) and after it;
    None when the figure is not found in its sentence."""
    at = figure_at(f)
    if at < 0:
        return None
    before = f.sentence[:at]
    if f.qualifier and before.rstrip().endswith(f.qualifier):
        before = before.rstrip()[: -len(f.qualifier)]
    return before, f.sentence[at + len(f.text):]


def compared(f: Fact) -> bool:
    """Whether ``f`` is the base another figure is compared with, the whole a part is of, or the
    other side of a tally (see :data:`_COMPARED`)."""
    around = _around(f)
    return around is not None and bool(_COMPARED.search(around[0]))


# "their highest in nearly two years", "for the first time in three years", "six years ahead of a
# 2030 target", "less than three years after construction began": the duration is a distance in
# time from a record or an event, not an amount of what the sentence is about ("2 years" under
# "German day-ahead power prices" reads as the prices). "Relations have lasted for 135 years" is not one.
_DURATIONS = frozenset("years months weeks days hours".split())
_SPAN_BEFORE = lazy(r"\b(?:(?!(?:inter|inv|harv|prot|requ|sugg|for|dig|arr)est\b)[a-z]{2,}est|best|worst|most|least|"
                          r"high|low|levels?|time|record|peak)\s+(?:(?:since|in|for)\s+)"
                          r"(?:(?:nearly|almost|about|around|roughly|over|under|more\s+than|less\s+than)\s+)?\Z", re.I)
_SPAN_AFTER = lazy(r"\s*(?:ahead\s+of|after|before|earlier|later|ago|behind|since)\b", re.I)


def time_span(f: Fact) -> bool:
    """Whether ``f`` is a duration that only says how far a record or an event lies in time
    (see :data:`_SPAN_BEFORE`, :data:`_SPAN_AFTER`): not a figure of what it is labelled with."""
    around = _around(f) if f.unit in _DURATIONS else None
    if around is None:
        return False
    before, after = around
    return bool(_SPAN_BEFORE.search(before.rstrip() + " ")) or bool(_SPAN_AFTER.match(after))


# "up 7% at constant currencies", "rose 3% on a like-for-like basis": the figure is of a basis its
# label does not say, and beside the reported figure it reads as the reported change
_BASIS_AFTER = re.compile(r"\s*,?\s*(?:at\s+constant\s+(?:currenc(?:y|ies)|exchange\s+rates)|in\s+(?:constant|local)\s+"
                          r"currenc(?:y|ies)|on\s+an?\s+(?:like-for-like|organic|adjusted|underlying|comparable|"
                          r"currency-neutral)\s+basis|like-for-like|organically|excluding\b|"
                          # "opened to $148.3 million worldwide": a place the figure is for ("Film" is not it)
                          r"worldwide\b|globally\b|overseas\b|abroad\b|domestically\b)", re.I)


def basis_untold(f: Fact, label: str) -> bool:
    """Whether ``f`` is written with a basis or a place of its own right after it (see :data:`_BASIS_AFTER`)
    that ``label`` does not say: "+7% Sales" for "up 7% at constant currencies" is not printed."""
    around = _around(f)
    m = _BASIS_AFTER.match(around[1]) if around else None
    return m is not None and not (words(m.group(0)) - {"at", "in", "on", "a", "an", "basis"}) <= words(label)


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


def _bare_estimate(phrase: str | None) -> bool:
    """Whether ``phrase`` names only an estimate, forecast or target, and at most whose
    ("estimates", "analysts' estimates"), not of what."""
    rest = [w for w in (phrase or "").lower().split() if not w.endswith(("'", "'s", "’", "’s"))]
    return bool(rest) and all(w in _ESTIMATES for w in rest)


def figure_label(f: Fact, known: set[str], published: Date | None = None, with_subject: bool = False) -> str | None:
    """A story figure's label: the sentence-made label when it names what is measured (with
    the period as :func:`period_words` says it, and whose it is when ``with_subject``: an
    article about several companies), else the measure's label, else ``None``."""
    made = _figure_label(f, known, published, with_subject)
    noun = _COUNTED.search(f.text) if f.unit == "count" else None
    if made and noun and noun.group(1).lower() not in words(made):
        return None  # "forcing more than 16,000 people to leave" is not a count of "Fires"
    if made and made.split(",")[0].strip().lower() in _UNIT_NOUNS:
        return None  # "63M–65M Bags": a unit says nothing of what is measured
    return made


# nouns that are units of measure, not things: a label of one of these alone names nothing
_UNIT_NOUNS = frozenset("""bags sacks bales barrels tonnes tons hectares acres bushels ounces litres liters gallons
    kilograms kilogrammes pounds metres meters units""".split())


# a count's own noun right after its number ("16,000 people", "63 million and 65 million bags")
_COUNTED = lazy(r"\d(?:\s+(?:thousand|million|billion|trillion))?\s+(?!(?:thousand|million|billion|trillion)\Z)([a-z][\w-]*)\Z")


def _figure_label(f: Fact, known: set[str], published: Date | None, with_subject: bool) -> str | None:
    label = f.label.strip() if f.label else ""
    if _bare_estimate(f.measure) or _bare_estimate(label):
        return None  # "analysts' estimates" of what: the figure is told by the sentence, not a label
    if label and names_what(label, f.measure) and words(label) <= known and not _possessive(label):
        first = f.measure.split()[0] if f.measure else ""
        if with_subject and first and label.split()[0].lower() == first.lower():
            label = first + label[len(first):]  # "Kestrel shares": the measure knows a sentence start's capital
        return _with_parts(label, f, known, published, with_subject=with_subject)
    return measure_label(f, known, published)


def per_untold(f: Fact, facts: list[Fact]) -> bool:
    """Whether ``f`` is an amount written without the "per" another amount of its currency in the same
    sentence has ("412 zlotys per megawatt hour for baseload power and 968 zlotys for the evening peak"):
    "968 PLN" alone would print a price as a sum."""
    if f.per is not None or not (len(f.unit) == 3 and f.unit.isupper()):
        return False  # only an amount of money is a sum or a price
    return any(g is not f and g.per and g.unit == f.unit and g.sentence == f.sentence for g in facts)
