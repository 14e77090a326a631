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

import datetime as _dt
import getpass
import itertools
import json
import os
import shutil
import stat
import sys
import uuid
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from tinydb.storages import Storage

from termbase.fileio import NOTHING_WRITTEN, atomic_open
from termbase.model import Concept, Segment

SCHEMA_VERSION = 1
TABLES = ("concepts", "memory", "changes", "batches", "meta")
LOCK_TIMEOUT_S = 30.0
COPY_BUFFER = 1 << 20
MAX_STORE_BYTES = int(os.environ.get("TERMBASE_MAX_STORE_BYTES", 16 << 30))


class StoreError(Exception):
    """A store problem with a message fit for the user."""


class StoreCorrupt(StoreError):
    pass


class CommittedWithWarning(UserWarning):
    """The change was written, but something after it (the backup copy) failed: the
    change must not be reported as failed, and the user must hear what is now stale."""


def now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


def current_user() -> str:
    try:
        return os.environ.get("TERMBASE_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


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
                atomic_open(self.backup_path, like=self.path) as copy:
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
    for key, record in data.get("concepts", {}).items():
        terms = record.get("terms")
        if not isinstance(record.get("id"), str) or not isinstance(terms, list) or not all(
                isinstance(t, dict) and isinstance(t.get("lang"), str)
                and isinstance(t.get("text"), str) for t in terms):
            return f"concept record {key} is malformed"
    for key, record in data.get("memory", {}).items():
        texts = record.get("texts")
        if not isinstance(texts, dict) or not all(isinstance(v, str) for v in texts.values()):
            return f"memory record {key} is malformed"
    return None


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _corrupt_message(path: Path, why: str) -> str:
    backup = backup_path(path)
    hint = (f"; last good backup: {backup} (run `termbase doctor --repair`)"
            if backup.exists() else "; no backup file exists")
    return f"termbase file {path} is damaged: {why}{hint}"


class Transaction:
    """In-memory edit of all tables, committed as one atomic write by `Store.transaction`."""

    def __init__(self, tables: dict[str, dict], batch: str, command: str, user: str):
        self.tables = tables
        self.batch = batch
        self.command = command
        self.user = user
        self.stamp = now()
        self.counts: dict[str, int] = {}
        self.summary: dict | None = None
        self._changes: list[dict] = []
        self._by_id = {doc["id"]: key for key, doc in tables["concepts"].items()}

    # -- reading ---------------------------------------------------------------------------
    def get(self, concept_id: str) -> Concept | None:
        key = self._by_id.get(concept_id)
        return Concept.from_dict(self.tables["concepts"][key]) if key else None

    def concepts(self) -> Iterator[Concept]:
        for doc in self.tables["concepts"].values():
            yield Concept.from_dict(doc)

    def has_id(self, concept_id: str) -> bool:
        return concept_id in self._by_id

    @property
    def meta(self) -> dict:
        return self.tables["meta"].setdefault("1", {"schema": SCHEMA_VERSION, "next_id": 1})

    # -- writing ---------------------------------------------------------------------------
    def new_id(self) -> str:
        """Ids come from a counter that only grows, so a deleted id is never reused."""
        while True:
            number = self.meta.get("next_id", 1)
            self.meta["next_id"] = number + 1
            candidate = f"c{number}"
            if candidate not in self._by_id:
                return candidate

    def _next_key(self, table: str) -> str:
        meta_key = f"next_key_{table}"
        number = self.meta.get(meta_key) or (max(map(int, self.tables[table]), default=0) + 1)
        self.meta[meta_key] = number + 1
        return str(number)

    def add(self, concept: Concept, keep_dates: bool = False, validated: bool = False
            ) -> Concept:
        """Add a concept; `validated` skips re-validating what a reader just validated."""
        if not validated:
            concept.validate()
        if not concept.id or concept.id in self._by_id:
            concept.id = self.new_id()
        if not (keep_dates and concept.created):
            concept.created = self.stamp
            concept.created_by = concept.created_by if keep_dates else self.user
        concept.modified = concept.modified if keep_dates and concept.modified else self.stamp
        concept.modified_by = concept.modified_by if keep_dates else self.user
        if not concept.created_by:
            concept.created_by = self.user
        key = self._next_key("concepts")
        self.tables["concepts"][key] = concept.to_dict()
        self._by_id[concept.id] = key
        self._log("add", concept.id, before=None)
        return concept

    def update(self, concept: Concept) -> Concept:
        key = self._by_id.get(concept.id)
        if key is None:
            raise StoreError(f"no concept with id {concept.id!r}")
        concept.validate()
        before = self.tables["concepts"][key]
        concept.modified, concept.modified_by = self.stamp, self.user
        after = concept.to_dict()
        if _without_stamps(after) == _without_stamps(before):
            return concept
        self.tables["concepts"][key] = after
        self._log("update", concept.id, before=before)
        return concept

    def revise_added(self, concept: Concept) -> None:
        """Replace a concept this same transaction added (an import's stray later row of
        it): no change-log entry, since undoing the addition removes it whole, and no new
        modification stamp over the dates the file gave."""
        concept.validate()
        self.tables["concepts"][self._by_id[concept.id]] = concept.to_dict()

    def delete(self, concept_id: str) -> Concept:
        key = self._by_id.pop(concept_id, None)
        if key is None:
            raise StoreError(f"no concept with id {concept_id!r}")
        before = self.tables["concepts"].pop(key)
        self._log("delete", concept_id, before=before)
        return Concept.from_dict(before)

    def add_segment(self, segment: Segment) -> Segment:
        segment.validate()
        key = self._next_key("memory")
        segment.id = segment.id or f"s{key}"
        segment.created = segment.created or self.stamp
        self.tables["memory"][key] = segment.to_dict()
        self._log("add_segment", segment.id, before=None, key=key)
        return segment

    def _log(self, op: str, target: str, before: dict | None, key: str | None = None
             ) -> None:
        """Record one change. Runs of plain additions are kept as one entry listing their
        ids (and memory keys) as they happen: a million-row import logs one record."""
        self.counts[op] = self.counts.get(op, 0) + 1
        last = self._changes[-1] if self._changes else None
        if before is None and op in ("add", "add_segment"):
            if last is not None and last["op"] == op and "ids" in last:
                last["ids"].append(target)
                if key is not None:
                    last["keys"].append(key)
                return
            run = {"batch": self.batch, "op": op, "ids": [target], "time": self.stamp}
            if key is not None:
                run["keys"] = [key]
            self._changes.append(run)
            return
        entry = {"batch": self.batch, "op": op, "id": target, "time": self.stamp}
        if before is not None:
            entry["before"] = before
        self._changes.append(entry)

    def restore(self, change: dict) -> None:
        """Revert one change-log entry (used by undo); a coalesced run backwards."""
        if "ids" in change:
            keys = change.get("keys") or [None] * len(change["ids"])
            for target, key in reversed(list(zip(change["ids"], keys))):
                self.restore({"op": change["op"], "id": target, "key": key})
            return
        op, target = change["op"], change["id"]
        if op == "add":
            key = self._by_id.pop(target, None)
            if key is not None:
                before = self.tables["concepts"].pop(key)
                self._log("delete", target, before=before)
        elif op in ("update", "delete"):
            before = change["before"]
            key = self._by_id.get(target) or self._next_key("concepts")
            current = self.tables["concepts"].get(key)
            self.tables["concepts"][key] = before
            self._by_id[target] = key
            self._log("update" if current else "add", target, before=current)
        elif op == "add_segment":
            self.tables["memory"].pop(change.get("key", ""), None)
            self.counts["remove_segment"] = self.counts.get("remove_segment", 0) + 1

    @property
    def changed(self) -> bool:
        return bool(self._changes) or bool(self.counts)

    def finish(self, summary: dict | None) -> None:
        if not self.changed:
            return
        changes = self.tables["changes"]
        for entry in self._changes:
            changes[self._next_key("changes")] = entry
        self.tables["batches"][self._next_key("batches")] = {
            "batch": self.batch, "time": self.stamp, "user": self.user,
            "command": self.command, "counts": dict(self.counts), "summary": summary or {},
        }
        self.meta["schema"] = SCHEMA_VERSION


def change_ids(change: dict) -> list[str]:
    """The concept (or segment) ids one change-log entry touches."""
    return change["ids"] if "ids" in change else [change["id"]]


def _without_stamps(doc: dict) -> dict:
    return {k: v for k, v in doc.items() if k not in ("modified", "modified_by")}


class Store:
    """One termbase file: atomic reads/writes, locking, batches."""

    def __init__(self, path: str | os.PathLike):
        # Through a symbolic link, the real file: its lock and backup are beside it, so
        # two users reaching it by different names share one lock.
        self.path = Path(path).expanduser()
        if self.path.is_symlink():
            self.path = Path(os.path.realpath(self.path))
        self.storage = AtomicJSONStorage(self.path)

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    def exists(self) -> bool:
        return self.path.is_file()

    def fingerprint(self) -> tuple:
        """Cheap identity of the file's current version: changes with every atomic write."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return ()
        return (st.st_ino, st.st_size, st.st_mtime_ns)

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

    def concepts(self) -> list[Concept]:
        return [Concept.from_dict(doc) for doc in self.read_tables()["concepts"].values()]

    def segments(self) -> list[Segment]:
        return [Segment.from_dict(doc) for doc in self.read_tables()["memory"].values()]

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
            raise StoreError(f"{self.path} is locked by another termbase process; "
                             f"try again when it has finished") from None
        try:
            yield
        finally:
            lock.release()

    @contextmanager
    def transaction(self, command: str = "", batch: str | None = None,
                    dry_run: bool = False) -> Iterator[Transaction]:
        """Lock, load fresh tables, let the caller edit, then write once (or, for a dry run
        or when the caller raises, not at all)."""
        with self.locked():
            tables = self.read_tables()
            tx = Transaction(tables, batch or new_batch_id(), command, current_user())
            yield tx
            if tx.changed and not dry_run:
                tx.finish(tx.summary)
                self.storage.write(tables)

    def batches(self) -> list[dict]:
        tables = self.read_tables()
        return [b for _, b in sorted(tables["batches"].items(), key=lambda kv: int(kv[0]))]

    def changes_of(self, batch: str) -> list[dict]:
        """The batch's changes, one entry per concept or segment (runs expanded)."""
        tables = self.read_tables()
        expanded = []
        for _, change in sorted(tables["changes"].items(), key=lambda kv: int(kv[0])):
            if change["batch"] != batch:
                continue
            if "ids" not in change:
                expanded.append(change)
                continue
            keys = change.get("keys") or [None] * len(change["ids"])
            for target, key in zip(change["ids"], keys):
                single = {k: v for k, v in change.items() if k not in ("ids", "keys")}
                single["id"] = target
                if key is not None:
                    single["key"] = key
                expanded.append(single)
        return expanded


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


def new_batch_id() -> str:
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%d-%H%M%S")
    return f"{stamp}-{uuid.uuid4().hex[:6]}"
