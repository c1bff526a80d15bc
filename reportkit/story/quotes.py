"""Quotes in running text, with their speakers and roles.

Every double-quoted span of a document's paragraphs is found (curly or straight
marks; the text is exactly what stands between them) and classified:

* ``full``: quoted speech that stands as a sentence or clause of its own — it
  opens a sentence, follows a colon, or follows ``said,`` / ``according to X,``;
* ``fragment``: quoted words inside reported speech or a scare quote
  (``described the results as "obscene"``).

Speakers come from the attribution around the quote: ``"…," said X`` /
``"…," X said`` / ``X said: "…"`` / ``"…," X, the Y of Z, said`` / ``according
to X``; role appositions (``X, the OECD's chief economist``) and titles before a
name (``Chief executive Ken Murphy``) give the role. ``he``/``she``/``they`` is
the nearest preceding named person; a bare surname is completed from earlier
text; an unattributed quote right after a quote of the same paragraph continues
it (same speaker). Narration between two quotes is never part of either.
Offsets (``start``/``end``) point into ``Document.body_text()``, like facts'.
"""

from __future__ import annotations

import re
from ..lazyre import lazy
from ..model import Block, Document, Quote
from .attribution import VERB_RE, Who, clean_role, fragment_who, full_name, head_who, mentions, nearest_person, tail_who
from .roles import possessor, role_in_text, speaks_for_another, whose_role
from .subjectperson import (bare_subject_before, introduced_role, last_sentence_person, role_sentence_before,
                            subject_before_pronoun_sentences, subject_persons)
from .wholequote import printed_forms

OPEN_CLOSE = {"“": "”", "„": "“", "«": "»"}
_MARK = lazy('[“„«"]')  # the marks that may open a quote (OPEN_CLOSE and the straight one)


# -- finding the quoted spans ------------------------------------------------------------


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the text inside each pair of double quote marks.

    Curly marks pair by direction; straight ``"`` marks alternate (an opening one
    follows a space, a bracket or the start). An opening mark whose close never
    comes runs to the end of the text (a quote continued in the next paragraph).
    """
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        # jump to the next quote mark: a Python step per character was most of add_quotes
        m = _MARK.search(text, i)
        if m is None:
            break
        i = m.start()
        c = text[i]
        if c in OPEN_CLOSE or (c == '"' and (i == 0 or not text[i - 1].isalnum())):
            close = OPEN_CLOSE.get(c, '"')
            j = text.find(close, i + 1)
            if c != '"':
                straight = text.find('"', i + 1)  # a mixed pair: “...", as scraped text has
                if j < 0 or (0 <= straight < j and c == "“"):
                    j = straight if j < 0 else j
            if j < 0:
                j = n
            if j > i + 1:
                spans.append((i + 1, j))
            i = j + 1
            continue
        i += 1
    return spans


def _sentence_start(text: str, pos: int, floor: int) -> int:
    """Where the sentence holding ``pos`` starts (not before ``floor``)."""
    k = pos
    while k > floor:
        c = text[k - 1]
        if c in ".?!" and k < len(text) and text[k] == " " and not _abbrev_before(text, k - 1):
            return k
        k -= 1
    return floor


def _abbrev_before(text: str, stop: int) -> bool:
    m = re.search(r"(?:\b[A-Z]\.)+[A-Z]?\Z|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gov|Gen|Sen|Rep|No|vs|Inc|Co|Corp|Ltd)\Z",
                  text[max(0, stop - 8):stop + 1].rstrip("."))
    return m is not None


def _tail_text(text: str, end: int, next_open: int) -> str:
    """The text after a closing mark up to the end of its sentence or the next quote."""
    tail = text[end + 1: next_open if next_open >= 0 else len(text)]
    m = re.search(r"[.?!](?=\s+[A-Z“\"]|\s*$)", tail)
    if m and not _abbrev_before(tail, m.start()):
        tail = tail[: m.end()]
    return tail


def _is_full(text: str, start: int, inner: str, head: str, who_head: Who | None) -> bool:
    before = text[:start - 1].rstrip()
    opens_sentence = not before or before[-1] in ".?!:" or before.endswith(("—", "–"))
    if not opens_sentence and not (before.endswith(",") and who_head is not None):
        return False
    words = inner.split()
    return len(words) >= 3 or inner.rstrip()[-1:] in ".?!,"


# -- the whole document ----------------------------------------------------------------------------


def find_in_paragraphs(paragraphs: list[tuple[int, str]], front: tuple[str, ...] = ()) -> list[Quote]:
    """Quotes of a document given as ``(offset, paragraph text)`` pairs; the returned
    offsets are absolute (offset + position in the paragraph). ``front`` (title,
    standfirst) is where people may first be named."""
    found: list[Quote] = []
    seen: list[str] = list(front)  # earlier paragraphs: names are completed and pronouns resolved from them
    speakers: list[tuple[int, str]] = []  # (absolute position, speaker) of attributed quotes
    roles: dict[str, str] = {}
    prev_para_quote: Quote | None = None
    for offset, text in paragraphs:
        spans = quoted_spans(text)
        para_prev: Quote | None = None
        para_head: Quote | None = None  # the first part of the quote para_prev belongs to
        for k, (a, b) in enumerate(spans):
            inner = text[a:b]
            if not inner.strip():
                continue
            prev_end = spans[k - 1][1] + 1 if k else 0
            head = text[_sentence_start(text, a - 1, prev_end): a - 1]
            next_open = spans[k + 1][0] - 1 if k + 1 < len(spans) else -1
            tail = _tail_text(text, b, next_open) if b < len(text) else ""
            who_head = head_who(head) if head.strip() else None
            full = _is_full(text, a, inner, head, who_head)
            # '"The frost took four nights," says X, who grows ..., "and it took most of it."': words
            # that go on with the sentence of the quote before, past its attribution, are that quote's;
            # so are they after an attribution that reads as a head of its own ('"...," she says, "and
            # now ..."': taken as a new quote, the first half was printed alone, its comma made a full stop)
            goes_on = (para_prev is not None and inner[:1].islower() and prev_end > 0
                       and text[prev_end:a - 1].rstrip().endswith(",") and _attribution_only(text[prev_end:a - 1]))
            if goes_on:
                full, who_head = True, None
            who = tail_who(tail) if full and tail.strip(" .") else None
            if who is None:
                who = who_head
            if not full and who is None:
                who = fragment_who(text[_sentence_start(text, a - 1, 0): a])
            context = _context(seen, text[:a])
            speaker, role, speaker_roleless = None, None, False
            if who is not None:
                if who.pronoun:
                    speaker = nearest_person(context, speakers, offset + a, who.plural)
                    # "Hannah Lisowski-Grant, whose son ..., was among them. "...," she said": the person
                    # last made a sentence's subject, when named after every speaker named before
                    subjects, named = subject_persons(context), mentions(context, who.plural)
                    if subjects and (not named or subjects[-1][0] > named[-1][0]):
                        speaker = full_name(subjects[-1][1], context)
                    if speaker is None and not who.plural:
                        # no one named before: "<name> runs a cooperative ... "...," he says"
                        speaker = bare_subject_before(text[:max(a - 1 - len(head), 0)])
                    if not who.plural and (named_now := subject_before_pronoun_sentences(
                            text[:max(a - 1 - len(head), 0)])):
                        speaker = full_name(named_now, context)  # "<name> chairs ... He asked ... "...," he said"
                else:
                    speaker = full_name(who.speaker, context) if who.speaker and who.speaker[0].isupper() else who.speaker
                role = who.role
                if role and who.possessive:
                    role = _whose(role, text, a, head, seen)
                    if role is None:
                        speaker_roleless = True
            elif full:
                cont = para_prev or (prev_para_quote if k == 0 and a <= 1 else None)
                if cont is not None and cont.kind == "full":
                    speaker, role = cont.speaker, None
                    goes_on = goes_on or (cont is para_prev and _attribution_only(text[prev_end:a - 1]))
                elif cont is None:
                    # no attribution at all: the person whose sentence the quote follows, if any
                    speaker = last_sentence_person(text[: a - 1])
            if speaker and not role and not speaker_roleless:
                role = roles.get(speaker) or introduced_role(speaker, context) or role_in_text(speaker, context)
                if not role and who is not None and not who.pronoun and speaker in tail:
                    # named only in the attribution after the quote: the role the sentence before gave them
                    role = role_sentence_before(text[:max(a - 1 - len(head), 0)])
            if speaker and role:
                roles.setdefault(speaker, role)
            q = Quote(inner, speaker, role, "full" if full else "fragment", offset + a, offset + b)
            found.append(q)
            if goes_on and para_head is not None and speaker == para_head.speaker:
                # one quote the attribution interrupts: the first part holds the rest (Quote.display joins)
                para_head.more.append(inner)
                q.continues = para_head.start
                q.role = q.role or para_head.role
            elif full:
                para_head = q
            if full:
                para_prev = q
                if speaker:
                    speakers.append((offset + a, speaker))
        trailing = text[spans[-1][1] + 1:].strip(" .") if spans else text
        prev_para_quote = para_prev if spans and not trailing or (para_prev and _ends_with_attribution(trailing)) \
            else None
        seen.append(text)
    return found


def _whose(role: str, text: str, a: int, head: str, seen: list[str]) -> str | None:
    """An "its <role>" made whose it is ("AgroVista's head of research"), from the sentences before
    the quote's; ``None`` when they don't name it (a bare role would read as the printing firm's)."""
    start = a - 1 - len(head) if head else a - 1
    before = text[:max(start, 0)]
    if not before.strip() and seen:
        before = seen[-1]
    org = possessor(before)
    return whose_role(org, role) if org else None


def _context(seen: list[str], head: str) -> str:
    """The text before a quote that names are looked up in: the article's start (where
    people are introduced) and the last few paragraphs (bounded, so a huge source stays linear)."""
    recent = seen[-6:]
    first = seen[: min(3, len(seen) - len(recent))] if len(seen) > len(recent) else []
    return "\n\n".join([*first, *recent, head])


# what stands between two parts of one quote: its attribution and nothing else ('", said chief executive
# X. "' / '", says X, who grows hazelnuts above Ordu, "'): a verb of speech, no sentence of narration
_ATTRIBUTION_ONLY = lazy(rf"\s*,?\s*[^.?!;:“”\"]{{0,100}}\b(?:{VERB_RE})\b[^.?!;:“”\"]{{0,100}}[.,]?\s*")


def _attribution_only(between: str) -> bool:
    """Whether the text between two quoted spans is only an attribution (see ``_ATTRIBUTION_ONLY``)."""
    return len(between) <= 160 and _ATTRIBUTION_ONLY.fullmatch(between) is not None


def _ends_with_attribution(trailing: str) -> bool:
    return bool(re.fullmatch(rf",?\s*[^.]{{0,80}}\b(?:{VERB_RE})\b[^.]{{0,80}}", trailing))


# -- public API -------------------------------------------------------------------------------------


def paragraphs(doc: Document) -> list[tuple[int, str, Block]]:
    """``(offset in body_text, text, block)`` of the document's paragraphs and quote blocks."""
    offsets = doc.block_offsets()
    return [(offsets[id(b)], b.text, b) for s in doc.sections for b in s.blocks
            if b.kind in ("paragraph", "quote") and b.text.strip()]


def find_quotes(doc: Document) -> list[Quote]:
    """Every quote of ``doc``'s running text (standfirst and paragraphs), in reading order
    (see the module docstring).

    A Markdown block quote (a quote block of the reader) is one full quote with the
    speaker the reader found; quoted spans inside it are not looked at again.
    """
    out: list[Quote] = []
    # the standfirst is running text too (it starts body_text, at offset 0)
    run: list[tuple[int, str]] = [(0, doc.subtitle)] if doc.subtitle else []
    front = (doc.title,) if doc.title else ()
    for offset, text, block in paragraphs(doc):
        if block.kind == "quote":
            out.extend(find_in_paragraphs(run, front))
            run = []
            out.append(Quote(text, block.speaker, None, "full", offset, offset + len(text)))
        else:
            run.append((offset, text))
    out.extend(find_in_paragraphs(run, front))
    return out


def add_quotes(doc: Document) -> Document:
    """Fill ``doc.quotes`` (what ``parse --json`` shows and the story stage uses)."""
    doc.quotes = find_quotes(doc)
    return doc


def printable_quotes(doc: Document) -> list[Quote]:
    """The quotes of ``doc`` that may be printed: those with a speaker, and the block quotes the
    document itself sets apart (a pull quote of its own text). A quote in running text whose speaker
    was not found is left out: printed under the sentence before it ("Drivers say ...") it would read
    as that sentence's people's words."""
    blocks = {(offset, offset + len(text)) for offset, text, block in paragraphs(doc) if block.kind == "quote"}
    return [q for q in doc.quotes if q.speaker or (q.start, q.end) in blocks]


_NAMED = lazy(r"[A-Z]")


def named(q: Quote) -> bool:
    """Whether the quote has a named speaker (not "a spokesperson")."""
    return bool(q.speaker) and _NAMED.match(q.speaker or "") is not None


def quote_score(q: Quote, topic_words: set[str]) -> float:
    """How good a quote is to show on its own: full, named, short, on topic."""
    if q.kind != "full" or not q.text.strip():
        return -1.0
    words = q.display.split()  # an interrupted quote as printed: all its parts
    n = len(words)
    score = 1.0 if named(q) else 0.5 if q.speaker else 0.0
    score += 0.5 if 8 <= n <= 40 else 0.25 if 5 <= n <= 55 else 0.0
    lower = {w.strip(".,;:!?\"'’“”").lower() for w in words}
    score += min(0.4, 0.1 * len(topic_words & lower))
    return score


#: how far a third party's quote ranks below the story's own voice (:func:`best_quotes`): more than the
#: topic words' bonus for one word, less than a named speaker's over an unnamed one
THIRD_PARTY = 0.3


def best_quotes(quotes: list[Quote], topic: str, limit: int = 1) -> list[Quote]:
    """Up to ``limit`` full quotes, best first, from different speakers; an
    unattributed quote only when no attributed one exists."""
    topic_words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", topic)}
    full = [q for q in printed_forms(quotes) if q.kind == "full" and len(q.display.split()) >= 4]
    if any(q.speaker for q in full):
        full = [q for q in full if q.speaker]
    # the story's own voice before a third party's: a speaker for a body the headline does not name
    # ranks after one for its subject (a grower's chief executive before an industry council's chair)
    ranked = sorted(full, key=lambda q: (-quote_score(q, topic_words) + (THIRD_PARTY if speaks_for_another(q.role, topic)
                                                                         else 0.0), q.start))
    out: list[Quote] = []
    for q in ranked:
        if len(out) >= limit:
            break
        if q.speaker and any(p.speaker == q.speaker for p in out):
            continue
        out.append(q)
    return out


def best_quote(quotes: list[Quote], topic: str) -> Quote | None:
    """The one quote a story shows, or ``None``."""
    found = best_quotes(quotes, topic, 1)
    return found[0] if found else None


#: the quotes a deck shows at most: two slides of three (a week of ten quote-rich stories would take four)
DECK_QUOTES = 6


def week_quotes(stories: list, documents: list[Document], limit: int | None = 3) -> list[tuple[str, Quote]]:
    """The week's best ``limit`` full quotes as ``(source, quote)``: from the most
    salient stories first, different speakers, named speakers before unnamed ones,
    unattributed ones only when no quote of the week has a speaker. ``limit=None``: one
    quote for every story that has one to give (a deck's quote slides: a story the brief
    quotes is not left unquoted there); the first three are those of ``limit=3``."""
    by_source = {d.source: d for d in documents}
    pool: list[tuple[float, int, str, Quote]] = []
    for rank, story in enumerate(stories):
        doc = by_source.get(story.source)
        if doc is None:
            continue
        topic = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", story.headline)}
        for q in best_quotes(printable_quotes(doc), story.headline, 2):
            pool.append((quote_score(q, topic) + story.salience - (0.3 if q != story.quote else 0.0), rank,
                         story.source, q))
    if any(q.speaker for _s, _r, _src, q in pool):
        pool = [p for p in pool if p[3].speaker]
    pool.sort(key=lambda p: (not named(p[3]), -p[0], p[1], p[3].start))
    if limit is None:
        limit = len({p[2] for p in pool})
    out: list[tuple[str, Quote]] = []
    sources: set[str] = set()
    for _score, _rank, source, q in pool:
        if len(out) >= limit:
            break
        if q.speaker and any(q.speaker == o.speaker for _s, o in out):
            continue
        if source in sources and len({p[2] for p in pool}) > len(sources):
            continue  # one story per quote while other stories have quotes to give
        out.append((source, q))
        sources.add(source)
    return out
