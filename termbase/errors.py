"""One exception root for everything termbase reports to a user.

Every message is fit to show as it is, on one line. Faces map `TermbaseError` to their
own failure signal (the CLI: exit status 1) in one place.
"""

from __future__ import annotations


class TermbaseError(Exception):
    """Root of the errors termbase raises on purpose."""


class NotFound(TermbaseError):
    """A concept, segment or batch that does not exist."""


class InvalidInput(TermbaseError, ValueError):
    """Data that fails validation (a term, a language code, a query)."""


class StoreError(TermbaseError):
    """A store problem with a message fit for the user."""


class StoreLocked(StoreError):
    """Another process holds the store's write lock for too long."""


class StoreDamaged(StoreError):
    """The store cannot be read as a termbase; the backup may restore it."""
