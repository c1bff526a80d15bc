"""Roles a text gives a speaker where it names them, and whose an "its <role>" is.

Used by :mod:`.quotes` when a quote's own attribution says no role ("...," she said): the role is
looked up where the text first names the speaker ("Min-seo Castellanos-Yoon, who runs Dabong's
export business, told us"), in the source's words. A role given as "its chairwoman" is made whose
it is from the sentence's subject ("The Kenya Flower Growers' Council says ..., and its chairwoman,
<name>, ..."), or left out: a bare "chairwoman" would read as that of the firm that prints the quote.
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from .attribution import _NOT_PERSON, _ORG_POSSESSIVE, _UP, VERB_RE, clean_role, split_role


def role_in_text(speaker: str, context: str) -> str | None:
    """The role a speaker is given where the text first names them."""
    surname = speaker.split()[-1]
    for m in re.finditer(rf"((?:[\w'’-]+[ \t]+){{1,5}}){re.escape(speaker)}\b", context):  # same line only
        _name, role = split_role(m.group(0))
        if clean_role(role):
            return clean_role(role)
    m = re.search(rf"{re.escape(speaker)},\s*(?P<role>[^,.;]{{3,90}})[,.]", context)
    if m and clean_role(m.group("role")):
        return clean_role(m.group("role"))
    m = re.search(rf"(?P<role>[^,.;\n“”\"]{{3,60}}),\s*(?:[{_UP}][\w'’-]*\s+)*{re.escape(surname)},", context)
    if m and clean_role(m.group("role")):
        # "..., and its chairwoman, <name>, did not soften it": the clause's "and" is no part of the role
        role = re.sub(r"^(?:and|but)\s+", "", m.group("role").strip(), flags=re.I)
        if _ORG_POSSESSIVE.match(role):
            # whose chairwoman: the subject the sentence names before it, else no role (as for a quote's own)
            org = possessor(context[:m.start("role")] + " " + m.group("role")[: -len(role)])
            return whose_role(org, _ORG_POSSESSIVE.sub('', role)) if org else None
        return re.sub(r"^(?:the|his|her)\s+", "", role, flags=re.I)
    return None



_BACK_REFERENCE = frozenset("It It's Its They Their He She His Her This That".split())
_ORG_RUN = r"[A-Z][\w&'’.-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w&'’.-]*){0,4}"
_FINITE = rf"(?:{VERB_RE}|is|was|are|were|has|had|have|will|would|can|could|may|[a-z]+s|[a-z]+ed)(?![\w'’])"
# "Consultancy AgroVista is more cautious." / "The employers' group, Havenwerk, said ..." /
# "Germany, the euro zone's largest economy, is forecast ..."
# the apposition between the name and its verb: a short one, or a who/which/whose clause that may run longer
# ("Caroni Motors, which sells two Japanese brands from showrooms in Chaguaramas and San Fernando,
# registered"); a comma inside a number ("whose 1,900 members") does not end it
_APPOS_CHAR = r"(?:[^,]|(?<=\d),(?=\d))"
_APPOS = rf",\s+(?:(?:which|who|whose)\s{_APPOS_CHAR}{{2,120}}|{_APPOS_CHAR}{{2,60}}),"
_SUBJECT_NAME = lazy(
    rf"(?:The\s+)?(?P<org>{_ORG_RUN})(?:{_APPOS})?\s+{_FINITE}"
    rf"|The\s+[a-z][^,]{{1,40}},\s+(?P<appos>{_ORG_RUN}),\s+{_FINITE}"
)


# the nouns that say a body is one (a "its <role>" after it is the body's, a role "of the <...> council"
# names it); "company" or "group" is not among them: it says no more than "its" does
_BODY_NOUNS = (r"(?:association|council|union|federation|board|ministry|agency|authority|commission|committee|"
               r"institute|society|co-operative|cooperative|chamber|league|regulator)")
# "The islands' fish farmers' association was blunt.": a body the sentence names by what it is, with
# words that say which ("The company was" says no more than "its" does); the who/whose apposition
# a subject may carry ("The growers' federation, whose 3,400 members grow ..., says") is read past
_SUBJECT_BODY = lazy(
    rf"The\s+(?P<body>(?:[a-z][\w'’-]*\s+){{0,4}}{_BODY_NOUNS})(?:{_APPOS})?\s+{_FINITE}"
)


# "Small-scale fishermen's groups, which represent ..., have asked ...": bodies the sentence names by what
# they are, in the plural and with no article (a "their <role>" after it is theirs); kept in the source's words
_SUBJECT_BODIES = lazy(
    rf"(?P<body>[{_UP}][\w-]*(?:\s+[a-z][\w'’-]*){{0,3}}\s+(?:groups|associations|unions|councils|federations|"
    rf"co-operatives|cooperatives|societies|committees|chambers))(?:{_APPOS})?\s+(?:have|had|are|were|[a-z]+ed)\b"
)


def whose_role(org: str, role: str) -> str:
    """``role`` said to be ``org``'s: "AgroVista's head of research"; a body named by what it is
    ("the islands' fish farmers' association") after it: "director of the islands' ... association"."""
    if org.startswith("the "):
        return f"{role} of {org}"
    # a name that ends on a plural takes the apostrophe alone: "National Chamber of Quinoa Exporters' president"
    return f"{org}' {role}" if org.endswith("s") and not org.endswith("ss") else f"{org}'s {role}"


def possessor(before: str) -> str | None:
    """Whom "its"/"their" in a quote's attribution points to: the named subject of the nearest
    sentence before it that is not itself a back-reference ("Consultancy AgroVista is more
    cautious. It puts the crop at ... ' ...,' its head of research, Lucas Teixeira, said": AgroVista).

    ``None`` when that sentence's subject is no name: the caller then prints no role rather than
    let the reader take the role for the firm whose note or story prints the quote.
    """
    # a sentence also ends after a closing quote mark and at a paragraph's end ('... of March.”' then a
    # new paragraph: read as one sentence, the quote's "We ran ..." hid the next paragraph's subject)
    sentences = re.split(r"(?<=[.?!])\s+(?=[A-Z“\"])|(?<=[.?!][”\"])\s+|\n\s*\n", before.strip())
    for sentence in reversed(sentences[-4:]):
        sentence = sentence.strip(" “\"")
        if not sentence or sentence.split()[0] in _BACK_REFERENCE:
            continue
        m = _SUBJECT_NAME.match(sentence)
        if not m:
            body = _SUBJECT_BODY.match(sentence)
            if body is None and (bodies := _SUBJECT_BODIES.match(sentence)) is not None:
                return bodies.group("body")
            return f"the {body.group('body')}" if body else None
        org = m.group("org") or m.group("appos")
        if org.endswith(("'s", "’s")) or org.split()[0] in _NOT_PERSON:
            return None  # "AgroVista's forecast is ...": the subject is the forecast, not the firm
        if " " not in org and re.search(rf"\b{re.escape(org.lower())}\b", before):
            return None  # "Revenue rose ...": a common noun that only starts the sentence
        return org
    return None


# the body a role is held at: "Havenwerk's chairman", "Kenya Flower Growers' Council's chairwoman",
# "an analyst at Strandberg Capital", "Boxline analyst" (a capitalised name before a lowercase role)
# "president of the national vanilla council" (a body named by what it is, with words that say which; not
# a company's own organ, "chairman of the supervisory board")
_ROLE_BODY = lazy(r"(?P<a>(?:[A-Z][\w&’'-]*\s+)*[A-Z][\w&-]*)(?:['’]s?\b|\s+(?=[a-z]))"
                  r"|\b(?:of|at|for)\s+(?:the\s+)?(?P<b>[A-Z][\w&’'-]*(?:\s+(?:of\s+)?[A-Z][\w&’'-]*)*)"
                  r"|\b(?:of|at|for)\s+the\s+(?P<c>(?:[a-z][\w'’-]*\s+){1,4}(?:association|council|union|federation|"
                  r"ministry|agency|authority|commission|institute|society|co-operative|cooperative|chamber|league|"
                  r"regulator))\b")


def speaks_for_another(role: str | None, headline: str) -> bool:
    """Whether ``role`` names a body the ``headline`` does not: the speaker speaks for someone other
    than the story's subject ("Kenya Flower Growers' Council's chairwoman" in a story headlined on
    one grower). A role naming no body ("chief executive") is the article's own subject's."""
    m = _ROLE_BODY.search(role or "")
    if m is None:
        return False
    said = {w.lower() for w in re.findall(r"[^\W\d_]+", headline)}
    named = [w.lower() for w in re.findall(r"[^\W\d_]{3,}", m.group("a") or m.group("b") or m.group("c")) if w.lower() != "the"]
    return bool(named) and not any(w in said for w in named)


def role_body(role: str | None) -> str | None:
    """The body a role is held at, as the role writes it ("Havenwerk" of "Havenwerk's chairman",
    "Strandberg Capital" of "an analyst at Strandberg Capital"); ``None`` when it names none
    ("chief executive": the article's own subject's)."""
    m = _ROLE_BODY.search(role or "")
    return (m.group("a") or m.group("b") or m.group("c")) if m else None
