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


def engine_of(location: str | os.PathLike) -> str:
    text = str(location)
    if text.startswith(("postgresql://", "postgres://")):
        return "postgresql"
    if text.startswith("sqlite:") or Path(text).suffix.lower() in SQLITE_SUFFIXES:
        return "sqlite"
    return "tinydb"


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
