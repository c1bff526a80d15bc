"""The section model and numeric facts: plain dataclasses, no I/O.

Every class round-trips losslessly through JSON: ``Document.from_dict(d.to_dict())
== d``. Readers produce :class:`Document` objects, :mod:`reportkit.facts.extract` fills in
their :class:`Fact` lists, :mod:`reportkit.story.assemble` assembles them into a
:class:`Report`, and the renderers only ever read these objects.
"""

from .check import valid_document, valid_facts
from .chart import ChartData, ChartPoint, RenderedChart, Series
from .document import BLOCK_KINDS, QUOTE_KINDS, Block, Document, Fact, Quote, Reference, Section
from .report import ChangeLine, Changes, KeyFigure, Report, Story, Takeaway, Week, source_names

__all__ = [
    "BLOCK_KINDS", "QUOTE_KINDS", "Block", "ChangeLine", "Changes", "ChartData", "ChartPoint", "Document", "Fact",
    "KeyFigure", "Quote", "Reference", "RenderedChart", "Report", "Section", "Series", "Story", "Takeaway", "Week",
    "source_names", "valid_document", "valid_facts",
]
