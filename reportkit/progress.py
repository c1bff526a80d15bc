"""Stage progress: a spinner per stage on a terminal, silence in CI; timings always.

Stages are timed whether or not anything is shown, so ``--json`` summaries and
benchmarks can report seconds per stage.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator

from . import stopping


class Progress:
    """Times named stages; when ``live``, shows a rich spinner and a tick per stage."""

    def __init__(self, live: bool) -> None:
        self.live = live
        self.timings: dict[str, float] = {}
        self._console = None
        if live:
            from rich.console import Console

            self._console = Console(stderr=True)

    @contextlib.contextmanager
    def stage(self, name: str, detail: str = "") -> Iterator[None]:
        """Time ``name`` (accumulating if entered again) and show it while it runs. A stop signal
        received meanwhile ends the build here, at the stage's start or end, even if its exception
        was swallowed (:func:`reportkit.stopping.check`)."""
        stopping.check()
        start = time.perf_counter()
        label = f"{name} {detail}".strip()
        try:
            if self._console is not None:
                with self._console.status(f"[bold]{label}…", spinner="dots"):
                    yield
            else:
                yield
        finally:
            elapsed = time.perf_counter() - start
            self.timings[name] = self.timings.get(name, 0.0) + elapsed
        stopping.check()
        if self._console is not None:
            self._console.print(f"[green]✓[/green] {label} [dim]({elapsed:.2f} s)[/dim]")

    def note(self, message: str) -> None:
        if self._console is not None:
            self._console.print(message)


@contextlib.contextmanager
def progress_for(quiet: bool) -> Iterator[Progress]:
    """A :class:`Progress` that is silent when ``quiet`` (CI, --json, not a TTY)."""
    yield Progress(live=not quiet)


@contextlib.contextmanager
def report_bar(total: int, quiet: bool) -> Iterator[object]:
    """A progress bar over batch reports; yields ``advance(result)``."""
    if quiet:
        yield lambda _result: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress as RichProgress, TextColumn, TimeElapsedColumn

    with RichProgress(TextColumn("[bold]reports"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      TextColumn("{task.description}"), transient=False) as bar:
        task = bar.add_task("", total=total)

        def advance(result: object) -> None:
            bar.update(task, advance=1, description=f"{getattr(result, 'status', '')} {getattr(result, 'name', '')}")

        yield advance
