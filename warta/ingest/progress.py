"""What a long run shows while it goes: a progress bar on a terminal, log lines otherwise.

Always on stderr, so stdout stays clean for the events. A terminal gets a
Rich bar (documents, documents per second, events found); a log file or
a pipe gets one plain line per committed batch, which is also what tells
anyone watching a killed run how far it got; `--quiet` shows neither.
"""
from __future__ import annotations

import time

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from warta.ingest.report import CodeReport


class RunDisplay:
    """Call `update(report)` after each batch; use as a context manager around the run."""

    def __init__(self, console: Console, quiet: bool = False, label: str = "coding"):
        self.console = console
        self.mode = "quiet" if quiet else ("bar" if console.is_terminal else "log")
        self.label = label
        self._start = time.monotonic()
        self._bar: Progress | None = None
        self._task = None

    def __enter__(self) -> "RunDisplay":
        self._start = time.monotonic()
        if self.mode == "bar":
            self._bar = Progress(
                SpinnerColumn(), TextColumn(f"[bold]{self.label}[/bold]"), BarColumn(bar_width=None),
                TextColumn("{task.fields[docs]:,} documents  {task.fields[rate]:,.0f}/s  "
                           "{task.fields[events]:,} events  {task.fields[skipped]:,} skipped  "
                           "{task.fields[failed]:,} failed"),
                TimeElapsedColumn(), console=self.console, transient=True)
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=None, docs=0, rate=0.0, events=0, skipped=0, failed=0)
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()

    def rate(self, report: CodeReport) -> float:
        return report.read / max(time.monotonic() - self._start, 1e-9)

    def update(self, report: CodeReport) -> None:
        skipped = report.skipped + sum(report.duplicates.values())
        if self.mode == "bar":
            self._bar.update(self._task, docs=report.read, rate=self.rate(report), events=report.events,
                             skipped=skipped, failed=report.n_failed)
        elif self.mode == "log":
            self.console.print(
                f"[warta] batch {report.batches} committed: {report.read:,} documents read, "
                f"{report.documents:,} coded, {skipped:,} skipped, {report.n_failed:,} failed, "
                f"{report.events:,} events ({self.rate(report):,.0f} documents/s)", markup=False, highlight=False,
                soft_wrap=True)
