"""Load and validate layout files into typed objects (the models are in :mod:`.models`).

A layout is a YAML file. Output layouts (``format: pdf`` or ``format: pptx``) name
a **brand** file (colours, fonts, logo, footer) and a **content** file (title
template, sources, key figures, chart definitions), so charts are defined once and
used by both the brief and the deck. Paths inside a layout are relative to the
file that contains them.

Every problem raises :class:`~reportkit.errors.LayoutError` naming the file and
the key path, e.g. ``layouts/brand.yaml: logo: file not found: brand/logo.svg``;
unknown keys are errors with a suggestion of the nearest known key.
"""

from __future__ import annotations

import contextlib
import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import LayoutError
from ..placeholders import TemplateError, fill
from ..inputs import check_file, read_bytes
from .assets import asset_path, check_font, check_logo
from . import objects
from .check import read_layout_bytes as _read_bytes
from .check import read_yaml as _read_yaml
from .check import LayoutErrors, Problem, problems_of
from .check import validate_model as _validate
from .objects import plain

if TYPE_CHECKING:
    from .models import Brand, Content, Layout

DEFAULT_DIR = Path("layouts")
DEFAULT_LAYOUTS = ("weekly-brief.yaml", "briefing-deck.yaml")
REPORTLAB_FONT_PREFIX = "reportlab:"

__all__ = ["default_layouts", "find_layout", "list_layouts", "load_brand", "load_content", "load_file", "load_layout",
           "validate_file"]


# -- loading -----------------------------------------------------------------


def _inside(base: Path, ref: str, keypath: str, path: Path, allow_external: bool, kind: str) -> Path:
    """``ref`` resolved relative to ``base``; paths that leave the layout folder
    (absolute, climbing with ``..``, a symlink leading out) are refused unless ``allow_external``."""
    p = Path(ref)
    resolved = asset_path(path, ref)  # the one rule; ``base`` is ``path``'s folder
    if not allow_external:
        root = base.resolve()
        if p.is_absolute() or not resolved.is_relative_to(root):
            raise LayoutError(
                f"{keypath}: {kind} path {ref!r} is outside the layout folder "
                "(use --allow-external-assets to permit it)",
                path,
            )
    return resolved


def _asset(base: Path, ref: str, keypath: str, path: Path, allow_external: bool, kind: str) -> Path:
    """Resolve an asset path relative to ``base`` (see :func:`_inside`); it must exist."""
    resolved = _inside(base, ref, keypath, path, allow_external, kind)
    if not resolved.is_file():
        raise LayoutError(f"{keypath}: file not found: {ref}", path)
    return resolved


def _font_path(ref: str, base: Path, keypath: str, path: Path, allow_external: bool, keep: Path | None) -> Path:
    if ref.startswith(REPORTLAB_FONT_PREFIX):
        import reportlab

        p = Path(reportlab.__file__).parent / "fonts" / ref[len(REPORTLAB_FONT_PREFIX):]
        if not p.is_file():
            raise LayoutError(f"{keypath}: reportlab ships no font {ref[len(REPORTLAB_FONT_PREFIX):]!r}", path)
        return p
    p = _asset(base, ref, keypath, path, allow_external, "font")
    check_font(p, ref, keypath, path, keep)
    return p


def _logo_path(ref: str, base: Path, path: Path, allow_external: bool, keep: Path | None) -> Path:
    p = _asset(base, ref, "logo", path, allow_external, "logo")
    check_logo(p, ref, path, keep)
    return p


def _kept(name: str, path: Path, keep: Path | None) -> tuple[Any, Any, bytes]:
    """``(objects, None, bytes)`` when a file of these bytes validated as model ``name`` before
    (kept in ``keep``, read back by :mod:`.objects` without pydantic), else ``(None, its
    mapping, bytes)`` for :func:`_validated`."""
    blob = _read_bytes(path)
    value = objects.found(keep, name, blob)
    return (value, None, blob) if value is not None else (None, _read_yaml(path, keep, blob), blob)


def _validated(name: str, data: Any, path: Path, keep: Path | None, blob: bytes) -> Any:
    """``data`` validated as model ``name`` (a :class:`LayoutErrors` when not), kept for the next
    process, and handed on as the objects the next process reads back (:mod:`.objects`)."""
    from . import keptmodels, models  # pydantic: only when a file is validated

    value = _validate(getattr(models, name), data, path)
    keptmodels.keep(keep, blob, value)
    return keptmodels.to_objects(value)


class _Problems:
    """The problems of a layout, collected instead of stopping at the first: a user fixes them
    all after one run of ``validate`` or ``build``."""

    def __init__(self) -> None:
        self.entries: list[Problem] = []

    @contextlib.contextmanager
    def check(self) -> Iterator[None]:
        """Run a check; a :class:`LayoutError` it raises is noted (the rest of the block is skipped)."""
        try:
            yield
        except LayoutError as e:
            self.entries += problems_of(e)

    def add(self, message: str, path: Path) -> None:
        self.entries.append((str(path), message))

    def raise_any(self) -> None:
        if self.entries:
            raise LayoutErrors(self.entries)


def load_brand(path: Path, allow_external: bool = False,
               keep: Path | None = None) -> tuple[Brand, Path | None, dict[str, Path]]:
    """Load a brand file; returns the brand, its logo path and its font paths.
    Every problem of the logo and the fonts is raised at once (a :class:`LayoutErrors`).
    ``keep``: see :func:`load_layout`."""
    brand, data, blob = _kept("Brand", path, keep)
    base = path.parent
    problems = _Problems()
    if brand is None:
        with problems.check():
            brand = _validated("Brand", data, path, keep, blob)
    # the files are checked even when a key is wrong: every problem in one run
    view = plain(brand) if brand is not None else data
    logo = None
    if isinstance(ref := view.get("logo"), str) and ref:
        with problems.check():
            logo = _logo_path(ref, base, path, allow_external, keep)
    fonts: dict[str, Path] = {}
    for style in ("regular", "bold", "italic", "bold_italic"):
        ref = _get(view, "fonts", style)
        if isinstance(ref, str) and ref:
            with problems.check():
                fonts[style] = _font_path(ref, base, f"fonts.{style}", path, allow_external, keep)
    problems.raise_any()
    assert brand is not None
    fonts.setdefault("bold_italic", fonts["bold"])
    return brand, logo, fonts


def load_content(path: Path, allow_external: bool = False, keep: Path | None = None) -> Content:
    """Load a content file (title, sources, key figures, chart definitions).

    A chart's ``csv`` follows the rule of every asset: outside the layout folder
    (absolute, ``..``, or a symlink leading out) only with ``allow_external``.
    ``keep``: see :func:`load_layout`."""
    content, data, blob = _kept("Content", path, keep)
    if content is None:
        content = _validated("Content", data, path, keep, blob)
    problems = _Problems()
    for cid, spec in content.charts.items():
        if spec.data.csv:
            with problems.check():
                _inside(path.parent, spec.data.csv, f"charts.{cid}.data.csv", path, allow_external, "csv")
    problems.raise_any()
    return content


def _get(data: Any, *keys: str) -> Any:
    """``data[k1][k2]...``, or None where a level is missing or not a mapping (raw YAML may be anything)."""
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _chart_ids(content: Content | None, base: Path, ref: Any) -> list[str] | None:
    """The chart ids of the content file: of the loaded one, else of its raw YAML (the
    content has problems of its own), else None (it cannot be read: nothing to check against)."""
    if content is not None:
        return list(content.charts)
    if not isinstance(ref, str):
        return None
    try:
        charts = _read_yaml(base / ref).get("charts")
    except LayoutError:
        return None
    return [str(k) for k in charts] if isinstance(charts, dict) else None


def load_layout(path: str | Path, allow_external: bool = False, keep: Path | None = None) -> Layout:
    """Load an output layout with its brand and content files, fully checked.

    Raises a :class:`LayoutErrors` listing every problem of the layout and of its brand and
    content files, each named as the user would (``layouts/brand.yaml``: the layout's folder
    joined with the name the layout writes, not an absolute path). ``keep`` is a folder of
    :mod:`.kept` (parsed files and checked fonts and logos from earlier processes), or None."""
    path = Path(path)
    lf, data, blob = _kept("LayoutFile", path, keep)
    base = path.parent
    problems = _Problems()
    if lf is None:
        with problems.check():
            lf = _validated("LayoutFile", data, path, keep, blob)
    # with the layout invalid, what it names is still read from the raw YAML and checked:
    # every problem of the layout, its brand and its content in one run
    view = plain(lf) if lf is not None else data
    brand_path = content_path = None
    brand = content = logo = None
    fonts: dict[str, Path] = {}
    for key in ("brand", "content"):
        ref = view.get(key, objects.default("LayoutFile", key))
        if not isinstance(ref, str):
            continue
        with problems.check():
            found = _asset(base, ref, key, path, allow_external, key)
            if key == "brand":
                brand_path = found
                brand, logo, fonts = load_brand(base / ref, allow_external, keep)
            else:
                content_path = found
                content = load_content(base / ref, allow_external, keep)
    fmt, pdf_view, deck_view = view.get("format"), view.get("pdf"), view.get("deck")
    if fmt == "pdf" and deck_view is not None:
        problems.add("deck: a pdf layout takes 'pdf' settings, not 'deck'", path)
    if fmt == "pptx" and pdf_view is not None:
        problems.add("pdf: a pptx layout takes 'deck' settings, not 'pdf'", path)
    key = "pdf.charts" if fmt == "pdf" else "deck.charts"
    content_ref = view.get("content", objects.default("LayoutFile", "content"))
    chosen, known = _get(view, *key.split(".")), _chart_ids(content, base, content_ref)
    if known is not None and isinstance(chosen, list):
        for i, cid in enumerate(chosen):
            if isinstance(cid, str) and cid not in known:
                close = difflib.get_close_matches(cid, known, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                problems.add(f"{key}[{i}]: no chart {cid!r} in {Path(content_ref).name}{hint}", path)
    template = None
    if fmt == "pptx" and isinstance(ref := _get(view, "deck", "template"), str) and ref:
        with problems.check():
            template = _asset(base, ref, "deck.template", path, allow_external, "template")
            if template.suffix.lower() not in (".pptx", ".potx"):
                raise LayoutError(f"deck.template: not a .pptx or .potx file: {ref}", path)
            check_file(template, "template", LayoutError)
    if isinstance(view.get("output"), str):
        with problems.check():
            _check_output(view["output"], path)
    problems.raise_any()
    assert lf is not None
    pdf = lf.pdf or (objects.defaults("PdfSettings") if lf.format == "pdf" else None)
    deck = lf.deck or (objects.defaults("DeckSettings") if lf.format == "pptx" else None)
    problems.raise_any()
    # every part is checked (validated now or before): the layout is assembled from them
    return objects.layout(path=path, format=lf.format, output=lf.output, brand=brand, content=content, pdf=pdf,
                          deck=deck, brand_path=brand_path, content_path=content_path, logo_path=logo,
                          font_paths=fonts, template_path=template)


def _check_output(output: str, path: Path) -> None:
    """The output name: a plain file name whose only placeholder is ``{week}``."""
    try:
        name = fill(output, {"week": "2026-W01"})
    except TemplateError as e:
        raise LayoutError(f"output: {e}", path) from None
    if "/" in output or "\\" in output:
        raise LayoutError(f"output: must be a file name, not a path: {output!r}", path)
    if not name.strip() or name.strip(". ") == "" or any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        raise LayoutError(f"output: not a usable file name: {output!r}", path)


def default_layouts(layout_dir: Path = DEFAULT_DIR) -> list[Path]:
    """The shipped output layouts, in build order."""
    return [layout_dir / name for name in DEFAULT_LAYOUTS]


def list_layouts(layout_dir: Path = DEFAULT_DIR) -> list[tuple[Path, str]]:
    """Every YAML file in ``layout_dir`` with its role (pdf, pptx, brand, content or '?')."""
    import yaml  # a build reads its layouts through check.read_yaml, which imports it only to parse

    out: list[tuple[Path, str]] = []
    for p in sorted(layout_dir.glob("*.y*ml")):
        try:
            data = yaml.safe_load(read_bytes(p, "layout", LayoutError).decode("utf-8")) or {}
        except (LayoutError, yaml.YAMLError, UnicodeDecodeError):
            out.append((p, "invalid"))
            continue
        if not isinstance(data, dict):
            role = "invalid"
        elif "format" in data:
            role = str(data["format"])
        elif "colors" in data:
            role = "brand"
        elif "charts" in data or "title" in data:
            role = "content"
        else:
            role = "?"
        out.append((p, role))
    return out


def find_layout(name: str, layout_dir: Path = DEFAULT_DIR) -> Path:
    """A layout by path or by name in ``layout_dir`` (``weekly-brief`` or ``weekly-brief.yaml``)."""
    p = Path(name)
    if p.is_file():
        return p
    for cand in (layout_dir / name, layout_dir / f"{name}.yaml", layout_dir / f"{name}.yml"):
        if cand.is_file():
            return cand
    names = [q.stem for q, _ in list_layouts(layout_dir)]
    close = difflib.get_close_matches(p.stem, names, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(names)})" if names else ""
    raise LayoutError(f"no such layout{hint}", name)


def load_file(path: Path, allow_external: bool = False) -> tuple[str, Layout | Brand | Content]:
    """Any layout file by its role: an output layout (role ``pdf`` or ``pptx``, loaded with its
    brand and content), a brand file (``brand``) or a content file (``content``)."""
    data = _read_yaml(path)
    if "format" in data:
        return str(data["format"]), load_layout(path, allow_external)
    if "colors" in data or "fonts" in data:
        return "brand", load_brand(path, allow_external)[0]
    return "content", load_content(path, allow_external)


def validate_file(path: Path, allow_external: bool = False) -> str:
    """Validate any layout file by its role; returns the role. Raises LayoutError."""
    return load_file(path, allow_external)[0]
