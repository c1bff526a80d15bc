"""Key takeaways by importance: one per story before any story gets a second.

Each story offers its points in order — the source's own key points when it has
them and they are sentences, else its one-line summary and then its other
summary sentences (a key-points list with "Label: value" rows is a sidebar: its
sentences come after these, its rows are no takeaway). Stories take turns, most salient first (:func:`.stories.build_stories` orders them), so
with no more stories than ``max_takeaways`` every story has a takeaway.
Near-duplicates are merged into one takeaway that keeps every source's tag.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from ..facts import parse_date
from ..lazyre import lazy
from ..model import Document, Story, Takeaway
from .backref import named_subject, points_back
from .standalone import stands_alone
from .summaries import STOPWORDS, writer_named

_WORDS = lazy(r"[a-z0-9]+")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
SIMILAR = 0.82  # two points this alike (token-set or sequence ratio) are one takeaway
# points a story gives at most: the takeaways are the week's news, not one story's summary reprinted
# (a third point is the story's detail: "The Mount Varga and Ellerslie mines produced 68,400 ounces")
PER_STORY = 2


def _tokens(text: str) -> set[str]:
    return set(_WORDS.findall(text.lower()))


@lru_cache(maxsize=4096)  # a warm process (watch, batch) compares the same points again
def similar(a: str, b: str) -> bool:
    """Whether two points say the same thing (near-duplicates)."""
    ta, tb = _tokens(a), _tokens(b)
    if ta and tb and len(ta & tb) / len(ta | tb) >= SIMILAR:
        return True
    matcher = SequenceMatcher(None, a.lower(), b.lower())
    # the quick ratios are upper bounds of ratio(): most pairs are ruled out without the slow one
    return (matcher.real_quick_ratio() >= SIMILAR and matcher.quick_ratio() >= SIMILAR
            and matcher.ratio() >= SIMILAR)


# "Active members: 1.04 million at the end of December": a key point written as a data row, no sentence
_ROW = lazy(r"[A-Z][^:.;!?]{0,60}:\s")


def story_points(story: Story, doc: Document | None) -> list[str]:
    """What a story offers as takeaways, best first: the source's key points when it has them,
    else its one-line summary and then its other summary sentences. Key points with a data row
    among them ("Active members: 1.04 million at the end of December") are a sidebar of side
    figures, not the source's summary: the story's news leads, its sentences come last, and no
    row is a takeaway."""
    own = [p.strip() for p in (doc.key_points if doc is not None else []) if p.strip()]
    if own and not any(_ROW.match(p) for p in own):
        return own
    sidebar = bool(own)
    own = [p for p in own if not _ROW.match(p)]
    points = [story.one_line] if story.one_line else []
    # later points must read on their own, away from the sentence they followed in the article
    # (a summary sentence may have gained a full stop the one-line summary has not), and away
    # from their story's headline: one that names nothing ("The average selling price fell
    # 2.6%", "The chipmaker expects ...") does not say whose it is, and nor does one that names
    # only others than the story's subject ("China is still the largest buyer, at 24% of exports"
    # under a headline on Korean noodles: a buyer of what?)
    inside = _names_inside(doc.body_text()) if doc is not None else frozenset()
    signed = doc is not None and writer_named(doc)
    # whose story it is: every capitalised word of its headline and its lead ("Lufthansa swings to ...")
    # (not "The" or "In" opening them, nor a month)
    subject = {w for w in (_bare(c) for c in _CAPITALISED.findall(f"{story.headline} {story.one_line}"))
               if w.lower() not in STOPWORDS and w not in _WHEN_WORDS}
    # (a summary sentence in its writer's first person is said under the writer's name, in_own_voice:
    # read without it, as the one-line summary is); nor may a point leave whose or when to the sentence it
    # followed ("The group sold ...", "that threshold", "up 12.3% on a year earlier"), unless the document
    # names its subject (printed named)
    later = [s for s in story.summary if (u := _unsigned(s, doc)).rstrip(".") != story.one_line.rstrip(".")
             and stands_alone(u, signed) and (_says_whose(u, subject, inside) or _opens(u, doc)) and _WHEN.search(u)
             and points_back(u, doc) is None]
    if points and points_back(points[0], doc) is not None:
        points = []  # a one-line summary made of the only sentence there was: no point read alone
    if points and later and (_DEFINITE.match(points[0]) or sidebar) and not names_something(points[0], inside):
        # a one-line summary whose subject points back to a name it does not say ("The company,
        # which sells cars in China, also said ..."): a point that says whose it is takes its place;
        # so does it for a standfirst that names nothing ahead of a sidebar ("Fewer offers, and a third ...")
        points = []
    # a sidebar's sentences are side facts: after the story's own summary sentences
    return points + later + own


# a capitalised word inside a sentence (not its first word, nor one after a sentence end): a name
# (a month or a weekday says when, not whose)
_NAME_INSIDE = lazy(r"(?<=[\s(“\"‘'])(?<![.!?]\s)(?!(?:January|February|March|April|May|June|July|August|September|"
                    r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
                    r"[A-Z](?:[a-z]|[A-Z]+\b)")


_FIRST_WORD = lazy(r"[A-Z][\w&'’.-]*")
_CAPITALISED = lazy(r"(?<![\w$])[A-Z][\w&'’.-]*")
_AFTER_LOWER = lazy(r"(?<=[a-z,] )[A-Z][\w&'’.-]*")


def _names_inside(text: str) -> frozenset[str]:
    """Capitalised words the article writes inside a sentence ("Brokerage *Brenmark* raised"): names."""
    return frozenset(w.rstrip(".").removesuffix("'s").removesuffix("’s") for w in _AFTER_LOWER.findall(text))


# "The company ...": a subject named only by what it is, earlier in the article
_DEFINITE = lazy(r"The\s[a-z]")
# ", which sells cars in China and nine European countries,": a clause that describes its subject
# without naming it (the names in it are where it sells, not who)
_RELATIVE = lazy(r",\s(?:which|who|whose)\b[^,]*,")


# "ISK 1.47 billion", "US$4,680", "58.4 GW": a currency code before a figure or a unit after one
# names no one; nor does a measure's acronym ("EBITDA was ISK 236 million")
_BY_FIGURE = lazy(r"[A-Z]{1,4}\s?(?=[$€£¥₩₺฿]|\d)|(?<=\d\s)[A-Za-z]{1,4}\b")
_MEASURES = frozenset("EBITDA EBIT EBT EPS GDP GNP GVA CPI PPI PMI HICP VAT NAV ROE ROA ROI CAGR ARPU".split())


# a later point read alone must say when ("in the fourth quarter", "in 2027", "a year earlier"): "The
# Mount Varga and Ellerslie mines produced 68,400 and 41,250 ounces" leaves it to the lead
_WHEN = lazy(r"\b(?:1[89]\d\d|20\d\d|January|February|March|April|May|June|July|August|September|October|"
             r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|Monday|Tuesday|Wednesday|"
             r"Thursday|Friday|Saturday|Sunday|today|yesterday|quarter|half|year|month|week|weekend|season)s?\b")


def _says_whose(text: str, subject: set[str], inside: frozenset[str]) -> bool:
    """Whether a point names its story's subject (a capitalised word of the headline or the lead,
    "Makorau raised its forecast" under "Makorau Dairy collects less milk ..."), or names something
    when neither names anything."""
    if not subject:
        return names_something(text, inside)
    first = _FIRST_WORD.match(text.lstrip("\"“‘'( "))
    return bool((name_words(text, inside) | ({_bare(first.group(0))} if first else set())) & subject)


def _opens(text: str, doc: Document | None) -> bool:
    """Whether ``text`` is its article's first sentence (after a dateline), where news names whose
    story it is: a lead too long for the one-line summary is still a point."""
    if doc is None:
        return False
    body = doc.body_text()
    at = body.find(text.rstrip(".")[:60])
    # no sentence ends before it ("Nov. 20" is no end: a figure follows)
    return at >= 0 and _SENTENCE_END.search(body, 0, at + 1) is None and names_something(text, frozenset())


_SENTENCE_END = lazy(r"[.!?][\"”’')]?\s+[A-Z\"“]")
# a month or a weekday says when, not whose
_WHEN_WORDS = frozenset("January February March April May June July August September October November December "
                        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


def _bare(word: str) -> str:
    return word.rstrip(".").removesuffix("'s").removesuffix("’s")


def name_words(text: str, names: frozenset[str] = frozenset()) -> set[str]:
    """The names a sentence holds: the capitalised words after its first (not in a relative clause,
    ", which ...,", nor a currency code, a unit or a measure's acronym beside a figure), and its
    first word when ``names`` (capitalised words written inside the article's sentences) holds it."""
    text = _RELATIVE.sub("", text.lstrip("\"“‘'( "))
    first = _FIRST_WORD.match(text)
    out = {_bare(first.group(0))} if first and _bare(first.group(0)) in names else set()
    for m in _NAME_INSIDE.finditer(text, 1):
        word = _FIRST_WORD.match(text, m.start())
        if word is None or _BY_FIGURE.match(text, m.start()) or _bare(word.group(0)) in _MEASURES:
            continue
        out.add(_bare(word.group(0)))
    return out


def names_something(text: str, names: frozenset[str] = frozenset()) -> bool:
    """Whether a sentence names someone or something (:func:`name_words`)."""
    return bool(name_words(text, names))


# the writer's own voice outside any quotation ("the four markets we track", "since our series began"):
# "us" only in lower case ("US" is a country)
_FIRST_PERSON = lazy(r"\b(?:[Ww]e|[Oo]ur|[Oo]urs|us)\b")
_QUOTED = lazy(r"“[^”]*”|\"[^\"]*\"")
# "Brantwell Agri Research — 11 February 2027": the name that signs a note, before the dash of its date,
# which may follow the paper's kind ("Savannah Street Research — motor trade note, 15 April 2027") and
# the place ("... — statistical release, Kigali, 21 April 2027")
_SIGNED = lazy(r"(?P<name>[^—–]{3,60}?)\s+[—–-]+\s+(?=\S*\d|[a-z][^—–\d,]{0,40}(?:,\s+[A-Z][^—–\d,]{0,30})?,\s+\S*\d)")


def first_person(text: str) -> bool:
    """Whether ``text`` speaks in its writer's first person outside any quotation."""
    return _FIRST_PERSON.search(_QUOTED.sub(" ", text)) is not None


def signed_by(doc: Document | None) -> str | None:
    """The name a document is signed with, as its dateline gives it before the date ("Brantwell
    Agri Research"), when that names a writer (two capitalised words), not a place; else ``None``."""
    m = _SIGNED.match(doc.dateline) if doc is not None and doc.dateline else None
    return m.group("name").strip() if m and writer_named(doc) and not m.group("name").isupper() else None


def in_own_voice(text: str, doc: Document | None) -> str | None:
    """A takeaway printed away from its source's header: a point in its writer's first person
    ("the four markets we track") is said under the writer's name as the document gives it
    ("Brantwell Agri Research: ..."); ``None`` (not used) when the document signs with no name.
    A point already said under that name (a story's summary sentence) is left as it is."""
    if not first_person(text):
        return text
    name = signed_by(doc)
    if name and text.startswith(f"{name}: "):
        return text
    return f"{name}: {text}" if name else None


def _unsigned(text: str, doc: Document | None) -> str:
    """``text`` without the writer's name :func:`in_own_voice` said it under."""
    name = signed_by(doc) if doc is not None and doc.dateline else None
    return text[len(name) + 2:] if name and text.startswith(f"{name}: ") else text


# a day told relative to the day the source was written ("today reported"): in a weekly brief it reads
# as the reader's day
_RELATIVE_DAY = lazy(r"\b(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening))\b", re.I)
# the full date a dateline gives ("Jakarta, 12 March 2027", "TAMALE, GHANA, MARCH 8, 2027")
_DATELINE_DATE = lazy(r"\b(?:\d{1,2}\s+(?:" + _MONTHS + r")\s+(?:19|20)\d\d|(?:" + _MONTHS + r")\s+\d{1,2},?\s+(?:19|20)\d\d)\b",
                      re.I)


def on_its_day(text: str, doc: Document | None) -> str:
    """A takeaway printed away from its source's header: a point that tells a day relative to its
    source's ("PT Walet Nusantara Tbk ... today reported ...", outside any quotation) is said under
    the date its dateline writes ("12 March 2027: PT Walet ..."; a saved page's metadata date when
    it has no dateline), so "today" is that day, not the reader's; unchanged when it tells none, or
    no full date is known (the story prints the sentence under its source line)."""
    if doc is None or not _RELATIVE_DAY.search(_QUOTED.sub(" ", text)):
        return text
    m = _DATELINE_DATE.search(doc.dateline or "")
    if m is not None:
        when = m.group(0)
        return f"{when.title() if when.isupper() else when}: {text}"
    # a saved page has no dateline: the full date its metadata gives, as its story's kicker prints it
    day = parse_date(doc.date) if doc.date and not doc.dateline else None
    return f"{day.day} {_MONTHS.split('|')[day.month - 1]} {day.year}: {text}" if day else text


def _own_points(doc: Document | None) -> bool:
    """Whether a document's points are its own key points (sentences its writer chose), not
    sentences of its story's summary (:func:`story_points`)."""
    own = [p for p in (doc.key_points if doc is not None else []) if p.strip()]
    return bool(own) and not any(_ROW.match(p.strip()) for p in own)


def takeaways(stories: list[Story], documents: list[Document], limit: int) -> list[Takeaway]:
    """Up to ``limit`` takeaways: round after round, one point per story in story order, at most
    :data:`PER_STORY` from a story's summary (all of a source's own key points may be); a point in
    its writer's first person carries the writer's name, or is left out (:func:`in_own_voice`)."""
    by_source = {d.source: d for d in documents}
    # tagged by path: two sources may share a file name (renderers show model.source_names)
    queues = []
    for s in stories:
        doc = by_source.get(s.source)
        points = [on_its_day(v, doc) for p in story_points(s, doc)
                  if (v := in_own_voice(named_subject(p, doc), doc)) is not None]
        queues.append((s.source, points if _own_points(doc) else points[:PER_STORY]))
    merged: list[Takeaway] = []
    depth = 0
    while len(merged) < limit and any(depth < len(q) for _t, q in queues):
        for tag, points in queues:
            if depth >= len(points) or len(merged) >= limit:
                continue
            text = points[depth]
            twin = next((t for t in merged if similar(t.text, text)), None)
            if twin is not None:
                if tag not in twin.sources:
                    twin.sources.append(tag)
                continue
            merged.append(Takeaway(text=text, sources=[tag]))
        depth += 1
    return merged
