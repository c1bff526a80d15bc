"""Stage 2, facts: a :class:`~reportkit.model.Document` in, its numeric facts with provenance out.

Takes documents from :mod:`reportkit.readers`; returns :class:`~reportkit.model.Fact` lists
(value, unit, label, year, the sentence and its offsets in ``doc.body_text()``). Imports only
the base modules (model, sentences, numbers). The spellings understood are one table in
``patterns.py``; ``read.py`` reads one quantity, ``year.py`` finds the year a figure is for,
``label.py`` names what it measures, ``cells.py`` reads a table row's cells by their headers,
``extract.py`` puts them together, ``titles.py`` keeps the headlines read.
"""

from ..lazyimport import exports
from ..lazyimport import preload as _preload

# each name this package exports, and its module: loaded on first use (PEP 562), so that a build
# whose documents all come from the document cache imports none of the extractors
_FROM = {
    "appended_to": "carry", "cell_header": "cells", "column_measure": "cells", "header_unit": "cells", "split_row": "cells", "total_cells": "cells",
    "figure_at": "clauses", "add_facts": "extract", "extract_facts": "extract",
    "published_text": "extract", "title_facts": "extract", "remember_title": "titles", "AUX": "label",
    "IRREGULAR_PAST": "label", "STOP": "label", "VERBS": "label", "noun_after": "label", "cut_short": "nounend",
    "parse_date": "period", "part_of_year": "partofyear", "part_name": "partofyear", "period_unlike_story": "partofyear", "says_part": "partofyear", "bare_year_of": "period", "caption_period": "captions", "name_of_rows": "captions", "cell_period": "cells", "QUALIFIERS": "extract", "is_transition": "ranges",
    "PLACES": "names",
}
__all__ = sorted(_FROM)
__getattr__ = exports(__name__, _FROM)


def preload() -> None:
    """Import every module of this package now (see :func:`reportkit.lazyimport.preload`)."""
    _preload(__name__, _FROM.values())
