"""How a figure's label says its period, in the article's words (:func:`period_words`, :func:`year_word`),
and the words of a text the label checks compare (:func:`words`).

The period is printed as the text gives it. A figure for "the first quarter" is labelled
"first quarter", never by a year: a year beside a quarter's or a month's figure claims the
whole year. A quarter or half keeps a year only when the figure's own sentence writes one
(a company's "first quarter" may be a fiscal one); a calendar month takes the year the
facts stage resolved against the article's date, when the article writes that year;
"fiscal 2026" stays "fiscal 2026", "the first half of fiscal 2027" stays that half.
"""

from __future__ import annotations

import re
from datetime import date as Date

from ..lazyre import lazy
from ..facts import bare_year_of, figure_at
from ..model import Fact
from .scope import fiscal_quarter, to_date

# a word of a label (letters and digits), as the label checks compare them
WORD = lazy(r"[A-Za-z0-9]+")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_ORDINALS = ("first", "second", "third", "fourth")
_PERIOD = lazy(r"^(?P<y>(?:19|20)\d\d)(?:-(?:Q(?P<q>[1-4])|H(?P<h>[12])|(?P<m>0[1-9]|1[0-2])))?$")
_FY = lazy(r"^FY(?P<y>(?:19|20)\d\d)(?:-(?P<k>[QH])(?P<n>[1-4]))?$")


def words(text: str) -> set[str]:
    """The words of a text, for the label check (case-insensitive, letters and digits)."""
    return {w.lower() for w in WORD.findall(text)}


def _in_sentence(f: Fact, pattern: str) -> bool:
    return re.search(pattern, f.sentence, re.I) is not None


def _natural_year(first_month: int, published: Date | None) -> int | None:
    """The year a bare "February" means in an article of ``published``."""
    if published is None:
        return None
    return published.year if first_month <= published.month else published.year - 1


def _year_written(f: Fact, short: str, long: str, year: str) -> bool:
    """Whether ``f``'s sentence writes its quarter or half with ``year`` ("the first quarter of 2027", "Q1 2027")."""
    return _in_sentence(f, rf"\b(?:{long}\s+of\s+|{long},?\s+|{short}\s+){year}\b")


# a label's quarter or half said without a year after it ("Exports, first quarter"; not "first quarter 2027",
# "first quarter of fiscal 2027" or "Q1 FY2027")
_BARE_PART = lazy(r"\b(?:(?P<o>first|second|third|fourth)\s+(?P<k>quarter|half)|(?P<s>[QH])(?P<n>[1-4]))\b"
                  r"(?!\s*(?:of\s+)?(?:(?:the\s+)?fiscal\s+(?:year\s+)?|FY\s?)?(?:19|20)\d\d)", re.I)


def year_left_out(label: str, f: Fact) -> str | None:
    """Why a card's ``label`` misstates ``f``'s period: it says the quarter or half bare ("first quarter")
    where the figure's own sentence writes its year ("in the first quarter of 2027"), so the card reads as
    some other year's; None when it does not (the label gives the year, names no part of a year, or the
    sentence writes none: a company's bare "first quarter" may be a fiscal one, :func:`period_words`)."""
    m = _PERIOD.match(f.period or "")
    if m is None or not (m.group("q") or m.group("h")):
        return None
    n, kind = int(m.group("q") or m.group("h")), "quarter" if m.group("q") else "half"
    short, long = f"{kind[0].upper()}{n}", f"{_ORDINALS[n - 1]} {kind}"
    said = _BARE_PART.search(label)
    if said is None or said.group(0).lower() not in (short.lower(), long) or f"{m.group('y')}" in label:
        return None
    if not _year_written(f, short, long, m.group("y")):
        return None
    return f"{said.group(0)!r} without its year: its sentence gives the {long} of {m.group('y')}"


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
            said = re.search(rf"\b{part}\s+of\s+(?:(?:the|its|their)\s+)?(?:fiscal\s+(?:year\s+)?|FY\s?){y}\b", f.sentence, re.I)
            return [said.group(0)] if said and words(said.group(0)) <= known else []
        # "fiscal 2025-26" is no "fiscal 2025": a year written as a span is said whole or not at all
        options = [f"FY{y}"] if _in_sentence(f, rf"\bFY\s?{y}\b(?![-–/]\d)") else []
        options += [f"fiscal {y}"] if _in_sentence(f, rf"\bfiscal\s+(?:year\s+)?{y}\b(?![-–/]\d)") else []
        return options
    m = _PERIOD.match(period)
    if m is None:
        return []
    year = m.group("y")
    options: list[str] = []
    spans: list[str] = []
    if m.group("q") or m.group("h"):
        n = int(m.group("q") or m.group("h"))
        short, long = (f"Q{n}", f"{_ORDINALS[n - 1]} quarter") if m.group("q") else (f"H{n}", f"{_ORDINALS[n - 1]} half")
        name = short if _in_sentence(f, rf"\b{short}\b") else long
        fiscal_half = re.search(rf"\b{long}\s+of\s+(?:the\s+|its\s+)?(?:\d{{4}}[-–]\d\d\s+)?fiscal\s+year\b", f.sentence, re.I)
        if fiscal_half:  # "the first half of the 2026-27 fiscal year": as written; "first half" alone reads January-June
            return [fiscal_half.group(0)] if words(fiscal_half.group(0)) <= known else []
        # a company's "first quarter" may be a fiscal one: its year only when the sentence writes it, as
        # the figure's year or with the period itself ("9,850 tonnes of dried medicinal and aromatic plants
        # in the first quarter of 2027": the year is too far from the figure for the facts stage to tie)
        written = f.year is not None and str(f.year) == year or _year_written(f, short, long, year)
        if written:
            options.append(f"{name} {year}")
        # "in the three months to December": the span as its sentence writes it, when a reader of the
        # article takes it for the right year (the latest such month that had ended)
        said, last = fiscal_quarter(f), (3 if m.group("q") else 6) * n
        if said is None and _in_sentence(f, r"\b(?:in|for|during|over)\s+the\s+(?:quarter|half)\b"):
            # "Revenue for the quarter rose to ...": the quarter an earlier sentence wrote as a span
            said = f"{'three' if m.group('q') else 'six'} months to {_MONTHS[last - 1]}"
        if said and said.split()[-1].lower() == _MONTHS[last - 1].lower() and published is not None \
                and (published.year if last < published.month else published.year - 1) == int(year):
            spans.append(said)
    else:
        name = _MONTHS[int(m.group("m")) - 1] if m.group("m") else ""
        first_month = int(m.group("m") or 1)
        written = True  # a calendar month is the month of the year the facts stage resolved
        options.append(f"{name} {year}".strip())
        if not name and year not in f.sentence and _in_sentence(f, r"\b(?:for|in|over)\s+the\s+(?:full|whole)\s+year\b"):
            options.insert(0, "full year")  # "For the full year, ...": as the sentence says it, its year unwritten there
    if m.group("q") or m.group("h"):  # a bare quarter or half, read in its sentence as the facts stage reads it
        at = figure_at(f)
        natural = None if published is None or at < 0 else \
            bare_year_of(f.sentence, at, "Q" if m.group("q") else "H", int(m.group("q") or m.group("h")), published)
    else:
        natural = _natural_year(first_month, published)
    if name and (written and published is None or natural == int(year)):
        options.append(name)
    return [o for o in options + spans if words(o) <= known]


def year_word(f: Fact, known: set[str]) -> str | None:
    """The year ``f`` is for, when its period is a whole calendar year (or it has only a
    year) and the article writes it; never the year of a quarter or a month."""
    period = f.period or (str(f.year) if f.year else None)
    if period and to_date(f) is None and re.fullmatch(r"(?:19|20)\d\d", period) and period in known:
        return period
    return None
