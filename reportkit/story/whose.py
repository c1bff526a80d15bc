"""``reportkit verify --sources``, meaning: whose or which figure a label says it is.

- **whole**: the figure is the whole of "19 of the 35 seats" / "7 of 19", not a count of its own;
- **split**: one side of a vote or score ("a vote of 11 to 4", "in a 10-2 vote") printed alone;
- **respectively**: in "A and B delivered 86,300 and 41,900 vehicles respectively" the label names none of them,
  more than the one entity the figure belongs to, or the other one;
- **another noun's words**: a label word found only in an appositive or a relative clause that
  does not hold the figure ("Measure" of "costs, the industry's main cost measure, averaged
  A$1,985"), a figure inside a relative clause with a verb of its own labelled with the noun the
  clause is about ("Film" of "The film, which cost about $180 million"), a label that starts on
  that clause's verb ("Leaves room" of "which leaves room for …");
- **counted noun**: a count's own noun ("more than 16,000 *people*") missing from its label.
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..facts import VERBS
from .clauses import COPULA, INSERT, NUMBER, RELATIVE_VERB, cached_words, clause_of
from .stems import stem as _stem

_NUMWORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
            r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|a\s+few|most|all|half|some|many)")
# "19 of the 35 seats", "Seven of the 19 officials", "12 out of 20": the figure after "of" is the whole
_WHOLE = lazy(rf"(?:\b\d[\d,.]*|\b{_NUMWORD})\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?\Z", re.I)
# a vote or a score: two bare counts "11 to 4", "10-2"
_PAIR = lazy(r"(?<![\d.,$€£¥%/-])(\d{1,3})\s*(?:to|-|–)\s*(\d{1,3})"
                   r"(?![\d%/]|[.,]\d|\s*(?:%|per\s*cent|percent))")
_VOTE = lazy(r"\b(?:votes?|voted|voting|ballots?|scores?|scored|scoreline|beat|beating|defeat(?:ed|s)?|won|wins?|"
                   r"lost|loss|draw|drew|margin|verdict|tally|majority)\b", re.I)
_SCALE = frozenset("million billion thousand trillion bn m k mn".split())
_COUNT_ADJ = frozenset("more new additional extra other fewer full-time part-time further such".split())
_NOT_NOUNS = frozenset("""a an the of in on at by for from to with and or but as than per each since during over
    under after before until into about around late early more less this that these those its their his her our
    year years month months week weeks day days""".split())
_RESPECTIVELY = lazy(r"\brespectively\b", re.I)
_NAME = lazy(r"[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*")


def whole(sentence: str, a: int) -> str | None:
    """Why a count labelled as its own is the whole of "19 of the 35 seats"; None when it is not."""
    m = _WHOLE.search(sentence[:a])
    if m:
        part = " ".join(m.group(0).split())
        return f"the whole of '{part} {sentence[a:].split()[0].rstrip(',.')}…', not a count of its own"
    return None


def one_side(sentence: str, a: int, b: int, shown: str) -> str | None:
    """Why the figure is one side of a vote or score ("a vote of 11 to 4") printed alone; None when it is not."""
    if re.search(r"\d\s*[–-]\s*\d", shown) or not _VOTE.search(sentence):
        return None
    for m in _PAIR.finditer(sentence):
        if m.start() <= a < m.end() and not re.search(r"\b(?:from|between)\s+\Z", sentence[:m.start()], re.I):
            return f"one side of '{m.group(0)}' printed alone"
    return None


def respectively(label_names: list[str], sentence: str, a: int) -> str | None:
    """Why a label (its capitalised words ``label_names``) names the wrong one of a "respectively" list."""
    if not _RESPECTIVELY.search(sentence):
        return None
    first = NUMBER.search(sentence)
    if first is None or first.start() > a:
        return None
    head = sentence[:first.start()]
    groups = [g for g in re.split(r",|\band\b", head) if _NAME.search(g)]
    owners = [{_stem(w) for w in re.findall(r"[A-Za-z][\w'’-]*", g) if w[:1].isupper()} - _DETERMINERS for g in groups]
    owners = [o for o in owners if o]
    named = [i for i, o in enumerate(owners) if o & set(label_names)]
    if len(named) > 1:
        return "names more than one of a 'respectively' list; the figure is one's"
    # which of the list's figures it is: the i-th figure is the i-th name's
    figures = [m.start() for m in NUMBER.finditer(sentence[first.start():sentence.lower().find("respectively")])]
    i = next((k for k, at in enumerate(figures) if first.start() + at == a), None)
    if named and i is not None and len(figures) == len(owners) and named[0] != i:
        return "names another entity of a 'respectively' list"
    if not named and i is not None and len(figures) == len(owners) >= 2:
        return "names none of a 'respectively' list; the figure is one entity's"  # "31.4M Streaming services"
    return None


_DETERMINERS = frozenset("their its the his her our this these those".split())


def another_nouns(label_words: set[str], label: str, sentence: str, a: int, headline: str) -> str | None:
    """Why a label's words are said of another noun than the figure's (an appositive, a relative clause)."""
    holder = None
    outside = sentence
    for m in INSERT.finditer(sentence):
        if m.start() <= a < m.end():
            holder = m
        else:
            outside = outside.replace(m.group(0), " ")
    if holder is None:
        own = cached_words(outside) | cached_words(headline)  # the story's headline says what it is about
        # an insert before the figure is said of a noun before it ("costs, the industry's main cost
        # measure, averaged"); one after it, of the figure's own phrase ("$36 billion, the biggest deal")
        for m in (m for m in INSERT.finditer(sentence) if m.end() <= a):
            only = sorted(w for w in label_words if w in cached_words(m.group(0)) and w not in own)
            if only:
                return f"{', '.join(only)} is said of another noun ({m.group(0).strip(', ')!r}), not of the figure"
    else:
        verb = RELATIVE_VERB.match(holder.group(0))
        if verb and verb.group(1).lower() not in COPULA and not (label_words & cached_words(holder.group(0))):
            said = " ".join(holder.group(0).strip(", ").split()[:2])
            return f"names what '{said} …' is said of, not what the figure is"
    first = re.match(r"\s*([A-Za-z]+)", label)
    for m in RELATIVE_VERB.finditer(sentence):
        if first and m.group(1).lower() == first.group(1).lower() and m.group(1).lower() not in COPULA \
                and m.start() < a:
            return f"starts on the verb of {m.group(0).strip(', ')!r}: says what happens, not what is measured"
    return None


def counted_noun(label_words: set[str], sentence: str, a: int) -> str | None:
    """Why a count's label misses the noun the sentence counts ("more than 16,000 people")."""
    num = NUMBER.match(sentence, a)
    if num is None:
        return None
    toks = re.findall(r"[A-Za-z][A-Za-z-]*|\S", sentence[num.end():num.end() + 60])
    for t in toks[:3]:
        low = t.lower()
        if low in _SCALE or low in _COUNT_ADJ:
            continue
        if not t.isalpha() or not t.islower() or low in _NOT_NOUNS or low.endswith("ly") or low.endswith("ed"):
            return None
        return None if _stem(low) in label_words else f"counts {low}, which the label does not name"
    return None


# a clause of its own after a comma: the subordinator, then a subject and its verb before the figure
_SUBORDINATE = lazy(r"\A[,;\s]*(after|before|when|while|as|since|because|although|though|whereas|once|until)\s+"
                          r"((?:the|a|an|its|their|his|her|this|that|[A-Z][\w'’-]*)\s+.*)\Z", re.S)
_VERB_PAST = frozenset("""set put cut paid sold spent took made gave held kept lost won bought brought built wrote
    said raised booked took""".split())


def subordinate_object(label_words: set[str], sentence: str, a: int) -> str | None:
    """Why a figure that is the object of a subordinate clause's own verb (", after the lender set
    aside 412 million euros") is labelled with words of the main clause only ("Net profit")."""
    start, clause = clause_of(sentence, a)
    m = _SUBORDINATE.match(clause[:a - start])
    if m is None or not label_words:
        return None
    words = m.group(2).split()
    verb = any(w.lower() in _VERB_PAST or w.lower() in VERBS or (w.islower() and w.endswith("ed") and len(w) > 4) for w in words[1:])
    if not verb or label_words & cached_words(clause) or not label_words <= cached_words(sentence[:start]):
        return None
    said = " ".join(clause[:a - start].split()).strip(", $€£¥")
    return f"its words are the main clause's; the figure is what {said!r} is said of"
