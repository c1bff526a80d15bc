"""reportkit: sources in, a branded weekly PDF brief and briefing deck out."""

__version__ = "0.1.0"
