"""``reportkit verify --sources``, meaning: a label made of its source's words can still say what
the figure is not. General rules read from the figure's own sentence in the source (never from
the build's record), each a reason a source occurrence of the number does not support the label:

- **whole**: the figure is the whole of "19 of the 35 seats" / "7 of 19", not a count of its own;
- **split**: one side of a vote or score ("a vote of 11 to 4", "in a 10-2 vote") printed alone;
- **not a fact**: the figure's clause is a condition, a hypothesis or a proposal ("if", "would",
  "could", "in favour of holding the range at …"), or a forecast ("is expected to", "had pointed
  to", "should reach", "puts the crop at", "a forecast of …"), and the label has no word saying so
  ("forecast", "expected", "estimate", "target", …);
- **respectively**: in "A and B delivered 86,300 and 41,900 vehicles respectively" the label names none of them,
  more than the one entity the figure belongs to, or the other one;
- **another noun's words**: a label word found only in an appositive or a relative clause that
  does not hold the figure ("Measure" of "costs, the industry's main cost measure, averaged
  A$1,985"), a figure inside a relative clause with a verb of its own labelled with the noun the
  clause is about ("Film" of "The film, which cost about $180 million"), a label that starts on
  that clause's verb ("Leaves room" of "which leaves room for …");
- **counted noun**: a count's own noun ("more than 16,000 *people*") missing from its label;
- **difference**: "at least $3 million *more*", "about 3%, *above* that forecast" printed unsigned
  as a level, with no word of comparison in the label;
- **bound**: printed "more than" where the source says "no more than" (or the reverse);
- **trailing change**: "delivered 1.79 million vehicles in 2024, down 1.1%" is the vehicles' change,
  printed under the clause's subject ("Electric vehicle maker") it is the maker's;
- **to a date**: "40.6 million passengers this year up to Dec. 27" printed under a year ("…, 2026");
- a comparative before "than" ("9% *longer than* a year earlier") is a **difference** too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .printed import stem as _stem
from .printed import words as _plain_words


@lru_cache(maxsize=4096)  # a sentence is read for every figure and candidate fact it holds
def _words(text: str) -> frozenset[str]:
    return frozenset(_plain_words(text))

_NUMWORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
            r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|a\s+few|most|all|half|some|many)")
# "19 of the 35 seats", "Seven of the 19 officials", "12 out of 20": the figure after "of" is the whole
_WHOLE = re.compile(rf"(?:\b\d[\d,.]*|\b{_NUMWORD})\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?\Z", re.I)
# a vote or a score: two bare counts "11 to 4", "10-2"
_PAIR = re.compile(r"(?<![\d.,$€£¥%/-])(\d{1,3})\s*(?:to|-|–)\s*(\d{1,3})"
                   r"(?![\d%/]|[.,]\d|\s*(?:%|per\s*cent|percent))")
_VOTE = re.compile(r"\b(?:votes?|voted|voting|ballots?|scores?|scored|scoreline|beat|beating|defeat(?:ed|s)?|won|wins?|"
                   r"lost|loss|draw|drew|margin|verdict|tally|majority)\b", re.I)
# clause breaks: punctuation, a conjunction or subordinator after a comma, "and" before a verb,
# a participle clause, a relative clause or an appositive (their own spans, see _inserts)
_BREAK = re.compile(r"[;:]|\s[—–]\s|\s-\s|,\s+(?=(?:and|but|while|whereas|after|before|when|as|since|because|"
                    r"although|though|according|sending|giving|bringing|taking|making|leaving|pushing|lifting|"
                    r"valuing|beating|meeting|missing|which|who|whose|compared|against)\b)"
                    r"|\s(?:and|but)\s+(?=(?:said|says|added|warned|noted|expects?|expected|sees|saw|forecasts?|"
                    r"predicted|estimated|[a-z]+ed)\b)", re.I)
# a relative clause or an appositive: said of the noun before it
_INSERT = re.compile(r",\s+(?:(?:which|who|whose)\b[^,;]*|(?:the|a|an)\s+[^,;\d]{1,60}?)(?=,|;|\.?$)")
_RELATIVE_VERB = re.compile(r",\s+(?:which|who|that)\s+([a-z]+)", re.I)
# a relative clause whose verb says what the noun is or has: the figure is the noun's
# ("reservoirs, which were at 61.3%")
_COPULA = frozenset("is are was were stood stands has have had remains remained".split())
_HYPOTHESIS = re.compile(r"(?<![\w-])(?:would|could|might|if|unless|in\s+favou?r\s+of|called\s+for|calls\s+for|"
                         r"proposed|proposes|urged|urges)(?![\w-])", re.I)
# (a word of its own: not "stronger-than-expected")
# a determiner: the nearest before a figure says whether its amount is a given one
_DETERMINER = re.compile(r"\b(a|an|any|another|the|its|their|this|these|those)\b", re.I)
_FORECAST_VERB = re.compile(r"(?<![\w-])(?:expects?|expected|expecting|forecasts?|forecasted|projects|projected|"
                            r"predicts?|predicted|anticipates?|anticipated|pointed\s+to|tracking|should|"
                            r"(?:is|are)\s+set\s+to|on\s+track\s+to|pencil(?:l?ed)?\s+in|puts?\s+(?:\S+\s+){1,4}at)"
                            r"(?![\w-])", re.I)
# "a forecast of 7.3%", "estimates of $33.16 billion", "its target of 90%": the noun right before the figure
_FORECAST_NOUN = re.compile(r"\b(?:forecasts?|estimates?|expectations?|projections?|targets?|goals?|guidance|"
                            r"consensus|outlook|poll)\s+(?:of|for|at|was|is|had\s+been)\s+(?:\S+\s+){0,3}\Z", re.I)
# the base a forecast is compared with ("should reach 26.7 million bags, up from 24.9 million")
_BASE = re.compile(r"\b(?:from|compared\s+with|against|(?<!more\s)(?<!less\s)(?<!fewer\s)than|versus|vs\.?)\s+"
                   r"(?:\S+\s+){0,2}\Z", re.I)
_SAYS_SO = frozenset(_stem(w) for w in """forecast forecasts expected expects expectation expectations estimate
    estimates estimated projection projections projected target targets goal goals guidance outlook tracking
    consensus poll plan plans planned predicted prediction aim proposal proposed median view scenario would
    could if range budget standard requirement limit cap threshold ceiling floor minimum maximum pledge promise
    objective""".split())
# after the figure: a difference, not a level ("$3 million more", "about 3%, above that forecast")
_DIFFERENCE = re.compile(r"\A[^\s,.;]*(?:\s+(?:a|an|per)\s+\w+)?\s*(?:,\s*or\s+[^,;]{1,40},)?\s*,?\s*"
                         r"(?:more|less|fewer|higher|lower|above|below|ahead\s+of|short\s+of|behind|cheaper|dearer|"
                         # "9% longer than a year earlier": any comparative before "than"
                         r"(?!rather\b|other\b|either\b|neither\b|whether\b)[a-z]{2,}er\s+than)\b", re.I)
_COMPARES = frozenset(_stem(w) for w in """more less fewer higher lower above below ahead short behind difference
    gap premium discount extra additional increase rise gain drop fall decline change miss beat""".split())
_UPPER = frozenset({"more than", "over", "at least", "above"})
_LOWER_SAID = re.compile(r"\b(?:no\s+more\s+than|not\s+more\s+than|at\s+most|up\s+to|less\s+than|fewer\s+than|under|"
                         r"below)\s+(?:\S+\s+){0,1}\Z", re.I)
_UPPER_SAID = re.compile(r"(?<!no\s)(?<!not\s)\b(?:more\s+than|at\s+least|over|above)\s+\Z", re.I)
_SCALE = frozenset("million billion thousand trillion bn m k mn".split())
_COUNT_ADJ = frozenset("more new additional extra other fewer full-time part-time further".split())
_NOT_NOUNS = frozenset("""a an the of in on at by for from to with and or but as than per each since during over
    under after before until into about around late early more less this that these those its their his her our
    year years month months week weeks day days""".split())
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_NAME = re.compile(r"[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*")
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")  # not a comma after it ("24,197, according")


def clause_of(sentence: str, a: int) -> tuple[int, str]:
    """(start, text) of the clause of ``sentence`` holding offset ``a``: an appositive or a relative
    clause that holds it, else the clause around it with such inserts blanked out (they are said of
    another noun)."""
    blank = sentence
    for m in _INSERT.finditer(sentence):
        if m.start() <= a < m.end():
            return m.start(), m.group(0)
        blank = blank[:m.start()] + " " * (m.end() - m.start()) + blank[m.end():]
    cuts = [m.start() for m in _BREAK.finditer(blank)]
    start = max((c for c in cuts if c <= a), default=0)
    end = min((c for c in cuts if c > a), default=len(blank))
    return start, blank[start:end]


def _whole(sentence: str, a: int) -> str | None:
    m = _WHOLE.search(sentence[:a])
    if m:
        part = " ".join(m.group(0).split())
        return f"the whole of '{part} {sentence[a:].split()[0].rstrip(',.')}…', not a count of its own"
    return None


def _split(sentence: str, a: int, b: int, shown: str) -> str | None:
    if re.search(r"\d\s*[–-]\s*\d", shown) or not _VOTE.search(sentence):
        return None
    for m in _PAIR.finditer(sentence):
        if m.start() <= a < m.end() and not re.search(r"\b(?:from|between)\s+\Z", sentence[:m.start()], re.I):
            return f"one side of '{m.group(0)}' printed alone"
    return None


def _another_figure_between(clause: str, own: tuple[int, int], at: int) -> bool:
    """Whether a number other than the figure's own (``own``) stands between it and offset ``at``:
    a word there is said of that one ("rose 3.4%, above the 3.2% economists had forecast")."""
    lo, hi = (own[1], at) if at >= own[1] else (at, own[0])
    return any(lo <= m.start() < hi for m in _NUMBER.finditer(clause) if not own[0] <= m.start() < own[1])


def _not_fact(label: set[str], sentence: str, a: int, b: int) -> str | None:
    if label & _SAYS_SO:
        return None
    start, clause = clause_of(sentence, a)
    own = (a - start, b - start)
    before = sentence[:a]
    if _BASE.search(before):
        return None  # the base a figure is compared with is a fact of its own
    for hyp in _HYPOTHESIS.finditer(clause):
        # "the 310 million euros set aside ... would cut the list": a definite amount the
        # hypothesis builds on is a fact; "A further rise of more than 0.5 points would ..." is not
        det = [*_DETERMINER.finditer(clause[:own[0]])][-1:]
        given = det and len(clause[det[0].end():own[0]].split()) <= 5 \
            and det[0].group(1).lower() not in ("a", "an", "any", "another")
        if hyp.group(0).lower() in ("would", "could", "might") and hyp.start() >= own[1] and given:
            continue
        if not _another_figure_between(clause, own, hyp.start()):
            return f"its clause is not a fact ({' '.join(hyp.group(0).split())!r}); the label does not say so"
    for fc in _FORECAST_VERB.finditer(clause):
        if not _another_figure_between(clause, own, fc.start()):
            return f"a forecast or estimate ({' '.join(fc.group(0).split())!r}) printed as a fact"
    fc = _FORECAST_NOUN.search(before)
    if fc:
        return f"a forecast or estimate ({' '.join(fc.group(0).split())!r}) printed as a fact"
    return None


def _respectively(label_names: list[str], sentence: str, a: int) -> str | None:
    if not _RESPECTIVELY.search(sentence):
        return None
    first = _NUMBER.search(sentence)
    if first is None or first.start() > a:
        return None
    head = sentence[:first.start()]
    groups = [g for g in re.split(r",|\band\b", head) if _NAME.search(g)]
    owners = [{_stem(w) for w in re.findall(r"[A-Za-z][\w'’-]*", g) if w[:1].isupper()} - _DETERMINERS for g in groups]
    owners = [o for o in owners if o]
    named = [i for i, o in enumerate(owners) if o & set(label_names)]
    if len(named) > 1:
        return "names more than one of a 'respectively' list; the figure is one's"
    # which of the list's figures it is: the i-th figure is the i-th name's
    figures = [m.start() for m in _NUMBER.finditer(sentence[first.start():sentence.lower().find("respectively")])]
    i = next((k for k, at in enumerate(figures) if first.start() + at == a), None)
    if named and i is not None and len(figures) == len(owners) and named[0] != i:
        return "names another entity of a 'respectively' list"
    if not named and i is not None and len(figures) == len(owners) >= 2:
        return "names none of a 'respectively' list; the figure is one entity's"  # "31.4M Streaming services"
    return None


_DETERMINERS = frozenset("their its the his her our this these those".split())


def _another_nouns(label_words: set[str], label: str, sentence: str, a: int, headline: str) -> str | None:
    holder = None
    outside = sentence
    for m in _INSERT.finditer(sentence):
        if m.start() <= a < m.end():
            holder = m
        else:
            outside = outside.replace(m.group(0), " ")
    if holder is None:
        own = _words(outside) | _words(headline)  # the story's headline says what it is about
        # an insert before the figure is said of a noun before it ("costs, the industry's main cost
        # measure, averaged"); one after it, of the figure's own phrase ("$36 billion, the biggest deal")
        for m in (m for m in _INSERT.finditer(sentence) if m.end() <= a):
            only = sorted(w for w in label_words if w in _words(m.group(0)) and w not in own)
            if only:
                return f"{', '.join(only)} is said of another noun ({m.group(0).strip(', ')!r}), not of the figure"
    else:
        verb = _RELATIVE_VERB.match(holder.group(0))
        if verb and verb.group(1).lower() not in _COPULA and not (label_words & _words(holder.group(0))):
            said = " ".join(holder.group(0).strip(", ").split()[:2])
            return f"names what '{said} …' is said of, not what the figure is"
    first = re.match(r"\s*([A-Za-z]+)", label)
    for m in _RELATIVE_VERB.finditer(sentence):
        if first and m.group(1).lower() == first.group(1).lower() and m.group(1).lower() not in _COPULA \
                and m.start() < a:
            return f"starts on the verb of {m.group(0).strip(', ')!r}: says what happens, not what is measured"
    return None


def _counted_noun(label_words: set[str], sentence: str, a: int) -> str | None:
    num = _NUMBER.match(sentence, a)
    if num is None:
        return None
    toks = re.findall(r"[A-Za-z][A-Za-z-]*|\S", sentence[num.end():num.end() + 60])
    for t in toks[:3]:
        low = t.lower()
        if low in _SCALE or low in _COUNT_ADJ:
            continue
        if not t.isalpha() or not t.islower() or low in _NOT_NOUNS or low.endswith("ly") or low.endswith("ed"):
            return None
        return None if _stem(low) in label_words else f"counts {low}, which the label does not name"
    return None


def _difference(label_words: set[str], sentence: str, a: int, b: int, shown: str) -> str | None:
    if re.match(r"\s*[-−+]", shown.replace("about", "").replace("almost", "").strip()) or label_words & _COMPARES:
        return None
    m = _DIFFERENCE.match(sentence[b:])
    if m:
        return f"a difference ({' '.join(sentence[a:b + m.end()].split())!r}) printed as a level"
    return None


# "delivered 1.79 million vehicles in 2024, down 1.1%", "approved a $4.18 billion budget ..., up 5.6%":
# a change after a comma that ends a clause with a quantity is that quantity's change
_TRAILING = re.compile(r",\s+(?:up|down|(?:a\s+)?(?:rise|fall|drop|gain|increase|decrease|decline)\s+of|rising|falling|"
                       r"climbing|dropping)\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|some\s+|more\s+than\s+)?\Z", re.I)
_STOPS = (r"(?:in|for|of|at|on|from|to|by|during|this|last|since|between|and|or|with|its|their|the|a|an|than|"
          r"over|under|after|before|into|per|each|as)\b")
_QUANTITY = re.compile(r"(?:[$€£¥]\s?)?\d[\d,.]*(?:\s*(?:%|(?:million|billion|thousand|trillion|bn|mn)\b))?"
                       r"((?:\s+(?!" + _STOPS + r")[a-z][\w-]*)+?)(?=\s+" + _STOPS + r"|\s*[,;.]|\s*\Z)")
_UNIT_WORDS = frozenset(_stem(w) for w in """tons tonnes barrels bags bales ounces litres liters gallons units
    hectares acres bushels kilograms grams micrograms milligrams pounds metres meters points percent cents million billion thousand
    trillion dollars euros yuan yen rupees pesos francs won roubles rubles reais rand lira zlotys crowns
    krona kronor kroner dinars riyals dirhams ringgit baht rupiah""".split())


def _trailing(label_words: set[str], sentence: str, a: int) -> str | None:
    """A change trailing a clause ("delivered 1.79 million vehicles in 2024, down 1.1%") printed
    under the clause's subject ("Electric vehicle maker") rather than the quantity's noun."""
    m = _TRAILING.search(sentence[:a])
    if m is None or not label_words:
        return None
    start, clause = clause_of(sentence, m.start() - 1)
    clause = clause[:m.start() - start]  # up to the change: what it trails
    quantities = list(_QUANTITY.finditer(clause))
    if not quantities:
        return None
    q = quantities[-1]
    if re.match(r"\s+(?:a|an|per|each)\b", clause[q.end():]):
        return None  # "74,500 yuan a tonne": a price, said in a unit of its own
    if re.search(r"\b(?:to|from|at|of|by|than|with|against|versus)\s+(?:(?:about|around|nearly|almost|some|over|"
                 r"more\s+than|less\s+than)\s+)?\Z", clause[:q.start()], re.I):
        return None  # "fell to 31.4 micrograms ..., from 35.0 micrograms in 2025, a drop of 10.3%": levels of the subject
    nouns = q.group(1).split()
    head = _stem(nouns[-1]) if nouns else ""
    if not head or head in _UNIT_WORDS or head in label_words or label_words & {_stem(w) for w in nouns}:
        return None
    subject = _words(clause[:q.start()])
    if label_words <= subject:
        return f"the change is said of {' '.join(nouns)!r}, not of what the label names"
    return None


# "40.6 million passengers this year up to Dec. 27", "so far this year": a count to a date
_TO_DATE = re.compile(r"\A[^,;]{0,40}?\b(?:up\s+to|through|until|so\s+far|to\s+date|year\s+to\s+date)\b"
                      r"(?:\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\s+this\s+year|"
                      r"(?=\s*[,;.]|\s*\Z))", re.I)
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d])")


def _to_date(label: str, sentence: str, b: int) -> str | None:
    """A count to a date ("passengers this year up to Dec. 27") printed under a whole year ("…, 2026")."""
    m = _TO_DATE.match(sentence[b:])
    if m and _YEAR.search(label) and not re.search(r"\b(?:to|through|until|so far|date)\b", label, re.I):
        return f"a count to a date ({' '.join(m.group(0).split()[-4:])!r}) printed as the whole year's"
    return None


def _bound(shown: str, sentence: str, a: int) -> str | None:
    printed = re.match(r"\s*(more than|over|at least|above|less than|under|up to|at most|fewer than)\b", shown, re.I)
    if not printed:
        return None
    upper = printed.group(1).lower() in _UPPER
    said = (_LOWER_SAID if upper else _UPPER_SAID).search(sentence[:a])
    if said:
        return f"printed {printed.group(1)!r} where the source says {' '.join(said.group(0).split())!r}"
    return None


def meaning_why(label: str, what: str, shown: str, sentence: str, a: int, b: int, names: set[str],
                kind: str = "figure", count: bool = False, headline: str = "") -> str | None:
    """Why the number at ``sentence[a:b]`` is not what ``label`` (its measure ``what``, period
    left out) says it is; None when its sentence gives no such reason. ``count`` when the printed
    figure is a bare count (its noun is the label's to name); ``headline``, the story's."""
    label_words = _words(what) - {"and", "of", "the"}
    label_names = [_stem(w) for w in re.findall(r"[A-Za-z][\w'’-]*", what) if w[:1].isupper()]
    common = label_words - names
    if kind != "figure":
        return _not_fact(label_words, sentence, a, b)
    return (_whole(sentence, a) if count else None) or _split(sentence, a, b, shown) \
        or _not_fact(label_words, sentence, a, b) or _respectively(label_names, sentence, a) \
        or _another_nouns(common, what, sentence, a, headline) \
        or (_counted_noun(label_words, sentence, a) if count else None) \
        or _difference(label_words, sentence, a, b, shown) or _bound(shown, sentence, a) \
        or _trailing(label_words, sentence, a) or _to_date(label, sentence, b)


_PERIOD_TAIL = re.compile(r",\s*[^,]*(?:\b(?:19|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|"
                          r"September|October|November|December)\b|\b(?:quarter|half|fiscal|year|month|week)\b|"
                          r"\b[QH][1-4]\b)[^,]*$")
_BARE_COUNT = re.compile(r"(?:[a-z]+(?:\s[a-z]+)?\s)?(\d[\d,]*)")


def _measure_of(label: str) -> str:
    """The label without its period ("Qinglan Auto vehicles, November 2026" -> "Qinglan Auto vehicles")."""
    return _PERIOD_TAIL.sub("", label).strip()


def _span(sentence: str, at: int, text: str) -> tuple[int, int]:
    """(start of the number, end of the quantity) of a fact written ``text`` at ``at`` in ``sentence``."""
    if at < 0 or sentence[at:at + len(text)] != text:
        at = sentence.find(text)
    if at < 0:
        return -1, -1
    num = _NUMBER.search(text)
    return at + (num.start() if num else 0), at + len(text)


def why_not_meant(p, f, s, names: set[str]) -> str | None:
    """Why printed ``p`` (a figure, a chart title or caption) is not what fact ``f``'s sentence ``s``
    (with ``s.at``, where ``f`` starts in it) says; None when it gives no such reason."""
    if p.kind not in ("figure", "chart title", "caption"):
        return None
    a, b = _span(s.text, s.at, f.text)
    if a < 0:
        return None
    count = f.unit == "count" and not re.search(r"[%$€£¥]", p.shown)
    return meaning_why(p.label, _measure_of(p.label), p.shown, s.text, a, b, names, p.kind, count, s.doc.title)


def occurrences(p, li, tagged) -> str | None:
    """A bare count that traces to no fact by its printed unit ("41,900", "35"): checked against
    the facts of that value, else each place its article writes the number; None when one of them
    gives no reason against the label (or the number is written nowhere)."""
    m = _BARE_COUNT.fullmatch(p.shown.strip())
    if not m:
        return None
    value = float(m.group(1).replace(",", ""))
    facts = li.facts_of_value(value, derived=False)  # a count as written, not some derivation's inputs
    facts = [f for f in facts if li.doc_of(f) is tagged] or facts
    whys = []
    for f in facts[:40]:
        s = li.sentence_of(f)
        if s is not None:
            why = why_not_meant(p, f, s, li.names(s.doc))
            if why is None:
                return None
            whys.append(why)
    if whys:
        return whys[0]
    written = re.compile(rf"(?<![\d.,]){re.escape(m.group(1))}(?![\d]|[.,]\d)")
    for doc in [tagged] if tagged is not None else li.docs:
        body, sp = li.sentences(doc)
        for hit in list(written.finditer(body))[:20]:
            a0, a1 = next(((x, y) for x, y in sp if x <= hit.start() < y), (0, len(body)))
            sentence = body[a0:a1]
            a, b = hit.start() - a0, hit.end() - a0
            why = meaning_why(p.label, _measure_of(p.label), p.shown, sentence, a, b, li.names(doc), p.kind, True,
                              doc.title)
            if why is None:
                return None
            whys.append(why)
    return whys[0] if whys else None
