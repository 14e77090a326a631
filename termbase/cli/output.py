"""Terminal conventions in one place: JSON for machines, rich on a TTY, plain text in pipes.

rich is imported only when output goes to a terminal, so piped and --json runs start faster.
Colour follows rich's rules: only on a TTY, never when NO_COLOR is set.
"""

from __future__ import annotations

import json
import os
import sys

STATUS_STYLE = {"preferred": "bold green", "admitted": "", "deprecated": "yellow strike",
                "forbidden": "bold red strike"}


def print_json(data) -> None:
    if sys.stdout is None:  # started with stdout closed (`>&-`): dropped, as print() does
        return
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def is_tty() -> bool:
    return sys.stdout is not None and sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


_console = None


def console():
    """A rich Console for stdout (created on first use)."""
    global _console
    if _console is None:
        from rich.console import Console

        _console = Console(highlight=False, soft_wrap=False)
    return _console


def error_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def status_mark(status: str) -> str:
    """A plain-text marker for statuses a translator must not use unawares."""
    return {"deprecated": " (deprecated)", "forbidden": " (FORBIDDEN)"}.get(status, "")


def process_mark(entry) -> str:
    """A plain-text marker for a term nobody has reviewed yet (extract, align, an import
    marked provisional): it must not pass as an approved one."""
    return " (provisional)" if getattr(entry, "process", "") else ""


def progress_bar(description: str, total: int | None, enabled: bool):
    """A rich progress bar on a TTY (stderr); a no-op context otherwise."""
    if not enabled or not sys.stderr.isatty():
        return _NoProgress()
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeRemainingColumn)

    from termbase import for_terminal

    # The description holds a file name: shown escaped, and never read as markup.
    progress = Progress(TextColumn("{task.description}", markup=False), BarColumn(),
                        MofNCompleteColumn(), TimeRemainingColumn(), console=error_console(),
                        transient=True)
    return _RichProgress(progress, for_terminal(description), total)


class _NoProgress:
    active = False  # callers skip work done only to scale a bar

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, done: int, total: int | None = None) -> None:
        pass


class _RichProgress(_NoProgress):
    active = True

    def __init__(self, progress, description, total):
        self.progress, self.description, self.total = progress, description, total

    def __enter__(self):
        self.progress.__enter__()
        self.task = self.progress.add_task(self.description, total=self.total)
        return self

    def __exit__(self, *exc):
        return self.progress.__exit__(*exc)

    def update(self, done: int, total: int | None = None) -> None:
        self.progress.update(self.task, completed=done, total=total or self.total)


def styled_terms(entries, with_notes: bool = True):
    """Equivalents (`termbase.Equivalent`) as rich Text, one per line: preferred in green,
    deprecated and forbidden struck through and named, regional usage and warnings shown."""
    from rich.text import Text

    from termbase import for_terminal as visible

    cell = Text()
    for i, entry in enumerate(entries):
        if i:
            cell.append("\n")
        cell.append(entry.term, style=STATUS_STYLE.get(entry.status, ""))
        if entry.status in ("deprecated", "forbidden"):
            cell.append(f" {entry.status}", style="red")
        if entry.process:
            cell.append(process_mark(entry), style="magenta")
        if entry.region:
            cell.append(f" [{entry.region}]", style="cyan")
        if with_notes and entry.note:
            cell.append(f"\n⚠ {entry.note}", style="yellow")
    return cell
