"""A layout whose charts and key-figure picks match none of the week's sources: the build warns
once, naming the content file, that the brief's title may not fit the week (story/topic.py).

The default layout's title ("Russia–Mexico Energy Brief") was printed on every held-out week, none
of them about it, without a word. The title itself is kept: it is the publication's name, the
user's choice; the warning says where to change it."""

from __future__ import annotations

from pathlib import Path

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
