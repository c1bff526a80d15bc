"""A reportlab paragraph that parses its markup once per process and breaks its lines once per width.

reportlab's ``Paragraph.wrap`` breaks the paragraph's lines on every call, and a brief's
paragraphs are asked the same question again and again: a ``KeepTogether`` measures its
content, then the frame lays each part out at the same width; a table measures its cells for
the row heights and again when it splits or draws; the float and panel fitting measure what
follows them. On the sample brief 227 of 353 wraps (64%) repeated the width of the paragraph's
previous wrap, ≈17 ms of a ≈100 ms render. The line breaks depend only on the width, the
paragraph's fragments and its style, none of which changes once the paragraph is made (a split
makes new paragraphs), so the answer of the last wrap at the same width is given back, with the
attributes that wrap set, and the page is drawn from the same lines either way.

Parsing a paragraph's markup into fragments (reportlab's ``ParaParser``, an ``HTMLParser``) cost
≈15 ms of the sample brief's render, and most paragraphs are the same text in the same style in
the next build of the same process: a ``watch`` session's rebuild after an edit changes one
story, a batch worker's next report repeats the headings, labels and layout's words. The
fragments of a text parsed in a style (the style's every attribute, not the object: a build makes
its styles anew) are kept, and a paragraph made again from them gets copies of them, as it would
from the parser (the parser's output is copied, never shared: reportlab may set attributes on a
paragraph's fragments while it lays them out).

Most of a brief's paragraphs carry no markup at all (85% of a batch of wire-story briefs): a
headline, a card's label, a summary sentence. For such a text the parser only wraps it in its
``<para>`` tag and copies the style's opening fragment with the text set, so that fragment is
taken once per style (the parser's answer for a one-letter text) and a plain text gets a copy
of it with its own text: a paragraph of new words costs no parse (≈0.3 ms each, ≈10 ms of a
report's brief in a batch, where every report's words are new to the worker).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _ReportlabParagraph
from reportlab.platypus.paragraph import textTransformFrags

#: what ``Paragraph.wrap`` and its ``breakLines`` set on the paragraph (reportlab 4-5)
_WRAP_STATE = ("width", "height", "_wrapWidths", "blPara", "_width_max", "_splitLongWordCount", "_hyphenations")


#: a style's attributes, in a fixed order: with the text, they decide what the parser gives
_STYLE_NAMES = tuple(ParagraphStyle.defaults)
#: how many parsed texts a process keeps (a brief has a few hundred paragraphs)
PARSED_KEPT = 4096
_parsed: dict[tuple, tuple[str, list[Any]]] = {}
#: a style's opening fragment as the parser gives it for a text without markup (False: the
#: style's fragment depends on the text, e.g. its "greek" font converts it: parsed every time)
_plain: dict[tuple, Any] = {}
_PROBE = "x"


def _parse_key(text: Any, style: Any, bulletText: Any, caseSensitive: Any) -> tuple | None:
    if not isinstance(text, str) or bulletText is not None or not isinstance(style, ParagraphStyle):
        return None
    key = (text, caseSensitive, tuple([getattr(style, n, None) for n in _STYLE_NAMES]))
    try:
        hash(key)
    except TypeError:  # an attribute that cannot be a key: parsed every time, as reportlab does
        return None
    return key


class Paragraph(_ReportlabParagraph):
    """``reportlab.platypus.Paragraph`` that parses a text in a style once per process and whose
    repeated wrap at its last width is not redone."""

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:
        key = _parse_key(text, style, bulletText, self.caseSensitive) if frags is None else None
        kept = _parsed.get(key) if key is not None else None
        if kept is None:
            if key is None or "<" in text or "&" in text or not self._plain_setup(text, style, cleaner, key):
                super()._setup(text, style, bulletText, frags, cleaner)
            # kept only when the parser gave back the style it was given and no bullet of its own
            # (a <para> tag's attributes or a <bullet> make their own: those are parsed each time)
            if key is not None and self.style is style and self.bulletText is None:
                if len(_parsed) >= PARSED_KEPT:
                    _parsed.pop(next(iter(_parsed)))  # the oldest
                _parsed[key] = (self.text, [f.clone() for f in self.frags])
            return
        # what _setup sets after parsing, from copies of the parser's fragments
        self.text = kept[0]
        self.frags = [f.clone() for f in kept[1]]
        self.style = style
        self.bulletText = None
        self.debug = 0

    def _plain_setup(self, text: str, style: ParagraphStyle, cleaner: Any, key: tuple) -> bool:
        """Set up a paragraph of ``text`` (no tag, no entity) as the parser would, from a copy
        of the style's opening fragment; False when that cannot be known (then it is parsed)."""
        cleaned = cleaner(text)
        if not cleaned or "<" in cleaned or "&" in cleaned:  # empty: the parser gives no fragment
            return False
        style_key = key[1:]
        opening = _plain.get(style_key)
        if opening is None:
            probe = _ReportlabParagraph.__new__(_ReportlabParagraph)
            probe.caseSensitive = self.caseSensitive
            _ReportlabParagraph._setup(probe, _PROBE, style, None, None, cleaner)
            frags = probe.frags
            ok = (probe.style is style and probe.bulletText is None and len(frags) == 1
                  and frags[0].text == _PROBE and not getattr(frags[0], "greek", 0)
                  and not hasattr(frags[0], "cbDefn") and not hasattr(frags[0], "_selfClosingTag"))
            opening = frags[0].clone() if ok else False
            if len(_plain) >= PARSED_KEPT:
                _plain.pop(next(iter(_plain)))
            _plain[style_key] = opening
        if opening is False:
            return False
        frags = [opening.clone(text=cleaned)]
        textTransformFrags(frags, style)  # as reportlab's _setup does after parsing
        self.text = cleaned
        self.frags = frags
        self.style = style
        self.bulletText = None
        self.debug = 0
        return True

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        last = self.__dict__.get("_last_wrap")
        if last is not None and last[0] == availWidth:
            self.__dict__.update(last[1])
            return last[2]
        result = super().wrap(availWidth, availHeight)
        state: dict[str, Any] = {k: self.__dict__[k] for k in _WRAP_STATE if k in self.__dict__}
        self._last_wrap = (availWidth, state, result)
        return result
