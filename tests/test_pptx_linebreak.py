"""The deck's line breaking by running sums (render/pptx/linebreak.py) breaks where the step loop
it replaced did, character for character, on real fonts and on random texts and widths."""

from __future__ import annotations

import random

import pytest

from reportkit.render.pptx import text as pptx_text
from reportkit.render.pptx.linebreak import advances, break_lines

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _step_loop(text, width_pt, size_pt, font, first_width_pt, slack=1.02, breaks=" "):
    # the loop text._wrap ran before (kept here as the reference)
    lines = []
    limit = (first_width_pt if first_width_pt is not None else width_pt) / slack
    for s in text.split("\n") or [""]:
        i, n = 0, len(s)
        if n == 0:
            lines.append("")
            limit = width_pt / slack
            continue
        while i < n:
            x, j, brk = 0.0, i, -1
            while j < n:
                w = font.char_width(s[j]) * size_pt
                if s[j] != " " and x + w > limit and j > i:
                    break
                x += w
                if s[j] in breaks:
                    brk = j + 1
                j += 1
            if j >= n:
                lines.append(s[i:].rstrip())
                i = n
            elif brk > i:
                lines.append(s[i:brk].rstrip())
                i = brk
            else:
                lines.append(s[i:j])
                i = j
            while i < n and s[i] == " ":
                i += 1
            limit = width_pt / slack
    return tuple(lines)


class _Odd:
    """A font of made-up advances, some zero (a joiner), some wide."""

    def char_width(self, ch: str) -> float:
        return {"\u200b": 0.0, "W": 1.1, "i": 0.25, " ": 0.3}.get(ch, 0.5 + (ord(ch) % 7) / 20)


@pytest.fixture(scope="module")
def font():
    return pptx_text.Metrics(FONT)


WORDS = ["Exports", "rose", "14%", "to", "€438", "million", "in", "2026,", "while", "volumes", "fell", "—",
         "Supercalifragilisticexpialidocious-and-more", "a", "", "WWWWWWWW", "iiii", "“quoted”", "x\u200by"]


def _texts(seed: int, count: int):
    rnd = random.Random(seed)
    for _ in range(count):
        words = [rnd.choice(WORDS) for _ in range(rnd.randint(0, 40))]
        text = ""
        for w in words:
            text += w + rnd.choice([" ", " ", " ", "  ", "\n", "   "])
        yield text if rnd.random() < 0.8 else text.strip()


@pytest.mark.parametrize("seed", range(4))
def test_breaks_as_the_step_loop_did(font, seed) -> None:
    rnd = random.Random(100 + seed)
    for text in _texts(seed, 300):
        for f in (font, _Odd()):
            width = rnd.choice([1.0, 20.0, 55.5, 120.0, 233.3, 480.0])
            size = rnd.choice([9.0, 12.0, 18.5, 28.0])
            first = rnd.choice([None, width / 2, width])
            assert break_lines(text, width, size, f, first, 1.02, " ") == _step_loop(text, width, size, f, first), \
                (text, width, size, first)


def test_the_public_wrap_uses_it(font) -> None:
    text = "The council's head of transport said the oldest trolleybuses were built decades ago."
    assert pptx_text.wrap(text, 140.0, 14.0, font) == list(_step_loop(text, 140.0, 14.0, font, None))


def test_advances_without_the_fonts_table_ask_each_character() -> None:
    assert advances("Wi", 10.0, _Odd()) == [11.0, 2.5]
