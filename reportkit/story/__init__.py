"""Stage 3, story: documents and their facts in, what the report says out.

Takes parsed documents (with facts), a :class:`~reportkit.layouts.Layout`, the week and the
resolved chart data; returns a :class:`~reportkit.model.Report`: title, standfirst,
takeaways (by importance, :mod:`.takeaways`), key figures, and one
:class:`~reportkit.model.Story` per document (:mod:`.stories`: summary from :mod:`.summaries`,
quotes found and attributed by :mod:`.quotes` and :mod:`.attribution`). ``select.py`` matches layout
fact selectors (shared with charts). ``record.py`` writes and reads the JSON record of a build,
``changes.py`` compares two records ("What changed"); ``printed.py`` names the facts each part of
an output prints (``facts_used``).
Imports layouts, facts and the base modules; never charts or renderers.

The names below are loaded from their modules on first use (PEP 562): a build whose reports
come from their cache (reportcache.py) uses only the record and the printed facts, and imports
neither the story's other modules nor the facts stage (≈10-13 ms).
"""

from __future__ import annotations

import importlib
import sys
import types

from ..lazyimport import exports
from ..lazyimport import preload as _preload

# each name this package exports, and the module of this package it comes from
_FROM = {
    "assemble": "assemble", "merge_takeaways": "assemble", "render_title": "assemble", "standfirst": "assemble",
    "title_vars": "assemble", "key_figures": "keyfigures", "expected": "misreads", "compare": "changes",
    "changes_dict": "changestext", "changes_text": "changestext", "record_changes": "changestext",
    "RECORD_SCHEMA": "record", "check_same_report": "record", "load_record": "record", "record_path": "record",
    "report_record": "record", "write_record": "record", "facts_by_part": "printed", "facts_in_text": "printed",
    "key_figure_entries": "printed", "add_quotes": "quotes", "best_quotes": "quotes", "find_quotes": "quotes",
    "week_quotes": "quotes", "dedupe": "select", "matches": "select", "select": "select",
    "build_stories": "stories", "link_of": "stories", "own_url": "stories", "candidates": "summaries", "choose": "summaries",
    "score_sentences": "summaries", "similar": "takeaways", "takeaways": "takeaways", "first_person": "takeaways",
    "off_topic": "topic", "retitle": "topic",
    # the label checks the card gate asks and verify --sources asks again of a built file
    "card_why": "gate", "Sentence": "cardsentence", "article_names": "cardsentence", "body_spans": "cardsentence",
    "sentence_in": "cardsentence", "fact_why": "meaning", "lead_of": "cardmeasure", "meaning_why": "meaning", "measure_of": "meaning",
    "BAR_PERIOD": "periods", "bar_period_said": "periods", "UNQUANTIFIED": "wording", "label_why": "wording",
    "stem": "stems", "label_words": "stems",
    # a chart title that is a quantity word alone ("Volume"): the charts' rule, verify's check
    "bare_measure": "baretitle", "bare_title_why": "baretitle", "title_lead": "baretitle",
    "caption_head_of": "baretitle",
    # whose a table's chart shows, as its document says; a column header alone as a chart title
    "with_whose": "chartwhose", "table_whose": "chartwhose", "whose_missing_why": "chartwhose",
    "header_title_why": "chartwhose", "header_key": "chartwhose",
    # a takeaway that leaves whose or when to an earlier sentence: the build prints none, verify flags an older one
    "takeaway_why": "backref",
    # a card's quarter without the year its sentence gives: the build prints the year, verify flags an older one
    "year_left_out": "periodwords",
    # a story's quote and another side's voice: the deck shows both while it has room, verify flags an older deck
    "story_voices": "voices", "DECK_QUOTES": "quotes",
}
_RENAMED = {"RECORD_SCHEMA": "SCHEMA", "label_words": "words"}


def preload() -> None:
    """Import every module of this package now (see :func:`reportkit.lazyimport.preload`)."""
    _preload(__name__, _FROM.values())


__all__ = sorted(_FROM)


__getattr__ = exports(__name__, _FROM, _RENAMED)


class _Package(types.ModuleType):
    """This package, whose ``assemble``, ``select`` and ``takeaways`` are functions named as their
    modules: importing such a module sets the package's attribute to the module (the import
    system does), so the function of that name is kept there instead, as an eager
    ``from .assemble import assemble`` would have left it."""

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, types.ModuleType) and value.__name__ == f"{__name__}.{name}" and name in _FROM:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
