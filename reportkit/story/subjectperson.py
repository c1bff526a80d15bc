"""A person who is the subject of a sentence with no speech verb, for the quote right after it.

"The co-operative's chairman, Graham Ostergaard-Hale, was more cautious about the forecast. "..."":
the quote that opens right after such a sentence is the person's; and a "she said" after "Hannah
Lisowski-Grant, whose son joined the choir in September, was among them." is hers, not that of a
speaker quoted earlier. Only a subject that the sentence marks as a person counts: a name after a
role with a role noun ("the co-operative's chairman, <name>,"), after a title that opens the sentence
("Deputy mayor <name> made") or before a "who"/"whose" clause
("<name>, whose son ..., was"); "Borovina Timber delivered" names no one.
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from .attribution import _NAME, _ROLE_NOUNS, _UP, clean_role, split_role

# a finite verb right after the subject and its apposition
_FINITE = r"(?:was|is|were|are|had|has|have|did|does|will|would|could|[a-z]{3,}ed|[a-z]{3,}s)\b"
# "The co-operative's chairman, Graham Ostergaard-Hale, was": a role, then the name in commas
# (or a clause of its own after ", and": "The Council says ..., and its chairwoman, <name>, did not soften it.")
_ROLE_THEN_NAME = lazy(rf"(?:^|(?<=[.!?]\s)|(?<=,\sand\s)|(?<=,\sbut\s)|(?<=;\s))(?P<role>[^.,;:!?“”\"]{{3,60}}),\s+"
                       rf"(?P<name>{_NAME}),\s+{_FINITE}")
# "Hannah Lisowski-Grant, whose son joined the choir in September, was": a name before "who"/"whose"
_NAME_WHO = lazy(rf"(?:^|(?<=[.!?]\s))(?P<name>{_NAME}),\s+(?:who|whose)\s+[^.;:!?“”\"]{{3,120}}?,\s+{_FINITE}")


# "Deputy mayor Katalin Oyelaran-Fekete made no apology": a title that opens the sentence, the name, then
# a lowercase word (the verb; irregular ones such as "made" too)
_TITLE_THEN_NAME = lazy(rf"(?:^|(?<=[.!?]\s))(?P<np>[{_UP}][\w'’-]*(?:\s+[a-z][\w'’-]*){{0,3}}\s+{_NAME})\s+[a-z]")


# "One of them, a teacher named Ruxandra Eliasson-Barbu, had taken ...": a person the text introduces by name
_NAMED_ONE = lazy(rf"\b(?:a|an)\s+(?P<role>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){{0,2}})\s+(?:named|called)\s+"
                  rf"(?P<name>{_NAME})")


def introduced_role(speaker: str, text: str) -> str | None:
    """What ``text`` calls ``speaker`` where it introduces them by name ("a teacher named <speaker>"),
    in its words ("a teacher")."""
    for m in _NAMED_ONE.finditer(text):
        if m.group("name") == speaker:
            return f"a {m.group('role')}" if not m.group("role")[0] in "aeiou" else f"an {m.group('role')}"
    return None


def subject_persons(text: str) -> list[tuple[int, str]]:
    """``(position, name)`` of persons who are a sentence's subject, marked as persons (see the module)."""
    out = []
    for m in _TITLE_THEN_NAME.finditer(text):
        name, role = split_role(m.group("np"))
        # the words before the name must say a role ("Deputy mayor"), and the name be a full one
        if name and role and " " in name and clean_role(role) and not name.endswith(("'s", "’s")):
            out.append((m.end("np") - len(name), name))
    for m in _ROLE_THEN_NAME.finditer(text):
        if _ROLE_NOUNS.search(m.group("role")):
            out.append((m.start("name"), m.group("name")))
    for m in _NAMED_ONE.finditer(text):
        name, _role = split_role(m.group("name"))
        if name and " " in name:
            out.append((m.start("name"), name))
    for m in _NAME_WHO.finditer(text):
        name, _role = split_role(m.group("name"))
        if name and " " in name:  # a person's full name: a bare word may be a firm's
            out.append((m.start("name"), name))
    return sorted(out)


def last_sentence_person(before: str) -> str | None:
    """The person who is the subject of the last sentence of ``before`` (text up to a quote's
    opening mark, in its own paragraph), when that sentence ends right before the quote."""
    text = before.rstrip()
    if not text.endswith((".", "!", "?")):
        return None
    found = [(at, name) for at, name in subject_persons(text)
             if not re.search(r"[.!?]\s", text[at:-1])]  # the last sentence's own subject
    return found[-1][1] if found else None


# "The association's executive director, a former veterinarian, put it plainly.": a sentence whose subject
# is a role of a body the text has named ("The <body>'s <role>"), with no person's name in it
_ROLE_SUBJECT = lazy(rf"(?:^|(?<=[.!?]\s))The\s+(?P<role>[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,2}}['’]s(?:\s+[a-z][\w-]*){{1,3}})"
                     rf"(?:,\s+[^.,;:!?“”\"{_UP}]{{3,60}},)?\s+[a-z][^.!?“”\"]*[.!?]\s*$")


def role_sentence_before(before: str) -> str | None:
    """The role the sentence right before a quote gives its speaker without naming them ("The
    association's executive director, a former veterinarian, put it plainly. "...," <name> said"), in
    the source's words ("the association's executive director"); None when that sentence is no such
    role-only subject, or names anyone."""
    m = _ROLE_SUBJECT.search(before.rstrip())
    if m is None or not _ROLE_NOUNS.search(m.group("role").split("'")[-1].split("’")[-1]):
        return None
    return clean_role(f"the {m.group('role')}")


# "Levan Gogichaishvili-Moore runs a cooperative of 140 growers outside Telavi.": a full name that opens
# the sentence, then a verb in the present or past ("runs", "grows", "farmed", "has", "was")
_BARE_SUBJECT = lazy(rf"(?:^|(?<=[.!?]\s))(?P<name>{_NAME})\s+(?:is|was|has|had|[a-z]{{3,}}(?<!ss)s|[a-z]{{3,}}ed)\s+"
                     rf"[^.!?“”\"]*[.!?]\s*$")


def bare_subject_before(before: str) -> str | None:
    """The person a "he"/"she" of a quote stands for when no one is named before it: the full name
    that is the subject of the sentence right before the quote's ("<name> runs a cooperative ...
    "...," he says"); None when that sentence opens on no such name, or on a body's name. The caller
    asks only when the text names no person before the pronoun: a firm is an "it"."""
    from .attribution import _NOT_PERSON, organisation

    m = _BARE_SUBJECT.search(before.rstrip())
    if m is None:
        return None
    name, _role = split_role(m.group("name"))
    if not name or " " not in name or name.split()[0] in _NOT_PERSON or organisation(name):
        return None
    return name


# a sentence opening on "He"/"She", ending the text (the sentences between a person's and a quote)
_PRONOUN_SENTENCE = lazy(r"(?:^|(?<=[.!?]\s))(?:He|She)\b[^.!?“”\"]*[.!?]\s*$")


def subject_before_pronoun_sentences(before: str) -> str | None:
    """The person a "he"/"she" of a quote stands for when the sentences right before the quote
    open on "He"/"She" and the sentence before those opens on a person's full name: "Omar
    Khalidi-Pettersen chairs the traders' committee, which says ... He asked the council ...
    "...," he said" is Omar Khalidi-Pettersen's, whoever was named before with a speech verb
    (a deputy mayor two paragraphs up was taken). None when no such sentences end ``before``
    or the sentence before them opens on no person's full name."""
    text, ran = before.rstrip(), False
    while (m := _PRONOUN_SENTENCE.search(text)) is not None and m.start() > 0:
        text, ran = text[:m.start()].rstrip(), True
    return bare_subject_before(text) if ran else None
