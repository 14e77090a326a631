"""Checking and repairing a store.

Checks: the file parses, its schema is known, every concept validates, ids are unique, the
change log names only known batches, the backup is readable. Repair: a damaged main file is
moved aside (never deleted) and the automatic backup, which is a copy of the last successful
write, is restored. (`Termbase.doctor` adds the index cache: checked, and rebuilt after a
repair.)
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from termbase.fileio import atomic_write_bytes
from termbase.model import Concept, ValidationError
from termbase.store import AtomicJSONStorage, Store, StoreError, backup_path, shape_problem


def _check_tables(tables: dict) -> list[str]:
    problems = []
    ids = set()
    for key, doc in tables.get("concepts", {}).items():
        try:
            concept = Concept.from_dict(doc).validate()
        except (ValidationError, TypeError, AttributeError) as exc:
            problems.append(f"concept record {key}: {exc}")
            continue
        if concept.id in ids:
            problems.append(f"concept id {concept.id} is used twice")
        ids.add(concept.id)
    batches = {b.get("batch") for b in tables.get("batches", {}).values()}
    unknown = {c.get("batch") for c in tables.get("changes", {}).values()} - batches
    if unknown:
        problems.append(f"change log names {len(unknown)} unknown batch(es)")
    return problems


def diagnose(store: Store) -> dict:
    report = {"store": str(store.path), "ok": True, "problems": [], "backup": None}
    backup = backup_path(store.path)
    if not store.path.exists():
        if backup.exists():
            report["problems"].append(f"{store.path} is missing but its backup exists")
    else:
        try:
            tables = store.read_tables()
            report["concepts"] = len(tables["concepts"])
            report["problems"] += _check_tables(tables)
        except StoreError as exc:
            report["problems"].append(str(exc))
    if backup.exists():
        try:
            backup_tables = AtomicJSONStorage(backup).read() or {}
            report["backup"] = {"path": str(backup), "readable": True,
                                "concepts": len(backup_tables.get("concepts", {}))}
        except StoreError:
            report["backup"] = {"path": str(backup), "readable": False}
    report["leftovers"] = [str(p) for p in _leftovers(store)]
    report["ok"] = not report["problems"]
    return report


def _leftovers(store: Store) -> list[Path]:
    """Temporary files of writes that were killed before their rename."""
    return sorted(store.path.parent.glob(f".{store.path.name}*.tmp"))


def remove_leftovers(store: Store) -> list[str]:
    """Delete them under the lock, so no running write loses its temporary file."""
    with store.locked():
        removed = []
        for path in _leftovers(store):
            path.unlink(missing_ok=True)
            removed.append(str(path))
    return removed


def repair(store: Store) -> dict:
    """Restore the backup over a damaged store (the damaged file is kept aside)."""
    report = diagnose(store)
    if report["leftovers"]:
        report["removed"] = remove_leftovers(store)
    if report["ok"]:
        report["action"] = "nothing to repair"
        return report
    backup = backup_path(store.path)
    if not (report["backup"] and report["backup"]["readable"]):
        raise StoreError(f"{store.path} is damaged and no readable backup exists; "
                         "nothing was changed")
    backup_tables = AtomicJSONStorage(backup).read() or {}
    if shape_problem(backup_tables) or _check_tables(backup_tables):
        raise StoreError(f"the backup {backup} has problems too; nothing was changed")
    with store.locked():
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = store.path.with_name(f"{store.path.name}.damaged-{stamp}")
        if store.path.exists():
            # A copy, then an atomic replace: a crash at any point leaves a store file
            # (damaged or restored) and the backup, never neither.
            atomic_write_bytes(aside, store.path.read_bytes())
            report["damaged_copy"] = str(aside)
        atomic_write_bytes(store.path, Path(backup).read_bytes())
    report["action"] = f"restored from {backup}"
    report["after"] = diagnose(store)
    return report
