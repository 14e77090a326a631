"""Undoing a batch: replay its change-log entries backwards, as a new batch of its own.

A batch is refused if a later batch (not itself undone) touched the same concepts or
segments, because reverting it would silently throw that later work away; `force`
overrides. Every reversal is logged like any change, so an undo can be undone in turn.
"""

from __future__ import annotations

from termbase.errors import NotFound, StoreError
from termbase.transaction import change_ids


PAGE = 50


def _undoable(log, record: dict) -> bool:
    """What `undo last` may pick: not undone, not a purge, not the creation of the store
    (nothing done yet), and a change rather than the taking back of one: not an undo, but
    an undo of an undo (a redo) is a change again, like Ctrl-Z after Ctrl-Y."""
    return (not record.get("undone_by") and record.get("command") != "purge"
            and set(record.get("counts") or {}) != {"create"} and not _takes_back(log, record))


def _takes_back(log, record: dict) -> bool:
    """Whether `record` ends an odd chain of undos (undo, undo of a redo, ...): one read per
    link, by id (a log edited into a loop is followed once round)."""
    odd, seen = False, {record.get("batch")}
    while target := (record.get("summary") or {}).get("undoes"):
        odd = not odd
        found = log.batches_by_prefix(target, 1) if target not in seen else []
        if not found or found[0]["batch"] != target:
            break
        seen.add(target)
        record = found[0]
    return odd


def find_batch(log, wanted: str) -> dict:
    """The batch record named by `wanted`: an id, a unique prefix of one, or `last`. Reads
    the log a page at a time from its newest end (`last`) or by key (an id or prefix)."""
    if not wanted.strip():
        raise NotFound("give a batch id (see `termbase history`) or `last`")
    if wanted == "last":  # like Ctrl-Z: repeated, it steps further back
        before = None
        while page := log.newest_batches(PAGE, before):
            found = next((b for b in page if _undoable(log, b)), None)
            if found is not None:
                return found
            before = page[-1]["batch"]
        raise NotFound("there is no batch to undo")
    matching = log.batches_by_prefix(wanted, 2)
    if not matching:
        raise NotFound(f"no batch {wanted!r} (see `termbase history`)")
    if len({b["batch"] for b in matching}) > 1:
        raise StoreError(f"batch prefix {wanted!r} is ambiguous")
    return matching[0]


def undo_batch(store, batch: str, force: bool = False) -> dict:
    with store.transaction(command=f"undo {batch}") as tx:
        record = find_batch(tx.log, batch)
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
        live = _live_after(tx.log.batches_after(batch))
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


def _live_after(later: list[dict]) -> set[str]:
    """Of the batches logged after the one being undone (`later`, oldest first), those
    whose changes still count. A batch and its undo cancel out, and an undo of that undo
    brings the batch back: along each such chain, the members after the batch cancel when
    they are an even number, and count when odd. An undo always comes after what it
    undoes, so those members are all in `later`, and nothing older needs reading."""
    records = {b["batch"]: b for b in later}
    undoes = {b.get("undone_by") for b in later}
    live: set[str] = set()
    for root in later:
        if root["batch"] in undoes:
            continue  # not the first of its chain after the batch
        chain, current = [], root
        while current is not None:
            chain.append(current["batch"])
            current = records.get(current.get("undone_by") or "")
        if len(chain) % 2:
            live.update(chain)
    return live


def _targets(change: dict) -> list[tuple[str, str]]:
    """(kind, id) of what a change touches: memory segments by key, concepts by id."""
    if "keys" in change:
        return [("segment", k) for k in change["keys"]]
    if "key" in change:
        return [("segment", change["key"])]
    return [("concept", i) for i in change_ids(change)]
