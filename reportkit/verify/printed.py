"""What a built file says its numbers are, read back from its text: figures with their labels,
chart titles, captions and descriptions, takeaways (the words check of :mod:`.labels` checks them).

The renderers lay a figure out as a line that is only a printed quantity ("9%", "about 1,800",
"$11.85/month", "161.5B MXN") with its label on the line(s) under it: the brief's key-figure panel
and story figures, a deck's figure shapes (one text frame each). Inside a chart's own lines
("FIGURE n" to its "Chart description:") the values are bar labels, not figures; the chart's
title is the line before its first "Source:" line, or a chart slide's title. A quantity after a
line that runs on ("…rate falls to" / "4.1%", a headline broken before its number) is none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUAL = (r"(?:(?:about|around|approximately|roughly|nearly|almost|more\s+than|less\s+than|over|under|up\s+to|"
         r"at\s+least|just\s+over|just\s+under|close\s+to|as\s+much\s+as|as\s+many\s+as|some)\s+)?")
# a line that is only a printed quantity: what the renderers put above a figure's label
_VALUE_LINE = re.compile(
    rf"^{_QUAL}(?P<n>[-−+]?[$£€¥₹₽]?\d[\d,]*(?:\.\d+)?(?:[KMBT]\b)?)"
    r"(?P<u>\s?%|\s?pp\b|\s?bps?\b|×|x\b)?(?P<per>/[A-Za-z]+)?"
    r"(?P<w>\s(?:[A-Z]{3}\b|b/d|bbl|t/yr|cu\s+ft|m³|[A-Za-z]{1,14}))?$")
# what follows a label and is not part of it: a source line, a quote, the next part
_STOP_LINE = re.compile(r"^(?:Source|SOURCE|Read more|FIGURE|Figure|Chart description|KEY INSIGHT|Page \d)"
                        r"|^[“\"—–]")
_TAKEAWAY_END = re.compile(r"(?:\s*\[S\d+\]|\s{2,}S\d+)$")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")
_CAPTION = re.compile(r"^(?P<label>[^:\n]{2,80}): (?P<rest>[^\n]*\d[^\n]*)$")
_DESCRIPTION = re.compile(r"^(?:Chart description: )?(?:Bar|Line|Column|Pie) chart: (?P<label>.+?) "
                          r"(?P<dir>rose|fell|was unchanged|stayed)\b(?P<rest>.*)$")
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?!\d|[.,]\d)")


@dataclass
class Printed:
    """One thing an output says a number is: ``label`` beside ``shown`` on page or slide ``where``."""

    where: str
    kind: str  # "figure", "chart title", "caption", "description", "bar", "takeaway"
    shown: str
    label: str
    value: float | None = None  # a native chart's value (a deck's bar names), when ``shown`` is not printed


def _is_value(line: str) -> bool:
    m = _VALUE_LINE.match(line)
    if not m:
        return False
    n = m.group("n")
    # a bare small integer is a list marker or a page number, not a figure
    return bool(m.group("u") or m.group("per") or m.group("w") or re.search(r"[$£€¥₹₽.,%+−-]|[KMBT]$", n)
                or line.split()[0].lower() in {"about", "around", "nearly", "almost", "more", "over", "up", "some"})


def read_printed(text: str, where: str) -> list[Printed]:
    """Every figure with its label, chart title, caption, description and takeaway of one page or slide."""
    lines = [ln.strip() for ln in text.splitlines()]
    out: list[Printed] = []
    in_chart = titled = False
    chart_values: list[str] = []
    bars: list[str] = []
    i = 0
    taking: list[str] | None = None
    while i < len(lines):
        ln = lines[i]
        if re.match(r"^FIGURE\s+\d+$", ln, re.I):
            in_chart, chart_values, titled, bars = True, [], False, []
        if in_chart:
            if _is_value(ln):
                chart_values.append(ln)
            elif ln and not titled and i + 1 < len(lines) and not lines[i + 1].startswith("Source:") \
                    and not re.match(r"^(?:FIGURE\s+\d+$|Source:)", ln, re.I):
                bars.append(ln)  # a bar's, an axis's or the legend's label
            if ln.startswith("Source:") and not titled and chart_values:
                out.extend(Printed(where, "bar", "\n".join(chart_values), b) for b in bars)
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if nxt.startswith("Source:") and ln and not (_is_value(ln) or _CAPTION.match(ln)) and chart_values \
                    and not titled:
                out.append(Printed(where, "chart title", chart_values[-1], ln))
            titled = titled or ln.startswith("Source:")
            if ln.startswith("Chart description:"):
                in_chart = False
        m = _DESCRIPTION.match(ln)
        c = _CAPTION.match(ln) if not m else None
        if m:
            shown = re.findall(r"[-−+]?[$£€¥₹₽]?\d[\d,]*(?:\.\d+)?[KMBT]?(?:%|/[A-Za-z]+)?", m.group("rest"))
            if shown:
                out.append(Printed(where, "description", shown[-1], m.group("label")))
        elif c and not ln.startswith(("Source", "Sources", "Chart description", "Read more", "Week", "Prepared")):
            shown = re.match(r"\s*((?:about |nearly |almost |more than )?[-−+]?[$£€¥₹₽]?\d[^,;]*?)(?:,|\.?$)",
                             c.group("rest"))
            if shown and _is_value(shown.group(1).strip().rstrip(".")):
                out.append(Printed(where, "caption", shown.group(1).strip().rstrip("."), c.group("label")))
        # "…unemployment rate falls to" / "4.1%": a headline broken before its number, no figure
        runs_on = i > 0 and re.search(r"\b(?:to|of|at|by|from|in|on|with|than|and|or|the|a|an)$", lines[i - 1])
        if not in_chart and _is_value(ln) and not runs_on:
            label: list[str] = []
            j = i + 1
            while j < len(lines) and len(label) < 3:
                nxt = lines[j]
                if not nxt or _is_value(nxt) or _STOP_LINE.match(nxt) or _CAPTION.match(nxt):
                    break
                if label and not (label[-1].endswith(",") or nxt[:1].islower() or _YEAR.fullmatch(nxt)
                                  or len(nxt.split()) <= 2 and not nxt[:1].isdigit()):
                    break
                label.append(nxt)
                j += 1
            said = " ".join(label)
            if label and not said.endswith(".") and len(said) <= 90:  # a label, not a sentence
                out.append(Printed(where, "figure", ln, said))
                i = j
                continue
        # takeaways: "01", its lines, "[S3]" (the brief); one line ending "  S3" (a deck). A takeaway
        # is a sentence: a "What changed" line ("LNG: up to 2M t  S3") is not one
        if re.fullmatch(r"\d\d", ln):
            taking = []
        elif (re.search(r"\s{2,}S\d+$", ln) or taking is not None and _TAKEAWAY_END.search(ln)) \
                and len(ln.split()) > 4:
            said = " ".join([*(taking or []), _TAKEAWAY_END.sub("", ln)]).strip()
            if _SENTENCE_END.search(said):
                out.append(Printed(where, "takeaway", "", said))
            taking = None
        elif re.fullmatch(r"\[S\d+\]", ln):
            if taking and _SENTENCE_END.search(" ".join(taking)):
                out.append(Printed(where, "takeaway", "", " ".join(taking)))
            taking = None
        elif taking is not None and ln:
            taking.append(ln)
        i += 1
    # a deck's chart slide: its title is the chart's title
    first = next((ln for ln in lines if ln), "")
    caption = next((p for p in out if p.kind == "caption"), None)
    if where.startswith("slide") and not where.endswith("notes") and caption and first != caption.label:
        out.append(Printed(where, "chart title", caption.shown, first))
    return out
