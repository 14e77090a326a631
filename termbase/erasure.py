"""Erasure: removing personal data for good (GDPR's right to erasure).

Translation memories and notes in social services can hold names of clients, children or
addresses. Deleting a record is not enough: the change log keeps every before-image (so
that undo works) and the backup keeps the last write. `purge` removes a string from all of
them: memory segments that contain it are deleted, terms and inflected forms that contain it
are dropped (a concept left without terms goes), and in every other text field (notes,
definitions, contexts, sources, segment notes) each occurrence is replaced by `[removed]`.
The same is done to the before-images in the change log and to the batch records. The purge
leaves one batch record saying that a purge happened and how many records it touched, never
what it removed; it cannot be undone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from termbase.errors import InvalidInput
from termbase.model import Concept

REMOVED = "[removed]"
MIN_PURGE_LENGTH = 3


@dataclass
class PurgeReport:
    batch: str = ""
    dry_run: bool = False
    segments_deleted: int = 0
    concepts_deleted: int = 0
    concepts_changed: int = 0
    log_entries_changed: int = 0
    affected: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return dict(self.__dict__)


class _Eraser:
    """Case-insensitive matching and scrubbing of one string in nested records."""

    def __init__(self, text: str):
        text = (text or "").strip()
        if len(text) < MIN_PURGE_LENGTH:
            raise InvalidInput(f"give at least {MIN_PURGE_LENGTH} characters to purge "
                               "(a shorter string would match too much)")
        self.pattern = re.compile(re.escape(text), re.IGNORECASE)

    def found(self, value) -> bool:
        if isinstance(value, str):
            return self.pattern.search(value) is not None
        if isinstance(value, dict):
            return any(self.found(v) for v in value.values())
        if isinstance(value, list):
            return any(self.found(v) for v in value)
        return False

    def scrub_text(self, value):
        if isinstance(value, str):
            return self.pattern.sub(REMOVED, value)
        if isinstance(value, dict):
            return {k: self.scrub_text(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.scrub_text(v) for v in value]
        return value

    def scrub_concept(self, doc: dict) -> dict | None:
        """The concept without the string; None when no term is left."""
        terms = []
        for term in doc.get("terms", ()):
            if self.found(term.get("text", "")):
                continue
            term = dict(term)
            if "forms" in term:
                term["forms"] = [f for f in term["forms"] if not self.found(f)]
                if not term["forms"]:
                    del term["forms"]
            terms.append(self.scrub_text(term))
        if not terms:
            return None
        clean = self.scrub_text({k: v for k, v in doc.items() if k != "terms"})
        clean["terms"] = terms
        return clean

    def scrub_record(self, record: dict) -> dict | None:
        """A change-log entry or batch record: before-images scrubbed like live records."""
        if not self.found(record):
            return record
        record = dict(record)
        before = record.get("before")
        if isinstance(before, dict):
            if "texts" in before:          # a memory segment
                record["before"] = None
                record["purged"] = True
            else:
                scrubbed = self.scrub_concept(before)
                record["before"] = scrubbed
                if scrubbed is None:
                    record["purged"] = True
        rest = {k: v for k, v in record.items() if k != "before"}
        record.update(self.scrub_text(rest))
        return record


def purge(store, text: str, dry_run: bool = False) -> PurgeReport:
    """Remove `text` from the store, its change log and (by the write) its backup."""
    eraser = _Eraser(text)
    report = PurgeReport(dry_run=dry_run)
    with store.transaction(command="purge", dry_run=dry_run) as tx:
        report.batch = tx.batch
        for key, segment in list(tx.segments()):
            if eraser.found(segment.to_dict()):
                tx.segment_table.drop(key)
                tx.touched_segments.add(key)
                report.segments_deleted += 1
                report.affected.append(f"memory {key}")
        for concept in list(tx.concepts()):
            doc = concept.to_dict()
            if not eraser.found(doc):
                continue
            clean = eraser.scrub_concept(doc)
            if clean is None:
                tx.concept_table.drop(concept.id)
                report.concepts_deleted += 1
            else:
                Concept.from_dict(clean).validate()
                tx.concept_table.put(concept.id, clean)
                report.concepts_changed += 1
            tx.touched_concepts.add(concept.id)
            report.affected.append(concept.id)
        report.log_entries_changed = tx.log.rewrite(eraser.scrub_record)
        if report.affected or report.log_entries_changed:
            tx.counts["purge"] = len(report.affected)
            tx.summary = {"segments_deleted": report.segments_deleted,
                          "concepts_deleted": report.concepts_deleted,
                          "concepts_changed": report.concepts_changed,
                          "log_entries_changed": report.log_entries_changed,
                          "irreversible": True}
    if not dry_run:  # even when nothing was left: it completes an interrupted purge
        store.after_purge()
    return report

