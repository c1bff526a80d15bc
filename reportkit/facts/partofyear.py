"""Which part of a year a figure is for, and which periods an article is about: a card's label that says
no period is read as its story's period, so a quarter's figure under a full year's headline must say so.

- :func:`part_of_year`: "Q4", "H1", "M12" for a figure of a quarter, a half or a month (its resolved period,
  or, when the facts stage could not resolve the year, the part its own sentence writes before it or right
  after it, or opens on: "In the fourth quarter alone, knitwear exports reached US$48 million"); a year ("2026") for a
  whole year's figure; ``None`` when nothing dates it.
- :func:`article_times`: the same keys for what the article is about: its headline's period and its first
  sentence's figures' (what a reader takes a story's undated card to be of).
- :func:`says_part`: whether a label writes a part of a year.

Shared by the story stage (a card whose fact's period is not its story's and whose label does not say it is
no card) and ``verify --sources`` (which reads the printed card back and asks the same of the source).
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..model import Document, Fact
from .clauses import figure_at

_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH = r"January|February|March|April|May|June|July|August|September|October|November|December"
_PERIOD = lazy(r"\A(?:FY)?((?:19|20)\d\d)(?:-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?\Z")
# a part of a year as a sentence writes it: "the fourth quarter", "Q4", "the first half", "H1",
# "the October-December quarter", "in December" (a month after "in", "for" or "during": "March" alone may be a
# name, and "at the end of December" is a point in time, not the month's)
_PART = lazy(rf"\b(?P<o>first|second|third|fourth)[- ](?P<k>quarter|half)\b|\b(?P<s>[QH][1-4])\b"
             rf"|\b(?:{_MONTH})\s*[-–]\s*(?P<qe>{_MONTH})\s+(?:quarter|period)\b"
             rf"|\b(?:in|for|during)\s+(?P<m>{_MONTH})\b(?!\s+\d{{1,2}}\b)", re.I)
_YEAR = lazy(r"(?<![\d.,])(?:19|20)\d\d(?![\d])")
# the words right after a figure that may date it: up to a comma, a figure or the base it is compared with
# ("up 1.3% from November": November is the base's month, not the change's)
_AFTER = lazy(r"(?:(?!\b(?:from|than|against|compared|versus|vs|after|before|since)\b)[^,;.\d])*", re.I)
# a time a sentence opens on ("In December alone,", "For the fourth quarter,")
_FRONTED = lazy(r"\s*(?:In|For|During|Over)\s+[^,;\d]{1,40}?,")
# the words of a label that say a part of a year (a card that says its part is read as that part)
_SAYS_PART = lazy(rf"\b(?:quarter|half|months?|Q[1-4]|H[12]|{_MONTH})\b", re.I)


def _key(m: re.Match[str]) -> str:
    if m.group("o"):
        return f"{m.group('k')[0].upper()}{_ORDINAL[m.group('o').lower()]}"
    if m.group("s"):
        return m.group("s").upper()
    if m.group("qe"):
        end = _MONTHS.index(m.group("qe").lower()) + 1
        return f"Q{(end + 2) // 3}"
    return f"M{_MONTHS.index(m.group('m').lower()) + 1:02d}"


def parts_in(text: str) -> set[str]:
    """The parts of a year ``text`` writes ("Q4", "H1", "M12")."""
    return {_key(m) for m in _PART.finditer(text)}


def _near(f: Fact) -> str:
    """The words of ``f``'s sentence that date it: from the end of the figure before it (or the sentence's
    start) to the figure, and after it up to the next comma, semicolon or figure."""
    at = figure_at(f)
    if at < 0:
        return ""
    before = f.sentence[:at]
    digits = [m.end() for m in re.finditer(r"\d", before)]
    start = digits[-1] if digits else 0
    after = _AFTER.match(f.sentence, at + len(f.text))
    return before[start:] + " " + (after.group(0) if after else "")


def part_of_year(f: Fact) -> str | None:
    """"Q4", "H1" or "M12" when ``f`` is a quarter's, a half's or a month's figure; its year ("2026") when it is
    a whole year's; ``None`` when nothing dates it (see the module's doc)."""
    m = _PERIOD.match(f.period or "")
    if m:
        part = m.group(2)
        return m.group(1) if part is None else part if part[0] in "QH" else f"M{part}"
    if f.period or f.year:
        return None  # a span or a year the facts stage read another way: not a part it can name
    near = _near(f)
    said = sorted(parts_in(near))
    if not said and not _YEAR.search(near):
        # "In December alone, oil and gas revenue was 739.2 billion roubles, up 11.7% from a year earlier": a
        # sentence that opens on its time dates each figure that names none of its own
        front = _FRONTED.match(f.sentence)
        said = sorted(parts_in(front.group(0))) if front and front.end() <= max(0, figure_at(f)) else []
    if not said and not _YEAR.search(f.sentence):
        # "Exports rose 10.7% in December, ..., while imports unexpectedly grew 1.0%": the one time the sentence
        # names before the figure, when it names no year, is each undated figure's
        said = sorted(parts_in(f.sentence[:max(0, figure_at(f))]))  # before it: a time after is a base's
    return said[0] if len(said) == 1 else None  # two parts: which is the figure's, the sentence does not say


def says_part(label: str) -> bool:
    """Whether ``label`` writes a part of a year ("fourth quarter", "Q4", "December", "three months")."""
    return _SAYS_PART.search(label) is not None


# one article's times, for the last article asked about: a card asks for each of its article's candidates
_TIMES: list[tuple[Document, frozenset[str]]] = []


def article_times(doc: Document) -> frozenset[str]:
    """What ``doc`` is about in time, as a reader of its story takes it: the parts and years its headline
    writes, and the :func:`part_of_year` of each figure of its first sentence with one."""
    if _TIMES and _TIMES[0][0] is doc:
        return _TIMES[0][1]
    title = doc.title or ""
    times = parts_in(title) | set(_YEAR.findall(title))
    first = next((f.sentence for f in doc.facts), None)
    for f in doc.facts:
        if f.sentence != first:
            break
        key = part_of_year(f)
        if key:
            times.add(key)
    _TIMES[:] = [(doc, frozenset(times))]
    return _TIMES[0][1]


def period_unlike_story(f: Fact, label: str, doc: Document) -> str | None:
    """The part of a year ``f`` is for ("Q4") when ``label`` says no part and ``f``'s article (``doc``) is
    about other times only: its headline or first sentence dates itself, never by that part. A card that
    says no period is read as its story's period; a quarter's figure in a full year's story then claims the
    year. ``None`` when the card is read right."""
    key = part_of_year(f)
    if key is None or key[0] not in "QHM" or says_part(label):
        return None
    times = article_times(doc)
    return key if times and key not in times else None


def part_name(key: str) -> str:
    """How a reader says a :func:`part_of_year` key: "Q4" -> "the fourth quarter", "M12" -> "December"."""
    if key[:1] == "M":
        return _MONTHS[int(key[1:]) - 1].capitalize()
    if key[:1] in "QH" and key[1:].isdigit():
        return f"the {list(_ORDINAL)[int(key[1:]) - 1]} {'quarter' if key[0] == 'Q' else 'half'}"
    return key

