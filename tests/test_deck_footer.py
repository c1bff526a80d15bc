"""A deck's footer on one line: a template's narrow footer placeholder wrapped the brand footer and
the classification onto two lines at 8 pt (poi-gold-bar-4x3.potx, every slide). The footer keeps
its words in order and gives way from the brand footer's end (its part after " · ", then all of
it) before it would wrap or shrink below 8 pt; the classification is always printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from fixtures.pptx_report import seed_report
from reportkit.layouts.load import load_layout
from reportkit.render.pptx.render import render_pptx
from reportkit.render.pptx.text import Fonts, measure_frame
from test_templates import TEMPLATES, check_deck, deck_layout

ROOT = Path(__file__).resolve().parent.parent
BRAND_FOOTER = "Meridian Energy Desk · Weekly intelligence brief"  # layouts/brand.yaml
CLASSIFICATION = "INTERNAL — NOT FOR DISTRIBUTION"


def _footer(slide):
    for sh in slide.shapes:
        if sh.is_placeholder and sh.placeholder_format.type == PP_PLACEHOLDER.FOOTER or sh.name == "Footer":
            return sh
    return None


def _check_footers(prs, fonts: Fonts) -> list[str]:
    texts = []
    for slide in prs.slides:
        sh = _footer(slide)
        if sh is None:
            continue
        tf = sh.text_frame
        text = tf.text
        texts.append(text)
        needed, _avail = measure_frame(tf, fonts)
        one_line, _ = measure_frame(tf, fonts, width_emu=10 ** 9)
        assert needed <= one_line + 0.5, (text, needed, one_line)  # on one line
        sizes = [r.font.size.pt for p in tf.paragraphs for r in p.runs if r.text.strip() and r.font.size]
        assert all(s >= 8 for s in sizes), (text, sizes)
        assert text.endswith(CLASSIFICATION), text
        words = text[: -len(CLASSIFICATION)].rstrip(" ·")
        assert BRAND_FOOTER.startswith(words), text  # the footer's own words, from its start
    return texts


@pytest.mark.parametrize("template", ["poi-gold-bar-4x3.potx", "coreoz-4x3-fr.pptx"])
def test_a_templates_footer_stays_on_one_line(tmp_path, template) -> None:
    layout = load_layout(deck_layout(tmp_path, template))
    out = tmp_path / "deck.pptx"
    render_pptx(seed_report(), layout, {}, out, warn=lambda _m: None)
    prs = check_deck(out, template)  # and still no typeface or RGB colour of ours
    texts = _check_footers(prs, Fonts.from_paths(layout.font_paths))
    assert texts, "the template has a footer"


def test_the_branded_decks_footer_is_whole(tmp_path) -> None:
    layout = load_layout(ROOT / "layouts" / "briefing-deck.yaml")
    out = tmp_path / "deck.pptx"
    render_pptx(seed_report(), layout, {}, out, warn=lambda _m: None)
    texts = _check_footers(Presentation(out), Fonts.from_paths(layout.font_paths))
    assert texts and all(t.startswith(BRAND_FOOTER) for t in texts)
