"""``reportkit watch``: rebuild when a source, layout or brand asset changes.

One process keeps imports, layouts and the chart renderer warm, so a rebuild
after editing a paragraph costs only the stages that run again. Changes are
debounced (watchfiles groups bursts of events); an error while the user is
mid-edit is printed and the last good outputs stay as they were.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Callable
from pathlib import Path

from . import stopping
from .build import BuildOptions, BuildSummary, build_report
from .errors import ReportkitError
from .forkrun import kept_workers
from .layouts import default_layouts, layout_files, layout_folder, load_layout
from .progress import Progress


def watched_paths(opts: BuildOptions) -> list[Path]:
    """Sources, the layouts' folders, and the folder of every file a layout names
    (brand, content, logo, fonts, template, chart CSV files: :func:`~reportkit.layouts.layout_files`),
    wherever it lies; a folder inside another watched one is left to it (watching is recursive)."""
    layouts = opts.layouts or default_layouts(layout_folder()[0])
    paths = {p.resolve() for p in opts.sources if p.exists()}
    paths |= {p.resolve().parent for p in layouts if p.exists()}
    for p in layouts:
        try:
            lay = load_layout(p, opts.allow_external)
        except ReportkitError:
            continue  # mid-edit: its folder is watched; its assets once it loads again
        paths |= {f.parent for f in layout_files(lay)}
    return sorted(p for p in paths if not any(q != p and p.is_relative_to(q) for q in paths))


def _relevant(path: str, out: Path) -> bool:
    p = Path(path)
    if p.name.startswith(".") or p.name.endswith("~") or p.suffix in (".swp", ".tmp"):
        return False
    try:
        p.resolve().relative_to(out.resolve())
        return False  # our own outputs must not trigger rebuilds
    except ValueError:
        return True


def session_options(opts: BuildOptions) -> BuildOptions:
    """How a watch session builds: a source emptied mid-edit fails the build (the last
    good outputs stay) instead of dropping out of the report. Outputs render at once
    (both cores); :func:`watch` keeps the render workers between rebuilds
    (:func:`~reportkit.forkrun.kept_workers`), so what a render remembers (the deck's
    slides, the brief's page count and converted charts) is there for the next one, and the
    layouts loaded for one rebuild serve the next while their files are unchanged."""
    return dataclasses.replace(opts, strict_sources=True, parallel_render=True, reuse_layouts=True)


def rebuild(opts: BuildOptions, report: Callable[[BuildSummary | None, str | None], None]) -> None:
    """One build; errors are reported, never raised (the watcher keeps going)."""
    try:
        report(build_report(opts, Progress(live=False)), None)
    except ReportkitError as e:
        report(None, str(e))
    except Exception as e:  # noqa: BLE001 - a bug must not end the session; say what happened
        report(None, f"internal error: {e.__class__.__name__}: {e}")


def watch(opts: BuildOptions, report: Callable[[BuildSummary | None, str | None], None],
          stop_event=None, debounce_ms: int = 150) -> None:
    """Build once, then rebuild on every relevant change until interrupted.

    The watched folders follow the layouts: when an edit makes a layout name a file
    in a folder not yet watched (a logo moved elsewhere), the watcher starts again
    on the new set and builds once more (an unchanged output costs a digest)."""
    from watchfiles import watch as fs_watch

    import gc

    try:
        with kept_workers():
            _watch(session_options(opts), report, stop_event, debounce_ms, fs_watch)
    finally:
        gc.unfreeze()  # the session froze what it kept (see _watch): a caller that goes on collects it again


def _watch(opts: BuildOptions, report: Callable[[BuildSummary | None, str | None], None],
           stop_event, debounce_ms: int, fs_watch) -> None:
    paths = watched_paths(opts)
    build_now, frozen = True, False
    while True:
        # step: how long the files must stay quiet before a change is acted on. An editor's save
        # (write, rename) takes well under a millisecond; every ms here is latency (issue 19: 50 →
        # 20 → 5 ms, median write-to-yield 33 → 12 ms); the watcher's idle wake-ups cost ~0.5 % CPU
        changes_seen = fs_watch(*paths, debounce=debounce_ms, step=5, stop_event=stop_event,
                                raise_interrupt=False, yield_on_timeout=True, rust_timeout=200)
        # Start the watcher before building (the first item arrives once it is
        # listening), so an edit made while that build runs is not missed.
        next(changes_seen, None)
        if build_now:
            rebuild(opts, report)
            if not frozen:  # what the first build loaded lives as long as the session: a full
                gc.freeze()  # collection no longer walks it (≈10 → 1–3 ms per rebuild)
                frozen = True
            build_now = False
        for changes in changes_seen:  # at least every rust_timeout: quiet steps come as empty sets
            stopping.check()  # a stop signal whose exception was swallowed while the session waited
            if changes and any(_relevant(p, opts.out) for _kind, p in changes):
                rebuild(opts, report)
                # only a layout file can name other files (loading them again costs ~10 ms)
                if not any(Path(p).suffix in (".yaml", ".yml") for _kind, p in changes):
                    continue
                now = watched_paths(opts)
                if now != paths:
                    paths, build_now = now, True  # built again once the new watcher listens: no edit is lost
                    break
        else:
            return  # stopped or interrupted
        changes_seen.close()
