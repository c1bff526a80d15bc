"""Extractive summaries: the 2–4 sentences of an article that tell its story.

Every sentence of the article's paragraphs is scored on four signals, each in
0..1, and the best are taken, in article order, within a word budget:

* **centrality**: TextRank (PageRank over cosine similarity of content-word
  counts) — a sentence that shares words with many others carries the topic;
* **position**: news puts the point first (the lead paragraph scores highest);
* **fact density**: numbers with provenance are what a brief is read for;
* **headline overlap**: content words shared with the headline.

A sentence should stand alone: one that opens with a pronoun ("It", "They") or a
connective ("However", "Also", "The chancellor also …") is penalised unless the
sentence before it is chosen too, as is a sentence that is mostly quoted speech
(quotes are shown with their speaker instead) or that leads in to a quote.
Summaries are whole sentences of the article, never cut.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass

from ..facts import AUX, IRREGULAR_PAST, VERBS
from ..lazyre import lazy
from ..model import Document
from ..sentences import spans as sentence_spans
from .backref import subject_noun
from .standalone import (_ANNOUNCES, _INDEFINITE_OPEN, _PRONOUN_OPEN, _WE_NAMED, _WE_OPEN, only_manner,
                         stands_alone)

WORD = lazy(r"[A-Za-z][A-Za-z'’-]*|\d[\d.,]*")
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more most my no nor not now of off on
once only or other our ours out over own same she should so some such than that the their theirs them then there
these they this those through to too under until up very was we were what when where which while who whom why
will with would you your said says say year years per cent percent week month on according told
""".split())
_FINAL = ".!?\"”’')…:;"
_LOWER_WORD = lazy(r"[a-z]+")
_LABEL_WORDS = 6  # a line this short without a stop or a figure is a label even with a verb-like word ("Cost report")


def is_sentence(text: str) -> bool:
    """Whether a line reads as a sentence, not a label: it ends on a stop, or holds a figure
    ("Passenger numbers up 6.8%, load factor up 1.9 points"), or is longer than a label and has a
    verb. "Quarterly production update" (a document's subtitle, a kicker) is a heading, never a point."""
    t = text.rstrip()
    if not t or t[-1] in _FINAL or any(c.isdigit() for c in t):
        return True
    words = _LOWER_WORD.findall(t.lower())
    return len(t.split()) > _LABEL_WORDS and any(
        w in VERBS or w in AUX or w in IRREGULAR_PAST or (len(w) > 4 and w.endswith("ed")) for w in words)


_QUOTE_CHARS = "\"“”"
MAX_SENTENCES_RANKED = 250  # TextRank is quadratic: a very long source ranks its first 250 sentences
MAX_SENTENCES = 2000  # a summary is made from the first 2,000 sentences of a (huge) source


@dataclass
class Sentence:
    """A candidate sentence: where it is in ``Document.body_text()`` and its score."""

    text: str
    start: int
    end: int
    paragraph: int  # 0 = the article's first paragraph
    index: int  # reading order over the whole article
    score: float = 0.0
    standalone: bool = True  # opens with no pronoun or connective
    # a short sentence right before a quote (in its paragraph or opening the next), or before the sentence
    # that says its news with a pronoun
    leads_quote: bool = False
    unnamed_we: bool = False  # the writer's "We expect ..." in an article that never says who "we" is
    named_we: bool = False  # the writer's "We estimate ..." in a note that says who "we" is (its signer)


def tokens(text: str) -> list[str]:
    """Content words, lower case, a plural ``s`` dropped (a crude but stable stem)."""
    out = []
    for w in WORD.findall(text.lower()):
        w = w.strip("'’-.,")
        if not w or w in STOPWORDS or len(w) < 2:
            continue
        if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.append(w)
    return out


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    if not dot:
        return 0.0
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


def _bag(text: str) -> dict[str, float]:
    v: dict[str, float] = {}
    for w in tokens(text):
        v[w] = v.get(w, 0.0) + 1.0
    return v


#: "Nov 20 (Reuters) - " / "LONDON, July 25 (Reuters) — " left at the start of a paragraph
DATELINE = lazy(
    r"(?:[A-Z][A-Za-z./' -]{1,40},\s*)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
    r"(?:\s*\((?:Reuters|Bloomberg|AP|AFP)\))?\s*[-—–]{1,2}\s+(?=[A-Z\"“])"
)


def textrank(texts: list[str], damping: float = 0.85, iterations: int = 40) -> list[float]:
    """PageRank over the cosine similarity of the texts' content words (TF-IDF weighted),
    normalised so the most central text scores 1.

    Remembered per process (the brief and the deck rank the same sentences, and a watch
    rebuild ranks every unchanged source again): a copy of the remembered list is returned."""
    return list(_textrank(tuple(texts), damping, iterations))


@functools.lru_cache(maxsize=512)
def _textrank(texts: tuple[str, ...], damping: float, iterations: int) -> tuple[float, ...]:
    n = len(texts)
    if n == 0:
        return ()
    bags = [tokens(t) for t in texts]
    df: dict[str, int] = {}
    for bag in bags:
        for w in set(bag):
            df[w] = df.get(w, 0) + 1
    vecs = []
    for bag in bags:
        v: dict[str, float] = {}
        for w in bag:
            v[w] = v.get(w, 0.0) + 1.0
        vecs.append({w: c * (1.0 + math.log(n / df[w])) for w, c in v.items()})
    sim = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            s = _cosine(vecs[i], vecs[j])
            sim[i][j] = sim[j][i] = s
    out_sum = [sum(row) for row in sim]
    # the terms of each sum that are not exactly 0.0 (no shared word, or a text linked to none),
    # in the same order: skipping +0.0 terms leaves every sum, and so every score, bit for bit the same
    links = [[(j, sim[j][i]) for j in range(n) if out_sum[j] and sim[j][i]] for i in range(n)]
    rank = [1.0 / n] * n
    for _ in range(iterations):
        rank = [(1 - damping) / n + damping * sum(s * rank[j] / out_sum[j] for j, s in links[i])
                for i in range(n)]
    top = max(rank) or 1.0
    return tuple(r / top for r in rank)


def score_sentences(sentences: list[Sentence], headline: str, fact_starts: list[int]) -> None:
    """Set each sentence's ``score`` (see the module docstring for the signals);
    ``fact_starts`` are the sorted offsets of the document's facts."""
    if not sentences:
        return
    cent = textrank([s.text for s in sentences[:MAX_SENTENCES_RANKED]])
    cent += [0.0] * (len(sentences) - len(cent))
    head = set(tokens(headline))
    for s, c in zip(sentences, cent):
        words = len(s.text.split())
        position = 1.0 / (1.0 + 0.45 * s.paragraph) * (1.0 if s.index == 0 or _first_in_paragraph(s, sentences)
                                                         else 0.85)
        n_facts = bisect.bisect_left(fact_starts, s.end) - bisect.bisect_left(fact_starts, s.start)
        density = min(1.0, n_facts / 2.0)
        overlap = len(head & set(tokens(s.text))) / len(head) if head else 0.0
        score = 0.25 * c + 0.35 * position + 0.20 * density + 0.20 * min(1.0, overlap * 1.5)
        quoted = sum(len(m) for m in re.findall(r"[\"“][^\"“”]*[\"”]", s.text))
        if quoted > 0.4 * len(s.text):
            score -= 0.35  # quoted speech is shown with its speaker, not as narration
        if s.text.rstrip().endswith((":", "…", "...")):
            score -= 0.5  # a lead-in to a quote or a cut teaser
        if words < 7:
            score -= 0.3
        elif words > 42:
            score -= 0.15 * min(2.0, (words - 42) / 15)
        if s.leads_quote and words < 12:
            score -= 0.4  # "Some economists were more blunt." only sets up the quote after it
        # the signer's "We estimate exports reached US$1.46bn" is news in its name; "We study how
        # batteries changed volatility" (no figure) only says what the note is about
        s.standalone = stands_alone(s.text, s.named_we and n_facts > 0)
        s.score = score


def quote_balanced(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Sentence spans merged so that none ends inside a quotation
    (``"Profits are up. That is the truth," he said.`` is one sentence)."""
    out: list[tuple[int, int]] = []
    open_span: tuple[int, int] | None = None
    for a, b in spans:
        if open_span is not None:
            a = open_span[0]
        piece = text[a:b]
        unbalanced = piece.count('"') % 2 == 1 or piece.count("“") > piece.count("”")
        if unbalanced:
            open_span = (a, b)
            continue
        open_span = None
        out.append((a, b))
    if open_span is not None:
        out.append(open_span)
    return out


def _first_in_paragraph(s: Sentence, sentences: list[Sentence]) -> bool:
    return s.index == 0 or sentences[s.index - 1].paragraph != s.paragraph


def choose(sentences: list[Sentence], budget_words: int, min_sentences: int = 2,
           max_sentences: int = 4) -> list[Sentence]:
    """The best sentences within ``budget_words`` (at least ``min_sentences`` when the
    article has them), in article order. A sentence that does not stand alone is
    taken only after the sentence before it, or with a penalty; one that only says how someone
    stands (:func:`~.standalone.only_manner`) is never taken."""
    picked: list[Sentence] = []
    used = 0

    bags = {s.index: _bag(s.text) for s in sentences}

    def value(s: Sentence) -> float:
        v = s.score
        if not (s.standalone or any(p.index == s.index - 1 for p in picked)):
            v -= 0.3
        if s.unnamed_we:  # the sentence before does not say who "we" is either
            v -= 0.3
        if picked:  # say something new: a sentence much like one already taken adds little
            v -= 0.6 * max(_cosine(bags[s.index], bags[p.index]) for p in picked)
        return v

    # "A permit costs US$1,500" after "The office sold 11,240 gorilla-trekking permits": a subject named by a
    # head noun an earlier sentence of the article used needs one of those sentences before it
    antecedent: dict[int, frozenset[int]] = {}
    for s in sentences:
        noun = subject_noun(s.text.lstrip())
        head = tokens(noun[0]) if noun else []
        # a bare noun ("Permits alone ...") is the kind the sentence right before it named, or is its own
        before = [s.index - 1] if noun and noun[1] and s.index and sentences[s.index - 1].paragraph == s.paragraph \
            else [] if noun and noun[1] else range(s.index)
        earlier = frozenset(j for j in before if head[0] in bags[j]) if head else frozenset()
        if earlier:
            antecedent[s.index] = earlier

    def orphan(s: Sentence) -> bool:
        # "Their median price rose 0.4%" without "Condominiums held up better.": the pronoun would
        # point at whatever the summary said last, so it comes only after the sentence it points back to
        if s.index in antecedent and not any(p.index in antecedent[s.index] for p in picked):
            return True
        return s.index > 0 and not (s.named_we and s.standalone) and _PRONOUN_OPEN.match(s.text.lstrip("\"“‘'( ")) is not None and \
            not any(p.index == s.index - 1 for p in picked)

    # "Supporters see it differently.": a stance whose content only the next sentences give is no
    # summary sentence on its own, and beside another picked sentence it reads as a fragment
    pool = [s for s in sentences if not only_manner(s.text)]
    while pool and len(picked) < max_sentences:
        pool.sort(key=lambda s: (-value(s), s.index))
        if not any(not orphan(s) for s in pool):
            break
        fitting = [s for s in pool if used + len(s.text.split()) <= budget_words and value(s) > -0.2 and not orphan(s)]
        if not fitting:
            if len(picked) >= min_sentences:
                break
            fitting = sorted((s for s in pool if not orphan(s)),
                             key=lambda s: (len(s.text.split()) > 45, -value(s), s.index))
        best = fitting[0]
        picked.append(best)
        used += len(best.text.split())
        pool.remove(best)
    return sorted(picked, key=lambda s: s.index)


def candidates(doc: Document) -> list[Sentence]:
    """The article's sentences a summary may use: the standfirst's and every
    paragraph's (not headings, lists, block quotes or key points), with a leading
    dateline left out, never split inside a quotation."""
    return candidates_of(summary_pieces(doc), writer_named(doc))


# two capitalised words in a row in a dateline: an organisation that signs the note ("Quillon
# Commodities research — 5 January 2027"), not a wire dateline's place ("STAVENBORG, Jan 4")
_WRITER = lazy(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+")


def writer_named(doc: Document) -> bool:
    """Whether the dateline printed over the story names who writes it, so its "we" is named."""
    return bool(doc.dateline and _WRITER.search(doc.dateline))


def summary_pieces(doc: Document) -> list[tuple[int, str]]:
    """The texts a summary is made from (the standfirst and every paragraph), each with
    its offset in ``Document.body_text()``: with the headline and the facts' offsets,
    all of the document a summary depends on."""
    pieces: list[tuple[int, str]] = [(0, doc.subtitle)] if doc.subtitle and not kicker(doc.subtitle) else []
    offsets = doc.block_offsets()
    pieces += [(offsets[id(b)], b.text) for s in doc.sections for b in s.blocks
               if b.kind == "paragraph" and b.text.strip()]
    return pieces


def kicker(subtitle: str) -> bool:
    """Whether a standfirst is only a kicker ("Quarterly production update"): no sentence
    (:func:`is_sentence`), it says what kind of text follows, not what happened."""
    return not is_sentence(subtitle)


# a table's or a chart's caption ("Source: Deverell Water Regulation Authority, final determination."):
# no sentence of the story
_CAPTION = lazy(r"\s*(?:Sources?|Notes?|Figures? in|Chart|Table)\s*:")
# "Figures are rounded.", "Totals may not add up because of rounding.": a table's note, no news
_ROUNDING = lazy(r"\b(?:rounded|rounding)\b", re.I)
# "Norrsund fell 2.2%.": a name, a verb of movement and a figure only; what moved is said by the
# sentence before ("Shares in Telvika rose 4.6%"), so alone it says nothing, or the wrong thing
_ELLIPTIC = lazy(r"\s*[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)?\s+(?:rose|fell|gained|lost|dropped|climbed|slipped|"
                 r"jumped|slid|added|shed|eased|advanced|declined|was\s+(?:up|down))\s+(?:by\s+)?[-−+]?[$€£¥]?"
                 r"\d[\d.,]*\s*(?:%|per\s?cent|percent|points?)?[.!]?\s*\Z")


# "The table below gives loans by format.": points at a table or chart the brief does not print
_POINTS_AT = lazy(r"\b(?:tables?|charts?|graphs?|maps?|box|panels?|diagrams?|figures?)\s+(?:below|above|overleaf)\b"
                  r"|\b(?:shown|set\s+out|listed|given|see|summari[sz]ed)\s+(?:below|above|overleaf)\b", re.I)


def candidates_of(pieces: list[tuple[int, str]], we_named: bool = False) -> list[Sentence]:
    """:func:`candidates` of the :func:`summary_pieces` of a document (``we_named``: its dateline
    names the writer)."""
    out: list[Sentence] = []
    paragraph = 0
    we_named = we_named or any(_WE_NAMED.search(text) for _b, text in pieces)
    for k, (base, text) in enumerate(pieces):
        next_quote = k + 1 < len(pieces) and pieces[k + 1][1].lstrip()[:1] in "\"“"
        first = len(out)
        for a, b in quote_balanced(sentence_spans(text), text):
            m = DATELINE.match(text, a, b)
            if m:
                a = m.end()
            sentence = text[a:b]
            if len(sentence.split()) < 3 or not is_sentence(sentence) or _CAPTION.match(sentence) or \
                    (_ROUNDING.search(sentence) and _ANNOUNCES.fullmatch(sentence)) or \
                    _ELLIPTIC.match(sentence) or _POINTS_AT.search(sentence):
                continue
            if len(out) > first and sentence.lstrip()[:1] in "\"“" and (
                    _INDEFINITE_OPEN.match(out[-1].text)
                    or only_manner(out[-1].text)):
                # "Not everyone was convinced. \"The premium looks generous ...\"": a sentence whose
                # subject is no one in particular only announces the quote after it, and so does a short
                # one with no figure ("The association was blunt. \"Lice cost ...\"")
                out[-1].leads_quote = True
            if len(out) > first and _PRONOUN_OPEN.match(sentence.lstrip()) and _ANNOUNCES.fullmatch(out[-1].text):
                # "The Greens were the other winners. They doubled their seats to four.": a short sentence
                # whose news is in the next one, which only a pronoun ties to it
                out[-1].leads_quote = True
            out.append(Sentence(sentence, base + a, base + b, paragraph, len(out)))
            out[-1].unnamed_we = not we_named and _WE_OPEN.match(sentence) is not None
            out[-1].named_we = we_named and _WE_OPEN.match(sentence.lstrip()) is not None
            # "Tour operators disagree.": what they disagree with is told after it, which the summary may not take
            out[-1].leads_quote = out[-1].leads_quote or only_manner(sentence)
            if len(out) >= MAX_SENTENCES:
                return out
        if next_quote and len(out) > first:
            out[-1].leads_quote = True
        paragraph += 1
    return out
