"""Whether a sentence can be read on its own, away from the sentence before it.

A summary, a takeaway and a deck bullet are each read without the article around them: a
sentence that opens with a pronoun ("It", "They") or a connective ("However"), points back
with a definite noun ("The move …"), sets an earlier estimate against the one told before it
("Our previous estimate was …", "we had pencilled in …"), or only says how someone stands
("Tour operators disagree.") needs that sentence. :mod:`.summaries` penalises such sentences
and :mod:`.takeaways` offers none of them as a later point.
"""

from __future__ import annotations

import re

from ..lazyre import lazy

_PRONOUN_OPEN = lazy(r"^(?:It|He|She|They|This|That|These|Those|Its|His|Her|Their|We|I|Such|There)\b")
_CONNECTIVE_OPEN = lazy(
    r"^(?:Also|However|But|And|Or|Meanwhile|Separately|Still|Yet|So|Then|Moreover|Furthermore|In addition|"
    r"Additionally|Nevertheless|Nonetheless|Instead|Thus|Therefore|Hence|Last (?:week|month|year)|Earlier|Later|"
    r"Previously|Likewise|Similarly|Even so|By contrast|In contrast|On the other hand|As a result|Besides|"
    r"Otherwise|Indeed|Rival|Both)\b"
)
# a subject that is no one in particular ("Not everyone", "Some analysts", "Others")
_INDEFINITE_OPEN = lazy(r"(?:Not\s+)?(?:Everyone|Everybody|All|Some(?:one|body)?|Others?|Few|Many|No\s+one|"
                        r"Nobody|Not\s+all|Not\s+every)\b", re.I)
# the writer speaking for the source ("We expect them to average 310 cents"), outside any quotation
_WE_OPEN = lazy(r"(?:We|Our|Us)\b")
# an article that says who "we" is: "we at Pellarin", "those of us at ...", "Pellarin ("we")"
_WE_NAMED = lazy(r"\b(?:[Ww]e|us|[Oo]ur\s\w+),?\s(?:at|of)\s[A-Z]|[A-Z][\w&.'’-]*\s\([\"“]?we\b")
# a short sentence with no figure ("Water and sewer charges are set separately.")
_ANNOUNCES = lazy(r"(?=\D*\Z)\s*(?:\S+\s+){1,7}\S+\s*", re.S)
# how someone spoke or stands, said of them before their words: "The association was blunt.", "He put it
# plainly.", "Tour operators disagree." (with what, the sentence after says)
_MANNER = lazy(r"(?:\b(?:was|were|is|are)\s+(?:(?:more|less|not|far|even|rather|equally)\s+)?(?:blunt|blunter|"
               r"cautious|sceptical|skeptical|optimistic|pessimistic|upbeat|direct|candid|frank|defiant|"
               r"unrepentant|unmoved|convinced|sure|emphatic|scathing|dismissive|gloomier|forthright|unapologetic)"
               r"|\bput\s+it\s+\w+(?:ly)?|\b(?:dis)?agree[sd]?|\b(?:differ|object|demur)(?:s|red|ed)?"
               # "Supporters see it differently.", "The union has another view.", "Growers take a different
               # view.", "Exporters think otherwise.": a stance whose content the next sentences give
               r"|\b(?:see|sees|saw|view|views|viewed|read|reads)\s+(?:it|this|that|things|matters|the\s+\w+)\s+"
               r"(?:very\s+|quite\s+|rather\s+)?differently"
               r"|\b(?:take|takes|took|have|has|had|hold|holds|held)\s+(?:(?:a|an)\s+)?(?:very\s+|rather\s+|quite\s+)?"
               r"(?:different|another|other|opposing|opposite|contrary|dimmer|darker|rosier|less\s+\w+|more\s+\w+)"
               r"\s+(?:view|take|opinion|position)(?:\s+of\s+(?:it|this|that|things))?"
               r"|\b(?:think|thinks|thought)\s+otherwise|\bbeg(?:s)?\s+to\s+differ|\b(?:is|are|was|were)\s+"
               r"(?:not|un)\s*(?:convinced|persuaded|impressed)"
               r"|\bwent\s+further"
               # "Smaller farms fared worse.", "Exporters were hit harder.": a comparison whose figures the
               # next sentences give
               r"|\b(?:fared|did|performed|came\s+off)\s+(?:even\s+|far\s+|much\s+|still\s+)?(?:worse|better)"
               r"|\b(?:was|were|is|are)\s+hit\s+(?:even\s+|far\s+|much\s+)?(?:harder|hardest|worse|worst)"
               r"|\bsuffered\s+(?:even\s+|far\s+|much\s+)?(?:more|most))\s*[.:]?\s*\Z", re.I)
_ALSO_EARLY = lazy(r"^(?:\S+\s+){1,4}also\b")
# "The move …", "The figure, the highest ever …": a definite noun that points back to the sentence before
_BACK_NOUNS = (r"(?:move|goal|initiative|deal|plan|decision|measure|figure|figures|proposal|strategy|increase|rise|"
               r"fall|drop|cut|change|step|agreement|offer|announcement|news|result|results|report|comments|remarks|"
               r"latter|former|same|message|warning|signal|surge|jump|slump|rebound|spike|plunge)\b")
_BACK_REFERENCE = lazy(r"^The " + _BACK_NOUNS)
# "Economists polled by Reuters had expected a fall of 0.2%.", "In our November note we had pencilled in
# US$1.38bn.": what was expected, set against the outcome or the estimate the sentence before told
_HAD_EXPECTED = lazy(r"^(?:[\w'’-]+,?\s+){1,5}had\s+(?:expected|forecast|predicted|estimated|anticipated|projected|"
                     r"pencil?led\s+in|assumed|budgeted)\b")
# "Our previous estimate, in October, was 560,000 tonnes.": an estimate superseded by the one told before
_EARLIER_ESTIMATE = lazy(r"^(?:[\w'’-]+\s+){0,2}(?:previous|earlier|prior|original|initial)\s+(?:estimate|forecast|"
                         r"projection|guidance|outlook|target|prediction)s?\b", re.I)


# "We see it at 420,000 tonnes": the signer's words about what the sentence before named
_WE_BACK = lazy(r"(?:We|Our)\s+(?:\w+\s+){1,2}?(?:it|them|these|those|its|their|they)\b")
# "Arabica is the reason for the cut.": a short sentence that ends on such a noun is about the sentence before
_BACK_END = lazy(r"\bthe\s+" + _BACK_NOUNS + r"\W*\Z")
_SHORT = 10  # words: a longer sentence ending on "the deal" says enough of it ("... to block the deal")


def only_manner(text: str) -> bool:
    """Whether a sentence only says how someone spoke or stands, with no figure: "The association
    was blunt.", "Tour operators disagree." (what they said or disagree with comes after)."""
    return bool(_ANNOUNCES.fullmatch(text) and _MANNER.search(text))


def stands_alone(text: str, we_named: bool = False) -> bool:
    """Whether a sentence can be read without the one before it: it does not open with a
    pronoun, a connective, "… also …", a noun pointing back ("The move …"), what someone "had
    expected" or an earlier estimate (against the outcome or estimate told before it), and is not
    a short one ending on such a noun ("Arabica is the reason for the cut.") or only saying how
    someone stands ("Tour operators disagree."). With ``we_named`` (the dateline signs the note)
    the writer's "We estimate ..." is said under its name, not a pronoun pointing back."""
    text = text.lstrip("\"“‘'( ")
    pronoun = _PRONOUN_OPEN.match(text) and not (we_named and _WE_OPEN.match(text) and not _WE_BACK.match(text))
    return not (pronoun or _CONNECTIVE_OPEN.match(text) or _ALSO_EARLY.match(text)
                or _BACK_REFERENCE.match(text) or _HAD_EXPECTED.match(text) or _EARLIER_ESTIMATE.match(text)
                or (len(text.split()) <= _SHORT and not any(c.isdigit() for c in text) and _BACK_END.search(text))
                or only_manner(text))
