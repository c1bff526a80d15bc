"""Renderers: a :class:`~reportkit.model.Report` plus a layout and chart images in,
a file out. ``pdf`` (reportlab) and ``pptx`` (python-pptx) are imported on use only,
so importing this package stays cheap."""
