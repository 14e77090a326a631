"""Persistence: a TinyDB-format JSON file, written atomically under a file lock.

The file is an ordinary TinyDB database (tables `concepts`, `memory`, `changes`, `batches`,
`meta`), so `tinydb.TinyDB(path)` can open it. Writes go through `AtomicJSONStorage`: the
whole document is written to a temporary file in the same directory, fsynced and renamed over
the old one, so a crash leaves either the old or the new file, never a torn one. Before the
successful write a copy of the new file is kept as `<name>.bak`: the automatic backup that
`termbase doctor --repair` restores from if the main file is ever damaged (a separate copy,
not a hard link, so an editor changing the file in place cannot damage both).

Bulk changes happen in a `Transaction`, which works on the in-memory tables and writes once
at the end. (TinyDB's `Table` re-keys the whole table on every call, which is quadratic for a
million-row import, so transactions edit the table dicts and hand them to the storage.)
Every change is recorded in `changes` with its batch id, so a batch can be undone exactly.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import stat
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from tinydb.storages import Storage

from termbase.errors import (CommittedWithWarning, NotFound, StoreDamaged, StoreError,
                             StoreLocked)
from termbase.fileio import NOTHING_WRITTEN, atomic_open
from termbase.model import Concept, Segment
from termbase.records import record_problem
from termbase.transaction import (SCHEMA_VERSION, Transaction, change_ids, current_user,
                                  new_batch_id, now)

__all__ = ["Store", "StoreError", "StoreCorrupt", "NotFound", "Transaction", "change_ids",
           "current_user", "new_batch_id", "now", "SCHEMA_VERSION", "backup_path"]
TABLES = ("concepts", "memory", "changes", "batches", "meta")
LOCK_TIMEOUT_S = 30.0
COPY_BUFFER = 1 << 20
MAX_STORE_BYTES = int(os.environ.get("TERMBASE_MAX_STORE_BYTES", 16 << 30))


StoreCorrupt = StoreDamaged  # the older name


class AtomicJSONStorage(Storage):
    """TinyDB storage that reads and writes the JSON file atomically."""

    def __init__(self, path: str | os.PathLike, keep_backup: bool = True):
        self.path = Path(path)
        self.keep_backup = keep_backup

    @property
    def backup_path(self) -> Path:
        return backup_path(self.path)

    def read(self) -> dict | None:
        try:
            raw = read_regular_file(self.path)
        except FileNotFoundError:
            return None
        except IsADirectoryError:
            raise StoreError(f"{self.path} is a directory, not a termbase file") from None
        except PermissionError:
            raise StoreError(f"cannot read {self.path}: permission denied") from None
        if not raw.strip():
            raise StoreCorrupt(_corrupt_message(self.path, "the file is empty"))
        try:
            data = json.loads(raw, object_pairs_hook=_shared_values)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise StoreCorrupt(_corrupt_message(self.path, f"not valid JSON ({exc})")) from None
        if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
            raise StoreCorrupt(_corrupt_message(self.path, "not a termbase database"))
        return data

    def write(self, data: dict) -> None:
        # Encoded a slice of records at a time: a million-concept store never exists as one
        # string in memory. The backup is a byte copy of the file just written.
        with atomic_open(self.path, "w", encoding="utf-8") as handle:
            handle.writelines(encode_chunks(data))
        if self.keep_backup:
            try:
                self.refresh_backup()
            except OSError as exc:
                warnings.warn(CommittedWithWarning(
                    f"the change WAS written to {self.path}, but its backup "
                    f"{self.backup_path} could not be updated "
                    f"({(exc.strerror or str(exc)).removesuffix(NOTHING_WRITTEN)}); the "
                    "backup is stale (run `termbase doctor --repair` to refresh it)"),
                    stacklevel=2)

    def refresh_backup(self) -> None:
        """Copy the store to its backup (atomically; the backup takes the store's mode)."""
        with open(self.path, "rb") as source, \
                atomic_open(self.backup_path, like=self.path, follow_link=False) as copy:
            shutil.copyfileobj(source, copy, COPY_BUFFER)

    def close(self) -> None:
        pass


def refuse_special_file(path: Path) -> None:
    """StoreError at once for a store path that exists but is not a regular file: a FIFO
    would block forever, /dev/zero never ends, and neither must get a lock or backup."""
    try:
        info = os.stat(path)
    except OSError:
        return
    if stat.S_ISDIR(info.st_mode):
        raise StoreError(f"{path} is a directory, not a termbase file")
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(f"{path} is not a regular file (a FIFO, device or socket); "
                         "give the path of a termbase file")


def read_regular_file(path: Path) -> bytes:
    """The bytes of a termbase file: refused at once if it is not a regular file or is
    larger than any store could be, and never read past the size it had when opened."""
    refuse_special_file(path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with open(fd, "rb", buffering=0) as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # swapped for a FIFO since the check above
            raise StoreError(f"{path} is not a regular file; give the path of a termbase file")
        if info.st_size > MAX_STORE_BYTES:
            raise StoreError(f"{path} is {info.st_size:,} bytes, more than a termbase file "
                             f"can be ({MAX_STORE_BYTES:,} at most); is it the right file?")
        chunks, left = [], info.st_size
        while left > 0 and (chunk := handle.read(min(left, COPY_BUFFER))):
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)


# Fields whose few distinct values repeat in every record (languages, statuses, dates of a
# batch, user names): read as one shared string each. A 1M-concept store then loads in a
# fifth less memory, for a quarter more time.
_REPEATED_FIELDS = frozenset({"lang", "status", "type", "pos", "gender", "region", "subject",
                              "created", "modified", "created_by", "modified_by", "batch",
                              "time", "op"})


def _shared_values(pairs: list[tuple[str, object]]) -> dict:
    return {key: sys.intern(value) if key in _REPEATED_FIELDS and type(value) is str else value
            for key, value in pairs}


def encode_chunks(data: dict[str, dict], per_chunk: int = 4096) -> Iterator[str]:
    """`json.dumps(data)` (compact, UTF-8 text) in pieces: each slice of a table's records
    is encoded by the C encoder at once, so this is as fast as one call and as small as a
    slice."""
    yield "{"
    for number, (name, table) in enumerate(data.items()):
        yield ("," if number else "") + json.dumps(name, ensure_ascii=False) + ":{"
        records = iter(table.items())
        separator = ""
        while chunk := dict(itertools.islice(records, per_chunk)):
            yield separator + json.dumps(chunk, ensure_ascii=False, separators=(",", ":"))[1:-1]
            separator = ","
        yield "}"
    yield "}"


def shape_problem(data: dict) -> str | None:
    """The first structural problem of a parsed store, or None. Checked on every read so
    that a hand-damaged file is never written back over the last good backup."""
    for name in TABLES:
        table = data.get(name, {})
        if not isinstance(table, dict):
            return f"table {name!r} is not a mapping"
        for key, record in table.items():
            if not isinstance(record, dict):
                return f"record {key} of table {name!r} is not an object"
    meta = data.get("meta", {}).get("1", {})
    if not isinstance(meta.get("schema", SCHEMA_VERSION), int) or \
            not isinstance(meta.get("next_id", 1), int):
        return "the meta record is malformed"
    for name, label in (("concepts", "concept"), ("memory", "memory")):
        for key, record in data.get(name, {}).items():
            if record_problem(name, record):
                return f"{label} record {key} is malformed"
    return None


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _corrupt_message(path: Path, why: str) -> str:
    backup = backup_path(path)
    hint = (f"; last good backup: {backup} (run `termbase doctor --repair`)"
            if backup.exists() else "; no backup file exists")
    return f"termbase file {path} is damaged: {why}{hint}"


class _TinyConcepts:
    """Concepts of the TinyDB file: records keyed by TinyDB document ids ("1", "2", ...),
    found by concept id through a map built on first use."""

    def __init__(self, tables: dict[str, dict], meta: "_TinyMeta"):
        self.records, self.meta = tables["concepts"], meta
        self._by_id: dict[str, str] | None = None

    @property
    def by_id(self) -> dict[str, str]:
        if self._by_id is None:
            self._by_id = {doc["id"]: key for key, doc in self.records.items()}
        return self._by_id

    def get(self, concept_id: str) -> dict | None:
        key = self.by_id.get(concept_id)
        return self.records[key] if key is not None else None

    def put(self, concept_id: str, doc: dict) -> None:
        key = self.by_id.get(concept_id)
        if key is None:
            key = self.by_id[concept_id] = _next_record_key(self.meta, "concepts",
                                                            self.records)
        self.records[key] = doc

    def drop(self, concept_id: str) -> dict | None:
        key = self.by_id.pop(concept_id, None)
        return self.records.pop(key) if key is not None else None

    def docs(self) -> Iterator[dict]:
        return iter(list(self.records.values()))

    def count(self) -> int:
        return len(self.records)


class _TinySegments:
    def __init__(self, tables: dict[str, dict]):
        self.records = tables["memory"]

    def get(self, key: str) -> dict | None:
        return self.records.get(key)

    def put(self, key: str, doc: dict) -> None:
        self.records[key] = doc

    def drop(self, key: str) -> dict | None:
        return self.records.pop(key, None)

    def items(self) -> Iterator[tuple[str, dict]]:
        return iter(list(self.records.items()))

    def count(self) -> int:
        return len(self.records)


class _TinyMeta:
    """The one meta record; the memory key counter starts after the highest key in use
    (stores written before the counter existed)."""

    def __init__(self, tables: dict[str, dict]):
        self.tables = tables
        self.record = tables["meta"].get("1")

    def get(self, name: str, default=None):
        if name == "next_key_memory" and not (self.record or {}).get(name):
            return max(map(int, self.tables["memory"]), default=0) + 1
        return (self.record or {}).get(name, default)

    def set(self, name: str, value) -> None:
        if self.record is None:
            self.record = self.tables["meta"]["1"] = {"schema": SCHEMA_VERSION, "next_id": 1}
        self.record[name] = value


def _next_record_key(meta: _TinyMeta, table: str, records: dict) -> str:
    name = f"next_key_{table}"
    number = meta.get(name) or (max(map(int, records), default=0) + 1)
    meta.set(name, number + 1)
    return str(number)


class _TinyLog:
    def __init__(self, tables: dict[str, dict], meta: _TinyMeta):
        self.tables, self.meta = tables, meta

    def append(self, entries: list[dict], batch_record: dict) -> None:
        changes = self.tables["changes"]
        for entry in entries:
            changes[_next_record_key(self.meta, "changes", changes)] = entry
        batches = self.tables["batches"]
        batches[_next_record_key(self.meta, "batches", batches)] = batch_record

    def batches(self) -> list[dict]:
        return [b for _, b in sorted(self.tables["batches"].items(), key=lambda kv: int(kv[0]))]

    # The pages SQLite reads by key; here the file is in memory already.
    def newest_batches(self, limit: int, before: str | None = None) -> list[dict]:
        ordered = self.batches()
        if before is not None:
            ordered = ordered[:next((n for n, b in enumerate(ordered) if b["batch"] == before),
                                    0)]
        return ordered[::-1][:limit]

    def oldest_batches(self, limit: int) -> list[dict]:
        return self.batches()[:limit]

    def batches_after(self, batch: str) -> list[dict]:
        ordered = self.batches()
        place = next((n for n, b in enumerate(ordered) if b["batch"] == batch), len(ordered))
        return ordered[place + 1:]

    def batches_by_prefix(self, prefix: str, limit: int) -> list[dict]:
        return [b for b in self.batches() if b["batch"].startswith(prefix)][:limit]

    def changes(self, batch: str | None = None, after_batch: str | None = None
                ) -> Iterator[dict]:
        ordered = [c for _, c in sorted(self.tables["changes"].items(),
                                        key=lambda kv: int(kv[0]))]
        if after_batch is not None:
            last = max((i for i, c in enumerate(ordered) if c["batch"] == after_batch),
                       default=len(ordered) - 1)
            ordered = ordered[last + 1:]
        return iter([c for c in ordered if batch is None or c["batch"] == batch])

    def update_batch(self, batch: str, fields: dict) -> None:
        for record in self.tables["batches"].values():
            if record["batch"] == batch:
                record.update(fields)

    def rewrite(self, change) -> int:
        """Pass every change entry and batch record through `change` (erasure): it returns
        the entry to keep (changed or not), or None to drop it. Returns how many changed."""
        count = 0
        for table in ("changes", "batches"):
            records = self.tables[table]
            for key in list(records):
                new = change(records[key])
                if new is None:
                    del records[key]
                    count += 1
                elif new != records[key]:
                    records[key] = new
                    count += 1
        return count


class _TablesRead:
    """The tables of one reading of the file, read as the SQLite store reads its own."""

    def __init__(self, tables: dict[str, dict]):
        self.tables = tables

    def concept_docs_by_id(self) -> Iterator[dict]:
        return iter(sorted(self.tables["concepts"].values(), key=lambda doc: doc.get("id", "")))

    def segment_items(self) -> Iterator[tuple[str, dict]]:
        return iter(self.tables["memory"].items())


class Store:
    """The default engine: one TinyDB file, atomic writes, a file lock, a change log."""

    engine = "tinydb"

    def __init__(self, path: str | os.PathLike):
        # Through a symbolic link, the real file: its lock and backup are beside it, so
        # two users reaching it by different names share one lock.
        self.path = Path(path).expanduser()
        if self.path.is_symlink():
            self.path = Path(os.path.realpath(self.path))
        self.storage = AtomicJSONStorage(self.path)

    @property
    def location(self) -> str:
        return str(self.path)

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    @property
    def index_path(self) -> Path:
        return self.path.with_name(self.path.name + ".tbindex")

    def exists(self) -> bool:
        return self.path.is_file()

    def fingerprint(self) -> tuple:
        """Cheap identity of the file's current version: changes with every write, by any
        program (the change time cannot be set back)."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return ()
        return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)

    def read_tables(self) -> dict[str, dict]:
        data = self.storage.read() or {}
        problem = shape_problem(data)
        if problem:
            raise StoreCorrupt(_corrupt_message(self.path, problem))
        schema = data.get("meta", {}).get("1", {}).get("schema", SCHEMA_VERSION)
        if schema > SCHEMA_VERSION:
            raise StoreError(f"{self.path} was written by a newer termbase (schema {schema}); "
                             "upgrade termbase to open it")
        for name in TABLES:
            data.setdefault(name, {})
        return data

    # -- reading -----------------------------------------------------------------------------
    def get_concept(self, concept_id: str) -> dict | None:
        for doc in self.read_tables()["concepts"].values():
            if doc.get("id") == concept_id:
                return doc
        return None

    def concept_docs(self) -> Iterator[dict]:
        return iter(list(self.read_tables()["concepts"].values()))

    def segment_items(self) -> Iterator[tuple[str, dict]]:
        return iter(list(self.read_tables()["memory"].items()))

    def concept_docs_by_id(self) -> Iterator[dict]:
        return _TablesRead(self.read_tables()).concept_docs_by_id()

    @contextmanager
    def snapshot(self) -> Iterator["_TablesRead"]:
        """One reading of the file, for a reader that goes through it more than once (an
        export's header pass, then its rows): the file is loaded whole anyway."""
        yield _TablesRead(self.read_tables())

    def concepts(self) -> list[Concept]:
        return [Concept.from_dict(doc) for doc in self.concept_docs()]

    def segments(self) -> list[Segment]:
        return [Segment.from_dict(doc) for _, doc in self.segment_items()]

    def counts(self) -> dict[str, int]:
        tables = self.read_tables()
        return {"concepts": len(tables["concepts"]), "memory_segments": len(tables["memory"]),
                "batches": len(tables["batches"]), "changes": len(tables["changes"])}

    def batches(self) -> list[dict]:
        return _TinyLog(self.read_tables(), None).batches()

    def log(self) -> "_TinyLog":
        """The change log, for reading a page of it (`ChangeLog`)."""
        return _TinyLog(self.read_tables(), None)

    def changes(self, batch: str | None = None) -> list[dict]:
        return list(_TinyLog(self.read_tables(), None).changes(batch))

    def meta(self) -> dict:
        return dict(self.read_tables()["meta"].get("1", {}))

    # -- writing -----------------------------------------------------------------------------
    @contextmanager
    def locked(self):
        from filelock import FileLock, Timeout  # imported here: lookups never need it

        refuse_special_file(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        prepare_lock_file(self.lock_path, self.path)
        lock = FileLock(str(self.lock_path), timeout=LOCK_TIMEOUT_S)
        try:
            lock.acquire()
        except Timeout:
            raise StoreLocked.waited(self.path, LOCK_TIMEOUT_S) from None
        except OSError as exc:  # a read-only directory or file system, a full disk
            raise StoreError(f"cannot lock {self.path} for writing: cannot create "
                             f"{self.lock_path} ({exc.strerror or exc}); nothing was "
                             "written") from None
        try:
            yield
        finally:
            lock.release()

    @contextmanager
    def transaction(self, command: str = "", batch: str | None = None,
                    dry_run: bool = False) -> Iterator[Transaction]:
        """Lock, load fresh tables, let the caller edit, then write once (or, for a dry run
        or when the caller raises, not at all). The search index beside the file is brought
        up to date by this same writer, under the same lock."""
        from termbase.index import sidecar

        with self.locked():
            tables = self.read_tables()
            meta = _TinyMeta(tables)
            tx = Transaction(_TinyConcepts(tables, meta), _TinySegments(tables), meta,
                             _TinyLog(tables, meta), batch or new_batch_id(), command,
                             current_user())
            yield tx
            if tx.changed and not dry_run:
                before = self.fingerprint()
                tx.finish()
                self.storage.write(tables)
                sidecar.after_write(self, tx, before)

    # -- moving between engines ---------------------------------------------------------------
    @contextmanager
    def dump(self):
        """The whole store as of one moment: one reading of the file, which writers only
        ever replace whole (by rename), so it takes no lock and holds up no writer."""
        from termbase.copying import Dump

        tables = self.read_tables()
        log = _TinyLog(tables, None)
        yield Dump(meta=dict(tables["meta"].get("1", {})),
                   concepts=iter(tables["concepts"].values()),
                   segments=iter(sorted(tables["memory"].items(),
                                        key=lambda kv: int(kv[0]))),
                   changes=log.changes(), batches=log.batches())

    def load(self, dump) -> None:
        """Write a whole dump as this (new) store, in one atomic write."""
        meta = dict(dump.meta)
        tables: dict[str, dict] = {name: {} for name in TABLES}
        for number, doc in enumerate(dump.concepts, 1):
            tables["concepts"][str(number)] = doc
        meta["next_key_concepts"] = len(tables["concepts"]) + 1
        for key, doc in dump.segments:
            tables["memory"][key] = doc
        for number, entry in enumerate(dump.changes, 1):
            tables["changes"][str(number)] = entry
        for number, record in enumerate(dump.batches, 1):
            tables["batches"][str(number)] = record
        meta["next_key_changes"] = len(tables["changes"]) + 1
        meta["next_key_batches"] = len(tables["batches"]) + 1
        tables["meta"]["1"] = meta
        with self.locked():
            if self.exists():
                raise StoreError(f"{self.path} already exists")
            self.storage.write(tables)

    # -- the search index --------------------------------------------------------------------
    def index_state(self) -> str:
        from termbase.index.sidecar import state_of

        return state_of(self.fingerprint())

    def open_index(self, progress=None, force: bool = False):
        from termbase.index import sidecar

        return sidecar.open_index(self, progress, force)

    def facets(self):
        """The subjects and varieties in use: from the index beside the file when it is
        current, else by reading the file (never by building an index for it)."""
        from termbase.facets import ScannedFacets
        from termbase.index.sidecar import current_facets

        return current_facets(self) or ScannedFacets(self.concept_docs)

    def close(self) -> None:
        """Nothing to release: the file is opened for each read and write (the index
        beside it is the index reader's to close)."""

    def after_purge(self) -> None:
        """Finish an erasure (also run by a purge that finds nothing left in the store, so
        that repeating an interrupted purge completes it): the backup is brought back to a
        copy of the purged store if it is not one (the purge was killed between the two
        renames, or the backup copy failed), and the index file, which may keep purged text
        in free pages, is removed (rebuilt on next use)."""
        import filecmp

        from termbase.index.sidecar import JOURNALS

        backup = self.storage.backup_path
        with self.locked():
            try:
                if backup.exists() and not filecmp.cmp(self.path, backup, shallow=False):
                    self.storage.refresh_backup()
            except OSError as exc:
                reason = (exc.strerror or str(exc)).removesuffix(NOTHING_WRITTEN)
                warnings.warn(CommittedWithWarning(
                    f"the purge WAS written to {self.path}, but its backup {backup} could "
                    f"not be rewritten and may still hold the purged text ({reason}); run "
                    "the same purge again once that is fixed"), stacklevel=2)
            for path in [self.index_path] + [self.index_path.with_name(
                    self.index_path.name + suffix) for suffix in JOURNALS]:
                path.unlink(missing_ok=True)

    def backup(self, destination: str | os.PathLike) -> None:
        """A consistent copy of the whole store (taken under the lock)."""
        with self.locked(), open(self.path, "rb") as source, \
                atomic_open(destination, like=self.path) as copy:
            shutil.copyfileobj(source, copy, COPY_BUFFER)


def prepare_lock_file(lock_path: Path, store_path: Path) -> None:
    """Create the lock file with the store's permission bits and group (a shared,
    group-writable termbase needs a lock every member can open), and bring an existing
    one of ours into line. Best effort: only the owner may change a file's mode."""
    from termbase.fileio import share_like

    if not store_path.exists():
        return
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_EXCL,
                     stat.S_IMODE(os.stat(store_path).st_mode))
    except FileExistsError:
        share_like(lock_path, store_path)
        return
    except OSError:
        return  # e.g. a read-only directory: filelock gives the error in its own words
    try:
        share_like(lock_path, store_path, fd)
    finally:
        os.close(fd)
