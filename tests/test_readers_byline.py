"""Who wrote a document and who published it, as the document says (readers/byline.py): the
sources list and each story's kicker cite a document by its author and outlet."""

from __future__ import annotations

from pathlib import Path

from reportkit.readers import read_file
from reportkit.readers.byline import author_names, byline_name, page_name

DATA = Path(__file__).parent / "data"


def test_a_byline_s_place_field_is_no_second_author() -> None:
    # "By Salim Al-Harthy-Nordin | Muscat | 20 April 2027, 1:15 pm": was "Salim Al-Harthy-Nordin; Muscat"
    doc = read_file(DATA / "news_heldout24" / "e2_water_tariff.html")
    assert doc.author == "Salim Al-Harthy-Nordin"
    # "By Laura Jiménez-Whitfield · San José · 6 April 2027": was "Laura Jiménez-Whitfield · San José ·"
    assert read_file(DATA / "news_heldout22" / "d2_surgery_waiting_list.html").author == "Laura Jiménez-Whitfield"
    # "By Mereani Tuilau-Sandberg · 13 April 2027": was "Mereani Tuilau-Sandberg ·" (printed "· ·")
    assert read_file(DATA / "news_heldout23" / "d2_visitor_arrivals.html").author == "Mereani Tuilau-Sandberg"


def test_author_fields() -> None:
    assert author_names("Ann Lee; Bob Kim; Muscat") == "Ann Lee; Bob Kim"
    assert author_names("Ann Lee; Bob Kim · San José ·") == "Ann Lee; Bob Kim"
    assert author_names("Ana Torres; Energy Correspondent ·") == "Ana Torres"
    assert author_names("Reuters") == "Reuters"
    assert author_names("RK Wire staff") == "RK Wire staff"


def test_a_page_is_cited_by_the_name_it_gives_its_publication() -> None:
    # no og:site_name: the <title>'s last part, not the domain ("batinahherald.example")
    assert read_file(DATA / "news_heldout24" / "e2_water_tariff.html").site == "The Batinah Herald"
    assert read_file(DATA / "news_heldout23" / "d2_visitor_arrivals.html").site == "The Coral Coast Courier"
    # was the headline itself ("Tbilisi metro fare to rise to 1.50 lari from May")
    assert read_file(DATA / "news_heldout20" / "d2_metro_fares.html").site == "Tbilisi City Hall"
    # og:site_name stands ("Meridian Courier", not the title's "Business | Meridian Courier")
    assert read_file(DATA / "sources" / "news_harbour_lng.html").site == "Meridian Courier"
    assert read_file(DATA / "sources" / "divs_copper_smelter.html").site == "Austral Metals"


def test_a_title_without_a_publication_gives_none() -> None:
    assert page_name("<head><title>Markham Valley Power - Annual Review 2026</title></head>",
                     "Markham Valley Power - Annual Review 2026") is None
    assert page_name("<head><title>Just a headline</title></head>", "Just a headline") is None


def test_a_wire_story_names_its_wire_and_its_byline() -> None:
    # "By Chanda Mwale-Hoffmann" ... "LUSAKA, April 19, 2027 (RK Wire) - ...": was neither
    doc = read_file(DATA / "news_heldout24" / "e1_poultry_group.txt")
    assert (doc.site, doc.author, doc.dateline) == ("RK Wire", "Chanda Mwale-Hoffmann", "LUSAKA, April 19, 2027")
    assert byline_name("By Lucía Ferreyra-Holm") == "Lucía Ferreyra-Holm"
    assert byline_name("By Kenji Sato | Metals Desk | 25 November 2026") is None
    assert byline_name("By the end of the year") is None
