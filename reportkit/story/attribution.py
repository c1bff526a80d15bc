"""Who said a quote: speech verbs, names, roles and pronouns around quoted words.

Used by :mod:`.quotes`. A speaker is read from the noun phrase next to a speech
verb: a pronoun, a name with its title ("ECB President Christine Lagarde"), a
name with a role apposition ("Jean-Philippe Cotis, the OECD's chief economist"),
a role then a name ("Its finance minister, Peer Steinbrueck") or an unnamed
speaker ("a Boeing spokesperson"). Pronouns are resolved to the nearest person
named before them; bare surnames are completed from earlier text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lazyre import lazy

VERBS = (
    "said|says|added|adds|told|tells|noted|notes|explained|stated|wrote|writes|warned|warns|argued|argues|"
    "commented|continued|insisted|stressed|emphasised|emphasized|remarked|observed|declared|announced|"
    "asked|replied|conceded|admitted|acknowledged|cautioned|predicted|recalled|suggested|urged|"
    "pointed out|went on|put it|summed it up|concluded|complained|boasted|joked|quipped|responded|countered|maintained"
)
VERB_RE = rf"(?:{VERBS})"
_PRONOUNS = {"he", "she", "they", "He", "She", "They"}
# capitals beyond ASCII start names too: "Ciarán Ó Dálaigh-Webb", "Łucja Żak"
_UP = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
# a name may also start with an elided lowercase particle: "Joana d'Almeida"
_CAP = rf"(?:[A-Z]\.|[{_UP}][\w'’-]*|(?:d|l|dell|dall)['’][{_UP}][\w'’-]*)"
# lowercase name particles: "Liesbeth ter Horst", "Annelies van der Berg", "Piet van 't Hoff" (up to two in a row)
_PARTICLE = r"(?:de|da|van|von|der|den|del|della|dei|des|dos|la|le|bin|al|di|du|ter|ten|te|zu|['’]t)"
_NAME = rf"{_CAP}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_CAP}){{0,4}}"
_NAME_RE = lazy(_NAME)
_DETERMINER_NP = lazy(r"(?:a|an|one|the|another|two|three|some)\s+[\w'’ -]{2,50}", re.I)

# Words that are a role or title, not part of a person's name ("ECB President Christine Lagarde").
TITLE_WORDS = frozenset(
    "Minister President Prime Secretary Chief Executive Officer CEO CFO COO Director Governor Ambassador "
    "Senator Chairman Chairwoman Chair Spokesman Spokeswoman Spokesperson Analyst Head Commissioner Mayor "
    "Deputy Vice General Treasurer Chancellor Economist Representative Rep Sen Gov Judge Justice Professor "
    "Prof Mr Mrs Ms Dr Founder Partner Manager Leader Speaker Boss Adviser Advisor Editor Strategist "
    "Councillor Councilor Alderman".split()
)
_HONORIFICS = frozenset("Lord Lady Sir Dame Baroness Baron King Queen Prince Princess Pope".split())
# A role apposition starts like this: "the OECD's chief economist", "chief economist at KPMG", "IndiGo's chief executive"
_ROLE_NOUNS = lazy(
    r"\b(?:chief|executive|officer|director|president|chair(?:man|woman)?|minister|secretary|governor|economist|"
    r"analyst|head|spokes(?:man|woman|person)|founder|partner|manager|member|leader|strategist|adviser|advisor|"
    r"commissioner|professor|researcher|official|chancellor|mayor|ceo|cfo|coo|treasurer|trader|editor|"
    r"president|general secretary|boss|senator|representative|lawyer|investor|owner|fellow|dean|principal|"
    r"superintendent|supervisor|coordinator|administrator|curator|inspector|engineer|scientist|teacher)s?\b",
    re.I,
)
_NOT_PERSON = frozenset(
    "The A An This That These Those It Its In On At For But And Or If As By From With After Before While When "
    "He She They We I You His Her Their Our "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December".split()
)

# -- names and roles -------------------------------------------------------------------------


def _is_title(word: str) -> bool:
    """A title word, hyphenated ones too ("Secretary-General", "Vice-President")."""
    return any(part in TITLE_WORDS for part in word.rstrip(".").split("-"))


def split_role(np: str) -> tuple[str | None, str | None]:
    """``"Anglo American chairman Stuart Chambers"`` -> ``("Stuart Chambers", "Anglo American chairman")``.

    The name is the trailing run of capitalised words after the last title word;
    honorifics such as "Lord" stay with the name. Returns ``(None, None)`` when
    there is no name at the end.
    """
    np = np.strip(" ,")
    words = np.split()
    if not words:
        return None, None
    k = len(words)
    while k > 0 and re.fullmatch(_CAP, words[k - 1]) or (k > 1 and re.fullmatch(_PARTICLE, words[k - 1])):
        if _is_title(words[k - 1]):
            break
        k -= 1
    name_words = words[k:]
    while name_words and (name_words[0] in _NOT_PERSON or re.fullmatch(_PARTICLE, name_words[0])):
        name_words = name_words[1:]
    if not name_words:
        return None, None
    head = words[: len(words) - len(name_words)]
    if head and head[-1].lower() in ("of", "for", "at") and len(name_words) > 2:
        # "Head of System Operations Ewa Kordecka": the role's own capitalised words come first; a
        # person's name is its last two ("System Operations Ewa Kordecka" is no one's name)
        keep, caps = 0, 0
        while keep < len(name_words) and caps < 2:  # "Jan de Vries": a particle between stays in the name
            keep += 1
            caps += not re.fullmatch(_PARTICLE, name_words[-keep])
        head, name_words = head + name_words[:-keep], name_words[-keep:]
    if name_words[0].endswith(("'s", "’s")):
        return None, None
    role = " ".join(head).strip(" ,") or None
    if role and role.lower() in {"the", "a", "an"}:
        role = None
    if role:
        role = re.sub(r"^(?:the|its|his|her|their)\s+", "", role, flags=re.I) or None
    return " ".join(name_words), role


def full_name(name: str, before: str) -> str:
    """A bare surname completed from the text before it ("Powell" -> "Jerome Powell")."""
    if " " in name:
        return name
    pattern = re.compile(rf"((?:{_CAP}\s+){{1,3}}){re.escape(name)}\b")
    for m in reversed(list(pattern.finditer(before))):
        given: list[str] = []
        for w in reversed(m.group(1).split()):
            if _is_title(w) or w in _NOT_PERSON or w.endswith(("'s", "’s")) or len(given) == 2:
                break
            given.insert(0, w)
        if given:
            return " ".join(given + [name])
    return name


# "who runs Dabong's export business": a who-clause in the present tense says what a person does, a role
# in the source's words; one in the past ("who opened the mill in 2004") tells a story, not a role
_WHO_DOES = lazy(r"who\s+(?!was\b|has\b|had\b|is\b)[a-z]{2,}s\s[^,;]{3,80}")
# a clause's verb is no role: "Cristina Haugland-Moraru, has said the town cannot force a private owner ..."
_VERB_FIRST = lazy(r"(?:has|have|had|is|was|were|are|will|would|said|says|did|does)\b")
# "who leads our fertiliser team": "our" is the source's author (a research note's house); printed under a
# quote in the brief it would read as the brief's own team, so such a role is left out
_FIRST_PERSON = lazy(r"\b(?:[Oo]ur|[Ww]e|us|[Mm]y)\b")  # case kept: "US" is no "us"


def clean_role(role: str | None) -> str | None:
    """``role`` stripped, when it says a role (a role noun, or a present-tense who-clause); else ``None``."""
    if not role:
        return None
    role = role.strip(" ,.;")
    if not role or len(role) > 90 or _VERB_FIRST.match(role) or _FIRST_PERSON.search(role):
        return None
    if not _ROLE_NOUNS.search(role) and not _WHO_DOES.fullmatch(role):
        return None
    return role


_ORG_POSSESSIVE = lazy(r"^(?:its|their)\s+", re.I)


def _role_first(name: str, role: str) -> Who:
    """``Who`` of "<role>, <name>" with the role's determiner dropped; "its"/"their" is remembered,
    because the role is then some organisation's, not the speaker's own."""
    role = role.strip()
    possessive = bool(_ORG_POSSESSIVE.match(role))
    return Who(name, re.sub(r"^(?:the|its|his|her|their)\s+", "", role, flags=re.I), possessive=possessive)


@dataclass
class Who:
    speaker: str | None
    role: str | None
    pronoun: bool = False
    # the pronoun is "they": it may stand for a body ("he"/"she" never does)
    plural: bool = False
    # the role was "its ..."/"their ...": whose it is lies in an earlier sentence (see ``possessor``)
    possessive: bool = False


def parse_np(np: str) -> Who | None:
    """Who a noun phrase before a speech verb names: a pronoun, a (titled) name,
    ``Name, role,``, ``role, Name,`` or an unnamed ``a Boeing spokesperson``."""
    np = " ".join(np.split()).strip(" ,")
    who = _parse_np(np)
    if who is None and re.search(r",\s*(?:who|whose)\s[^,]*\Z", np):
        # "Chief executive Guðrún Abernathy-Sigurðardóttir, who founded the company in 1998, said": a
        # who/whose clause that says no role only describes the person before it, who speaks
        who = _parse_np(re.sub(r",\s*(?:who|whose)\s[^,]*\Z", "", np))
    return who


def _parse_np(np: str) -> Who | None:
    if not np or len(np) > 120:
        return None
    if np in _PRONOUNS:
        return Who(None, None, pronoun=True, plural=np.lower() == "they")
    # "Clive Black, head of consumer research at Shore Capital"
    m = re.fullmatch(rf"(?P<pre>.*?)(?P<name>{_NAME}),\s*(?P<role>[^,]{{3,90}})", np)
    if m and clean_role(m.group("role")) and not m.group("pre").strip():
        name, title = split_role(m.group("name"))
        if name:
            return Who(name, clean_role(m.group("role")) or title)
    # "Its finance minister, Peer Steinbrueck" / "BP's finance director, Byron Grote"
    m = re.fullmatch(rf"(?P<role>[^,]{{3,90}}),\s*(?P<name>{_NAME})", np)
    if m and clean_role(m.group("role")):
        name, _title = split_role(m.group("name"))
        if name:
            return _role_first(name, m.group("role"))
    last = np.rsplit(",", 1)[-1].strip()
    if last in _PRONOUNS:
        return Who(None, None, pronoun=True, plural=last.lower() == "they")
    if "," in np:
        return None
    name, role = split_role(last)
    if name and role and _DETERMINER_NP.fullmatch(last) and re.search(r"\b(?:for|at|of|from|with)\s+(?:[a-z][\w'’-]*\s+)?\Z",
                                                                     last[: len(last) - len(name)]):
        return Who(last, None)  # "a spokesperson for carrier Nordline": unnamed; Nordline is whom they speak for
    if name and len(last.split()) <= 8:
        return Who(name, clean_role(role) or role)
    if _DETERMINER_NP.fullmatch(last) and len(last.split()) <= 5:
        return Who(last, None)
    return None


# -- attribution around one quote ---------------------------------------------------------------

# what a role says of a person, lowercase, right before their name ("Boxline analyst Derek Moss")
_ROLE_WORD = (r"(?:analyst|economist|strategist|spokes(?:man|woman|person)|minister|governor|president|chairman|"
              r"chairwoman|director|executive|officer|secretary|adviser|advisor|professor|researcher|official|"
              r"commissioner|mayor|senator|lawyer|founder|trader|editor)")
_TAILVERB_RE_FIRST = lazy(
    # "said Calloway Re analyst Ines Harrington": an organisation's name before the role, then the person's
    rf"\s*,?\s*(?P<verb>{VERB_RE})\s+(?P<np>(?:(?:the|a|an)\s+)?"
    rf"(?:{_CAP}(?:\s+{_CAP}){{0,3}}\s+(?:[a-z][\w'’-]*\s+){{0,2}}{_ROLE_WORD}\s+(?={_CAP})|(?:[a-z][\w'’-]*\s+){{0,3}})"
    # "said Director of Research Ines Marbella": a capitalised title with its "of" (split_role parts them)
    rf"(?:[{_UP}][\w'’-]*\s+(?:of|for)\s+(?={_CAP}\s+{_CAP}))?"
    rf"{_NAME})"
    rf"(?:\s*,\s*(?P<role>[^,.;]{{3,90}}(?:\.(?=\w)[^,.;]*)*))?"
)
_TAIL_NP_FIRST = lazy(rf"\s*,?\s*(?P<np>[^,;:“”\"]{{1,80}}?)\s+(?P<verb>{VERB_RE})\b")
_TAIL_APPOS = lazy(rf"\s*,?\s*(?P<name>{_NAME}),\s*(?P<role>[^,;“”\"]{{3,90}}),\s*(?P<verb>{VERB_RE})\b")
# "its chairman, Name, said"; "Meridian's head of distribution, Name, said" (a possessive name starts the role)
_TAIL_ROLE_APPOS = lazy(rf"\s*,?\s*(?P<role>(?:its|the|their|his|her|[{_UP}][\w-]*(?:\s+[{_UP}][\w-]*){{0,2}}['’]s)\s+"
                        rf"[^,;“”\"]{{3,60}}),\s*(?P<name>{_NAME}),\s*"
                              rf"(?P<verb>{VERB_RE})\b")
_TAIL_ACCORDING = lazy(rf"\s*,?\s*according\s+to\s+(?P<np>[^,.;“”\"]{{2,80}})")
_HEADVERB_RE = lazy(rf"(?P<np>[^.?!;:“”\"]{{1,160}}?)\s+(?P<verb>{VERB_RE})(?P<rest>\s+[^:,;“”\".]{{0,60}}?)?\s*[:,]\s*$")
_HEAD_ACCORDING = lazy(r"according\s+to\s+(?P<np>[^,.;“”\"]{2,80}),\s*$", re.I)


def tail_who(tail: str) -> Who | None:
    m = _TAIL_APPOS.match(tail)
    if m:
        name, title = split_role(m.group("name"))
        if name:
            return Who(name, clean_role(m.group("role")) or title)
    m = _TAIL_ROLE_APPOS.match(tail)
    if m and clean_role(m.group("role")):  # "its chairman, Marieke Smits, told a news conference"
        name, _title = split_role(m.group("name"))
        if name:
            return _role_first(name, m.group("role"))
    m = _TAILVERB_RE_FIRST.match(tail)
    if m:
        who = parse_np(m.group("np"))
        if who is not None and not who.pronoun:
            who.role = clean_role(m.group("role")) or who.role
            return who
    m = _TAIL_NP_FIRST.match(tail)
    if m:
        who = parse_np(m.group("np"))
        if who is not None:
            return who
    m = _TAIL_ACCORDING.match(tail)
    if m:
        return parse_np(m.group("np"))
    return None


# "Deputy Mayor Henrik Aas-Lindgren, who is responsible for tourism, did not soften it: “…”": a sentence
# whose subject is a person, its verb no verb of speech, ending on the colon that opens the quote
_HEAD_COLON = lazy(r"^\s*(?P<np>[^,.;:“”\"]{2,80}?)(?:,\s*(?:who|whose)\s[^.;:“”\"]{2,120}?,)?\s+"
                   r"(?P<vp>[a-z][^.;:“”\",]{1,60}?)\s*:\s*$")


def _person(who: Who | None) -> Who | None:
    """``who`` when it names a person (first name and surname), not a body ("The council")."""
    if who is None or not who.speaker:
        return None
    parts = who.speaker.split()
    named = len(parts) >= 2 and all(p[:1].isupper() for p in parts) and parts[0] not in ("The", "A", "An")
    return who if named else None


def head_who(head: str) -> Who | None:
    """Who says the quote after ``head`` (the sentence before its opening mark), or ``None``."""
    m = _HEAD_ACCORDING.search(head)
    if m:
        return parse_np(m.group("np"))
    m = _HEADVERB_RE.search(head)
    if m:
        np = m.group("np").strip()
        return parse_np(np)
    m = _HEAD_COLON.match(head)
    return _person(parse_np(m.group("np").strip())) if m else None


# -- persons mentioned (for pronouns) -------------------------------------------------------------

_MENTION = lazy(
    rf"(?P<np>(?:(?:[{_UP}][\w'’-]*|[a-z]+)\s+){{0,3}}(?P<name>{_NAME}))"
    rf"(?=\s*(?:,\s*[^,]{{3,90}},\s*)?,?\s*(?:has\s+|had\s+|have\s+|also\s+)?(?:{VERB_RE}|{VERB_RE.replace('said', 'saying')}|"
    r"described|called|urged|pointed|believes|thinks|expects|warned))"
)


# a person named after a lowercase role noun, whatever the verb: "Boxline analyst Derek Moss was more
# cautious." (the "he said" of the next quote is his)
_TITLED = lazy(rf"(?<![\w'’-]){_ROLE_WORD}\s+(?P<name>{_NAME})")


# a person named before ", who <verb>", whatever the sentence's verb: "We spoke to Milica
# Fairbanks-Jovanović, who heads a growers' cooperative ..." (the "she says" of the next quote is hers)
_WHO_CLAUSE = lazy(rf"(?<![\w'’-])(?P<name>{_NAME}),\s+who\s+(?!(?:said|says|told|tells)\b)[a-z]")


def _given_names(np: str, name: str) -> str:
    """``name`` with the capitalised words right before it in ``np`` that belong to it: the mention's
    leading words take as many words as they can, so "Managing director Leila Ben Salah-Eriksen said"
    matched the name as "Ben Salah-Eriksen", a two-word name that read as whole and lost "Leila"."""
    words = np[: len(np) - len(name)].split()
    while (words and len(name.split()) < 5 and re.fullmatch(_CAP, words[-1]) and not _is_title(words[-1])
           and words[-1] not in _NOT_PERSON and words[-1] not in _HONORIFICS and not words[-1].endswith(("'s", "’s"))):
        name = f"{words.pop()} {name}"
    return name


def mentions(text: str, bodies: bool = False) -> list[tuple[int, str]]:
    """``(position, name)`` of persons named before speech-like verbs, with titles or as speakers,
    of persons named after a role noun ("analyst Derek Moss") and of persons a who-clause follows
    ("Milica Fairbanks-Jovanović, who heads ..."), in the order of the text; a body's name ("The
    Growers' Council says") only with ``bodies`` (for a "they")."""
    out: list[tuple[int, str]] = []
    for m in _MENTION.finditer(text):
        name, _role = split_role(m.group("name"))
        if re.search(r"\b(?:at|of|for|from|with|by|in|on)\s*$", text[max(0, m.start("name") - 6):m.start("name")]):
            continue  # "head of macro at ING, said": the organisation in a role apposition
        if name and name == m.group("name"):
            name = _given_names(m.group("np"), name)
        if name and name.split()[0] not in _NOT_PERSON and (bodies or not organisation(name)):
            out.append((m.end("name") - len(name), name))
    for m in _TITLED.finditer(text):
        name, _role = split_role(m.group("name"))
        # a person's name is two words or more ("analyst Moss" may be a firm's name): a bare one waits for a verb
        if name and " " in name and name.split()[0] not in _NOT_PERSON and (m.start("name"), name) not in out:
            out.append((m.start("name"), name))
    for m in _WHO_CLAUSE.finditer(text):
        # "who" is said of a person; two words or more, and no body's name ("the Council, who ...")
        name, _role = split_role(m.group("name"))
        if name and " " in name and name.split()[0] not in _NOT_PERSON and not organisation(name) \
                and (m.start("name"), name) not in out:
            out.append((m.start("name"), name))
    return sorted(out)


# the last word of a body's name: "The Kenya Flower Growers' Council says ..." names no person
_BODY_WORDS = frozenset(
    "Council Association Federation Union Ministry Department Office Bank Group Company Corporation Corp Inc Ltd "
    "Authority Agency Board Institute Commission Committee Fund Society Club Party Court Government Exchange "
    "Bureau Service Services Chamber Cooperative Co-operative Alliance League Trust Foundation Organisation "
    "Organization Council's".split()
)


def organisation(name: str) -> bool:
    """Whether ``name`` is a body's, not a person's: it ends on a word such as "Council", or a word
    of it is a plural possessive ("Growers'"), which no person's name has."""
    words = name.split()
    return bool(words) and (words[-1] in _BODY_WORDS or any(w.endswith(("s'", "s’")) for w in words))


def fragment_who(sentence_head: str) -> Who | None:
    """The speaker of a fragment: the named subject of a speech verb in its sentence."""
    for m in reversed(list(_MENTION.finditer(sentence_head))):
        name, role = split_role(m.group("name"))
        if name and name == m.group("name"):
            name = _given_names(m.group("np"), name)
        if name:
            return Who(name, clean_role(role))
    return None


def nearest_person(context: str, speakers: list[tuple[int, str]], _pos: int, bodies: bool = False) -> str | None:
    """The nearest named person before a pronoun: the last one mentioned in the text so far (or
    body, with ``bodies``: a "they")."""
    found = mentions(context, bodies)
    if found:
        return full_name(found[-1][1], context[: found[-1][0]] + " " + context)
    return speakers[-1][1] if speakers else None
