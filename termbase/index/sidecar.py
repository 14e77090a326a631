"""The on-disk index of a TinyDB store: an SQLite file beside it, `<store>.tbindex`.

The file records which version of the store it reflects (the store file's size and
modification time). The writer that changes the store updates it under the same lock, in one
SQLite transaction, right after the store's atomic rename; a reader that finds it stale (a
writer killed in between, a store edited by an older termbase or by hand) takes the lock,
looks again and rebuilds it into a temporary file renamed into place. So a lookup never
answers from an index of another version of the store.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Callable

from termbase.index import disk

CONCEPT_SQL = "SELECT doc FROM ix_concepts WHERE id=?"
SEGMENT_SQL = "SELECT doc FROM ix_segments WHERE key=?"
SEGMENT_COUNT_SQL = "SELECT count(*) FROM ix_segments"


def _state(fingerprint: tuple) -> str:
    """The store version the index reflects: the file's size and modification time (not
    its inode, so a copy that keeps its times, as `cp -p` does, keeps a valid index)."""
    return json.dumps(list(fingerprint[1:]))


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
    return disk.DiskIndex(conn, state, CONCEPT_SQL, SEGMENT_SQL, SEGMENT_COUNT_SQL)


def _current(path: Path, state: str) -> sqlite3.Connection | None:
    """An open connection to the sidecar if it is ours and reflects `state`, else None."""
    if not path.is_file():
        return None
    try:
        conn = connect(path, readonly=True)
    except sqlite3.Error:
        return None
    try:
        disk.verify_schema(conn)
        if disk.get_state(conn) == state:
            return conn
    except (disk.IndexDamaged, sqlite3.Error):
        pass
    conn.close()
    return None


def open_index(store, progress: Callable[[int], None] | None = None,
               force: bool = False) -> disk.DiskIndex:
    """A current index of `store`: the sidecar file when it matches, else rebuilt."""
    path = store.index_path
    state = _state(store.fingerprint())
    conn = None if force else _current(path, state)
    if conn is not None:
        return reader(conn, state)
    with store.locked():  # wait for a writer that may be updating it right now
        state = _state(store.fingerprint())
        conn = None if force else _current(path, state)
        if conn is None:
            conn = _rebuild(store, path, state, progress)
    return reader(conn, state)


def _rebuild(store, path: Path, state: str, progress) -> sqlite3.Connection:
    tables = store.read_tables()
    return _rebuild_from(store, tables["concepts"].values(), tables["memory"].items(),
                         progress, state)


def _fsync(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _rebuild_from(store, concepts, segments, progress=None, state: str | None = None
                  ) -> sqlite3.Connection:
    """Build the index of these records into a temporary file, renamed into place. Where
    the file cannot be written (a read-only directory, a full disk) the index is built in
    memory for this process: the index only saves time, it never fails a command."""
    path = store.index_path
    state = state or _state(store.fingerprint())
    concepts, segments = list(concepts), list(segments)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
        conn = connect(tmp)
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        _fill(conn, concepts, segments, state, progress)
        conn.close()
        _copy_mode(store.path, tmp)
        _fsync(tmp)  # a crash after the rename must not leave a torn file claiming to be current
        os.replace(tmp, path)
        return connect(path, readonly=True)
    except (OSError, sqlite3.Error):
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        conn = connect(":memory:")
        _fill(conn, concepts, segments, state, progress)
        return conn
    except BaseException:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _fill(conn, concepts, segments, state, progress) -> None:
    conn.execute("BEGIN")
    disk.rebuild(conn, concepts, segments, keep_records=True, progress=progress)
    disk.set_state(conn, state)
    conn.execute("COMMIT")


def _copy_mode(store_path: Path, target: str) -> None:
    """The index gets the store's permissions: a group-writable shared termbase keeps a
    group-writable index, so every member's writes can update it."""
    try:
        os.chmod(target, os.stat(store_path).st_mode & 0o777)
    except OSError:
        pass


def after_write(store, tx, before: tuple) -> None:
    """Apply a committed transaction's changes to the sidecar, if it reflected the store
    as it was before the write; otherwise leave it stale for the next reader to rebuild."""
    path = store.index_path
    if not path.is_file():
        return
    try:
        conn = connect(path)
    except sqlite3.Error:
        return
    try:
        disk.verify_schema(conn)
        if disk.get_state(conn) != _state(before):
            return
        changed = len(tx.touched_concepts) + len(tx.touched_segments)
        if disk.bulk_is_cheaper(changed, lambda: tx.concept_table.count()
                                   + tx.segment_table.count()):
            conn.close()
            _rebuild_from(store, tx.concept_table.docs(), tx.segment_table.items())
            return
        conn.execute("BEGIN IMMEDIATE")
        disk.apply_changes(conn, tx, keep_records=True)
        disk.set_state(conn, _state(store.fingerprint()))
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
    if not path.is_file():
        return "absent (built on next use)"
    try:
        conn = connect(path, readonly=True)
        try:
            disk.verify_schema(conn)
            current = disk.get_state(conn) == store.index_state()
        finally:
            conn.close()
    except (disk.IndexDamaged, sqlite3.Error):
        return "damaged (rebuilt on next use)"
    return "current" if current else "stale (rebuilt on next use)"
