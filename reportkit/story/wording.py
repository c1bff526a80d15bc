"""``reportkit verify --sources``, words: why a label is not its figure's in one source sentence.

- **words**: each word (stemmed) occurs in the fact's own sentence, or in the headline when the
  headline holds the figure; a word of the sentence before only when the figure's sentence points
  back ("It", "Its", "The figure"); a name wherever the article writes it;
- **period**: the label's month, quarter or year is the sentence's (:mod:`.periods`); a month's
  year may be the one the article's date gives that month ("December 2026" of "in December", in
  an article of January 2027), as the facts stage resolves it;
- a table row's **caption** ("Swims by pool, 2026") is part of each row's sentence: its words and
  its period are said of every cell; but a label that is the caption as written is not a column's
  the caption does not name when another column of the table names a measure (the charts' rule);
- **shape**: no two periods, no measure ending on a time, on the word that leads up to the figure,
  or inside a noun phrase.
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..facts import cell_header, column_measure, name_of_rows, split_row, title_facts
from ..facts import cut_short as _cut_short
from ..model import Fact
from .cardsentence import Sentence
from .periods import (FULL_YEAR, PERIOD, THIS_YEAR, YEAR, base_year, neighbour_year, part_of_year, period_said,
                      span_said, split_period, year_of)
from .stems import stem as _stem
from .stems import words as _words
from .baretitle import caption_head_of, title_lead
from .chartwhose import table_whose, with_whose

_WORD = lazy(r"[A-Za-z0-9]+")
# any time a sentence names of its own: a year, a part of one, a month
_OWN_TIME = lazy(r"\b(?:(?:19|20)\d\d|quarters?|half|halves|months?|years?|weeks?|season|fiscal|FY|Q[1-4]|H[12]|"
                       r"January|February|March|April|May|June|July|August|September|October|November|December)\b", re.I)
_TABLE_LABEL = lazy(r"(?:Table|Tab\.)\s*\d+[A-Za-z]?\s*[:.–—-]\s+", re.I)  # "Table 2: " before a caption
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")
# words that end a label on a time, not on what is measured
_TIMES = frozenset("weekend weekends week weeks day days session sessions month months quarter quarters year years "
                   "period half night".split())
# a span or a base after a measure ("over two years", "from the previous quarter")
_TRAILING = lazy(r"\s+(?:over|from|since|against|compared\s+with|than|during|for)\s+[^,]*$", re.I)
# a month's change on the month before ("Median price, November, from October"): the base month ends the label
_FROM_MONTH = lazy(r",\s*from\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
                         r"December)\s*$")
# a figure's sentence that points back: the sentence before says whose or what
_BACK = lazy(r"^(?:It|Its|This|That|These|Those|They|Their|The\s+figure|The\s+number|The\s+total)\b")
# a quantity inside a label or title ("production target of 1.8M b/d"): the numbers check's
UNQUANTIFIED = lazy(r"(?<!\w)[-−+]?[$£€¥₹₽]?\d[\d,]*(?:\.\d+)?[KMBT]?"
                           r"(?:\s?%|\s?(?:b/d|bbl|t/yr|cu ft|m³|pp)\b)?(?:/[A-Za-z]+)?(?<![.,])(?!\d)")


def _counted(head: list[str], sentence: str) -> bool:
    """Whether the label's last two words are a unit the sentence counts ("1.86 million skier days",
    "12,000 guest nights"): then its time word is what is measured, not when."""
    if len(head) < 2 or not head[-2].isalpha():
        return False
    word = head[-2]
    if not word.islower():
        if len(head) != 2 or not word[1:].islower():
            return False
        word = word.lower()  # "Parking sessions": a card label's capital, the sentence's "9.4 million parking sessions"
    return re.search(rf"\d(?:[\d,.]*\d)?(?:\s+(?:million|billion|thousand|bn|m|k))?\s+{re.escape(word)}\s+"
                     rf"{re.escape(head[-1])}\b", sentence) is not None


def label_why(label: str, f: Fact, s: Sentence, names: set[str], article: str) -> str | None:
    """Why ``label`` is not ``f``'s in its source; None when the source supports it."""
    what, when = split_period(UNQUANTIFIED.sub(" ", label))
    title_holds = _in_title(f, s.doc.title)
    if FULL_YEAR.fullmatch(when) and not FULL_YEAR.search(s.text):
        return f"{when!r} is not its sentence's period"
    caption = _caption(s)  # said of every row of its table: its words are the row's
    own = _words(s.text) | (_words(s.doc.title) if title_holds else set()) | _words(caption or "")
    lead = _words(title_lead(s.doc.title)) if caption else set()
    head = _words(caption_head_of(_TABLE_LABEL.sub("", caption or "", count=1)))
    if lead and head and head <= lead and head <= _words(label):
        # "Armenian brandy exports by market ...: volume": a table's name with its head noun as the
        # document's title writes it with whose (the charts' rule, reportkit.charts.titled._whose)
        own |= lead
    allowed = own | names | (_words(s.before) if _BACK.match(s.text) else set())
    years = YEAR.findall(label)
    periods = list(PERIOD.finditer(_FROM_MONTH.sub("", label)))  # ", from October" is a base, not a second period
    bare = {_stem(w) for w in _WORD.findall(PERIOD.sub(" ", YEAR.sub(" ", what))) if not re.search(r"\d", w)}
    foreign = sorted(bare - allowed)
    if foreign:
        # "Dec 2026" of a chart whose table says "December 2026": the charts stage's short month, its words
        months = {_stem(m[:3]) for m in _MONTH_NAMES if _stem(m) in allowed}
        foreign = [w for w in foreign if w not in months]
    if foreign and caption and _words(_TABLE_LABEL.sub("", caption, count=1)) <= _words(label) \
            and (whose := table_whose(s.doc, caption)) and _words(whose[1]) <= _words(label):
        # "Dominican Republic premium cigar exports by market ...": a chart title of the table's whole name
        # with whose it is, as its document's title or lead says (the charts' rule, story/chartwhose.py);
        # a card's label is not the table's name, its words are its sentence's (asked only of words not found)
        foreign = sorted(set(foreign) - _words(whose[1]))
    if foreign:
        return f"{', '.join(foreign)!s} not in its sentence"
    named = _TABLE_LABEL.sub("", caption or "", count=1)
    as_captioned = bool(caption) and (_WORD.findall(label) == _WORD.findall(named) or (
        # "Valmora skier days by area, 2026-27 holiday weeks": its caption with whose it is (chartwhose.py)
        len(_WORD.findall(label)) > len(_WORD.findall(named)) and _WORD.findall(label) == _WORD.findall(with_whose(s.doc, named))))
    # "January sailings, January 2026": which is the figure's? (a table's caption as written may name a
    # span, "Exports by product, July–December 2026": one period, the table's)
    if (len(set(years)) > 1 or len(periods) > 1) and not as_captioned:
        return "names two periods"
    toks = _WORD.findall(what)
    if _column_header(toks, s) or as_captioned:
        # a column's header, or its table's caption as written (a label "Table 2:" before it left off),
        # is a whole name, whatever its last word
        return (as_captioned and _caption_of_another(s, caption or "")
                or _period_why(label, f, s, article, title_holds, years, periods, caption))
    # "pay rise over two years", "Quarterly revenue, from the previous quarter": a span or a base
    # after the measure is said of it; the measure itself must not be a time
    head = _WORD.findall(PERIOD.sub(" ", YEAR.sub(" ", _TRAILING.sub("", what)))) or toks
    if head and (_stem(head[-1]) in {_stem(t) for t in _TIMES} and not _counted(head, s.text)
                 or YEAR.fullmatch(head[-1]) or re.fullmatch(r"[QH][1-4]", head[-1])):
        return "ends on a time, not on what is measured"
    for text, written in ((s.text, f.text), (s.doc.title, title_holds)):
        number = re.search(r"\d[\d,]*(?:\.\d+)?", written)
        at = text.find(number.group(0)) if number else -1
        lead = re.search(r"([A-Za-z]+)\s+[^\sA-Za-z]{0,2}\Z", text[:at]) if at > 0 else None
        # "Dockworkers reject 9% pay offer" labelled "Dockworkers reject": the words before the
        # figure, up to its verb, name no measure ("produced 61,400 tonnes of copper cathode" as
        # "Copper cathode produced" names its object, written after it)
        if lead and lead.group(1).islower() and len(toks) > 1 and lead.group(1).lower() == toks[-1].lower() \
                and _words(" ".join(toks[:-1])) <= _words(text[:at]) and not _object_after(toks[-2], text, at):
            return f"ends on {toks[-1]!r}, the word leading up to the figure"
    cut = _cut_short(toks, s.text) if toks else None
    if cut:
        return f"cut short of its noun: the sentence goes on {cut!r}"
    return _period_why(label, f, s, article, title_holds, years, periods, caption)


def _caption(s: Sentence) -> str | None:
    """The caption of the table whose row is ``s`` (:attr:`reportkit.model.Block.caption`); for
    a table with none, the heading of the section it opens or the words of the sentence that
    introduces it, which title its chart (:func:`reportkit.facts.name_of_rows`)."""
    if "; " not in s.text:
        return None
    named = name_of_rows(s.doc, {s.text})
    return named[1] if named else None


def _caption_of_another(s: Sentence, caption: str) -> str | None:
    """Why a label that is its table's caption as written is not the figure's: the caption does
    not name the figure's column (its header's words) and another column of the row names a
    measure, which the caption may be naming ("Surgery waiting list by region" over "Average wait
    (days)" beside "Patients waiting"); None when it names the column, when the column is the
    table's only measure (beside a "Change (%)" of nothing named), or when its header is a unit
    alone ("US$ million": what it measures, only the caption says). The charts' rule
    (:mod:`reportkit.charts.titled`) read back."""
    row = (split_row(s.text) or [])[1:] if s.at >= 0 else []
    own = next((column_measure(head) for head, _cell, a, b in row if a <= s.at < b), "")
    mine = _words(own)
    if not mine or mine <= _words(caption):
        return None
    for head, text, a, b in row:
        if not a <= s.at < b and any(ch.isdigit() for ch in text) and (m := column_measure(head)) and _words(m) != mine:
            return f"its table's caption, which does not name its column {own!r} but may name {m!r}"
    return None


def _month_of_its_year(y: str, label: str, f: Fact, s: Sentence) -> bool:
    """Whether the label's year is the year of a month the sentence names, as the facts stage
    resolved it against the article's date (its period is that month of ``y``; the year is
    one either side of the article's own)."""
    m = re.search(rf"\b({'|'.join(_MONTH_NAMES)})\s+{y}\b", label)
    if m is None or re.search(rf"\b{m.group(1)}\b", s.text) is None:
        return False
    month = f"{_MONTH_NAMES.index(m.group(1)) + 1:02d}"
    return f.period == f"{y}-{month}" and any(abs(int(y) - int(d)) <= 1 for d in year_of(s.doc))


def _object_after(noun: str, text: str, at: int) -> bool:
    """Whether ``noun`` is written after the figure at ``text[at:]`` as what it counts ("109,650
    ounces of gold", "486 megawatts (MW) of capacity"): a label "Gold produced" then names the
    object and the verb done to it, not the words that lead up to the figure."""
    return re.match(rf"[\d,.]+(?:\s+[\w-]+){{1,2}}(?:\s+\([^()]{{1,12}}\))?\s+of\s+(?:[\w-]+\s+){{0,3}}{re.escape(noun)}\b",
                    text[at:], re.I) is not None


def _column_header(toks: list[str], s: Sentence) -> bool:
    """Whether a label is the words of its figure's column header in a table row (its unit
    bracket and period left out), with the row's name after them or not ("Skier days",
    "Parcels", "Loans, Adult print"): a table's header is a whole name, whatever its last word,
    as the facts stage reads it (:func:`reportkit.facts.cell_header`)."""
    cell = cell_header(s.text, s.at) if s.at >= 0 else None
    if cell is None or not toks:
        return False
    head = [w.lower() for w in _WORD.findall(cell[0])]
    said = [w.lower() for w in toks]
    rest = said[len(head):]
    return said[: len(head)] == head and (not rest or rest == [w.lower() for w in _WORD.findall(cell[1])])


def _period_why(label: str, f: Fact, s: Sentence, article: str, title_holds: str, years: list[str],
                periods: list[re.Match[str]], caption: str | None = None) -> str | None:
    """Why the label's period or year is not its figure's (see :func:`label_why`); None when it is.
    A period or year its table's ``caption`` writes is said of the row."""
    span = span_said(split_period(label)[1], s.text, f, article)  # "three months to December": a quarter's span
    # "... in the fourth quarter. RevPAR therefore rose only 0.7% to $133.62.": a sentence that names no
    # time of its own takes the period the sentence before says (facts.follow carries it so)
    # ("Operating profit climbed to NZ$412 million from NZ$377 million in the same quarter of 2025" after
    # "... in the quarter": up to the figure; what follows dates the value it is compared with)
    bare = s.at >= 0 and not _OWN_TIME.search(s.text, 0, s.at + len(f.text))
    for p in periods:
        kind = next((k for k in ("quarter", "half", "year") if k in p.group(0).lower()), None)
        before = bool(bare and s.before) and (p.group(0).lower() in s.before.lower() or bool(
            kind and re.search(rf"\b(?:for|in|during|over)\s+the\s+(?:full\s+|whole\s+)?{kind}\b", s.before, re.I)))
        if caption and p.group(0).lower() in caption.lower() or span or before:
            continue
        if not period_said(s.text, f, p, article) and not (title_holds and PERIOD.search(s.doc.title)):
            return f"{p.group(0)!r} is not its sentence's period"
    for y in years:
        # "up almost 60% this year" in a note dated 2026 is said of 2026; "last year", of 2025
        this_year = y in year_of(s.doc) and THIS_YEAR.search(s.text) is not None
        said = (neighbour_year(y, s.text, s.doc) or _month_of_its_year(y, label, f, s)
                or bool(caption and YEAR.search(caption) and y in YEAR.findall(caption)))
        if y not in s.text and y not in s.before and y not in year_of(s.doc) and not said:
            return f"{y} is not its sentence's year"
        if y not in s.text and not periods and not (title_holds and y in s.doc.title) and not this_year and not said:
            return f"{y} is not written in its sentence"
        part = part_of_year(y, s.text, f) if not periods else None
        if part:
            return f"its sentence gives the {part!r}; the label prints the whole year"
        # a label that says the year is its base ("Change from Q3 2025") says what the source says
        said_base = re.search(rf"\b(?:from|against|compared\s+with|than|since)\b[^,]*\b{y}\b", label, re.I)
        base = base_year(y, s.text, f) if not said_base else None
        if base:
            return f"{y} is the year it is compared with ({base!r}), not its own"
    return None


def _in_title(f: Fact, title: str) -> str:
    """How the headline writes ``f``, as written or rounded ("$6.9bn" of "$6.93 billion"); "" when it does not."""
    for h in title_facts(title):
        m = re.search(r"\d[\d,]*(?:\.(\d+))?", h.text)
        number = float(m.group(0).replace(",", "")) if m else 0.0
        half = 0.5 * 10 ** -len(m.group(1) or "") * abs(h.value / number) if m and number else 0.0
        if h.unit == f.unit and abs(abs(h.value) - abs(f.value)) <= half + 1e-9 * abs(f.value):
            return h.text
    return ""
