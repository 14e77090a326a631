"""Undoing a batch: replay its change-log entries backwards, as a new batch of its own.

A batch is refused if a later batch (not itself undone) touched the same concepts, because
reverting it would silently throw that later work away; `force` overrides.
"""

from __future__ import annotations

from termbase.store import Store, StoreError, change_ids


def undo_batch(store: Store, batch: str, force: bool = False) -> dict:
    with store.transaction(command=f"undo {batch}") as tx:
        batches = [b for _, b in sorted(tx.tables["batches"].items(), key=lambda kv: int(kv[0]))]
        matching = [b for b in batches if b["batch"] == batch or b["batch"].startswith(batch)]
        if not matching:
            raise StoreError(f"no batch {batch!r} (see `termbase history`)")
        if len({b["batch"] for b in matching}) > 1:
            raise StoreError(f"batch prefix {batch!r} is ambiguous")
        record = matching[0]
        batch = record["batch"]
        if record.get("undone_by"):
            raise StoreError(f"batch {batch} was already undone by {record['undone_by']}")
        changes = [c for _, c in sorted(tx.tables["changes"].items(), key=lambda kv: int(kv[0]))]
        own = [c for c in changes if c["batch"] == batch]
        touched = {i for c in own for i in change_ids(c)}
        undone = {b["batch"] for b in batches if b.get("undone_by")}
        later = {c["batch"] for c in changes[changes.index(own[-1]) + 1:]
                 if touched.intersection(change_ids(c)) and c["batch"] != batch
                 and c["batch"] not in undone}
        if later and not force:
            raise StoreError(f"later batches changed the same concepts ({', '.join(sorted(later))}); "
                             "undo those first, or use --force")
        for change in reversed(own):
            tx.restore(change)
        reverted = sum(len(change_ids(c)) for c in own)
        record["undone_by"] = tx.batch
        tx.summary = {"undoes": batch, "changes_reverted": reverted}
        result = {"batch": tx.batch, "undid": batch, "changes_reverted": reverted}
    return result
