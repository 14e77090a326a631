"""The shape every stored record must have, whichever engine stores it: checked where
records are read, so that one edited by hand is reported in a line, never a crash of the
reader (or a damaged file written back over its last good backup)."""

from __future__ import annotations


def record_problem(table: str, record) -> str | None:
    """"not an object", "malformed" or None for a record of `table` ("concepts",
    "memory"; other tables need only be objects)."""
    if not isinstance(record, dict):
        return "not an object"
    if table == "concepts":
        terms = record.get("terms")
        if not isinstance(record.get("id"), str) or not isinstance(terms, list) or not all(
                isinstance(t, dict) and isinstance(t.get("lang"), str)
                and isinstance(t.get("text"), str) for t in terms):
            return "malformed"
    elif table == "memory":
        texts = record.get("texts")
        if not isinstance(texts, dict) or not all(isinstance(v, str) for v in texts.values()):
            return "malformed"
    return None
