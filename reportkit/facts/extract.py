"""Numeric facts with provenance: "$2.8 million" → 2,800,000 USD, 2022, "FDI from Russia".

The spellings understood are one table, in :mod:`reportkit.facts.patterns`; labels
come from :mod:`reportkit.facts.label`. Facts are found in ``doc.body_text()``,
which includes the key points after the sections (see
:meth:`reportkit.model.Document.body_text`), so every fact's ``start``/``end`` are
offsets into that one text and facts in key points are found too.

Each fact carries: ``id`` (12 hex digits of SHA-1 over source, start and text —
stable across runs), ``text`` (the exact substring, currency to unit), ``value``
(normalised: scales applied, pence to pounds, fractions as ratios), ``unit``,
``per`` (denominator of a money rate), ``year`` (the year the sentence ties to the
figure, or ``None``), ``qualifier``, ``range``, ``label`` and ``sentence``; and what it
is: ``measure`` and ``subject`` (:mod:`.meaning`), ``period`` (:mod:`.period`, with the
article's date for "this year"), ``change`` and ``equivalent_of`` (:mod:`.links`).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import replace

from . import patterns as P
from .carry import carry_cents, carry_measures, carry_owners
from .follow import carry_periods
from .crowns import settle_crowns
from .money import settle_shared_currencies
from .joined import and_owner, its_owner
from .cells import TOTAL_OWNER, as_cell, owner_in_text, split_row, table_cells
from .label import make_label
from .links import link_facts
from .meaning import Names, clause, measure_of, noun_after, with_done
from .nomeasure import cost_to_someone, in_condition, priced_as, object_in_subordinate, object_of_agent
from .relative import settle
from .subject import subject_of
from .period import NO_KEY, and_period, compared_value, fronted_period, parse_date, period_of
from .ranges import merge_ranges
from .read import Quantity, read_digits, read_fraction, read_word
from .titles import known_title, remember_title
from .year import years_for
from ..lazyre import lazy
from ..model import Document, Fact
from ..sentences import starts as sentence_starts

# "from 1.2 to 1.5 million barrels per day", "between 1,000 and 2,000 staff": the first
# number of a pair is written bare (or with only a scale word) and means the second's unit.
_PAIR_FIRST = lazy(
    r"\b(?P<kw>from|between)\ (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\ (?P<scale>thousand|million|billion|trillion))?\ (?P<link>to|and)\ \Z")
_SCALE_IN = lazy(r"\b(thousand|million|billion|trillion)\b")
_KIND = lazy(r"^(?:19|20)\d\d-(?:(Q)[1-4]|(H)[12]|(?:0[1-9]|1[0-2]))$")


def _lend_units(text: str, found: list[Quantity]) -> list[Quantity]:
    """The first number of a "from X to Y unit" / "between X and Y unit" pair gets
    Y's unit (and Y's scale word when X has none): added when it was read as a bare
    number, or corrected when a lone scale word made it a count."""
    out = list(found)
    by_start = {q.start: q for q in found}
    for q in found:
        m = _PAIR_FIRST.search(text, max(0, q.lead - 40), q.lead)
        if m is None or (m.group("kw") == "between") != (m.group("link") == "and"):
            continue
        first = by_start.get(m.start("num"))
        if first is not None:
            if first.unit == "count" and first.bare_scale and q.unit != "count":
                first.unit, first.per, first.bare_scale = q.unit, q.per, False
            continue
        own = _SCALE_IN.search(text, q.start, q.end)
        scale = m.group("scale") or (own.group(1) if own else None)
        value = float(m.group("num").replace(",", "")) * (P.SCALES[scale] if scale else 1.0)
        if value == 0:
            continue
        new = Quantity(m.start("num"), m.end("scale") if m.group("scale") else m.end("num"), value, q.unit, q.per,
                       count_label=q.count_label, lead=m.start("num"))
        out.append(new)
        by_start[new.start] = new
    return sorted(out, key=lambda x: x.start)


#: the words a figure is read with ("about 5%", "an average of €61"): printed before it, as written
QUALIFIERS = _QUALIFIERS = (
    "about", "around", "approximately", "approx.", "roughly", "nearly", "almost", "some", "close to", "more than",
    "over", "above", "less than", "under", "below", "up to", "at least", "at most", "as much as", "as many as",
    "as little as", "as high as", "as low as", "an estimated", "estimated", "just over", "just under", "well over",
    "well above", "fewer than", "upwards of", "in excess of", "circa", "c.", "an average of", "on average",
    # "room for no more than two cuts": a ceiling, never "more than"
    "no more than", "no less than", "no fewer than",
)
_QUAL_BY_LAST: dict[str, list[str]] = {}
for _q in sorted(_QUALIFIERS, key=len, reverse=True):  # longest first: "just over" before "over"
    _QUAL_BY_LAST.setdefault(_q.split()[-1], []).append(_q)


def _qualifier(text: str, lead: int) -> str | None:
    """The qualifier just before a quantity ("approximately 72%"), by a dictionary of last words."""
    if lead == 0:
        return None
    if text[lead - 1] == "~":
        return "about"
    if text[lead - 1] != " ":
        return None
    window = text[max(0, lead - 20) : lead - 1].lower()
    words = window.split()
    if not words:
        return None
    for phrase in _QUAL_BY_LAST.get(words[-1], ()):
        if window.endswith(phrase):
            i = len(window) - len(phrase)
            if i == 0 and lead - 21 >= 0 and text[lead - 21].isalpha() or i > 0 and window[i - 1].isalpha():
                continue
            return {"c.": "about", "approx.": "approximately", "circa": "about"}.get(phrase, phrase)
    return None


def _currency_named(words: str, unit: str) -> bool:
    """Whether an amount's label is only the name of its own currency ("lari" of "₾ 805 million in
    lari", "won terms"): the currency says in what the amount is, not what it is. (A change's label
    may name a currency: "the peso fell 10%" is the peso's move.)"""
    names = [w for w in words.lower().split() if w not in ("in", "terms")]
    return bool(names) and all(P.CURRENCY_WORDS.get(w, P.CURRENCY_WORDS.get(w.rstrip("s"))) == unit for w in names)


def _fact_id(source: str, start: int, text: str) -> str:
    """Stable across runs and across spellings of the source's path (``seeds/a.txt``,
    ``./seeds/a.txt``, an absolute path): the file name, offset and text decide it."""
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    return hashlib.sha1(f"{name}\0{start}\0{text}".encode()).hexdigest()[:12]


_DIGIT_SCAN = lazy(r"[0-9][0-9,.]*")
# Literal keys of number words and fractions; str.find on them is far faster than a
# case-insensitive alternation tried at every position of a 20 MB text.
_WORD_KEYS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
              "twelve", "thirt", "fift", "twenty", "forty", "dozen", "hundred", "thousand", "half", "third",
              "quarter", "full")
_NUMERATOR = lazy(r"(?:a|an|one|two|three|four|five|seven|nine)[- ]\Z")


def _candidates(text: str) -> list[int]:
    """Sorted offsets where a quantity may start."""
    starts = [m.start() for m in _DIGIT_SCAN.finditer(text)]
    low = text.lower()
    for key in _WORD_KEYS:
        i = low.find(key)
        while i != -1:
            if i == 0 or not low[i - 1].isalpha():
                starts.append(i)
                num = _NUMERATOR.search(low, max(0, i - 6), i)
                if num:
                    starts.append(num.start())
            i = low.find(key, i + 1)
    return sorted(set(starts))


def extract_facts(text: str, source: str, date: str | None = None, title: str | None = None,
                  dateline: str | None = None) -> list[Fact]:
    """All quantities in ``text``, in order, with ``start``/``end`` offsets into it.

    ``date`` is the article's date (any full date, e.g. "2024-10-31"): relative periods
    ("this year", "in the third quarter") are resolved against it, and left empty without it.
    ``title``: the headline, whose lower-case words say which capitalised words of the text
    are no names ("Toronto home sales jump": "Home sales in ..." starts a sentence).
    ``dateline``: the dateline the reader took off the text, read only for the country it names
    outright (a shared currency word's, :func:`.money.settle_shared_currencies`).
    """
    urls = [m.span() for m in P.URL.finditer(text)] if "://" in text or "www." in text else []
    if "1 =" in text or "1=" in text:
        urls = sorted(urls + [m.span() for m in P.FX_NOTE.finditer(text)])
    url_starts = [a for a, _ in urls]
    # a table row's bare numbers are read with their headers, or not at all (see .cells)
    cells, cell_spans = table_cells(text) if "; " in text else ({}, [])
    cell_starts = [a for a, _ in cell_spans]
    found: list[Quantity] = []
    pos = 0
    for start in _candidates(text):
        if start < pos:
            continue
        k = bisect.bisect_right(cell_starts, start) - 1
        if k >= 0 and start < cell_spans[k][1]:
            a, b = cell_spans[k]
            if a in cells:
                found.append(Quantity(a, b, cells[a].value, cells[a].unit, cells[a].per, lead=a))
            pos = b
            continue
        m = P.NUMBER.match(text, start)
        if m is None:
            continue
        i = bisect.bisect_right(url_starts, m.start()) - 1  # digits in URLs and "($1 = 0.92 euros)"
        if i >= 0 and urls[i][0] <= m.start() < urls[i][1]:
            continue
        if m.group("digits"):
            q = read_digits(text, m)
        elif m.group("fraction"):
            q = read_fraction(text, m)
        else:
            q = read_word(text, m)
        if q is not None:
            found.append(q)
            pos = q.end
    found = merge_ranges(text, _lend_units(text, found))
    starts = sentence_starts(text)
    bounds = []
    for q in found:
        k = bisect.bisect_right(starts, q.start) - 1
        bounds.append((starts[k], starts[k + 1] if k + 1 < len(starts) else len(text)))
    years = years_for(text, [(q.start, q.end) for q in found], bounds)
    facts: list[Fact] = []
    previous: list[tuple[str, str]] = []
    names = Names(text, also=title) if found else None
    published = parse_date(date)
    in_sentence: dict[tuple[int, int], list[Quantity]] = {}
    # the first month and quarter each earlier sentence gave a figure, for "in the month"
    recent: dict[str, str] = {}
    pending: dict[str, str] = {}
    current: tuple[int, int] | None = None
    for q, b in zip(found, bounds):
        in_sentence.setdefault(b, []).append(q)
    for q, (ss0, se0), year in zip(found, bounds, years):
        if (ss0, se0) != current:
            recent.update(pending)
            pending, current = {}, (ss0, se0)
        ss, se = ss0, se0
        # A runaway "sentence" (no full stops in 100 kB) is cut to a window around the fact.
        ss, se = max(ss, q.start - 300), min(se, q.end + 300)
        sentence = text[ss:se].strip()
        offset = ss + (len(text[ss:se]) - len(text[ss:se].lstrip()))
        qual = _qualifier(text, q.lead)
        qual_start = q.lead - (len(qual) + 1 if qual else 0)
        label = make_label(sentence, max(0, qual_start - offset), q.end - offset, q.unit, q.count_label, previous,
                           in_sentence=sum(1 for o in in_sentence[(ss0, se0)] if o.start < q.start))
        qtext = text[q.start : q.end]
        qs, qe = max(0, qual_start - offset), q.end - offset
        measure, possessive = measure_of(sentence, qs, qe, q.unit, q.count_label, names)
        label = with_done(label, measure)
        if _currency_named(label, q.unit) or _currency_named(measure or "", q.unit):
            label, measure = "", None  # "or about ₾ 805 million in lari": a currency says in what, not what
        own_clause = sentence[clause(sentence, qs)[0]:qs]
        if measure is None and (object_in_subordinate(own_clause) or object_of_agent(own_clause)
                                or in_condition(sentence[:qs]) or priced_as(sentence[:qs], sentence[qe:])
                                or (len(q.unit) == 3 and q.unit.isupper() and cost_to_someone(own_clause))):
            label = ""  # "..., after the lender set aside 412 million euros": the main clause's words are not its
        subject = possessive or subject_of(sentence, qs, names) or its_owner(text, starts, q.start, sentence, qs, names) \
            or and_owner(sentence, qs, facts)
        if measure and subject and measure.lower() == subject.lower():
            measure = None  # "Kestvale Public Pension Fund, which manages ..., returned 3.4%": who, not what
        group = in_sentence[(ss0, se0)]
        others = [(o.start - offset, o.end - offset) for o in group if o is not q] if len(group) < 50 else []
        reference = next((f.period for f in _same_sentence(facts, sentence) if f.period), None)
        period = period_of(sentence, qs, qe, year, published, others, recent, reference, pending)
        if period == NO_KEY:
            period = year = None  # "the nine months to September 2026": a part of the year, not the year
        elif period is None and facts and facts[-1].sentence == sentence:
            period = and_period(sentence, qs, qe, [(f.start - offset, f.period) for f in facts if f.sentence == sentence],
                                others)
        if (period is None or year is not None and period == str(year)) and pending.get("P"):
            period = fronted_period(sentence, qs, qe, year, pending["P"], others) or period
        if period and period.startswith("FY") and "-" in period:
            year = None  # a half or quarter of a fiscal year: not the calendar year of its number
        facts.append(Fact(
            id=_fact_id(source, q.start, qtext), text=qtext, value=q.value, unit=q.unit, source=source,
            start=q.start, end=q.end, sentence=sentence, label=label[:80], year=year, per=q.per,
            qualifier=qual, range=q.range, measure=measure,
            subject=subject,
            period=period,
        ))
        kind = _KIND.match(facts[-1].period or "")
        if kind:
            if not compared_value(sentence, qs, others):  # an old value's period is no "the quarter" told later
                pending.setdefault(kind.group(1) or kind.group(2) or "M", facts[-1].period)
                pending.setdefault("P", facts[-1].period)
            # the latest part of a year told so far: "For the full year" is its year, whatever
            # earlier quarter a comparison named last ("from KES 96 in the fourth quarter of 2025")
            recent["L"] = max(recent.get("L", ""), facts[-1].period)
        previous.append((q.unit, label))
    carry_periods(facts, text, starts, set(cells))
    for f in facts:
        if f.start in cells:
            as_cell(f, cells[f.start])
    settle_crowns(facts, text)
    settle_shared_currencies(facts, text, dateline)
    carry_owners(facts, starts)
    carry_measures(facts)
    carry_cents(facts)
    for f in facts:  # "Labour fell 3 points to 25.9%": points that move a percentage are percentage points
        if f.unit == "points" and _TO_PERCENT.match(text, f.end):
            f.unit = "percentage_points"
    settle(facts)
    link_facts(text, facts)
    facts = _harmonise(facts)
    for f in facts:  # a cell is what its table says, whatever its neighbours in the text
        if f.start in cells:
            as_cell(f, cells[f.start], owner_in_text(f, facts, cells))
    return facts


def _same_sentence(facts: list[Fact], sentence: str):
    """The facts of ``sentence`` so far, latest first (they are the last of ``facts``)."""
    for f in reversed(facts):
        if f.sentence != sentence:
            return
        yield f


_TO_PERCENT = lazy(r"\s+to\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?-?\d[\d.,]*\s?(?:%|per\s?cent|percent)")


def title_facts(title: str) -> list[Fact]:
    """``extract_facts(title, "title")``: the figures of a headline, remembered per process.
    The facts returned are (shallow) copies: callers may set their fields."""
    found = known_title(title)
    if found is None:
        found = extract_facts(title, "title") if title else []
        for f in found:
            # "Dockworkers reject 9% pay offer": a headline drops its articles, so a phrase that
            # runs up to the figure with no verb between ends on a verb the word lists do not know
            # known; the figure then qualifies the noun after it ("9% pay offer", "21% stake")
            if f.measure and title[: f.start - (len(f.qualifier) + 1 if f.qualifier else 0)].rstrip().endswith(
                    f.measure.split()[-1]) and len(f.measure.split()) > 1:
                after = noun_after(title, f.end)
                f.measure = " ".join(after) if after and all(w.islower() for w in after) else None
    remember_title(title, found)
    return [replace(f) for f in found]


_COUNT_NOUN = lazy(r"[^A-Za-z]+|\b(?:thousand|million|billion|trillion|[mbk]n?)\b")


def _harmonise(facts: list[Fact]) -> list[Fact]:
    """Repeats of a figure (same value, unit, rate, year) carry the first one's label and year.

    Shares and changes (percent, points, ratios) repeat by coincidence ("5.0%" growth and a
    "5.0%" forecast), so only amounts such as "$86.4 million" lend their year to a repeat.
    """
    first: dict[tuple, Fact] = {}
    for f in facts:
        # a count's own noun is part of what it is: "35.0 micrograms" and "35 such days" are two figures
        key = (round(f.value, 6), f.unit, f.per, _COUNT_NOUN.sub("", f.text) if f.unit == "count" else "")
        ref = first.get(key)
        if ref is None:
            first[key] = f
        elif ref.year is None or f.year is None or ref.year == f.year:
            f.label = ref.label or f.label
            if f.unit not in ("percent", "percentage_points", "ratio"):
                f.year = f.year if f.year is not None else ref.year
                # an amount repeated (a key point restating the lead) measures the same thing; a
                # table's cell is no restatement: its header and row name a column ("Value") and a
                # row ("Total"), not what the prose's figure is
                if ref.measure is None and f.measure and not f.equivalent_of and split_row(f.sentence) is None:
                    ref.measure, ref.subject = f.measure, ref.subject or _lent(f.subject)
                elif f.measure is None and ref.measure:
                    f.measure, f.subject = ref.measure, f.subject or _lent(ref.subject)
    _anaphora(facts)
    return facts


def _lent(subject: str | None) -> str | None:
    """A subject one repeat of a figure may lend another: a table's total row is named "Total"
    (see :mod:`.cells`), which says whose the cell is only inside its table."""
    return None if subject == TOTAL_OWNER else subject


_ANAPHORA = lazy(r"(?:the|this|that)\s+(?:figure|total|number|amount|sum|level)[^.;]{0,40}\Z|it\s+\w+\s+\Z", re.I)


def _anaphora(facts: list[Fact]) -> None:
    """"... and by 2024, *the figure* had risen to $86.4 million": the figure measures what the
    previous figure of the same unit in the article measured."""
    for i, f in enumerate(facts):
        if f.measure is not None:
            continue
        before = f.sentence[: max(0, f.sentence.find(f.text))]
        if not _ANAPHORA.search(before[-80:]):
            continue
        for g in reversed(facts[max(0, i - 3) : i]):
            if g.unit == f.unit and g.measure:
                f.measure, f.subject = g.measure, f.subject or g.subject
                break


def published_text(doc: Document) -> str | None:
    """The article's date as written: its dateline, else (a saved page has none) the date its
    metadata gives, when that is a full date (a dateline that is only a place, "SHANGHAI", gives none)."""
    dated = doc.dateline is not None and any(c.isdigit() for c in doc.dateline)
    if dated or not doc.date or parse_date(doc.date) is None:
        return doc.dateline
    return doc.date


def add_facts(doc: Document) -> Document:
    """Set ``doc.facts`` from ``doc.body_text()`` (sections, then key points); the
    dateline's date, when it has a year, resolves "this year" and "in the third quarter"."""
    doc.facts = extract_facts(doc.body_text(), doc.source, date=published_text(doc), title=doc.title,
                              dateline=doc.dateline)
    if any(b.page for s in doc.sections for b in s.blocks):  # PDF sources: each fact's page
        for f in doc.facts:
            f.page = doc.page_at(f.start)
    return doc
