"""Takeaways, summaries and deck bullets are read away from their article: a sentence that needs
its story's headline or the sentence before it to make sense is no takeaway, and a signed note's
own lead ("We estimate that ... exports reached US$1.46bn in 2026") is its news, said under the
signer's name (reportkit.story.standalone, .summaries, .takeaways; weeks 15 and 16 first contact)."""

from __future__ import annotations

from pathlib import Path

from reportkit.facts import add_facts
from reportkit.layouts import load_layout
from reportkit.model import Story
from reportkit.readers import read_text
from reportkit.story.standalone import stands_alone
from reportkit.story.stories import build_story
from reportkit.story.summaries import candidates_of, summary_pieces
from reportkit.story.takeaways import story_points, takeaways

ROOT = Path(__file__).resolve().parent.parent
CONTENT = load_layout(ROOT / "layouts" / "weekly-brief.yaml").content

NOTE = ("---\ntitle: \"Noodles: the spice travels\"\ndate: 2027-02-25\n---\n\n# Noodles: the spice travels\n\n"
        "Hanbit Consumer Research — 25 February 2027\n\n"
        "We estimate that South Korea's instant-noodle exports reached US$1.46bn in 2026, up 17% on 2025. "
        "Volumes grew more slowly, by 9%, to 312,000 tonnes, so the average export price rose to about "
        "US$4,680 a tonne. In our November note we had pencilled in US$1.38bn.\n\n## Markets\n\n"
        "China is still the largest buyer, at 24% of exports, down from 29%, while the United States took 19%. "
        "We see it at 27% of exports in 2027.\n")


def _note():
    return add_facts(read_text(NOTE, "n.md", ".md"))


def test_a_signed_notes_we_lead_is_its_news() -> None:
    doc = _note()
    story = build_story(doc, CONTENT, [])
    # was "Volumes grew more slowly, by 9%, ...": the lead was skipped as if its "We" pointed back
    assert story.one_line.startswith("We estimate that South Korea's instant-noodle exports")
    # said under the note's name in the summary too (session 17), and not twice in the takeaways
    assert story.summary[0].startswith("Hanbit Consumer Research: We estimate that")
    points = [t.text for t in takeaways([story], [doc], 8)]
    assert points[0].startswith("Hanbit Consumer Research: We estimate that South Korea's")
    assert sum(p.startswith("Hanbit Consumer Research: We estimate") for p in points) == 1
    assert not any(p.startswith("Hanbit Consumer Research: Hanbit") for p in points)
    assert not any(p.startswith(("Volumes", "China")) for p in points)


def test_the_signers_we_that_points_back_does_not_stand_alone() -> None:
    # "We see it at ...": "it" is what the sentence before named
    assert not stands_alone("We see it at 27% of exports in 2027.", we_named=True)
    assert stands_alone("We estimate that South Korea's exports reached US$1.46bn in 2026.", we_named=True)
    assert not stands_alone("We estimate that South Korea's exports reached US$1.46bn in 2026.")  # unsigned


def test_an_earlier_estimate_is_set_against_the_one_before_it() -> None:
    assert not stands_alone("Our previous estimate, in October, was 560,000 tonnes.", we_named=True)
    assert not stands_alone("In our November note we had pencilled in US$1.38bn.", we_named=True)
    assert stands_alone("The board's estimate for 2027 is 560,000 tonnes.")


def test_a_bare_stance_is_no_point() -> None:
    # "Tour operators disagree." (week 16 takeaway 07): with what, the next sentence says
    assert not stands_alone("Tour operators disagree.")
    assert not stands_alone("Analysts were sceptical.")
    assert stands_alone("Tour operators disagree with the board on 45% of the fees.")
    doc = add_facts(read_text("Park to double entry fee\n\nCHIANG MAI - Foreign adults will pay 600 baht to enter "
                              "Doi Khram National Park from 1 April, the park's board decided on Monday.\n\n"
                              "The park had about 1.38 million visitors last year, 14% more than in 2025. "
                              "Tour operators disagree.\n\nThe Northern Tour Club, which has about 220 members, says "
                              "April bookings are already down by between 10% and 15%.", "p.txt"))
    story = build_story(doc, CONTENT, [])
    assert "Tour operators disagree." not in story.summary + story.bullets


def test_a_rounding_note_is_no_sentence_of_the_story() -> None:
    texts = [s.text for s in candidates_of([(0, "Exports rose 4% to 98,400 tonnes in January. Figures are rounded.")])]
    assert texts == ["Exports rose 4% to 98,400 tonnes in January."]


def _story(doc, one_line: str, summary: list[str]) -> Story:
    return Story(source=doc.source, headline=doc.title, one_line=one_line, summary=summary, bullets=[], figures=[],
                 quote=None, link=doc.source)


SALMON = ("Faroese salmon farmer Nordvik Laks harvests less fish\n\nTORSHAVN, Feb 15, 2027 (RK Wire) - Nordvik Laks, "
          "the third-largest salmon farmer in the Faroe Islands, said on Monday it harvested 14,280 tonnes of salmon "
          "in the fourth quarter, 9.6% less than a year earlier.\n\nRevenue for the quarter fell to DKK 1.38 billion "
          "from DKK 1.52 billion in the same quarter of 2025, and EBITDA was DKK 236 million.\n\nChina is still the "
          "largest buyer, at 24% of exports in 2026.\n\nNordvik cut its 2027 harvest guidance to 58,000 tonnes.\n\n"
          "The Kvivik and Sandur farms harvested 6,100 and 4,200 tonnes, respectively.")


def test_a_later_point_must_name_its_storys_subject_and_say_when() -> None:
    doc = add_facts(read_text(SALMON, "s.txt"))
    lead = ("Nordvik Laks, the third-largest salmon farmer in the Faroe Islands, said on Monday it harvested "
            "14,280 tonnes of salmon in the fourth quarter, 9.6% less than a year earlier.")
    revenue = ("Revenue for the quarter fell to DKK 1.38 billion from DKK 1.52 billion in the same quarter of 2025, "
               "and EBITDA was DKK 236 million.")
    china = "China is still the largest buyer, at 24% of exports in 2026."
    guidance = "Nordvik cut its 2027 harvest guidance to 58,000 tonnes."
    farms = "The Kvivik and Sandur farms harvested 6,100 and 4,200 tonnes, respectively."
    points = story_points(_story(doc, lead, [lead, revenue, china, guidance, farms]), doc)
    # a currency code and a measure's acronym name no one; China is not whose story it is; no time said
    assert points == [lead, guidance]


def test_an_articles_lead_is_a_point_even_when_the_one_line_is_another_sentence() -> None:
    doc = add_facts(read_text(SALMON, "s.txt"))
    lead = ("Nordvik Laks, the third-largest salmon farmer in the Faroe Islands, said on Monday it harvested "
            "14,280 tonnes of salmon in the fourth quarter, 9.6% less than a year earlier.")
    other = "Nordvik cut its 2027 harvest guidance to 58,000 tonnes."
    story = Story(source=doc.source, headline="Fish farmers cut guidance", one_line=other, summary=[other, lead],
                  bullets=[], figures=[], quote=None, link=doc.source)
    assert story_points(story, doc) == [other, lead]


def test_a_story_gives_at_most_two_takeaways_from_its_summary() -> None:
    doc = add_facts(read_text(SALMON, "s.txt"))
    lead = ("Nordvik Laks, the third-largest salmon farmer in the Faroe Islands, said on Monday it harvested "
            "14,280 tonnes of salmon in the fourth quarter, 9.6% less than a year earlier.")
    more = ["Nordvik cut its 2027 harvest guidance to 58,000 tonnes.",
            "Nordvik Laks will cut 140 jobs in 2027.", "Nordvik Laks paid a dividend of DKK 4.50 in 2026."]
    out = takeaways([_story(doc, lead, [lead, *more])], [doc], 8)
    assert [t.text for t in out] == [lead, more[0]]


def test_a_rise_dated_only_by_its_old_value_is_no_card() -> None:
    from reportkit.story.stories import base_dated

    doc = add_facts(read_text("Hazelnut prices soar\n\nISTANBUL, Feb 18, 2027 (RK Wire) - In-shell hazelnuts traded at "
                              "an average of 268 lira a kilogram in January, up from 171 lira a year earlier, a rise "
                              "of about 57%.", "h.txt"))
    rise = next(f for f in doc.facts if f.value == 57.0)
    # the facts stage no longer dates it by "a year earlier" (the old price's: reportkit.facts.period);
    # the rule still guards a figure that takes the old value's year
    assert rise.period is None
    assert not any(f.display.endswith("57%") and "2026" in f.label for f in build_story(doc, CONTENT, []).figures)
    rise.period = "2026-01"  # as the facts stage dated it before
    assert base_dated(rise, doc.facts)  # was a card "about +57% / In-shell hazelnuts, 2026" (week 15, verify caught it)
    new = next(f for f in doc.facts if f.value == 268.0)
    assert not base_dated(new, doc.facts)
