"""The lines of a saved paragraph whose runs have different sizes, each at its own height.

PowerPoint sets every line of a paragraph at the height of its tallest run, and measures each
character at its own run's size. :func:`.text.measure_frame` measured every line of a paragraph at
its largest run's size and every character at that size too: a key figure's small qualifier on the
line above its number ("an average of" / "$187.40", :mod:`.keyvalue`) measured as two or three lines
of the number's size, and ``verify`` called a value that fits an overflow. This module lays such a
paragraph out word by word, each character in its run's font and size, and gives each line's
tallest size. Paragraphs of one size are measured as before.
"""

from __future__ import annotations

from collections.abc import Callable

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def char_runs(para, style_of: Callable[[object], tuple[float, object]]) -> list[tuple[str, float, object]]:
    """``para``'s characters in order, each with its run's (size, metrics); a line break is "\\n".
    ``style_of(run_element)`` gives a run's size and font metrics."""
    out: list[tuple[str, float, object]] = []
    for el in para._p:
        if el.tag == f"{_A}br":
            out.append(("\n", 0.0, None))
        elif el.tag == f"{_A}r":
            size, metrics = style_of(el)
            out.extend((ch, size, metrics) for ch in el.findtext(f"{_A}t") or "")
    return out


def line_sizes(chars: list[tuple[str, float, object]], width_pt: float, first_width_pt: float | None = None
               ) -> list[float]:
    """The tallest size on each line of ``chars`` wrapped at spaces into ``width_pt`` (the first line
    into ``first_width_pt``); a word wider than a line stands on a line of its own."""
    sizes: list[float] = []
    line_w, line_size, room = 0.0, 0.0, first_width_pt if first_width_pt is not None else width_pt
    word: list[tuple[str, float, object]] = []
    pending_space = 0.0
    started = False

    def width(part: list[tuple[str, float, object]]) -> float:
        return sum(m.char_width(ch) * s for ch, s, m in part if m is not None)

    def close_line() -> None:
        nonlocal line_w, line_size, room, pending_space, started
        sizes.append(line_size)
        line_w, line_size, room, pending_space, started = 0.0, 0.0, width_pt, 0.0, False

    def place() -> None:
        nonlocal line_w, line_size, pending_space, started
        if not word:
            return
        w = width(word)
        if started and line_w + pending_space + w > room:
            close_line()
        line_w += (pending_space if started else 0.0) + w
        line_size = max([line_size, *(s for _c, s, _m in word)])
        started, pending_space = True, 0.0
        word.clear()

    for ch, size, metrics in chars:
        if ch == "\n":
            place()
            close_line()
        elif ch == " ":
            place()
            pending_space += metrics.char_width(" ") * size if metrics is not None else 0.0
            line_size = max(line_size, size) if not started else line_size
        else:
            word.append((ch, size, metrics))
    place()
    if started or not sizes:
        sizes.append(line_size)
    return sizes


class MixedMetrics:
    """Char widths for text whose runs use different styles; looks characters up by
    their run's metrics (approximate: a character shared by runs takes the widest)."""

    def __init__(self, parts: list[tuple[str, Metrics]], default: Metrics) -> None:
        self._by_char: dict[str, float] = {}
        for text, m in parts:
            for c in text:
                self._by_char[c] = max(self._by_char.get(c, 0.0), m.char_width(c))
        self._default = default
        self.line_ratio = default.line_ratio

    def char_width(self, ch: str) -> float:
        w = self._by_char.get(ch)
        return w if w is not None else self._default.char_width(ch)
