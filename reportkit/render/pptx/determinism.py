"""Byte-identical decks: honest core properties and a normalised zip.

python-pptx stamps every zip entry with the wall clock, its default template
carries 2013 dates, "generated using python-pptx" and the library author's name,
and each native chart embeds an xlsx workbook that records its own creation time.
:func:`set_core_properties` replaces the metadata with the report's, and
:func:`normalise_entries` zips the package's members (and every embedded workbook)
with fixed timestamps, a fixed entry order and fixed compression, so the same
inputs and ``SOURCE_DATE_EPOCH`` give the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime

from .zipwrite import write_zip

ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)  # the earliest time a zip entry can record
_W3CDTF = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def set_core_properties(prs, *, title: str, author: str, subject: str, keywords: list[str], language: str,
                        when: datetime) -> None:
    """Replace the template's core properties with the report's."""
    cp = prs.core_properties
    naive = when.astimezone(UTC).replace(tzinfo=None)  # python-pptx writes naive times as UTC ('Z')
    cp.title = title
    cp.author = author
    cp.last_modified_by = author
    cp.subject = subject
    cp.keywords = ", ".join(keywords)
    cp.language = language
    cp.comments = ""
    cp.category = "Briefing deck"
    cp.content_status = ""
    cp.identifier = ""
    cp.version = ""
    cp.revision = 1
    cp.created = naive
    cp.modified = naive
    if cp.last_printed is not None:
        cp.last_printed = naive


def _zip_time(when: datetime) -> tuple[int, int, int, int, int, int]:
    t = max(when.astimezone(UTC), ZIP_EPOCH)
    return (t.year, t.month, t.day, t.hour, t.minute, t.second - t.second % 2)


def _entry_order(names: list[str]) -> list[str]:
    """[Content_Types].xml first (OPC readers look for it there), then the package
    relationships, then everything else sorted."""
    first = [n for n in ("[Content_Types].xml", "_rels/.rels") if n in names]
    return first + sorted(n for n in names if n not in first)


def _write_zip(entries: dict[str, bytes], when: datetime) -> bytes:
    """The members in :func:`_entry_order`, Unix mode 0644, deflated at level 6 (:mod:`.zipwrite`:
    zipfile's bytes, each member's deflated stream kept for the next deck)."""
    return write_zip([(name, entries[name]) for name in _entry_order(list(entries))], _zip_time(when), 0o644 << 16)


def _iso(when: datetime) -> bytes:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ").encode()


def normalise_workbook(data: bytes, when: datetime) -> bytes:
    """An embedded xlsx with its creation/modification dates set to ``when`` and
    its own zip normalised; returns ``data`` unchanged if it is not a zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            entries = {i.filename: zf.read(i) for i in zf.infolist()}
    except zipfile.BadZipFile:
        return data
    core = entries.get("docProps/core.xml")
    if core is not None:
        entries["docProps/core.xml"] = _W3CDTF.sub(lambda m: m.group(1) + _iso(when) + m.group(3), core)
    return _write_zip(entries, when)


class _Collector:
    """Stands in for python-pptx's zip writer: keeps each member's bytes by name."""

    def __init__(self) -> None:
        self.entries: dict[str, bytes] = {}

    def write(self, pack_uri, blob: bytes) -> None:
        self.entries[pack_uri.membername] = blob


def package_entries(prs) -> dict[str, bytes]:
    """Every member of ``prs``'s package as python-pptx's ``save`` would write it,
    without zipping it only for :func:`normalise_entries` to unzip it again (a
    tenth of a warm deck's build), each part's relationships written by
    :func:`.relsxml.rels_xml` and the content types by :func:`.typesxml.types_xml`. Falls back to a real save should python-pptx's
    writer ever change shape."""
    from .relsxml import rels_xml
    from .typesxml import types_xml

    package = prs.part.package
    collector = _Collector()
    try:
        parts = tuple(package.iter_parts())
        collector.entries["[Content_Types].xml"] = types_xml(parts)
        collector.entries["_rels/.rels"] = rels_xml(package._rels)
        for part in parts:  # python-pptx's PackageWriter._write_parts, with the faster .rels
            collector.entries[part.partname.membername] = part.blob
            if part._rels:
                collector.entries[part.partname.rels_uri.membername] = rels_xml(part._rels)
    except AttributeError:
        buf = io.BytesIO()
        prs.save(buf)
        with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
            return {i.filename: zf.read(i) for i in zf.infolist()}
    return collector.entries


def normalise_entries(entries: dict[str, bytes], when: datetime) -> bytes:
    """A deck's members (see :func:`package_entries`) zipped deterministically, with
    every embedded workbook normalised too."""
    for name, blob in entries.items():
        if name.startswith("ppt/embeddings/") and name.lower().endswith((".xlsx", ".xlsm")):
            entries[name] = normalise_workbook(blob, when)
    return _write_zip(entries, when)
