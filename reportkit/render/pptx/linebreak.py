"""Where a slide viewer breaks a paragraph's lines: the greedy rule of :func:`.text.wrap`,
worked out with running sums instead of a step per character.

A deck's plan measures every text it may place (a few hundred a report), and a report's texts
are new to the process that builds it: a batch worker measures each once. Stepping through the
characters one at a time in Python was ≈5 ms of a report's deck. Here a line's advances are
summed left to right by ``itertools.accumulate`` (the same additions in the same order as the
step loop, so the same floating-point sums and the same breaks) and the first character past
the limit is found by bisection (the sums never fall: advances are not negative).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Protocol


class Widths(Protocol):
    """What line breaking asks a font: a character's advance in em."""

    def char_width(self, ch: str) -> float: ...


def advances(line: str, size_pt: float, font: Widths) -> list[float]:
    """Each character's advance in points, as ``font.char_width(ch) * size_pt``."""
    known = getattr(font, "_widths", None)  # text.Metrics' own table: no call per character
    if type(known) is dict:
        ems = list(map(known.get, line))
        if None not in ems:
            return [em * size_pt for em in ems]
    return [font.char_width(ch) * size_pt for ch in line]


def break_lines(text: str, width_pt: float, size_pt: float, font: Widths, first_width_pt: float | None,
                slack: float, space: str = " ") -> tuple[str, ...]:
    """The lines of ``text`` in a box ``width_pt`` wide (``first_width_pt`` for the first line),
    each limit divided by ``slack``: a line breaks after its last ``space`` that fits; a word
    wider than a whole line breaks at its last character that fits; spaces may hang past the
    edge; ``\\n`` forces a break."""
    lines: list[str] = []
    limit = (first_width_pt if first_width_pt is not None else width_pt) / slack
    for s in text.split("\n") or [""]:
        n = len(s)
        if n == 0:
            lines.append("")
            limit = width_pt / slack
            continue
        widths = advances(s, size_pt, font)
        after_space = [k + 1 for k, ch in enumerate(s) if ch == space]  # where a line may break
        i = 0
        while i < n:
            sums = list(accumulate(widths[i:]))  # sums[m]: the width of s[i : i + m + 1]
            m = max(bisect_right(sums, limit), 1)  # the first character past the limit (never the line's first)
            while i + m < n and s[i + m] == space:  # a space hangs
                m += 1
            j = i + m
            if j >= n:
                lines.append(s[i:].rstrip())
                i = n
            else:
                k = bisect_right(after_space, j) - 1
                brk = after_space[k] if k >= 0 else -1
                if brk > i:
                    lines.append(s[i:brk].rstrip())
                    i = brk
                else:  # one word wider than the line: break inside it
                    lines.append(s[i:j])
                    i = j
            while i < n and s[i] == space:
                i += 1
            limit = width_pt / slack
    return tuple(lines)
