"""Last stage, verify: check built files as a reader's software would see them.

Takes paths of built PDFs and decks; returns a :class:`VerifyResult` per file (fonts, outline,
links, notes, alt text, overflow; LibreOffice page count on request); with ``--sources``, every
number the files print is traced to a source fact or a derivation (``sources.py``), and every
figure label, chart title, caption and takeaway must use its source's words (``labels.py``). May import the renderers
(it measures deck text with their metrics) and everything below them.
"""

from .files import Check, VerifyResult, results_json, verify_files, verify_pdf, verify_pptx
from .labels import file_label_problems
from .printed import layout_words
from .sources import SourceIndex, Trace, load_sources, source_problems, trace_file, trace_text

__all__ = ["Check", "SourceIndex", "Trace", "VerifyResult", "file_label_problems", "layout_words", "load_sources", "results_json", "source_problems",
           "trace_file", "trace_text", "verify_files", "verify_pdf", "verify_pptx"]
