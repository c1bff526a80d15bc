"""A chart title that is a bare measure word: "Volume", "Value by parish", "Share, 2026".

"Volume", "Value", "Amount", "Share" name a kind of quantity, not what is counted: a chart titled
"Volume" over bars of litres does not say volume of what (brandy exports), and "Value by parish"
does not say value of what (mortgages approved). A table's column header is often such a word
alone ("Volume (thousand litres)", "Value (J$ million)"): what it is of, the table's caption or
the sentence that introduces the table says. So a chart title is never such a word alone, with
only its rows ("by parish") or its period (", 2026") after it: the charts stage titles that
column with the table's name (:mod:`reportkit.charts.titled`), and ``verify --sources`` flags
such a title in an output an older build made (:func:`bare_title_why`).
"""

from __future__ import annotations

import re

from ..lazyre import lazy

# words that name how much of something, never what: a title needs the noun they are of
GENERIC_MEASURES = frozenset("""value values volume volumes amount amounts number numbers total totals quantity
    quantities level levels size sum share shares count""".split())
# what may follow the measure word and still say nothing of what it is of: its rows, its period
_TAIL = lazy(r"\s*(?:\bby\s+[^,:]{1,40})?\s*(?:,\s*[^,:]{1,40})?\s*\.?", re.I)
_WORD = lazy(r"[A-Za-z][A-Za-z'’-]*")
# where a document's title ends its subject: "Armenian brandy exports: the first quarter of 2027"
_TITLE_LEAD = lazy(r"\s*[:;,–—]\s+|\s+-\s+")


def title_lead(title: str | None) -> str:
    """The words of a document's title before its colon, semicolon, comma or dash: what the
    document is about, and whose ("Armenian brandy exports" of "Armenian brandy exports: the first
    quarter of 2027"); a table's chart may name its rows' noun so (:mod:`reportkit.charts.titled`)."""
    return _TITLE_LEAD.split(title or "", maxsplit=1)[0].strip()


def bare_measure(measure: str) -> bool:
    """Whether ``measure`` (a column's or a sentence's measure, unit taken off) is one generic
    quantity word alone ("Volume", "value"): what it is of, it does not say."""
    words = _WORD.findall(measure)
    return len(words) == 1 and words[0].lower() in GENERIC_MEASURES


def bare_title_why(title: str) -> str | None:
    """Why chart title ``title`` says not what its bars are: it is a generic quantity word alone,
    or with only its rows or period after it ("Volume", "Value by parish", "Share, 2026"); None
    for any other title ("Armenian brandy exports by market ...: volume", "Share of world crop")."""
    words = _WORD.findall(title)
    if not words or words[0].lower() not in GENERIC_MEASURES:
        return None
    rest = title.strip()[len(words[0]):]
    if _TAIL.fullmatch(rest) is None:
        return None
    return f"{words[0]!r} alone says not of what: a chart title names what its bars measure"


_HEAD_END = lazy(r"\s+by\s+|,|:")


def caption_head_of(title: str) -> str:
    """What a table's caption (or name) names before its "by", comma or colon: "Exports" of
    "Exports by market, first half of fiscal 2027"."""
    return _HEAD_END.split(title, maxsplit=1)[0].strip()
