"""`verify --sources` checks words too: a figure's label, a chart's title and caption, a takeaway
must use the words of the source the figure traces to (reportkit/verify/labels.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from reportkit.verify import load_sources
from reportkit.verify import layout_words
from reportkit.verify.labels import label_problems, read_printed

# an invented article (CC0), with figures whose labels the tests print right and wrong
ARTICLE = """Tidewater loses listeners as price rise bites

OSLO, Dec 7, 2026 (RK Wire) - Audio service Tidewater lost 0.4 million paid listeners in the three months to
November, its first quarterly decline, ending the period with 20.5 million.

Average revenue per listener rose to $6.75 a month from $5.90, after the company raised prices in August.
Quarterly revenue was $412 million, a change of 1.3% from the previous quarter.

Its operating profit in the third quarter fell 11% from a year earlier to $48 million.
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("labels-src")
    (folder / "tidewater.txt").write_text(ARTICLE, encoding="utf-8")
    return load_sources([folder])


def figure_page(value: str, label: str) -> str:
    return f"Key figures\n{value}\n{label}\nSource: [S1]\n"


def check(index, value: str, label: str, author: set[str] | None = None) -> list[str]:
    return label_problems([("page 2", figure_page(value, label))], index, author)


@pytest.mark.parametrize("value,label", [
    ("$412M", "Quarterly revenue"),
    ("$6.75/month", "Average revenue per listener"),
    ("−11%", "Tidewater operating profit, third quarter"),  # "Its": whose, from the headline's name
    ("20.5M", "Paid listeners"),
])
def test_a_label_of_its_sentence_passes(index, value, label):
    assert check(index, value, label) == []


def test_a_word_from_another_sentence_is_flagged(index):
    # "average" is the sentence before's, and that sentence does not say whose or what this one is
    [p] = check(index, "$412M", "Average revenue")
    assert p.startswith("page 2: figure $412M 'Average revenue':") and "average" in p


def test_a_foreign_word_is_flagged(index):
    [p] = check(index, "$412M", "Quarterly subscription revenue")
    assert "subscription" in p


def test_a_month_from_a_clause_of_its_own_is_flagged(index):
    # "$5.90, after the company raised prices in August": August is when prices rose, not the figure's month
    [p] = check(index, "$5.90", "Average revenue per listener, August 2026")
    assert "'August' is not its sentence's period" in p


def test_a_period_the_sentence_does_not_say_is_flagged(index):
    assert check(index, "−11%", "Operating profit, third quarter") == []
    [p] = check(index, "−11%", "Operating profit, second quarter")
    assert "second quarter" in p
    [p] = check(index, "$412M", "Quarterly revenue, 2025")
    assert "2025" in p


def test_two_periods_and_a_time_are_no_label(index):
    assert "two periods" in check(index, "−11%", "Operating profit from third quarter 2025, 2026")[0]
    assert "two periods" in check(index, "−11%", "Third quarter operating profit, third quarter")[0]
    assert "ends on a time" in check(index, "20.5M", "Paid listeners three months")[0]


def test_a_label_that_stops_inside_its_noun_or_at_its_verb_is_flagged(index):
    # "Tidewater lost 0.4 million paid listeners": "Tidewater lost" names no measure
    assert "leading up to the figure" in check(index, "0.4M", "Audio service Tidewater lost")[0]
    # "average revenue per listener": "Average revenue" is another measure
    assert "cut short" in check(index, "$6.75/month", "Average revenue")[0]
    assert check(index, "0.4M", "Tidewater paid listeners") == []


def test_a_label_the_layout_author_wrote_passes(index, tmp_path):
    (tmp_path / "content.yaml").write_text("key_figures:\n  picks:\n    - label: Tidewater quarterly sales\n",
                                           encoding="utf-8")
    assert check(index, "$412M", "Tidewater quarterly sales")  # not the article's words
    author = layout_words([tmp_path / "brief.yaml"])
    assert check(index, "$412M", "Tidewater quarterly sales", author) == []


def test_a_number_that_traces_to_nothing_is_left_to_the_numbers_check(index):
    assert check(index, "$999M", "Anything at all") == []


def test_the_read_back_finds_figures_captions_titles_and_takeaways():
    page = ("Key takeaways\n01\nAudio service Tidewater lost 0.4 million paid listeners in the three months to\n"
            "November.\n[S1]\nKey figures\n$412M\nQuarterly\nrevenue\nSource: [S1]\nFIGURE 1\n$5.90/month\n"
            "$6.75/month\nFrom\nTo\nAverage revenue per listener\nSource: Tidewater loses (tidewater.txt)\n"
            "Average revenue per listener: $6.75/month, from $5.90/month.\nSource: [S1] Tidewater loses\n"
            "Chart description: Bar chart: Average revenue per listener rose from $5.90/month to $6.75/month.\n"
            "SOURCE S1\nU.S. job numbers beat expectations; unemployment rate falls to\n4.1%\nThe rate fell.\n")
    got = [(p.kind, p.shown, p.label) for p in read_printed(page, "page 1")]
    assert got == [
        ("takeaway", "", "Audio service Tidewater lost 0.4 million paid listeners in the three months to November."),
        ("figure", "$412M", "Quarterly revenue"),  # a label broken over two lines is one label
        ("chart title", "$5.90/month", "Average revenue per listener"),  # the title is said of every value
        ("chart title", "$6.75/month", "Average revenue per listener"),
        ("bar", "$5.90/month\n$6.75/month", "From"),
        ("bar", "$5.90/month\n$6.75/month", "To"),
        ("caption", "$6.75/month", "Average revenue per listener"),
        ("description", "$6.75/month", "Average revenue per listener"),
    ]  # the bars' values are no figures, nor is a headline's number broken onto a line of its own


def test_a_bar_or_legend_name_must_be_the_chart_article_s(index):
    chart = ("FIGURE 1\n$5.90/month\n$6.75/month\n{a}\n{b}\nAverage revenue per listener\n"
             "Source: Tidewater loses (tidewater.txt)\n")
    assert label_problems([("page 3", chart.format(a="From", b="To"))], index) == []
    assert label_problems([("page 3", chart.format(a="Aug 2026", b="Nov 2026"))], index) == []  # both named
    [p] = label_problems([("page 3", chart.format(a="From", b="Lunar plan"))], index)
    assert p.startswith("page 3: bar 'Lunar plan'") and "lunar" in p
    [p] = label_problems([("page 3", chart.format(a="From", b="Q1 2026"))], index)
    assert "no period its article names" in p
    # a deck's native chart: its category and series names, with the chart's first value
    [p] = label_problems([], index, names=[("slide 9 chart", "Lunar plan", 6.75), ("slide 9 chart", "To", 6.75)])
    assert p == "slide 9 chart: bar 'Lunar plan': lunar, plan not in the chart's article"


def test_a_label_is_its_own_story_s_when_that_story_has_the_number(tmp_path):
    """Two articles print $412 million: the figure printed with "Source: [S1]" is the first's, so
    the second's words do not label it (the tag is read from the output's own sources list)."""
    (tmp_path / "a_tidewater.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b_harbour.txt").write_text("Harbour fees climb\n\nPORT, Dec 7, 2026 - Harbour fees totalled "
                                            "$412 million in the year, the port said.\n", encoding="utf-8")
    two = load_sources([tmp_path])
    sources = "Sources\nS1\nTidewater loses listeners\na_tidewater.txt\nS2\nHarbour fees climb\nb_harbour.txt\n"
    assert label_problems([("page 2", figure_page("$412M", "Harbour fees"))], two) == []  # no sources list: either
    [p] = label_problems([("page 2", figure_page("$412M", "Harbour fees")), ("page 6", sources)], two)
    assert p.startswith("page 2: figure $412M 'Harbour fees'")
    assert label_problems([("page 2", figure_page("$412M", "Quarterly revenue")), ("page 6", sources)], two) == []


def test_a_takeaway_not_in_the_sources_is_flagged(index):
    ok = ("01\nAudio service Tidewater lost 0.4 million paid listeners in the three months to November, its first "
          "quarterly decline, ending the period with 20.5 million.\n[S1]\n")
    bad = "01\nQuarterly revenue was $412 million, a record for the streaming group.\n[S1]\n"
    assert label_problems([("page 1", ok)], index) == []
    [p] = label_problems([("page 1", bad)], index)
    assert p.startswith("page 1: takeaway")
    # the source's own sentence, but read alone it says when only against a quarter it does not name
    relative = "01\nQuarterly revenue was $412 million, a change of 1.3% from the previous quarter.\n[S1]\n"
    [p] = label_problems([("page 1", relative)], index)
    assert "'the previous quarter' points back" in p


@pytest.mark.slow
def test_a_built_week_passes_and_a_wrong_label_in_it_fails(tmp_path):
    """End to end: a held-out week built by the CLI passes ``verify --sources``; the same deck with
    one key figure's label changed to another sentence's words fails, naming the slide."""
    from pptx import Presentation

    shutil.copytree(ROOT / "tests" / "data" / "news_heldout4", tmp_path / "sources")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1763942400", "REPORTKIT_CACHE_DIR": str(tmp_path / "cache")}

    def rk(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "reportkit", *args], cwd=tmp_path, env=env, capture_output=True,
                              text=True, timeout=300)

    assert rk("build", "sources", "--week", "2026-W47", "--out", "out", "-q").returncode == 0
    outs = sorted(str(p) for p in (tmp_path / "out").iterdir() if p.suffix in (".pdf", ".pptx"))
    ok = rk("verify", *outs, "--sources", "sources")
    assert ok.returncode == 0, ok.stdout
    deck = next(p for p in outs if p.endswith(".pptx"))
    prs = Presentation(deck)
    changed = None
    for i, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text == "Quarterly revenue" and changed is None:
                shape.text_frame.paragraphs[0].runs[0].text = "Average revenue"
                changed = i
    if changed is None:  # the week's deck shows revenue elsewhere: change the first story figure's label
        for i, slide in enumerate(prs.slides, 1):
            texts = [s for s in slide.shapes if s.has_text_frame]
            for a, b in zip(texts, texts[1:]):
                if a.text_frame.text.startswith("$11.85") and changed is None:
                    b.text_frame.paragraphs[0].runs[0].text = "Average revenue per user, August 2026"
                    changed = i
    assert changed is not None
    prs.save(deck)
    bad = rk("verify", deck, "--sources", "sources")
    assert bad.returncode == 1
    assert f"slide {changed}: figure" in bad.stdout, bad.stdout


def test_a_name_written_only_first_in_its_sentences_is_a_name_when_possessive(tmp_path):
    # `reportkit init`'s sample article names its town only as "Northfield's" at the start of its
    # headline and of a sentence (the dateline before it is cut); "Its" in the next sentence means
    # it, so a label may say whose figure it is (the README's verify command failed on it)
    shutil.copy(ROOT / "reportkit" / "scaffold" / "sample-article.md", tmp_path / "sample.md")
    index = load_sources([tmp_path])
    assert label_problems([("slide 4", figure_page("£48", "Northfield annual membership fee, 2025"))], index) == []
    [p] = label_problems([("slide 4", figure_page("£48", "Southfield annual membership fee, 2025"))], index)
    assert "southfield" in p


def test_a_range_is_a_figure_of_its_own_not_the_label_of_the_one_before():
    # a story's row of key numbers, read back one per line: the range was taken for the label's
    # next words ("Worldwide $50M–$58M Domestic opening"), a false alarm on a true label
    page = "about $180M\nFilm\n$148.3M\nWorldwide\n$50M–$58M\nDomestic opening\nSource: [S1]\n"
    got = [(p.shown, p.label) for p in read_printed(page, "page 3") if p.kind == "figure"]
    assert got == [("about $180M", "Film"), ("$148.3M", "Worldwide"), ("$50M–$58M", "Domestic opening")]


def test_a_time_word_the_sentence_counts_is_a_unit(tmp_path):
    """"1.86 million skier days": the label "Valmora skier days" measures skier days (week 11 had five
    false alarms); a time word the sentence does not count ("9.5 million euros a day") still ends a label on a time."""
    (tmp_path / "ski.txt").write_text("Valmora ski season\n\nSki areas in Valmora counted 1.86 million skier days over "
                                      "the holidays, 7.2% more than a year earlier. Visitors spent 9.5 million euros a day.\n",
                                      encoding="utf-8")
    index = load_sources([tmp_path])
    assert check(index, "1.86M", "Valmora skier days") == []
    assert check(index, "+7.2%", "Valmora skier days") == []
    assert "ends on a time" in check(index, "€9.5M", "Visitors spent a day")[0]


def test_a_counted_time_word_under_a_capitalised_label_is_a_unit(tmp_path):
    """"about 9.4M / Parking sessions" for "paid for about 9.4 million parking sessions" (week 21, round s16):
    the card's capital is no name; the sentence counts parking sessions."""
    (tmp_path / "bays.txt").write_text("Town parking\n\nDrivers paid for about 3.1 million parking sessions in the town "
                                       "in 2026.\n", encoding="utf-8")
    index = load_sources([tmp_path])
    assert check(index, "about 3.1M", "Parking sessions") == []


def test_a_caption_value_keeps_its_thousands_comma():
    """Week 12's caption "List price: $1,240 in Q2 2026, $1,085/tonne in Q4 2026." was read as "$1"
    (four false alarms: "list, price not in its sentence")."""
    def captions(caption: str) -> list[str]:
        page = ("FIGURE 2\nList price\n$1,240\n$1,085/tonne\nQ2 2026\nQ4 2026\nSource: [S1] Pulp prices slide\n"
                f"{caption}\n")
        return [p.shown for p in read_printed(page, "page 3") if p.kind == "caption"]

    assert captions("List price: $1,240 in Q2 2026, $1,085/tonne in Q4 2026.") == ["$1,240"]
    assert captions("List price: 4.1% in 2026, 4.4% in 2025.") == ["4.1%"]


def test_last_year_is_the_year_before_the_article_s_date(tmp_path):
    # week 14 (first contact): "2.31 million swims last year" in a page dated 9 Feb 2027, printed as
    # "Kellbrook swims, 2026", was flagged "2026 is not its sentence's year" five times
    (tmp_path / "pools.txt").write_text(
        "Pools busier than ever\n\nKELLBROOK, Feb 9, 2027 - Kellbrook's four pools recorded 2.31 million swims "
        "last year, 6.4% more than in 2025.\n", encoding="utf-8")
    index = load_sources([tmp_path])
    assert label_problems([("page 2", figure_page("2.31M", "Kellbrook swims, 2026"))], index) == []
    [p] = label_problems([("page 2", figure_page("2.31M", "Kellbrook swims, 2025"))], index)
    assert "2025" in p
    [p] = label_problems([("page 2", figure_page("2.31M", "Kellbrook swims, 2027"))], index)
    assert "2027" in p


def test_a_first_person_takeaway_signed_by_its_dateline_is_the_source_s(tmp_path_factory):
    """The story stage prints a note's "By our count, ..." with the signer its dateline names; verify
    flagged it as words of no article (week 17's one false alarm)."""
    from conftest import source_index

    note = ("---\ntitle: Stores\ndate: 2027-03-04\n---\n\n# Stores on every corner\n\n"
            "Harbour Equity Research — 4 March 2027\n\n"
            "By our count, sales at the chains reached $312 million in 2026, up 14% on 2025.\n")
    index = source_index(tmp_path_factory, "stores.md", note)
    signed = "01\nHarbour Equity Research: By our count, sales at the chains reached $312 million in 2026, up 14% on 2025.\n[S1]\n"
    assert label_problems([("page 1", signed)], index) == []
    unsigned = "01\nRival Capital: By our count, sales at the chains reached $312 million in 2026, up 14% on 2025.\n[S1]\n"
    assert label_problems([("page 1", unsigned)], index) != []  # a name the note does not carry


def test_a_quarter_labelled_by_the_span_its_article_wrote_is_its_period(tmp_path_factory):
    """"Revenue for the quarter rose to ..." after "in the three months to December": the story stage
    labels the figure "three months to December" (story.periodwords); verify flagged 'December' as
    not its sentence's period (week 17's false alarm). A span that is not the figure's quarter, or
    that the article never wrote, is still flagged."""
    from conftest import card_problems, source_index

    note = ("Mill ships more yarn\n\nDHAKA, March 1, 2027 (RK Wire) - Nadir Mills shipped 41,300 tonnes of yarn in "
            "the three months to December, 6.1% more than a year earlier.\n\n"
            "Revenue for the quarter rose to $87 million from $71 million in the same period of 2025.\n")
    index = source_index(tmp_path_factory, "mill.txt", note)
    assert card_problems(index, "$87M", "Revenue, three months to December") == []
    assert card_problems(index, "$87M", "Revenue, three months to September") != []  # not the quarter told
    assert card_problems(index, "$87M", "Revenue, six months to December") != []  # a half the article never wrote


def test_a_bar_charts_unit_note_is_no_title_or_bar_label() -> None:
    """charts/draw.py says the labels' unit once above the plot ("in JMD") when the bars print the
    numbers alone; read back, it is neither the chart's title nor a bar's label (it was flagged
    "chart title 13.9B 'in JMD': jmd not in its sentence" on a week in Jamaican dollars)."""
    from reportkit.verify.printed import read_printed

    page = ("FIGURE 1\n\nValue by parish\nin JMD\n\n14B\n11.4B\n\nSt Catherine\n\nKingston\n\n"
            "Source: [S3] Mortgage lending statistics\n")
    printed = read_printed(page, "page 2")
    assert not any("in JMD" in p.label for p in printed)
    page = page.replace("Kingston\n\n", "Kingston\n\nHybrid share\nin JMD\n")
    titles = [p for p in read_printed(page, "page 2") if p.kind == "chart title"]
    assert titles and all(p.label == "Hybrid share" for p in titles)
