"""The week's quotes on slides: one quote alone on the big quote slide, two or three as cards.

Every story that has a quote gives one, up to six, the best first (the story stage picks them,
``story.quotes.DECK_QUOTES``): more than :data:`PER_SLIDE` go on two slides, shared out evenly
(five are three and two, never three and a lone one), the second titled "In their own words (cont.)".

Whose words they are matters more than how many of them show: an attribution is never set
below :data:`ATTRIBUTION_MIN`. When it does not fit one line at that size it first drops the
source's headline (its tag stays: the sources slide names it), then takes a second line; the
quote gives way instead, shrinking and then, when even its smallest size is too big, cut after
its last whole sentence that fits (never inside a sentence while one whole sentence fits).
"""

from __future__ import annotations

from pptx.enum.text import MSO_ANCHOR
from pptx.util import Inches

from ...model import Report
from ...sentences import boundaries
from .deck import Deck
from .shapes import INSET_Y, Para, rect
from .template import Box
from .text import EMU_PER_PT, one_line

#: the smallest size of a quote's attribution, in points: a speaker's name must stay readable
ATTRIBUTION_MIN = 12.0
#: an attribution takes at most this many lines (a long role wraps rather than shrinks)
ATTRIBUTION_LINES = 2

#: quotes one slide holds: a fourth card would set every quote below a readable size or cut it
PER_SLIDE = 3
TITLE = "In their own words"

Plan = tuple[str, "str | None", object, tuple]


def shares(n: int, per: int = PER_SLIDE) -> list[int]:
    """How many of ``n`` quotes each slide holds: the fewest slides of at most ``per``, shared
    out evenly, the larger shares first (5 -> [3, 2], 7 -> [3, 2, 2])."""
    slides = -(-n // per)
    return [n // slides + (1 if k < n % slides else 0) for k in range(slides)] if n else []


def plan_quotes(deck: Deck, report: Report) -> list[Plan]:
    """The week's quotes on slides of at most :data:`PER_SLIDE` (one quote alone gets the big
    quote slide); only the first slide is on the agenda."""
    picked = []
    for source, q in report.quotes:
        if not one_line(q.text):
            continue
        who = ", ".join(x for x in (one_line(q.speaker), one_line(q.role)) if x)
        picked.append((one_line(q.display), who, f"Source: {deck.source_label(source)}",
                       f"Source: {deck.tag(source)}"))
    plans: list[Plan] = []
    start = 0
    for k, n in enumerate(shares(len(picked))):
        group, start = picked[start:start + n], start + n
        notes = "\n\n".join(f"“{t}” — {who or 'unattributed'}\n{src}" for t, who, src, _tag in group)
        label, title = (TITLE, TITLE) if k == 0 else (None, f"{TITLE} (cont.)")
        if len(group) == 1:
            plans.append(("quotes", label, quote_slide, (*group[0], notes, title)))
        else:
            plans.append(("quotes", label, quotes_slide, (tuple(group), notes, title)))
    return plans


def attribution(deck: Deck, texts: list[str], width: int, start: float, bold: bool = False,
                minimum: float = ATTRIBUTION_MIN) -> tuple[str, float, int]:
    """The first of ``texts`` (most to least complete) that fits one line ``width`` wide at
    ``start`` down to ``minimum``, with its size and the height it needs (EMU); else the
    last one at the minimum on up to :data:`ATTRIBUTION_LINES` lines."""
    w = deck.writer
    for text in texts:
        size = w.one_line_size(text, width, start, minimum, bold=bold)
        if size is not None:
            return text, size, _height(deck, text, width, size, bold)
    text, size = texts[-1], minimum
    most = Box(0, 0, width, _lines_height(deck, ATTRIBUTION_LINES, size, bold))
    if not w.fits([Para.of(text, bold=bold)], most, size):
        text = w.truncate_to_fit(text, most, size, bold=bold)
    return text, size, _height(deck, text, width, size, bold)


def _lines_height(deck: Deck, lines: int, size: float, bold: bool) -> int:
    one = deck.writer.height([Para.of("Ag", bold=bold)], int(Inches(10)), size)
    return int(lines * one * EMU_PER_PT) + 2 * INSET_Y + 1


def _height(deck: Deck, text: str, width: int, size: float, bold: bool) -> int:
    return int(deck.writer.height([Para.of(text, bold=bold)], width, size) * EMU_PER_PT) + 2 * INSET_Y + 1


def fit_quote(deck: Deck, text: str, box: Box, start: float, minimum: float, marks: tuple[str, str] = ("“", "”"),
              ) -> tuple[list[Para], float]:
    """The quote's paragraph and size in ``box``: the largest size from ``start`` to ``minimum``;
    at the minimum, the most whole sentences that fit (then "…"); a word cut only when not
    even its first sentence fits."""
    w = deck.writer
    opening, closing = marks

    def para(words: str) -> Para:
        return Para.of(f"{opening}{words}{closing}", italic=True)

    size = w.fit_size([para(text)], box, start, minimum)
    if size is not None:
        return [para(text)], size
    for end in sorted((e for e, _nxt in boundaries(text, newlines=False)), reverse=True):
        cut = f"{text[:end].rstrip()} …"
        if w.fits([para(cut)], box, minimum):
            return [para(cut)], minimum
    cut = w.truncate_to_fit(f"{opening}{text}{closing}", box, minimum, italic=True)
    return [Para.of(cut, italic=True)], minimum


def quote_slide(deck: Deck, number: int, quote: str, speaker: str, source: str, tag: str, notes: str,
                title: str = TITLE) -> None:
    """A pull quote with its speaker."""
    slide, box, _ = deck.new_slide("quote", title, number, notes, kicker="Quote")
    w, c = deck.writer, deck.colors
    mark = Box(box.left, box.top, int(Inches(1.2)), int(Inches(1.6)))
    w.fill(w.textbox(slide, mark, "Quote mark"), [Para.of("“", bold=True)], 88, color=c.accent)
    left, width = box.left + int(Inches(1.2)), box.width - int(Inches(2.0))
    bottom = box.bottom - int(Inches(0.15))
    src_text, src_size, src_h = attribution(deck, [source, tag], width, 11, minimum=11) if source else ("", 0, 0)
    who_text, who_size, who_h = (attribution(deck, [f"— {one_line(speaker)}"], width, 20, bold=True)
                                 if speaker else ("", 0, 0))
    gap = int(Inches(0.1))
    top = box.top + int(Inches(0.3))
    qbox = Box(left, top, width, bottom - top - gap - who_h - src_h)
    text = one_line(quote)
    if text.endswith(","):  # "…, as well," Tsivilev said: the attribution is on its own line
        text = text[:-1] + "."
    # the big mark opens the quote; its text closes it, so the slide reads “ … ” as one quote (verify's
    # quote check reads the words between the marks) and a cut "…" shows inside the speaker's words
    paras, size = fit_quote(deck, text, qbox, 30, deck.min_size, marks=("", "”"))
    w.fill(w.textbox(slide, qbox, "Quote"), paras, size, color=c.primary, anchor=MSO_ANCHOR.MIDDLE)
    y = qbox.bottom + gap
    if who_text:
        w.fill(w.textbox(slide, Box(left, y, width, who_h), "Quote speaker"), [Para.of(who_text, bold=True)],
               who_size, color=c.text, anchor=MSO_ANCHOR.MIDDLE)
        y += who_h
    if src_text:
        w.fill(w.textbox(slide, Box(left, y, width, src_h), "Quote source"), [Para.of(src_text)], src_size,
               color=c.muted, anchor=MSO_ANCHOR.MIDDLE)


def quotes_slide(deck: Deck, number: int, quotes: tuple[tuple[str, str, str, str], ...], notes: str,
                 title: str = TITLE) -> None:
    """Two or three quotes stacked, each with its speaker and source."""
    slide, box, _ = deck.new_slide("quote", title, number, notes)
    w, c = deck.writer, deck.colors
    gap = int(Inches(0.2))
    n = len(quotes)
    h = (box.height - gap * (n - 1)) // n
    for k, (text, who, src, tag) in enumerate(quotes):
        card = Box(box.left, box.top + k * (h + gap), box.width, h)
        rect(slide, Box(card.left, card.top, int(Inches(0.07)), card.height), c.accent, f"Quote {k + 1} bar")
        inner = Box(card.left + int(Inches(0.3)), card.top, card.width - int(Inches(0.3)), card.height)
        lines = [f"— {who}   ·   {src}", f"— {who}   ·   {tag}"] if who else [src, tag]
        line, lsize, who_h = attribution(deck, lines, inner.width, 14)
        who_h = max(who_h, int(Inches(0.42)))
        qbox = Box(inner.left, inner.top, inner.width, inner.height - who_h)
        paras, size = fit_quote(deck, text, qbox, 22, 12)
        w.fill(w.textbox(slide, qbox, f"Quote {k + 1}"), paras, size, color=c.primary, anchor=MSO_ANCHOR.BOTTOM)
        w.fill(w.textbox(slide, Box(inner.left, qbox.bottom, inner.width, who_h), f"Quote {k + 1} attribution"),
               [Para.of(line)], lsize, color=c.muted, anchor=MSO_ANCHOR.TOP if who_h > int(Inches(0.42))
               else MSO_ANCHOR.MIDDLE)
