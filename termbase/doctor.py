"""Checking and repairing a store.

Checks: the file parses, its schema is known, every concept validates, ids are unique, the
change log names only known batches, the backup is readable and is a copy of the store (a
backup that is not - its copy failed after a write - is a warning: the store is fine, but
the backup would restore an older state). Repair: a damaged main file is copied aside
(never deleted or overwritten) and the automatic backup, which is a copy of the last
successful write, is restored; a stale backup of a healthy store is refreshed.
The search index's state is reported too (a stale or damaged index is never used: it
is rebuilt on next use, or by repair).
"""

from __future__ import annotations

import datetime as _dt
import filecmp
import itertools
import os
import shutil
from contextlib import ExitStack
from pathlib import Path

from termbase.fileio import atomic_open, atomic_write_bytes, temp_prefix
from termbase.errors import StoreLocked
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
    if store.engine != "tinydb":
        return store.diagnose()
    report = {"store": str(store.path), "engine": store.engine, "ok": True, "problems": [],
              "warnings": [],
              "backup": None}
    backup = backup_path(store.path)
    store_readable = False
    if not store.path.exists():
        if backup.exists():
            report["problems"].append(f"{store.path} is missing but its backup exists")
    else:
        try:
            tables = store.read_tables()
            report["concepts"] = len(tables["concepts"])
            store_problems = _check_tables(tables)
            report["problems"] += store_problems
            store_readable = not store_problems
        except StoreError as exc:
            report["problems"].append(str(exc))
    if backup.exists():
        try:
            backup_tables = AtomicJSONStorage(backup).read() or {}
            report["backup"] = {"path": str(backup), "readable": True,
                                "concepts": len(backup_tables.get("concepts", {}))}
        except StoreError:
            report["backup"] = {"path": str(backup), "readable": False}
    if store_readable and _backup_is_stale(store.path, backup):
        report["stale_backup"] = True
        report["warnings"].append(
            f"the backup {backup} is stale: it is not a copy of the store's last write "
            "(a backup copy failed, e.g. on a full disk); `termbase doctor --repair` "
            "refreshes it from the store")
    report["leftovers"] = [str(p) for p in _leftovers(store)]
    report["index"] = index_health(store)
    if report["index"] == "current" and store_readable:
        report["index"] = _audited_index(store, tables, report)
    if report.get("concepts"):
        from termbase.api import engine_advice

        advice = engine_advice(store.engine, report["concepts"], store.location)
        if advice:
            report["advice"] = advice
    report["ok"] = not report["problems"]
    return report


def check(store) -> dict:
    """`diagnose` under the store lock, so a write in progress (store renamed, backup not
    yet) is not reported as a stale backup. Where no lock can be taken (a read-only
    directory: nothing can be writing there) the check runs without it."""
    if store.engine != "tinydb":
        return store.diagnose()  # one read transaction: a consistent snapshot
    with ExitStack() as held:
        try:
            held.enter_context(store.locked())
        except StoreLocked:
            raise
        except (OSError, StoreError):  # cannot create the lock file: nobody writes here
            pass
        return diagnose(store)


def index_health(store) -> str:
    """"current", "stale (rebuilt on next use)", "absent" or "damaged (rebuilt on next
    use)": a stale or damaged index is never used, so this is information, not a problem."""
    from termbase.index import sidecar

    return sidecar.health(store)


def _audited_index(store, tables: dict, report: dict) -> str:
    """"current" unless the sidecar's rows differ from the records (an SQL edit of the
    sidecar that kept its stamp), which is then a warning too."""
    import sqlite3

    from termbase.index import audit, sidecar

    checked = audit.TermAudit()
    for doc in tables["concepts"].values():
        checked.add(doc)
    for key, doc in tables["memory"].items():
        checked.add_segment(key, doc)
    try:
        conn = sidecar.connect(store.index_path, readonly=True)
        try:
            verdict = checked.verdict(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return "damaged (rebuilt on next use)"
    if verdict != "current":
        report["warnings"].append(f"the search index is {verdict}")
    return verdict


def _backup_is_stale(store_path: Path, backup: Path) -> bool:
    """Every successful write leaves the backup a byte copy of the store."""
    try:
        return not filecmp.cmp(store_path, backup, shallow=False)
    except OSError:
        return True  # missing or unreadable: no usable copy of the current store


def _leftovers(store: Store) -> list[Path]:
    """Temporary files of writes that were killed before their rename (of the store, its
    backup, its index file and the damaged copies kept by a repair)."""
    prefixes = [temp_prefix(path) for path in (store.path, backup_path(store.path),
                                               store.index_path)]
    prefixes.append(f".{store.path.name}.damaged-")
    return sorted(p for p in store.path.parent.glob(".*.tmp")
                  if any(p.name.startswith(prefix) for prefix in prefixes))


def remove_leftovers(store: Store) -> list[str]:
    """Delete them under the lock, so no running write loses its temporary file."""
    with store.locked():
        return _remove_leftovers(store)


def _remove_leftovers(store: Store) -> list[str]:
    removed = []
    for path in _leftovers(store):
        path.unlink(missing_ok=True)
        removed.append(str(path))
    return removed


def repair(store: Store) -> dict:
    """Restore the backup over a damaged store (the damaged file is kept aside under a
    name no other repair uses), or refresh a stale backup from a healthy store, and rebuild
    a damaged or stale search index.

    All of it under the store lock, diagnosis included: a second repair running at the
    same time waits, then finds the store repaired and leaves it (and the damaged copy)
    alone."""
    if store.engine != "tinydb":
        return store.repair()
    with store.locked():
        report = diagnose(store)
        if report["leftovers"]:
            report["removed"] = _remove_leftovers(store)
        if report["ok"] and report.get("stale_backup"):
            store.storage.refresh_backup()
            report["action"] = f"refreshed the stale backup {backup_path(store.path)}"
        elif report["ok"]:
            report["action"] = "nothing to repair"
        else:
            _restore_backup(store, report)
            store.index_path.unlink(missing_ok=True)  # of the damaged file: rebuilt below
    if report.get("index", "").startswith(("damaged", "stale", "absent", "out of step")) \
            or "after" in report \
            or not report["ok"]:
        try:
            store.open_index(force=True)  # takes the lock itself
            if report["ok"] and report.get("index", "").startswith(("damaged", "stale",
                                                                      "out of step")):
                report["action"] = "search index rebuilt"
        except StoreError:
            pass  # the store itself is still damaged: reported below
    report["after"] = diagnose(store)
    return report


def _restore_backup(store: Store, report: dict) -> None:
    backup = backup_path(store.path)
    if not (report["backup"] and report["backup"]["readable"]):
        raise StoreError(f"{store.path} is damaged and no readable backup exists; "
                         "nothing was changed")
    backup_tables = AtomicJSONStorage(backup).read() or {}
    if shape_problem(backup_tables) or _check_tables(backup_tables):
        raise StoreError(f"the backup {backup} has problems too; nothing was changed")
    if store.path.exists():
        # A copy, then an atomic replace: a crash at any point leaves a store file
        # (damaged or restored) and the backup, never neither.
        report["damaged_copy"] = str(_keep_damaged(store.path))
    atomic_write_bytes(store.path, Path(backup).read_bytes(), like=store.path)
    report["action"] = f"restored from {backup}"


def _keep_damaged(path: Path) -> Path:
    """Copy the damaged file, atomically, to a name no earlier copy has. Repairs hold the
    store lock, so no other repair can take the same name meanwhile."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for number in itertools.count(1):
        aside = path.with_name(f"{path.name}.damaged-{stamp}" +
                               (f"-{number}" if number > 1 else ""))
        if not os.path.lexists(aside):
            break
    with open(path, "rb") as source, \
            atomic_open(aside, like=path, follow_link=False) as copy:  # a name of ours
        shutil.copyfileobj(source, copy, 1 << 20)
    return aside
