"""python-pptx's default template, branded: the deck's template when the layout names
none.

Preparing it (stretching the 4:3 placeholders to 16:9, rewriting the theme's fonts
and colours) and saving it costs about a tenth of a second, in every one-off build.
So the prepared package is kept: in memory for the process (watch mode and batch
workers build many decks) and in the deck cache on disk (:mod:`.store`) for the next
build, keyed by the slide size, the brand's family and colours and
:func:`.store.code_version`. A deck opened from a kept package is the same as one
opened from a freshly prepared one, because both are opened from the same saved
bytes.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu, Inches

from . import store
from .reopen import presentation_of

SLIDE_16_9 = (Inches(13.333), Inches(7.5))
SLIDE_4_3 = (Inches(10), Inches(7.5))
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _rewrite_theme(prs, family: str, colors) -> None:
    """Theme fonts become the brand family and theme colours the brand's, so
    anything we do not style explicitly (tables, new text) still looks on-brand."""
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    for tag in ("majorFont", "minorFont"):
        for latin in root.iter(f"{A}{tag}"):
            latin.find(f"{A}latin").set("typeface", family)
    scheme = root.find(f".//{A}clrScheme")
    palette = list(colors.palette) + [colors.secondary] * 6
    wanted = {"dk1": colors.text, "dk2": colors.primary, "lt1": "#FFFFFF", "lt2": "#F2F4F7",
              "hlink": colors.secondary, "folHlink": colors.muted}
    wanted.update({f"accent{i + 1}": palette[i] for i in range(6)})
    for name, hexcol in wanted.items():
        slot = scheme.find(f"{A}{name}")
        if slot is None:
            continue
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{A}srgbClr", val=hexcol.lstrip("#").upper())
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_PREPARED: dict[tuple[str, str, str], bytes] = {}


def default_presentation(slide_size: str, family: str, colors, cache: Path | None = None):
    """python-pptx's default template at 16:9 (or 4:3), placeholders moved to match,
    with the brand's theme fonts and colours. Prepared once per process and brand
    (and kept in the deck cache folder ``cache``, when given, for the next process),
    then reopened from bytes."""
    from ...layouts import plain

    key = (slide_size, family, json.dumps(plain(colors)))  # not model_dump_json: see memo.deck_context
    if key not in _PREPARED:
        entry = store.entry_key("default-template", *key) if cache is not None else None
        kept = store.load(cache, "template", entry) if cache is not None and entry is not None else None
        if kept is not None:
            try:
                prs = presentation_of(kept)
            except Exception:  # noqa: BLE001 - a damaged entry is a miss, whatever python-pptx raises
                kept = None
            else:
                _PREPARED[key] = kept
                return prs
        buf = io.BytesIO()
        _prepare_default(slide_size, family, colors).save(buf)
        _PREPARED[key] = buf.getvalue()
        if cache is not None and entry is not None:
            store.save(cache, "template", entry, _PREPARED[key])
    return presentation_of(_PREPARED[key])


def _prepare_default(slide_size: str, family: str, colors):
    prs = Presentation()
    old_w = prs.slide_width
    width, height = SLIDE_16_9 if slide_size == "16:9" else SLIDE_4_3
    prs.slide_width, prs.slide_height = width, height
    scale = width / old_w
    # The default template is 4:3: stretch every placeholder's x position and width
    # so layouts fill the wider slide instead of hugging its left two-thirds.
    for owner in [prs.slide_master, *prs.slide_layouts]:
        for ph in owner.placeholders:
            if ph.left is not None and ph.width is not None:
                ph.left, ph.width = Emu(int(ph.left * scale)), Emu(int(ph.width * scale))
    _rewrite_theme(prs, family, colors)
    return prs


