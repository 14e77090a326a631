"""Undoing a batch: replay its change-log entries backwards, as a new batch of its own.

A batch is refused if a later batch (not itself undone) touched the same concepts or
segments, because reverting it would silently throw that later work away; `force`
overrides. Every reversal is logged like any change, so an undo can be undone in turn.
"""

from __future__ import annotations

from termbase.errors import NotFound, StoreError
from termbase.transaction import change_ids


def find_batch(batches: list[dict], wanted: str) -> dict:
    """The batch record named by `wanted`: an id, a unique prefix of one, or `last`."""
    if not wanted.strip():
        raise NotFound("give a batch id (see `termbase history`) or `last`")
    if wanted == "last":  # like Ctrl-Z: repeated, it steps further back
        live = [b for b in batches if not b.get("undone_by")
                and "undoes" not in (b.get("summary") or {}) and b.get("command") != "purge"
                and set(b.get("counts") or {}) != {"create"}]  # a new store: nothing done
        if not live:
            raise NotFound("there is no batch to undo")
        return live[-1]
    matching = [b for b in batches if b["batch"] == wanted or b["batch"].startswith(wanted)]
    if not matching:
        raise NotFound(f"no batch {wanted!r} (see `termbase history`)")
    if len({b["batch"] for b in matching}) > 1:
        raise StoreError(f"batch prefix {wanted!r} is ambiguous")
    return matching[0]


def undo_batch(store, batch: str, force: bool = False) -> dict:
    with store.transaction(command=f"undo {batch}") as tx:
        batches = tx.log.batches()
        record = find_batch(batches, batch)
        batch = record["batch"]
        tx.command = f"undo {batch}"      # the id, not `last` or a prefix
        if record.get("undone_by"):
            raise StoreError(f"batch {batch} was already undone by {record['undone_by']}")
        if record.get("command") == "purge":
            raise StoreError(f"batch {batch} is a purge, which cannot be undone")
        own = list(tx.log.changes(batch=batch))
        if any(c.get("purged") for c in own):
            raise StoreError(f"batch {batch} changed records that were purged since; "
                             "it can no longer be undone")
        touched = {t for c in own for t in _targets(c)}
        live = _live_after(batches, batch)
        later = set()
        if own:
            later = {c["batch"] for c in tx.log.changes(after_batch=batch)
                     if c["batch"] in live and touched.intersection(_targets(c))}
        if later and not force:
            raise StoreError(f"later batches changed the same records ({', '.join(sorted(later))}); "
                             "undo those first, or use --force")
        for change in reversed(own):
            tx.restore(change)
        reverted = sum(len(change_ids(c)) for c in own)
        tx.log.update_batch(batch, {"undone_by": tx.batch})
        tx.counts.setdefault("undo", 1)
        tx.summary = {"undoes": batch, "changes_reverted": reverted}
        result = {"batch": tx.batch, "undid": batch, "changes_reverted": reverted}
    return result


def _live_after(batches: list[dict], batch: str) -> set[str]:
    """Batches after `batch` whose changes still count. A batch and its undo cancel out, and
    an undo of that undo brings the batch back: along each such chain, the members after
    `batch` cancel when they are an even number, and count when odd."""
    position = {b["batch"]: n for n, b in enumerate(batches)}
    records = {b["batch"]: b for b in batches}
    undoes = {b.get("undone_by") for b in batches}
    live: set[str] = set()
    for root in batches:
        if root["batch"] in undoes:
            continue  # not the start of a chain
        chain, current = [], root
        while current is not None:
            chain.append(current["batch"])
            current = records.get(current.get("undone_by") or "")
        after = [m for m in chain if position[m] > position[batch]]
        if len(after) % 2:
            live.update(after)
    return live


def _targets(change: dict) -> list[tuple[str, str]]:
    """(kind, id) of what a change touches: memory segments by key, concepts by id."""
    if "keys" in change:
        return [("segment", k) for k in change["keys"]]
    if "key" in change:
        return [("segment", change["key"])]
    return [("concept", i) for i in change_ids(change)]
