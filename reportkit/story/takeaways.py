"""Key takeaways by importance: one per story before any story gets a second.

Each story offers its points in order — the source's own key points when it has
them and they are sentences, else its one-line summary and then its other
summary sentences (a key-points list with "Label: value" rows is a sidebar: its
sentences come after these, its rows are no takeaway). Stories take turns, most salient first (:func:`.stories.build_stories` orders them), so
with no more stories than ``max_takeaways`` every story has a takeaway.
Near-duplicates are merged into one takeaway that keeps every source's tag.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

from ..lazyre import lazy
from ..model import Document, Story, Takeaway
from .summaries import stands_alone, writer_named

_WORDS = lazy(r"[a-z0-9]+")
SIMILAR = 0.82  # two points this alike (token-set or sequence ratio) are one takeaway


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
    # 2.6%", "The chipmaker expects ...") does not say whose it is
    inside = _names_inside(doc.body_text()) if doc is not None else frozenset()
    later = [s for s in story.summary if s.rstrip(".") != story.one_line.rstrip(".") and stands_alone(s)
             and names_something(s, inside)]
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
_AFTER_LOWER = lazy(r"(?<=[a-z,] )[A-Z][\w&'’.-]*")


def _names_inside(text: str) -> frozenset[str]:
    """Capitalised words the article writes inside a sentence ("Brokerage *Brenmark* raised"): names."""
    return frozenset(w.rstrip(".").removesuffix("'s").removesuffix("’s") for w in _AFTER_LOWER.findall(text))


# "The company ...": a subject named only by what it is, earlier in the article
_DEFINITE = lazy(r"The\s[a-z]")
# ", which sells cars in China and nine European countries,": a clause that describes its subject
# without naming it (the names in it are where it sells, not who)
_RELATIVE = lazy(r",\s(?:which|who|whose)\b[^,]*,")


def names_something(text: str, names: frozenset[str] = frozenset()) -> bool:
    """Whether a sentence names someone or something: a capitalised word after its first (not in
    a relative clause, ", which ...,"), or a first word that ``names`` (capitalised words written
    inside the article's sentences) holds."""
    text = _RELATIVE.sub("", text.lstrip("\"“‘'( "))
    first = _FIRST_WORD.match(text)
    if first and first.group(0).rstrip(".").removesuffix("'s").removesuffix("’s") in names:
        return True
    return _NAME_INSIDE.search(text, 1) is not None


# the writer's own voice outside any quotation ("the four markets we track", "since our series began"):
# "us" only in lower case ("US" is a country)
_FIRST_PERSON = lazy(r"\b(?:[Ww]e|[Oo]ur|[Oo]urs|us)\b")
_QUOTED = lazy(r"“[^”]*”|\"[^\"]*\"")
# "Brantwell Agri Research — 11 February 2027": the name that signs a note, before the dash of its date
_SIGNED = lazy(r"(?P<name>[^—–]{3,60}?)\s+[—–-]+\s+(?=\S*\d)")


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
    ("Brantwell Agri Research: ..."); ``None`` (not used) when the document signs with no name."""
    if not first_person(text):
        return text
    name = signed_by(doc)
    return f"{name}: {text}" if name else None


def takeaways(stories: list[Story], documents: list[Document], limit: int) -> list[Takeaway]:
    """Up to ``limit`` takeaways: round after round, one point per story in story order; a point in
    its writer's first person carries the writer's name, or is left out (:func:`in_own_voice`)."""
    by_source = {d.source: d for d in documents}
    # tagged by path: two sources may share a file name (renderers show model.source_names)
    queues = [(s.source, [v for p in story_points(s, by_source.get(s.source))
                          if (v := in_own_voice(p, by_source.get(s.source))) is not None]) for s in stories]
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
