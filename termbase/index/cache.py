"""The index cache beside the store: loaded in milliseconds, rebuilt when the store changes.

The cache records the store's fingerprint (inode, size, mtime) and the index format; if
either differs the cache is stale and is rebuilt. It is written atomically, so a build that
is killed leaves the old cache (which is stale, since the store changed) or none: a cold
lookup can never answer from a half-written or out-of-date index.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from termbase.fileio import atomic_open
from termbase.index.structures import INDEX_FORMAT, Index

MAGIC = b"TBIDX1\n"


def cache_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".tbcache")


def load(path: Path, fingerprint: tuple | None) -> Index | None:
    """The cached index if it matches `fingerprint`, else None (missing, stale, damaged).
    With fingerprint None any index of this format is returned (to borrow its memo)."""
    try:
        with open(path, "rb") as handle:
            if handle.read(len(MAGIC)) != MAGIC:
                return None
            format_, cached = pickle.load(handle)
            if format_ != INDEX_FORMAT or (fingerprint is not None
                                           and cached != tuple(fingerprint)):
                return None
            index = pickle.load(handle)
            typo_offset = handle.tell()
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError,
            ImportError, IndexError, TypeError):
        return None
    if not isinstance(index, Index):
        return None
    index.fuzzy = None
    index.fuzzy_loader = lambda: _load_typo_section(path, typo_offset, index.fingerprint)
    return index


def _load_typo_section(path: Path, offset: int, fingerprint: tuple) -> dict | None:
    """The typo index saved after the main index; None if the file has changed since."""
    try:
        with open(path, "rb") as handle:
            handle.seek(offset)
            stored_fingerprint, tables = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError,
            ImportError, IndexError, TypeError):
        return None
    return tables if stored_fingerprint == tuple(fingerprint) else None


def save(path: Path, index: Index) -> None:
    try:
        with atomic_open(path, "wb") as handle:
            handle.write(MAGIC)
            pickle.dump((INDEX_FORMAT, tuple(index.fingerprint)), handle, protocol=5)
            typo_tables, loader = index.typo_indexes(), index.fuzzy_loader
            index.fuzzy, index.fuzzy_loader = None, None
            try:
                pickle.dump(index, handle, protocol=5)
            finally:
                index.fuzzy, index.fuzzy_loader = typo_tables, loader
            pickle.dump((tuple(index.fingerprint), typo_tables), handle, protocol=5)
    except OSError:
        pass  # a read-only directory only costs a rebuild next time
