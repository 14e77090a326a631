"""Reading through the index when its file turns out damaged in the middle of a query.

The index is checked when it is opened (header, schema, version stamp), but a file damaged
inside its data pages (a bad disk block, a partial copy, a hand edit) only shows when a
query reaches the page: SQLite raises `DatabaseError`. The sidecar of a TinyDB store holds
nothing that is not in the store, so it is rebuilt and the query run again; the index
tables of an SQLite store live in the store itself, so there it is a damaged store, said
in one line. Rows of the index that name a term or concept the data lacks (an SQL edit of
the store, or of the index file, behind termbase's back) are found the same way, mid-query,
and the index is rebuilt from the data, on either engine."""

from __future__ import annotations

import sqlite3
from typing import Callable, TypeVar

from termbase.errors import StoreDamaged, StoreError
from termbase.index.disk import IndexDamaged

T = TypeVar("T")


def with_index(termbase, use: Callable[[object], T]) -> T:
    """`use(termbase.index)` in one snapshot of it (a commit by another process between
    the query's reads cannot mix two versions); on a damaged sidecar, once more on a
    rebuilt one."""
    try:
        return _in_snapshot(termbase.index, use)
    except IndexDamaged:
        pass
    except sqlite3.DatabaseError as exc:
        if termbase.store.engine != "tinydb":
            if isinstance(exc, sqlite3.OperationalError):
                raise
            raise StoreDamaged(f"termbase file {termbase.store.location} cannot be read "
                               f"({exc}); run `termbase doctor`") from None
    try:
        return _in_snapshot(termbase.rebuild_index(), use)
    except StoreDamaged:
        raise                   # the data itself: its own message says what to do
    except (IndexDamaged, StoreError) as exc:
        raise StoreDamaged(f"the search index of {termbase.store.location} does not match its "
                           f"data and cannot be rebuilt ({exc}); run `termbase doctor "
                           "--repair`") from None


def indexed_concept(index, ref) -> dict:
    """The record of the concept an index hit names, checked to hold the hit's term: after
    an SQL edit of a concept's row the index still names the term it had, and that must
    never be shown as if the concept held it."""
    doc = index.concepts[ref.concept_id]
    if not any(term.get("lang") == ref.lang and term.get("text") == ref.text
               for term in doc.get("terms", ())):
        raise IndexDamaged(f"concept {ref.concept_id!r} no longer holds the indexed term")
    return doc


def _in_snapshot(index, use: Callable[[object], T]) -> T:
    snapshot = getattr(index, "snapshot", None)
    if snapshot is None:        # an index in memory needs none
        return use(index)
    with snapshot():
        return use(index)
