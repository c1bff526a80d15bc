"""``reportkit verify --sources``, words: the periods a label or a chart's bar names, and whether
the figure's source says them. A month or quarter must be written in the figure's own clause (not
in ", after the company raised prices in August"), or the sentence says "the quarter" and the
article names it; a bar's "Dec 2024" must be a month its article names, in a year near its own.
A label's year must not be one the clause writes only as a quarter's ("third quarter of fiscal
2027", :func:`part_of_year`) or only as the base of a comparison ("from 35.0 in 2025", :func:`base_year`).
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..model import Document, Fact

ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
PERIOD = lazy(r"\b(?P<m>(?:January|February|March|April|May|June|July|August|September|October|November|"
                     r"December))\b|\b(?P<o>first|second|third|fourth)[- ](?P<qh>quarter|half)\b|\b(?P<s>[QH][1-4])\b",
                     re.I)
YEAR = lazy(r"(?<![\d.,])(?:19|20)\d\d(?!\d|[.,]\d)")
# a clause of its own: a time in it is not the figure's ("…$10.90, after the company raised prices in August")
_SUBCLAUSE = lazy(r"(?:,|;|\s[–—])\s+(?=(?:after|before|when|while|as|since|because|although|though|until|"
                        r"once|which|who|where|whereas)\b)", re.I)
# "For the full year, ...": a label's period said as its sentence says it (story.periodwords)
FULL_YEAR = lazy(r"(?:the\s+)?(?:full|whole)\s+year", re.I)
THIS_YEAR = lazy(r"\b(?:this|the current) year\b", re.I)


_NEIGHBOUR_YEAR = lazy(r"\b(?P<w>last|next)\s+year\b", re.I)


def neighbour_year(y: str, text: str, doc: Document) -> bool:
    """Whether ``text`` says year ``y`` as "last year" or "next year" of its article's own date ("2.31
    million swims last year" in a page dated 9 Feb 2027 is said of 2026)."""
    dated = {int(d) for d in year_of(doc)}
    return any(int(y) == d + (1 if m.group("w").lower() == "next" else -1)
               for m in _NEIGHBOUR_YEAR.finditer(text) for d in dated)


def year_of(doc: Document) -> set[str]:
    """The years of the article's own date (its dateline and date)."""
    return set(YEAR.findall(" ".join(t for t in (doc.dateline, doc.date) if t)))


# a chart's category for a period, as the charts print it ("Dec 2024", "Q3 2025", "H1 2024", "2024")
BAR_PERIOD = lazy(r"(?:(?P<m>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+"
                         r"|(?P<qh>[QH])(?P<n>[1-4])\s+|FY\s?)?(?P<y>(?:19|20)\d\d)")


def bar_period_said(m: re.Match, doc: Document, text: str) -> bool:
    """Whether article ``doc`` (``text``) names the bar's month, quarter or half, and its year is
    the article's own, one either side of its date, or written in it."""
    y = int(m.group("y"))
    dated = {int(d) for d in year_of(doc)}
    if not (str(y) in text or any(abs(y - d) <= 1 for d in dated)):
        return False
    if m.group("m"):
        return re.search(rf"\b{m.group('m')}", text) is not None
    if m.group("qh"):
        n = int(m.group("n"))
        ordinal = [k for k, v in ORDINAL.items() if v == n][0]
        kind = "quarter" if m.group("qh") == "Q" else "half"
        return re.search(rf"\b{ordinal}[- ]{kind}\b|\b{m.group('qh')}{n}\b", text, re.I) is not None
    return True


def split_period(label: str) -> tuple[str, str]:
    """(what, when) of a label "Measure, period"; when is "" without a period after a comma."""
    head, sep, tail = label.rpartition(",")
    if sep and (PERIOD.search(tail) or YEAR.search(tail) or re.search(r"\bfiscal\b|\bFY", tail) or FULL_YEAR.fullmatch(tail.strip())):
        return head.strip(), tail.strip()
    return label.strip(), ""


def _figure_at(sentence: str, f: Fact) -> int:
    at = sentence.find(f.text)
    return at if at >= 0 else -1


def _clause_of(sentence: str, at: int) -> tuple[int, int]:
    """(start, end) of the clause of ``sentence`` holding offset ``at``."""
    cuts = [m.end() for m in _SUBCLAUSE.finditer(sentence)]
    start = max([c for c in cuts if c <= at], default=0)
    end = min([m.start() for m in _SUBCLAUSE.finditer(sentence) if m.start() >= at], default=len(sentence))
    return start, end


def period_said(sentence: str, f: Fact, m: re.Match, article: str) -> bool:
    """Whether the figure's own clause of ``sentence`` writes the month, quarter or half ``m``."""
    if m.group("m"):
        pat = rf"\b{m.group('m')}\b"
    else:
        n = ORDINAL[m.group("o").lower()] if m.group("o") else int(m.group("s")[1])
        kind = (m.group("qh") or ("quarter" if m.group("s")[0].upper() == "Q" else "half")).lower()
        ordinal = [k for k, v in ORDINAL.items() if v == n][0]
        pat = rf"\b{ordinal}[- ]{kind}\b|\b{kind[0].upper()}{n}\b"
    hits = [h.start() for h in re.finditer(pat, sentence, re.I)]
    if not hits:
        # "rose 9% in the quarter": which quarter the article says elsewhere
        kind = "month" if m.group("m") else (m.group("qh") or ("quarter" if m.group("s")[0].upper() == "Q" else "half"))
        return re.search(rf"\bthe\s+{kind}\b", sentence, re.I) is not None and re.search(pat, article, re.I) is not None
    at = _figure_at(sentence, f)
    if at < 0:
        return True
    a, b = _clause_of(sentence, at)
    # a time in a clause of its own ("…, after the company raised prices in August") dates that clause
    return any(a <= h < b or not _SUBCLAUSE.search(sentence[min(h, at):max(h, at)]) for h in hits)


# a quarter or half written as the span of months that ends it ("in the three months to December")
_SPAN = lazy(r"(?P<n>three|six)\s+months\s+to\s+(?P<m>January|February|March|April|May|June|July|August|"
                   r"September|October|November|December)", re.I)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")


def span_said(when: str, sentence: str, f: Fact, article: str) -> bool:
    """Whether a label's period ``when`` ("three months to December") is the span the article wrote
    for the figure's resolved period: the figure is the quarter (half) ending that month, its
    sentence calls it "the quarter" ("Revenue for the quarter rose to ..."), and the article writes
    the span. The month alone is then not the figure's period, but the span is (story.periodwords)."""
    m = _SPAN.fullmatch(when.strip())
    if m is None:
        return False
    length = 3 if m.group("n").lower() == "three" else 6
    end = _MONTHS.index(m.group("m").lower()) + 1
    kind = "quarter" if length == 3 else "half"
    if end % length or not (f.period or "").endswith(f"-{kind[0].upper()}{end // length}"):
        return False
    return (re.search(rf"\bthe\s+{kind}\b", sentence, re.I) is not None
            and re.search(rf"\b{m.group('n')}\s+months\s+to\s+{m.group('m')}\b", article, re.I) is not None)


# a part of a year written with its year: "the third quarter of fiscal 2027", "Q3 2026", "the first half of 2026"
_PART = (r"(?:(?P<o>first|second|third|fourth)[- ](?P<qh>quarter|half)|(?P<s>[QH][1-4]))(?:\s+of)?(?:\s+the)?"
         r"(?:\s+(?:fiscal|financial)(?:\s+year)?|\s+FY)?\s+")


def part_of_year(year: str, sentence: str, f: Fact) -> str | None:
    """The quarter or half of ``year`` the figure's own clause dates it by ("third quarter of
    fiscal 2027"), when the clause writes that year only so; None otherwise (a label "…, 2027"
    of such a figure prints a part of the year as the whole)."""
    at = _figure_at(sentence, f)
    if at < 0:
        return None
    a, b = _clause_of(sentence, at)
    clause = sentence[a:b]
    parts = list(re.finditer(_PART + rf"(?:FY\s?)?{year}\b", clause, re.I))
    alone = [m for m in re.finditer(rf"(?<![\d.,]){year}\b", clause)
             if not any(p.start() <= m.start() < p.end() for p in parts)]
    if parts and not alone:
        return " ".join(parts[0].group(0).split())
    return None


# the base a figure is compared with: "from 35.0 micrograms in 2025", "against 17 in 2025", "than in 2025"
# (not "more than 60% so far in 2024": a bound, not a base)
_BASE_YEAR = (r"\b(?:from|against|compared\s+with|(?<!more\s)(?<!less\s)(?<!fewer\s)(?<!rather\s)than|versus|vs\.?|"
              r"(?:more|less|fewer)\s+than(?=\s+in\s))\s+"
              r"(?:[^\s,;]+\s+){{0,5}}?{year}\b")


def base_year(year: str, sentence: str, f: Fact) -> str | None:
    """The phrase a figure is compared with ("from 35.0 micrograms in 2025"), when ``year`` is
    written only in such phrases and none holds the figure: a label "…, 2025" of "fell to 31.4 in
    2026, from 35.0 in 2025, a drop of 10.3%" dates the change by its base. None otherwise."""
    at = _figure_at(sentence, f)
    if at < 0:
        return None
    # a base says the value compared with ("from 35.0 … in 2025"); "from July to December 2026",
    # "from its mines in 2024" say a span or a place
    bases = [b for b in re.finditer(_BASE_YEAR.format(year=year), sentence, re.I)
             if b.group(0).lower().startswith(("than", "more than", "less than", "fewer than"))
             or re.search(r"\d", b.group(0)[:-len(year)])]  # "6.4% more than in 2025": the base's year
    hits = [m.start() for m in re.finditer(rf"(?<![\d.,]){year}\b", sentence)]
    inside = [any(b.start() <= h < b.end() for b in bases) for h in hits]
    if not bases or not all(inside) or any(b.start() <= at < b.end() for b in bases):
        return None
    return " ".join(bases[0].group(0).split())
