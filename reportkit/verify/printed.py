"""What a built file says its numbers are, read back from its text: figures with their labels,
chart titles, captions and descriptions, takeaways (the words check of :mod:`.labels` checks them).

The renderers lay a figure out as a line that is only a printed quantity ("9%", "about 1,800",
"$11.85/month", "161.5B MXN") with its label on the line(s) under it: the brief's key-figure panel
and story figures, a deck's figure shapes (one text frame each). Inside a chart's own lines
("FIGURE n" to its "Chart description:") the values are bar labels, not figures; the chart's
title is the line before its first "Source:" line, or a chart slide's title, read once for each
value the chart draws (a title must hold for all of them). A quantity after a
line that runs on ("…rate falls to" / "4.1%", a headline broken before its number) is none.

Also read here: the output's own sources list (tag -> source file, :func:`source_tags`) and
the words the layouts' author wrote (:func:`layout_words`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..facts import QUALIFIERS
from ..lazyre import lazy
from ..story import bare_title_why
from ..story import label_words as words
from ..story import stem
from ..model import Document

# the qualifiers a figure is printed with: every one the facts stage reads ("an average of €152"
# is a figure, not the line after the label above it)
_QUAL = (r"(?:(?:about|around|approximately|roughly|nearly|almost|(?:no\s+)?(?:more|less|fewer)\s+than|over|under|up\s+to|"
         r"at\s+least|at\s+most|just\s+over|just\s+under|close\s+to|as\s+much\s+as|as\s+many\s+as|some|"
         + "|".join(r"\s+".join(map(re.escape, q.split())) for q in sorted(QUALIFIERS, key=len, reverse=True))
         + r")\s+)?")
# a line that is only a printed quantity: what the renderers put above a figure's label
_VALUE_LINE = re.compile(
    rf"^{_QUAL}(?P<n>[-−+]?[$£€¥₹₽]?\d[\d,]*(?:\.\d+)?(?:[KMBT]\b)?)"
    # a range: "$50M–$58M", "3.5%–3.75%"
    r"(?:(?:%|\s?pp)?\s?[–-]\s?[$£€¥₹₽]?\d[\d,]*(?:\.\d+)?(?:[KMBT]\b)?)?"
    r"(?P<u>\s?%|\s?pp\b|\s?bps?\b|×|x\b)?(?P<per>/[A-Za-z]+)?"
    r"(?P<w>\s(?:[A-Z]{3}\b|b/d|bbl|t/yr|cu\s+ft|m³|[A-Za-z]{1,14}))?(?P<wper>/[A-Za-z]+)?$")  # "1,985 AUD/oz"
# what follows a label and is not part of it: a source line, a quote, the next part
_STOP_LINE = re.compile(r"^(?:Source|SOURCE|Read more|FIGURE|Figure|Chart description|KEY INSIGHT|Page \d)"
                        r"|^[“\"—–]")
_TAKEAWAY_END = re.compile(r"(?:\s*\[S\d+\]|\s{2,}S\d+)$")
# a part's heading: the story a page was in has ended
_PARTS = frozenset({"Key takeaways", "Key figures", "Charts", "Quotes", "Sources", "In their own words",
                    "What changed", "This week's stories"})
# a source's tag and file in the sources list: "S4  headline  file.txt" (a deck), "S4: headline (file.txt)"
TAGGED_FILE = re.compile(r"^(S\d+)(?::\s|\s{2,}).*?\(?([\w.-]+\.(?:txt|md|html?|pdf|docx))\)?$")
FILE_LINE = re.compile(r"^[\w.-]+\.(?:txt|md|html?|pdf|docx)$")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")
_IN_PERIOD = re.compile(r"\s+in\s+(?:(?:Q[1-4]|H[12]|FY|January|February|March|April|May|June|July|August|"
                        r"September|October|November|December)\s+)?(?:19|20)\d\d$")
_CAPTION = re.compile(r"^(?P<label>[^:\n]{2,80}): (?P<rest>[^\n]*\d[^\n]*)$")
_DESCRIPTION = re.compile(r"^(?:Chart description: )?(?:Bar|Line|Column|Pie) chart: (?P<label>.+?) "
                          r"(?P<dir>rose|fell|was unchanged|stayed)\b(?P<rest>.*)$")
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?!\d|[.,]\d)")
# a bar chart's unit said once above the plot when its labels print the numbers alone ("in JMD", "in
# litres": charts/draw.py): words of the chart's unit, no bar's label and no title
_UNIT_NOTE = re.compile(r"^in [A-Za-z][\w/ .³²-]{0,30}$")



@dataclass
class Printed:
    """One thing an output says a number is: ``label`` beside ``shown`` on page or slide ``where``."""

    where: str
    kind: str  # "figure", "chart title", "caption", "description", "bar", "takeaway"
    shown: str
    label: str
    value: float | None = None  # a native chart's value (a deck's bar names), when ``shown`` is not printed
    tag: str = ""  # the source tag printed with a figure ("S4"), or of the story it stands in


def _is_value(line: str) -> bool:
    m = _VALUE_LINE.match(line)
    if not m:
        return False
    n = m.group("n")
    # a bare small integer is a list marker or a page number, not a figure
    return bool(m.group("u") or m.group("per") or m.group("w") or re.search(r"[$£€¥₹₽.,%+−-]|[KMBT]$", n)
                or line.split()[0].lower() in {"about", "around", "nearly", "almost", "more", "over", "up", "some",
                                               # "no more than 35": a bound is a figure, however small
                                               "no", "not", "less", "fewer", "at", "under", "just", "as"})


def _small_count(lines: list[str], i: int) -> bool:
    """Whether a line that is only a small whole number ("35") is a figure: a label line under it
    (capitalised, no sentence) and then the next figure, its source line, a quote or the end."""
    if not re.fullmatch(r"[1-9]\d{0,2}", lines[i]) or i + 1 >= len(lines):
        return False
    label = lines[i + 1]
    if not re.match(r"[A-Z]", label) or label.endswith(".") or len(label) > 60 or _VALUE_LINE.match(label):
        return False
    after = lines[i + 2] if i + 2 < len(lines) else ""
    return not after or _is_value(after) or _STOP_LINE.match(after) is not None


# a chart's insight as the charts stage words a comparison's or a whole's (reportkit.charts.auto.CAPTIONS)
_INSIGHT = lazy(r"[^:]{1,160}: (?:highest in|lowest in|the largest part is) ")


def read_printed(text: str, where: str, state: dict[str, str] | None = None) -> list[Printed]:
    """Every figure with its label, chart title, caption, description and takeaway of one page or
    slide; ``state`` carries the story a page starts in ("SOURCE S4" on the page before)."""
    state = {} if state is None else state
    lines = [ln.strip() for ln in text.splitlines()]
    # a run of text that goes on from the line above (a chart callout's " since 2022" after its
    # bold "31×"): read back starting with a space; it is no chart title
    goes_on = [ln[:1].isspace() for ln in text.splitlines()]
    out: list[Printed] = []
    in_chart = titled = False
    chart_values: list[str] = []
    bars: list[str] = []
    i = 0
    taking: list[str] | None = None
    while i < len(lines):
        ln = lines[i]
        section = re.match(r"^SOURCE\s+(S\d+)\b", ln)
        if section or ln in _PARTS:
            state["section"] = section.group(1) if section else ""
        if re.match(r"^FIGURE\s+\d+$", ln, re.I):
            in_chart, chart_values, titled, bars = True, [], False, []
        if in_chart and _UNIT_NOTE.fullmatch(ln):
            i += 1
            continue
        if in_chart:
            if _is_value(ln):
                chart_values.append(ln)
            elif ln and not titled and i + 1 < len(lines) and not lines[i + 1].startswith("Source:") \
                    and not re.match(r"^(?:FIGURE\s+\d+$|Source:)", ln, re.I):
                bars.append(ln)  # a bar's, an axis's or the legend's label
            if ln.startswith("Source:") and not titled and chart_values:
                out.extend(Printed(where, "bar", "\n".join(chart_values), b) for b in bars)
            k = i + 1
            while k < len(lines) and _UNIT_NOTE.fullmatch(lines[k]):
                k += 1
            nxt = lines[k] if k < len(lines) else ""
            if nxt.startswith("Source:") and ln and not (_is_value(ln) or _CAPTION.match(ln)) and chart_values \
                    and not titled and not goes_on[i]:
                # the title is said of every value the chart draws, not only of its last
                out.extend(Printed(where, "chart title", v, ln) for v in dict.fromkeys(chart_values))
            titled = titled or ln.startswith("Source:")
            if ln.startswith("Chart description:"):
                in_chart = False
        m = _DESCRIPTION.match(ln)
        c = _CAPTION.match(ln) if not m else None
        if m:
            shown = re.findall(r"[-−+]?[$£€¥₹₽]?\d[\d,]*(?:\.\d+)?[KMBT]?(?:%|/[A-Za-z]+)?", m.group("rest"))
            # "fell from €1.39B in 2025 to €412M in 2026": the last value, not the year after it
            shown = [s for s in shown if not _YEAR.fullmatch(s)]
            if shown:
                out.append(Printed(where, "description", shown[-1], m.group("label")))
        elif c and not ln.startswith(("Source", "Sources", "Chart description", "Read more", "Week", "Prepared")):
            # "$1,240 in Q2 2026, $1,085/tonne in Q4 2026": a thousands comma is no separator
            shown = re.match(r"\s*((?:about |nearly |almost |(?:no )?more than )?[-−+]?[$£€¥₹₽]?\d(?:,\d{3}|[^,;])*?)"
                             r"(?:,(?!\d{3})|\.?$)", c.group("rest"))
            # "$1,240 in Q2 2026": the value, without the period it is said of
            value = _IN_PERIOD.sub("", shown.group(1).strip().rstrip(".")) if shown else ""
            if value and _is_value(value):
                out.append(Printed(where, "caption", value, c.group("label")))
        # "…unemployment rate falls to" / "4.1%": a headline broken before its number, no figure
        runs_on = i > 0 and re.search(r"\b(?:to|of|at|by|from|in|on|with|than|and|or|the|a|an)$", lines[i - 1])
        if not in_chart and (_is_value(ln) or _small_count(lines, i)) and not runs_on:
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
                own = re.match(r"^Source:\s*\[?(S\d+)\b", lines[j]) if j < len(lines) else None
                out.append(Printed(where, "figure", ln, said, tag=own.group(1) if own else state.get("section", "")))
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
    elif where.startswith("slide") and not where.endswith("notes") and bare_title_why(first) \
            and any(ln.startswith(f"{first.split()[0]}: ") for ln in lines[1:]):
        # a chart slide titled "Volume" over its insight "Volume: highest in Russia (4.95M litres) ...":
        # the title says not of what, whatever the insight's figure reads as
        out.append(Printed(where, "chart title", "", first))
    elif where.startswith("slide") and not where.endswith("notes") and first \
            and any(_INSIGHT.match(ln) for ln in lines[1:]):
        # a chart slide ("Change in tonnes on year" over its insight "Change in tonnes on year: highest in
        # ASEAN ..."): its title is read for what the title alone says (a column's header, whose)
        out.append(Printed(where, "chart title", "", first))
    return out


def source_tags(pages: list[tuple[str, str]], docs: list[Document]) -> dict[str, Document]:
    """The output's own sources list, read back: tag ("S4") -> the source document its file names."""
    by_name = {Path(d.source).name: d for d in docs}
    out: dict[str, Document] = {}
    for _where, text in pages:
        lines = [ln.strip() for ln in text.splitlines()]
        for i, ln in enumerate(lines):
            m = TAGGED_FILE.match(ln)
            if m and m.group(2) in by_name:
                out.setdefault(m.group(1), by_name[m.group(2)])
            elif re.fullmatch(r"S\d+", ln):  # the brief's table: the tag, its headline and dateline, the file
                name = next((x for x in lines[i + 1:i + 7] if FILE_LINE.match(x)), "")
                if name in by_name:
                    out.setdefault(ln, by_name[name])
    return out


def layout_words(paths: list[Path]) -> set[str]:
    """The words the layouts' author wrote (a pick's label, a chart's title; placeholders left
    out), from every YAML file beside ``paths``: the author's words, not a guess of the build's."""
    import yaml

    out: set[str] = set()

    def walk(v: object) -> None:
        if isinstance(v, str):
            out.update(words(re.sub(r"\{[^}]*\}", " ", v)))
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    for folder in sorted({p.parent for p in paths}):
        for f in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            try:
                walk(yaml.safe_load(f.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError, yaml.YAMLError):
                continue  # a layout the build could not read printed nothing of its own
    return out
