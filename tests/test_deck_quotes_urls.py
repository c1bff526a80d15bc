"""What the held-out weeks' decks and briefs showed on pages that are not the sample, fixed by general
rules: an attribution is never set below 12 pt (it drops the source's headline, then wraps, and the
quote gives way, cut at a sentence end when it must be cut); a web address breaks only at '/', '?',
'&', '-' or before '.', shortened to its host and path when it cannot fit (week 6: a role of ten
words set the third quote's attribution in 9 pt; "…second-es" / "timate" on the sources slide, the
seeds' "…diversif" / "y-markets" in the brief); a key figure's value stays bigger than its label;
an entry's numbers at a page's top say whose they are; a source line gives way from its end rather
than shrink."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from fixtures.pptx_report import seed_report
from reportkit.layouts.load import load_layout
from reportkit.model import Quote, Reference
from reportkit.render.pptx.render import render_pptx
from reportkit.render.pptx.text import EMU_PER_PT, Fonts, text_overflows
from reportkit.render.pptx.urlwrap import BREAK_AFTER, BREAK_BEFORE, segments, shortened, url_lines

ROOT = Path(__file__).resolve().parent.parent
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
LONG_URL = "https://research.pellarin-commodities.example/softs/brazil-coffee-second-estimate"
QUOTES = [
    ("We have competed with Halvorsen for ten years, and we kept losing the deals that mattered.",
     "Miriam Achterberg", "Corvane chief executive"),
    ("Audiences told us they wanted a big, old-fashioned adventure for the holidays, and they showed up.",
     "Janelle Ocampo", "Meridian's head of distribution"),
    ("Italy has been rewarded for keeping its deficit close to target, but the supply next year is heavy and the "
     "buyers are more price-sensitive.",
     "Rafael Castell", "a portfolio manager at Orbis Meridian Asset Management in London"),
]


@pytest.fixture(scope="module")
def layout():
    return load_layout(ROOT / "layouts" / "briefing-deck.yaml")


def _deck(tmp_path: Path, layout, quotes, refs=()) -> Presentation:
    report = seed_report()
    src = report.documents[0].source
    report.quotes = [(src, Quote(text, speaker, role)) for text, speaker, role in quotes]
    report.documents[0].references = list(refs)
    out = tmp_path / "deck.pptx"
    render_pptx(report, layout, {}, out, warn=lambda _m: None)
    return Presentation(out)


def _slide(prs, title: str):
    return next(s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == title)


def _runs(shape):
    return [r for p in shape.text_frame.paragraphs for r in p.runs if r.text.strip()]


def test_an_attribution_is_never_below_12_pt_and_nothing_overflows(tmp_path, layout) -> None:
    prs = _deck(tmp_path, layout, QUOTES)
    slide = _slide(prs, "In their own words")
    lines = [sh for sh in slide.shapes if sh.has_text_frame and sh.text_frame.text.startswith("— ")]
    assert len(lines) == 3
    for sh in lines:
        assert all(r.font.size.pt >= 12 for r in _runs(sh)), sh.text_frame.text  # the third was 9 pt
        assert not text_overflows(sh.text_frame, layout.font_paths)
    # the long role keeps the speaker whole; the source's headline gives way to its tag
    third = lines[2].text_frame.text
    assert "Rafael Castell, a portfolio manager at Orbis Meridian Asset Management in London" in third
    assert third.rstrip().endswith("Source: S1")
    quotes = [sh for sh in slide.shapes if sh.name.startswith("Quote ") and sh.name[-1].isdigit()]
    for q in quotes:
        assert not text_overflows(q.text_frame, layout.font_paths)
        assert "…" not in q.text_frame.text
    boxes = sorted((sh.top, sh.top + sh.height) for sh in quotes + lines)
    assert all(a[1] <= b[0] + 1 for a, b in zip(boxes, boxes[1:], strict=False)), "quote and attribution overlap"


def test_a_quote_that_cannot_fit_is_cut_at_a_sentence_end(tmp_path, layout) -> None:
    long = " ".join(f"Sentence number {k} says what the market did in the week and why it did so." for k in range(40))
    prs = _deck(tmp_path, layout, [(long, "Ana Ruiz", "a trader"), QUOTES[0]])
    slide = _slide(prs, "In their own words")
    quote = next(sh for sh in slide.shapes if sh.name == "Quote 1")
    text = quote.text_frame.text
    assert text.endswith("so. …”"), text  # whole sentences, then the mark of the cut
    assert not text_overflows(quote.text_frame, layout.font_paths)
    who = next(sh for sh in slide.shapes if sh.has_text_frame and sh.text_frame.text.startswith("— Ana Ruiz"))
    assert all(r.font.size.pt >= 12 for r in _runs(who))


def test_a_single_quote_slide_keeps_a_long_speaker_line_readable(tmp_path, layout) -> None:
    role = "a portfolio manager and the head of sovereign debt strategy at Orbis Meridian Asset Management in London"
    prs = _deck(tmp_path, layout, [(QUOTES[2][0], QUOTES[2][1], role)])
    slide = _slide(prs, "In their own words")
    speaker = next(sh for sh in slide.shapes if sh.has_text_frame and sh.text_frame.text.startswith("— "))
    assert all(r.font.size.pt >= 12 for r in _runs(speaker))
    assert "in London" in speaker.text_frame.text and not text_overflows(speaker.text_frame, layout.font_paths)


def _link_lines(shape) -> list[list[tuple[str, float]]]:
    """The lines of the hyperlinked address of each paragraph of ``shape``: [(text, size), ...]."""
    out = []
    for p in shape.text_frame.paragraphs:
        lines, cur, size = [], "", 0.0
        for el in p._p:
            if el.tag == f"{A}br" and cur:
                lines.append((cur, size))
                cur = ""
            elif el.tag == f"{A}r" and el.find(f"{A}rPr/{A}hlinkClick") is not None:
                cur += el.findtext(f"{A}t")
                size = int(el.find(f"{A}rPr").get("sz")) / 100
        if cur:
            lines.append((cur, size))
        out.append(lines)
    return out


def test_an_address_breaks_only_at_its_break_points_and_fits_its_column(tmp_path, layout) -> None:
    # cited links (one labelled "source" would be the article's own address, shown beside it: test_sources_own_url)
    refs = [Reference("1", LONG_URL), Reference("2", "https://www.example.org/" + "a" * 140 + "/b?q=1&r=2")]
    prs = _deck(tmp_path, layout, QUOTES[:2], refs)
    slide = _slide(prs, "Sources")
    refs_shape = next(sh for sh in slide.shapes if sh.name == "References")
    font = Fonts.from_paths(layout.font_paths).style(False, False)
    width = (refs_shape.width - 2 * 73152) / EMU_PER_PT  # the box less its insets
    coffee, wide = [p for p in _link_lines(refs_shape) if p][-2:]
    assert "".join(t for t, _ in coffee) == "research.pellarin-commodities.example/softs/brazil-coffee-second-estimate"
    assert len(coffee) == 2
    for (a, _), (b, _) in zip(coffee, coffee[1:], strict=False):
        assert a[-1] in BREAK_AFTER or b[0] in BREAK_BEFORE, (a, b)  # was "…second-es" / "timate"
    for text, size in coffee + wide:  # every line fits: no viewer has to break it inside a word
        assert font.width(text, size) <= width, text
    # a part wider than the column: shown shortened to its host and last part, never cut inside a word
    assert "".join(t for t, _ in wide) == "example.org/…/b", wide
    assert not text_overflows(refs_shape.text_frame, layout.font_paths)


def test_url_lines_rules() -> None:
    fonts = Fonts.from_paths(load_layout(ROOT / "layouts" / "briefing-deck.yaml").font_paths)
    font = fonts.style(False, False)
    url = "research.pellarin-commodities.example/softs/brazil-coffee-second-estimate?id=7&x=1"
    assert "".join(segments(url)) == url
    assert shortened(url)[:2] == [url, "research.pellarin-commodities.example/softs/brazil-coffee-second-estimate"]
    wide = url_lines(url, 2000, 12, font)
    assert wide == [url]
    for width in (120, 200, 300):
        lines = url_lines(url, width, 12, font)
        assert len(lines) <= 2 or "".join(lines) == "research.pellarin-commodities.example"
        assert all(font.width(t, 12) <= width for t in lines)
        assert all(a[-1] in BREAK_AFTER or b[0] in BREAK_BEFORE for a, b in zip(lines, lines[1:], strict=False))
        assert "".join(lines) in shortened(url)
    assert url_lines("a" * 80 + ".example", 100, 12, font)[0].startswith("aaaa")  # a host with no break point


def test_the_briefs_addresses_break_only_at_their_break_points(tmp_path) -> None:
    """The seeds' references wrapped "…diversif" / "y-markets" and "…2021-0" / "6-28" in the brief."""
    import pdfplumber

    from pdf_fixtures import make_report
    from reportkit.render.pdf.render import render_pdf

    report = make_report()
    urls = ["https://www.reuters.com/business/energy/russia-eyes-mexico-oil-and-gas-projects-as-it-looks-to-diversify-"
            "markets-2021-05-17/",
            "https://www.reuters.com/world/us/us-mexico-mull-energy-cooperation-amid-tensions-with-russia-2021-06-28/",
            LONG_URL]
    report.documents[0].references = [Reference("source" if u == LONG_URL else str(k), u) for k, u in enumerate(urls)]
    report.documents[0].url = urls[0]
    out = tmp_path / "brief.pdf"
    render_pdf(report, load_layout(ROOT / "layouts" / "weekly-brief.yaml"), {}, out)
    with pdfplumber.open(out) as pdf:
        lines = [ln for page in pdf.pages for ln in (page.extract_text() or "").splitlines()]
        links = [a["uri"] for page in pdf.pages for a in page.hyperlinks]
    for url in urls:
        shown = url.split("://", 1)[1]
        at = [k for k, ln in enumerate(lines) if shown[:30] in ln]
        assert at, url
        for k in at:
            first = lines[k][lines[k].index(shown[:30]):]
            if shown.startswith(first):
                rest = shown[len(first):]
                if rest:  # broken: after a break character, and the next line goes on with the rest
                    assert first[-1] in "/?&-" or rest[0] == ".", (first, rest)
                    assert lines[k + 1].startswith(rest[:8]), (first, lines[k + 1])
        assert url in links  # still one clickable address


def test_a_key_figure_stays_bigger_than_its_label(tmp_path, layout) -> None:
    """A value with no room on one line was shrunk below its label ("$11,104.50/tonne" in 15 pt over an
    18 pt label, "about $121M" in 21 pt): it now wraps between its words or before its per-unit part."""
    from reportkit.model import KeyFigure

    report = seed_report()
    src = report.documents[0].source
    report.key_figures = [KeyFigure("$11,104.50/tonne", "Three-month copper", src, "a"),
                          KeyFigure("about $121M", "Ticket sales", src, "b"),
                          KeyFigure("1.8M b/d", "Pemex production target", src, "c"),
                          KeyFigure("$3.5B", "Shell share buybacks", src, "d")]
    out = tmp_path / "deck.pptx"
    render_pptx(report, layout, {}, out, warn=lambda _m: None)
    slide = _slide(Presentation(out), "Key figures")
    texts = {sh.text_frame.text.replace("\v", ""): sh for sh in slide.shapes if sh.has_text_frame}
    for value, label in (("$11,104.50/tonne", "Three-month copper"), ("about $121M", "Ticket sales")):
        shape = texts[value]
        size = min(r.font.size.pt for r in _runs(shape))
        assert size >= 24 and size > texts[label].text_frame.paragraphs[0].runs[0].font.size.pt, (value, size)
        assert not text_overflows(shape.text_frame, layout.font_paths)
        for line in shape.text_frame.text.split("\v"):  # a hand-made break only before a per-unit part
            assert line in ("$11,104.50", "/tonne", "about $121M"), line
    assert "1.8M b/d" in texts and "\v" not in texts["1.8M b/d"].text_frame.text  # "b/d" is one unit: no break


def _page_texts(story) -> list[str]:
    """Each page's text with every word's position: what moved shows."""
    import io

    import pdfplumber
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(story)
    with pdfplumber.open(io.BytesIO(buf.getvalue())) as pdf:
        return [(page.extract_text() or "") + repr([(w["text"], round(w["top"], 1)) for w in page.extract_words()])
                for page in pdf.pages]


def test_an_entrys_numbers_at_a_pages_top_say_whose_they_are(monkeypatch) -> None:
    """Week 3's brief began two pages with a row of numbers whose headline was on the page before."""
    from reportlab import rl_config

    monkeypatch.setattr(rl_config, "overlapAttachedSpace", 1)  # as the brief's frames: spacing not doubled
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    from reportkit.render.pdf.entries import Continued

    from reportlab.lib.styles import ParagraphStyle

    st = ParagraphStyle("spaced", parent=getSampleStyleSheet()["BodyText"], spaceBefore=8, spaceAfter=10)

    def story(filler: float) -> list:
        tail = [Continued(Paragraph("S2 · RATES CUT (CONTINUED)", st)), Paragraph("1.5% Policy rate", st),
                Paragraph("Read more: m2.txt", st)]
        return [Spacer(1, filler), Paragraph("Rates cut", st), KeepTogether(tail), Paragraph("After", st)]

    moved = _page_texts(story(660))  # the tail does not fit under its headline: it starts page 2
    assert len(moved) == 2 and moved[1].startswith("S2 · RATES CUT (CONTINUED)\n1.5% Policy rate")
    assert "CONTINUED" not in moved[0]
    stays = _page_texts(story(100))  # it fits: nothing is added, nothing moves
    assert len(stays) == 1 and "CONTINUED" not in stays[0]
    plain = _page_texts([Spacer(1, 100), Paragraph("Rates cut", st), KeepTogether(
        [Paragraph("1.5% Policy rate", st), Paragraph("Read more: m2.txt", st)]), Paragraph("After", st)])
    assert stays == plain


def test_a_source_line_drops_its_link_then_its_headline_rather_than_shrink(tmp_path, layout) -> None:
    """Week 6's coffee slide set "Source: S4 · <headline> · <its address>" in 9 pt, the seeds' first story in 10."""
    report = seed_report()
    report.documents[0].url = LONG_URL
    for story in report.stories:
        if story.source == report.documents[0].source:
            story.link = LONG_URL
    out = tmp_path / "deck.pptx"
    render_pptx(report, layout, {}, out, warn=lambda _m: None)
    lines = [sh for s in Presentation(out).slides for sh in s.shapes
             if sh.has_text_frame and sh.text_frame.text.startswith("Source: S") and sh.top > 5_000_000]
    assert lines
    tag_lines = 0
    for sh in lines:
        text = sh.text_frame.text
        if " · " not in text or text.count(" · ") < 2:
            tag_lines += 1
        assert all(r.font.size.pt >= 11 for r in _runs(sh)), text
        assert not text.endswith("…") and not text_overflows(sh.text_frame, layout.font_paths), text
    assert tag_lines  # the long line gave way from its end, at a " · "


def test_a_single_quote_slide_closes_its_quote_so_verify_reads_it(tmp_path, tmp_path_factory, layout) -> None:
    """The single-quote slide draws its opening mark as a shape of its own; without a closing mark
    the slide's text held no “…” and verify's quote check could not see the printed quote (only
    the notes' copy). The quote's text now closes it."""
    from conftest import source_index
    from reportkit.verify.quotewords import quote_problems
    from reportkit.verify.readback import read_back

    _deck(tmp_path, layout, [QUOTES[0]])
    texts, _values = read_back(tmp_path / "deck.pptx")
    [(where, slide)] = [(w, t) for w, t in texts if "notes" not in w and "kept losing" in t]
    index = source_index(tmp_path_factory, "corvane.txt", f"Corvane buys Halvorsen\n\n“{QUOTES[0][0]}” she said.\n")
    assert quote_problems([(where, slide)], index) == []
    changed = slide.replace("ten years", "twelve years")
    assert quote_problems([(where, changed)], index) != []  # read, and a word of no source found
