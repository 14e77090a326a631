"""The SQLite engine: large termbases on one machine.

Concepts, memory segments, the change log and batches are rows keyed the way they are read,
so every write costs in proportion to its change. The search index lives in the same file
(`ix_*` tables, see `index/disk.py`) and is updated in the same transaction as the data it
indexes, so it is never stale. WAL mode: readers never wait for the writer. `BEGIN
IMMEDIATE` is the write lock (one writer at a time, others wait up to the lock timeout).
Backups use SQLite's online backup API. Only portable SQL is used, so a PostgreSQL engine can
implement the same editors with psycopg.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from termbase.errors import CommittedWithWarning, StoreDamaged, StoreError, StoreLocked
from termbase.index import disk
from termbase.index import identity as segment_ids
from termbase.index.facets import IndexFacets
from termbase.index.term_finder import StoredTerms
from termbase.records import record_problem
from termbase.text.display import for_terminal
from termbase.transaction import (SCHEMA_VERSION, Transaction, current_user, new_batch_id)

LOCK_TIMEOUT_MS = 30_000
OPEN_RETRY_DELAYS_S = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6)
SCHEMA = [
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS concepts(id TEXT PRIMARY KEY, doc TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS memory(key TEXT PRIMARY KEY, doc TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS changes(seq INTEGER PRIMARY KEY, batch TEXT NOT NULL,"
    " doc TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS changes_batch ON changes(batch)",
    "CREATE TABLE IF NOT EXISTS batches(seq INTEGER PRIMARY KEY, batch TEXT UNIQUE NOT NULL,"
    " doc TEXT NOT NULL)",
]
CONCEPT_SQL = "SELECT doc FROM concepts WHERE id=?"
SEGMENT_SQL = "SELECT doc FROM memory WHERE key=?"
SEGMENT_COUNT_SQL = "SELECT count(*) FROM memory"


# "batch starts with ?" as a range of the batch column's index. Binary collation (SQLite's
# default; PostgreSQL needs COLLATE "C" or `starts_with` here) sorts every string that
# starts with the prefix between the prefix and the prefix followed by the last code point.
PREFIX_RANGE = "batch >= ? AND batch < ?"


def prefix_bounds(prefix: str) -> tuple[str, str]:
    return prefix, prefix + "\U0010ffff"


# One encoder for every record: `json.dumps` with options builds a new one per call, and an
# import writes a million records.
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _record(text, table: str, key) -> dict:
    """A stored record, which must be a JSON object of its table's shape: one edited into
    something else behind termbase's back is a damaged store, said in one line (not a
    crash of every reader)."""
    try:
        doc = json.loads(text)
    except (TypeError, ValueError):
        doc = None
    problem = record_problem(table, doc)
    if problem:
        raise StoreDamaged(f"record {key!r} of table {table} is {problem} (edited outside "
                           "termbase?); run `termbase doctor`")
    return doc


class _Records:
    """JSON documents of one table by key: what the concept and segment editors share."""

    table = key = ""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def get(self, key: str) -> dict | None:
        row = self.conn.execute(f"SELECT doc FROM {self.table} WHERE {self.key}=?",
                                (key,)).fetchone()
        return _record(row[0], self.table, key) if row else None

    def put(self, key: str, doc: dict) -> None:
        # an update in place keeps the record's place in insertion order (and its rowid)
        self.conn.execute(f"INSERT INTO {self.table} VALUES(?, ?) ON CONFLICT({self.key})"
                          " DO UPDATE SET doc=excluded.doc",
                          (key, _dumps(doc)))

    def drop(self, key: str) -> dict | None:
        doc = self.get(key)
        if doc is not None:
            self.conn.execute(f"DELETE FROM {self.table} WHERE {self.key}=?", (key,))
        return doc

    def count(self) -> int:
        return self.conn.execute(f"SELECT count(*) FROM {self.table}").fetchone()[0]

    PAGE = 2000

    def stream(self) -> Iterator[tuple[str, dict]]:
        """Every (key, record) in insertion order, read a page at a time: a million records
        never sit in memory together, and the caller may write between pages."""
        last = 0
        while True:
            rows = self.conn.execute(
                f"SELECT rowid, {self.key}, doc FROM {self.table} WHERE rowid > ?"
                " ORDER BY rowid LIMIT ?", (last, self.PAGE)).fetchall()
            for _, key, doc in rows:
                yield key, _record(doc, self.table, key)
            if len(rows) < self.PAGE:
                return
            last = rows[-1][0]

    def stream_by_key(self) -> Iterator[tuple[str, dict]]:
        """Every (key, record) in key order (SQLite's binary collation: code point order,
        as Python sorts strings), a page at a time from the key's index: the place of the
        last key read is all that is kept between pages."""
        rows = self.conn.execute(f"SELECT {self.key}, doc FROM {self.table}"
                                 f" ORDER BY {self.key} LIMIT ?", (self.PAGE,)).fetchall()
        while rows:
            for key, doc in rows:
                yield key, _record(doc, self.table, key)
            if len(rows) < self.PAGE:
                return
            rows = self.conn.execute(
                f"SELECT {self.key}, doc FROM {self.table} WHERE {self.key} > ?"
                f" ORDER BY {self.key} LIMIT ?", (rows[-1][0], self.PAGE)).fetchall()


class _Concepts(_Records):
    table, key = "concepts", "id"

    def docs(self) -> Iterator[dict]:
        return (doc for _, doc in self.stream())


class _Segments(_Records):
    table, key = "memory", "key"

    def items(self) -> Iterator[tuple[str, dict]]:
        for key, doc in self.conn.execute(
                "SELECT key, doc FROM memory ORDER BY length(key), key").fetchall():
            yield key, _record(doc, "memory", key)


class _Meta:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def get(self, name: str, default=None):
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (name,)).fetchone()
        return json.loads(row[0]) if row else default

    def set(self, name: str, value) -> None:
        self.conn.execute("INSERT INTO meta VALUES(?, ?) ON CONFLICT(key) DO UPDATE"
                          " SET value=excluded.value", (name, json.dumps(value)))

    def all(self) -> dict:
        return {k: json.loads(v) for k, v in self.conn.execute("SELECT key, value FROM meta")}


class _Log:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def append(self, entries: list[dict], batch_record: dict) -> None:
        self.conn.executemany("INSERT INTO changes(batch, doc) VALUES(?, ?)",
                              [(e["batch"], _dumps(e)) for e in entries])
        self.conn.execute("INSERT INTO batches(batch, doc) VALUES(?, ?)",
                          (batch_record["batch"], _dumps(batch_record)))

    def batches(self) -> list[dict]:
        return [json.loads(doc) for (doc,) in
                self.conn.execute("SELECT doc FROM batches ORDER BY seq")]

    # Pages of batches by their place in the log (keyset paging on seq, never OFFSET):
    # each reads only the rows it returns, however long the history.
    def newest_batches(self, limit: int, before: str | None = None) -> list[dict]:
        if before is None:
            rows = self.conn.execute("SELECT doc FROM batches ORDER BY seq DESC LIMIT ?",
                                     (limit,))
        else:
            rows = self.conn.execute(
                "SELECT doc FROM batches WHERE seq < (SELECT seq FROM batches WHERE batch=?)"
                " ORDER BY seq DESC LIMIT ?", (before, limit))
        return [json.loads(doc) for (doc,) in rows.fetchall()]

    def oldest_batches(self, limit: int) -> list[dict]:
        return [json.loads(doc) for (doc,) in self.conn.execute(
            "SELECT doc FROM batches ORDER BY seq LIMIT ?", (limit,)).fetchall()]

    def batches_after(self, batch: str) -> list[dict]:
        return [json.loads(doc) for (doc,) in self.conn.execute(
            "SELECT doc FROM batches WHERE seq > (SELECT seq FROM batches WHERE batch=?)"
            " ORDER BY seq", (batch,)).fetchall()]

    def batches_by_prefix(self, prefix: str, limit: int) -> list[dict]:
        return [json.loads(doc) for (doc,) in self.conn.execute(
            f"SELECT doc FROM batches WHERE {PREFIX_RANGE} ORDER BY seq LIMIT ?",
            (*prefix_bounds(prefix), limit)).fetchall()]

    def changes(self, batch: str | None = None, after_batch: str | None = None
                ) -> Iterator[dict]:
        if batch is not None:
            rows = self.conn.execute("SELECT doc FROM changes WHERE batch=? ORDER BY seq",
                                     (batch,))
        elif after_batch is not None:
            last = self.conn.execute("SELECT max(seq) FROM changes WHERE batch=?",
                                     (after_batch,)).fetchone()[0] or 0
            rows = self.conn.execute("SELECT doc FROM changes WHERE seq>? ORDER BY seq",
                                     (last,))
        else:
            rows = self.conn.execute("SELECT doc FROM changes ORDER BY seq")
        for (doc,) in rows.fetchall():
            yield json.loads(doc)

    def update_batch(self, batch: str, fields: dict) -> None:
        row = self.conn.execute("SELECT doc FROM batches WHERE batch=?", (batch,)).fetchone()
        if row:
            record = json.loads(row[0])
            record.update(fields)
            self.conn.execute("UPDATE batches SET doc=? WHERE batch=?", (_dumps(record), batch))

    def rewrite(self, change) -> int:
        count = 0
        for table in ("changes", "batches"):
            for seq, doc in self.conn.execute(f"SELECT seq, doc FROM {table}").fetchall():
                entry = json.loads(doc)
                new = change(entry)
                if new is None:
                    self.conn.execute(f"DELETE FROM {table} WHERE seq=?", (seq,))
                    count += 1
                elif new != entry:
                    self.conn.execute(f"UPDATE {table} SET doc=? WHERE seq=?",
                                      (_dumps(new), seq))
                    count += 1
        return count


def _on_read_only_file_system(path: Path) -> bool:
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):  # no statvfs (Windows)
        return False


def sqlite_path(location: str) -> Path:
    """`sqlite:///path` (`sqlite:////abs/path` absolute, as SQLAlchemy reads it) or a plain
    path. A URL naming no file, or a host (`sqlite:`, `sqlite:///`, `sqlite://host/x`), is
    refused: read as a path it would create a store named after the typo."""
    if not location.startswith("sqlite:"):
        return Path(location)
    if location.startswith("sqlite:///") and location[len("sqlite:///"):].strip():
        return Path(location[len("sqlite:///"):])
    raise StoreError(f"{location!r} names no SQLite file; write sqlite:///relative/path or "
                     "sqlite:////absolute/path (or just the path)")


STORE_TABLES = frozenset({"meta", "concepts", "memory", "changes", "changes_batch",
                          "batches"})


def _rebuild_index(conn: sqlite3.Connection, progress=None) -> None:
    """Refill the index tables from the store's own tables (in the caller's transaction)
    and mark them as reflecting the current generation."""
    disk.rebuild(conn, _Concepts(conn).docs(), _Segments(conn).stream(), keep_records=False,
                 progress=progress)
    disk.set_state(conn, str(_Meta(conn).get("generation", 0)))


def _triggers(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='trigger' ORDER BY name")]


class SQLiteStore:
    engine = "sqlite"

    def __init__(self, location: str | os.PathLike):
        self.path = sqlite_path(str(location)).expanduser()
        self._local = threading.local()

    @property
    def location(self) -> str:
        return str(self.path)

    @property
    def lock_path(self) -> Path:  # the database locks itself; nothing beside it
        return self.path

    def exists(self) -> bool:
        if not self.path.is_file():
            return False
        try:
            return self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name='meta'").fetchone() is not None
        except sqlite3.DatabaseError:
            return True  # damaged: reported when read

    # -- connection ----------------------------------------------------------------------
    @property
    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._connect()
        return conn

    def _connect(self) -> sqlite3.Connection:
        if self.path.exists() and not self.path.is_file():
            raise StoreError(f"{self.path} is not a regular file")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for delay in OPEN_RETRY_DELAYS_S + (None,):
            try:
                conn = self._open_wal()
                break
            except sqlite3.DatabaseError as exc:
                # SQLITE_PROTOCOL: another process is recovering the log right now (one
                # was killed); the busy timeout does not cover it, a short wait does
                if delay is not None and getattr(exc, "sqlite_errorname", "") == \
                        "SQLITE_PROTOCOL":
                    time.sleep(delay)
                    continue
                if self.path.is_file() and _on_read_only_file_system(self.path):
                    return self._connect_immutable()
                raise self._failure(exc, "open") from None
        self._share_journals()
        return conn

    def _open_wal(self) -> sqlite3.Connection:
        conn = sqlite3.connect(str(self.path), isolation_level=None,
                               timeout=LOCK_TIMEOUT_MS / 1000, check_same_thread=False)
        try:
            conn.execute("PRAGMA trusted_schema=OFF")
            conn.execute(f"PRAGMA busy_timeout={LOCK_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode=WAL")
            # FULL under WAL too: a commit is on disk when the command says so, as the
            # TinyDB store's fsync promises (NORMAL could lose the last commits to a power cut)
            conn.execute("PRAGMA synchronous=FULL")
        except BaseException:
            conn.close()
            raise
        return conn

    def _connect_immutable(self) -> sqlite3.Connection:
        """A store on a read-only file system (a published glossary on a read-only share,
        a mounted image): WAL mode cannot create its -shm file there, but nobody can be
        writing, so the file is read as immutable. Writes fail as read-only."""
        from urllib.parse import quote

        try:
            conn = sqlite3.connect(f"file:{quote(self.path.absolute().as_posix())}"
                                   "?mode=ro&immutable=1", uri=True, isolation_level=None,
                                   check_same_thread=False)
            conn.execute("PRAGMA trusted_schema=OFF")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise self._failure(exc, "open") from None
        return conn

    def _failure(self, exc: sqlite3.Error, doing: str) -> StoreError:
        """The error as the user should see it: a damaged file only when SQLite says so; a
        full disk, an I/O error or a read-only place is not damage, and nothing changed."""
        name = getattr(exc, "sqlite_errorname", "")
        if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
            return StoreDamaged(f"termbase file {self.path} is damaged or not a termbase "
                                f"database ({exc})")
        if name.startswith(("SQLITE_BUSY", "SQLITE_PROTOCOL")):  # both: another writer
            return StoreLocked.waited(self.path, LOCK_TIMEOUT_MS / 1000)
        hint = " (is the disk full?)" if name.startswith(("SQLITE_IOERR", "SQLITE_FULL")) \
            else ""
        written = "; nothing was written" if doing == "write" else "; nothing was changed"
        return StoreError(f"cannot {doing} {self.path}: {exc}{hint}{written}")

    def _share_journals(self) -> None:
        """SQLite gives its -wal and -shm files the database's mode but the creating
        user's group: in a shared directory they take the store's group too, or the next
        member could not open the database. Changed by name, without following a link and
        without opening them: closing any descriptor of a file drops this process's
        POSIX locks on it, and SQLite's locks on -shm are what keeps the log consistent."""
        if os.name == "nt" or not hasattr(os, "lchown"):
            return
        try:
            group = os.stat(self.path).st_gid
        except OSError:
            return
        for suffix in ("-wal", "-shm"):
            journal = self.path.with_name(self.path.name + suffix)
            try:
                if os.lstat(journal).st_gid != group:
                    os.lchown(journal, -1, group)
            except OSError:
                pass  # absent, or not ours to change

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def _read(self, sql: str, params=()) -> list:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise StoreDamaged(f"termbase file {self.path} cannot be read ({exc})") from None

    # -- reading ---------------------------------------------------------------------------
    def fingerprint(self) -> tuple:
        return (self.generation(),)

    def generation(self) -> int:
        rows = self._read("SELECT value FROM meta WHERE key='generation'") if self.exists() \
            else []
        return int(json.loads(rows[0][0])) if rows else 0

    def get_concept(self, concept_id: str) -> dict | None:
        rows = self._read(CONCEPT_SQL, (concept_id,))
        return _record(rows[0][0], "concepts", concept_id) if rows else None

    def concept_docs(self) -> Iterator[dict]:
        """Every concept, streamed in pages (an export of a million concepts never holds
        them all)."""
        return (doc for _, doc in self._stream(_Concepts(self.conn)))

    def concept_docs_by_id(self) -> Iterator[dict]:
        """Every concept in id order, streamed in pages from the primary key's index."""
        return (doc for _, doc in self._stream(_Concepts(self.conn), by_key=True))

    def segment_items(self) -> Iterator[tuple[str, dict]]:
        return self._stream(_Segments(self.conn))

    def _stream(self, records: "_Records", by_key: bool = False
                ) -> Iterator[tuple[str, dict]]:
        try:
            yield from records.stream_by_key() if by_key else records.stream()
        except sqlite3.DatabaseError as exc:
            raise StoreDamaged(f"termbase file {self.path} cannot be read ({exc})") from None

    @contextmanager
    def snapshot(self) -> Iterator["SQLiteStore"]:
        """Reads inside one read transaction: an export that reads the concepts twice (a
        header pass, then the rows) sees one state of the store. WAL: writers go on
        meanwhile (the log cannot be checkpointed past this reader until it ends)."""
        conn = self.conn
        if conn.in_transaction:          # already inside one: it is the snapshot
            yield self
            return
        try:
            conn.execute("BEGIN")
        except sqlite3.DatabaseError as exc:
            raise self._failure(exc, "read") from None
        try:
            yield self
        except BaseException:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass                     # a damaged file: the reader's error says so
            raise
        try:
            if conn.in_transaction:
                conn.execute("COMMIT")   # nothing was written: this only ends the read
        except sqlite3.DatabaseError as exc:
            raise self._failure(exc, "read") from None

    def concepts(self):
        from termbase.model import Concept

        return [Concept.from_dict(doc) for doc in self.concept_docs()]

    def segments(self):
        from termbase.model import Segment

        return [Segment.from_dict(doc) for _, doc in self.segment_items()]

    def counts(self) -> dict[str, int]:
        count = lambda table: self._read(f"SELECT count(*) FROM {table}")[0][0]  # noqa: E731
        return {"concepts": count("concepts"), "memory_segments": count("memory"),
                "batches": count("batches"), "changes": count("changes")}

    def batches(self) -> list[dict]:
        return _Log(self.conn).batches()

    def log(self) -> "_Log":
        """The change log, for reading a page of it (`ChangeLog`)."""
        return _Log(self.conn)

    def changes(self, batch: str | None = None) -> list[dict]:
        return list(_Log(self.conn).changes(batch))

    def meta(self) -> dict:
        return _Meta(self.conn).all()

    # -- writing ---------------------------------------------------------------------------
    def _begin(self, conn: sqlite3.Connection) -> None:
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise self._failure(exc, "write") from None

    @contextmanager
    def locked(self):
        """The write lock, as an open transaction committed on success."""
        conn = self.conn
        self._begin(conn)
        try:
            yield conn
        except BaseException:
            self._rollback(conn)
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            self._rollback(conn)
            raise self._failure(exc, "write") from None

    def _refuse_foreign_objects(self, conn: sqlite3.Connection) -> None:
        """A trigger runs its own SQL with termbase's writes (it could empty the change log
        that undo needs): refused until `doctor --repair` removes it. Views and tables
        someone added run nothing; doctor only mentions them."""
        found = _triggers(conn)
        if found:
            raise StoreDamaged(f"{self.path} holds a trigger {for_terminal(found[0])!r} that "
                               "termbase did not create (it could change data behind "
                               "termbase's back); `termbase doctor --repair` removes it")

    def _ensure_schema(self, conn: sqlite3.Connection) -> None:
        self._refuse_foreign_objects(conn)
        for statement in SCHEMA:
            conn.execute(statement)
        try:
            disk.verify_schema(conn)
        except disk.IndexDamaged:
            disk.drop_schema(conn)
            disk.create_schema(conn)
            _rebuild_index(conn)
        schema = _Meta(conn).get("schema", SCHEMA_VERSION)
        if schema > SCHEMA_VERSION:
            raise StoreError(f"{self.path} was written by a newer termbase (schema {schema});"
                             " upgrade termbase to open it")

    @contextmanager
    def transaction(self, command: str = "", batch: str | None = None,
                    dry_run: bool = False) -> Iterator[Transaction]:
        """One SQLite transaction: the data, the change log and the index together; rolled
        back for a dry run, an empty change or an exception."""
        conn = self.conn
        self._begin(conn)
        try:
            self._ensure_schema(conn)
            self._sync_index(conn)
            meta = _Meta(conn)
            tx = Transaction(_Concepts(conn), _Segments(conn), meta, _Log(conn),
                             batch or new_batch_id(), command, current_user())
            tx.concepts_with_term = StoredTerms(conn)
            tx.indexed_facets = IndexFacets(conn)
            tx.segments_with_identity = segment_ids.finder(conn)
            yield tx
            if dry_run or not tx.changed:
                conn.execute("ROLLBACK")
                return
            tx.finish()
            changed = len(tx.touched_concepts) + len(tx.touched_segments)
            if disk.bulk_is_cheaper(changed, lambda: tx.concept_table.count()
                                   + tx.segment_table.count()):
                _rebuild_index(conn)
            else:
                disk.apply_changes(conn, tx, keep_records=False)
            disk.set_state(conn, str(meta.get("generation", 0)))
            conn.execute("COMMIT")
        except BaseException as exc:
            self._rollback(conn)
            if isinstance(exc, sqlite3.DatabaseError):
                raise self._failure(exc, "write") from None
            raise

    @staticmethod
    def _rollback(conn: sqlite3.Connection) -> None:
        """Roll back what is still open (after an I/O error SQLite may have done it, or
        the rollback itself may fail: the journal undoes it on the next open)."""
        try:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    def _sync_index(self, conn: sqlite3.Connection) -> None:
        """Rebuild the index if a writer that does not maintain it changed the data."""
        if disk.get_state(conn) != str(_Meta(conn).get("generation", 0)):
            _rebuild_index(conn)

    # -- the search index ------------------------------------------------------------------
    def facets(self) -> IndexFacets:
        """The subjects and varieties in use, from the index (rebuilt first if stale)."""
        return self.open_index().facets

    def index_state(self) -> str:
        return str(self.generation())

    def open_index(self, progress=None, force: bool = False) -> disk.DiskIndex:
        conn = self.conn
        self._refuse_foreign_objects(conn)
        state = self.index_state()
        try:
            disk.verify_schema(conn)
            current = disk.get_state(conn) == state
        except disk.IndexDamaged:
            current = False
        if force or not current:
            with self.locked() as locked_conn:
                self._ensure_schema(locked_conn)
                generation = str(_Meta(locked_conn).get("generation", 0))
                if force or disk.get_state(locked_conn) != generation:
                    _rebuild_index(locked_conn, progress)
            state = self.index_state()
        return disk.DiskIndex(conn, state, CONCEPT_SQL, SEGMENT_SQL, SEGMENT_COUNT_SQL)

    # -- moving between engines ---------------------------------------------------------------
    @contextmanager
    def dump(self):
        """The whole store as of one moment, streamed: read inside one read transaction,
        so writers go on meanwhile (WAL) and never show in a copy half-done."""
        from termbase.copying import Dump

        with self.snapshot():
            log = _Log(self.conn)
            yield Dump(meta=_Meta(self.conn).all(), concepts=self.concept_docs(),
                       segments=self.segment_items(), changes=log.changes(),
                       batches=log.batches())

    def load(self, dump) -> None:
        """Write a whole dump as this (new) store: built in a temporary file, renamed into
        place when complete, so a failed copy leaves nothing behind."""
        from termbase.fileio import atomic_path

        with atomic_path(self.path) as tmp:
            os.unlink(tmp)
            target = SQLiteStore(tmp)
            conn = target.conn
            target._begin(conn)
            for statement in SCHEMA:
                conn.execute(statement)
            disk.create_schema(conn)
            meta = _Meta(conn)
            for name, value in dump.meta.items():
                meta.set(name, value)
            concepts = _Concepts(conn)
            for doc in dump.concepts:
                concepts.put(doc["id"], doc)
            segments = _Segments(conn)
            for key, doc in dump.segments:
                segments.put(key, doc)
            conn.executemany("INSERT INTO changes(batch, doc) VALUES(?, ?)",
                             ((e["batch"], _dumps(e)) for e in dump.changes))
            conn.executemany("INSERT INTO batches(batch, doc) VALUES(?, ?)",
                             ((b["batch"], _dumps(b)) for b in dump.batches))
            meta.set("generation", int(meta.get("generation", 0)) + 1)
            conn.execute("COMMIT")
            conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file to rename
            target.close()
        self.close()

    # -- health ----------------------------------------------------------------------------
    def diagnose(self) -> dict:
        """SQLite's own integrity check, then each concept validated and the index state,
        all from one snapshot (a read transaction), so a writer committing meanwhile cannot
        make the index look stale or the counts disagree."""
        conn = self.conn
        if conn.in_transaction:
            return self._diagnose()
        try:
            conn.execute("BEGIN")
        except sqlite3.DatabaseError:
            return self._diagnose()  # reported there
        try:
            return self._diagnose()
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")

    def _diagnose(self) -> dict:
        from termbase.model import Concept, ValidationError

        report = {"store": self.location, "engine": self.engine, "ok": True, "problems": [],
                  "backup": None, "leftovers": []}
        from termbase.index.audit import OUT_OF_STEP, TermAudit

        audit = TermAudit()
        try:
            result = self.conn.execute("PRAGMA integrity_check").fetchall()
            if result != [("ok",)]:
                report["problems"] += [f"integrity: {r[0]}" for r in result[:10]]
            for doc in self.concept_docs():
                audit.add(doc)
                try:
                    Concept.from_dict(doc).validate()
                except (ValidationError, TypeError, AttributeError, KeyError) as exc:
                    report["problems"].append(f"concept {doc.get('id')}: {exc}")
            for key, doc in self.segment_items():
                audit.add_segment(key, doc)
            report["problems"] += [f"foreign trigger {for_terminal(name)!r} (removed by"
                                   " --repair)" for name in _triggers(self.conn)]
            report["concepts"] = self.counts()["concepts"]
            report["index"] = disk.health(self.conn, self.index_state())
            if report["index"] == "current":
                report["index"] = audit.verdict(self.conn)
                if report["index"] == OUT_OF_STEP:
                    report.setdefault("warnings", []).append(f"the search index is {OUT_OF_STEP}")
            foreign = [f for f in disk.foreign_objects(self.conn, STORE_TABLES)
                       if not f.startswith("trigger ")]
            if foreign:
                report.setdefault("warnings", []).append(
                    f"the database holds {for_terminal(', '.join(foreign[:5]))}, which "
                    "termbase never creates; remove them unless you added them on purpose")
        except (sqlite3.DatabaseError, StoreError) as exc:
            report["problems"].append(f"cannot be read: {exc}")
        report["ok"] = not report["problems"]
        return report

    def repair(self) -> dict:
        """Rebuild the index and remove triggers someone added; damaged data can only come
        back from a `termbase backup`. Diagnosis and repair under the write lock: no writer
        changes the store between what was found and what is done."""
        with self.locked() as conn:
            report = self._diagnose()
            if any(p.startswith(("integrity", "cannot")) for p in report["problems"]):
                raise StoreError(f"{self.path} is damaged; restore it from a copy made with "
                                 "`termbase backup` (nothing was changed)")
            actions = []
            for name in _triggers(conn):
                conn.execute(f"DROP TRIGGER IF EXISTS \"{name.replace(chr(34), chr(34) * 2)}\"")
                actions.append(f"trigger {for_terminal(name)!r} removed")
            if actions or report.get("index") != "current":
                self._ensure_schema(conn)
                _rebuild_index(conn)
                actions.append("index rebuilt")
        report["action"] = "; ".join(actions) or "nothing to repair"
        report["after"] = self.diagnose()
        return report

    def after_purge(self) -> None:
        """Deleted rows can survive in free pages and in the write-ahead log: rewrite the
        file and empty the log, so purged text is really gone."""
        import warnings

        conn = self.conn
        try:
            with self.locked() as locked:  # the index holds words of the text too: rebuilt
                _rebuild_index(locked)
            conn.execute("PRAGMA secure_delete=ON")
            conn.execute("VACUUM")
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        except (sqlite3.DatabaseError, StoreError) as exc:
            warnings.warn(CommittedWithWarning(
                f"the purge WAS written to {self.path}, but erasing its traces from the "
                f"index and free pages could not finish ({exc}); run the same purge again"))
            return
        if busy:
            warnings.warn(CommittedWithWarning(
                f"purged, but another process was reading {self.path.name}, so old pages may"
                " remain in its write-ahead log until the next write; run the purge again"
                " when no one else has the termbase open"))

    def backup(self, destination: str | os.PathLike) -> None:
        """SQLite's online backup: consistent while others read and write."""
        from termbase.fileio import atomic_path, is_stream_target, share_like

        if is_stream_target(destination):
            return self._backup_into_stream(destination)
        with atomic_path(Path(destination)) as tmp:
            target = sqlite3.connect(str(tmp))
            try:
                self.conn.backup(target)
            finally:
                target.close()
            share_like(tmp, self.path)

    def _backup_into_stream(self, destination: str | os.PathLike) -> None:
        """`-`, a FIFO or a device is written into, never replaced: the online backup goes
        to a private temporary file first, whose bytes are then copied there."""
        import shutil
        import tempfile

        from termbase.fileio import atomic_open

        with tempfile.TemporaryDirectory(prefix="termbase-backup-") as scratch:
            copy = Path(scratch) / self.path.name
            target = sqlite3.connect(str(copy))
            try:
                self.conn.backup(target)
            finally:
                target.close()
            with open(copy, "rb") as source, atomic_open(destination, "wb") as out:
                shutil.copyfileobj(source, out, 1 << 20)
