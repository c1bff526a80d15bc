"""``reportkit init``: a new project that builds at once.

Writes ``sources/`` (one sample article), ``layouts/`` (the packaged default brand, content,
brief and deck, retitled and renamed; each YAML file starts with a ``yaml-language-server``
line naming the JSON Schema written beside it in ``layouts/schema/``) and a short README.

Nothing is overwritten unless ``force``: every target is checked before the first file is
written, so a refused init leaves the folder as it was. Each file is written atomically.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import atomic_path
from .errors import ReportkitError
from .layouts import PACKAGED_DIR, PACKAGED_FILES, write_schemas
from .placeholders import TemplateError, check_template

SCAFFOLD_DIR = Path(__file__).resolve().parent / "scaffold"
SAMPLE = "sample-article.md"
DEFAULT_TITLE = "Weekly Brief"
WEEK_SUFFIX = " — Week {week_number}, {year}"
TITLE_PLACEHOLDERS = ("week", "week_number", "year", "start", "end")
SCHEMA_KIND = {"brand.yaml": "brand", "content.yaml": "content"}  # the others are output layouts
SCHEMA_FILES = ("brand.schema.json", "content.schema.json", "layout.schema.json")
HEADER = re.compile(r"^#\s*yaml-language-server:.*\n", re.M)


@dataclass
class InitResult:
    """What ``init`` wrote, for the command's message."""

    folder: Path
    written: list[Path] = field(default_factory=list)


def _quoted(text: str) -> str:
    """A YAML scalar that reads back as ``text`` whatever it holds (JSON is YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _slug(text: str) -> str:
    """A file-name stem from a title: ``UK & US economy`` -> ``uk-us-economy``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-")


def _replace(text: str, key: str, value: str, where: str) -> str:
    """Set a top-level (or ``  key:``) scalar of a packaged file; the key must be there."""
    pattern = re.compile(rf"^(\s*){re.escape(key)}: .*$", re.M)
    if not pattern.search(text):  # the packaged files are ours: a missing key is a bug, not input
        raise RuntimeError(f"packaged {where} has no '{key}:' line")
    return pattern.sub(lambda m: f"{m.group(1)}{key}: {value}", text, count=1)


def _with_header(text: str, name: str) -> str:
    """The file with one schema line first, pointing at the schema beside it (not a URL)."""
    kind = SCHEMA_KIND.get(name, "layout")
    return f"# yaml-language-server: $schema=schema/{kind}.schema.json\n" + HEADER.sub("", text)


def _control(text: str) -> bool:
    """Whether ``text`` holds a line break or another control character (they would reach
    the outputs' titles, footers and metadata)."""
    return any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in text)


def _titles(title: str | None) -> tuple[str, str]:
    """The content's ``title`` (with the week, as the shipped content has it) and ``short_title``."""
    title = (title or DEFAULT_TITLE).strip()
    if not title or _control(title):
        raise ReportkitError("give a one-line title without control characters", "--title")
    try:
        placed = check_template(title, TITLE_PLACEHOLDERS)
    except TemplateError as e:
        raise ReportkitError(str(e), "--title") from None
    if placed:  # the user placed the week themselves
        return title, re.sub(r"\s*\{[^{}]*\}", "", title).strip(" —-,") or DEFAULT_TITLE
    return title + WEEK_SUFFIX, title


def layout_texts(title: str | None, name: str | None) -> dict[str, str]:
    """The four layout files of a new project, by file name."""
    full, short = _titles(title)
    name = (name or short).strip()
    if not name or _control(name):
        raise ReportkitError("give a one-line name without control characters", "--name")
    stem = _slug(short)
    texts = {}
    for fname in PACKAGED_FILES:
        text = (PACKAGED_DIR / fname).read_text(encoding="utf-8")
        if fname == "brand.yaml":
            for key in ("name", "author", "footer"):
                text = _replace(text, key, _quoted(name), fname)
        elif fname == "content.yaml":
            text = _replace(text, "title", _quoted(full), fname)
            text = _replace(text, "short_title", _quoted(short), fname)
        elif stem:
            output = re.search(r'^output: "(.*)"$', text, re.M)
            if output is None:
                raise RuntimeError(f"packaged {fname} has no output line")
            text = _replace(text, "output", _quoted(f"{stem}-{output.group(1)}"), fname)
        texts[fname] = _with_header(text, fname)
    return texts


def _readme(full_title: str) -> str:
    text = (SCAFFOLD_DIR / "README.md").read_text(encoding="utf-8")
    return text.replace("@TITLE@", full_title)


def init_project(folder: Path, title: str | None = None, name: str | None = None, force: bool = False) -> InitResult:
    """Write a new project into ``folder`` (created if needed). Raises :class:`ReportkitError`
    (one line, exit 2) for a file that exists (unless ``force``) or a title a layout refuses."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ReportkitError("is not a folder", folder)
    texts = {Path("layouts") / k: v for k, v in layout_texts(title, name).items()}
    short = _titles(title)[1]
    texts[Path("sources") / SAMPLE] = (SCAFFOLD_DIR / SAMPLE).read_text(encoding="utf-8")
    texts[Path("README.md")] = _readme(short)
    targets = [folder / rel for rel in texts] + [folder / "layouts" / "schema" / s for s in SCHEMA_FILES]
    if not force:
        existing = [t for t in targets if t.exists() or t.is_symlink()]
        if existing:
            more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
            raise ReportkitError(f"already exists{more}; nothing written (--force overwrites)", existing[0])
    result = InitResult(folder)
    for rel, text in texts.items():
        target = folder / rel
        with atomic_path(target) as tmp:
            tmp.write_text(text, encoding="utf-8")
        result.written.append(target)
    result.written += write_schemas(folder / "layouts" / "schema")
    return result

