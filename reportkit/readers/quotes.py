"""Quotes and their speakers: “We are ready,” Tsivilev said. / Tsivilev said: "We are ready."

A paragraph is a quote when quoted words make up most of it and an attribution
(name + speech verb, either order) surrounds them. A bare surname is completed
from the preceding paragraphs ("Russian Energy Minister Sergei Tsivilev" makes
"Tsivilev" into "Sergei Tsivilev"); "he said" takes the previous speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lazyre import lazy

_VERB = (
    r"(?:said|says|added|adds|told\s+[\w ]{1,30}?|noted|notes|explained|stated|wrote|warned|argued|"
    r"commented|continued|insisted|stressed|emphasised|emphasized|remarked|observed|declared|announced)"
)
_NAME = r"(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’-]+"
_PRONOUN = r"(?:he|she|they|He|She|They)"
_OPEN = "“\"«"
_CLOSE = {"“": "”", '"': '"', "«": "»"}

# Attribution after the quote: ', Tsivilev said.' / ' said Sergei Tsivilev, energy minister.'
_TAIL_NAME_FIRST = lazy(rf"\s*,?\s*(?P<name>{_NAME}|{_PRONOUN})\s+{_VERB}\b[^\n]{{0,160}}")
_TAIL_VERB_FIRST = lazy(rf"\s*,?\s*{_VERB}\s+(?P<name>{_NAME})\b[^\n]{{0,160}}")
# "— Fatih Birol, IEA head" after a block quote
_DASH_NAME = lazy(rf"\s*[—–-]{{1,2}}\s*(?P<name>{_NAME})(?:,[^\n]{{0,80}})?\s*\Z")
# Attribution before the quote: 'Tsivilev said: "..."'
_HEAD = lazy(rf"(?P<name>{_NAME}|{_PRONOUN})\s+{_VERB}\s*[:,]?\s*$")

_TITLE_WORDS = frozenset(
    "Minister President Prime Secretary Chief Executive Officer CEO CFO Director Governor Ambassador Senator "
    "Mr Mrs Ms Dr Prof General Deputy Vice Chairman Chairwoman Chair Spokesman Spokeswoman Spokesperson "
    "Analyst Head Energy Foreign Finance Economy Trade Oil Gas Commissioner Mayor King Queen Prince "
    "Russian Mexican American Chinese British Saudi Said The A An Former Acting Senior Lead".split()
)


@dataclass
class Quote:
    """Quoted words (without quote marks) and who said them."""

    text: str
    speaker: str | None


def full_name(name: str, context: list[str]) -> str:
    """Complete a bare surname from earlier text ("Tsivilev" -> "Sergei Tsivilev")."""
    words = name.split()
    if len(words) > 1:
        # "Russian Energy Minister Sergei Tsivilev" -> "Sergei Tsivilev"
        cut = max((i + 1 for i, w in enumerate(words[:-1]) if w.rstrip(".") in _TITLE_WORDS), default=0)
        rest = words[cut:]
        return " ".join(rest) if len(rest) > 1 else full_name(rest[0], context)
    pattern = re.compile(rf"((?:[A-Z][\w'’-]+\s+){{1,4}}){re.escape(name)}\b")
    for text in reversed(context):
        for m in reversed(list(pattern.finditer(text))):
            words = m.group(1).split()
            given: list[str] = []
            for w in reversed(words):
                if w.rstrip(".") in _TITLE_WORDS or len(given) == 2:
                    break
                given.insert(0, w)
            if given:
                return " ".join(given + [name])
    return name


def _clean_quote(text: str) -> str:
    text = text.strip()
    # '..., as well,”' -> the attribution comma belongs to the sentence around the quote
    if text.endswith(","):
        text = text[:-1].rstrip() + "."
    return text


def _speaker(name: str, context: list[str], last: str | None) -> str | None:
    if re.fullmatch(_PRONOUN, name):
        return last
    return full_name(name, context)


def find_quote(text: str, context: list[str], last_speaker: str | None, block_quote: bool = False) -> Quote | None:
    """The quote a paragraph consists of, or ``None`` if it is ordinary prose.

    ``context`` holds the preceding paragraphs (for full names); ``block_quote``
    says the text is already known to be a quotation (Markdown ``>``), so only the
    speaker is looked for.
    """
    s = text.strip()
    if len(s) < 3 or len(s) > 5000:
        return None
    if s[0] in _OPEN:
        close = _CLOSE[s[0]]
        end = s.rfind(close, 1)
        if end > 0:
            inner, tail = s[1:end], s[end + 1 :]
            if len(inner) >= 0.5 * len(s):
                for pat in (_TAIL_NAME_FIRST, _TAIL_VERB_FIRST):
                    m = pat.fullmatch(tail)
                    if m:
                        return Quote(_clean_quote(inner), _speaker(m.group("name"), context, last_speaker))
                dash = _DASH_NAME.fullmatch(tail)
                if dash:
                    return Quote(_clean_quote(inner), _speaker(dash.group("name"), context, last_speaker))
                if not tail.strip(" .") or block_quote:
                    return Quote(_clean_quote(inner), None)
    # Attribution first: 'Tsivilev said: “We are ready.”'
    for opener in _OPEN:
        i = s.find(opener)
        if 0 < i <= 120 and s.endswith((_CLOSE[opener], _CLOSE[opener] + ".")):
            end = s.rfind(_CLOSE[opener])
            inner = s[i + 1 : end]
            m = _HEAD.search(s[:i])
            if m and m.start() == 0 and len(inner) >= 0.5 * len(s):
                return Quote(_clean_quote(inner), _speaker(m.group("name"), context, last_speaker))
    if block_quote:
        # Markdown block quote ending in "— Name" / "- Name, title"
        m = _DASH_NAME.search(s)
        if m and m.start() > 0:
            return Quote(s[: m.start()].strip().strip(_OPEN + "”»"), _speaker(m.group("name"), context, last_speaker))
        return Quote(s.strip(_OPEN + "”»"), None)
    return None
