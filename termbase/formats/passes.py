"""Items a writer may go through more than once without their being held together.

A CSV or XLSX header names every column some concept uses, so those writers read their
concepts twice: once for the header, once for the rows. The exporter hands them a
`Reread`, which reads the store afresh on every pass (a million concepts are never in
memory at once); `for_passes` lets a writer accept any iterable, a list or a generator
alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Callable, Iterable

from termbase.results import Progress

PROGRESS_EVERY = 1000          # records between two progress calls


class Reread:
    """An iterable whose every iteration reads the records afresh (`records()`) and turns
    them into the writer's items (`pipeline`: filters, model objects). `progress`, when
    given, is told the records read over all passes, out of `count` per pass times the
    passes the writer announced (see `for_passes`)."""

    def __init__(self, records: Callable[[], Iterator],
                 pipeline: Callable[[Iterator], Iterator] = iter,
                 progress: Progress | None = None, count: int | None = None):
        self.records, self.pipeline = records, pipeline
        self.progress, self.count = progress, count
        self.passes, self.done = 1, 0

    def __iter__(self) -> Iterator:
        records = self.records()
        if self.progress is not None:
            records = self._counted(records)
        return self.pipeline(records)

    def _counted(self, records: Iterator) -> Iterator:
        total = self.count * self.passes if self.count is not None else None
        for record in records:
            yield record
            self.done += 1
            if self.done % PROGRESS_EVERY == 0:
                self.progress(self.done, total)
        self.progress(self.done, total)


def for_passes(items: Iterable, passes: int) -> Iterable:
    """`items` ready to be gone through `passes` times: a one-shot iterator is kept as a
    list; a `Reread` is told how many passes to expect, for its progress."""
    if isinstance(items, Iterator):
        return list(items)
    if isinstance(items, Reread):
        items.passes = passes
    return items


def concepts_in(items: Iterable) -> Iterator:
    """The concepts among a writer's items (a glossary writer skips memory segments)."""
    from termbase.model import Concept

    return (item for item in items if isinstance(item, Concept))
