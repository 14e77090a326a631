"""Helpers the result types share."""

from __future__ import annotations


def with_optional(data: dict, **optional) -> dict:
    """`data` plus the optional keys that have a value (empty strings and None are left out)."""
    data.update((key, value) for key, value in optional.items() if value not in ("", None))
    return data
