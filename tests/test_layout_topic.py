"""A layout whose charts and key-figure picks match none of the week's sources: the build warns
once, naming the content file, that the brief's title may not fit the week (story/topic.py).

The default layout's title ("Russia–Mexico Energy Brief") was printed on every held-out week, none
of them about it, without a word. A content file's title is the publication's name, the user's
choice, never replaced by a guess: a content file may declare its own neutral masthead for such a
week (``off_topic``, the shipped one does), else its title is kept and the warning says where to
change it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportkit.facts import add_facts
from reportkit.layouts.load import load_layout
from reportkit.readers import read_paths
from reportkit.story import assemble, off_topic
from reportkit.week import parse_week

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = """# Harbour handles a record 9 million containers

The port of Kallmere handled 9.04 million containers in 2026, up 5.7% from 2025, the port
authority said on Thursday. Revenue rose 8% to 412 million euros.
"""


def _report(tmp_path: Path, sources: list[Path]):
    layout = load_layout(ROOT / "layouts" / "weekly-brief.yaml")
    docs, _warnings = read_paths(sources)
    for d in docs:
        add_facts(d)
    return layout, assemble(docs, layout, parse_week("2026-W47"), chart_data={}), docs


def test_a_week_off_the_layouts_topic_is_warned_in_one_line_naming_the_content_file(tmp_path) -> None:
    article = tmp_path / "harbour.md"
    article.write_text(ARTICLE, encoding="utf-8")
    layout, report, docs = _report(tmp_path, [article])
    assert report.key_figures  # the article's own figures fill the panel, none of the picks'
    message = off_topic(layout, report, docs)
    assert message is not None and "\n" not in message
    assert message.startswith(f"{layout.content_path}: ")
    assert "Russia–Mexico Energy Brief" in message and "--layout" in message and "title" in message
    assert report.title.startswith("Russia–Mexico Energy Brief")  # the title is kept, not guessed


def test_a_week_on_the_layouts_topic_is_not_warned(tmp_path) -> None:
    """The seeds (the layout's own subject) match its key-figure picks: no warning."""
    layout, report, docs = _report(tmp_path, sorted((ROOT / "seeds").glob("*.txt")))
    assert report.key_figures
    assert off_topic(layout, report, docs) is None


def test_the_build_says_it_once_on_stderr_for_brief_and_deck(tmp_path) -> None:
    """Both outputs share the content file: the build says the warning once."""
    from reportkit.build import BuildOptions, build_report

    src = tmp_path / "src"
    src.mkdir()
    (src / "harbour.md").write_text(ARTICLE, encoding="utf-8")
    said: list[str] = []
    opts = BuildOptions(sources=[src], layouts=[ROOT / "layouts" / "weekly-brief.yaml",
                                                ROOT / "layouts" / "briefing-deck.yaml"],
                        out=tmp_path / "out", week="2026-W47", use_cache=False, compare="none")
    summary = build_report(opts, warn=said.append)
    assert [m for m in said if "key-figure picks it configures" in m] == [
        m for m in summary.warnings if "key-figure picks it configures" in m]
    assert len([m for m in said if "key-figure picks it configures" in m]) == 1


# -- a content file's own masthead for such a week (off_topic) --------------------------------------

def _layouts_without_off_topic(tmp_path: Path) -> Path:
    """A copy of the shipped layouts whose content file declares no off_topic (a user's own)."""
    import shutil

    import yaml

    folder = tmp_path / "own"
    shutil.copytree(ROOT / "layouts", folder)
    data = yaml.safe_load((folder / "content.yaml").read_text(encoding="utf-8"))
    del data["off_topic"]
    (folder / "content.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


def test_the_shipped_content_prints_its_off_topic_masthead_on_a_week_off_its_topic(tmp_path) -> None:
    """The shipped title names Russia–Mexico energy; a week about a harbour gets the content file's
    neutral masthead (title, page headers, metadata subject and keywords), and one line says so."""
    from reportkit.story import retitle

    article = tmp_path / "harbour.md"
    article.write_text(ARTICLE, encoding="utf-8")
    layout, report, docs = _report(tmp_path, [article])
    message = retitle(layout, report, docs)
    assert message is not None and "\n" not in message and message.startswith(f"{layout.content_path}: ")
    assert "off_topic" in message and "Russia–Mexico Energy Brief" in message
    assert (report.title, report.short_title) == ("Weekly Brief — Week 47, 2026", "Weekly Brief")
    assert report.about(layout.content) == ("", [])  # the content file's subject is its own topic's


def test_a_week_on_topic_keeps_the_content_files_title_and_metadata(tmp_path) -> None:
    """The seeds match the picks: nothing is replaced (their outputs keep every byte)."""
    from reportkit.story import retitle

    layout, report, docs = _report(tmp_path, sorted((ROOT / "seeds").glob("*.txt")))
    assert retitle(layout, report, docs) is None
    assert report.title.startswith("Russia–Mexico Energy Brief") and report.short_title == "Russia–Mexico Energy Brief"
    assert report.about(layout.content) == (layout.content.subject, layout.content.keywords)


def test_a_content_file_without_off_topic_keeps_its_title_and_warns(tmp_path) -> None:
    """A user's content file without off_topic: its title is their publication's name, kept; the
    week is still warned about."""
    from reportkit.story import retitle

    article = tmp_path / "harbour.md"
    article.write_text(ARTICLE, encoding="utf-8")
    layout = load_layout(_layouts_without_off_topic(tmp_path) / "weekly-brief.yaml")
    docs, _warnings = read_paths([article])
    for d in docs:
        add_facts(d)
    report = assemble(docs, layout, parse_week("2026-W47"), chart_data={})
    message = retitle(layout, report, docs)
    assert message is not None and "yet every page is titled" in message and "off_topic" in message
    assert report.title == "Russia–Mexico Energy Brief — Week 47, 2026" and report.subject is None


@pytest.mark.parametrize("off_topic, key", [
    ({"title": "Weekly Brief — Week {weeknumber}"}, "off_topic.title"),
    ({"title": "Weekly Brief"}, "off_topic.short_title"),
    ({"title": "Weekly Brief", "short_title": "Weekly Brief", "titel": "x"}, "off_topic.titel"),
    ("Weekly Brief", "off_topic"),
])
def test_a_bad_off_topic_is_one_error_naming_its_key_path(tmp_path, off_topic, key) -> None:
    import yaml

    from reportkit.errors import LayoutError

    folder = _layouts_without_off_topic(tmp_path)
    data = yaml.safe_load((folder / "content.yaml").read_text(encoding="utf-8"))
    data["off_topic"] = off_topic
    (folder / "content.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(LayoutError) as caught:
        load_layout(folder / "weekly-brief.yaml")
    assert f"{key}:" in str(caught.value), str(caught.value)


def _build(tmp_path: Path, layouts: Path, **options):
    from reportkit.build import BuildOptions, build_report

    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    (src / "harbour.md").write_text(ARTICLE, encoding="utf-8")
    said: list[str] = []
    opts = BuildOptions(sources=[src], layouts=[layouts / "weekly-brief.yaml", layouts / "briefing-deck.yaml"],
                        out=tmp_path / "out", week="2026-W47", use_cache=False, compare="none", **options)
    build_report(opts, warn=said.append)
    pdf = next((tmp_path / "out").glob("*.pdf"))
    deck = next((tmp_path / "out").glob("*.pptx"))
    return pdf, deck, said


def test_the_brief_and_the_deck_of_a_week_off_topic_carry_the_off_topic_masthead(tmp_path) -> None:
    """Cover, page headers, PDF metadata, the deck's title slide and its properties: no page or
    slide says "Russia–Mexico" on a week about a harbour; the cover does not say "Weekly brief"
    twice (its default kicker above a title opening with the same words)."""
    from pptx import Presentation
    from pypdf import PdfReader

    pdf, deck, said = _build(tmp_path, ROOT / "layouts")
    assert len([m for m in said if "its off_topic" in m]) == 1
    reader = PdfReader(str(pdf))
    assert reader.metadata.title == "Weekly Brief — Week 47, 2026"
    assert not reader.metadata.subject and not reader.metadata.get("/Keywords")
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Russia" not in text and "Mexico" not in text
    assert text.upper().count("WEEKLY BRIEF") == text.count("Weekly Brief") >= 1
    assert "WEEKLY BRIEF —" not in text.split("Weekly Brief — Week 47, 2026")[0].upper()
    prs = Presentation(str(deck))
    assert prs.core_properties.title == "Weekly Brief — Week 47, 2026"
    assert prs.core_properties.subject == "" and prs.core_properties.keywords == ""
    slides = "\n".join(s.text_frame.text for slide in prs.slides for s in slide.shapes if s.has_text_frame)
    assert "Weekly Brief — Week 47, 2026" in slides and "Russia" not in slides and "Mexico" not in slides


def test_a_title_given_for_the_build_is_kept_and_nothing_is_said(tmp_path) -> None:
    from pypdf import PdfReader

    pdf, _deck, said = _build(tmp_path, ROOT / "layouts", title="Harbour Desk")
    assert PdfReader(str(pdf)).metadata.title == "Harbour Desk"
    assert not [m for m in said if "key-figure picks it configures" in m]


def test_a_users_content_without_off_topic_keeps_its_masthead_in_both_outputs(tmp_path) -> None:
    from pypdf import PdfReader

    pdf, _deck, said = _build(tmp_path, _layouts_without_off_topic(tmp_path))
    assert PdfReader(str(pdf)).metadata.title == "Russia–Mexico Energy Brief — Week 47, 2026"
    assert len([m for m in said if "yet every page is titled" in m]) == 1
