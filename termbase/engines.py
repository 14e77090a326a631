"""Which storage engine a location names: the path or URL chooses.

    termbase.json, anything else      TinyDB file (the default)
    big.sqlite, .sqlite3, .db         SQLite
    sqlite:///path                    SQLite
    postgresql://...                  PostgreSQL (the team server; not in this version)
"""

from __future__ import annotations

import os
from pathlib import Path

from termbase.errors import StoreError

SQLITE_SUFFIXES = (".sqlite", ".sqlite3", ".db")


SQLITE_MAGIC = b"SQLite format 3\x00"


def engine_of(location: str | os.PathLike) -> str:
    """An existing file is what its first bytes say (a TinyDB store someone named
    `terms.db` stays one); a new one is chosen by its suffix."""
    text = str(location)
    if text.startswith(("postgresql://", "postgres://")):
        return "postgresql"
    if text.startswith("sqlite:"):
        return "sqlite"
    written = _first_bytes(Path(text), len(SQLITE_MAGIC))
    if written:
        return "sqlite" if written == SQLITE_MAGIC else "tinydb"
    return "sqlite" if Path(text).suffix.lower() in SQLITE_SUFFIXES else "tinydb"


def _first_bytes(path: Path, count: int) -> bytes:
    """The file's first bytes; nothing for a missing, empty or special file (never
    opened: a FIFO would block)."""
    import stat

    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return b""
        with open(path, "rb") as handle:
            return handle.read(count)
    except OSError:
        return b""


def open_store(location: str | os.PathLike):
    """The store object for a location (nothing is created yet)."""
    engine = engine_of(location)
    if engine == "sqlite":
        from termbase.sqlite_store import SQLiteStore

        return SQLiteStore(location)
    if engine == "postgresql":
        raise StoreError("PostgreSQL stores are not supported by this version of termbase")
    from termbase.store import Store

    return Store(location)
