"""What the sixth held-out week (tests/data/news_heldout6, written blind) showed in its takeaways and
summaries, fixed by general rules: a research note's header line (a name, a dash and a date) is no
sentence of the article; a wire dateline with a country after its city, or one without a date at the
start of a page's first paragraph, is no words of it; a sentence whose subject is no one in particular
only announces the quote after it; a one-line summary whose subject is "The company, which ..." does
not say whose it is; and the writer's "We expect ..." does not say who "we" is."""

from __future__ import annotations

from reportkit.facts import add_facts
from reportkit.facts.extract import published_text
from reportkit.model import Story
from reportkit.readers import read_file, read_text
from reportkit.story.summaries import candidates
from reportkit.story.takeaways import story_points

from conftest import ROOT
from conftest import summary_texts as _summary

WEEK = ROOT / "tests" / "data" / "news_heldout6"


def test_a_notes_header_line_is_its_byline_not_a_sentence() -> None:
    doc = add_facts(read_file(WEEK / "u4_coffee_crop.md"))
    assert doc.dateline == "Pellarin Commodities softs research — 17 December 2026"
    assert all("softs research" not in s.text for s in candidates(doc))  # was the story's first summary sentence
    assert published_text(doc) == doc.dateline  # its date dates the note's "this year"
    # a sentence that ends on a date is no header line
    doc = read_text("# Title\n\nShares rose 4% to a record on 17 December 2026.\n\nMore text here.", "a.md", ".md")
    assert doc.dateline is None and "Shares rose" in doc.body_text()


def test_a_wire_dateline_with_a_country_is_stripped() -> None:
    doc = read_text("Fires spread\n\nVALPARAISO, Chile, Dec 18, 2026 (RK Wire) - Wildfires in central Chile have "
                    "burned nearly 41,000 hectares since Saturday, the forest service said.\n\nThree people "
                    "have died, the ministry said.", "a.txt")
    assert doc.dateline == "VALPARAISO, Chile, Dec 18, 2026"
    assert doc.body_text().startswith("Wildfires in central Chile")  # was the standfirst, dateline and all
    assert all(not s.text.startswith("VALPARAISO") for s in candidates(doc))
    # a name with a comma is no place: no dateline without a date or an agency tag after it
    doc = read_text("Deal agreed\n\nAcme Holdings, Northwind Group - the two firms agreed a deal on Monday, "
                    "they said.\n\nMore text follows here.", "b.txt")
    assert doc.dateline is None


def test_a_pages_first_paragraph_loses_its_dateline() -> None:
    doc = read_file(WEEK / "u3_ev_deliveries.html")
    assert doc.dateline == "SHANGHAI"
    assert doc.subtitle and doc.subtitle.startswith("Lyra Automotive cut its full-year delivery forecast")
    # a dateline that is only a place gives no date: the page's own date dates its figures
    assert published_text(doc) == doc.date == "2026-12-16"


def test_a_sentence_that_only_announces_a_quote_ends_no_summary() -> None:
    doc = add_facts(read_file(WEEK / "u1_tech_takeover.txt"))
    assert "Not everyone was convinced." not in _summary(doc)
    # a sentence before a quote that says something is still a summary sentence
    doc = add_facts(read_text("Port strike goes on\n\nROTTERDAM, Dec 8, 2026 (RK Wire) - Dockworkers voted on "
                              "Tuesday to reject a 9% pay rise.\n\nShipping lines have begun diverting cargo. "
                              "\"We have moved four vessels,\" a spokesperson said.", "p.txt"))
    sents = candidates(doc)
    assert not next(s for s in sents if s.text.startswith("Shipping")).leads_quote


def test_the_company_which_is_no_takeaway_when_another_point_names_it() -> None:
    doc = add_facts(read_file(WEEK / "u3_ev_deliveries.html"))
    unnamed = ("The company, which sells cars in China and nine European countries, also said its gross margin "
               "on vehicles would fall to between 9% and 11% in the current quarter, from 13.6% in the third quarter.")
    lead = doc.subtitle
    story = Story(source="a", headline=doc.title, one_line=unnamed, summary=[lead, unnamed], bullets=[],
                  figures=[], quote=None, link="a")
    assert story_points(story, doc)[0] == lead  # was the week's takeaway 05
    # with no other point that names its subject, the one-line summary stays
    story.summary = [unnamed]
    assert story_points(story, doc) == [unnamed]


def test_we_that_the_article_never_names_is_no_summary_sentence() -> None:
    doc = add_facts(read_file(WEEK / "u4_coffee_crop.md"))
    assert not any(s.startswith("We expect them") for s in _summary(doc))  # "... to average 310 cents" was a bullet
    # its dateline ("Pellarin Commodities softs research — 17 December 2026", printed over the story)
    # says who "we" is; without it nothing does
    unsigned = read_text("Coffee outlook\n\nWe now expect a bigger crop of 66.8 million bags. Exports fell 11% in "
                         "November.\n\nWe expect prices to average 310 cents.", "c.txt")
    assert all(s.unnamed_we for s in candidates(unsigned) if s.text.startswith("We "))
    assert not any(s.unnamed_we for s in candidates(doc))
    doc = read_text("Coffee outlook\n\nWe at Pellarin Commodities now expect a bigger crop of 66.8 million bags. "
                    "We expect prices to average 310 cents.\n\nExports fell 11%.", "c.txt")
    assert not any(s.unnamed_we for s in candidates(doc))


def test_a_year_said_as_this_year_in_a_dated_note_passes_verify(tmp_path) -> None:
    from reportkit.verify import load_sources
    from reportkit.verify.labels import label_problems

    (tmp_path / "note.md").write_text("# Coffee note\n\n*Acme softs research — 17 December 2026*\n\nArabica futures in New "
                                      "York trade at 341.20 cents per lb, up almost 60% this year.\n\nExports fell "
                                      "11% in 2025.\n", encoding="utf-8")
    index = load_sources([tmp_path])

    def check(value: str, label: str) -> list[str]:
        return label_problems([("page 2", f"Key figures\n{value}\n{label}\nSource: [S1]\n")], index, None)

    # the note's header line dates it: its "this year" is 2026 (a false alarm once the header was its dateline)
    assert check("almost +60%", "Arabica futures, 2026") == []
    assert check("almost +60%", "Arabica futures, 2025") != []
