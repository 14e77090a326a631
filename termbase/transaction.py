"""One write scope over any storage engine: ids, edits, the change log and undo replay.

A storage engine hands a `Transaction` four small editors (`ConceptTable`, `SegmentTable`,
`Meta`, `ChangeLog`); everything above them (validation, ids that are never reused, dates,
logging every change with its before-image, replaying a change backwards) is written once
here, so the TinyDB file, SQLite and later PostgreSQL behave the same. Services see concepts,
segments, batches and changes, never tables or rows.
"""

from __future__ import annotations

import datetime as _dt
import os
from typing import Iterator, Protocol

from termbase.errors import NotFound
from termbase.model import Concept, Segment

SCHEMA_VERSION = 1


def now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


def current_user() -> str:
    try:
        import getpass

        return os.environ.get("TERMBASE_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def new_batch_id() -> str:
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%d-%H%M%S")
    return f"{stamp}-{os.urandom(3).hex()}"


class ConceptTable(Protocol):
    """Concept documents by concept id."""

    def get(self, concept_id: str) -> dict | None: ...
    def put(self, concept_id: str, doc: dict) -> None: ...
    def drop(self, concept_id: str) -> dict | None: ...
    def docs(self) -> Iterator[dict]: ...
    def count(self) -> int: ...


class SegmentTable(Protocol):
    """Memory segment documents by an engine key (a string of digits, never reused)."""

    def get(self, key: str) -> dict | None: ...
    def put(self, key: str, doc: dict) -> None: ...
    def drop(self, key: str) -> dict | None: ...
    def items(self) -> Iterator[tuple[str, dict]]: ...
    def count(self) -> int: ...


class Meta(Protocol):
    def get(self, name: str, default=None): ...
    def set(self, name: str, value) -> None: ...


class ChangeLog(Protocol):
    """The store's record of batches and changes, in order."""

    def append(self, entries: list[dict], batch_record: dict) -> None: ...
    def batches(self) -> list[dict]: ...
    # Pages, for history and undo: each costs what it returns, not the log's length.
    def newest_batches(self, limit: int, before: str | None = None) -> list[dict]:
        """Up to `limit` batches, newest first; with `before`, only those older than it."""
    def oldest_batches(self, limit: int) -> list[dict]: ...
    def batches_after(self, batch: str) -> list[dict]:
        """The batches logged after `batch`, oldest first."""
    def batches_by_prefix(self, prefix: str, limit: int) -> list[dict]: ...
    def changes(self, batch: str | None = None, after_batch: str | None = None
                ) -> Iterator[dict]: ...
    def update_batch(self, batch: str, fields: dict) -> None: ...
    def rewrite(self, change) -> int: ...


def change_ids(change: dict) -> list[str]:
    """The concept (or segment) ids one change-log entry touches."""
    return change["ids"] if "ids" in change else [change["id"]]


class Transaction:
    """Edits committed as one atomic unit by the engine's `transaction()`."""

    def __init__(self, concepts: ConceptTable, segments: SegmentTable, meta: Meta,
                 log: ChangeLog, batch: str, command: str, user: str):
        self.concept_table, self.segment_table, self.meta_table, self.log = (
            concepts, segments, meta, log)
        self.batch, self.command, self.user = batch, command, user
        self.stamp = now()
        self.counts: dict[str, int] = {}
        self.summary: dict | None = None
        self.touched_concepts: set[str] = set()
        self.touched_segments: set[str] = set()
        self._changes: list[dict] = []
        self._meta_changed = False
        # (lang, normalised term) -> ids of stored concepts with that term, as they were
        # before this transaction; engines that index terms in the database provide it.
        self.concepts_with_term = None
        # the subjects and varieties in use before this transaction (`termbase.facets`);
        # engines that index them provide it, others are read from their records
        self.indexed_facets = None
        # identity hash -> keys of stored segments with it (`termbase.segment_identity`)
        self.segments_with_identity = None

    # -- reading ---------------------------------------------------------------------------
    def get(self, concept_id: str) -> Concept | None:
        doc = self.concept_table.get(concept_id)
        return Concept.from_dict(doc) if doc is not None else None

    def concepts(self) -> Iterator[Concept]:
        for doc in self.concept_table.docs():
            yield Concept.from_dict(doc)

    def facets(self):
        """The subjects and varieties the store uses (`termbase.facets.Facets`)."""
        from termbase.facets import ScannedFacets

        return self.indexed_facets or ScannedFacets(self.concept_table.docs)

    def has_id(self, concept_id: str) -> bool:
        return self.concept_table.get(concept_id) is not None

    def segments(self) -> Iterator[tuple[str, Segment]]:
        for key, doc in self.segment_table.items():
            yield key, Segment.from_dict(doc)

    def get_segment(self, key: str) -> Segment | None:
        doc = self.segment_table.get(key)
        return Segment.from_dict(doc) if doc is not None else None

    def is_empty(self) -> bool:
        """True for a store no transaction has ever committed to (not even its creation)."""
        return self.meta_table.get("schema") is None

    def get_meta(self, name: str, default=None):
        return self.meta_table.get(name, default)

    def set_meta(self, name: str, value) -> None:
        self.meta_table.set(name, value)
        self._meta_changed = True

    # -- ids -------------------------------------------------------------------------------
    def new_id(self) -> str:
        """Ids come from a counter that only grows, so a deleted id is never reused."""
        while True:
            number = self.meta_table.get("next_id", 1)
            self.meta_table.set("next_id", number + 1)
            candidate = f"c{number}"
            if self.concept_table.get(candidate) is None:
                return candidate

    def new_segment_key(self) -> str:
        number = self.meta_table.get("next_key_memory", 1)
        self.meta_table.set("next_key_memory", number + 1)
        return str(number)

    # -- concepts --------------------------------------------------------------------------
    def add(self, concept: Concept, keep_dates: bool = False, validated: bool = False,
            id_free: bool = False) -> Concept:
        """Add a concept; `validated` skips re-validating what a reader just validated,
        `id_free` looking up an id the caller has just found unused (an import, per row)."""
        if not validated:
            concept.validate()
        if not concept.id or not id_free and self.has_id(concept.id):
            concept.id = self.new_id()
        if not (keep_dates and concept.created):
            concept.created = self.stamp
            concept.created_by = concept.created_by if keep_dates else self.user
        concept.modified = concept.modified if keep_dates and concept.modified else self.stamp
        concept.modified_by = concept.modified_by if keep_dates else self.user
        if not concept.created_by:
            concept.created_by = self.user
        self.concept_table.put(concept.id, concept.to_dict())
        self._record("add", concept.id, before=None)
        return concept

    def update(self, concept: Concept, keep_dates: bool = False) -> Concept:
        before = self.concept_table.get(concept.id)
        if before is None:
            raise NotFound(f"no concept with id {concept.id!r}")
        concept.validate()
        if not keep_dates:
            concept.modified, concept.modified_by = self.stamp, self.user
        after = concept.to_dict()
        if _without_stamps(after) == _without_stamps(before):
            return concept
        self.concept_table.put(concept.id, after)
        self._record("update", concept.id, before=before)
        return concept

    def revise_added(self, concept: Concept) -> None:
        """Replace a concept this same transaction added (an import's stray later row of
        it): no change-log entry, since undoing the addition removes it whole."""
        concept.validate()
        self.concept_table.put(concept.id, concept.to_dict())
        self.touched_concepts.add(concept.id)

    def delete(self, concept_id: str) -> Concept:
        before = self.concept_table.drop(concept_id)
        if before is None:
            raise NotFound(f"no concept with id {concept_id!r}")
        self._record("delete", concept_id, before=before)
        return Concept.from_dict(before)

    # -- memory segments -------------------------------------------------------------------
    def add_segment(self, segment: Segment) -> Segment:
        segment.validate()
        key = self.new_segment_key()
        segment.id = segment.id or f"s{key}"
        segment.created = segment.created or self.stamp
        self.segment_table.put(key, segment.to_dict())
        self._record("add_segment", segment.id, before=None, key=key)
        return segment

    def update_segment(self, key: str, segment: Segment) -> Segment:
        before = self.segment_table.get(key)
        if before is None:
            raise NotFound(f"no memory segment {key!r}")
        segment.validate()
        segment.id = before.get("id", "")
        after = segment.to_dict()
        if after != before:
            self.segment_table.put(key, after)
            self._record("update_segment", segment.id, before=before, key=key)
        return segment

    def delete_segment(self, key: str) -> Segment:
        before = self.segment_table.drop(key)
        if before is None:
            raise NotFound(f"no memory segment {key!r}")
        self._record("delete_segment", before.get("id", ""), before=before, key=key)
        return Segment.from_dict(before)

    # -- the change log --------------------------------------------------------------------
    def _record(self, op: str, target: str, before: dict | None, key: str | None = None
                ) -> None:
        """Log one change. Runs of plain additions are kept as one entry listing their ids
        (and memory keys) as they happen: a million-row import logs one record."""
        self.counts[op] = self.counts.get(op, 0) + 1
        if key is None:
            self.touched_concepts.add(target)
        else:
            self.touched_segments.add(key)
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
        if key is not None:
            entry["key"] = key
        if before is not None:
            entry["before"] = before
        self._changes.append(entry)

    def restore(self, change: dict) -> None:
        """Revert one change-log entry (used by undo), logging the reversal as a change of
        its own, so that an undo can itself be undone exactly."""
        if "ids" in change:
            keys = change.get("keys") or [None] * len(change["ids"])
            for target, key in reversed(list(zip(change["ids"], keys))):
                single = {"op": change["op"], "id": target}
                if key is not None:
                    single["key"] = key
                self.restore(single)
            return
        op, target = change["op"], change["id"]
        if op == "add":
            before = self.concept_table.drop(target)
            if before is not None:
                self._record("delete", target, before=before)
        elif op in ("update", "delete"):
            current = self.concept_table.get(target)
            self.concept_table.put(target, change["before"])
            if current is None:
                self._record("add", target, before=None)
            else:
                self._record("update", target, before=current)
        elif op == "add_segment":
            key = change.get("key", "")
            before = self.segment_table.drop(key)
            if before is not None:
                self._record("delete_segment", target, before=before, key=key)
        elif op in ("update_segment", "delete_segment"):
            key = change["key"]
            current = self.segment_table.get(key)
            self.segment_table.put(key, change["before"])
            if current is None:
                self._record("restore_segment", target, before=None, key=key)
            else:
                self._record("update_segment", target, before=current, key=key)
        elif op == "restore_segment":
            key = change["key"]
            before = self.segment_table.drop(key)
            if before is not None:
                self._record("delete_segment", target, before=before, key=key)

    @property
    def changed(self) -> bool:
        return bool(self._changes) or bool(self.counts) or self._meta_changed

    def finish(self) -> dict | None:
        """Append the batch's changes and its record to the log; returns the record."""
        from termbase.touched import touched_concepts

        if not self.changed:
            return None
        record = {"batch": self.batch, "time": self.stamp, "user": self.user,
                  "command": self.command, "counts": dict(self.counts),
                  "summary": self.summary or {}}
        touched = touched_concepts(self._changes, self.concept_table,
                                   len(self.touched_concepts))
        if touched:
            record["touched"] = touched
        self.meta_table.set("schema", SCHEMA_VERSION)
        self.meta_table.set("generation", int(self.meta_table.get("generation", 0)) + 1)
        self.log.append(self._changes, record)
        return record


def _without_stamps(doc: dict) -> dict:
    return {k: v for k, v in doc.items() if k not in ("modified", "modified_by")}
