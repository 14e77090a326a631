"""Reading through the index when its file turns out damaged in the middle of a query.

The index is checked when it is opened (header, schema, version stamp), but a file damaged
inside its data pages (a bad disk block, a partial copy, a hand edit) only shows when a
query reaches the page: SQLite raises `DatabaseError`. The sidecar of a TinyDB store holds
nothing that is not in the store, so it is rebuilt and the query run again; the index
tables of an SQLite store live in the store itself, so there it is a damaged store, said
in one line."""

from __future__ import annotations

import sqlite3
from typing import Callable, TypeVar

from termbase.errors import StoreDamaged

T = TypeVar("T")


def with_index(termbase, use: Callable[[object], T]) -> T:
    """`use(termbase.index)`; on a damaged sidecar, once more on a rebuilt one."""
    try:
        return use(termbase.index)
    except sqlite3.DatabaseError as exc:
        if termbase.store.engine != "tinydb":
            if isinstance(exc, sqlite3.OperationalError):
                raise
            raise StoreDamaged(f"termbase file {termbase.store.location} cannot be read "
                               f"({exc}); run `termbase doctor`") from None
    return use(termbase.rebuild_index())
