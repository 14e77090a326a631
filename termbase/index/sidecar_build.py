"""Rebuilding the index file of a TinyDB store without holding up its writers.

A rebuild reads the whole store and analyses every word: half a minute on a large store.
Holding the store lock all that time made a concurrent `termbase add` wait and give up.
So the rebuild works from a snapshot, without the lock: writers replace the store file
whole (by rename), so one reading of it, with the same fingerprint before and after, is
one version of the store. The new index is built from that version into a temporary file
stamped with it. Writers that committed meanwhile are caught up with, also without the
lock: the store is read again and only the concepts and segments that differ are
re-indexed. Only the last step holds the lock: the store is seen unchanged since the
last catch-up (else caught up once more, under the lock, so it always ends) and the file
is renamed into place. An index stamped with one version is never installed as the
index of another, so a writer that commits during the rebuild cannot leave a stale
index behind, and a reader never answers from one.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Callable

from termbase.index import disk, sidecar

# Catch-up rounds without the lock; writers that keep committing are caught up with under it.
UNLOCKED_ROUNDS = 3
# Readings of the store that a writer's rename may spoil before one is read under the lock.
SNAPSHOT_TRIES = 5


class Snapshot:
    """One version of the store: its fingerprint, concepts by id and segments by key."""

    def __init__(self, fingerprint: tuple, tables: dict[str, dict]):
        self.fingerprint = fingerprint
        self.state = sidecar.state_of(fingerprint)
        self.docs = list(tables["concepts"].values())  # as stored: what a build indexes
        self.concepts = {doc["id"]: doc for doc in self.docs}  # what a catch-up compares
        self.segments = dict(tables["memory"])


def read_snapshot(store) -> Snapshot:
    """A consistent reading of the store without its lock (under it, once a writer's
    renames have spoilt every try)."""
    for _ in range(SNAPSHOT_TRIES):
        before = store.fingerprint()
        tables = store.read_tables()
        if store.fingerprint() == before:
            return Snapshot(before, tables)
    with store.locked():
        return Snapshot(store.fingerprint(), store.read_tables())


_BUILDS: dict[str, threading.Lock] = {}
_BUILDS_GUARD = threading.Lock()


def _one_build_at_a_time(store) -> threading.Lock:
    """The lock of this process's rebuilds of one store's index: threads that find it stale
    together (a server's pool) wait for one rebuild and read it, not build one each."""
    with _BUILDS_GUARD:
        return _BUILDS.setdefault(str(store.index_path), threading.Lock())


def rebuild_beside_writers(store, progress: Callable[[int], None] | None = None,
                           force: bool = False) -> tuple[sqlite3.Connection, str]:
    """A current index of `store` and the store version it reflects: the sidecar file as
    another thread or process left it if that is current (unless `force`), else a new one."""
    with _one_build_at_a_time(store):
        return _rebuild(store, progress, force)


def _rebuild(store, progress, force: bool) -> tuple[sqlite3.Connection, str]:
    if not force:
        # Most often a writer has renamed the store and is updating the index right now:
        # wait for it (a moment), then look again.
        with store.locked():
            state = sidecar.state_of(store.fingerprint())
            conn = sidecar._current(store.index_path, state)
        if conn is not None:
            return conn, state
    snap = read_snapshot(store)
    if not force:
        conn = sidecar._current(store.index_path, snap.state)
        if conn is not None:
            return conn, snap.state
    concepts, segments = snap.docs, list(snap.segments.items())
    tmp = sidecar.build_file(store, concepts, segments, snap.state, progress)
    if tmp is None:  # nowhere to write it: an index in memory for this process
        conn = sidecar.build_in_memory(concepts, segments, snap.state, progress)
        return conn, snap.state
    try:
        for _ in range(UNLOCKED_ROUNDS):
            if store.fingerprint() == snap.fingerprint:
                break
            snap = catch_up(tmp, snap, read_snapshot(store), progress)
        with store.locked():
            if store.fingerprint() != snap.fingerprint:
                snap = catch_up(tmp, snap, Snapshot(store.fingerprint(), store.read_tables()),
                                progress)
            conn = sidecar.install(store, tmp)
    except (OSError, sqlite3.Error):
        # the file could not be brought up to date (a full disk): the index only saves
        # time, so this process reads one in memory, of the store as it is now
        sidecar.discard(tmp)
        snap, conn = read_snapshot(store), None
    except BaseException:
        sidecar.discard(tmp)
        raise
    if conn is None:  # could not be renamed into place: read from memory instead
        conn = sidecar.build_in_memory(snap.docs, list(snap.segments.items()), snap.state)
    return conn, snap.state


def catch_up(tmp: str, old: Snapshot, new: Snapshot, progress=None) -> Snapshot:
    """Bring the index file `tmp`, built from `old`, to `new`: what changed in between is
    re-indexed (or, for a change of most of the store, the whole file rebuilt)."""
    concepts = sorted(k for k in old.concepts.keys() | new.concepts.keys()
                      if old.concepts.get(k) != new.concepts.get(k))
    segments = sorted((k for k in old.segments.keys() | new.segments.keys()
                       if old.segments.get(k) != new.segments.get(k)),
                      key=lambda k: (len(k), k))
    conn = sidecar.connect(tmp)
    try:
        conn.execute("PRAGMA journal_mode=OFF")  # a private file, discarded on failure
        conn.execute("BEGIN")
        if disk.bulk_is_cheaper(len(concepts) + len(segments),
                                lambda: len(new.concepts) + len(new.segments)):
            disk.rebuild(conn, new.docs, new.segments.items(),
                         keep_records=True, progress=progress)
        else:
            writer = disk.IndexWriter(conn, keep_records=True)
            for concept_id in concepts:
                writer.put_concept(concept_id, new.concepts.get(concept_id))
            for key in segments:
                writer.put_segment(key, new.segments.get(key))
        disk.set_state(conn, new.state)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return new
