"""Assembling documents into a report: title, takeaways, key figures."""

import pytest

from reportkit.story import assemble, key_figures, merge_takeaways, render_title
from reportkit.errors import LayoutError
from reportkit.layouts.load import load_layout
from reportkit.model import Block, Document, Fact, Section
from reportkit.week import parse_week


def fact(fid, text, value, unit, label, source="a.txt", year=None, sentence=""):
    return Fact(id=fid, text=text, value=value, unit=unit, source=source, start=0, end=len(text),
                sentence=sentence or f"... {text} ...", label=label, year=year)


@pytest.fixture
def docs():
    a = Document(
        source="seeds/a.txt", title="Russia courts Mexico", subtitle="Putin eyes a Yucatan corridor.",
        sections=[Section(None, [Block("paragraph", "In 2022, $2.8 million arrived.")])],
        key_points=["Russia aims to increase its energy ties with Mexico.",
                    "Russia aims to increase energy ties with Mexico!"],
        facts=[fact("f1", "$2.8 million", 2.8e6, "USD", "FDI from Russia", "seeds/a.txt", 2022),
               fact("f2", "$86.4 million", 86.4e6, "USD", "FDI from Russia", "seeds/a.txt", 2024),
               fact("f2b", "$86.4 million", 86.4e6, "USD", "FDI from Russia", "seeds/a.txt", 2024),
               fact("f3", "135 years", 135, "years", "diplomatic relations", "seeds/a.txt")],
    )
    b = Document(
        source="seeds/b.txt", title="Gas", key_points=[],
        facts=[fact("g1", "72%", 72, "percent", "natural gas imported", "seeds/b.txt",
                    sentence="Mexico imports approximately 72% of its natural gas."),
               fact("g2", "1.8 million barrels per day", 1.8e6, "barrels_per_day", "production target",
                    "seeds/b.txt", sentence="The goal is a target of 1.8 million barrels per day.")],
    )
    return [a, b]


def test_title_template_uses_week(layouts_dir):
    assert render_title("Brief — Week {week_number}, {year} ({week})", parse_week("2026-W47"), "title",
                        layouts_dir) == "Brief — Week 47, 2026 (2026-W47)"


def test_unknown_placeholder_names_the_key(layouts_dir):
    with pytest.raises(LayoutError, match=r"title: bad placeholder .*\{wek\}"):
        render_title("Week {wek}", parse_week("2026-W47"), "title", layouts_dir / "content.yaml")


def test_takeaways_merge_near_duplicates_and_cover_every_source(docs):
    t = merge_takeaways(docs, limit=8)
    assert t[0].text == "Russia aims to increase its energy ties with Mexico."
    assert t[0].sources == ["seeds/a.txt"]
    assert len([x for x in t if "energy ties" in x.text]) == 1
    # b.txt has no key points: its fact-bearing sentences stand in
    assert any(x.sources == ["seeds/b.txt"] and "72%" in x.text for x in t)


def test_takeaways_respect_limit(docs):
    assert len(merge_takeaways(docs, limit=1)) == 1


def test_key_figures_follow_picks_then_rank(seeds, layouts_dir):
    from reportkit.facts import add_facts
    from reportkit.readers import read_paths

    layout = load_layout(layouts_dir / "weekly-brief.yaml")
    docs, _ = read_paths([seeds])
    figs = key_figures(layout.content, [add_facts(d) for d in docs])
    assert [f.display for f in figs] == ["$86.4M", "approximately 72%", "1.8M b/d", "135 years"]
    assert figs[0].label == "FDI from Russia in Mexico, 2024"
    assert figs[0].source.rsplit("/", 1)[-1] == "000_52c727dd3fe4205e.txt"  # a path (issue 14)
    assert len({f.fact_id for f in figs}) == len(figs) and all(f.fact_ids[0] == f.fact_id for f in figs)


def test_picks_do_not_lend_labels_to_other_stories(docs, layouts_dir):
    """The synthetic facts here hold none of the picks' words in their sentences or
    articles: no pick applies, each is left out with a warning, and nothing unlabelled fills in."""
    layout = load_layout(layouts_dir / "weekly-brief.yaml")
    warnings: list[str] = []
    figs = key_figures(layout.content, docs, warnings.append)
    assert figs == []
    assert len(warnings) == 4 and all("key_figures.picks" in w and "left out" in w for w in warnings)


def test_assemble_without_charts(docs, layouts_dir):
    layout = load_layout(layouts_dir / "weekly-brief.yaml")
    report = assemble(docs, layout, parse_week("2026-W47"), chart_data={})
    assert report.title == "Russia–Mexico Energy Brief — Week 47, 2026"
    # several sources: the standfirst names the week's stories (one source's own standfirst would
    # speak for it alone), most salient first
    assert report.standfirst.startswith("This week's brief draws on 2 sources: ")
    assert all(s.headline in report.standfirst for s in report.stories)
    one = assemble(docs[:1], layout, parse_week("2026-W47"), chart_data={})
    assert one.standfirst == "Putin eyes a Yucatan corridor."
    assert report.charts == []
    # the synthetic facts have no sentence to read a measure from: no figure is labelled by a guess
    assert report.key_figures == []
