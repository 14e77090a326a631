"""In-memory search structures built from the store, cached beside it."""

from termbase.index.structures import Index, TermRef

__all__ = ["Index", "TermRef"]
