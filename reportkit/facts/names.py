"""Which capitalised words of an article are names ("Shell", "Codelco") and which are not
("Revenue" starting a sentence, "GDP"): the word lists and the per-article census that
:mod:`reportkit.facts.meaning` reads subjects and measures with (and its lists of words a
measure never ends on or starts with)."""

from __future__ import annotations

import re

from ..lazyre import lazy
from .label import AUX, STOP, VERBS

# Acronyms that name what is measured, not who ("LNG", "GDP").
MEASURE_ACRONYMS = frozenset("LNG GDP FDI CPI PPI PMI EBITDA M&A LPG CO2 AI EV EVs".split())
COMMON_CAPS = frozenset(
    """the a an in on at by for from since during after before last this next total oil gas net gross shares
    imports exports inflation core services comparable revenue sales cash benchmark spot average consumer
    adjusted data copper gold wind solar crude prices policymakers analysts markets futures rival separately
    however meanwhile president chief global independent port industrial thermal wage energy used gasoline
    shelter restaurants interest bullion central candy it he she they we its their state group company
    british""".split()
)
# Places and blocs written as adjectives before a measure ("U.S. crude production").
PLACES = frozenset(
    """U.S. US USA UK EU China Japan India Russia Mexico Germany France Britain Brazil Canada Italy Spain Australia
    Qatar Norway Iraq Iran Kazakhstan Vietnam Indonesia Turkey Argentina Chile Peru Colombia Nigeria Egypt Poland
    Sweden Switzerland Netherlands Ukraine Israel Korea Taiwan Singapore Malaysia Thailand Philippines Pakistan
    Venezuela Kuwait Libya Algeria Angola Oman Ireland Belgium Austria Denmark Finland Greece Portugal OPEC OPEC+
    Europe Asia Africa""".split()
) | frozenset(
    # every other country whose name is one word: a sentence may open on one written once ("Bangladesh exported
    # ..."), and a country there is whose the figure is, not a common noun that starts the sentence
    """Afghanistan Albania Andorra Armenia Azerbaijan Bahamas Bahrain Bangladesh Barbados Belarus Belize Benin
    Bhutan Bolivia Botswana Brunei Bulgaria Burundi Cambodia Cameroon Chad Comoros Croatia Cuba Cyprus Czechia
    Djibouti Dominica Ecuador Eritrea Estonia Eswatini Ethiopia Fiji Gabon Gambia Georgia Ghana Grenada Guatemala
    Guinea Guyana Haiti Honduras Hungary Iceland Jamaica Jordan Kenya Kiribati Kosovo Kyrgyzstan Laos Latvia
    Lebanon Lesotho Liberia Liechtenstein Lithuania Luxembourg Madagascar Malawi Maldives Mali Malta Mauritania
    Mauritius Micronesia Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nauru Nepal
    Nicaragua Niger Palau Panama Paraguay Romania Rwanda Samoa Senegal Serbia Seychelles Slovakia Slovenia
    Somalia Sudan Suriname Syria Tajikistan Tanzania Togo Tonga Tunisia Turkmenistan Tuvalu Uganda Uruguay
    Uzbekistan Vanuatu Yemen Zambia Zimbabwe""".split()
)
# Words a measure never ends on: they say when, how high, who or where, not what ("a 16-year high of",
# "opened to $148.3 million worldwide"); a remainder or a number word ("the rest exported at 8 cents",
# "Two of the grids ... 22%") points back at a noun said elsewhere, so it names no measure of its own.
NOT_HEADS = frozenset(
    """quarter year years week weeks month months day days high low level levels record total time today range
    period statement data survey report analysts figure number amount sum tally it this that cent
    percent term basis point points half third group company firm bank maker lender retailer grocer government
    people way start end pace part top bottom side cash earlier later trading meanwhile however separately
    weekend weekends session sessions season night morning afternoon evening little unchanged steady flat
    change changes million billion trillion thousand worldwide nationwide overseas abroad party council
    rest remainder others latter former one two three four five six seven eight nine ten eleven twelve dozen""".split()
)
# Evaluative or framing words dropped from the front of a measure.
DROP_FRONT = frozenset(
    """record benchmark stronger-than-expected weaker-than-expected better-than-expected worse-than-expected
    larger-than-usual larger-than-expected smaller-than-expected bigger-than-expected lowest highest biggest
    largest smallest all-time new fresh further another additional so-called latest current start began begin
    unsolicited rival""".split()
)
# How much of a text decides which words are names: an article is far shorter, and a
# 20 MB paste must not pay for a whole-text word census.
_NAMES_WINDOW = 200_000
_LOWER_WORD = lazy(r"\b[a-z][\w&+-]*")
_CAP_WORD = lazy(r"\b[A-Z][\w&.+'’-]*")
_POSS_END = lazy(r"['’]s?$")
# A common noun's plural ending ("Inventories", "Bookings", "Rents", "Shipments", "Wages"):
# such a word capitalised only where a sentence starts is that noun, not a name.
_PLURAL = lazy(r"[A-Z][a-z]*(?:ies|ings|ions|ments|ents|ances|ences|ices|ates|ages|ures)")
# "Chief Economist Mara Lindfors said": a capitalised run whose last word the article also writes
# alone is a person's full name, that word the surname (a firm's short name is its first word:
# "Varnholt" of "Varnholt Steel")
_FULL_NAME = lazy(r"(?<![\w'’])([A-Z][a-z]+)\s+([A-Z][a-z]+)\b(?!['’]|\s+[A-Z])")
_CAP_BEFORE = lazy(r"[A-Z][\w.'’-]*\s+\Z")


class Names:
    """Which capitalised words are names in one article."""

    def __init__(self, text: str, also: str | None = None) -> None:
        text = text[:_NAMES_WINDOW]
        # ``also`` (a headline) only tells which words the article writes in lower case
        self.lower = frozenset(_LOWER_WORD.findall(text + "\n" + also if also else text))
        inside: set[str] = set()
        seen: set[str] = set()
        repeated: set[str] = set()
        for m in _CAP_WORD.finditer(text):
            word = m.group(0)
            if m.start() > 1 and text[m.start() - 1] == " " and (text[m.start() - 2].islower() or text[m.start() - 2] in ",s&"):  # capitalised inside a sentence ("shares in Shell"): a name for sure
                inside.add(word[:-2] if word.endswith(("'s", "’s")) else word.rstrip("."))
            if word in seen:
                repeated.add(word)
            seen.add(word)
        self.inside, self.repeated = frozenset(inside), frozenset(repeated)
        self._text = text
        self._title = also or ""

    def person(self, run: str) -> bool:
        """Whether the name ``run`` ("Lindfors", "Mara Lindfors") is a person's: the article writes its
        last word after a given name ("Mara Lindfors") and also alone ("Lindfors said"). A firm's
        short name is the first word of its full one ("Varnholt" of "Varnholt Steel"), no person."""
        last = run.split()[-1]
        given = [m.start(1) for m in _FULL_NAME.finditer(self._text) if m.group(2) == last
                 and m.group(1).lower() not in COMMON_CAPS | STOP | VERBS and m.group(1) not in PLACES]
        if not given:
            return False
        for m in re.finditer(rf"\b{re.escape(last)}\b(?!['’]s)", self._text):
            if not _CAP_BEFORE.search(self._text, max(0, m.start() - 40), m.start()):
                return True  # written alone: a surname, the given name said before
        return False

    def repeated_name(self, phrase: str) -> bool:
        """Whether the capitalised ``phrase`` ("Port Ellery") is written twice or more in the article
        (its headline included): a name, though a word of it alone is a common noun ("Port")."""
        return all(w[:1].isupper() for w in phrase.split()) and \
            self._text.count(phrase) + self._title.count(phrase) >= 2

    def is_name(self, word: str) -> bool:
        core = _POSS_END.sub("", word).rstrip(".,")
        if not core[:1].isupper() or core in MEASURE_ACRONYMS:
            return False
        if core in PLACES or word in PLACES:
            return True
        low = core.lower()
        if low in COMMON_CAPS or low in STOP or low in VERBS or low in AUX:
            return False
        if _PLURAL.fullmatch(core) and core not in self.inside:
            return False  # "Inventories were down 3%": a sentence's first word, never written inside one
        return low not in self.lower
