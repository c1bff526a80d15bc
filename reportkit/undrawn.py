"""The rule for a character no installed font draws, shared by the brief and the deck.

A published sentence never shows a missing-glyph box. Instead:

* a **currency sign** becomes its ISO code (``numbers.SIGN_CODES``: "GEL 805"), nothing lost;
* a **picture** (an emoji, a flag's regional indicators, a pictograph: Unicode's symbol
  categories) is left out: it decorates a sentence, and the sentence says the same without it;
* **anything else** (a letter, a digit, a mathematical sign) becomes its compatibility form
  when a font draws that ("𝐀" is "A"), else :data:`LOST_MARK`, which tells a reader text was
  left out where it was: never a silent loss of a letter.

Each renderer applies it with its own knowledge of the fonts (``render.pdf``'s brand and fallback
faces; ``render.pptx``'s theme font and fontconfig's installed fonts: the two renderers are
independent, so the rule lives below both). Every such character is recorded (:class:`Undrawn`,
one entry per character per output), said as one build warning each (:func:`warnings`), and the
characters a reader lost (letters, not pictures or signs) are written into the output under
:data:`INFO_KEY`, where ``reportkit verify`` reads them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from .numbers import SIGN_CODES

#: what the brief prints for a run of characters (letters, digits, signs) no font draws
LOST_MARK = "[…]"
#: the name under which an output records the characters a reader lost, "U+0915 DEVANAGARI LETTER
#: KA; …" (:func:`lost_text`): the PDF's document information, the deck's custom properties; absent
#: when none was
INFO_KEY = "ReportkitUndrawn"
#: at most this many characters are named one warning each; the rest in one more line
MAX_WARNINGS = 12

# Unicode's symbol categories: "So" (emoji, pictographs, regional indicators), "Sk" (skin-tone
# modifiers) and "Me" (the keycap's enclosing mark); "Sm" (≥, ±) is a mathematical sign a
# sentence needs, "Sc" a currency sign (its ISO code, or kept as text)
_PICTURE_CATEGORIES = frozenset({"So", "Sk", "Me"})


def is_picture(ch: str) -> bool:
    """Whether ``ch`` is a picture a sentence can do without (an emoji, a flag's letter, a
    pictograph), not a letter, digit, currency or mathematical sign."""
    return ch not in SIGN_CODES and unicodedata.category(ch) in _PICTURE_CATEGORIES


def describe(ch: str) -> str:
    """``U+1F680 ROCKET``: the character's code point and Unicode name."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'UNNAMED CHARACTER')}"


@dataclass
class Undrawn:
    """The characters one brief could not draw, each with what was printed instead ("" when
    left out), in the order first met."""

    shown: dict[str, str] = field(default_factory=dict)

    def add(self, ch: str, instead: str) -> None:
        """Record that ``ch`` was printed as ``instead``."""
        self.shown.setdefault(ch, instead)

    def update(self, other: dict[str, str]) -> None:
        """Record every character of ``other`` (a drawing's own record, kept with it)."""
        for ch, instead in other.items():
            self.add(ch, instead)

    def lost(self) -> list[str]:
        """The characters a reader lost (printed as :data:`LOST_MARK`), by code point."""
        return sorted((c for c, instead in self.shown.items() if instead == LOST_MARK), key=ord)


def code_for(text: str, i: int) -> str:
    """The ISO code printed for the currency sign at ``text[i]`` that no font draws, with a space
    before a figure that follows it directly ("₾805" reads "GEL 805", not "GEL805")."""
    code = SIGN_CODES[text[i]]
    return code + " " if i + 1 < len(text) and text[i + 1].isdigit() else code


def lost_text(chars: list[str]) -> str:
    """The :data:`INFO_KEY` value for ``chars``: "U+0915 DEVANAGARI LETTER KA; …"."""
    return "; ".join(describe(c) for c in chars)


def warnings(undrawn: Undrawn, output: str) -> list[str]:
    """One warning per character ``output`` could not draw (lost letters first), by code point, naming the character
    and what was printed instead; past :data:`MAX_WARNINGS`, one line counts the rest."""
    # the letters a reader lost first: a picture left out or a sign's code matters less
    chars = sorted(undrawn.shown, key=lambda c: (undrawn.shown[c] != LOST_MARK, ord(c)))
    out = []
    for ch in chars[:MAX_WARNINGS]:
        instead = undrawn.shown[ch]
        if not instead:
            what = "left out (a picture the sentence does without)"
        elif instead == LOST_MARK:
            what = f"printed as {LOST_MARK}: install a font that has it"
        else:
            what = f'printed as "{instead.strip()}"'
        out.append(f"{output}: {describe(ch)}: no installed font draws it; {what}")
    if len(chars) > MAX_WARNINGS:
        out.append(f"{output}: {len(chars) - MAX_WARNINGS} more characters no installed font draws "
                   f"({', '.join(f'U+{ord(c):04X}' for c in chars[MAX_WARNINGS:MAX_WARNINGS + 20])}"
                   f"{', …' if len(chars) > MAX_WARNINGS + 20 else ''})")
    return out
