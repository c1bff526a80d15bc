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

import difflib
from pathlib import Path

import yaml

from ..errors import LayoutError
from ..placeholders import TemplateError, fill
from ..inputs import check_file, read_bytes
from .assets import asset_path, check_font, check_logo
from .check import read_yaml as _read_yaml
from .check import validate_model as _validate

from .models import (  # re-exported: callers import the models from here too
    HEX,
    TITLE_PLACEHOLDERS,
    Brand,
    ChangesSettings,
    Color,
    Colors,
    Content,
    DeckSettings,
    Fonts,
    KeyFigurePick,
    KeyFigures,
    Layout,
    LayoutFile,
    Margins,
    PdfPart,
    PdfSettings,
    SlideKind,
    SlideLayoutNames,
    StorySettings,
)

DEFAULT_DIR = Path("layouts")
DEFAULT_LAYOUTS = ("weekly-brief.yaml", "briefing-deck.yaml")
REPORTLAB_FONT_PREFIX = "reportlab:"

__all__ = [
    "HEX", "TITLE_PLACEHOLDERS", "Brand", "ChangesSettings", "Color", "Colors", "Content", "DeckSettings", "Fonts",
    "KeyFigurePick", "KeyFigures", "Layout", "LayoutFile", "Margins", "PdfPart", "PdfSettings", "SlideKind",
    "SlideLayoutNames", "StorySettings", "default_layouts", "find_layout", "list_layouts", "load_brand",
    "load_content", "load_layout", "validate_file",
]


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


def _font_path(ref: str, base: Path, keypath: str, path: Path, allow_external: bool) -> Path:
    if ref.startswith(REPORTLAB_FONT_PREFIX):
        import reportlab

        p = Path(reportlab.__file__).parent / "fonts" / ref[len(REPORTLAB_FONT_PREFIX):]
        if not p.is_file():
            raise LayoutError(f"{keypath}: reportlab ships no font {ref[len(REPORTLAB_FONT_PREFIX):]!r}", path)
        return p
    p = _asset(base, ref, keypath, path, allow_external, "font")
    check_font(p, ref, keypath, path)
    return p


def _logo_path(ref: str, base: Path, path: Path, allow_external: bool) -> Path:
    p = _asset(base, ref, "logo", path, allow_external, "logo")
    check_logo(p, ref, path)
    return p


def load_brand(path: Path, allow_external: bool = False) -> tuple[Brand, Path | None, dict[str, Path]]:
    """Load a brand file; returns the brand, its logo path and its font paths."""
    brand: Brand = _validate(Brand, _read_yaml(path), path)
    base = path.parent
    logo = _logo_path(brand.logo, base, path, allow_external) if brand.logo else None
    fonts: dict[str, Path] = {}
    for style in ("regular", "bold", "italic", "bold_italic"):
        ref = getattr(brand.fonts, style)
        if ref:
            fonts[style] = _font_path(ref, base, f"fonts.{style}", path, allow_external)
    fonts.setdefault("bold_italic", fonts["bold"])
    return brand, logo, fonts


def load_content(path: Path, allow_external: bool = False) -> Content:
    """Load a content file (title, sources, key figures, chart definitions).

    A chart's ``csv`` follows the rule of every asset: outside the layout folder
    (absolute, ``..``, or a symlink leading out) only with ``allow_external``."""
    content: Content = _validate(Content, _read_yaml(path), path)
    for cid, spec in content.charts.items():
        if spec.data.csv:
            _inside(path.parent, spec.data.csv, f"charts.{cid}.data.csv", path, allow_external, "csv")
    return content


def load_layout(path: str | Path, allow_external: bool = False) -> Layout:
    """Load an output layout with its brand and content files, fully checked."""
    path = Path(path)
    lf: LayoutFile = _validate(LayoutFile, _read_yaml(path), path)
    base = path.parent
    brand_path = _asset(base, lf.brand, "brand", path, allow_external, "brand")
    content_path = _asset(base, lf.content, "content", path, allow_external, "content")
    brand, logo, fonts = load_brand(brand_path, allow_external)
    content = load_content(content_path, allow_external)
    pdf = lf.pdf or (PdfSettings() if lf.format == "pdf" else None)
    deck = lf.deck or (DeckSettings() if lf.format == "pptx" else None)
    if lf.format == "pdf" and lf.deck is not None:
        raise LayoutError("deck: a pdf layout takes 'pdf' settings, not 'deck'", path)
    if lf.format == "pptx" and lf.pdf is not None:
        raise LayoutError("pdf: a pptx layout takes 'deck' settings, not 'pdf'", path)
    chosen = (pdf.charts if pdf else deck.charts if deck else None) or []
    key = "pdf.charts" if pdf else "deck.charts"
    for i, cid in enumerate(chosen):
        if cid not in content.charts:
            close = difflib.get_close_matches(cid, list(content.charts), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise LayoutError(f"{key}.{i}: no chart {cid!r} in {content_path.name}{hint}", path)
    template = None
    if deck and deck.template:
        template = _asset(base, deck.template, "deck.template", path, allow_external, "template")
        if template.suffix.lower() not in (".pptx", ".potx"):
            raise LayoutError(f"deck.template: not a .pptx or .potx file: {deck.template}", path)
        check_file(template, "template", LayoutError)
    _check_output(lf.output, path)
    return Layout(
        path=path, format=lf.format, output=lf.output, brand=brand, content=content, pdf=pdf,
        deck=deck, brand_path=brand_path, content_path=content_path, logo_path=logo,
        font_paths=fonts, template_path=template,
    )


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


def validate_file(path: Path, allow_external: bool = False) -> str:
    """Validate any layout file by its role; returns the role. Raises LayoutError."""
    data = _read_yaml(path)
    if "format" in data:
        load_layout(path, allow_external)
        return str(data["format"])
    if "colors" in data or "fonts" in data:
        load_brand(path, allow_external)
        return "brand"
    load_content(path, allow_external)
    return "content"

