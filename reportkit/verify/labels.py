"""``reportkit verify --sources``, words: every printed label uses only words of its figure's source.

The numbers check (:mod:`.sources`) says a printed "9%" is some source's 9%; this one checks
what the output says the 9% *is*: each figure's label, chart title, caption and description
and each takeaway read back from the file's own text (:mod:`.printed`; never the build's
record: a check that trusts the build's claims checks nothing).

A label is checked against every source fact its number traces to (only those of the story it
is printed with, "Source: [S4]" or its "SOURCE S4" section, when that article has the number:
the tag is read from the output's own sources list), and passes when one of them supports it:

- **words**: each word (stemmed: "imported" is "imports") occurs in that fact's own sentence,
  or in the headline when the headline holds the figure; a word of the sentence before only when
  the figure's sentence points back ("It", "Its", "The figure"); a name (a word the article
  capitalises inside a sentence) wherever the article writes it: whose figure it is;
- **period**: a month or quarter is written in the figure's own clause (not in ", after the
  company raised prices in August"), or the sentence says "the quarter" and the article names
  it; a year is written in the sentence (or the one before), or is the article's own date's;
- **shape**: no two periods ("Change from Q3 2025, 2026"), no measure ending on a time
  ("five-day Thanksgiving weekend"), on the word that leads up to the figure ("Dockworkers
  reject" of "Dockworkers reject 9% pay offer") or inside a noun phrase ("Experimental obesity"
  of "experimental obesity pill", "Average revenue" of "average revenue per user").

A chart's bar, axis and legend names (a PDF chart's lines, a deck's native chart categories and
series) must be words of the chart's article, "From"/"To", or a period the article names
("Dec 2024": December, in a year near the article's own). Words the layouts' author wrote (a
pick's label, a chart's title) pass as written. A takeaway must be a source's sentence, or
made of one article's words. A figure whose number traces to
no fact is left to the numbers check.

A candidate fact whose words support the label must also mean it: :mod:`.meaning` reads the
figure's place in its sentence (the whole of "19 of the 35 seats", one side of "a vote of 11 to
4", a forecast or a hypothesis, a "respectively" list, an appositive's noun, …). A bare count the
numbers check found as the source's text ("35") is checked against each place its article writes it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from ..facts import STOP, VERBS, title_facts
from ..model import Document, Fact
from ..sentences import spans
from .meaning import occurrences, why_not_meant
from .printed import Printed, read_printed, source_tags
from .printed import stem as _stem
from .printed import words as _words
from .readback import chart_names, read_back
from .sources import SourceIndex, trace_text

_WORD = re.compile(r"[A-Za-z0-9]+")
# a possessive that starts a sentence or a headline ("Northfield's bike-share …"): a name, though first
_FIRST_POSSESSIVE = re.compile(r"\s*([A-Z][A-Za-z0-9-]*)['’]s\b")
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_PERIOD = re.compile(r"\b(?P<m>(?:January|February|March|April|May|June|July|August|September|October|November|"
                     r"December))\b|\b(?P<o>first|second|third|fourth)[- ](?P<qh>quarter|half)\b|\b(?P<s>[QH][1-4])\b",
                     re.I)
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?!\d|[.,]\d)")
# words that end a label on a time, not on what is measured
_TIMES = frozenset("weekend weekends week weeks day days session sessions month months quarter quarters year years "
                   "period half night".split())
# a span or a base after a measure ("over two years", "from the previous quarter")
_TRAILING = re.compile(r"\s+(?:over|from|since|against|compared\s+with|than|during|for)\s+[^,]*$", re.I)
# a month's change on the month before ("Median price, November, from October"): the base month ends the label
_FROM_MONTH = re.compile(r",\s*from\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
                         r"December)\s*$")
# a chart's bars of one change are "From" and "To", the renderer's own words; so are "since"
# ("31× since 2022"), "total" and "target", which the chart drawer writes beside a value
_PLAIN = frozenset({"from", "to", "since", "total", "target"})
# a figure's sentence that points back: the sentence before says whose or what
_BACK = re.compile(r"^(?:It|Its|This|That|These|Those|They|Their|The\s+figure|The\s+number|The\s+total)\b")
# a clause of its own: a time in it is not the figure's ("…$10.90, after the company raised prices in August")
_SUBCLAUSE = re.compile(r"(?:,|;|\s[–—])\s+(?=(?:after|before|when|while|as|since|because|although|though|until|"
                        r"once|which|who|where|whereas)\b)", re.I)
# a quantity inside a label or title ("production target of 1.8M b/d"): the numbers check's
_UNQUANTIFIED = re.compile(r"(?<!\w)[-−+]?[$£€¥₹₽]?\d[\d,]*(?:\.\d+)?[KMBT]?"
                           r"(?:\s?%|\s?(?:b/d|bbl|t/yr|cu ft|m³|pp)\b)?(?:/[A-Za-z]+)?(?<![.,])(?!\d)")


@dataclass
class _Sentence:
    text: str
    before: str
    doc: Document
    at: int = -1  # where the fact starts in ``text``


class LabelIndex:
    """The sources' sentences, names and dates, found from a fact id."""

    def __init__(self, index: SourceIndex, author: set[str] | None = None) -> None:
        self.index = index
        self.author = author or set()
        self.tagged: dict[str, Document] = {}  # the output's tags, from its own sources list
        self.docs = index.docs
        self._doc_of = {f.id: d for d in self.docs for f in d.facts}
        self._facts = {f.id: f for d in self.docs for f in d.facts}
        self._spans: dict[int, tuple[str, list[tuple[int, int]]]] = {}
        self._names: dict[int, set[str]] = {}
        self._articles: dict[int, str] = {}
        self._flat = [" ".join(" ".join(t for t in (d.title, d.subtitle, d.body_text()) if t).split())
                      for d in self.docs]
        self._doc_words = [_words(t) for t in self._flat]

    def sentences(self, doc: Document) -> tuple[str, list[tuple[int, int]]]:
        """The document's body text and its sentences' (start, end) offsets."""
        key = id(doc)
        if key not in self._spans:
            body = doc.body_text()
            self._spans[key] = (body, spans(body, newlines=True))
        return self._spans[key]

    def sentence_of(self, f: Fact) -> _Sentence | None:
        """The fact's sentence and the one before it in its document."""
        doc = self._doc_of.get(f.id)
        if doc is None:
            return None
        body, sp = self.sentences(doc)
        i = bisect.bisect_right(sp, (f.start, len(body) + 1)) - 1  # the last sentence starting at or before it
        if i >= 0 and sp[i][0] <= f.start < sp[i][1]:
            return _Sentence(body[sp[i][0]:sp[i][1]], body[sp[i - 1][0]:sp[i - 1][1]] if i else "", doc,
                             f.start - sp[i][0])
        return _Sentence(f.sentence, "", doc)

    def article(self, doc: Document) -> str:
        """The article's headline and body, as one text."""
        if id(doc) not in self._articles:
            self._articles[id(doc)] = f"{doc.title}\n{self.sentences(doc)[0]}"
        return self._articles[id(doc)]

    def names(self, doc: Document) -> set[str]:
        """Words the article capitalises inside a sentence (and its headline's, but its first
        word): who or where a figure is of."""
        key = id(doc)
        if key not in self._names:
            body, sp = self.sentences(doc)
            out: set[str] = set()
            for a, b in [*sp]:
                toks = _WORD.findall(body[a:b])
                out |= {_stem(t) for t in toks[1:] if t[:1].isupper()}
            for text in [*(body[a:b] for a, b in sp), doc.title]:
                m = _FIRST_POSSESSIVE.match(text)
                if m:
                    out.add(_stem(m.group(1)))
            toks = _WORD.findall(doc.title)
            lower = sum(1 for t in toks if t[:1].islower())
            if lower >= len(toks) / 3:  # a headline in sentence case: its capitals are names
                out |= {_stem(t) for t in toks[1:] if t[:1].isupper()}
            self._names[key] = out
        return self._names[key]

    def facts_of(self, shown: str, where: str) -> list[Fact]:
        """The source facts the printed quantity ``shown`` traces to (a derivation's inputs too)."""
        out: list[Fact] = []
        for t in trace_text(shown, where, self.index):
            ids = list(t.fact_ids) + (list(t.derived.get("inputs", [])) if t.derived else [])
            out += [self._facts[i] for i in ids if i in self._facts]
        return out

    def doc_of(self, f: Fact) -> Document | None:
        """The article ``f`` is from."""
        return self._doc_of.get(f.id)

    def words_of(self, f: Fact) -> set[str]:
        """The words of the article ``f`` is from."""
        doc = self._doc_of.get(f.id)
        return self._doc_words[self.docs.index(doc)] if doc is not None else set()

    def facts_of_value(self, value: float, derived: bool = True) -> list[Fact]:
        """The source facts a native chart's value is (as written, or a derivation's inputs)."""
        ids, how = self.index.trace(value, None, 1e-6 * max(1.0, abs(value)))
        ids = ids + (list(how.get("inputs", [])) if how and derived else [])
        return [self._facts[i] for i in ids if i in self._facts]

    def in_sources(self, text: str) -> bool:
        """Whether ``text`` stands in a source as written (spaces aside)."""
        flat = " ".join(text.split())
        return any(flat in t for t in self._flat)

    def one_article(self, text: str) -> bool:
        """Whether every word of ``text`` is a word of one source article."""
        w = _words(text)
        return any(w <= dw for dw in self._doc_words)


_THIS_YEAR = re.compile(r"\b(?:this|the current) year\b", re.I)


def _year_of(doc: Document) -> set[str]:
    return set(_YEAR.findall(" ".join(t for t in (doc.dateline, doc.date) if t)))


# a chart's category for a period, as the charts print it ("Dec 2024", "Q3 2025", "H1 2024", "2024")
_BAR_PERIOD = re.compile(r"(?:(?P<m>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+"
                         r"|(?P<qh>[QH])(?P<n>[1-4])\s+|FY\s?)?(?P<y>(?:19|20)\d\d)")


def _bar_period_said(m: re.Match, doc: Document, text: str) -> bool:
    """Whether article ``doc`` (``text``) names the bar's month, quarter or half, and its year is
    the article's own, one either side of its date, or written in it."""
    y = int(m.group("y"))
    dated = {int(d) for d in _year_of(doc)}
    if not (str(y) in text or any(abs(y - d) <= 1 for d in dated)):
        return False
    if m.group("m"):
        return re.search(rf"\b{m.group('m')}", text) is not None
    if m.group("qh"):
        n = int(m.group("n"))
        ordinal = [k for k, v in _ORDINAL.items() if v == n][0]
        kind = "quarter" if m.group("qh") == "Q" else "half"
        return re.search(rf"\b{ordinal}[- ]{kind}\b|\b{m.group('qh')}{n}\b", text, re.I) is not None
    return True


def _split_period(label: str) -> tuple[str, str]:
    """(what, when) of a label "Measure, period"; when is "" without a period after a comma."""
    head, sep, tail = label.rpartition(",")
    if sep and (_PERIOD.search(tail) or _YEAR.search(tail) or re.search(r"\bfiscal\b|\bFY", tail)):
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


def _period_said(sentence: str, f: Fact, m: re.Match, article: str) -> bool:
    """Whether the figure's own clause of ``sentence`` writes the month, quarter or half ``m``."""
    if m.group("m"):
        pat = rf"\b{m.group('m')}\b"
    else:
        n = _ORDINAL[m.group("o").lower()] if m.group("o") else int(m.group("s")[1])
        kind = (m.group("qh") or ("quarter" if m.group("s")[0].upper() == "Q" else "half")).lower()
        ordinal = [k for k, v in _ORDINAL.items() if v == n][0]
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


def _label_why(label: str, f: Fact, s: _Sentence, names: set[str], article: str) -> str | None:
    """Why ``label`` is not ``f``'s in its source; None when the source supports it."""
    what, when = _split_period(_UNQUANTIFIED.sub(" ", label))
    title_holds = _in_title(f, s.doc.title)
    own = _words(s.text) | (_words(s.doc.title) if title_holds else set())
    allowed = own | names | (_words(s.before) if _BACK.match(s.text) else set())
    years = _YEAR.findall(label)
    periods = list(_PERIOD.finditer(_FROM_MONTH.sub("", label)))  # ", from October" is a base, not a second period
    bare = {_stem(w) for w in _WORD.findall(_PERIOD.sub(" ", _YEAR.sub(" ", what))) if not re.search(r"\d", w)}
    foreign = sorted(bare - allowed)
    if foreign:
        return f"{', '.join(foreign)!s} not in its sentence"
    if len(set(years)) > 1 or len(periods) > 1:  # "January sailings, January 2026": which is the figure's?
        return "names two periods"
    toks = _WORD.findall(what)
    # "pay rise over two years", "Quarterly revenue, from the previous quarter": a span or a base
    # after the measure is said of it; the measure itself must not be a time
    head = _WORD.findall(_PERIOD.sub(" ", _YEAR.sub(" ", _TRAILING.sub("", what)))) or toks
    if head and (_stem(head[-1]) in {_stem(t) for t in _TIMES} or _YEAR.fullmatch(head[-1])
                 or re.fullmatch(r"[QH][1-4]", head[-1])):
        return "ends on a time, not on what is measured"
    for text, written in ((s.text, f.text), (s.doc.title, title_holds)):
        number = re.search(r"\d[\d,]*(?:\.\d+)?", written)
        at = text.find(number.group(0)) if number else -1
        lead = re.search(r"([A-Za-z]+)\s+[^\sA-Za-z]{0,2}\Z", text[:at]) if at > 0 else None
        # "Dockworkers reject 9% pay offer" labelled "Dockworkers reject": the words before the
        # figure, up to its verb, name no measure ("produced 61,400 tonnes of copper cathode" as
        # "Copper cathode produced" names its object, written after it)
        if lead and lead.group(1).islower() and len(toks) > 1 and lead.group(1).lower() == toks[-1].lower() \
                and _words(" ".join(toks[:-1])) <= _words(text[:at]):
            return f"ends on {toks[-1]!r}, the word leading up to the figure"
    cut = _cut_short(toks, s.text) if toks else None
    if cut:
        return f"cut short of its noun: the sentence goes on {cut!r}"
    for p in periods:
        if not _period_said(s.text, f, p, article) and not (title_holds and _PERIOD.search(s.doc.title)):
            return f"{p.group(0)!r} is not its sentence's period"
    for y in years:
        if y not in s.text and y not in s.before and y not in _year_of(s.doc):
            return f"{y} is not its sentence's year"
        # "up almost 60% this year" in a note dated 2026 is said of 2026
        this_year = y in _year_of(s.doc) and _THIS_YEAR.search(s.text) is not None
        if y not in s.text and not periods and not (title_holds and y in s.doc.title) and not this_year:
            return f"{y} is not written in its sentence"
    return None


# past tenses that end in no "-ed": "The economy shrank 0.3%" ends its noun at "economy"
_IRREGULAR = frozenset("""shrank sank swung slid spun struck won beat broke ran led lent kept left fought hurt set put
    split spread shot told thought drew overtook withdrew dove bled froze stole wore tore began fled""".split())


def _cut_short(what: list[str], sentence: str) -> str | None:
    """The word after a label's last word in its sentence when the label stops inside a noun
    phrase ("Experimental obesity" of "experimental obesity pill lost"; "Average revenue" of
    "average revenue per user"); None when a verb, a preposition or the figure follows."""
    m = None
    for tail in (what[-2:], what[-1:]):  # the label's last two words where the sentence has them so
        m = m or re.search(r"\b" + r"\s+".join(map(re.escape, tail)) + r" ([A-Za-z][A-Za-z-]*)", sentence, re.I)
    if m is None:
        return None
    nxt = m.group(1)
    if nxt == "per" or nxt.islower() and not (nxt in STOP or nxt in VERBS or nxt in _IRREGULAR) and \
            not nxt.endswith(("ed", "ing", "ly", "s")):
        return f"{what[-1]} {nxt}"
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


def check(p: Printed, li: LabelIndex) -> str | None:
    """Why ``p`` does not use its source's words; None when it does (or its number traces to no fact)."""
    if p.kind == "takeaway":
        if li.in_sources(p.label) or li.one_article(p.label):
            return None
        return "not a source's sentence, nor one article's words"
    if li.author and _words(_UNQUANTIFIED.sub(" ", p.label)) <= li.author:
        return None  # the layout's own title or label, as its author wrote it
    facts = li.facts_of(p.shown, p.where) if p.value is None else li.facts_of_value(p.value)
    tagged = li.tagged.get(p.tag)
    # the story the figure is printed with: its label is that article's, when that article has the number
    facts = [f for f in facts if li.doc_of(f) is tagged] or facts
    if not facts:  # a bare count read as the source's text: what its sentences say it is
        return occurrences(p, li, tagged) if p.kind == "figure" else None
    if p.kind == "bar":  # a bar's or the legend's name: the words of the chart's article(s)
        known = set().union(*(li.words_of(f) for f in facts))
        dated = _BAR_PERIOD.fullmatch(p.label.strip())
        if dated:  # "Dec 2024", "Q3 2025": the article names that month or quarter, and the year is near its own
            said = [_bar_period_said(dated, d, li.article(d)) for f in facts if (d := li.doc_of(f)) is not None]
            return None if any(said) else f"{p.label.strip()!r} is no period its article names"
        foreign = sorted(_words(_UNQUANTIFIED.sub(" ", p.label)) - known - _PLAIN)
        return f"{', '.join(foreign)} not in the chart's article" if foreign else None
    whys = []
    said = _words(p.label)
    # the fact whose sentence shares most of the label's words first: its reason is the one told
    # at most the 40 likeliest: a number written a thousand times is checked against its best sentences
    for f in sorted(facts, key=lambda f: -len(said & _words(f.sentence)))[:40]:
        s = li.sentence_of(f)
        if s is None:
            continue
        why = _label_why(p.label, f, s, li.names(s.doc) | li.author, li.article(s.doc)) \
            or why_not_meant(p, f, s, li.names(s.doc) | li.author)
        if why is None:
            return None
        whys.append(why)
    return whys[0] if whys else None


def label_problems(pages: list[tuple[str, str]], index: SourceIndex | LabelIndex,
                   author: set[str] | None = None, names: list[tuple[str, str, float]] = ()) -> list[str]:
    """One line per printed label, caption, bar name (``names``: a deck's native charts') or
    takeaway whose words are not its source's (nor, in ``author``, the layouts' author's)."""
    li = index if isinstance(index, LabelIndex) else LabelIndex(index, author)
    li.tagged = source_tags(pages, li.docs)
    out = []
    state: dict[str, str] = {}
    printed = [p for where, text in pages for p in read_printed(text, where, state)]
    printed += [Printed(where, "bar", "", name, value) for where, name, value in names]
    for p in printed:
        why = check(p, li)
        if why:
            shown = f"{p.shown} " if p.shown and p.kind != "bar" else ""
            out.append(f"{p.where}: {p.kind} {shown}{p.label!r}: {why}")
    return out


def file_label_problems(path: Path, index: SourceIndex, author: set[str] | None = None) -> list[str]:
    """:func:`label_problems` of one built PDF or deck, read back as :mod:`.readback` reads it
    (a deck's native charts' category and series names too)."""
    return label_problems(read_back(path)[0], index, author, chart_names(path))
