"""Stage 2, facts: a :class:`~reportkit.model.Document` in, its numeric facts with provenance out.

Takes documents from :mod:`reportkit.readers`; returns :class:`~reportkit.model.Fact` lists
(value, unit, label, year, the sentence and its offsets in ``doc.body_text()``). Imports only
the base modules (model, sentences, numbers). The spellings understood are one table in
``patterns.py``; ``read.py`` reads one quantity, ``year.py`` finds the year a figure is for,
``label.py`` names what it measures, ``extract.py`` puts them together.
"""

from .carry import appended_to
from .clauses import figure_at
from .extract import add_facts, extract_facts, published_text, remember_title, title_facts
from .label import AUX, IRREGULAR_PAST, STOP, VERBS
from .period import parse_date

__all__ = ["AUX", "IRREGULAR_PAST", "STOP", "VERBS", "add_facts", "appended_to", "extract_facts", "figure_at", "parse_date", "published_text", "remember_title", "title_facts"]
