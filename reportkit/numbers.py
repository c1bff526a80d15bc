"""Numbers formatted for readers: ``$86.4M``, ``72%``, ``1.8M b/d``, ``30,000``.

One place for display formatting, shared by key figures, charts and the deck.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CURRENCY_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥", "CNY": "¥", "INR": "₹", "RUB": "₽"}
#: Currency signs of one character and the ISO code printed in their place when no font at hand
#: draws the sign (a box in a published figure is junk; the code says the same thing). A sign
#: several currencies share ($, ¥, £) needs no entry: every font has it.
SIGN_CODES = {
    "₾": "GEL", "₲": "PYG", "₮": "MNT", "₼": "AZN", "₡": "CRC", "₭": "LAK", "\u20c0": "KGS", "₸": "KZT",
    "₫": "VND", "₱": "PHP", "৳": "BDT", "₵": "GHS", "₦": "NGN", "₴": "UAH", "₪": "ILS", "฿": "THB",
    "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "€": "EUR", "£": "GBP", "¥": "JPY",
    "֏": "AMD", "៛": "KHR", "؋": "AFN",
}
UNIT_SUFFIXES = {
    "barrels_per_day": " b/d",
    "barrels": " bbl",
    "tonnes": " t",
    "tonnes_per_year": " t/yr",
    "cubic_feet": " cu ft",
    "cubic_metres": " m³",
    "years": " years",
    "months": " months",
    "days": " days",
    "percentage_points": " pp",
}
_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))


def _trim(x: float, digits: int = 1) -> str:
    # rounded as the number is written, half up: 13,950 million is "14B" (13.95 is 13.9499... in
    # binary, which a float's own rounding printed "13.9B", a figure no reader gets from the source)
    text = f"{Decimal(repr(x)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP):,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def compact(value: float, min_scale: float = 1e6, digits: int | None = None) -> str:
    """``86400000 -> '86.4M'``; values below ``min_scale`` keep thousands separators.
    ``digits``: at least this many decimals where the value has them (a source's precision)."""
    for scale, suffix in _SCALES:
        if abs(value) >= scale and scale >= min_scale:
            scaled = value / scale
            # two decimals under 10 (3.12B), one above (86.4M): what readers expect
            return _trim(scaled, max(2 if abs(scaled) < 10 else 1, digits or 0)) + suffix
    if float(value).is_integer():
        return f"{int(value):,}"
    return _trim(value, max(2, digits or 0))


#: how a rate's denominator is written after "/" ("$58.87/MWh", not "/megawatt_hour")
PER_LABELS = {"megawatt_hour": "MWh", "kilowatt_hour": "kWh", "gigawatt_hour": "GWh", "mmbtu": "mmBtu",
              "barrel": "barrel", "tonne": "tonne", "ounce": "oz", "share": "share"}


def per_label(per: str) -> str:
    """The denominator of a money rate as a reader writes it."""
    return PER_LABELS.get(per, per.replace("_", " "))


def exact_digits(value: float) -> int:
    """Decimals that print ``value`` as the source wrote it when it was written in a smaller
    unit or as a fraction ("7-1/4 cents" is $0.0725, not $0.07; "34.4 cents" $0.344; at most
    4); none for a value large enough to be printed with a scale ("$169.59 billion")."""
    if abs(value) >= 1e6:
        return 0
    return next((n for n in range(5) if abs(value - round(value, n)) <= 1e-9 * max(1.0, abs(value))), 4)


def _money(value: float, digits: int | None) -> str:
    """An amount below a million with a fractional part, in cents at least ("$10.90", not
    "$10.9": "$10.90" is how the source and every reader write a price), exactly as written."""
    text = f"{value:,.{max(2, digits or 0, exact_digits(value))}f}"
    whole, _, frac = text.partition(".")
    return f"{whole}.{frac[:2]}{frac[2:].rstrip('0')}"


def format_value(value: float, unit: str, per: str | None = None, digits: int | None = None) -> str:
    """A value with its unit as a reader expects it; ``digits`` keeps a source's decimals
    ("5.25 per cent" is 5.25%, not 5.2%)."""
    if unit in CURRENCY_SYMBOLS or (len(unit) == 3 and unit.isupper()):
        symbol = CURRENCY_SYMBOLS.get(unit)
        size = abs(value)
        body = compact(size, digits=digits) if size >= 1e6 or float(size).is_integer() else _money(size, digits)
        minus = "-" if value < 0 else ""  # before the symbol: "-$2.50", never "$-2.50"
        text = f"{minus}{symbol}{body}" if symbol else f"{minus}{body} {unit}"
        return f"{text}/{per_label(per)}" if per else text
    if unit == "percent":
        return _trim(value, max(1, digits or 0)) + "%"
    if unit == "ratio":
        for frac, word in ((1 / 3, "one-third"), (2 / 3, "two-thirds"), (0.25, "a quarter"), (0.5, "half"),
                           (0.75, "three-quarters"), (0.2, "a fifth")):
            if abs(value - frac) < 0.001:
                return word
        return _trim(value * 100) + "%"
    if unit == "count":
        return compact(value, min_scale=1e6, digits=digits)
    suffix = UNIT_SUFFIXES.get(unit, f" {unit.replace('_', ' ')}" if unit else "")
    if unit in ("years", "months", "weeks", "days", "hours", "minutes") and value == 1:
        suffix = suffix[:-1]
    if per and unit not in ("count", "ratio", "percentage_points", "points"):
        suffix += f"/{per_label(per)}"  # "16.5 t/hectare": a yield printed as "16.5 t" reads as a harvest
    return compact(value, digits=digits) + suffix
