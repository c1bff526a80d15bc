"""What a count's label must keep of its sentence: the verb that makes it a flow ("added 212,400
mobile subscribers" is the quarter's addition, not the customer count) and the unit written
after its number ("1.12 million TEU" is no count of rail shuttles)."""

from __future__ import annotations

from ..facts import figure_at
from ..lazyre import lazy
from ..model import Fact

# a verb right before a count that makes the count a change over the period, not a level
_FLOW_VERB = lazy(r"\b(added|adds|gained|gains|lost|loses|shed|sheds|hired|hires|created|creates|cut|cuts)\s+"
                  r"(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|roughly\s+|more\s+than\s+|another\s+|a\s+net\s+)?\Z",
                  )
# an abbreviation right after a count's number ("1.12 million TEU"): the unit the number is counted in
_UNIT_ACRONYM = lazy(r"\s+([A-Z]{2,6}s?)\b(?!['’]s)")


def flow_verb(f: Fact) -> str | None:
    """The source's verb that makes a count ``f`` a change ("added"), else ``None``."""
    at = figure_at(f)
    if f.unit != "count" or at < 0:
        return None
    m = _FLOW_VERB.search(f.sentence, max(0, at - 40), at)
    return m.group(1) if m else None


def with_flow(f: Fact, label: str, shown: str) -> str:
    """``label`` with the verb that makes a count a change, before its period ("Telvika AB mobile
    subscribers added, fourth quarter"), unless the printed figure carries a sign or the label says it."""
    verb = flow_verb(f)
    # the words before its period: "subscribers added, fourth quarter" says "added" (not "added,")
    if verb is None or shown.lstrip()[:1] in "+−-" or verb.lower() in label.split(",")[0].lower().split():
        return label
    head, comma, rest = label.partition(",")
    return f"{head} {verb}{comma}{rest}"


def unit_untold(f: Fact, label: str) -> bool:
    """Whether the count ``f`` is written with a unit after its number ("1.12 million TEU") that
    neither its text nor ``label`` says: "1.12M Rail shuttles" would count the shuttles."""
    at = figure_at(f)
    if f.unit != "count" or at < 0:
        return False
    m = _UNIT_ACRONYM.match(f.sentence, at + len(f.text))
    return m is not None and m.group(1) not in label.split() and m.group(1) not in f.text
