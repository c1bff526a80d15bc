"""``reportkit verify --sources``, words: the sources as the label check reads them. A fact's own
sentence and the one before it, an article's names (words it capitalises inside a sentence), its
words, and the facts a printed quantity traces to.
"""

from __future__ import annotations

from datetime import date

from ..model import Document, Fact
from ..story import Sentence, article_names, body_spans, sentence_in
from ..story import label_words as _words
from .sources import SourceIndex, trace_text

def _date_words(iso: str | None) -> str:
    """A metadata date's words as printed: "2027-03-12" -> "12 March 2027"; "" when it is no full date."""
    try:
        day = date.fromisoformat((iso or "")[:10])
    except ValueError:
        return ""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


_MONTHS = "January February March April May June July August September October November December".split()


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
        # an article's words include its dateline's: a first-person takeaway is printed with the signer
        # the dateline names ("Bayanihan Equity Research: By our count, ...")
        # the same for a page's metadata date ("2027-03-12"), which a takeaway that says "today" is printed
        # under as its kicker prints it ("12 March 2027: ... today reported ...")
        self._doc_words = [_words(f"{t} {d.dateline or ''} {_date_words(d.date)}")
                           for t, d in zip(self._flat, self.docs, strict=True)]

    def sentences(self, doc: Document) -> tuple[str, list[tuple[int, int]]]:
        """The document's body text and its sentences' (start, end) offsets."""
        key = id(doc)
        if key not in self._spans:
            self._spans[key] = body_spans(doc)
        return self._spans[key]

    def sentence_of(self, f: Fact) -> Sentence | None:
        """The fact's sentence and the one before it in its document."""
        doc = self._doc_of.get(f.id)
        if doc is None:
            return None
        body, sp = self.sentences(doc)
        return sentence_in(f, doc, body, sp)

    def article(self, doc: Document) -> str:
        """The article's headline and body, as one text."""
        if id(doc) not in self._articles:
            self._articles[id(doc)] = f"{doc.title}\n{self.sentences(doc)[0]}"
        return self._articles[id(doc)]

    def names(self, doc: Document) -> set[str]:
        """Words the article capitalises inside a sentence (and its headline's, but its first
        word): who or where a figure is of (:func:`reportkit.story.article_names`)."""
        key = id(doc)
        if key not in self._names:
            self._names[key] = article_names(doc, *self.sentences(doc))
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

    def article_of(self, text: str) -> Document | None:
        """The source that writes ``text`` as written (spaces aside); None when none does."""
        flat = " ".join(text.split())
        return next((d for d, t in zip(self.docs, self._flat, strict=True) if flat in t), None)

    def one_article(self, text: str) -> bool:
        """Whether every word of ``text`` is a word of one source article."""
        w = _words(text)
        return any(w <= dw for dw in self._doc_words)
