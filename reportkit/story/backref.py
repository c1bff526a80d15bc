"""Whether a sentence points back to an earlier one for whose or when, and the name it points to.

A takeaway and a one-line summary are read alone, away from their article. A sentence that
names its subject only by its head noun ("The group sold ...", "The Trust approved ...",
"The office sold ..."), holds a demonstrative ("above that threshold"), or tells its time only
relative to a time told before ("in the three months", "up 12.3% on a year earlier") leaves
whose or when to the sentence it followed. "The Port of Kallhaven handled ..." is not such a
sentence: a definite article before a proper name is the name's own.

A head noun can be named from the same document when the document writes, before the sentence,
exactly one longer capitalised name that ends with it ("Jamaica Homeowners' Trust" for "The
Trust", "Sahel Olive Oil Company" for "the company"): :func:`named_subject` prints the sentence
with that name, the source's own words, in place of "The Trust". Anything else is not resolved
(:func:`points_back` says what points back), and the sentence is no takeaway.
"""

from __future__ import annotations

from functools import lru_cache

from ..facts import AUX, IRREGULAR_PAST, VERBS
from ..lazyre import lazy
from ..model import Document

# "The group sold", "The group's revenue", "The Trust approved", "The company also plans": a subject named only
# by one head noun, then its verb (or its possessive)
_BARE_SUBJECT = lazy(r"[\"“‘'(]*The\s+(?P<head>[A-Za-z][a-z]+)(?:(?P<poss>['’]s)\b|\s+(?:also\s+|now\s+|still\s+)?"
                     r"(?P<verb>[a-z]+)\b)")
# a name of several capitalised words, "and"/"of"/"for" inside ("Rwanda Parks and Tourism Office",
# "Jamaica Homeowners' Trust"); a full stop ends it (no "Revenue. Kafue Poultry Holdings")
_NAME = lazy(r"(?<![\w'’])[A-Z][\w'’&-]*(?:[ \t]+(?:(?:of|and|for|&)[ \t]+)?[A-Z][\w'’&-]*)+")
# a demonstrative after a preposition or opening the sentence: "above that threshold", "Those loans"
_DEMONSTRATIVE = lazy(r"(?:^|\b(?:above|below|over|under|of|at|from|to|in|on|for|with|by|beyond|within|into|after|"
                      r"before|since|until|than|past|beneath|during)\s+)(?P<dem>(?:[Tt]hat|[Tt]hose|[Tt]hese)\s+"
                      r"(?!(?:is|was|are|were|the|a|an|it|its|they|he|she|we|who|which|that|this|there|has|have|had|"
                      r"will|would|could|can|may|might|must|should|did|does|do|of|in|on|at|to|for|by|with|and|or)\b)"
                      r"[a-z][a-z-]+)")
# a time told relative to one told before ("in the three months", "the same period", "a year earlier")
_RELATIVE_TIME = lazy(r"\bthe\s+(?:same\s+|whole\s+|previous\s+)?(?:(?:three|six|nine|twelve)\s+months|quarter|period|"
                      r"half|month|week|year)\b(?!\s+(?:of|to|ended|ending)\s)"
                      r"|\b(?:a|one)\s+year\s+(?:earlier|before|previously)\b|\bthe\s+year\s+before\b")
# a time a reader can place: a year, a month, a weekday, a named quarter or half, this/last year, today
_ABSOLUTE_TIME = lazy(r"\b(?:1[89]\d\d|20\d\d|January|February|March|April|May|June|July|August|September|October|"
                      r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|"
                      r"(?:first|second|third|fourth|final|last)\s+(?:quarter|half)|(?:this|last|next)\s+"
                      r"(?:year|month|week|quarter|season))\b")
_QUOTED = lazy(r"“[^”]*”|\"[^\"]*\"")
_VERBISH = VERBS | AUX | IRREGULAR_PAST
# "The government's sixth allocation round": one of its kind where the news happens, no earlier sentence needed
_UNIQUE = frozenset("government state country nation economy public parliament president cabinet".split())


def _subject(text: str):
    """The bare definite subject a sentence opens with ("The group sold"), or None."""
    m = _BARE_SUBJECT.match(text)
    if m is None:
        return None
    verb = m.group("verb")
    if m.group("poss") is None and not (verb in _VERBISH or verb.endswith("ed")):
        return None  # "The Port of Kallhaven", "The average transaction price": not a head noun and its verb
    return m


# "A permit costs US$1,500": a thing of a kind the sentence before named ("11,240 gorilla-trekking permits")
_INDEFINITE_SUBJECT = lazy(r"[\"“‘'(]*An?\s+(?P<head>[a-z]+)\s+(?P<verb>[a-z]+)\b")


# "Permits alone brought in US$16.9 million" after "A permit costs ...": a bare noun the sentence before used
_BARE_NOUN = lazy(r"[\"“‘'(]*(?P<head>[A-Z][a-z]+)\s+(?:alone\s+|also\s+|too\s+)?(?P<verb>[a-z]+)\b")


def subject_noun(text: str) -> tuple[str, bool] | None:
    """The head noun of the indefinite or bare subject a sentence opens with, in lower case, and whether
    only the sentence right before it can say which it is: ("permit", False) of "A permit costs ...",
    ("permits", True) of "Permits alone brought in ..."; None when it opens otherwise. ("The group
    ..." in a summary follows the sentences picked before it; read alone it is :func:`points_back`.)"""
    m = _INDEFINITE_SUBJECT.match(text)
    bare = m is None
    if bare:
        m = _BARE_NOUN.match(text)
        if m is None:
            return None
    verb = m.group("verb")
    ok = verb is None or verb in _VERBISH or verb.endswith("ed")
    return (m.group("head").lower(), bare) if ok and m.group("head").lower() not in _UNIQUE else None


@lru_cache(maxsize=256)
def _names(text: str) -> dict[str, frozenset[str]]:
    """The document's names of several words by their last word, lower case, each as first written."""
    out: dict[str, set[str]] = {}
    for m in _NAME.finditer(text):
        # "LAHORE The Five Rivers T20 League": a name starts after its article
        name = m.group(0).rsplit("The ", 1)[-1] if m.group(0).startswith("The ") or " The " in m.group(0) else m.group(0)
        if " " not in name:
            continue
        out.setdefault(name.rsplit(None, 1)[-1].lower(), set()).add(" ".join(name.split()))
    return {k: frozenset(v) for k, v in out.items()}


def _before(doc: Document, text: str) -> str:
    """The document's words before ``text``: its title, dateline, author and its body up to the sentence
    (the whole body when the sentence is not found in it)."""
    body = doc.body_text()
    at = body.find(text[:60])
    return "\n".join(t for t in (doc.title, doc.dateline, doc.author, body[:at] if at >= 0 else body) if t)


def name_of(head: str, doc: Document | None, text: str) -> str | None:
    """The one longer name ``doc`` writes before ``text`` that ends with ``head`` ("Jamaica Homeowners'
    Trust" for "Trust"); None when it writes none, or more than one."""
    if doc is None:
        return None
    found = _names(_before(doc, text)).get(head.lower(), frozenset())
    return next(iter(found)) if len(found) == 1 else None


def points_back(text: str, doc: Document | None) -> str | None:
    """The words of ``text`` that point back to an earlier sentence of ``doc`` for whose or when
    ("The group", "that threshold", "the three months"), outside any quotation; None when it points
    back to nothing, or only to a name the document writes (:func:`named_subject` names it)."""
    bare = _QUOTED.sub(" ", text).strip()
    m = _subject(bare)
    if m is not None and m.group("head").lower() not in _UNIQUE:
        head = m.group("head")
        capital = head[0].isupper()
        if name_of(head, doc, text) is None and not (capital and doc is not None and not _names(
                _before(doc, text)).get(head.lower())):
            # "The group" (no "... Group" before it), "The Trust" when two trusts are named: whose is not said
            return f"The {head}"
    d = _DEMONSTRATIVE.search(bare)
    if d is not None:
        return d.group("dem")
    r = _RELATIVE_TIME.search(bare)
    if r is not None and _ABSOLUTE_TIME.search(bare) is None:
        return r.group(0)
    return None


def _naming(text: str, doc: Document | None) -> tuple[str, str] | None:
    """``text`` with its bare definite subject replaced by its name, and the name; None when none."""
    lead = len(text) - len(text.lstrip("\"“‘'( "))
    m = _subject(text[lead:])
    name = name_of(m.group("head"), doc, text) if m is not None else None
    if name is None:
        return None
    return text[:lead] + name + text[lead + m.end("head"):], name


def named_subject(text: str, doc: Document | None) -> str:
    """``text`` with its bare definite subject ("The Trust approved ...") replaced by the one name its
    document writes for it before the sentence ("Jamaica Homeowners' Trust approved ..."), the
    source's own words; ``text`` unchanged when it opens with no such subject or the name is not known."""
    named = _naming(text, doc)
    return named[0] if named is not None else text


def named_once(texts: list[str], headline: str, doc: Document | None) -> list[str]:
    """A slide's bullets under their headline: the first bullet whose bare subject ("The Trust ...")
    neither the headline nor a bullet before it names says the name (:func:`named_subject`); later
    ones read after it, as in the article."""
    out: list[str] = []
    for text in texts:
        named = _naming(text, doc)
        out.append(named[0] if named is not None and not any(named[1] in t for t in (headline, *out)) else text)
    return out


def takeaway_why(text: str, doc: Document | None) -> str | None:
    """Why ``text``, printed as a takeaway (read alone) from ``doc``, does not say whose or when: it points
    back (:func:`points_back`), or says "The Trust" where its document names it ("Jamaica Homeowners'
    Trust"); None when it reads alone. verify asks this of outputs made by older builds."""
    back = points_back(text, doc)
    if back is not None:
        return f"read alone, {back!r} points back to an earlier sentence of its source"
    named = _naming(text, doc)
    if named is not None:
        return f"says only its head noun where its source names {named[1]!r}"
    return None
