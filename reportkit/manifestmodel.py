"""The manifest's schema (pydantic models) and its check, for :mod:`reportkit.manifest`.

Kept apart so that a batch whose manifest was checked before does not import pydantic at
all (≈0.3 s of the batch process, before any worker starts): :mod:`reportkit.manifest`
keeps what :func:`checked` returns, keyed by the manifest's bytes, pydantic's version and
this file (:mod:`reportkit.layouts.kept`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator

from .layouts import Strict
from .layouts import validate_model as _validate

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class ReportEntry(Strict):
    """One report of a manifest (or the defaults every report starts from)."""

    name: str | None = None
    sources: list[str] | None = None
    layouts: list[str] | None = None
    formats: str | None = None
    week: str | None = None
    title: str | None = None
    out: str | None = None

    @field_validator("name")
    @classmethod
    def _name(cls, v: str | None) -> str | None:
        if v is not None and not _NAME.match(v):
            raise ValueError("use letters, digits, '.', '_' and '-' only")
        return v


class Manifest(Strict):
    """A whole manifest: ``defaults`` and at least one report."""

    defaults: ReportEntry = Field(default_factory=ReportEntry)
    reports: list[ReportEntry] = Field(min_length=1)


def checked(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """``data`` (the manifest's mapping) validated, as plain data: ``defaults`` and each of
    ``reports`` as mappings of every field, and ``defaults_named`` (whether the defaults name a
    report, which the caller refuses). Raises :class:`~reportkit.layouts.LayoutErrors`."""
    m: Manifest = _validate(Manifest, data, path)
    return {"defaults": m.defaults.model_dump(), "defaults_named": "name" in m.defaults.model_fields_set,
            "reports": [r.model_dump() for r in m.reports]}
