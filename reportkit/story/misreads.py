"""What a figure is, read from its sentence, that its label alone would misstate.

A forecast shown as what happened (:func:`expected`), the base of a comparison or the whole a part is of
shown as the figure itself (:func:`compared`), a time or a basis the label does not say
(:func:`time_untold`, :func:`time_span`, :func:`basis_untold`), a price printed as a sum
(:func:`per_untold`), a label naming only who paid (:func:`actor_only`), one end of a range read as
two figures (:func:`range_half`), a share labelled by its whole alone (:func:`part_untold`): the
key-figure panel (:mod:`.keyfigures`) and the stories' figures (:mod:`.stories`) do not print such a
figure under a label (print less, never guess).
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..facts import figure_at
from ..model import Fact
from .periodwords import words


# A figure after these words in its clause is expected, planned or estimated, not what happened
# ("Gross borrowing is set at 14.8 trillion rupees": a budget's plan, no forecast word needed).
# Lower case only ("In May" is a month), and not inside "stronger-than-expected".
_EXPECTS = lazy(r"(?<![-\w])(?:expects?|expected|expecting|forecasts?|projects?|projected|sees|aims?|aiming|"
                      r"targets?|targeting|wants?|wanting|must|plans?|planned|predicts?|predicted|estimates?|estimated|will|would|could|"
                      r"may|might|should|(?:is|are)\s+set\s+(?:at|to)|on\s+track|"
                      # "Solvik has also promised 1,500 new rental homes by 2030": a promise, not a fact
                      r"promise[sd]?|promising|pledge[sd]?|pledging|vow(?:s|ed)?|"
                      # "The board proposed a dividend of 3.40 francs": a proposal, not yet decided
                      r"propose[sd]?|proposing|"
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



def per_untold(f: Fact, facts: list[Fact]) -> bool:
    """Whether ``f`` is an amount written without the "per" another amount of its currency in the same
    sentence has ("412 zlotys per megawatt hour for baseload power and 968 zlotys for the evening peak"):
    "968 PLN" alone would print a price as a sum; or any figure with a "per" right after it that its
    fact does not carry ("5 tonnes per 10 hectares"): printed without it, it reads as a total."""
    if f.per is None and f.unit not in ("percent", "percentage_points", "ratio"):
        around = _around(f)
        if around and _PER_AFTER.match(around[1]):
            return True  # "5 tonnes per 10 hectares" read as "5 t": a "per" the facts could not read
    if f.per is not None or not (len(f.unit) == 3 and f.unit.isupper()):
        return False  # only an amount of money is a sum or a price
    return any(g is not f and g.per and g.unit == f.unit and g.sentence == f.sentence for g in facts)


# a "per" written right after a figure ("per 10 hectares", "/ha")
_PER_AFTER = lazy(r"\s*(?:per\s+(?!cent\b)|/\s*[A-Za-z])", re.I)


# Verbs whose subject does something to an amount, not is it: "Hotels in Port Aldane charged an average of
# $187.40", "the zoo pays the breeding centre about 1.2 million euros", "a farmer pays roughly 90 cents".
# The subject says who charged or paid, not what the amount is (a rate, a fee, a price).
_AGENT_VERBS = ("pays?|paid|paying|charge[sd]?|charging|spen[dt]s?|spending|bought|buys?|buying|sells?|sold|selling|"
                "receive[sd]?|receiving|collect(?:s|ed)?|invest(?:s|ed)?|lent|lends?|borrow(?:s|ed)?|"
                # "buses carried a further 214 million": what carried them, not what was carried
                "carr(?:y|ies|ied|ying)")
_OBJECT_WORD = r"(?:\s+[\w'’-]+){0,5}?\s+"


def actor_only(f: Fact, label: str, facts: list[Fact]) -> bool:
    """Whether ``label`` names only who did something to the amount: its measure is the subject of a
    verb of paying, charging, selling or buying (:data:`_AGENT_VERBS`) whose object is ``f``'s figure or
    another figure of the same measure in its sentence ("+3.6% Hotels" of "Hotels charged $187.40 a night
    ..., 3.6% more than a year earlier"): "$187.40 Hotels", "€1.2M/year Zoo" say nothing of what it is."""
    head = label.split(",")[0].strip().lower()
    if not f.measure or head != f.measure.strip().lower():
        return False
    # "French yoghurt makers, who buy mostly the crumble grade, paid about €3.90": a relative clause may stand between
    subject = rf"\b{re.escape(f.measure)}\b(?:\s+(?:in|at|of|on)\s+[^,;.]{{1,40}}?)?(?:,\s+(?:who|which)\s+[^,;.]{{1,60}},)?" \
              rf"\s+(?:{_AGENT_VERBS})\b"
    for g in facts:
        if g.sentence != f.sentence or (g.measure or "").lower() != f.measure.lower():
            continue
        at = figure_at(g)
        before = g.sentence[:at] if at >= 0 else ""
        if g.qualifier and before.rstrip().endswith(g.qualifier):
            before = before.rstrip()[: -len(g.qualifier)]
        verb = re.search(subject + rf"(?P<object>{_OBJECT_WORD})\Z", before.rstrip() + " ", re.I)
        if verb and not words(verb.group("object")) & _NOT_OBJECT:
            return True
    return False


# words that end a verb's object before a figure: another verb's clause, not the object ("sold in Germany rose")
_NOT_OBJECT = frozenset("""rose fell was were is are grew climbed dropped increased decreased reached totalled
    jumped slipped gained lost stood came hit""".split())


# "Gas, which makes up 70% to 80% of a plant's cash cost": two figures read apart that the sentence writes as
# one range; "80%" alone is not what it says. Not a move ("rose 2% to 3%", "from 3% to 4%": the facts
# stage links a change) nor a span of change ("fell 0.2% to 4.1%", a verb of change before the first).
_RANGE_BEFORE = lazy(r"(?<![\w.,])\d[\d.,]*\s?(?:%|per\s?cent|percent)\s+to\s+\Z")
_RANGE_AFTER = lazy(r"\s+to\s+(?:about\s+|around\s+)?\d[\d.,]*\s?(?:%|per\s?cent|percent)(?![\w.,])")
# a verb of change a few words before the first end: "rose as much as 2.4% to", "fell 0.2% to 4.1%"
_MOVED_BEFORE = lazy(r"\b(?:rose|rise[sn]?|fell|fall(?:s|en)?|grew|gained|lost|dropped|climbed|slipped|jumped|declined|"
                     r"increased|decreased|(?<!makes\s)(?<!made\s)(?<!make\s)up|down|by|from|between)"
                     r"(?:\s+[\w-]+){0,3}?\s+\Z", re.I)


def range_half(f: Fact) -> bool:
    """Whether ``f`` is one end of a range its sentence writes ("70% to 80%") that the facts stage read as
    two figures (see :data:`_RANGE_BEFORE`): either end alone misstates it."""
    if f.range or f.change or f.unit != "percent":
        return False
    around = _around(f)
    if around is None:
        return False
    before, after = around
    low = _RANGE_BEFORE.search(before)
    if low is not None:
        return not _MOVED_BEFORE.search(before[:low.start()])
    return _RANGE_AFTER.match(after) is not None and not _MOVED_BEFORE.search(before)


# "Power, which makes up 40% to 60% of an operator's running costs": a share whose label is only the
# whole it is of ("Operator's running costs") says the whole is the figure; the part is what it measures.
# Only after a verb that makes the subject a part of the whole ("lost 13.8% of their body weight" is the
# whole's own change, which its label says)
_SHARE_OF = lazy(r"\s+of\s+(?P<whole>[^,;.()]{3,80})")
# ("the Netherlands took 38% of export value": the Netherlands' part, not the export value; "took" alone says so)
_PART_VERB = lazy(r"\b(?:(?:make|makes|made|making)\s+up|(?:take|takes|took|taking)(?:\s+up)?|accounts?\s+for|accounted\s+for|"
                  r"represent(?:s|ed)?|comprise[sd]?|constitute[sd]?|(?:is|are|was|were)|form(?:s|ed)?|"
                  r"(?<=,\s)with|(?<=,\s)or)\s+"  # "the largest buyer, with 31% of export value": the buyer's part;
                  # "about 3.2 million head, or 4.6% of the national herd": the figure before, as a part of the whole
                  r"(?:(?:about|around|roughly|nearly|almost|some|just\s+over|just\s+under|more\s+than|less\s+than|"
                  r"between)\s+)?\Z", re.I)
_SHARE_UNITS = frozenset({"percent", "ratio"})


def part_untold(f: Fact, label: str) -> bool:
    """Whether ``f`` is a share ("40% of costs") and ``label`` names only the whole after its "of",
    none of the part it is a share of: "40%–60% Operator's running costs" reads as the costs."""
    around = _around(f) if f.unit in _SHARE_UNITS else None
    m = _SHARE_OF.match(around[1]) if around else None
    if m is None or not _PART_VERB.search(around[0]):
        return False
    said = {w for w in words(label) if not w.isdigit()} - {"s"}
    return bool(said) and said <= words(m.group("whole"))


# a relative clause inserted after a noun, its verb not one of being ("Air freight, which accounts for
# almost 45% of the company's costs, rose ..."): a figure inside it is said of that clause's object
_RELATIVE_INSERT = lazy(r",\s+(?:which|who)\s+(?!(?:is|are|was|were|stood|stands|has|have|had|remains|remained)\b)"
                        r"[a-z]+\b[^,;]*\Z")


def relative_untold(f: Fact, label: str) -> bool:
    """Whether ``f`` stands in a relative clause inserted after a noun (", which accounts for 45% of
    costs,") and ``label`` has none of that clause's words: it would name the noun, not the figure."""
    around = _around(f)
    if around is None:
        return False
    m = _RELATIVE_INSERT.search(around[0])
    if m is None or "," not in around[1].split(".")[0]:
        return False  # the clause must close after the figure: an insert, not the sentence's end
    inside = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", " ".join((m.group(0), f.text, around[1].split(",")[0])))}
    return not inside & {w.lower() for w in re.findall(r"[A-Za-z]{3,}", label)} - {"which", "who"}
