"""The on-disk index of a TinyDB store: an SQLite file beside it, `<store>.tbindex`.

The file records which version of the store it reflects (the store file's size and
modification time). The writer that changes the store updates it under the same lock, in one
SQLite transaction, right after the store's atomic rename; a reader that finds it stale (a
writer killed in between, a store edited by an older termbase or by hand) rebuilds it from
a snapshot of the store into a temporary file, renamed into place under the lock only if
it reflects the store as it is then (`sidecar_build`: writers are not held up meanwhile).
So a lookup never answers from an index of another version of the store.

Others may write this directory (a shared termbase), so the file is read only if it is a
regular file (not a symbolic link, FIFO or device), starts like an SQLite database in
rollback-journal mode, has no journal beside it that a reader would have to replay (a
writer killed mid-update) and holds exactly the tables this version creates and nothing
else; anything else is rebuilt, never read.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Callable

from termbase.fileio import own_temp_prefix, share_like
from termbase.index import disk
from termbase.index.keeper import ConnectionKeeper
from termbase.index.sidecar_header import read_header

CONCEPT_SQL = "SELECT doc FROM ix_concepts WHERE id=?"
SEGMENT_SQL = "SELECT doc FROM ix_segments WHERE key=?"
SEGMENT_COUNT_SQL = "SELECT count(*) FROM ix_segments"


SQLITE_MAGIC = b"SQLite format 3\x00"
JOURNALS = ("-journal", "-wal", "-shm")


def state_of(fingerprint: tuple) -> str:
    """The store version the index reflects: the file's inode, size, modification and
    change times. A program that does not keep the index (an older termbase, an editor)
    may leave size and modification time as they were (a same-length edit on a file system
    with coarse times, a restored mtime), never the change time of a new file; a copy of
    the store rebuilds its index once."""
    return json.dumps(list(fingerprint))


def _beside(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _trusted_file(path: Path) -> bool:
    """True if `path` may be opened as our index at all (see the module docstring)."""
    header = read_header(path)  # not open() and close(): that drops other threads' locks
    if header is None or header[:16] != SQLITE_MAGIC or header[18:20] != b"\x01\x01":
        return False
    return not any(os.path.lexists(_beside(path, suffix)) for suffix in JOURNALS)


def connect(path: Path | str, readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        # percent-encoded: a '#', '?' or '%' in a folder name is part of the path, not URI
        conn = sqlite3.connect(f"file:{_uri_path(Path(path))}?mode=ro", uri=True,
                               isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


def _uri_path(path: Path) -> str:
    from urllib.parse import quote

    posix = path.resolve().as_posix()
    # Windows: file:///C:/... keeps its drive letter's colon
    return quote(posix if posix.startswith("/") else "/" + posix, safe="/:")


def reader(conn: sqlite3.Connection, state: str) -> disk.DiskIndex:
    return disk.DiskIndex(conn, state, CONCEPT_SQL, SEGMENT_SQL, SEGMENT_COUNT_SQL,
                          ConnectionKeeper(conn))


def _current(path: Path, state: str) -> sqlite3.Connection | None:
    """An open connection to the sidecar if it is ours and reflects `state`, else None."""
    if not _trusted_file(path):
        return None
    try:
        conn = connect(path, readonly=True)
    except sqlite3.Error:
        return None
    try:
        disk.verify_schema(conn, alone=True)
        if disk.get_state(conn) == state:
            return conn
    except (disk.IndexDamaged, sqlite3.Error):
        pass
    conn.close()
    return None


def current_facets(store):
    """The subjects and varieties of `store` from its index file if that is current, else
    None (the caller reads the store instead of waiting for a rebuild)."""
    from termbase.index.facets import IndexFacets

    conn = _current(store.index_path, state_of(store.fingerprint()))
    return IndexFacets(conn, ConnectionKeeper(conn)) if conn is not None else None


def open_index(store, progress: Callable[[int], None] | None = None,
               force: bool = False) -> disk.DiskIndex:
    """A current index of `store`: the sidecar file when it matches, else rebuilt (from
    a snapshot of the store, without holding up writers: `termbase.index.sidecar_build`)."""
    from termbase.index.sidecar_build import rebuild_beside_writers

    path = store.index_path
    state = state_of(store.fingerprint())
    conn = None if force else _current(path, state)
    if conn is None:
        conn, state = rebuild_beside_writers(store, progress, force)
    return reader(conn, state)


def _fsync(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _rebuild_from(store, concepts, segments, progress=None, state: str | None = None
                  ) -> sqlite3.Connection:
    """Build the index of these records and rename it into place (the caller holds the
    store lock). Where the file cannot be written or renamed (a read-only directory, a
    full disk) the index is built in memory for this process: the index only saves time,
    it never fails a command."""
    state = state or state_of(store.fingerprint())
    concepts, segments = list(concepts), list(segments)
    tmp = build_file(store, concepts, segments, state, progress)
    installed = install(store, tmp) if tmp is not None else None
    return installed or build_in_memory(concepts, segments, state, progress)


def build_file(store, concepts, segments, state: str, progress=None) -> str | None:
    """A new index file of these records beside the store, not yet in place (None where
    it cannot be written)."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=own_temp_prefix(store.index_path), suffix=".tmp",
                                   dir=store.index_path.parent)
        os.close(fd)
    except OSError:
        return None

    def fill() -> str:
        conn = connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute("PRAGMA synchronous=OFF")
            _fill(conn, concepts, segments, state, progress)
        finally:
            conn.close()
        return tmp

    return _or_discard(tmp, fill)


def build_in_memory(concepts, segments, state: str, progress=None) -> sqlite3.Connection:
    conn = connect(":memory:")
    _fill(conn, concepts, segments, state, progress)
    return conn


def install(store, tmp: str) -> sqlite3.Connection | None:
    """Rename a finished index file into place (the caller holds the store lock) and open
    it; None (and the file removed) where that fails."""
    path = store.index_path

    def rename() -> sqlite3.Connection:
        share_like(tmp, store.path)
        _fsync(tmp)  # a crash after the rename must not leave a torn file claiming to be current
        os.replace(tmp, path)
        _remove_journals(path)
        return connect(path, readonly=True)

    return _or_discard(tmp, rename)


def _or_discard(tmp: str, step: Callable):
    """`step()`; the temporary file removed if it fails, and None if the file system or
    SQLite refused it (the index only saves time, it never fails a command)."""
    try:
        return step()
    except (OSError, sqlite3.Error):
        discard(tmp)
        return None
    except BaseException:
        discard(tmp)
        raise


def discard(tmp: str | None) -> None:
    if tmp and os.path.exists(tmp):
        os.unlink(tmp)


def _fill(conn, concepts, segments, state, progress) -> None:
    conn.execute("BEGIN")
    disk.rebuild(conn, concepts, segments, keep_records=True, progress=progress)
    disk.set_state(conn, state)
    conn.execute("COMMIT")


def _remove_journals(path: Path) -> None:
    """After a new index file is renamed into place (under the store lock): a journal left
    by a writer killed while updating the old file (or planted) must never be replayed
    into the new one."""
    for suffix in JOURNALS:
        try:
            os.unlink(_beside(path, suffix))
        except OSError:
            pass


def after_write(store, tx, before: tuple) -> None:
    """Apply a committed transaction's changes to the sidecar, if it reflected the store
    as it was before the write; otherwise leave it stale for the next reader to rebuild."""
    path = store.index_path
    if not _trusted_file(path):
        return  # absent, not ours or left mid-update: rebuilt by the next reader
    try:
        conn = connect(path)
    except sqlite3.Error:
        return
    try:
        disk.verify_schema(conn, alone=True)
        if disk.get_state(conn) != state_of(before):
            return
        changed = len(tx.touched_concepts) + len(tx.touched_segments)
        if disk.bulk_is_cheaper(changed, lambda: tx.concept_table.count()
                                   + tx.segment_table.count()):
            conn.close()
            _rebuild_from(store, tx.concept_table.docs(), tx.segment_table.items())
            return
        conn.execute("BEGIN IMMEDIATE")
        disk.apply_changes(conn, tx, keep_records=True)
        disk.set_state(conn, state_of(store.fingerprint()))
        conn.execute("COMMIT")
    except Exception:  # noqa: BLE001 - the data is committed; a stale index is rebuilt later
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass
    finally:
        conn.close()


def health(store) -> str:
    path = store.index_path
    if not os.path.lexists(path):
        return "absent (built on next use)"
    if not _trusted_file(path):
        return "damaged (rebuilt on next use)"
    try:
        conn = connect(path, readonly=True)
        try:
            return disk.health(conn, store.index_state(), alone=True)
        finally:
            conn.close()
    except sqlite3.Error:
        return "damaged (rebuilt on next use)"
