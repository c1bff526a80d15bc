"""What each output of a build is made from, decided before anything is assembled.

Which sources an output takes (its content layout's ``sources`` globs), which files its
state digest reads and which decide whether it is unchanged (the fast path's list), and
which earlier build record its "What changed" part is compared with. Also the check that
no two layouts write the same output.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError, ReportkitError
from .layouts import asset_path, layout_files
from .model import Document, Week
from .week import week_of

if TYPE_CHECKING:
    from .layouts import Layout

Warn = Callable[[str], None]


def wanted(doc: Document, roots: list[Path], patterns: list[str]) -> bool:
    """Whether a source matches the content layout's ``sources`` globs (relative to
    the folder it was found in; ``**/`` also matches at the top level)."""
    src = Path(doc.source)
    rels = [src.name]
    if roots:
        resolved = src.resolve()  # once, not once a root (a resolve is a system call a path part)
        for r in roots:
            try:
                rels.append(resolved.relative_to(r.resolve()).as_posix())
            except ValueError:
                continue
    for pat in patterns:
        alts = [pat, pat[3:]] if pat.startswith("**/") else [pat]
        if any(fnmatch.fnmatch(rel, a) for rel in rels for a in alts):
            return True
    return False


def one_layout_per_output(layouts: list[Layout], out: Path, week_label: str) -> None:
    """Two layouts naming the same output would overwrite each other: the first one
    built would be lost while both were reported built."""
    seen: dict[str, Layout] = {}
    for lay in layouts:
        name = lay.output_name(week_label)
        first = seen.setdefault(name, lay)
        if first is not lay:
            raise ReportkitError(f"layouts {first.path} and {lay.path} both write {out / name}; "
                                 "give one of them another output name", lay.path)


def input_files(layout: Layout, docs: list[Document]) -> list[Path]:
    """What an output's state digest reads: the layout's files and assets, then the sources."""
    return layout_files(layout) + sorted(Path(d.source) for d in docs)


def probed_files(out: Path, lay: Layout, mine: list[Document], week: Week) -> list[Path]:
    """Every file whose bytes or presence decide whether ``lay``'s output is unchanged: its
    inputs, the chart CSVs it names and the previous week's build record in the output folder
    ``out`` (present or not)."""
    from .story import record_path

    files = input_files(lay, mine)
    files += [asset_path(lay.content_path, spec.data.csv) for spec in lay.content.charts.values() if spec.data.csv]
    before = week_of(date.fromisoformat(week.start) - timedelta(days=7))
    return files + [record_path(out / lay.output_name(before.label))]


def earlier_record(compare: str | None, out: Path, lay: Layout, week: Week, warn: Warn) -> tuple[Path, dict] | None:
    """The build record this output is compared with, checked to be of the same report
    and not of a later week; None when there is none to compare with. ``compare`` is
    ``build --compare`` (see :class:`~reportkit.build.BuildOptions`), ``out`` the output folder."""
    from .story import check_same_report, load_record, record_path

    choice = (compare or "").strip()
    if choice.lower() == "none":
        return None
    identity = lay.content.short_title
    if choice and choice.lower() != "previous":
        path = Path(choice)
        record = load_record(path)
        check_same_report(record, identity, path)
        if record["week"] > week.label:
            raise InputError(f"record of {record['week']}, later than the report week {week.label}", path)
        return path, record
    before = week_of(date.fromisoformat(week.start) - timedelta(days=7))
    path = record_path(out / lay.output_name(before.label))
    if not path.is_file():
        if choice:
            warn(f"{path}: no build record of the previous week: nothing to compare with")
        return None
    record = load_record(path)
    if record["report"] != identity:  # found, not asked for: say so and build without it
        warn(f"{path}: record of another report ({record['report']!r}): not compared")
        return None
    return path, record
