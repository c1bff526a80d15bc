"""Layout files: load and validate the YAML that says what a report looks like.

Takes paths to layout files (brand, content, brief and deck settings); returns a typed
:class:`Layout` with absolute, checked asset paths, or raises a one-line
:class:`~reportkit.errors.LayoutError` naming the file and key path. ``chartspec.py`` holds the
chart and fact-selector schema, ``check.py`` the YAML reading and error wording, ``models.py``
the models, ``load.py`` the loading, ``schema.py`` the JSON Schema for editors
(:func:`write_schemas`), ``reuse.py`` layouts loaded again in one process while unchanged, ``kept.py`` what loading keeps between processes under the cache
folder (parsed files, checked fonts and logos; ``keptmodels.py`` writes the validated models),
``objects.py`` the loaded layouts as plain objects every later stage reads (no pydantic; read back
from the cache, fields and types from ``shapes.py``, made from the models; :func:`plain`,
``model_dump`` without pydantic), ``defaults.py`` which folder is used when none
is named (the project's ``layouts/`` or the packaged defaults in ``default/``). Imports only
:mod:`reportkit.errors` and the base modules (pydantic when a file is validated; PyYAML when one is parsed).
"""

from ..lazyimport import exports
from ..placeholders import CHART_PLACEHOLDERS
from .assets import asset_path, layout_files
from .check import LayoutErrors, problems_of, read_layout_bytes, read_yaml, summary, unique, validate_model
from .defaults import PACKAGED_DIR, PACKAGED_FILES, PACKAGED_NOTE, layout_folder
from .kept import depends_on as kept_depends_on, folder as kept_folder, keep_payload, payload as kept_payload
from .load import default_layouts, find_layout, list_layouts, load_file, load_layout, validate_file
from .objects import defaults as model_defaults, plain
from .reuse import load_layout_reused

# the pydantic models (and what needs them), imported on first use: a build reads its layouts
# as objects.Kept objects and never imports pydantic when its layout files validated before;
# the other stages import these names for type annotations only
_FROM = {
    "ChartSpec": "chartspec", "FactSelector": "chartspec", "PartSpec": "chartspec", "Strict": "chartspec",
    "check_template": "chartspec", "Brand": "models", "Content": "models", "DeckSettings": "models",
    "Layout": "models", "PdfSettings": "models", "schema_json": "schema", "write_schemas": "schema",
}
__getattr__ = exports(__name__, _FROM)

__all__ = [
    "CHART_PLACEHOLDERS", "PACKAGED_DIR", "PACKAGED_FILES", "PACKAGED_NOTE", "Brand", "ChartSpec", "Content", "DeckSettings", "FactSelector", "Layout", "PartSpec", "PdfSettings",
    "Strict", "asset_path", "model_defaults", "check_template", "default_layouts", "find_layout", "layout_files", "keep_payload", "kept_depends_on", "kept_folder", "kept_payload", "layout_folder", "list_layouts", "load_layout", "load_layout_reused", "plain", "read_layout_bytes", "read_yaml", "validate_file",
    "validate_model", "schema_json", "write_schemas", "LayoutErrors", "load_file", "problems_of", "summary", "unique",
]
