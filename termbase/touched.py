"""What a batch touched, in a form a person recognises: concept ids with their terms.

Written into the batch record when the batch commits (`Transaction.finish`), so that
`history` can show it without reading the change log, and so that it shows the terms as
they were then. Kept short: a large import lists its first concepts and a count. `purge`
scrubs batch records like everything else, so no erased string survives here.
"""

from __future__ import annotations

from termbase.transaction import change_ids

CONCEPTS_LISTED = 20
TERMS_LISTED = 4


def _terms(doc: dict | None) -> list[str]:
    terms = (doc or {}).get("terms") or []
    return [f"{t.get('lang', '?')}:{t.get('text', '')}" for t in terms[:TERMS_LISTED]]


def touched_concepts(changes: list[dict], concept_table, count: int) -> dict | None:
    """{"count": count, "concepts": [{"id", "terms": ["pl:gmina", ...]}]} for the first
    concepts the change-log entries name (memory segments left out), or None when there
    are none. A concept's terms are its current ones, or the before-image of a deleted one.
    `count` is the number of concepts the batch touched (the transaction keeps that set),
    so a million-row import costs no more here than a small one."""
    listed: dict[str, dict | None] = {}     # concept id -> its before-image, if logged
    for change in changes:
        if "key" in change or "keys" in change:
            continue
        for concept_id in change_ids(change):
            if concept_id in listed:
                listed[concept_id] = listed[concept_id] or change.get("before")
            elif len(listed) < CONCEPTS_LISTED:
                listed[concept_id] = change.get("before")
            else:
                break
    if not listed:
        return None
    return {"count": max(count, len(listed)), "concepts": [
        {"id": concept_id, "terms": _terms(concept_table.get(concept_id) or before)}
        for concept_id, before in listed.items()]}
