"""Who wrote a document and who published it, as the document itself says: the cleaning of a
byline's author, a web page's own name for its publication, a wire's tag in a dateline.

The sources list and each story's kicker cite a document by these; a place or a time in the
author's slot reads as a second author, a domain where the page names its publication reads as
a web address, so each keeps only the source's words for who.
"""

from __future__ import annotations

import html
import re

from ..lazyre import lazy

_WHEN_PART = lazy(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*|\d.*|updated\b.*|published\b.*", re.I)
# the separators of a byline's fields ("By A | Muscat | 20 April", "By A · San José · 6 April"); trafilatura
# turns "|" into its own list separator "; " and keeps "·" as written
_FIELD = lazy(r"\s*[;|]\s*")
_DOT_FIELD = lazy(r"\s*[·•]\s*")
# a job title in a byline's field ("By Ana Torres, Energy Correspondent"): what the author is, not who
_ROLE = lazy(r".*\b(?:correspondent|editor|reporter|writer|columnist|contributor)s?", re.I)


def author_names(author: str | None) -> str | None:
    """A page's author as its metadata gives it, without the byline's fields that say when or where
    ("Salim Al-Harthy-Nordin" from "By Salim Al-Harthy-Nordin | Muscat | 20 April 2027"; "Orsolya
    Pennington-Barta" from "... | Tuesday 16 February 2027, 08:41") or what the author is ("Energy
    Correspondent"); ``None`` when nothing of a name is left.

    A field after a middle dot is where or when the page was filed (co-authors share the byline's
    first field, joined by "and" or a comma); a later field of one word is a place, as a person is
    named with a given and a family name ("Ann Lee; Bo Chen" keeps both)."""
    if not author:
        return author
    head = _DOT_FIELD.split(author.strip())[0]
    parts = [p.strip() for p in _FIELD.split(head)]
    kept = [p for p in parts if p and not _WHEN_PART.fullmatch(p) and not _ROLE.fullmatch(p)]
    kept = kept[:1] + [p for p in kept[1:] if len(p.split()) > 1]
    return "; ".join(kept) or None


# Authors that a writing program puts in a file's properties when no one is named: the
# library's or program's own name (python-docx, ReportLab's "anonymous", openpyxl) or the
# placeholder an office suite writes for an unnamed account (Word's "Microsoft Office User",
# "Windows User", "Admin"; "Unknown", "Author", "User"). None names who wrote the document.
_GENERATOR_AUTHORS = frozenset({
    "python-docx", "python-pptx", "openpyxl", "docx4j", "apache poi", "aspose", "reportlab", "anonymous",
    "(anonymous)", "unknown", "unknown author", "author", "author name", "your name", "user", "owner", "admin",
    "administrator", "microsoft office user", "windows user", "office user", "default user",
})


def named_author(author: str | None) -> str | None:
    """A file's properties author, or ``None`` when it is empty or a writing program's default
    ("python-docx", "Microsoft Office User", "Unknown"): such a value names no one, and printed
    in the sources it would read as the document's author."""
    name = (author or "").strip()
    if not name or " ".join(name.lower().split()) in _GENERATOR_AUTHORS:
        return None
    return name


_TITLE_TAG = lazy(r"<title[^>]*>([^<]{1,400})</title>", re.I)
_SITE_META = lazy(r"""<meta\s[^>]*?property\s*=\s*["']og:site_name["'][^>]*>""", re.I)
# the separator before a page title's last part ("Headline | The Batinah Herald", "Headline – Kilowatt Notes")
_TITLE_SEP = lazy(r"\s+[|–—-]\s+|\s*\|\s*")
# a publication's name: a few words, the first capitalised ("The Coral Coast Courier", "RK Wire")
_NAME_SHAPE = lazy(r"[A-Z][\w&.'’-]*(?:\s+[\w&.'’-]+){0,5}")


def page_name(page: str, title: str | None) -> str | None:
    """The name a saved page gives its publication: its ``og:site_name``, else the last part of its
    ``<title>`` after the headline ("Oman raises ... | The Batinah Herald"); ``None`` when it gives
    neither (a part that is the headline itself is no name)."""
    head = page[: page.lower().find("</head>")] if "</head>" in page.lower() else page[:20000]
    if _SITE_META.search(head):
        return None  # the page names itself in og:site_name: trafilatura's site name is that
    m = _TITLE_TAG.search(head)
    if m is None:
        return None
    parts = _TITLE_SEP.split(" ".join(html.unescape(m.group(1)).split()))
    if len(parts) < 2:
        return None
    name = parts[-1].strip()
    if not _NAME_SHAPE.fullmatch(name) or (title and name.casefold() in title.casefold()):
        return None
    return name


def site_of(site: str | None, page: str, title: str | None) -> str | None:
    """The publication a saved page is cited by: :func:`page_name` when the page gives one (not the
    domain or the headline trafilatura falls back on), else the site name trafilatura found, unless
    that is the headline itself."""
    named = page_name(page, title)
    if named:
        return named
    if site and title and site.casefold() in title.casefold():
        return None
    return site


# "By Chanda Mwale-Hoffmann": a byline that is only a name (no date, no other field)
_BY_NAME = lazy(r"(?i:by)\s+(?P<name>[A-Z][\w'’.-]*(?:\s+(?:and\s+)?[A-Z][\w'’.-]*){1,5})\.?")


def byline_name(line: str | None) -> str | None:
    """The author a "By ..." line names when it names nothing else ("By Chanda Mwale-Hoffmann"),
    else ``None``."""
    m = _BY_NAME.fullmatch(line.strip()) if line else None
    return m.group("name") if m and not _WHEN_PART.search(m.group("name")) else None
