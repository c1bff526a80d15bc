"""The pattern table of :mod:`reportkit.facts.extract`: how quantities are spelled in news text.

A quantity is ``[currency] number [range] [scale] [unit] [rate]``, found by one
number regex and then read left and right with anchored regexes (no nested
repetition, so matching is linear in the text length). Reading is in
:mod:`reportkit.facts.read`, years in :mod:`reportkit.facts.year`.

=================  ==========================================  ==========================
part               spellings                                    result
=================  ==========================================  ==========================
currency before    ``$ US$ U.S.$ A$ C$ HK$ £ € ¥ CN¥ ₹ ₽ ₩``,     ISO 4217 code (USD, GBP…)
                   ``USD EUR GBP JPY CNY RUB MXN … RMB Rs``
number             ``30,000`` ``1.8`` ``.5`` ``-0.1``; grain       float (an explicit minus
                   quotes ``$5.18-3/4`` (= 5.1875); words ``one``  is negative; "fell 3%"
                   .. ``ninety``, ``dozen``, ``fifty-five``        is 3)
fraction           ``one-third``, ``a quarter``, ``half``,          unit ``ratio``
                   ``two-fifths`` after "of"/"by"/a qualifier/verb
range              ``3-4`` ``$3-$4`` ``3 to 4`` ``between 3 and 4``  ``range=[low, high]``
                   ``8.2 billion to 8.8 billion yuan``; not after
                   a move ("rose 4 cents to $3.05", "from 3% to 4%")
scale              ``thousand k million m mn mln billion bn``      × 1e3 / 1e6 / 1e9 / 1e12,
                   ``trillion tn trn``, ``crore lakh``; ``m``/``k``  crore 1e7, lakh 1e5
                   /``b`` only after a currency or before a unit
unit after         ``% per cent percent pct`` → percent;            unit
(also hyphenated:  ``percentage points pp`` → percentage_points;
"$1.2-billion",    ``basis points bps bp`` → percentage_points
"45,000-bpd",      × 0.01 (25 bps = 0.25);
"250-megawatt")    ``p pence`` → GBP/100; ``cents`` → USD/100;
                   currency words ``dollars euros pounds yen yuan
                   roubles pesos rupees ringgit …`` and phrases
                   ``Danish crowns Swiss francs Canadian dollars``;
                   ``pounds of copper`` → pounds (weight);
                   ``barrels bbl boe tonnes tons metric tons short
                   tons troy ounces bushels cubic feet/metres``;
                   packed: ``bpd b/d mb/d kb/d mmbbl/d bcf/d
                   mmscfd boed`` (rates), ``tcf bcf bcm tcm mtpa
                   mt`` (scaled volumes);
                   ``MW GW kW megawatts gigawatts`` → megawatts,    value as written
                   gigawatts…; ``MWh TWh terawatt hours`` →         ("2 GW" = 2 gigawatts)
                   megawatt_hours, terawatt_hours…;
                   ``years months weeks days hours minutes``; ``points``
points words       ``half a percentage point``, ``quarter-point``,  percentage_points
                   ``a full percentage point``
rate               ``a/per/each day``, ``daily``, ``/d``,           ``<unit>_per_day``,
                   ``-a-day`` → ``<unit>_per_day``; ``a/per year``,  ``<unit>_per_year``;
                   ``per annum``, ``annually`` → ``_per_year``;     for money ``per``:
                   also after a conversion: ``15 bcm (530 bcf) a    barrel, share, tonne,
                   year``. Money: ``a barrel``, ``per share``,      mmbtu, megawatt_hour,
                   ``per MMBtu``, ``per megawatt hour``, ``a metric  kilowatt_hour, pound,
                   ton``, ``per lb`` → ``per`` (:data:`PER_NAMES`)   gallon, therm, …
count              a number followed by a plural noun phrase:      unit ``count``, the noun
                   ``30,000 oil wells``, ``72,000 more jobs``; a    phrase is the label
                   bare whole number after ``to by with including
                   up down than``: "fell by two to 583"
qualifier before   ``about around approximately roughly nearly     ``qualifier``
                   almost some more than over above less than
                   under below up to at least at most as much as
                   an estimated just over just under …``
=================  ==========================================  ==========================

Not facts: digits in URLs, exchange-rate notes ``($1 = 0.92 euros)``, ``[1]``
reference markers, dates (``25 July``, ``July 25``, ``2021-10-19``, ``Nov. 6-7``),
times (``10:30``, ``1400 GMT``), a year on its own (1900–2100, it ties nearby facts
to that year instead), list numbering (``1.``), numbers inside names (``COVID-19``,
``G7``, ``Boeing 737``, ``737 MAX``, ``S&P 500``, ``Part 121``, ``A320neo``), ranks
(``top 10``, ``No. 2``), ordinals (``21st``), ages (``aged 64``, ``30-year-old``),
hyphenated descriptors (``a 10-year high``, ``the two-year yield``), votes (``7-2``),
exchange rates without a currency pair (``16,250 per dollar``), and number words
counting people in prose (``two ministers``). A hyphenated duration is a fact only
before a noun like deal, agreement, contract, lease, maintenance (``a 27-year
supply deal``).
"""

from __future__ import annotations

import re

from ..lazyre import lazy

SCALES = {
    "thousand": 1e3, "k": 1e3, "hundred": 1e2, "dozen": 12.0,
    "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12, "trn": 1e12, "tr": 1e12,
    "lakh crore": 1e12, "crore": 1e7, "lakh": 1e5,  # Indian numbering: "Rs 500 crore"
}
#: Abbreviations that are only a scale after a currency or before a unit ("5m barrels").
WEAK_SCALES = frozenset({"m", "k", "b", "tr", "mil"})

CURRENCY_SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "U.S. $": "USD", "US $": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD",
    "C$": "CAD", "CA$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "R$": "BRL", "MX$": "MXN",
    "£": "GBP", "€": "EUR", "¥": "JPY", "CN¥": "CNY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY",
    "RMB": "CNY", "Rs": "INR", "Rs.": "INR",
    # the CFA franc's own abbreviation ("FCFA 21,500"): West Africa's until its document says otherwise
    # (facts.money settles it by the country the document names)
    "FCFA": "XOF", "F CFA": "XOF",
    # symbols of one currency each (Vietnam's dong, the Philippine peso, Kazakhstan's tenge, Egypt's pound,
    # Bangladesh's taka, Ghana's cedi, Nigeria's naira, Ukraine's hryvnia, Israel's shekel, Thailand's baht,
    # Kenya's and Uganda's shillings, Peru's sol, Taiwan's dollar, Indonesia's rupiah, Malaysia's ringgit)
    "₫": "VND", "₱": "PHP", "₸": "KZT", "E£": "EGP", "৳": "BDT", "Tk": "BDT", "GH₵": "GHS", "₵": "GHS",
    "₦": "NGN", "₴": "UAH", "₪": "ILS", "฿": "THB", "KSh": "KES", "Ksh": "KES", "USh": "UGX", "S/": "PEN",
    "S/.": "PEN", "NT$": "TWD", "Rp": "IDR", "RM": "MYR",
    # Georgia's lari, Paraguay's guaraní (also "Gs."), Mongolia's tögrög, Azerbaijan's manat, Tanzania's shilling
    "₾": "GEL", "₲": "PYG", "Gs.": "PYG", "Gs": "PYG", "₮": "MNT", "₼": "AZN", "TSh": "TZS",
    # Armenia's dram, Costa Rica's colón, Laos' kip, Cambodia's riel, Afghanistan's afghani
    "֏": "AMD", "₡": "CRC", "₭": "LAK", "៛": "KHR", "؋": "AFN",
    # the dollars (and pesos) a country's letters mark: a bare "$" would read them as US dollars.
    # "B$" (Bahamas or Brunei) and "BD$" (Bermuda or Barbados) name two and stay out
    "J$": "JMD", "F$": "FJD", "FJ$": "FJD", "TT$": "TTD", "EC$": "XCD",
    "BZ$": "BZD", "Bds$": "BBD", "CI$": "KYD", "SI$": "SBD", "WS$": "WST", "RD$": "DOP",
    "G$": "GYD", "GY$": "GYD", "L$": "LRD", "N$": "NAD", "T$": "TOP", "Z$": "ZWL",
    "Mex$": "MXN", "Col$": "COP", "MOP$": "MOP",
}
#: the prefixed dollars above as a regex alternation (before "[ACSR]$" and "$", which they end with)
_LETTER_DOLLARS = r"Bds\$|MOP\$|Mex\$|Col\$|TT\$|EC\$|BZ\$|CI\$|SI\$|WS\$|RD\$|GY\$|FJ\$|[JFGLNTZ]\$"
#: Every ISO 4217 currency code in use ("KGS 1.83 billion", "NPR 3,540 million"), less those that are
#: also an English word or a company's name in capitals and so may stand before a number without
#: being money ("TOP 10", "ALL 27 members", "AMD 2025 revenue", "SOS", "CUP", "MOP") and the metals
#: and test codes (XAU, XAG, XPT, XPD, XTS, XXX). A code names one currency: no guess is needed.
CURRENCY_CODES = frozenset(
    "USD EUR GBP JPY CNY RUB MXN INR CHF CAD AUD BRL SAR AED NOK SEK DKK KRW TRY ZAR NGN HKD SGD NZD "
    "PLN IDR MYR THB ILS EGP KWD QAR ARS CLP COP PEN CZK ISK HUF RON VND PHP KZT MAD PKR BDT GHS KES UGX TZS "
    "LKR RSD UAH TWD OMR BHD JOD GEL PYG MNT AZN BOB "
    # the rest of ISO 4217's active codes
    "AFN ANG AOA AWG BAM BBD BGN BIF BMD BND BSD BTN BWP BYN BZD CDF CRC CVE DJF DOP DZD ERN ETB FJD FKP GIP "
    "GMD GNF GTQ GYD HNL HTG IQD IRR JMD KGS KHR KMF KPW KYD LAK LBP LRD LSL LYD MDL MGA MKD MMK MRU MUR "
    "MVR MWK MZN NAD NIO NPR PAB PGK RWF SBD SCR SDG SHP SLE SLL SRD SSP STN SVC SYP SZL TJS TMT TND TTD "
    "UYU UZS VES VUV WST XAF XCD XOF XPF YER ZMW ZWL".split()
)
#: The codes as a regex alternation, longest first (a code written before or after a figure).
_CODES = "|".join(sorted(CURRENCY_CODES))
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "pound": "GBP",
    "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "roubles": "RUB", "rubles": "RUB",
    "rouble": "RUB", "ruble": "RUB", "pesos": "MXN", "peso": "MXN", "rupees": "INR", "rupee": "INR",
    "riyals": "SAR", "dirhams": "AED", "lira": "TRY", "reais": "BRL", "rand": "ZAR", "naira": "NGN",
    "won": "KRW", "francs": "CHF", "ringgit": "MYR", "baht": "THB", "rupiah": "IDR", "zloty": "PLN",
    "zlotys": "PLN", "crowns": "SEK", "kronor": "SEK", "kroner": "NOK", "shekels": "ILS",
    # Hungary's forint ("Ft" after the figure), Romania's leu (plural lei), Iceland's króna (krónur)
    "forints": "HUF", "forint": "HUF", "ft": "HUF", "lei": "RON", "krónur": "ISK", "kronur": "ISK",
    "dong": "VND", "tenge": "KZT", "taka": "BDT", "cedis": "GHS", "soles": "PEN", "hryvnias": "UAH",
    # Bolivia's boliviano, Paraguay's guaraní, Georgia's lari, Mongolia's tögrög: one country's each
    "bolivianos": "BOB", "boliviano": "BOB", "guaraníes": "PYG", "guaranies": "PYG", "guaranís": "PYG",
    "lari": "GEL", "tugriks": "MNT", "tugrik": "MNT",
    "colones": "CRC",  # Costa Rica's colón (the plural only: "colon" is an English word)
    # one country's each: Honduras' lempira, Guatemala's quetzal, Nicaragua's córdoba, Ethiopia's birr,
    # Madagascar's ariary, Mozambique's metical, Cambodia's riel, Laos' kip, Angola's kwanza, Albania's lek
    "lempiras": "HNL", "lempira": "HNL", "quetzales": "GTQ", "quetzals": "GTQ", "quetzal": "GTQ",
    "córdobas": "NIO", "cordobas": "NIO", "birr": "ETB", "ariary": "MGA", "meticais": "MZN", "metical": "MZN",
    "riels": "KHR", "riel": "KHR", "kip": "LAK", "kwanzas": "AOA", "leke": "ALL", "lekë": "ALL",
    "dh": "MAD",  # the Moroccan dirham's own abbreviation ("850 dh"); the UAE's is "Dhs"/"AED"
    # words several countries' currencies share: facts.money reads which one from the document
    "dinars": "RSD", "shillings": "KES",
}

# Number words (cardinals) and fractions.
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "a dozen": 12,
    "hundreds": 100, "a thousand": 1000, "thousands": 1000,
}
FRACTIONS = {
    "half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "sixth": 1 / 6, "eighth": 0.125, "tenth": 0.1,
}
_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "nine": 9}

_FRACTION = (r"(?:(?:a|an|one|two|three|four|five|seven|nine)[- ](?:half|third|quarter|fifth|sixth|eighth|tenth)s?|half"
             r"|quarter(?=[- ]point))")
_WORDNUM = (
    r"(?:a\ hundred|a\ dozen|a\ thousand|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
)

#: Where a quantity can start: digits, a fraction, or a number word.
NUMBER = lazy(
    r"(?P<digits>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
    rf"|\b(?P<fraction>{_FRACTION})\b"
    rf"|\b(?P<word>{_WORDNUM})\b"
    r"|\b(?P<fullpoint>full\ percentage[\ -]point)\b",
    re.IGNORECASE | re.VERBOSE,
)

#: Currency written just before the number (searched in a short slice ending at the number).
CURRENCY_BEFORE = lazy(
    r"(?P<cur>U\.S\.\ ?\$|US\ ?\$|AU\$|CA\$|HK\$|NZ\$|MX\$|NT\$|CN¥|"
    rf"{_LETTER_DOLLARS}|"
    r"[ACSR]\$|\$|E£|£|€|¥|₹|₽|₩|₺|RMB|Rs\.?|"
    r"₫|₱|₸|৳|GH₵|₵|₦|₴|₪|฿|KSh|Ksh|USh|TSh|S/\.?|Rp|RM|Tk|₾|₲|Gs\.?|₮|₼|֏|₡|₭|៛|؋|FCFA|F\ CFA|"
    rf"(?:{_CODES}))"
    r"\ ?\Z",
    re.VERBOSE,
)

_CUR_INNER = rf"(?:U\.S\.\ ?\$|US\ ?\$|{_LETTER_DOLLARS}|[ACSR]\$|\$|E£|£|€|¥|₹|₽|₫|₱|₸|৳|₦|₪|฿|₾|₲|₮|₼|֏|₡|₭|៛|؋)"
_NUM_INNER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"

_SCALE = r"trillion|billion|million|thousand|hundred|lakh\ crore|crore|lakh|bln|mln|mil|trn|tn|tr|bn|mn|m|k|b"

_UNIT = rf"""
    (?P<pct>%|\ ?per\ ?cent(?:age[\ -]points?)?|\ ?percent(?:age[\ -]points?)?|\ ?pct|\ ?percentage[\ -]points?|\ ?pp|\ ?ppts?)
  | [\ -]?(?P<bps>basis[\ -]points?|bps|bp)
  | (?P<pence>p|\ pence)
  | \ (?P<cents>(?:US\ |[Ee]uro\ )?cents?)
  | \ (?P<curword>(?:Danish|Swedish|Norwegian|Czech|Icelandic)\ (?:crowns|kroner|kronor|korun[ay])|Swiss\ francs?|
        (?:Hong\ Kong|Singapore|Australian|Canadian|New\ Zealand|Taiwan|U\.S\.|US)\ dollars?|Egyptian\ pounds|
        (?:Indian|Pakistani|Sri\ Lankan)\ rupees|(?:Mexican|Argentine|Chilean|Colombian|Philippine)\ pesos|
        (?:South\ African\ )rand|Brazilian\ reais|Saudi\ riyals|Turkish\ lira|Chinese\ yuan|Japanese\ yen|
        Russian\ roubles|CFA\ francs?|francs\ CFA|F\ ?CFA\b|(?:Rwandan|Burundian|Congolese|Guinean|Djiboutian|Comorian)\ francs?|
        lempiras?|quetzal(?:es|s)?|c[oó]rdobas|birr|ariary|meticais|metical|riels?|kip|kwanzas|lek[eë]|
        dollars?|euros?|pounds(?:\ sterling)?|sterling|yen|yuan|renminbi|roubles?|rubles?|pesos?|rupees?|riyals|dirhams|lira|reais|rand|naira|won|francs|ringgit|baht|rupiah|zlotys?|crowns|kronor|kroner|shekels|forints?|lei|krónur|kronur|Ft\b|
        dong|tenge|taka|cedis|soles|hryvnias|dinars|shillings|dh\b|bolivianos?|guaran[ií]es|guaranís|lari|tugriks?|colones)
  | \ (?P<curcode>{_CODES})
  | [\ -]?(?P<packed>(?i:mmscfd|mmscf/d|mmcfd|mmtpa|kbd|tcm|mmbbl/d|mmb/d|mbbl/d|mb/d|kb/d|kbpd|mbpd|bbl/d|boe/d|boepd|boed|bpd|b/d|bcf/d|bcfd|mmcf/d|bcm/y|bcm|tcf|bcf|mmcf|mcm|mtpa|mt/y|mmt|mt))
  | [\ -](?P<measure>(?:cubic\ (?:feet|foot|metres?|meters?))|barrels?(?:\ of\ oil\ equivalent|\ of\ oil|\ of\ crude(?:\ oil)?)?|bbl|boe|short\ tons|(?:metric\ )?tonnes?|(?:metric\ )?tons?|(?:fine\ )?(?:troy\ )?ounces|oz|bushels?)
  | [\ -]?(?P<power>MWh|GWh|TWh|kWh|MW|GW|kW|TW|(?:kilo|mega|giga|tera)watt[\ -]hours?|(?:kilo|mega|giga|tera)watts?)
  | [\ -](?P<duration>years?|months?|weeks?|days?|hours?|minutes?)
  | \ (?P<points>points?)
"""

_RATE = r"""
    [\ -](?:a|an|per|each)[\ -](?P<per>day|year|annum|month|week|quarter|barrel|(?:dry\ )?metric\ ton(?:ne)?|tonne|ton|share|
        (?i:mmbtu)|million\ British\ thermal\ units|ounce|gallon|litre|liter|megawatt[\ -]hour|kilowatt[\ -]hour|
        MWh|kWh|therm|watt|vehicle|container|TEU|passenger|household|car|bushel|acre|hour|head|person|capita|unit|kilogram|kilo|kg|
        cubic\ metre|cubic\ meter|thousand\ cubic\ feet|mcf|Mcf|pound|lb|bbl)
  | \ ?/\ ?(?P<per_s>d|day|y|yr|year|t|tonne|bbl|barrel|share|(?i:mmbtu)|MWh|kWh|oz|kg|lb)
  | \ (?P<adv>daily|annually|yearly|monthly|per\ annum)
"""

_TAIL_BODY = rf"""
    (?:[\ -]?(?P<scale>{_SCALE})(?![A-Za-z]))?
    (?:(?:{_UNIT})(?![A-Za-z0-9]))?
    (?:(?:{_RATE})(?![A-Za-z]))?
"""
#: Read right after the number: optional range, scale, unit and rate (each at most once).
TAIL = lazy(rf"(?P<range>(?:\ ?[-–—]\ ?|\ to\ )(?P<cur2>{_CUR_INNER})?(?P<num2>{_NUM_INNER}))?" + _TAIL_BODY, re.VERBOSE)
#: The same without a range ("rose from 3 to 4 percent" is two figures, not a range).
TAIL_NO_RANGE = lazy(_TAIL_BODY, re.VERBOSE)
#: Second half of a spelled-out range: " and $4 billion" after "between $3 billion".
RANGE_AND = lazy(rf"\ (?:and|to)\ (?P<cur2>{_CUR_INNER})?(?P<num2>{_NUM_INNER})(?:\ ?(?P<scale2>{_SCALE})(?![A-Za-z]))?", re.X)

MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
# month names as written and in capitals ("19 JANUARY 2027" in a dateline or a kicker: a date, no figure)
_MONTH_NAMES = ("January February March April May June July August September October November December "
                "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec").split()
_MONTH_ALT = "|".join(_MONTH_NAMES + [m.upper() for m in _MONTH_NAMES])
MONTH_AFTER = lazy(rf"\ ?(?:st|nd|rd|th)?\ (?:of\ )?(?:{_MONTH_ALT})\b", re.VERBOSE)
MONTH_BEFORE = lazy(rf"(?:{_MONTH_ALT})\.?\ \Z")
YEAR = lazy(r"(?<![\d.,$£€¥/])(?:FY ?|H[12] |Q[1-4] )?(?P<y>19[0-9]\d|20\d\d|2100)(?!\d|,\d|%|\.\d|s\b)")
URL = lazy(r"(?:https?://|www\.)\S+")
#: Exchange-rate notes that close wire stories: "($1 = 0.9200 euros)", "(£1 = $1.2700)".
FX_NOTE = lazy(r"\((?:US\$|[$£€¥])\ ?1\ ?=\ ?[^()\n]{1,40}\)")


CURRENCY_PHRASES = {
    "danish": "DKK", "swedish": "SEK", "norwegian": "NOK", "czech": "CZK", "icelandic": "ISK", "swiss": "CHF",
    "hong kong": "HKD", "singapore": "SGD", "australian": "AUD", "canadian": "CAD", "new zealand": "NZD",
    "taiwan": "TWD", "u.s.": "USD", "us": "USD", "egyptian": "EGP", "indian": "INR", "pakistani": "PKR",
    "sri lankan": "LKR", "mexican": "MXN", "argentine": "ARS", "chilean": "CLP", "colombian": "COP",
    "philippine": "PHP", "south african": "ZAR", "brazilian": "BRL", "saudi": "SAR", "turkish": "TRY",
    "chinese": "CNY", "japanese": "JPY", "russian": "RUB",
    # a franc named by its country or zone; a bare "francs" (CURRENCY_WORDS) is settled by the document
    "cfa": "XOF", "rwandan": "RWF", "burundian": "BIF", "congolese": "CDF", "guinean": "GNF", "djiboutian": "DJF",
    "comorian": "KMF",
}
#: Currencies written as a phrase whose first word is not an adjective ("francs CFA", "F CFA")
_PHRASE_WORDS = {"francs cfa": "XOF", "fcfa": "XOF", "f cfa": "XOF"}


def currency_code(symbol: str) -> str:
    """ISO 4217 code for a currency symbol, code or word ("Danish crowns" → DKK)."""
    s = symbol.strip()
    adjective = s.lower().rsplit(" ", 1)[0] if " " in s else ""
    if adjective in CURRENCY_PHRASES:
        return CURRENCY_PHRASES[adjective]
    if s in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[s]
    if s.replace(" ", "") in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[s.replace(" ", "")]
    if s.upper() in CURRENCY_CODES:
        return s.upper()
    if s.lower() in _PHRASE_WORDS:
        return _PHRASE_WORDS[s.lower()]
    return CURRENCY_WORDS.get(s.lower().split()[0], "USD")


def fraction_value(text: str) -> float:
    """Value of "one-third", "a quarter", "two-thirds", "half"."""
    words = re.split(r"[- ]", text.lower())
    if words == ["half"]:
        return 0.5
    num = _NUMERATORS.get(words[0], 1)
    return num * FRACTIONS[words[-1].rstrip("s")]


def word_value(text: str) -> float:
    """Value of a number word ("three", "twenty-five", "a dozen")."""
    t = text.lower()
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    parts = re.split(r"[- ]", t)
    return float(sum(NUMBER_WORDS.get(p, 0) for p in parts))


# Unit tables used when reading a quantity: packed abbreviations (multiplier, unit),
# power units, rate periods, and nouns that are units rather than counted things.
PACKED = {  # keys lower-case: the pattern matches them case-insensitively ("Mtpa", "MMbbl/d")
    "mmbbl/d": (1e6, "barrels_per_day"), "mmb/d": (1e6, "barrels_per_day"), "mb/d": (1e6, "barrels_per_day"),
    "mbpd": (1e6, "barrels_per_day"), "mbbl/d": (1e3, "barrels_per_day"), "kb/d": (1e3, "barrels_per_day"),
    "kbpd": (1e3, "barrels_per_day"), "bbl/d": (1.0, "barrels_per_day"), "bpd": (1.0, "barrels_per_day"),
    "b/d": (1.0, "barrels_per_day"), "boe/d": (1.0, "boe_per_day"), "boepd": (1.0, "boe_per_day"),
    "boed": (1.0, "boe_per_day"), "bcf/d": (1e9, "cubic_feet_per_day"), "bcfd": (1e9, "cubic_feet_per_day"),
    "mmcf/d": (1e6, "cubic_feet_per_day"), "bcm/y": (1e9, "cubic_metres_per_year"), "bcm": (1e9, "cubic_metres"),
    "tcf": (1e12, "cubic_feet"), "bcf": (1e9, "cubic_feet"), "mmcf": (1e6, "cubic_feet"),
    "mcm": (1e6, "cubic_metres"), "mtpa": (1e6, "tonnes_per_year"), "mt/y": (1e6, "tonnes_per_year"),
    "mmt": (1e6, "tonnes"), "mt": (1e6, "tonnes"), "mmtpa": (1e6, "tonnes_per_year"), "kbd": (1e3, "barrels_per_day"),
    "mmscfd": (1e6, "cubic_feet_per_day"), "mmscf/d": (1e6, "cubic_feet_per_day"), "mmcfd": (1e6, "cubic_feet_per_day"),
    "tcm": (1e12, "cubic_metres"),
}
#: Power and energy keep the prefix in the unit and the number as written: "2 GW" is 2 gigawatts.
POWER_PREFIX = {"k": "kilo", "m": "mega", "g": "giga", "t": "tera"}


def power_unit(text: str) -> str:
    """``MW`` → megawatts, ``GWh``/``gigawatt hours`` → gigawatt_hours."""
    t = text.replace("-", " ")
    prefix = POWER_PREFIX[t[0].lower()]
    hours = t.endswith(("h", "hour", "hours"))
    return f"{prefix}watt_hours" if hours else f"{prefix}watts"


PERIODS = {"day": "day", "d": "day", "daily": "day", "year": "year", "yr": "year", "y": "year",
            "annum": "year", "annually": "year", "yearly": "year", "per annum": "year", "month": "month",
            "monthly": "month", "week": "week", "quarter": "quarter"}
#: Denominators of money rates, canonical: "$47 a barrel" → per="barrel", "£58 per MWh" → "megawatt_hour".
PER_NAMES = {
    "bbl": "barrel", "metric ton": "tonne", "metric tonne": "tonne", "dry metric ton": "tonne", "dry metric tonne": "tonne", "ton": "tonne", "t": "tonne", "mmbtu": "mmbtu",
    "million british thermal units": "mmbtu", "megawatt hour": "megawatt_hour", "megawatt-hour": "megawatt_hour",
    "mwh": "megawatt_hour", "kilowatt hour": "kilowatt_hour", "kilowatt-hour": "kilowatt_hour",
    "kwh": "kilowatt_hour", "lb": "pound", "oz": "ounce", "liter": "litre", "capita": "person", "kg": "kilogram", "kilo": "kilogram",
    "mcf": "thousand_cubic_feet", "thousand cubic feet": "thousand_cubic_feet", "cubic meter": "cubic_metre",
    "cubic metre": "cubic_metre", "car": "vehicle",
}


def per_name(word: str) -> str:
    """Canonical denominator of a rate ("MWh" → "megawatt_hour", "per lb" → "pound")."""
    w = word.lower()
    return PER_NAMES.get(w, w.replace(" ", "_"))


MEASURE_UNITS = ("barrels", "boe", "tonnes", "pounds", "cubic_feet", "cubic_metres", "ounces", "bushels", "short_tons",
                 "kilowatt_hours", "megawatt_hours", "gigawatt_hours", "terawatt_hours")
DISTANCE = {"kilometres": "kilometres", "kilometers": "kilometres", "km": "kilometres", "miles": "miles",
             "metres": "metres", "meters": "metres", "hectares": "hectares", "ha": "hectares", "acres": "acres",
             "litres": "litres", "liters": "litres", "hectolitres": "hectolitres", "hectoliters": "hectolitres",
             "gallons": "gallons", "millimetres": "millimetres",
             "millimeters": "millimetres", "mm": "millimetres", "centimetres": "centimetres",
             "centimeters": "centimetres", "cm": "centimetres", "degrees": "degrees"}
IRREGULAR = frozenset("people staff personnel children men women aircraft cattle police crew employees".split())
# a time word after a noun that names who spends it is a counted unit ("skier days", "person hours")
COMPOUND_TIME = frozenset("days hours weeks nights".split())
# words before a time word that make it a span, not a counted unit ("half hours", "working days")
NOT_SPENDERS = frozenset("half quarter full whole working trading business calendar school more fewer extra additional".split())
NOT_COUNTED = frozenset("times percent per others ones years months weeks days hours minutes".split())
#: Words after a number that make it a model name, not a count ("737 MAX jets").
MODEL_WORDS = frozenset("max neo dreamliner dreamliners".split())
