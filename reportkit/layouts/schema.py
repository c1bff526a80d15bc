"""JSON Schema of the three layout files, for editors that complete and check YAML keys.

A layout YAML file whose first line is ``# yaml-language-server: $schema=schema/<kind>.schema.json``
is checked against the schema written here by editors that run the YAML language server
(VS Code's YAML extension, Neovim, Helix...). The schema is generated from the pydantic models
in :mod:`.models`, so it can never disagree with what ``reportkit layouts validate`` accepts
about key names, types and ranges (a few cross-field rules, such as "exactly one of facts,
values, csv", are only checked by reportkit itself).

Output is deterministic (sorted keys, two-space indent, trailing newline), so the schema files
committed in a project only change when the models do.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, NoDefault

from ..atomic import atomic_path
from ..errors import LayoutError
from .models import Brand, Content, LayoutFile

# The kinds of layout file a user writes, and the model each is validated with.
KINDS: dict[str, type[BaseModel]] = {"brand": Brand, "content": Content, "layout": LayoutFile}
DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = "schema"  # beside the layout files: layouts/schema/<kind>.schema.json


def schema_file_name(kind: str) -> str:
    """The file name of a kind's schema (``brand`` -> ``brand.schema.json``)."""
    return f"{kind}.schema.json"


def header_line(kind: str) -> str:
    """The first line of a layout YAML file that points editors at its schema (relative to the file)."""
    return f"# yaml-language-server: $schema={SCHEMA_DIR}/{schema_file_name(kind)}"


class _FactoryDefaults(GenerateJsonSchema):
    """Shows ``default_factory`` defaults too (pydantic shows only plain defaults): an editor
    then offers the real default of ``sources``, ``pdf.parts`` and ``deck.slides``."""

    def get_default_value(self, schema: Any) -> Any:
        factory = schema.get("default_factory")
        if factory is not None and not schema.get("default_factory_takes_data"):
            value = factory()
            return value.model_dump(mode="json") if isinstance(value, BaseModel) else value
        return super().get_default_value(schema) if "default" in schema else NoDefault


def schema_dict(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of layout file (``brand``, ``content`` or ``layout``)."""
    model = KINDS.get(kind)
    if model is None:
        raise LayoutError(f"unknown schema kind {kind!r} (known: {', '.join(KINDS)})")
    schema = model.model_json_schema(schema_generator=_FactoryDefaults)
    schema["$schema"] = DIALECT
    schema["title"] = f"reportkit {kind} file"
    return schema


def schema_json(kind: str) -> str:
    """One kind's JSON Schema as text: sorted keys, two-space indent, a trailing newline."""
    return json.dumps(schema_dict(kind), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write ``brand.schema.json``, ``content.schema.json`` and ``layout.schema.json`` into
    ``folder`` (created if needed), each atomically; returns the paths written, in that order.
    A file that already holds the same text is left untouched (its time stamp too)."""
    folder = Path(folder)
    written: list[Path] = []
    for kind in KINDS:
        target = folder / schema_file_name(kind)
        text = schema_json(kind)
        try:
            same = target.read_text(encoding="utf-8") == text
        except (OSError, UnicodeDecodeError):
            same = False
        if not same:
            with atomic_path(target) as tmp:
                tmp.write_text(text, encoding="utf-8")
        written.append(target)
    return written
