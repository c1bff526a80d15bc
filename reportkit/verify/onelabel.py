"""One label, one value: two figures of one built file never carry the same label for different values.

"182M / Passengers, 2026" in the key figures and "1.46M / Passengers, 2026" in a story (one city's
metro, another company's ferries) read as one measure that has two values; one of them is misread
whatever the reader picks. A movement and its level ("+6.4%" and "182M" under "Passengers, 2026")
are two kinds of figure and may share a label; a figure printed twice (in the key figures and in its
story) is one value. Read from the figures :mod:`.printed` finds on the pages.
"""

from __future__ import annotations

from ..lazyre import lazy
from .printed import Printed

# the qualifier words a figure is printed with ("an average of +35%", "about −12%"): not its value
_LEAD = lazy(r"^(?:[a-z]+\s+)+")


def _value(shown: str) -> str:
    """The printed number without its qualifier, one line ("an average of +35%" -> "+35%")."""
    return _LEAD.sub("", " ".join(shown.split()))


def _kind(value: str) -> str:
    """A movement or a level, and of money, a rate or a quantity: "€38 / Passengers" beside "2.4M / Passengers"
    is a badly named fare, not a second count of passengers (the words check of :mod:`.labels` reads it)."""
    move = "movement" if value[:1] in "+−-" else "level"
    what = "rate" if value.endswith(("%", "pp", "bp")) else "money" if _MONEY.search(value) else "quantity"
    return f"{move} {what}"


# a currency sign, or a code after the number ("2.87B CZK", "$412/tonne")
_MONEY = lazy(r"[$£€¥₹₽₩₺₱₫₦₴₪₲₮₾]|\d[KMBT]?\s[A-Z]{3}")


def label_clashes(printed: list[Printed]) -> list[str]:
    """One line per label that two figures of ``printed`` (one file's) carry for different values of
    one kind: where and which values."""
    seen: dict[tuple[str, str], dict[str, str]] = {}
    labels: dict[tuple[str, str], str] = {}
    for p in printed:
        if p.kind != "figure" or not p.label.strip():
            continue
        value = _value(p.shown)
        key = (" ".join(p.label.lower().split()), _kind(value))
        labels.setdefault(key, " ".join(p.label.split()))
        seen.setdefault(key, {}).setdefault(value, p.where)
    out = []
    for key, values in seen.items():
        if len(values) > 1:
            said = ", ".join(f"{v} ({where})" for v, where in values.items())
            first = next(iter(values.values()))
            out.append(f"{first}: figure label {labels[key]!r} is printed for different values: {said}: "
                       "one label must name one measure")
    return out
