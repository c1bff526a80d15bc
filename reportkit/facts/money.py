"""Which currency a word that several countries' currencies share means in one document.

"Dirhams" are the UAE's or Morocco's, "pesos" Mexico's, the Philippines' or Chile's, "Rs" India's
or Pakistan's, "lei" Romania's or Moldova's. The reader (:mod:`reportkit.facts.read`) gives such a figure one default; a brief
that prints "9.4M AED" for Moroccan dirhams states a wrong currency. The document says which:
a figure elsewhere in it written with an unambiguous symbol or code ("MAD 13.9 million", "850 dh"),
or the country it is about ("Moroccan", "Karachi"). When it says neither, or points at more than
one, the figure keeps the source's own word as its unit ("9.4M dirhams"): printing less, not a guess.

A dateline's place is read only where it names a country outright ("VÂRFULENI, Romania, Feb 19"):
its city alone says nothing ("SANTIAGO DE LOS CABALLEROS, May 3" is the Dominican Republic's, not
Chile's Santiago), so the country must be one of the dateline's comma-separated parts, written whole.
"""

from __future__ import annotations

import functools
import re
from ..lazyre import lazy
from ..model import Fact

#: A shared currency word (as the source writes it, lower case) → the currencies it can be, each
#: with the words that name its country in a text. The first is the conventional reading, kept
#: when the text names no candidate's country only for the words listed in :data:`_CONVENTIONAL`.
_WEST_AFRICA = ("Senegal", "Senegalese", "Dakar", "Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire", "Ivorian", "Abidjan",
                "Mali", "Malian", "Bamako", "Burkina Faso", "Burkinabe", "Ouagadougou", "Niger", "Nigerien", "Niamey",
                "Togo", "Togolese", "Lomé", "Lome", "Benin", "Beninese", "Cotonou", "Guinea-Bissau", "Bissau",
                "BCEAO", "UEMOA", "WAEMU")
_CENTRAL_AFRICA = ("Cameroon", "Cameroonian", "Douala", "Yaoundé", "Yaounde", "Gabon", "Gabonese", "Libreville",
                   "Chad", "Chadian", "N'Djamena", "Central African Republic", "Bangui", "Republic of Congo",
                   "Republic of the Congo", "Brazzaville", "Equatorial Guinea", "Malabo", "BEAC", "CEMAC")
SHARED: dict[str, dict[str, tuple[str, ...]]] = {
    "dirhams": {"AED": ("UAE", "Emirati", "Emirates", "Dubai", "Abu Dhabi", "Sharjah"),
                "MAD": ("Morocco", "Moroccan", "Casablanca", "Rabat", "Marrakech", "Fès", "Fez", "Tangier")},
    "pesos": {"MXN": ("Mexico", "Mexican"), "PHP": ("Philippines", "Philippine", "Filipino", "Manila"),
              "CLP": ("Chile", "Chilean", "Santiago"), "COP": ("Colombia", "Colombian", "Bogotá", "Bogota"),
              "ARS": ("Argentina", "Argentine", "Buenos Aires"),
              "DOP": ("Dominican Republic", "Santo Domingo")},
    "rupees": {"INR": ("India", "Indian", "Mumbai", "Delhi", "Bengaluru"),
               "PKR": ("Pakistan", "Pakistani", "Karachi", "Lahore", "Islamabad"),
               "LKR": ("Sri Lanka", "Sri Lankan", "Colombo")},
    "dinars": {"RSD": ("Serbia", "Serbian", "Belgrade"), "KWD": ("Kuwait", "Kuwaiti"), "JOD": ("Jordan", "Jordanian"),
               "BHD": ("Bahrain", "Bahraini")},
    "shillings": {"KES": ("Kenya", "Kenyan", "Nairobi"), "UGX": ("Uganda", "Ugandan", "Kampala"),
                  "TZS": ("Tanzania", "Tanzanian", "Dar es Salaam")},
    "riyals": {"SAR": ("Saudi", "Riyadh", "Jeddah"), "QAR": ("Qatar", "Qatari", "Doha"), "OMR": ("Oman", "Omani")},
    "pounds": {"GBP": ("Britain", "British", "UK", "London", "England", "Scotland"),
               "EGP": ("Egypt", "Egyptian", "Cairo")},
    # Romania's leu and Moldova's (both plural "lei"): no conventional reading, the text says which
    "lei": {"RON": ("Romania", "Romanian", "Bucharest", "Cluj", "Timișoara", "Timisoara", "Iași", "Iasi"),
            "MDL": ("Moldova", "Moldovan", "Chișinău", "Chisinau", "Bălți", "Balti", "Tiraspol")},
    # the CFA franc is two currencies, West Africa's (XOF) and Central Africa's (XAF), one name
    "cfa francs": {"XOF": _WEST_AFRICA, "XAF": _CENTRAL_AFRICA},
    # a bare "francs": Switzerland's, either CFA franc, or one of Africa's own francs
    "francs": {"CHF": ("Switzerland", "Swiss", "Zurich", "Zürich", "Geneva", "Bern", "Basel", "Lausanne",
                       "Liechtenstein"),
               "XOF": _WEST_AFRICA, "XAF": _CENTRAL_AFRICA, "RWF": ("Rwanda", "Rwandan", "Kigali"),
               "BIF": ("Burundi", "Burundian", "Bujumbura", "Gitega"),
               "CDF": ("Democratic Republic of Congo", "Democratic Republic of the Congo", "DR Congo", "DRC",
                       "Kinshasa", "Lubumbashi"),
               "GNF": ("Guinea", "Guinean", "Conakry"), "DJF": ("Djibouti", "Djiboutian"),
               "KMF": ("Comoros", "Comorian", "Moroni"),
               "XPF": ("French Polynesia", "New Caledonia", "Tahiti", "Papeete", "Nouméa", "Noumea")},
}
SHARED["rs"] = SHARED["rs."] = SHARED["rupees"]
#: How the CFA franc is written: one key of :data:`SHARED` for all
_CFA = {"cfa franc": "cfa francs", "francs cfa": "cfa francs", "fcfa": "cfa francs", "f cfa": "cfa francs"}
#: The country words of :data:`SHARED` that name a country outright (not a city or an adjective):
#: the only ones a dateline's part is read as (see the module's text).
COUNTRIES = frozenset(w.casefold() for w in (
    "UAE", "United Arab Emirates", "Morocco", "Mexico", "Philippines", "Chile", "Colombia", "Argentina",
    "Dominican Republic", "India", "Pakistan", "Sri Lanka", "Serbia", "Kuwait", "Jordan", "Bahrain", "Kenya",
    "Uganda", "Tanzania", "Saudi Arabia", "Qatar", "Oman", "Britain", "UK", "England", "Scotland", "Egypt",
    "Romania", "Moldova", "Switzerland", "Senegal", "Ivory Coast", "Côte d'Ivoire", "Mali", "Burkina Faso", "Niger",
    "Togo", "Benin", "Guinea-Bissau", "Cameroon", "Gabon", "Chad", "Central African Republic", "Republic of Congo",
    "Equatorial Guinea", "Rwanda", "Burundi", "DR Congo", "Guinea", "Djibouti", "Comoros"))
#: Shared words whose conventional reading stands when the document names no candidate's country
#: (an English text's "pounds" are sterling, its "rupees" India's unless it says otherwise).
_CODES = frozenset(code for options in SHARED.values() for code in options)
_CONVENTIONAL = {"pounds": "GBP", "rupees": "INR", "rs": "INR", "rs.": "INR"}
_LEI = lazy(r"\blei\b", re.I)
_RON = lazy(r"\bRON\b")
_TOKEN = lazy(r"\b(dirhams|pesos|rupees|dinars|shillings|riyals|pounds|lei|cfa\ francs?|francs\ cfa|f\ ?cfa|francs)\b"
              r"|(?:^|(?<=\s))(Rs\.?)(?=\s?\d)", re.I | re.X)


def _shared_word(fact: Fact, text: str) -> str | None:
    """The shared currency word the figure is written with, or ``None`` (a symbol, a code, a
    country's adjective: "Egyptian pounds" says which). A table's cell is written with its column's
    header ("Fare: Single ride; From 1 June (lei): 6")."""
    written = fact.text
    if not _TOKEN.search(written):
        start = max(text.rfind(";", 0, fact.start), text.rfind("\n", 0, fact.start)) + 1
        header = text[start:fact.start]
        if header.rstrip().endswith(":"):
            written = header
    m = _TOKEN.search(written)
    if not m:
        return None
    before = written[: m.start()].split()
    if before and before[-1][:1].isupper() and not before[-1][:1].isdigit():
        return None  # "Egyptian pounds", "Pakistani rupees": the reader already took the country's
    word = (m.group(1) or m.group(2)).lower()
    return _CFA.get(word, word)


@functools.cache
def _places_pattern() -> re.Pattern[str]:
    """Every country word of :data:`SHARED`, as written or in a dateline's capitals ("KARACHI")."""
    words = {w for options in SHARED.values() for places in options.values() for p in places for w in (p, p.upper())}
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(words, key=len, reverse=True)))})\b")


def _named_places(text: str) -> set[str]:
    """The country words ``text`` writes (one pass over the document, however many figures ask)."""
    return {m.group(0).casefold() for m in _places_pattern().finditer(text)}


def dateline_country(dateline: str | None) -> str | None:
    """The country a dateline names outright, as one of its comma-separated parts before its date
    ("VÂRFULENI, Romania, Feb 19, 2027" → "Romania", as written); ``None`` for a city alone
    ("SANTIAGO DE LOS CABALLEROS, May 3") or a country :data:`SHARED` does not list."""
    for part in (dateline or "").split(",")[1:]:
        part = part.strip()
        if any(c.isdigit() for c in part):
            break  # the date: what follows is no place
        if part.casefold() in COUNTRIES:
            return part
    return None


def settle_shared_currencies(facts: list[Fact], text: str, dateline: str | None = None) -> None:
    """Give each figure of ``facts`` (offsets into ``text``) written in a shared currency word the
    currency its document says, or the word itself as its unit when it does not say (in place;
    see the module's text). A bare "crowns" is :mod:`reportkit.facts.crowns`'s. A ``dateline``
    counts only for the country it names outright (:func:`dateline_country`): "SANTIAGO DE LOS
    CABALLEROS" is the Dominican Republic's, not Chile's."""
    shared = {i: w for i, f in enumerate(facts)
              if f.unit in _CODES and (w := _shared_word(f, text)) and w in SHARED}  # "pounds of copper" is a weight
    # RON has no sign: a document that writes "lei" and never "RON" got every RON figure from the word,
    # a table's caption "(lei)" included (the cells under it carry no word of their own)
    if _LEI.search(text) and not _RON.search(text):
        shared.update({i: "lei" for i, f in enumerate(facts) if f.unit == "RON" and i not in shared})
    if not shared:
        return
    written = {f.unit for i, f in enumerate(facts) if i not in shared and f.unit}
    found = _named_places(text)
    country = dateline_country(dateline)
    if country:  # "Saudi Arabia" is read as the text's "Saudi" would be
        found |= _named_places(country)
    for i, word in shared.items():
        options = SHARED[word]
        by_figure = [code for code in options if code in written]
        named = [code for code, places in options.items() if any(p.casefold() in found for p in places)]
        chosen = (by_figure[0] if len(by_figure) == 1 else named[0] if len(named) == 1 and not by_figure
                  else _CONVENTIONAL.get(word) if not by_figure and not named else None)
        facts[i].unit = chosen or ("rupees" if word.startswith("rs") else "CFA francs" if word == "cfa francs" else word)
