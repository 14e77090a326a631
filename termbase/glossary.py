"""The shipped glossary: its version, seeding a new store, and updating existing ones.

Shipped concepts carry the glossary's own date and `created_by` "termbase glossary VERSION",
so two stores created a second apart hold identical shipped concepts. A store records the
version it was seeded or last updated with, and a fingerprint of each shipped concept as
shipped; `update_glossary` then brings corrections and new concepts in as one undoable
batch, and lists, never overwrites, the concepts the user has edited since.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from termbase.errors import StoreError
from termbase.model import Concept
from termbase.paths import glossary_dir, glossary_files

AUTHOR = "termbase glossary"
SEED_COMMAND = "seed from shipped glossary"


@dataclass(frozen=True)
class GlossaryVersion:
    version: str
    date: str


def shipped_version() -> GlossaryVersion:
    try:
        data = json.loads((glossary_dir() / "version.json").read_text(encoding="utf-8"))
        return GlossaryVersion(str(data["version"]), str(data["date"]))
    except (OSError, ValueError, KeyError):
        return GlossaryVersion("unknown", "")


def _version_key(version: str) -> tuple:
    return tuple(int(p) if p.isdigit() else 0 for p in version.split("."))


def is_behind(store_version: str | None) -> bool:
    """True when the shipped glossary is newer than the one the store holds."""
    if not store_version:
        return False
    shipped = shipped_version().version
    return shipped != "unknown" and _version_key(store_version) < _version_key(shipped)


def fingerprint(doc: dict) -> str:
    """What identifies a concept's content (not its dates or authors)."""
    content = {k: v for k, v in doc.items()
               if k not in ("created", "modified", "created_by", "modified_by")}
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False)
                          .encode("utf-8")).hexdigest()[:20]


def shipped_concepts() -> list[Concept]:
    """The glossary's concepts, validated, with the glossary's date and author."""
    from termbase import formats
    from termbase.formats.base import ReadOptions

    version = shipped_version()
    by_id: dict[str, Concept] = {}
    problems = []
    files = glossary_files()
    if not files:
        # An installation without its data must not seed an empty "glossary" (a store
        # that looks seeded and finds nothing) nor let an update read every concept as
        # withdrawn from the glossary.
        raise StoreError(f"the shipped glossary is missing (no .tsv file in {glossary_dir()});"
                         " reinstall termbase")
    for path in files:
        for entry in formats.get("tsv").read(path, ReadOptions()):
            if entry.error:
                problems.append(f"{path.name} line {entry.line}: {entry.error}")
            elif entry.item is not None:
                if entry.item.id in by_id:
                    by_id[entry.item.id].absorb(entry.item)
                else:
                    by_id[entry.item.id] = entry.item
    if problems:
        raise StoreError("the shipped glossary is invalid: " + "; ".join(problems[:5]))
    concepts = list(by_id.values())
    if not concepts:
        raise StoreError(f"the shipped glossary in {glossary_dir()} holds no concepts;"
                         " reinstall termbase")
    for concept in concepts:
        concept.validate()
        concept.created = concept.modified = version.date
        concept.created_by = concept.modified_by = f"{AUTHOR} {version.version}"
    return concepts


def seed(tx) -> dict:
    """Fill a new store with the shipped glossary (inside its creation transaction)."""
    version = shipped_version()
    prints = {}
    for concept in shipped_concepts():
        added = tx.add(concept, keep_dates=True, validated=True)
        prints[added.id] = fingerprint(added.to_dict())
    tx.set_meta("glossary_version", version.version)
    tx.set_meta("glossary_prints", prints)
    return {"added": len(prints), "glossary_version": version.version}


@dataclass
class GlossaryUpdate:
    batch: str = ""
    from_version: str = ""
    to_version: str = ""
    dry_run: bool = False
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    conflicts: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        return dict(self.__dict__)


def update_glossary(store, dry_run: bool = False) -> GlossaryUpdate:
    """Apply the shipped glossary's corrections and new concepts to an existing store."""
    version = shipped_version()
    new = {c.id: c for c in shipped_concepts()}
    report = GlossaryUpdate(dry_run=dry_run, to_version=version.version)
    with store.transaction(command=f"update glossary to {version.version}",
                           dry_run=dry_run) as tx:
        report.batch = tx.batch
        report.from_version = tx.get_meta("glossary_version") or "before 2026.12"
        prints = dict(tx.get_meta("glossary_prints") or {})
        untouched = None if prints else _never_edited(tx)
        for cid in sorted(set(prints) | set(new) | set(untouched or ())):
            stored = tx.get(cid)
            shipped = new.get(cid)
            if stored is None:
                if shipped is not None and cid not in prints:
                    tx.add(shipped, keep_dates=True, validated=True)
                    prints[cid] = fingerprint(shipped.to_dict())
                    report.added.append(cid)
                continue  # deleted by the user: stays deleted
            current = fingerprint(stored.to_dict())
            pristine = (current == prints[cid]) if cid in prints else cid in (untouched or ())
            if shipped is not None and current == fingerprint(shipped.to_dict()):
                prints[cid] = current
                report.unchanged += 1
            elif not pristine:
                if cid in prints or cid in new:
                    report.conflicts.append({"concept_id": cid, "why": "edited in this store"
                                             if shipped is not None else
                                             "retired from the glossary, edited here"})
            elif shipped is None:
                tx.delete(cid)
                prints.pop(cid, None)
                report.removed.append(cid)
            else:
                tx.update(shipped, keep_dates=True)
                prints[cid] = fingerprint(shipped.to_dict())
                report.updated.append(cid)
        tx.set_meta("glossary_version", version.version)
        tx.set_meta("glossary_prints", prints)
        tx.summary = {"added": len(report.added), "updated": len(report.updated),
                      "removed": len(report.removed), "conflicts": len(report.conflicts)}
    return report


def _never_edited(tx) -> set[str]:
    """For stores seeded before fingerprints were kept: the concepts no batch but the
    seeding one ever touched."""
    from termbase.transaction import change_ids

    seeding = {b["batch"] for b in tx.log.batches() if b.get("command") == SEED_COMMAND}
    touched_later = {i for c in tx.log.changes() if c["batch"] not in seeding
                     for i in change_ids(c)}
    seeded = {i for c in tx.log.changes() if c["batch"] in seeding for i in change_ids(c)}
    return seeded - touched_later
