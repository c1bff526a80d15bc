"""When a figure measures nothing its clause names: the checks :mod:`.meaning` makes before it reads
any phrase around a quantity. Such a figure gets no measure (its label is left to its sentence)."""

from __future__ import annotations

import re

from ..lazyre import lazy
from .label import NEGATED

# framing words before a clause's subject ("In the third quarter, ..."), shared with .meaning and .subject
CLAUSE_INTRO = lazy(r"\s*(?:(?:In|On|At|For|During|After|Over|Since|Separately|Meanwhile|However|Excluding|"
                    r"Compared\s+with)\b[^,]{0,60},\s*)?")
# "$2.8 million in Foreign Direct Investment": money in a noun; not a year, a quarter or a fiscal period
MONEY_IN = lazy(r"\s+in\s+(?:(?:a|an|new|the|fresh|additional|direct)\s+)?"
                r"(?!(?:19|20)\d\d|the\s+(?:first|second|third|fourth|last|past|next)\b|fiscal\b|FY)")
# "was 1.4 degrees above the average", "came in 0.9 GW, or about 3%, above that forecast": a distance from a base
_FROM_NORMAL = lazy(r"(?:,\s+or\s+[^,;]{1,25},)?\s+(?:above|below)\s+(?:the\s+|its\s+|that\s+|this\s+|their\s+)?"
                    r"(?:[\w-]+\s+){0,3}?(?:average|normal|mean|forecasts?|estimates?|expectations?|consensus|"
                    r"guidance|projections?)\b", re.I)
# "worth at least $3 million more to a club that ...": an increment on an amount the text does not give
_MORE = lazy(r"\s+(?:more|less|fewer|extra)\b(?!\s+than\b)")
# a cost or a loss right before the quantity: the figure is what was lost, not the noun after it
_COST_BEFORE = lazy(r"\b(?:cost|costs|costing|lose|loses|losing|lost|forgo|forgoing|forgone|forego|foregoing)\s*\Z",
                    re.I)
_COST_OBJECT = lazy(r"\b(?:cost|costs|costing)\s+(?!of\b)(?:[\w'’-]+\s+){1,4}\Z", re.I)
_OFF = lazy(r"\s+off\s+(?:the\s+|its\s+|their\s+)?(?=[A-Za-z])")


def measures_nothing(before: str, after: str, money: bool) -> bool:
    """Whether the quantity between ``before`` and ``after`` (its clause's text on either side)
    measures nothing the clause names: a cost or a loss, a negated amount, a distance from a base,
    an increment ("$3 million more")."""
    if money and _COST_BEFORE.search(before) and MONEY_IN.match(after):
        # "costing about 1 trillion rupees in revenue", "lost $2bn in sales": what is lost,
        # not the revenue or sales themselves, and the text names it with no noun of its own
        # ("the rebuild cost A$310 million", "shares have lost 12%" stay the subject's)
        return True
    if (money and _COST_OBJECT.search(before)) or _OFF.match(after):
        # "was costing the port's companies about €25 million a day": a cost with no noun of its own;
        # "wiping $3 billion off its market value": taken from the value, which it is not
        return True
    intro = CLAUSE_INTRO.match(before)
    # "no other party had more than 8%": nobody's figure; "was 1.4 degrees above the average":
    # a distance from a base, not the level of the clause's measure
    return bool(NEGATED.match(before, intro.end() if intro else 0) or _FROM_NORMAL.match(after) or _MORE.match(after))
