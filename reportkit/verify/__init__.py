"""Last stage, verify: check built files as a reader's software would see them.

Takes paths of built PDFs and decks; returns a :class:`VerifyResult` per file (fonts, outline,
links, notes, alt text, overflow; LibreOffice page count on request). May import the renderers
(it measures deck text with their metrics) and everything below them.
"""

from .files import Check, VerifyResult, results_json, verify_files, verify_pdf, verify_pptx

__all__ = ["Check", "VerifyResult", "results_json", "verify_files", "verify_pdf", "verify_pptx"]
