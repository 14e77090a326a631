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


def touched_concepts(changes: list[dict], concept_table) -> dict | None:
    """{"count": n, "concepts": [{"id", "terms": ["pl:gmina", ...]}]} for the concepts the
    change-log entries name (memory segments left out), or None when there are none.
    A concept's terms are its current ones, or the before-image of a deleted one."""
    order: dict[str, None] = {}      # concept ids in first-touched order
    before: dict[str, dict] = {}
    for change in changes:
        if "key" in change or "keys" in change:
            continue
        for concept_id in change_ids(change):
            order.setdefault(concept_id)
            if change.get("before") and concept_id not in before:
                before[concept_id] = change["before"]
    if not order:
        return None
    listed = []
    for concept_id in list(order)[:CONCEPTS_LISTED]:
        doc = concept_table.get(concept_id) or before.get(concept_id)
        listed.append({"id": concept_id, "terms": _terms(doc)})
    return {"count": len(order), "concepts": listed}
