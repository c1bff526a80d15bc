"""``reportkit verify --sources``, meaning: what kind of amount a figure is.

- **difference**: "at least $3 million *more*", "about 3%, *above* that forecast", "9% *longer
  than* a year earlier" printed unsigned as a level, with no word of comparison in the label;
- **bound**: printed "more than" where the source says "no more than" (or the reverse);
- **trailing change**: "delivered 1.79 million vehicles in 2024, down 1.1%" is the vehicles' change,
  printed under the clause's subject ("Electric vehicle maker") it is the maker's;
- **to a date**: "40.6 million passengers this year up to Dec. 27" printed under a year ("…, 2026").
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from .clauses import cached_words, clause_of
from .stems import stem as _stem

# after the figure: a difference, not a level ("$3 million more", "about 3%, above that forecast")
_DIFFERENCE = lazy(r"\A[^\s,.;]*(?:\s+(?:a|an|per)\s+\w+)?\s*(?:,\s*or\s+[^,;]{1,40},)?\s*,?\s*"
                         r"(?:more|less|fewer|higher|lower|above|below|ahead\s+of|short\s+of|behind|cheaper|dearer|"
                         # "9% longer than a year earlier": any comparative before "than"
                         r"(?!rather\b|other\b|either\b|neither\b|whether\b)[a-z]{2,}er\s+than)\b", re.I)
_COMPARES = frozenset(_stem(w) for w in """more less fewer higher lower above below ahead short behind difference
    gap premium discount extra additional increase rise gain drop fall decline change miss beat""".split())
_UPPER = frozenset({"more than", "over", "at least", "above"})
_LOWER_SAID = lazy(r"\b(?:no\s+more\s+than|not\s+more\s+than|at\s+most|up\s+to|less\s+than|fewer\s+than|under|"
                         r"below)\s+(?:\S+\s+){0,1}\Z", re.I)
_UPPER_SAID = lazy(r"(?<!no\s)(?<!not\s)\b(?:more\s+than|at\s+least|over|above)\s+\Z", re.I)


def difference(label_words: set[str], sentence: str, a: int, b: int, shown: str) -> str | None:
    """Why an unsigned figure is a difference ("$3 million more", "4% longer than") printed as a level."""
    if re.match(r"\s*[-−+]", shown.replace("about", "").replace("almost", "").strip()) or label_words & _COMPARES:
        return None
    m = _DIFFERENCE.match(sentence[b:])
    if m:
        return f"a difference ({' '.join(sentence[a:b + m.end()].split())!r}) printed as a level"
    return None


# "delivered 1.79 million vehicles in 2024, down 1.1%", "approved a $4.18 billion budget ..., up 5.6%":
# a change after a comma that ends a clause with a quantity is that quantity's change
_TRAILING = lazy(r",\s+(?:up|down|(?:a\s+)?(?:rise|fall|drop|gain|increase|decrease|decline)\s+of|rising|falling|"
                       r"climbing|dropping)\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|some\s+|more\s+than\s+)?\Z", re.I)
_STOPS = (r"(?:in|for|of|at|on|from|to|by|during|this|last|since|between|and|or|with|its|their|the|a|an|than|"
          r"over|under|after|before|into|per|each|as)\b")
_QUANTITY = lazy(r"(?:[$€£¥]\s?)?\d[\d,.]*(?:\s*(?:%|(?:million|billion|thousand|trillion|bn|mn)\b))?"
                       r"((?:\s+(?!" + _STOPS + r")[a-z][\w-]*)+?)(?=\s+" + _STOPS + r"|\s*[,;.]|\s*\Z)")
_UNIT_WORDS = frozenset(_stem(w) for w in """tons tonnes barrels bags bales ounces litres liters gallons units
    hectares acres bushels kilograms grams micrograms milligrams pounds metres meters points percent cents million billion thousand
    trillion dollars euros yuan yen rupees pesos francs won roubles rubles reais rand lira zlotys crowns
    krona kronor kroner dinars riyals dirhams ringgit baht rupiah""".split())


def trailing_change(label_words: set[str], sentence: str, a: int) -> str | None:
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
    subject = cached_words(clause[:q.start()])
    if label_words <= subject:
        return f"the change is said of {' '.join(nouns)!r}, not of what the label names"
    return None


# "40.6 million passengers this year up to Dec. 27", "so far this year": a count to a date
_TO_DATE = lazy(r"\A[^,;]{0,40}?\b(?:up\s+to|through|until|so\s+far|to\s+date|year\s+to\s+date)\b"
                      r"(?:\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\s+this\s+year|"
                      r"(?=\s*[,;.]|\s*\Z))", re.I)
_YEAR = lazy(r"(?<![\d.,])(?:19|20)\d\d(?![\d])")


def to_date(label: str, sentence: str, b: int) -> str | None:
    """A count to a date ("passengers this year up to Dec. 27") printed under a whole year ("…, 2026")."""
    m = _TO_DATE.match(sentence[b:])
    if m and _YEAR.search(label) and not re.search(r"\b(?:to|through|until|so far|date)\b", label, re.I):
        return f"a count to a date ({' '.join(m.group(0).split()[-4:])!r}) printed as the whole year's"
    return None


# "costs about 1.1 billion colones a month": an amount for each day, week, month or year, not a total
_PER_TIME = lazy(r"\A\s+(?:a|an|per|each|every)\s+(day|week|month|quarter|year)(?![\w-])"
                 r"(?!\s+(?:earlier|ago|before|after|later|on|from|to|of|in|and)\b)", re.I)
_TIME_ADJ = {"day": "daily", "week": "weekly", "month": "monthly", "quarter": "quarterly", "year": "annual"}


def per_time(label: str, shown: str, sentence: str, b: int) -> str | None:
    """An amount the sentence gives for each month ("costs 1.1 billion colones a month") printed
    under a year that does not say so ("Colones, 2027" reads as the year's total); None when the
    label or the printed unit ("/month") says the time it is for, or the label dates it by no year."""
    m = _PER_TIME.match(sentence[b:])
    if m is None or "/" in shown or not _YEAR.search(label):  # no year: "Ridership expected" claims no total
        return None
    unit = m.group(1).lower()
    said = rf"\b(?:per|a|an|each|every)\s+{unit}\b|\b{_TIME_ADJ[unit]}|\b{unit}ly\b|\bannually\b|\byearly\b"
    if re.search(said, label, re.I):
        return None
    return f"the source gives it {' '.join(m.group(0).split())!r}, which the label does not say"


def bound(shown: str, sentence: str, a: int) -> str | None:
    """Why a printed bound ("more than") turns round the source's ("no more than")."""
    printed = re.match(r"\s*(more than|over|at least|above|less than|under|up to|at most|fewer than)\b", shown, re.I)
    if not printed:
        return None
    upper = printed.group(1).lower() in _UPPER
    said = (_LOWER_SAID if upper else _UPPER_SAID).search(sentence[:a])
    if said:
        return f"printed {printed.group(1)!r} where the source says {' '.join(said.group(0).split())!r}"
    return None
